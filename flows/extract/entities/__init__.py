"""Entity mentions and the entity catalog (issue 3).

`extract_entities(doc) -> (mentions, entities)`. Rules run from the most to
the least certain, each taking spans the earlier ones left free:

1. catalog names and aliases (`catalog.csv`, `countries.csv`), whole words only;
2. datelines (`【ワシントン=坂口幸裕】`) and katakana names before a title or
   honorific (`ベルジナ氏`, `ケリー報道官`);
3. one-kanji country abbreviations (`米`, `ロ`, `露` … in `トランプ米大統領`, `米ロ`, `対ロ`);
4. organisation and place suffixes (a country before a party name joins it: `韓国民主党`),
   names in brackets after the word for their kind (`IT企業「ネクストウェーブ」`),
   acronyms in parentheses;
5. UniDic proper-noun tags (人名, 地名);
6. government bodies re-pointed by their country (`米財務省`);
7. a small learned tagger (`model.py`) for names with no such evidence, merged
   without touching what the contract decides; a kanji surname beside a katakana given name
   found apart is one person (`玉城デニー`);
8. short forms of names introduced earlier in the article (coreference).

Names not in the catalog become inferred entities, `<type>:~<sha256(name)[:12]>`,
the same in every article. Lexicons are data (`lexicon.yaml`).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from flows.extract.entities.abbreviations import abbreviation_candidates
from flows.extract.entities.bodies import resolve_bodies_of_countries, resolve_government_bodies
from flows.extract.entities.bracketed import bracketed_org_candidates
from flows.extract.entities.catalog import catalog
from flows.extract.entities.coreference import (coreference_candidates, unify_acronyms, unify_readings,
                                                unify_short_names)
from flows.extract.entities.legal_forms import legal_form_candidates
from flows.extract.entities.match_catalog import catalog_candidates
from flows.extract.entities.model import model_candidates
from flows.extract.entities.names import (dateline_candidates, dictionary_candidates, full_name_candidates,
                                          latin_candidates, title_candidates)
from flows.extract.entities.orgs import (acronym_candidates, extend_catalog_orgs, merge_country_parties,
                                         merge_latin_compounds, suffix_candidates)
from flows.extract.entities.people import (kanji_names_before_titles, merge_mixed_script_names, things_not_people,
                                          surname_before_reading)
from flows.extract.entities.places import (extend_catalog_places, merge_addresses, merge_prefectural_police,
                                           place_suffix_candidates)
from flows.extract.entities.romanise import has_kanji, romanise
from flows.extract.entities.view import Candidate, TextView
from flows.text.document import Document, span_id
from flows.text.normalise import fold_width


@lru_cache(maxsize=65536)
def inferred_entity_id(entity_type: str, name: str) -> str:
    digest = hashlib.sha256(fold_width(name).encode("utf-8")).hexdigest()
    return f"{entity_type.lower()}:~{digest[:12]}"


def rule_candidates(view: TextView) -> list[Candidate]:
    """What the rules find (steps 1-6); the model's features are made of it."""
    found: list[Candidate] = []
    found += catalog_candidates(view)
    found += dateline_candidates(view)
    found += title_candidates(view)
    found += abbreviation_candidates(view)
    found += suffix_candidates(view, found)
    extend_catalog_orgs(view, found)
    found += legal_form_candidates(view, found)
    found += bracketed_org_candidates(view, found)
    merge_country_parties(view, found)
    found += place_suffix_candidates(view)
    extend_catalog_places(view, found)
    found += acronym_candidates(view, found)
    found += latin_candidates(view)
    found += dictionary_candidates(view)
    found += kanji_names_before_titles(view)
    found += full_name_candidates(view)
    merge_latin_compounds(view, found)
    resolve_government_bodies(view, found)
    resolve_bodies_of_countries(view, found)
    merge_addresses(view, found)
    merge_prefectural_police(view, found)
    return found


def find_candidates(doc: Document, use_model: bool = True) -> tuple[TextView, list[Candidate]]:
    view = TextView(doc)
    found = rule_candidates(view)
    if use_model:
        model_candidates(view, found)
    merge_mixed_script_names(view, found)
    surname_before_reading(view, found)
    things_not_people(found, view.text)
    unify_short_names(view, found)
    unify_readings(view, found)
    unify_acronyms(view, found)
    found += coreference_candidates(view, found)
    found.sort(key=lambda c: (c.start, c.end))
    return view, found


def extract_entities(doc: Document, use_model: bool = True) -> tuple[list[dict], list[dict]]:
    """Mentions and the entity rows they point to; `use_model=False` gives the rules alone."""
    view, found = find_candidates(doc, use_model)
    cat = catalog()
    mentions: list[dict] = []
    entities: dict[str, dict] = {}
    for c in found:
        surface = doc.text[c.start:c.end]
        i = view.sentence_of(c.start, c.end)
        if c.entity_id is not None:
            entity_id = c.entity_id
            if entity_id not in entities:
                entities[entity_id] = cat.entries[entity_id].record()
        else:
            entity_id = inferred_entity_id(c.entity_type, c.name)
            row = entities.get(entity_id)
            if row is None:
                own = [m for m in doc.morphemes(i) if c.start <= m.start and m.end <= c.end] \
                    if not c.name_en and has_kanji(c.name) else None  # readings for a kanji name
                row = entities[entity_id] = {
                    "entity_id": entity_id, "name": c.name, "name_en": c.name_en or romanise(c.name, own),
                    "entity_type": c.entity_type, "wikidata_id": None, "aliases": [], "inferred": True}
            if surface != row["name"] and surface not in row["aliases"]:
                row["aliases"].append(surface)
        mentions.append({
            "mention_id": span_id(doc.doc_id, "m", c.start, c.end), "doc_id": doc.doc_id,
            "sentence_id": doc.sentences[i].id, "start": c.start, "end": c.end, "surface": surface,
            "entity_type": c.entity_type, "entity_id": entity_id, "method": c.method})
    return mentions, list(entities.values())
