"""Batch frames → the release's tables: merged, de-duplicated, counted and sorted by key."""
from __future__ import annotations

import polars as pl

from flows.publish.frames import TABLE_NAMES, frame
from schemas.tables import TABLES


def _duplicate_documents(documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep the first copy of an article found in several files; report the others."""
    ordered = documents.sort("source_file", "part")
    first = ordered.unique(subset="doc_id", keep="first", maintain_order=True)
    dupes = ordered.join(first.select("doc_id", pl.col("source_file").alias("kept_file"),
                                      pl.col("part").alias("kept_part")), on="doc_id")
    dupes = dupes.filter((pl.col("source_file") != pl.col("kept_file")) | (pl.col("part") != pl.col("kept_part")))
    rejected = dupes.select(
        "source_file",
        pl.format("part {}", pl.col("part")).alias("location"),
        pl.col("source_sha256").alias("sha256"),
        pl.format("the same article as {} (part {}); published once, under that file",
                  pl.col("kept_file"), pl.col("kept_part")).alias("reason"),
    )
    return first, rejected


def count_entities(entities: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per entity mentioned (aliases merged across batches) with its counts."""
    if entities.height == 0:
        return frame("entities", [])
    merged = entities.group_by("entity_id").agg(
        pl.col("name").first(), pl.col("name_en").first(), pl.col("entity_type").first(),
        pl.col("wikidata_id").drop_nulls().first(),
        pl.col("aliases").flatten().drop_nulls().unique().sort().alias("aliases"),
        pl.col("inferred").all(),
    )
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("n_mentions"), pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_documents"),
    )
    out = merged.join(counts, on="entity_id", how="left").with_columns(
        pl.col("n_mentions").fill_null(0), pl.col("n_documents").fill_null(0),
    )
    return out.select(TABLES["entities"].columns)


def assemble(batches: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    tables: dict[str, pl.DataFrame] = {}
    for name in TABLE_NAMES:
        parts = [b[name] for b in batches if name in b and b[name].height]
        tables[name] = pl.concat(parts, how="vertical") if parts else frame(name, [])
    documents, dup_rejected = _duplicate_documents(tables["documents"])
    tables["documents"] = documents
    tables["rejected"] = pl.concat([tables["rejected"], dup_rejected.select(tables["rejected"].columns)])
    if dup_rejected.height:
        # A duplicated article yields the same child rows twice (IDs derive from its text): keep one copy.
        for name in ("sentences", "tokens", "mentions", "quotes", "events", "event_actors"):
            tables[name] = tables[name].unique(maintain_order=True)
    tables["entities"] = count_entities(tables["entities"], tables["mentions"])
    for name, t in TABLES.items():
        tables[name] = tables[name].sort(list(t.primary_key)).rechunk()
    return tables
