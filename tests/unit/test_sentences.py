"""Sentence splitting: tables of block text → sentences."""
from __future__ import annotations

import pytest

from flows.text.sentences import matched_pairs, split_sentences

CASES = [
    ("一つ目。二つ目。", ["一つ目。", "二つ目。"]),
    ("本当か？そうだ！", ["本当か？", "そうだ！"]),
    ("驚いた！？次へ。", ["驚いた！？", "次へ。"]),
    # never inside 「」 or （）
    ("彼は「停戦する。交渉する。」と述べた。次。", ["彼は「停戦する。交渉する。」と述べた。", "次。"]),
    ("声明（詳細は後日。未定）を出した。", ["声明（詳細は後日。未定）を出した。"]),
    ("声明(詳細は後日。未定)を出した。", ["声明(詳細は後日。未定)を出した。"]),
    ("「『入れ子。』の引用。」と語った。", ["「『入れ子。』の引用。」と語った。"]),
    # a quote standing alone, then the sentence
    ("「感謝したい」。トランプ氏は述べた。", ["「感謝したい」。", "トランプ氏は述べた。"]),
    # unbalanced brackets never swallow the rest
    ("「閉じない。次の文。最後。", ["「閉じない。", "次の文。", "最後。"]),
    ("閉じ」だけ。次。", ["閉じ」だけ。", "次。"]),
    ("「外（内」外。次。", ["「外（内」外。", "次。"]),
    # no terminator: the block is one sentence; surrounding whitespace is left out
    ("見出し", ["見出し"]),
    ("\u3000字下げの段落。", ["字下げの段落。"]),
    ("  ", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_split(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_long_run_without_terminator_is_cut_at_a_comma():
    text = "あ、" * 1500
    spans = split_sentences(text, max_chars=1000)
    assert len(spans) >= 3
    assert all(e - s <= 1000 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text.rstrip()


def test_long_run_without_any_break_is_cut_hard():
    text = "あ" * 2500
    spans = split_sentences(text, max_chars=1000)
    assert [e - s for s, e in spans] == [1000, 1000, 500]


def test_matched_pairs_ignore_strays():
    assert matched_pairs("」「a」「") == [(1, 3)]
    assert matched_pairs("「a（b」") == [(0, 4)]
