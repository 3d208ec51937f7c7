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


def _allowed(prev: str) -> tuple[int, ...]:
    """Label indices allowed after `prev`: I-X only after B-X or I-X."""
    return tuple(j for j, lab in enumerate(LABELS)
                 if not lab.startswith("I-") or prev != "O" and prev[2:] == lab[2:])


_ALLOWED = {lab: (_allowed(lab), itemgetter(*_allowed(lab))) for lab in LABELS}


_KINDS = ("id", "u", "t", "p", "pp", "tp", "p2", "n", "pn", "tn", "n2", "c", "l")


@dataclass
class Model:
    packed: dict[str, int]  # feature → its weights for every label, packed
    memo: dict[str, dict] = field(default_factory=lambda: {kind: {} for kind in _KINDS})

    def sum(self, feats: list[str]) -> int:
        return sum(map(self.packed.get, feats, repeat(0)))

    def ids(self, ms: list[Morpheme], lo: int, hi: int) -> list[int]:
        """A number for each distinct morpheme (its fields after the offsets), cheap memory keys, for
        morphemes lo..hi-1 (-1 elsewhere)."""
        numbers = self.memo["id"]
        if len(numbers) >= _MEMO_SIZE:
            for memo in self.memo.values():
                memo.clear()  # numbers are keys of every other memory
        setdefault = numbers.setdefault
        lo, hi = max(0, lo), min(len(ms), hi)
        return [-1] * lo + [setdefault(m[2:], len(numbers)) for m in ms[lo:hi]] + [-1] * (len(ms) - hi)

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


def static_score(mdl: Model, ms: list[Morpheme], ids: list[int], k: int, tags: list[str], a: int, b: int) -> int:
    """Packed sum of `morpheme_features(ms, k, tags, a, b)`, group by group from memory; `ids` are
    the morphemes' numbers (`Model.ids`), cheap keys for the memories."""
    memo, learn, packed = mdl.memo, mdl.learn, mdl.packed
    m = ms[k]
    mk = ids[k]
    x = memo["u"].get(mk)
    if x is None:
        x = learn("u", mk, F.unigram(m))
    tag = tags[k]
    v = memo["t"].get(tag)
    x += v if v is not None else learn("t", tag, F.tag_here(tag))
    if k > 0:
        p = ms[k - 1]
        pk = ids[k - 1]
        v = memo["p"].get(pk)
        x += v if v is not None else learn("p", pk, F.as_prev(p))
        v = memo["pp"].get((pk, mk))
        x += v if v is not None else learn("pp", (pk, mk), F.pair_prev(p, m))
        tag = tags[k - 1]
        v = memo["tp"].get(tag)
        x += v if v is not None else learn("tp", tag, F.tag_prev(tag))
        if p.end != m.start:
            x += packed.get("gap-1", 0)
        if k > 1:
            p2k = ids[k - 2]
            v = memo["p2"].get(p2k)
            x += v if v is not None else learn("p2", p2k, F.as_prev2(ms[k - 2]))
    else:
        x += packed.get("w-1=^", 0)
    n_ms = len(ms)
    if k + 1 < n_ms:
        n = ms[k + 1]
        nk = ids[k + 1]
        v = memo["n"].get(nk)
        x += v if v is not None else learn("n", nk, F.as_next(n))
        v = memo["pn"].get((mk, nk))
        x += v if v is not None else learn("pn", (mk, nk), F.pair_next(m, n))
        tag = tags[k + 1]
        v = memo["tn"].get(tag)
        x += v if v is not None else learn("tn", tag, F.tag_next(tag))
        if k + 2 < n_ms:
            n2k = ids[k + 2]
            v = memo["n2"].get(n2k)
            x += v if v is not None else learn("n2", n2k, F.as_next2(ms[k + 2]))
    else:
        x += packed.get("w+1=$", 0)
    after = ms[b].surface if b < n_ms else "$"
    place = F.chunk_place(ms, k, a, b)
    key = (place, mk, after)
    v = memo["c"].get(key)
    return x + (v if v is not None else learn("c", key, F.chunk_context(place, F.shape(m.surface), after)))


def tag_chunk(mdl: Model, ms: list[Morpheme], ids: list[int], a: int, b: int, tags: list[str]) -> list[str]:
    """Labels of morphemes a..b-1, greedy left to right; ties go to the first label (O)."""
    labels_memo = mdl.memo["l"]
    unpack = _LANES.unpack
    out = []
    prev = "O"
    for k in range(a, b):
        m = ms[k]
        key = (prev, m.pos1, m.pos2)
        v = labels_memo.get(key)
        if v is None:
            v = mdl.learn("l", key, F.label_features(prev, m))
        lanes = unpack((static_score(mdl, ms, ids, k, tags, a, b) + _BIAS + v).to_bytes(_BYTES, "little"))
        allowed, pick = _ALLOWED[prev]
        scores = pick(lanes)
        prev = LABELS[allowed[scores.index(max(scores))]]  # the first of equals: O before any name
        out.append(prev)
    return out

