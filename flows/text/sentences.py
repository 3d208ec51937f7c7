"""Blocks → sentences, without splitting inside brackets.

A sentence ends after a run of 。！？ that stands outside every matched
pair of brackets (「」『』（）() …). Brackets are matched first, so an
unbalanced 「 or 」 never swallows the rest of a block: an opener that never
closes, or a closer with no opener, is ignored. Very long sentences are cut
at the last comma or space before `max_chars`, so one line of 50 MB never
becomes one sentence.
"""
from __future__ import annotations

import re

PAIRS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "［": "］", "《": "》", "〈": "〉"}
_BRACKETS = re.compile("[" + re.escape("".join(PAIRS) + "".join(PAIRS.values())) + "]")
_CLOSER_OF = {v: k for k, v in PAIRS.items()}
_TERMINATORS = re.compile(r"[。！？]+")
_SOFT_BREAK = re.compile(r"[、，,\s]")
MAX_SENTENCE_CHARS = 1000


def matched_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of the brackets that match, innermost ones included."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for m in _BRACKETS.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in PAIRS:
            stack.append((ch, pos))
            continue
        opener = _CLOSER_OF[ch]
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                pairs.append((stack[depth][1], pos))
                del stack[depth:]
                break
    return sorted(pairs)


def _protected(text: str) -> list[tuple[int, int]]:
    """Outermost matched bracket spans, as (open, close) inclusive."""
    out: list[tuple[int, int]] = []
    for start, end in matched_pairs(text):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > max_chars:
        window = text[start:start + max_chars]
        cut = max((m.end() for m in _SOFT_BREAK.finditer(window, max_chars // 2)), default=max_chars)
        spans.append((start, start + cut))
        start += cut
    spans.append((start, end))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within `text`, stripped of surrounding whitespace."""
    protected = _protected(text)
    cuts: list[int] = []
    k = 0
    for m in _TERMINATORS.finditer(text):
        pos = m.start()
        while k < len(protected) and protected[k][1] < pos:
            k += 1
        if k < len(protected) and protected[k][0] < pos < protected[k][1]:
            continue
        cuts.append(m.end())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts + [len(text)]:
        stripped = _strip(text, start, cut)
        if stripped:
            spans.extend(_cut_long(text, *stripped, max_chars) if stripped[1] - stripped[0] > max_chars
                         else [stripped])
        start = cut
    return [s for s in (_strip(text, a, b) for a, b in spans) if s]
