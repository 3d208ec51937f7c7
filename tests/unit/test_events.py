"""Events: tables of (passage, published_at) → events with type, mode, actors, negation, date.

Mentions are built by hand (every occurrence of a known name), so these tests do not depend
on the entity extractor.
"""
from __future__ import annotations

import datetime as dt

import pytest

from flows.extract.events import extract_events
from flows.text.document import build_document
from schemas import codes

D = dt.date

NAMES = {
    "トランプ": ("PERSON", "person:trump"), "プーチン": ("PERSON", "person:putin"),
    "ゼレンスキー": ("PERSON", "person:zelensky"), "ウィトコフ": ("PERSON", "person:witkoff"),
    "ルビオ": ("PERSON", "person:rubio"), "ラブロフ": ("PERSON", "person:lavrov"),
    "フォーゲル": ("PERSON", "person:fogel"), "シビハ": ("PERSON", "person:sybiha"),
    "米国": ("GPE", "gpe:us"), "米": ("GPE", "gpe:us"), "ロシア": ("GPE", "gpe:ru"), "ロ": ("GPE", "gpe:ru"),
    "ウクライナ": ("GPE", "gpe:ua"), "中国": ("GPE", "gpe:cn"), "日本": ("GPE", "gpe:jp"),
    "ドイツ": ("GPE", "gpe:de"), "サウジアラビア": ("GPE", "gpe:sa"), "アラスカ": ("GPE", "gpe:alaska"),
    "欧州": ("LOC", "loc:europe"), "中東": ("LOC", "loc:middle-east"),
    "ホワイトハウス": ("ORG", "org:white-house"), "クレムリン": ("ORG", "org:kremlin"),
    "ロスネフチ": ("ORG", "org:rosneft"), "ルクオイル": ("ORG", "org:lukoil"),
    "警視庁": ("ORG", "org:mpd"), "全米自動車労組": ("ORG", "org:uaw"), "国連": ("ORG", "org:un"),
    "サマンサタバサ": ("ORG", "org:samantha"), "寺田": ("PERSON", "person:terada"),
    # names the catalog does not know (inferred ids), a municipality, a city it knows
    "山田": ("PERSON", "person:~yamada"), "佐藤": ("PERSON", "person:~sato"), "フジテレビ": ("ORG", "org:~fujitv"),
    "大槌町": ("GPE", "gpe:~otsuchi"), "北京": ("GPE", "gpe:beijing"), "北朝鮮": ("GPE", "gpe:kp"),
}


def mentions_of(doc, names=NAMES) -> list[dict]:
    """Every occurrence of a known name, longest names first, never overlapping."""
    taken: list[tuple[int, int]] = []
    out = []
    for surface in sorted(names, key=len, reverse=True):
        start = doc.text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                kind, entity_id = names[surface]
                sentence = doc.sentences[doc.sentence_at(start)]
                out.append({"mention_id": f"{doc.doc_id}-m{start:08d}-{end:08d}", "doc_id": doc.doc_id,
                            "sentence_id": sentence.id, "start": start, "end": end, "surface": surface,
                            "entity_type": kind, "entity_id": entity_id, "method": "test"})
            start = doc.text.find(surface, start + 1)
    return sorted(out, key=lambda m: m["start"])


def run(text: str, published: dt.date | None, kind: str = "body"):
    doc = build_document([(kind, text)], meta={"published_at": published})
    events, actors = extract_events(doc, mentions_of(doc))
    return doc, events, actors


def summary(text: str, published: dt.date | None, kind: str = "body") -> list[tuple]:
    """(trigger, type, mode, sources, targets, negated, date, precision) per event."""
    _, events, actors = run(text, published, kind)
    out = []
    for e in events:
        mine = [a for a in actors if a["event_id"] == e["event_id"]]
        sources = frozenset(a["entity_id"].split(":")[1] for a in mine if a["role"] == "source")
        targets = frozenset(a["entity_id"].split(":")[1] for a in mine if a["role"] == "target")
        out.append((e["trigger"], e["event_type"], e["event_mode"], sources, targets, e["negated"],
                    e["event_date"], e["date_precision"]))
    return out


def S(*names: str) -> frozenset:
    return frozenset(names)


N = S()
P_MAR = D(2025, 3, 19)

