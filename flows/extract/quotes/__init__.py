"""Quotes and their speakers (issue 4: not built yet)."""
from __future__ import annotations

from flows.text.document import Document


def extract_quotes(doc: Document, mentions: list[dict]) -> list[dict]:
    return []
