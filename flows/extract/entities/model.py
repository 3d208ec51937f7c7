"""A small learned tagger that adds the names the rules miss (method `model`).

An averaged perceptron over morphemes (`model_features.py`), greedy left to
right with B-/I-/O labels, trained by `bench/train_ner.py` on half of
Stockmark's Japanese Wikipedia NER data (see `MODEL.md` beside this file for
the data, the split, the features and the license). Its weights are integers
in `model.json`, so tagging is exact and the same on every machine; the file
loads once per process in well under a second.

The rules stay in charge of what the contract decides. The model's spans
are merged under these terms:

- a mention found by a rule the contract fixes (catalog names, one-kanji
  abbreviations, names before titles, datelines, acronyms, government
  bodies, anything resolved to a catalog entity) is never changed: a model
  span that overlaps one is cut back to the part outside it, or dropped
  (`ロシア軍` stays `ロシア`); only a catalog place inside a longer name may
  join it (`大阪エヴェッサ`), never before a group word (`ロシア軍`, `ロシア側`,
  `ウクライナ企業`) or in a ・ list of places (`東京・上野`);
- a mention found by weaker evidence (a UniDic tag, a suffix, a Latin word, a
  ・ full name) may be grown into a longer name (`西鉄` → `西鉄ライオンズ`,
  not `iOS` → `iOSデバイス`), and UniDic's person/place guess re-typed;
  it is never cut short, split or joined with another;
- a name the article already has by the rules is left to them and to
  coreference; the model's own names keep the type of their first occurrence
  and are not spread by coreference;
- a span needs evidence of its own (a proper noun, an unknown word, Latin
  letters, a rule finding): common-noun phrases (`有力シンクタンク`) are not names,
  nor is a lone katakana word as a person without a 人名 tag;
- the model never tags inside 「」 (quotes and terms stay with the rules),
  never keeps a title, honorific or adverbial noun in a span, and never takes
  a law or an award for a name (Stockmark makes them products; the contract
  has no type for them).
"""
from __future__ import annotations

import re
from functools import cache

from flows.extract.entities import tagger
from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import is_kanji, lexicon
from flows.extract.entities.names import NOT_LATIN_NAMES, is_award
from flows.extract.entities.model_features import bracketed, chunks, rule_tags
from flows.extract.entities.view import Candidate, TextView
from flows.text.morphemes import Morpheme

# Rule findings the model may redraw: the contract does not decide their boundaries or types.
_GPE_TO_LOC = {"GPE": "LOC"}  # the model's LOC is any place
WEAK_METHODS = frozenset(("dictionary", "suffix", "latin", "fullname"))
_LOC_SUFFIXES = frozenset(k for k, v in lexicon().place_suffixes.items() if v == "LOC")
_LAWS_AND_AWARDS = ("法", "賞", "条約", "法案", "条例")


def spans_of(ms: list[Morpheme], a: int, labels: list[str]) -> list[tuple[int, int, str]]:
    """(first morpheme, end morpheme, type) of each labelled name."""
    out = []
    start = None
    for k, lab in enumerate(labels, a):
        if lab.startswith("B-") or lab == "O":
            if start is not None:
                out.append((start, k, etype))
                start = None
            if lab.startswith("B-"):
                start, etype = k, lab[2:]
    if start is not None:
        out.append((start, a + len(labels), etype))
    return out


def _name_like(m: Morpheme) -> bool:
    first = m.surface[0]
    return m.pos2 == "固有名詞" or "ァ" <= first <= "ヺ" or (first.isascii() and first.isalnum())


@cache
def _generic_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.name_suffixes) | frozenset(lex.place_suffixes) | lex.titles


@cache
def _title_words() -> frozenset[str]:
    lex = lexicon()
    return lex.titles | lex.person_only_titles | lex.honorifics


