"""Organisation names nobody listed, and government bodies named by their country.

- a name ending in an organisation suffix (`ジャーマン・マーシャル財団`, `米戦争研究所`
  → 戦争研究所): the name part is the katakana/Latin run or the noun compound
  before the suffix, never a generic head (同社, 各省, 中央銀行);
- an acronym in parentheses after a name (`戦略国際問題研究所(CSIS)`) is a mention
  of the same entity; after an unknown noun compound it makes both an ORG;
- (government bodies resolved by their country are in `bodies.py`).
"""
from __future__ import annotations

import re

from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import KATAKANA, is_katakana, is_latin_or_digit, lexicon
from flows.extract.entities.names import entity_candidate
from flows.extract.entities.view import Candidate, TextView
from flows.text.morphemes import Morpheme

_NOUN_POS1 = ("名詞", "接頭辞", "接尾辞")
# Suffixes strong enough to make a compound of common nouns a name (国家安全保障局 is, 軍事同盟 is not).
_STRONG_SUFFIXES = ("省", "庁", "局", "党", "財団", "研究所", "評議会", "銀行", "大学", "新聞", "通信", "機構")
# Suffixes that name their one-word head on their own (総務省, 金融庁, 緑の党, 法政大学, 図書印刷株式会社).
_NAMING_SUFFIXES = ("省", "庁", "党", "大学", "株式会社", "有限会社", "合同会社")
_MAX_NOUNS = 6
_EVENT_PREFIX = re.compile(r"(?:第[0-9０-９一二三四五六七八九十]+(?:回|次)|[0-9０-９]{4}年)$")


def _noun_start(view: TextView, i: int, pos: int, found: list[Candidate] | None = None) -> tuple[int, int, bool]:
    """Start of the noun compound ending at `pos` within sentence i, its morpheme count, and whether
    it holds a proper noun. Stops at particles, symbols, numbers and mentions already taken, except
    that a place named in full at its head is absorbed (日本航空, 東京大学医科学研究所)."""
    ms: list[Morpheme] = view.morphemes(i)
    k = next((k for k in range(len(ms) - 1, -1, -1) if ms[k].end <= pos), -1)
    if k < 0 or ms[k].end != pos:
        return pos, 0, False
    start, count, proper = pos, 0, False
    while k >= 0 and count < _MAX_NOUNS:
        m = ms[k]
        if m.pos1 not in _NOUN_POS1 or m.pos2 == "数詞" or m.pos3.startswith("助数詞") or m.end != start \
                or m.pos3 == "副詞可能" or not m.surface[0].isalpha():
            break  # particles, numbers, counters, adverbial nouns (近く, 今年)
        if not view.is_free(m.start, m.end):
            place = _place_ending_at(found, m.end) if found is not None else None
            if place is None:
                break
            start, count, proper = place.start, count + 1, True
            while k >= 0 and ms[k].start > place.start:
                k -= 1
            k -= 1
            continue  # a place inside the name (東日本大震災, 全日本選手権)
        start, count = m.start, count + 1
        proper = proper or m.pos2 == "固有名詞"
        k -= 1
    return start, count, proper


def _place_ending_at(found: list[Candidate], end: int) -> Candidate | None:
    for c in found:
        if c.end == end and c.method == "catalog" and c.entity_type in ("GPE", "LOC") and c.end - c.start > 1:
            return c
    return None


