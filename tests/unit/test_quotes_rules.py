"""The quote extractor's parts: brackets, bracket shapes, verbs of saying, where reported speech starts,
and the lexicons themselves."""
from __future__ import annotations

import pytest

from flows.extract.quotes import brackets as br
from flows.extract.quotes.content import content_start
from flows.extract.quotes.frames import not_said
from flows.extract.quotes.lexicon import channel_cues, reporting_verbs
from flows.extract.quotes.reports import find_reports
from flows.text.document import build_document
from schemas.codes import QUOTE_CHANNELS


def doc_of(text: str):
    return build_document([("body", text)])


BRACKETS = [
    ("彼は「停戦する」と述べた。", ["停戦する"]),
    ("「外『内』外」と語った。", ["外『内』外"]),            # 『』 inside 「」 belongs to it
    ("「閉じない。次の文。「閉じる」。", ["閉じる"]),           # a stray opener is ignored
    ("閉じ」だけ。「次」。", ["次"]),                          # a stray closer too
    ("「 空白 」と「」", ["空白"]),                            # whitespace stripped, empty dropped
    ("（「括弧の中」）", ["括弧の中"]),
]


@pytest.mark.parametrize("text,expected", BRACKETS)
def test_quote_brackets(text, expected):
    doc = doc_of(text)
    got = [doc.text[b.start:b.end] for bs in br.quote_brackets(doc).values() for b in bs]
    assert got == expected


def test_a_bracket_longer_than_the_limit_is_refused():
    doc = doc_of("「" + "あ" * (br.MAX_QUOTE_CHARS + 1) + "」と述べた。")
    assert br.quote_brackets(doc) == {}


SHAPES = [
    ("「停戦に向けた交渉を開始する」と", "clause"),
    ("「そうだ」と", "clause"),
    ("「何か起こるのか？」と", "clause"),
    ("「直ちに交渉を開始」と", "clause"),        # サ変 noun after を: the verb is left out
    ("「駆け引きができることが前提」と", "clause"),
    ("「カッコ悪くて…」と", "clause"),
    ("「辛いので、ゆっくりどうぞ」と", "clause"),          # a clause before a comma, then more
    ("「休めば、きっと大丈夫」と", "clause"),
    ("「赤、青、黄色」と", "nominal"),
    ("「非常に良い、生産的な」会談", "modifier"),
    ("「率直かつ非常に有意義な」話し合い", "modifier"),
    ("「直ちに」開始", "phrase"),
    ("「悪党」と", "nominal"),
    ("「両国が協力すべき時が来たという主張」を", "nominal"),
]


@pytest.mark.parametrize("text,expected", SHAPES)
def test_bracket_shape(text, expected):
    doc = doc_of(text)
    ms = doc.morphemes(0)
    oi = next(k for k, m in enumerate(ms) if m.surface == "「")
    ci = next(k for k, m in enumerate(ms) if m.surface == "」")
    assert br.shape(ms, oi, ci, doc.text) == expected


NOT_SAID = [
    ("「行こう」と誘われたら断れない。", "conditional"),
    ("「どうぞ」と言えば通してくれる。", "conditional"),
    ("「行こう」と誘われたら、「嫌だ」と断った。", None),          # an exchange
    ("「行こう」と言ったら、彼は笑った。", None),                   # what happened
    ("「検索」と話しかけるだけで結果が出る。", "instruction"),
    ("「勝つ」と公言するだけあって、強かった。", None),
    ("「石の上にも三年」と言われる通り、続けることだ。", "saying"),
    ("「石の上にも三年」と彼は言った。", None),
    ("たとえば「今度飲もう」とか、軽い誘い。", "example"),
    ("「今度飲もう」とか言われた。", None),
    ("「平気だ」と言う人ほど無理をする。", "typical"),
    ("「平気だ」と言った人は3割。", None),                           # past: people who did
    ("「平気だ」という人が大半だった。", None),                       # a share
    ("「平気だ」と言う人もいる。", None),                             # they exist
    ("「平気だ」と話すトランプ氏。", None),                           # a person, not a kind
    ("この協議は「失敗だった」と言わざるを得ない。", "writer's own"),    # the writer's judgement
    ("彼は「失敗だった」と言った。", None),
    ("「他人の不幸は蜜の味」とばかりに書き立てた。", "as if"),           # nobody said it
    ("彼は「もう遅い」と言わんばかりの顔をした。", "as if"),
    ("「冷え性の女性は多い」とよく聞きますが、本当か。", "common saying"),
    ("昔から「早起きは三文の徳」と言われる。", "common saying"),
    ("母によく「早く寝なさい」と言われた。", None),                    # past: said to her, again and again
    ("「もう遅い」と、よく聞くと彼は言っていた。", None),               # よく聞くと: listening closely
]


