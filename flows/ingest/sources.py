"""The optional sidecar `raw/sources.csv`: metadata for raw files, winning over the articles' own.

Columns: source_file, publisher, published_at, url, license. Every row and
column is used, or reported with the reason it was not (unknown columns,
rows for files that are not there, malformed dates, duplicates).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

SIDECAR_NAME = "sources.csv"
COLUMNS = ("source_file", "publisher", "published_at", "url", "license")

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
_JA = re.compile(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")


@dataclass(frozen=True)
class SourceRow:
    source_file: str
    publisher: str | None = None
    published_at: dt.date | None = None
    published_precision: str | None = None
    url: str | None = None
    license: str | None = None


@dataclass(frozen=True)
class SidecarProblem:
    location: str
    reason: str


def parse_date(value: str) -> tuple[dt.date, str] | None:
    """ISO 8601 (`2025-05-20`, `2025-05`, `2025`, with an optional time) or `2025年2月13日` → (date, precision).

    A time of day is dropped: the date is the one printed, in the publisher's time zone."""
    value = value.strip()
    m = _ISO.match(value) or _JA.match(value)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date = dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return date, "day" if day else "month" if month else "year"


def parse_sidecar(text: str, present: set[str]) -> tuple[dict[str, SourceRow], list[SidecarProblem]]:
    """Rows by source_file, and what could not be used. `present` lists the raw files that exist."""
    text = text.lstrip("\ufeff")
    problems: list[SidecarProblem] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "source_file" not in header:
        return {}, [SidecarProblem("header", "no `source_file` column; the sidecar was ignored")]
    for col in header:
        if col not in COLUMNS:
            problems.append(SidecarProblem(f"column {col}", f"unknown column `{col}` ignored (known: "
                                           f"{', '.join(COLUMNS)})"))
    rows: dict[str, SourceRow] = {}
    for line_no, raw in enumerate(reader, start=2):
        rec = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        name = rec.get("source_file", "")
        where = f"line {line_no}"
        if not name:
            problems.append(SidecarProblem(where, "row without a source_file ignored"))
            continue
        if name in rows:
            problems.append(SidecarProblem(where, f"duplicate row for {name} ignored (the first one is used)"))
            continue
        if name not in present:
            problems.append(SidecarProblem(where, f"row for {name}, which is not in the raw folder, ignored"))
            continue
        date = precision = None
        if rec.get("published_at"):
            parsed = parse_date(rec["published_at"])
            if parsed is None:
                problems.append(SidecarProblem(where, f"malformed published_at {rec['published_at']!r} for {name} "
                                               "ignored (expected YYYY-MM-DD); the article's own date is used"))
            else:
                date, precision = parsed
        rows[name] = SourceRow(name, rec.get("publisher") or None, date, precision, rec.get("url") or None,
                               rec.get("license") or None)
    return rows, problems