def _name_start(view: TextView, i: int, pos: int, found: list[Candidate] | None = None) -> tuple[int, int, bool]:
    """Start of the name before a suffix: (start, morphemes, looks proper: katakana, Latin, a proper noun)."""
    text = view.text
    if pos > 1 and text[pos - 1] in "・=＝" and is_katakana(text[pos - 2]):
        pos -= 1  # ギブソン・ギター・|コーポレーション
    if pos > 0 and (is_katakana(text[pos - 1]) or is_latin_or_digit(text[pos - 1])):
        s = pos
        while s > 0 and (is_katakana(text[s - 1]) or is_latin_or_digit(text[s - 1]) or
                         (text[s - 1] in "・=＝&" and s > 1 and (is_katakana(text[s - 2]) or text[s - 2].isascii()))):
            s -= 1
        if not any(ch.isalpha() for ch in text[s:pos]):
            return pos, 0, True  # digits only (3社)
        if not view.is_free(s, pos):
            place = _place_ending_at(found, pos) if found is not None else None
            if place is None or place.start != s:
                return pos, 0, True
            s2, count, _ = _noun_start(view, i, s, found)  # a place named in katakana (アジア映画祭)
            return s2, 1 + count, True
        # a kanji compound glued before the katakana part stays in the name (欧州ビジネス評議会)
        s2, count, _ = _noun_start(view, i, s, found)
        return s2, 1 + count, True
    return _noun_start(view, i, pos, found)


_NOT_NAME_PREFIXES = "現旧元前同各両"
# Suffixes that are also industry words: a name ends with them (日本航空), a description goes on (ロシア石油大手).
_INDUSTRY_WORDS = frozenset((
    "石油", "ガス", "水産", "観光", "映画", "自動車", "航空", "鉄道", "電力", "電気", "電機", "証券", "保険", "銀行",
    "建設", "運輸", "交通", "不動産", "食品", "化学", "産業", "通信", "放送", "新聞", "テレビ", "製薬", "バス"))


def _common_noun_follows(view: TextView, i: int, end: int) -> bool:
    lex = lexicon()
    for m in view.morphemes(i):
        if m.start == end:   # 水産物, 航空機: a noun or a noun suffix goes on
            return (m.pos2 == "普通名詞" or m.pos1 == "接尾辞" and m.pos2 == "名詞的") \
                and m.surface not in lex.titles and m.surface not in lex.honorifics
    return False


def _origin_after(view: TextView, i: int, end: int) -> bool:
    """A suffix of origin right after a place (ロシア|産, 米国|製, 中国|系; not 日本|製鉄): what follows is
    described by where it comes from, not named after it."""
    return any(m.start == end and m.pos1 == "接尾辞" and m.surface in lexicon().origin_suffixes
               for m in view.morphemes(i))


def _place_like(view: TextView, i: int, start: int, end: int) -> bool:
    ms = [m for m in view.morphemes(i) if start <= m.start and m.end <= end]
    return bool(ms) and all(m.pos3 != "人名" for m in ms) and any(
        m.pos3 == "地名" or is_katakana(m.surface[0]) for m in ms)


def _generic(name: str, starts: set[int] | None = None, start: int = 0) -> bool:
    """同社, 各省, 大手銀行, 中央銀行: a generic word, or a one-character determiner plus a word. With the
    morpheme starts, the determiner must be a morpheme of its own (自由党 is a name, 自 in 自由 no determiner)."""
    heads = lexicon().generic_name_heads
    if name in heads:
        return True
    return len(name) <= 3 and name[:1] in heads and name[1:] not in ("日本", "米国") \
        and (starts is None or start + 1 in starts)


def _plain_word(view: TextView, i: int, start: int, end: int) -> bool:
    """One dictionary word of two or more kanji that is no verbal noun: a publisher's or company's name
    before 社 (講談社, 集英社), not an activity (報道各社, 旅行社)."""
    return end - start >= 2 and any(m.start == start and m.end == end and m.pos3 == "一般" and m.pos2 == "普通名詞"
                                    for m in view.morphemes(i))


