"""Person and place names nobody listed, from evidence in the text:

- a katakana name before an honorific or title (`クリスティン・ベルジナ氏`,
  `ケリー報道官`, `ヘグセス米国防長官`), the name alone being the span;
- a dateline `【ワシントン=坂口幸裕】`: place and reporter;
- UniDic's proper-noun tags (人名, 地名), widened to the whole katakana run
  (MeCab splits unknown katakana names) and to a place suffix (州, 半島 …).

Places named by their suffix are in `places.py`.
"""
from __future__ import annotations

import re

from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import KATAKANA, is_kanji, is_katakana, lexicon
from flows.extract.entities.view import Candidate, TextView
from flows.text.morphemes import Morpheme

# 【ワシントン=坂口幸裕】, 【ワシントン=赤木俊介、北京=田島如生】: place = reporter pairs in a dateline
_DATELINE_BLOCK = re.compile(r"【[^】【]{3,60}】")
_DATELINE = re.compile(r"(?<=[【、])([^=＝】、\s]{1,12})[=＝]([一-鿿々ァ-ヺー・]{2,10})(?=[】、])")
_AFTER_NAME = ("助詞", "補助記号", "接尾辞", "名詞")
KATAKANA_RUN = re.compile(f"[{KATAKANA}]+(?:[・=＝][{KATAKANA}]+)*")


def entity_candidate(view: TextView, start: int, end: int, etype: str, method: str,
                     otherwise: str | None = None, fixed: bool = False) -> Candidate:
    """A catalog entity if the surface is a catalog name, else the catalog entity `otherwise` if given
    (上海市 is 上海), else an inferred one (`fixed`: see `Candidate`)."""
    surface = view.text[start:end]
    entity_id = catalog().entity_for(surface, folded=True) or otherwise
    if entity_id is not None:
        return Candidate(start, end, catalog().entries[entity_id].entity_type, "catalog", entity_id)
    return Candidate(start, end, etype, method, name=view.doc.text[start:end], fixed=fixed)


def in_bracket_term(text: str, start: int, end: int) -> bool:
    """Inside a 「」 or 『』 term that names a programme, slogan or work (「ジオストラテジー・ノース」プログラム,
    『ワイルド・スピード』): the contract makes such terms neither quotes nor, by tag evidence alone,
    entity mentions."""
    for left, right in (("「", "」"), ("『", "』")):
        open_ = text.rfind(left, max(0, start - 30), start + 1)
        if open_ < 0 or right in text[open_:start]:
            continue
        close = text.find(right, end, end + 30)
        if close >= 0 and not any(ch in "。、!?！？" for ch in text[open_:close]) \
                and not _SPOKEN.search(text, open_ + 1, close):
            return True
    return False


_HIRAGANA_ONLY = re.compile("[\u3041-\u309f]+$")

# A bracket that reads as something said: a particle, then a sentence ending (「大島優子にかかる重圧は大変なもの
# になるでしょう」): the names in it are mentions, unlike those in a programme's or a work's name.
_SPOKEN = re.compile("[はがをに].*(?:です|ます|でしょう|だ|た|ない|よ|ね|か|ぞ|わ)[…ー〜]*$")


def _plausible_person(name: str) -> bool:
    lex = lexicon()
    if len(name) < 2 or name in lex.not_person_names:
        return False
    last = re.split("[・=＝]", name)[-1]
    return last not in lex.not_person_names and len(last) >= 2


def title_candidates(view: TextView) -> list[Candidate]:
    lex = lexicon()
    out = []
    for m in lex.person_before_title.finditer(view.text):
        start, end = m.span(1)
        if not _plausible_person(view.text[start:end]) or not view.is_free(start, end):
            continue
        i = view.sentence_of(start, end)
        if i < 0:
            continue
        title = lex.title_after.match(view.text, end)
        longer = lex.name_suffix_re.match(view.text, title.start()) if title is not None else None
        if longer is not None and longer.end() > title.end():
            continue  # the title is the head of a name suffix (選手 in 選手権): an event, not a person
        c = entity_candidate(view, start, end, "PERSON", "title")
        view.take(start, end)
        out.append(c)
    return out


