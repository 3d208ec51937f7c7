"""The hodo flow: raw articles → a validated, published release.

    scan raw folder → plan (reuse unchanged files) → process batches (ingest, text, extract),
    each stored to disk as it arrives → assemble, validate and write the release table by table
    → swap it in → save the incremental index → report

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
from flows.io.state import part_name, state_dir_for
from flows.publish.validate import ReleaseInvalid
from flows.publish.report import run_report
from flows.runners import task_runner
from flows.stopwatch import Stopwatch
from flows.tasks import (
    commit_state,
    plan_incremental,
    process_files,
    publish_release,
    publish_report,
    scan_inputs,
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


@flow(name="hodo-build-release", log_prints=False, validate_parameters=True)
def build_release(raw_dir: str = "raw", out_dir: str = "output", profile: str = "open",
                  input_format: str = "auto", batch_bytes: int = DEFAULT_BATCH_BYTES,
                  max_bytes: int = DEFAULT_MAX_BYTES, incremental: bool = True, workers: int = 1,
                  dask_address: str | None = None):
    """Build the release of `raw_dir` into `out_dir`; reuse unchanged files' rows when `incremental`.

    The batches run one at a time in this process, on `workers` processes of a local Dask cluster, or
    on the Dask scheduler at `dask_address`."""
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
        plan, keys, previous = plan_incremental(inventory, state_dir, incremental, input_format, profile == "full")
        watch.lap("scan")
        batches = plan_batches(plan.todo, batch_bytes)
        parts = [part_name([keys[f.source_file] for f in b]) for b in batches]
        index = {f: previous[f] for f in plan.reuse}
        batch_seconds: dict[str, float] = {}
        problems: list[str] = []
        n_chars = done = 0
        progress.report("articles", len(plan.reuse), len(inventory.files))
        # the batches' own task runner (threads or Dask) lives only while they run: a local cluster's
        # workers are gone before the release is assembled, so the two never hold memory at once
        with task_runner(workers, dask_address) as runner:
            futures = {runner.submit(process_files, {"batch": b, "sidecar": inventory.sidecar,
                                                     "input_format": input_format, "with_tokens": profile == "full",
                                                     "state_dir": state_dir, "part": part}): (b, part)
                       for b, part in zip(batches, parts)}
            for future in as_completed(list(futures)):
                result, (batch, part) = future.result(), futures.pop(future)
                index.update({f.source_file: {"key": keys[f.source_file], "part": part} for f in batch})
                problems += result.problems
                for k, v in result.seconds.items():
                    batch_seconds[k] = batch_seconds.get(k, 0.0) + v
                n_chars += result.n_chars
                done += result.n_files
                progress.report("articles", len(plan.reuse) + done, len(inventory.files))
        watch.lap("batches")
        if problems:
            raise ReleaseInvalid(problems)
        rows, figures, publish_seconds = publish_release(state_dir, index, inventory.rejected, out_dir, profile,
                                                         inventory.inputs())
        watch.lap("publish")
        if rows.get("documents", 0) == 0:
            raise NothingUsable(f"all {len(inventory.files)} inputs were rejected (see the reasons above); "
                                "the previous release is left as it was")
        commit_state(state_dir, index)
        watch.lap("state")
    seconds = {**batch_seconds, **publish_seconds, **watch.seconds, "total": time.perf_counter() - started}
    report = run_report(rows, figures, [f.source_file for f in plan.todo], plan.reuse, plan.removed, seconds,
                        n_chars)
    report["markdown"] = publish_report(report)
    n_rejected = rows["rejected"]
    if n_rejected:
        logger.warning("%d inputs were rejected; see %s/csv/rejected.csv", n_rejected, out_dir)
        return Completed(message=f"published with {n_rejected} inputs rejected", data=report)
    return report
