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


class _Stopwatch:
    """Wall and CPU (this thread) seconds per stage; CPU time stays right when batches share a process."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._mark = (time.perf_counter(), time.thread_time())

    def lap(self, stage: str) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + wall - self._mark[0]
        self.seconds[f"{stage}_cpu"] = self.seconds.get(f"{stage}_cpu", 0.0) + cpu - self._mark[1]
        self._mark = (wall, cpu)


def process_batch(items: list[BatchItem], with_tokens: bool) -> BatchResult:
    watch = _Stopwatch()
    docs, extracted, rejected = [], [], []
    for item in items:
        result = parse_file(item.source_file, item.data, item.input_format, item.sidecar)
        docs.extend(result.documents)
        rejected.extend(result.rejected)
        watch.lap("ingest")
        extracted.extend(extract_document(d) for d in result.documents)
        watch.lap("extract")
    frames = batch_frames(docs, extracted, rejected, with_tokens)
    watch.lap("frames")
    return BatchResult(frames, len(items), sum(len(d.text) for d in docs), watch.seconds)
