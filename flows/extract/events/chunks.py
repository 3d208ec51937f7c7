"""Phrase chunks (bunsetsu) of a sentence, enough to read who did what to whom.

A chunk is a run of content morphemes (a compound noun with its suffixes,
or a verb) followed by its function morphemes (particles, auxiliaries,
punctuation). What follows a noun chunk (`particles`: は, と, に対し, の …)
says its role; what ends a predicate chunk says how its clause links on
(`link`): `adnominal` (modifies the next noun: 米国が求めていた停戦),
`coord` (連用 + 、: shares the subject with the next clause), `subord`
(…が、, …ので, …ば: only the topic carries on), `quote` (…と述べた) or
`final`. Parenthesised text (an acronym, an alias) stays inside the chunk
it follows; text inside 「」 is marked `in_quote`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.extract.events.lexicon import cues
from flows.text.morphemes import Morpheme, opener_of

NOUNISH = {"名詞", "接尾辞", "接頭辞", "代名詞", "記号"}  # 記号: letters such as ロ in 米・ロ
FUNCTION = {"助詞", "助動詞"}
SUBORDINATORS = {"が", "けど", "けれど", "けれども", "ので", "のに", "ものの", "ても", "でも", "ば", "たら", "なら",
                 "ながら", "つつ", "し", "から"}
OPEN_QUOTES, CLOSE_QUOTES = "「『", "」』"


@dataclass
class Chunk:
    index: int
    first: int            # first morpheme index (into the sentence's morphemes)
    last: int             # last morpheme index, inclusive
    head: int             # last content morpheme index
    kind: str             # noun | verb | other
    particles: str        # function words after the head, as written (punctuation left out)
    comma: bool           # ends with 、 or ,
    in_quote: bool
    is_pred: bool         # has a verb, adjective or copula
    link: str = "none"    # for predicates: adnominal | coord | subord | quote | final
    reports: bool = False  # a predicate right after a quotative と (「…」と評価し): what precedes is its content
    purposive: bool = False  # …するよう: the content of a request
    nominal_predicate: bool = False  # ends in a verbal noun (謝罪、 in a headline: a clause of its own)

    def span(self, ms: list[Morpheme]) -> tuple[int, int]:
        return ms[self.first].start, ms[self.last].end


_QUOTE_MARKS = re.compile("[「」『』]")


def quote_mask(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Offsets (text + base) inside matched 「」/『』 pairs, outermost pairs only."""
    if "「" not in text and "『" not in text:
        return []
    spans, stack = [], []
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((base + start, base + i + 1))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _attaches(prev: Morpheme, m: Morpheme, particle_verb: bool, prev_noun: bool = True) -> bool:
    """Whether morpheme m continues the chunk that ends with `prev`."""
    if m.pos1 in FUNCTION or m.pos1 == "補助記号" and m.pos2 != "括弧開":
        return True
    if particle_verb:
        return True
    if m.pos1 in ("動詞", "形容詞") and m.pos2 == "非自立可能":
        # する/できる after a verbal noun, いる/くる/しまう after て, ない after なく …
        return prev.pos1 in ("動詞", "助動詞", "形容詞") or prev.surface in ("て", "で") or prev.pos3 == "サ変可能" \
            or prev.pos2 == "サ変可能" or (prev.pos1 == "名詞" and m.lemma in ("為る", "出来る"))
    if m.pos1 == "形状詞" and m.pos2 == "助動詞語幹":
        return True
    if m.pos1 in NOUNISH:
        if _is_together(prev):
            return False  # ゼレンスキー大統領とも|協議し
        return prev.pos1 in NOUNISH or prev.surface in "・=＝" and prev_noun \
            or prev.pos1 == "形状詞" and m.pos1 == "接尾辞"   # 可能|性, 重要|性: one noun
    return False


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "Ａ" <= ch <= "ｚ" or "０" <= ch <= "９"


def _is_together(m: Morpheme) -> bool:
    """とも (共) tagged as a suffix: a particle here (Xとも協議)."""
    return m.pos1 == "接尾辞" and m.lemma == "共"


def _noun_before_aside(ms: list[Morpheme], close: int) -> bool:
    """The parenthesis closing at ms[close] follows a noun (習近平（…）)."""
    opened = opener_of(ms, close, "(（", ")）")
    return opened is not None and opened > 0 and ms[opened - 1].pos1 in NOUNISH


