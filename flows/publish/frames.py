"""Parsed documents and extracted records → Polars frames typed by `schemas/`.

Frames are built column by column (tokens run to millions of rows), always
in the full profile; the open profile drops columns when the release is
rendered, after validation has checked the spans against the text.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import polars as pl

from flows.extract import Extracted
from flows.ingest.articles import Rejection
from flows.text.document import Document
from schemas.build import polars_schema
from schemas.tables import TABLES

TABLE_NAMES = tuple(TABLES)
# Internal column on batch frames naming the raw file a row came from, so an incremental run can
# reuse the rows of unchanged files; dropped before publication.
SOURCE = "_source_file"
# Internal column on batch documents: a hash of the text with all whitespace removed, so that copies
# of an article differing only in spacing are found without holding every text.
FINGERPRINT = "_same_as"
_WHITESPACE = re.compile(r"\s+")


def fingerprint(text: str) -> str:
    return hashlib.sha256(_WHITESPACE.sub("", text).encode("utf-8")).hexdigest()[:32]


def frame(table: str, rows: list[dict] | dict[str, list]) -> pl.DataFrame:
    """A frame with exactly the table's columns and dtypes (full profile)."""
    schema = polars_schema(table, "full")
    if isinstance(rows, dict):
        return pl.DataFrame({c: rows[c] for c in schema}, schema=schema)
    if not rows:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame([{c: r.get(c) for c in schema} for r in rows], schema=schema, orient="row")


def document_row(doc: Document) -> dict:
    return {
        **{k: doc.meta.get(k) for k in TABLES["documents"].columns if k in doc.meta},
        "doc_id": doc.doc_id,
        "n_chars": len(doc.text),
        "n_sentences": len(doc.sentences),
        "content_sha256": doc.content_sha256,
        "text": doc.text,
    }


def sentence_columns(docs: Iterable[Document]) -> dict[str, list]:
    cols: dict[str, list] = {c: [] for c in TABLES["sentences"].columns}
    for doc in docs:
        for s in doc.sentences:
            cols["sentence_id"].append(s.id)
            cols["doc_id"].append(doc.doc_id)
            cols["paragraph"].append(s.paragraph)
            cols["block_kind"].append(s.block_kind)
            cols["start"].append(s.start)
            cols["end"].append(s.end)
            cols["text"].append(doc.text[s.start:s.end])
    return cols


def token_columns(docs: Iterable[Document]) -> dict[str, list]:
    cols: dict[str, list] = {c: [] for c in TABLES["tokens"].columns}
    for doc in docs:
        for k, s in enumerate(doc.sentences):
            for i, m in enumerate(doc.morphemes(k)):
                cols["sentence_id"].append(s.id)
                cols["i"].append(i)
                cols["doc_id"].append(doc.doc_id)
                cols["start"].append(m.start)
                cols["end"].append(m.end)
                cols["surface"].append(m.surface)
                cols["lemma"].append(m.lemma)
                cols["pos"].append(m.pos)
                cols["reading"].append(m.reading)
    return cols


def _tag(df: pl.DataFrame, sources: list[str]) -> pl.DataFrame:
    return df.with_columns(pl.Series(SOURCE, sources, dtype=pl.String))


def batch_frames(docs: list[Document], extracted: list[Extracted], rejected: list[Rejection],
                 with_tokens: bool) -> dict[str, pl.DataFrame]:
    """All tables for one batch of documents (entities not yet counted), rows tagged with their file."""
    src = [d.meta["source_file"] for d in docs]
    sentences = sentence_columns(docs)
    tokens = token_columns(docs) if with_tokens else {c: [] for c in TABLES["tokens"].columns}
    by_doc = dict(zip((d.doc_id for d in docs), src))
    out = {
        "documents": _tag(frame("documents", [document_row(d) for d in docs]), src).with_columns(
            pl.Series(FINGERPRINT, [fingerprint(d.text) for d in docs], dtype=pl.String)),
        "sentences": _tag(frame("sentences", sentences), [by_doc[d] for d in sentences["doc_id"]]),
        "tokens": _tag(frame("tokens", tokens), [by_doc[d] for d in tokens["doc_id"]]),
        "rejected": _tag(frame("rejected", [r.__dict__ for r in rejected]), [r.source_file for r in rejected]),
    }
    for name in ("mentions", "entities", "quotes", "events", "event_actors"):
        rows, files = [], []
        for doc_src, e in zip(src, extracted):
            part = getattr(e, name)
            rows.extend(part)
            files.extend([doc_src] * len(part))
        out[name] = _tag(frame(name, rows), files)
    return out
