"""PLOVER-coded events with actors and resolved dates.

`extract_events(doc, mentions) -> (events, event_actors)`. Trigger
candidates come from one regex of every trigger key over the article (no
morphemes are read where nothing matches); around each candidate the
construction decides whether it is an event (`predicates`), who the actors
are (`groups`, `actors`) and which date expression dates it (`dating`).
Across sentences `context` carries what Japanese leaves unsaid: a dropped
subject, 両首脳, 同氏, and the date of an event mentioned again (電話会談後,
同協議) or continued in the next sentence of its paragraph. Every actor is
the entity of a mention of the document; an event needs a named source or
target.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from flows.extract.dates import date_anchor, resolve_date
from flows.extract.events.actors import Roles, read_roles
from flows.extract.events.chunks import chunk_sentence, quote_mask
from flows.extract.events.context import UNKNOWN, DocumentContext, Event
from flows.extract.events.dating import DatedExpr, date_for, place_dates, sentence_dates
from flows.extract.events.everyday import everyday_use, potential, warned_content
from flows.extract.events.groups import build_groups, chunk_heads
from flows.extract.events.lexicon import cues, entries_by_key, trigger_pattern
from flows.extract.events.places import consult_mode, is_host
from flows.extract.events.predicates import Reading, chunk_of, may_be_event, read_trigger
from flows.text.document import Document, Sentence, span_id
from flows.text.morphemes import Morpheme

__all__ = ["extract_events"]

_PARENS = re.compile(r"[(（][^()（）]*[)）]")

def extract_events(doc: Document, mentions: list[dict]) -> tuple[list[dict], list[dict]]:
    ctx = DocumentContext(doc, mentions)
    ctx.topic_finder = lambda sentence: _note_topic(ctx, sentence)
    # one pass of each pattern over the whole text; sentences with neither a trigger word nor a date
    # word are never looked at again (trigger keys are kana and kanji: width folding cannot change them)
    starts = [s.start for s in doc.sentences]
    hits: dict[int, list[tuple[int, int, str]]] = {}
    for m in trigger_pattern().finditer(doc.text):
        hits.setdefault(bisect_right(starts, m.start()) - 1, []).append((m.start(), m.end(), m.group()))
    with_dates = {bisect_right(starts, m.start()) - 1 for m in date_anchor().finditer(doc.text)}
    for i in sorted(with_dates | hits.keys()):
        sentence = doc.sentences[i]
        quotes = quote_mask(doc.text[sentence.start:sentence.end], sentence.start)
        dated: list[DatedExpr] = []
        if i in with_dates:
            dated, ctx.previous_date = sentence_dates(doc.text, sentence.start, sentence.end, quotes,
                                                      ctx.published, ctx.previous_date, ctx.last_event_date())
            ctx.note_sentence_date(sentence, dated)
        if i in hits and ctx.may_have_actors(sentence) and not ctx.in_fiction(sentence):
            _sentence_events(ctx, sentence, hits[i], quotes, dated)
    events, actors = [], []
    for e in ctx.events:
        events.append(e.record)
        actors.extend(e.actor_rows)
    return events, actors


def _sentence_events(ctx: DocumentContext, sentence: Sentence, hits, quotes, dated: list[DatedExpr]) -> None:
    doc = ctx.doc
    ms = doc.morphemes(sentence.index)
    if not ms:
        return
    viable = [any(may_be_event(entry, s, e, ms) for entry in entries_by_key()[k]) for s, e, k in hits]
    if not any(viable) and not dated:
        for start, end, key in hits:  # nothing here can be an event: only remember the words
            if not any(q <= start < e for q, e in quotes):
                ctx.note_reference(key, start, ctx.referred_date(key, start, end))
        return
    mentions = _unquoted_mentions(ctx, sentence, quotes)
    ms, chunks, heads, groups = _sentence_groups(ctx, sentence, quotes, ms, mentions)
    head_text = [doc.text[ms[ch.first].start:ms[ch.head].end] for ch in chunks]
    topics = {g.last for g in groups if g.particles == "は" and g.heads}
    # a headline's condition after a space has its own subject (…に期限を設定　応じなければ二次関税: not Trump)
    clause_starts = [j for j in range(1, len(chunks)) if ms[chunks[j].first].start > ms[chunks[j - 1].last].end] \
        if sentence.block_kind == "title" else []
    ctx.note_topic(sentence, groups)
    place_dates(dated, ms)
    hit_starts = {s for s, _, _ in hits}
    readings: list[tuple[int, int, str, Reading | None]] = []
    s_text = doc.text[sentence.start:sentence.end]
    parens = [(m.start() + sentence.start, m.end() + sentence.start) for m in _PARENS.finditer(s_text)]
    for (start, end, key), worth in zip(hits, viable):
        reading = None
        if any(a <= start < b for a, b in parens):
            worth = False  # (30歳・派遣): an aside, not a clause
        for entry in entries_by_key()[key] if worth else ():
            if entry.not_with and any(w in s_text for w in entry.not_with):
                continue
            reading = read_trigger(entry, start, end, ms, chunks, hit_starts, sentence.block_kind)
            if reading is not None:
                break
        readings.append((start, end, key, reading))
    # words that refer back to a meeting (電話会談後, 同協議) date the sentence's undated events
    sentence_reference = None
    for start, end, key, reading in readings:
        if any(q <= start < e for q, e in quotes):
            continue  # words in quotes neither make events nor refer back
        own = _own_date(ctx, reading, start, ms, chunks, dated, topics)
        referred = ctx.referred_date(key, start, end) if own is None else None
        if reading is None:
            ctx.note_reference(key, start, own or referred)
            if (own or referred) and not ctx.is_before(end):
                sentence_reference = sentence_reference or own or referred
            continue
        floor = max((j for j in clause_starts if j <= reading.trigger_chunk), default=0) \
            if chunks[reading.pred_chunk].link == "subord" else 0   # (…会談　停戦合意に至らず: the same leaders)
        roles = read_roles(reading, chunks, groups, heads, head_text, sentence.block_kind != "body", floor)
        if reading.event_type == "CONSULT" and not roles.target and not roles.anaphors \
                and (reading.subject_is_trigger or reading.construction in ("occurrence", "headline")):
            roles.source += [m for m in _meeting_parties(reading, chunks, ms, mentions) if m not in roles.source]
            if not roles.location:   # 会談は|アラスカで|行われた: the setting between the noun and its verb
                roles.location = [h for j in range(reading.trigger_chunk + 1, reading.pred_chunk)
                                  if chunks[j].particles == "で" for h in heads[j]
                                  if h["entity_type"] in ("GPE", "LOC", "FAC")][:1]
        warning, threatened = warned_content(reading, chunks, heads, ms)
        if warning:
            ctx.note_reference(key, start, own or referred)
            continue  # …飢饉が起きていると警告した: a warning of a state of things, no threat
        if threatened is not None and not roles.target:
            roles.target = list(heads[threatened])  # 日本が…増やさなければ…課すと警告した: Japan is threatened
        named_target = roles.target or any(r == "target" for r, _, _ in roles.anaphors)
        if everyday_use(doc.text, reading, chunks, ms, heads, named_target, quotes):
            ctx.note_reference(key, start, own or referred)
            continue  # 激しく同意, 「…」と一蹴, 斎藤佑を認めない: no act toward an actor
        if potential(doc.text, reading.end) and not reading.negated:
            reading.modality = "hypothetical"  # 拒否できる(こと): a right or an ability, not an act
        event = _make_event(ctx, sentence, reading, roles, heads, own, referred or sentence_reference, bool(dated))
        ctx.note_reference(key, start, event.date if event else (own or referred))


def _meeting_parties(reading: Reading, chunks, ms: list[Morpheme], mentions: list[dict]) -> list[dict]:
    """The parties named in a meeting noun that is itself the subject (米ロ首脳会談が行われた, AとBの会談は
    開かれた): the names inside its own noun group before the trigger, and a の-group right before it."""
    k = reading.trigger_chunk
    if k > 0 and chunks[k - 1].kind == "noun" and chunks[k - 1].particles == "の":
        k -= 1                                   # AとBの|会談: the parties before の, coordinated with と/や
        while k > 0 and chunks[k - 1].kind == "noun" and chunks[k - 1].particles in ("と", "や", ""):
            k -= 1
    first = ms[chunks[k].first].start
    return [m for m in mentions if first <= m["start"] and m["end"] <= reading.start
            and m["entity_type"] in ("PERSON", "GPE", "ORG")]


def _sentence_groups(ctx: DocumentContext, sentence: Sentence, quotes, ms: list[Morpheme], mentions: list[dict]):
    """The sentence's morphemes (names and adverbial verb forms as read here), chunks, their named heads
    and the noun groups."""
    doc = ctx.doc
    ms = _adverbs(_names_as_nouns(ms, mentions))
    chunks = chunk_sentence(ms, quotes)
    heads = [chunk_heads(doc.text, ch, ms, mentions) for ch in chunks]
    return ms, chunks, heads, build_groups(doc.text, chunks, ms, mentions, heads)


def _note_topic(ctx: DocumentContext, sentence: Sentence) -> None:
    """The named topic of a sentence that had no trigger to read (…と述べた。), for the next one's
    dropped subject (…と会談し、…する方針だ)."""
    ms = ctx.doc.morphemes(sentence.index)
    if ms:
        quotes = quote_mask(ctx.doc.text[sentence.start:sentence.end], sentence.start)
        mentions = _unquoted_mentions(ctx, sentence, quotes)
        ctx.note_topic(sentence, _sentence_groups(ctx, sentence, quotes, ms, mentions)[3])


def _unquoted_mentions(ctx: DocumentContext, sentence: Sentence, quotes) -> list[dict]:
    """The sentence's mentions outside its quotations (words quoted are no actors of its events)."""
    return [m for m in ctx.mentions_in(sentence) if not any(q <= m["start"] < e for q, e in quotes)]


