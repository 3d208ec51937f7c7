"""One sentence seen by the quote rules: morphemes, brackets, reports, sources and speaker phrases.

`Clause` holds what every quote of the sentence shares; `choose` finds the
speaker phrase of a stretch of it. Japanese puts the speaker first as a topic
(トランプ氏は…と述べた) and drops it when it goes on speaking, so: the first
は/も phrase that names a speaker wins, a が phrase only where nothing but framing
follows it, and a stretch whose first topic is no speaker (そのような結果は、
…ロシアは…と説明した) has its speaker dropped altogether.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING

from flows.extract.quotes import brackets as br
from flows.extract.quotes.content import is_frame
from flows.extract.quotes.lexicon import framing, speakers, verb_stems
from flows.extract.quotes.reports import _match, find_reports
from flows.extract.quotes.speakers import Speaker, run_back, run_forward
from flows.extract.quotes.tokens import is_comma, is_particle, is_predicate, is_subject_particle, shares_subject
from flows.extract.quotes.topics import own_topic

if TYPE_CHECKING:
    from flows.extract.quotes import QuoteExtractor

VERB_CHANNELS_FIRST = ("report", "social_media")
_start = attrgetter("start")


@cache
def _venue_pattern() -> re.Pattern[str]:
    venues = "|".join(map(re.escape, speakers()["public_venues"]))
    public = "|".join(map(re.escape, sorted(speakers()["anon_public"], key=len, reverse=True)))
    return re.compile(f"(?P<venue>(?:(?:{venues})(?:上)?[やと・])?(?:{venues}))(?:上)?"  # 掲示板やSNSには
                      "(?:では|には|でも|からは|からも|から(?=[「『、]|$))"
                      f"|(?P<circle>(?:{public}))の間(?:では|でも|で)")             # ネットユーザーの間でも


@cache
def _lead_venue_pattern() -> re.Pattern[str]:
    """A place of the public with a bare で or に, for a lead line ending in 、 or ： before a list of
    comments (掲示板やTwitter上で瞬く間に広がり、 / ネット上に寄せられた声を紹介すると：)."""
    venues = "|".join(map(re.escape, speakers()["online_venues"]))
    return re.compile(f"(?P<venue>(?:(?:{venues})(?:上)?[やと・])?(?:{venues}))(?:上)?(?:で|に)(?!は)")


def venue_span(m: re.Match[str]) -> tuple[int, int]:
    """The public place (ネット掲示板) or circle (ネットユーザー) a venue match names."""
    return m.span("venue") if m.group("venue") else m.span("circle")


LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_NAME = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ0-9０-９\u30a0-\u30ff・･.\s&＆]{2,}$")


def _name_like(text: str) -> bool:
    """日経トレンディ, Google: katakana or Latin, the look of a name rather than a common noun."""
    return bool(_NAME.match(text))


@dataclass
class Marker:
    lo: int                  # morphemes lo..hi-1 are the source phrase (当局者によると、)
    hi: int
    at: int                  # where the marker (によると) starts
    speaker: Speaker | None
    lemma: str | None        # a verb of saying inside it (語ったところによると → 語る)


class Clause:
    def __init__(self, ex: QuoteExtractor, i: int, brackets: list[br.Bracket]):
        self.ex, self.i = ex, i
        self.text = ex.doc.text
        self.kind = ex.doc.sentences[i].block_kind
        ms = self.ms = ex.doc.morphemes(i)
        self.n = len(ms)
        self.inside = [False] * self.n
        self.br: list[tuple[br.Bracket, int, int]] = []
        for b in brackets:
            oi, ci = self.index_at(b.open), self.index_at(b.close)
            if oi is None or ci is None:
                continue
            for k in range(oi, ci + 1):
                self.inside[k] = True
            self.br.append((b, oi, ci))
        hit = verb_stems().search(self.text, ms[0].start, ms[-1].end) if ms else None
        self.reports = find_reports(ms, self.inside, self.is_name) if hit else []
        self.markers = self.find_markers() if ms else []
        self.skip = list(self.inside)
        for mk in self.markers:
            for k in range(mk.lo, mk.hi):
                self.skip[k] = True
        self.here: list[tuple[int, Speaker, str]] = []   # (offset, speaker, attribution) found so far

    def index_at(self, offset: int) -> int | None:
        """Index of the morpheme starting at `offset`, if one does."""
        k = bisect.bisect_left(self.ms, offset, key=_start)
        return k if k < self.n and self.ms[k].start == offset else None

    def is_name(self, m) -> bool:
        if self.ex.mentions.covering(m.start) is not None:
            return True
        return m.pos1 == "接尾辞" and self.ex.mentions.covering(m.start - 1) is not None

    def seg_lo(self, pos_i: int) -> int:
        """Start of the clause holding morpheme pos_i: after the last report that ends before it."""
        return max((r.end_i for r in self.reports if r.end_i <= pos_i), default=0)

    def outside(self, a: int, b: int) -> list[tuple[int, int]]:
        """Offsets a..b minus the brackets of this sentence."""
        spans, cur = [], a
        for bk, _, _ in self.br:
            if bk.close < cur or bk.open >= b:
                continue
            if bk.open > cur:
                spans.append((cur, bk.open))
            cur = max(cur, bk.close + 1)
        if cur < b:
            spans.append((cur, b))
        return spans

    def channel_of(self, spans: list[tuple[int, int]], verb_channel: str | None) -> str | None:
        """A verb that names its medium (報じた, 投稿した) wins; else the clause's cue words."""
        if verb_channel in VERB_CHANNELS_FIRST:
            return verb_channel
        return self.ex.channel(spans) or verb_channel

    # -- speaker phrases --------------------------------------------------------------------------
    def suppressed(self, sp: Speaker, before: int) -> bool:
        """米国は「…」と述べていた after トランプ氏は「…」と語り: a country in a later clause is content."""
        return sp.entity_type == "GPE" and any(
            s.entity_type == "PERSON" and off < before for off, s, _ in self.here)

    def choose(self, a: int, b: int, mode: str) -> tuple[int, Speaker] | None:
        """The speaker phrase of a..b-1 as (particle index, speaker): first は/も, else the last valid が."""
        ms = self.ms
        cands = [c for c in self.subject_candidates(a, b, groups=mode in ("bracket", "indirect"))
                 if not self.suppressed(c[1], ms[c[0]].start) and (mode == "bracket" or c[1].kind != "public")]
        blocker = self.topic_blocker(a, b, {k for k, _ in cands})
        if blocker is not None and not cands:
            start = run_back(ms, blocker, a)             # G.G.スパロウは、…と主張する: a name nobody listed
            text = self.text[ms[start].start:ms[blocker - 1].end]
            if _name_like(text) and (LATIN.search(text) or all(m.pos2 == "固有名詞" for m in ms[start:blocker])) \
                    and not self.ex.mentions.within(ms[start].start, ms[blocker - 1].end):
                return blocker, Speaker(ms[start].start, ms[blocker - 1].end, None, None, "named")
        if blocker is not None:
            cands = [c for c in cands if c[0] < blocker or self.clause_break(blocker, c[0])]
        tops = [c for c in cands if ms[c[0]].surface == "は"] or [c for c in cands if ms[c[0]].surface == "も"]
        if tops and mode == "bracket":                 # 同紙は少年が「…」と約束した, Xは記者が「…」と尋ねると:
            inner = [c for c in cands if c[0] > tops[0][0] and ms[c[0]].surface == "が" and self.ga_ok(c[0], b, mode)
                     and not self.clause_break(tops[0][0], c[0])]
            if inner:                                  # the subject of the clause the quote is in
                return inner[-1]
        if tops:
            return own_topic(self, tops, b) if mode == "bracket" else tops[0]
        ok = [c for c in cands if ms[c[0]].surface == "が" and self.ga_ok(c[0], b, mode)]
        return ok[-1] if ok else None

    def topic_blocker(self, a: int, b: int, speaking: set[int]) -> int | None:
        """Index of the first は/も topic in a..b-1 if it names no speaker (and no time)."""
        ms, words = self.ms, framing()["time_words"]
        for k in range(max(a, 1), b):
            m = ms[k]
            if self.skip[k] or not (m.surface == "は" and m.pos2 == "係助詞"):
                continue
            if ms[k - 1].pos1 == "助詞" or self.skip[k - 1]:
                continue
            if k in speaking:
                return None
            start = run_back(ms, k, a)
            if start < k and all(x.surface in words or x.lemma in words or x.pos2 == "数詞" or x.pos1 == "接尾辞"
                                 for x in ms[start:k]):
                continue                                  # 今回は, 19日は: a time, not a topic
            return k if start < k else None
        return None

    def clause_break(self, a: int, b: int) -> bool:
        """A clause ends between a and b (…だが、 / …し、 / …ており、)."""
        ms = self.ms
        for k in range(a + 1, b):
            if is_comma(ms[k]) and not self.inside[k]:
                prev = ms[k - 1]
                if prev.pos2 == "接続助詞" or prev.cform.startswith("連用形") and prev.pos1 in ("動詞", "助動詞"):
                    return True
        return False

    def ga_ok(self, k: int, upto: int, mode: str) -> bool:
        """A が phrase speaks only if it heads what follows: nothing but framing before a bracket,
        or, before reported content, a comma, a framing chunk, or a clause with its own subject."""
        ms = self.ms
        if mode in ("bracket", "topic"):                 # …が、黒田のアカウントを使用して「…」: a frame
            compound = framing()["compound_particle_verbs"]
            return not any(is_predicate(ms[j]) and not self.inside[j] and not (
                ms[j].cform.startswith("連用形") and j + 1 < upto and is_particle(ms[j + 1], "て"))
                and not (ms[j].lemma in compound and is_particle(ms[j - 1], "に", "を"))   # カメラに対し、
                and not shares_subject(ms, j) and not self.relative(j, upto) for j in range(k + 1, upto))
        for j in range(k + 1, upto):                   # 知事が24年度予算は…と述べた: a new subject first
            if self.inside[j]:
                continue
            if is_subject_particle(ms[j]):
                return True
            if is_comma(ms[j]):
                return j == k + 1 or is_frame(ms, k + 1, j, self.text, self.inside)
            if is_predicate(ms[j]):                      # トランプ氏が受け入れたと: its own verb
                return False
        return False

    def relative(self, j: int, upto: int) -> bool:
        """…が「…」と題した記事で、「…」: the predicate at j (with its auxiliaries) modifies a medium that
        frames the statement (記事で, 会見で), so the が phrase still heads the quote."""
        ms = self.ms
        while j + 1 < upto and ms[j + 1].pos1 == "助動詞":
            j += 1
        if not (ms[j].cform.startswith("連体形") and j + 1 < upto and ms[j + 1].pos1 == "名詞"):
            return False
        e = run_forward(ms, j + 1, upto)
        return e < upto and is_particle(ms[e], "で", "にて") and not self.inside[e] \
            and self.text[ms[j + 1].start:ms[e - 1].end].endswith(tuple(framing()["medium_nouns"]))

    def weak_country(self, sp: Speaker) -> Speaker | None:
        """A bare country (ロシアは) right after a sentence quoting a person: the person goes on."""
        mention = self.ex.mentions.covering(sp.start)
        if sp.entity_type != "GPE" or mention is None or mention["end"] != sp.end:
            return None
        prev = self.i - 1
        sentences = self.ex.doc.sentences
        if prev in self.ex.last_speaker and sentences[prev].paragraph == sentences[self.i].paragraph:
            person = self.ex.last_speaker[prev][0]
            if person.entity_type == "PERSON":
                return person
        return None

    def plain_subject(self, a: int, b: int) -> Speaker | None:
        """A は/が phrase right before b that the lexicons do not know (73.8%の女性が「…」と回答):
        with a verb of saying after the quote, it still names who spoke."""
        ms, words = self.ms, framing()["time_words"]
        k = b - 1
        while k > a and k > b - 10 and not (ms[k].surface == "が" and is_subject_particle(ms[k])):
            if is_predicate(ms[k]) and not (ms[k].lemma == "対する" or ms[k].lemma == "だ") and not shares_subject(ms, k):
                return None                               # 店が閉まると「…」: the が belongs to another clause
            k -= 1
        if k <= a or ms[k].surface != "が" or not is_subject_particle(ms[k]) or self.skip[k] \
                or ms[k - 1].pos1 == "助詞":
            return None
        start = run_back(ms, k, a)
        if start >= k or all(x.surface in words or x.lemma in words or x.pos2 == "数詞" for x in ms[start:k]):
            return None
        if self.ex.finder.phrase(ms, start, k) is not None:
            return None                                   # a known speaker phrase: `choose` has ruled
        return self.ex.finder.plain(ms, start, k, a)

    def source_phrase(self, a: int, b: int, same_clause: bool = False) -> Speaker | None:
        """ネットユーザーからは「…」, 男性客から「…」: where the words came from. With same_clause, no
        predicate or other bracket may stand between it and b (上田から「…」と絡まれると、「…」 is not)."""
        ms = self.ms
        for k in range(b - 1, max(a, 1) - 1, -1):
            if same_clause and (self.inside[k] or is_predicate(ms[k])):
                return None
            if self.skip[k]:
                continue
            if is_particle(ms[k], "から") and ms[k].pos2 == "格助詞":
                start = run_back(ms, k, a)
                if start < k:
                    return self.ex.finder.before_particle(ms, k, a)
        return None

    def agent_before(self, oi: int) -> Speaker | None:
        """母に「…」と言われた, 上司から「…」と言われ: the agent of a passive verb of saying."""
        ms = self.ms
        for k in range(oi - 1, max(oi - 9, 0), -1):       # 妻に、いつも「…」と指摘される: words may stand between
            if self.skip[k] or is_predicate(ms[k]):
                return None
            if is_particle(ms[k], "に", "から") and ms[k].pos2 == "格助詞":
                sp = self.ex.finder.before_particle(ms, k, 0)
                return sp if sp is not None and (k == oi - 1 - is_comma(ms[oi - 1]) or sp.entity_type != "GPE") \
                    else None
        return None

    def venue(self, a: int, b: int) -> Speaker | None:
        """ネット掲示板では「…」: the users of a public place speak (anonymous, the place as written)."""
        if a >= b:
            return None
        m = _venue_pattern().search(self.text, self.ms[a].start, self.ms[b - 1].end)
        if m is None:
            return None
        a, b = venue_span(m)
        return Speaker(a, b, None, None, "public")

    def subject_candidates(self, a: int, b: int, groups: bool = False) -> list[tuple[int, Speaker]]:
        """Speaker phrases before a particle in a..b-1, bracketed names with a category noun included,
        in text order (particle index, speaker); group speakers (両首脳) with `groups`."""
        return sorted(self.ex.finder.candidates(self.ms, a, b, self.skip, groups) + self.name_subjects(a, b),
                      key=lambda c: c[0])

    def name_subjects(self, a: int, b: int) -> list[tuple[int, Speaker]]:
        """ニュースサイト「イランラジオ」が / 情報誌「…」は: a category noun and the name in brackets
        after it, as the subject (particle index, speaker; no entity)."""
        out = []
        for _, oi, ci in self.br:
            k = ci + 1
            if a < k < b and k < self.n and is_subject_particle(self.ms[k]) and oi > a \
                    and br.category_before(self.ms, oi, self.text, speaking=True):
                start = run_back(self.ms, oi, a)
                out.append((k, Speaker(self.ms[start].start, self.ms[ci].end, None, None, "named")))
        return out

    def first(self, a: int, b: int) -> Speaker | None:
        got = self.subject_candidates(a, b)
        if got:
            return got[0][1]
        for k in range(max(a, 1), b):                    # とzakzakが報じた: whoever stands there
            if self.ms[k].surface in ("は", "が") and is_subject_particle(self.ms[k]) and not self.skip[k] \
                    and self.ms[k - 1].pos1 != "助詞":
                start = run_back(self.ms, k, a)
                if start < k:
                    return self.ex.finder.plain(self.ms, start, k, a)
        return None

    def relative_speaker(self, r) -> Speaker | None:
        """と話すトランプ大統領 (the noun the verb modifies); と話すのは、…マスミさん（38歳）。(the focus
        of a cleft: the noun phrase that ends the sentence)."""
        if r.np_after_i is None:
            return None
        if not r.cleft:
            return self.ex.finder.after(self.ms, r.np_after_i, self.n)
        k = self.n
        while k > r.np_after_i and (self.ms[k - 1].pos1 in ("補助記号", "助動詞") and self.ms[k - 1].surface
                                    not in "）)" or self.ms[k - 1].pos2 == "終助詞"):
            k -= 1                                        # 。 だ です
        start = run_back(self.ms, k, r.np_after_i)
        return self.ex.finder.phrase(self.ms, start, k) if start < k else None

    def earlier(self, offset: int) -> tuple[Speaker, str] | None:
        """The speaker of the sentence's quote before `offset`, unless it was a が subject asking or prompting
        in a clause of condition or time (Xが「…？」と尋ねると、「…」と答えた: someone else answers)."""
        prior = [(off, sp, att) for off, sp, att in self.here if off < offset]
        if not prior:
            return None
        off, sp, att = prior[-1]
        if self.text[sp.end:sp.end + 1] == "が" and self.prompt_between(off, offset):
            return None
        return sp, att

    def prompt_between(self, a: int, b: int) -> bool:
        """Between offsets a and b, outside brackets, a clause of condition or time ends (…と尋ねると、 /
        …と聞けば、) whose verb asks or prompts, or whose quote is a question (「…？」と言うと、)."""
        ms, lex = self.ms, framing()
        lo, hi = bisect.bisect_left(ms, a, key=_start), bisect.bisect_left(ms, b, key=_start)
        for k in range(lo + 1, min(hi, self.n - 1)):
            m = ms[k]
            if self.inside[k] or not is_comma(ms[k + 1]) or not (
                    m.pos2 == "接続助詞" and m.surface in lex["condition_endings"]
                    or m.cform.startswith("仮定形") and m.pos1 in ("動詞", "助動詞")):
                continue
            j = k - (m.pos2 == "接続助詞")
            while j > lo and (ms[j].pos1 == "助動詞" or ms[j].lemma == "為る"):
                j -= 1                                     # 質問|する|と, 尋ね|られ|る
            if ms[j].lemma in lex["prompting_verbs"]:
                return True
            q = next((t for t in range(j, lo, -1) if self.inside[t]), None)
            if q is not None and self.text[ms[q].start - 1:ms[q].start] in "？?":
                return True                                # 「…？」と言うと、
        return False

    def marker_before(self, idx: int) -> Marker | None:
        prior = [mk for mk in self.markers if mk.at < idx and mk.speaker is not None]
        return prior[-1] if prior else None

    # -- source markers (当局者によると) --------------------------------------------------------
    def find_markers(self) -> list[Marker]:
        ms, out, finder = self.ms, [], self.ex.finder
        heads = framing()["source_speech_heads"]
        for match in self.ex.markers(ms[0].start, ms[-1].end):
            idx = self.index_at(match.start())
            if idx is None or self.inside[idx]:
                continue
            hi = idx
            while hi < self.n and ms[hi].start < match.end():
                hi += 1
            if hi < self.n and is_comma(ms[hi]):
                hi += 1
            if match.group().startswith("の") and idx > 0 and ms[idx - 1].surface == "と":
                continue                                  # FOXニュースとのインタビュー: the interviewer
            lo = idx
            while lo > 0 and not (is_comma(ms[lo - 1]) and not self.inside[lo - 1]):
                lo -= 1
            a = run_back(ms, idx, lo)
            if match.group().startswith("の"):
                lo = a                                    # Xのインタビューで: only X is the source
            head = self.text[ms[a].start:ms[idx - 1].end] if a < idx else ""
            if match.group().startswith("の"):
                sp = finder.before_particle(ms, idx, lo)
            elif head and head.endswith(tuple(heads)):
                if a - 1 >= lo and is_particle(ms[a - 1], "の"):
                    sp = finder.before_particle(ms, a - 1, lo)
                else:
                    got = finder.candidates(ms, lo, a, self.inside)
                    sp = got[0][1] if got else None
                    if sp is None and a < idx - 1:          # 産経新聞報道によると: the paper reports
                        sp = finder.phrase(ms, a, idx - 1)
            else:
                sp = finder.before_particle(ms, idx, lo)
                if sp is None and a < idx and not (head and head.endswith(tuple(heads))) and _name_like(head):
                    sp = finder.plain(ms, a, idx, lo)     # 選出した日経トレンディによると
            verbs = [hit[0].lemma for k in range(lo, idx) if (hit := _match(ms, k)) and hit[0].lemma != "する"]
            out.append(Marker(lo, hi, idx, sp, verbs[-1] if verbs else None))
        return out
