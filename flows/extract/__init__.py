"""Extractors: parsed documents → entity mentions, quotes and events.

`extract_document` is the one entry point the pipeline calls. Each
extractor is a pure function over a `Document` (text, sentences, lazily
parsed morphemes, `meta` with `published_at`) returning plain records:
dicts keyed by the published column names of `schemas/tables.py`.

- entities: `extract_entities(doc) -> (mentions, entities)`; every entity a
  mention points to is in `entities` (catalog row: entity_id, name, name_en,
  entity_type, wikidata_id, aliases, inferred).
- quotes: `extract_quotes(doc, mentions) -> quotes`; speakers resolve to the
  entity_id of a mention (or stay null for anonymous sources).
- events: `extract_events(doc, mentions) -> (events, event_actors)`; actors
  are entity IDs of mentions, dates resolved against `published_at`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flows.extract.entities import extract_entities
from flows.extract.events import extract_events
from flows.extract.quotes import extract_quotes
from flows.text.document import Document


@dataclass
class Extracted:
    mentions: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)  # catalog rows of the entities mentioned
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_actors: list[dict] = field(default_factory=list)


def _no_lap(stage: str) -> None:
    pass


def extract_document(doc: Document, lap: Callable[[str], None] = _no_lap) -> Extracted:
    """All extractors over one document; `lap(stage)` is called after each, for timing."""
    mentions, entities = extract_entities(doc)
    lap("entities")
    quotes = extract_quotes(doc, mentions)
    lap("quotes")
    events, event_actors = extract_events(doc, mentions)
    lap("events")
    return Extracted(mentions, entities, quotes, events, event_actors)
