"""Thin Prefect tasks: each reads or writes what it must and calls one pure function."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from flows import __version__, pipeline_version
from flows.batch import BatchItem, BatchResult, process_batch
from flows.ingest.articles import Rejection
from flows.ingest.sources import SIDECAR_NAME, SourceRow, parse_sidecar
from flows.io.rawdir import RawFile, read_sidecar, scan_raw_dir
from flows.io.release import ReleaseWriter
from flows.io.state import StateStore
from flows.publish.frames import frame
from flows.publish.incremental import WorkPlan, file_key, plan_work
from flows.publish.render import render_metadata
from flows.publish.report import report_markdown
from flows.publish.stream import publish_tables
from flows.stopwatch import Stopwatch


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
def plan_incremental(inventory: Inventory, state_dir: str, incremental: bool, input_format: str,
                     with_tokens: bool) -> tuple[WorkPlan, dict[str, str], dict[str, dict[str, str]]]:
    version = pipeline_version()
    keys = {f.source_file: file_key(f, inventory.sidecar.get(f.source_file), input_format, with_tokens, version)
            for f in inventory.files}
    previous = StateStore(Path(state_dir)).load_index() if incremental else {}
    plan = plan_work(inventory.files, keys, previous)
    get_run_logger().info("%d files to process, %d reused from the previous run, %d removed since",
                          len(plan.todo), len(plan.reuse), len(plan.removed))
    return plan, keys, previous


@task(name="process batch", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=1)
def process_files(batch: list[RawFile], sidecar: dict[str, SourceRow], input_format: str, with_tokens: bool,
                  state_dir: str, part: str) -> BatchResult:
    """Process one batch and store its rows in the state folder's part `part` where it ran: only the
    figures travel back, so the flow never holds the corpus's rows (on a cluster, the output folder
    must be on storage every worker can reach)."""
    items = [BatchItem(f.source_file, Path(f.path).read_bytes(), input_format, sidecar.get(f.source_file))
             for f in batch]
    result = process_batch(items, with_tokens)
    watch = Stopwatch()
    StateStore(Path(state_dir)).write_part(part, result.frames)
    watch.lap("store")
    return replace(result, frames={}, seconds={**result.seconds, **watch.seconds})


@task(name="publish release", cache_policy=NO_CACHE)
def publish_release(state_dir: str, index: dict[str, dict[str, str]], rejected: list[Rejection], out_dir: str,
                    profile: str, inputs: list[dict]) -> tuple[dict[str, int], dict, dict[str, float]]:
    """Assemble, check and write the release table by table, then swap it in atomically."""
    store = StateStore(Path(state_dir))
    watch = Stopwatch()
    extra = frame("rejected", [r.__dict__ for r in rejected])
    with ReleaseWriter(Path(out_dir)) as writer:
        rows, figures = publish_tables(lambda name: store.rows(name, index), profile, extra, writer.write, watch)
        if rows.get("documents", 0) == 0:
            return rows, figures, watch.seconds
        for rel, data in render_metadata(profile, __version__, pipeline_version(), inputs, rows,
                                         writer.written).items():
            writer.write(rel, data)
        writer.commit()
    watch.lap("write")
    return rows, figures, watch.seconds


@task(name="save incremental state", cache_policy=NO_CACHE)
def commit_state(state_dir: str, index: dict[str, dict[str, str]]) -> None:
    StateStore(Path(state_dir)).commit(index)


@task(name="publish run report", cache_policy=NO_CACHE)
def publish_report(report: dict) -> str:
    create_table_artifact(key="hodo-row-counts", table=[{"table": k, "rows": v} for k, v in report["rows"].items()],
                          description="Rows per published table")
    if report["rejected"]:
        create_table_artifact(key="hodo-rejected", table=report["rejected"], description="Rejected inputs")
    text = report_markdown(report)
    create_markdown_artifact(key="hodo-run-report", markdown=text, description="hodo run report")
    return text
