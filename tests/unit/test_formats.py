"""Input formats: plain, livedoor, JSONL, and their detection."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from flows.ingest.articles import parse_file
from flows.ingest.formats import FormatRefused, detect_format, read_jsonl, read_livedoor

LIVEDOOR = "http://news.livedoor.com/article/detail/1/\n2012-09-01T10:00:00+0900\n見出しです\n本文の一文目。\n本文の二文目。\n"


def test_livedoor_reads_url_date_and_title():
    doc = parse_file("topic/a.txt", LIVEDOOR.encode()).documents[0]
    assert doc.meta["input_format"] == "livedoor"
    assert doc.meta["url"] == "http://news.livedoor.com/article/detail/1/"
    assert doc.meta["published_at"] == dt.date(2012, 9, 1)
    assert doc.meta["title"] == "見出しです"
    assert doc.sentences[0].block_kind == "title"


def test_livedoor_refuses_other_text():
    with pytest.raises(FormatRefused):
        read_livedoor("ただの文章。\n二行目\n三行目")
    result = parse_file("a.txt", "ただの文章。".encode(), fmt="livedoor")
    assert result.documents == [] and "livedoor" in result.rejected[0].reason


def test_jsonl_one_article_a_line_bad_lines_rejected_alone():
    lines = [json.dumps({"id": "1", "title": "見出し", "text": "本文。", "published_at": "2025-01-02",
                         "publisher": "X", "url": "https://e.x/1"}, ensure_ascii=False),
             "{not json", json.dumps({"id": "3"}), "",
             json.dumps({"text": "二本目の本文。"}, ensure_ascii=False)]
    result = parse_file("feed.jsonl", "\n".join(lines).encode())
    assert [d.meta["title"] for d in result.documents] == ["見出し", None]
    assert result.documents[0].meta["published_at"] == dt.date(2025, 1, 2)
    assert result.documents[0].meta["publisher"] == "X"
    assert {r.location for r in result.rejected} == {"line 2", "line 3"}
    assert len(read_jsonl("\n".join(lines))) == 4


@pytest.mark.parametrize("name,text,expected", [
    ("a.jsonl", "{}", "jsonl"),
    ("a.txt", LIVEDOOR, "livedoor"),
    ("a.txt", "http://x.y/\nnot a date\ntitle\n", "plain"),
    ("a.txt", "本文。", "plain"),
])
def test_detect_format(name, text, expected):
    assert detect_format(name, text, "plain") == expected
