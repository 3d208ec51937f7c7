"""Which date expression of a sentence belongs to an event.

A date followed by 、 (`18日、`) is said of the whole sentence after it; one
followed by に/には (`14〜16日に開く`) of its own clause, so not of an event
outside a relative clause it sits in (`21日に開かれた会合の…`). A date
followed by の dates the noun it modifies (`19日の電話会談`). Dates that
bound a period (`2022年2月…以来`, `2030年までに`, `21年から`) date nothing,
nor do dates in quotes or parentheses, nor a sentence date said before
another topic takes over (`ブルームバーグは12日、プーチン氏は…合意するだろう
と報じた`: the 12th is the report's). An event whose sentence gives no date
takes one from the event it continues; that is decided in
`flows/extract/events/__init__.py`, which sees the whole document.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flows.extract.dates import DateExpr, find_date_expressions, may_hold_date, resolve_date
from flows.extract.events.actors import _modified_chunk
from flows.extract.events.chunks import Chunk
from flows.extract.events.predicates import chunk_of
from flows.text.morphemes import Morpheme

BOUNDING = ("から", "まで", "以来", "以降", "以前", "前後", "時点", "現在", "付", "以内", "来", "ぶり")

Resolved = tuple[dt.date | None, str]


@dataclass
class DatedExpr:
    expr: DateExpr                 # offsets are document offsets
    attach: str                    # adverbial | attributive | bounding
    past: Resolved                 # resolved as past (the default); what a later 同日 refers to
    comma: bool = False            # `18日、`: said of the whole sentence
    morpheme: int = -1             # index of the sentence morpheme where it starts


def _is_word(ch: str) -> bool:
    return ch.isalpha()


def _parentheses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if "(" not in text[start:end] and "（" not in text[start:end]:
        return []
    spans, stack = [], []
    for i in range(start, end):
        if text[i] in "(（":
            stack.append(i)
        elif text[i] in ")）" and stack:
            spans.append((stack.pop(), i + 1))
    return spans


def sentence_dates(text: str, s_start: int, s_end: int, quotes: list[tuple[int, int]],
                   published: dt.date | None, previous: Resolved | None, previous_event: Resolved | None
                   ) -> tuple[list[DatedExpr], Resolved | None]:
    """Date expressions of one sentence (document offsets), and the last one resolved."""
    out: list[DatedExpr] = []
    if not may_hold_date(text, s_start, s_end):
        return out, previous
    hidden = quotes + _parentheses(text, s_start, s_end)
    for e in find_date_expressions(text[s_start:s_end]):
        start, end = e.start + s_start, e.end + s_start
        if any(qs <= start < qe for qs, qe in hidden):
            continue
        expr = DateExpr(start, end, e.text, e.kind, e.year, e.month, e.day, e.unit, e.offset, e.month_part,
                        e.refers)
        after = text[end:end + 3]
        if after.startswith(BOUNDING):
            attach = "bounding"
        elif after.startswith("の"):
            attach = "attributive"
        elif after[:1] and _is_word(after[0]) and after[0] not in "にはもで":
            attach = "attributive"  # 2日公開の…: part of a compound noun
        else:
            attach = "adverbial"
        antecedent = previous_event if e.refers == "event" else previous
        resolved = resolve_date(expr, published, previous=antecedent)
        if resolved[0] is not None and attach != "bounding":
            previous = resolved   # 2027年までに is a deadline: 同日 after it refers to the day before it
        out.append(DatedExpr(expr, attach, resolved, after[:1] in ("、", ",", "，")))
    return out, previous


def place_dates(dated: list[DatedExpr], ms: list[Morpheme]) -> None:
    """Fill in the morpheme where each expression starts."""
    for d in dated:
        d.morpheme = next((i for i, m in enumerate(ms) if m.end > d.expr.start), -1)


def date_for(trigger_chunk: int, pred_chunk: int, occurrence: bool, dated: list[DatedExpr],
             chunks: list[Chunk], topics: set[int], subject_trigger: bool = False) -> DatedExpr | None:
    """The expression that dates the event whose trigger is in `trigger_chunk`.
    `topics`: chunks ending a named は-topic. With `subject_trigger` (会談は15日に行われた) a date between
    the trigger and its verb dates it too."""
    best: DatedExpr | None = None
    for d in dated:
        k = chunk_of(chunks, d.morpheme) if d.morpheme >= 0 else -1
        if subject_trigger and trigger_chunk < k < pred_chunk and d.attach == "adverbial":
            return d
        if k < 0 or k > trigger_chunk:
            continue
        if d.attach == "attributive":
            if _modified_chunk(chunks, k) == trigger_chunk:
                return d
            continue
        if d.attach != "adverbial":
            continue
        if any(j < k for j in topics) and any(k < j < trigger_chunk for j in topics):
            continue  # X は 12日、Y は…: the date is X's, another topic takes over after it
        if not d.comma:
            first_pred = next((j for j in range(k, len(chunks)) if chunks[j].is_pred and not chunks[j].in_quote
                               and not (chunks[j].kind == "noun" and chunks[j].particles in ("", "の"))), None)
            if first_pred is not None and first_pred < trigger_chunk and chunks[first_pred].link == "adnominal":
                if not (occurrence and first_pred == pred_chunk):
                    continue  # the date of a relative clause about something else
        best = d
    return best
