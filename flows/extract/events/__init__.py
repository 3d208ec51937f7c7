"""PLOVER-coded events with actors and dates (issue 5: not built yet)."""
from __future__ import annotations

from flows.text.document import Document


def extract_events(doc: Document, mentions: list[dict]) -> tuple[list[dict], list[dict]]:
    return [], []
