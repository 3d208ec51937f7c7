"""Everyday uses of event words: constructions that make a speech-act word no act toward an actor.

The lexicon reads 同意, 賛成, 一蹴, 認める, 謝罪 and 訪れる as events; in conversation and
features they are often something else, and the construction tells:

- agreeing with, backing or brushing off a *view* (…という理論に同意, 推測し、これに同意)
  with no named target: the content is an opinion or a remark, not a proposal or a demand;
- a conversational reaction (激しく同意, 大賛成);
- a speech-act verb right after a quotation, past an adverb (「…」と素直に認める, 「…」と一蹴):
  a statement, which the quote extractor keeps;
- a casual apology quoted (「ゴメン、俺が悪かった」と謝罪): banter, not a concession;
- 認める with a person as its object (斎藤佑を認めない): rating someone, not accepting a demand.

`potential` marks 拒否できる / 拒否する権利: an ability or a right, not an act (hypothetical).
The word lists are in cues.yaml.
"""
from __future__ import annotations

import re

from flows.extract.events.chunks import Chunk, object_before_quote
from flows.extract.events.lexicon import cues
from flows.extract.events.predicates import Reading
from flows.text.morphemes import Morpheme

MODIFIERS = ("副詞", "形容詞", "形状詞", "助動詞", "補助記号")
_AFTER_QUOTE = re.compile(r"^[」』]?[とって][、，]?[^、，。「」『』]{0,5}$")


def everyday_use(text: str, reading: Reading, chunks: list[Chunk], ms: list[Morpheme], heads: list[list[dict]],
                 has_target: bool, quotes: list[tuple[int, int]]) -> bool:
    """Whether the trigger, read as `reading`, is an everyday use rather than an event."""
    c = cues()
    t = reading.trigger_chunk
    a = next((i for i, m in enumerate(ms) if m.start == reading.start), None)
    if a is None:
        return False
    quoted = _quote_before(text, quotes, reading.start)
    if reading.entry.not_after_quote and quoted is not None \
            and not (reading.event_type == "REJECT" and has_target and object_before_quote(ms, a)):
        return True  # 「…」と素直に認める, 「…」と一蹴: a statement (not 韓国の提案を「…」と一蹴: a refusal)
    if reading.entry.type == "CONCEDE" and quoted is not None and any(w in quoted for w in c.casual_apologies):
        return True  # 「ゴメン、俺が悪かった」と謝罪
    if reading.entry.lemmas & c.rating_verbs:
        obj = _argument(chunks, ms, t, ("を",))
        if obj is not None and any(m["entity_type"] == "PERSON" for m in heads[obj]):
            return True  # 斎藤佑を認めない: does not rate him
    if reading.entry.type not in c.view_types or has_target:
        return False
    if a > 0 and (ms[a - 1].lemma in c.conversational_intensifiers
                  or ms[a - 1].pos1 == "接頭辞" and ms[a - 1].surface in c.conversational_prefixes):
        return True  # 激しく同意, 大賛成
    k = _argument(chunks, ms, t, tuple(c.view_particles))
    if k is None or heads[k]:
        return False
    head = _head_word(chunks[k], ms)
    if head in c.demonstratives:
        return _previous_clause_is_view(chunks, ms, k)  # 伊集院が推測し、これに柴田も同意
    # …という理論に関しても同意; a one-character word only alone (話に応じ, not 対話に応じ)
    return any(head == w if len(w) == 1 else head.endswith(w) for w in c.view_contents)


def potential(text: str, end: int) -> bool:
    """拒否できる(こと), 拒否することができる: what someone may do, not what was done."""
    rest = text[end:end + 16]
    if rest.startswith(("する", "し")):
        rest = rest[2:] if rest.startswith("する") else rest[1:]
    return rest.startswith(tuple(cues().potential_tails))


def _quote_before(text: str, quotes: list[tuple[int, int]], start: int) -> str | None:
    """The quotation that the trigger follows as its quotative (「…」と, 「…」と素直に), if any."""
    for q_start, q_end in reversed(quotes):
        if q_end <= start:
            return text[q_start:q_end] if _AFTER_QUOTE.match(text[q_end - 1:start]) else None
    return None


def _argument(chunks: list[Chunk], ms: list[Morpheme], t: int, particles: tuple[str, ...]) -> int | None:
    """The noun chunk before the trigger that is its argument with one of `particles`, past
    adverbs and other arguments (理論に関しても激しく同意, これに柴田も同意)."""
    for k in range(t - 1, max(-1, t - 4), -1):
        ch = chunks[k]
        if ch.in_quote or ch.comma:
            return None
        if ch.kind == "noun" and ch.particles in particles:
            return k
        if ch.is_pred and not all(ms[j].pos1 in MODIFIERS for j in range(ch.first, ch.last + 1)):
            return None  # another predicate: its arguments are its own
    return None


def _previous_clause_is_view(chunks: list[Chunk], ms: list[Morpheme], k: int) -> bool:
    """これに同意: これ is the clause before; a guess or a remark (…と推測し、) is a view."""
    c = cues()
    for ch in reversed(chunks[:k]):
        if ch.is_pred:
            return any(ms[j].lemma in c.view_verbs or ms[j].surface in c.view_contents
                       for j in range(ch.first, ch.head + 1))
    return False


def warned_content(reading: Reading, chunks: list[Chunk], heads: list[list[dict]],
                   ms: list[Morpheme]) -> tuple[bool, int | None]:
    """For a threat or an accusation closed by its content (…と警告した, …と非難した): (whether a threat's
    content is a state of things with a subject naming nobody, a warning and no threat: 飢饉が起きていると
    警告; the chunk naming whom it is aimed at: the named が subject of the content, ロシアが…長引かせている
    と批判, or of a condition in it, 日本が…増やさなければ…課すと警告, else the に argument of what is
    threatened, ロシアに制裁を科すと警告)."""
    t = reading.trigger_chunk
    if reading.event_type not in ("THREATEN", "ACCUSE") or t == 0 or chunks[t - 1].link != "quote" \
            or chunks[t - 1].in_quote:
        return False, None
    lo = max((k + 1 for k in range(t - 1) if chunks[k].particles == "は" and not chunks[k].in_quote), default=0)
    condition = max((k for k in range(lo, t - 1) if chunks[k].is_pred and chunks[k].link == "subord"), default=None)
    main_from = lo if condition is None else condition + 1
    modal = cues().adnominal_head_modality
    subjects = [k for k in range(main_from, t - 1) if chunks[k].particles == "が" and not chunks[k].in_quote
                and not (_head_word(chunks[k], ms) in modal and k > 0 and chunks[k - 1].is_pred)]
    # (…停止する可能性があると警告: 可能性 is a mood of the act before it, no subject)
    if reading.event_type == "ACCUSE":
        return False, next((k for k in subjects if heads[k]), None)
    if any(not heads[k] for k in subjects):
        return True, None  # (米国が制裁を科すと警告: an actor's act, still a threat)
    if condition is not None:
        subject = next((k for k in range(lo, condition) if chunks[k].particles == "が" and not chunks[k].in_quote), None)
        if subject is not None:
            return False, subject
    return False, next((k for k in range(main_from, t - 1) if chunks[k].particles in ("に", "に対して", "に対し", "にも")
                        and chunks[k].kind == "noun" and not chunks[k].in_quote), None)


def _head_word(ch: Chunk, ms: list[Morpheme]) -> str:
    """The chunk's noun up to its head, as written (可能|性 → 可能性)."""
    return "".join(m.surface for m in ms[ch.first:ch.head + 1])
