"""People's names the other rules cut, miss or mistake.

- Names that mix scripts: a kanji surname and a katakana given name (玉城デニー, 城島ジョージ) or the
  reverse (ラモス瑠偉). The rules and the model find the two halves as two people, each with its own
  evidence (a 姓 tag, a katakana run before a title); written together they are one.
- Korean and Chinese names: before their reading in parentheses (金与正（キム・ヨジョン）), and before a
  title when UniDic reads their kanji as common nouns (林剣副報道局長).
- What the rules took for a person but is a ship or an organisation (原子力空母ジョージ・ワシントン,
  レバダ・センター).
"""
from __future__ import annotations

from functools import cache
from itertools import pairwise

from flows.extract.entities.lexicon import is_kanji, is_katakana, lexicon
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


def surname_before_reading(view: TextView, found: list[Candidate]) -> None:
    """金与正（キム・ヨジョン）, 王滬寧（ワン・フーニン）: two or three kanji right after a particle, a symbol or
    the sentence start, before a person's reading of two parts in parentheses (a family part of three
    kana at most, as Korean and Chinese surnames read), are that person's name, whatever MeCab cut off
    (金|与正) or did not tag (王滬寧)."""
    text = view.text
    for r in [c for c in found if c.entity_type == "PERSON"]:
        open_at = r.start - 1
        if open_at < 2 or text[open_at] not in ("（", "(") or text[r.end:r.end + 1] not in ("）", ")"):
            continue
        parts = text[r.start:r.end].split("・")
        if len(parts) != 2 or not all(_script(p) == "katakana" for p in parts) or len(parts[0]) > 3 \
                or len(parts[1]) > 6:
            continue
        start = open_at
        while start > 0 and is_kanji(text[start - 1]):
            start -= 1
        i = view.sentence_of(start, open_at)
        if not 2 <= open_at - start <= 3 or i < 0:
            continue
        inner = [c for c in found if start <= c.start and c.end <= open_at]
        people = [c for c in inner if c.entity_type == "PERSON"]
        if any(c.entity_type != "PERSON" and c.method != "model" for c in inner) \
                or any(c.start == start and c.end == open_at for c in people):
            continue                                  # (the model's guess of another type gives way)
        if not people and not any(m.pos3 == "人名" and start <= m.start < open_at for m in view.morphemes(i)):
            continue                                  # ワン隊長（コリン・サーモン）: a role, and the actor playing it
        if view.absorb(found, start, open_at) is None:
            continue
        method = people[0].method if people else r.method
        view.take(start, open_at)
        found.append(entity_candidate(view, start, open_at, "PERSON", method, fixed=True))


def kanji_names_before_titles(view: TextView) -> list[Candidate]:
    """中国外務省の林剣副報道局長: two or three one-kanji nouns after の (or a sentence's start or a comma)
    and right before a title are a name UniDic did not know (林 and 剣 read as forest and sword), as
    Chinese and Korean names are written. Not a word MeCab knows (外交|部), nor a group suffix (部, 局)."""
    lex = lexicon()
    text = view.text
    out = []
    for i in range(len(view.doc.sentences)):
        ms = view.morphemes(i)
        for k in range(len(ms)):
            if k > 0 and not (ms[k - 1].surface in ("の", "、") and ms[k - 1].pos1 in ("助詞", "補助記号")):
                continue
            j = k
            while j < len(ms) and j - k < 3 and len(ms[j].surface) == 1 and is_kanji(ms[j].surface) \
                    and ms[j].pos1 == "名詞" and (j == k or ms[j].start == ms[j - 1].end) \
                    and ms[j].surface not in lex.honorifics and ms[j].surface not in lex.not_given_name_tails:
                j += 1
            if j - k < 2 or j >= len(ms) or ms[j].start != ms[j - 1].end:
                continue
            start, end = ms[k].start, ms[j - 1].end
            title = lex.title_after.match(text, end)
            if title is None or title.end() - end < 2 or text[end:title.end()] in lex.honorifics \
                    or not view.is_free(start, end) or view.sentence_of(start, end) != i:
                continue
            view.take(start, end)
            out.append(entity_candidate(view, start, end, "PERSON", "title", fixed=True))
    return out


def things_not_people(found: list[Candidate], text: str) -> None:
    """原子力空母ジョージ・ワシントン: a name the rules took for a person's, right after a kind of ship, is
    the ship's (a PRODUCT, as vehicles are); レバダ・センター, a name whose last part after ・ is the head of an
    organisation's name, is an organisation."""
    lex = lexicon()
    heads = _org_heads()
    for c in found:
        if c.entity_type != "PERSON" or c.entity_id is not None:
            continue
        if text[max(0, c.start - 6):c.start].endswith(lex.vessel_classes):
            c.entity_type = "PRODUCT"
        elif "・" in text[c.start:c.end] and text[c.start:c.end].rsplit("・", 1)[1] in heads:
            c.entity_type = "ORG"


@cache
def _org_heads() -> frozenset[str]:
    """Words that head an organisation's name after ・ (センター, グループ, コーポレーション …)."""
    lex = lexicon()
    return frozenset(lex.acronym_org_heads) | {s for s, t in lex.name_suffixes.items() if t == "ORG" and is_katakana(s[0])}
