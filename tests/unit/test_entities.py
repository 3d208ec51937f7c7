"""Entity mentions: tables of (text, expected mentions), negative cases included.

Each expected mention is (surface, entity_type, ref): ref is a catalog entity_id,
or "~" for an entity inferred from the text (not in the catalog). The table gives
every mention of the text, in reading order, so a missing or extra one fails.
"""
from __future__ import annotations

import hashlib

import pytest

from flows.extract.entities import extract_entities, inferred_entity_id
from flows.text.document import build_document
from schemas.codes import ENTITY_TYPES, MENTION_METHODS

CASES = [
    # the main actors in every spelling, one entity each; titles and honorifics left out
    ("トランプ米大統領とロシアのプーチン大統領は18日、電話協議を行った。",
     [("トランプ", "PERSON", "person:donald-trump"), ("米", "GPE", "gpe:united-states"),
      ("ロシア", "GPE", "gpe:russia"), ("プーチン", "PERSON", "person:vladimir-putin")]),
    ("トランプ氏はトランプ政権の方針をトランプ大統領として示した。",
     [("トランプ", "PERSON", "person:donald-trump")] * 3),
    ("ウィトコフ特使とウィットコフ氏は同じ人物だ。",
     [("ウィトコフ", "PERSON", "person:steve-witkoff"), ("ウィットコフ", "PERSON", "person:steve-witkoff")]),
    # one-kanji abbreviations as modifiers, in compounds and after prefixes
    ("米ロ首脳の会談に先立ち、対ロ制裁と訪ロが議題になった。",
     [("米", "GPE", "gpe:united-states"), ("ロ", "GPE", "gpe:russia"), ("ロ", "GPE", "gpe:russia"),
      ("ロ", "GPE", "gpe:russia")]),
    ("8月の米露首脳会談を前に、米英の情報機関が分析した。",
     [("米", "GPE", "gpe:united-states"), ("露", "GPE", "gpe:russia"), ("米", "GPE", "gpe:united-states"),
      ("英", "GPE", "gpe:united-kingdom")]),
    ("メルツ独首相、マクロン仏大統領、スターマー英首相、メローニ伊首相が集まった。",
     [("メルツ", "PERSON", "person:friedrich-merz"), ("独", "GPE", "gpe:germany"),
      ("マクロン", "PERSON", "person:emmanuel-macron"), ("仏", "GPE", "gpe:france"),
      ("スターマー", "PERSON", "person:keir-starmer"), ("英", "GPE", "gpe:united-kingdom"),
      ("メローニ", "PERSON", "person:giorgia-meloni"), ("伊", "GPE", "gpe:italy")]),
    ("元米国務省高官は米中央情報局(CIA)の長官と会った。",
     [("米", "GPE", "gpe:united-states"), ("国務省", "ORG", "org:us-department-of-state"),
      ("米", "GPE", "gpe:united-states"), ("中央情報局", "ORG", "org:cia"), ("CIA", "ORG", "org:cia")]),
    ("ヘグセス米国防長官は米ホワイトハウスで語った。",
     [("ヘグセス", "PERSON", "person:pete-hegseth"), ("米", "GPE", "gpe:united-states"),
      ("米", "GPE", "gpe:united-states"), ("ホワイトハウス", "ORG", "org:white-house")]),
    # not inside ordinary words: 中東 is a region, 日程, 中央, 英語 are words
    ("中東で協議を始める日程について、中央政府は英語で説明した。", [("中東", "LOC", "loc:middle-east")]),
    ("日本銀行の総裁は日本の経済を語った。",
     [("日本銀行", "ORG", "org:bank-of-japan"), ("日本", "GPE", "gpe:japan")]),
    # a bureau before 長 is a title (報道局長), not an organisation; a posting before a title (駐日大使);
    # an industry word that goes on into a noun (水産物) names no company
    ("中国外務省の毛寧報道局長とグラス駐日大使は日本産水産物に触れた。",
     [("中国外務省", "ORG", "org:ministry-of-foreign-affairs-china"), ("毛寧", "PERSON", "~"), ("グラス", "PERSON", "~"),
      ("日", "GPE", "gpe:japan"), ("日本", "GPE", "gpe:japan")]),
    # a reading in parentheses after a name is the same person; a one-kanji surname of a named catalog person
    # before a title or an honorific (習氏, 習主席), even where MeCab makes one word of them
    ("中国の習近平（シー・ジンピン）国家主席は述べた。習氏と習主席は同じだ。",
     [("中国", "GPE", "gpe:china"), ("習近平", "PERSON", "person:xi-jinping"), ("シー・ジンピン", "PERSON", "person:xi-jinping"),
      ("習", "PERSON", "person:xi-jinping"), ("習", "PERSON", "person:xi-jinping")]),
    ("習氏は述べた。", []),
    # a descriptor before a name is no part of it (イスラム組織ハマス → ハマス)
    ("イスラム組織ハマスは合意した。", [("ハマス", "ORG", "org:hamas")]),
    # a dateline credits a reporter, or a news agency by its short name (共同 → 共同通信)
    ("【ワシントン=共同】会談した。", [("ワシントン", "GPE", "gpe:washington-dc"), ("共同", "ORG", "org:kyodo")]),
    ("【ワシントン=赤木俊介、北京=田島如生】会談した。",
     [("ワシントン", "GPE", "gpe:washington-dc"), ("赤木俊介", "PERSON", "~"), ("北京", "GPE", "gpe:beijing"),
      ("田島如生", "PERSON", "~")]),
    ("米国、英国、ロシア=代表、中国が反対した。", [("米国", "GPE", "gpe:united-states"), ("英国", "GPE", "gpe:united-kingdom"),
                                      ("ロシア", "GPE", "gpe:russia"), ("中国", "GPE", "gpe:china")]),
    # a headline's country before ・ and a name (英・女性冒険家); not a list of school subjects (英・数・国)
    ("英・女性冒険家アウテン氏が遭難、露・モスクワ発", [("英", "GPE", "gpe:united-kingdom"), ("アウテン", "PERSON", "~"),
                                      ("露", "GPE", "gpe:russia"), ("モスクワ", "GPE", "gpe:moscow")]),
    ("英・数・国の成績が上がった。", []),
    # a country heading a group is the country alone
    ("ロシア側の説明ではロシア軍がウクライナ企業を攻撃した。",
     [("ロシア", "GPE", "gpe:russia"), ("ロシア", "GPE", "gpe:russia"), ("ウクライナ", "GPE", "gpe:ukraine")]),
    # suffixes that belong to the usual name are kept
    ("クリミア半島とドンバス地方、米アラスカ州が話題になった。",
     [("クリミア半島", "LOC", "loc:crimea"), ("ドンバス地方", "LOC", "loc:donbas"),
      ("米", "GPE", "gpe:united-states"), ("アラスカ州", "GPE", "gpe:alaska")]),
    # acronyms in parentheses are mentions of their own, of the same entity
    ("ウクライナの北大西洋条約機構(NATO)加盟は認めない。",
     [("ウクライナ", "GPE", "gpe:ukraine"), ("北大西洋条約機構", "ORG", "org:nato"), ("NATO", "ORG", "org:nato")]),
    ("クレムリン(ロシア大統領府)は声明を出した。",
     [("クレムリン", "ORG", "org:kremlin"), ("ロシア大統領府", "ORG", "org:kremlin")]),
    # platforms are products; the single letter X only where it names the platform
    ("ゼレンスキー氏は12日、X(旧ツイッター)に投稿し、トランプ氏は「トゥルース・ソーシャル」に書いた。",
     [("ゼレンスキー", "PERSON", "person:volodymyr-zelensky"), ("X", "PRODUCT", "product:x"),
      ("ツイッター", "PRODUCT", "product:x"), ("トランプ", "PERSON", "person:donald-trump"),
      ("トゥルース・ソーシャル", "PRODUCT", "product:truth-social")]),
    ("X線の検査でXデーが決まった。", []),
    # a country abbreviation opening a sentence before a comma is its subject (headline style);
    # 日 and 中, also ordinary words, only in a headline
    # a kanji surname and a katakana given name found apart are one person
    ("沖縄県の玉城デニー知事は述べた。", [("沖縄県", "GPE", "gpe:okinawa"), ("玉城デニー", "PERSON", "~")]),
    # a catalog name whose last kanji MeCab glued to the honorific (習近|平氏)
    ("トランプ氏と習近平氏が会談した。", [("トランプ", "PERSON", "person:donald-trump"),
                                  ("習近平", "PERSON", "person:xi-jinping")]),
    ("大阪・関西万博が閉幕した。", [("大阪・関西万博", "EVENT", "event:expo-2025")]),
    # a Korean or Chinese name before its reading of two parts: the kanji MeCab cut off or left untagged
    ("国家副主席の王滬寧（ワン・フーニン）氏が訪れた。", [("王滬寧", "PERSON", "~"), ("ワン・フーニン", "PERSON", "~")]),
    ("原子力（アトミック・エナジー）の話", []),
    ("死亡したワン隊長（コリン・サーモン）が現れた。", [("コリン・サーモン", "PERSON", "~")]),
    # a catalog name MeCab glued to its title (金|与|正副|部長)
    ("金与正副部長は談話を出した。", [("金与正", "PERSON", "person:kim-yo-jong")]),
    # one-kanji nouns after の and before a title are a name UniDic did not know; not a word it knows
    ("中国外務省の林剣副報道局長は反論した。", [("中国外務省", "ORG", "org:ministry-of-foreign-affairs-china"),
                                    ("林剣", "PERSON", "~")]),
    ("政府の林業局長は反論した。", []),
    # a ・ name whose last part heads an organisation's name is one
    ("独立系世論調査機関レバダ・センターの調査で判明した。", [("レバダ・センター", "ORG", "~")]),
    # a name right after a kind of ship is the ship's
    ("原子力空母ジョージ・ワシントンの艦上で演説した。", [("ジョージ・ワシントン", "PRODUCT", "~")]),
    # a country's supreme court after the country; a bare 最高裁 is Japan's
    ("米連邦最高裁判所は審理した。最高裁は上告を棄却した。", [("米", "GPE", "gpe:united-states"),
                                              ("連邦最高裁判所", "ORG", "org:us-supreme-court"),
                                              ("最高裁", "ORG", "org:supreme-court-japan")]),
    # party and government titles end a kanji name
    ("自民党の前原誠司政調会長が拒否した。", [("自民党", "ORG", "org:liberal-democratic-party-japan"), ("前原誠司", "PERSON", "~")]),
    ("中国の薛剣駐大阪総領事が投稿した。", [("中国", "GPE", "gpe:china"), ("薛剣", "PERSON", "~"), ("大阪", "GPE", "gpe:osaka")]),
    # a title's prefix (元) after a kanji name is no part of it
    ("日本の田中角栄元首相が訪れた。", [("日本", "GPE", "gpe:japan"), ("田中角栄", "PERSON", "~")]),
    # a minister's title is a portfolio and 相; a bare 相 is none
    ("ベングビール国家治安相とスモトリッチ財務相が反対した。", [("ベングビール", "PERSON", "~"), ("スモトリッチ", "PERSON", "~")]),
    ("コロナ相談窓口を開いた。", []),
    # the last of a compound of country abbreviations MeCab split (日米|韓)
    ("日米韓の3カ国が協議した。", [("日", "GPE", "gpe:japan"), ("米", "GPE", "gpe:united-states"),
                              ("韓", "GPE", "gpe:south-korea")]),
    # facilities by their generic part
    ("ラファ検問所が開いた。", [("ラファ検問所", "FAC", "~")]),
    # a Latin name right after a kind of product is a model of it, capitals or not
    ("戦闘機F35Aと旅客機A320を発注し、NECと組んだ。", [("F35A", "PRODUCT", "~"), ("A320", "PRODUCT", "~"),
                                                ("NEC", "ORG", "~")]),
    # a two-kanji surname MeCab read as a numeral and a counter (三|部|敏宏), not after 第
    ("ホンダの三部敏宏社長と第三部", [("ホンダ", "ORG", "org:honda"), ("三部敏宏", "PERSON", "~")]),
    ("米、ウクライナに武器供与へ", [("米", "GPE", "gpe:united-states"), ("ウクライナ", "GPE", "gpe:ukraine")]),
    ("日、月、火曜日に開く。中、小規模の企業も。", []),
    ("ワシントン郊外のアンドルーズ統合基地でルビオ氏は記者団に語った。",
     [("ワシントン", "GPE", "gpe:washington-dc"), ("アンドルーズ統合基地", "FAC", "fac:joint-base-andrews"),
      ("ルビオ", "PERSON", "person:marco-rubio")]),
    # short forms that are also common words only before a title
    ("100グラムの肉とマスクを買った。", []),
    ("共和党のグラム上院議員が発言した。",
     [("共和党", "ORG", "org:republican-party"), ("グラム", "PERSON", "person:lindsey-graham")]),
    # names nobody listed: before an honorific or title, in a dateline, by an organisation suffix
    ("ホワイトハウスのケリー報道官は反論した。",
     [("ホワイトハウス", "ORG", "org:white-house"), ("ケリー", "PERSON", "~")]),
    ("【ウィーン=田中孝幸】両首脳は合意した。",
     [("ウィーン", "GPE", "gpe:vienna"), ("田中孝幸", "PERSON", "~")]),
    ("米有力シンクタンク、ハドソン・ポリシー財団のジョン・ハーブスト氏は述べた。",
     [("米", "GPE", "gpe:united-states"), ("ハドソン・ポリシー財団", "ORG", "~"),
      ("ジョン・ハーブスト", "PERSON", "~")]),
    # a name inside a 「」 term is not a mention by tag evidence alone; generic heads are not names
    ("同財団の「ジオストラテジー・ノース」プログラムを率いる。", []),
    ("同社と各省、軍事同盟について議論した。", []),
    # a katakana full name joined by ・ with no title is a person, after "<country>の" a place
    ("ジョルジュ・ブラッサンスはオランピア劇場で共演した。",
     [("ジョルジュ・ブラッサンス", "PERSON", "~"), ("オランピア劇場", "FAC", "~")]),
    ("会見は21日、イスラエルのキルヤット・ガトで開かれた。",
     [("イスラエル", "GPE", "gpe:israel"), ("キルヤット・ガト", "GPE", "~")]),
    # names by suffix take the place inside them; events keep their edition
    ("東日本大震災の後、日本航空と第3回アジア映画祭が再開した。",
     [("東日本大震災", "EVENT", "~"), ("日本航空", "ORG", "~"), ("第3回アジア映画祭", "EVENT", "~")]),
    ("トランプ政権はロシア石油大手のロスネフチとルクオイルに制裁を科すと発表した。",
     [("トランプ", "PERSON", "person:donald-trump"), ("ロシア", "GPE", "gpe:russia"),
      ("ロスネフチ", "ORG", "org:rosneft"), ("ルクオイル", "ORG", "org:lukoil")]),
    # Latin-script names, but not units, common abbreviations, URLs or laughter
    ("IBMとNECは5kmのPC網をhttps://www.example.com/ で公開したｗｗｗ",
     [("IBM", "ORG", "~"), ("NEC", "ORG", "~")]),
    # a country name inside an ordinary word is not a mention
    ("日本語と韓国語で話した。", []),
    # kanji names: a one-kanji country abbreviation inside a name is not a country; a place name that is
    # a surname before a person's title; given names MeCab split; words UniDic takes for given names
    ("清武英利代表は会見で語った。", [("清武英利", "PERSON", "~")]),
    ("北京米大使館で会見した。", [("北京", "GPE", "gpe:beijing"), ("米", "GPE", "gpe:united-states")]),
    ("川崎選手がゴールを決め、川崎市で祝った。", [("川崎", "PERSON", "~"), ("川崎市", "GPE", "~")]),
    ("高橋礼華と松友美佐紀のペアが優勝した。", [("高橋礼華", "PERSON", "~"), ("松友美佐紀", "PERSON", "~")]),
    ("吉村等が出席し、草彅一人だけが残った。", [("吉村", "PERSON", "~"), ("草彅", "PERSON", "~")]),
    # awards are not names, nor is their namesake mentioned; a title inside an event word is no title
    ("芥川賞と直木賞、ノーベル平和賞の選考会が開かれた。", []),
    ("スイスフィギュアスケート選手権で優勝した。", [("スイスフィギュアスケート選手権", "EVENT", "~")]),
    # a country named in full before a party name is that country's party; abbreviations and generic words stay apart
    ("韓国民主党と日本自由党が協議した。", [("韓国民主党", "ORG", "~"), ("日本自由党", "ORG", "~")]),
    ("米民主党とロシア与党が対立した。",
     [("米", "GPE", "gpe:united-states"), ("民主党", "ORG", "org:democratic-party"), ("ロシア", "GPE", "gpe:russia")]),
    ("米国民主党の候補が勝った。", [("米国民主党", "ORG", "org:democratic-party")]),
    # a Latin stage name before a personal honorific is a person; JR companies are one name
    ("IKKOさんとIBMが登場した。", [("IKKO", "PERSON", "~"), ("IBM", "ORG", "~")]),
    ("JR西日本は運休を発表した。", [("JR西日本", "ORG", "org:jr-west")]),
    # a suffix that names its one-word head (自由党, 法政大学, 講談社, 図書印刷株式会社); generic heads do not
    ("自由党の候補は法政大学を出て講談社と図書印刷株式会社に勤めた。",
     [("自由党", "ORG", "~"), ("法政大学", "ORG", "~"), ("講談社", "ORG", "~"), ("図書印刷株式会社", "ORG", "~")]),
    ("報道各社によると、国立大学と旅行社、自社の株が話題だ。", []),
    # nickname fragments in hiragana and a common Latin word are no names; a kinship word ends one
    ("ごめんなさい、あっちゃん。ゆきりん（柏木由紀）がWeb版で語った。", [("柏木由紀", "PERSON", "~")]),
    ("河本準一の姉と河本母の姉妹", [("河本準一", "PERSON", "~"), ("河本", "PERSON", "~")]),
    # names inside a bracket that reads as speech are mentions (a programme's name stays a term)
    ("小林氏は「大島優子にかかる重圧は大変なものになるでしょう」と予測。",
     [("小林", "PERSON", "~"), ("大島優子", "PERSON", "~")]),
    # a Latin acronym glued to a katakana name or a place is one name; not to a common katakana word
    ("FC東京とJPモルガン、NTTドコモが提携した。",
     [("FC東京", "ORG", "~"), ("JPモルガン", "ORG", "org:jpmorgan-chase"), ("NTTドコモ", "ORG", "org:ntt-docomo")]),
    ("IBMのサービスとiPhoneケースが売れた。", [("IBM", "ORG", "~"), ("iPhone", "PRODUCT", "~")]),
    # a ・ name headed by a place and ending in a dictionary word is a team; common words joined by ・ are no name
    ("シカゴ・ブルズとダラス・マーベリックスが対戦し、シドニー・ポワチエが観戦した。",
     [("シカゴ・ブルズ", "ORG", "~"), ("ダラス・マーベリックス", "ORG", "~"), ("シドニー・ポワチエ", "PERSON", "~")]),
    ("テレビ・ラジオで流れたライブ・アルバムを聴いた。", []),
    # peoples and faiths are not typed; a currency is no country
    ("ユダヤ人とキリスト教、アイヌ民族の歴史を500億豪ドルで支援した。", []),
    ("大槻教授が語った。", [("大槻", "PERSON", "~")]),
    # a given name ending in a kanji MeCab read as a numeral or an auxiliary stays whole
    ("伊藤穣一と森村酉三、野島透也が会った。",
     [("伊藤穣一", "PERSON", "~"), ("森村酉三", "PERSON", "~"), ("野島透也", "PERSON", "~")]),
    # an edition makes a common-noun event a name; generic event words are not
    ("第25回衆議院議員総選挙と東京モーターショーが重なった。",
     [("第25回衆議院議員総選挙", "EVENT", "~"), ("東京モーターショー", "EVENT", "~")]),
    ("選挙の後、交通事故と全国大会が続いた。", []),
    # a given name ending in a place-suffix kanji stays whole; facility kanji are no given name;
    # 様 makes no place a surname
    ("長友佑都のクロスから椿山荘で会った。", [("長友佑都", "PERSON", "~")]),
    # Latin words after a name are a model or an edition unless a company form; no person joins an acronym
    ("ドコモUIMカードとAKB48指原莉乃", [("ドコモ", "ORG", "org:ntt-docomo"), ("UIM", "ORG", "~"), ("AKB48", "ORG", "~"),
                                         ("指原莉乃", "PERSON", "~")]),
    ("シーメンスAGが発表した。", [("シーメンスAG", "ORG", "~")]),
    # works in 『』 are not names by tag evidence
    ("『ワイルド・スピード』を観た。", []),
    ("Androidスマートフォン・タブレットを複数社が短期大学に売った。", [("Android", "PRODUCT", "~")]),
    # a name of common katakana words before an adviser's title (マーク|カン|シアン上級顧問)
    ("CSISのマーク・カンシアン上級顧問は述べた。", [("CSIS", "ORG", "org:csis"), ("マーク・カンシアン", "PERSON", "~")]),
    # a portfolio between a name and its title (外交安全保障|上級|代表); a body before a title stays a body
    ("EUのカラス外交安全保障上級代表とボレル外交安全保障上級代表、ハマスの政治局長",
     [("EU", "ORG", "org:eu"), ("カラス", "PERSON", "person:kaja-kallas"), ("ボレル", "PERSON", "~"),
      ("ハマス", "ORG", "org:hamas")]),
    # a surname whose first kanji MeCab reads as a number (十|倉|雅和); a numeral before a word is no name
    ("経団連の十倉雅和会長が第十倉庫を訪れた。", [("経団連", "ORG", "org:keidanren"), ("十倉雅和", "PERSON", "~")]),
    # the Japanese Diet's houses; an election named after one is no mention of it
    ("衆院を解散し、参院選で問う。", [("衆院", "ORG", "org:house-of-representatives-japan")]),
    # a word the lexicon lists as no name hides the names inside it (日経 in 日経平均)
    ("日経平均株価は下落したと日経新聞が報じた。", [("日経新聞", "ORG", "org:nikkei")]),
    # dates, numbers and money are not mentions
    ("2025年2月12日に1000億ドル(約14兆7800億円)を支払う。", []),
]


