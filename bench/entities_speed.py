"""Throughput of entity extraction on real articles (livedoor news corpus by default).

    python bench/entities_speed.py ../shared/corpora/livedoor [--limit 1500]

Reads the articles with the project's own ingest, then times (a) tokenising
every sentence, (b) tokenising plus the rules alone and (c) tokenising plus
rules and the entity model (the pipeline's default), on one core (CPU time,
fastest of two runs), and prints chars/s and the extractor's own cost in µs
per character.
"""
from __future__ import annotations

import argparse
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_pkg = types.ModuleType("flows.extract")  # the entity extractor alone, not the others
_pkg.__path__ = [str(ROOT / "flows" / "extract")]
sys.modules.setdefault("flows.extract", _pkg)

from flows.extract.entities import extract_entities  # noqa: E402
from flows.ingest.articles import parse_file  # noqa: E402


def load(folder: Path, limit: int) -> list:
    files = sorted(p for p in folder.rglob("*.txt") if p.name != "LICENSE.txt")[:limit]
    docs = []
    for p in files:
        docs += parse_file(p.name, p.read_bytes()).documents
    return docs


def run(docs, extract: bool, use_model: bool = True) -> float:
    t0 = time.process_time()
    for d in docs:
        d._morphemes.clear()
        for i in range(len(d.sentences)):
            d.morphemes(i)
        if extract:
            extract_entities(d, use_model=use_model)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=1500)
    args = ap.parse_args()
    docs = load(args.folder, args.limit)
    chars = sum(len(d.text) for d in docs)
    run(docs[:50], True)  # warm up
    tok = min(run(docs, False) for _ in range(2))
    rules = min(run(docs, True, False) for _ in range(2))
    both = min(run(docs, True) for _ in range(2))
    print(f"{len(docs)} articles, {chars} chars")
    print(f"tokenisation only:            {chars / tok:,.0f} chars/s")
    print(f"tokenisation + rules:         {chars / rules:,.0f} chars/s")
    print(f"tokenisation + rules + model: {chars / both:,.0f} chars/s")
    print(f"rules alone:                  {(rules - tok) / chars * 1e6:.2f} µs/char")
    print(f"rules + model alone:          {(both - tok) / chars * 1e6:.2f} µs/char")


if __name__ == "__main__":
    main()
