"""Is a trigger hit an event? Read the construction around it.

A verb trigger is a predicate by itself. A verbal noun is one only with
する (会談した), a light verb (会談を行った, 合意に達した, 会談が行われた),
an occurrence verb in the relative clause it heads (19日に行われた…電話会談),
a verbal argument before 後 (首脳と会談後), or at the end of a headline or
sentence (…プーチン氏と合意, 会談へ). Used as a modifier or topic
(会談の準備, 電話会談後に, 同協議では, 停戦案) it is not an event.

The words after the predicate give negation (〜しなかった, 〜つもりはない),
modality (〜する方針 planned, 〜する可能性 hypothetical) and tense; a
relative clause keeps the event only when its head says when or whether it
happens (〜した際, 〜する予定) or is the actor itself (会談したウィトコフ氏).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.extract.events.chunks import Chunk, object_before_quote, quotative_before
from flows.extract.events.lexicon import Entry, cues
from flows.extract.events.tails import clause_tail, is_negated, is_past, is_progressive, tail_modality
from flows.text.morphemes import Morpheme


@dataclass
class Reading:
    entry: Entry
    event_type: str
    start: int                 # trigger span, document offsets
    end: int
    trigger_chunk: int         # the chunk holding the trigger word
    pred_chunk: int            # the chunk whose clause the event is (light verb, する …)
    negated: bool
    modality: str              # asserted | planned | hypothetical
    passive: bool = False      # 攻撃を受けた, 解放された: the subject is the target
    gap_head: int | None = None  # relative clause: the chunk of the noun it modifies, if an actor
    construction: str = ""
    subject_is_trigger: bool = False  # 会談が行われた: the event noun is the subject, the topic is not its actor
    quoted: bool = False       # the clause is reported (…すると述べた): a sentence date is the report's
    past: bool = False         # past or perfect (した, している): a story told in the present is not


_SETTING_PARTICLES = ("に", "で", "の")


def _occurrence_after_setting(ms: list[Morpheme], k: int, light) -> int | None:
    """Index of a passive light verb (行われた, 開かれた) reached from ms[k] over a setting only: dates,
    times and names of places with に/で (会談は|15日に|アラスカで|行われた); None otherwise."""
    for j in range(k, min(len(ms), k + 8)):
        m = ms[j]
        if m.pos1 == "動詞":
            passive = j + 1 < len(ms) and ms[j + 1].lemma in ("れる", "られる")
            return j if m.lemma in light and passive else None
        setting = m.pos2 in ("数詞", "固有名詞") or m.pos3.startswith(("助数詞", "副詞可能")) \
            or m.pos1 == "接尾辞" or m.pos1 == "助詞" and m.surface in _SETTING_PARTICLES
        if not setting:
            return None
    return None


def chunk_of(chunks: list[Chunk], mi: int) -> int:
    for ch in chunks:
        if ch.first <= mi <= ch.last:
            return ch.index
    return -1


def _morpheme_at(ms: list[Morpheme], offset: int, *, end: bool = False) -> int:
    for i, m in enumerate(ms):
        if (m.end if end else m.start) == offset:
            return i
    return -1


def _next_pred(chunks: list[Chunk], k: int) -> Chunk | None:
    """The next predicate the clause of chunk k links to (relative clauses and …するよう skipped)."""
    for ch in chunks[k + 1:]:
        if ch.is_pred and not ch.in_quote and ch.link not in ("adnominal", "adjectival") and not ch.purposive \
                and not (ch.kind == "noun" and ch.particles in ("", "の")) and ch.particles != "とも":
            return ch                   # (少なくとも, 遅くとも: adverbs, not the next clause's predicate)
    return None


def _after_condition(chunks: list[Chunk], ms: list[Morpheme], t: int) -> bool:
    """A conditional clause (…すれば、…なら、…した場合は) before chunk t, outside quotes and not inside
    what a reporting verb reports (…応じなければ制裁を科すと警告した: the threat itself was made)."""
    found = False
    for ch in chunks[:t]:
        if ch.in_quote:
            continue
        if ch.link == "quote":
            found = False
            continue
        last = ms[ch.last - 1] if ms[ch.last].pos1 == "補助記号" and ch.last > ch.first else ms[ch.last]
        if ch.is_pred and (last.surface in ("ば", "なら", "たら", "だら") or last.cform.startswith("仮定形")):
            found = True
        if ch.kind == "noun" and ms[ch.head].lemma == "場合" and ch.particles in ("は", "には", "、", ""):
            found = True
    return found


def quoted_end(ms: list[Morpheme]) -> bool:
    """The sentence's question mark closes a quote, not the sentence's own clause."""
    return len(ms) > 1 and ms[-2].surface in "」』"


def _has_object(chunks: list[Chunk], ms: list[Morpheme], k: int) -> bool:
    """A を-object or a …よう clause right before chunk k (決断を迫った, 同意するよう迫った)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        ch = chunks[j]
        if ch.particles in ("を", "をも") or ch.purposive:
            return True
        if ch.is_pred and not ch.purposive:
            return False
    return False


