"""Which of a sentence's topics speaks the bracket at its end.

Japanese names the speaker first as a topic and drops it while they go on speaking, so the first
topic of a sentence usually speaks. A later topic takes over only in a clause of its own: right before
the bracket, set off by a comma from a clause of the earlier topic's (EUは…始める方針で、ザハロワ氏は
「…」と反発した), and not after a frame (記者団に対し、, 会見で、) nor inside what the earlier topic says
(…とし、米政府は「…」, …があれば、米国は…).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from flows.extract.quotes.content import is_frame
from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.speakers import Speaker, run_back
from flows.extract.quotes.tokens import is_comma, is_predicate, is_quotative

if TYPE_CHECKING:
    from flows.extract.quotes.clause import Clause

_CONDITIONALS = ("ば", "たら", "なら", "ても", "でも", "と")


def own_topic(c: Clause, tops: list[tuple[int, Speaker]], oi: int) -> tuple[int, Speaker]:
    """The topic (particle index, speaker) that speaks the bracket opening at oi, of `tops` in text order."""
    ms, top = c.ms, tops[0]
    for t in tops[1:]:
        if t[0] != oi - 1 or t[1].kind not in ("named", "anonymous"):
            continue                              # 本人は, ファンは: the topic before goes on
        comma = run_back(ms, t[0], top[0] + 1) - 1
        while comma > top[0] and not is_comma(ms[comma]) and not is_predicate(ms[comma]):
            comma -= 1                            # over ロシア外務省の before ザハロワ情報局長
        if comma <= top[0] or not is_comma(ms[comma]) or c.inside[comma]:
            continue
        start = next((k + 1 for k in range(comma - 1, top[0], -1) if is_comma(ms[k]) and not c.inside[k]),
                     top[0] + 1)
        if ms[comma - 1].surface in _CONDITIONALS or any(
                is_quotative(ms[k]) and not c.inside[k] and ms[k + 1].pos1 == "動詞" for k in range(start, comma - 1)):
            continue                              # …があれば、米国は…: the first topic's content goes on
        if any(is_predicate(m) for m, ins in zip(ms[start:comma], c.inside[start:comma]) if not ins) \
                and (not is_frame(ms, start, comma, c.text, c.inside) or _stance_clause(ms, comma)):
            top = t
    return top


def _stance_clause(ms, comma: int) -> bool:
    """…を始める方針で、: a noun of stance (`speech_nouns`, not a medium such as 声明) and the copula's で
    end a clause of the topic's own, not the frame of what follows."""
    if comma < 2:
        return False
    f = framing()
    noun, de = ms[comma - 2], ms[comma - 1]
    return de.surface == "で" and noun.lemma in f["speech_nouns"] and not noun.surface.endswith(f["medium_nouns"])
