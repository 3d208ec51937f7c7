"""What the entity model sees: the stretches of a sentence it tags and the
features of each morpheme there.

The model (`model.py`) tags morphemes with B-/I-/O labels, but only inside
*chunks*: runs of noun-like morphemes (nouns, prefixes, suffixes, symbols,
adjectival nouns, ・) that hold some evidence of a name (a UniDic proper noun,
katakana or Latin letters, a name or place suffix, a mention the rules
found). Everything else (particles, verbs, common-noun phrases) is left out,
which keeps the model cheap: in Wikipedia text about a third of the
morphemes are looked at.

Features are strings: the morpheme's surface, UniDic tags, character
classes, its first and last character, lexicon classes (name suffix, place
suffix, title, honorific), the rules' own finding at the morpheme (type and
method, begin or inside), the same for the neighbours, and the label given
to the previous morpheme. Training (`bench/train_ner.py`) and tagging use
these functions, so the two cannot drift apart.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from operator import attrgetter

from flows.extract.entities.lexicon import lexicon
from flows.extract.entities.view import Candidate, TextView, seed_indices
from flows.text.morphemes import Morpheme

MODEL_TYPES = ("PERSON", "ORG", "LOC", "FAC", "PRODUCT", "EVENT")
LABELS = ("O",) + tuple(f"{p}-{t}" for t in MODEL_TYPES for p in "BI")
_START = attrgetter("start")
_BRACKET = re.compile("[「『」』]")
_LIKELY_NAME = re.compile("[A-Za-zＡ-Ｚａ-ｚァ-ヺ]").match  # the first letter of an unknown word that may be a name
_CHUNK_POS1 = frozenset(("名詞", "接頭辞", "接尾辞", "記号", "形状詞"))
_GPE_TO_LOC = {"GPE": "LOC"}
# Rule findings the model may redraw (methods), as rule tags end: a chunk that holds only findings
# of the other rules (catalog names, abbreviations …) and nothing else name-like is left alone.
_WEAK_TAG_ENDS = ("-dictionary", "-suffix", "-latin", "-fullname")


@cache
def _word_classes() -> dict[str, str]:
    """Lexicon words as classes: a name suffix by its type, a place suffix, a title, an honorific."""
    lex = lexicon()
    out: dict[str, str] = {}
    for word in lex.place_suffixes:
        out[word] = "place"
    for word, etype in lex.name_suffixes.items():
        out[word] = etype
    for word in lex.titles:
        out[word] = "title"
    for word in lex.honorifics:
        out[word] = "hon"
    return out


def char_class(ch: str) -> str:
    if "ァ" <= ch <= "ヺ" or ch == "ー":
        return "K"
    if "ぁ" <= ch <= "ゖ":
        return "H"
    if "一" <= ch <= "鿿" or ch == "々" or "㐀" <= ch <= "䶿":
        return "C"
    if ch.isascii():
        return "D" if ch.isdigit() else ("L" if ch.isalpha() else "S")
    if ch.isdigit():
        return "D"
    return "L" if ch.isalpha() else "S"


@cache
def shape(surface: str) -> str:
    """Character classes of a surface, runs collapsed (東京タワー → CK, AKB48 → LD)."""
    out = []
    for ch in surface:
        c = char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:4])


def rule_tags(view: TextView, i: int, ms: list[Morpheme], found: list[Candidate]) -> list[str]:
    """The rules' finding at each morpheme of sentence i: `B-ORG-suffix`, `I-ORG-suffix`, `P-GPE-abbreviation`
    (a mention that covers part of the morpheme only) or ''."""
    tags = [""] * len(ms)
    if not found or not ms:
        return tags
    s_start, s_end = ms[0].start, ms[-1].end
    for c in found:
        if c.end <= s_start or c.start >= s_end:
            continue
        etype = _GPE_TO_LOC.get(c.entity_type, c.entity_type)
        first = True
        for k in range(max(0, bisect_left(ms, c.start, key=_START) - 1), len(ms)):
            m = ms[k]
            if m.end <= c.start:
                continue
            if m.start >= c.end:
                break
            if c.start <= m.start and m.end <= c.end:
                tags[k] = f"{'B' if first else 'I'}-{etype}-{c.method}"
            else:
                tags[k] = f"P-{etype}-{c.method}"
            first = False
    return tags


def bracketed(text: str, ms: list[Morpheme]) -> list[bool]:
    """Morphemes inside 「」 or 『』 (a quote, a term, a title): the contract leaves such terms
    to the rules, so the model never tags there. Found from the brackets in the text (few),
    not by looking at every morpheme."""
    inside = [False] * len(ms)
    if not ms:
        return inside
    base, end = ms[0].start, ms[-1].end
    ranges = []
    depth = 0
    for b in _BRACKET.finditer(text, base, end):
        if b.group() in "「『":
            if depth == 0:
                open_at = b.end()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                ranges.append((open_at, b.start()))
    if depth:
        ranges.append((open_at, end))
    if not ranges:
        return inside
    for s, e in ranges:
        for k in range(bisect_left(ms, s, key=_START), bisect_left(ms, e, key=_START)):
            inside[k] = True
    return inside


def _chunkable(m: Morpheme) -> bool:
    return m.pos1 in _CHUNK_POS1 or (m.pos1 == "補助記号" and m.pos2 == "一般")


def chunks(ms: list[Morpheme], tags: list[str], inside: list[bool],
           seeds: list[int] | None = None) -> list[tuple[int, int]]:
    """[a, b) morpheme ranges the model tags: runs of noun-like morphemes with evidence of a name
    (a proper noun, a Latin or katakana word UniDic does not know, a finding of the weaker rules).
    The evidence is looked for first (`seeds`: `seed_indices(ms)`, passed if known), the runs only
    around it."""
    seeds = [k for k in (seed_indices(ms) if seeds is None else seeds)
             if ms[k].pos2 == "固有名詞" or _LIKELY_NAME(ms[k].surface)]
    seeds += [k for k, tag in enumerate(tags) if tag and tag.endswith(_WEAK_TAG_ENDS)]
    if not seeds:
        return []
    seeds.sort()
    out: list[tuple[int, int]] = []
    n = len(ms)
    end = -1
    for k in seeds:
        if k < end or inside[k] or not _chunkable(ms[k]) or tags[k] and not tags[k].endswith(_WEAK_TAG_ENDS):
            continue
        a = k
        while a > 0 and _joins(ms, a - 1, a) and _chunkable(ms[a - 1]) and not inside[a - 1]:
            a -= 1
        b = k + 1
        while b < n and _joins(ms, b - 1, b) and _chunkable(ms[b]) and not inside[b]:
            b += 1
        end = b
        if not all(tags[j] and not tags[j].endswith("-dictionary") for j in range(a, b)):
            out.append((a, b))  # (a chunk the rules cover whole, but for UniDic's guesses, has nothing to add)
    return out


def _joins(ms: list[Morpheme], j: int, k: int) -> bool:
    """Morphemes j and k = j + 1 are one run: no space between, except between Latin words (Sensory Science)."""
    return ms[j].end == ms[k].start or ms[k].surface[0].isascii() and ms[j].surface[-1].isascii()


# Feature groups, each a function of what it depends on, so that the tagger can remember the
# weights of a group per distinct argument (a news text repeats its morphemes) instead of
# building the strings again; `morpheme_features` is their union.

def unigram(m: Morpheme) -> list[str]:
    surface = m.surface
    sh = shape(surface)
    return ["b", "w=" + surface, f"p={m.pos1}-{m.pos2}-{m.pos3}-{m.pos4}", "s=" + sh, "l=" + surface[-1],
            "f=" + surface[0], "x=" + _word_classes().get(surface, ""), f"n={min(len(surface), 6)}{sh[:1]}"]


def as_prev(p: Morpheme) -> list[str]:
    return ["w-1=" + p.surface, f"p-1={p.pos1}-{p.pos2}-{p.pos3}", "s-1=" + shape(p.surface),
            "x-1=" + _word_classes().get(p.surface, "")]


def as_next(n: Morpheme) -> list[str]:
    return ["w+1=" + n.surface, f"p+1={n.pos1}-{n.pos2}-{n.pos3}", "s+1=" + shape(n.surface),
            "x+1=" + _word_classes().get(n.surface, "")]


def as_next2(n: Morpheme) -> list[str]:
    return ["w+2=" + n.surface, "x+2=" + _word_classes().get(n.surface, "")]


def as_prev2(p: Morpheme) -> list[str]:
    return ["w-2=" + p.surface]


def pair_prev(p: Morpheme, m: Morpheme) -> list[str]:
    return [f"pp={p.pos1}-{p.pos2}-{p.pos3}|{m.pos1}-{m.pos2}-{m.pos3}-{m.pos4}",
            f"ss={shape(p.surface)}|{shape(m.surface)}"]


def pair_next(m: Morpheme, n: Morpheme) -> list[str]:
    return [f"pn={m.pos1}-{m.pos2}-{m.pos3}-{m.pos4}|{n.pos1}-{n.pos2}-{n.pos3}"]


def _tag_class(tag: str) -> str:
    return tag[:1] + tag[1:tag.rfind("-")]  # B-ORG-suffix → B-ORG


def tag_here(tag: str) -> list[str]:
    return ["r=" + tag, "rt=" + _tag_class(tag)]


def tag_prev(tag: str) -> list[str]:
    return ["r-1=" + _tag_class(tag)]


def tag_next(tag: str) -> list[str]:
    return ["r+1=" + _tag_class(tag)]


def chunk_place(ms: list[Morpheme], k: int, a: int, b: int) -> str:
    return "S" if b - a == 1 else "B" if k == a else "E" if k == b - 1 else "M"


def chunk_context(place: str, sh: str, after: str) -> list[str]:
    """Where the morpheme stands in its chunk, and what closes the chunk (the particle after a name)."""
    out = [f"c={place}", "ca=" + after, f"cs={sh}|{after}"]
    if place in ("S", "E"):
        out.append("ce=" + after)
    return out


def morpheme_features(ms: list[Morpheme], k: int, tags: list[str], a: int, b: int) -> list[str]:
    """Features of morpheme k of chunk [a, b) that do not depend on the labels already given."""
    m = ms[k]
    feats = unigram(m) + tag_here(tags[k])
    if k > 0:
        prev = ms[k - 1]
        feats += as_prev(prev) + pair_prev(prev, m) + tag_prev(tags[k - 1])
        if prev.end != m.start:
            feats.append("gap-1")
        if k > 1:
            feats += as_prev2(ms[k - 2])
    else:
        feats.append("w-1=^")
    if k + 1 < len(ms):
        nxt = ms[k + 1]
        feats += as_next(nxt) + pair_next(m, nxt) + tag_next(tags[k + 1])
        if k + 2 < len(ms):
            feats += as_next2(ms[k + 2])
    else:
        feats.append("w+1=$")
    after = ms[b].surface if b < len(ms) else "$"
    return feats + chunk_context(chunk_place(ms, k, a, b), shape(m.surface), after)


def label_features(prev_label: str, m: Morpheme) -> list[str]:
    """Features that depend on the label of the morpheme before (greedy, left to right)."""
    return ["t-1=" + prev_label, f"t-1p={prev_label}|{m.pos1}-{m.pos2}"]
