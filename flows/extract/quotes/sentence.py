"""The quotes of one sentence: indirect quotes first (brackets inside them inherit their speaker),
then every bracket, each with its speaker, attribution, verb and channel."""
from __future__ import annotations

from dataclasses import dataclass

from flows.extract.quotes import brackets as br
from flows.extract.quotes.classify import (After, after_context, classify, content_subject, headline_lead,
                                           headline_speaker, label_after, name_chain)
from flows.extract.quotes.channels import media_name
from flows.extract.quotes.clause import Clause
from flows.extract.quotes.content import content_start, is_frame
from flows.extract.quotes.frames import buzz_after, generic_head
from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.reports import Report, cleft_pointing_back
from flows.extract.quotes.speakers import Speaker, run_back, run_forward
from flows.extract.quotes.tokens import is_comma, is_continuative, is_predicate, is_subject_particle


@dataclass
class Found:
    start: int               # the quote's span (document offsets)
    end: int
    speaker: Speaker | None
    attribution: str
    verb: str | None
    channel: str | None


class SentenceQuotes(Clause):

    def extract(self) -> None:
        if not self.ms:
            return
        self.indirect: list[Found] = []
        self.do_indirect()
        self.do_brackets()

    def carry(self) -> tuple[Speaker, str | None] | None:
        """The speaker of the sentences before, unless this sentence names its own source."""
        return None if self.markers else self.ex.carried(self.i)

    # -- indirect quotes ----------------------------------------------------------------------
    def indirect_speaker(self, r: Report, lo: int) -> tuple[Speaker | None, str, int | None, str | None]:
        """(speaker, attribution, index of a speaker's particle before the content, carried channel)."""
        sp = None if r.via_noun else self.first(r.to_i + 1, r.verb_i)  # …とトランプ氏は述べた
        if sp is None:                                                 # …と話すトランプ大統領
            sp = self.relative_speaker(r)
        if sp is not None:
            return sp, "explicit", None, None
        if r.hearsay and (mk := self.marker_before(r.to_i)):           # 当局者によると、…という
            return mk.speaker, "explicit", None, None
        if got := self.choose(lo, r.to_i, "indirect"):                # トランプ氏は…と述べた
            if person := self.weak_country(got[1]):
                return person, "carried", None, None
            if goes_on := self.statement_goes_on(got[0], got[1], r):
                return goes_on[0], "carried", run_back(self.ms, got[0], lo) - 1, goes_on[1]
            return got[1], "explicit", got[0], None
        if lo > 0 and (got := self.choose(0, lo, "topic")):             # Xは「…」と述べ、…と主張
            return got[1], "explicit", None, None
        if prior := self.earlier(self.ms[r.to_i].start):
            return prior[0], prior[1], None, None
        if mk := self.marker_before(r.to_i):
            return mk.speaker, "explicit", None, None
        if carried := self.carry():
            return carried[0], "carried", None, carried[1]
        return None, "unresolved", None, None

    def statement_goes_on(self, k: int, sp: Speaker, r: Report) -> tuple[Speaker, str | None] | None:
        """ケリー報道官は…と否定。ウィトコフ氏は「全ての関係者に対して明確」で、同氏とトランプ氏は…と述べた:
        the は phrase is the subject of a clause of the content (a predicate of its own, then another
        subject before the と) and what the statements just before were about, so it is no speaker:
        the speaker of the sentence before goes on. Returns that speaker and its channel."""
        ex, ms = self.ex, self.ms
        prev, sentences = self.i - 1, ex.doc.sentences
        if prev not in ex.last_speaker or sentences[prev].paragraph != sentences[self.i].paragraph:
            return None
        said = ex.last_speaker[prev]
        if said[0].entity_id == sp.entity_id if sp.entity_id else self.text[said[0].start:said[0].end] == \
                self.text[sp.start:sp.end]:
            return None
        comma = next((t for t in range(k + 1, r.to_i) if not self.inside[t] and is_comma(ms[t])), None)
        if comma is None or comma == k + 1 or any(is_subject_particle(ms[t]) and not self.inside[t]
                                                  for t in range(k + 1, comma)):
            return None
        if not is_continuative(ms, comma - 1) or is_frame(ms, k + 1, comma, self.text, self.inside):
            return None
        if not any(is_subject_particle(ms[t]) and not self.inside[t] for t in range(comma + 1, r.to_i)):
            return None
        spans = [span for j in (prev - 1, prev) for span in ex.had_quote.get(j, [])]
        about = any(m.get("entity_id") == sp.entity_id for a, b in spans for m in ex.mentions.within(a, b)) \
            if sp.entity_id else any(self.text[sp.start:sp.end] in self.text[a:b] for a, b in spans)
        return said if about else None

    def do_indirect(self) -> None:
        ms, ex = self.ms, self.ex
        sentences = ex.doc.sentences
        prev_quoted = self.i - 1 in ex.had_quote and sentences[self.i - 1].paragraph == sentences[self.i].paragraph
        for r in self.reports:
            if r.before == "bracket" or r.hearsay and not (self.markers or prev_quoted):
                continue
            if generic_head(ms, r.verb_i):
                continue                    # …と言う人: the typical words of a kind of person
            lo = self.seg_lo(r.to_i)
            sp, attribution, pre_k, carried_channel = self.indirect_speaker(r, lo)
            if sp is None:
                continue                    # reported speech with nobody reporting: 〜と言えるだろう
            s = pre_k + 1 if pre_k is not None else lo
            for mk in self.markers:
                if mk.lo <= s < mk.hi or s <= mk.lo < r.to_i:
                    s = max(s, mk.hi)
            cs = content_start(ms, s, r.to_i, self.text, self.inside, r.np_after_i is not None and not r.cleft)
            if cs >= r.to_i or self.inside[cs] and not any(b.open == ms[cs].start for b, _, _ in self.br):
                continue
            start, end = ms[cs].start, ms[r.content_end_i].end
            if end - start < 2:
                continue
            verb = r.lemma
            if r.hearsay and (mk := self.marker_before(r.to_i)) and mk.lemma:
                verb = mk.lemma
            spans = self.outside(ms[lo].start, start) + [(ms[r.to_i].end, ms[r.end_i - 1].end)]
            channel = self.channel_of(spans, r.channel) or carried_channel
            self.indirect.append(Found(start, end, sp, attribution, verb, channel))
            self.here.append((start, sp, attribution))
            ex.emit(start, end, "indirect", sp, attribution, verb, channel)

    # -- brackets ---------------------------------------------------------------------------------
    def chains(self) -> tuple[dict[int, After], dict[int, int]]:
        """What follows each bracket, and the index of the 」 ending its chain: 「A」「B」と述べた and
        「A」、「B」と述べた share B's."""
        ms = self.ms
        by_close = {r.content_end_i: r for r in self.reports if r.before == "bracket"}
        out: dict[int, After] = {}
        last: dict[int, int] = {}
        for b, oi, ci in reversed(self.br):
            after = after_context(self, ci)
            after.report = by_close.get(ci)
            passive = br.passive_after(ms, ci)
            after.passive = passive is not None
            if passive is not None and passive[1] >= 0:
                after.agent = self.ex.finder.before_particle(ms, passive[1], ci + 1)
            if passive is not None:
                v, asking = passive[0], framing()["asking_verbs"]
                after.asked = ms[v].lemma in asking or ms[v].lemma == "為る" and ms[v - 1].lemma in asking
            last[b.open] = ci
            nxt = ci + 1 + (ci + 1 < self.n and is_comma(ms[ci + 1]))
            if after.report is None and not after.speech and nxt < self.n and ms[nxt].start in out:
                after = out[ms[nxt].start]
                last[b.open] = last[ms[nxt].start]
            out[b.open] = after
        return out, last

    def do_brackets(self) -> None:
        ms, ex = self.ms, self.ex
        afters, last_close = self.chains()
        prev_ci, names = -1, self.name_runs()
        for b, oi, ci in self.br:
            after = afters[b.open]
            r = after.report
            enclosing = next((f for f in self.indirect if f.start <= b.open and b.close < f.end), None)
            headline = headline_speaker(self, oi)
            kind, reason = classify(self, b, oi, ci, after, enclosing is not None, headline, last_close[b.open])
            if kind is not None and b.open in names and r is None and not after.speech:
                kind, reason = None, "item of a list of names (テレビ朝日「A」「B」, 「A」や「B」)"
            if kind is None:
                ex.nonquotes.append((b.start, b.end, reason))
            elif enclosing is not None:
                f = enclosing
                ex.emit(b.start, b.end, kind, f.speaker, f.attribution, f.verb, f.channel)
            else:
                sp, attribution, carried_channel = self.bracket_speaker(b, oi, ci, after, headline, prev_ci,
                                                                       last_close[b.open])
                lo = self.seg_lo(oi)
                if r is not None:
                    spans = self.outside(ms[lo].start, b.open) + [(b.close + 1, ms[r.end_i - 1].end)]
                else:
                    spans = self.outside(ms[0].start, ms[-1].end)
                channel = self.channel_of(spans, r.channel if r else None) or carried_channel
                if sp is not None and not after.asked:          # the asker does not answer
                    self.here.append((b.open, sp, attribution))
                ex.emit(b.start, b.end, kind, sp, attribution, r.lemma if r else after.verb, channel,
                        carry=not after.asked and not (after.embedded and sp is after.owner))
            prev_ci = ci

    def modified_after(self, ci: int) -> Speaker | None:
        """「…」と + a verb the lexicon lacks + the person it modifies: that person said it."""
        ms, k = self.ms, ci + 1
        if k >= self.n or ms[k].surface not in ("と", "って") or ms[k].pos1 != "助詞" \
                or k + 1 < self.n and ms[k + 1].surface == "か":      # 「…」とか: an example
            return None
        for j in range(k + 1, min(k + 10, self.n)):
            m = ms[j]
            if self.inside[j] or m.pos1 == "補助記号" and m.pos2 in ("句点", "読点"):
                return None
            if j == k + 1 and m.lemma == "言う" and m.surface == "いっ" and j + 1 < self.n and ms[j + 1].surface == "た" \
                    and not (j + 2 < self.n and ms[j + 2].pos2 == "準体助詞"):
                return None         # といった声: examples of a kind (not という優子さん, といい出す秋田)
            if m.pos1 == "動詞" and (m.pos2 != "非自立可能" or m.lemma == "為る" and ms[j - 1].pos1 == "名詞"):
                end = j + 1
                while end < self.n and (ms[end].pos1 == "助動詞" or ms[end].pos2 in ("非自立可能", "接続助詞")
                                        and ms[end].surface in ("て", "い", "いる", "た")):
                    end += 1
                plain_end = end
                while end < self.n and ms[end].pos1 == "動詞" and ms[end].pos2 == "非自立可能":
                    end += 1                                       # 後押ししてくれる
                last = ms[end - 1]
                if any(x.pos1 == "助動詞" and x.lemma in ("れる", "られる") for x in ms[j + 1:end]):
                    return None                                    # と誘われたユリさん: said to her
                if end + 1 < self.n and ms[end].pos2 == "準体助詞" and ms[end + 1].surface in ("は", "が"):
                    return self.ex.cleft_focus(ms)                 # と後押ししてくれるのは、…星野さん
                if end < self.n and ms[end].pos1 in ("名詞", "接頭辞") and last.cform.startswith(("連体形", "終止形")):
                    sp = self.ex.finder.after(ms, end, self.n)
                    if sp is None and ms[end].pos2 == "固有名詞":     # と挑発する大泉の…: a proper noun
                        stop = run_forward(ms, end, self.n)
                        sp = self.ex.finder.plain(ms, end, stop, end)
                    if end > plain_end and (sp is None or sp.kind != "named"):
                        return None                                # と悶絶してしまう女性の行動: a kind of person
                    return sp if sp is not None and sp.entity_type in ("PERSON", None) else None
                return None
        return None

    def named_after(self, ci: int) -> Speaker | None:
        """「…」とRIECO先生。: the sentence ends on the speaker right after と."""
        ms, k = self.ms, ci + 1
        if k + 1 >= self.n or ms[k].surface != "と" or ms[k].pos1 != "助詞":
            return None
        end = self.n
        while end > k + 1 and ms[end - 1].pos1 == "補助記号" and ms[end - 1].surface not in "）)":
            end -= 1
        if run_back(ms, end, k + 1) != k + 1:
            return None                                    # something else stands between と and the end
        sp = self.ex.finder.phrase(ms, k + 1, end)
        return sp if sp is not None and sp.kind != "anaphora" else None

    def name_runs(self) -> set[int]:
        """Brackets listed after one that is a name (a category noun or an apposition before the first,
        or a name-like last one joined by や/と): they are names too."""
        out: set[int] = set()
        items = self.br
        for i, (b, oi, ci) in enumerate(items):
            first_is_name = br.category_before(self.ms, oi, self.text) or br.noun_before(self.ms, oi)
            j = i
            run = [b.open]
            while j + 1 < len(items) and name_chain(self, items[j][2]):
                j += 1
                run.append(items[j][0].open)
            _, last_oi, last_ci = items[j]
            joined = j > i and self.ms[items[i][2] + 1].surface in ("や", "と")
            last_is_name = joined and br.name_like(self.ms, last_oi, last_ci, self.text)
            if len(run) > 1 and (first_is_name or last_is_name):
                out.update(run)
        return out

    def speaker_after(self, end: int) -> Speaker | None:
        """「…」「…」など、掲示板でもユーザから呆れた声が: the place or the people the words came from,
        named after the quotes, before the next bracket."""
        k = end + 1
        if k >= self.n or not (self.ms[k].surface in ("など", "と", "って") or is_comma(self.ms[k])):
            return None
        stop = next((j for j in range(k, self.n) if self.ms[j].surface in "「『" or self.ms[j].pos2 == "句点"
                     or is_predicate(self.ms[j])), self.n)          # before the clause's own verb
        if sp := self.venue(k, stop):
            return sp
        sp = self.source_phrase(k, stop)                     # ファンから: people, not 東電から賠償金を
        return sp if sp is not None and sp.kind in ("public", "anonymous") else None

    def bracket_speaker(self, b, oi: int, ci: int, after: After, headline: Speaker | None,
                        prev_ci: int, chain_end: int | None = None) -> tuple[Speaker | None, str, str | None]:
        """(speaker, attribution, carried channel) of a bracket quote."""
        ms, r = self.ms, after.report
        if r is not None:
            sp = None if r.via_noun else self.first(r.to_i + 1, r.verb_i)  # 「…」とトランプ氏は述べた
            if sp is None:                                              # 「…」と話すトランプ大統領
                sp = self.relative_speaker(r)
            if sp is not None:
                return sp, "explicit", None
        end = chain_end if chain_end is not None else ci
        if r is None and (k := cleft_pointing_back(ms, end + 1)) is not None and (sp := self.ex.focus(ms, k + 1)):
            return sp, "explicit", None                                # 「…」、こう話すのは X です
        if r is not None and (sp := label_after(self, ci)):            # 「…」（木原官房長官）としている
            return sp, "explicit", None
        for sp in (after.owner, headline):                             # というX の要求; X「…」
            if sp is not None:
                return sp, "explicit", None
        if r is None and (sp := label_after(self, ci)):                # 「…」（幸恵さん）
            return sp, "explicit", None
        if r is None and buzz_after(ms, end):          # 「…」と話題: the public's words (ネット上では, ファンからは)
            sp = self.venue(0, self.n) or self.source_phrase(self.seg_lo(oi), oi, same_clause=True)
            return sp, "explicit" if sp else "unresolved", None
        if r is None and not after.passive and after.speech != "speech" and (sp := self.speaker_after(end)):
            return self.venue(self.seg_lo(oi), oi) or sp, "explicit", None   # 「…」など、掲示板でもユーザから…声
        if r is None and not after.passive and (sp := self.modified_after(ci) or self.named_after(ci)):
            return sp, "explicit", None                                # 「…」と挑発する大泉; 「…」とRIECO先生。
        lo = self.seg_lo(oi)
        if after.passive:                                  # 「…」と言われた: said to them, by the agent
            agent = after.agent or self.agent_before(oi) or self.venue(lo, oi)   # 掲示板には「…」と声が寄せられた
            return agent, "explicit" if agent else "unresolved", None
        for a in dict.fromkeys((max(lo, prev_ci + 1), lo)):
            if (got := self.choose(a, oi, "bracket")) and not (got[1].group and (   # AとBは「…」と述べた only
                    r is None or any(is_predicate(m) for m in ms[got[0] + 1:oi]))):
                if content_subject(ms, oi, ci, r) and (topic := self.choose(0, got[0], "topic")):
                    return topic[1], "explicit", None                 # Xは、Yが「…」と非難した: X said it
                if sp := self.venue(got[0] + 1, oi):                    # …亀田は…、ネット掲示板では「…」
                    return sp, "explicit", None
                if r is None and (sp := self.source_phrase(got[0] + 1, oi, same_clause=True)):   # …が、ファンからも「…」
                    return sp, "explicit", None
                if r is not None and media_name(self.text[got[1].start:got[1].end]) and (sp := self.plain_subject(got[0] + 1, oi)):
                    return sp, "explicit", None                         # 同紙は少年が「…」と約束した
                if person := self.weak_country(got[1]):
                    return person, "carried", None
                return got[1], "explicit", None
            if r is not None and (sp := self.plain_subject(a, oi)):  # 73.8%の女性が「…」と回答
                return sp, "explicit", None
        if sp := self.source_phrase(max(lo, prev_ci + 1), oi):       # ネットユーザーからは「…」
            return sp, "explicit", None
        if sp := self.venue(lo, oi):                                   # ネット掲示板では「…」
            return sp, "explicit", None
        if sp := headline_lead(self, oi):                              # 魔裟斗、解説中にも「…」
            return sp, "explicit", None
        if prior := self.earlier(b.open):
            return prior[0], prior[1], None
        if got := self.choose(0, oi, "topic"):
            return got[1], "explicit", None
        if mk := self.marker_before(self.n):
            return mk.speaker, "explicit", None
        if after.speech == "speech":                      # 「…」との声もある: the public, if it spoke before
            carried = self.carry()
            if carried is not None and carried[0].kind == "public":
                return carried[0], "carried", carried[1]
            return None, "unresolved", None
        standalone = all(not m.surface.strip() or m.pos1 == "補助記号" for m in ms[:oi] + ms[ci + 1:])
        if standalone and (sp := self.ex.pointed_back(self.i + 1)):    # 「…」。こう話すのは X だ。
            return sp, "carried", None
        sentences = self.ex.doc.sentences
        opens = self.i == 0 or self.ex.carried(self.i) is None \
            or sentences[self.i - 1].paragraph != sentences[self.i].paragraph \
            and self.ex.name_line(self.ex.doc.morphemes(self.i - 1)) is None   # …という佳代子さん。 introduces it
        if standalone and opens and (sp := self.ex.following_topic(self.i)):   # 「…」。トランプ氏は…
            nxt = self.ex.doc.sentences[self.i + 1]
            return sp, "carried", self.ex.channel([(nxt.start, nxt.end)])
        if standalone and (sp := self.ex.asked(self.i - 1)):          # X氏に…伺ってみた。「…」
            return sp, "carried", None
        if carried := self.carry():
            return carried[0], "carried", carried[1]
        return None, "unresolved", None
