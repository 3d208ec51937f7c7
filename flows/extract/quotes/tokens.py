"""Small predicates over UniDic morphemes, named for what the quote rules ask of them."""
from __future__ import annotations

from flows.text.morphemes import Morpheme

QUOTE_OPENERS = "「『"
QUOTE_CLOSERS = "」』"
PAREN_OPENERS = "（("
PAREN_CLOSERS = "）)"
NOUNISH = ("名詞", "接尾辞", "接頭辞")
PREDICATES = ("動詞", "助動詞", "形容詞")


def is_comma(m: Morpheme) -> bool:
    return m.pos2 == "読点" or m.surface in "、，,"


def is_period(m: Morpheme) -> bool:
    return m.pos2 == "句点" or m.surface in ("。", "！", "？", "!", "?")


def is_particle(m: Morpheme, *surfaces: str) -> bool:
    return m.pos1 == "助詞" and (not surfaces or m.surface in surfaces)


def is_quotative(m: Morpheme) -> bool:
    """と or って as a particle. UniDic tags a quotative と after a verb as conjunctive at times
    (行うと明らかにした), so callers rule out によると and the conditional by context."""
    return m.surface in ("と", "って") and m.pos1 == "助詞" and m.pos2 in ("格助詞", "副助詞", "接続助詞")


def quotative_after(ms: list[Morpheme], ci: int) -> int | None:
    """Index of the と/って right after the bracket closing at ms[ci] (など between allowed), or None."""
    k = ci + 1
    if k < len(ms) and ms[k].surface == "など":
        k += 1
    if k < len(ms) and ms[k].surface in ("と", "って") and ms[k].pos1 == "助詞":
        return k
    return None


def is_predicate(m: Morpheme) -> bool:
    return m.pos1 in PREDICATES


def is_finite(m: Morpheme) -> bool:
    return m.pos1 in PREDICATES and m.cform.startswith(("終止形", "命令形"))


def is_attributive(m: Morpheme) -> bool:
    return m.pos1 in PREDICATES and m.cform.startswith("連体形")


def is_nounish(m: Morpheme) -> bool:
    return m.pos1 in NOUNISH or m.pos1 == "代名詞"


def is_sahen_noun(m: Morpheme) -> bool:
    return m.pos1 == "名詞" and m.pos3.startswith("サ変")


def is_suru(m: Morpheme) -> bool:
    return m.pos1 == "動詞" and m.lemma == "為る"


def is_subject_particle(m: Morpheme) -> bool:
    """は, も (topic) and が (subject)."""
    return m.pos1 == "助詞" and (m.surface in ("は", "も") and m.pos2 == "係助詞" or
                                 m.surface == "が" and m.pos2 == "格助詞")


def is_continuative(ms: list[Morpheme], k: int) -> bool:
    """ms[k] ends a clause that goes on: 述べ(、), 述べて(、), 「…明確」で(、), 重要で(、)."""
    m = ms[k]
    if m.pos1 in PREDICATES and m.cform.startswith("連用形") and m.lemma != "だ":
        return True
    if m.surface in ("て", "で") and m.pos2 == "接続助詞":
        return True
    return m.surface == "で" and k > 0 and (ms[k - 1].surface in "」』" or ms[k - 1].pos1 in ("形状詞", "名詞"))


def shares_subject(ms: list[Morpheme], j: int) -> bool:
    """The predicate at ms[j] ends an adverbial clause whose subject is the main clause's:
    あやかろうと (a purpose: volitional う/よう + と), 笑いながら, 迷いつつ."""
    k = j
    while k + 1 < len(ms) and ms[k + 1].pos1 == "助動詞":
        k += 1
    nxt = ms[k + 1] if k + 1 < len(ms) else None
    if nxt is None or nxt.pos1 != "助詞":
        return False
    if nxt.surface in ("ながら", "つつ") and nxt.pos2 == "接続助詞":
        return True
    return nxt.surface == "と" and (ms[k].cform.startswith("意志推量形")
                                  or ms[k].pos1 == "助動詞" and ms[k].lemma in ("う", "よう"))


def text_of(ms: list[Morpheme], a: int, b: int, text: str) -> str:
    """Document text covered by morphemes a..b-1 (whitespace between them included)."""
    if a >= b:
        return ""
    return text[ms[a].start:ms[b - 1].end]
