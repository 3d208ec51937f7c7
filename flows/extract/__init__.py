"""Extractors: parsed documents → entity mentions, quotes and events.

`extract_document` is the one entry point the pipeline calls; each
extractor is a pure function over a `Document` returning plain records
(dicts keyed by published column names).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flows.text.document import Document


@dataclass
class Extracted:
    mentions: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)  # catalog rows of the entities mentioned
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_actors: list[dict] = field(default_factory=list)


def extract_document(doc: Document) -> Extracted:
    return Extracted()
