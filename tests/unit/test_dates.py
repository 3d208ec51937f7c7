"""Date expressions: tables of (text, publication date, future?) → (date_text, date, precision)."""
from __future__ import annotations

import datetime as dt

import pytest

from flows.extract.dates import DateExpr, find_date_expressions, resolve_date

D = dt.date
PUB = D(2025, 5, 20)  # a Tuesday

# (text, published_at, future, expected date_text, expected date, expected precision)
CASES = [
    # day of month: the most recent one on or before publication
    ("トランプ氏は18日、述べた。", D(2025, 3, 19), False, "18日", D(2025, 3, 18), "day"),
    ("19日遅く、述べた。", PUB, False, "19日遅く", D(2025, 5, 19), "day"),
    ("22日夜、記者団に語った。", D(2025, 10, 23), False, "22日夜", D(2025, 10, 22), "day"),
    ("20日に会談した。", PUB, False, "20日", D(2025, 5, 20), "day"),  # publication day itself
    # ... rolling back into the previous month, and the previous year
    ("28日に会談した。", D(2025, 3, 2), False, "28日", D(2025, 2, 28), "day"),
    ("30日に会談した。", D(2025, 3, 2), False, "30日", D(2025, 1, 30), "day"),  # no 30 Feb
    ("31日に発表した。", D(2025, 1, 5), False, "31日", D(2024, 12, 31), "day"),
    # ... or forward for an announced event
    ("14〜16日にミュンヘンで開く。", D(2025, 2, 13), True, "14〜16日", D(2025, 2, 14), "day"),
    ("5日に開く予定だ。", D(2025, 12, 20), True, "5日", D(2026, 1, 5), "day"),
    # full-width digits
    ("１８日、会談した。", D(2025, 3, 19), False, "１８日", D(2025, 3, 18), "day"),
    ("１２月２４日に", D(2025, 3, 19), False, "１２月２４日", D(2024, 12, 24), "day"),
    # weeks: the Monday of that week
    ("先週、会談した。", PUB, False, "先週", D(2025, 5, 12), "week"),
    ("先週末、記者団に語った。", PUB, False, "先週末", D(2025, 5, 12), "week"),
    ("今週、会談する。", PUB, False, "今週", D(2025, 5, 19), "week"),
    ("来週にも会談する。", D(2025, 5, 25), True, "来週", D(2025, 5, 26), "week"),  # 25th is a Sunday
    # months
    ("今月、提示した。", D(2025, 3, 19), False, "今月", D(2025, 3, 1), "month"),
    ("先月の会談", D(2025, 1, 19), False, "先月", D(2024, 12, 1), "month"),
    ("今年2月に会談した。", D(2025, 10, 23), False, "今年2月", D(2025, 2, 1), "month"),
    ("昨年11月に", D(2025, 2, 13), False, "昨年11月", D(2024, 11, 1), "month"),
    ("8月にアラスカで開かれた", D(2025, 10, 23), False, "8月", D(2025, 8, 1), "month"),
    ("11月に会談した。", D(2025, 2, 13), False, "11月", D(2024, 11, 1), "month"),  # most recent November
    ("11月に開く予定だ。", D(2025, 2, 13), True, "11月", D(2025, 11, 1), "month"),
    ("2月末に", D(2025, 10, 23), False, "2月末", D(2025, 2, 1), "month"),
    ("2月24日に", D(2025, 3, 1), False, "2月24日", D(2025, 2, 24), "day"),
    # days back
    ("11日前、呼びかけた。", PUB, False, "11日前", D(2025, 5, 9), "day"),
    ("3カ月前に", PUB, False, "3カ月前", D(2025, 2, 1), "month"),
    # explicit years, four and two digits
    ("2022年2月のロシアによる侵攻", PUB, False, "2022年2月", D(2022, 2, 1), "month"),
    ("2022年2月24日に侵略を始めた", PUB, False, "2022年2月24日", D(2022, 2, 24), "day"),
    ("24年11月の大統領選", D(2025, 2, 13), False, "24年11月", D(2024, 11, 1), "month"),
    ("14年にロシアが併合した", D(2025, 2, 13), False, "14年", D(2014, 1, 1), "year"),
    ("2018年7月、フィンランドで", PUB, False, "2018年7月", D(2018, 7, 1), "month"),
    ("2010年末に辞任した", PUB, False, "2010年末", D(2010, 1, 1), "year"),  # a part of a year keeps the year
    ("2024年初めに合意した", PUB, False, "2024年初め", D(2024, 1, 1), "year"),
    # a clock time after the day stays out of the expression
    ("21日21時46分、謝罪した。", D(2011, 7, 22), False, "21日", D(2011, 7, 21), "day"),
    # days relative to publication
    ("昨日、発表した。", PUB, False, "昨日", D(2025, 5, 19), "day"),
    ("きょうの会談", PUB, False, "きょう", D(2025, 5, 20), "day"),
]


@pytest.mark.parametrize("text,published,future,date_text,date,precision", CASES)
def test_resolve(text, published, future, date_text, date, precision):
    found = find_date_expressions(text)
    assert [e.text for e in found] == [date_text]
    assert text[found[0].start:found[0].end] == date_text
    assert resolve_date(found[0], published, future=future) == (date, precision)


# Numbers that are not dates, or words that only look like date words.
NOT_DATES = [
    "30日間の停戦", "3年余りに及ぶ戦争", "1日1千人を超える死傷者", "2期目に入って", "1000億ドル",
    "第1月曜日", "この日本の姿勢", "2時間に及ぶ電話会談", "10年3カ月ぶり", "3日後に", "15年ぶりの会談",
    "数週間以内に", "1カ月間",
    "1日2時間の練習", "1日3回", "1日10時間以上",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_date_expressions(text) == []


def test_without_publication_a_day_stays_unresolved():
    (expr,) = find_date_expressions("18日、会談した。")
    assert resolve_date(expr, None) == (None, "unknown")
    assert expr.text == "18日"
    (absolute,) = find_date_expressions("2022年2月24日に")
    assert resolve_date(absolute, None) == (D(2022, 2, 24), "day")


@pytest.mark.parametrize("word,previous,expected", [
    ("同日", (D(2025, 3, 18), "day"), (D(2025, 3, 18), "day")),
    ("この日", (D(2025, 8, 18), "day"), (D(2025, 8, 18), "day")),
    ("翌日", (D(2025, 3, 31), "day"), (D(2025, 4, 1), "day")),
    ("前日", (D(2025, 3, 1), "day"), (D(2025, 2, 28), "day")),
    ("同日", (D(2025, 3, 10), "week"), (D(2025, 3, 10), "week")),
    ("翌日", (D(2025, 3, 10), "week"), (None, "unknown")),  # the day after "last week" is not a day
    ("同日", None, (None, "unknown")),
])
def test_anaphoric_days_follow_the_previous_date(word, previous, expected):
    (expr,) = find_date_expressions(word + "、")
    assert expr.kind == "anaphoric"
    assert resolve_date(expr, PUB, previous=previous) == expected


def test_several_expressions_in_order_with_offsets():
    text = "ロシアは11日、米国人を解放した。トランプ氏は12日夜、2022年2月24日以来の戦争について話した。"
    found = find_date_expressions(text)
    assert [(e.text, text[e.start:e.end]) for e in found] == [
        ("11日", "11日"), ("12日夜", "12日夜"), ("2022年2月24日", "2022年2月24日")]
    assert all(isinstance(e, DateExpr) for e in found)
