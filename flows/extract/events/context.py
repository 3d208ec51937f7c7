"""What one sentence's events take from the sentences before them.

Japanese leaves out what the reader already knows. A dropped subject is the
source of the last event of the paragraph (else the topic of the sentence
before); 両首脳 are the two leaders of the article's first meeting; 同氏
is the last person named. An event with no date of its own takes the date
of the meeting it refers to again (電話会談後, 同協議, 今回の協議), or, when it
continues the paragraph's story in the next sentence (no new time word),
the date of the event or the sentence date before it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from flows.extract.entities.coreference import person_written_with
from flows.extract.events.dating import DatedExpr, Resolved
from flows.extract.events.lexicon import cues, entries_by_key
from flows.extract.events.places import countries_of
from flows.text.document import Document, Sentence

UNKNOWN = (None, "unknown", None)
BEFORE = ("に先立", "を前に", "前に", "前の", "以前", "前まで", "前後")


@dataclass
class Event:
    record: dict
    actor_rows: list[dict]
    paragraph: int
    sentence: int
    modality: str
    sources: list[tuple[str, str | None]] = field(default_factory=list)   # (entity_id, mention_id)
    targets: list[tuple[str, str | None]] = field(default_factory=list)
    date: Resolved = (None, "unknown")


@dataclass
class Reference:
    """A trigger word seen in the text (event or not), for 同協議 / 電話会談後 to refer back to."""
    key: str
    type: str
    start: int
    date: tuple | None


class DocumentContext:
    def __init__(self, doc: Document, mentions: list[dict]):
        self.doc = doc
        self.published: dt.date | None = doc.meta.get("published_at")
        self.mentions = sorted(mentions, key=lambda m: m["start"])
        self._by_sentence: dict[str, list[dict]] = {}
        for m in self.mentions:
            self._by_sentence.setdefault(m["sentence_id"], []).append(m)
        self.countries = countries_of(doc.text, self.mentions)
        self.events: list[Event] = []
        self._ids: set[str] = set()
        self.references: list[Reference] = []
        self.previous_date: Resolved | None = None
        self.topics: dict[int, list[dict]] = {}          # sentence index → its named topic
        self.topic_finder: Callable[[Sentence], None] | None = None   # reads a sentence's topic when asked
        self.sentence_date: dict[int, tuple] = {}        # sentence index → its sentence-level date
        self._fiction: dict[int, bool] = {}              # paragraph → tells a story's plot
        self._story: bool | None = None                  # the article is about a story

    # --- bookkeeping -------------------------------------------------------------------------
    def mentions_in(self, sentence: Sentence) -> list[dict]:
        return self._by_sentence.get(sentence.id, [])

    def story_told(self, reading) -> bool:
        """An article about a story (two or more story words: 主人公, 劇中, 原作 …) tells its plot
        in the present tense (…を誘拐し、挑戦状を叩きつける): such events did not happen."""
        if self._story is None:
            self._story = sum(w in self.doc.text for w in cues().fiction_cues) >= 2
        return self._story and not reading.past

    def in_fiction(self, sentence: Sentence) -> bool:
        """Whether the sentence's paragraph tells a story's plot (主人公, あらすじ, 劇中 …)."""
        got = self._fiction.get(sentence.paragraph)
        if got is None:
            block = self.doc.block_spans[sentence.paragraph] if sentence.paragraph < len(self.doc.block_spans) \
                else (sentence.start, sentence.end, "")
            text = self.doc.text[block[0]:block[1]]
            got = self._fiction[sentence.paragraph] = any(w in text for w in cues().fiction_cues)
        return got

    def may_have_actors(self, sentence: Sentence) -> bool:
        """An event needs a name in its sentence, or one earlier in its paragraph to carry."""
        if self._by_sentence.get(sentence.id):
            return True
        text = self.doc.text[sentence.start:sentence.end]
        if self.events and ("両" in text or "同" in text):
            return True  # 両首脳, 同氏: names from earlier events
        for prev in reversed(self.doc.sentences[:sentence.index]):
            if prev.paragraph != sentence.paragraph:
                return False
            if self._by_sentence.get(prev.id):
                return True
        return False

    def has_event(self, event_id: str) -> bool:
        return event_id in self._ids

    def add_event(self, event: Event) -> None:
        self.events.append(event)
        self._ids.add(event.record["event_id"])

    def last_event_date(self) -> Resolved | None:
        for e in reversed(self.events):
            if e.date[0] is not None:
                return e.date
        return None

    def note_topic(self, sentence: Sentence, groups) -> None:
        for g in groups:
            if g.heads and (g.particles == "は" or sentence.block_kind != "body" and g.particles == ""
                            and g.comma and g.chunks[0] == 0):
                self.topics[sentence.index] = g.heads
                return

    def note_sentence_date(self, sentence: Sentence, dated: list[DatedExpr]) -> None:
        for d in dated:
            if d.attach == "adverbial" and d.comma and d.past[0] is not None:
                self.sentence_date[sentence.index] = (d.past[0], d.past[1], None)
                return

    def note_reference(self, key: str, start: int, date: tuple | None) -> None:
        kind = entries_by_key()[key][0].type
        self.references.append(Reference(key, kind, start, date))

    def is_before(self, end: int) -> bool:
        """電話会談に先立ち, 会談を前に: a reference to what comes after the sentence's events."""
        return self.doc.text[end:end + 4].startswith(BEFORE)

    # --- dates -------------------------------------------------------------------------------
    def referred_date(self, key: str, start: int, end: int) -> tuple | None:
        """電話会談後, 同協議, 今回の協議: the date of the meeting mentioned again. 同協議 and 今回の協議
        point at the last mention of that word, dated or not; 会談後 at the last dated meeting."""
        c = cues()
        text = self.doc.text
        before, after = text[max(0, start - 4):start], text[end:end + 4]
        pointed = any(before.endswith(p) for p in c.continuation_prefixes)
        if not pointed and not any(after.startswith(s) for s in c.continuation_suffixes):
            return None
        kind = entries_by_key()[key][0].type
        for ref in reversed(self.references):
            if ref.type != kind or ref.start >= start:
                continue
            if ref.date is not None and ref.date[0] is not None:
                return (ref.date[0], ref.date[1], None)
            if pointed and (ref.key.endswith(key) or key.endswith(ref.key)):
                return None  # 同協議 of an undated 協議: nothing to inherit
        return None

    def continued_date(self, sentence: Sentence, reading) -> tuple:
        """The next sentence of a paragraph continues its dated story (no new time word; the
        caller asks only for sentences with no date expression of their own)."""
        if reading.modality != "asserted":
            return UNKNOWN
        text = self.doc.text[sentence.start:reading.start]
        if any(w in text for w in cues().other_time_words):
            return UNKNOWN
        for e in reversed(self.events):
            if e.paragraph != sentence.paragraph or sentence.index - e.sentence > 1:
                break
            if e.date[0] is not None and e.modality == "asserted":
                return (e.date[0], e.date[1], None)
        prev = sentence.index - 1
        if prev >= 0 and self.doc.sentences[prev].paragraph == sentence.paragraph and prev in self.sentence_date \
                and not any(e.sentence == prev for e in self.events):
            return self.sentence_date[prev]
        return UNKNOWN

    # --- actors ------------------------------------------------------------------------------
    def _paragraph_events(self, sentence: Sentence):
        """The events of the sentence's paragraph so far, the last first."""
        for e in reversed(self.events):
            if e.paragraph != sentence.paragraph:
                return
            yield e

    def carried(self, sentence: Sentence, event_type: str) -> tuple[list, list]:
        """The subject Japanese drops: the source of the last event of this paragraph, else the
        topic of the sentence before in the paragraph. The parties of a meeting or an agreement
        together do not carry into a one-sided act (日中外相が会談、…解放求める: one of them asks)."""
        joint = cues().joint_types
        for e in self._paragraph_events(sentence):
            if e.sources:
                if len(e.sources) > 1 and e.record["event_type"] in joint and event_type not in joint:
                    return [], []
                return [(s[0], None) for s in e.sources], [(t[0], None) for t in e.targets]
        prev = sentence.index - 1
        if prev >= 0 and prev not in self.topics and self.topic_finder is not None \
                and self.doc.sentences[prev].paragraph == sentence.paragraph:
            self.topic_finder(self.doc.sentences[prev])   # a sentence with no trigger was never read
            self.topics.setdefault(prev, [])
        topic = self.topics.get(prev)
        if topic and self.doc.sentences[prev].paragraph == sentence.paragraph:
            return [(m["entity_id"], None) for m in topic], []
        return [], []

    def meeting_partners(self, sentence: Sentence, sources: list) -> list:
        """岩屋氏は王毅外相と会談した。岩屋氏は…解放を求めた。: the other party of the meeting this
        paragraph last reported, when the act's source took part in it."""
        for e in self._paragraph_events(sentence):
            if e.record["event_type"] != "CONSULT":
                continue
            ids = {s[0] for s in sources}
            if ids & {s[0] for s in e.sources}:
                return [(t[0], None) for t in e.targets if t[0] not in ids]
            if ids & {t[0] for t in e.targets}:
                return [(s[0], None) for s in e.sources if s[0] not in ids]
            break
        return []

    def resolve_anaphors(self, roles, sources: list, targets: list, sentence: Sentence) -> None:
        for role, word, at in roles.anaphors:
            bucket = sources if role == "source" else targets
            for entity_id in self._antecedents(word, at):
                if all(entity_id != b[0] for b in bucket):
                    bucket.append((entity_id, None))

    def _antecedents(self, word: str, at: int) -> list[str]:
        if word in ("both", "both:gpe"):
            # 両首脳: the leaders of the article's first meeting with two named parties; 両国: its countries
            kinds = ("gpe:",) if word == "both:gpe" else ("person:", "gpe:")
            for wanted in ("CONSULT", None):
                for e in self.events:
                    if wanted and e.record["event_type"] != wanted:
                        continue
                    people = [p[0] for p in e.sources + e.targets if p[0].startswith(kinds)]
                    if len(set(people)) >= 2:
                        return list(dict.fromkeys(people))[:2]
            return []
        if word.startswith("title:"):
            bearer = person_written_with(self.mentions, self.doc.text, at, word[len("title:"):])
            return [bearer["entity_id"]] if bearer is not None else []   # 石破茂首相 … 首相は
        kind = "GPE" if word.endswith("国") else "ORG" if word[-1] in "省社党紙局庁" else "PERSON"
        earlier = [m for m in self.mentions if m["start"] < at and m["entity_type"] == kind]
        return [earlier[-1]["entity_id"]] if earlier else []
