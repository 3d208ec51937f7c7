"""Input formats: how the text of one raw file becomes raw articles.

- `plain`: seed-style text; a file may hold several articles, cut at
  end-of-article lines (`©2025 Bloomberg L.P.`, `<<Return to pageTop`).
- `livedoor`: line 1 the article's URL, line 2 its date (ISO 8601), line 3
  its headline, then the body (the livedoor news corpus).
- `jsonl`: one article a line, a JSON object with `text` and optionally
  `id`, `url`, `published_at`, `publisher`, `title`.

`detect_format` picks one per file from its name and first lines, only when
the evidence is unambiguous; otherwise the configured default applies.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from flows.ingest.layout import split_articles

_URL = re.compile(r"^https?://\S+$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$")


class FormatRefused(ValueError):
    """The text is not in the format it was read as; the message says why."""


@dataclass
class RawArticle:
    lines: list[str]
    title: str | None = None  # a headline the format gives apart from the text
    meta: dict[str, str] = field(default_factory=dict)  # url, published, publisher given by the format
    location: str = ""  # where in the file, for rejections (`line 3` of a JSONL file)


def read_plain(text: str) -> list[RawArticle]:
    return [RawArticle(lines) for lines in split_articles(text.split("\n"))]


def read_livedoor(text: str) -> list[RawArticle]:
    lines = text.split("\n")
    if len(lines) < 3 or not _URL.match(lines[0].strip()) or not _ISO_DATETIME.match(lines[1].strip()):
        raise FormatRefused("not a livedoor-style file: line 1 must be a URL and line 2 an ISO 8601 date")
    meta = {"url": lines[0].strip(), "published": lines[1].strip()}
    return [RawArticle(lines[3:], title=lines[2].strip() or None, meta=meta)]


JSONL_FIELDS = ("id", "url", "published_at", "publisher", "title", "text")


def read_jsonl(text: str) -> list[RawArticle]:
    """One article per non-empty line; a line that is not a JSON object with text is refused alone."""
    out: list[RawArticle] = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            out.append(RawArticle([], location=where, meta={"_error": f"not valid JSON ({err.msg})"}))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            out.append(RawArticle([], location=where, meta={"_error": "not a JSON object with a non-empty `text`"}))
            continue
        meta = {k: str(obj[k]) for k in ("url", "publisher") if obj.get(k)}
        if obj.get("published_at"):
            meta["published"] = str(obj["published_at"])
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        body = split_articles(obj["text"].split("\n"))
        out.append(RawArticle([ln for part in body for ln in part] if body else [], title=title, meta=meta,
                              location=where))
    return out


READERS = {"plain": read_plain, "livedoor": read_livedoor, "jsonl": read_jsonl}


def detect_format(source_file: str, text: str, default: str) -> str:
    """`jsonl` by extension; `livedoor` when line 1 is a URL and line 2 an ISO date; else `default`."""
    if source_file.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    head = text.split("\n", 3)
    if len(head) >= 3 and _URL.match(head[0].strip()) and _ISO_DATETIME.match(head[1].strip()):
        return "livedoor"
    return default
