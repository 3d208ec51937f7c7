"""Bad input never breaks a run or loses data: one test per case, through the real flow.

Every file either makes it into the release correctly or is rejected with a reason the user can
read in `rejected`; one bad file never costs the others.
"""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import polars as pl
import pytest

from flows.io.rawdir import RawDirProblem
from flows.io.readback import check_release_dir
from flows.pipeline import NothingUsable, build_release

GOOD = "トランプ米大統領とロシアのプーチン大統領は18日、電話協議を行った。「完全な停戦」で一致した。\n\n二段落目の文。\n"


def build(tmp_path: Path, files: dict[str, bytes | str], out: str = "out", **kw) -> dict[str, pl.DataFrame]:
    raw = tmp_path / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    build_release(raw_dir=str(raw), out_dir=str(tmp_path / out), profile="full", **kw)
    problems, _ = check_release_dir(tmp_path / out)
    assert problems == []
    return {n: pl.read_parquet(tmp_path / out / f"{n}.parquet")
            for n in ("documents", "sentences", "rejected", "tokens")}


def rejected_reason(tables, name: str) -> str:
    rows = tables["rejected"].filter(pl.col("source_file") == name)
    assert rows.height == 1, tables["rejected"]
    return rows["reason"][0]


def texts(tables) -> dict[str, str]:
    return dict(tables["documents"].select("source_file", "text").iter_rows())


# --- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,data", [
    ("utf8_bom.txt", codecs.BOM_UTF8 + GOOD.encode("utf-8")),
    ("cp932.txt", GOOD.encode("cp932")),
    ("shift_jis.txt", GOOD.encode("shift_jis")),
    ("euc_jp.txt", GOOD.encode("euc_jp")),
    ("utf16_bom.txt", GOOD.encode("utf-16")),
])
def test_encodings_decode_correctly(tmp_path, name, data):
    tables = build(tmp_path, {name: data})
    assert texts(tables) == {name: GOOD.strip()}
    assert tables["rejected"].height == 0


def test_bytes_in_no_plausible_encoding_are_rejected_with_the_reason(tmp_path):
    tables = build(tmp_path, {"noise.txt": bytes([0x80, 0xFF, 0xFE, 0x81, 0x00, 0x9F] * 300), "good.txt": GOOD})
    assert "encoding" in rejected_reason(tables, "noise.txt") or "binary" in rejected_reason(tables, "noise.txt")
    assert list(texts(tables)) == ["good.txt"]


# --- empty, binary, control characters ----------------------------------------------------------

@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    ("  \n\t\n\u3000\n".encode(), "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "PNG"),
])
def test_empty_whitespace_and_binary_files_are_rejected(tmp_path, data, reason):
    tables = build(tmp_path, {"bad.txt": data, "good.txt": GOOD})
    assert reason in rejected_reason(tables, "bad.txt")
    assert list(texts(tables)) == ["good.txt"]


def test_nul_bytes_and_control_characters_are_removed_not_fatal(tmp_path):
    tables = build(tmp_path, {"ctl.txt": "制御\x00文字\x07を\x1b含む記事。\n"})
    assert texts(tables)["ctl.txt"] == "制御文字を含む記事。"


# --- very large files -----------------------------------------------------------------------------

def test_a_50_mb_file_is_rejected_by_the_size_limit_without_costing_the_others(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(raw / "huge.txt", "wb") as fh:  # one single line, no newline
        block = ("あ" * 1000).encode()
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    tables = build(tmp_path, {"good.txt": GOOD})
    reason = rejected_reason(tables, "huge.txt")
    assert "over the limit" in reason and "--max-bytes" in reason
    assert tables["rejected"]["sha256"][0]  # hashed in blocks, so the user can identify it


def test_a_large_single_line_within_a_raised_limit_is_processed_in_bounded_sentences(tmp_path):
    line = "長い行、" * 100_000  # 400,000 characters (1.2 MB), no newline, no 。
    tables = build(tmp_path, {"line.txt": line}, max_bytes=2 * 2**20)
    lengths = tables["sentences"].select((pl.col("end") - pl.col("start")).alias("n"))["n"]
    assert lengths.max() <= 1000
    assert lengths.sum() == len(line)  # cut at commas: every character is in a sentence


# --- line endings and characters ------------------------------------------------------------------

@pytest.mark.parametrize("raw_text,expected", [
    ("一行目。\r\n\r\n二行目。\r\n", "一行目。\n\n二行目。"),
    ("一行目。\r\r二行目。\r", "一行目。\n\n二行目。"),
    ("ｶﾀｶﾅの記事。", "ｶﾀｶﾅの記事。"),
    ("ＡＢＣ１２３の記事。", "ＡＢＣ１２３の記事。"),
    ("絵文字😀👍🏽の記事。", "絵文字😀👍🏽の記事。"),
    ("か\u3099き\u3099の記事。", "がぎの記事。"),
])
def test_line_endings_and_characters(tmp_path, raw_text, expected):
    tables = build(tmp_path, {"a.txt": raw_text})
    assert texts(tables)["a.txt"] == expected
    tokens = tables["tokens"]
    assert tokens.height > 0


# --- brackets ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,n_sentences", [
    ("彼は「閉じない引用。次の文。最後の文。", 3),
    ("閉じ」だけの文。次の文。", 2),
    ("「一『二（三。）二。』一。」と述べた。次。", 2),
    ("「最後まで閉じない。\n\n次の段落。\n\nさらに次。", 3),
])
def test_unbalanced_and_nested_brackets(tmp_path, text, n_sentences):
    tables = build(tmp_path, {"a.txt": text})
    assert tables["sentences"].height == n_sentences


