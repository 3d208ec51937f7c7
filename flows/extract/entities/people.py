"""People whose name mixes scripts: a kanji surname and a katakana given name (玉城デニー, 城島ジョージ)
or the reverse (ラモス瑠偉). The rules and the model find the two halves as two people, each with
its own evidence (a 姓 tag, a katakana run before a title); written together they are one."""
from __future__ import annotations

from itertools import pairwise

from flows.extract.entities.lexicon import is_kanji, is_katakana
from flows.extract.entities.names import entity_candidate
from flows.extract.entities.view import Candidate, TextView


def _script(surface: str) -> str | None:
    if all(is_kanji(ch) for ch in surface):
        return "kanji"
    if all(is_katakana(ch) for ch in surface):
        return "katakana"
    return None


def merge_mixed_script_names(view: TextView, found: list[Candidate]) -> None:
    """Two PERSON mentions side by side, one kanji (three characters at most) and one katakana (two or
    more), neither a catalog name: one person's name."""
    text = view.text
    people = sorted((c for c in found if c.entity_type == "PERSON" and c.method != "catalog"), key=lambda c: c.start)
    for a, b in pairwise(people):
        if a.end != b.start or a not in found or b not in found or view.sentence_of(a.start, b.end) < 0:
            continue
        scripts = (_script(text[a.start:a.end]), _script(text[b.start:b.end]))
        if sorted(s or "" for s in scripts) != ["kanji", "katakana"]:
            continue
        kanji, kana = (a, b) if scripts[0] == "kanji" else (b, a)
        if kanji.end - kanji.start > 3 or kana.end - kana.start < 2:
            continue
        if view.absorb(found, a.start, b.end) is None:
            continue
        view.take(a.start, b.end)
        method = "title" if "title" in (a.method, b.method) else a.method
        found.append(entity_candidate(view, a.start, b.end, "PERSON", method, fixed=True))
