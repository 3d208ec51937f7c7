"""Thin Prefect tasks: each reads or writes what it must and calls one pure function."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import get_run_logger, task

from flows import __version__, pipeline_version
from flows.batch import BatchItem, BatchResult, process_batch
from flows.ingest.articles import Rejection
from flows.ingest.sources import SIDECAR_NAME, SourceRow, parse_sidecar
from flows.io.rawdir import RawFile, read_sidecar, scan_raw_dir
from flows.io.release import write_release
from flows.publish.assemble import assemble
from flows.publish.frames import frame
from flows.publish.render import render_release
from flows.publish.validate import validate_release


@dataclass
class Inventory:
    files: list[RawFile]
    sidecar: dict[str, SourceRow] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)

    def inputs(self) -> list[dict]:
        return [{"file": f.source_file, "sha256": f.sha256, "bytes": f.size} for f in self.files]


@task(name="scan raw folder")
def scan_inputs(raw_dir: str, max_bytes: int) -> Inventory:
    raw = Path(raw_dir)
    files, rejected = scan_raw_dir(raw, max_bytes)
    sidecar: dict[str, SourceRow] = {}
    text = read_sidecar(raw)
    if text is not None:
        sidecar, problems = parse_sidecar(text, {f.source_file for f in files})
        rejected += [Rejection(SIDECAR_NAME, p.location, "", p.reason) for p in problems]
    get_run_logger().info("%d raw files, %d refused before reading, sidecar rows: %d",
                          len(files), len(rejected), len(sidecar))
    return Inventory(files, sidecar, rejected)


@task(name="process batch", retries=1, retry_delay_seconds=1)
def process_files(batch: list[RawFile], sidecar: dict[str, SourceRow], input_format: str,
                  with_tokens: bool) -> BatchResult:
    items = [BatchItem(f.source_file, Path(f.path).read_bytes(), input_format, sidecar.get(f.source_file))
             for f in batch]
    return process_batch(items, with_tokens)


@task(name="assemble tables")
def assemble_tables(results: list[BatchResult], rejected: list[Rejection]) -> dict[str, pl.DataFrame]:
    frames = [r.frames for r in results]
    frames.append({"rejected": frame("rejected", [r.__dict__ for r in rejected])})
    return assemble(frames)


@task(name="validate tables")
def validate_tables(tables: dict[str, pl.DataFrame]) -> None:
    validate_release(tables)


@task(name="publish release")
def publish_release(tables: dict[str, pl.DataFrame], out_dir: str, profile: str, inputs: list[dict]) -> dict:
    files = render_release(tables, profile, f"{__version__}", inputs, pipeline_version())
    write_release(Path(out_dir), files)
    return {path: len(data) for path, data in files.items()}
