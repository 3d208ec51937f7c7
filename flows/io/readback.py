"""Reading a published release back and checking it, as a user would receive it."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import polars as pl

from flows.publish.validate import foreign_key_problems, schema_problems, span_problems
from schemas.tables import TABLES


def load_release(release: Path) -> dict[str, pl.DataFrame]:
    return {name: pl.read_parquet(release / f"{name}.parquet")
            for name in TABLES if (release / f"{name}.parquet").exists()}


def check_release_dir(release: Path) -> tuple[list[str], dict[str, int]]:
    manifest_path = release / "manifest.json"
    if not manifest_path.exists():
        return [f"{manifest_path} is missing"], {}
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    problems = []
    for rel, meta in manifest.get("files", {}).items():
        path = release / rel
        if not path.exists():
            problems.append(f"{rel} is listed in the manifest but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != meta["sha256"]:
            problems.append(f"{rel} does not match its SHA-256 in the manifest")
    tables = load_release(release)
    profile = manifest.get("profile", "open")
    missing = [t for t in manifest.get("tables", {}) if t not in tables]
    problems += [f"{t}.parquet is missing" for t in missing]
    problems += schema_problems(tables, profile)
    problems += foreign_key_problems(tables)
    if profile == "full":
        problems += span_problems(tables)
    return problems, {name: df.height for name, df in tables.items()}
