"""English names for inferred entities: a Hepburn romanisation of the Japanese name.

Katakana is mapped by table (most inferred names are foreign names in
katakana), part by part for names joined by ・ (クリスティン・ベルジナ →
Kurisutin Berujina). Names with kanji are read from the UniDic readings the
pipeline already has (`Morpheme.reading`, katakana): the mention's own
morphemes when the caller passes them, else the name parsed by the
process's one tagger (`flows.text.morphemes`), so no second dictionary is
mapped into memory (cutlet, used before, built a MeCab tagger of its own per
thread: +250 MB resident per process). One word per morpheme, suffixes
joined to the word before and prefixes to the word after
(坂口幸裕 → Sakaguchi Yukihiro, 厚生労働省 → Kousei Roudoushou).
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.text.morphemes import Morpheme, parse
from flows.text.normalise import fold_width

_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮヰヱ",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te",
     "to", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo",
     "ra", "ri", "ru", "re", "ro", "wa", "o", "n", "ga", "gi", "gu", "ge", "go", "za", "ji", "zu", "ze", "zo", "da",
     "ji", "zu", "de", "do", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "vu", "a", "i", "u", "e", "o",
     "ya", "yu", "yo", "wa", "i", "e"]))
_YOON = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_VOWELS = "ァィゥェォ"
_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(ord("ぁ"), ord("ゖ") + 1)}
_UNREADABLE = "Unromanised"
_KANJI = re.compile("[一-鿿々㐀-䶿]")


def _katakana_romaji(word: str) -> str | None:
    """Hepburn for a katakana (or hiragana) word as cutlet wrote it (ー doubles the vowel),
    or None if the word holds anything else."""
    out: list[str] = []
    geminate = False
    for ch in word.translate(_HIRAGANA_TO_KATAKANA):
        if ch == "ッ":
            geminate = True
            continue
        if ch == "ー":
            if out and out[-1]:
                out.append(out[-1][-1])
            continue
        if ch in _YOON and out:
            prev = out.pop()
            base = prev[:-1]
            out.append((base if base.endswith(("sh", "ch", "j")) else base + "y") + _YOON[ch])
            continue
        if ch in _SMALL_VOWELS and out:
            prev = out.pop()
            vowel = _KANA[ch]
            base = prev[:-1] if prev not in ("a", "i", "u", "e", "o") else prev
            out.append(base + vowel if base not in ("a", "i", "u", "e", "o") else prev + vowel)
            continue
        r = _KANA.get(ch)
        if r is None:
            return None
        if geminate:
            r = ("t" + r) if r.startswith("ch") else (r[0] + r)
            geminate = False
        out.append(r)
    return "".join(out)


def _morpheme_romaji(m: Morpheme) -> str:
    surface = fold_width(m.surface)
    if surface.isascii():
        return surface
    r = _katakana_romaji(surface)
    if r is not None:
        return r
    if m.reading:
        r = _katakana_romaji(m.reading)
        if r is not None:
            return r
    if len(surface) > 1:  # a word UniDic does not know: read it character by character
        return "".join(_morpheme_romaji(p) for p in parse(surface) if p.surface != surface)
    return ""


def _words(morphemes: list[Morpheme]) -> list[str]:
    """Romanised words: one per morpheme, a suffix joined to the word before, a prefix to the one after."""
    words: list[str] = []
    glue_next = False
    prev = None
    for m in morphemes:
        r = _morpheme_romaji(m)
        if not r:
            continue
        latin_run = prev is not None and prev.end == m.start and words[-1][-1:].isascii() \
            and words[-1][-1:].isalnum() and fold_width(m.surface).isascii()  # AKB + 48
        if words and (glue_next or m.pos1 == "接尾辞" or latin_run):
            words[-1] += r
        else:
            words.append(r)
        glue_next = m.pos1 == "接頭辞"
        prev = m
    return words


@lru_cache(maxsize=65536)
def _romanise_parsed(part: str) -> str:
    return " ".join(_words(parse(part)))


def has_kanji(name: str) -> bool:
    """Whether romanising `name` needs readings (katakana and Latin need none)."""
    return _KANJI.search(name) is not None


def romanise(name: str, morphemes: list[Morpheme] | None = None) -> str:
    """An English name for `name`: katakana by table, kanji from UniDic readings. `morphemes` are
    the mention's own (their surfaces spell `name`); without them the name is parsed alone."""
    if morphemes and _KANJI.search(name) and "".join(m.surface for m in morphemes) == name:
        base = morphemes[0].start
        return _romanise_read(tuple((m.start - base, m.end - base) + m[2:] for m in morphemes))
    return _romanise_name(name)


@lru_cache(maxsize=65536)
def _romanise_read(morphemes: tuple) -> str:
    """From the mention's morphemes (offsets made relative, so the same reading gives the same key)."""
    return _capitalised(" ".join(_words([Morpheme(*m) for m in morphemes])))


@lru_cache(maxsize=65536)
def _romanise_name(name: str) -> str:
    out = []
    for part in (p for p in re.split(r"[・=＝\s]+", name) if p):
        folded = fold_width(part)
        r = folded if folded.isascii() else _katakana_romaji(part)
        out.append(r if r is not None else _romanise_parsed(part))
    return _capitalised(" ".join(out))


def _capitalised(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split()) or _UNREADABLE
