"""The entity model: loads, tags deterministically, adds names the rules miss, and never
overrides what the contract decides. Tables of (text, expected mentions), negatives included."""
from __future__ import annotations

import json
import time

import pytest

from flows.extract.entities import extract_entities, rule_candidates
from flows.extract.entities import tagger
from flows.extract.entities.model_features import LABELS, bracketed, chunks, morpheme_features, rule_tags
from flows.extract.entities.view import TextView
from flows.text.document import build_document


def _mentions(text: str, use_model: bool = True) -> list[tuple[str, str, str]]:
    mentions, _ = extract_entities(build_document([("body", text)]), use_model=use_model)
    return [(m["surface"], m["entity_type"], m["method"]) for m in mentions]


def test_the_model_loads_fast_and_matches_the_feature_code():
    tagger.model.cache_clear()
    t0 = time.perf_counter()
    mdl = tagger.model()
    assert time.perf_counter() - t0 < 1.0
    assert mdl is not None and len(mdl.packed) > 1000
    head = json.loads(tagger.MODEL_FILE.read_text(encoding="utf-8"))
    assert tuple(head["labels"]) == LABELS and "Stockmark" in head["meta"]["data"]


# names with no suffix, title or tag the rules know, that the model finds
ADDED = [
    ("2012年にはエヴェッサに移籍した。", [("エヴェッサ", "ORG", "model")]),
    ("元社長はザパタ石油会社を立ち上げた。", [("ザパタ石油会社", "ORG", "model")]),
    # a place name UniDic tags at the head of a team's name: the whole name, not the place
    ("彼はかつて西鉄ライオンズでプレイした。", [("西鉄ライオンズ", "ORG", "model")]),
    ("その後、鳥栖フューチャーズが解散した。", [("鳥栖フューチャーズ", "ORG", "model")]),
    # a place UniDic tags, grown into the name it heads
    ("九州電力管内による節電要請は終了した。", [("九州電力", "ORG", "model")]),
]


@pytest.mark.parametrize("text,expected", ADDED)
def test_the_model_adds_names_the_rules_miss(text, expected):
    assert not any(m in _mentions(text, use_model=False) for m in expected)
    assert _mentions(text) == expected


# what the contract decides stays as the rules have it, model or not
CONTRACT = [
    ("ロシア軍はウクライナ東部で攻撃を続けた。",                     # a country heading a group: the country alone
     [("ロシア", "GPE", "catalog"), ("ウクライナ", "GPE", "catalog")]),
    ("トランプ政権はロシア側の提案を拒否した。",                     # the leader alone; ロシア側 → ロシア
     [("トランプ", "PERSON", "catalog"), ("ロシア", "GPE", "catalog")]),
    ("米グーグルと英政府が合意した。",                               # one-kanji abbreviations stay mentions of their own
     [("米", "GPE", "abbreviation"), ("グーグル", "ORG", "catalog"), ("英", "GPE", "abbreviation")]),
    ("ホワイトハウスのケリー報道官は反論した。",                     # no title in the span
     [("ホワイトハウス", "ORG", "catalog"), ("ケリー", "PERSON", "title")]),
    ("戦略国際問題研究所(CSIS)のカンシアン氏が語った。",             # acronyms in parentheses
     [("戦略国際問題研究所", "ORG", "catalog"), ("CSIS", "ORG", "catalog"), ("カンシアン", "PERSON", "title")]),
    ("同財団の「ジオストラテジー・ノース」プログラムを率いる。", []),  # bracketed terms: not by the model
    ("宇宙船「ドラゴン」が打ち上げられた。", []),                     # nothing inside 「」, even a work's name
    ("改正著作権法について話した。", []),                             # a law: no mention (Stockmark makes laws products)
    ("iOSデバイスとUSBケーブルをSNSで紹介した。",                    # brands grown by common nouns, abbreviations
     [("iOS", "PRODUCT", "latin")]),
    ("有力シンクタンクは政権に提言した。", []),                       # common-noun phrases are not names
    ("日本語と韓国語で話した。", []),                                 # ordinary words, model or not
    ("・最新スマホに最強兵器が登場！", []),                           # a word listed as no name heads none
    ("長友佑都のクロスから椿山荘で会った。", [("長友佑都", "PERSON", "dictionary")]),  # no name cut before 荘
]


@pytest.mark.parametrize("text,expected", CONTRACT)
def test_the_model_never_overrides_the_contract(text, expected):
    assert _mentions(text) == expected


@pytest.mark.parametrize("text,word", [
    ("12月14日、丸の内ピカデリー他全国ロードショー。", "他"),   # an adverbial noun ends a name
    ("ホワイトハウスのケリー報道官は反論した。", "報道官"),       # a title is never part of one
    ("クリスティン・ベルジナ氏が語った。", "氏"),                  # nor an honorific
    ("呂比須ヘッドコーチは敗因を語った。", "コーチ"),              # nor a title of several morphemes
    ("SMBC日興証券の丸山義正チーフエコノミストは述べた。", "エコノミスト"),
    ("北朝鮮は東部の元山付近から日本海に向けて発射した。", "付近"),   # nor where around a place
    ("フィリピンは南シナ海のスカボロー礁付近で抗議した。", "付近"),
    ("東京地検特捜部は山本容疑者を逮捕した。", "容疑"),              # nor half of a word for a person
    ("イスラエル軍はイラン中部ナタンズの核施設を空爆した。", "中部"),  # nor where in the country it lies
])
def test_no_span_runs_over(text, word):
    assert all(word not in surface for surface, _, _ in _mentions(text))


def test_tagging_is_deterministic():
    text = "元社長はザパタ石油会社を立ち上げ、鳥栖フューチャーズが解散した。"
    first = _mentions(text)
    tagger.model.cache_clear()
    assert _mentions(text) == first == _mentions(text)


def test_without_the_model_file_the_rules_work_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(tagger, "MODEL_FILE", tmp_path / "missing.json")
    tagger.model.cache_clear()
    try:
        assert _mentions("2012年にはエヴェッサに移籍した。") == []
    finally:
        monkeypatch.undo()
        tagger.model.cache_clear()


@pytest.mark.parametrize("text", [
    "ブッシュ大統領とサッチャー首相は1989年にマルタ会談を開いた。",
    "2012年には大阪エヴェッサに移籍し、FC東京のサポーターズ・ソングを歌った。",
    "元Sensory ScienceのRave-MPの開発スタッフが開発した。",
])
def test_remembered_group_sums_equal_the_plain_feature_sum(text):
    """The tagger's memories and packed lanes give exactly the sum of the features' weights."""
    mdl = tagger.model()
    data = json.loads(tagger.MODEL_FILE.read_text(encoding="utf-8"))["weights"]
    doc = build_document([("body", text)])
    view = TextView(doc)
    found = rule_candidates(view)
    for i in range(len(doc.sentences)):
        ms = view.morphemes(i)
        tags = rule_tags(view, i, ms, found)
        rows = mdl.rows(ms, [(0, len(ms))])
        for a, b in chunks(ms, tags, bracketed(view.text, ms)):
            for k in range(a, b):
                plain = [0] * len(LABELS)
                for f in morpheme_features(ms, k, tags, a, b):
                    for j, w in data.get(f, []):
                        plain[j] += w
                packed = tagger.static_score(mdl, ms, rows, k, tags, a, b)
                got = [((packed + tagger._BIAS) >> (tagger.LANE * j) & ((1 << tagger.LANE) - 1))
                       - (1 << (tagger.LANE - 1)) for j in range(len(LABELS))]
                assert got == plain