def _object_start(chunks: list[Chunk], ms: list[Morpheme], pred_chunk: int, objects) -> int | None:
    """Start offset of the object noun (計画 in 首脳会談の計画を撤回), if the chunk before is one."""
    k = pred_chunk - 1
    if k < 0:
        return None
    ch = chunks[k]
    if ch.kind != "noun" or ch.particles not in ("を", "は", "も", "の", "が", "") or ch.in_quote:
        return None
    compound = "".join(ms[j].surface for j in range(ch.first, ch.head + 1))
    count = _COUNT.search(compound)       # 兵士約1万2000人を派遣: the thing counted is the object
    cut = len(compound) - count.start() if count else 0
    compound = compound[:len(compound) - cut]
    for word in sorted(objects, key=len, reverse=True):
        if compound.endswith(word):
            return ms[ch.head].end - cut - len(word)
    return None


_COUNT = re.compile(r"(?:約|計|およそ|少なくとも)?[0-9０-９一二三四五六七八九十百千万億数]+(?:人|隻|機|両|基|発|カ所|か所|ヶ所|個)$")


def may_be_event(entry: Entry, start: int, end: int, ms: list[Morpheme]) -> bool:
    """A cheap test on morphemes alone, before the sentence is chunked: False when the hit cannot
    be an event (a verb stem inside another word, a noun inside a compound, a noun with no verb,
    sentence end or relative-clause verb that could make it one)."""
    c = cues()
    a = _morpheme_at(ms, start)
    if a < 0:
        return False
    if entry.pos == "verb":
        return ms[a].pos1 == "動詞" and ms[a].lemma in entry.lemmas and end <= ms[a].end
    b = _morpheme_at(ms, end, end=True)
    if b < 0:
        return False
    nxt = ms[b + 1] if b + 1 < len(ms) else None
    if nxt is None or nxt.pos1 == "補助記号" or nxt.surface in ("後", "へ") or nxt.lemma in ("為る", "出来る") \
            or nxt.start > ms[b].end:
        return True   # (会談　停戦…: a space ends a headline's clause)
    if nxt.pos1 == "名詞" and nxt.pos2 != "数詞":
        return False
    if nxt.pos1 == "助詞" and nxt.surface in c.light_verb_particles and b + 2 < len(ms):
        return True  # read_trigger checks the verb
    return any(m.lemma in c.occurrence_verbs for m in ms[:a])


