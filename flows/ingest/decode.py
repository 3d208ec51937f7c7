"""Bytes of a raw file → text, or a reason why not.

A byte-order mark decides when there is one; strict UTF-8 (by far the most
common case) is tried next; otherwise charset-normalizer picks among the
encodings Japanese files arrive in. Files that look binary, or decode in no
plausible encoding, are refused with a reason a user can act on.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

# Encodings charset-normalizer may choose from (it otherwise happily reads
# Japanese bytes as Big5 or GB18030).
JAPANESE_ENCODINGS = ["cp932", "shift_jis", "euc_jp", "euc_jis_2004", "iso2022_jp", "utf_16_le", "utf_16_be", "utf_8"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]

# File signatures of formats people mistake for text.
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "an executable"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"RIFF", "a RIFF media file"),
]

# A decoded file with more control characters (other than tab and newlines) than this share, and at
# least MIN_CONTROLS of them, is binary; a few stray ones in a text file are removed by normalisation.
MAX_CONTROL_SHARE = 0.05
MIN_CONTROLS = 32


class DecodeRefused(ValueError):
    """The bytes are not a text file we can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _looks_binary(text: str) -> bool:
    n = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v") + text.count("\x7f")
    return n >= MIN_CONTROLS and n > MAX_CONTROL_SHARE * len(text)


def decode_bytes(data: bytes) -> Decoded:
    if not data:
        raise DecodeRefused("the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeRefused(f"the file is binary ({what}), not text")
    decoded = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                decoded = Decoded(data.decode(encoding), encoding.replace("-sig", "") + " with BOM")
            except UnicodeDecodeError as err:
                raise DecodeRefused(f"the file starts with a {encoding} byte-order mark but does not decode "
                                    f"as {encoding}: {err.reason} at byte {err.start}") from None
            break
    if decoded is None and data.count(0) < len(data) // 10:  # NUL-heavy bytes are UTF-16 without a BOM
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    if decoded is None:
        best = charset_normalizer.from_bytes(data, cp_isolation=JAPANESE_ENCODINGS).best()
        if best is None:
            raise DecodeRefused(
                "the bytes decode in no plausible encoding (tried UTF-8, Shift_JIS/CP932, EUC-JP, "
                "ISO-2022-JP and UTF-16); save the file as UTF-8")
        decoded = Decoded(str(best), best.encoding)
    if _looks_binary(decoded.text):
        raise DecodeRefused(f"the file looks binary: over {MAX_CONTROL_SHARE:.0%} of its characters are control "
                            f"characters (read as {decoded.encoding})")
    return decoded
