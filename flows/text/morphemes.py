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

Speed: MeCab's own work (about 1.2-1.5 µs per character with this format)
is the floor; the Python side is kept small by printing each surface with
the whitespace MeCab skipped before it (`%pS`), so offsets are running sums
of lengths, and by remembering the fields of each distinct output line (a
news text repeats a few thousand morphemes), so a repeated morpheme costs one
dict look-up and one tuple. The memo is bounded (cleared when full).
"""
from __future__ import annotations

import threading
from typing import NamedTuple

import fugashi
import unidic_lite

# whitespace MeCab skipped before the morpheme, surface, pos1-4, conjugation form, lemma, kana
# reading: tab-separated, one morpheme a line.
_NODE = r"%pS\\t%m\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[3]\\t%f[5]\\t%f[7]\\t%f[17]\\n"
_UNK = r"%pS\\t%m\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[3]\\t%f[5]\\t%m\\t\\n"
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


_LINE_CONTROLS = str.maketrans("\t\n\r", "   ")
_MEMO_SIZE = 200_000
_memo: dict[str, tuple[int, int, tuple | None]] = {}


def _fields(line: str) -> tuple[int, int, tuple | None]:
    """(whitespace before the surface, surface length, Morpheme fields after the offsets or None
    for whitespace) of one output line."""
    f = line.split("\t")
    if len(f) < 9:  # fugashi strips the output's end, trailing empty fields with it
        f += [""] * (9 - len(f))
    lead, surface = len(f[0]), f[1]
    if not surface or f[2] == "空白":
        return lead, len(surface), None
    lemma = f[7]
    if "-" in lemma:
        lemma = clean_lemma(lemma, surface)
    return lead, len(surface), (surface, f[2], f[3], f[4], f[5], f[6], lemma or surface, f[8])


def _parse_checked(text: str, base: int) -> list[Morpheme]:
    """The careful path, should the running offsets ever disagree with the text: each surface found in it."""
    out: list[Morpheme] = []
    pos = 0
    for line in mecab_output(text).split("\n"):
        if not line:
            continue
        _, _, fields = _fields(line)
        if fields is None:
            continue
        start = text.find(fields[0], pos)
        if start < 0:  # MeCab never rewrites input, but never trust offsets blindly
            continue
        pos = start + len(fields[0])
        out.append(Morpheme(base + start, base + pos, *fields))
    return out


def parse(text: str, base: int = 0) -> list[Morpheme]:
    """Morphemes of `text` (one sentence), whitespace left out, offsets into `text` plus `base`."""
    if not text:
        return []
    if "\t" in text or "\n" in text or "\r" in text:
        text = text.translate(_LINE_CONTROLS)  # MeCab skips them as it skips spaces; lines stay lines
    out: list[Morpheme] = []
    append = out.append
    memo = _memo
    get = memo.get
    new = tuple.__new__
    pos = base
    for line in mecab_output(text).split("\n"):
        entry = get(line)
        if entry is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            entry = memo[line] = _fields(line)
        lead, length, fields = entry
        start = pos + lead
        pos = start + length
        if fields is not None:
            append(new(Morpheme, (start, pos) + fields))
    if pos - base > len(text) or (pos - base < len(text) and not text[pos - base:].isspace()):
        return _parse_checked(text, base)  # never trust offsets blindly
    return out


def opener_of(ms: list[Morpheme], close: int, openers: str, closers: str) -> int | None:
    """Index of the morpheme that opens the bracket closing at ms[close], nesting counted, or None if
    nothing opens it. `openers` and `closers` are the bracket characters of one kind (「『 and 」』)."""
    depth = 0
    for j in range(close, -1, -1):
        depth += (ms[j].surface in closers) - (ms[j].surface in openers)
        if depth == 0:
            return j
    return None