CASES = [
    # --- CONSULT: phone, visit, third-party; coordinated sources ---
    ("トランプ米大統領とロシアのプーチン大統領は18日、電話協議を行った。", P_MAR,
     [("電話協議", "CONSULT", "phone", S("trump", "putin"), N, False, D(2025, 3, 18), "day")]),
    ("トランプ氏は12日、プーチン氏と電話会談した。", D(2025, 2, 13),
     [("電話会談", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 2, 12), "day")]),
    ("トランプ氏は18日、ホワイトハウスでゼレンスキー氏と会談した。", D(2025, 8, 19),
     [("会談", "CONSULT", "visit", S("trump"), S("zelensky"), False, D(2025, 8, 18), "day")]),
    ("トランプ米大統領とロシアのプーチン大統領は来週、サウジアラビアで会談する予定だ。", D(2025, 2, 13),
     [("会談", "CONSULT", "third-party", S("trump", "putin"), N, False, D(2025, 2, 17), "week")]),
    ("トランプ、プーチン両氏が直接会談について協議した。", P_MAR,
     [("協議", "CONSULT", None, S("trump", "putin"), N, False, None, "unknown")]),
    ("トランプ氏はゼレンスキー氏や欧州の首脳と会談した。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("zelensky", "europe"), False, None, "unknown")]),
    ("クレムリンでプーチン氏と会談したウィトコフ氏は帰国した。", P_MAR,  # the head of the relative clause acts
     [("会談", "CONSULT", "visit", S("witkoff"), S("putin"), False, None, "unknown")]),
    # any title the entity rules know ends a partner's name (総裁, 主席), so the partner is the target
    ("佐藤氏は山田総裁と会談した。", P_MAR, [("会談", "CONSULT", None, S("~sato"), S("~yamada"), False, None, "unknown")]),
    # と before an actor with its country (ロシアの高官) still joins two sources
    ("今年2月にサウジアラビアでトランプ政権とロシアの高官が初めて直接会談した。", P_MAR,
     [("会談", "CONSULT", None, S("trump", "ru"), N, False, D(2025, 2, 1), "month")]),
    ("トランプ氏は24年11月に中国を訪問した。", D(2025, 2, 13),
     [("訪問", "CONSULT", "visit", S("trump"), S("cn"), False, D(2024, 11, 1), "month")]),
    # --- AGREE, with 両首脳 and a dropped subject; the embedded 交渉 is not an event of its own ---
    ("トランプ氏とプーチン氏は18日、電話協議を行った。両首脳は交渉を始めることで一致した。", P_MAR,
     [("電話協議", "CONSULT", "phone", S("trump", "putin"), N, False, D(2025, 3, 18), "day"),
      ("一致", "AGREE", None, S("trump", "putin"), N, False, D(2025, 3, 18), "day")]),
    ("トランプ氏は18日、プーチン氏と会談した。ゼレンスキー氏は拒否したが、昨年12月に合意した。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, D(2025, 3, 18), "day"),  # a sentence with a date
      ("拒否", "REJECT", None, S("zelensky"), N, False, None, "unknown"),              # of its own continues
      ("合意", "AGREE", None, S("zelensky"), N, False, D(2024, 12, 1), "month")]),     # no other
    ("トランプ氏は12日、プーチン氏と電話協議した。戦争終結に向けた交渉を始めることで合意した。", D(2025, 2, 13),
     [("電話協議", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 2, 12), "day"),
      ("合意", "AGREE", None, S("trump"), S("putin"), False, D(2025, 2, 12), "day")]),
    ("米ロ首脳は相互訪問で合意した。", P_MAR, [("合意", "AGREE", None, S("us", "ru"), N, False, None, "unknown")]),
    ("米・ロ両国は合意した。", P_MAR, [("合意", "AGREE", None, S("us", "ru"), N, False, None, "unknown")]),
    # --- REJECT: 拒否, 応じない, 同意しなかった (a refusal that happened, not a negated AGREE) ---
    ("プーチン氏は、米国が求めていた30日間の停戦には同意しなかった。", P_MAR,
     [("同意", "REJECT", None, S("putin"), N, False, None, "unknown")]),
    ("ロシアは停戦に応じない。", P_MAR, [("応じ", "REJECT", None, S("ru"), N, False, None, "unknown")]),
    ("ロシアは米国の提案を拒否した。", P_MAR,  # the proposal's owner is the target, the proposal is not
     [("拒否", "REJECT", None, S("ru"), S("us"), False, None, "unknown")]),
    ("プーチン氏はウクライナへの軍事支援の停止を要求した。", P_MAR,  # what is demanded is no target
     [("要求", "REQUEST", None, S("putin"), N, False, None, "unknown")]),
    ("ウクライナは領土での妥協を受け入れることはないと明言した。", P_MAR,
     [("受け入れる", "REJECT", None, S("ua"), N, False, None, "unknown")]),
    # --- SANCTION: 制裁を科す; 制裁 alone is no sanction; a cancelled meeting ---
    ("トランプ政権は22日、ロスネフチとルクオイルに制裁を科すと発表した。", D(2025, 10, 23),
     [("制裁を科す", "SANCTION", None, S("trump"), S("rosneft", "lukoil"), False, D(2025, 10, 22), "day")]),
    ("ロシアへの制裁が議論になった。", P_MAR, []),
    ("トランプ氏は首脳会談の計画を撤回した。", P_MAR,
     [("計画を撤回", "SANCTION", "cancel", S("trump"), N, False, None, "unknown")]),
    ("ルビオ氏はラブロフ外相との直接会談を取りやめた。", P_MAR,
     [("会談を取りやめ", "SANCTION", "cancel", S("rubio"), S("lavrov"), False, None, "unknown")]),
    # --- THREATEN: 制裁を警告 ---
    ("トランプ氏はロシアへの新たな制裁を警告した。", P_MAR,
     [("警告", "THREATEN", None, S("trump"), S("ru"), False, None, "unknown")]),
    # what is threatened is the threat's content, no sanction; a condition inside it leaves the threat made;
    # who is threatened is the content's に argument, or the subject of its condition
    ("米国はロシアに制裁を科すと警告した。", P_MAR, [("警告", "THREATEN", None, S("us"), S("ru"), False, None, "unknown")]),
    ("トランプ氏は、ロシアが停戦に応じなければ制裁を科すと警告した。", P_MAR,
     [("応じ", "REJECT", None, S("ru"), N, False, None, "unknown"),
      ("警告", "THREATEN", None, S("trump"), S("ru"), False, None, "unknown")]),
    ("トランプ氏は、米国がロシアに制裁を科すと警告した。", P_MAR,
     [("警告", "THREATEN", None, S("trump"), S("ru"), False, None, "unknown")]),
    # a warning of a state of things, with a subject naming nobody, is no threat
    ("国連は、ウクライナで飢饉が起きていると警告した。", P_MAR, []),
    ("国連は飢饉の恐れがあると警告した。", P_MAR, []),
    ("トランプ氏は停戦しなければ制裁を科すと警告した。", P_MAR,
     [("警告", "THREATEN", None, S("trump"), N, False, None, "unknown")]),
    # missiles fired at a country attack it; fired toward a region, no one (a launch is no PLOVER event)
    ("北朝鮮は日本に向けて弾道ミサイルを発射した。", P_MAR,
     [("発射", "ASSAULT", None, S("kp"), S("jp"), False, None, "unknown")]),
    ("北朝鮮は欧州に向けて弾道ミサイルを発射した。北朝鮮は弾道ミサイルを発射した。", P_MAR, []),
    # what belongs to a name, in a compound or a list (核施設など), stands for it as the target
    ("ロシアはウクライナの核施設などを攻撃した。", P_MAR,
     [("攻撃", "ASSAULT", None, S("ru"), S("ua"), False, None, "unknown")]),
    # the other party of the meeting just reported is whom a one-sided act is toward
    ("トランプ氏は18日、プーチン氏と電話会談した。トランプ氏は停戦を求めた。プーチン氏は要求に応じなかった。", P_MAR,
     [("電話会談", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 3, 18), "day"),
      ("求め", "REQUEST", None, S("trump"), S("putin"), False, D(2025, 3, 18), "day"),
      ("応じ", "REJECT", None, S("putin"), S("trump"), False, D(2025, 3, 18), "day")]),
    # --- REQUEST: 求める, 促す, 要求, 呼びかけ; what is requested is not an event ---
    ("米国はロシアに即時停戦を求めた。", P_MAR, [("求め", "REQUEST", None, S("us"), S("ru"), False, None, "unknown")]),
    # a meeting noun as the subject of its passive verb over a setting (会談は|15日に|アラスカで|行われた):
    # the parties are the names in it or before its の; a predicate that is no occurrence makes no event
    ("米ロ首脳会談は15日にサウジアラビアで行われた。", P_MAR,
     [("首脳会談", "CONSULT", "third-party", S("us", "ru"), N, False, D(2025, 3, 15), "day")]),
    ("トランプ氏とプーチン氏の首脳会談は15日に行われた。", P_MAR,
     [("首脳会談", "CONSULT", None, S("trump", "putin"), N, False, D(2025, 3, 15), "day")]),
    ("米ロ首脳会談は重要だと考えられた。", P_MAR, []),
    # a bare title as the subject is the person last written with it
    ("トランプ米大統領は会見した。大統領はロシアに即時停戦を求めた。", P_MAR,
     [("求め", "REQUEST", None, S("trump"), S("ru"), False, None, "unknown")]),
    ("トランプ氏はプーチン氏に会談の準備を開始するよう促した。", P_MAR,
     [("促し", "REQUEST", None, S("trump"), S("putin"), False, None, "unknown")]),
    ("プーチン氏は複数の条件を要求した。", P_MAR, [("要求", "REQUEST", None, S("putin"), N, False, None, "unknown")]),
    ("プーチン氏は和平案の修正を米国に求めた。", P_MAR, [("求め", "REQUEST", None, S("putin"), S("us"), False, None, "unknown")]),
    ("11日前、トランプ氏は停戦を呼びかけた。", D(2025, 5, 20),
     [("呼びかけ", "REQUEST", None, S("trump"), N, False, D(2025, 5, 9), "day")]),
    # --- RETREAT/release, also in the passive; the detention in the relative clause is no event ---
    ("ロシアは11日、拘束していた米国人フォーゲル氏を解放した。", D(2025, 2, 13),
     [("解放", "RETREAT", "release", S("ru"), S("fogel"), False, D(2025, 2, 11), "day")]),
    ("フォーゲル氏はロシアによって解放された。", P_MAR,
     [("解放", "RETREAT", "release", S("ru"), S("fogel"), False, None, "unknown")]),
    # a prisoner exchange written as 捕虜を…交換した; an exchange of anything else is no event
    ("ロシアとウクライナは19日、捕虜を各390人交換した。", D(2025, 5, 20),
     [("捕虜を各390人交換", "RETREAT", "release", S("ru", "ua"), N, False, D(2025, 5, 19), "day")]),
    ("ロシアとウクライナは19日、意見を交換した。", D(2025, 5, 20), []),
    # --- AID/military, ACCUSE, ASSAULT (also received), COERCE, CONCEDE, SUPPORT, COOPERATE, PROTEST, MOBILIZE ---
    ("米国はウクライナへの武器供与を継続する。", P_MAR,
     [("武器供与", "AID", "military", S("us"), S("ua"), False, None, "unknown")]),
    ("ドイツはウクライナに防空システムを供与した。", P_MAR,    # weapons named: military aid
     [("防空システムを供与", "AID", "military", S("de"), S("ua"), False, None, "unknown")]),
    ("ドイツはウクライナに資金を供与した。", P_MAR, [("供与", "AID", None, S("de"), S("ua"), False, None, "unknown")]),
    # what belongs to a name stands for it as the target (ロシアの資産を凍結, ウクライナのエネルギー施設を攻撃)
    ("米国はロシアの資産を凍結した。", P_MAR, [("資産を凍結", "SANCTION", None, S("us"), S("ru"), False, None, "unknown")]),
    ("ロシアはウクライナのエネルギー施設を攻撃した。", P_MAR,
     [("攻撃", "ASSAULT", None, S("ru"), S("ua"), False, None, "unknown")]),
    # the country of a posting (在|駐) is where the envoy serves, not whom the phrase names; a count
    # after a role (外交官2人) leaves the genitive its name
    ("中国は在米ロシア大使に抗議した。", P_MAR, [("抗議", "ACCUSE", None, S("cn"), S("ru"), False, None, "unknown")]),
    ("ロシアはドイツの外交官2人を追放した。", P_MAR,
     [("追放", "SANCTION", "expel", S("ru"), S("de"), False, None, "unknown")]),
    # two people each named with a title, joined by a comma, are two sources (not one in apposition)
    ("その後、ルビオ国務長官、ラブロフ外相は電話で協議した。", P_MAR,
     [("協議", "CONSULT", "phone", S("rubio", "lavrov"), N, False, None, "unknown")]),
    ("米ロ2カ国の外相は電話で協議した。", P_MAR,
     [("協議", "CONSULT", "phone", S("us", "ru"), N, False, None, "unknown")]),
    ("中国は日本を非難した。", P_MAR, [("非難", "ACCUSE", None, S("cn"), S("jp"), False, None, "unknown")]),
    ("ゼレンスキー氏はロシアを批判した。", P_MAR, [("批判", "ACCUSE", None, S("zelensky"), S("ru"), False, None, "unknown")]),
    ("ロシアは14年にウクライナを攻撃した。", P_MAR, [("攻撃", "ASSAULT", None, S("ru"), S("ua"), False, D(2014, 1, 1), "year")]),
    ("ウクライナはロシアの攻撃を受けた。", P_MAR, [("攻撃", "ASSAULT", None, S("ru"), S("ua"), False, None, "unknown")]),
    ("ロシアは2022年2月24日にウクライナへの侵攻を始めた。", P_MAR,
     [("侵攻", "ASSAULT", None, S("ru"), S("ua"), False, D(2022, 2, 24), "day")]),
    ("プーチン氏はロシアの攻撃を制限すると約束した。", P_MAR,  # a promise; the attack is not an event
     [("約束", "AGREE", None, S("putin"), N, False, None, "unknown")]),
    ("警視庁は容疑者を逮捕した。", P_MAR, [("逮捕", "COERCE", "arrest", S("mpd"), N, False, None, "unknown")]),
    # a unit of the organisation acts for it (捜査2課); a place's part does not (ロシア東部 is where)
    ("警視庁捜査2課は山田容疑者を逮捕した。", P_MAR,
     [("逮捕", "COERCE", "arrest", S("mpd"), S("~yamada"), False, None, "unknown")]),
    ("ロシア東部でウクライナ軍が攻撃した。", P_MAR, [("攻撃", "ASSAULT", None, S("ua"), N, False, None, "unknown")]),
    ("ロシアは停戦を宣言した。", P_MAR, [("停戦を宣言", "CONCEDE", None, S("ru"), N, False, None, "unknown")]),
    ("トランプ政権はロシアに譲歩した。", P_MAR, [("譲歩", "CONCEDE", None, S("trump"), S("ru"), False, None, "unknown")]),
    ("プーチン氏は米国の停戦案を支持した。", P_MAR, [("支持", "SUPPORT", None, S("putin"), S("us"), False, None, "unknown")]),
    ("日本は米国と共同演習を行った。", P_MAR,
     [("共同演習", "COOPERATE", None, S("jp"), S("us"), False, None, "unknown")]),
    ("全米自動車労組はストライキを行った。", P_MAR,
     [("ストライキ", "PROTEST", "strike-lim", S("uaw"), N, False, None, "unknown")]),
    ("ロシアは国境に部隊を派遣した。", P_MAR, [("部隊を派遣", "MOBILIZE", "troops", S("ru"), N, False, None, "unknown")]),
    # --- negation and modality ---
    ("トランプ氏は制裁を科すつもりはない。", P_MAR, [("制裁を科す", "SANCTION", None, S("trump"), N, True, None, "unknown")]),
    ("米国がロシアに制裁を科すことはない。", P_MAR, [("制裁を科す", "SANCTION", None, S("us"), S("ru"), True, None, "unknown")]),
    ("ロシアはウクライナを攻撃しなかった。", P_MAR, [("攻撃", "ASSAULT", None, S("ru"), S("ua"), True, None, "unknown")]),
    ("ロシアは停戦に応じる可能性がある。", P_MAR, [("応じる", "AGREE", None, S("ru"), N, False, None, "unknown")]),
    ("ロシアが停戦を拒否すれば、米国は制裁を科す。", P_MAR,
     [("拒否", "REJECT", None, S("ru"), N, False, None, "unknown"),
      ("制裁を科す", "SANCTION", None, S("us"), N, False, None, "unknown")]),
    ("トランプ氏は来月、プーチン氏と会談する方針だ。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, D(2025, 4, 1), "month")]),
    ("ドイツは14〜16日に中国と首脳会談を開く。", D(2025, 2, 13),  # an announced event resolves forward
     [("首脳会談", "CONSULT", None, S("de"), S("cn"), False, D(2025, 2, 14), "day")]),
    # --- date forms ---
    ("トランプ氏は19日遅く、プーチン氏と電話会談した。", D(2025, 5, 20),
     [("電話会談", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 5, 19), "day")]),
    ("ルビオ氏は22日夜、ラブロフ氏と電話会談した。", D(2025, 10, 23),
     [("電話会談", "CONSULT", "phone", S("rubio"), S("lavrov"), False, D(2025, 10, 22), "day")]),
    ("トランプ氏は１８日、プーチン氏と会談した。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, D(2025, 3, 18), "day")]),
    ("トランプ氏は先週、プーチン氏との電話会談の後で、会談に合意した。", D(2025, 10, 23),
     [("合意", "AGREE", None, S("trump"), N, False, D(2025, 10, 13), "week")]),
    ("トランプ氏は先週末、プーチン氏と会談した。", D(2025, 5, 20),
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, D(2025, 5, 12), "week")]),
    ("ウクライナは今月、停戦案を提示し、米国はそれを拒否した。", P_MAR,
     [("拒否", "REJECT", None, S("us"), N, False, D(2025, 3, 1), "month")]),
    ("米国とロシアは今年2月にサウジアラビアで会談した。", D(2025, 10, 23),
     [("会談", "CONSULT", "third-party", S("us", "ru"), N, False, D(2025, 2, 1), "month")]),
    ("トランプ氏は8月にアラスカでプーチン氏と会談した。", D(2025, 10, 23),
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, D(2025, 8, 1), "month")]),
    ("トランプ氏は18日、プーチン氏と電話協議を行った。ゼレンスキー氏は同日、ロシアを非難した。", P_MAR,
     [("電話協議", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 3, 18), "day"),
      ("非難", "ACCUSE", None, S("zelensky"), S("ru"), False, D(2025, 3, 18), "day")]),
    # a deadline (2027年までに) is no date 同日 can refer to
    ("トランプ氏は18日、プーチン氏と電話協議を行った。欧州は2027年までに輸入を止める。ゼレンスキー氏は同日、ロシアを非難した。",
     P_MAR, [("電話協議", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 3, 18), "day"),
             ("非難", "ACCUSE", None, S("zelensky"), S("ru"), False, D(2025, 3, 18), "day")]),
    ("トランプ氏は18日、プーチン氏と会談した。", None,  # no publication date: the day stays unresolved
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, None, "unknown")]),
    # a meeting noun before 後 with its partner is a meeting that happened
    ("トランプ氏は18日、ゼレンスキー氏と会談後、プーチン氏に電話をした。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("zelensky"), False, D(2025, 3, 18), "day"),
      ("電話をし", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 3, 18), "day")]),
    # --- the same call mentioned again carries its date ---
    ("トランプ氏は19日、プーチン氏と電話会談した。トランプ氏は電話会談後に欧州の首脳らと連絡を取った。", D(2025, 5, 20),
     [("電話会談", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 5, 19), "day"),
      ("連絡を取っ", "CONSULT", None, S("trump"), S("europe"), False, D(2025, 5, 19), "day")]),
    ("トランプ氏は18日、プーチン氏と電話協議した。今回の協議でロシアは停戦を拒否した。", P_MAR,
     [("電話協議", "CONSULT", "phone", S("trump"), S("putin"), False, D(2025, 3, 18), "day"),
      ("拒否", "REJECT", None, S("ru"), N, False, D(2025, 3, 18), "day")]),
    ("ロシアとウクライナは18日、協議した。\n\n同協議では、ロシアが捕虜の解放を約束した。", P_MAR,
     [("協議", "CONSULT", None, S("ru", "ua"), N, False, D(2025, 3, 18), "day"),
      ("約束", "AGREE", None, S("ru"), N, False, D(2025, 3, 18), "day")]),
    ("ゼレンスキー大統領、ルビオ国務長官、ウィトコフ特使らを交えた協議が行われた。", P_MAR,
     [("協議", "CONSULT", None, S("zelensky", "rubio", "witkoff"), N, False, None, "unknown")]),
    ("日本は来月、首脳会議を開催する。", P_MAR,
     [("首脳会議", "CONSULT", "multilateral", S("jp"), N, False, D(2025, 4, 1), "month")]),
    ("ウィトコフ氏は記者団に語った。同氏は今週、中東を歴訪した。", D(2025, 10, 23),  # a region is where, not who
     [("歴訪", "CONSULT", "visit", S("witkoff"), N, False, D(2025, 10, 20), "week")]),
    # --- not events: statements, quotes, modifiers and topics ---
    ("トランプ氏は「ロシアと交渉する」と述べた。", P_MAR, []),
    ("トランプ氏は記者団に対し、プーチン氏は信頼できると語った。", P_MAR, []),
    ("電話会談後、トランプ氏は自身のSNSに投稿した。", P_MAR, []),
    ("会談の時期や場所は未定という。", P_MAR, []),
    ("停戦案を巡りロシアとウクライナの議論が続いた。", P_MAR, []),
    ("新教皇に選出されたレオ14世について問われたのに対し、トランプ氏は「そうだ」と応じた。", P_MAR, []),
    ("欧州は受け入れに極めて消極的だ。", P_MAR, []),
    ("友人と会う約束をした。", P_MAR, []),  # no named actor, no event
    # everyday verbs count only toward a named actor; 攻撃 in a match report is play
    ("トランプ氏は人と会うときは必ず準備する。", P_MAR, []),
    ("ゼレンスキー氏は誘いを断った。", P_MAR, []),
    ("試合では後半、ドイツが日本に猛攻撃をかけた。", P_MAR, []),
    ("ドイツは日本と会議を開いた。", P_MAR, [("会議", "CONSULT", None, S("de"), S("jp"), False, None, "unknown")]),
    ("米国は国連職員に入国を拒否された。", P_MAR,  # the passive's に names who did it
     [("拒否", "REJECT", None, S("un"), S("us"), False, None, "unknown")]),
    ("サマンサタバサ社長、寺田氏が要求した。", P_MAR,  # an apposition, not two actors
     [("要求", "REQUEST", None, S("terada"), N, False, None, "unknown")]),
    ("ゼレンスキー氏は米国の魅力に迫る。", P_MAR, []),  # an idiom, not a demand
    ("ウィトコフ氏はゼレンスキー氏に決断を迫った。", P_MAR,
     [("迫っ", "REQUEST", None, S("witkoff"), S("zelensky"), False, None, "unknown")]),
    ("中国で740万人を動員した映画だ。", P_MAR, []),
    ("日本の記者(30歳・派遣)が語った。", P_MAR, []),
    ("欧州に支持されているゼレンスキー氏は語った。", P_MAR, []),  # passive: the head is no source
    ("プーチン氏の母親も容認した。", P_MAR, []),  # the mother is not Putin
    ("ゼレンスキー氏に会談を迫られた。", P_MAR,  # the passive's に is who does it
     [("迫ら", "REQUEST", None, S("zelensky"), N, False, None, "unknown")]),
    ("ロシアに会談を迫られた。", None, [("迫ら", "REQUEST", None, S("ru"), N, False, None, "unknown")]),
    ("フォーゲル氏が解放された。", P_MAR, []),  # no named actor does it
    # seeking is not demanding; matching is not agreeing; idioms of 応じる and 解放
    ("ゼレンスキー氏は運命の相手を求めている。", P_MAR, []),
    ("ゼレンスキー氏は各国に支援を求めた。", P_MAR,
     [("求め", "REQUEST", None, S("zelensky"), N, False, None, "unknown")]),
    ("ウクライナは支援を求めた。", P_MAR, [("求め", "REQUEST", None, S("ua"), N, False, None, "unknown")]),
    ("米国は需要の喚起を促す。", P_MAR, []),
    ("ロシアの主張は演説の内容と一致した。", P_MAR, []),
    ("ゼレンスキー氏は取材に応じた。", P_MAR, []),
    ("ロシアは状況に応じて対応する。", P_MAR, []),
    ("ウクライナは悩みから解放された。", P_MAR, []),
    # everyday uses: agreeing with or brushing off a view, a reaction, a quoted remark, banter, rating someone
    ("山田さんはその意見に激しく同意した。", P_MAR, []),
    ("山田氏は佐藤氏の発言に同意した。", P_MAR, []),
    ("山田氏は佐藤氏の考えに賛成した。", P_MAR, []),
    ("山田氏は大賛成だ。", P_MAR, []),
    ("佐藤氏が推測し、これに山田氏も同意した。", P_MAR, []),  # これ is the guess before
    ("山田氏は「そんなことはない」と一蹴した。", P_MAR, []),
    ("佐藤氏は「ごめん、悪かった」と謝罪した。", P_MAR, []),
    ("山田氏は佐藤氏を認めない。", P_MAR, []),  # does not rate him
    # … but a proposal, a plan or a demand stays an agreement or a refusal
    ("ゼレンスキー大統領は即時停戦に同意した。", P_MAR,
     [("同意", "AGREE", None, S("zelensky"), N, False, None, "unknown")]),
    ("ロシアが停戦を提案し、これにウクライナも同意した。", P_MAR,
     [("同意", "AGREE", None, S("ua"), N, False, None, "unknown")]),
    ("山田氏は停戦案に賛成した。", P_MAR, [("賛成", "SUPPORT", None, S("~yamada"), N, False, None, "unknown")]),
    ("ロシアは米国の要求を一蹴した。", P_MAR, [("一蹴", "REJECT", None, S("ru"), S("us"), False, None, "unknown")]),
    ("北朝鮮は日本の主張を一蹴した。", P_MAR, [("一蹴", "REJECT", None, S("kp"), S("jp"), False, None, "unknown")]),
    ("国連は山田氏の請求を却下した。", P_MAR, [("却下", "REJECT", None, S("un"), S("~yamada"), False, None, "unknown")]),
    # an accusation's target is the named subject of what it says
    ("ゼレンスキー大統領は、ロシアが戦争を長引かせようとしていると批判した。", P_MAR,
     [("批判", "ACCUSE", None, S("zelensky"), S("ru"), False, None, "unknown")]),
    # putting a name on a sanctions list sanctions it
    ("米国は山田氏を制裁対象に加えると発表した。", P_MAR,
     [("制裁対象に加える", "SANCTION", None, S("us"), S("~yamada"), False, None, "unknown")]),
    # 両国 are the countries of the meeting reported before
    ("ロシアとウクライナは10日、協議した。両国は捕虜の交換で合意した。", P_MAR,
     [("協議", "CONSULT", None, S("ru", "ua"), N, False, D(2025, 3, 10), "day"),
      ("合意", "AGREE", None, S("ru", "ua"), N, False, D(2025, 3, 10), "day")]),
    # a stance of refusing is a refusal; a stance of working together is a plan (modality, below)
    ("ウクライナはロシアの要求を拒否する姿勢を示した。", P_MAR,
     [("拒否", "REJECT", None, S("ua"), S("ru"), False, None, "unknown")]),
    # a dropped subject is the topic of the sentence before, even one with no event of its own
    ("トランプ氏は「交渉は続く」と述べた。プーチン氏と近く会談し、停戦を協議する方針だ。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, None, "unknown"),
      ("協議", "CONSULT", None, S("trump"), S("putin"), False, None, "unknown")]),
    # a clause coordinated with an embedded one that its own subject closed is part of it too
    ("トランプ氏とプーチン氏は18日、会談した。両首脳は、米国が関税を下げ、ロシアが攻撃を止めることで合意した。", P_MAR,
     [("会談", "CONSULT", None, S("trump", "putin"), N, False, D(2025, 3, 18), "day"),
      ("合意", "AGREE", None, S("trump", "putin"), N, False, D(2025, 3, 18), "day")]),
    # a request fulfilled is no request made; one received is its owner's
    ("ロシアは米国の要望を実現した。", P_MAR, []),
    ("ロシアは米国の要求を受け、部隊を撤退させた。", P_MAR,
     [("要求", "REQUEST", None, S("us"), S("ru"), False, None, "unknown"),
      ("撤退", "RETREAT", "withdraw", S("ru"), N, False, None, "unknown")]),
    # a group's officials act for it
    ("ロシアの幹部は、武器の引き渡しには応じないと表明した。", P_MAR,
     [("応じ", "REJECT", None, S("ru"), N, False, None, "unknown")]),
    # three countries or more meeting together: multilateral; one after another: not
    ("米国、ロシア、ウクライナはサウジアラビアで協議した。", P_MAR,
     [("協議", "CONSULT", "multilateral", S("us", "ru", "ua"), N, False, None, "unknown")]),
    # the topic of the quoted words is no subject; whose it is, what the accusation is aimed at
    ("ルビオ氏は、ロシアの攻撃は「容認できない」と非難した。", P_MAR,
     [("非難", "ACCUSE", None, S("rubio"), S("ru"), False, None, "unknown")]),
    # a request for comment is no demand to refuse
    ("ロシア国防省の報道官は、コメントの要請に応じなかった。", P_MAR, []),
    # a threat of an act that may come (…する可能性があると警告) is still a threat
    ("ロシアは、米国が制裁を強めれば、ガスの供給を停止する可能性があると警告した。", P_MAR,
     [("警告", "THREATEN", None, S("ru"), S("us"), False, None, "unknown")]),
    # troops counted are still troops sent; a general staff acts for its country
    ("ロシア軍参謀本部は、ウクライナに兵士約1万2000人を派遣した。", P_MAR,
     [("兵士約1万2000人を派遣", "MOBILIZE", "troops", S("ru"), S("ua"), False, None, "unknown")]),
    # AとBの首脳会談: two names of one noun phrase, no partner of the talks about it
    ("ルビオ氏はラブロフ氏と電話で会談し、トランプ氏とプーチン氏の首脳会談の準備について協議した。", P_MAR,
     [("会談", "CONSULT", "phone", S("rubio"), S("lavrov"), False, None, "unknown"),
      ("協議", "CONSULT", None, S("rubio"), N, False, None, "unknown")]),
    # two parties acting together need no other target
    ("米国とロシアは共同訓練を実施した。", P_MAR,
     [("共同訓練", "COOPERATE", None, S("us", "ru"), N, False, None, "unknown")]),
    # suspending sanctions concedes
    ("米国はロシアへの制裁を一時停止した。", P_MAR,
     [("制裁を一時停止", "CONCEDE", None, S("us"), S("ru"), False, None, "unknown")]),
    # stopping aid or intelligence sharing is a sanction; a facility stands for its owner as the target
    ("米国はウクライナへの軍事支援と情報提供を一時停止した。", P_MAR,
     [("情報提供を一時停止", "SANCTION", None, S("us"), S("ua"), False, None, "unknown")]),
    ("ロシア軍はウクライナの軍需工場を攻撃した。", P_MAR,
     [("攻撃", "ASSAULT", None, S("ru"), S("ua"), False, None, "unknown")]),
    # who is asked: after に対しても too; the owner of what is asked for
    ("ルビオ氏は、中国に対しても原油の購入を減らすよう求めた。", P_MAR,
     [("求め", "REQUEST", None, S("rubio"), S("cn"), False, None, "unknown")]),
    ("プーチン氏はウクライナ軍の撤退を要求した。", P_MAR,
     [("要求", "REQUEST", None, S("putin"), S("ua"), False, None, "unknown")]),
    # in a reported act, the act's own が subject acts, not the reporter's topic (unless in a condition)
    ("トランプ氏は、ゼレンスキー氏が停戦を受け入れると約束したと主張した。", P_MAR,
     [("約束", "AGREE", None, S("zelensky"), N, False, None, "unknown")]),
    ("トランプ氏は、ロシアが攻撃をやめれば停戦に合意すると述べた。", P_MAR,
     [("合意", "AGREE", None, S("trump"), N, False, None, "unknown")]),
    # a verb form working as an adverb (相次いで) leaves the partners the meeting's
    ("トランプ氏はプーチン氏、ゼレンスキー氏と相次いで会談した。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("putin", "zelensky"), False, None, "unknown")]),
    # what belongs to a name, counted, stands for it as the target
    ("ロシア軍はウクライナの拠点9カ所をミサイルで攻撃した。", P_MAR,
     [("攻撃", "ASSAULT", None, S("ru"), S("ua"), False, None, "unknown")]),
    # what is agreed at a meeting with someone is agreed with them
    ("トランプ氏はプーチン氏と会談し、停戦で合意した。", P_MAR,
     [("会談", "CONSULT", None, S("trump"), S("putin"), False, None, "unknown"),
      ("合意", "AGREE", None, S("trump"), S("putin"), False, None, "unknown")]),
    # … also with the words it was brushed off in, when what is refused is named before them
    ("山田氏は佐藤氏の提案を「非現実的だ」と却下した。", P_MAR,
     [("却下", "REJECT", None, S("~yamada"), S("~sato"), False, None, "unknown")]),
    ("北朝鮮は日本の呼びかけを「幻想だ」と一蹴した。", P_MAR,
     [("一蹴", "REJECT", None, S("kp"), S("jp"), False, None, "unknown")]),
    ("ロシアは対話に応じない姿勢を示した。", P_MAR, [("応じ", "REJECT", None, S("ru"), N, False, None, "unknown")]),
    ("中国は米国と協力する姿勢を示した。", P_MAR, [("協力", "COOPERATE", None, S("cn"), S("us"), False, None, "unknown")]),
    ("佐藤氏は「申し訳ありませんでした」と謝罪した。", P_MAR,
     [("謝罪", "CONCEDE", None, S("~sato"), N, False, None, "unknown")]),
    ("ロシアはウクライナの加盟を認めない。", P_MAR, [("認め", "REJECT", None, S("ru"), S("ua"), False, None, "unknown")]),
    # visits: a host is an organisation, a known country or city, or a person in an official capacity
    ("山田さんは佐藤さんを訪れた。", P_MAR, []),   # a private person
    ("山田さんは大槌町を訪れた。", P_MAR, []),     # a municipality is where, not who
    ("トランプ氏は北京を訪問した。", P_MAR,
     [("訪問", "CONSULT", "visit", S("trump"), S("beijing"), False, None, "unknown")]),
    ("山田首相はフジテレビを訪問した。", P_MAR,
     [("訪問", "CONSULT", "visit", S("~yamada"), S("~fujitv"), False, None, "unknown")]),
    ("山田氏は佐藤大使を訪問した。", P_MAR,
     [("訪問", "CONSULT", "visit", S("~yamada"), S("~sato"), False, None, "unknown")]),
    ("トランプ氏はゼレンスキー氏を訪問した。", P_MAR,
     [("訪問", "CONSULT", "visit", S("trump"), S("zelensky"), False, None, "unknown")]),
    # a nameless topic nearer the trigger is its subject, not the named one before it
    ("ゼレンスキー氏は抗議し、キャスターは電話でロシアに謝罪した。", P_MAR,
     [("抗議", "ACCUSE", None, S("zelensky"), N, False, None, "unknown")]),
]