def _given_name_end(ms: list, j: int, most: int, need_follower: bool = True, after_place: bool = False) -> int:
    """End of a kanji name run at j extended by up to `most` one-kanji morphemes that MeCab did not
    tag as a name (松友美佐|紀, 高橋|礼|華): nouns or noun suffixes, not honorifics, place or group
    suffixes (芥川賞, 松本家, 川崎市). A kanji MeCab read as another class (a numeral 一, an auxiliary
    也, a symbol 久) ends a given name when the word ends with it (伊藤穣|一, 森村|酉|三, 野島透|也).
    With `need_follower`, the word after must be a particle, a symbol, a suffix or a noun; `after_place`
    (a place name read as a surname) also refuses place and name suffixes (川崎|市, 横浜|港)."""
    lex = lexicon()
    n = len(ms)
    g = j
    while g < n and g - j < most and ms[g].start == ms[g - 1].end and len(ms[g].surface) == 1 \
            and is_kanji(ms[g].surface) and ms[g].surface not in lex.honorifics \
            and ms[g].surface not in lex.not_given_name_tails \
            and not (after_place and (ms[g].surface in lex.place_suffixes or ms[g].surface in lex.name_suffixes
                                      or ms[g].surface in lex.abbreviation_suffixes)):
        if ms[g].surface in lex.title_prefixes and lex.title_after.match("".join(m.surface for m in ms[g:g + 4])):
            break  # 田中角栄|元|首相: a prefix of the title after the name
        if ms[g].pos1 in ("名詞", "接尾辞") and ms[g].pos2 != "数詞":
            g += 1
            continue
        word_ends = g + 1 >= n or not is_kanji(ms[g + 1].surface[0]) or ms[g + 1].start != ms[g].end
        if word_ends and (g > j or ms[j - 1].pos4 == "名" and len(ms[j - 1].surface) == 1):
            g += 1
        break
    if need_follower and g > j and g < n and ms[g].pos1 not in _AFTER_NAME:
        return j
    return g


def org_shaped(view: TextView, i: int, start: int, end: int) -> bool:
    """A ・ name whose parts hold no personal name and end in a dictionary word that is no place
    (シカゴ・ブルズ, デジタル・ガレージ, ケーブル・アンド・ワイヤレス) names a team, a band or a company;
    people end in a surname (a 人名 tag, a place-like 地名 tag, or a word unknown to the dictionary)."""
    parts = [m for m in view.morphemes(i) if start <= m.start and m.end <= end and m.surface not in "・=＝"]
    if len(parts) < 2 or any(m.pos3 == "人名" for m in parts):
        return False
    last = parts[-1]
    return bool(last.reading) and last.pos3 != "地名" and last.end == end


def _surname_last(view: TextView, i: int, end: int) -> bool:
    """The morpheme ending at `end` reads as a surname: tagged 人名 or 地名, or unknown to the dictionary."""
    last = next((m for m in view.morphemes(i) if m.end == end), None)
    return last is not None and (not last.reading or last.pos3 in ("人名", "地名"))


def common_words_only(view: TextView, i: int, start: int, end: int) -> bool:
    """Every part a word of the dictionary that is no proper noun (テレビ・ラジオ, ダーク・ブルー,
    スマート|フォン・タブレット): no name."""
    parts = [m for m in view.morphemes(i) if start <= m.start and m.end <= end and m.surface not in "・=＝"]
    return bool(parts) and all(m.pos2 != "固有名詞" and m.reading for m in parts)


def _people_word_at(view: TextView, i: int, pos: int) -> bool:
    """A people or faith word (人, 教, 民族) as a whole morpheme at pos: ユダヤ人, not 大槻|教授."""
    text = view.text
    return any(text.startswith(w, pos) and pos + len(w) in view.bounds(i)[1] for w in lexicon().people_words
               if text[pos:pos + 1] == w[0])


def is_award(view: TextView, i: int, end: int) -> bool:
    """A name right before an award word (芥川賞, ノーベル平和賞) names the award, not its namesake."""
    got = lexicon().award_after.match(view.text, end)
    return got is not None and got.end() in view.bounds(i)[1]


