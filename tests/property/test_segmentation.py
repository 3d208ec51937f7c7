"""Property tests: sentences tile the document text, spans and IDs stay sound on any input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.ingest.articles import parse_file
from flows.text.document import build_document
from flows.text.sentences import split_sentences

JAPANESE = st.sampled_from(list("あいうえおかきくけこアイウエオ日本語米ロ大統領氏はがをにと、。！？「」『』（）()【】 \u3000\n"))
# Any character a decoded file can hold (lone surrogates cannot survive decoding or normalisation).
TEXT = st.lists(st.one_of(JAPANESE, st.characters(blacklist_categories=("Cs",))), max_size=400).map("".join)
LINES = st.lists(st.one_of(TEXT, st.sampled_from([
    "原題:Title (1)(抜粋)", "©2025 Bloomberg L.P.", "<<Return to pageTop", "<<Return to Main",
    "Source: Nikkei Online, 2025年2月13日 3:59更新", "(情報を追加して更新します)", "もっと読むにはこちら",
    "【東京=記者】本文。", "見出し", "写真の説明=AP", ""])), max_size=30).map("\n".join)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_sentences_are_ordered_stripped_and_cover_every_visible_character(text):
    spans = split_sentences(text, max_chars=50)
    covered = [False] * len(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        for k in range(s, e):
            covered[k] = True
        last = e
    assert all(covered[k] or text[k].isspace() for k in range(len(text)))


@given(st.lists(st.tuples(st.sampled_from(["title", "body", "heading", "caption"]), TEXT), max_size=8))
@settings(max_examples=200, deadline=None)
def test_sentences_tile_the_document_text(blocks):
    blocks = [(k, t) for k, t in blocks if t.strip()]
    doc = build_document(blocks)
    visible = [k for k, ch in enumerate(doc.text) if not ch.isspace()]
    in_sentences = [k for s in doc.sentences for k in range(s.start, s.end) if not doc.text[k].isspace()]
    assert in_sentences == visible
    for s in doc.sentences:
        b_start, b_end, kind = doc.block_spans[s.paragraph]
        assert b_start <= s.start < s.end <= b_end and s.block_kind == kind
    assert len({s.id for s in doc.sentences}) == len(doc.sentences)


@given(LINES)
@settings(max_examples=200, deadline=None)
def test_any_file_parses_without_error_into_sound_documents(text):
    first = parse_file("x.txt", text.encode("utf-8"))
    again = parse_file("x.txt", text.encode("utf-8"))
    assert [d.doc_id for d in first.documents] == [d.doc_id for d in again.documents]
    for doc in first.documents:
        for s in doc.sentences:
            assert doc.text[s.start:s.end].strip() == doc.text[s.start:s.end]
        for gone in ("<<Return to", "原題:", "©2025 Bloomberg"):
            assert all(gone not in doc.text[s.start:s.end] for s in doc.sentences)
    assert first.documents or first.rejected
