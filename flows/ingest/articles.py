"""One raw file's bytes → parsed documents, or the reasons they were refused.

decode → normalise → split into articles (by input format) → class lines
and blocks → assemble each article's text and sentences. Metadata comes
from `raw/sources.csv` first, then from the input format, then from the
article's own lines.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from flows.ingest.decode import DecodeRefused, decode_bytes
from flows.ingest.formats import READERS, FormatRefused, RawArticle, detect_format
from flows.ingest.layout import read_article
from flows.ingest.sources import SourceRow, parse_date
from flows.text.document import Document, build_document
from flows.text.normalise import normalise_text


@dataclass(frozen=True)
class Rejection:
    source_file: str
    location: str
    sha256: str
    reason: str


@dataclass
class FileResult:
    source_file: str
    sha256: str
    documents: list[Document] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    encoding: str | None = None
    removed_lines: int = 0
    removed_controls: int = 0


def document_meta(source_file: str, part: int, fmt: str, sha: str, article_meta: dict[str, str],
                  raw_meta: dict[str, str], sidecar: SourceRow | None) -> dict:
    """The documents row's metadata: sidecar first, then the input format, then the article's own lines."""
    merged = {**article_meta, **{k: v for k, v in raw_meta.items() if v}}
    published, precision = None, "unknown"
    if merged.get("published"):
        parsed = parse_date(merged["published"])
        if parsed:
            published, precision = parsed
    side = sidecar or SourceRow(source_file)
    if side.published_at is not None:
        published, precision = side.published_at, side.published_precision or "day"
    return {
        "source_file": source_file,
        "part": part,
        "input_format": fmt,
        "publisher": side.publisher or merged.get("publisher"),
        "title": merged.get("title"),
        "title_original": merged.get("title_original"),
        "published_at": published,
        "published_precision": precision,
        "byline": merged.get("byline"),
        "dateline": merged.get("dateline"),
        "credits": merged.get("credits"),
        "rights": merged.get("rights") or side.license,
        "url": side.url or merged.get("url"),
        "source_sha256": sha,
    }


def parse_article(raw: RawArticle) -> tuple[list[tuple[str, str]], dict[str, str], int]:
    article = read_article(raw.lines, title=raw.title)
    return [(b.kind, b.text) for b in article.blocks], article.meta, len(article.removed)


def parse_file(source_file: str, data: bytes, fmt: str = "auto", sidecar: SourceRow | None = None) -> FileResult:
    """`fmt` is an input format, or `auto` to detect it (falling back to `plain`)."""
    sha = hashlib.sha256(data).hexdigest()
    result = FileResult(source_file, sha)
    try:
        decoded = decode_bytes(data)
    except DecodeRefused as err:
        result.rejected.append(Rejection(source_file, "", sha, str(err)))
        return result
    result.encoding = decoded.encoding
    text, result.removed_controls = normalise_text(decoded.text)
    if not text.strip():
        result.rejected.append(Rejection(source_file, "", sha, "the file holds only whitespace"))
        return result
    if fmt == "auto":
        fmt = detect_format(source_file, text, "plain")
    try:
        raws = READERS[fmt](text)
    except FormatRefused as err:
        result.rejected.append(Rejection(source_file, "", sha, str(err)))
        return result
    if not raws:
        result.rejected.append(Rejection(source_file, "", sha, "no article found in the file"))
    for part, raw in enumerate(raws):
        where = raw.location or f"part {part}"
        if "_error" in raw.meta:
            result.rejected.append(Rejection(source_file, where, sha, raw.meta["_error"]))
            continue
        blocks, meta, removed = parse_article(raw)
        result.removed_lines += removed
        if not blocks:
            result.rejected.append(Rejection(source_file, where, sha,
                                             "no article text left after removing metadata and boilerplate"))
            continue
        doc_meta = document_meta(source_file, part, fmt, sha, meta, raw.meta, sidecar)
        result.documents.append(build_document(blocks, doc_meta))
    return result
