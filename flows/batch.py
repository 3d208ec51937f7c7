"""One batch of raw files, end to end in memory: bytes → the tables' rows.

Pure: takes bytes and metadata, returns Polars frames and figures. The
Prefect task around it reads the files; this is what runs on a worker, so
only plain data goes in and comes out.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import polars as pl

from flows.extract import extract_document
from flows.ingest.articles import parse_file
from flows.ingest.sources import SourceRow
from flows.publish.frames import batch_frames


@dataclass(frozen=True)
class BatchItem:
    source_file: str
    data: bytes
    input_format: str = "auto"
    sidecar: SourceRow | None = None


@dataclass
class BatchResult:
    frames: dict[str, pl.DataFrame]
    n_files: int
    n_chars: int
    seconds: dict[str, float] = field(default_factory=dict)


def process_batch(items: list[BatchItem], with_tokens: bool) -> BatchResult:
    seconds = {"ingest": 0.0, "extract": 0.0, "frames": 0.0}
    docs, extracted, rejected = [], [], []
    for item in items:
        t0 = time.perf_counter()
        result = parse_file(item.source_file, item.data, item.input_format, item.sidecar)
        t1 = time.perf_counter()
        docs.extend(result.documents)
        rejected.extend(result.rejected)
        extracted.extend(extract_document(d) for d in result.documents)
        seconds["ingest"] += t1 - t0
        seconds["extract"] += time.perf_counter() - t1
    t0 = time.perf_counter()
    frames = batch_frames(docs, extracted, rejected, with_tokens)
    seconds["frames"] = time.perf_counter() - t0
    return BatchResult(frames, len(items), sum(len(d.text) for d in docs), seconds)
