"""One batch of raw files, end to end in memory: bytes → the tables' rows.

Pure: takes bytes and metadata, returns Polars frames and figures. The
Prefect task around it reads the files; this is what runs on a worker, so
only plain data goes in and comes out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from flows.extract import extract_document
from flows.ingest.articles import parse_file
from flows.ingest.sources import SourceRow
from flows.publish.frames import batch_frames
from flows.publish.validate import batch_problems
from flows.stopwatch import Stopwatch


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
    problems: list[str] = field(default_factory=list)  # spans that do not match the text, etc.


def process_batch(items: list[BatchItem], with_tokens: bool) -> BatchResult:
    watch = Stopwatch()
    docs, extracted, rejected = [], [], []
    for item in items:
        result = parse_file(item.source_file, item.data, item.input_format, item.sidecar)
        docs.extend(result.documents)
        rejected.extend(result.rejected)
        watch.lap("ingest")
        for doc in result.documents:
            for i in range(len(doc.sentences)):
                doc.morphemes(i)  # one MeCab pass, shared by every extractor
            watch.lap("tokens")
            extracted.append(extract_document(doc, watch.lap))
            if not with_tokens:
                doc.drop_morphemes()  # the open profile keeps no tokens: free them now
    frames = batch_frames(docs, extracted, rejected, with_tokens)
    watch.lap("frames")
    problems = batch_problems(frames)  # the checks that need the article text, while it is here
    if not with_tokens:  # the open profile publishes no text: it need not travel or be stored
        frames["documents"] = frames["documents"].with_columns(pl.lit(None, pl.String).alias("text"))
        frames["sentences"] = frames["sentences"].with_columns(pl.lit(None, pl.String).alias("text"))
    watch.lap("check")
    return BatchResult(frames, len(items), sum(len(d.text) for d in docs), watch.seconds, problems)
