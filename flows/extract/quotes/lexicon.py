"""The quote extractor's vocabulary, loaded once from the data files beside this module.

Verb forms are written as a dictionary lists them and parsed once with the
same UniDic the documents use, so matching compares lemma sequences and every
inflection and spelling (つづる/綴る, いう/言う) is covered by one line.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from flows.text.morphemes import parse
from schemas.codes import QUOTE_CHANNELS

HERE = Path(__file__).resolve().parent
SURU = "為る"


@dataclass(frozen=True)
class Verb:
    lemmas: tuple[str, ...]  # UniDic lemma sequence to match (a サ変 noun without its する)
    lemma: str               # what the quotes table stores
    indirect: bool           # may close reported speech without brackets
    channel: str | None
    sahen: bool              # a サ変 noun: matches with or without its する
    adjacent: bool = False   # nothing may stand between と and the verb
    after_noun: bool = True  # a plain noun before と may end the content (不可能と述べた)
    stative: bool = False    # a verb of view (とみている): only where it ends the clause, not とみていいだろう


def _rows(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _yaml(name: str) -> dict:
    with open(HERE / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def lemma_sequence(form: str) -> tuple[tuple[str, ...], bool]:
    """UniDic lemmas of a dictionary form; a trailing する after a サ変 noun is dropped."""
    ms = parse(form)
    lemmas = [m.lemma for m in ms]
    sahen = len(ms) >= 2 and lemmas[-1] == SURU and ms[-2].pos1 == "名詞"
    if sahen:
        lemmas = lemmas[:-1]
    return tuple(lemmas), sahen


@cache
def reporting_verbs() -> dict[str, list[Verb]]:
    """Verbs of saying, keyed by their first lemma, longest sequences first."""
    by_first: dict[str, list[Verb]] = {}
    for row in _rows("reporting_verbs.csv"):
        channel = row["channel"].strip() or None
        if channel is not None and channel not in QUOTE_CHANNELS:
            raise ValueError(f"reporting_verbs.csv: unknown channel {channel!r}")
        lemmas, sahen = lemma_sequence(row["form"].strip())
        verb = Verb(lemmas, row["lemma"].strip(), row["indirect"].strip() == "yes", channel, sahen,
                    (row.get("adjacent") or "").strip() == "yes", (row.get("after_noun") or "").strip() != "no",
                    (row.get("stative") or "").strip() == "yes")
        by_first.setdefault(lemmas[0], []).append(verb)
    for verbs in by_first.values():
        verbs.sort(key=lambda v: -len(v.lemmas))
    return by_first


@cache
def verb_stems() -> re.Pattern[str]:
    """A cheap test for a sentence that may hold a verb of saying after と: surface stems."""
    stems: set[str] = {"いう", "いい", "いっ", "言"}
    forms = [row["form"].strip() for row in _rows("reporting_verbs.csv")] + list(framing()["speech_noun_verbs"])
    for form in forms:
        for word in (form, parse(form)[-1].lemma if parse(form) else form):   # つづる and 綴る
            if word.endswith("する") and len(word) > 2:
                stems.add(word[:-2])
            elif word not in ("為る", "する"):
                stems.add(word[:-1] if len(word) > 1 else word)
    alternation = "|".join(sorted((re.escape(s) for s in stems if s), key=len, reverse=True))
    return re.compile(f"(?:と|って)[^。]{{0,40}}?(?:{alternation})|とし|とす")


@cache
def speech_noun_verbs() -> dict[str, str]:
    """First lemma of a verb that reports a noun of speech (との考えを示した) → stored lemma."""
    out: dict[str, str] = {}
    for form in framing()["speech_noun_verbs"]:
        lemmas, _ = lemma_sequence(form)
        out[lemmas[0]] = form
    return out


@cache
def channel_cues() -> tuple[tuple[str, str], ...]:
    """(cue, channel) in priority order."""
    cues = []
    for row in _rows("channels.csv"):
        if row["channel"] not in QUOTE_CHANNELS:
            raise ValueError(f"channels.csv: unknown channel {row['channel']!r}")
        cues.append((row["cue"], row["channel"]))
    return tuple(cues)


@cache
def channel_pattern() -> re.Pattern[str]:
    """Every cue, plus X as a platform (X(旧ツイッター), Xに投稿, Xで)."""
    cues = sorted((re.escape(c) for c, _ in channel_cues()), key=len, reverse=True)
    x_platform = r"(?<![A-Za-z0-9])X(?=\s*[(（]旧|\s*(?:に|で|へ|上|への))"
    return re.compile("|".join(cues) + "|" + x_platform)


@cache
def speakers() -> dict:
    data = _yaml("speakers.yaml")
    anon = data["anonymous"]
    return {
        "anon_role": frozenset(anon["role"]),
        "anon_group": frozenset(anon["group"]) | frozenset(anon["people"]),
        "anon_public": frozenset(anon["public"]),
        "anon_all": frozenset(anon["role"]) | frozenset(anon["group"]) | frozenset(anon["people"])
        | frozenset(anon["public"]),
        "public_venues": tuple(sorted(data["public_venues"], key=len, reverse=True)),
        "online_venues": tuple(sorted(data["online_venues"], key=len, reverse=True)),
        "counters": frozenset(data["anonymous_counters"]),
        "quantifiers": frozenset(data["anonymous_quantifiers"]),
        "person_suffixes": frozenset(data["person_suffixes"]),
        "role_suffixes": frozenset(data["role_suffixes"]),
        "honorifics": frozenset(data["honorifics"]),
        "anaphora_prefix": data["anaphora_prefix"],
        "anaphora_person": frozenset(data["anaphora_person_heads"]),
        "anaphora_org": frozenset(data["anaphora_org_heads"]),
        "anaphora_gpe": frozenset(data["anaphora_gpe_heads"]),
        "pronouns": frozenset(data["pronouns_person"]),
        "coordination": frozenset(data["coordination_prefixes"]),
        "title_prefixes": frozenset(data["title_prefixes"]),
        "media_suffixes": tuple(data["media_suffixes"]),
        "gpe_suffixes": frozenset(data["gpe_speaker_suffixes"]),
        "knowing_clauses": tuple(list(c) for c in data["knowing_clauses"]),
    }


@cache
def framing() -> dict:
    data = _yaml("framing.yaml")
    return {
        "connectives": frozenset(data["connectives"]),
        "frame_endings": tuple(sorted(data["frame_endings"], key=len, reverse=True)),
        "weak_frame_endings": frozenset(data["weak_frame_endings"]),
        "occasion_verbs": frozenset(data["occasion_verbs"]),
        "time_words": frozenset(data["time_words"]),
        "speech_nouns": frozenset(data["speech_nouns"]),
        "speech_noun_verbs": tuple(data["speech_noun_verbs"]),
        "source_markers": tuple(sorted(data["source_markers"], key=len, reverse=True)),
        "source_speech_heads": frozenset(data["source_speech_heads"]),
        "not_said": {k: frozenset(v) for k, v in data["not_said"].items()},
        "medium_nouns": tuple(data["medium_nouns"]),
        "owned_speech_nouns": tuple(data["owned_speech_nouns"]),
        "voicing_verbs": frozenset(data["voicing_verbs"]),
        "utterance_verbs": frozenset(data["utterance_verbs"]),
        "evaluative_verbs": frozenset(data["evaluative_verbs"]),
        "asking_verbs": frozenset(data["asking_verbs"]),
        "interview_verbs": frozenset(data["interview_verbs"]) | frozenset(data["asking_verbs"]),
        "compound_particle_verbs": frozenset(data["compound_particle_verbs"]),
        "back_pointers": frozenset(data["back_pointers"]),
        "condition_endings": frozenset(data["condition_endings"]),
        "prompting_verbs": frozenset(data["prompting_verbs"]) | frozenset(data["asking_verbs"]),
        "next_person_openers": frozenset(data["next_person_openers"]),
        "idea_nouns": tuple(data["idea_nouns"]),
        "label_not_speaker": frozenset(data["label_not_speaker"]),
        "place_suffixes": tuple(data["place_suffixes"]),
    }


@cache
def brackets() -> dict:
    data = _yaml("brackets.yaml")
    naming = set()
    for form in data["naming_verbs"]:
        lemmas, _ = lemma_sequence(form)
        naming.add(lemmas[0])
    thought = set()
    for form in data["thought_verbs"]:
        lemmas, _ = lemma_sequence(form)
        thought.add(lemmas[0])
    return {"category_nouns": frozenset(data["category_nouns"]), "naming_verbs": frozenset(naming),
            "speaking_categories": frozenset(data["speaking_categories"]),
            "thought_verbs": frozenset(thought), "receiving_verbs": frozenset(data["receiving_verbs"])}
