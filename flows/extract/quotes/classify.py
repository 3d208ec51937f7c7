"""Is a bracket a direct quote, a partial quote, or a name or term? General criteria, in order:

- what stands right before it: a category noun (映画「…」, SNS「…」), any noun
  (…のプログラム「…」), a modifying clause (人気のカテゴリーの1つである「…」) make
  it a name; a person's name right before it (トランプ氏「…」, 澤「…」) makes it a
  headline or transcript quote;
- what follows it: と + a verb of saying (「…」と述べた), と/という/との + a noun of
  speech (「…」との声, 「…」というトランプ政権の要求) make it quoted words; a noun
  right after it (「…」プログラム), a naming verb (と題し), a source marker
  (「…調査」によれば), or という/などの + another noun (「…」という言葉,
  「…」などの見出し) make it a name or term;
- its shape (`brackets.shape`): a clause is said words; a modifier or a phrase
  (「率直かつ非常に有意義な」, 「直ちに」) cannot be a name, so it is a partial
  quote; a nominal is a partial quote only with speech around it (a verb of
  saying, a reported clause it sits in, a source, or a channel with a speaker).
A 『』 standing alone is a title unless a verb of saying closes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flows.extract.quotes import brackets as br
from flows.extract.quotes.frames import example_before, not_said, reader_question
from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.reports import Report
from flows.extract.quotes.speakers import Speaker, run_back, run_forward
from flows.extract.quotes.tokens import is_attributive, is_comma, is_particle, is_period, is_quotative

if TYPE_CHECKING:
    from flows.extract.quotes.clause import Clause


@dataclass
class After:
    """What follows a bracket (for a chain 「A」「B」と述べた, what follows the last one)."""
    report: Report | None = None       # the verb of saying that closes it
    speech: str | None = None          # "speech" (との声, という主張) or "term" (という言葉, などの見出し)
    owner: Speaker | None = None       # 「…」というトランプ政権の要求 → トランプ政権
    verb: str | None = None            # 「…」という寛さん: the verb is いう itself
    passive: bool = False              # 「…」と言われた: said to the subject
    agent: Speaker | None = None       # 「…」と店員に声をかけられる → 店員
    asked: bool = False                # Xから「…」と訊かれ: X asked; X does not answer
    embedded: bool = False             # the owner only modifies a noun (というアナリストの警告): not carried on
    head: str = ""                     # the noun a term introduced with という/との ends in (思い, 製品)


def _is_speech(head: str) -> bool:
    return bool(head) and head.endswith(tuple(framing()["speech_nouns"]))


def after_context(c: Clause, ci: int) -> After:
    """と/との/という/などの + [Xの] + noun after the bracket ending at ms[ci]."""
    ms, n, text = c.ms, c.n, c.text
    k = ci + 1
    nado = k < n and ms[k].surface == "など" and ms[k].pos1 == "助詞"
    k += nado
    if k >= n:
        return After()
    if ms[k].surface == "と" and k + 1 < n and ms[k + 1].surface == "は" and ms[k + 1].pos1 == "助詞":
        sp = final_phrase(c, k + 2)                      # 「…」とは、毅さん（37歳）。
        return After(speech="speech", owner=sp) if sp is not None else After()
    if ms[k].surface in ("と", "って") and ms[k].pos1 == "助詞" and k + 1 < n:
        nxt = ms[k + 1]
        if nxt.surface == "の" and ms[k].surface == "と" or nxt.lemma == "言う" and nxt.surface.startswith("い"):
            j, bare = k + 2, False
            while j < n and ms[j].pos1 == "助動詞":          # といった名前
                j += 1
            if nxt.lemma == "言う" and j + 1 < n and ms[j].pos2 == "準体助詞" and ms[j + 1].surface == "が":
                return After(speech="term")                # 「何キャラです」っていうのが (but というのは、X: X said it)
            head_at = _past_modifiers(ms, j, n)            # という確固たるもの, というユニークな製品
            modified, j = head_at > j, head_at
            e = run_forward(ms, j, n)
            if nxt.lemma == "言う" and e > j and not (e < n and is_particle(ms[e], "の")) \
                    and (sp := c.ex.finder.phrase(ms, j, e)) is not None \
                    and sp.entity_type in ("PERSON", None) and sp.kind != "anaphora":
                return After(speech="speech", owner=sp, verb="言う")   # 「…」という寛さん: who says it
        elif nxt.pos1 in ("名詞", "接頭辞") and ms[k].surface == "と":
            j, bare, modified = k + 1, True, False  # と批判の声: only with の + a noun of speech
        else:
            return After()
    elif nado and is_particle(ms[k], "の"):
        j, bare, modified = k + 1, False, False    # などの見出し, などの声
    else:
        return After()
    e = run_forward(ms, j + (j + 1 < n and ms[j].pos1 == "形状詞" and ms[j + 1].pos1 == "接尾辞"), n)   # 可能性
    if e == j:
        return After()
    if e + 1 < n and is_particle(ms[e], "の"):
        e2 = run_forward(ms, e + 1, n)
        head = text[ms[e + 1].start:ms[e2 - 1].end] if e2 > e + 1 else ""
        owner = None if bare else c.ex.finder.phrase(ms, j, e)
        owned = owner is not None and head.removesuffix("通り").removesuffix("どおり").endswith(
            tuple(framing()["owned_speech_nouns"]))            # という店長の言葉通り: the words are his
        if _is_speech(head) or owned:
            if owner is not None and ms[k + 1].surface == "いっ" and _heads_relative_clause(ms, e2, n):
                owner = None    # 「…」といったマツコの意見に賛同するもの: examples of those agreeing with her
                #                 (but 「…」というトランプ氏の発言を批判する声: his words)
            return After(speech="speech", owner=owner, embedded=owner is not None)
    if bare:
        return After()
    head = text[ms[j].start:ms[e - 1].end]
    if ms[e - 1].lemma == "事" and e == j + 1 and ms[k + 1].surface == "の":
        return After()                             # 「…」とのこと: hearsay (but ということ stays a term)
    if _is_speech(head) or _voiced(ms, e, n):
        return After(speech="speech")
    if modified and not head.endswith(tuple(framing()["idea_nouns"])):
        return After()                             # といった手厳しい内容: as with no noun at all
    return After(speech="term", head=head)


def _heads_relative_clause(ms, e: int, n: int) -> bool:
    """Xの意見|に賛同する|もの: the noun phrase ending before ms[e] is an argument of a relative clause
    whose verb modifies a noun after it (so the bracket before the phrase is that noun's)."""
    if not (e < n and ms[e].pos1 == "助詞" and ms[e].surface != "の"):
        return False
    for k in range(e + 1, min(n, e + 5)):
        if ms[k].pos1 == "動詞":
            while k + 1 < n and ms[k + 1].pos1 == "助動詞":
                k += 1
            return ms[k].cform.startswith("連体形") and k + 1 < n and ms[k + 1].pos1 == "名詞"
        if ms[k].pos1 not in ("名詞", "副詞", "接頭辞"):
            return False
    return False


def _voiced(ms, e: int, n: int) -> bool:
    """という思いを語った, という本音を漏らした: the noun ending at ms[e - 1] is the object of a verb of voicing."""
    if not (e + 1 < n and is_particle(ms[e], "を", "も")):
        return False
    verbs = framing()["voicing_verbs"]
    m = ms[e + 1]
    return m.pos1 == "動詞" and m.lemma in verbs or m.pos1 == "名詞" and m.lemma in verbs \
        or m.surface == "口" and e + 3 < n and ms[e + 2].surface == "に" and ms[e + 3].lemma == "為る"


def _past_modifiers(ms, j: int, n: int) -> int:
    """The start of the noun an adjectival modifier leads to (ユニークな製品, 確固たるもの); 可能性, an
    adjective stem with a suffix, is a noun itself."""
    i = j
    while i < n and i < j + 4:
        m = ms[i]
        if m.pos1 == "形状詞" and i + 1 < n and ms[i + 1].pos1 == "接尾辞":
            return i
        if m.pos1 in ("形状詞", "連体詞") or m.pos1 == "形容詞" and is_attributive(m):
            i += 1
            if i < n and ms[i].pos1 == "助動詞" and ms[i].lemma in ("だ", "たり"):
                i += 1
            continue
        break
    return i if i < n and ms[i].pos1 in ("名詞", "接頭辞") else j


def name_chain(c: Clause, ci: int) -> bool:
    """「A」や「B」, 「A」と「B」, 「A」「B」: the next bracket follows as another item of a list."""
    ms, k = c.ms, ci + 1
    if k < c.n and (ms[k].surface in ("や", "と", "・", "、") and ms[k].pos1 in ("助詞", "補助記号")):
        k += 1
    return k < c.n and ms[k].surface in "「『" and k > ci


def final_phrase(c: Clause, lo: int) -> Speaker | None:
    """The person or source a sentence ends on (…とは、毅さん（37歳）。), if it ends on a noun phrase."""
    ms, end = c.ms, c.n
    while end > lo and (ms[end - 1].pos1 == "補助記号" and ms[end - 1].surface not in "）)"
                        or ms[end - 1].lemma in ("だ", "です")):
        end -= 1
    start = run_back(ms, end, lo)
    if start >= end or start > lo + 1 and not is_comma(ms[start - 1]):
        return None
    sp = c.ex.finder.phrase(ms, start, end)
    return sp if sp is not None and sp.kind != "anaphora" else None


def headline_speaker(c: Clause, oi: int) -> Speaker | None:
    """トランプ氏「直ちに交渉を開始」, やくみつる 「…」, アヤコ：「…」: a person named right before."""
    ms = c.ms
    k = oi
    if k > 0 and (ms[k - 1].surface in ("：", ":") or c.kind != "body" and is_comma(ms[k - 1])):
        k -= 1                                        # アヤコ：「…」, シャルケ・内田、「…」 (a headline)
    if k == 0 or ms[k - 1].pos1 not in ("名詞", "接尾辞"):
        return None
    if k == oi and c.text[ms[k - 1].end:ms[oi].start].strip():
        return None
    start = run_back(ms, k, 0)
    sp = c.ex.finder.phrase(ms, start, k)
    if sp is not None and (sp.entity_type == "PERSON" or sp.kind == "public"
                           or sp.kind == "anonymous" and c.kind != "body" and not sp.role):
        return sp                                     # 韓国記者「…」 in a headline: an unnamed source
    line = all(c.inside[j] or ms[j].pos1 == "補助記号" for j in range(oi, c.n))
    if start == 0 and k - start <= 3 and sp is None and line:
        return c.ex.finder.plain(ms, start, k, 0)    # Siri「その質問にはお答えできません」: a dialog line
    return None


def headline_lead(c: Clause, oi: int) -> Speaker | None:
    """魔裟斗、解説中にも怒り心頭「…」 / ロシア、停戦案に「…」と反発: a title or heading that opens on a name
    and a comma has that name speak its quotes (a column label in 【】 before it allowed)."""
    if c.kind not in ("title", "heading"):
        return None
    ms, a = c.ms, 0
    if ms and ms[0].surface == "【":                   # 【Sports Watch】: the column, not the story
        a = next((j + 1 for j in range(1, oi) if ms[j].surface == "】"), 0)
    comma = next((k for k in range(a + 1, oi) if is_comma(ms[k]) and not c.inside[k]), None)
    if comma is None or run_back(ms, comma, a) != a:
        return None
    sp = c.ex.finder.phrase(ms, a, comma)
    return sp if sp is not None and sp.kind == "named" and sp.entity_type in ("PERSON", "ORG", "GPE") else None


def _modified(c: Clause, oi: int) -> bool:
    """…である「踊ってみた」, この「…」: a clause or determiner modifies the bracket as a noun."""
    if oi == 0:
        return False
    m = c.ms[oi - 1]
    return m.end == c.ms[oi].start and (m.pos1 == "連体詞" or is_attributive(m))


def _verbal(c: Clause, ci: int) -> bool:
    """「直ちに」開始する: the noun after the bracket is a verb with its する."""
    k = ci + 1
    return k + 1 < c.n and c.ms[k].pos3.startswith("サ変") and c.ms[k + 1].lemma == "為る"


LIST_LINE_MARKS = ("★", "☆", "*", "＊", "・", "■", "□", "◆", "◇", "●", "○", "◎", "▼", "▽", "※", "-", "－")


def list_line(c: Clause) -> bool:
    """The sentence is an item of a list or a programme (★Name「…」, *上映作品： Name「…」)."""
    return c.ex.doc.sentence_text(c.i).lstrip().startswith(LIST_LINE_MARKS)


def _inside_source(c: Clause, oi: int, ci: int) -> bool:
    """「血めぐり研究会」が行った調査によると: the bracket stands inside the phrase naming a source."""
    return any(mk.lo <= oi and ci < mk.at for mk in c.markers)


def _listed(c: Clause, oi: int, ci: int, chain_end: int | None) -> bool:
    """「A」「B」と: the bracket stands in a run of brackets closed together."""
    if chain_end is not None and chain_end != ci:
        return True
    k = oi - 1 - (oi > 1 and is_comma(c.ms[oi - 1]))
    return k >= 0 and c.ms[k].surface in "」』"


def _has_clause(ms, oi: int, ci: int) -> bool:
    """A subject (が/は) and a predicate after it inside the bracket: a sentence, even ending in a noun."""
    subject = next((k for k in range(oi + 1, ci) if is_particle(ms[k], "が", "は") and ms[k].pos2 in ("格助詞", "係助詞")),
                   None)
    return subject is not None and any(ms[k].pos1 in ("動詞", "形容詞") for k in range(subject + 1, ci))


def _names_source(c: Clause, ci: int) -> bool:
    """厚生労働省の「…調査」によれば: the bracket is the name of a source."""
    return any(mk.lo <= ci < mk.at and mk.at <= ci + 3 for mk in c.markers)


def classify(c: Clause, b: br.Bracket, oi: int, ci: int, after: After, enclosing: bool,
             headline: Speaker | None, chain_end: int | None = None) -> tuple[str | None, str]:
    """(quote kind or None, reason)."""
    ms, text, r = c.ms, c.text, after.report
    if text[b.open] == "『" and r is None and not enclosing:
        return None, "title in 『』"
    if br.category_before(ms, oi, text):
        return None, "name after a category noun"
    if br.naming_after(ms, ci):
        return None, "title given with と題し/と名付け"
    if not enclosing and (why := not_said(ms, ci) or chain_end is not None and not_said(ms, chain_end)):
        return None, why
    if r is None and not enclosing and after.owner is None and not after.speech and example_before(ms, oi):
        return None, "an example (例えば「…」), no verb of saying after it"
    if r is None and not enclosing and after.speech != "speech" and headline is None \
            and reader_question(ms, chain_end if chain_end is not None else ci):
        return None, "what a reader might say, in a question to the reader (…方はいませんか？)"
    if r is None and after.speech != "speech" and br.thought_after(ms, chain_end if chain_end is not None else ci):
        return None, "a thought (と思う, と感じる), not words said"
    if r is None and _names_source(c, ci):
        return None, "name of a source (…によれば)"
    if r is None and not enclosing and after.speech != "speech" and _modified(c, oi):
        return None, "noun modified by the clause before it"
    shape = br.shape(ms, oi, ci, text)
    if r is None and not enclosing and after.speech != "speech":
        if br.category_topic(ms, oi, ci, text):
            return None, "name given after a category noun and は (テーマは「…」。)"
        if headline is None and br.ends_in_category(ms, oi, ci):
            return None, "title ending in a category noun (「…プロジェクト」, 「…特集」)"
        if headline is not None and shape == "nominal" and list_line(c):
            return None, "a work after its creator in a list line (★Name「…」)"
        if shape == "nominal" and _inside_source(c, oi, ci):
            return None, "name inside a source phrase (「…」が行った調査によると)"
    nxt = ms[ci + 1] if ci + 1 < c.n else None
    noun_before = br.noun_before(ms, oi) and headline is None
    noun_after = nxt is not None and nxt.pos1 in ("名詞", "接尾辞") and nxt.start == b.close + 1
    speech_around = bool(c.reports or c.markers) or channel_and_speaker(c)
    if shape == "nominal":
        if noun_after:
            return None, "name modifying the noun after it"
        if noun_before:
            return None, "name in apposition to the noun before it"
        if (r is not None or after.speech == "speech") and _listed(c, oi, ci, chain_end) and _has_clause(ms, oi, ci):
            return "direct", "a comment of a list, ending in a noun (「役所が審査していれば防げた話」「…」と)"
        if r is not None or after.speech == "speech":
            return "partial", "words of a speaker"
        if after.speech == "term":
            return None, "term introduced with という/などの"
        if br.name_like(ms, oi, ci, text):
            return None, "proper name"
        if enclosing or c.markers or headline is not None or channel_and_speaker(c):
            return "partial", "words of a speaker"
        return None, "term (no speech around it)"
    if shape in ("clause", "phrase") and r is None and not enclosing and not after.speech and nxt is not None \
            and is_particle(nxt, "の") and ci + 2 < c.n and (c.ms[ci + 2].surface in "「『" or (
                c.ms[ci + 2].pos1 in ("名詞", "接頭辞")
                and not _is_speech(text[ms[ci + 2].start:ms[run_forward(ms, ci + 2, c.n) - 1].end]))):
        return None, "title or term before の and a noun (「ラブソングができるまで」の監督, 「…」の「…」)"
    if noun_after and shape != "modifier" and r is None and not enclosing and not _verbal(c, ci) and (
            shape == "phrase" or not _is_speech(text[nxt.start:ms[run_forward(ms, ci + 1, c.n) - 1].end])):
        return None, "name modifying the noun after it"             # 「笑っていいとも」テレフォンショッキング
    if after.speech == "term" and r is None and not enclosing and headline is None \
            and after.head.endswith(tuple(framing()["idea_nouns"])):
        return None, "thought, meaning or kind introduced with という/との (「好き」という思い)"
    if shape in ("modifier", "phrase"):
        if noun_before:
            return None, "name in apposition to the noun before it"
        return "partial", "phrase of a speaker"
    if noun_before and r is None and c.kind == "body":
        return None, "title after a noun"
    if after.speech == "term" and r is None and not enclosing and not speech_around:
        return None, "thought or description introduced with という"
    end = ms[chain_end + 1] if chain_end is not None and chain_end + 1 < c.n else None
    standalone = end is None or is_period(end) or is_comma(end) or end.surface == "など"   # 「…」など批判が
    if end is not None and end.surface in ("と", "って") and end.pos1 == "助詞":          # 「…」と話題に
        standalone = not (chain_end + 2 < c.n and ms[chain_end + 2].surface in "「『")  # 「A」と「B」: and
    if r is not None or enclosing or after.speech or headline is not None or standalone or speech_around:
        if br.one_word(ms, oi, ci) and not (r is not None and r.lemma in framing()["utterance_verbs"]):
            return "partial", "one word of a speaker (「あざとい」と話題)"
        if content_subject(ms, oi, ci, r):
            return "partial", "a predicate after its subject outside the brackets (交渉が「生産的だった」と評価)"
        return "direct", "clause"
    if shape == "clause" and label_after(c, ci) is not None:
        return "direct", "clause with a speaker label after it (「…」（幸恵さん）)"
    return None, "clause-like title (no speech around it)"


def content_subject(ms, oi: int, ci: int, r: Report | None) -> bool:
    """Xは、Yが「…」と非難した。: the bracket holds a predicate whose が subject Y stands right before it,
    a verb that judges someone (`evaluative_verbs`: 非難, 評価; not 語る or 答える, whose が subject is
    the speaker) closes it and ends the sentence, and the sentence's topic X, earlier, is who said it. Not when that verb is itself reported or subordinate (少年が「…」と約束したと報じた,
    記者が「…」と尋ねると: Y speaks), nor when the bracket has a subject of its own."""
    if r is None or r.lemma not in framing()["evaluative_verbs"] or oi < 2 \
            or not (ms[oi - 1].surface == "が" and ms[oi - 1].pos2 == "格助詞") or ms[oi - 2].pos1 != "名詞":
        return False
    if any(m.pos1 != "補助記号" for m in ms[r.end_i:]):
        return False
    if any(m.surface in ("は", "が") and m.pos1 == "助詞" for m in ms[oi + 1:ci]):
        return False
    return any(m.surface == "は" and m.pos2 == "係助詞" for m in ms[:oi - 1])


def channel_and_speaker(c: Clause) -> bool:
    """The sentence names a channel (SNSへの投稿で) and has a speaker phrase."""
    if getattr(c, "_channel_and_speaker", None) is None:
        spans = c.outside(c.ms[0].start, c.ms[-1].end)
        c._channel_and_speaker = c.ex.channel(spans) is not None and bool(c.choose(0, c.n, "bracket"))
    return c._channel_and_speaker


_AGE = re.compile(r"[0-9０-９]+\s*[歳才]")


def label_after(c: Clause, ci: int) -> Speaker | None:
    """「…よく眠れます」（幸恵さん） / 「…」（フォートラベル広報） / 「…」（木原官房長官）としている: a noun
    phrase in parentheses right after the bracket, ending the sentence or before the quotative と, labels
    its speaker (not （笑）, not an age alone)."""
    ms, n = c.ms, c.n
    k = ci + 1
    if k >= n or ms[k].surface not in ("（", "("):
        return None
    e = run_forward(ms, k + 1, n)
    if e <= k + 1 or e >= n or ms[e].surface not in ("）", ")") \
            or any(m.pos1 != "補助記号" for m in ms[e + 1:]) and not (e + 1 < n and is_quotative(ms[e + 1])):
        return None
    label = c.text[ms[k + 1].start:ms[e - 1].end]
    times = framing()["time_words"]
    if label in framing()["label_not_speaker"] or "：" in label or ":" in label \
            or label.endswith(tuple(framing()["place_suffixes"])) and ms[e - 1].pos3 != "人名" or not any(
            m.pos1 == "名詞" and m.pos2 != "数詞" and m.surface not in times and m.lemma not in times
            for m in ms[k + 1:e]):
        return None                                       # （笑）, （8月17日）, （品番：C18）, （茨城県筑西市）, not （中村）
    if _AGE.search(label) and not any(m["entity_type"] == "PERSON" for m in c.ex.mentions.within(ms[k + 1].start,
                                                                                                ms[e - 1].end)):
        return Speaker(ms[k + 1].start, ms[e - 1].end, None, None, "anonymous")   # （35歳・SE）: a respondent
    sp = c.ex.finder.phrase(ms, k + 1, e)
    if sp is None and any(m["entity_type"] in ("GPE", "LOC") for m in c.ex.mentions.within(ms[k + 1].start,
                                                                                           ms[e - 1].end)):
        return None                                       # （福島県田村郡三春町）: a place
    return sp or c.ex.finder.plain(ms, k + 1, e, k + 1)