@pytest.mark.parametrize("text,published,expected", CASES)
def test_events(text, published, expected):
    assert summary(text, published) == expected


@pytest.mark.parametrize("headline,expected", [
    # a country before the headline's comma is its subject, not one of a list with the next name
    ("米、ウクライナに武器供与へ", [("武器供与", "AID", "military", S("us"), S("ua"), False, None, "unknown")]),
    ("ロシア、ウクライナを非難", [("非難", "ACCUSE", None, S("ru"), S("ua"), False, None, "unknown")]),
    # a verbal noun before the headline's comma is its first clause; its parties together do not carry
    # into a one-sided act after it (one of them asks)
    ("米ロが会談、捕虜の解放求める", [("会談", "CONSULT", None, S("us", "ru"), N, False, None, "unknown")]),
    # a space ends a headline's clause; a headline's ず tells what did not happen: no agreement, no refusal
    ("米ロ首脳、アラスカで会談　停戦合意に至らず",
     [("会談", "CONSULT", "third-party", S("us", "ru"), N, False, None, "unknown"),
      ("合意", "AGREE", None, S("us", "ru"), N, True, None, "unknown")]),
    # … but a condition after a space has its own subject: not the headline's (nobody named here)
    ("トランプ氏、ロシアに停戦の期限を設定　応じなければ二次関税", []),
    ("トランプ氏、プーチン氏と会談　交渉開始で一致", [("会談", "CONSULT", None, S("trump"), S("putin"), False, None, "unknown"),
                                      ("一致", "AGREE", None, S("trump"), S("putin"), False, None, "unknown")]),
])
def test_headline_subject_before_a_comma(headline, expected):
    assert summary(headline, P_MAR, kind="title") == expected


