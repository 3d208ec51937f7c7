"""Benchmark: speed, memory and scaling of the whole pipeline on a real corpus (issue 8).

    python bench/benchmark.py [--corpus ../shared/corpora/livedoor] [--workers 2]

Runs `hodo run` (open profile, ingest to publish) as a subprocess on 1/4, 1/2, the whole corpus and
the whole corpus twice over (the second copy made distinct, so it is processed, not deduplicated),
sampling the resident memory of the whole process tree; times a bare fugashi pass over the same
article text in this process, so the ratio holds on a noisy machine; times Prefect's start-up
(a no-op flow) and an incremental rerun after adding one article. Prints the figures and writes them
with the machine and the date to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.ingest.articles import parse_file  # noqa: E402
from flows.io.rawdir import DOCUMENTATION_FILE  # noqa: E402
from flows.publish.report import BATCH_STAGES, FLOW_STAGES  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def _pss(pid: int) -> int:
    """Proportional set size: resident bytes with each shared page divided among the processes
    mapping it (libraries and the dictionary mapped by every worker count once in a sum)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_memory(root: int) -> tuple[int, int]:
    """(summed resident bytes, summed proportional bytes) of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * PAGE
    total_rss = total_pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        total_rss += rss.get(pid, 0)
        total_pss += _pss(pid)
        stack.extend(children.get(pid, []))
    return total_rss, total_pss


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, tuple[int, int], subprocess.CompletedProcess]:
    """Wall seconds and the peaks of (summed RSS, summed PSS) of the process tree of `cmd`."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = tree_memory(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return wall, (peak_rss, peak_pss), subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def article_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.is_symlink()
                  and not DOCUMENTATION_FILE.match(p.name) and not p.name.startswith("."))


def make_corpus(files: list[Path], corpus: Path, dest: Path, copies: int) -> None:
    """Hard links (or copies) of `files`; with copies > 1, the extra copies get one line more each."""
    if dest.exists():
        shutil.rmtree(dest)
    for f in files:
        rel = f.relative_to(corpus)
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(f, target)
        except OSError:
            shutil.copyfile(f, target)
        for k in range(1, copies):
            extra = target.with_name(f"{target.stem}-copy{k}{target.suffix}")
            extra.write_bytes(f.read_bytes() + f"\n（複製{k}）\n".encode("utf-8"))


def bare_fugashi(files: list[Path]) -> tuple[int, float]:
    """One MeCab pass over the articles' text, reading surfaces: (characters, seconds)."""
    import fugashi
    import unidic_lite

    texts = [d.text for f in files for d in parse_file(f.name, f.read_bytes()).documents]
    tagger = fugashi.GenericTagger(f'-r /dev/null -d "{unidic_lite.DICDIR}"')
    tagger("ウォームアップ")
    started = time.perf_counter()
    n = 0
    for text in texts:
        for w in tagger(text):
            n += len(w.surface)
    return sum(len(t) for t in texts), time.perf_counter() - started


def prefect_startup(env: dict[str, str]) -> float:
    code = ("import time; t=time.perf_counter()\nfrom prefect import flow\n@flow\ndef noop():\n    return 1\n"
            "noop(); print(time.perf_counter()-t)")
    wall, _, _ = run_measured([sys.executable, "-c", code], env)
    return wall


def hodo_run(raw: Path, out: Path, workers: int, env: dict[str, str], incremental: bool) -> dict:
    report_path = out.with_suffix(".report.json")
    cmd = [sys.executable, "-m", "flows", "run", "--raw", str(raw), "--out", str(out), "--workers", str(workers),
           "--report-json", str(report_path)]
    if not incremental:
        cmd.append("--no-incremental")
    wall, peak, _ = run_measured(cmd, env)
    report = json.loads(report_path.read_text())
    return {"wall": wall, "peak_rss": peak[0], "peak_pss": peak[1], "report": report}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "livedoor")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scales", default="0.25,0.5,1,2")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "hodo-bench")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    env = dict(os.environ, PREFECT_HOME=str(args.work / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    args.work.mkdir(parents=True, exist_ok=True)
    files = article_files(args.corpus)
    print(f"{len(files)} article files in {args.corpus}", flush=True)

    startup = prefect_startup(env)
    print(f"Prefect start-up (no-op flow, ephemeral server): {startup:.1f} s", flush=True)
    n_bare, s_bare = bare_fugashi(files)
    bare_rate = n_bare / s_bare
    print(f"bare fugashi pass: {n_bare:,} chars in {s_bare:.1f} s = {bare_rate:,.0f} chars/s (one core)", flush=True)

    runs = []
    for scale in (float(s) for s in args.scales.split(",")):
        copies = max(1, int(scale))
        subset = files if scale >= 1 else files[:: round(1 / scale)]
        raw = args.work / f"corpus-{scale:g}"
        make_corpus(subset, args.corpus, raw, copies)
        got = hodo_run(raw, args.work / f"out-{scale:g}", args.workers, env, incremental=False)
        rep = got["report"]
        chars = rep["figures"]["characters"]
        sec = rep["seconds"]
        cpu = sum(sec.get(f"{k}_cpu", 0.0) for k in BATCH_STAGES)
        row = {"scale": scale, "files": len(subset) * copies, "articles": rep["figures"]["articles"],
               "chars": chars, "wall": got["wall"], "flow": sec["total"], "peak_rss": got["peak_rss"],
               "peak_pss": got["peak_pss"], "cpu_batches": cpu, "seconds": sec}
        runs.append(row)
        print(f"scale {scale:g}: {row['articles']:,} articles, {chars:,} chars, wall {got['wall']:.1f} s "
              f"(flow {sec['total']:.1f} s), {chars / got['wall']:,.0f} chars/s end to end, "
              f"{chars / cpu:,.0f} chars per CPU s in batches, peak memory {got['peak_pss'] / 2**20:,.0f} MiB PSS "
              f"({got['peak_rss'] / 2**20:,.0f} MiB summed RSS)", flush=True)

    # incremental rerun: the whole corpus once with state, then one article more
    whole = args.work / "corpus-1"
    make_corpus(files, args.corpus, whole, 1)
    out = args.work / "out-incremental"
    hodo_run(whole, out, args.workers, env, incremental=True)
    (whole / "zz-added-article.txt").write_text(
        "追加の記事。\n\nトランプ米大統領は18日、ロシアのプーチン大統領と電話会談を行ったと明らかにした。\n",
        encoding="utf-8")
    inc = hodo_run(whole, out, args.workers, env, incremental=True)
    print(f"incremental rerun after adding one article: wall {inc['wall']:.1f} s, flow "
          f"{inc['report']['seconds']['total']:.1f} s, processed {inc['report']['files']['processed']} file(s)",
          flush=True)

    write_results(args, files, startup, n_bare, s_bare, runs, inc)
    return 0


