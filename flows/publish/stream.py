"""Assemble, check and render the release one table at a time, handing each file to `write`.

Only the table at hand and the key columns of the tables before it (for foreign keys) are held in
memory, so a run's memory follows its largest table, not the corpus.
"""
from __future__ import annotations

from collections.abc import Callable

import polars as pl

from flows.publish.assemble import Rows, assemble_tables
from flows.publish.render import render_table
from flows.publish.report import table_figures
from flows.publish.validate import ReleaseInvalid, table_key_problems, table_schema_problems
from flows.stopwatch import Stopwatch
from schemas.tables import TABLES

# Tables other tables point to, and the column they are pointed at by.
_PARENT_KEYS = {fk.table: fk.ref for t in TABLES.values() for fk in t.foreign_keys}


def publish_tables(rows: Rows, profile: str, extra_rejected: pl.DataFrame | None,
                   write: Callable[[str, bytes], None], watch: Stopwatch | None = None) -> tuple[dict[str, int], dict]:
    """Write every table's files; return rows per table and the report's figures.

    Raises ReleaseInvalid listing every problem found (nothing may be committed then)."""
    watch = watch or Stopwatch()
    parents: dict[str, pl.DataFrame] = {}
    counts: dict[str, int] = {}
    figures: dict = {}
    problems: list[str] = []
    for name, df in assemble_tables(rows, profile, extra_rejected):
        watch.lap("assemble")
        problems += table_schema_problems(name, df, profile) + table_key_problems(name, df, parents)
        if name in _PARENT_KEYS:
            parents[name] = df.select(_PARENT_KEYS[name])
        watch.lap("validate")
        if name == "documents" and df.height == 0:
            break  # nothing usable: the caller decides
        counts[name] = df.height
        figures.update(table_figures(name, df))
        if problems:
            continue  # keep checking, write nothing more
        files = render_table(name, df)
        watch.lap("render")
        for rel, data in files.items():
            write(rel, data)
        watch.lap("write")
    if problems:
        raise ReleaseInvalid(problems)
    return counts, figures