@pytest.mark.parametrize("text,modality", [
    ("米国はロシアに制裁を科すと発表した。", "asserted"),     # announcing a sanction imposes it
    ("米国はロシアに制裁を科すと正式に発表した。", "asserted"),  # (an adverb between と and the verb)
    ("トランプ氏はプーチン氏と会談すると発表した。", "planned"),  # announcing a meeting schedules it
])
def test_announced_actions(text, modality):
    _, events, _ = run(text, P_MAR)
    assert [e["modality"] for e in events] == [modality]


def test_headline_future_and_modality_column():
    doc, events, actors = run("トランプ氏とプーチン氏、サウジアラビアで会談へ", D(2025, 2, 13), kind="title")
    assert [(e["trigger"], e["event_type"], e["modality"]) for e in events] == [("会談", "CONSULT", "planned")]
    assert {a["entity_id"] for a in actors if a["role"] == "source"} == {"person:trump", "person:putin"}
    assert {a["entity_id"] for a in actors if a["role"] == "location"} == {"gpe:sa"}


@pytest.mark.parametrize("text,modality", [
    ("トランプ氏はプーチン氏と会談した。", "asserted"),
    ("トランプ氏はプーチン氏と会談する予定だ。", "planned"),
    ("トランプ氏はプーチン氏と会談する方針を示した。", "planned"),
    ("トランプ氏はプーチン氏と会談する可能性がある。", "hypothetical"),
    ("米国とロシアは合意できるかもしれない。", "hypothetical"),
    ("ロシアが停戦に応じない場合は制裁が必要だ。", "hypothetical"),
    ("トランプ氏はプーチン氏と会談している。", "asserted"),
    ("トランプ氏はプーチン氏と会談したのか？", "hypothetical"),  # asked, not reported
    ("トランプ氏はプーチン氏と会談する計画だ。", "planned"),
    ("ロシアが停戦に応じるなら、米国は対話を再開する。", "hypothetical hypothetical"),
    ("ロシアが停戦を拒否した場合は、米国は制裁を科す。", "hypothetical hypothetical"),
    ("トランプ氏がプーチン氏と会談？", "hypothetical"),
    ("ロシアがウクライナを攻撃しても、欧州は介入しない。", "hypothetical"),  # even if: a condition
    ("ロシアはウクライナを攻撃した。", "asserted"),
    ("ロシアは停戦を拒否できる。", "hypothetical"),  # an ability or a right, not an act
    ("ロシアは停戦を拒否することができる。", "hypothetical"),
    ("ロシアは停戦を拒否する権利を持つ。", "hypothetical"),
    ("ロシアは停戦を拒否した。", "asserted"),
    # a continuative clause takes the tense of the next clause, past a relative clause in between
    ("ロシアは16日、米国と協議し、停戦を迅速にする新たな枠組みに合意した。", "asserted asserted"),
    ("ロシアは16日、米国と協議し、制裁がかかり始める「期限」を延ばすことで合意した。", "asserted asserted"),
    ("ウクライナはロシアの要求を拒否する姿勢を示した。", "asserted"),
    # a visit coordinated with a meeting announced to come is to come too
    ("トランプ氏は来週、ロシアを訪問し、プーチン氏と会談すると発表した。", "planned planned"),
    ("中国は米国と協力する姿勢を示した。", "planned"),
])
def test_modality(text, modality):
    _, events, _ = run(text, P_MAR)
    assert [e["modality"] for e in events] == modality.split()