def _trim(ms: list[Morpheme], a: int, b: int, view: TextView, strong: list[Candidate]) -> tuple[int, int] | None:
    """Cut a span back to its morphemes outside the strong mentions, without symbols at its edges or a
    title or honorific at its end; None if what is left is not one stretch, or holds no name-like
    morpheme where a strong mention was cut off (ロシア軍 → 軍, ドイツ帝国 → 帝国)."""
    lex = lexicon()
    keep = [k for k in range(a, b) if not any(c.start < ms[k].end and ms[k].start < c.end for c in strong)]
    if not keep or keep[-1] - keep[0] + 1 != len(keep):
        return None
    cut = len(keep) < b - a
    a, b = keep[0], keep[-1] + 1
    for k in range(a + 1, b):
        if ms[k].pos3 == "副詞可能":  # 他, ほか, 以降: an adverbial noun ends a name (as for the rules)
            b = k
            break
    while a < b and ms[a].pos1 in ("補助記号", "記号") and not ms[a].surface[0].isalnum():
        a += 1
    while a < b - 1 and ms[a].surface in lex.position_words:
        a += 1  # イラン|中部|ナタンズ: where in the country, then the name
    tails = _title_words()
    end = ms[b - 1].end
    for k in range(a + 1, b):
        title = lex.title_after.match(view.text, ms[k].start) if is_kanji(ms[k].surface[0]) else None
        if view.text[ms[k].start:end] in tails or title is not None and title.end() > end:
            b = k  # 呂比須|ヘッド|コーチ: a title of several morphemes ends the name; 前原誠司|政調 (会長)
            break
    while b > a and (ms[b - 1].surface in lex.titles or ms[b - 1].surface in lex.honorifics or ms[b - 1].pos1 == "接頭辞"
                     or ms[b - 1].pos3 == "副詞可能"  # ほか, など, 以降: adverbial nouns end a name (as for the rules)
                     or ms[b - 1].pos1 in ("補助記号", "記号") and not ms[b - 1].surface[-1].isalnum()):
        b -= 1
    if b == a:
        return None
    surface = view.text[ms[a].start:ms[b - 1].end]
    if len(surface) < 2 and not surface.isascii() or not any(ch.isalpha() for ch in surface) \
            or len(surface) <= 2 and all("ぁ" <= ch <= "ゖ" for ch in surface):
        return None                                       # あっ|ちゃん: a fragment of a nickname
    if surface in lex.generic_name_heads or (cut and not any(_name_like(ms[k]) for k in range(a, b))):
        return None
    words = _generic_words()
    if all(ms[k].surface in words or ms[k].pos1 != "名詞" for k in range(a, b)):
        return None
    return a, b


def _absorbable(c: Candidate, ms: list[Morpheme], s: int, e: int, etype: str) -> bool:
    """A catalog place strictly inside a longer name (大阪エヴェッサ, 日本エアコミューター, FC東京) may join
    it, unless the rest is a group the contract gives to the country (ロシア軍, ウクライナ企業) or holds
    nothing name-like (ドイツ帝国 stays ドイツ)."""
    if c.method != "catalog" or c.entity_type not in ("GPE", "LOC") or etype in ("PERSON", "LOC"):
        return False
    start, end = ms[s].start, ms[e - 1].end
    if not (start <= c.start and c.end <= end and (start, end) != (c.start, c.end)):
        return False
    rest = [m for m in ms[s:e] if m.end <= c.start or m.start >= c.end]
    if not rest or any(m.surface in lexicon().country_group_heads for m in rest):
        return False
    if any(m.surface in ("・", "=") and (m.end == c.start or m.start == c.end) for m in rest):
        return False  # places listed with ・ (東京・上野) are not one name
    if rest[0].start == c.end and rest[0].surface in lexicon().generic_name_heads:
        return False  # ロシア国営テレビ: a description
    return _evidence(rest, 0, len(rest), [])


