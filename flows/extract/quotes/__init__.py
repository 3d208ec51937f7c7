"""Quotes and their speakers: direct and partial quotes in 「」, indirect (reported) speech.

`extract_quotes(doc, mentions)` is the public entry point. Per sentence that
holds a bracket or a verb of saying after と (a compiled-regex test first;
morphemes only then):

1. reports: every verb of saying with its quotative と (`reports.py`);
2. indirect quotes: a report whose と follows a predicate or a noun; the
   content runs from after the speaker phrase and the statement's frame
   (`content.py`) to the と;
3. brackets: each outermost 「」 is a direct quote, a partial quote or a
   name/term (`brackets.py`, `classify.py`), or words nobody said (a
   conditional, an example, a saying, a generic person's words: `frames.py`),
   and takes the speaker of the report that closes it, of the indirect quote
   around it, or of its clause;
4. speakers (`speakers.py`): after the と (とトランプ氏は述べた), on a noun the
   verb modifies (と話すトランプ大統領), the focus of a cleft (と話すのは…さん),
   before the content (は first, then a が heading the quote's own clause; a
   role noun such as スポーツ紙のデスク speaks there too), the agent of a passive
   (妻に、いつも「…」と指摘され), a place or the public (ネット上では, 掲示板やSNSには,
   ファンから, also after the quotes or with 声が寄せられた), a label after the
   quote (「…」（幸恵さん）), the sentence's source (当局者によると), else carried
   from the sentences before (Japanese drops repeated subjects; a list of bare
   quotes keeps its introducer: an online venue on a lead line ending in 、, or a
   ■Name header), else unresolved. 「…」と話題 is the public's.
"""
from __future__ import annotations

import re
from functools import cache

from flows.extract.quotes.brackets import quote_brackets
from flows.extract.quotes.channels import channel_in, is_media
from flows.extract.quotes.clause import _lead_venue_pattern as _lead_venue
from flows.extract.quotes.clause import _venue_pattern as _venue
from flows.extract.quotes.clause import venue_span
from flows.extract.quotes.lexicon import framing, reporting_verbs, verb_stems
from flows.extract.quotes.names_as_words import NamesAsWords
from flows.extract.quotes.reports import cleft_pointing_back
from flows.extract.quotes.tokens import is_particle
from flows.extract.quotes.sentence import SentenceQuotes
from flows.extract.quotes.speakers import PARENS, Mentions, Speaker, SpeakerFinder, run_back
from flows.text.document import Document, span_id

LIST_MARKS = ("・", "■", "【", "◆", "●", "▼", "▽", "※", "＜", "<")
# An interviewer's line in a question-and-answer layout (――北朝鮮のミサイル発射について。, Q：…)
QUESTION_MARKS = ("――", "──", "—", "ーー", "Ｑ", "Q：", "Q:", "Q.", "Q．", "問）", "問)", "【問】")


@cache
def _marker_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, framing()["source_markers"])))


def cleft_at(ms) -> int | None:
    """Index of the nominal の of a cleft (…と話すのは、X), if the sentence is one."""
    return next((k for k in range(1, len(ms) - 1) if ms[k].pos2 == "準体助詞" and ms[k + 1].surface in ("は", "が")
                 and ms[k + 1].pos1 == "助詞"), None)


