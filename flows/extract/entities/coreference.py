"""Short forms of names found earlier in the article: `ベルジナ` after
`クリスティン・ベルジナ氏`, `CSIS` after `戦略国際問題研究所(CSIS)`, and a bare
`ケリー` after `ケリー報道官`. Only names the article itself introduced by
evidence (inferred entities); catalog entities have their aliases already."""
from __future__ import annotations

import re

from flows.extract.entities.lexicon import is_kanji, lexicon
from flows.extract.entities.view import Candidate, TextView


def _short_forms(c: Candidate, text: str) -> list[str]:
    surface = text[c.start:c.end]
    forms = [surface]
    if c.entity_type == "PERSON":
        parts = [p for p in re.split("[・=＝]", surface) if p]
        if len(parts) > 1 and len(parts[-1]) >= 2:
            forms.append(parts[-1])  # the surname (ベルジナ)
        if len(parts) > 1 and len(parts[0]) >= 3:
            forms.append(parts[0])  # the given name, as entertainment news writes it (ホアキン)
    return forms


def kanji_surname(c: Candidate, view: TextView) -> str | None:
    """内海 of 内海哲也, 劉 of 劉勁松: the surname UniDic tags (姓) opening a kanji full name (a one-kanji
    surname such as 林 or 森 is too often a word of its own: it is taken only before a title, 劉氏)."""
    surface = view.text[c.start:c.end]
    if c.entity_type != "PERSON" or not 3 <= len(surface) <= 6 or not all(is_kanji(ch) for ch in surface):
        return None
    i = view.sentence_of(c.start, c.end)
    ms = [m for m in view.morphemes(i) if c.start <= m.start and m.end <= c.end] if i >= 0 else []
    if len(ms) >= 2 and ms[0].start == c.start and ms[-1].end == c.end and ms[0].pos4 == "姓" \
            and all(m.pos4 == "名" or len(m.surface) == 1 and is_kanji(m.surface) for m in ms[1:]):   # 劉|勁|松
        return ms[0].surface
    if c.entity_id is not None and len(ms) >= 2 and ms[0].start == c.start and ms[-1].end == c.end \
            and ms[0].pos4 == "姓":
        return ms[0].surface   # 李|在明: the catalog knows it is a person's name, UniDic where the surname ends
    return None


def _surname_alone(view: TextView, start: int, end: int) -> bool:
    """A surname stands as a name of its own: not the end of a longer kanji word (瀬戸|内海) nor
    the start of a place (長野|県)."""
    text = view.text
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and is_kanji(before) or after in lexicon().place_suffixes:
        return False
    return end - start > 1 or bool(lexicon().title_after.match(text, end))   # 劉氏, 劉局長


def _surnames(view: TextView, full_names: list[Candidate]) -> dict[str, set[str]]:
    """Each kanji surname (内海) → the full names (内海哲也) in the article that open with it."""
    out: dict[str, set[str]] = {}
    for c in full_names:
        if form := kanji_surname(c, view):
            out.setdefault(form, set()).add(c.name)
    return out


_PLACE_AFTER = ("で", "出身", "駅", "港", "空港", "入り")   # 長野で試合: still the place


def unify_short_names(view: TextView, found: list[Candidate]) -> None:
    """`フォーゲル氏` after `マーク・フォーゲル氏`: the short inferred name takes the full one."""
    text = view.text
    full_by_short: dict[str, Candidate] = {}
    for c in found:
        if c.entity_id is None and c.name and c.entity_type == "PERSON":
            for form in _short_forms(c, text)[1:]:
                full_by_short.setdefault(form, c)
    kanji_full = [c for c in found if c.entity_id is None and c.name and c.entity_type == "PERSON"
                  and 3 <= len(c.name) <= 5 and all(is_kanji(ch) for ch in c.name)]
    surnames = {form: names for form, names in _surnames(view, kanji_full).items() if len(form) > 1}
    for c in found:
        if c.entity_id is None and c.method == "dictionary" and c.entity_type in ("GPE", "LOC") \
                and len(surnames.get(view.text[c.start:c.end], ())) == 1 and _surname_alone(view, c.start, c.end) \
                and not view.text.startswith(_PLACE_AFTER, c.end):
            # 大津 after 大津祐樹, 香川 after 香川真司: UniDic's place reading of a surname the article has
            # already given a person, with nothing marking a place (no 市, 県, no name of a country)
            c.entity_type, c.name, c.name_en = "PERSON", next(iter(surnames[view.text[c.start:c.end]])), None
            continue
        if c.entity_id is not None or c.entity_type != "PERSON" or not c.name:
            continue
        if c.name in full_by_short:
            full = full_by_short[c.name]
            c.name, c.name_en = full.name, full.name_en
        elif 2 <= len(c.name) <= 3 and all(is_kanji(ch) for ch in c.name):
            # a surname after the full name (天野 after 天野篤): one person if only one full name fits
            fits = {f.name for f in kanji_full if f.name != c.name and f.name.startswith(c.name)}
            if len(fits) == 1:
                c.name, c.name_en = fits.pop(), None