def write_results(args, files, startup, n_bare, s_bare, runs, inc) -> None:
    mem = next((ln.split()[1] for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), "?")
    whole = next((r for r in runs if r["scale"] == 1), runs[-1])
    bare_rate = n_bare / s_bare
    per_core = whole["chars"] / whole["cpu_batches"]
    cmd = f"python bench/benchmark.py --corpus {args.corpus} --workers {args.workers} --scales {args.scales}"
    lines = [
        "# hodo benchmark", "",
        f"Run on {dt.date.today().isoformat()} — {os.cpu_count()} cores, {int(mem) / 2**20:.1f} GiB memory, "
        f"Python {platform.python_version()}, {platform.machine()}.", "",
        f"Command: `{cmd}`", "",
        f"Corpus: {args.corpus.name}, {len(files):,} article files. Pipeline: `hodo run` (open profile, ingest to "
        f"publish, `--workers {args.workers}` on a local Dask cluster, `--no-incremental`), a fresh process "
        "each run, Prefect in ephemeral mode.", "",
        "## Headline figures (whole corpus)", "",
        "| figure | value | target |", "|---|---|---|",
        f"| end to end, wall | {whole['wall']:.1f} s ({whole['chars'] / whole['wall']:,.0f} chars/s) | ≤ 60 s "
        "(≥ 160,000 chars/s) |",
        f"| of which Prefect start-up (no-op flow) | {startup:.1f} s | |",
        f"| inside the flow | {whole['flow']:.1f} s ({whole['chars'] / whole['flow']:,.0f} chars/s) | |",
        f"| bare fugashi pass, one core | {bare_rate:,.0f} chars/s | |",
        f"| extraction per core (chars per CPU second in batches) | {per_core:,.0f} chars/s = "
        f"{per_core / bare_rate:.0%} of bare fugashi | ≥ 20% |",
        f"| peak memory, whole process tree (PSS) | {whole['peak_pss'] / 2**20:,.0f} MiB | ≤ 1.5 GB, flat |",
        f"| the same as summed RSS (shared pages counted in every process) | {whole['peak_rss'] / 2**20:,.0f} MiB | |",
        f"| incremental rerun after adding one article | {inc['wall']:.1f} s wall, {inc['report']['seconds']['total']:.1f}"
        f" s in the flow | ≤ 10 s + start-up |", "",
        "## Scaling", "",
        "| corpus | articles | chars | wall s | flow s | chars/s end to end | chars per CPU s | peak PSS MiB "
        "| peak summed RSS MiB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(f"| ×{r['scale']:g} | {r['articles']:,} | {r['chars']:,} | {r['wall']:.1f} | {r['flow']:.1f} | "
                     f"{r['chars'] / r['wall']:,.0f} | {r['chars'] / r['cpu_batches']:,.0f} | "
                     f"{r['peak_pss'] / 2**20:,.0f} | {r['peak_rss'] / 2**20:,.0f} |")
    sec = whole["seconds"]
    lines += ["", "## Stages (whole corpus)", "",
              "Batch stages are summed over all batches (they run on the workers in parallel); flow stages run in "
              "the flow's process. Memory is sampled every 0.1 s over the process tree (flow, Dask workers, "
              "Prefect's ephemeral API server); PSS divides each shared page (libraries, the mapped MeCab "
              "dictionary) among the processes that map it, so the sum is what the tree holds.", "", "| stage | wall s | CPU s |", "|---|---|---|"]
    for k in BATCH_STAGES + FLOW_STAGES:
        if k in sec:
            lines.append(f"| {k} | {sec[k]:.2f} | {sec.get(k + '_cpu', 0):.2f} |")
    text = "\n".join(lines) + "\n"
    args.results.write_text(text, encoding="utf-8")
    print("\n" + text)


if __name__ == "__main__":
    sys.exit(main())
