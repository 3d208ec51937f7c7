"""Everything that describes a table, generated from `fields.py` and `tables.py`.

- `polars_schema(table, profile)`: column name → Polars dtype, in order
- `arrow_schema(table, profile)`: the same as a pyarrow schema
- `pandera_schema(table, profile)`: the pandera (polars backend) schema
- `datapackage(profile, ...)`: a Frictionless Tabular Data Package (CSV side)
- `data_dictionary(profile)`: DATA_DICTIONARY.md
"""
from __future__ import annotations

import functools

import pandera.polars as pa
import polars as pl
import pyarrow as pa_arrow

from schemas.fields import FIELDS, Field
from schemas.tables import TABLES, Table, published_tables

POLARS_TYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "int": pl.Int64(),
    "bool": pl.Boolean(),
    "date": pl.Date(),
    "string_list": pl.List(pl.String()),
}
ARROW_TYPES = {
    "string": pa_arrow.large_string(),
    "int": pa_arrow.int64(),
    "bool": pa_arrow.bool_(),
    "date": pa_arrow.date32(),
    "string_list": pa_arrow.large_list(pa_arrow.large_string()),
}
FRICTIONLESS_TYPES = {"string": "string", "int": "integer", "bool": "boolean", "date": "date"}
LIST_DELIMITER = "|"
CSV_NEUTRALISED_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def polars_schema(table: Table | str, profile: str = "full") -> dict[str, pl.DataType]:
    t = TABLES[table] if isinstance(table, str) else table
    return {c: POLARS_TYPES[FIELDS[c].type] for c in t.columns_for(profile)}


def arrow_schema(table: Table | str, profile: str = "full") -> pa_arrow.Schema:
    t = TABLES[table] if isinstance(table, str) else table
    return pa_arrow.schema(
        [pa_arrow.field(c, ARROW_TYPES[FIELDS[c].type], nullable=t.nullable(c)) for c in t.columns_for(profile)]
    )


def empty_frame(table: Table | str, profile: str = "full") -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table, profile))


@functools.cache
def pandera_schema(table_name: str, profile: str = "full") -> pa.DataFrameSchema:
    t = TABLES[table_name]
    columns = {}
    for c in t.columns_for(profile):
        f = FIELDS[c]
        checks = [pa.Check.isin(list(f.enum))] if f.enum else []
        if c in ("start", "end", "n_chars", "n_sentences", "n_mentions", "n_documents", "part", "i", "paragraph"):
            checks.append(pa.Check.ge(0))
        columns[c] = pa.Column(POLARS_TYPES[f.type], nullable=t.nullable(c), checks=checks, description=f.description)
    return pa.DataFrameSchema(columns, unique=list(t.primary_key), strict=True, ordered=True, name=t.name)


def _frictionless_field(f: Field, table: Table) -> dict:
    out: dict = {"name": f.name, "description": f.description}
    if f.type == "string_list":
        out.update(type="list", delimiter=LIST_DELIMITER, itemType="string")
    else:
        out["type"] = FRICTIONLESS_TYPES[f.type]
    constraints: dict = {}
    if not table.nullable(f.name):
        constraints["required"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if constraints:
        out["constraints"] = constraints
    return out


def datapackage(profile: str, version: str, license_note: str) -> dict:
    resources = []
    for t in published_tables(profile):
        schema: dict = {
            "fields": [_frictionless_field(FIELDS[c], t) for c in t.columns_for(profile)],
            "primaryKey": list(t.primary_key),
            "missingValues": [""],
        }
        fks = [fk for fk in t.foreign_keys if TABLES[fk.table].published_in(profile)]
        if fks:
            schema["foreignKeys"] = [
                {"fields": [fk.column], "reference": {"resource": fk.table, "fields": [fk.ref]}} for fk in fks
            ]
        resources.append({
            "name": t.name,
            "title": t.name,
            "description": t.description,
            "path": f"csv/{t.name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "dialect": {"delimiter": ",", "header": True, "quoteChar": '"', "doubleQuote": True},
            "schema": schema,
            "parquet_path": f"{t.name}.parquet",
        })
    return {
        "profile": "tabular-data-package",
        "name": "hodo",
        "title": "hodo: entities, quotes and events from Japanese news articles",
        "version": version,
        "description": f"Built by the hodo pipeline ({profile} profile). {license_note}",
        "resources": resources,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def data_dictionary(profile: str) -> str:
    lines = [
        "# hodo data dictionary",
        "",
        f"Profile: `{profile}`. Generated from `schemas/` by the pipeline; do not edit by hand.",
        "",
        "Each table is published as Parquet (`<table>.parquet`, zstd) and as CSV (`csv/<table>.csv`, UTF-8, one "
        "header line). In CSV, list columns are joined with `|`, dates are ISO 8601 (`YYYY-MM-DD`), booleans are "
        "`true`/`false` and null is the empty cell.",
        "",
        "**CSV formula injection.** In the CSV files only, a text cell that starts with `=`, `+`, `-`, `@`, a tab "
        "or a carriage return is prefixed with a single quote (`'`), so that spreadsheet programs do not run it "
        "as a formula. The Parquet files keep the exact text; use them when the exact characters matter.",
        "",
        "Spans: `start`/`end` are Unicode code-point offsets into `documents.text` (end exclusive); "
        "`documents.text` is published in the `full` profile only, since the articles are copyrighted.",
        "",
    ]
    for t in published_tables(profile):
        lines += [f"## `{t.name}`", "", t.description, "",
                  f"Primary key: {', '.join(f'`{c}`' for c in t.primary_key)}.", ""]
        fks = [fk for fk in t.foreign_keys if TABLES[fk.table].published_in(profile)]
        if fks:
            lines += ["Foreign keys: " + "; ".join(f"`{fk.column}` → `{fk.table}.{fk.ref}`" for fk in fks) + ".", ""]
        lines += ["| column | type | null | description | allowed values |", "|---|---|---|---|---|"]
        for c in t.columns_for(profile):
            f = FIELDS[c]
            allowed = ", ".join(f"`{v}`" for v in f.enum) if f.enum else ""
            null = "yes" if t.nullable(c) else "no"
            lines.append(f"| `{c}` | {f.type} | {null} | {_cell(f.description)} | {allowed} |")
        lines.append("")
    return "\n".join(lines)
