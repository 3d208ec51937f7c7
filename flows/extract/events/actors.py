"""Actors of one event from its clause: source (は/が), target (と/に/を/への/に対する),
location (で/での).

Reading goes backwards from the trigger, the way Japanese puts arguments
before their predicate. Case-marked arguments (を, に, と, で) belong to the
nearest predicate, so they stop counting at a clause boundary; a が-subject
carries over a coordinated clause (呼びかけ、…警告した); a は-topic carries
over every clause of its sentence. Arguments inside a relative clause that
modifies some other noun (米国が求めていた停戦) belong to that clause. A
noun modified by への/との/に対する gives its role to the event when the noun
is the trigger or its object (ロシアへの新たな制裁を警告). Passives turn the
roles round (解放された: the subject is the target; による stays the source).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flows.extract.events.chunks import Chunk
from flows.extract.events.groups import Group
from flows.extract.events.lexicon import cues
from flows.extract.events.predicates import Reading

AGENTIVE = ("による", "によって", "により", "からは")


@dataclass
class Roles:
    source: list[dict] = field(default_factory=list)    # mentions
    target: list[dict] = field(default_factory=list)
    location: list[dict] = field(default_factory=list)
    agentive: list[dict] = field(default_factory=list)  # による: the source even in a passive
    subject_blocked: bool = False   # a subject was written but names nobody (双方が, 関係者は)
    has_object: bool = False        # the clause has its own を-object
    anaphors: list[tuple[str, str, int]] = field(default_factory=list)   # (role, 両首脳 / 同氏 …, offset)


_ASKED = ("に", "に対し", "に対して", "にも", "に対しても", "に対しては")   # …に(対しても)…するよう求めた


def _add(bucket: list[dict], mentions: list[dict]) -> None:
    for m in mentions:
        if all(m["entity_id"] != b["entity_id"] for b in bucket):
            bucket.append(m)


TEMPORAL_HEADS = ("後", "際", "前", "中", "上", "時", "直後", "あと", "以降", "うえ")


def _modified_chunk(chunks: list[Chunk], k: int) -> int | None:
    """The noun chunk that the adnominal phrase ending at chunk k modifies."""
    c = cues()
    for j in range(k + 1, min(k + 6, len(chunks))):
        ch = chunks[j]
        if ch.kind == "noun" and (ch.particles in c.adnominal_particles or ch.particles in c.coordinators) \
                and not ch.comma:
            continue  # の-chains, other modifiers of the same noun (ウクライナへの), AとBとの会談
        if ch.kind == "noun":
            return j
        if (ch.kind == "other" and not ch.is_pred) or ch.link == "adjectival":
            continue  # 新たな, 有利な
        return None
    return None


def _frame_topic(words: str) -> bool:
    """今回は, 詳細は, 12日は: a topic that frames the sentence rather than acting in it."""
    return words.endswith(tuple(cues().frame_topics)) or words[-1:].isdigit() or words.endswith(("日", "月", "年"))


def _temporal_clause(ch: Chunk, text_of_head: str) -> bool:
    """会談後、 / 訪問の際、: a noun that closes a clause of its own."""
    return ch.kind == "noun" and ch.comma and text_of_head.endswith(TEMPORAL_HEADS)


class _Walk:
    """State of the backwards walk from a trigger."""

    def __init__(self, reading: Reading, chunks: list[Chunk], heads: list[list[dict]]):
        self.reading, self.chunks, self.heads = reading, chunks, heads
        self.roles = Roles()
        t = reading.trigger_chunk
        self.object_chunk = t - 1 if t > 0 and chunks[t - 1].particles in ("を", "に", "は", "も") else None

    def adnominal(self, k: int, particles: str, names: list[dict], anaphor: str | None = None, at: int = 0) -> None:
        """プーチン氏との電話会談, ウクライナへの武器供与, ロシアへの制裁を警告, ロシアによる侵攻."""
        if not names and not anaphor:
            return
        t, roles = self.reading.trigger_chunk, self.roles
        if not names:
            modified = _modified_chunk(self.chunks, k)
            if particles in ("との", "への", "に対する", "を交えた") and modified in (t, self.object_chunk):
                roles.anaphors.append(("target", anaphor, at))
            return
        modified = _modified_chunk(self.chunks, k)
        if modified is None:
            return
        if modified == t:
            if particles in ("との", "への", "に対する", "を交えた"):
                _add(roles.target, names)  # …らを交えた協議: the partners
            elif particles == "での":
                _add(roles.location, [m for m in names if m["entity_type"] in cues().location_types][:1])
            elif particles == "による":
                _add(roles.agentive, names)
            elif particles == "の" and (self.reading.construction in ("occurrence", "headline", "after")
                                       or self.reading.passive):
                _add(roles.agentive, names)  # トランプ氏の訪ロ, ロシアの攻撃を受けた
        elif modified == self.object_chunk and particles in ("への", "に対する", "との") \
                and self.reading.event_type not in cues().object_is_content_types:
            _add(roles.target, names)  # ロシアへの新たな制裁を警告 (not 軍事支援の停止を要求: what is asked)


def read_roles(reading: Reading, chunks: list[Chunk], groups: list[Group], heads: list[list[dict]],
               head_text: list[str], headline: bool = False, floor: int = 0) -> Roles:
    """`head_text`: each chunk's words up to its head (会談後), to spot temporal clauses;
    `headline`: the sentence is a title, heading or caption (トランプ氏、…と合意); `floor`: the first
    chunk of the trigger's clause when a headline's space sets clauses apart (roles come from no earlier)."""
    c = cues()
    walk = _Walk(reading, chunks, heads)
    roles = walk.roles
    t = reading.trigger_chunk
    by_last = {g.last: g for g in groups}
    own = next((g for g in groups if t in g.chunks), None)
    k = t - 1
    if own is not None and own.last == t and own.chunks[0] < t:
        for j in own.chunks[:-1]:  # ゼレンスキー氏の訪問: genitives inside the trigger's own group
            walk.adnominal(j, chunks[j].particles, heads[j])
        k = own.chunks[0] - 1

    case_open = True        # を/に/と/で still reach the trigger
    subject_open = True     # が still reaches it (over coordinated clauses only)
    in_relative = False     # inside a relative clause that modifies another noun
    purposive = False       # …するよう: its に-argument is who is asked
    subject_found = False
    source_group: Group | None = None
    content_owners: list[dict] = []
    embedded_subject = False  # the own が subject of a …こと clause (what is agreed, promised) was passed
    content_clause = False    # the relative clause being walked is a …こと clause
    gap = reading.gap_head is not None
    borrowed_target: list[dict] = []
    while k >= floor:
        ch = chunks[k]
        if ch.in_quote:
            k -= 1
            continue
        if ch.is_pred and not (ch.kind == "noun" and ch.particles in ("", "の")):
            if k == reading.pred_chunk:
                pass  # the trigger's own light verb or relative-clause verb
            elif ch.link == "adjectival":
                pass  # 有利な案: an adjective, not a clause with arguments of its own
            elif ch.link == "adnominal" or ch.purposive:
                in_relative = True  # its arguments are its own
                purposive = ch.purposive
                content_clause = k + 1 < len(chunks) and head_text[k + 1] in ("こと", "事")   # …することで合意
            elif ch.reports or ch.link != "coord":
                case_open, subject_open, in_relative = False, False, False
            else:
                # …米国が…引き下げ、中国が…停止することで合意: a clause coordinated with a relative clause
                # that its own subject closed is part of the same content
                case_open, in_relative = False, embedded_subject
            k -= 1
            continue
        if k != t and _temporal_clause(ch, head_text[k]):
            case_open, in_relative = False, False  # 会談後、
            k -= 1
            continue
        if k != t and headline and ch.kind == "noun" and not ch.particles and ch.comma and ch.nominal_predicate:
            case_open, subject_open, in_relative = False, False, False  # 高橋みなみが謝罪、…に非難
            k -= 1
            continue
        g = by_last.get(k)
        if in_relative and purposive and g is not None and g.particles in _ASKED and g.heads:
            in_relative = purposive = False  # プーチン氏に…するよう促した: the one asked
        if in_relative:
            if ch.comma or (g is not None and g.particles in ("は", "も")):
                in_relative = False
            else:
                if g is not None and g.particles == "が":
                    in_relative = False  # the relative clause's own subject starts it
                    embedded_subject = content_clause
                k = (g.chunks[0] if g is not None else k) - 1
                continue
        if g is None:
            k -= 1
            continue
        particles = g.particles
        if particles.startswith(("など", "等")) and len(particles) > 2:
            particles = particles.removeprefix("など").removeprefix("等")   # 核施設などを: を
        role = None if particles in c.no_role else c.role_of.get(particles)
        if headline and not particles and g.comma and g.chunks[0] == 0:
            role = "source"  # a headline's topic: トランプ氏、…と合意
        if particles in c.adnominal_particles:
            walk.adnominal(k, particles, g.heads, g.anaphor, g.at)
        elif role == "source" and particles in AGENTIVE:
            _add(roles.agentive, g.heads)
        elif role == "source":
            topic = particles in ("は", "も", "")
            if subject_found or (gap and topic) or (topic and reading.subject_is_trigger):
                pass
            elif topic and not g.heads and not g.anaphor and g.last + 1 < len(chunks) and chunks[g.last + 1].in_quote:
                # ルッテ氏は、北朝鮮の派兵は「…」と非難した: the topic of the words quoted, not who spoke them;
                # whose it is may be what they are aimed at
                content_owners = content_owners or [h for j in g.chunks[:-1] for h in heads[j]]
                k = g.chunks[0] - 1
                continue
            elif topic or subject_open:
                if g.heads:
                    _add(roles.source, g.heads)
                    source_group = g
                elif g.anaphor:
                    roles.anaphors.append(("source", g.anaphor, g.at))
                elif particles == "が" or g.agent or (particles == "は" and not _frame_topic(head_text[g.last])):
                    roles.subject_blocked = True  # 双方が, 小倉キャスターは: a subject that names nobody
                else:
                    k = g.chunks[0] - 1
                    continue  # 今回は, 詳細は, 12日は: a topic that is not the subject
                subject_found = True
                if topic:
                    break
        elif role == "target":
            content = particles in ("を", "をも") and reading.event_type in c.object_is_content_types
            if case_open and particles in ("を", "をも"):
                roles.has_object = True
                if reading.event_type in c.owner_is_target_types:
                    owners = [h for j in g.chunks[:-1] for h in heads[j]]
                    _add(roles.target, owners)  # ロシアの要求を受け入れた: the demand's owner
            if case_open and reading.passive and particles in ("に", "から") and g.heads:
                _add(roles.agentive, g.heads)  # 国連職員に拒否された: who did it
            elif case_open and not content:
                if g.heads:
                    _add(roles.target, g.heads)
                elif g.anaphor:
                    roles.anaphors.append(("target", g.anaphor, g.at))
            elif subject_open and g.heads and not borrowed_target and reading.event_type in c.borrow_target_types:
                borrowed_target = list(g.heads)  # Xに電話をし、…するよう促した
        elif role == "location":
            if case_open and g.heads and not roles.location:
                _add(roles.location, [m for m in g.heads if m["entity_type"] in c.location_types])
        k = g.chunks[0] - 1
    if not roles.target and borrowed_target:
        _add(roles.target, borrowed_target)
    if not roles.target and content_owners and reading.event_type in c.content_owner_target_types:
        _add(roles.target, content_owners)
    if source_group is not None and source_group.particles in ("は", "も") and not reading.passive \
            and chunks[reading.pred_chunk].link == "quote":
        # Xは、Yが…停止すると約束したと主張: X's topic is the report's; the reported act is Y's
        inner = [g for g in groups if source_group.last < g.chunks[0] and g.last < t and g.particles == "が"
                 and g.heads and not chunks[g.last].in_quote
                 and not any(chunks[j].is_pred and chunks[j].link == "subord" for j in range(g.last + 1, t))]
        if inner:
            roles.source = list(inner[-1].heads)
    if reading.passive:
        roles.source, roles.target = [], roles.source + [m for m in roles.target if m not in roles.source]
    _add(roles.source, roles.agentive)
    roles.target = [m for m in roles.target if all(m["entity_id"] != s["entity_id"] for s in roles.source)]
    return roles
