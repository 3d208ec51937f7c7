"""Decoding raw bytes: encodings Japanese files arrive in, and what is refused."""
from __future__ import annotations

import codecs
import os

import pytest

from flows.ingest.decode import DecodeRefused, decode_bytes
from flows.text.normalise import fold_width, normalise_text

TEXT = "トランプ米大統領とロシアのプーチン大統領は18日、ウクライナ停戦案を巡り電話協議を行った。「完全な停戦」で一致した。"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 with BOM"),
    (TEXT.encode("utf-16"), "utf-16 with BOM"),
    (TEXT.encode("cp932"), None),
    (TEXT.encode("shift_jis"), None),
    (TEXT.encode("euc_jp"), None),
    (TEXT.encode("utf-16-le"), None),  # no BOM
])
def test_decodes(data, encoding):
    got = decode_bytes(data)
    assert got.text == TEXT
    if encoding:
        assert got.encoding == encoding


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"%PDF-1.7\n" + os.urandom(64), "PDF"),
    (bytes([0x80, 0xFF, 0xFE, 0x81, 0x00, 0x9F] * 200), "no plausible encoding|binary"),
])
def test_refuses(data, reason):
    with pytest.raises(DecodeRefused, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize("raw,expected", [
    ("一行目\r\n二行目\r三行目", "一行目\n二行目\n三行目"),
    ("NUL\x00を含む\x07", "NULを含む"),
    ("\ufeff先頭のBOM", "先頭のBOM"),
    ("か\u3099", "が"),  # combining voiced mark → NFC
    ("ｶﾀｶﾅと１２３", "ｶﾀｶﾅと１２３"),  # NFC leaves width alone
    ("タブ\tを含む", "タブ を含む"),
    ("孤立\ud800サロゲート", "孤立サロゲート"),
])
def test_normalise(raw, expected):
    assert normalise_text(raw)[0] == expected


def test_fold_width_keeps_length():
    s = "ＡＢＣ１２３　ｘ"
    assert fold_width(s) == "ABC123 x"
    assert len(fold_width(s)) == len(s)
