"""Places named with their suffix (the contract keeps a suffix that is part of the usual name:
`アラスカ州`, `クリミア半島`), and addresses written as one chain of places.

- a katakana run before a place suffix (`ミシガン州`, `ユトランド半島`; `ロシア・トムスク州` gives
  `ロシア` and `トムスク州`);
- a catalog place followed by a place suffix of its own (`ハルキウ州`, `上海市`, `東京府`, `日本海`):
  the suffix joins the name; a city's own 市/都 keeps the city's entity, a region named after a
  place (`ハルキウ州` after the city `ハルキウ`) is an entity of its own;
- an address chain (`福岡県八女郡広川町`) is one name.
"""
from __future__ import annotations

from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import lexicon
from flows.extract.entities.names import KATAKANA_RUN, entity_candidate
from flows.extract.entities.view import Candidate, TextView


def place_suffix_candidates(view: TextView) -> list[Candidate]:
    """A katakana run before a place suffix: ミシガン州, ユトランド半島; after a place named first and
    joined by ・ (ロシア・トムスク州), the part after the ・."""
    lex = lexicon()
    text = view.text
    out = []
    for m in KATAKANA_RUN.finditer(text):
        suffix = lex.place_suffix_after.match(text, m.end())
        if not suffix:
            continue
        end = suffix.end()
        i = view.sentence_of(m.start(), end)
        if i < 0 or end not in view.bounds(i)[1]:
            continue
        start = m.start()
        if not view.is_free(start, end):
            dot = m.group().rfind("・")
            start = m.start() + dot + 1
            if dot < 0 or view.is_free(m.start(), start - 1) or not view.is_free(start, end):
                continue  # only a place already named before the ・ is left out
        if text[start:m.end()] in lex.not_person_names:
            continue
        view.take(start, end)
        out.append(entity_candidate(view, start, end, lex.place_suffixes[suffix.group()], "suffix", fixed=True))
    return out


def extend_catalog_places(view: TextView, found: list[Candidate]) -> None:
    """A catalog place (two characters or more) followed by a place suffix that is a morpheme of its
    own (ハルキウ|州, 上海|市, 日本|海; not 市場, 都内, 市長) takes the suffix into its name."""
    lex = lexicon()
    text = view.text
    for c in [c for c in found if c.method == "catalog" and c.entity_type in ("GPE", "LOC") and c.end - c.start > 1]:
        suffix = lex.place_suffix_after.match(text, c.end)
        if suffix is None or suffix.group() not in lex.catalog_place_suffixes:
            continue
        end = suffix.end()
        if not view.grows_by(c, end):
            continue
        city = c.entity_id if suffix.group() in lex.city_suffixes else None   # 上海市 is 上海
        view.replace(found, c, entity_candidate(view, c.start, end, lex.place_suffixes[suffix.group()], "suffix",
                                                otherwise=city, fixed=True))


_PREFECTURE_ENDS = tuple("都道府県")


def merge_prefectural_police(view: TextView, found: list[Candidate]) -> None:
    """A prefecture followed by 警 (大阪府|警, 北海道|警, 京都府警本部) is its police, an organisation: the
    place alone would make the police a place."""
    text = view.text
    for c in [c for c in found if c.entity_type == "GPE" and text[c.start:c.end].endswith(_PREFECTURE_ENDS)]:
        tail = next((t for t in lexicon().prefectural_police_tails if text.startswith(t, c.end)), None)
        if tail is None:
            continue
        end = c.end + len(tail)
        if view.grows_by(c, end):
            view.replace(found, c, Candidate(c.start, end, "ORG", "suffix", name=view.doc.text[c.start:end], fixed=True))


_ADDRESS_HEADS = tuple("都道府県郡")


def _region(surface: str) -> bool:
    """能登地方, 関東地域: a region, no link of an address (石川県|能登地方 are two names)."""
    return any(surface.endswith(sfx) for sfx, etype in lexicon().place_suffixes.items() if etype == "LOC")


def merge_addresses(view: TextView, found: list[Candidate]) -> None:
    """An address written as one chain of places (福岡県八女郡広川町, 東京都三鷹市) is one name.
    Chains of catalog places stay apart unless the first is a Japanese prefecture-level unit
    (米アラスカ州アンカレジ keeps its two links)."""
    places = sorted((c for c in found if c.entity_type in ("GPE", "LOC") and c.method != "abbreviation"),
                    key=lambda c: c.start)
    k = 0
    while k + 1 < len(places):
        a, b = places[k], places[k + 1]
        surface_a = view.text[a.start:a.end]
        if a.end == b.start and a.entity_type == "GPE" and (a.entity_id is None or surface_a.endswith(_ADDRESS_HEADS)) \
                and view.sentence_of(a.start, b.end) >= 0 and not _region(view.text[b.start:b.end]) \
                and b.entity_id not in catalog().countries:  # 北海道|日本ハム: no country is a link
            merged = Candidate(a.start, b.end, "GPE", "suffix" if b.method == "suffix" else "dictionary",
                               name=view.doc.text[a.start:b.end])
            found.remove(a)
            found.remove(b)
            found.append(merged)
            places[k:k + 2] = [merged]
            continue
        k += 1
