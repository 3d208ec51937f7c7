"""Lines, blocks and article metadata: tables of input → expected, negatives included."""
from __future__ import annotations

import pytest

from flows.ingest.layout import classify, load_rules, match_line, read_article, split_articles

RULES = load_rules()

LINES = [
    # (line, expected rule kind or None for content, extracted values)
    ("原題:Trump Hands Putin Win With Retreat (1)(抜粋)", "metadata", {"title_original": "Trump Hands Putin Win With Retreat"}),
    ("原題：Rubio’s Sizing Up(抜粋)", "metadata", {"title_original": "Rubio’s Sizing Up"}),
    ("©2025 Bloomberg L.P.", "metadata", {"rights": "©2025 Bloomberg L.P.", "publisher": "Bloomberg"}),
    ("--取材協力:Arne Delfs、Daryna Krasnolutska.", "metadata", {"credits": "Arne Delfs、Daryna Krasnolutska"}),
    ("Source: Nikkei Online, 2025年2月13日 3:59更新", "metadata",
     {"publisher": "Nikkei Online", "published": "2025年2月13日"}),
    ("Source: Bloomberg Japanese, 2025年7月10日 8:15 JST", "metadata",      # a time zone after the time
     {"publisher": "Bloomberg Japanese", "published": "2025年7月10日"}),
    ("Source: 記者の取材による, 2025年7月10日 8:15 JST 以降の情報", None, {}),  # more after it: text
    ("もっと読むにはこちら bloomberg.co.jp", "boilerplate", {}),
    ("<<Return to Main", "boilerplate", {}),
    ("<<Return to pageTop", "boilerplate", {}),
    ("(情報を追加して更新します)", "boilerplate", {}),
    ("(ウィトコフ米特使の発言などを追加して更新します)", "boilerplate", {}),
    # negatives: content that merely resembles metadata
    ("原題について議論した。", None, {}),
    ("ブルームバーグは12日、プーチン氏は停戦に合意するだろうと報じた。", None, {}),
    ("Sourceに関する説明は以下の通り。", None, {}),
    ("(抜粋した内容を以下に示す)", None, {}),
    ("", None, {}),
]


@pytest.mark.parametrize("line,kind,values", LINES)
def test_line_rules(line, kind, values):
    rule = match_line(line, RULES)
    assert (rule.kind if rule else None) == kind
    if rule:
        got = rule.values(line)
        for key, value in values.items():
            assert got[key] == value


BLOCKS = [
    ("トランプ氏は18日、電話協議を行った。", "body"),
    ("「われわれは障害ではない」と語った。", "body"),
    ("これは何か？", "body"),
    ("欧州に対する戦争", "heading"),
    ("主導", "heading"),
    ("トランプ氏「直ちに交渉を開始」", "heading"),
    ("トランプ米大統領はロシアのプーチン大統領と電話会談した=AP", "caption"),
    ("記者会見する特使(中央)と副大統領(左)(21日、イスラエル)", "caption"),
    ("握手するトランプ氏㊧とプーチン氏", "caption"),
    ("3者会談開催の用意があると語るウクライナのゼレンスキー大統領", "caption"),
]


@pytest.mark.parametrize("text,kind", BLOCKS)
def test_block_kind(text, kind):
    # followed by body text, as a heading would be
    assert classify([text, "本文が続く。"], RULES)[0] == kind


def test_unterminated_last_block_without_caption_evidence_is_body_not_heading():
    assert classify(["本文。", "これで終わり"], RULES) == ["body", "body"]


def test_long_unterminated_block_is_body():
    text = "あ" * 60
    assert classify([text, "本文。"], RULES)[0] == "body"


BLOOMBERG = """11日前、トランプ米大統領が停戦を呼びかけた。

ホワイトハウスで「何かが起こる」とした。

欧州に対する戦争

スターマー英首相は述べた。

原題:Trump Hands Putin Win (1)(抜粋)

(情報を追加して更新します)

--取材協力:Arne Delfs.

もっと読むにはこちら bloomberg.co.jp

©2025 Bloomberg L.P."""