def test_records_follow_the_contract():
    text = ("トランプ米大統領とロシアのプーチン大統領は18日、電話協議を行った。"
            "プーチン氏は、米国が求めていた30日間の停戦には同意しなかった。")
    doc, events, actors = run(text, P_MAR)
    assert len(events) == 2
    mention_ids = {m["mention_id"] for m in mentions_of(doc)}
    for e in events:
        assert doc.text[e["start"]:e["end"]] == e["trigger"]
        assert e["event_id"] == f"{doc.doc_id}-e{e['start']:08d}-{e['end']:08d}"
        assert e["event_type"] in codes.EVENT_TYPES and e["modality"] in codes.EVENT_MODALITIES
        assert e["event_mode"] is None or e["event_mode"] in codes.EVENT_MODES[e["event_type"]]
        assert e["date_precision"] in codes.PRECISIONS_EVENT
        assert e["sentence_id"] == doc.sentences[doc.sentence_at(e["start"])].id
    keys = [(a["event_id"], a["role"], a["entity_id"]) for a in actors]
    assert len(keys) == len(set(keys))
    assert all(a["mention_id"] is None or a["mention_id"] in mention_ids for a in actors)
    # the refusal's date continues the call of the sentence before; its source is read, not carried
    refusal = events[1]
    assert (refusal["event_date"], refusal["date_text"]) == (D(2025, 3, 18), None)
    assert [a["mention_id"] is not None for a in actors if a["event_id"] == refusal["event_id"]] == [True]