# --- duplicates and renames ------------------------------------------------------------------------

def test_same_article_in_two_files_is_published_once(tmp_path):
    tables = build(tmp_path, {"a.txt": GOOD, "b.txt": GOOD})
    assert list(texts(tables)) == ["a.txt"]
    assert "a.txt" in rejected_reason(tables, "b.txt")


def test_a_renamed_file_keeps_its_ids(tmp_path):
    first = build(tmp_path / "1", {"a.txt": GOOD})
    second = build(tmp_path / "2", {"renamed.txt": GOOD})
    assert first["documents"]["doc_id"].to_list() == second["documents"]["doc_id"].to_list()
    assert first["sentences"]["sentence_id"].to_list() == second["sentences"]["sentence_id"].to_list()


def test_files_differing_only_in_whitespace_are_one_article(tmp_path):
    spaced = GOOD.replace("\n\n", "\n\n\n").replace("。", "。 ") + "\n\n"
    tables = build(tmp_path, {"a.txt": GOOD, "b.txt": spaced})
    assert list(texts(tables)) == ["a.txt"]
    assert "same article" in rejected_reason(tables, "b.txt")


# --- names, links, folders ---------------------------------------------------------------------------

def test_odd_file_names_and_subfolders(tmp_path):
    names = ["with space.txt", "日本語の名前.txt", "-leading-dash.txt", "sub/inner.txt", "=formula.txt"]
    tables = build(tmp_path, {n: GOOD.replace("二段落目", f"{i}段落目") for i, n in enumerate(names)})
    assert sorted(texts(tables)) == sorted(names)
    csv = (tmp_path / "out" / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert "'=formula.txt" in csv and "'-leading-dash.txt" in csv  # neutralised in CSV only


def test_a_symlink_pointing_outside_is_not_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("外部の秘密の文書。", encoding="utf-8")
    (tmp_path / "raw").mkdir()
    os.symlink(outside, tmp_path / "raw" / "link.txt")
    os.symlink(tmp_path, tmp_path / "raw" / "linkdir")
    tables = build(tmp_path, {"good.txt": GOOD})
    assert "symbolic link" in rejected_reason(tables, "link.txt")
    assert "symbolic link" in rejected_reason(tables, "linkdir")
    assert "外部" not in "".join(texts(tables).values())


# --- the sidecar --------------------------------------------------------------------------------------

def test_sidecar_problems_are_reported_and_the_rest_used(tmp_path):
    sidecar = ("\ufeffsource_file,publisher,published_at,url,license,mood\n"
               "a.txt,Bloomberg,2025-05-20,,© X,happy\n"
               "b.txt,Nikkei,2025/13/45,,,\n"
               "a.txt,Other,2024-01-01,,,\n"
               "missing.txt,X,2025-01-01,,,\n")
    tables = build(tmp_path, {"a.txt": GOOD, "b.txt": GOOD.replace("二段落目", "別の段落"), "sources.csv": sidecar})
    docs = {r["source_file"]: r for r in tables["documents"].iter_rows(named=True)}
    assert docs["a.txt"]["publisher"] == "Bloomberg" and str(docs["a.txt"]["published_at"]) == "2025-05-20"
    assert docs["b.txt"]["publisher"] == "Nikkei" and docs["b.txt"]["published_at"] is None
    reasons = " | ".join(tables["rejected"].filter(pl.col("source_file") == "sources.csv")["reason"].to_list())
    for expected in ("unknown column `mood`", "malformed published_at", "duplicate row", "not in the raw folder"):
        assert expected in reasons


# --- nothing to read -------------------------------------------------------------------------------------

def _previous_release(tmp_path) -> tuple[Path, dict[str, bytes]]:
    build(tmp_path, {"good.txt": GOOD})
    out = tmp_path / "out"
    return out, {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize("make_raw", ["missing", "empty", "all_rejected"])
def test_nothing_to_read_leaves_the_previous_release_untouched(tmp_path, make_raw):
    out, before = _previous_release(tmp_path)
    raw = tmp_path / "raw2"
    if make_raw != "missing":
        raw.mkdir()
    if make_raw == "all_rejected":
        (raw / "empty.txt").write_bytes(b"")
    expected = NothingUsable if make_raw == "all_rejected" else RawDirProblem
    with pytest.raises(expected, match="previous release is left as it was"):
        build_release(raw_dir=str(raw), out_dir=str(out), profile="full")
    after = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_rejections_are_listed_in_manifest_and_dictionary(tmp_path):
    build(tmp_path, {"good.txt": GOOD, "empty.txt": b""})
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["tables"]["rejected"]["rows"] == 1
    assert "## `rejected`" in (tmp_path / "out" / "DATA_DICTIONARY.md").read_text()