def _evidence(ms: list[Morpheme], s: int, e: int, overlapping: list[Candidate]) -> bool:
    """A name needs evidence of its own: a proper noun, a word UniDic does not know (most foreign names),
    Latin letters not in lower case only, or a rule finding it replaces. A common-noun phrase
    (有力シンクタンク, 軍事同盟, 政権) is not a name, whatever the model says."""
    if overlapping:
        return True
    lex = lexicon()
    for m in ms[s:e]:
        first = m.surface[0]
        if m.pos2 == "固有名詞" or (first.isascii() and first.isalpha() and len(m.surface) > 1
                                   and not m.surface.islower() and m.surface not in lex.not_acronyms):
            return True  # (not USB in USBケーブル, not E in ビタミンE)
        if "ァ" <= first <= "ヺ" and not m.reading:
            return True  # an unknown katakana word
    return False


def _cut_or_described(ms: list[Morpheme], e: int) -> bool:
    """The span ends in a word of position (元山付近, スカボロー礁付近: where around a place), stops before
    the facility kanji glued to it (椿山|荘), or cuts a word for a person in two (山本容疑|者: a common noun
    the suffix 者 continues). A kanji common noun alone may end a name (須藤|元気, 楊|秀麗)."""
    last = ms[e - 1]
    if last.surface in lexicon().position_words:
        return True
    if e < len(ms) and ms[e].start == last.end and ms[e].pos1 == "接尾辞" and ms[e].surface in lexicon().facility_tails:
        return True
    return last.pos2 == "普通名詞" and e < len(ms) and ms[e].pos1 == "接尾辞" and ms[e].surface == "者" \
        and ms[e].start == last.end


def _kana(ch: str) -> bool:
    return "ァ" <= ch <= "ヺ" or ch == "ー"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Neither end cuts a katakana name joined by ・ (ジョルジュ|・ブラッサンス) or a Latin word."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and (_kana(before) and _kana(text[start]) or before in "・=" and start > 1 and _kana(text[start - 2])):
        return False
    if after and (_kana(after) and _kana(text[end - 1]) or after in "・=" and end + 1 < len(text)
                  and _kana(text[end + 1])):
        return False
    return not (before.isascii() and before.isalnum() and text[start].isascii() and text[start].isalnum()
                or after.isascii() and after.isalnum() and text[end - 1].isascii() and text[end - 1].isalnum())


def _typed(view: TextView, start: int, end: int, etype: str, last: Morpheme) -> Candidate | None:
    surface = view.text[start:end]
    not_after = lexicon().not_after_place
    if last.surface in not_after or end < len(view.text) and view.text[end] in not_after:
        return None  # 韓国語, 日本式: ordinary words, whether the model took the tail or not
    if "/" in surface:
        return None  # units and paths (Sv/h), pairs (KDDI/沖縄セルラー)
    if surface.isascii() and (surface in lexicon().not_acronyms or surface.islower()
                              or start and (view.text[start - 1] in "=＝" or view.text[start - 1].isdigit())):
        return None  # as for the Latin rule: common abbreviations (SNS), photo credits (=AP), units (5km)
    entity_id = catalog().entity_for(surface, folded=True)
    if entity_id is not None:
        return Candidate(start, end, catalog().entries[entity_id].entity_type, "catalog", entity_id)
    if surface.endswith(_LAWS_AND_AWARDS) or "賞" in surface:
        return None  # the contract has no type for laws and awards (Stockmark makes them products)
    lex = lexicon()
    if is_award(view, view.sentence_of(start, end), end):
        return None  # 芥川 in 芥川賞: the award's namesake is not mentioned
    if etype == "PERSON" and last.surface in lex.not_given_names:
        return None  # 吉村等 "Yoshimura and others": the rules keep the surname
    if etype == "PERSON" and any(p in lex.not_person_names for p in re.split("[・=＝]", surface)):
        return None  # マネジングディレクター, ファン: words that stand where names do
    if etype == "LOC":  # the training data does not split places: countries, states and cities are GPE
        etype = "LOC" if last.surface in _LOC_SUFFIXES else "GPE"
    if etype in ("FAC", "GPE", "LOC", "EVENT") and _org_suffix(surface):
        etype = "ORG"  # 嘉手納町議会, 九州電力: a body, whatever place its name starts with
    return Candidate(start, end, etype, "model", name=view.doc.text[start:end])


