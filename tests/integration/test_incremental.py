"""Incremental runs: what is redone after adding, changing and removing raw files, and the result
equals a full rebuild byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

from flows.pipeline import build_release
from tests.conftest import RAW


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_add_change_remove_then_compare_with_a_full_rebuild(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "output"

    first = build_release(raw_dir=str(raw), out_dir=str(out), profile="full")
    assert len(first["processed"]) == 5 and first["reused"] == []
    ids_before = pl.read_parquet(out / "sentences.parquet").filter(
        pl.col("doc_id").is_in(pl.read_parquet(out / "documents.parquet").filter(
            pl.col("source_file") == "004_1f22f8d10cad0239.txt")["doc_id"].implode()))["sentence_id"].to_list()

    unchanged = build_release(raw_dir=str(raw), out_dir=str(out), profile="full")
    assert unchanged["processed"] == [] and len(unchanged["reused"]) == 5

    (raw / "new.txt").write_text("新しい記事。ゼレンスキー大統領は18日、キーウで会談した。", encoding="utf-8")
    changed = raw / "000_ca57ee8753066969.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("19日に行われた", "20日に行われた"), encoding="utf-8")
    (raw / "002_96d8974da0b0be78.txt").unlink()
    third = build_release(raw_dir=str(raw), out_dir=str(out), profile="full")
    assert sorted(third["processed"]) == ["000_ca57ee8753066969.txt", "new.txt"]
    assert sorted(third["reused"]) == ["001_25f441f4703e7598.txt", "003_c0298d739a49e9f8.txt",
                                       "004_1f22f8d10cad0239.txt"]
    assert third["removed"] == ["002_96d8974da0b0be78.txt"]

    docs = pl.read_parquet(out / "documents.parquet")
    assert "002_96d8974da0b0be78.txt" not in docs["source_file"].to_list()
    ids_after = pl.read_parquet(out / "sentences.parquet").filter(
        pl.col("doc_id").is_in(docs.filter(pl.col("source_file") == "004_1f22f8d10cad0239.txt")["doc_id"].implode())
    )["sentence_id"].to_list()
    assert ids_after == ids_before  # IDs of unchanged rows never move

    rebuild = tmp_path / "rebuild"
    build_release(raw_dir=str(raw), out_dir=str(rebuild), profile="full", incremental=False)
    assert _files(out) == _files(rebuild)


def test_a_changed_sidecar_row_reprocesses_its_file(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "output"
    build_release(raw_dir=str(raw), out_dir=str(out), profile="open")
    sidecar = raw / "sources.csv"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("2025-05-20", "2025-05-21"), encoding="utf-8")
    again = build_release(raw_dir=str(raw), out_dir=str(out), profile="open")
    assert again["processed"] == ["000_ca57ee8753066969.txt"]
    docs = pl.read_parquet(out / "documents.parquet")
    assert str(docs.filter(pl.col("source_file") == "000_ca57ee8753066969.txt")["published_at"][0]) == "2025-05-21"


def test_two_files_with_the_same_bytes_are_both_accounted_for(tmp_path):
    """A cache keyed on content alone would return one file's article for the other."""
    raw = tmp_path / "raw"
    raw.mkdir()
    text = "同じ内容の記事。トランプ氏は述べた。"
    (raw / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "output"
    build_release(raw_dir=str(raw), out_dir=str(out), profile="open")
    (raw / "b.txt").write_text(text, encoding="utf-8")
    report = build_release(raw_dir=str(raw), out_dir=str(out), profile="open")
    assert report["processed"] == ["b.txt"] and report["reused"] == ["a.txt"]
    assert pl.read_parquet(out / "documents.parquet")["source_file"].to_list() == ["a.txt"]
    rejected = pl.read_parquet(out / "rejected.parquet")
    assert rejected["source_file"].to_list() == ["b.txt"]
