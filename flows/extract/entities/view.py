"""What the rules look at: the width-folded text, sentence lookup, morpheme
boundaries (computed per sentence, only where a rule asks) and the spans
already taken by a mention."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from flows.extract.entities.lexicon import is_kanji, is_katakana, is_latin_or_digit, lexicon
from flows.text.document import Document
from flows.text.morphemes import Morpheme


def seed_indices(ms: list[Morpheme]) -> list[int]:
    """Proper nouns and words without a reading (unknown words, Latin; not punctuation): where names may be.
    One cheap pass, shared through `TextView.seeds` with the UniDic-tag rule."""
    return [k for k, m in enumerate(ms) if m.pos2 == "固有名詞" or not m.reading and m.pos1 != "補助記号"]


@dataclass
class Candidate:
    """A mention before IDs are assigned. `entity_id` is set for catalog entities;
    inferred ones carry their `name` (the full Japanese name) instead. `fixed`: a rule the contract
    decides found it (a catalog name grown by its suffix), so the entity model leaves it alone."""
    start: int
    end: int
    entity_type: str
    method: str
    entity_id: str | None = None
    name: str | None = None
    name_en: str | None = None
    fixed: bool = False


_FOLDABLE = re.compile("[\uff01-\uff5e\u3000]")


def _fold_one(m: re.Match) -> str:
    ch = m.group()
    return " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0)


def fold_width_sparse(text: str) -> str:
    """`fold_width` for text where full-width characters are few (most Japanese text): a regex
    finds them, so the rest costs nothing (str.translate looks up every character)."""
    return _FOLDABLE.sub(_fold_one, text) if _FOLDABLE.search(text) else text


class TextView:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = fold_width_sparse(doc.text)
        self._starts = [s.start for s in doc.sentences]
        self._bounds: dict[int, tuple[set[int], set[int]]] = {}
        self._seeds: dict[int, list[int]] = {}
        self.taken: list[tuple[int, int]] = []  # sorted spans of accepted mentions
        self._not_name_spans: list[tuple[int, int]] | None = None   # see `in_not_name`

    def sentence_of(self, start: int, end: int) -> int:
        """Index of the sentence holding [start, end), or -1 if it crosses one or lies outside."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return -1
        s = self.doc.sentences[i]
        return i if s.start <= start and end <= s.end else -1

    def morphemes(self, i: int) -> list[Morpheme]:
        return self.doc.morphemes(i)

    def seeds(self, i: int) -> list[int]:
        """Indices of sentence i's proper nouns and words without a reading (`seed_indices`)."""
        got = self._seeds.get(i)
        if got is None:
            got = self._seeds[i] = seed_indices(self.doc.morphemes(i))
        return got

    def bounds(self, i: int) -> tuple[set[int], set[int]]:
        got = self._bounds.get(i)
        if got is None:
            ms = self.doc.morphemes(i)
            got = self._bounds[i] = ({m.start for m in ms}, {m.end for m in ms})
        return got

    def edges_clean(self, start: int, end: int, i: int, after_dot: bool = False) -> bool:
        """A name must not be the middle of a longer word: katakana and Latin by character
        class (MeCab splits unknown katakana names anywhere), kanji and kana by morphemes.
        `after_dot` lets katakana follow `X・` (the caller knows X is a word of its own)."""
        text = self.text
        first, last = text[start], text[end - 1]
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if is_katakana(first):
            if before and is_katakana(before):
                return False
            if before in "・=＝" and start > 1 and is_katakana(text[start - 2]) and not after_dot:
                return False
        elif is_latin_or_digit(first):
            if before and (is_latin_or_digit(before) or before in "-.&"):
                return False
        elif start not in self.bounds(i)[0]:
            return False
        if is_katakana(last):
            if after and is_katakana(after):
                return False
        elif is_latin_or_digit(last):
            if after and (is_latin_or_digit(after) or after in "-&"):
                return False
        elif end not in self.bounds(i)[1]:
            return False
        return True

    def in_not_name(self, start: int, end: int, strictly: bool = False) -> bool:
        """[start, end) lies inside a word the lexicon lists as no name (日経 in 日経平均, 米ドル); `strictly`:
        inside and shorter (the word itself may still be a name by other evidence: 中日 in 中日ドラゴンズ)."""
        spans = self._not_name_spans
        if spans is None:
            rx = lexicon().not_names_re
            spans = self._not_name_spans = [m.span() for m in rx.finditer(self.text)] if rx else []
        return any(a <= start and end <= b and not (strictly and (a, b) == (start, end)) for a, b in spans)

    def is_free(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.taken, (start, start))
        if k > 0 and self.taken[k - 1][1] > start:
            return False
        return not (k < len(self.taken) and self.taken[k][0] < end)

    def take(self, start: int, end: int) -> None:
        bisect.insort(self.taken, (start, end))

    def grows_by(self, c: Candidate, end: int) -> bool:
        """[c.end, end) is free and whole morphemes right after c, within its sentence: c may take it in."""
        i = self.sentence_of(c.start, end)
        return i >= 0 and c.end in self.bounds(i)[0] and end in self.bounds(i)[1] and self.is_free(c.end, end)

    def replace(self, found: list[Candidate], old: Candidate, new: Candidate) -> None:
        """`new` (a longer name) stands where `old` stood, in `found` and among the spans taken."""
        self.taken.remove((old.start, old.end))
        self.take(new.start, new.end)
        found.remove(old)
        found.append(new)

    def absorb(self, found: list[Candidate], start: int, end: int) -> list[Candidate] | None:
        """Clear [start, end) for one longer name: the candidates inside it give way (removed from `found`
        and the spans taken, and returned); None, with nothing changed, if one straddles an edge."""
        inner = [c for c in found if start <= c.start and c.end <= end]
        if any(c.start < end and start < c.end and c not in inner for c in found):
            return None
        for c in inner:
            found.remove(c)
            self.taken.remove((c.start, c.end))
        return inner

    def mention_ending_at(self, end: int) -> tuple[int, int] | None:
        k = bisect.bisect_left(self.taken, (end, end))
        if k > 0 and self.taken[k - 1][1] == end:
            return self.taken[k - 1]
        return None


def script_of(ch: str) -> str:
    if is_katakana(ch):
        return "katakana"
    if is_kanji(ch):
        return "kanji"
    if is_latin_or_digit(ch):
        return "latin"
    return "other"
