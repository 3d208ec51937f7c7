"""The hodo flow: raw articles → a validated, published release.

    scan raw folder → process batches (ingest, text, extract) → assemble → validate → publish

Reads like the table of contents of the pipeline; the work happens in the
tasks (`tasks.py`), which call pure functions.
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import as_completed

from flows import progress
from flows.io.rawdir import DEFAULT_MAX_BYTES, RawDirProblem, RawFile
from flows.io.release import release_lock
from flows.tasks import assemble_tables, process_files, publish_release, scan_inputs, validate_tables

DEFAULT_BATCH_BYTES = 2 * 1024 * 1024


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
                  max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    logger = get_run_logger()
    if profile not in ("open", "full"):
        raise ValueError(f"unknown profile {profile!r}: use open or full")
    with release_lock(Path(out_dir)):
        inventory = scan_inputs(raw_dir, max_bytes)
        if not inventory.files:
            raise RawDirProblem(f"no readable article files in {raw_dir}; the previous release is left as it was")
        batches = plan_batches(inventory.files, batch_bytes)
        futures = [process_files.submit(b, inventory.sidecar, input_format, profile == "full") for b in batches]
        results = []
        progress.report("articles", 0, len(inventory.files))
        for future in as_completed(futures):
            results.append(future.result())
            progress.report("articles", sum(r.n_files for r in results), len(inventory.files))
        tables = assemble_tables(results, inventory.rejected)
        validate_tables(tables)
        written = publish_release(tables, out_dir, profile, inventory.inputs())
    counts = {name: df.height for name, df in tables.items()}
    logger.info("published %d files to %s: %s", len(written), out_dir,
                ", ".join(f"{k}={v}" for k, v in counts.items()))
    return {"counts": counts, "files": sorted(written)}
