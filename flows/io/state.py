"""Where a run keeps every batch's rows, and what an incremental run reuses.

A hidden folder beside the output folder (`.output.state/` for `output/`):

    parts/<part>/<table>.parquet   the rows of one processed batch, each tagged with its raw file
    index.json                     raw file → its key and the part holding its rows

A run writes each batch's rows to a new part as soon as the batch is done (so the flow holds one
batch at a time, not the corpus), assembles the release from the parts its raw files point to, and
only after the release is published replaces `index.json` (atomically) and deletes the parts no
file points to any more. A killed run leaves the previous index and its parts intact; a missing,
unreadable or foreign index just means a full rebuild.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import polars as pl

from flows.publish.frames import SOURCE, frame

STATE_FORMAT = 2


def state_dir_for(out: Path) -> Path:
    out = out.absolute()
    return out.with_name(f".{out.name}.state")


def part_name(keys: list[str]) -> str:
    """A batch's part is named by its files' keys: the same batch of the same files, the same part."""
    return hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:20]


class StateStore:
    def __init__(self, root: Path):
        self.root = root
        self.parts = root / "parts"

    def load_index(self) -> dict[str, dict[str, str]]:
        """raw file → {"key", "part"} of the last published run."""
        try:
            index = json.loads((self.root / "index.json").read_text(encoding="utf-8"))
            if index.get("format") != STATE_FORMAT:
                return {}
            files = index["files"]
            return {f: v for f, v in files.items() if (self.parts / v["part"]).is_dir()}
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def write_part(self, name: str, frames: dict[str, pl.DataFrame]) -> None:
        """Write one batch's rows (all tables, empty ones too, so every part scans alike)."""
        final = self.parts / name
        if final.is_dir():
            return  # the same files with the same keys: the rows are already there
        tmp = self.parts / f".{name}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for table, df in frames.items():
            df.write_parquet(tmp / f"{table}.parquet", compression="zstd", compression_level=1)
        os.replace(tmp, final)

    def rows(self, table: str, index: dict[str, dict[str, str]]) -> pl.LazyFrame:
        """All rows of `table` belonging to the files of `index`, from their parts."""
        by_part: dict[str, list[str]] = {}
        for source_file, entry in sorted(index.items()):
            by_part.setdefault(entry["part"], []).append(source_file)
        scans = []
        for part, files in sorted(by_part.items()):
            path = self.parts / part / f"{table}.parquet"
            if path.exists():
                keep = pl.Series(SOURCE, files, dtype=pl.String).implode()
                scans.append(pl.scan_parquet(path).filter(pl.col(SOURCE).is_in(keep)))
        if not scans:
            return frame(table, []).with_columns(pl.lit(None, pl.String).alias(SOURCE)).lazy()
        return pl.concat(scans, how="diagonal_relaxed")

    def commit(self, index: dict[str, dict[str, str]]) -> None:
        """Make `index` the state, then delete the parts nothing points to."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".index.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"format": STATE_FORMAT, "files": dict(sorted(index.items()))}, indent=1),
                       encoding="utf-8")
        os.replace(tmp, self.root / "index.json")
        live = {v["part"] for v in index.values()}
        if self.parts.is_dir():
            for path in self.parts.iterdir():
                if path.name not in live:
                    shutil.rmtree(path, ignore_errors=True)
