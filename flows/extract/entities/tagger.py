"""The entity model's weights and its tagging loop, made cheap.

Scores for the 13 labels are summed as *one* Python integer: each feature's
weights are packed into lanes of 32 bits (`Σ w_j << 32·j`), so adding a
feature's weights to all labels is one big-integer addition at C speed, and
the lanes are read back once per morpheme. A bias added before reading makes
every lane non-negative, so the signed sums come out exact (each stays far
below 2³¹ in size).

The features come in groups that depend on one or two morphemes only
(`model_features.py`); the packed sum of a group is remembered per distinct
argument, as news text repeats its morphemes, so most morphemes cost a
dozen dictionary look-ups and additions. Memories are bounded (cleared when
full). The result is exactly that of summing `morpheme_features` one by one
(a unit test checks it).
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from flows.extract.entities import model_features as F
from flows.extract.entities.model_features import LABELS
from flows.text.morphemes import Morpheme

MODEL_FILE = Path(__file__).parent / "model.json"
LANE = 32
_MASK = (1 << LANE) - 1
_BIAS = sum(1 << (LANE * j + LANE - 1) for j in range(len(LABELS)))
_BYTES = LANE // 8 * len(LABELS)
_LANES = struct.Struct(f"<{len(LABELS)}I")  # the lanes read back in one call
_MEMO_SIZE = 100_000
# Memory keys are ints and strings, which the garbage collector does not track (tuples it does:
# building them by the million made collections a large share of the cost).
_PAIR = 1 << 20  # numbers stay below _MEMO_SIZE < _PAIR, so a·_PAIR + b names the pair (a, b)


def _allowed(prev: str) -> tuple[int, ...]:
    """Label indices allowed after `prev`: I-X only after B-X or I-X."""
    return tuple(j for j, lab in enumerate(LABELS)
                 if not lab.startswith("I-") or prev != "O" and prev[2:] == lab[2:])


_ALLOWED = {lab: (_allowed(lab), itemgetter(*_allowed(lab))) for lab in LABELS}


_KINDS = ("id", "m", "pp", "pn", "t", "c", "l")


@dataclass
class Model:
    packed: dict[str, int]  # feature → its weights for every label, packed
    memo: dict[str, dict] = field(default_factory=lambda: {kind: {} for kind in _KINDS})

    def sum(self, feats: list[str]) -> int:
        return sum(map(self.packed.get, feats, repeat(0)))

    def rows(self, ms: list[Morpheme], spans: list[tuple[int, int]]) -> list[tuple | None]:
        """For the morphemes of each span [a, b) and two either side (None elsewhere): (number, and
        the packed sums of the morpheme's feature groups as itself, as the one before, after, two
        before, two after). The number is a cheap key for the pair memories; all is remembered per
        distinct morpheme."""
        numbers, groups = self.memo["id"], self.memo["m"]
        if len(numbers) >= _MEMO_SIZE:
            for memo in self.memo.values():
                memo.clear()  # numbers are keys of the other memories
        out: list[tuple | None] = [None] * len(ms)
        wanted: set[int] = set()
        for a, b in spans:
            wanted.update(range(max(0, a - 2), min(len(ms), b + 2)))
        for k in wanted:
            m = ms[k]
            key = m[2:]
            n = numbers.get(key)
            if n is None:
                n = numbers[key] = len(numbers)
                s = self.sum
                groups[n] = (n, s(F.unigram(m)), s(F.as_prev(m)), s(F.as_next(m)), s(F.as_prev2(m)),
                             s(F.as_next2(m)))
            out[k] = groups[n]
        return out

    def learn(self, kind: str, key, feats: list[str]) -> int:
        """Remember the packed sum of a feature group under (kind, key)."""
        memo = self.memo[kind]
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        got = memo[key] = self.sum(feats)
        return got


@cache
def model() -> Model | None:
    """The trained weights (`model.json` beside this file), or None if the file is missing."""
    path = MODEL_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["labels"]) != LABELS:
        raise ValueError(f"{path.name}: labels {data['labels']} do not match the feature code's {LABELS}")
    packed = {f: sum(int(w) << (LANE * int(j)) for j, w in ws) for f, ws in data["weights"].items()}
    return Model(packed)


def static_score(mdl: Model, ms: list[Morpheme], rows: list, k: int, tags: list[str], a: int, b: int) -> int:
    """Packed sum of `morpheme_features(ms, k, tags, a, b)`, from the remembered group sums (`rows`
    from `Model.rows` over k-2..k+2)."""
    memo, learn, packed = mdl.memo, mdl.learn, mdl.packed
    m = ms[k]
    row = rows[k]
    x = row[1]
    n_ms = len(ms)
    tag_key = f"{tags[k - 1] if k > 0 else '^'}|{tags[k]}|{tags[k + 1] if k + 1 < n_ms else '$'}"
    v = memo["t"].get(tag_key)
    if v is None:
        feats = F.tag_here(tags[k])
        if k > 0:
            feats += F.tag_prev(tags[k - 1])
        if k + 1 < n_ms:
            feats += F.tag_next(tags[k + 1])
        v = learn("t", tag_key, feats)
    x += v
    if k > 0:
        p = ms[k - 1]
        prow = rows[k - 1]
        x += prow[2]
        key = prow[0] * _PAIR + row[0]
        v = memo["pp"].get(key)
        x += v if v is not None else learn("pp", key, F.pair_prev(p, m))
        if p.end != m.start:
            x += packed.get("gap-1", 0)
        if k > 1:
            x += rows[k - 2][4]
    else:
        x += packed.get("w-1=^", 0)
    if k + 1 < n_ms:
        nrow = rows[k + 1]
        x += nrow[3]
        key = row[0] * _PAIR + nrow[0]
        v = memo["pn"].get(key)
        x += v if v is not None else learn("pn", key, F.pair_next(m, ms[k + 1]))
        if k + 2 < n_ms:
            x += rows[k + 2][5]
    else:
        x += packed.get("w+1=$", 0)
    after = ms[b].surface if b < n_ms else "$"
    place = F.chunk_place(ms, k, a, b)
    key = f"{place}{row[0]}|{after}"
    v = memo["c"].get(key)
    return x + (v if v is not None else learn("c", key, F.chunk_context(place, F.shape(m.surface), after)))


def tag_chunk(mdl: Model, ms: list[Morpheme], rows: list, a: int, b: int, tags: list[str]) -> list[str]:
    """Labels of morphemes a..b-1, greedy left to right; ties go to the first label (O).
    (`static_score` inlined: this loop is the model's hot spot.)"""
    memo, learn, packed = mdl.memo, mdl.learn, mdl.packed
    memo_t, memo_pp, memo_pn, memo_c, memo_l = memo["t"], memo["pp"], memo["pn"], memo["c"], memo["l"]
    unpack = _LANES.unpack
    n_ms = len(ms)
    after = ms[b].surface if b < n_ms else "$"
    start_weight, end_weight, gap_weight = packed.get("w-1=^", 0), packed.get("w+1=$", 0), packed.get("gap-1", 0)
    out = []
    prev = "O"
    for k in range(a, b):
        m = ms[k]
        row = rows[k]
        x = row[1] + _BIAS
        tag_key = f"{tags[k - 1] if k > 0 else '^'}|{tags[k]}|{tags[k + 1] if k + 1 < n_ms else '$'}"
        v = memo_t.get(tag_key)
        if v is None:
            feats = F.tag_here(tags[k])
            if k > 0:
                feats += F.tag_prev(tags[k - 1])
            if k + 1 < n_ms:
                feats += F.tag_next(tags[k + 1])
            v = learn("t", tag_key, feats)
        x += v
        if k > 0:
            p = ms[k - 1]
            prow = rows[k - 1]
            key = prow[0] * _PAIR + row[0]
            v = memo_pp.get(key)
            x += prow[2] + (v if v is not None else learn("pp", key, F.pair_prev(p, m)))
            if p.end != m.start:
                x += gap_weight
            if k > 1:
                x += rows[k - 2][4]
        else:
            x += start_weight
        if k + 1 < n_ms:
            nrow = rows[k + 1]
            key = row[0] * _PAIR + nrow[0]
            v = memo_pn.get(key)
            x += nrow[3] + (v if v is not None else learn("pn", key, F.pair_next(m, ms[k + 1])))
            if k + 2 < n_ms:
                x += rows[k + 2][5]
        else:
            x += end_weight
        place = "S" if b - a == 1 else "B" if k == a else "E" if k == b - 1 else "M"
        key = f"{place}{row[0]}|{after}"
        v = memo_c.get(key)
        x += v if v is not None else learn("c", key, F.chunk_context(place, F.shape(m.surface), after))
        key = f"{prev}|{m.pos1}|{m.pos2}"
        v = memo_l.get(key)
        x += v if v is not None else learn("l", key, F.label_features(prev, m))
        allowed, pick = _ALLOWED[prev]
        scores = pick(unpack(x.to_bytes(_BYTES, "little")))
        prev = LABELS[allowed[scores.index(max(scores))]]  # the first of equals: O before any name
        out.append(prev)
    return out
