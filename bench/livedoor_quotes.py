"""Quotes over the livedoor news corpus: counts, speaker coverage, speed, and a sample to check by eye.

Runs the real entity extractor (whatever state it is in) and the quote
extractor over every article, prints the number of quotes by kind, the share
with a resolved speaker, and how long quote extraction took per character,
and writes a fixed-seed random sample of quotes with their sentence and
speaker to a Markdown file for a reader to judge.

    python bench/livedoor_quotes.py /work/shared/corpora/livedoor --out bench/quotes_sample.md

A news-like review set (the categories closest to the seed articles; in the
gadget categories only press items, whose opening reports an announcement),
with its keys saved so the same quotes can be judged again after a change:

    python bench/livedoor_quotes.py --categories topic-news,sports-watch,it-life-hack,kaden-channel \\
        --press-only it-life-hack,kaden-channel --sample 150 --seed 7 \\
        --out bench/quotes_news_sample.md --keys-out bench/quotes_news_keys.tsv

    # later: what the extractor now gives at each sampled place
    python bench/livedoor_quotes.py --categories topic-news,sports-watch,it-life-hack,kaden-channel \\
        --press-only it-life-hack,kaden-channel --rejudge bench/quotes_news_keys.tsv \\
        --out bench/quotes_news_now.md
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows.extract.entities import extract_entities
from flows.extract.quotes import explain_quotes
from flows.ingest.articles import parse_file

# An announcement in the title or the first lines of the body: a press item (発表した, 発売する).
PRESS = re.compile(r"発表した|発表する|と発表|を発表|発売する|発売した|提供を開始|開始する|開始した|"
                   r"明らかにした|あきらかにした")
KEY_FIELDS = ("n", "file", "start", "end", "quote_kind", "speaker_text", "speaker_entity_id", "attribution",
              "reporting_verb", "text")


def is_press_item(path: Path) -> bool:
    lines = path.read_text(encoding="utf-8").splitlines()[2:]
    return bool(PRESS.search("\n".join(lines)[:600]))


def warm_up() -> None:
    """Load the extractors' lexicons and models once per worker, outside the timed calls."""
    for doc in parse_file("warm.txt", "トランプ氏は「交渉する」と述べた。".encode()).documents:
        explain_quotes(doc, extract_entities(doc)[0])


def run_file(path: str) -> dict:
    """Quotes of one file, with their sentence (and the sentences around it) for review."""
    p = Path(path)
    out = {"file": f"{p.parent.name}/{p.name}", "quotes": [], "nonquotes": [], "chars": 0,
           "t_entities": 0.0, "t_quotes": 0.0}
    for doc in parse_file(p.name, p.read_bytes()).documents:
        out["chars"] += len(doc.text)
        for i in range(len(doc.sentences)):       # tokenise first: shared work, not the extractors'
            doc.morphemes(i)
        t0 = time.process_time()                 # CPU time: workers share the cores
        mentions, _ = extract_entities(doc)
        t1 = time.process_time()
        quotes, nonquotes = explain_quotes(doc, mentions)
        t2 = time.process_time()
        out["t_entities"] += t1 - t0
        out["t_quotes"] += t2 - t1
        out["nonquotes"] += [(a, b, why) for a, b, why in nonquotes]
        for q in quotes:
            i = doc.sentence_at(q["start"])
            s = doc.sentences[i]
            before = doc.sentence_text(i - 1) if i > 0 else ""
            after = doc.sentence_text(i + 1) if i + 1 < len(doc.sentences) else ""
            sentence = (doc.text[s.start:q["start"]] + "【" + q["text"] + "】" + doc.text[q["end"]:s.end])
            out["quotes"].append({**q, "file": out["file"], "sentence": sentence, "before": before,
                                  "after": after, "sentence_text": doc.sentence_text(i),
                                  "sentence_start": s.start})
    return out


def print_counts(results: list[dict], files: list[str], wall: float) -> list[dict]:
    quotes = [q for r in results for q in r["quotes"]]
    chars = sum(r["chars"] for r in results)
    t_quotes = sum(r["t_quotes"] for r in results)
    print(f"files {len(files)}  chars {chars:,}  wall {wall:.0f}s  quotes {len(quotes)}  "
          f"brackets judged names/terms {sum(len(r['nonquotes']) for r in results)}")
    for kind in ("direct", "partial", "indirect", None):
        sub = [q for q in quotes if kind is None or q["quote_kind"] == kind]
        entity = sum(q["speaker_entity_id"] is not None for q in sub)
        named = sum(q["speaker_text"] is not None for q in sub)
        print(f"  {kind or 'all':9s} {len(sub):6d}  speaker entity {entity / max(len(sub), 1):6.1%}  "
              f"speaker text {named / max(len(sub), 1):6.1%}")
    print("  attribution", dict(Counter(q["attribution"] for q in quotes)))
    print("  channel", dict(Counter(q["channel"] for q in quotes).most_common()))
    print("  top verbs", Counter(q["reporting_verb"] for q in quotes).most_common(15))
    print(f"  quote extraction {t_quotes:.1f}s CPU = {t_quotes / max(chars, 1) * 1e6:.3f} µs/char "
          f"(entities {sum(r['t_entities'] for r in results):.1f}s, tokens excluded)")
    return quotes


