"""Verbs of saying and the quotative と that hands them their content.

A report is one verb of saying (a lexicon entry) outside brackets, the
quotative と/って before it, and what stands right before that と: a closing
bracket (「…」と述べた), a predicate (…必要だと訴えた) or a plain noun
(…不可能と述べた). Between と and the verb only the words of a speaker phrase,
an addressee or an adverb may stand (とトランプ氏は述べた, と記者団に話した,
と、英紙が文書を引用して報じた); a finite verb, a full stop or another bracket
there means the と belongs to something else.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from flows.extract.quotes.lexicon import Verb, framing, reporting_verbs, speech_noun_verbs
from flows.extract.quotes.tokens import (
    PAREN_CLOSERS,
    PAREN_OPENERS,
    QUOTE_CLOSERS,
    is_comma,
    is_particle,
    is_period,
    is_predicate,
    is_quotative,
    is_suru,
)
from flows.text.morphemes import Morpheme, opener_of

_lemma = attrgetter("lemma")
MAX_GAP = 24                                  # morphemes between と and its verb (…と、戦略国際問題研究所（CSIS）の…氏は…語った)
_SHORT_GAP = 16                               # beyond this, no comma but the one right after と
AUX_VERBS = frozenset({"居る", "行く", "来る", "仕舞う", "有る", "置く", "呉れる", "貰う", "頂く", "下さる",
                       "見せる", "続ける"})
NEGATIONS = frozenset({"ない", "ず", "ぬ", "無い"})
PASSIVES = frozenset({"れる", "られる"})
MODALS = frozenset({"べし", "たい"})             # とも言うべき, と言いたくなる: nobody said it
POTENTIAL_IU = ("言え", "いえ")
SURU_LEMMA = "する"


@dataclass
class Report:
    to_i: int                # the quotative と/って (for との考えを示した: its と)
    verb_i: int
    end_i: int               # after the verb, its inflection and a trailing comma
    lemma: str
    channel: str | None
    indirect: bool           # may close reported speech without brackets
    before: str              # "bracket" | "predicate" | "noun"
    content_end_i: int       # index of the morpheme the content ends with (」 for brackets)
    hearsay: bool = False    # sentence-final という: reported speech only with a source
    np_after_i: int | None = None  # the verb modifies a noun phrase (と話すトランプ大統領)
    cleft: bool = False      # 「…」と話すのは、X だ
    via_noun: bool = False   # との考えを示した: nothing between と and the verb names a speaker


@cache
def _first_lemmas() -> frozenset[str]:
    return frozenset(reporting_verbs()) | frozenset(speech_noun_verbs())


def _match(ms: list[Morpheme], v: int) -> tuple[Verb, int] | None:
    """The lexicon verb starting at v and the index after its lemmas (and する)."""
    for verb in reporting_verbs().get(ms[v].lemma, ()):
        k = v + len(verb.lemmas)
        if k > len(ms) or tuple(m.lemma for m in ms[v:k]) != verb.lemmas:
            continue
        if verb.sahen:
            if ms[v].pos1 != "名詞":
                continue
            if k < len(ms) and is_suru(ms[k]):
                k += 1
            elif k < len(ms) and not (is_period(ms[k]) or is_comma(ms[k])):
                continue
        elif ms[k - 1].pos1 != "動詞":
            continue
        return verb, k
    return None


def _tail(ms: list[Morpheme], k: int) -> int:
    """Index after the inflection of a verb ending before k (auxiliaries, て, いる …)."""
    while k < len(ms):
        m = ms[k]
        if (m.pos1 == "助動詞" or is_particle(m, "て", "で") and m.pos2 == "接続助詞"
                or m.pos1 == "動詞" and m.pos2 == "非自立可能" and m.lemma in AUX_VERBS):
            k += 1
        else:
            break
    return k


def cleft_pointing_back(ms: list[Morpheme], k: int) -> int | None:
    """「…」、こう話すのは X だ / (a sentence of its own) そう語っていたのは、X だった: a demonstrative adverb
    at ms[k] (a comma before it allowed), a verb of saying and the nominal の + は/が. The words just
    quoted are the cleft's focus's. Returns the index of the は/が, or None."""
    if k < len(ms) and is_comma(ms[k]):
        k += 1
    if k + 3 >= len(ms) or ms[k].pos1 != "副詞" or ms[k].lemma not in framing()["back_pointers"]:
        return None
    hit = _match(ms, k + 1)
    if hit is None:
        return None
    e = _tail(ms, hit[1])
    if e + 1 < len(ms) and ms[e].pos2 == "準体助詞" and ms[e + 1].surface in ("は", "が") and ms[e + 1].pos1 == "助詞":
        return e + 1
    return None


def _gap_ok(ms: list[Morpheme], j: int) -> bool:
    """May ms[j] stand between the quotative と and its verb?"""
    m = ms[j]
    nxt = ms[j + 1] if j + 1 < len(ms) else None
    if m.pos1 in ("名詞", "代名詞", "接尾辞", "接頭辞", "副詞", "連体詞", "形状詞"):
        return True
    if m.pos1 == "補助記号":
        return is_comma(m) or m.surface in PAREN_OPENERS + PAREN_CLOSERS + "・" or m.pos2 == "一般"
    if m.pos1 == "助詞":
        if m.pos2 in ("格助詞", "係助詞", "副助詞"):
            return m.surface != "と"
        return m.pos2 == "接続助詞" and m.surface in ("て", "で") and j > 0 and ms[j - 1].cform.startswith("連用形")
    if m.pos1 == "動詞":
        if m.cform.startswith("連用形"):
            return nxt is not None and is_particle(nxt, "て", "で")
        return m.cform.startswith("連体形") and nxt is not None and nxt.pos1 in ("名詞", "接頭辞")
    if m.pos1 == "形容詞":
        return m.cform.startswith(("連用形", "連体形"))
    if m.pos1 == "助動詞":
        return m.lemma == "だ" and m.cform.startswith("連用形-ニ")
    return False


def _quotative_before(ms: list[Morpheme], v: int, inside: list[bool], adjacent: bool = False) -> int | None:
    j = v - 1
    while j >= 0 and v - j <= MAX_GAP:
        if inside[j]:
            return None
        if is_quotative(ms[j]):
            if j > 0 and ms[j - 1].lemma in ("因る", "依る"):   # によると: a source, not a quotative
                return None
            if j + 1 < v and ms[j + 1].pos1 in ("動詞", "形容詞", "助動詞"):
                return None                                   # となる, と見られる: the と is that verb's
            # として / としても: と + する is "as", not a quotative with a gap
            if j + 2 < v and is_suru(ms[j + 1]) and is_particle(ms[j + 2], "て"):
                return None
            if j + 1 < v and (ms[j + 1].lemma == "共" or ms[j + 1].surface == "同時"):
                return None                                   # …を求めるとともに、…を表明した: "as well as"
            if j + 1 < v and is_particle(ms[j + 1], "の"):  # との: only with a noun of speech
                return None
            if adjacent and j + 1 < v and not (j + 2 == v and is_particle(ms[j + 1], "も")):
                return None                                   # とし, と呼んだ: nothing between
            if v - j > _SHORT_GAP and any(is_comma(m) for m in ms[j + 2:v]):
                return None    # a long way off, only a speaker phrase may stand between (not 確認すると、…、…答える)
            return j
        if not _gap_ok(ms, j):
            return None
        j -= 1
    return None


def _speech_noun_quotative(ms: list[Morpheme], v: int) -> int | None:
    """との考えを示した / との認識も示した: index of the と, or None."""
    nouns = framing()["speech_nouns"]
    j = v - 1
    while j >= 0 and ms[j].pos1 == "副詞":
        j -= 1
    if j < 3 or not is_particle(ms[j], "を", "も"):
        return None
    n = j - 1                                                 # the first morpheme of the noun
    if ms[n].surface not in nouns and ms[n].lemma not in nouns:
        if n < 1 or ms[n - 1].surface + ms[n].surface not in nouns:
            return None
        n -= 1                                                # 見|方: a noun MeCab split in two
    if n >= 2 and is_particle(ms[n - 1], "の") and is_quotative(ms[n - 2]) and ms[n - 2].surface == "と":
        return n - 2                                          # との考えを示した, との見方を示した
    if n >= 1 and ms[n - 1].surface == "と" and is_quotative(ms[n - 1]):
        return n - 1                                          # と認識を示した
    return None


def _before(ms: list[Morpheme], to: int, suru: bool, is_name: Callable[[Morpheme], bool]) -> tuple[str, int] | None:
    """What the content ends with: ("bracket"|"predicate"|"noun", index), or None if not quotative."""
    b = to - 1
    if b >= 0 and ms[b].pos1 == "助詞" and ms[b].surface in ("など", "なんて", "とか"):
        b -= 1
    if b < 0:
        return None
    m = ms[b]
    if m.surface in PAREN_CLOSERS and b > 0:          # 「…」（木原官房長官）としている: a label between
        opened = opener_of(ms, b, PAREN_OPENERS, PAREN_CLOSERS)
        if opened is not None and opened > 0 and ms[opened - 1].surface in QUOTE_CLOSERS:
            return "bracket", opened - 1
    if m.surface in QUOTE_CLOSERS:
        return "bracket", b
    if ms[to].surface == "って" and not is_predicate(m):
        return None
    if is_predicate(m):
        if suru and m.cform.startswith("意志推量形"):   # 手を引こうとしている: trying, not saying
            return None
        return "predicate", b
    if m.pos1 == "助詞" and m.pos2 == "終助詞" or m.surface in "！？!?…":
        return "predicate", b
    if m.pos1 in ("名詞", "形状詞", "接尾辞"):
        if suru or m.pos2 == "固有名詞" or is_name(m):  # 目標とした; トランプ氏と話した
            return None
        return "noun", b
    return None


def _ends_view(ms: list[Morpheme], tail: list[Morpheme], end: int) -> bool:
    """A verb of view (とみている, と見込む) ends its clause: a full stop, a comma, a closing bracket or the
    sentence's end after it, or the continuative おり (とみており、)."""
    if tail[-1].surface == "おり":
        return True
    nxt = ms[end] if end < len(ms) else None
    return nxt is None or is_period(nxt) or is_comma(nxt) or nxt.surface in QUOTE_CLOSERS