def _adverbs(ms: list[Morpheme]) -> list[Morpheme]:
    """相|次い|で, 揃っ|て: a verb form used as an adverb (`adverbial_forms`) is read as one."""
    forms = cues().adverbial_forms
    out = ms
    for i in range(len(ms)):
        for form in forms:
            if not form.startswith(ms[i].surface):
                continue
            j, text = i, ""
            while j < len(ms) and len(text) < len(form) and (j == i or ms[j].start == ms[j - 1].end):
                text += ms[j].surface
                j += 1
            if text == form:
                out = list(out) if out is ms else out
                for k in range(i, j):
                    out[k] = ms[k]._replace(pos1="副詞", pos2="", pos3="", pos4="", cform="")
    return out


def _names_as_nouns(ms: list[Morpheme], mentions: list[dict]) -> list[Morpheme]:
    """A name the tagger cut into pieces (メル|ツ, マクロ|ン with ツ, ン as particles) is one noun."""
    if not mentions:
        return ms
    out = list(ms)
    for m in mentions:
        inside = [i for i, x in enumerate(ms) if m["start"] <= x.start and x.end <= m["end"]]
        if len(inside) > 1 and any(ms[i].pos1 not in ("名詞", "接尾辞", "接頭辞", "記号") for i in inside):
            for i in inside:
                out[i] = ms[i]._replace(pos1="名詞", pos2="固有名詞", pos3="一般", pos4="", cform="")
    return out


