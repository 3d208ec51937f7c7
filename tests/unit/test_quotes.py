"""Quotes and speakers: tables of (passage, mentions, expected quotes).

Mentions are built by hand (`mentions_for`), so these tests hold whatever the
entity extractor does. Each expected quote is (kind, text, speaker_text,
speaker_entity_id, attribution); a case lists every quote the passage holds,
so a name in brackets or a non-quotative と that produced a quote would fail it.
"""
from __future__ import annotations

import re

import pytest

from flows.extract.quotes import extract_quotes
from flows.text.document import build_document

TRUMP = ("PERSON", "person:donald-trump")
PUTIN = ("PERSON", "person:vladimir-putin")
ZELENSKY = ("PERSON", "person:volodymyr-zelensky")
RUBIO = ("PERSON", "person:marco-rubio")
BERZINA = ("PERSON", "person:kristine-berzina")
KREMLIN = ("ORG", "org:kremlin")
WHITE_HOUSE = ("ORG", "org:white-house")
NAMES = {
    "トランプ": TRUMP, "プーチン": PUTIN, "ゼレンスキー": ZELENSKY, "ルビオ": RUBIO,
    "クリスティン・ベルジナ": BERZINA, "ベルジナ": BERZINA, "クレムリン": KREMLIN,
    "ホワイトハウス": WHITE_HOUSE, "ロシア": ("GPE", "gpe:russia"), "米国": ("GPE", "gpe:united-states"),
    "米": ("GPE", "gpe:united-states"), "モスクワ": ("GPE", "gpe:moscow"), "欧州": ("LOC", "loc:europe"),
    "ヘグセス": ("PERSON", "person:pete-hegseth"), "ジョナサン・レヴィン": ("PERSON", "person:jonathan-levine"),
    "いとうあさこ": ("PERSON", "person:asako-ito"), "森咲樹": ("PERSON", "person:saki-mori"), "スネゴバヤ": ("PERSON", "person:maria-snegovaya"),
    "マクロン": ("PERSON", "person:emmanuel-macron"), "スターマー": ("PERSON", "person:keir-starmer"),
    "レビット": ("PERSON", "person:karoline-leavitt"),
}


