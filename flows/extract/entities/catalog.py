"""The entity catalog: countries (generated, `countries.csv`) and the hand-kept
`catalog.csv` (people, organisations, places, products, events), bilingual.

Each row: entity_id, entity_type, name (canonical Japanese), name_en,
wikidata_id (only where certain), aliases (`|`-joined spellings and short
forms, matched anywhere a name may stand) and guarded_aliases (short forms
that are also common words, e.g. グラム, マスク: matched only before a title or
honorific, or once the entity is named in the article). One-kanji
abbreviations (米, 露 …) are listed as aliases for users but matched by the
abbreviation rules, not here.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from flows.extract.entities.lexicon import is_kanji
from flows.text.normalise import fold_width

HERE = Path(__file__).parent
CATALOG_FILES = ("countries.csv", "catalog.csv")


@dataclass(frozen=True)
class Entry:
    entity_id: str
    entity_type: str
    name: str
    name_en: str
    wikidata_id: str | None
    aliases: tuple[str, ...]
    guarded_aliases: tuple[str, ...]

    def japanese_person(self) -> bool:
        """A person named in kanji (加藤勝信): a surname alone is shared by too many to be theirs by a title
        (加藤氏) or a dictionary tag alone; only once the article names them in full. (A one-kanji
        surname, 習 of 習近平, is matched apart, before a title, once the article names the person.)"""
        return self.entity_type == "PERSON" and all(is_kanji(ch) or "ぁ" <= ch <= "ゖ" for ch in self.name)

    def bare_surname(self, alias: str) -> bool:
        """A guarded alias theirs only once the article names them in full: a Japanese person's surname
        longer than one kanji (加藤 of 加藤勝信), or the first part of a name written with ・, a given name
        many share (ムハンマド of ムハンマド・ビン・サルマン: ムハンマド大統領 is someone else)."""
        if self.entity_type == "PERSON" and "・" in self.name and self.name.split("・")[0] == alias:
            return True
        return len(alias) > 1 and self.japanese_person()

    def record(self) -> dict:
        """The entity row the extractor returns (n_mentions/n_documents come later)."""
        return {"entity_id": self.entity_id, "name": self.name, "name_en": self.name_en,
                "entity_type": self.entity_type, "wikidata_id": self.wikidata_id,
                "aliases": list(self.aliases + self.guarded_aliases), "inferred": False}


@dataclass(frozen=True)
class Catalog:
    entries: dict[str, Entry]
    surfaces: dict[str, tuple[str, bool]]  # folded surface → (entity_id, guarded)
    automaton: ahocorasick.Automaton       # folded surface → (length, entity_id, guarded)
    countries: frozenset[str]              # entity IDs of countries and territories (countries.csv)

    def entity_for(self, surface: str, folded: bool = False) -> str | None:
        """The entity a name or alias belongs to; `folded` when the surface is already width-folded. A
        Japanese person's surname alone (加藤 of 加藤勝信) and a place's guarded short form (石川 of 石川県)
        belong to nobody in particular."""
        hit = self.surfaces.get(surface if folded else fold_width(surface))
        if hit is None or hit[1] and (self.entries[hit[0]].bare_surname(surface)
                                      or self.entries[hit[0]].entity_type in ("GPE", "LOC")):
            return None  # 石川 is Ishikawa Prefecture only where the article names it (match_catalog)
        return hit[0]


def _split(value: str) -> tuple[str, ...]:
    return tuple(a for a in (value or "").split("|") if a)


def matchable(surface: str) -> bool:
    """One-character names are left to the abbreviation and context rules."""
    return len(surface) > 1 or surface.isascii()


def read_entries(files: tuple[str, ...] = CATALOG_FILES) -> list[Entry]:
    out = []
    for fname in files:
        with (HERE / fname).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.append(Entry(row["entity_id"], row["entity_type"], row["name"], row["name_en"],
                                 row["wikidata_id"] or None, _split(row["aliases"]), _split(row["guarded_aliases"])))
    return out


@cache
def catalog() -> Catalog:
    entries: dict[str, Entry] = {}
    surfaces: dict[str, tuple[str, bool]] = {}
    countries = read_entries(CATALOG_FILES[:1])
    for e in countries + read_entries(CATALOG_FILES[1:]):
        if e.entity_id in entries:
            raise ValueError(f"duplicate entity_id in catalog: {e.entity_id}")
        entries[e.entity_id] = e
        for surface, guarded in [(e.name, False)] + [(a, False) for a in e.aliases] + \
                                [(a, True) for a in e.guarded_aliases]:
            key = fold_width(surface)
            # the first entry to claim a surface keeps it; tests assert there is no clash
            surfaces.setdefault(key, (e.entity_id, guarded))
    automaton = ahocorasick.Automaton()
    for key, (entity_id, guarded) in surfaces.items():
        if matchable(key):
            automaton.add_word(key, (len(key), entity_id, guarded))
    automaton.make_automaton()
    return Catalog(entries, surfaces, automaton, frozenset(e.entity_id for e in countries))