def suffix_candidates(view: TextView, found: list[Candidate]) -> list[Candidate]:
    """Names by their suffix, the rightmost suffix first so that the longest name is formed
    (東京大学医科学研究所, not 東京大学 + 医科学研究所)."""
    lex = lexicon()
    text = view.text
    out = []
    for m in reversed(list(lex.name_suffix_re.finditer(text))):
        sfx_start, end = m.span()
        i = view.sentence_of(sfx_start, end)
        if i < 0:
            continue
        starts, ends = view.bounds(i)
        if end not in ends or not view.is_free(sfx_start, end):
            continue
        if sfx_start not in starts and not is_katakana(text[sfx_start - 1]):
            continue  # the suffix is the tail of a longer word (会社, 社会)
        if text.startswith(("長", "次長"), end):
            continue  # 報道局長, アジア大洋州局長: a title, not a bureau's name
        start, count, proper = _name_start(view, i, sfx_start, found)
        if start < sfx_start - 1 and text[start] in _NOT_NAME_PREFIXES and start + 1 in starts:
            start += 1  # 現NTT東日本関東病院: "current" is not part of the name
        name = text[start:sfx_start]
        suffix = m.group()
        if suffix.startswith("の") and not _place_like(view, i, start, sfx_start):
            continue  # 関ヶ原の戦い is an event, 青木の戦い (two boxers) is not
        if suffix in _INDUSTRY_WORDS and _common_noun_follows(view, i, end):
            continue  # ロシア石油大手, 日本航空機: an industry word inside a description
        if not name or _generic(name, starts, start) or (len(name) < 2 and (not proper or len(suffix) < 2)):
            continue  # X線, 同社
        edition = _EVENT_PREFIX.search(text, max(0, start - 6), start) \
            if lex.name_suffixes[suffix] == "EVENT" and not proper else None
        if not proper and not (count >= 2 and suffix in _STRONG_SUFFIXES) \
                and not (suffix in _NAMING_SUFFIXES and len(name) >= 2) \
                and not (suffix == "社" and _plain_word(view, i, start, sfx_start)) \
                and not (edition is not None and edition.end() == start and len(name) >= 2):
            continue  # 軍事同盟, 行政執行機関: common-noun compounds are not names
        if not view.is_free(start, end):  # a place inside the name (日本航空, 東日本大震災) joins it
            inner = [c for c in found if start <= c.start and c.end <= sfx_start and c.method == "catalog"
                     and c.entity_type in ("GPE", "LOC")]
            if not inner or _generic(text[inner[-1].end:sfx_start]) or _origin_after(view, i, inner[-1].end):
                continue  # ロシア国営テレビ, ロシア産液化天然ガス are descriptions, not names
            for c in inner:
                found.remove(c)
                view.taken.remove((c.start, c.end))
            if not view.is_free(start, end):
                for c in inner:
                    found.append(c)
                    view.take(c.start, c.end)
                continue
        etype = lex.name_suffixes[suffix]
        if etype == "EVENT":  # the edition belongs to an event's name (第14回…演劇祭, 2008年北京オリンピック)
            ordinal = _EVENT_PREFIX.search(text, max(0, start - 6), start)
            if ordinal and view.is_free(ordinal.start(), start):
                start = ordinal.start()
        view.take(start, end)
        entity_id = catalog().entity_for(text[start:end], folded=True)
        if entity_id:
            out.append(Candidate(start, end, catalog().entries[entity_id].entity_type, "catalog", entity_id))
        else:
            out.append(Candidate(start, end, etype, "suffix", name=view.doc.text[start:end]))
    return out


def extend_catalog_orgs(view: TextView, found: list[Candidate]) -> None:
    """A catalog organisation followed by a suffix that forms another organisation (ソニー生命,
    日本電信電話公社): the suffix joins the name, which is the catalog's if it knows it. Not an industry
    word inside a description (トヨタ自動車販売 is left alone)."""
    lex = lexicon()
    text = view.text
    for c in [c for c in found if c.method == "catalog" and c.entity_type == "ORG"]:
        m = lex.name_suffix_re.match(text, c.end)
        if m is None or m.group() not in lex.org_extending_suffixes:
            continue
        end = m.end()
        if not view.grows_by(c, end) or m.group() in _INDUSTRY_WORDS \
                and _common_noun_follows(view, view.sentence_of(c.start, end), end):
            continue
        view.replace(found, c, entity_candidate(view, c.start, end, "ORG", "suffix", fixed=True))