class QuoteExtractor:
    """One document's quotes; keeps the last speaker of each sentence for carried attribution."""

    MAX_CARRY = 4     # sentences back a dropped subject may reach

    def __init__(self, doc: Document, mentions: list[dict]):
        self.doc = NamesAsWords(doc, mentions)
        self.mentions = Mentions(mentions)
        self.finder = SpeakerFinder(doc.text, self.mentions)
        self.brackets = quote_brackets(doc)
        self.last_speaker: dict[int, tuple[Speaker, str | None]] = {}
        self.had_quote: dict[int, list[tuple[int, int]]] = {}   # sentence → spans of its quotes
        self.topics: dict[int, Speaker | None] = {}
        self.records: dict[str, dict] = {}
        self.nonquotes: list[tuple[int, int, str]] = []   # brackets judged names or terms, with why

    def run(self) -> list[dict]:
        stems = verb_stems()
        for i in range(len(self.doc.sentences)):
            brackets = self.brackets.get(i, [])
            if not brackets and not stems.search(self.doc.sentence_text(i)):
                continue
            SentenceQuotes(self, i, brackets).extract()
        return [self.records[k] for k in sorted(self.records)]

    # -- called by SentenceQuotes -------------------------------------------------------------
    def emit(self, start: int, end: int, kind: str, speaker: Speaker | None, attribution: str,
             verb: str | None, channel: str | None, carry: bool = True) -> None:
        """Record a quote; with carry, its speaker may be carried to the sentences after it."""
        doc = self.doc
        if verb == "伝える" and channel is None and speaker is not None \
                and is_media(doc.text[speaker.start:speaker.end], speaker.entity_type):
            channel = "report"
        qid = span_id(doc.doc_id, "q", start, end)
        sentence = doc.sentence_at(start)
        self.records[qid] = {
            "quote_id": qid,
            "doc_id": doc.doc_id,
            "sentence_id": doc.sentences[sentence].id,
            "start": start,
            "end": end,
            "text": doc.text[start:end],
            "quote_kind": kind,
            "speaker_entity_id": speaker.entity_id if speaker else None,
            "speaker_text": doc.text[speaker.start:speaker.end] if speaker else None,
            "attribution": attribution if speaker else "unresolved",
            "reporting_verb": verb,
            "channel": channel,
        }
        self.had_quote.setdefault(sentence, []).append((start, end))
        if speaker is not None and carry:
            self.last_speaker[sentence] = (speaker, channel)
            self.finder.remember(speaker)

    def topic(self, i: int) -> Speaker | None:
        """The first は/も speaker phrase of sentence i outside brackets (not a bare country)."""
        if i in self.topics:
            return self.topics[i]
        ms = self.doc.morphemes(i)
        spans = [(b.open, b.close) for b in self.brackets.get(i, [])]
        inside = [any(a <= m.start <= b for a, b in spans) for m in ms] if spans else [False] * len(ms)
        found = None
        candidates = self.finder.candidates(ms, 0, len(ms), inside)
        for k, sp in candidates:
            if ms[k].surface in ("は", "も") and sp.entity_type != "GPE" and not sp.role:
                found = sp
                break
        if found is None:
            found = self.cleft_focus(ms) or self.venue_topic(i) or self.source_topic(ms, inside) \
                or self.name_line(ms) or self.closing_subject(ms, inside) or self.lead_subject(ms, inside, candidates)
        self.topics[i] = found
        return found

    @staticmethod
    def lead_subject(ms, inside: list[bool], candidates) -> Speaker | None:
        """女優の山田花子が10日、結婚を発表した。: in a sentence with no topic at all, a news lead's named
        subject, marked が and followed by its date or a comma, is whom the quotes after it continue."""
        if any(m.surface == "は" and m.pos2 == "係助詞" and not inside[k] for k, m in enumerate(ms)):
            return None
        for k, sp in candidates:
            if ms[k].surface != "が":
                continue
            # が、 or が10日、: the lead's subject set off by a comma (not 東芝が11月上旬より発売する製品)
            comma = next((j for j in range(k + 1, min(k + 5, len(ms))) if ms[j].pos2 == "読点"), None)
            lead = comma is not None and all(m.pos2 == "数詞" or m.surface in ("日", "月") for m in ms[k + 1:comma])
            return sp if lead and sp.entity_id is not None and sp.entity_type in ("PERSON", "ORG") else None
        return None

    def closing_subject(self, ms, inside: list[bool]) -> Speaker | None:
        """…ダルビッシュ有について、内川が言及。: the が subject of a sentence that ends on a verb of
        saying (the quotes after it are that subject's)."""
        end = len(ms)
        while end > 0 and (ms[end - 1].pos1 in ("補助記号", "助動詞") or ms[end - 1].lemma == "為る"):
            end -= 1
        if end < 3 or inside[end - 1] or ms[end - 1].lemma not in reporting_verbs() \
                or not is_particle(ms[end - 2], "が"):
            return None
        sp = self.finder.before_particle(ms, end - 2, 0)
        return sp if sp is not None and sp.entity_type in ("PERSON", "ORG", None) and sp.kind != "anaphora" \
            else None

    def source_topic(self, ms, inside: list[bool]) -> Speaker | None:
        """ネット上のサッカーファンからは賛否両論の声。: the public the next quotes come from (からは/からも
        and a noun of speech after it; 友人から聞いた or IMFからも評価された introduce nobody's words)."""
        nouns = tuple(framing()["speech_nouns"])
        for k in range(1, len(ms) - 1):
            if not inside[k] and ms[k].surface == "から" and ms[k].pos1 == "助詞" and ms[k + 1].surface in ("は", "も"):
                sp = self.finder.before_particle(ms, k, 0)
                if sp is not None and sp.kind == "public" and any(
                        not inside[j] and ms[j].surface.endswith(nouns) for j in range(k + 2, len(ms))):
                    return sp
        return None

    def name_line(self, ms) -> Speaker | None:
        """森咲樹（アップアップガールズ（仮））/ …に登場したプロ野球解説者・野村克也氏。: a line that is only
        a person's name introduces the quote after it."""
        end = len(ms)
        while end > 0 and ms[end - 1].pos1 == "補助記号" and ms[end - 1].surface not in "）)":
            end -= 1
        start = run_back(ms, end, 0)
        if start >= end or start > 0 and not (ms[start - 1].pos1 == "補助記号" or ms[start - 1].surface == "の"
                                               or ms[start - 1].cform.startswith("連体形")):
            return None
        sp = self.finder.phrase(ms, start, end)
        return sp if sp is not None and sp.entity_type == "PERSON" else None

    def header_name(self, j: int) -> Speaker | None:
        """■前園真聖氏 / 【佐藤一郎氏】: a header line that is only a person's name, for the bare quotes
        under it (a panel of speakers, one section each)."""
        ms = self.doc.morphemes(j)
        a, b = 0, len(ms)
        while a < b and ms[a].pos1 == "補助記号":
            a += 1
        while b > a and ms[b - 1].pos1 == "補助記号" and ms[b - 1].surface not in "）)":
            b -= 1
        if a >= b or run_back(ms, b, a) != a:
            return None
        sp = self.finder.phrase(ms, a, b)
        if sp is None or sp.entity_type != "PERSON":
            return None
        name = PARENS.sub("", self.doc.text[sp.start:sp.end])
        ends = [m["end"] - sp.start for m in self.mentions.within(sp.start, sp.end)]
        return sp if name.endswith(tuple(self.finder.person_suffixes)) or len(name) in ends \
            or sp.entity_id is None else None             # ・テリー熱弁！: a name and more is a headline

    def venue_topic(self, i: int) -> Speaker | None:
        """Twitter上では、下記のコメントが寄せられている。: the public of a place, for the next quotes."""
        text = self.doc.sentence_text(i)
        m = _venue().search(text)
        if m is None and text.rstrip().endswith(("、", "，", "：", ":")):
            m = _lead_venue().search(text)                # 掲示板やTwitter上で瞬く間に広がり、
        if m is None:
            return None
        start = self.doc.sentences[i].start
        a, b = venue_span(m)
        return Speaker(start + a, start + b, None, None, "public")

    def cleft_focus(self, ms) -> Speaker | None:
        """そう疑問を投げかけるのは、会社員の志穂さん(31歳)。 / サプライズとなったのが、いとうあさこ。:
        the person a cleft ends on."""
        k = cleft_at(ms)
        if k is None:
            return None
        sp = self.focus(ms, k + 2)
        return sp if sp is not None and sp.entity_type == "PERSON" else None

    def focus(self, ms, a: int) -> Speaker | None:
        """The speaker phrase the sentence ends on, after ms[a] (…のは、会社員の志穂さん(31歳)です。)."""
        end = len(ms)
        while end > a and (ms[end - 1].pos1 in ("補助記号", "助動詞") and ms[end - 1].surface
                           not in "）)" or ms[end - 1].pos2 == "終助詞"):
            end -= 1
        start = run_back(ms, end, a)
        return self.finder.phrase(ms, start, end) if start < end else None

    def pointed_back(self, i: int) -> Speaker | None:
        """Sentence i opens with こう話すのは X (a cleft pointing back): X said the quote before it."""
        if i >= len(self.doc.sentences) or self.doc.sentences[i].block_kind != "body":
            return None
        ms = self.doc.morphemes(i)
        k = cleft_pointing_back(ms, self.back_pointer_at(ms))
        return self.focus(ms, k + 1) if k is not None else None

    @staticmethod
    def back_pointer_at(ms) -> int:
        """Index of the こう/そう a sentence opens with, adverbs and commas before it allowed
        (キッパリそう言い切るのは), else 0."""
        for k, m in enumerate(ms[:4]):
            if m.pos1 == "副詞" and m.lemma in framing()["back_pointers"]:
                return k
            if m.pos1 != "副詞" and m.pos2 != "読点":
                break
        return 0

    def asked(self, j: int) -> Speaker | None:
        """The person sentence j puts a question to (Xに…を伺ってみた, X氏に聞いた), if it ends on that
        and quotes nothing itself: the bare quotes after it are their answers."""
        if j < 0 or j in self.had_quote or self.brackets.get(j):
            return None
        ms = self.doc.morphemes(j)
        verbs, compound = framing()["interview_verbs"], framing()["compound_particle_verbs"]
        k = next((k for k in range(len(ms) - 1, max(-1, len(ms) - 7), -1) if ms[k].lemma in verbs), None)
        if k is None:
            return None
        for p in range(k - 1, 0, -1):
            if ms[p].surface == "に" and ms[p].pos2 == "格助詞":
                if p + 1 < k and ms[p + 1].lemma in compound:
                    continue                                     # 写真に対する想いを: not whom it asks
                sp = self.finder.before_particle(ms, p, 0)
                return sp if sp is not None and sp.kind in ("named", "anaphora") else None
            if ms[p].pos1 in ("動詞", "助動詞") and ms[p].lemma not in compound or ms[p].surface in ("。", "」"):
                return None
        return None

    def carried(self, i: int) -> tuple[Speaker, str | None] | None:
        """The speaker a sentence without one continues: the last quote's or topic's before it."""
        sentences = self.doc.sentences
        j, steps = i - 1, 0
        if self.doc.sentence_text(i).startswith(LIST_MARKS):
            return None
        run = self.quote_only(i)                          # only bare quotes so far: a list of them
        asked = False
        while j >= 0 and steps < self.MAX_CARRY:
            kind = sentences[j].block_kind
            if self.doc.sentence_text(j).startswith(QUESTION_MARKS):
                asked = True                             # ――…について。「…」: the question is the interviewer's,
                j -= 1                                   # the answer the interviewee's
                continue
            if self.doc.sentence_text(j).startswith(LIST_MARKS):
                header = self.header_name(j) if run else None
                return (header, None) if header else None   # ■前園真聖氏 heads his words; ・関連記事: another story
            if kind == "caption":
                j -= 1
                continue
            if kind == "title" or kind == "heading" and not self.broken_line(j):
                return None
            if run and self.quote_only(j) and j not in self.last_speaker:
                j -= 1                                   # 「…」 「…」 「…」 after ネット上では: the list goes on
                continue
            run = run and self.quote_only(j)
            steps += 1
            if j in self.last_speaker and (steps == 1 or run or self.last_speaker[j][0].kind != "public"):
                sp, channel = self.last_speaker[j]           # the public goes on for one sentence only
                same_paragraph = sentences[j].paragraph == sentences[i].paragraph
                return sp, channel if same_paragraph else None
            sp = self.topic(j) or (self.interviewee(j) if asked else None)
            if sp is not None and (steps == 1 or sp.kind != "public"):
                return sp, None
            run = False
            j -= 1
        return None

    def interviewee(self, j: int) -> Speaker | None:
        """林芳正官房長官が開いた記者会見の主なやりとりは次の通り。: before the questions, the person the
        sentence names (the first named person of its speaker phrases)."""
        ms = self.doc.morphemes(j)
        for _, sp in self.finder.candidates(ms, 0, len(ms), [False] * len(ms)):
            if sp.entity_type == "PERSON" and sp.entity_id is not None:
                return sp
        return None

    def quote_only(self, j: int) -> bool:
        """A sentence that is nothing but bracketed quotes (「…」「…」), as in a list of comments."""
        spans = [(b.open, b.close) for b in self.brackets.get(j, [])]
        s, text = self.doc.sentences[j], self.doc.text
        return bool(spans) and all(any(a <= k <= b for a, b in spans) for k in range(s.start, s.end)
                                   if not text[k].isspace() and text[k] not in "。、")

    def broken_line(self, j: int) -> bool:
        """A line the layout took for a heading that is a quote of a list or a sentence broken off
        (「…」 / このニュースはネットユーザーの間でも波紋を呼び、): the text goes on through it."""
        text = self.doc.sentence_text(j).rstrip()
        return text.startswith(("「", "『")) and text.endswith(("」", "』")) or text.endswith(("、", "，"))

    def following_topic(self, i: int) -> Speaker | None:
        """For a quote standing alone as a sentence: the topic of the sentence after it."""
        sentences = self.doc.sentences
        if i + 1 < len(sentences) and sentences[i + 1].block_kind == "body" \
                and not self.doc.sentence_text(i + 1).startswith(LIST_MARKS):   # ■next speaker's header
            sp = self.topic(i + 1)
            if sp is not None and sp == self.cleft_focus(self.doc.morphemes(i + 1)) and self.own_words(i + 1):
                return None       # 「…」と話すのは、みちるさん。: the cleft introduces the next speaker's words
            return sp
        return None

    def own_words(self, i: int) -> bool:
        """Sentence i is a cleft that brings in the next speaker: words in brackets of its own before
        the の (「…」と話すのは X), or an opening that adds a person (一方、…というのは X; 同じく…). A cleft
        that goes on from the quote before names its speaker (と嘆くのは X, …だというのは X)."""
        ms = self.doc.morphemes(i)
        k = cleft_at(ms)
        if not ms or k is None:
            return False
        if self.brackets.get(i) and self.brackets[i][0].open < ms[k].start:
            return True
        return ms[0].surface in framing()["next_person_openers"]

    def channel(self, spans: list[tuple[int, int]]) -> str | None:
        return channel_in(self.doc.text, spans)

    def markers(self, a: int, b: int) -> list[re.Match[str]]:
        return list(_marker_pattern().finditer(self.doc.text, a, b))


def extract_quotes(doc: Document, mentions: list[dict]) -> list[dict]:
    """Quote records (dicts keyed by the `quotes` table's columns), in text order."""
    return QuoteExtractor(doc, mentions).run()


def explain_quotes(doc: Document, mentions: list[dict]) -> tuple[list[dict], list[tuple[int, int, str]]]:
    """Quotes, and the brackets judged not to be quotes as (start, end, reason): for review."""
    ex = QuoteExtractor(doc, mentions)
    return ex.run(), ex.nonquotes