def _mentions(text: str) -> tuple[list[dict], list[dict], object]:
    doc = build_document([("body", text)])
    mentions, entities = extract_entities(doc)
    return mentions, entities, doc


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_mentions(text, expected):
    mentions, entities, _ = _mentions(text)
    by_id = {e["entity_id"]: e for e in entities}
    got = []
    for m in mentions:
        ref = "~" if by_id[m["entity_id"]]["inferred"] else m["entity_id"]
        got.append((m["surface"], m["entity_type"], ref))
    assert got == expected


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_records_follow_the_contract(text):
    mentions, entities, doc = _mentions(text)
    ids = {e["entity_id"] for e in entities}
    assert len(ids) == len(entities)
    for m in mentions:
        assert doc.text[m["start"]:m["end"]] == m["surface"]
        assert m["mention_id"] == f"{doc.doc_id}-m{m['start']:08d}-{m['end']:08d}"
        assert m["method"] in MENTION_METHODS and m["entity_type"] in ENTITY_TYPES
        assert m["entity_id"] in ids
        s = next(s for s in doc.sentences if s.id == m["sentence_id"])
        assert s.start <= m["start"] < m["end"] <= s.end
    for e in entities:
        assert set(e) == {"entity_id", "name", "name_en", "entity_type", "wikidata_id", "aliases", "inferred"}
        assert e["name_en"] and e["name_en"].isascii()