def read_trigger(entry: Entry, start: int, end: int, ms: list[Morpheme], chunks: list[Chunk],
                 hit_starts: set[int], block_kind: str) -> Reading | None:
    """The event a trigger hit reports, or None when the construction makes it no event."""
    c = cues()
    a = _morpheme_at(ms, start)
    if a < 0:
        return None
    if entry.pos == "verb":
        if ms[a].pos1 != "動詞" or ms[a].lemma not in entry.lemmas or end > ms[a].end:
            return None
        if ms[a].cform.startswith("連用形") and a + 1 < len(ms) and ms[a + 1].pos1 == "助詞" \
                and ms[a + 1].pos2 in ("格助詞", "係助詞") and ms[a + 1].surface not in ("と", "て"):
            return None  # 受け入れに消極的: the verb used as a noun
        b = a
        end = ms[a].end
    else:
        b = _morpheme_at(ms, end, end=True)
        if b < 0:
            return None
    t = chunk_of(chunks, a)
    if t < 0 or chunks[t].in_quote:
        return None
    if entry.not_after or entry.only_after:
        before = "".join(m.surface for m in ms[max(0, a - 3):a])
        if entry.not_after and before.endswith(entry.not_after):
            return None  # 状況に応じて, 自他共に認める: an idiom
        if entry.only_after and not before.endswith(entry.only_after):
            return None  # 内容と一致: a match, not an agreement
    n = len(ms)
    nxt = ms[b + 1] if b + 1 < n else None
    p: int | None = None        # the morpheme whose inflection tells tense and negation
    construction = ""
    passive = False
    subject_is_trigger = False
    if entry.pos == "verb":
        p, construction = a, "verb"
    else:
        if a > 0 and ms[a - 1].surface == "同" and ms[a - 1].pos1 == "接頭辞":
            return None  # 同協議: the same event again
        if nxt is not None and nxt.pos1 == "名詞" and nxt.pos2 != "数詞" and nxt.start == ms[b].end:
            return None  # a modifier in a compound: 停戦案, 交渉開始, 会談要旨 (not 会談　停戦…: a space)
        light = entry.light_verbs or c.light_verbs - entry.not_light_verbs
        if nxt is not None and nxt.lemma in ("為る", "出来る") and (not entry.light_verbs or nxt.lemma in light):
            p, construction = b + 1, "suru"
        elif nxt is not None and nxt.pos1 == "助詞" and nxt.surface in c.light_verb_particles:
            k = b + 2
            if k < n and ms[k].pos1 == "副詞":
                k += 1
            if k < n and ms[k].pos1 in ("動詞", "名詞") and ms[k].lemma in light \
                    and (ms[k].pos1 == "動詞" or k + 1 < n and ms[k + 1].lemma in ("為る", "出来る")):
                p = k if ms[k].pos1 == "動詞" else k + 1
                construction = "light"
                subject_is_trigger = nxt.surface in ("が", "は", "も") and ms[k].lemma not in c.passive_light_verbs
                passive = ms[k].lemma in c.passive_light_verbs and nxt.surface == "を"
                if entry.light_verbs:
                    end = ms[k].end
        if p is None and nxt is not None and nxt.surface in ("が", "は") and nxt.pos1 == "助詞" \
                and (k := _occurrence_after_setting(ms, b + 2, light)) is not None:
            p, construction, subject_is_trigger = k, "light", True   # 会談は15日にアラスカで行われた
        if p is None:
            if entry.light_verbs and not entry.headline_noun:
                return None  # 制裁 alone is not yet a sanction (but …で一致。 ends as an event)
            reading = _nominal_event(entry, start, end, a, b, t, ms, chunks, block_kind)
            if reading is not None and entry.objects:
                obj = _object_start(chunks, ms, t, entry.objects)
                if obj is None:
                    return None  # (30歳・派遣), 発売を延期: not the object the trigger needs
                if entry.object_in_trigger:
                    reading.start = obj
            return reading
    if entry.objects:
        obj = _object_start(chunks, ms, chunk_of(chunks, p), entry.objects) if entry.pos == "verb" \
            else _object_start(chunks, ms, t, entry.objects)
        if obj is None:
            return None
        if entry.object_in_trigger:
            start = obj
    pred_chunk = chunk_of(chunks, p)
    if entry.needs_object and not _has_object(chunks, ms, chunk_of(chunks, a)):
        return None  # 生態に迫る: an idiom, not a demand
    if entry.not_after_quote and quotative_before(ms, a) and not (entry.type == "REJECT" and object_before_quote(ms, a)):
        return None  # 「そうだ」と応じた: speech (not 提案を「…」と一蹴した: a refusal of what is named)
    tail, reporting = clause_tail(ms, p)
    if reporting in c.content_taking_verbs:
        return None  # 制裁を科すと警告した: what is threatened or demanded, the content of that event
    if ms[p].pos1 == "動詞" and any(m.pos1 == "助動詞" and m.lemma in ("れる", "られる") for m in tail[:2]):
        passive = True
    negated = is_negated(tail)
    modality = tail_modality(tail, ms[p])  # None unless the words say planned or hypothetical
    gap_head = None
    pc = chunks[pred_chunk]
    if pc.link == "subord" and any(m.pos2 == "助動詞語幹" for m in tail):
        return None  # …するよう促した: what is asked, not an event
    if pc.link == "adnominal":
        head = chunks[pred_chunk + 1]
        head_m = ms[head.first]
        kind = c.adnominal_head_modality.get(head_m.lemma) or c.adnominal_head_modality.get(head_m.surface)
        if kind == "stance":   # 協力する姿勢: planned; 拒否する姿勢: the refusal itself
            kind = "performed" if entry.type in c.stance_types else "planned"
        if _embedded(chunks, ms, head, hit_starts):
            return None  # 交渉を始めることで合意した, 協力する方針で一致した: the content of another event
        if kind in ("planned", "hypothetical", "performed"):
            modality = modality or ("asserted" if kind == "performed" else kind)
            negated = negated or _denied(chunks, ms, head)
        elif kind == "asserted":
            pass
        elif head_m.lemma in c.nominalisers or head_m.surface in c.nominalisers:
            negated = negated or _denied(chunks, ms, head)
        elif head.particles == "の" or head.kind != "noun" or head.particles in c.no_role \
                or head.particles in c.adnominal_particles:
            return None  # a relative clause about a modifier of some other thing
        else:
            gap_head = head.index  # 会談したウィトコフ氏は: kept only if the head is an actor
    event_type = entry.type
    if negated and entry.negated_type:
        # 同意しなかった, 受け入れることはない: a refusal, made now, whatever the tense of what is refused
        event_type, negated = entry.negated_type, False
        modality = modality if modality == "hypothetical" else "asserted"
    if modality is None and _after_condition(chunks, ms, t):
        modality = "hypothetical"  # …応じるなら、米国は制裁を解除する: the main clause hangs on the condition
    if modality is None and ms[-1].surface in ("？", "?") and not quoted_end(ms):
        modality = "hypothetical"  # …訪れますか？, 代表批判？: asked, not reported
    if modality is None:
        modality = _tense_modality(entry, tail, reporting, chunks, pred_chunk, ms)
    quoted = reporting is not None or pc.link == "quote"
    past = is_past(tail) or is_progressive(tail)
    if not past and pc.link == "coord":
        later = _next_pred(chunks, pred_chunk)
        past = later is not None and is_past(clause_tail(ms, later.head)[0])
    return Reading(entry, event_type, start, end, t, pred_chunk, negated, modality, passive, gap_head,
                   construction, subject_is_trigger, quoted, past)


