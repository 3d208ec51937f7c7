"""Text normalisation: the one place that decides what `documents.text` is made of.

NFC, one newline convention, no control characters. Width is left alone
(NFC, not NFKC): full-width digits stay as written, and extractors that need
to compare widths use `fold_width`, which maps one character to one
character so offsets stay valid.
"""
from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\v\f]")
# C0/C1 controls other than tab and newline, BOMs, lone surrogates (JSON can carry them) and
# other format characters that have no business in news text (zero-width joiners are kept:
# emoji sequences need them).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\u200b\u2060]")

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def normalise_text(text: str) -> tuple[str, int]:
    """Return the normalised text and how many control characters were removed."""
    text = _NEWLINES.sub("\n", text)
    text, removed = _CONTROLS.subn("", text)
    text = text.replace("\t", " ")
    return unicodedata.normalize("NFC", text), removed


def fold_width(text: str) -> str:
    """Full-width ASCII and the ideographic space → ASCII, one character for one."""
    return text.translate(_FULLWIDTH)
