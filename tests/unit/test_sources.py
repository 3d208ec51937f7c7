"""The sources.csv sidecar and published dates."""
from __future__ import annotations

import datetime as dt

import pytest

from flows.ingest.sources import parse_date, parse_sidecar


@pytest.mark.parametrize("value,expected", [
    ("2025-05-20", (dt.date(2025, 5, 20), "day")),
    ("2025-05-20T09:30:00+09:00", (dt.date(2025, 5, 20), "day")),
    ("2025-05", (dt.date(2025, 5, 1), "month")),
    ("2025", (dt.date(2025, 1, 1), "year")),
    ("2025年2月13日", (dt.date(2025, 2, 13), "day")),
    ("2025/13/45", None),
    ("2025-02-30", None),
    ("yesterday", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_sidecar_rows_and_problems():
    text = ("\ufeffsource_file,publisher,published_at,url,license,extra\n"
            "a.txt,Bloomberg,2025-05-20,,© Bloomberg,x\n"
            "b.txt,Nikkei,2025/13/45,,,\n"
            "a.txt,Other,2025-01-01,,,\n"
            "gone.txt,X,2025-01-01,,,\n")
    rows, problems = parse_sidecar(text, {"a.txt", "b.txt"})
    assert rows["a.txt"].publisher == "Bloomberg"
    assert rows["a.txt"].published_at == dt.date(2025, 5, 20)
    assert rows["b.txt"].published_at is None and rows["b.txt"].publisher == "Nikkei"
    reasons = {p.location: p.reason for p in problems}
    assert "unknown column" in reasons["column extra"]
    assert "malformed published_at" in reasons["line 3"]
    assert "duplicate" in reasons["line 4"]
    assert "not in the raw folder" in reasons["line 5"]


def test_sidecar_without_source_file_column_is_ignored_with_a_reason():
    rows, problems = parse_sidecar("file,date\na.txt,2025-01-01\n", {"a.txt"})
    assert rows == {}
    assert problems and "source_file" in problems[0].reason