def coreference_candidates(view: TextView, found: list[Candidate]) -> list[Candidate]:
    text = view.text
    forms: dict[str, Candidate] = {}
    for c in sorted(found, key=lambda c: c.start):
        if c.entity_id is not None or c.name is None or c.method == "model":
            continue  # the model's names are not spread: it judges each occurrence itself
        for form in _short_forms(c, text):
            if len(form) >= 2:
                forms.setdefault(form, c)
    surnames = _surnames(view, [c for c in found if c.entity_id is None and c.name is not None and c.method != "model"])
    for form, names in surnames.items():
        if len(names) == 1 and form not in forms:   # 宮里藍 and 宮里優作: a shared surname names neither
            forms[form] = next(c for c in found if c.name in names and c.entity_id is None)
    known: dict[str, set[str]] = {}                 # 頼 of 頼清徳, 李 of 李在明: catalog people's surnames
    for c in found:
        if c.entity_id is not None and (form := kanji_surname(c, view)):
            known.setdefault(form, set()).add(c.entity_id)
    for form, ids in known.items():
        if len(ids) == 1 and form not in forms and form not in surnames:
            forms[form] = next(c for c in found if c.entity_id in ids)
            surnames[form] = {forms[form].entity_id}
    out = []
    for form, c in forms.items():
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if view.is_free(pos, end) and (form not in surnames or _surname_alone(view, pos, end)):
                i = view.sentence_of(pos, end)
                if i >= 0 and view.edges_clean(pos, end, i):
                    view.take(pos, end)
                    out.append(Candidate(pos, end, c.entity_type, "coreference", c.entity_id, c.name, c.name_en))
            pos = text.find(form, end)
    return out


def unify_acronyms(view: TextView, found: list[Candidate]) -> None:
    """USWはこれまで… after 全米鉄鋼労働組合（USW）: an acronym the article introduced in parentheses is
    the organisation it stood for wherever else it appears, whichever rule found it there."""
    text = view.text
    long_forms: dict[str, Candidate] = {}
    for c in found:
        surface = text[c.start:c.end]
        if c.method == "acronym" and c.entity_id is None and c.name and c.name != surface:
            long_forms.setdefault(surface, c)
    if not long_forms:
        return
    for c in found:
        full = long_forms.get(text[c.start:c.end])
        if full is not None and c is not full and c.entity_id is None and c.name == text[c.start:c.end]:
            c.entity_type, c.name, c.name_en = full.entity_type, full.name, full.name_en


def unify_readings(view: TextView, found: list[Candidate]) -> None:
    """習近平（シー・ジンピン）: a name in parentheses right after a person's name is its reading, the same
    person (as an acronym in parentheses is the same organisation)."""
    text = view.text
    by_start = {c.start: c for c in found}
    for c in found:
        if c.entity_type != "PERSON" or text[c.end:c.end + 1] not in ("（", "("):
            continue
        inner = by_start.get(c.end + 1)
        if inner is None or inner.entity_type != "PERSON" or text[inner.end:inner.end + 1] not in ("）", ")") \
                or inner.entity_id is not None:
            continue
        inner.entity_id, inner.name, inner.name_en = c.entity_id, c.name, c.name_en
        if c.entity_id is not None:
            inner.method = "catalog"


def person_written_with(mentions: list[dict], text: str, offset: int, title: str) -> dict | None:
    """The last PERSON mention ending before `offset` that the text writes with `title` right after it,
    at most one character between (石破茂首相, トランプ米大統領): whom a bare title (首相は) names.
    `mentions` in text order, as the extractors' other readers take them."""
    for m in reversed(mentions):
        if m["entity_type"] == "PERSON" and m["end"] <= offset:
            after = text[m["end"]:m["end"] + len(title) + 1]
            if after.startswith(title) or after[1:] == title and not after[0].isspace():
                return m
    return None

