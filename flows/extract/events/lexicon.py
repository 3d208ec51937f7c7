"""The event vocabulary: trigger entries and construction cues, loaded once from YAML.

`triggers.yaml` maps Japanese predicates to PLOVER types and modes;
`cues.yaml` lists light verbs, negation and modality cues, particles and
roles. Both are checked against `schemas/codes.py` when loaded, so a typo in
a type or mode fails at once rather than in validation of a release.
Candidates are found with one compiled regex of every key over the
article (longest key first); keys are kana and kanji, which width folding
leaves alone. Morphemes are read only around those hits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from flows.text.normalise import fold_width
from schemas import codes

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Entry:
    keys: tuple[str, ...]
    pos: str                       # noun | verb
    type: str
    mode: str | None = None        # a PLOVER mode, `by_place`, or None
    lemmas: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    negated_type: str | None = None
    not_after_quote: bool = False
    present: str | None = None     # planned: a non-past predicate is future even for a speech-act type
    needs_target: bool = False     # an event only toward a named target or place (会う, 訪れる, 断る)
    not_with: tuple[str, ...] = ()  # words in the sentence that make it something else (試合 for 攻撃)
    needs_object: bool = False     # only with a を-object or …よう clause (決断を迫る, not 魅力に迫る)
    not_after: tuple[str, ...] = ()  # idioms: words right before the key that make it no event (状況に応じて)
    patient_subject: bool = False  # in a headline, its が-subject undergoes it (Xが逮捕)
    only_after: tuple[str, ...] = ()  # the key counts only right after one of these (…で一致, not …と一致)
    object_in_trigger: bool = True  # with `objects`: the trigger runs from the object (計画を撤回)
    actor_target: bool = False     # its target is a person, an organisation or a country, never a place
    headline_noun: bool = False    # with light_verbs: also alone, ending a sentence or a headline (…で一致)
    not_light_verbs: frozenset[str] = frozenset()   # generic light verbs that make no event of it (要望を実現)


def _entry(raw: dict) -> Entry:
    entry = Entry(
        keys=tuple(raw["keys"]), pos=raw["pos"], type=raw["type"], mode=raw.get("mode"),
        lemmas=frozenset(raw.get("lemmas", ())), light_verbs=frozenset(raw.get("light_verbs", ())),
        objects=frozenset(raw.get("objects", ())), negated_type=raw.get("negated_type"),
        not_after_quote=bool(raw.get("not_after_quote", False)), present=raw.get("present"),
        needs_target=bool(raw.get("needs_target", False)), not_with=tuple(raw.get("not_with", ())),
        needs_object=bool(raw.get("needs_object", False)), not_after=tuple(raw.get("not_after", ())),
        patient_subject=bool(raw.get("patient_subject", False)), only_after=tuple(raw.get("only_after", ())),
        object_in_trigger=bool(raw.get("object_in_trigger", True)),
        actor_target=bool(raw.get("actor_target", False)),
        headline_noun=bool(raw.get("headline_noun", False)),
        not_light_verbs=frozenset(raw.get("not_light_verbs", ())),
    )
    if entry.pos not in ("noun", "verb"):
        raise ValueError(f"trigger {entry.keys}: pos must be noun or verb")
    for t in (entry.type, entry.negated_type):
        if t is not None and t not in codes.EVENT_TYPES:
            raise ValueError(f"trigger {entry.keys}: {t} is not a PLOVER type")
    if entry.mode not in (None, "by_place") and entry.mode not in codes.EVENT_MODES[entry.type]:
        raise ValueError(f"trigger {entry.keys}: {entry.mode} is not a mode of {entry.type}")
    if entry.pos == "verb" and not entry.lemmas:
        raise ValueError(f"trigger {entry.keys}: a verb needs its lemmas")
    if any(fold_width(k) != k for k in entry.keys):
        raise ValueError(f"trigger {entry.keys}: keys are matched on unfolded text, write them without ASCII")
    return entry


@cache
def entries() -> tuple[Entry, ...]:
    raw = yaml.safe_load((HERE / "triggers.yaml").read_text(encoding="utf-8"))
    return tuple(_entry(r) for r in raw)


@cache
def entries_by_key() -> dict[str, tuple[Entry, ...]]:
    found: dict[str, list[Entry]] = {}
    for e in entries():
        for k in e.keys:
            found.setdefault(k, []).append(e)
    return {k: tuple(v) for k, v in found.items()}


@cache
def trigger_pattern() -> re.Pattern[str]:
    keys = sorted(entries_by_key(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


class Cues:
    """cues.yaml as attributes; word lists become frozensets, roles a particle → role map."""

    def __init__(self, raw: dict):
        for name, value in raw.items():
            if isinstance(value, list):
                value = frozenset(value)
            setattr(self, name, value)
        self.role_of: dict[str, str] = {}
        for role, particles in raw["roles"].items():
            if role not in codes.ACTOR_ROLES:
                raise ValueError(f"cues.yaml: unknown role {role}")
            for p in particles:
                self.role_of.setdefault(p, role)
        self.adnominal_head_modality = {w: m for m, words in raw["adnominal_heads"].items() for w in words}
        self.particle_verbs = {p: frozenset(v) for p, v in raw["particle_verbs"].items()}
        self.false_negation_list = tuple(sorted(raw["false_negations"], key=len, reverse=True))
        self.hypothetical_list = tuple(raw["hypothetical_tails"])
        self.planned_list = tuple(raw["planned_tails"])
        self.progressive_list = tuple(raw["progressive_tails"])
        for t in raw["present_tense_happens"]:
            if t not in codes.EVENT_TYPES:
                raise ValueError(f"cues.yaml: {t} is not a PLOVER type")


@cache
def cues() -> Cues:
    return Cues(yaml.safe_load((HERE / "cues.yaml").read_text(encoding="utf-8")))


@cache
def home_countries() -> dict[str, str]:
    """entity_id of a catalog city or person → entity_id of its country (`home_countries.yaml`)."""
    data = yaml.safe_load((HERE / "home_countries.yaml").read_text(encoding="utf-8"))
    return {member: country for section in ("places", "people")
            for country, members in data[section].items() for member in members}
