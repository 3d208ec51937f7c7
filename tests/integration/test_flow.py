"""The whole flow on the repository's raw/: what a user gets in output/."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from flows.io.readback import check_release_dir
from flows.pipeline import build_release
from tests.conftest import RAW

BOILERPLATE = ("原題", "©", "取材協力", "もっと読むには", "Return to", "Source:", "更新します")


@pytest.fixture(scope="module")
def full_release(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("release") / "output"
    build_release(raw_dir=str(RAW), out_dir=str(out), profile="full")
    return out


def test_release_checks_out(full_release):
    problems, counts = check_release_dir(full_release)
    assert problems == []
    assert counts["documents"] == 6 and counts["tokens"] > 5000


def test_documents_metadata(full_release):
    docs = pl.read_parquet(full_release / "documents.parquet").sort("source_file", "part")
    rows = {(r["source_file"][:3], r["part"]): r for r in docs.iter_rows(named=True)}
    assert len(rows) == 6
    for key, date in [(("000", 0), dt.date(2025, 5, 20)), (("001", 0), dt.date(2025, 3, 19)),
                      (("002", 0), dt.date(2025, 8, 19)), (("004", 0), dt.date(2025, 10, 23)),
                      (("003", 0), dt.date(2025, 2, 13)), (("003", 1), dt.date(2025, 2, 13))]:
        assert rows[key]["published_at"] == date
        assert rows[key]["published_precision"] == "day"
    for key in [("000", 0), ("001", 0), ("002", 0), ("004", 0)]:
        assert rows[key]["publisher"] == "Bloomberg"
        assert rows[key]["rights"] == "©2025 Bloomberg L.P."
        assert rows[key]["title"] is None
    assert rows[("000", 0)]["title_original"] == "Trump Hands Putin Win With Retreat From Ukraine Peace Talks"
    assert rows[("004", 0)]["title_original"] == "Rubio’s Sizing Up of Russian Spin Spurred US Shift On Putin"
    assert rows[("000", 0)]["credits"] == "Arne Delfs、Daryna Krasnolutska"
    assert rows[("003", 0)]["publisher"] == "Nikkei Online"
    assert rows[("003", 0)]["title"] == "トランプ氏、戦争終結へ交渉開始 プーチン氏と合意"
    assert rows[("003", 1)]["title"] == "トランプ政権、ロシアと直接協議へ転換 ウクライナ打撃"
    assert rows[("003", 0)]["byline"] == "坂口幸裕" and rows[("003", 1)]["byline"] == "田中孝幸"
    assert rows[("003", 0)]["rights"] == "© Nikkei Inc. All rights reserved."


def test_no_boilerplate_in_any_sentence_and_blocks_marked(full_release):
    sentences = pl.read_parquet(full_release / "sentences.parquet")
    for word in BOILERPLATE:
        assert sentences.filter(pl.col("text").str.contains(word, literal=True)).height == 0, word
    kinds = dict(sentences.group_by("block_kind").len().iter_rows())
    assert kinds["title"] == 2 and kinds["heading"] >= 8 and kinds["caption"] >= 5
    captions = sentences.filter(pl.col("block_kind") == "caption")["text"].to_list()
    assert any(c.endswith("=AP") for c in captions)


def test_two_builds_are_byte_identical(full_release, tmp_path):
    again = tmp_path / "again"
    build_release(raw_dir=str(RAW), out_dir=str(again), profile="full")
    first = {p.relative_to(full_release).as_posix(): p.read_bytes() for p in full_release.rglob("*") if p.is_file()}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_open_profile_publishes_no_article_text(tmp_path):
    out = tmp_path / "open"
    build_release(raw_dir=str(RAW), out_dir=str(out), profile="open")
    assert not (out / "tokens.parquet").exists()
    assert "text" not in pl.read_parquet(out / "documents.parquet").columns
    assert "text" not in pl.read_parquet(out / "sentences.parquet").columns
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["profile"] == "open"
    assert {i["file"] for i in manifest["inputs"]} == {p.name for p in RAW.glob("*.txt")}

