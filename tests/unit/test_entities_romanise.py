"""English names of inferred entities: Hepburn from katakana by table, kanji from UniDic readings."""
from __future__ import annotations

import sys

import pytest

from flows.extract.entities.romanise import romanise
from flows.text.morphemes import parse

CASES = [
    ("クリスティン・ベルジナ", "Kurisutin Berujina"),        # katakana by table, part by part
    ("ジョン・ハーブスト", "Jon Haabusuto"),                # ー doubles the vowel
    ("坂口幸裕", "Sakaguchi Yukihiro"),                     # kanji: surname and given name from readings
    ("田中孝幸", "Tanaka Takayuki"),
    ("厚生労働省", "Kousei Roudoushou"),                    # a suffix joins the word before it
    ("朝日新聞", "Asahi Shinbun"),
    ("ハドソン・ポリシー財団", "Hadoson Porishii Zaidan"),  # katakana and kanji in one name
    ("ＮＨＫ", "NHK"),                                      # full-width Latin folded
    ("AKB48劇場", "AKB48 Gekijou"),                         # letters and digits stay one word
    ("・", "Unromanised"),                                  # nothing to read: a placeholder, still ASCII
]


@pytest.mark.parametrize("name,expected", CASES)
def test_romanise(name, expected):
    assert romanise(name) == expected
    assert romanise(name).isascii()


@pytest.mark.parametrize("name,expected", [c for c in CASES if c[1] != "Unromanised"])
def test_the_mention_s_own_morphemes_give_the_same_reading(name, expected):
    assert romanise(name, parse(name)) == expected


def test_morphemes_that_do_not_spell_the_name_are_not_used():
    assert romanise("坂口幸裕", parse("田中孝幸")) == "Sakaguchi Yukihiro"


def test_no_second_dictionary_is_loaded():
    romanise("坂口幸裕")
    assert "cutlet" not in sys.modules
