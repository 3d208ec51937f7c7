"""What an incremental run redoes, and what it reuses.

Each raw file has a key: its name, the SHA-256 of its bytes, its sidecar
row, the input format, whether tokens are kept, and the pipeline version
(a hash of the code and lexicons). A file whose key is in the previous
run's index is reused, its rows read from the part the index names; any
other file is processed. Removed files simply have no key any more. Since
each file is processed independently and the release is assembled from all
files' rows the same way either way, the result equals a full rebuild.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from flows.ingest.sources import SourceRow
from flows.io.rawdir import RawFile


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


def plan_work(files: list[RawFile], keys: dict[str, str], previous: dict[str, dict[str, str]]) -> WorkPlan:
    """`keys`: this run's key per file; `previous`: the last run's index (file → key and part)."""
    reuse = [f.source_file for f in files if previous.get(f.source_file, {}).get("key") == keys[f.source_file]]
    reused = set(reuse)
    todo = [f for f in files if f.source_file not in reused]
    removed = sorted(set(previous) - set(keys))
    return WorkPlan(todo, reuse, removed)
