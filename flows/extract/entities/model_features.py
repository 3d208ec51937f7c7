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

from functools import cache

from flows.extract.entities.lexicon import lexicon
from flows.extract.entities.view import Candidate, TextView
from flows.text.morphemes import Morpheme

MODEL_TYPES = ("PERSON", "ORG", "LOC", "FAC", "PRODUCT", "EVENT")
LABELS = ("O",) + tuple(f"{p}-{t}" for t in MODEL_TYPES for p in "BI")
_CHUNK_POS1 = frozenset(("名詞", "接頭辞", "接尾辞", "記号", "形状詞"))
_GPE_TO_LOC = {"GPE": "LOC"}
ALL_CHUNKS = False


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
        for k, m in enumerate(ms):
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
    to the rules, so the model never tags there."""
    inside = [False] * len(ms)
    depth = 0
    for k, m in enumerate(ms):
        s = m.surface
        if s in ("「", "『"):
            depth += 1
        elif s in ("」", "』"):
            depth = max(0, depth - 1)
        elif depth:
            inside[k] = True
    return inside


def chunks(ms: list[Morpheme], tags: list[str], inside: list[bool]) -> list[tuple[int, int]]:
    """[a, b) morpheme ranges the model tags: runs of noun-like morphemes with evidence of a name."""
    words = _word_classes()
    out = []
    n = len(ms)
    k = 0
    while k < n:
        m = ms[k]
        if not (m.pos1 in _CHUNK_POS1 or (m.pos1 == "補助記号" and m.pos2 == "一般")) or inside[k]:
            k += 1
            continue
        a = k
        evidence = False
        while k < n:
            m = ms[k]
            if not (m.pos1 in _CHUNK_POS1 or (m.pos1 == "補助記号" and m.pos2 == "一般")) or inside[k]:
                break
            if k > a and ms[k - 1].end != m.start and not (m.surface[0].isascii() and ms[k - 1].surface[-1].isascii()):
                break  # a space ends a chunk, except between Latin words (Sensory Science)
            if not evidence:
                first = m.surface[0]
                evidence = (m.pos2 == "固有名詞" or tags[k] != "" or "ァ" <= first <= "ヺ" or first.isascii()
                            and first.isalpha() or m.surface in words)
            k += 1
        if evidence or ALL_CHUNKS:
            out.append((a, k))
    return out


def morpheme_features(ms: list[Morpheme], k: int, tags: list[str], a: int, b: int) -> list[str]:
    """Features of morpheme k of chunk [a, b) that do not depend on the labels already given."""
    words = _word_classes()
    m = ms[k]
    surface = m.surface
    pos = f"{m.pos1}-{m.pos2}-{m.pos3}-{m.pos4}"
    sh = shape(surface)
    tag = tags[k]
    prev = ms[k - 1] if k > 0 else None
    nxt = ms[k + 1] if k + 1 < len(ms) else None
    feats = [
        "b", "w=" + surface, "p=" + pos, "s=" + sh, "l=" + surface[-1], "f=" + surface[0],
        "x=" + words.get(surface, ""), "r=" + tag, "rt=" + tag[:1] + tag[1:tag.rfind("-")],
        f"n={min(len(surface), 6)}{sh[:1]}",
    ]
    if prev is not None:
        pp = f"{prev.pos1}-{prev.pos2}-{prev.pos3}"
        ptag = tags[k - 1]
        feats += ["w-1=" + prev.surface, "p-1=" + pp, "s-1=" + shape(prev.surface),
                  "x-1=" + words.get(prev.surface, ""), "r-1=" + ptag[:1] + ptag[1:ptag.rfind("-")],
                  "pp=" + pp + "|" + pos, "ss=" + shape(prev.surface) + "|" + sh]
        if prev.end != m.start:
            feats.append("gap-1")
    else:
        feats.append("w-1=^")
    if nxt is not None:
        np_ = f"{nxt.pos1}-{nxt.pos2}-{nxt.pos3}"
        ntag = tags[k + 1]
        feats += ["w+1=" + nxt.surface, "p+1=" + np_, "s+1=" + shape(nxt.surface),
                  "x+1=" + words.get(nxt.surface, ""), "r+1=" + ntag[:1] + ntag[1:ntag.rfind("-")],
                  "pn=" + pos + "|" + np_]
        if k + 2 < len(ms):
            n2 = ms[k + 2]
            feats += ["w+2=" + n2.surface, "x+2=" + words.get(n2.surface, "")]
    else:
        feats.append("w+1=$")
    if k > 1:
        feats.append("w-2=" + ms[k - 2].surface)
    # where the morpheme stands in its chunk, and what closes the chunk (the particle after a name)
    after = ms[b].surface if b < len(ms) else "$"
    feats += [f"c={'S' if b - a == 1 else 'B' if k == a else 'E' if k == b - 1 else 'M'}", "ca=" + after,
              f"cs={sh}|{after}"]
    if k == b - 1:
        feats.append("ce=" + after)
    return feats


def label_features(prev_label: str, m: Morpheme) -> list[str]:
    """Features that depend on the label of the morpheme before (greedy, left to right)."""
    return ["t-1=" + prev_label, f"t-1p={prev_label}|{m.pos1}-{m.pos2}"]