def find_reports(ms: list[Morpheme], inside: list[bool], is_name: Callable[[Morpheme], bool]) -> list[Report]:
    """Every verb of saying in a sentence with its quotative と, in text order."""
    out: list[Report] = []
    noun_verbs = speech_noun_verbs()
    firsts = _first_lemmas()
    n = len(ms)
    for v in [v for v, lemma in enumerate(map(_lemma, ms)) if lemma in firsts]:
        if inside[v]:
            continue
        hit = _match(ms, v)
        if hit is not None:
            verb, k = hit
            to = _quotative_before(ms, v, inside, verb.adjacent)
            lemma, channel, indirect = verb.lemma, verb.channel, verb.indirect
        elif ms[v].pos1 == "動詞" and ms[v].lemma in noun_verbs:
            k = v + 1
            to = _speech_noun_quotative(ms, v)
            lemma, channel, indirect = noun_verbs[ms[v].lemma], None, True
        else:
            continue
        if to is None:
            continue
        end = _tail(ms, k)
        tail = ms[v:end]
        if any(m.pos1 == "助動詞" and m.lemma in NEGATIONS | PASSIVES | MODALS for m in tail):
            continue
        if lemma == "言う" and ms[v].surface.startswith(POTENTIAL_IU):
            continue                                    # と言える: "one may say", nobody said it
        if any(m.cform.startswith("仮定形") for m in tail):
            continue
        if any(m.lemma == "有る" and m.pos2 == "非自立可能" for m in tail):
            continue                                    # と書いてある: a label, nobody speaking
        nxt = ms[end] if end < n else None
        if lemma in (SURU_LEMMA, "言う") and nxt is not None and nxt.surface in ("と", "ば", "なら") \
                and nxt.pos2 == "接続助詞":
            continue                                    # とすると, というと: supposing, speaking of
        ends_in_te = tail[-1].surface in ("て", "で") and tail[-1].pos1 == "助詞"
        if ends_in_te and (lemma == SURU_LEMMA or nxt is not None and is_particle(nxt, "も")):
            continue                                    # として, と言っても
        if any(m.cform.startswith("意志推量形") for m in tail if m.pos1 != "助動詞" or m.lemma != "です"):
            continue                                    # としよう, と言おう: supposing, not reporting
        if hit is not None and verb.stative and not _ends_view(ms, tail, end):
            continue                                    # とみていいだろう, と見た目, と観る者: no view reported
        suru = lemma == SURU_LEMMA
        before = _before(ms, to, suru, is_name)
        if before is None:
            continue
        kind, content_end = before
        if kind != "bracket" and not indirect:
            continue
        if kind == "noun" and any(not is_particle(m, "も", "は") for m in ms[to + 1:v]):
            continue                                    # 先輩と歩さんに…言う: comitative, not quotative
        if kind == "noun" and hit is not None and not verb.after_noun and not ms[v].surface.startswith("い"):
            continue                                    # 顧客と話す: the partner, not the content
        report = Report(to, v, end, lemma, channel, indirect, kind, content_end, via_noun=hit is None)
        hiragana_iu = lemma == "言う" and ms[v].surface.startswith("い")
        at_break = nxt is None or is_period(nxt) or is_comma(nxt)
        if hiragana_iu:
            copula = end + 1 < n and ms[end + 1].lemma in ("だ", "です", "で")
            if not (at_break or nxt.pos1 == "助詞" and nxt.surface == "の" and copula):
                continue                                # という見方, というのは: not speech
            report.hearsay = True
        elif nxt is not None and nxt.pos1 in ("名詞", "接頭辞", "代名詞") and tail[-1].cform.startswith(("連体形", "終止形")):
            report.np_after_i = end
        elif (nxt is not None and nxt.pos2 == "準体助詞" and end + 1 < n and is_particle(ms[end + 1], "は")):
            report.cleft = True
            report.np_after_i = end + 2 + (1 if end + 2 < n and is_comma(ms[end + 2]) else 0)
        if nxt is not None and is_comma(nxt):
            end += 1
        report.end_i = end
        if out and out[-1].to_i == to:
            continue                                    # と発言して…を呼んだ: the と is the first verb's
        out.append(report)
    return out
