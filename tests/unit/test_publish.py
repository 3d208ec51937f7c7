"""Rendering, validation and atomic writing of a release, on small hand-made tables."""
from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
from pathlib import Path

import polars as pl
import pytest

from flows.batch import BatchItem, process_batch
from flows.io.release import release_lock, write_release
from flows.publish.assemble import assemble
from flows.publish.render import csv_bytes, parquet_bytes, render_release
from flows.publish.validate import ReleaseInvalid, validate_release

ARTICLE = "見出しの行\n\n本文の一文目。「引用。」と述べた。\n\n二段落目。".encode()


def tables_for(*items: tuple[str, bytes]) -> dict[str, pl.DataFrame]:
    result = process_batch([BatchItem(name, data) for name, data in items], with_tokens=True)
    return assemble([result.frames])


def test_csv_neutralises_formulas_and_joins_lists():
    df = pl.DataFrame({"entity_id": ["a", "b"], "name": ["=SUM(A1)", "普通"], "aliases": [["x", "y"], []]})
    text = csv_bytes(df).decode()
    assert "'=SUM(A1)" in text
    assert "x|y" in text
    assert pl.read_parquet(io.BytesIO(parquet_bytes(df)))["name"][0] == "=SUM(A1)"


def test_same_tables_same_bytes():
    a = render_release(tables_for(("a.txt", ARTICLE)), "open", "0", [], "v")
    b = render_release(tables_for(("a.txt", ARTICLE)), "open", "0", [], "v")
    assert a == b


def test_manifest_lists_every_file_with_its_hash():
    files = render_release(tables_for(("a.txt", ARTICLE)), "full", "0", [{"file": "a.txt", "sha256": "s",
                                                                           "bytes": 1}], "v")
    manifest = json.loads(files["manifest.json"])
    for path, data in files.items():
        if path != "manifest.json":
            assert manifest["files"][path]["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["tables"]["tokens"]["rows"] > 0


def test_open_profile_has_no_text_columns_and_no_tokens():
    files = render_release(tables_for(("a.txt", ARTICLE)), "open", "0", [], "v")
    assert "tokens.parquet" not in files
    assert "text" not in pl.read_parquet(io.BytesIO(files["documents.parquet"])).columns


def test_same_article_in_two_files_is_published_once_and_the_copy_reported():
    tables = tables_for(("a.txt", ARTICLE), ("b.txt", ARTICLE))
    assert tables["documents"].height == 1
    assert tables["documents"]["source_file"][0] == "a.txt"
    rejected = tables["rejected"].row(0, named=True)
    assert rejected["source_file"] == "b.txt" and "a.txt" in rejected["reason"]
    validate_release(tables)


def test_validation_names_broken_spans_and_orphans():
    tables = tables_for(("a.txt", ARTICLE))
    broken = tables["sentences"].with_columns(pl.col("text").str.replace("^.", "X"))
    with pytest.raises(ReleaseInvalid, match="sentences: .* spans where"):
        validate_release({**tables, "sentences": broken})
    orphan = tables["sentences"].with_columns(pl.lit("doc-nowhere").alias("doc_id"))
    with pytest.raises(ReleaseInvalid, match="point nowhere"):
        validate_release({**tables, "sentences": orphan})


def test_write_release_replaces_the_previous_one(tmp_path):
    out = tmp_path / "output"
    write_release(out, {"a.txt": b"1", "csv/b.csv": b"2"})
    write_release(out, {"a.txt": b"3"})
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["a.txt"]
    assert (out / "a.txt").read_bytes() == b"3"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.is_dir()] == []


def test_lock_is_held_against_another_process_and_freed_after(tmp_path):
    out = tmp_path / "output"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        with release_lock(out):
            assert pool.apply(_try_lock, (str(out),)) == "locked"
        assert pool.apply(_try_lock, (str(out),)) == "acquired"


def _try_lock(out: str) -> str:
    from flows.io.release import ReleaseLocked

    try:
        with release_lock(Path(out), timeout=0.3):
            return "acquired"
    except ReleaseLocked:
        return "locked"
