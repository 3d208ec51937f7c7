"""Noun groups with their named heads: who a phrase refers to, and how it is marked.

Mentions come from the entity extractor. A chunk's head mentions are the
names the phrase is about: `トランプ米大統領は` is Trump (the 米 inside the
title only modifies it), `米ロ首脳は` is 米 and ロ, `欧州諸国の首脳と` is 欧州
(the head noun is a generic agent, so its genitive modifier names it),
`ウクライナ問題を` is nobody. Groups join coordinated phrases
(`トランプ氏とプーチン氏は`, `AやB`, `トランプ、プーチン両氏が`) and absorb
genitive modifiers (`ロシアの` in `ロシアのプーチン大統領`); the particle of the
group's last phrase gives its role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from flows.extract.entities.lexicon import lexicon as entity_lexicon
from flows.extract.events.chunks import Chunk
from flows.extract.events.lexicon import cues
from flows.text.morphemes import Morpheme

PRIORITY = ("PERSON", "ORG")


@dataclass
class Group:
    chunks: list[int]              # member chunks, in order; the last one carries the particle
    particles: str
    heads: list[dict] = field(default_factory=list)   # mentions
    anaphor: str | None = None     # 両首脳, 同氏 … when the group names nobody itself
    comma: bool = False
    agent: bool = False            # an unnamed agent (関係者は, 高官が): a subject that names nobody
    at: int = 0                    # document offset where the group starts

    @property
    def last(self) -> int:
        return self.chunks[-1]


_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十百千数]+(?:カ所|か所|ヶ所|箇所|ヵ所|隻|機|基|棟|人|発)$")


@cache
def _title_endings() -> tuple[str, ...]:
    """Words that end a title: the cues' own and every title the entity rules know (総裁, 主席, 知事 …)."""
    c = cues()
    return tuple(t for t in c.titles if len(t) > 1) + tuple(c.title_endings) \
        + tuple(sorted(t for t in entity_lexicon().titles if len(t) > 1))


_COUNT = re.compile(r"[0-9０-９一二三四五六七八九十百数複]+(?:[人名]|[カかヶケ]国)$")


def _title_like(rest: str) -> bool:
    rest = _COUNT.sub("", rest.rstrip("ら等"))     # 外交官2人, 日米韓3カ国の: a count is no part of the title
    return not rest or rest in cues().titles or rest.endswith(_title_endings())


def chunk_heads(text: str, ch: Chunk, ms: list[Morpheme], mentions: list[dict]) -> list[dict]:
    """The mentions a noun chunk is about (see the module docstring)."""
    c = cues()
    if ch.kind != "noun":
        return []
    head_end = ms[ch.head].end
    first = ms[ch.first].start
    inside = [m for m in mentions if first <= m["start"] and m["end"] <= head_end
              and m["entity_type"] in c.actor_types]
    if not inside:
        return []
    qualified = []
    for m in inside:
        if text[m["start"] - 1:m["start"]] in c.posting_prefixes and any(o["start"] >= m["end"] for o in inside):
            continue  # 在英|ロシア大使: the posting, not the envoy's country
        rest = _ASIDE.sub("", text[m["end"]:head_end])     # 習近平（シー・ジンピン）国家主席: a reading aside
        for other in inside:
            if other["start"] >= m["end"]:
                rest = rest.replace(other["surface"], "", 1)
        if _title_like(rest) or m["entity_type"] == "ORG" and rest.endswith(tuple(c.org_units)):
            qualified.append(m)       # 警視庁捜査2課: a unit of the organisation acts for it
    for kind in PRIORITY:
        picked = [m for m in qualified if m["entity_type"] == kind]
        if picked:
            return picked[:1] if kind == "ORG" else picked
    return qualified


def _agent_head(text: str, ch: Chunk, ms: list[Morpheme]) -> bool:
    """首脳と, 指導者らは, 当局者が: a generic agent noun that takes its name from a genitive
    (not お母さん, 弁護士: someone else)."""
    compound = _COUNTED.sub("", text[ms[ch.first].start:ms[ch.head].end])   # 拠点9カ所: the places counted
    if compound.removesuffix("など").rstrip("等").endswith(tuple(cues().possessed_heads)):
        return True   # ヒズボラの拠点を空爆, イランの核施設を: what belongs to a name stands for it as the target
    return _title_like(compound) and not compound.startswith("同") and \
        not compound.rstrip("ら等").endswith(tuple(cues().not_agents))


def _subject_next(chunks: list[Chunk], k: int) -> bool:
    """Aと B社が: と right before a subject joins A to it (a partner would come after)."""
    while k < len(chunks) and chunks[k].kind == "noun" and chunks[k].particles == "の":
        k += 1
    return k < len(chunks) and chunks[k].kind == "noun" and chunks[k].particles in ("が", "は")


def _bare_name(text: str, ch: Chunk, ms: list[Morpheme], own: list[dict]) -> bool:
    """トランプ、: a name and at most an honorific, so the comma lists it (not サマンサタバサ社長、)."""
    rest = text[max(m["end"] for m in own):ms[ch.head].end]
    return rest in ("", "氏", "さん")


def _two_people(own: list[dict], later: list[dict]) -> bool:
    """渡邉恒雄オーナー、堀川吉則会長は: two people each named with a title are two, not one in apposition
    (サマンサタバサ社長、寺田氏 is one: the company is no person)."""
    return all(m["entity_type"] == "PERSON" for m in own + later) and bool(own) and bool(later) \
        and {m["entity_id"] for m in own}.isdisjoint(m["entity_id"] for m in later)


