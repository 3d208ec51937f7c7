"""The published tables: which fields, in which order, keyed how.

Each table lists its fields by name (described once in `fields.py`), its
primary key (rows are sorted by it before writing), the foreign keys it
owns, and which columns only the `full` profile publishes.
"""
from __future__ import annotations

from dataclasses import dataclass

from schemas.fields import FIELDS, Field


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    ref: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    full_only_columns: tuple[str, ...] = ()
    full_only: bool = False
    span_column: str | None = None  # equals documents.text[start:end]

    @property
    def fields(self) -> list[Field]:
        return [FIELDS[c] for c in self.columns]

    def columns_for(self, profile: str) -> list[str]:
        if profile == "full":
            return list(self.columns)
        return [c for c in self.columns if c not in self.full_only_columns]

    def published_in(self, profile: str) -> bool:
        return profile == "full" or not self.full_only

    def nullable(self, column: str) -> bool:
        """Key columns are never null; other columns as their field says."""
        return column not in self.primary_key and FIELDS[column].nullable


def _fk(column: str, table: str, ref: str | None = None) -> ForeignKey:
    return ForeignKey(column, table, ref or column)


TABLES: dict[str, Table] = {t.name: t for t in [
    Table(
        "documents", "One row per article (a raw file may hold several).",
        ("doc_id", "source_file", "part", "input_format", "publisher", "title", "title_original", "published_at",
         "published_precision", "byline", "dateline", "credits", "rights", "url", "n_chars", "n_sentences",
         "content_sha256", "source_sha256", "text"),
        ("doc_id",), full_only_columns=("text",),
    ),
    Table(
        "sentences", "One row per sentence of body text, headings, captions and the headline.",
        ("sentence_id", "doc_id", "paragraph", "block_kind", "start", "end", "text"),
        ("sentence_id",), (_fk("doc_id", "documents"),), full_only_columns=("text",), span_column="text",
    ),
    Table(
        "tokens", "One row per morpheme (fugashi + UniDic); `full` profile only.",
        ("sentence_id", "i", "doc_id", "start", "end", "surface", "lemma", "pos", "reading"),
        ("sentence_id", "i"), (_fk("sentence_id", "sentences"), _fk("doc_id", "documents")),
        full_only=True, span_column="surface",
    ),
    Table(
        "mentions", "One row per named-entity mention.",
        ("mention_id", "doc_id", "sentence_id", "start", "end", "surface", "entity_type", "entity_id", "method"),
        ("mention_id",),
        (_fk("doc_id", "documents"), _fk("sentence_id", "sentences"), _fk("entity_id", "entities")),
        span_column="surface",
    ),
    Table(
        "entities", "One row per real-world entity mentioned in the release (the catalog).",
        ("entity_id", "name", "name_en", "entity_type", "wikidata_id", "aliases", "inferred", "n_mentions",
         "n_documents"),
        ("entity_id",),
    ),
    Table(
        "quotes", "One row per quotation: direct, partial or indirect, with its speaker.",
        ("quote_id", "doc_id", "sentence_id", "start", "end", "text", "quote_kind", "speaker_entity_id",
         "speaker_text", "attribution", "reporting_verb", "channel"),
        ("quote_id",),
        (_fk("doc_id", "documents"), _fk("sentence_id", "sentences"),
         _fk("speaker_entity_id", "entities", "entity_id")),
        span_column="text",
    ),
    Table(
        "events", "One row per PLOVER-coded event; the span is the trigger.",
        ("event_id", "doc_id", "sentence_id", "start", "end", "trigger", "event_type", "event_mode", "negated",
         "modality", "event_date", "date_precision", "date_text"),
        ("event_id",), (_fk("doc_id", "documents"), _fk("sentence_id", "sentences")),
        span_column="trigger",
    ),
    Table(
        "event_actors", "One row per actor of an event and role.",
        ("event_id", "role", "entity_id", "mention_id"),
        ("event_id", "role", "entity_id"),
        (_fk("event_id", "events"), _fk("entity_id", "entities"), _fk("mention_id", "mentions")),
    ),
    Table(
        "rejected", "One row per input that did not make it into the release, with the reason.",
        ("source_file", "location", "sha256", "reason"),
        ("source_file", "location"),
    ),
]}


def published_tables(profile: str) -> list[Table]:
    return [t for t in TABLES.values() if t.published_in(profile)]