def test_short_name_resolves_to_the_full_name_within_the_article():
    text = ("ジャーマン・マーシャル財団のクリスティン・ベルジナ氏は懸念を示した。"
            "ベルジナ氏はさらに、ベルジナとして欧州の問題だと語った。")
    mentions, entities, _ = _mentions(text)
    people = [m for m in mentions if m["entity_type"] == "PERSON"]
    assert [m["surface"] for m in people] == ["クリスティン・ベルジナ", "ベルジナ", "ベルジナ"]
    assert len({m["entity_id"] for m in people}) == 1
    assert people[-1]["method"] == "coreference"
    entity = next(e for e in entities if e["entity_id"] == people[0]["entity_id"])
    assert entity["name"] == "クリスティン・ベルジナ" and entity["inferred"] and entity["wikidata_id"] is None
    assert entity["name_en"] == "Kurisutin Berujina"
    assert "ベルジナ" in entity["aliases"]


def test_an_acronym_introduced_in_parentheses_is_that_organisation_wherever_it_appears():
    mentions, _, _ = _mentions("鉄鋼労働組合（USW）は声明を出した。USWはこれまで反対してきた。")
    orgs = [m for m in mentions if m["entity_type"] == "ORG"]
    assert [m["surface"] for m in orgs] == ["鉄鋼労働組合", "USW", "USW"]
    assert len({m["entity_id"] for m in orgs}) == 1