def _org_suffix(surface: str) -> bool:
    """The name ends in an organisation suffix of two characters or more (議会, 委員会, 協会)."""
    suffixes = lexicon().name_suffixes
    if any(surface.endswith(sfx) for sfx, t in suffixes.items() if t != "ORG" and len(sfx) > 1):
        return False  # 東京国際映画祭, 首脳会議: the suffix of another type decides
    return any(surface.endswith(sfx) and len(surface) > len(sfx) for sfx, t in suffixes.items()
               if t == "ORG" and len(sfx) > 1)


def _not_names(view: TextView) -> list[tuple[int, int]]:
    """URLs, domain names and running English text: no names of their own (as for the Latin rule)."""
    got = getattr(view, "_not_names", None)
    if got is None:
        got = view._not_names = [m.span() for m in NOT_LATIN_NAMES.finditer(view.text)]
    return got


def _known_forms(view: TextView, found: list[Candidate]) -> set[str]:
    """Names the rules found in the article, and the surnames of its ・ names: their other
    occurrences are left to the catalog and to coreference, which know the entity."""
    text = view.text
    out = set()
    for c in found:
        surface = text[c.start:c.end]
        out.add(surface)
        if c.entity_type == "PERSON" and "・" in surface:
            out.add(surface.rsplit("・", 1)[1])
    return out


def model_candidates(view: TextView, found: list[Candidate]) -> None:
    """Tag the chunks of every sentence and merge the model's names into `found` (in place)."""
    mdl = tagger.model()
    if mdl is None:
        return
    by_sentence: dict[int, list[Candidate]] = {}
    for c in found:
        by_sentence.setdefault(view.sentence_of(c.start, c.end), []).append(c)
    text = view.text
    known = _known_forms(view, found)
    first_type: dict[str, str] = {}  # one type for each name the model finds, that of its first occurrence
    for i in range(len(view.doc.sentences)):
        ms = view.morphemes(i)
        if not ms:
            continue
        here = by_sentence.get(i, [])
        same = {(c.start, c.end, _GPE_TO_LOC.get(c.entity_type, c.entity_type)) for c in here}
        tags = rule_tags(view, i, ms, here)
        inside = bracketed(text, ms) if "「" in text[ms[0].start:ms[-1].end] or "『" in text[ms[0].start:ms[-1].end] \
            else [False] * len(ms)
        spans = chunks(ms, tags, inside, view.seeds(i))
        if not spans:
            continue
        rows = mdl.rows(ms, spans)
        for a, b in spans:
            labels = tagger.tag_chunk(mdl, ms, rows, a, b, tags)
            for s, e, etype in spans_of(ms, a, labels):
                start, end = ms[s].start, ms[e - 1].end
                if (start, end, etype) not in same and text[start:end] not in known:
                    _merge(view, found, here, ms, s, e, first_type.setdefault(text[start:end], etype))



def _company_tail(ms: list[Morpheme], e: int) -> int:
    """ザパタ石油|会社, ザパタ|石油|会社: the word for company after the name ends it, with the industry
    word before it (an organisation suffix) when the model stopped short of that too."""
    lex = lexicon()
    k = e
    if k + 1 < len(ms) and lex.name_suffixes.get(ms[k].surface) == "ORG" and ms[k + 1].surface in lex.org_name_tails \
            and ms[k].start == ms[k - 1].end:
        k += 1
    if k < len(ms) and ms[k].surface in lex.org_name_tails and ms[k].start == ms[k - 1].end \
            and (k + 1 == len(ms) or ms[k + 1].pos1 != "名詞"):
        return k + 1
    return e


