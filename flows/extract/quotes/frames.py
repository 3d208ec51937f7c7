"""Frames that make bracketed or reported words something nobody actually said.

A bracket closed by と and a verb of saying is usually a quote, but the frame
after the verb can say the words are only imagined, an example, a saying, an
instruction or the typical words of a kind of person:

- a conditional with no answer after it, or an instruction: 「…」と言われたら,
  「…」と伝えれば (but 「…」と訊かれれば「…」と答えた is an exchange), 「…」とつぶやくだけで;
- a saying: 「春眠暁を覚えず」と言われるとおり;
- an example: たとえば「…」とか, or 例えば「…」 with no verb of saying after it;
- words nobody said, as if to say: 「…」とばかりに, 「…」と言わんばかりの;
- a common saying: 「…」とよく聞きますが, 昔から「…」と言われる;
- a generic noun the reporting clause modifies, in the present tense:
  「…」という日には, 「…」と言う人, 「…」と問われて即座に答えられる人は少ない,
  「…」と言われ、…と憧れられてしまう損なタイプ. A past tense
  (「…」と答えた人は6割), a counted share (という人がほとんど) or a noun that then
  exists (と話す人もいた) is real speech.

Each rule reads only the morphemes after the bracket, so it holds for any
passage; the nouns and markers are data in framing.yaml (`not_said`).
"""
from __future__ import annotations

from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.tokens import is_attributive, is_particle, quotative_after
from flows.text.morphemes import Morpheme, opener_of

WINDOW = 14            # morphemes after と searched for the verb and what it modifies


def _lex() -> dict:
    return framing()["not_said"]


def _skip_bracket(ms: list[Morpheme], j: int) -> int:
    """Index after the bracket opening at ms[j]."""
    depth = 0
    while j < len(ms):
        depth += (ms[j].surface in "「『") - (ms[j].surface in "」』")
        j += 1
        if depth == 0:
            break
    return j


def not_said(ms: list[Morpheme], ci: int) -> str | None:
    """Why the bracket ending at ms[ci] holds words nobody said, or None."""
    n, lex = len(ms), _lex()
    toka = 2 if ci + 2 < n and ms[ci + 1].surface == "と" and ms[ci + 2].surface == "か" and ms[ci + 2].pos1 == "助詞" \
        else 1 if ci + 1 < n and ms[ci + 1].surface == "とか" and ms[ci + 1].pos1 == "助詞" else 0
    if toka and any(m.lemma in lex["examples"] or m.surface in lex["examples"] for m in ms[:ci]) \
            and not (ci + toka + 1 < n and ms[ci + toka + 1].pos1 == "動詞"):
        return "an example (たとえば「…」とか)"
    k = quotative_after(ms, ci)
    if k is None:
        return None
    if _as_if(ms, k + 1):
        return "words nobody said, as if to say (とばかりに, と言わんばかりの)"
    j = k + 1
    while j < n and j <= k + 4 and ms[j].pos1 != "動詞" and ms[j].pos1 in ("補助記号", "名詞", "助詞", "副詞"):
        if ms[j].pos1 == "補助記号" and ms[j].pos2 in ("句点", "括弧開"):
            return None
        j += 1
    if j >= n or ms[j].pos1 != "動詞":
        return None
    verb = ms[j]
    end = j + 1
    while end < n and (ms[end].pos1 == "助動詞" or is_particle(ms[end], "て", "で") and ms[end].pos2 == "接続助詞"
                       or ms[end].pos1 == "動詞" and ms[end].pos2 == "非自立可能"):
        end += 1
    tail = ms[j + 1:end]
    nxt = ms[end] if end < n else None
    # 「…」と訊かれれば、「…」と答えた: an exchange; 「…」と言ったら、興奮していた: what happened
    answered = any(m.surface in "「『" or m.pos1 == "助動詞" and m.lemma == "た" for m in ms[end:])
    if not answered and (any(m.cform.startswith("仮定形") for m in [verb, *tail]) or nxt is not None and (
            nxt.surface in lex["conditionals"] and nxt.pos1 == "助詞")):
        return "a conditional (と言われたら, と伝えれば) with no answer after it"
    after_only = ms[end + 1] if end + 1 < n else None          # だけで / だけ！, not だけあって
    if nxt is not None and nxt.surface in lex["instructions"] and nxt.pos1 == "助詞" and (
            after_only is None or after_only.surface == "で" or after_only.pos1 == "補助記号"):
        return "an instruction (とつぶやくだけで)"
    if verb.lemma == "言う" and [m.lemma for m in ms[j + 1:j + 4]] == ["ず", "を", "得る"]:
        return "the writer's own judgement (と言わざるを得ない)"
    passive = any(m.lemma in ("れる", "られる") for m in tail)
    habitual = any(m.lemma == "た" for m in tail)        # 母によく「…」と言われた: said, again and again
    if (verb.lemma == "聞く" or verb.lemma == "言う" and passive) and not habitual \
            and not any(m.pos2 == "読点" for m in ms[k + 1:j]) and (any(
            m.surface in lex["saying_adverbs"] or m.lemma in lex["saying_adverbs"] for m in ms[k + 1:j])
            or _word_before(ms, _opening(ms, ci), lex["saying_adverbs"])):
        return "a common saying (とよく聞く, とよく言われる)"
    if verb.lemma == "言う" and passive and nxt is not None and (nxt.lemma in lex["sayings"]
                                                               or nxt.surface in lex["sayings"]):
        return "a saying (と言われるとおり)"
    if generic_head(ms, j):
        return "typical words of a kind of person or occasion (と言う人, という日)"
    return None


