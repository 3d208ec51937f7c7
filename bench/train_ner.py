"""Train the entity model (`flows/extract/entities/model.json`) on the train half of Stockmark NER.

    python bench/train_ner.py ../shared/data/ner/stockmark_dev.jsonl [--out PATH] [--dev]

An averaged perceptron over morphemes, greedy left to right with B-/I-/O
labels, on the features of `flows/extract/entities/model_features.py`
(which include the rules' own findings). Only sentences of the `train`
half (`bench/eval_ner.py --split train`, a salted hash of the article ID)
are read; score the result on the other half with
`bench/eval_ner.py PATH --split test`.

Deterministic: a fixed number of epochs over a fixed order (a seeded
shuffle), integer weights, features and labels written sorted, so the same
data and code give the same file byte for byte. `--dev` trains on part of
the train half and prints span scores on the rest (cross-validation), for
choosing features without looking at the test half.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import types
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
_pkg = types.ModuleType("flows.extract")  # the entity extractor alone, not the others
_pkg.__path__ = [str(ROOT / "flows" / "extract")]
sys.modules.setdefault("flows.extract", _pkg)

from eval_ner import GOLD_TYPES, load  # noqa: E402
from flows.extract.entities import rule_candidates  # noqa: E402
from flows.extract.entities.tagger import MODEL_FILE  # noqa: E402
from flows.extract.entities.model_features import (LABELS, bracketed, chunks, label_features,  # noqa: E402
                                                   morpheme_features, rule_tags)
from flows.extract.entities.view import TextView  # noqa: E402
from flows.text.document import build_document  # noqa: E402

EPOCHS = 12
SEED = 20260
MIN_COUNT = 2       # features seen fewer times in training are left out (most single names among them)
SCALE = 1000        # weights are stored as integers: round(average weight × SCALE)
INDEX = {lab: j for j, lab in enumerate(LABELS)}


def instances(rows: list[dict]) -> list[tuple[list[list[str]], list[str], list[str]]]:
    """One instance per chunk: the label-independent features of each morpheme, its surface-level
    POS for the label features, and the gold labels."""
    out = []
    for row in rows:
        doc = build_document([("body", row["text"])])
        view = TextView(doc)
        found = rule_candidates(view)
        gold = [(e["span"][0], e["span"][1], GOLD_TYPES[e["type"]]) for e in row["entities"]]
        for i in range(len(doc.sentences)):
            ms = view.morphemes(i)
            if not ms:
                continue
            tags = rule_tags(view, i, ms, found)
            labels = ["O"] * len(ms)
            for s, e, t in gold:
                first = True
                for k, m in enumerate(ms):
                    if s <= m.start and m.end <= e:
                        labels[k] = ("B-" if first else "I-") + t
                        first = False
            inside = bracketed(view.text, ms)
            for a, b in chunks(ms, tags, inside):
                feats = [morpheme_features(ms, k, tags, a, b) for k in range(a, b)]
                pos = [ms[k] for k in range(a, b)]
                out.append((feats, pos, labels[a:b]))
    return out


class Perceptron:
    """Averaged multiclass perceptron (weights averaged over every update step)."""

    def __init__(self, n_labels: int, features: set[str]):
        self.n = n_labels
        self.features = features
        self.w: dict[str, list[float]] = {}
        self.total: dict[str, list[float]] = {}
        self.stamp: dict[str, list[int]] = {}
        self.step = 0

    def scores(self, feats: list[str]) -> list[float]:
        s = [0.0] * self.n
        for f in feats:
            ws = self.w.get(f)
            if ws:
                for j in range(self.n):
                    s[j] += ws[j]
        return s

    def update(self, feats: list[str], truth: int, guess: int) -> None:
        for f in feats:
            if f not in self.features:
                continue
            ws = self.w.setdefault(f, [0.0] * self.n)
            tot = self.total.setdefault(f, [0.0] * self.n)
            st = self.stamp.setdefault(f, [0] * self.n)
            for j, d in ((truth, 1.0), (guess, -1.0)):
                tot[j] += (self.step - st[j]) * ws[j]
                st[j] = self.step
                ws[j] += d

    def averaged(self) -> dict[str, list[int]]:
        out = {}
        for f, ws in self.w.items():
            tot, st = self.total[f], self.stamp[f]
            avg = [(tot[j] + (self.step - st[j]) * ws[j]) / max(1, self.step) for j in range(self.n)]
            ints = [round(a * SCALE) for a in avg]
            if any(ints):
                out[f] = ints
        return out


def allowed(prev: str) -> list[int]:
    return [j for j, lab in enumerate(LABELS) if not lab.startswith("I-") or prev != "O" and prev[2:] == lab[2:]]


def train(data: list, epochs: int = EPOCHS) -> dict[str, list[int]]:
    counts = Counter(f for feats, _, _ in data for fs in feats for f in fs)
    features = {f for f, c in counts.items() if c >= MIN_COUNT} | {f"t-1={lab}" for lab in LABELS}
    model = Perceptron(len(LABELS), features)
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(order)
        for idx in order:
            feats, ms, gold = data[idx]
            prev = "O"
            for fs, m, g in zip(feats, ms, gold):
                full = fs + label_features(prev, m)
                sc = model.scores(full)
                guess = max(allowed(prev), key=sc.__getitem__)
                if g.startswith("I-") and prev[2:] != g[2:]:
                    g = "B-" + g[2:]  # after a wrong guess, the best reachable label starts the name
                model.step += 1
                if LABELS[guess] != g:
                    model.update(full, INDEX[g], guess)
                prev = LABELS[guess]
    return model.averaged()


def write(weights: dict[str, list[int]], path: Path, meta: dict) -> None:
    """One feature a line, sorted; sparse (label index, weight) pairs."""
    lines = [json.dumps(f, ensure_ascii=False) + ": " +
             json.dumps([[j, w] for j, w in enumerate(ws) if w], separators=(",", ":"))
             for f, ws in sorted(weights.items())]
    head = json.dumps({"labels": list(LABELS), "meta": meta}, ensure_ascii=False, sort_keys=True)[:-1]
    path.write_text(head + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")


def fold_of(curid: str) -> int:
    return int(hashlib.sha256(("dev:" + curid).encode()).hexdigest(), 16) % 5


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--dev", type=int, default=0, metavar="K",
                    help="cross-validate on the train half: K of its 5 folds held out in turn, scores summed")
    args = ap.parse_args()
    rows = load(args.path, "train")
    if args.dev:
        totals: Counter = Counter()
        # the fold models go to a scratch file unless --out names one: never over the shipped model
        out = args.out if args.out != MODEL_FILE else Path(tempfile.mkdtemp()) / "model.json"
        for fold in range(args.dev):
            fit = [r for r in rows if fold_of(r["curid"]) != fold]
            held = [r for r in rows if fold_of(r["curid"]) == fold]
            write(train(instances(fit), args.epochs), out, {})
            totals += score(held, out)
        from eval_ner import prf
        for kind in ("rules", "model"):
            p, r, f = prf(totals[kind, "tp"], totals[kind, "pred"], totals["gold"])
            print(f"{kind}: typed P {p:.3f} R {r:.3f} F1 {f:.3f}, untyped F1 "
                  f"{prf(totals[kind, 'utp'], totals[kind, 'pred'], totals['gold'])[2]:.3f}")
        return
    weights = train(instances(rows), args.epochs)
    meta = {"data": "Stockmark ner-wikipedia-dataset (CC-BY-SA 3.0), train half of shared/data/ner/stockmark_dev.jsonl",
            "split": "sha256('hodo-ner-split:' + curid) even", "sentences": len(rows),
            "epochs": args.epochs, "min_count": MIN_COUNT, "scale": SCALE, "seed": SEED}
    write(weights, args.out, meta)
    print(f"{len(weights)} features, {args.out} ({args.out.stat().st_size:,} bytes)")


def score(rows: list[dict], path: Path) -> Counter:
    """Exact-span counts of the rules alone and of rules + model on `rows`."""
    import flows.extract.entities.tagger as tagger_module
    from eval_ner import OURS
    from flows.extract.entities import extract_entities
    tagger_module.MODEL_FILE = path
    tagger_module.model.cache_clear()
    out: Counter = Counter()
    for row in rows:
        doc = build_document([("body", row["text"])])
        gold = {(e["span"][0], e["span"][1], GOLD_TYPES[e["type"]]) for e in row["entities"]}
        out["gold"] += len(gold)
        for kind in ("rules", "model"):
            mentions, _ = extract_entities(doc, use_model=kind == "model")
            pred = {(m["start"], m["end"], OURS.get(m["entity_type"], m["entity_type"])) for m in mentions}
            out[kind, "tp"] += len(pred & gold)
            out[kind, "utp"] += len({p[:2] for p in pred} & {g[:2] for g in gold})
            out[kind, "pred"] += len(pred)
    return out


if __name__ == "__main__":
    main()