def _person_place_swap(c: Candidate, etype: str) -> bool:
    places = ("GPE", "LOC")
    return c.entity_type == "PERSON" and etype == "LOC" or c.entity_type in places and etype == "PERSON"


def _bare_katakana(ms: list[Morpheme], s: int, e: int) -> bool:
    return all("ァ" <= m.surface[0] <= "ヺ" and m.pos3 != "人名" for m in ms[s:e])


def _strong(c: Candidate) -> bool:
    return c.method not in WEAK_METHODS or c.entity_id is not None or c.fixed


def _merge(view: TextView, found: list[Candidate], here: list[Candidate], ms: list[Morpheme], s: int, e: int,
           etype: str) -> None:
    """Add the model's name [s, e) under the terms in the module docstring."""
    start, end = ms[s].start, ms[e - 1].end
    for c in here:
        if c.start == start and c.end == end and (_strong(c) or c.entity_type == etype
                                                  or etype == "LOC" and c.entity_type in ("GPE", "LOC")):
            return  # the rules found it already (the usual case, so the cheapest test comes first)
    strong = [c for c in here if c.start < end and start < c.end and _strong(c)
              and not _absorbable(c, ms, s, e, etype)]
    cut = _trim(ms, s, e, view, strong)
    if cut is None:
        return
    s, e = cut
    if s > 0 and ms[s - 1].surface in lexicon().position_words and etype in ("ORG", "FAC"):
        etype = "GPE"  # a name right after 中部, 北東部 … is a place in that part
    e = _company_tail(ms, e) if etype == "ORG" else e
    start, end = ms[s].start, ms[e - 1].end
    overlapping = [c for c in here if c.start < end and start < c.end]
    if any(_strong(c) and not _absorbable(c, ms, s, e, etype) for c in overlapping):
        return
    weak = [c for c in overlapping if not _strong(c)]
    if len(weak) > 1:
        return  # two findings of the rules joined into one (東京・上野)
    if weak:
        w = weak[0]
        if not (start <= w.start and w.end <= end):
            return  # a finding of the rules cut short (綾瀬はるか → 綾瀬)
        if (start, end) == (w.start, w.end) and not (w.method == "dictionary" and _person_place_swap(w, etype)):
            return  # the same span: only UniDic's guess between a person and a place is re-typed
    if overlapping and (start, end) not in {(c.start, c.end) for c in overlapping}:
        rest = [m for m in ms[s:e] if not any(c.start < m.end and m.start < c.end for c in overlapping)]
        grown_latin = any(c.method == "latin" for c in overlapping)
        if rest and (grown_latin or sum(len(m.surface) for m in rest) == 1) \
                and not (_evidence(rest, 0, len(rest), []) or rest[-1].surface in lexicon().name_suffixes):
            return  # a brand grown by common nouns (iOS → iOSデバイス, USBケーブル), a word by one character (三角折)
    if not _evidence(ms, s, e, overlapping) or not _whole_word(view.text, start, end) \
            or any(a < end and start < b for a, b in _not_names(view)) or view.in_not_name(start, end) \
            or ms[e - 1].surface in lexicon().not_names:
        return  # (スマホ, a word the lexicon lists as no name, is none for the model either, nor 最新スマホ)
    if etype == "PERSON" and not weak and _bare_katakana(ms, s, e):
        return  # a lone katakana word as a person, with no title and no 人名 tag: more often a product
    if _cut_or_described(ms, e):
        return
    cand = _typed(view, start, end, etype, ms[e - 1])
    if cand is None:
        return
    for c in overlapping:
        if c in found:
            found.remove(c)
        if (c.start, c.end) in view.taken:
            view.taken.remove((c.start, c.end))
        here.remove(c)
    if not view.is_free(start, end):
        return
    view.take(start, end)
    found.append(cand)
    here.append(cand)
