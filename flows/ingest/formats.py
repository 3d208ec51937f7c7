"""Input formats: how the text of one raw file becomes raw articles.

- `plain`: seed-style text; a file may hold several articles, cut at
  end-of-article lines (`©2025 Bloomberg L.P.`, `<<Return to pageTop`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flows.ingest.layout import split_articles


@dataclass
class RawArticle:
    lines: list[str]
    title: str | None = None  # a headline the format gives apart from the text
    meta: dict[str, str] = field(default_factory=dict)  # url, published, publisher given by the format


def read_plain(text: str) -> list[RawArticle]:
    return [RawArticle(lines) for lines in split_articles(text.split("\n"))]


READERS = {"plain": read_plain}