def mentions_for(doc, names=NAMES) -> list[dict]:
    """Every occurrence of every name, longest first, without overlaps: mention dicts as the
    entity extractor gives them."""
    taken: set[int] = set()
    out = []
    for surface in sorted(names, key=len, reverse=True):
        etype, eid = names[surface]
        for m in re.finditer(re.escape(surface), doc.text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            out.append({"mention_id": f"m{m.start()}", "doc_id": doc.doc_id,
                        "sentence_id": doc.sentences[doc.sentence_at(m.start())].id, "start": m.start(),
                        "end": m.end(), "surface": surface, "entity_type": etype, "entity_id": eid,
                        "method": "catalog"})
    return sorted(out, key=lambda m: m["start"])


def run(passage: str, kind: str = "body"):
    blocks = [(kind, p) for p in passage.split("\n\n")]
    doc = build_document(blocks)
    return doc, extract_quotes(doc, mentions_for(doc))


def brief(quotes) -> list[tuple]:
    return [(q["quote_kind"], q["text"], q["speaker_text"], q["speaker_entity_id"], q["attribution"])
            for q in quotes]


T, P, Z, R = TRUMP[1], PUTIN[1], ZELENSKY[1], RUBIO[1]

CASES = [
    # direct, explicit speaker with titles between name and particle
    ("ルビオ国務長官は22日、記者団に対し「平和を実現する機会があるのなら、対話に関心を持つ」と述べた。",
     [("direct", "平和を実現する機会があるのなら、対話に関心を持つ", "ルビオ国務長官", R, "explicit")]),
    # the speaker after the quote
    ("「その時が来た」とトランプ氏は述べた。",
     [("direct", "その時が来た", "トランプ氏", T, "explicit")]),
    # two bracketed segments joined by とし、: one speaker
    ("クリスティン・ベルジナ氏は「時間を稼いでいるようだ」とし、「解決は遠のいている」と話した。",
     [("direct", "時間を稼いでいるようだ", "クリスティン・ベルジナ氏", BERZINA[1], "explicit"),
      ("direct", "解決は遠のいている", "クリスティン・ベルジナ氏", BERZINA[1], "explicit")]),
    # a quote over two sentences is one quote
    ("スネゴバヤ氏は「ロシアは前向きだ。だが立場を守っている」と話した。",
     [("direct", "ロシアは前向きだ。だが立場を守っている", "スネゴバヤ氏", "person:maria-snegovaya", "explicit")]),
    # carried: a paragraph opening with a place, no subject, continues the speaker before
    (("トランプ氏は19日、協議から退くわけではないと述べた。詳細は明かさなかった。\n\n"
      "ホワイトハウスで「何も起こらなければ手を引くだけだ」とし、「これは欧州の問題だ」とした。"),
     [("indirect", "協議から退くわけではない", "トランプ氏", T, "explicit"),
      ("direct", "何も起こらなければ手を引くだけだ", "トランプ氏", T, "carried"),
      ("direct", "これは欧州の問題だ", "トランプ氏", T, "carried")]),
    # the person the words are about is not the speaker
    ("ゼレンスキー大統領は制裁強化が必要だと訴えたが、トランプ氏はゼレンスキー氏について「扱いやすい人物ではない」とも述べた。",
     [("indirect", "制裁強化が必要だ", "ゼレンスキー大統領", Z, "explicit"),
      ("direct", "扱いやすい人物ではない", "トランプ氏", T, "explicit")]),
    # partial: a word taken from the speaker; the speaker is the noun the verb modifies
    ("かつてプーチン氏を「悪党」と呼んだルビオ国務長官による評価が寄与した。",
     [("partial", "悪党", "ルビオ国務長官", R, "explicit")]),
    # partial inside reported speech takes the reporter's speaker
    ("トランプ氏は、米国には「特定の一線」があると述べた。",
     [("indirect", "米国には「特定の一線」がある", "トランプ氏", T, "explicit"),
      ("partial", "特定の一線", "トランプ氏", T, "explicit")]),
    # a name in brackets before a noun is no quote
    ("財団の「ジオストラテジー・ノース」プログラムのディレクター、ベルジナ氏は「戻ったようだ」と話した。",
     [("direct", "戻ったようだ", "ベルジナ氏", BERZINA[1], "explicit")]),
    # a platform named in brackets after a category noun is no quote
    ("トランプ氏は自身のSNS「トゥルース・ソーシャル」への投稿で「会談の調整を開始した」とコメントした。",
     [("direct", "会談の調整を開始した", "トランプ氏", T, "explicit")]),
    # a title in 『』 and a clause-like title are no quotes
    ("映画『世界の中心で、愛をさけぶ』が公開された。", []),
    # anonymous source before によると: speaker_text kept, no entity
    ("欧州高官の1人が匿名を条件に語ったところによると、各国指導者は懸念しているという。",
     [("indirect", "各国指導者は懸念している", "欧州高官の1人", None, "explicit")]),
    ("ロシアは兵器供給の停止を望んでいると、モスクワの関係者2人が述べた。",
     [("indirect", "ロシアは兵器供給の停止を望んでいる", "モスクワの関係者2人", None, "explicit")]),
    ("当局者によると、トランプ氏は途中で退席しかけたという。",
     [("indirect", "トランプ氏は途中で退席しかけた", "当局者", None, "explicit")]),
    # an institution speaks
    ("クレムリンは「軍事支援の完全停止が重要な条件になるはずだ」と指摘した。",
     [("direct", "軍事支援の完全停止が重要な条件になるはずだ", "クレムリン", KREMLIN[1], "explicit")]),
    # a source marker gives the speaker of partial quotes in a sentence with no verb of saying
    ("ホワイトハウスが発表した声明によると、両首脳は「完全な停戦」に向け交渉を始めることで一致した。",
     [("partial", "完全な停戦", "ホワイトハウス", WHITE_HOUSE[1], "explicit")]),
    # a quote standing alone takes the topic of the next sentence
    ("「時間と努力に感謝したい」。トランプ大統領は12日、SNSへの投稿で興奮をあらわにした。",
     [("direct", "時間と努力に感謝したい", "トランプ大統領", T, "carried")]),
    # two people as one subject name no single speaker: the speaker before goes on
    (("トランプ氏は「多くの要素が話し合われた」と説明した。プーチン氏とゼレンスキー大統領は合意を望んでおり、"
      "「プロセスは機能している」とコメントした。"),
     [("direct", "多くの要素が話し合われた", "トランプ氏", T, "explicit"),
      ("direct", "プロセスは機能している", "トランプ氏", T, "carried")]),
    # との認識を示した; a person the extractor missed still speaks (佳美さん), inner 『』 stays in
    ("ヘグセス氏は「非現実的な目標だ」との認識を示した。",
     [("direct", "非現実的な目標だ", "ヘグセス氏", "person:pete-hegseth", "explicit")]),
    ("佳美さんは「『何もなかった』と言うのはつらい」と語った。",
     [("direct", "『何もなかった』と言うのはつらい", "佳美さん", None, "explicit")]),
    # the public: voices on a forum
    ("ネットユーザーからは「許せない」との声が上がった。",
     [("direct", "許せない", "ネットユーザー", None, "explicit")]),
    ("ネット掲示板では「当然の報いだ」「こんなの認めたら困る」など批判が相次いだ。",
     [("direct", "当然の報いだ", "ネット掲示板", None, "explicit"),
      ("direct", "こんなの認めたら困る", "ネット掲示板", None, "explicit")]),
    # a cleft ends on its speaker, and a later sentence carries it
    ("「大事な思い出の品なので」と答えてくれたのは、今年で結婚8年目を迎えるマスミさん（38歳）。",
     [("direct", "大事な思い出の品なので", "マスミさん", None, "explicit")]),
    ("そう話すのは、会社員の志穂さん(31歳)。\n\n「結婚したいと言うと反対されるんです」",
     [("direct", "結婚したいと言うと反対されるんです", "志穂さん", None, "carried")]),
    # unbalanced brackets: the stray 「 is ignored and swallows nothing
    ("トランプ氏は「停戦する。次の文。\n\nプーチン氏は「合意した」と語った。",
     [("direct", "合意した", "プーチン氏", P, "explicit")]),
    ("閉じ」だけの文。プーチン氏は「合意した」と語った。",
     [("direct", "合意した", "プーチン氏", P, "explicit")]),
    # と that is not quotative, and verbs of saying that report nothing
    ("トランプ氏は外交努力から手を引こうとしている。", []),
    ("これは重要な課題と言えるだろう。", []),
    ("トランプ氏はプーチン氏と話した。", []),
    ("ロシアは新型ミサイルを切り札とした。", []),
    ("トランプ氏は巨額の負担となる支援を続ける方針だ。", []),
    ("トランプ氏は撤退すると述べなかった。", []),
    ("「ルックスが微妙すぎる」とネット掲示板で話題を呼んでいる。",                 # 呼ぶ only right after と
     [("direct", "ルックスが微妙すぎる", None, None, "unresolved")]),
    ("「ブックマーク設定」と書いてある部分をクリックする。", []),                   # a label, not words said
    ("ある日、勇気を出して「本当のこと言って」と問いただしたとしよう。",              # supposing, not reporting
     [("direct", "本当のこと言って", None, None, "unresolved")]),
    # words said to the subject are not the subject's
    ("優子さんは、「かわいいね」と言われる方が嬉しいという。", [("direct", "かわいいね", None, None, "unresolved")]),
    # ... unless the passive names who said them: the agent before に/から speaks
    ("母に「早く結婚しなさい」と言われた。", [("direct", "早く結婚しなさい", "母", None, "explicit")]),
    ("「いらっしゃいませ」と日本語で店員に声をかけられる。", [("direct", "いらっしゃいませ", "店員", None, "explicit")]),
    # a circle of the public (…の間でも) speaks like a place (ネット掲示板では)
    ("このニュースはネットユーザーの間でも波紋を呼び、「ありえない」との声が上がった。",
     [("direct", "ありえない", "ネットユーザー", None, "explicit")]),
    ("「長く勤めてもらえるかもしれない」と上司は期待していた。", []),               # a thought
    # a newspaper the extractor does not know still speaks; 模様 is no person (様)
    ("またザ・サン紙は「スペインは立て直せなかった」と伝えている。",
     [("direct", "スペインは立て直せなかった", "ザ・サン紙", None, "explicit")]),
    # titles listed after a category noun, names joined by や, a label before として
    ("テレビ朝日「Wの悲劇」「都市伝説の女」などが並ぶ。", []),
    ("「ふらんす亭」や「ステーキけん」を経営する会社だ。", []),
    ("同誌によれば、「寂しい女性がハマりやすい話」として特集を組んだ。", []),
    # a place where the public speaks outranks an earlier topic; は outranks も
    ("亀田は結婚に至ったが、ネット掲示板では「まっすぐな男。おめでとう」と祝福の声が相次いだ。",
     [("direct", "まっすぐな男。おめでとう", "ネット掲示板", None, "explicit")]),
    ("「彼とやり直したいなら、気づかない振りをして」とは、毅さん（37歳）。",            # とは、X。: X said it
     [("direct", "彼とやり直したいなら、気づかない振りをして", "毅さん", None, "explicit")]),
    ("ジョナサン・レヴィン監督は「素晴らしい経験だ」と喜んだ。",                    # 監督 is a title here
     [("direct", "素晴らしい経験だ", "ジョナサン・レヴィン監督", "person:jonathan-levine", "explicit")]),
    ("不満を訴える人もいたが、それが回答だとすると、動きが早い。", []),
    # a verb no lexicon lists still names its speaker when it modifies a person; a dialog line
    ("ライオンを「かかってこいよ」と挑発する大泉のエピソードを紹介した。",
     [("direct", "かかってこいよ", "大泉", None, "explicit")]),
    ("Siri「その質問にはお答えできません」", [("direct", "その質問にはお答えできません", "Siri", None, "explicit")]),
    ("それに対し、G.G.スパロウは、そんなのはもう時代遅れだと主張する。",
     [("indirect", "そんなのはもう時代遅れだ", "G.G.スパロウ", None, "explicit")]),
    # a title before の and a noun, a text shown on screen: no quotes
    ("「ラブソングができるまで」の監督がメガホンを取った。", []),
    ("画面に「ソフトウェアは最新状態です」と表示されていても安心できない。", []),
    ("中でも驚きだったのが、女芸人いとうあさこ。\n\n「ギャルいとうあさこ、39歳！」と見事なポーズを披露した。",
     [("direct", "ギャルいとうあさこ、39歳！", "いとうあさこ", "person:asako-ito", "carried")]),
    ("「昔は休みの日に何を？」と訊かれると、「遊んでました」と明かす。",          # asked by someone unnamed
     [("direct", "昔は休みの日に何を？", None, None, "unresolved"),
      ("direct", "遊んでました", None, None, "unresolved")]),
    ("宙吊りのキスシーンは今作でもあったかと聞かれると「先に知らない方が楽しめる」と答えた。",
     [("direct", "先に知らない方が楽しめる", None, None, "unresolved")]),
    ("「続ければ１年後にはフルマラソンも夢じゃありません」とRIECO先生。",          # とX。: X said it
     [("direct", "続ければ１年後にはフルマラソンも夢じゃありません", "RIECO先生", None, "explicit")]),
    ("合コンで意気投合したメンバーに「キャンプに行こう！」と誘われたユリさん。",   # said to her
     [("direct", "キャンプに行こう！", None, None, "unresolved")]),
    # a name line introduces the quote after it; a quote inside a paragraph looks back, not forward
    ("森咲樹（アップアップガールズ）\n\n「やってみなきゃ可能性はゼロ！」",
     [("direct", "やってみなきゃ可能性はゼロ！", "森咲樹（アップアップガールズ）", "person:saki-mori", "carried")]),
    ("一方、編集者の朋子さんは、こう見る。「高根の花で手を出しにくいのでは」。では男性たちはどう思うのか。",
     [("direct", "高根の花で手を出しにくいのでは", "朋子さん", None, "carried")]),
    ("試合後も、トランプ氏は「正直言います」と語った。",
     [("direct", "正直言います", "トランプ氏", T, "explicit")]),
    # names and terms in brackets: the name of a source, a value after a category noun and は,
    # a title ending in a category noun, a work after its creator in a list line, a term before の「…」
    ("「みらい健康研究会」が実施した調査によると、回答者の半数が夏に疲れを感じている。", []),
    ("公式サイトによると、今季のキャンペーンのテーマは「笑顔をつなぐ輪」。", []),
    ("家電メーカーが進める「1か月で変わる！　朝型生活プロジェクト」。", []),
    ("★ヨハン・シュトラウス「美しく青きドナウ」", []),
    ("・トランプ氏「直ちに交渉を開始」", [("direct", "直ちに交渉を開始", "トランプ氏", T, "explicit")]),
    ("「キモカワ」の「キモ」は気持ち悪いの略だ。", []),
    # ... but a value said by a speaker stays a quote
    ("トランプ氏は、交渉のテーマは「公正な取引」だと述べた。",
     [("indirect", "交渉のテーマは「公正な取引」だ", "トランプ氏", T, "explicit"),
      ("partial", "公正な取引", "トランプ氏", T, "explicit")]),
    # hypothetical, example, generic words: nobody said them
    ("例えば「もう一軒行こう」とか、「終電まで付き合って」とか、そんな誘いは断りにくい。", []),
    ("上司に「ふざけるな」とか言われた。", [("direct", "ふざけるな", "上司", None, "explicit")]),
    ("恋人に「結婚しよう」と言われたら、誰でも舞い上がるはず。", []),
    ("「来年こそ優勝する」と宣言すれば、チームの士気も上がるだろう。", []),
    ("「明日は休む」と訊かれれば、「休まない」と答えた。",                  # an exchange: both said
     [("direct", "明日は休む", None, None, "unresolved"), ("direct", "休まない", None, None, "unresolved")]),
    ("画面に向かって「天気」と話しかけるだけで、予報が表示される。", []),
    ("「急がば回れ」と言われるように、焦りは禁物だ。", []),
    ("「何とかなるさ」と笑う人は、失敗を恐れない。", []),
    ("「今夜は贅沢に」という日には、デザートも頼みたい。", []),
    ("何かあると「私なんて」と言ってしまう損なタイプ。", []),
    ("ゼレンスキー氏は何でも協力すると言う人だ。", []),
    # speakers introduced without は/が: a named outlet in brackets, a place or the public after the
    # quotes, からも before them; the public speaks for the quotes after a sentence that introduces it
    ("情報サイト「ハッピーニュース」は「新作は来春に公開される」と伝えた。",
     [("direct", "新作は来春に公開される", "情報サイト「ハッピーニュース」", None, "explicit")]),
    ("週刊誌「フラッシュ」は、プーチン氏が停戦を望んでいると報じた。",
     [("indirect", "プーチン氏が停戦を望んでいる", "週刊誌「フラッシュ」", None, "explicit")]),
    ("「早く帰ってきて」「待ってるよ」など、ネット上でもファンから励ましの声が相次いだ。",
     [("direct", "早く帰ってきて", "ネット上", None, "explicit"), ("direct", "待ってるよ", "ネット上", None, "explicit")]),
    ("「早く帰ってきて」など、トランプ氏から電話があった。",                 # a name after から: no public
     [("direct", "早く帰ってきて", None, None, "unresolved")]),
    ("佐藤監督が「勝つ」と宣言すると、スタジオからも「本当ですか？」というツッコミが入った。",
     [("direct", "勝つ", "佐藤監督", None, "explicit"), ("direct", "本当ですか？", "スタジオ", None, "explicit")]),
    ("トランプ氏は記者から「辞めるのか」と問われると、「辞めない」と笑った。",   # から of another clause
     [("direct", "辞めるのか", "記者", None, "explicit"),
      ("direct", "辞めない", "トランプ氏", T, "explicit")]),
    ("ネット上のファンからは厳しい声。\n\n「もう見ない」「残念だ」など、様々な反応があがっている。",
     [("direct", "もう見ない", "ネット上のファン", None, "carried"),
      ("direct", "残念だ", "ネット上のファン", None, "carried")]),
    ("友人からも連絡があった。\n\n「もう見ない」と話題に",
     [("direct", "もう見ない", None, None, "unresolved")]),
    # 「…」と話題: the public's words, not those of the person the sentence is about
    ("ルビオ国務長官が会見で「もう手を引く」と話題に", [("direct", "もう手を引く", None, None, "unresolved")]),
    ("ネット上では「手を引くのか」と話題を呼んでいる。", [("direct", "手を引くのか", "ネット上", None, "explicit")]),
    ("この発言に、ファンからは「引退なのか」と話題に。", [("direct", "引退なのか", "ファン", None, "explicit")]),
    ("会場から「えー」という声が上がった。", [("direct", "えー", "会場", None, "explicit")]),
    # the kind from the words: one adjective is a word taken from the speakers; a comment of a list
    # with its own subject and predicate is a full utterance though it ends in a noun; words before
    # という + a person's 言葉 are that person's
    ("ネット上では「あざとい」と話題", [("partial", "あざとい", "ネット上", None, "explicit")]),
    # a news lead's が subject, in a sentence with no topic, is whom the next quote continues; not a が
    # subject inside a clause about something else that is the topic
    ("ルビオ国務長官が10日、声明を発表した。「交渉は続ける」とつづった。",
     [("direct", "交渉は続ける", "ルビオ国務長官", R, "carried")]),
    ("トランプ氏が始めた事業は順調だ。「便利だ」と話題に。", [("direct", "便利だ", None, None, "unresolved")]),
    ("トランプ氏が11月から売り出す新商品が登場した。「便利だ」と話題に。",   # no comma sets the subject off
     [("direct", "便利だ", None, None, "unresolved")]),
    # what an anonymous source knows is part of its speaker_text; a frame of anonymity is not content
    ("トランプ政権は追加関税を検討していると、事情に詳しい関係者が明らかにした。",
     [("indirect", "トランプ政権は追加関税を検討している", "事情に詳しい関係者", None, "explicit")]),
    ("米政府高官は匿名を条件に、ロシアが提案を拒否したと明らかにした。",
     [("indirect", "ロシアが提案を拒否した", "米政府高官", None, "explicit")]),
    # an unnamed group speaks for itself (地元の市民団体), not the person of the sentence before
    ("ルビオ国務長官は計画に賛同した。一方、地元の市民団体は「税金の無駄遣いだ」と反発している。",
     [("direct", "税金の無駄遣いだ", "地元の市民団体", None, "explicit")]),
    # question-and-answer layout: the interviewer's lines are skipped, the answers are the interviewee's
    (("ルビオ国務長官が開いた記者会見の主なやりとりは次の通り。\n\n――停戦について。\n\n「交渉は続ける」\n\n"
      "――ロシアについては。\n\n「圧力をかける」"),
     [("direct", "交渉は続ける", "ルビオ国務長官", R, "carried"),
      ("direct", "圧力をかける", "ルビオ国務長官", R, "carried")]),
    # ... but one adjective is all that was said when a verb of utterance closes it
    ("田中さんは「怖い」と語った。", [("direct", "怖い", "田中さん", None, "explicit")]),
    ("彼女は当時を「楽しい」と評した。", [("partial", "楽しい", "彼女", None, "explicit")]),
    # an age in parentheses after the speaker is an aside, not part of the speaker's text
    ("被害者の会の田村和夫さん（71）は判決後、「お金が戻らなければ意味がない」と話した。",
     [("direct", "お金が戻らなければ意味がない", "田村和夫さん", None, "explicit")]),
    ("ネット掲示板では「運営がきちんと確認していれば防げた話」「残念だ」との声が上がった。",
     [("direct", "運営がきちんと確認していれば防げた話", "ネット掲示板", None, "explicit"),
      ("direct", "残念だ", "ネット掲示板", None, "explicit")]),
    ("ネット掲示板では「防げた話」との声が上がった。", [("partial", "防げた話", "ネット掲示板", None, "explicit")]),
    ("「ゆっくり休めば、きっと大丈夫」という佐藤監督の言葉通り、チームは復調した。",
     [("direct", "ゆっくり休めば、きっと大丈夫", "佐藤監督", None, "explicit")]),
    ("「カワイイ」という言葉の威力はすごい。", []),                          # a term, nobody's words
    # という/っていう/との + a noun of thought, meaning or kind is no quote, even with a modifier
    # before the noun or with speech elsewhere in the sentence; a noun of speech keeps it one
    ("「好き」という思いを受け止めてくれる相手を探そう。", []),
    ("「この発想はなかった」というユニークな製品である。", []),
    ("「自分に自信を持つ」という確固たる自覚はない。", []),
    ("「もっと頑張れ」といった手厳しい内容が相次ぎ、ルビオ氏は「残念だ」と述べた。",        # other nouns: as before
     [("direct", "もっと頑張れ", None, None, "unresolved"), ("direct", "残念だ", "ルビオ氏", R, "explicit")]),
    ("「交渉が進む」という意識が広がった。", []),
    ("気になるのは「何が一番効果的なのか」ということ。", []),                        # ということ: a term
    ("ルビオ氏は会見に応じた。「交渉は続く」とのこと。", [("direct", "交渉は続く", "ルビオ氏", R, "carried")]),  # hearsay
    ("「停戦は遠い」との感覚が欧州に広がり、ルビオ氏は「急ぐべきだ」と述べた。",
     [("direct", "急ぐべきだ", "ルビオ氏", R, "explicit")]),
    ("目立つけど、「何キャラです」っていうのが…。", []),
    ("トランプ氏は「ロシアは戦争を終わらせたい」という強い思いを語った。",        # a thought voiced
     [("direct", "ロシアは戦争を終わらせたい", "トランプ氏", T, "explicit")]),
    ("ゼレンスキー氏は「領土は譲らない」という意味の発言をした。",
     [("direct", "領土は譲らない", "ゼレンスキー氏", Z, "explicit")]),
    ("ペスコフ大統領報道官は「交渉の用意がある」との見方を示した。",              # 見方 is no verb of thought
     [("direct", "交渉の用意がある", "ペスコフ大統領報道官", None, "explicit")]),
    ("トランプ氏は「停戦は近い」という見方を示した。", [("direct", "停戦は近い", "トランプ氏", T, "explicit")]),
    ("クレムリンは「合意は近い」との声明を出した。", [("direct", "合意は近い", "クレムリン", KREMLIN[1], "explicit")]),
    ("「停戦を急ぐべきだ」というルビオ氏の指摘もある。", [("direct", "停戦を急ぐべきだ", "ルビオ氏", R, "explicit")]),
    # words a reader might say, in the writer's question to the reader; a question inside the quote stays
    ("「むくみたくないから」と、日中、水分を控えてしまう方はいませんか？", []),
    ("「やめたい」と思ったことはありませんか？", []),
    ("ゼレンスキー氏は「一緒に戦いませんか？」と欧州に呼びかけた。",
     [("direct", "一緒に戦いませんか？", "ゼレンスキー氏", Z, "explicit")]),
    # the asker of a question does not answer it, here or in the sentences after
    ("プーチン氏は笑った。\n\n記者から「辞任するのか」と質問され、「辞めない」と答えた。",
     [("direct", "辞任するのか", "記者", None, "explicit"), ("direct", "辞めない", "プーチン氏", P, "carried")]),
    ("トランプ氏は記者団に応じた。記者から「プーチン氏を信じるか」と聞かれると、「信じている」と語った。",
     [("direct", "プーチン氏を信じるか", "記者", None, "explicit"), ("direct", "信じている", "トランプ氏", T, "carried")]),
    # a sentence ending in Xが + a verb of saying names the speaker of the quote after it
    ("ルビオ氏は先に語った。\n\nまた、停戦について、トランプ氏が言及。「時間がかかる」と語った。",
     [("direct", "時間がかかる", "トランプ氏", T, "carried")]),
    ("ルビオ氏は先に語った。\n\nまた、停戦について、トランプ氏が登場。「時間がかかる」と語った。",
     [("direct", "時間がかかる", "ルビオ氏", R, "carried")]),               # no verb of saying: carried
    # a speaker that only owns a noun (というX氏の警告) is not carried to the next sentence
    ("ルビオ氏は記者団に語った。\n\n「危機に直面する」というトランプ氏の警告を引用。「対策が要る」とした。",
     [("direct", "危機に直面する", "トランプ氏", T, "explicit"), ("direct", "対策が要る", "ルビオ氏", R, "carried")]),
    # a list of bare quotes after a sentence naming a place of the public: the public goes on through
    # the list (not only for the first line), and stops at a sentence of the writer's
    ("ネット掲示板では次のような声が寄せられている。\n\n「もう限界だ」\n\n「罰金を払え」\n\n「偉そうに言うな」"
     "\n\n「かわいそうだ」\n\n「見苦しい」",
     [("direct", t, "ネット掲示板", None, "carried") for t in ("もう限界だ", "罰金を払え", "偉そうに言うな")]
     + [("direct", "かわいそうだ", "ネット掲示板", None, "carried"), ("partial", "見苦しい", "ネット掲示板", None, "carried")]),
    ("ネット掲示板では次のような声が寄せられている。\n\n「もう限界だ」\n\n試合は延期された。\n\n「残念だ」",
     [("direct", "もう限界だ", "ネット掲示板", None, "carried"), ("direct", "残念だ", None, None, "unresolved")]),
    # a venue (or two joined by や) before a run of comments speaks for all of it, though the frame
    # is a passive (声が寄せられた); a venue on a lead line (スレッドでは…。 / …Twitter上で広がり、)
    # goes on through the quote-only lines after it, before a name from further back
    ("この発表に、ネット掲示板には「残念だ」「仕方ない」と、同情の声が寄せられた。",
     [("direct", "残念だ", "ネット掲示板", None, "explicit"), ("partial", "仕方ない", "ネット掲示板", None, "explicit")]),
    ("海外の掲示板やSNSには「もう終わりだ」「信じられない」など、落胆の声があふれた。",
     [("direct", "もう終わりだ", "掲示板やSNS", None, "explicit"),
      ("direct", "信じられない", "掲示板やSNS", None, "explicit")]),
    ("同記事のコメント欄には「立派だ」「見習いたい」と称賛が寄せられた。",
     [("direct", "立派だ", "コメント欄", None, "explicit"), ("direct", "見習いたい", "コメント欄", None, "explicit")]),
    ("トランプ氏は会見を開いた。スレッドでは様々な意見が出た。\n\n「もう限界だ」\n\n「仕方ない」",
     [("direct", "もう限界だ", "スレッド", None, "carried"), ("partial", "仕方ない", "スレッド", None, "carried")]),
    ("トランプ氏は会見を開いた。この発言は掲示板やTwitter上で瞬く間に広がり、\n\n「見苦しい」\n\n「情けない」",
     [("partial", "見苦しい", "掲示板やTwitter", None, "carried"),
      ("partial", "情けない", "掲示板やTwitter", None, "carried")]),
    ("トランプ氏は「会う」と述べた。会場で取材に応じ、\n\n「急がない」",          # a place, not online: no public
     [("direct", "会う", "トランプ氏", T, "explicit"), ("direct", "急がない", "トランプ氏", T, "carried")]),
    # a header line that is a person's name speaks for the bare quotes under it (not for those above,
    # though the next header follows them); a trailing label in parentheses names the speaker
    ("トランプ氏は会見を開いた。\n\n■佐藤一郎氏\n\n「中盤が大事です」\n\n■鈴木次郎氏\n\n「守備が鍵です」",
     [("direct", "中盤が大事です", "佐藤一郎氏", None, "carried"),
      ("direct", "守備が鍵です", "鈴木次郎氏", None, "carried")]),
    ("会見の様子を伝える。\n\n・ルビオ（国務長官）\n\n「交渉は続ける」",
     [("direct", "交渉は続ける", "ルビオ（国務長官）", R, "carried")]),
    ("■関連記事\n\n「交渉は続ける」", [("direct", "交渉は続ける", None, None, "unresolved")]),
    ("「よく眠れるようになりました」（幸恵さん）",
     [("direct", "よく眠れるようになりました", "幸恵さん", None, "explicit")]),
    ("オフィスの話を聞いた。\n\n「会議は喫茶店でしていました」（株式会社カモメ広報）",
     [("direct", "会議は喫茶店でしていました", "株式会社カモメ広報", None, "explicit")]),
    ("「もう限界です」（笑）", []),
    ("「また夏に会いましょう」（8月17日）", []),
    ("「また夏に会いましょう」（茨城県筑西市）", []),
    # an outlet as topic reports; the subject of the clause closing the quote said it
    ("ザ・サン紙は、少年が「もう二度としない」と約束したと報じた。",
     [("direct", "もう二度としない", "少年", None, "explicit")]),
    ("ザ・サン紙は「もう二度としない」と報じた。", [("direct", "もう二度としない", "ザ・サン紙", None, "explicit")]),
    # ... but when the verb of saying ends the sentence, the が phrase is the subject of what was said:
    # the topic said it, and the bracket is a predicate taken from them
    ("ゼレンスキー氏は、ロシアが「停戦を望んでいない」と非難した。",
     [("partial", "停戦を望んでいない", "ゼレンスキー氏", Z, "explicit")]),
    ("トランプ氏は、記者が「辞めるのか」と尋ねると笑った。",
     [("direct", "辞めるのか", "記者", None, "explicit")]),
    # a speaker phrase of the quote's own clause beats a carried speaker, even with no entity: a role
    # noun (デスク, 研究者, 野党側), a bare title, a person with も; a time word or a topic is none
    ("トランプ氏は会見を開いた。\n\n球団担当のデスクは「補強は失敗だった」と明かす。",
     [("direct", "補強は失敗だった", "球団担当のデスク", None, "explicit")]),
    ("トランプ氏は会見を開いた。経済の研究者は「景気は底を打った」と話した。",
     [("direct", "景気は底を打った", "経済の研究者", None, "explicit")]),
    ("トランプ氏は会見を開いた。野党側から「説明が足りない」と指摘された。",
     [("direct", "説明が足りない", "野党側", None, "explicit")]),
    ("トランプ氏は会見を開いた。鈴木さんも「驚いた」と話した。",
     [("direct", "驚いた", "鈴木さん", None, "explicit")]),
    ("トランプ氏は会見を開いた。党の幹部も、「驚いた」と話した。",
     [("direct", "驚いた", "党の幹部", None, "explicit")]),
    ("佐藤監督は「勝てる」と話した。試合後、監督は「満足だ」と語った。",
     [("direct", "勝てる", "佐藤監督", None, "explicit"), ("direct", "満足だ", "監督", None, "explicit")]),
    ("ルビオ国務長官は「会う」と述べた。トランプ氏は笑った。長官は「急がない」と語った。",   # the title's bearer
     [("direct", "会う", "ルビオ国務長官", R, "explicit"), ("direct", "急がない", "長官", R, "explicit")]),
    ("トランプ氏は会見を開いた。監督は「満足だ」と語った。",
     [("direct", "満足だ", "監督", None, "explicit")]),
    ("トランプ氏は会見を開いた。先週は「停戦は近い」と述べた。",
     [("direct", "停戦は近い", "トランプ氏", T, "carried")]),
    ("トランプ氏は会見を開いた。この問題は「深刻だ」と報じられた。",
     [("direct", "深刻だ", None, None, "unresolved")]),
    ("トランプ氏は会見を開いた。関税について、トランプ氏は「前向きだ」と述べた。",
     [("direct", "前向きだ", "トランプ氏", T, "explicit")]),
    ("トランプ氏は「会う」と話した。\n\n氏は「急がない」と語った。",    # an honorific alone is no one
     [("direct", "会う", "トランプ氏", T, "explicit"), ("direct", "急がない", "トランプ氏", T, "carried")]),
    # the agent of a passive with words between (妻に、いつも「…」と指摘される); a cleft after the
    # quote whose verb takes an auxiliary (と後押ししてくれるのは、…さん); not a kind of person
    ("トランプ氏は会見を開いた。妻に、いつも「働きすぎだ」と指摘される。",
     [("direct", "働きすぎだ", "妻", None, "explicit")]),
    ("トランプ氏は会見を開いた。ロシアで「危険だ」と言われた。", [("direct", "危険だ", None, None, "unresolved")]),
    ("悩みを聞いて「大丈夫、見返しましょう！」と笑顔で後押ししてくれるのは、都内の教室を営む佐野健二さん。",
     [("direct", "大丈夫、見返しましょう！", "佐野健二さん", None, "explicit")]),
    ("初デートで「好きすぎる!」と悶絶してしまう女性の行動9パターン",
     [("direct", "好きすぎる!", None, None, "unresolved")]),
    # a role noun that was only a topic (受賞者は…) is not carried to the next sentence's quote
    ("受賞者は緊張で黙り込んだ。「絵が大好きです」と感想を述べた。",
     [("direct", "絵が大好きです", None, None, "unresolved")]),
    # a role noun heading a noun with の is no relative-clause speaker
    ("「もう遅い」と質問した番組側の調査不足が指摘された。", [("direct", "もう遅い", None, None, "unresolved")]),
    # ... but people who said it, counted or said to exist, did
    ("「もう限界だ」と話す人もいた。", [("direct", "もう限界だ", "人", None, "explicit")]),
    ("「満足している」と答えた人は6割にのぼった。", [("direct", "満足している", "人", None, "explicit")]),
    # a cleft that points back at the quote (こう/そう + a verb of saying + のは) names its speaker, in the
    # quote's sentence or the next one, even when a speaker could be carried from before
    ("「交渉の余地はある」、こう話すのは国務省の佐藤健一さんだ。",
     [("direct", "交渉の余地はある", "佐藤健一さん", None, "explicit")]),
    ("トランプ氏は会見を開いた。\n\n「交渉の余地はある」\n\nこう語るのは、ルビオ国務長官だ。",
     [("direct", "交渉の余地はある", "ルビオ国務長官", R, "carried")]),
    ("トランプ氏は会見を開いた。\n\n「交渉の余地はある」\n\nキッパリそう言い切るのは、ルビオ国務長官だ。",
     [("direct", "交渉の余地はある", "ルビオ国務長官", R, "carried")]),
    # a cleft after a standalone quote that brings its own words (「…」と話すのは X) or opens on a new
    # person (一方、…のは X) introduces X's words to come: the quote before is not X's
    ("「合意は近い」\n\n「時間がかかる」と話すのは、ルビオ国務長官だ。",
     [("direct", "合意は近い", None, None, "unresolved"),
      ("direct", "時間がかかる", "ルビオ国務長官", R, "explicit")]),
    ("「合意は近い」\n\n一方、慎重な見方を示すのは、ルビオ国務長官だ。",
     [("direct", "合意は近い", None, None, "unresolved")]),
    # ... while one that goes on from the quote (と嘆くのは X, 発言したのは X) names its speaker
    ("「合意は近い」\n\nと語るのは、ルビオ国務長官だ。", [("direct", "合意は近い", "ルビオ国務長官", R, "carried")]),
    # a view or a forecast where it ends the clause (とみている, と予想した); not the writer's own
    # judgement (とみていいだろう), a passive (とみられる) or a noun it modifies (と予想した解説者)
    ("ルビオ国務長官は、停戦は近いとみている。", [("indirect", "停戦は近い", "ルビオ国務長官", R, "explicit")]),
    ("ルビオ国務長官は、交渉は長引くと予想した。", [("indirect", "交渉は長引く", "ルビオ国務長官", R, "explicit")]),
    ("ロシアは交渉に応じないとみていいだろう。", []),
    ("死者は100人を超えるとみられる。", []),
    ("ロシアが勝つと予想した専門家は少ない。", []),
    # a noun of view MeCab splits in two (見|方) still frames reported speech: との見方を示した
    ("欧州の当局者は、防空能力が低下するとの見方を示した。",
     [("indirect", "防空能力が低下する", "欧州の当局者", None, "explicit")]),
    # a plural pronoun names a group, not one of its members; a pronoun may head the noun a verb of saying
    # modifies (と話してくれた彼女たち)
    ("トランプ氏とプーチン氏が会談した。彼らは「合意した」と述べた。", [("direct", "合意した", "彼ら", None, "explicit")]),
    ("「ママ友は頼りになる」と話してくれた彼女たち。", [("direct", "ママ友は頼りになる", "彼女たち", None, "explicit")]),
    # a survey label with an age is the respondent, whatever its words (（35歳・SE） is no company)
    ("「式ではさらし者になりました」（35歳・SE）", [("direct", "式ではさらし者になりました", "35歳・SE", None, "explicit")]),
    # としている closes a quote (not として, "as"); a label in parentheses before the と names its speaker
    ("ロシアは「交渉の用意がある」としている。", [("direct", "交渉の用意がある", "ロシア", "gpe:russia", "explicit")]),
    ("ロシアは「交渉の用意がある」（ペスコフ報道官）としている。",
     [("direct", "交渉の用意がある", "ペスコフ報道官", None, "explicit")]),
    # an example the writer gives is nobody's words, unless someone is said to say it
    ("例えば「こんにちは」と入力すると、候補が出る。", []),
    ("例えば「もう限界です」という佐藤さんは休職した。", [("direct", "もう限界です", "佐藤さん", None, "explicit")]),
    # a が subject that asks in a clause of condition or time does not answer (…と尋ねると、「…」と答えた);
    # one that goes on speaking keeps the next quote (…と話すと、「…」と続けた); an adverbial clause
    # of purpose shares its subject (…しようと「…」と頼んだ)
    ("トランプ氏は会見を開いた。ルビオ国務長官が「停戦は近いか？」と尋ねると、「近い」と答えた。",
     [("direct", "停戦は近いか？", "ルビオ国務長官", R, "explicit"), ("direct", "近い", "トランプ氏", T, "carried")]),
    ("ルビオ国務長官が「停戦は近い」と話すと、「合意もできる」と続けた。",
     [("direct", "停戦は近い", "ルビオ国務長官", R, "explicit"), ("direct", "合意もできる", "ルビオ国務長官", R, "explicit")]),
    ("会見では、ルビオ国務長官が場を和ませようと「今日は良い天気だ」と切り出した。",
     [("direct", "今日は良い天気だ", "ルビオ国務長官", R, "explicit")]),
    # a standalone quote after a paragraph that ends on the person it introduces (…という佐藤さん。)
    ("交渉に疲れたという佐藤さん。\n\n「もう限界です」\n\n一方、「まだやれる」と話すのは田中さん。",
     [("direct", "もう限界です", "佐藤さん", None, "carried"), ("direct", "まだやれる", "田中さん", None, "explicit")]),
    # a name MeCab cuts into a noun and a particle (マクロ|ン) is still one word before its title
    ("マクロン大統領は部隊を派遣する用意があると述べた。",
     [("indirect", "部隊を派遣する用意がある", "マクロン大統領", "person:emmanuel-macron", "explicit")]),
    ("マクロン仏大統領は「部隊を送る」と述べた。",
     [("direct", "部隊を送る", "マクロン仏大統領", "person:emmanuel-macron", "explicit")]),
    # a bare title is the person last written with it (トランプ米大統領 … 大統領は); with none, nobody named
    ("トランプ米大統領は会見した。大統領は「交渉は順調に進んでいる」と述べた。",
     [("direct", "交渉は順調に進んでいる", "大統領", T, "explicit")]),
    ("大統領は「交渉は順調に進んでいる」と述べた。", [("direct", "交渉は順調に進んでいる", "大統領", None, "explicit")]),
    # a title with a rank before it (上級顧問, チーフエコノミスト) is a bare title, its genitive kept: not a name,
    # and no sign to carry the speaker before
    ("トランプ氏は「まだだ」と述べた。米シンクタンクの上級顧問は、「合意は疑わしい」との見方を示した。",
     [("direct", "まだだ", "トランプ氏", T, "explicit"),
      ("direct", "合意は疑わしい", "米シンクタンクの上級顧問", None, "explicit")]),
    # the person a sentence puts a question to answers in the bare quotes after it (not someone named before)
    ("トランプ氏は会見した。ルビオ国務長官に、停戦に対する見通しを聞いた。「交渉は続く」",
     [("direct", "交渉は続く", "ルビオ国務長官", R, "carried")]),
    ("トランプ氏は会見した。ルビオ国務長官と停戦の見通しを語り合った。「交渉は続く」",
     [("direct", "交渉は続く", "トランプ氏", T, "carried")]),
    # a lawyer's or a doctor's title after a bare name is that person's; after a name and の, someone else's
    ("トランプ氏は会見した。ルビオ弁護士は「無罪を主張する」と話した。",
     [("direct", "無罪を主張する", "ルビオ弁護士", R, "explicit")]),
    ("トランプ氏の弁護士は「無罪を主張する」と話した。", [("direct", "無罪を主張する", "トランプ氏の弁護士", None, "explicit")]),
    # an acting title (幹事長代行) is a title, though 代行 is a verbal noun (トランプ氏発言 is an act)
    ("トランプ氏は会見した。ルビオ幹事長代行は記者団に「過半数を目指す」と強調した。",
     [("direct", "過半数を目指す", "ルビオ幹事長代行", R, "explicit")]),
    # 同 + a role word (同報道官) is the person named with it before, not an anonymous spokesman
    ("レビット報道官は「時間稼ぎだ」と述べた。同報道官は、協議は続くと語った。",
     [("direct", "時間稼ぎだ", "レビット報道官", "person:karoline-leavitt", "explicit"),
      ("indirect", "協議は続く", "同報道官", "person:karoline-leavitt", "explicit")]),
    # a katakana job noun (ライター, ディレクター) speaks in its own clause, with no entity
    ("トランプ氏は会見した。また、サッカーライターは「練習場は外から丸見えだ」と語る。",
     [("direct", "練習場は外から丸見えだ", "サッカーライター", None, "explicit")]),
    # two people as the subject of the verb of saying speak together: the phrase as written, no entity
    ("英国のスターマー首相とフランスのマクロン大統領は、停戦後に部隊を派遣する用意があると表明した。",
     [("indirect", "停戦後に部隊を派遣する用意がある", "スターマー首相とフランスのマクロン大統領", None, "explicit")]),
    ("両首脳は「協力を続ける」と述べた。", [("direct", "協力を続ける", "両首脳", None, "explicit")]),
    # ... as the topic: two people in the reported clause are what is reported
    ("ペスコフ報道官は、プーチン氏とトランプ氏が電話協議で「解決について話しあった」と述べた。",
     [("direct", "解決について話しあった", "ペスコフ報道官", None, "explicit")]),
    # a later topic, after a clause of the earlier one's own, speaks; after a frame, the first still does
    ("米国は制裁を続ける方針で、ロシアのプーチン大統領は「窃盗だ」と反発した。",
     [("direct", "窃盗だ", "プーチン大統領", P, "explicit")]),
    ("トランプ氏は制裁を歓迎したが、プーチン氏は「窃盗だ」と反発した。", [("direct", "窃盗だ", "プーチン氏", P, "explicit")]),
    ("トランプ氏は記者団に対し、プーチン氏は「信頼できる」と語った。", [("direct", "信頼できる", "トランプ氏", T, "explicit")]),
    ("トランプ氏は会見で、プーチン氏は「信頼できる」と語った。", [("direct", "信頼できる", "トランプ氏", T, "explicit")]),
    ("トランプ氏は指名を受けたこともあり、本人は「もう無い」と呟いた。", [("direct", "もう無い", "トランプ氏", T, "explicit")]),
    ("トランプ氏は、支援があれば、ロシアは譲歩するとし、米国は「制裁を強める」だけでなく、交渉も可能だと述べた。",
     [("indirect", "支援があれば、ロシアは譲歩する", "トランプ氏", T, "explicit"),
      ("indirect", "米国は「制裁を強める」だけでなく、交渉も可能だ", "トランプ氏", T, "explicit"),
      ("direct", "制裁を強める", "トランプ氏", T, "explicit")]),
    # the subject before a compound particle (…に対し、) still heads the bracket; a focus particle (だけは)
    # leaves the phrase before it the topic
    ("ルビオ氏は会見した。トランプ氏が記者団に対し、「交渉は続く」と語った。",
     [("direct", "交渉は続く", "トランプ氏", T, "explicit")]),
    ("ルビオ氏は賛成した。トランプ氏だけは、「交渉は続かない」と反論した。",
     [("direct", "交渉は続かない", "トランプ氏", T, "explicit")]),
    # a surname ending in 村 labels its speaker; a town does not
    ("「交渉は続く」（中村）", [("direct", "交渉は続く", "中村", None, "explicit")]),
    ("「自然が豊かです」（三春町）", []),
    # examples (といった) of what agrees with someone's opinion are not that person's words
    ("ネットでは「よく言った」といったトランプ氏の意見に賛同するものが多い。",
     [("direct", "よく言った", "ネット", None, "explicit")]),
    ("「交渉は続く」といい出すトランプ氏に、ルビオ氏は驚いた。", [("direct", "交渉は続く", "トランプ氏", T, "explicit")]),
    # the speaker's own clause closed by a contrast is no part of what is reported
    ("ゼレンスキー氏はトランプ氏の提案を歓迎したが、ロシアは和平に本気で取り組んでいないと主張した。",
     [("indirect", "ロシアは和平に本気で取り組んでいない", "ゼレンスキー氏", Z, "explicit")]),
    ("トランプ氏は、交渉は進展したが、課題が残ると述べた。", [("indirect", "交渉は進展したが、課題が残る", "トランプ氏", T, "explicit")]),
    # an adjectival noun inside a compound title (特別|代表) keeps the speaker phrase whole
    ("ルビオ特別代表は「建設的に進んでいる」とSNSに投稿した。",
     [("direct", "建設的に進んでいる", "ルビオ特別代表", R, "explicit")]),
    # the content first, then a long speaker phrase and its verb; but a conditional と far from a verb is none
    ("ロシアは時間稼ぎをしていると、戦略国際問題研究所（CSIS）のクリスティン・ベルジナ上級研究員は電話インタビューで語った。",
     [("indirect", "ロシアは時間稼ぎをしている", "クリスティン・ベルジナ上級研究員", "person:kristine-berzina", "explicit")]),
    (("東京都公式サイト「都知事の部屋」にアップロードされた動画で確認すると、問題の発言は都知事の定例記者会見で、"
      "フリーランスの記者の質問に答える形で始まる。"), []),
    # market analysts speak as a group with no name
    ("INGのストラテジストらは顧客向けメモで、ユーロは下落すると書いた。",
     [("indirect", "ユーロは下落する", "INGのストラテジストら", None, "explicit")]),
    # where it was said, even a medium with a relative clause, is no part of what was said
    ("クレムリンはウェブサイトに掲載した声明で、両首脳が協力を確認したと発表した。",
     [("indirect", "両首脳が協力を確認した", "クレムリン", "org:kremlin", "explicit")]),
    # answering in parliament reports speech
    ("トランプ氏は議会で、関税は必要だと答弁した。", [("indirect", "関税は必要だ", "トランプ氏", T, "explicit")]),
    # とともに, と同時に join two acts: no quotative
    ("ルビオ国務長官はロシアに自制を求めるとともに、ウクライナへの支持を表明した。", []),
    ("トランプ氏は景気は回復していると述べるとともに、利下げを求めた。",
     [("indirect", "景気は回復している", "トランプ氏", T, "explicit")]),
    # ... only through a verb of saying: a statement's wording stays the source's
    ("声明によると、トランプ氏とプーチン氏は「完全な停戦」に向けて一致した。",
     [("partial", "完全な停戦", None, None, "unresolved")]),
]


@pytest.mark.parametrize("passage,expected", CASES, ids=[c[0][:24] for c in CASES])
def test_quotes(passage, expected):
    doc, quotes = run(passage)
    assert brief(quotes) == expected
    for q in quotes:
        assert doc.text[q["start"]:q["end"]] == q["text"]


def test_headline_quote_names_its_speaker():
    _, quotes = run("トランプ氏「直ちに交渉を開始」", kind="heading")
    assert brief(quotes) == [("direct", "直ちに交渉を開始", "トランプ氏", T, "explicit")]


HEADLINES = [
    # a headline that opens on a name and a comma: the name speaks (a column label in 【】 allowed)
    ("【ワシントン発】トランプ氏、停戦案に「これは素晴らしい案だ」", [("direct", "これは素晴らしい案だ", "トランプ氏", T, "explicit")]),
    ("ロシア、米提案を「受け入れられない」と拒否",
     [("direct", "受け入れられない", "ロシア", "gpe:russia", "explicit")]),
    # an unnamed source right before the bracket of a headline (韓国記者「…」, 米高官「…」)
    ("米高官「停戦は近い」", [("direct", "停戦は近い", "米高官", None, "explicit")]),
    # not when the name is the addressee (に) or no name opens it
    ("プーチン氏に「失望した」との声", [("direct", "失望した", None, None, "unresolved")]),
    ("停戦交渉、合意へ「時間はかかる」", [("direct", "時間はかかる", None, None, "unresolved")]),
]


@pytest.mark.parametrize("headline,expected", [
    # a predicate before a sentence-final もん, or words reported inside the words (“…”って), are an
    # utterance; a bare noun is still a word taken from the speaker
    ("トランプ氏「記者連中、理解しようとしないもん」", [("direct", "記者連中、理解しようとしないもん", "トランプ氏", T, "explicit")]),
    ("トランプ氏「一言“辞めたい”って」", [("direct", "一言“辞めたい”って", "トランプ氏", T, "explicit")]),
    ("トランプ氏「悪党」", [("partial", "悪党", "トランプ氏", T, "explicit")]),
])
def test_a_headline_utterance_is_direct_and_a_word_partial(headline, expected):
    assert brief(run(headline, kind="title")[1]) == expected


@pytest.mark.parametrize("headline,expected", HEADLINES, ids=[c[0][:12] for c in HEADLINES])
def test_a_headline_opening_on_a_name_has_that_name_speak(headline, expected):
    _, quotes = run(headline, kind="title")
    assert brief(quotes) == expected
    _, quotes = run(headline)                     # in the body, a comma after a name is no such frame
    assert all(q["speaker_text"] != "トランプ氏" or q["attribution"] != "explicit" for q in quotes)


def test_caption_quote_takes_the_person_the_verb_modifies():
    _, quotes = run("プーチン氏が停戦を拒否したにもかかわらず、「素晴らしい電話会談だった」と話すトランプ大統領",
                    kind="caption")
    assert brief(quotes) == [("direct", "素晴らしい電話会談だった", "トランプ大統領", T, "explicit")]


VERBS_AND_CHANNELS = [
    ("トランプ氏は自身のSNSで「交渉を開始する」と投稿した。", "投稿する", "social_media"),
    ("ゼレンスキー氏は18日の電話会見で記者団に対し、双方が合意できるかもしれないと発言した。", "発言する", "phone_briefing"),
    ("ウィトコフ氏はFOXニュースとのインタビューで、協議を行うと明らかにした。", "明らかにする", "interview"),
    ("クレムリンは声明で「条件が必要だ」と主張した。", "主張する", "statement"),
    ("ブルームバーグは、プーチン氏は停戦に合意するだろうと報じた。", "報じる", "report"),
    ("ヘグセス氏は「非現実的な目標だ」と断言した。", "断言する", None),
    ("クレムリンは米国の決定を「最善の貢献だ」と歓迎した。", "歓迎する", None),
    ("ルビオ氏は、対話の余地は残っているとしている。", "する", None),
]


@pytest.mark.parametrize("passage,verb,channel", VERBS_AND_CHANNELS, ids=[c[1] for c in VERBS_AND_CHANNELS])
def test_reporting_verb_lemma_and_channel(passage, verb, channel):
    _, quotes = run(passage)
    assert len(quotes) == 1
    assert (quotes[0]["reporting_verb"], quotes[0]["channel"]) == (verb, channel)


def test_records_carry_the_published_columns_and_stable_ids():
    doc, quotes = run("トランプ氏は「停戦を望む」と述べた。\n\n「合意は近い」とプーチン氏は語った。")
    columns = {"quote_id", "doc_id", "sentence_id", "start", "end", "text", "quote_kind", "speaker_entity_id",
               "speaker_text", "attribution", "reporting_verb", "channel"}
    assert [set(q) for q in quotes] == [columns, columns]
    for q in quotes:
        assert q["quote_id"] == f"{doc.doc_id}-q{q['start']:08d}-{q['end']:08d}"
        assert q["sentence_id"] == doc.sentences[doc.sentence_at(q["start"])].id
    assert extract_quotes(doc, mentions_for(doc)) == quotes


def test_carrying_stops_at_a_heading():
    doc = build_document([("body", "トランプ氏は「交渉する」と述べた。"), ("heading", "主導"),
                          ("body", "「これは重要だ」と語った。")])
    quotes = extract_quotes(doc, mentions_for(doc))
    assert brief(quotes)[-1] == ("direct", "これは重要だ", None, None, "unresolved")