def acronym_candidates(view: TextView, found: list[Candidate]) -> list[Candidate]:
    """`NAME(ACRONYM)`: the acronym is a mention of NAME's entity."""
    lex = lexicon()
    text = view.text
    out: list[Candidate] = []
    if "(" not in text and "（" not in text:
        return out
    by_end = {c.end: c for c in found}
    for m in lex.acronym_in_parens.finditer(text):
        start, end = m.span(1)
        acronym = m.group(1)
        if acronym in lex.not_acronyms or not view.is_free(start, end):
            continue
        i = view.sentence_of(m.start(), end)
        if i < 0:
            continue
        before = by_end.get(m.start())
        if before is not None and before.entity_type == "PERSON":
            continue  # 西島隆弘(AAA): the person's group or party, not their abbreviation
        if before is None:
            # an unknown name: the noun compound before the parenthesis, if its head makes it one
            n_start, count, _ = _name_start(view, i, m.start())
            name = text[n_start:m.start()]
            if count < 2 or not name or _generic(name) or not view.is_free(n_start, m.start()):
                continue
            etype = _acronym_name_type(name)
            if etype is None:  # 排他的経済水域(EEZ): the abbreviation of a term is no name, here or later
                view.take(start, end)  # (a model number after a common noun, 充電池(NP-130), only here)
                if acronym.isalpha() and acronym.isupper():
                    for other in re.finditer(rf"(?<![A-Za-z]){acronym}(?![A-Za-z])", text):
                        if view.is_free(*other.span()):
                            view.take(*other.span())
                continue
            before = Candidate(n_start, m.start(), etype, "acronym", name=view.doc.text[n_start:m.start()])
            view.take(n_start, m.start())
            out.append(before)
        view.take(start, end)
        out.append(Candidate(start, end, before.entity_type, "acronym", before.entity_id, before.name))
    return out


def _acronym_name_type(name: str) -> str | None:
    """The type of an unlisted compound spelled out before an acronym: that of its name suffix
    (国際捕鯨委員会 ORG, 東京国際映画祭 EVENT), ORG for another organisation head (世界食糧計画),
    None for a term (排他的経済水域, 人工知能)."""
    lex = lexicon()
    by_suffix = next((t for sfx, t in lex.name_suffixes.items() if name.endswith(sfx) and len(name) > len(sfx)), None)
    if by_suffix != "FAC" and name.endswith(lex.acronym_org_heads):
        return "ORG"  # 国家安全保障会議(NSC) is a council, not a conference
    return by_suffix


_PARTY_AFTER = re.compile(f"[一-鿿{KATAKANA}・]{{1,10}}?党")


def merge_country_parties(view: TextView, found: list[Candidate]) -> None:
    """A country named in full before a party name is one organisation (韓国民主党, 日本自由党,
    ロシア共産党): the party of that country, not the country plus a party. Generic party words
    (ロシア与党) and one-kanji abbreviations (米民主党: 米 + 民主党, as the contract splits them)
    stay apart. A catalog party whose English name carries the country keeps its entity
    (米国民主党 is the catalog's Democratic Party (United States))."""
    lex = lexicon()
    text = view.text
    cat = catalog()
    if "党" not in text:
        return
    for c in [c for c in found if c.entity_type == "GPE" and c.method == "catalog"]:
        m = _PARTY_AFTER.match(text, c.end)
        if m is None or m.group() in lex.generic_party_words:
            continue
        i = view.sentence_of(c.start, m.end())
        if i < 0 or m.end() not in view.bounds(i)[1]:
            continue
        inner = [d for d in found if c.end <= d.start and d.end <= m.end()]
        if any(d.end > c.end and d.start < m.end() and d not in inner for d in found):
            continue  # a mention crosses the party name
        for d in [c] + inner:
            found.remove(d)
            view.taken.remove((d.start, d.end))
        if not view.is_free(c.start, m.end()):  # taken by a candidate not in `found` yet: undo
            for d in [c] + inner:
                found.append(d)
                view.take(d.start, d.end)
            continue
        surface = text[c.start:m.end()]
        entity_id = cat.entity_for(surface, folded=True)
        party = inner[0].entity_id if len(inner) == 1 and (inner[0].start, inner[0].end) == (c.end, m.end()) else None
        country_en = cat.entries[c.entity_id].name_en if c.entity_id else ""
        if entity_id is None and party is not None and country_en and country_en in cat.entries[party].name_en:
            entity_id = party
        view.take(c.start, m.end())
        if entity_id is not None:
            found.append(Candidate(c.start, m.end(), "ORG", "catalog", entity_id))
        else:
            found.append(Candidate(c.start, m.end(), "ORG", "suffix", name=view.doc.text[c.start:m.end()]))


