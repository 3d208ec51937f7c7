"""One-kanji country abbreviations as GPE mentions of their own.

`トランプ米大統領` → 米; `米ロ` → 米 + ロ; `対ロ`, `訪ロ` → ロ; `米軍`, `英紙` → 米, 英.
Whether a character is an abbreviation is decided on the morpheme that holds
it: the morpheme must be made of abbreviations only, optionally with a
prefix (対, 訪 …) or suffix (軍, 紙 …) from the lexicon, so 中 in 中東, 日 in
日程 or 英 in 英語 (one morpheme each) never qualify. Characters that are also
frequent words on their own (日, 中 …) need a compound, a prefix or a suffix.
"""
from __future__ import annotations

import re
from functools import cache

from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import is_kanji, is_katakana, lexicon
from flows.extract.entities.view import Candidate, TextView
from flows.text.morphemes import Morpheme

_NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十百千数"
_NOUNISH = ("名詞", "接尾辞", "接頭辞", "形状詞")  # 米政府, 米有力シンクタンク


@cache
def _abbr_char_re() -> re.Pattern:
    return re.compile(f"[{''.join(lexicon().abbreviations)}]")


def _followed_by_noun(ms: list[Morpheme], k: int) -> bool:
    return k + 1 < len(ms) and ms[k + 1].pos1 in _NOUNISH and ms[k + 1].start == ms[k].end


def _inside_kanji_name(ms: list[Morpheme], k: int, prev: Morpheme | None) -> bool:
    """英 in 清武英利: right after a kanji name or place (not a country) and before a lone kanji, the
    character is part of a name MeCab split, not a modifier (トランプ米大統領, 北京米大使館 keep theirs)."""
    if prev is None or prev.pos2 != "固有名詞" or prev.pos3 not in ("人名", "地名") or prev.pos4 == "国" \
            or not is_kanji(prev.surface[-1]):
        return False
    nxt = ms[k + 1] if k + 1 < len(ms) and ms[k + 1].start == ms[k].end else None
    return nxt is not None and len(nxt.surface) == 1 and is_kanji(nxt.surface) \
        and nxt.surface not in lexicon().abbreviations and nxt.surface not in lexicon().abbreviation_suffixes


def _standalone_ok(view: TextView, ms: list[Morpheme], k: int, headline: bool) -> bool:
    """A lone abbreviation morpheme (米, ロ) is a modifier when a noun follows it directly
    (米大統領, 米政府, 対ロ融和) or a prefix precedes it (対 ロ), and a subject when it opens a
    sentence before a comma (米、…)."""
    lex = lexicon()
    m = ms[k]
    ch = m.surface
    text = view.text
    if is_katakana(ch):  # ロ: not a fragment of a katakana word MeCab split
        if (m.start > 0 and is_katakana(text[m.start - 1])) or (m.end < len(text) and is_katakana(text[m.end])):
            return False
    prev = ms[k - 1] if k > 0 and ms[k - 1].end == m.start else None
    if _inside_kanji_name(ms, k, prev):
        return False
    if prev is not None and prev.surface in lex.abbreviation_prefixes:
        return True
    if prev is not None and len(prev.surface) <= 3 and all(c in lex.abbreviations for c in prev.surface) \
            and prev.surface not in lex.not_names and view.mention_ending_at(prev.end) is not None:
        return True  # the last of a split compound (日 米, 日米 韓) whose first part was found
    if k == 0 and text[m.end:m.end + 1] in ("、", "，", ",") and (headline or ch not in lex.restricted_abbreviations):
        return True  # 米、対中関税を引き上げ: a headline's subject, the country before a comma (日, 中 only there)
    if ch in lex.restricted_abbreviations:
        nxt = ms[k + 1] if k + 1 < len(ms) and ms[k + 1].start == m.end else None
        if ch in lex.confirmed_abbreviations and _named_in_full(view, ch) and (prev is None or prev.pos1 in (
                "助詞", "補助記号")) and nxt is not None and (nxt.pos1 == "名詞" and nxt.pos2 != "数詞"
                                                        or nxt.surface in _CASE_PARTICLES):
            return True  # 比の巡視船, 比外務省 in an article about the Philippines
        return nxt is not None and nxt.surface in lex.abbreviations and len(nxt.surface) == 1
    return _followed_by_noun(ms, k) or (m.pos2 == "固有名詞" and m.pos3 == "地名") or _heads_dot_name(text, m)


_CASE_PARTICLES = ("の", "と", "へ", "は", "が", "に", "を", "も")


def _named_in_full(view: TextView, ch: str) -> bool:
    """Does the article name the country the abbreviation `ch` stands for by its full name?"""
    entry = catalog().entries.get(lexicon().abbreviations[ch])
    return entry is not None and entry.name in view.text


def _heads_dot_name(text: str, m: Morpheme) -> bool:
    """英・女性冒険家, 米・ニューヨーク: a headline's country before ・ and a name or a noun of two
    characters or more (英・数・国, a list of school subjects, is not)."""
    if text[m.end:m.end + 1] not in ("・", "･") or m.start > 0 and is_kanji(text[m.start - 1]):
        return False
    after = text[m.end + 1:m.end + 3]
    return len(after) == 2 and (is_katakana(after[0]) or after[0].isascii() and after[0].isalpha()
                                or is_kanji(after[0]) and is_kanji(after[1]))


def abbreviation_candidates(view: TextView) -> list[Candidate]:
    lex = lexicon()
    chars = frozenset(lex.abbreviations)
    text = view.text
    sentences = sorted({view.sentence_of(m.start(), m.end()) for m in _abbr_char_re().finditer(text)} - {-1})
    out: list[Candidate] = []
    for i in sentences:
        ms = view.morphemes(i)
        for k, m in enumerate(ms):
            if chars.isdisjoint(m.surface) or len(m.surface) > 4:
                continue
            hit = lex.abbreviation_morpheme.match(m.surface)
            if hit is None or m.surface in lex.not_names or lex.not_names_re.match(text, m.start):
                continue  # 朝日 is a name (Asahi), not North Korea + Japan; 豪ドル a currency
            if k > 0 and ms[k - 1].end == m.start and ms[k - 1].surface[-1] in _NUMERALS:
                continue  # 一日中, 3日: a count of days, not Japan
            prefix, core, suffix = hit.group(1), hit.group(2), hit.group(3)
            if not prefix and not suffix and len(core) == 1:
                if not _standalone_ok(view, ms, k, view.doc.sentences[i].block_kind in ("title", "heading")):
                    continue
            elif core in lex.ambiguous_compounds and not _followed_by_noun(ms, k):
                continue
            elif not prefix and not suffix and m.pos2 == "固有名詞" and len(core) > 1:
                continue  # a proper noun spelt with these characters (e.g. a place name)
            if len(core) == 1 and not prefix and suffix and core in lex.restricted_abbreviations \
                    and suffix not in ("系", "軍", "側", "紙", "政府", "企業"):
                continue
            start = m.start + (len(prefix) if prefix else 0)
            for j, ch in enumerate(core):
                s = start + j
                if not view.is_free(s, s + 1):
                    continue
                view.take(s, s + 1)
                entity_id = lex.abbreviations[ch]
                out.append(Candidate(s, s + 1, entity_id.split(":")[0].upper(), "abbreviation", entity_id))
    return out
