"""Long fuzz run of segmentation and every extractor (issue 7): thousands of examples.

    python bench/fuzz.py --examples 3000

Prints how many examples ran and whether any failed (the failing input is printed by Hypothesis).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.property.test_fuzz_extractors import PUBLISHED, TEXT, check  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=3000)
    args = ap.parse_args()
    count = 0

    @given(TEXT, PUBLISHED)
    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(text, published):
        nonlocal count
        count += 1
        check(text, published)

    started = time.perf_counter()
    try:
        run()
    except Exception as err:  # Hypothesis has printed the shrunk failing example
        print(f"FAILED after {count} examples: {type(err).__name__}: {err}")
        return 1
    print(f"{count} examples through segmentation and every extractor, no failure "
          f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
