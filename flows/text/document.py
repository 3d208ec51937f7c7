"""A parsed article: its text, blocks, sentences and (lazily) morphemes.

This is what every extractor receives. Offsets are code points into
`Document.text`; IDs derive from the text's hash and positions only.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from flows.text.morphemes import Morpheme, parse
from flows.text.sentences import split_sentences

BLOCK_SEPARATOR = "\n\n"


def span_id(doc_id: str, kind: str, start: int, end: int) -> str:
    """Stable ID of a span: sorts in reading order within a document."""
    return f"{doc_id}-{kind}{start:08d}-{end:08d}"


def doc_id_for(text: str) -> tuple[str, str]:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"doc-{digest[:16]}", digest


@dataclass(frozen=True)
class Sentence:
    id: str
    index: int
    start: int
    end: int
    paragraph: int
    block_kind: str


@dataclass
class Document:
    doc_id: str
    content_sha256: str
    text: str
    sentences: list[Sentence]
    block_spans: list[tuple[int, int, str]]  # (start, end, kind) of each block
    meta: dict = field(default_factory=dict)
    _morphemes: dict[int, list[Morpheme]] = field(default_factory=dict, repr=False)

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def morphemes(self, i: int) -> list[Morpheme]:
        """Morphemes of sentence i, offsets into the document text."""
        got = self._morphemes.get(i)
        if got is None:
            s = self.sentences[i]
            got = self._morphemes[i] = parse(self.text[s.start:s.end], s.start)
        return got

    def drop_morphemes(self) -> None:
        self._morphemes.clear()

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


def build_document(blocks: list[tuple[str, str]], meta: dict | None = None) -> Document:
    """Assemble (kind, text) blocks into one text, blocks separated by a blank line, and split sentences."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for kind, text in blocks:
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        parts.append(text)
        spans.append((pos, pos + len(text), kind))
        pos += len(text)
    text = "".join(parts)
    doc_id, digest = doc_id_for(text)
    sentences: list[Sentence] = []
    for paragraph, (b_start, b_end, kind) in enumerate(spans):
        for s, e in split_sentences(text[b_start:b_end]):
            start, end = b_start + s, b_start + e
            sentences.append(Sentence(span_id(doc_id, "s", start, end), len(sentences), start, end, paragraph, kind))
    return Document(doc_id, digest, text, sentences, spans, dict(meta or {}))