def test_carried_actors_have_no_mention():
    doc, events, actors = run("トランプ氏は12日、プーチン氏と電話協議した。直ちに交渉を始めることで合意した。",
                              D(2025, 2, 13))
    agreement = [e for e in events if e["event_type"] == "AGREE"][0]
    rows = [a for a in actors if a["event_id"] == agreement["event_id"]]
    assert {(a["role"], a["entity_id"], a["mention_id"]) for a in rows} == {
        ("source", "person:trump", None), ("target", "person:putin", None)}


def test_full_width_digits_keep_offsets():
    doc, events, _ = run("トランプ氏は１９日遅く、プーチン氏と電話会談した。", D(2025, 5, 20))
    assert [(e["date_text"], e["event_date"]) for e in events] == [("１９日遅く", D(2025, 5, 19))]


def test_no_mentions_no_events():
    doc = build_document([("body", "トランプ氏は12日、プーチン氏と電話協議した。")], meta={"published_at": P_MAR})
    assert extract_events(doc, []) == ([], [])


def test_a_story_plot_is_not_news():
    # a paragraph that tells a plot (主人公, 劇中 …) gives no events
    assert summary("主人公のトランプは、プーチンを誘拐した。", P_MAR) == []
    # in an article about a film, the plot told in the present is fiction; what the cast did is news
    text = "映画の原作は小説だ。劇場ではトランプがプーチンを攻撃する。\n\nトランプ氏は18日、プーチン氏と会談した。"
    doc = build_document([("body", p) for p in text.split("\n\n")], meta={"published_at": P_MAR})
    events, _ = extract_events(doc, mentions_of(doc))
    assert [(e["trigger"], e["event_type"]) for e in events] == [("会談", "CONSULT")]