def _tense_modality(entry: Entry, tail, reporting: str | None, chunks, pred_chunk: int, ms) -> str:
    c = cues()
    if is_past(tail) or is_progressive(tail) or "てから" in "".join(m.surface for m in tail):
        return "asserted"
    pc = chunks[pred_chunk]
    own_report = reporting
    if pc.link == "final" and tail and tail[-1].lemma == "ず":
        return "asserted"  # 停戦合意に至らず: a headline's ず tells what did not happen
    if pc.link == "coord":  # 会談し、合意した: the tense is the next clause's
        later = _next_pred(chunks, pred_chunk)
        if later is not None:
            ltail, lrep = clause_tail(ms, later.head)
            if is_past(ltail) or is_progressive(ltail):
                return "asserted"
            if entry.type in c.scheduled_types and lrep in c.decision_verbs and own_report is None:
                return "planned"  # モスクワを訪問し、プーチン氏と会談すると発表した: both announced, to come
            reporting = reporting or lrep
    if entry.type in c.present_tense_happens and entry.present != "planned":
        return "asserted"
    if reporting in c.decision_verbs and (entry.type not in c.scheduled_types or own_report is None):
        return "asserted"  # (会談し、…と表明した: the meeting came before what was said after it)
    if pc.link in ("adnominal", "subord") and not reporting:
        later = _next_pred(chunks, pred_chunk)
        if later is not None and is_past(clause_tail(ms, later.head)[0]):
            return "asserted"
    return "planned"