_KATAKANA_AFTER = re.compile(f"[{KATAKANA}]+(?:・[{KATAKANA}]+)*")
_KATAKANA_BEFORE = re.compile(f"[{KATAKANA}]+(?:・[{KATAKANA}]+)*$")


def _name_like(view: TextView, i: int, start: int, end: int) -> bool:
    """Katakana that holds a proper noun or a word unknown to the dictionary (a name), not common words
    only (NHKスペシャル, iPhoneケース)."""
    return any(start <= m.start and m.end <= end and (m.pos2 == "固有名詞" or not m.reading)
               for m in view.morphemes(i) if m.surface[0] != "・")


def merge_latin_compounds(view: TextView, found: list[Candidate]) -> None:
    """A Latin acronym in capitals glued to a katakana name or a place is one organisation: clubs and
    companies (FC東京, AFCボーンマス, JPモルガン, NTTドコモ); after a name only a company or club
    form (シーメンスAG; `latin_org_suffixes`), as other Latin words after a name are models or
    editions (ポケットガイガーKIT). Nothing is joined across a space, a particle or a common katakana word."""
    text = view.text
    suffixes = lexicon().latin_org_suffixes
    for c in [c for c in found if c.method == "latin" and c.entity_type == "ORG"]:
        i = view.sentence_of(c.start, c.end)
        if i < 0:
            continue
        lo, hi = view.doc.sentences[i].start, view.doc.sentences[i].end
        start, end = c.start, c.end
        right = next((d for d in found if d.start == c.end and d is not c), None)
        if right is not None and right.method != "abbreviation" and (
                right.entity_type in ("GPE", "LOC") or is_katakana(text[right.start])
                and right.entity_type in ("PERSON", "ORG")):
            end = right.end  # FC東京, JPモルガン; not a person's kanji name (AKB48指原莉乃)
        elif right is None:
            m = _KATAKANA_AFTER.match(text, c.end, hi)
            if m and view.is_free(m.start(), m.end()) and _name_like(view, i, m.start(), m.end()):
                end = m.end()
        left = next((d for d in found if d.end == c.start and d is not c), None) \
            if text[c.start:c.end] in suffixes else None
        if left is not None and is_katakana(text[left.start]) and left.entity_type in ("PERSON", "ORG", "LOC", "GPE") \
                and left.method != "catalog":
            start = left.start  # シーメンスAG, ハンブルガーSV: a company or club form after the name
        elif left is None and text[c.start:c.end] in suffixes:
            m = _KATAKANA_BEFORE.search(text, lo, c.start)
            if m and view.is_free(m.start(), m.end()) and _name_like(view, i, m.start(), m.end()):
                start = m.start()
        if (start, end) == (c.start, c.end):
            continue
        if view.absorb(found, start, end) is None:
            continue
        view.take(start, end)
        entity_id = catalog().entity_for(text[start:end], folded=True)
        if entity_id is not None:
            found.append(Candidate(start, end, catalog().entries[entity_id].entity_type, "catalog", entity_id))
        else:
            found.append(Candidate(start, end, c.entity_type, "latin", name=view.doc.text[start:end]))
