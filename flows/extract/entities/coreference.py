"""Short forms of names found earlier in the article: `ベルジナ` after
`クリスティン・ベルジナ氏`, `CSIS` after `戦略国際問題研究所(CSIS)`, and a bare
`ケリー` after `ケリー報道官`. Only names the article itself introduced by
evidence (inferred entities); catalog entities have their aliases already."""
from __future__ import annotations

import re

from flows.extract.entities.lexicon import is_kanji
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
    for c in found:
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
    if all(c.entity_id is not None or c.name is None or c.method == "model" for c in found):
        return []
    for c in sorted(found, key=lambda c: c.start):
        if c.entity_id is not None or c.name is None or c.method == "model":
            continue  # the model's names are not spread: it judges each occurrence itself
        for form in _short_forms(c, text):
            if len(form) >= 2:
                forms.setdefault(form, c)
    out = []
    for form, c in forms.items():
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if view.is_free(pos, end):
                i = view.sentence_of(pos, end)
                if i >= 0 and view.edges_clean(pos, end, i):
                    view.take(pos, end)
                    out.append(Candidate(pos, end, c.entity_type, "coreference", None, c.name, c.name_en))
            pos = text.find(form, end)
    return out
