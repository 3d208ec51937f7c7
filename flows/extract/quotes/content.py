"""Where reported (indirect) speech starts.

Between a speaker and the words reported stand the frame of the statement:
a connective (一方、), when (19日遅く、), where and to whom (ソチで記者団に対し、),
the occasion (スターマー英首相はトランプ氏と会話し、), a source (…の話として、).
Those chunks, each closed by a comma, are skipped; the first chunk that is not
framing (it has its own subject, a finite verb, or no framing ending) starts
the content. Commas after a coordinating word (および、) do not close a chunk.
"""
from __future__ import annotations

import re
from functools import cache

from flows.extract.quotes.brackets import category_before
from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.tokens import (
    is_comma,
    is_finite,
    is_particle,
    is_predicate,
    is_subject_particle,
    is_suru,
)
from flows.text.morphemes import Morpheme

COORDINATORS = ("および", "及び", "ならびに", "並びに", "または", "又は", "や", "と")
MAX_FRAME_CHUNKS = 4
CLAUSE_LINKS = ("が", "けど", "けれど", "けれども", "ので", "から", "ば", "し", "のに", "ながら", "つつ")


@cache
def _addressee() -> re.Pattern[str]:
    """A leading addressee or channel without a comma: 記者団に, 自身のSNSで, Xに."""
    return re.compile(r"(?:自身の)?(?:記者団|報道陣|SNS|ソーシャルメディア|X|ツイッター|ブログ)"
                      r"(?:への投稿)?(?:に対して|に対し|に|で|へ)、?")


def _index_at(ms: list[Morpheme], i: int, hi: int, offset: int) -> int:
    while i < hi and ms[i].start < offset:
        i += 1
    return i


def _is_time(ms: list[Morpheme], a: int, b: int) -> bool:
    words = framing()["time_words"]
    seen = False
    depth = 0
    for m in ms[a:b]:
        depth += (m.surface in "（(") - (m.surface in "）)")
        if depth > 0 or m.surface in "）)":
            continue                                             # 24日（現地時間）
        if m.surface in words or m.lemma in words:
            seen = True
        elif m.pos1 in ("名詞", "接尾辞", "接頭辞") or is_particle(m, "の", "に"):
            continue
        elif m.pos1 == "形容詞" and m.surface in ("遅く", "早く", "早い"):
            seen = True
        else:
            return False
    return seen


def is_frame(ms: list[Morpheme], a: int, b: int, text: str, inside: list[bool]) -> bool:
    """Does the chunk a..b-1 frame the statement rather than report it?"""
    if a >= b:
        return True
    f = framing()
    chunk = text[ms[a].start:ms[b - 1].end]
    outside = [m for m, ins in zip(ms[a:b], inside[a:b]) if not ins]
    has_subject = any(is_subject_particle(m) for m in outside)
    has_finite = any(is_finite(m) for m in outside[:-1]) or any(
        m.pos2 == "接続助詞" and m.surface in CLAUSE_LINKS for m in outside)
    if _is_time(ms, a, b):
        return True
    last, before = ms[b - 1], ms[b - 2] if b - 2 >= a else None
    if is_suru(last) and last.cform.startswith("連用形") and before is not None and \
            before.surface in f["occasion_verbs"] and not has_subject:
        return True                                          # トランプ氏と会話し、
    ending = next((e for e in f["frame_endings"] if chunk.endswith(e)), None)
    if ending in ("で", "では") and chunk[:-len(ending)].endswith(f["medium_nouns"]) and not has_subject:
        return True                                          # ウェブサイトに掲載した声明で、: where it was said
    if ending is None or has_subject or has_finite:
        return False
    if any(ins for ins in inside[a:b]) and not _names_only(ms, a, b, text, inside):
        return False                                         # 「…明確」で: quoted words are content
    if ending in f["weak_frame_endings"]:
        return not any(m.pos1 == "動詞" and m.cform.startswith("連用形") for m in outside[:-1])
    return True


def _names_only(ms: list[Morpheme], a: int, b: int, text: str, inside: list[bool]) -> bool:
    """Every bracket in a..b-1 is a name after a category noun (SNS「トゥルース・ソーシャル」)."""
    return all(category_before(ms, k, text) for k in range(a, b)
               if inside[k] and (k == 0 or not inside[k - 1]))


def _cleft_topic(ms: list[Morpheme], a: int, b: int) -> bool:
    """予想外だったのは、: the chunk a..b-1 is the topic of a cleft (…の + は/が)."""
    return b - a >= 3 and is_particle(ms[b - 1], "は", "が") and ms[b - 2].pos2 == "準体助詞"


def _own_contrast(ms: list[Morpheme], a: int, comma: int, to: int, inside: list[bool]) -> bool:
    """提案を歓迎したが、ロシアは…と主張した: a clause with no subject of its own, closed by a contrast, is
    what the speaker did; what is reported starts after it, with a subject of its own."""
    if comma - a < 2 or any(is_subject_particle(m) for m, ins in zip(ms[a:comma], inside[a:comma]) if not ins):
        return False
    last = ms[comma - 1]
    contrast = last.surface in ("が", "ものの", "けれど", "けど") and last.pos2 == "接続助詞" \
        or last.surface == "一方" and is_predicate(ms[comma - 2])
    return contrast and any(is_subject_particle(m) and not ins for m, ins in zip(ms[comma + 1:to], inside[comma + 1:to]))


def content_start(ms: list[Morpheme], s: int, to: int, text: str, inside: list[bool],
                  embedded: bool = False) -> int:
    """Index of the first morpheme of reported content in s..to-1 (to if nothing is left).

    `embedded`: the verb of saying modifies a noun (…と明らかにしたことだ), so the report is the
    focus of a sentence whose cleft topic (予想外だったのは、) frames it and is not its content."""
    f = framing()
    i = s
    while i < to and is_comma(ms[i]):
        i += 1
    for _ in range(MAX_FRAME_CHUNKS):
        if i >= to:
            return to
        rest = text[ms[i].start:ms[to - 1].end] if to > i else ""
        connective = next((c for c in sorted(f["connectives"], key=len, reverse=True)
                           if rest.startswith(c) and len(rest) > len(c)), None)
        if connective:
            j = _index_at(ms, i, to, ms[i].start + len(connective))
            if j < to and ms[j].start == ms[i].start + len(connective):
                i = j + (1 if j < to and is_comma(ms[j]) else 0)
                continue
        j = i
        comma = None
        while j < to:
            if not inside[j] and is_comma(ms[j]):
                if j > i and ms[j - 1].surface in COORDINATORS:
                    j += 1
                    continue
                comma = j
                break
            j += 1
        if comma is None or not (is_frame(ms, i, comma, text, inside)
                                  or embedded and _cleft_topic(ms, i, comma)
                                  or _own_contrast(ms, i, comma, to, inside)):
            break
        i = comma + 1
    if i < to:
        m = _addressee().match(text, ms[i].start, ms[to - 1].end)
        if m and m.end() > ms[i].start:
            j = _index_at(ms, i, to, m.end())
            if j < to:
                i = j
    return i
