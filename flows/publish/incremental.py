"""What an incremental run redoes, and what it reuses.

Each raw file has a key: its name, the SHA-256 of its bytes, its sidecar
row, the input format, whether tokens are kept, and the pipeline version
(a hash of the code and lexicons). A file whose key is in the previous
run's state is reused, its rows taken from the state as they were; any
other file is processed. Removed files simply have no key any more. Since
each file is processed independently and the release is assembled from all
files' rows the same way either way, the result equals a full rebuild.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

import polars as pl

from flows.ingest.sources import SourceRow
from flows.io.rawdir import RawFile
from flows.publish.frames import SOURCE


@dataclass
class WorkPlan:
    todo: list[RawFile]
    reuse: list[str]
    removed: list[str]


def file_key(f: RawFile, sidecar: SourceRow | None, input_format: str, with_tokens: bool,
             pipeline_version: str) -> str:
    side = {k: str(v) for k, v in asdict(sidecar).items()} if sidecar else None
    blob = json.dumps([f.source_file, f.sha256, side, input_format, with_tokens, pipeline_version], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def plan_work(files: list[RawFile], keys: dict[str, str], previous: dict[str, str]) -> WorkPlan:
    """`keys`: this run's key per file; `previous`: the keys of the state being reused."""
    reuse = [f.source_file for f in files if previous.get(f.source_file) == keys[f.source_file]]
    reused = set(reuse)
    todo = [f for f in files if f.source_file not in reused]
    removed = sorted(set(previous) - set(keys))
    return WorkPlan(todo, reuse, removed)


def reuse_rows(state: dict[str, pl.DataFrame], files: list[str]) -> dict[str, pl.DataFrame]:
    """The previous run's rows of the given files, per table."""
    keep = pl.Series(SOURCE, files, dtype=pl.String)
    return {name: df.filter(pl.col(SOURCE).is_in(keep.implode())) for name, df in state.items()}


def merge_state(frames: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """All files' rows per table, in file order, for the next run to reuse."""
    names = sorted({n for f in frames for n in f})
    return {name: pl.concat([f[name] for f in frames if name in f], how="vertical").sort(SOURCE, maintain_order=True)
            for name in names}