@pytest.mark.parametrize("text,expected", [
    # 比, 印, 加, 蘭 stand alone in an article that names the country in full, not inside a word
    ("フィリピンの沿岸警備隊によると、比の巡視船が放水を受け、比外務省が抗議した。",
     ["フィリピン", "比", "比"]),
    ("比の巡視船が放水を受けた。", []),
    ("フィリピンの物価は前年比3%上がった。", ["フィリピン"]),
])
def test_confirmed_abbreviations(text, expected):
    mentions, _, _ = _mentions(text)
    assert [m["surface"] for m in mentions if m["entity_type"] == "GPE"] == expected


KANJI_SURNAMES = [
    # the surname of a kanji full name, alone later (and in the headline before it), is the same person
    ("ピンチに強い内海。巨人のエース・内海哲也が語った。内海は笑った。", ["内海", "内海哲也", "内海"], 1),
    # ... but not the end of a longer word (瀬戸|内海)
    ("内海哲也が投げた。瀬戸内海を渡った内海は笑った。", ["内海哲也", "内海"], 1),
    # a surname UniDic reads as a place is the person once the article names them in full (大津, 香川),
    # unless it stands as a place (長野で試合)
    ("大津祐樹が先発した。大津は回答した。", ["大津祐樹", "大津"], 1),
    ("長野久義が打った。長野でも試合があった。", ["長野久義"], 1),
    # a one-kanji surname only before a title or an honorific (劉氏, not 劉は)
    ("劉勁松局長と協議した。劉氏は語った。劉は去った。", ["劉勁松", "劉"], 1),
    # two full names sharing the surname: the surname alone is linked to neither
    ("宮里藍と宮里優作が出場した。宮里は笑った。", ["宮里藍", "宮里優作", "宮里"], 3),
    # a catalog person's surname too (李|在明: UniDic tags where the surname ends), and a one-kanji
    # surname the catalog lists (王 of 王毅) once the article names the person
    ("韓国の李在明大統領は会見した。李氏は述べた。", ["李在明", "李"], 1),
    ("中国の王毅外相と会談した。王氏は述べた。", ["王毅", "王"], 1),
    ("王氏は述べた。", [], 0),
    # 総統 is a title; X政権 is the leader (the contract's トランプ政権), for a one-kanji surname too
    ("頼清徳総統は述べた。頼総統は強調した。頼政権は続く。", ["頼清徳", "頼", "頼"], 1),
]