@pytest.mark.parametrize("text,expected", NOT_SAID)
def test_not_said(text, expected):
    doc = doc_of(text)
    ms = doc.morphemes(0)
    ci = next(k for k, m in enumerate(ms) if m.surface == "」")
    why = not_said(ms, ci)
    assert (why is None) if expected is None else (expected in why)


REPORTS = [
    ("彼は停戦が必要だと述べた。", [("述べる", "predicate")]),
    ("「停戦」と記者団に話した。", [("話す", "bracket")]),
    ("停戦を支持すると説明。", [("説明する", "predicate")]),
    ("停戦は不可能と述べた。", [("述べる", "noun")]),
    ("協議を続けるとの考えを示した。", [("示す", "predicate")]),
    ("交渉を始めるとしている。", [("する", "predicate")]),
    ("交渉を始めるとトランプ氏は述べた。", [("述べる", "predicate")]),
    ("合意したと、英紙が文書を引用して報じた。", [("報じる", "predicate")]),
    ("「勝つ」と発言して懸念を呼んだ。", [("発言する", "bracket")]),   # one と, one verb: the first
    # not reports
    ("手を引こうとしている。", []),
    ("これを目標とした。", []),
    ("重要と言えるだろう。", []),
    ("撤退するとは述べなかった。", []),
    ("「ABC」と呼ばれる。", []),
    ("「SCANDAL」と言えば人気だ。", []),
    ("負担となる支援を続ける。", []),
    ("プーチン氏との電話内容を伝えた。", []),
    ("非公開協議だとして匿名を条件に語った。", []),
    ("また妄想かと言いたくなる。", []),
    ("私は顧客と話すことが好きだ。", []),                      # the partner of 話す, not its content
    ("会談の時期は未定という。", [("言う", "noun")]),             # hearsay after a noun stays
]


@pytest.mark.parametrize("text,expected", REPORTS)
def test_reports(text, expected):
    doc = doc_of(text)
    ms = doc.morphemes(0)
    inside = [False] * len(ms)
    depth = 0
    for k, m in enumerate(ms):
        depth += m.surface == "「"
        inside[k] = depth > 0
        depth -= m.surface == "」"
    got = find_reports(ms, inside, lambda m: m.surface in ("プーチン", "トランプ"))
    assert [(r.lemma, r.before) for r in got] == expected


CONTENT = [
    ("トランプ氏は19日遅く、米国は退かないと述べた。", "トランプ氏は", "米国は退かない"),
    ("ゼレンスキー氏は18日の電話会見で記者団に対し、合意できるかもしれないと発言した。", "ゼレンスキー氏は",
     "合意できるかもしれない"),
    ("スターマー英首相はトランプ氏と会話し、平和が必要だと述べた。", "スターマー英首相は", "平和が必要だ"),
    ("一方、ロシアは条件を満たすべきだと述べた。", "", "ロシアは条件を満たすべきだ"),
    ("トランプ氏は12日、記者団にサウジで会談するとの見通しを示した。", "トランプ氏は", "サウジで会談する"),
]


@pytest.mark.parametrize("text,speaker,content", CONTENT)
def test_content_start(text, speaker, content):
    doc = doc_of(text)
    ms = doc.morphemes(0)
    inside = [False] * len(ms)
    report = find_reports(ms, inside, lambda m: False)[-1]
    s = next(k for k, m in enumerate(ms) if m.end == len(speaker)) + 1 if speaker else 0
    cs = content_start(ms, s, report.to_i, doc.text, inside)
    assert doc.text[ms[cs].start:ms[report.content_end_i].end] == content


def test_lexicons_use_the_shared_channel_codes():
    assert {channel for _, channel in channel_cues()} <= set(QUOTE_CHANNELS)
    verbs = [v for vs in reporting_verbs().values() for v in vs]
    assert {v.channel for v in verbs} - {None} <= set(QUOTE_CHANNELS)
    assert {"述べる", "語る", "指摘する", "説明する", "明らかにする", "強調する", "表明する", "する"} <= {v.lemma for v in verbs}
