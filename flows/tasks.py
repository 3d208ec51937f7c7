"""Thin Prefect tasks: each reads or writes what it must and calls one pure function."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows import __version__, pipeline_version
from flows.batch import BatchItem, BatchResult, process_batch
from flows.ingest.articles import Rejection
from flows.ingest.sources import SIDECAR_NAME, SourceRow, parse_sidecar
from flows.io.rawdir import RawFile, read_sidecar, scan_raw_dir
from flows.io.release import write_release
from flows.io.state import load_state, save_state
from flows.publish.assemble import assemble
from flows.publish.frames import frame
from flows.publish.incremental import WorkPlan, file_key, merge_state, plan_work, reuse_rows
from flows.publish.render import render_release
from flows.publish.report import report_markdown
from flows.publish.validate import validate_release


@dataclass
class Inventory:
    files: list[RawFile]
    sidecar: dict[str, SourceRow] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)

    def inputs(self) -> list[dict]:
        return [{"file": f.source_file, "sha256": f.sha256, "bytes": f.size} for f in self.files]


@task(name="scan raw folder", cache_policy=NO_CACHE)
def scan_inputs(raw_dir: str, max_bytes: int) -> Inventory:
    raw = Path(raw_dir)
    files, rejected = scan_raw_dir(raw, max_bytes)
    sidecar: dict[str, SourceRow] = {}
    text = read_sidecar(raw)
    if text is not None:
        sidecar, problems = parse_sidecar(text, {f.source_file for f in files})
        rejected += [Rejection(SIDECAR_NAME, p.location, "", p.reason) for p in problems]
    get_run_logger().info("%d raw files, %d refused before reading, %d sidecar rows",
                          len(files), len(rejected), len(sidecar))
    return Inventory(files, sidecar, rejected)


@task(name="plan incremental work", cache_policy=NO_CACHE)
def plan_incremental(inventory: Inventory, state_dir: str | None, input_format: str,
                     with_tokens: bool) -> tuple[WorkPlan, dict[str, str], dict[str, pl.DataFrame]]:
    version = pipeline_version()
    keys = {f.source_file: file_key(f, inventory.sidecar.get(f.source_file), input_format, with_tokens, version)
            for f in inventory.files}
    previous, state = load_state(Path(state_dir)) if state_dir else ({}, {})
    plan = plan_work(inventory.files, keys, previous)
    reused = reuse_rows(state, plan.reuse) if plan.reuse else {}
    get_run_logger().info("%d files to process, %d reused from the previous run, %d removed since",
                          len(plan.todo), len(plan.reuse), len(plan.removed))
    return plan, keys, reused


@task(name="process batch", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=1)
def process_files(batch: list[RawFile], sidecar: dict[str, SourceRow], input_format: str,
                  with_tokens: bool) -> BatchResult:
    items = [BatchItem(f.source_file, Path(f.path).read_bytes(), input_format, sidecar.get(f.source_file))
             for f in batch]
    return process_batch(items, with_tokens)


@task(name="assemble tables", cache_policy=NO_CACHE)
def assemble_tables(frames: list[dict[str, pl.DataFrame]], rejected: list[Rejection]) -> dict[str, pl.DataFrame]:
    return assemble([*frames, {"rejected": frame("rejected", [r.__dict__ for r in rejected])}])


@task(name="validate tables", cache_policy=NO_CACHE)
def validate_tables(tables: dict[str, pl.DataFrame]) -> None:
    validate_release(tables)


@task(name="publish release", cache_policy=NO_CACHE)
def publish_release(tables: dict[str, pl.DataFrame], out_dir: str, profile: str, inputs: list[dict]) -> list[str]:
    files = render_release(tables, profile, __version__, inputs, pipeline_version())
    write_release(Path(out_dir), files)
    return sorted(files)


@task(name="save incremental state", cache_policy=NO_CACHE)
def save_incremental_state(state_dir: str, keys: dict[str, str], frames: list[dict[str, pl.DataFrame]]) -> None:
    save_state(Path(state_dir), keys, merge_state([f for f in frames if f]))


@task(name="publish run report", cache_policy=NO_CACHE)
def publish_report(report: dict) -> str:
    create_table_artifact(key="hodo-row-counts", table=[{"table": k, "rows": v} for k, v in report["rows"].items()],
                          description="Rows per published table")
    if report["rejected"]:
        create_table_artifact(key="hodo-rejected", table=report["rejected"], description="Rejected inputs")
    text = report_markdown(report)
    create_markdown_artifact(key="hodo-run-report", markdown=text, description="hodo run report")
    return text