def _as_if(ms: list[Morpheme], j: int) -> bool:
    """ばかり right after と (とばかりに), or after 言わ + ん (と言わんばかりの)."""
    as_if = _lex()["as_if"]
    if j < len(ms) and ms[j].surface in as_if and ms[j].pos1 == "助詞":
        return True
    return j + 2 < len(ms) and ms[j].lemma == "言う" and ms[j + 1].surface == "ん" and ms[j + 2].surface in as_if


def _opening(ms: list[Morpheme], ci: int) -> int:
    """Index of the bracket that the one closing at ms[ci] opens with (0 if none does)."""
    opened = opener_of(ms, ci, "「『", "」』")
    return 0 if opened is None else opened


def _word_before(ms: list[Morpheme], oi: int, words: frozenset[str]) -> bool:
    """One of `words` right before the bracket opening at ms[oi] (a comma between allowed), or before
    the first bracket of a chain it ends (例えば、「…」「…」といった)."""
    k = oi - 1
    while k >= 0:
        if ms[k].pos2 == "読点":
            k -= 1
        if k >= 0 and ms[k].surface in "」』":
            k = _opening(ms, k) - 1              # the bracket before, in a chain
            continue
        return k >= 0 and (ms[k].surface in words or ms[k].lemma in words
                           or k > 0 and ms[k - 1].surface + ms[k].surface in words)     # 昔から
    return False


def example_before(ms: list[Morpheme], oi: int) -> bool:
    """例えば「…」, たとえば、「…」「…」: an example word before the bracket opening at ms[oi]."""
    return _word_before(ms, oi, _lex()["examples"])


def reader_question(ms: list[Morpheme], ci: int) -> bool:
    """「むくみたくないから」と、水分を控えてしまう方はいませんか？: the sentence after the bracket, in the
    writer's voice, ends in a polite negative question to the reader (…ませんか？), so the bracket holds
    what a reader might say, not words anyone said."""
    end = len(ms)
    while end > ci + 1 and ms[end - 1].pos1 == "補助記号":
        end -= 1
    tail = ms[end - 3:end] if end - 3 > ci + 1 else []
    return bool(tail) and [m.lemma for m in tail] == ["ます", "ず", "か"] and tail[2].pos1 == "助詞" \
        and not any(m.surface in "「『" for m in ms[ci + 1:end])


def generic_head(ms: list[Morpheme], v: int) -> bool:
    """The clause of the verb at ms[v] modifies, in the present tense, a generic noun (人, タイプ,
    日, 場合) that is not then said to exist (と話す人もいた)."""
    n, lex = len(ms), _lex()
    nouns = lex["generic_nouns"]
    j, seen = v + 1, 0
    while j < n and seen <= WINDOW:
        m = ms[j]
        if m.surface in "「『":
            j = _skip_bracket(ms, j)
            continue
        seen += 1
        if m.pos1 == "補助記号" and m.pos2 == "句点":
            return False
        if m.pos1 == "補助記号" and m.pos2 == "読点":
            prev = ms[j - 1]
            if not (prev.cform.startswith("連用形") and prev.pos1 in ("動詞", "助動詞")
                    or prev.pos2 == "接続助詞" and prev.surface in ("て", "で")):
                return False                               # the clause ends: what follows is another
        if m.pos1 == "名詞" and m.surface not in nouns and m.lemma not in ("事", "物") and is_attributive(ms[j - 1]) \
                and not (j + 1 < n and ms[j + 1].surface in ("な", "の")):
            return False                                   # the clause modifies another noun (損なタイプ goes on)
        if m.pos1 == "名詞" and m.surface in nouns:
            prev = ms[j - 1]
            if not is_attributive(prev) or prev.lemma == "た":
                return False
            after = ms[j + 1:j + 5]
            exists = len(after) >= 2 and after[0].surface in ("も", "が", "しか") and (
                any(x.lemma in lex["existing"] for x in after[1:4])
                or after[0].surface == "も" and after[1].pos2 == "句点")     # という人も。: there were some
            counted = any(x.pos2 == "数詞" or x.lemma in lex["shares"] or x.surface in lex["shares"] for x in after)
            return not (exists or counted)                # と答える人は4人に1人: a survey share
        j += 1
    return False


def buzz_after(ms: list[Morpheme], ci: int) -> bool:
    """「ノーパンか？」と話題に, 「あざとい」と注目を集める: the public's words, not the subject's."""
    k = quotative_after(ms, ci)
    return k is not None and k + 1 < len(ms) and ms[k + 1].pos1 == "名詞" and ms[k + 1].surface in _lex()["buzz"]