@pytest.mark.parametrize("text,people,n_entities", KANJI_SURNAMES, ids=[c[0][:12] for c in KANJI_SURNAMES])
def test_a_kanji_surname_alone_is_the_full_name_s_person(text, people, n_entities):
    mentions, _, _ = _mentions(text)
    found = [m for m in mentions if m["entity_type"] == "PERSON"]
    assert [m["surface"] for m in found] == people
    assert len({m["entity_id"] for m in found}) == n_entities


def test_inferred_ids_are_the_same_in_every_article():
    digest = hashlib.sha256("クリスティン・ベルジナ".encode()).hexdigest()[:12]
    assert inferred_entity_id("PERSON", "クリスティン・ベルジナ") == f"person:~{digest}"
    a, _, _ = _mentions("クリスティン・ベルジナ氏は語った。")
    b, _, _ = _mentions("欧州の高官とクリスティン・ベルジナ氏が会った。")
    assert a[0]["entity_id"] == b[-1]["entity_id"] == f"person:~{digest}"


def test_a_body_after_a_country_is_that_country_s_body():
    mentions, entities, _ = _mentions("米財務省と英外務省、財務省が発表した。")
    got = [(m["surface"], m["entity_id"]) for m in mentions]
    assert got[:2] == [("米", "gpe:united-states"), ("財務省", "org:us-department-of-the-treasury")]
    assert got[2] == ("英", "gpe:united-kingdom")
    uk_mofa = next(e for e in entities if e["entity_id"] == got[3][1])
    assert got[3][0] == "外務省" and uk_mofa["inferred"] and uk_mofa["name"] == "英国外務省"
    assert "United Kingdom" in uk_mofa["name_en"]
    assert got[4] == ("財務省", "org:mof-japan")