def dateline_candidates(view: TextView) -> list[Candidate]:
    out: list[Candidate] = []
    if "【" not in view.text:
        return out
    pairs = [m for block in _DATELINE_BLOCK.finditer(view.text)
             for m in _DATELINE.finditer(view.text, block.start(), block.end())]
    for m in pairs:
        for group, etype in ((1, "GPE"), (2, "PERSON")):
            start, end = m.span(group)
            if view.is_free(start, end) and view.sentence_of(start, end) >= 0:
                view.take(start, end)
                agency = catalog().entity_for(m.group(2) + "通信", folded=True) if group == 2 else None
                if agency is not None:      # 【ワシントン=共同】: the news agency's credit, not a reporter
                    out.append(Candidate(start, end, "ORG", "catalog", agency))
                else:
                    out.append(entity_candidate(view, start, end, etype, "dateline"))
    return out


def _katakana_run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the whole katakana name run (with ・) that holds it."""
    s, e = start, end
    while s > 0 and (is_katakana(text[s - 1]) or (text[s - 1] in "・=＝" and s > 1 and is_katakana(text[s - 2]))):
        s -= 1
    while e < len(text) and (is_katakana(text[e]) or (text[e] in "・=＝" and e + 1 < len(text)
                                                     and is_katakana(text[e + 1]))):
        e += 1
    return s, e


_NUMERAL_KANJI = frozenset("一二三四五六七八九十百千万")


def _numeral_surname_head(ms: list[Morpheme], k: int, j: int) -> bool:
    """ms[k] a one-kanji surname and a given name after it (j > k + 1), right after a numeral kanji that
    is no part of a number (十|倉|雅和 is 十倉雅和; not 第十|倉庫, not 2十|倉)."""
    if ms[k].pos4 != "姓" or len(ms[k].surface) != 1 or j < k + 2 or k == 0:
        return False
    num = ms[k - 1]
    if num.surface not in _NUMERAL_KANJI or num.end != ms[k].start:
        return False
    return _starts_no_number(ms, k - 1)


def _numeral_surname_before(ms: list[Morpheme], k: int) -> bool:
    """ms[k] a given name right after a numeral kanji and one more kanji that hold no name of their own:
    a two-kanji surname MeCab read as a number (三|部|敏宏 is 三部敏宏; not 第三|部, not 3|部)."""
    if ms[k].pos4 != "名" or k < 2:
        return False
    num, second = ms[k - 2], ms[k - 1]
    if num.surface not in _NUMERAL_KANJI or num.end != second.start or second.end != ms[k].start \
            or len(second.surface) != 1 or not is_kanji(second.surface) or second.pos2 == "固有名詞":
        return False
    return _starts_no_number(ms, k - 2)


def _starts_no_number(ms: list[Morpheme], k: int) -> bool:
    """The numeral kanji ms[k] begins a word: no number or prefix is glued before it (第十, 2十)."""
    before = ms[k - 1] if k >= 1 and ms[k - 1].end == ms[k].start else None
    return before is None or before.pos2 != "数詞" and before.pos1 != "接頭辞"


def dictionary_candidates(view: TextView) -> list[Candidate]:
    """Runs of UniDic 人名/地名 morphemes not taken by a stronger rule."""
    lex = lexicon()
    text = view.text
    out = []
    for i in range(len(view.doc.sentences)):
        ms = view.morphemes(i)
        proper = [k for k in view.seeds(i) if ms[k].pos2 == "固有名詞"]
        if not proper:
            continue
        n = len(ms)
        k = proper[0]
        for k0 in proper:
            if k0 < k:
                continue  # consumed by the run before
            k = k0
            m = ms[k]
            if m.pos3 not in ("人名", "地名", "一般") or m.surface in lex.not_given_names:
                k += 1
                continue
            if m.pos3 == "一般":  # UniDic's other proper nouns are mostly organisations (ソニー, IBM)
                k += 1
                if k < n and ms[k].pos2 == "数詞" or len(m.surface) < 2 or m.surface in lex.not_acronyms \
                        or _HIRAGANA_ONLY.match(m.surface):
                    continue  # era names (昭和20年), fragments, abbreviations (KO), nicknames (ゆき|りん)
                if _people_word_at(view, i, m.end):
                    continue  # ユダヤ人: a people
                start, end = m.start, m.end
                if is_katakana(text[start]) or is_katakana(text[end - 1]):
                    start, end = _katakana_run_around(text, start, end)
                if view.is_free(start, end) and view.sentence_of(start, end) == i and not view.in_not_name(start, end, strictly=True) \
                        and view.edges_clean(start, end, i) and not in_bracket_term(text, start, end):
                    view.take(start, end)
                    out.append(entity_candidate(view, start, end, "ORG", "dictionary"))
                continue
            kind = m.pos3
            j = k + 1
            while j < n and ms[j].start == ms[j - 1].end and ms[j].pos2 == "固有名詞" and ms[j].pos3 in ("人名", "地名") \
                    and ms[j].surface not in lex.not_given_names:
                if ms[j].pos3 == "人名" and ms[j].pos4 == "名":
                    kind = "人名"  # a surname that is also a place (高森) before a given name
                elif ms[j].pos3 != kind:
                    break
                j += 1
            etype = "PERSON" if kind == "人名" else "GPE"
            if kind == "人名" and ms[j - 1].pos4 in ("姓", "名"):
                # a given name MeCab cut short (松友美佐|紀) or read as common kanji (高橋|礼|華)
                j = _given_name_end(ms, j, 2 if ms[j - 1].pos4 == "姓" else 1)
            elif kind == "地名" and ms[j - 1].pos4 != "国" and is_kanji(text[ms[j - 1].end - 1]):
                # a place name that is a surname: before an honorific or a title only people carry
                # (川崎選手), or with given-name kanji before any title (清武|英|利|代表)
                g = _given_name_end(ms, j, 2, need_follower=False, after_place=True)
                after = ms[g].start if g < n else len(text)
                if g > j and (lex.title_after.match(text, after) or g - j == 2 and not is_kanji(text[after:after + 1])) \
                        or lex.surname_marker_after.match(text, after):
                    j, etype = g, "PERSON"
            start, end = m.start, ms[j - 1].end
            if etype == "PERSON" and _numeral_surname_head(ms, k0, j):
                start = ms[k0 - 1].start  # 十|倉|雅和: MeCab read the surname's first kanji as a number
            elif etype == "PERSON" and _numeral_surname_before(ms, k0):
                start = ms[k0 - 2].start  # 三|部|敏宏: the whole surname read as a number and a counter
            k = j
            if is_award(view, i, end):
                continue  # 芥川賞, ノーベル平和賞: the award, not its namesake
            if etype == "PERSON" and k < n and ms[k].start == end and ms[k].surface in lex.facility_tails:
                continue  # 椿山荘, 鹿鳴館: a house or a hall, not a person
            if is_katakana(text[start]) or is_katakana(text[end - 1]):
                start0, end0 = start, end
                start, end = _katakana_run_around(text, start, end)
                if re.split("[・=＝]", text[start:end])[-1] in lex.not_person_names:
                    start, end = start0, end0  # ハリウッド・スター: the place alone
                if kind == "地名" and start == start0 and "・" in text[m.end:end] and end > ms[j - 1].end:
                    # a known place heading a ・ name is a team or a paper (ニューヨーク・ヤンキース) unless a
                    # surname ends it (シドニー・ポワチエ); otherwise the 地名 tag was a given name (ジョルジュ・ブラッサンス)
                    etype = "ORG" if catalog().entity_for(text[start:ms[j - 1].end], folded=True) \
                        and not _surname_last(view, i, end) or org_shaped(view, i, start, end) else "PERSON"
            if kind == "地名":
                suffix = lex.place_suffix_after.match(text, end)
                if suffix and (suffix.end() - end > 1 or suffix.end() in view.bounds(i)[1]):
                    etype = lex.place_suffixes[suffix.group()]
                    end = suffix.end()
            if end - start < 2 or not view.is_free(start, end) or view.sentence_of(start, end) != i \
                    or view.in_not_name(start, end, strictly=True):
                continue
            if etype != "PERSON" and end < len(text) and text[end] in lex.not_after_place \
                    and end + 1 in view.bounds(i)[1]:
                continue  # 日本語, 韓国語: a word of its own
            if ms[j - 1].pos4 != "国" and _people_word_at(view, i, end) \
                    and catalog().entity_for(text[start:end], folded=True) is None:
                continue  # ユダヤ人, キリスト教, アイヌ民族: a people or a faith, not a place or a person
            if etype == "PERSON" and (not _plausible_person(text[start:end])
                                      or end - start <= 2 and _HIRAGANA_ONLY.match(text[start:end])):
                continue  # あっ|ちゃん: a fragment of a nickname
            if not view.edges_clean(start, end, i) or in_bracket_term(text, start, end):
                continue
            view.take(start, end)
            out.append(entity_candidate(view, start, end, etype, "dictionary"))
    return out


_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9&.\-'])[A-Za-z][A-Za-z0-9&.\-']*(?: [A-Z0-9][A-Za-z0-9&.\-']*)*(?![A-Za-z0-9])")


# URLs, domain names and running English text (four or more words) hold no names of their own.
NOT_LATIN_NAMES = re.compile(
    r"(?:https?://|www\.)[!-~]+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|jp|net|org|gov|edu|io|uk|de|fr|ru|cn)\b[!-~]*"
    r"|[A-Za-z][A-Za-z0-9,.'’\-]*(?: [A-Za-z0-9,.'’\-]+){3,}")


def latin_candidates(view: TextView) -> list[Candidate]:
    """A Latin-script word in Japanese text is nearly always a name: an organisation when in
    capitals (IBM, NHK), a product otherwise (Debian, Windows). Units and common
    abbreviations (km, PC, AI) are listed in the lexicon and left out."""
    lex = lexicon()
    text = view.text
    out: list[Candidate] = []
    if not _ANY_LATIN.search(text):
        return out
    skip = [mm.span() for mm in NOT_LATIN_NAMES.finditer(text)]
    for m in _LATIN_NAME.finditer(text):
        start, end = m.span()
        word = m.group().rstrip(".-'")
        while " " in word and word.split(" ", 1)[0].islower():  # "with DVI" → "DVI"
            head, word = word.split(" ", 1)
            start += len(head) + 1
        end = start + len(word)
        if len(word) < 2 or word in lex.not_acronyms or not view.is_free(start, end):
            continue
        if word.islower() or any(s <= start < e for s, e in skip):
            continue  # wwww, URLs, English sentences
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "=＝"):
            continue  # 5km, 3D; a photo credit (=AP)
        i = view.sentence_of(start, end)
        if i < 0:
            continue
        letters = [ch for ch in word if ch.isalpha()]
        # capitals are organisations (IBM, NEC, AKB48); model numbers (DDR3-2800) and brand words products
        model = "-" in word and any(ch.isdigit() for ch in word)
        etype = "ORG" if all(ch.isupper() for ch in letters) and not model else "PRODUCT"
        if text[max(0, start - 8):start].rstrip("「『").endswith(lex.product_classes):
            etype = "PRODUCT"  # 戦闘機F35A, 旅客機A320: a model of the thing named before it
        if text.startswith(lex.personal_honorifics, end):
            etype = "PERSON"  # IKKOさん, GACKT氏: a stage name
        view.take(start, end)
        out.append(entity_candidate(view, start, end, etype, "latin"))
    return out


_FULL_NAME = re.compile(f"(?<![{KATAKANA}・=＝])[{KATAKANA}]{{2,}}(?:[・=＝][{KATAKANA}]{{2,}}){{1,2}}(?![{KATAKANA}・=＝])")


_ANY_LATIN = re.compile("[A-Za-z]")


def full_name_candidates(view: TextView) -> list[Candidate]:
    """A katakana name in two or three parts joined by ・ (ジョルジュ・ブラッサンス) is a person's
    full name when nothing stronger claimed it: organisations and places have suffixes or
    catalog entries, and 「」 terms are left alone."""
    lex = lexicon()
    text = view.text
    out: list[Candidate] = []
    if "・" not in text and "=" not in text and "＝" not in text:
        return out
    for m in _FULL_NAME.finditer(text):
        start, end = m.span()
        parts = re.split("[・=＝]", m.group())
        if any(p in lex.not_person_names for p in parts) or not view.is_free(start, end):
            continue
        if in_bracket_term(text, start, end) or view.sentence_of(start, end) < 0:
            continue
        # after "<country>の" and with no title to follow, a ・ name is a place (イスラエルのキルヤット・ガト);
        # people in news carry a title, which the title rule has already used
        etype = "GPE" if start > 0 and text[start - 1] == "の" and view.mention_ending_at(start - 1) else "PERSON"
        i = view.sentence_of(start, end)
        if etype == "PERSON" and common_words_only(view, i, start, end):
            continue  # テレビ・ラジオ, ライブ・アルバム: a list or a compound of common words
        if etype == "PERSON" and org_shaped(view, i, start, end):
            etype = "ORG"
        view.take(start, end)
        out.append(entity_candidate(view, start, end, etype, "fullname"))
    return out
