"""The extractor's vocabulary (`lexicon.yaml`), loaded once, with compiled patterns.

Words live in the YAML; this module only turns them into sets and regexes that
run at C speed over whole texts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent

KATAKANA = "ァ-ヺー"
KATAKANA_RE = re.compile(f"[{KATAKANA}]")
# A katakana name: runs joined by the name separators ・ and ＝ (クリスティン・ベルジナ).
KATAKANA_NAME = f"[{KATAKANA}]+(?:[・=＝][{KATAKANA}]+)*"


def is_katakana(ch: str) -> bool:
    return "ァ" <= ch <= "ヺ" or ch == "ー"


def is_kanji(ch: str) -> bool:
    return "一" <= ch <= "鿿" or ch == "々" or "㐀" <= ch <= "䶿"


def is_latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Lexicon:
    honorifics: frozenset[str]
    titles: frozenset[str]
    abbreviations: dict[str, str]
    restricted_abbreviations: frozenset[str]
    title_prefixes: frozenset[str]
    confirmed_abbreviations: frozenset[str]
    ambiguous_compounds: frozenset[str]
    abbreviation_prefixes: tuple[str, ...]
    abbreviation_suffixes: tuple[str, ...]
    name_suffixes: dict[str, str]  # suffix → entity type
    place_suffixes: dict[str, str]
    generic_name_heads: tuple[str, ...]
    country_group_heads: frozenset[str]
    not_given_name_tails: frozenset[str]
    person_only_titles: frozenset[str]
    not_given_names: frozenset[str]
    personal_honorifics: tuple[str, ...]
    people_words: tuple[str, ...]
    latin_org_suffixes: frozenset[str]
    facility_tails: frozenset[str]
    award_tails: tuple[str, ...]
    generic_party_words: frozenset[str]
    catalog_place_suffixes: frozenset[str]
    bracketed_org_kinds: tuple[str, ...]
    legal_form_re: re.Pattern          # a legal form written before a name (株式会社)
    org_name_tails: frozenset[str]
    prefectural_police_tails: tuple[str, ...]
    leader_government_after: re.Pattern  # (anchored) 政権 after a leader's surname
    org_extending_suffixes: frozenset[str]
    city_suffixes: frozenset[str]
    not_person_names: frozenset[str]
    not_names: tuple[str, ...]
    not_after_place: frozenset[str]
    not_acronyms: frozenset[str]
    origin_suffixes: frozenset[str]
    position_words: frozenset[str]
    product_classes: tuple[str, ...]
    vessel_classes: tuple[str, ...]
    acronym_org_heads: tuple[str, ...]
    government_bodies: dict[str, dict]
    contextual_aliases: dict[str, str]
    # compiled
    person_before_title: re.Pattern   # katakana name + optional modifiers + title or honorific
    title_after: re.Pattern           # (anchored) modifiers + title or honorific right after a name
    surname_marker_after: re.Pattern  # (anchored) an honorific or a title only a person's surname carries
    award_after: re.Pattern           # (anchored) up to four kanji and an award word (賞, 平和賞)
    name_suffix_re: re.Pattern        # a name suffix (財団, 基地, 戦争 …)
    place_suffix_after: re.Pattern    # (anchored) a place suffix
    acronym_in_parens: re.Pattern
    abbreviation_morpheme: re.Pattern
    not_names_re: re.Pattern | None


@cache
def lexicon() -> Lexicon:
    d = yaml.safe_load((HERE / "lexicon.yaml").read_text(encoding="utf-8"))
    abbrs = "".join(d["abbreviations"])
    titles = list(d["titles"]) + [p + "相" for p in d["minister_portfolios"] if p + "相" not in d["titles"]]
    title_words = titles + list(d["honorifics"])
    # Between a name and its title: a country abbreviation (トランプ米大統領) or a posting (グラス駐日大使,
    # 薛剣駐大阪総領事),
    # a prefix (前, 元),
    # a portfolio (中東担当特使, 国家安全保障担当, 外交安全保障) and a prefix again (外交安全保障|上級|代表),
    # in that order, each optional.
    modifiers = (f"(?:[{abbrs}]|駐[{abbrs}]|駐[一-鿿ァ-ヺー]{{2,6}}?)?(?:{_alternation(d['title_prefixes'])})?"
                 f"(?:[一-鿿]{{1,8}}担当|{_alternation(d['title_portfolios'])})?(?:{_alternation(d['title_prefixes'])})?")
    title_alt = _alternation(title_words)
    return Lexicon(
        honorifics=frozenset(d["honorifics"]),
        titles=frozenset(titles),
        abbreviations=dict(d["abbreviations"]),
        restricted_abbreviations=frozenset(d["restricted_abbreviations"]),
        title_prefixes=frozenset(d["title_prefixes"]),
        confirmed_abbreviations=frozenset(d["confirmed_abbreviations"]),
        ambiguous_compounds=frozenset(d["ambiguous_compounds"]),
        abbreviation_prefixes=tuple(d["abbreviation_prefixes"]),
        abbreviation_suffixes=tuple(d["abbreviation_suffixes"]),
        name_suffixes={sfx: t for t, sfxs in d["name_suffixes"].items() for sfx in reversed(sfxs)},
        place_suffixes=dict(d["place_suffixes"]),
        generic_name_heads=tuple(d["generic_name_heads"]),
        country_group_heads=frozenset(d["country_group_heads"]),
        not_given_name_tails=frozenset(d["not_given_name_tails"]),
        person_only_titles=frozenset(d["person_only_titles"]),
        not_given_names=frozenset(d["not_given_names"]),
        personal_honorifics=tuple(d["personal_honorifics"]),
        people_words=tuple(d["people_words"]),
        latin_org_suffixes=frozenset(d["latin_org_suffixes"]),
        facility_tails=frozenset(d["facility_tails"]),
        award_tails=tuple(d["award_tails"]),
        generic_party_words=frozenset(d["generic_party_words"]),
        catalog_place_suffixes=frozenset(d["catalog_place_suffixes"]),
        legal_form_re=re.compile(_alternation(d["legal_form_prefixes"])),
        bracketed_org_kinds=tuple(d["bracketed_org_kinds"]),
        org_name_tails=frozenset(d["org_name_tails"]),
        prefectural_police_tails=tuple(sorted(d["prefectural_police_tails"], key=len, reverse=True)),
        leader_government_after=re.compile(_alternation(d["leader_government_words"])),
        org_extending_suffixes=frozenset(d["org_extending_suffixes"]),
        city_suffixes=frozenset(d["city_suffixes"]),
        not_person_names=frozenset(d["not_person_names"]),
        not_names=tuple(d["not_names"]),
        not_after_place=frozenset(d["not_after_place"]),
        not_acronyms=frozenset(d["not_acronyms"]),
        origin_suffixes=frozenset(d["origin_suffixes"]),
        position_words=frozenset(d["position_words"]),
        product_classes=tuple(d["product_classes"]),
        vessel_classes=tuple(d["vessel_classes"]),
        acronym_org_heads=tuple(d["acronym_org_heads"]),
        government_bodies=dict(d["government_bodies"]),
        contextual_aliases=dict(d["contextual_aliases"]),
        person_before_title=re.compile(f"(?<![{KATAKANA}・=＝])({KATAKANA_NAME})(?={modifiers}(?:{title_alt}))"),
        title_after=re.compile(f"{modifiers}(?:{title_alt})"),
        surname_marker_after=re.compile(f"(?:{_alternation(list(d['surname_honorifics']) + list(d['person_only_titles']))})"),
        award_after=re.compile(f"[一-鿿]{{0,4}}?(?:{_alternation(d['award_tails'])})"),
        name_suffix_re=re.compile(_alternation(s for ss in d["name_suffixes"].values() for s in ss)),
        place_suffix_after=re.compile(_alternation(d["place_suffixes"])),
        acronym_in_parens=re.compile(r"[ 　]?[(（]([A-Z][A-Za-z0-9&.\-]{1,11})[)）]"),
        abbreviation_morpheme=re.compile(
            f"^({_alternation(d['abbreviation_prefixes'])})?([{abbrs}]+)({_alternation(d['abbreviation_suffixes'])})?$"),
        not_names_re=re.compile(_alternation(d["not_names"])) if d["not_names"] else None,
    )