@pytest.mark.parametrize("text,surface,expected", [
    ("ロシアの外務省は反発した。", "外務省", "org:ministry-of-foreign-affairs-russia"),
    ("ロシアは反発した。同国の外務省は声明を出した。", "外務省", "org:ministry-of-foreign-affairs-russia"),
    ("中国の国防省は述べた。", "国防省", "~中国国防省"),         # a body the catalog lacks: inferred, named for it
    ("外務省は述べた。", "外務省", "org:mofa-japan"),             # no country: Japan's, in Japanese news
    ("ロシアの報道によると外務省は述べた。", "外務省", "org:mofa-japan"),
])
def test_a_body_after_a_country_and_no_is_that_country_s_body(text, surface, expected):
    mentions, entities, _ = _mentions(text)
    by_id = {e["entity_id"]: e for e in entities}
    m = next(m for m in mentions if m["surface"] == surface)
    row = by_id[m["entity_id"]]
    assert ("~" + row["name"] if row["inferred"] else m["entity_id"]) == expected


def test_catalog_entities_carry_their_catalog_row():
    _, entities, _ = _mentions("トランプ氏は語った。")
    (trump,) = entities
    assert trump == {"entity_id": "person:donald-trump", "name": "ドナルド・トランプ", "name_en": "Donald Trump",
                     "entity_type": "PERSON", "wikidata_id": "Q22686", "aliases": trump["aliases"],
                     "inferred": False}
    assert "トランプ" in trump["aliases"]


def test_every_block_is_searched_and_offsets_are_document_offsets():
    doc = build_document([("title", "プーチン氏と合意"), ("body", "米ロ首脳が会談した。"), ("caption", "ルビオ氏=AP")])
    mentions, _ = extract_entities(doc)
    assert [(m["surface"], doc.sentences[[s.id for s in doc.sentences].index(m["sentence_id"])].block_kind)
            for m in mentions] == [("プーチン", "title"), ("米", "body"), ("ロ", "body"), ("ルビオ", "caption")]


@pytest.mark.parametrize("text", ["ＮＡＴＯ（北大西洋条約機構）　と　ＩＢＭ！", "no full width", "", "\u3000", "～｡ｱ"])
def test_sparse_width_folding_equals_fold_width(text):
    from flows.extract.entities.view import fold_width_sparse
    from flows.text.normalise import fold_width
    assert fold_width_sparse(text) == fold_width(text)