def describe(q: dict) -> str:
    speaker = q["speaker_text"] or "—"
    if q["speaker_entity_id"]:
        speaker += f" (`{q['speaker_entity_id']}`)"
    return (f"{q['quote_kind']}; speaker: {speaker}, {q['attribution']}; verb: {q['reporting_verb'] or '—'}; "
            f"channel: {q['channel'] or '—'}")


def write_sample(sample: list[dict], header: str, out: str, context: bool) -> None:
    lines = ["# Quotes sampled from the livedoor corpus", "", header, ""]
    for n, q in enumerate(sample, 1):
        lines += [f"## {n}. {q['quote_kind']} — {q['file']}", "", f"- {describe(q)}",
                  f"- sentence: {q['sentence']}"]
        if context or q["attribution"] == "carried":
            lines.append(f"- before: {q['before']}")
        if context:
            lines.append(f"- after: {q['after']}")
        lines.append("")
    Path(out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


def write_keys(sample: list[dict], path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(KEY_FIELDS)
        for n, q in enumerate(sample, 1):
            w.writerow([n] + [q[k] if q[k] is not None else "" for k in KEY_FIELDS[1:]])
    print(f"wrote {path}")


def rejudge(results: list[dict], keys_path: str, out: str) -> None:
    """For each sampled quote: what the extractor gives now at the same place (overlapping quotes),
    or that the bracket is now judged a non-quote, or nothing."""
    by_file: dict[str, list[dict]] = {}
    nonquotes: dict[str, list[tuple[int, int, str]]] = {}
    for r in results:
        by_file.setdefault(r["file"], []).extend(r["quotes"])
        nonquotes.setdefault(r["file"], []).extend(r["nonquotes"])
    with open(keys_path, encoding="utf-8") as f:
        keys = list(csv.DictReader(f, delimiter="\t"))
    lines = ["# The review set judged again", "",
             f"What the extractor gives now at each of the {len(keys)} places of `{keys_path}`.", ""]
    same = 0
    for k in keys:
        a, b = int(k["start"]), int(k["end"])
        now = [q for q in by_file.get(k["file"], []) if q["start"] < b and a < q["end"]]
        was = (f"{k['quote_kind']}; speaker: {k['speaker_text'] or '—'}, {k['attribution']}; "
               f"verb: {k['reporting_verb'] or '—'}")
        lines += [f"## {k['n']}. {k['file']}", "", f"- before: {was} — 【{k['text']}】"]
        unchanged = False
        for q in now:
            lines.append(f"- now: {describe(q)} — {q['sentence']}")
            unchanged = unchanged or (q["start"], q["end"], q["quote_kind"], q["speaker_text"] or "",
                                      q["attribution"]) == (a, b, k["quote_kind"], k["speaker_text"],
                                                            k["attribution"])
        if not now:
            why = [w for s, e, w in nonquotes.get(k["file"], []) if s < b and a < e]
            lines.append(f"- now: no quote ({why[0] if why else 'no bracket or report found'})")
        same += unchanged
        lines.append(f"- changed: {'no' if unchanged else 'yes'}")
        lines.append("")
    lines.insert(3, f"{same} unchanged, {len(keys) - same} changed.\n")
    Path(out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}: {same} unchanged, {len(keys) - same} changed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="/work/shared/corpora/livedoor")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "quotes_sample.md"))
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--categories", default="", help="comma-separated category folders (default: all)")
    ap.add_argument("--press-only", default="", help="categories of which only press items count")
    ap.add_argument("--keys-out", default="", help="write the sampled quotes' keys (TSV) for --rejudge")
    ap.add_argument("--rejudge", default="", help="keys TSV: report what the extractor gives there now")
    args = ap.parse_args()

    cats = set(filter(None, args.categories.split(",")))
    press = set(filter(None, args.press_only.split(",")))
    files = sorted(p for p in Path(args.corpus).glob("*/*.txt") if p.name != "LICENSE.txt"
                   and (not cats or p.parent.name in cats))
    files = [str(p) for p in files if p.parent.name not in press or is_press_item(p)]
    if args.limit:
        files = files[:args.limit]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.workers, initializer=warm_up) as pool:
        results = list(pool.map(run_file, files, chunksize=32))
    wall = time.perf_counter() - t0
    quotes = print_counts(results, files, wall)
    if args.rejudge:
        rejudge(results, args.rejudge, args.out)
        return

    # A stable sample: the quotes with the smallest hash of (seed, file, offsets). A change to the
    # extractor changes the sample only where it changes the quotes themselves.
    def rank(q: dict) -> str:
        return hashlib.sha256(f"{args.seed}|{q['file']}|{q['start']}|{q['end']}".encode()).hexdigest()
    sample = sorted(quotes, key=rank)[:args.sample]
    where = f"the categories {', '.join(sorted(cats))}" if cats else "the whole corpus"
    if press:
        where += f" (of {', '.join(sorted(press))} only press items)"
    header = (f"{len(sample)} quotes drawn by hash (seed {args.seed}) from {len(quotes)} found in {len(files)} "
              f"articles of {where} by `bench/livedoor_quotes.py`. The quote is in 【】 within its sentence; the "
              "sentence before is shown for carried speakers. Judge: is it a quote of this kind, is the span right, "
              "is the speaker right?")
    write_sample(sample, header, args.out, context=bool(args.keys_out))
    if args.keys_out:
        write_keys(sample, args.keys_out)


if __name__ == "__main__":
    main()