def _own_date(ctx: DocumentContext, reading: Reading | None, start: int, ms, chunks, dated, topics) -> tuple | None:
    if reading is not None:
        d = date_for(reading.trigger_chunk, reading.pred_chunk, reading.construction == "occurrence",
                     dated, chunks, topics, reading.subject_is_trigger)
        if d is not None and reading.quoted and reading.modality != "asserted" and d.comma:
            d = None  # 12日、…会談するとの見通しを示した: the 12th is when it was said
    else:
        mi = next((i for i, m in enumerate(ms) if m.start == start), -1)
        t = chunk_of(chunks, mi)
        d = date_for(t, t, False, dated, chunks, topics) if t >= 0 else None
    if d is None:
        return None
    if d.expr.kind == "anaphoric":
        resolved = d.past  # 同日: resolved in text order when the sentence was read
    else:
        future = reading is not None and reading.modality == "planned"
        resolved = resolve_date(d.expr, ctx.published, future=future)
    return (resolved[0], resolved[1], d.expr.text)


def _make_event(ctx: DocumentContext, sentence: Sentence, reading: Reading, roles: Roles, heads,
                own_date, reference_date, sentence_has_dates: bool) -> Event | None:
    doc = ctx.doc
    if reading.entry.mode == "visit":  # カンボジアを訪れ: a country hosts; a place or a private person does not
        guests = [m for m in roles.target if not is_host(m, doc.text, ctx.countries)]
        places = [m for m in guests if m["entity_type"] in ("GPE", "LOC", "FAC")]
        roles.target = [m for m in roles.target if m not in guests]
        roles.location = roles.location or places[:1]
    sources = [(m["entity_id"], m["mention_id"]) for m in roles.source]
    targets = [(m["entity_id"], m["mention_id"]) for m in roles.target]
    locations = [(m["entity_id"], m["mention_id"]) for m in roles.location]
    ctx.resolve_anaphors(roles, sources, targets, sentence)
    if reading.gap_head is not None:
        named = [(m["entity_id"], m["mention_id"]) for m in heads[reading.gap_head]]
        if not named:
            return None  # a relative clause about a thing, not an actor: backgrounded
        if (sources or roles.subject_blocked) and reading.passive:
            return None  # 条約が締結されたスイス: the head is where or why, not a party
        if reading.passive:
            targets = targets + named   # 幅広い層に支持されている綾瀬はるか: the head undergoes it
        elif sources or roles.subject_blocked:
            targets = targets + named   # ロシアが侵略するウクライナ: the head is the object
        elif reading.event_type in cues().object_gap_types and not roles.has_object:
            return None  # 拘束していた米国人: the head is what was done to, the doer unsaid
        else:
            sources = named             # 会談したウィトコフ氏: the head is the subject
    if reading.event_type == "CONSULT" and not sources and len(targets) >= 2 and (
            reading.subject_is_trigger or reading.construction in ("occurrence", "headline")):
        sources, targets = targets, []  # プーチン、ゼレンスキー両氏との会談が行われた: all take part
    if not sources and not roles.subject_blocked and not reading.subject_is_trigger and not reading.passive \
            and sentence.block_kind != "title":   # …が謝罪、対応に非難: a headline's clause names its own actor
        carried, carried_targets = ctx.carried(sentence, reading.event_type)
        if not any(c[0] == t[0] for c in carried for t in targets):  # never carry a target into the source
            sources = carried
            if reading.event_type in cues().joint_types and not targets:
                targets = carried_targets
    if not targets and sources and reading.event_type in cues().partner_target_types:
        targets = ctx.meeting_partners(sentence, sources)   # …と会談した。…を求めた: asked of the partner
    targets = [t for t in targets if all(t[0] != s[0] for s in sources)]
    if reading.entry.actor_target:
        targets = [t for t in targets if not t[0].startswith(("loc:", "fac:"))]   # 日本海に向けて発射: no one
    if not sources:
        return None  # an event is an action of a named actor (PLOVER codes none without a source)
    if ctx.story_told(reading):
        return None  # a film's or a novel's plot, told in the present
    needs_target = reading.entry.needs_target or reading.event_type in cues().needs_target_types
    if needs_target and reading.event_type == reading.entry.type and not targets \
            and not (reading.event_type in cues().joint_types and len(sources) >= 2):
        return None  # 人と会う, 誘いを断る, 西表島を訪れ: not toward a named actor (米国と日本は共同訓練: each other)
    date = own_date or reference_date or (UNKNOWN if sentence_has_dates else ctx.continued_date(sentence, reading))
    mode = reading.entry.mode
    if mode == "by_place":
        mode = consult_mode(doc.text, reading.start, sentence.start, roles.location, sources + targets,
                            ctx.countries)
    if reading.event_type != reading.entry.type:
        mode = None  # 同意しなかった: the REJECT has no mode of the AGREE
    event_id = span_id(doc.doc_id, "e", reading.start, reading.end)
    if ctx.has_event(event_id):
        return None
    record = {
        "event_id": event_id, "doc_id": doc.doc_id, "sentence_id": sentence.id,
        "start": reading.start, "end": reading.end, "trigger": doc.text[reading.start:reading.end],
        "event_type": reading.event_type, "event_mode": mode, "negated": reading.negated,
        "modality": reading.modality, "event_date": date[0], "date_precision": date[1], "date_text": date[2],
    }
    rows, seen = [], set()
    for role, actors in (("source", sources), ("target", targets), ("location", locations)):
        for entity_id, mention_id in actors:
            if (role, entity_id) not in seen:
                seen.add((role, entity_id))
                rows.append({"event_id": event_id, "role": role, "entity_id": entity_id, "mention_id": mention_id})
    event = Event(record, rows, sentence.paragraph, sentence.index, reading.modality, sources, targets,
                  (date[0], date[1]))
    ctx.add_event(event)
    return event