def _denied(chunks: list[Chunk], ms: list[Morpheme], head: Chunk) -> bool:
    """つもりはない, ことはない: the noun the predicate modifies is denied."""
    if head.particles in ("は", "が", "も") and head.index + 1 < len(chunks):
        following = ms[chunks[head.index + 1].first]
        return following.lemma in ("無い", "ない")
    return any(ms[j].lemma in ("無い", "ない") for j in range(head.head + 1, head.last + 1))


def _embedded(chunks: list[Chunk], ms: list[Morpheme], head: Chunk, hit_starts: set[int]) -> bool:
    """`…ことで合意`, `…ことを拒否`: the nominalised clause is the content of a trigger after it."""
    if head.particles not in ("で", "を", "に", "は", "が", "も", "では", "でも", "にも", "をも"):
        return False
    for ch in chunks[head.index + 1:head.index + 3]:
        if ch.is_pred and any(ms[j].start in hit_starts for j in range(ch.first, ch.head + 1)):
            return True  # …ことで合意した, …方針で一致した
        if ch.is_pred:
            break
    return False


def _nominal_event(entry: Entry, start: int, end: int, a: int, b: int, t: int, ms: list[Morpheme],
                   chunks: list[Chunk], block_kind: str) -> Reading | None:
    """A verbal noun with no verb: after 後 with a verbal argument, at a headline's or sentence's end,
    or heading a relative clause whose verb says it happened."""
    n = len(ms)
    rest = [m for m in ms[b + 1:] if m.pos1 != "補助記号"]
    if block_kind == "title" and rest and b + 1 < n and ms[b + 1].start > ms[b].end:
        rest = []  # 米ロ首脳、アラスカで会談　停戦合意に至らず: a space ends the headline's first clause
    if not rest or (len(rest) == 1 and rest[0].surface == "へ"):
        modality = "planned" if rest else "hypothetical" if ms[-1].surface in ("？", "?") else "asserted"
        return Reading(entry, entry.type, start, end, t, t, False, modality, construction="headline",
                       passive=entry.patient_subject, past=not rest)  # 容疑者が逮捕: the subject undergoes it
    nxt = ms[b + 1] if b + 1 < n else None
    if block_kind == "title" and nxt is not None and nxt.pos2 == "読点" and t > 0 \
            and chunks[t - 1].particles in ("が", "と") and not chunks[t - 1].in_quote:
        return Reading(entry, entry.type, start, end, t, t, False, "asserted", construction="headline",
                       passive=entry.patient_subject, past=True)  # 日中外相が会談、…: a headline's first clause
    if nxt is not None and nxt.surface == "後" and t > 0:
        before = chunks[t - 1]
        if before.kind == "noun" and before.particles in ("と", "に", "を", "で", "とも") and not before.in_quote:
            return Reading(entry, entry.type, start, end, t, t, False, "asserted", construction="after", past=True)
        return None
    # 19日に行われた…との電話会談: walk back over the noun group to the relative clause's verb
    k = t - 1
    while k >= 0 and not chunks[k].is_pred:
        ch = chunks[k]
        if ch.comma or ch.particles not in ("の", "との", "での", "への", "による", "に対する", "や", "と", ""):
            return None
        k -= 1
    if k < 0 or chunks[k].link != "adnominal" or chunks[k].in_quote:
        return None
    verb = ms[chunks[k].head]
    if verb.lemma not in cues().occurrence_verbs:
        return None
    tail, _ = clause_tail(ms, chunks[k].head)
    modality = "asserted" if is_past(tail) else "planned"
    return Reading(entry, entry.type, start, end, t, k, is_negated(tail), modality, construction="occurrence",
                   past=is_past(tail))