NIKKEI = """トランプ氏、戦争終結へ交渉開始 プーチン氏と合意

<<Return to Main

Source: Nikkei Online, 2025年2月13日 3:59更新

トランプ米大統領は電話会談した=AP

【ワシントン=坂口幸裕】トランプ米大統領は12日、電話協議したと明らかにした。

トランプ氏「直ちに交渉を開始」

トランプ氏は12日、SNSに投稿した。

<<Return to pageTop



トランプ政権、ロシアと直接協議へ転換
 ウクライナ打撃

Source: Nikkei Online, 2025年2月13日 8:46更新

米ロ首脳は合意した(2018年7月、
フィンランドで握手するトランプ氏㊧とプーチン氏)=AP

【ウィーン=田中孝幸】トランプ米大統領が交渉に乗り出した。

<<Return to pageTop"""


def test_bloomberg_article_metadata_and_blocks():
    articles = split_articles(BLOOMBERG.split("\n"), RULES)
    assert len(articles) == 1
    art = read_article(articles[0], rules=RULES)
    assert art.meta["title_original"] == "Trump Hands Putin Win"
    assert art.meta["rights"] == "©2025 Bloomberg L.P."
    assert art.meta["credits"] == "Arne Delfs"
    assert "title" not in art.meta
    assert [b.kind for b in art.blocks] == ["body", "body", "heading", "body"]
    kept = "\n".join(b.text for b in art.blocks)
    for gone in ("原題", "更新します", "取材協力", "もっと読む", "©"):
        assert gone not in kept


def test_nikkei_file_holds_two_articles_with_headline_date_and_dateline():
    articles = split_articles(NIKKEI.split("\n"), RULES)
    assert len(articles) == 2
    first, second = (read_article(a, rules=RULES) for a in articles)
    assert first.meta["title"] == "トランプ氏、戦争終結へ交渉開始 プーチン氏と合意"
    assert first.meta["publisher"] == "Nikkei Online"
    assert first.meta["published"] == "2025年2月13日"
    assert (first.meta["dateline"], first.meta["byline"]) == ("ワシントン", "坂口幸裕")
    assert [b.kind for b in first.blocks] == ["title", "caption", "body", "heading", "body"]
    assert second.meta["title"] == "トランプ政権、ロシアと直接協議へ転換 ウクライナ打撃"
    assert (second.meta["dateline"], second.meta["byline"]) == ("ウィーン", "田中孝幸")
    # a caption broken over two lines inside its parentheses stays one block
    assert [b.kind for b in second.blocks] == ["title", "caption", "body"]
    assert second.blocks[1].text.endswith("プーチン氏)=AP")
    assert "Return to" not in "".join(b.text for b in second.blocks)


@pytest.mark.parametrize("line,dateline,byline", [
    ("【ワシントン=坂口幸裕】トランプ氏は述べた。", "ワシントン", "坂口幸裕"),
    ("【ワシントン=赤木俊介、北京=田島如生】両首脳は協議した。", "ワシントン、北京", "赤木俊介、田島如生"),
    ("【ロンドン=佐藤一郎、田中花子】首相は述べた。", "ロンドン", "佐藤一郎、田中花子"),
])
def test_a_dateline_with_one_or_two_places(line, dateline, byline):
    article = read_article(["米中首脳が電話協議", "", line], rules=RULES)
    assert (article.meta["dateline"], article.meta["byline"]) == (dateline, byline)


def test_dateline_only_read_from_the_first_body_block():
    art = read_article(["本文である。", "", "【ロンドン=山田】後の段落。"], rules=RULES)
    assert "byline" not in art.meta


def test_format_given_title_becomes_a_title_block():
    art = read_article(["本文である。"], title="見出し", rules=RULES)
    assert [(b.kind, b.text) for b in art.blocks] == [("title", "見出し"), ("body", "本文である。")]
    assert art.meta["title"] == "見出し"


LIVEDOOR_TAIL = ["本文の最後の文。", "", "■関連記事", "・一つ目のリンク【話題】", "・二つ目のリンク", "",
                 "（文：林由美）", "（情報提供元：@type）", "http://example.com/page", "…続きを読む"]


def test_reading_link_sections_credits_and_bare_links_are_removed():
    art = read_article(LIVEDOOR_TAIL, rules=RULES)
    assert [b.text for b in art.blocks] == ["本文の最後の文。"]
    assert art.meta["byline"] == "林由美" and art.meta["credits"] == "@type"
    assert [name for name, _ in art.removed].count("reading links") == 3


def test_a_bullet_list_that_is_not_under_a_link_header_stays():
    art = read_article(["条件は次の通り。", "・一つ目の条件", "・二つ目の条件"], rules=RULES)
    assert [b.text for b in art.blocks] == ["条件は次の通り。", "・一つ目の条件", "・二つ目の条件"]