def chunk_sentence(ms: list[Morpheme], quotes: list[tuple[int, int]]) -> list[Chunk]:
    """Chunks of one sentence's morphemes; `quotes` are the 「」 spans (document offsets)."""
    c = cues()
    chunks: list[Chunk] = []
    first = 0
    depth = 0  # inside ( )
    n = len(ms)
    for i in range(1, n + 1):
        if i < n:
            m, prev = ms[i], ms[i - 1]
            if prev.pos2 == "括弧開" and prev.surface in "(（":
                depth += 1
            if m.pos2 == "括弧閉" and m.surface in ")）":
                depth = max(0, depth - 1)
                continue
            if depth:
                continue
            if m.start > prev.end and prev.pos1 in NOUNISH and m.pos1 in NOUNISH \
                    and not (_latin(prev.surface[-1]) and _latin(m.surface[0])):
                boundary = True   # 会談　停戦合意に至らず: a space between two nouns ends a headline's clause
                #                   (not inside a Latin name: VOYAGE GROUP)
            elif prev.surface in ")）" and m.pos1 in NOUNISH and _noun_before_aside(ms, i - 1):
                boundary = False  # 習近平（シー・ジンピン）国家主席: an aside inside a noun phrase
            elif prev.surface in "、,，" or prev.pos2 == "括弧閉" and prev.surface in CLOSE_QUOTES:
                boundary = True
            elif m.pos2 == "括弧開":
                boundary = m.surface in OPEN_QUOTES
            else:
                pv = prev.pos1 == "助詞" and m.lemma in c.particle_verbs.get(prev.surface, ()) \
                    and (m.lemma != "共" or i + 1 < n and ms[i + 1].surface == "に")  # とともに, not とも協議
                boundary = not _attaches(prev, m, pv, i >= 2 and ms[i - 2].pos1 in NOUNISH)
            if not boundary:
                continue
        chunks.append(_make_chunk(ms, first, i - 1, len(chunks), quotes))
        first = i
    _link(chunks, ms)
    return chunks


def _make_chunk(ms: list[Morpheme], first: int, last: int, index: int, quotes) -> Chunk:
    particle_verbs = cues().particle_verbs
    depth = 0
    head = first
    outside: list[int] = []  # morphemes not inside ( )
    for j in range(first, last + 1):
        m = ms[j]
        surface = m.surface
        if surface in "(（":
            depth += 1
            continue
        if surface in ")）":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        outside.append(j)
        pos1 = m.pos1
        if pos1 in FUNCTION or pos1 == "補助記号" or _is_together(m) or m.pos2 == "助動詞語幹":
            continue
        if j > first and (pos1 in ("動詞", "形容詞") and m.pos2 == "非自立可能"
                          or ms[j - 1].pos1 == "助詞" and m.lemma in particle_verbs.get(ms[j - 1].surface, ())):
            continue  # する, いる, できる after the head; に対し, について: part of the particle
        head = j
    hm = ms[head]
    kind = "noun" if hm.pos1 in NOUNISH else "verb" if hm.pos1 in ("動詞", "形容詞") else "other"
    is_pred = kind == "verb"
    particles = []
    for j in outside:
        if j <= head:
            continue
        m = ms[j]
        if m.pos1 != "補助記号":
            particles.append(m.surface)
        if m.pos1 in ("動詞", "形容詞") and not _is_particle_verb(ms, j) or m.pos1 == "助動詞" and m.lemma in ("だ", "です"):
            is_pred = True
    comma = ms[last].surface in "、,，"
    chunk = Chunk(index, first, last, head, kind, "".join(particles), comma, _inside(hm.start, quotes), is_pred)
    chunk.nominal_predicate = hm.pos1 == "名詞" and hm.pos3 == "サ変可能" or hm.pos2 == "サ変可能"
    return chunk


def _is_particle_verb(ms: list[Morpheme], j: int) -> bool:
    return j > 0 and ms[j - 1].pos1 == "助詞" and ms[j].lemma in cues().particle_verbs.get(ms[j - 1].surface, ())


