"""Places and organisations named with a suffix after a known name or a legal form before one: tables of (text, expected
mentions), negative cases included. Each expected mention is (surface, entity_type, ref), ref a
catalog entity_id or "~" for an inferred entity; the table lists every mention of the text."""
from __future__ import annotations

import pytest

from flows.extract.entities import extract_entities
from flows.text.document import build_document

CASES = [
    # a place named after a country and ・ is a name of its own, known or not
    ("ウクライナ・ドネツク州の前線で", [("ウクライナ", "GPE", "gpe:ukraine"), ("ドネツク州", "GPE", "gpe:donetsk-oblast")]),
    ("ロシア・トムスク州の住民", [("ロシア", "GPE", "gpe:russia"), ("トムスク州", "GPE", "~")]),
    ("フランス・パリで開かれた", [("フランス", "GPE", "gpe:france"), ("パリ", "GPE", "gpe:paris")]),
    # ... but the second half of a full name is not a name (ジョンソン is not Boris Johnson)
    ("マイク・ジョンソン下院議長", [("マイク・ジョンソン", "PERSON", "person:mike-johnson")]),
    # a place suffix of its own joins a known place: a region is an entity of its own, a city's 市 is the city
    ("ウクライナ北東部ハルキウ州知事", [("ウクライナ", "GPE", "gpe:ukraine"), ("ハルキウ州", "GPE", "~")]),
    ("上海市で", [("上海市", "GPE", "gpe:shanghai")]),
    ("1941年に東京府の公会堂で", [("東京府", "GPE", "~")]),
    ("日本海と東京湾", [("日本海", "LOC", "~"), ("東京湾", "LOC", "~")]),
    # not a suffix: a word that begins with the suffix's character, or a title
    ("上海市場と東京都内、上海市長", [("上海", "GPE", "gpe:shanghai"), ("東京", "GPE", "gpe:tokyo"),
                                  ("上海", "GPE", "gpe:shanghai")]),
    # a sea or bay is no head of an address chain
    ("東京湾アクアラインを走る", [("東京湾", "LOC", "~")]),
    # a prefecture's police is an organisation (大阪府|警, 北海道|警); the prefecture alone stays a place
    ("大阪府警は逮捕した。北海道警と大阪府で", [("大阪府警", "ORG", "~"), ("北海道警", "ORG", "~"),
                                         ("大阪府", "GPE", "gpe:osaka")]),
    # courts are named with their city
    ("東京地方裁判所は破産手続きの開始を決定した。", [("東京地方裁判所", "ORG", "~")]),
    ("ソウル中央地裁は", [("ソウル中央地裁", "ORG", "~")]),
    # a suffix that forms another organisation joins a known one; 社 does not
    ("ソニー生命と日本電信電話公社", [("ソニー生命", "ORG", "~"), ("日本電信電話公社", "ORG", "~")]),
    ("グーグル社とトヨタ社", [("グーグル", "ORG", "org:google"), ("トヨタ", "ORG", "org:toyota")]),
    # a legal form before the name is part of it; no name after it, no mention
    ("株式会社マルゴが経営権を獲得した。", [("株式会社マルゴ", "ORG", "~")]),
    ("一般社団法人日本音楽著作権協会（JASRAC）は", [("一般社団法人日本音楽著作権協会", "ORG", "~"), ("JASRAC", "ORG", "~")]),
    ("株式会社製の部品と株式会社向けの保険", []),
    ("ソフトバンクグループとトヨタグループ", [("ソフトバンクグループ", "ORG", "org:softbank-group"),
                                        ("トヨタグループ", "ORG", "~")]),
    # reefs, atolls, lakes and basins keep their generic part, as 半島 does
    ("南シナ海のスカボロー礁付近で", [("南シナ海", "LOC", "loc:south-china-sea"), ("スカボロー礁", "LOC", "~")]),
    ("ビキニ環礁とバイカル湖", [("ビキニ環礁", "LOC", "~"), ("バイカル湖", "LOC", "~")]),
    # an unlisted compound before an acronym is a name only with the head of one; a term is neither,
    # nor is its acronym later on; an acronym after a person is not theirs
    ("世界食糧計画（WFP）と国家安全保障会議（NSC）", [("世界食糧計画", "ORG", "~"), ("WFP", "ORG", "~"),
                                                 ("国家安全保障会議", "ORG", "~"), ("NSC", "ORG", "~")]),
    ("日本の排他的経済水域（EEZ）の外に落下した。防空識別圏（ADIZ）とEEZ", [("日本", "GPE", "gpe:japan")]),
    ("携帯電話番号ポータビリティ（MNP）で乗り換えた。", []),
    ("西島隆弘（AAA）が出演した。", [("西島隆弘", "PERSON", "~")]),
    # a bracket after the word for an organisation's kind holds its name; a motto or a programme does not
    ("IT企業「ネクストウェーブ」元社長とロックバンド「クイーン」", [("ネクストウェーブ", "ORG", "~"), ("クイーン", "ORG", "~")]),
    ("新党「日本保守党」を結成した。", [("日本保守党", "ORG", "~")]),
    ("企業「人を大切にする」の理念と「ジオストラテジー・ノース」プログラム", []),
    ("日鉄は日本製鉄の略称だ。", [("日鉄", "ORG", "org:nippon-steel"), ("日本製鉄", "ORG", "org:nippon-steel")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_mentions(text, expected):
    mentions, entities = extract_entities(build_document([("body", text)]))
    by_id = {e["entity_id"]: e for e in entities}
    got = [(m["surface"], m["entity_type"], "~" if by_id[m["entity_id"]]["inferred"] else m["entity_id"])
           for m in mentions]
    assert got == expected
