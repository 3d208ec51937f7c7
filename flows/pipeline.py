"""The hodo flow: raw articles → a validated, published release.

    scan raw folder → plan (reuse unchanged files) → process batches (ingest, text, extract)
    → assemble → validate → publish → save state → report

Reads like the table of contents of the pipeline; the work happens in the
tasks (`tasks.py`), which call pure functions. The run holds the output
folder's lock throughout, so two runs on one output folder take turns.
"""
from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import as_completed
from prefect.states import Completed

from flows import progress
from flows.io.rawdir import DEFAULT_MAX_BYTES, RawDirProblem, RawFile
from flows.io.release import release_lock
from flows.io.state import state_dir_for
from flows.publish.report import run_report
from flows.runners import task_runner_from_env
from flows.stopwatch import Stopwatch
from flows.tasks import (
    assemble_tables,
    plan_incremental,
    process_files,
    publish_release,
    publish_report,
    save_incremental_state,
    scan_inputs,
    validate_tables,
)

DEFAULT_BATCH_BYTES = 2 * 1024 * 1024


class NothingUsable(RuntimeError):
    """Every input was rejected: there is nothing to publish."""


def plan_batches(files: list[RawFile], batch_bytes: int) -> list[list[RawFile]]:
    """Coarse batches of about `batch_bytes` each, in file-name order."""
    batches: list[list[RawFile]] = []
    current: list[RawFile] = []
    size = 0
    for f in files:
        if current and size + f.size > batch_bytes:
            batches.append(current)
            current, size = [], 0
        current.append(f)
        size += f.size
    if current:
        batches.append(current)
    return batches


@flow(name="hodo-build-release", log_prints=False, validate_parameters=True, task_runner=task_runner_from_env())
def build_release(raw_dir: str = "raw", out_dir: str = "output", profile: str = "open",
                  input_format: str = "auto", batch_bytes: int = DEFAULT_BATCH_BYTES,
                  max_bytes: int = DEFAULT_MAX_BYTES, incremental: bool = True):
    """Build the release of `raw_dir` into `out_dir`; reuse unchanged files' rows when `incremental`."""
    logger = get_run_logger()
    if profile not in ("open", "full"):
        raise ValueError(f"unknown profile {profile!r}: use open or full")
    started = time.perf_counter()
    watch = Stopwatch()
    state_dir = str(state_dir_for(Path(out_dir)))
    with release_lock(Path(out_dir)):
        watch.lap("lock")
        inventory = scan_inputs(raw_dir, max_bytes)
        if not inventory.files:
            raise RawDirProblem(f"no article files to read in {raw_dir}; the previous release is left as it was")
        plan, keys, reused = plan_incremental(inventory, state_dir if incremental else None, input_format,
                                              profile == "full")
        watch.lap("scan")
        batches = plan_batches(plan.todo, batch_bytes)
        futures = [process_files.submit(b, inventory.sidecar, input_format, profile == "full") for b in batches]
        results = []
        progress.report("articles", len(plan.reuse), len(inventory.files))
        for future in as_completed(futures):
            results.append(future.result())
            progress.report("articles", len(plan.reuse) + sum(r.n_files for r in results), len(inventory.files))
        watch.lap("batches")
        frames = [r.frames for r in results] + ([reused] if reused else [])
        tables = assemble_tables(frames, inventory.rejected)
        watch.lap("assemble")
        if tables["documents"].height == 0:
            raise NothingUsable(f"all {len(inventory.files)} inputs were rejected (see the reasons above); "
                                "the previous release is left as it was")
        validate_tables(tables)
        watch.lap("validate")
        publish_release(tables, out_dir, profile, inventory.inputs())
        watch.lap("publish")
        save_incremental_state(state_dir, keys, frames)
        watch.lap("state")
    seconds = {k: sum(r.seconds.get(k, 0.0) for r in results) for k in {k for r in results for k in r.seconds}}
    seconds.update(watch.seconds)
    seconds["total"] = time.perf_counter() - started
    report = run_report(tables, profile, [f.source_file for f in plan.todo], plan.reuse, plan.removed, seconds,
                        sum(r.n_chars for r in results))
    report["markdown"] = publish_report(report)
    n_rejected = tables["rejected"].height
    if n_rejected:
        logger.warning("%d inputs were rejected; see %s/csv/rejected.csv", n_rejected, out_dir)
        return Completed(message=f"published with {n_rejected} inputs rejected", data=report)
    return report
