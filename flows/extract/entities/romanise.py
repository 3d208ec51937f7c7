"""English names for inferred entities: a romanisation of the Japanese name
(Hepburn), part by part for names joined by ・ (クリスティン・ベルジナ →
Kurisutin Berujina). Katakana is mapped by table (most inferred names are
foreign names in katakana); names with kanji go through cutlet, which reads
them with UniDic (坂口幸裕 → Sakaguchi Yukihiro). cutlet is loaded lazily."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

_local = threading.local()


def _cutlet():
    k = getattr(_local, "cutlet", None)
    if k is None:
        import cutlet

        k = _local.cutlet = cutlet.Cutlet()
        k.use_foreign_spelling = False  # loan-word spellings misread names (リアナ → "Ris announcer")
    return k


_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョ",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te",
     "to", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo",
     "ra", "ri", "ru", "re", "ro", "wa", "o", "n", "ga", "gi", "gu", "ge", "go", "za", "ji", "zu", "ze", "zo", "da",
     "ji", "zu", "de", "do", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "vu", "a", "i", "u", "e", "o",
     "ya", "yu", "yo"]))
_YOON = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_VOWELS = "ァィゥェォ"


def _katakana_romaji(word: str) -> str | None:
    """Hepburn for a katakana word as cutlet writes it (ー doubles the vowel), or None if not katakana."""
    out: list[str] = []
    geminate = False
    for ch in word:
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
        if ch in _SMALL_VOWELS and out and ch not in ("ャ", "ュ", "ョ"):
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


@lru_cache(maxsize=65536)
def romanise(name: str) -> str:
    parts = [p for p in re.split(r"[・=＝\s]+", name) if p]
    out = []
    for part in parts:
        if part.isascii():
            out.append(part)
            continue
        r = _katakana_romaji(part)
        if r is not None:
            out.append(r[:1].upper() + r[1:])
            continue
        r = _cutlet().romaji(part).replace("/", " ").strip()
        out.append(" ".join(w[:1].upper() + w[1:] for w in r.split()))
    return " ".join(out) or name
