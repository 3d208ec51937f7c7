"""Fuzzing: arbitrary text through segmentation and every extractor.

No exception; every span equals `documents.text[start:end]`; the tables pass the release's own
validation (types, allowed values, keys, foreign keys); IDs are the same on a second run. The
default run draws a few hundred examples; `bench/fuzz.py` runs thousands.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.batch import BatchItem, process_batch
from flows.ingest.sources import SourceRow, parse_date
from flows.publish.assemble import assemble
from flows.publish.validate import validate_release

# Material the extractors react to, mixed with any character at all.
WORDS = [
    "トランプ", "米", "ロ", "露", "英", "プーチン", "氏", "大統領", "ゼレンスキー", "ロシア", "ウクライナ", "米国", "中",
    "ホワイトハウス", "クレムリン", "北大西洋条約機構", "(NATO)", "(CSIS)", "は", "が", "を", "に", "と", "で", "の", "、",
    "。", "「", "」", "『", "』", "（", "）", "(", ")", "・", "述べた", "語った", "と述べた", "としている", "電話会談",
    "会談", "合意した", "拒否した", "制裁を科す", "制裁を警告", "求めた", "非難した", "攻撃", "解放", "18日", "19日遅く",
    "先週", "今月", "24年11月", "2022年2月", "11日前", "１８日", "しなかった", "方針", "可能性", "当局者", "関係者",
    "によると", "政権", "側", "両氏", "首脳", "=AP", "【ワシントン=記者】", "\n", "\n\n", " ", "\u3000", "😀", "ｶﾞ",
]
TOKEN = st.one_of(st.sampled_from(WORDS), st.characters(blacklist_categories=("Cs",)))
TEXT = st.lists(TOKEN, min_size=1, max_size=120).map("".join)
PUBLISHED = st.sampled_from(["", "2025-05-20", "2024-01-01", "2025-03-01"])


def release_of(text: str, published: str) -> dict:
    sidecar = SourceRow("a.txt", None, *parse_date(published)) if published else None
    result = process_batch([BatchItem("a.txt", text.encode("utf-8"), "plain", sidecar)], with_tokens=True)
    return assemble([result.frames])


def check(text: str, published: str) -> None:
    tables = release_of(text, published)
    validate_release(tables)  # spans, types, enums, keys, foreign keys
    again = release_of(text, published)
    for name in ("documents", "sentences", "mentions", "entities", "quotes", "events", "event_actors"):
        assert tables[name].equals(again[name]), name


@given(TEXT, PUBLISHED)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extractors_survive_any_text(text, published):
    check(text, published)