def quotative_before(ms: list[Morpheme], i: int) -> bool:
    """Whether morpheme i follows a quotative と (after 」 or a predicate, not after a noun)."""
    if i < 2 or ms[i - 1].surface not in ("と", "って") or ms[i - 1].pos2 != "格助詞":
        return False
    before = ms[i - 2]
    return before.surface in CLOSE_QUOTES or before.pos1 in ("動詞", "助動詞", "形容詞") or before.pos2 == "副助詞"


def object_before_quote(ms: list[Morpheme], i: int) -> bool:
    """韓国の提案を「幻想だ」と一蹴した: the quotation before morpheme i's quotative と follows a を object,
    so what is brushed off in words is named (a refusal, not only a remark)."""
    if not quotative_before(ms, i) or ms[i - 2].surface not in CLOSE_QUOTES:
        return False
    open_i = opener_of(ms, i - 2, OPEN_QUOTES, CLOSE_QUOTES)
    return open_i is not None and open_i > 0 and ms[open_i - 1].surface == "を" and ms[open_i - 1].pos1 == "助詞"


def _modifier(ms: list[Morpheme], ch: Chunk) -> bool:
    """新たな, 大きな, 主要な: an adjectival chunk before a noun, so what precedes it modifies that noun too."""
    first, last = ms[ch.first], ms[ch.last]
    return first.pos1 in ("形状詞", "連体詞", "形容詞") and (last.cform.startswith("連体形") or first.pos1 == "連体詞")


def _link(chunks: list[Chunk], ms: list[Morpheme]) -> None:
    """How each predicate chunk's clause links to what follows."""
    for k, ch in enumerate(chunks):
        if not ch.is_pred:
            continue
        ch.reports = quotative_before(ms, ch.first)
        nxt = chunks[k + 1] if k + 1 < len(chunks) else None
        tail = [ms[j] for j in range(ch.head, ch.last + 1) if ms[j].pos1 != "補助記号"]
        last = tail[-1] if tail else ms[ch.head]
        verbless = not any(ms[j].pos1 == "動詞" for j in range(ch.first, ch.last + 1))
        if verbless and not ch.comma and last.pos1 in ("助動詞", "形容詞") and \
                (last.cform.startswith("連体形") or last.cform.startswith("連用形")) and last.lemma != "た":
            ch.link = "adjectival"  # 一方的に, 政治的な, 新しく: modifiers, not clauses
        elif last.pos1 == "助詞" and last.pos2 == "接続助詞" and last.surface in SUBORDINATORS:
            ch.link = "subord"
        elif any(ms[j].pos2 == "助動詞語幹" and ms[j].lemma == "様" for j in range(ch.head + 1, ch.last + 1)):
            ch.link, ch.purposive = "subord", True  # …するよう(に): the content of a request
        elif any(ms[j].surface == "と" and ms[j].pos2 == "格助詞" and j + 1 <= ch.last and ms[j + 1].pos1 == "動詞"
                 for j in range(ch.head + 1, ch.last + 1)):
            ch.link = "quote"  # …だとし、
        elif last.pos1 == "助詞" and last.surface in ("と", "って", "とか") and len(tail) > 1:
            ch.link = "quote"
        elif nxt is not None and not ch.comma and (
                last.cform.startswith("連体形") and (nxt.kind == "noun" or _modifier(ms, nxt))
                or last.cform.startswith(("連体形", "終止形")) and ms[nxt.first].surface in "「『“"):
            # …を賞賛する「ゴールデン・グローブ賞」, …を迅速にする新たな枠組み (UniDic reads a verb before 「
            # as 終止形 as often as not: the two forms are one in modern Japanese)
            adjective = ms[ch.head].pos1 in ("形状詞", "形容詞") and not any(
                ms[j].pos1 == "動詞" for j in range(ch.first, ch.last + 1))
            ch.link = "adjectival" if adjective else "adnominal"
        elif ch.comma and (last.cform.startswith("連用形") or last.surface in ("て", "で")):
            ch.link = "coord"
        elif ch.comma:
            ch.link = "subord"
        elif nxt is None or ms[ch.last].surface in "。!?！？":
            ch.link = "final"
        elif last.surface in ("て", "で") or last.cform.startswith("連用形"):
            ch.link = "coord"
        else:
            ch.link = "final"