def test_an_aside_in_parentheses_stays_inside_the_actor_s_noun_phrase():
    names = {"トランプ": ("PERSON", "person:trump"), "習近平": ("PERSON", "person:xi"),
             "シー・ジンピン": ("PERSON", "person:xi"), "中国": ("GPE", "gpe:cn")}
    doc = build_document([("body", "トランプ米大統領と中国の習近平（シー・ジンピン）国家主席は19日、電話で協議した。")],
                         meta={"published_at": P_MAR})
    events, actors = extract_events(doc, mentions_of(doc, names))
    assert [(e["event_type"], e["event_mode"]) for e in events] == [("CONSULT", "phone")]
    assert {a["entity_id"] for a in actors if a["role"] == "source"} == {"person:trump", "person:xi"}


CATALOG_NAMES = {"トランプ": ("PERSON", "person:donald-trump"), "プーチン": ("PERSON", "person:vladimir-putin"),
                 "ウィトコフ": ("PERSON", "person:steve-witkoff"), "モスクワ": ("GPE", "gpe:moscow"),
                 "ジュネーブ": ("GPE", "gpe:geneva"), "クレムリン": ("ORG", "org:kremlin")}
HOME_CASES = [
    # a partner, then a place, is not the two of them; a meeting in a party's own city (the catalog's
    # home countries) is a visit, in nobody's a third-party meeting
    ("プーチン大統領はウィトコフ特使とモスクワで会談した。", "visit", S("vladimir-putin"), S("steve-witkoff")),
    ("トランプ氏とプーチン氏はジュネーブで会談した。", "third-party", S("donald-trump", "vladimir-putin"), N),
    ("プーチン大統領はウィトコフ特使とクレムリンで会談した。", "visit", S("vladimir-putin"), S("steve-witkoff")),
]


