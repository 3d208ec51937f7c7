"""The state an incremental run reuses: every file's rows before assembly, and their keys.

Kept in a hidden folder beside the output folder (`.output.state/` for
`output/`), written atomically like a release. A missing, unreadable or
foreign state just means a full rebuild.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import polars as pl

from flows.io.release import write_release

STATE_FORMAT = 1


def state_dir_for(out: Path) -> Path:
    out = out.absolute()
    return out.with_name(f".{out.name}.state")


def load_state(state_dir: Path) -> tuple[dict[str, str], dict[str, pl.DataFrame]]:
    index_path = state_dir / "state.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
        if index.get("format") != STATE_FORMAT:
            return {}, {}
        frames = {name: pl.read_parquet(state_dir / f"{name}.parquet") for name in index["tables"]}
        return dict(index["files"]), frames
    except (OSError, ValueError, KeyError, pl.exceptions.PolarsError):
        return {}, {}


def save_state(state_dir: Path, keys: dict[str, str], frames: dict[str, pl.DataFrame]) -> None:
    files: dict[str, bytes] = {}
    for name, df in frames.items():
        buf = io.BytesIO()
        df.write_parquet(buf, compression="zstd", compression_level=1)
        files[f"{name}.parquet"] = buf.getvalue()
    index = {"format": STATE_FORMAT, "tables": sorted(frames), "files": dict(sorted(keys.items()))}
    files["state.json"] = json.dumps(index, indent=1).encode("utf-8")
    write_release(state_dir, files)
