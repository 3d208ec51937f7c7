"""Validated tables → the bytes of every file of a release (nothing written here).

Parquet (zstd, one row group layout fixed by sorted, rechunked frames) and
CSV (UTF-8, lists joined with `|`, formula-like text cells neutralised),
`datapackage.json`, `DATA_DICTIONARY.md` and `manifest.json` with the
SHA-256 of every file. The same tables always give the same bytes: no
timestamps, no paths of the machine, keys sorted.
"""
from __future__ import annotations

import hashlib
import io
import json

import polars as pl

from schemas.build import CSV_NEUTRALISED_PREFIXES, LIST_DELIMITER, data_dictionary, datapackage
from schemas.fields import FIELDS
from schemas.tables import TABLES, published_tables

PARQUET_COMPRESSION = "zstd"
PARQUET_LEVEL = 9
ROW_GROUP_SIZE = 1_000_000
LICENSE_NOTE = (
    "The articles are copyrighted by their publishers: the open profile carries no article text beyond quotes and "
    "the spans of mentions and triggers."
)


def open_columns(tables: dict[str, pl.DataFrame], profile: str) -> dict[str, pl.DataFrame]:
    """The tables and columns a profile publishes."""
    return {t.name: tables[t.name].select(t.columns_for(profile)) for t in published_tables(profile)}


def parquet_bytes(df: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.rechunk().write_parquet(buf, compression=PARQUET_COMPRESSION, compression_level=PARQUET_LEVEL,
                               statistics=True, row_group_size=ROW_GROUP_SIZE)
    return buf.getvalue()


def _neutralise(expr: pl.Expr) -> pl.Expr:
    """Prefix a quote to text cells a spreadsheet would read as a formula (CSV only)."""
    starts = pl.lit(False)
    for prefix in CSV_NEUTRALISED_PREFIXES:
        starts = starts | expr.str.starts_with(prefix)
    return pl.when(starts).then(pl.lit("'") + expr).otherwise(expr)


def csv_bytes(df: pl.DataFrame) -> bytes:
    exprs = []
    for name, dtype in df.schema.items():
        col = pl.col(name)
        kind = FIELDS[name].type
        if kind == "string_list":
            col = _neutralise(col.list.join(LIST_DELIMITER))
        elif kind == "string":
            col = _neutralise(col)
        elif kind == "bool":
            col = col.cast(pl.String).str.to_lowercase()
        exprs.append(col.alias(name))
    buf = io.BytesIO()
    df.select(exprs).write_csv(buf, include_header=True, line_terminator="\n", quote_style="necessary",
                               date_format="%Y-%m-%d", null_value="")
    return buf.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_table(name: str, df: pl.DataFrame) -> dict[str, bytes]:
    """The Parquet and CSV files of one table (with the columns its profile publishes)."""
    return {f"{name}.parquet": parquet_bytes(df), f"csv/{name}.csv": csv_bytes(df)}


def render_metadata(profile: str, version: str, pipeline_version: str, inputs: list[dict],
                    rows: dict[str, int], written: dict[str, bytes | dict]) -> dict[str, bytes]:
    """datapackage.json, DATA_DICTIONARY.md and manifest.json; `written` holds the table files (bytes,
    or their {"sha256", "bytes"} when already written out), so the manifest lists every file's hash."""
    files: dict[str, bytes] = {
        "datapackage.json": (json.dumps(datapackage(profile, version, LICENSE_NOTE), ensure_ascii=False,
                                        indent=2) + "\n").encode("utf-8"),
        "DATA_DICTIONARY.md": data_dictionary(profile).encode("utf-8"),
    }
    listed = {path: data if isinstance(data, dict) else {"sha256": sha256(data), "bytes": len(data)}
              for path, data in {**written, **files}.items()}
    manifest = {
        "dataset": "hodo",
        "version": version,
        "pipeline_version": pipeline_version,
        "profile": profile,
        "inputs": sorted(inputs, key=lambda r: r["file"]),
        "tables": {
            t.name: {"rows": rows[t.name], "parquet": f"{t.name}.parquet", "csv": f"csv/{t.name}.csv",
                     "primary_key": list(t.primary_key)}
            for t in published_tables(profile)
        },
        "files": dict(sorted(listed.items())),
    }
    files["manifest.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def render_release(tables: dict[str, pl.DataFrame], profile: str, version: str,
                   inputs: list[dict], pipeline_version: str) -> dict[str, bytes]:
    """Relative path → bytes, for every file of the release (tables in memory)."""
    published = open_columns(tables, profile)
    files: dict[str, bytes] = {}
    for name, df in published.items():
        files.update(render_table(name, df))
    rows = {name: df.height for name, df in published.items()}
    return {**files, **render_metadata(profile, version, pipeline_version, inputs, rows, files)}