def _titled(text: str, ch: Chunk, ms: list[Morpheme], own: list[dict]) -> bool:
    """堀川吉則会長: the name carries a title, not just an honorific (寺田和正氏 after サマンサタバサ社長、
    is that president himself)."""
    rest = text[max(m["end"] for m in own):ms[ch.head].end]
    return rest not in ("", "氏", "さん", "様")


def _plural_run(text: str, chunks: list[Chunk], ms: list[Morpheme], k: int, listed: int) -> bool:
    """A comma list, not an apposition (サマンサタバサ社長、寺田氏): closed by a plural (メルツ独首相、
    マクロン仏大統領らは, トランプ、プーチン両氏) or three names long. `listed`: names before chunk k."""
    members = listed + 1
    for ch in chunks[k:k + 12]:
        if ch.particles == "の":
            continue
        if ch.particles or not ch.comma:
            words = text[ms[ch.first].start:ms[ch.head].end]
            return members >= 3 or "両" in words or words.endswith(("ら", "各氏", "各国", "など"))
        members += 1
    return False


def build_groups(text: str, chunks: list[Chunk], ms: list[Morpheme], mentions: list[dict],
                 heads: list[list[dict]]) -> list[Group]:
    """Groups left to right; `heads` are each chunk's `chunk_heads`. Chunks in quotes and
    predicates belong to none."""
    c = cues()
    groups: list[Group] = []
    members: list[int] = []
    genitive: list[dict] = []
    member_heads: list[dict] = []
    listed = 0   # names already joined into the current group
    n = len(chunks)

    def next_heads(k: int) -> list[dict]:
        """Heads of the next group member starting at chunk k (skipping its genitive modifiers)."""
        j = k
        found: list[dict] = []
        while j < n and chunks[j].kind == "noun" and chunks[j].particles == "の" and not chunks[j].in_quote:
            found = heads[j] or found
            j += 1
        if j < n and chunks[j].kind == "noun" and not chunks[j].in_quote:
            return heads[j] or (found if _agent_head(text, chunks[j], ms) else [])
        return []

    def next_is_place(k: int) -> bool:
        """The next member starting at chunk k is where something happens (モスクワで, ホワイトハウスで), not an
        actor (ロシアの高官が)."""
        j = k
        while j < n and chunks[j].kind == "noun" and chunks[j].particles == "の":
            j += 1
        return j < n and chunks[j].particles in ("で", "にて", "では") and bool(heads[j]) \
            and all(m["entity_type"] != "PERSON" for m in heads[j])     # モスクワで, ホワイトハウスで

    for k, ch in enumerate(chunks):
        if ch.in_quote or ch.kind != "noun" or (ch.is_pred and ch.particles not in ("", "の")):
            members, genitive, member_heads, listed = [], [], [], 0
            continue
        own = heads[k]
        if not own and genitive and _agent_head(text, ch, ms):
            own = genitive
        if ch.particles == "の" and k + 1 < n and chunks[k + 1].kind == "noun" and not ch.comma:
            genitive = heads[k] or genitive
            members.append(k)
            continue
        genitive = []
        coordinated = (ch.particles in c.coordinators or (ch.particles == "" and ch.comma)) and own \
            and k + 1 < n and bool(next_heads(k + 1) or ch.particles == "と" and (
                _subject_next(chunks, k + 1)
                or chunks[k + 1].particles == "の" and heads[k + 1] and not ch.comma))   # AとBの首脳会談
        if ch.particles == "と" and coordinated and {m["entity_type"] for m in own} & {"PERSON", "ORG"} \
                and next_is_place(k + 1):
            coordinated = False  # ウィトコフ特使とモスクワで会談: a partner, then a place, not the two of them
        if ch.particles == "" and ch.comma and coordinated:
            types = {m["entity_type"] for m in own}
            later = next_heads(k + 1)
            # 米、ウクライナに…: a name opening the sentence before a comma is its subject, unless the next
            # name is a subject too (A、Bが) or a plural closes the list (トランプ、プーチン両氏に)
            listable = k > 0 or _subject_next(chunks, k + 1)
            coordinated = any(m["entity_type"] in types for m in later) and (
                _bare_name(text, ch, ms, own) and listable
                or _plural_run(text, chunks, ms, k + 1, listed + 1)
                or _two_people(own, later) and _titled(text, chunks[k + 1], ms, later) and listable)
        members.append(k)
        listed = listed + 1 if coordinated else 0
        member_heads.extend(h for h in own if h not in member_heads)
        if coordinated:
            continue
        compound = text[ms[ch.first].start:ms[ch.head].end]
        anaphor = None
        if not member_heads:
            if any(compound.endswith(w) for w in c.both_parties):
                anaphor = "both"
            elif compound in c.both_countries:
                anaphor = "both:gpe"
            elif compound.startswith("同") and len(compound) > 1 and (compound[1:] in c.same_anaphors
                                                                      or _title_like(compound[1:])):
                anaphor = compound
            elif compound in entity_lexicon().titles and len(compound) > 1:
                anaphor = "title:" + compound   # 首相は: the person named with that title before
        agent = not member_heads and not anaphor and _agent_head(text, ch, ms)
        groups.append(Group(members, ch.particles, member_heads, anaphor, ch.comma, agent,
                            ms[chunks[members[0]].first].start))
        members, member_heads = [], []
    return groups
