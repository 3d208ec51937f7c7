"""Morphemes from fugashi + UniDic (unidic-lite), with code-point offsets.

One MeCab pass per sentence, through a custom output format (reading node
features one by one costs about three times as much). The tagger cannot be
pickled, so each process builds its own, lazily, pointing at unidic-lite's
dictionary explicitly (a plain `fugashi.Tagger()` would pick up the `unidic`
package if it is installed). It is not thread-safe either: threads share
the process's one tagger under a lock. One tagger per process rather than
per thread, because each maps the 250 MB dictionary again (resident memory
grew by that much per thread), while the GIL left threads no parallel speed
to gain.
"""
from __future__ import annotations

import threading
from typing import NamedTuple

import fugashi
import unidic_lite

# surface, pos1-4, conjugation form, lemma, kana reading: tab-separated, one morpheme a line.
_NODE = r"%m\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[3]\\t%f[5]\\t%f[7]\\t%f[17]\\n"
_UNK = r"%m\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[3]\\t%f[5]\\t%m\\t\\n"
TAGGER_ARGS = (
    f'-r /dev/null -d "{unidic_lite.DICDIR}" --output-format-type= '
    f"--node-format={_NODE} --unk-format={_UNK} --eos-format= --bos-format="
)

_lock = threading.Lock()
_tagger: fugashi.GenericTagger | None = None


class Morpheme(NamedTuple):
    start: int  # offsets within the parsed string
    end: int
    surface: str
    pos1: str
    pos2: str
    pos3: str
    pos4: str
    cform: str
    lemma: str
    reading: str

    @property
    def pos(self) -> str:
        return "-".join(p for p in (self.pos1, self.pos2, self.pos3, self.pos4) if p)


def tagger() -> fugashi.GenericTagger:
    """This process's tagger; call under `_lock`."""
    global _tagger
    if _tagger is None:
        _tagger = fugashi.GenericTagger(TAGGER_ARGS)
    return _tagger


def mecab_output(text: str) -> str:
    with _lock:  # MeCab's output buffer belongs to the tagger: copy it out before anyone else parses
        return tagger().parse(text)


def clean_lemma(lemma: str, surface: str) -> str:
    """UniDic lemmas carry a sense gloss after a hyphen (`トランプ-trump`, `プーチン-外国`)."""
    if not lemma:
        return surface
    head, sep, _ = lemma.partition("-")
    return head if sep and head else lemma


def parse(text: str, base: int = 0) -> list[Morpheme]:
    """Morphemes of `text` (one sentence), whitespace left out, offsets into `text` plus `base`."""
    if not text:
        return []
    out: list[Morpheme] = []
    append = out.append
    pos = 0
    find = text.find
    make = Morpheme._make
    for line in mecab_output(text).split("\n"):
        if not line:
            continue
        f = line.split("\t")
        if len(f) < 8:
            f += [""] * (8 - len(f))
        surface = f[0]
        if not surface:
            continue
        start = find(surface, pos)
        if start < 0:  # MeCab never rewrites input, but never trust offsets blindly
            continue
        pos = start + len(surface)
        if f[1] == "空白":
            continue
        lemma = f[6]
        if "-" in lemma:
            lemma = clean_lemma(lemma, surface)
        append(make((base + start, base + pos, surface, f[1], f[2], f[3], f[4], f[5], lemma or surface, f[7])))
    return out
