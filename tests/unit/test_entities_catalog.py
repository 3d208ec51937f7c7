"""The entity catalog as data: IDs unique and stable, aliases unambiguous, codes valid."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from flows.extract.entities.catalog import catalog, matchable, read_entries
from flows.extract.entities.lexicon import lexicon
from flows.text.normalise import fold_width
from schemas.codes import ENTITY_TYPES

ENTRIES = read_entries()
ID = re.compile(r"^(person|org|gpe|loc|fac|event|product):[a-z0-9]+(-[a-z0-9]+)*$")


def test_ids_are_unique_readable_and_typed():
    ids = [e.entity_id for e in ENTRIES]
    assert len(ids) == len(set(ids))
    for e in ENTRIES:
        assert ID.match(e.entity_id), e.entity_id
        assert e.entity_type in ENTITY_TYPES
        assert e.entity_id.split(":")[0] == e.entity_type.lower()
        assert e.name and e.name_en and e.name_en.isascii() is not None


def test_no_alias_belongs_to_two_entities():
    owners = defaultdict(set)
    for e in ENTRIES:
        for surface in (e.name, *e.aliases, *e.guarded_aliases):
            owners[fold_width(surface)].add(e.entity_id)
    clashes = {s: ids for s, ids in owners.items() if len(ids) > 1}
    assert clashes == {}


def test_no_name_or_alias_holds_an_aside_in_parentheses():
    """主要7カ国(G7) would make one mention of what the contract splits into two (an acronym in
    parentheses is a mention of its own)."""
    bad = [(e.entity_id, a) for e in ENTRIES for a in (e.name, *e.aliases, *e.guarded_aliases)
           if re.search("[()（）]", a)]
    assert bad == []


def test_every_name_and_alias_resolves_to_its_entity():
    cat = catalog()
    for e in ENTRIES:
        for surface in (e.name, *e.aliases):
            assert cat.entity_for(surface) == e.entity_id, surface
        for surface in e.guarded_aliases:       # a Japanese surname (加藤) or a given name (ムハンマド) alone
            given = "・" in e.name and e.name.split("・")[0] == surface      # is nobody's in particular
            place = e.entity_type in ("GPE", "LOC")     # 石川 of 石川県: only where the article names it
            expected = None if e.japanese_person() and len(surface) > 1 or given or place else e.entity_id
            assert cat.entity_for(surface) == expected, surface


@pytest.mark.parametrize("text,expected", [
    ("ムハンマド大統領は会談した。", "~"),                                   # someone else of that name
    ("ムハンマド・ビン・サルマン皇太子は会見した。ムハンマド皇太子は述べた。", "person:mohammed-bin-salman"),
])
def test_a_given_name_alone_is_the_catalog_person_only_once_the_article_names_them(text, expected):
    from flows.extract.entities import extract_entities
    from flows.text.document import build_document
    mentions, entities = extract_entities(build_document([("body", text)]))
    inferred = {e["entity_id"] for e in entities if e["inferred"]}
    last = [m for m in mentions if m["surface"] == "ムハンマド"][-1]
    assert ("~" if last["entity_id"] in inferred else last["entity_id"]) == expected


def test_a_japanese_surname_is_the_catalog_person_only_once_the_article_names_them():
    from flows.extract.entities import extract_entities
    from flows.text.document import build_document

    def people(text):
        mentions, _ = extract_entities(build_document([("body", text)]))
        return [(m["surface"], m["entity_id"]) for m in mentions if m["entity_type"] == "PERSON"]

    assert people("加藤勝信財務相が会見した。加藤氏は円安に触れた。") == [
        ("加藤勝信", "person:katsunobu-kato"), ("加藤", "person:katsunobu-kato")]
    assert all(eid != "person:katsunobu-kato" for _, eid in people("加藤氏は円安に触れた。"))


def test_wikidata_ids_are_well_formed_and_unique():
    qids = [e.wikidata_id for e in ENTRIES if e.wikidata_id]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize("entity_id,name_en,wikidata_id", [
    ("person:donald-trump", "Donald Trump", "Q22686"),
    ("person:vladimir-putin", "Vladimir Putin", "Q7747"),
    ("person:volodymyr-zelensky", "Volodymyr Zelensky", "Q3874799"),
    ("person:steve-witkoff", "Steve Witkoff", None),
    ("gpe:united-states", "United States", "Q30"),
    ("gpe:russia", "Russia", "Q159"),
    ("gpe:ukraine", "Ukraine", "Q212"),
    ("org:nato", "NATO", "Q7184"),
    ("org:white-house", "White House", "Q35525"),
])
def test_stable_ids_of_the_main_actors(entity_id, name_en, wikidata_id):
    e = catalog().entries[entity_id]
    assert (e.name_en, e.wikidata_id) == (name_en, wikidata_id)


def test_every_country_is_in_the_catalog_in_japanese():
    countries = [e for e in ENTRIES if e.entity_type == "GPE" and e.entity_id.startswith("gpe:")]
    assert len(countries) >= 249
    by_name = {e.name: e.entity_id for e in countries}
    assert by_name["米国"] == "gpe:united-states" and by_name["ジョージア"] == "gpe:georgia"
    assert catalog().entity_for("アメリカ") == "gpe:united-states"
    assert catalog().entity_for("イギリス") == "gpe:united-kingdom"


def test_lexicon_targets_exist_in_the_catalog():
    cat, lex = catalog(), lexicon()
    for ch, entity_id in lex.abbreviations.items():
        assert len(ch) == 1 and entity_id in cat.entries
        assert ch in cat.entries[entity_id].aliases, ch  # users find the abbreviation among the aliases
    for body, spec in lex.government_bodies.items():
        for country, target in spec["by_country"].items():
            assert country in cat.entries and target in cat.entries
        assert "{country}" in spec["name_en"]


def test_one_character_aliases_are_left_to_the_rules():
    assert not matchable("米") and not matchable("ロ") and matchable("X") and matchable("米国")


def test_no_person_alias_carries_a_title():
    """Spans never hold a title (the contract): an alias such as レビット報道官 would make one."""
    titles = tuple(lexicon().titles)
    for e in ENTRIES:
        if e.entity_type == "PERSON":
            for alias in (*e.aliases, *e.guarded_aliases):
                assert not alias.endswith(titles), (e.entity_id, alias)


def test_every_catalog_person_is_found_before_an_honorific():
    """MeCab may glue the honorific to a name's last kanji (習近|平氏): the catalog name is found all the same."""
    from flows.extract.entities import extract_entities
    from flows.text.document import build_document
    missed = []
    for e in ENTRIES:
        if e.entity_type != "PERSON":
            continue
        for name in (e.name, *e.aliases):
            doc = build_document([("body", name + "氏は語った。")])
            if (name, e.entity_id) not in [(m["surface"], m["entity_id"]) for m in extract_entities(doc)[0]]:
                missed.append(name)
    assert missed == []
