"""Catalog names and aliases found in the text (Aho-Corasick over the whole
article), kept where they are whole words, longest first."""
from __future__ import annotations

import re

from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import KATAKANA, is_katakana, lexicon
from flows.extract.entities.view import Candidate, TextView


def _longer_name(text: str, start: int, end: int) -> bool:
    """An organisation's name that goes on into a longer name: a model number right after it
    (ボーイング707, エアバスA320), katakana right after a Latin name (NTTコミュニケーションズ), or a
    katakana name joined by ・ (エアバス・ヘリコプターズ)."""
    after = text[end:end + 2]
    if not after:
        return False
    if after[0].isdigit() or after[0].isascii() and after[0].isalpha() and not text[end - 1].isascii():
        return True
    if text[end - 1].isascii() and is_katakana(after[0]):
        return True
    return after[0] in "・･" and len(after) > 1 and is_katakana(after[1]) and is_katakana(text[end - 1])


_KATAKANA_BEFORE_DOT = re.compile(f"[{KATAKANA}]+・$")


def _after_place_dot(view: TextView, start: int) -> bool:
    """`ウクライナ・ドネツク州`, `ロシア・クルスク州`: the katakana before the ・ is a place the catalog
    knows, so the name after it is not the second half of a full name."""
    if start < 2 or view.text[start - 1] != "・":
        return False
    m = _KATAKANA_BEFORE_DOT.search(view.text, max(0, start - 24), start)
    if m is None:
        return False
    entity_id = catalog().entity_for(view.text[m.start():start - 1], folded=True)
    return entity_id is not None and catalog().entries[entity_id].entity_type in ("GPE", "LOC")


def _honorific_glued(view: TextView, start: int, end: int, i: int) -> bool:
    """習近|平氏, 金|与|正副|部長: MeCab glued the honorific or the title to the name's last kanji; the name
    and its honorific or title together are clean."""
    lex = lexicon()
    h = next((h for h in lex.personal_honorifics if view.text.startswith(h, end)), None)
    if h is not None and view.edges_clean(start, end + len(h), i):
        return True
    title = lex.title_after.match(view.text, end)
    return title is not None and view.edges_clean(start, title.end(), i)


def _person_follows(view: TextView, end: int) -> bool:
    """A title or honorific, or a given name, right after `end`: the word before is a surname."""
    if lexicon().title_after.match(view.text, end):
        return True
    i = view.sentence_of(end - 1, end)
    return i >= 0 and any(m.start == end and m.pos3 == "人名" for m in view.morphemes(i))


def catalog_candidates(view: TextView) -> list[Candidate]:
    """Unguarded names everywhere; guarded short forms (グラム, マスク) only before a title
    or honorific; contextual ones (X) only before their context characters."""
    cat, lex = catalog(), lexicon()
    text = view.text
    raw = []
    for end_incl, (length, entity_id, guarded) in cat.automaton.iter(text):
        end = end_incl + 1
        start = end - length
        raw.append((start, end, entity_id, guarded))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    out: list[Candidate] = []
    named = set()
    deferred = []
    for start, end, entity_id, guarded in raw:
        if view.in_not_name(start, end):
            continue
        surface = text[start:end]
        ctx = lex.contextual_aliases.get(surface)
        if ctx is not None and (end >= len(text) or text[end] not in ctx):
            continue
        i = view.sentence_of(start, end)
        if i < 0 or not (view.edges_clean(start, end, i) or _honorific_glued(view, start, end, i)
                         or _after_place_dot(view, start) and view.edges_clean(start, end, i, after_dot=True)):
            continue
        etype = cat.entries[entity_id].entity_type
        if etype in ("ORG", "PRODUCT") and _longer_name(text, start, end):
            continue  # ボーイング707, NTTコミュニケーションズ, エアバス・ヘリコプターズ: a name of its own
        if etype == "GPE" and entity_id not in cat.countries and _longer_name(text, start, end) \
                and text[end] in "・･":
            continue  # シカゴ・ブルズ, シドニー・ポワチエ: a city's name heads a team's or a person's name
        if etype in ("GPE", "LOC") and end < len(text) and text[end] in lex.not_after_place \
                and end + 1 in view.bounds(i)[1]:
            continue  # 日本語, ロシア製: a word of its own
        if guarded:
            deferred.append((start, end, entity_id))
            continue
        if not view.is_free(start, end):
            continue
        view.take(start, end)
        named.add(entity_id)
        out.append(Candidate(start, end, cat.entries[entity_id].entity_type, "catalog", entity_id))
    for start, end, entity_id in sorted(deferred):
        if not view.is_free(start, end):
            continue
        if entity_id not in named and (not lex.title_after.match(text, end)
                                       or cat.entries[entity_id].bare_surname(text[start:end])):
            continue                 # 加藤氏 is not 加藤勝信 unless the article names him
        if cat.entries[entity_id].entity_type in ("GPE", "LOC") and _person_follows(view, end):
            continue                 # 石川氏, 石川遼: the surname, not the prefecture the article names
        view.take(start, end)
        out.append(Candidate(start, end, cat.entries[entity_id].entity_type, "catalog", entity_id))
    out += _one_kanji_surnames(view, named)
    return out


def _one_kanji_surnames(view: TextView, named: set[str]) -> list[Candidate]:
    """習氏, 習主席 after 習近平: a one-kanji guarded alias (too short for the automaton) of a person the
    article has named, where a title or an honorific follows it and it is a word of its own."""
    cat, lex = catalog(), lexicon()
    text = view.text
    out: list[Candidate] = []
    for entity_id in sorted(named):
        entry = cat.entries[entity_id]
        for alias in (a for a in entry.guarded_aliases if len(a) == 1 and entry.entity_type == "PERSON"):
            pos = text.find(alias)
            while pos >= 0:
                end = pos + 1
                i = view.sentence_of(pos, end)
                title = (lex.title_after.match(text, end) or lex.leader_government_after.match(text, end)) \
                    if i >= 0 else None
                if title and view.is_free(pos, end) and (view.edges_clean(pos, end, i) or any(
                        m.start == pos and m.end == title.end() for m in view.morphemes(i))):   # 習氏: one word
                    view.take(pos, end)
                    out.append(Candidate(pos, end, "PERSON", "catalog", entity_id))
                pos = text.find(alias, end)
    return out