@pytest.mark.parametrize("text,mode,sources,targets", HOME_CASES, ids=[c[0][:12] for c in HOME_CASES])
def test_a_meeting_s_mode_from_where_the_parties_belong(text, mode, sources, targets):
    doc = build_document([("body", text)], meta={"published_at": P_MAR})
    events, actors = extract_events(doc, mentions_of(doc, CATALOG_NAMES))
    assert [e["event_mode"] for e in events] == [mode]
    assert frozenset(a["entity_id"].split(":")[1] for a in actors if a["role"] == "source") == sources
    assert frozenset(a["entity_id"].split(":")[1] for a in actors if a["role"] == "target") == targets


def test_home_countries_name_catalog_entities():
    from flows.extract.entities.catalog import catalog
    from flows.extract.events.lexicon import home_countries
    entries = catalog().entries
    homes = home_countries()
    assert homes
    for member, country in homes.items():
        assert member in entries and entries[country].entity_type == "GPE", (member, country)


@pytest.mark.parametrize("text,modality", [
    # an adverb such as 少なくとも is no clause: the tense comes from the clause after (…空爆し、…死亡した)
    ("ロシアは首都を空爆し、少なくとも10人が死亡した。", "asserted"),
    ("ロシアは首都を空爆し、多くの市民が避難する。", "planned"),
])
def test_a_clause_takes_its_tense_from_the_clause_after(text, modality):
    _, events, _ = run(text, P_MAR)
    assert [e["modality"] for e in events] == [modality]
