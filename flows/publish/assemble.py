"""Batch rows → the release's tables, one table at a time: de-duplicated, counted, sorted by key.

The rows come as lazy frames (scans of the batches' Parquet parts in a run, or frames in memory
in tests), so only the table being assembled is ever held whole; tables are yielded parents
first, so that each can be checked against the keys of the ones before it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import polars as pl

from flows.publish.frames import FINGERPRINT, SOURCE, TABLE_NAMES, frame
from schemas.tables import TABLES

# Parents before children (foreign keys point backwards), entities before the tables naming them.
ASSEMBLY_ORDER = ("documents", "sentences", "tokens", "entities", "mentions", "quotes", "events", "event_actors",
                  "rejected")
assert set(ASSEMBLY_ORDER) == set(TABLE_NAMES)

Rows = Callable[[str], pl.LazyFrame]  # table name → all its batch rows (with SOURCE), lazily


def _duplicate_documents(documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep the first copy (by file name) of an article found in several files; report the others.

    Two articles are the same when their texts are equal once whitespace is removed (FINGERPRINT):
    a copy that differs only in spacing or line breaks is still a copy."""
    ordered = documents.sort("source_file", "part")
    first = ordered.unique(subset=FINGERPRINT, keep="first", maintain_order=True)
    dupes = ordered.join(first.select(FINGERPRINT, pl.col("source_file").alias("kept_file"),
                                      pl.col("part").alias("kept_part")), on=FINGERPRINT)
    dupes = dupes.filter((pl.col("source_file") != pl.col("kept_file")) | (pl.col("part") != pl.col("kept_part")))
    rejected = dupes.select(
        "source_file",
        pl.format("part {}", pl.col("part")).alias("location"),
        pl.col("source_sha256").alias("sha256"),
        pl.format("the same article as {} (part {}); published once, under that file",
                  pl.col("kept_file"), pl.col("kept_part")).alias("reason"),
    )
    return first, rejected


def merge_entities(entities: pl.LazyFrame, counts: pl.DataFrame) -> pl.DataFrame:
    """One row per entity mentioned (aliases merged across articles) with its counts."""
    merged = entities.sort("entity_id", "name", "name_en", "entity_type", nulls_last=True).group_by("entity_id").agg(
        pl.col("name").first(), pl.col("name_en").first(), pl.col("entity_type").first(),
        pl.col("wikidata_id").drop_nulls().first(),
        pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False).drop_nulls().unique().sort()
        .alias("aliases"),
        pl.col("inferred").all(),
    )
    # Only entities the release mentions: one found only in a dropped duplicate leaves with it.
    return merged.join(counts.lazy(), on="entity_id", how="inner").select(TABLES["entities"].columns).collect()


def _finish(name: str, lf: pl.LazyFrame, profile: str) -> pl.DataFrame:
    t = TABLES[name]
    return lf.select(t.columns_for(profile)).sort(list(t.primary_key)).collect(engine="streaming").rechunk()


def assemble_tables(rows: Rows, profile: str, extra_rejected: pl.DataFrame | None = None
                    ) -> Iterator[tuple[str, pl.DataFrame]]:
    """Yield (table, final frame) in ASSEMBLY_ORDER, with the profile's columns."""
    docs = rows("documents")
    if FINGERPRINT not in docs.collect_schema().names():  # no batch at all
        docs = docs.with_columns(pl.lit(None, pl.String).alias(FINGERPRINT))
    documents, duplicates = _duplicate_documents(
        docs.select(*TABLES["documents"].columns_for(profile), FINGERPRINT).collect())
    yield "documents", documents.drop(FINGERPRINT).sort("doc_id")
    kept = documents.select("doc_id").lazy()

    def child(name: str) -> pl.LazyFrame:
        lf = rows(name).drop(SOURCE, strict=False)
        if duplicates.height:
            # A copy differing in whitespace has its own doc_id, no longer published; an exact copy
            # repeats the kept article's rows (IDs derive from the text): keep one of each.
            lf = lf.join(kept, on="doc_id", how="semi").unique()
        return lf

    yield "sentences", _finish("sentences", child("sentences"), profile)
    if TABLES["tokens"].published_in(profile):
        yield "tokens", _finish("tokens", child("tokens"), profile)
    mentions = child("mentions")
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("n_mentions"), pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_documents"),
    ).collect()
    yield "entities", merge_entities(rows("entities").drop(SOURCE, strict=False), counts).sort("entity_id")
    yield "mentions", _finish("mentions", mentions, profile)
    yield "quotes", _finish("quotes", child("quotes"), profile)
    events = _finish("events", child("events"), profile)
    yield "events", events
    actors = rows("event_actors").drop(SOURCE, strict=False)
    if duplicates.height:
        actors = actors.join(events.select("event_id").lazy(), on="event_id", how="semi").unique()
    yield "event_actors", _finish("event_actors", actors, profile)
    rejected = [rows("rejected").drop(SOURCE, strict=False).collect(), duplicates.select(TABLES["rejected"].columns)]
    if extra_rejected is not None:
        rejected.append(extra_rejected)
    yield "rejected", _finish("rejected", pl.concat(rejected).lazy(), profile)


def rows_in_memory(batches: list[dict[str, pl.DataFrame]]) -> Rows:
    """`Rows` over frames already in memory (tests, small runs)."""
    def rows(name: str) -> pl.LazyFrame:
        parts = [b[name] for b in batches if name in b]
        if not parts:
            return frame(name, []).lazy()
        return pl.concat(parts, how="diagonal_relaxed").lazy()
    return rows


def assemble(batches: list[dict[str, pl.DataFrame]], profile: str = "full") -> dict[str, pl.DataFrame]:
    """All tables at once, from frames in memory."""
    return dict(assemble_tables(rows_in_memory(batches), profile))
