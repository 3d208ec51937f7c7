"""Entity mentions and the entity catalog (issue 3: not built yet)."""
from __future__ import annotations

from flows.text.document import Document


def extract_entities(doc: Document) -> tuple[list[dict], list[dict]]:
    return [], []
