"""Names as single words for the quote rules. MeCab sometimes cuts an unknown name so that a piece
of it looks like a particle or a verb (マクロ|ン with ン a case particle, so `マクロン大統領は` read
back from は stops at 大統領). The rules walk morphemes by part of speech, so each entity mention
whose morphemes hold such a piece is given to them as one proper noun."""
from __future__ import annotations

import bisect
from itertools import pairwise

from flows.text.document import Document
from flows.text.morphemes import Morpheme

_NOUNISH = ("名詞", "接尾辞", "接頭辞")


def merge_names(ms: list[Morpheme], spans: list[tuple[int, int]]) -> list[Morpheme]:
    """`ms` with the morphemes of each span (start, end) merged into one proper noun where the span
    starts and ends on morpheme boundaries and a morpheme inside it is no noun; else unchanged."""
    if not spans:
        return ms
    starts = [m.start for m in ms]
    out: list[Morpheme] | None = None
    done = 0
    for start, end in sorted(spans):
        a = bisect.bisect_left(starts, start)
        if a < done or a >= len(ms) or ms[a].start != start:
            continue
        b = a
        while b < len(ms) and ms[b].end < end:
            b += 1
        if b >= len(ms) or ms[b].end != end or b == a or all(m.pos1 in _NOUNISH for m in ms[a:b + 1]):
            continue
        if out is None:
            out = []
        out += ms[done:a]
        parts = ms[a:b + 1]
        surface = "".join(m.surface for m in parts) if all(
            x.end == y.start for x, y in pairwise(parts)) else None
        if surface is None:
            out += parts   # a space inside: leave it as it is
        else:
            out.append(Morpheme(start, end, surface, "名詞", "固有名詞", "一般", "", "", surface,
                                "".join(m.reading for m in parts)))
        done = b + 1
    if out is None:
        return ms
    return out + ms[done:]


class NamesAsWords(Document):
    """The document (its fields shared, not copied) with `morphemes(i)` giving each mention as one word
    (see `merge_names`)."""

    def __init__(self, doc: Document, mentions: list[dict]):
        super().__init__(doc.doc_id, doc.content_sha256, doc.text, doc.sentences, doc.block_spans, doc.meta)
        self._doc = doc
        self._spans: dict[int, list[tuple[int, int]]] = {}
        for m in mentions:
            i = doc.sentence_at(m["start"])
            if i >= 0:
                self._spans.setdefault(i, []).append((m["start"], m["end"]))

    def morphemes(self, i: int) -> list[Morpheme]:
        got = self._morphemes.get(i)
        if got is None:
            got = self._morphemes[i] = merge_names(self._doc.morphemes(i), self._spans.get(i, []))
        return got
