"""Checks a release's tables before anything is written.

Per table: the pandera schema generated from `schemas/` (types, nulls,
allowed values, unique keys), run on collected frames with `lazy=True` so
every failure is listed, and foreign keys into the tables checked before it.
Per batch, where the article text is at hand: every span equal to
`documents.text[start:end]` and inside its sentence (the release's rows are
a subset of its batches' rows, so what holds per batch holds for the
release). A failure names the table, the check and example rows.
"""
from __future__ import annotations

import pandera.errors
import polars as pl

from schemas.build import pandera_schema
from schemas.tables import TABLES

MAX_EXAMPLES = 5


class ReleaseInvalid(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("the release failed validation:\n" + "\n".join(f"- {p}" for p in problems))


def table_schema_problems(name: str, df: pl.DataFrame, profile: str = "full") -> list[str]:
    try:
        pandera_schema(name, profile).validate(df, lazy=True)
    except pandera.errors.SchemaErrors as err:
        summary = err.failure_cases.group_by("column", "check").agg(
            pl.len().alias("n"), pl.col("failure_case").head(MAX_EXAMPLES).alias("examples"),
            pl.col("index").head(MAX_EXAMPLES).alias("rows"),
        ).sort("column", "check", nulls_last=True)
        return [f"{name}.{column or '*'}: {check} failed {n} times, e.g. rows {rows}: {examples}"
                for column, check, n, examples, rows in summary.iter_rows()]
    except pandera.errors.SchemaError as err:
        return [f"{name}: {err}"]
    return []


def schema_problems(tables: dict[str, pl.DataFrame], profile: str = "full") -> list[str]:
    return [p for name, df in tables.items() for p in table_schema_problems(name, df, profile)]


def table_key_problems(name: str, df: pl.DataFrame, parents: dict[str, pl.DataFrame]) -> list[str]:
    """Foreign keys of one table into the parent tables given (by name)."""
    problems = []
    for fk in TABLES[name].foreign_keys:
        parent = parents.get(fk.table)
        if parent is None or fk.ref not in parent.columns:
            continue
        orphans = df.filter(pl.col(fk.column).is_not_null()).join(
            parent.select(pl.col(fk.ref).alias(fk.column)), on=fk.column, how="anti")
        if orphans.height:
            examples = orphans.get_column(fk.column).head(MAX_EXAMPLES).to_list()
            problems.append(f"{name}.{fk.column}: {orphans.height} rows point nowhere in "
                            f"{fk.table}.{fk.ref}, e.g. {examples}")
    return problems


def foreign_key_problems(tables: dict[str, pl.DataFrame]) -> list[str]:
    return [p for name, df in tables.items() if name in TABLES for p in table_key_problems(name, df, tables)]


def span_problems(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every span equals documents.text[start:end].

    Compared in Python, where indexing a string by code point costs nothing; Polars slices UTF-8 from
    the start of the string, which is quadratic on long articles."""
    docs = tables["documents"]
    if "text" not in docs.columns:
        return ["documents.text is missing: spans cannot be checked"]
    text_of = dict(zip(docs["doc_id"].to_list(), docs["text"].to_list()))
    problems = []
    for name, t in TABLES.items():
        df = tables.get(name)
        if t.span_column is None or df is None or df.height == 0:
            continue
        bad = []
        for doc_id, start, end, value in zip(df["doc_id"].to_list(), df["start"].to_list(), df["end"].to_list(),
                                             df[t.span_column].to_list()):
            text = text_of.get(doc_id)
            if text is None or start is None or end is None or not 0 <= start <= end or text[start:end] != value:
                bad.append((doc_id, start, end, value))
        if bad:
            problems.append(f"{name}: {len(bad)} spans where documents.text[start:end] != {t.span_column}, "
                            f"e.g. {bad[:MAX_EXAMPLES]}")
    return problems


def sentence_problems(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every span lies inside its sentence, and the sentence belongs to the same article."""
    sentences = tables["sentences"].select("sentence_id", pl.col("doc_id").alias("_sdoc"),
                                           pl.col("start").alias("_s0"), pl.col("end").alias("_s1"))
    problems = []
    for name in ("tokens", "mentions", "quotes", "events"):
        df = tables.get(name)
        if df is None or df.height == 0:
            continue
        joined = df.select("sentence_id", "doc_id", "start", "end").join(sentences, on="sentence_id", how="inner")
        bad = joined.filter((pl.col("doc_id") != pl.col("_sdoc")) | (pl.col("start") < pl.col("_s0"))
                            | (pl.col("end") > pl.col("_s1")))
        if bad.height:
            problems.append(f"{name}: {bad.height} spans outside their sentence, e.g. "
                            f"{bad.select('sentence_id', 'start', 'end').head(MAX_EXAMPLES).rows()}")
    return problems


def batch_problems(frames: dict[str, pl.DataFrame]) -> list[str]:
    """The checks that need the article text, on one batch's rows (full profile, text at hand)."""
    return span_problems(frames) + sentence_problems(frames)


def validate_release(tables: dict[str, pl.DataFrame]) -> None:
    """Raise ReleaseInvalid listing every problem; return quietly when the release holds."""
    problems = schema_problems(tables) + foreign_key_problems(tables) + batch_problems(tables)
    if problems:
        raise ReleaseInvalid(problems)
