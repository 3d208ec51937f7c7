"""Batch frames → the release's tables: merged, de-duplicated, counted and sorted by key."""
from __future__ import annotations

import polars as pl

from flows.publish.frames import SOURCE, TABLE_NAMES, frame
from schemas.tables import TABLES


def _duplicate_documents(documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep the first copy (by file name) of an article found in several files; report the others.

    Two articles are the same when their texts are equal once whitespace is removed: a copy that
    differs only in spacing or line breaks is still a copy."""
    ordered = documents.sort("source_file", "part").with_columns(
        pl.col("text").str.replace_all(r"\s+", "").alias("_same_as"))
    first = ordered.unique(subset="_same_as", keep="first", maintain_order=True)
    dupes = ordered.join(first.select("_same_as", pl.col("doc_id").alias("kept_doc"),
                                      pl.col("source_file").alias("kept_file"),
                                      pl.col("part").alias("kept_part")), on="_same_as")
    dupes = dupes.filter((pl.col("source_file") != pl.col("kept_file")) | (pl.col("part") != pl.col("kept_part")))
    first = first.drop("_same_as")
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
    merged = entities.sort("entity_id", "name", "name_en", "entity_type", nulls_last=True).group_by("entity_id").agg(
        pl.col("name").first(), pl.col("name_en").first(), pl.col("entity_type").first(),
        pl.col("wikidata_id").drop_nulls().first(),
        pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False).drop_nulls().unique().sort()
        .alias("aliases"),
        pl.col("inferred").all(),
    )
    counts = mentions.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("n_mentions"), pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_documents"),
    )
    # Only entities the release mentions: one found only in a dropped duplicate leaves with it.
    out = merged.join(counts, on="entity_id", how="inner")
    return out.select(TABLES["entities"].columns)


def assemble(batches: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    tables: dict[str, pl.DataFrame] = {}
    for name in TABLE_NAMES:
        parts = [b[name].drop(SOURCE, strict=False) for b in batches if name in b and b[name].height]
        tables[name] = pl.concat(parts, how="vertical") if parts else frame(name, [])
    documents, dup_rejected = _duplicate_documents(tables["documents"])
    tables["documents"] = documents
    tables["rejected"] = pl.concat([tables["rejected"], dup_rejected.select(tables["rejected"].columns)])
    if dup_rejected.height:
        # Rows of a copy that differs in whitespace belong to a doc_id no longer published; rows of an
        # exact copy repeat the kept article's rows (IDs derive from the text): keep one of each.
        kept = documents.select("doc_id")
        for name in ("sentences", "tokens", "mentions", "quotes", "events"):
            tables[name] = tables[name].join(kept, on="doc_id", how="semi").unique(maintain_order=True)
        tables["event_actors"] = tables["event_actors"].join(
            tables["events"].select("event_id"), on="event_id", how="semi").unique(maintain_order=True)
    tables["entities"] = count_entities(tables["entities"], tables["mentions"])
    for name, t in TABLES.items():
        tables[name] = tables[name].sort(list(t.primary_key)).rechunk()
    return tables
