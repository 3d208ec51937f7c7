"""Morphemes: offsets, lemmas and readings from fugashi + unidic-lite."""
from __future__ import annotations

import pickle
import threading

import pytest

from flows.text.document import build_document
from flows.text.morphemes import clean_lemma, parse


def test_offsets_point_at_the_surface():
    text = "トランプ氏は 18日、「そうだ」と\u3000話した。"
    ms = parse(text)
    assert all(text[m.start:m.end] == m.surface for m in ms)
    assert "".join(m.surface for m in ms) == text.replace(" ", "").replace("\u3000", "")


def test_features():
    ms = {m.surface: m for m in parse("ロシアのプーチン大統領は述べた。")}
    assert ms["ロシア"].pos == "名詞-固有名詞-地名-国"
    assert ms["ロシア"].lemma == "ロシア"  # gloss `-Rossiya` removed
    assert ms["述べ"].lemma == "述べる"
    assert ms["プーチン"].reading == "プーチン"


@pytest.mark.parametrize("lemma,surface,expected", [
    ("トランプ-trump", "トランプ", "トランプ"),
    ("プーチン-外国", "プーチン", "プーチン"),
    ("述べる", "述べ", "述べる"),
    ("", "ベルジナ", "ベルジナ"),
    ("-", "-", "-"),
])
def test_clean_lemma(lemma, surface, expected):
    assert clean_lemma(lemma, surface) == expected


def test_unknown_words_and_symbols_do_not_break_offsets():
    text = "😀絵文字とｶﾞｷﾞとＡＢＣ"
    ms = parse(text)
    assert all(text[m.start:m.end] == m.surface for m in ms)


def test_document_morphemes_are_in_document_offsets():
    doc = build_document([("title", "見出し"), ("body", "プーチン氏は述べた。次の文。")])
    for i in range(len(doc.sentences)):
        for m in doc.morphemes(i):
            assert doc.text[m.start:m.end] == m.surface


def test_threads_share_the_tagger_safely():
    results: list[list[str]] = []

    def work():
        results.append([m.surface for m in parse("ウクライナ停戦案を巡り電話協議を行った。")])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({tuple(r) for r in results}) == 1


def test_documents_pickle_without_a_tagger():
    doc = build_document([("body", "プーチン氏は述べた。")])
    doc.morphemes(0)
    again = pickle.loads(pickle.dumps(doc))
    assert again.text == doc.text and again.morphemes(0) == doc.morphemes(0)


@pytest.mark.parametrize("text,surfaces", [
    ("  米国\u3000と ロシア ", ["米国", "と", "ロシア"]),       # leading, inner and trailing spaces skipped
    ("米国\tと\nロシア\r。", ["米国", "と", "ロシア", "。"]),  # line controls inside a sentence
    ("\u3000", []),                                          # whitespace only
    ("ｶﾞｷﾞ and  ＡＢＣ", ["ｶﾞｷﾞ", "and", "ＡＢＣ"]),
])
def test_whitespace_is_skipped_and_offsets_stay_exact(text, surfaces):
    ms = parse(text, 100)
    assert [m.surface for m in ms] == surfaces
    assert all(text[m.start - 100:m.end - 100] == m.surface for m in ms)


def test_a_repeated_sentence_gives_the_same_morphemes_at_its_own_offsets():
    text = "プーチン大統領は述べた。"
    first, again = parse(text), parse(text, 7)
    assert [m[2:] for m in first] == [m[2:] for m in again]
    assert [(m.start + 7, m.end + 7) for m in first] == [(m.start, m.end) for m in again]
