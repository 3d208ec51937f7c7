"""Brackets that may hold quotes, and what their content and surroundings say they are.

Brackets are matched per block with the sentence splitter's `matched_pairs`,
so an unbalanced 「 or 」 is ignored and never swallows the following text;
a pair longer than `MAX_QUOTE_CHARS` is refused rather than guessed. Only
outermost 「」 and 『』 are candidates: a 『』 nested inside a 「」 belongs to it.

`shape` tells what the content is: `clause` (ends in a finite form, a
sentence-final particle or an inner full stop: said words), `modifier` (ends
in an attributive form before a noun: 「率直かつ非常に有意義な」話し合い),
`phrase` (an adverb or adjective stem: 「直ちに」), or `nominal`. Whether a
nominal is a partial quote or a name/term depends on its surroundings (see
`classify` in __init__).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.extract.quotes.lexicon import brackets as lexicon
from flows.extract.quotes.lexicon import framing
from flows.extract.quotes.tokens import is_attributive, is_particle, is_sahen_noun, quotative_after
from flows.text.document import Document
from flows.text.morphemes import Morpheme
from flows.text.sentences import matched_pairs

MAX_QUOTE_CHARS = 600
INNER_STOP = re.compile(r"[。！？!?](?=.)", re.DOTALL)
HIRAGANA = re.compile(r"[\u3041-\u309f]")
NAME_MARKS = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９・･\s]")
ASKING = ("聞く", "訊く")                                # 「…」と訊かれると: asked by someone else
CASE_PARTICLES = ("を", "が", "に", "で", "へ", "と", "から", "より")
LAUGHTER = re.compile(r"^[ｗwＷW笑]+$")                 # …なんだなｗ: a final mark, like ！
CLAUSE_LINKS = ("が", "けど", "けれど", "けれども", "から", "し", "ので", "のに")


@dataclass
class Bracket:
    open: int        # offset of 「 or 『
    close: int       # offset of 」 or 』
    start: int       # content span (inside the brackets, whitespace stripped)
    end: int
    sentence: int


def quote_brackets(doc: Document) -> dict[int, list[Bracket]]:
    """Outermost 「」/『』 pairs of every block, by the index of the sentence they open in."""
    out: dict[int, list[Bracket]] = {}
    for b_start, b_end, _kind in doc.block_spans:
        block = doc.text[b_start:b_end]
        if "「" not in block and "『" not in block:
            continue
        pairs = [(o, c) for o, c in matched_pairs(block) if block[o] in "「『"]
        last_close = -1
        for o, c in pairs:                      # sorted by opener: nested pairs follow their parent
            if o < last_close:
                continue
            last_close = c
            if c - o - 1 > MAX_QUOTE_CHARS:
                continue
            start, end = b_start + o + 1, b_start + c
            while start < end and doc.text[start].isspace():
                start += 1
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            sentence = doc.sentence_at(b_start + o)
            if sentence < 0:
                continue
            out.setdefault(sentence, []).append(Bracket(b_start + o, b_start + c, start, end, sentence))
    return out


# A formal noun that ends a spoken sentence after its predicate (…しないもん); こと and もの are left
# out: 「聞き逃してしまうこと」 and 「大事なもの」 name things more often than they end an utterance.
FORMAL_ENDINGS = ("もん",)


def shape(ms: list[Morpheme], oi: int, ci: int, text: str) -> str:
    """`clause`, `modifier`, `phrase` or `nominal`: what the content between ms[oi] and ms[ci] is."""
    inner = text[ms[oi].end:ms[ci].start]
    if INNER_STOP.search(inner.rstrip("。！？!?…」』 　")):
        return "clause"
    j, final = ci - 1, False
    while j > oi and (ms[j].pos1 == "補助記号" or ms[j].pos1 == "助詞" and ms[j].pos2 == "終助詞"
                      or ms[j].pos1 == "空白" or LAUGHTER.match(ms[j].surface)):
        final = final or ms[j].pos1 == "助詞" or ms[j].surface in "！？!?" or bool(LAUGHTER.match(ms[j].surface))
        j -= 1
    if j <= oi:
        return "nominal"
    if final or ms[j].surface == "か" and ms[j].pos1 == "助詞":
        return "clause"                                        # …はお前か: a question
    m = ms[j]
    after = ms[ci + 1] if ci + 1 < len(ms) else None
    if m.pos1 in ("動詞", "形容詞", "助動詞"):
        if m.pos1 == "助動詞" and m.lemma == "だ" and m.cform.startswith("連体形"):
            return "modifier"                                  # 有意義な
        if m.pos1 == "助動詞" and m.lemma == "だ" and m.cform.startswith("連用形-ニ"):
            return "phrase"                                    # 正式に
        if is_attributive(m) and after is not None and after.pos1 in ("名詞", "接頭辞"):
            return "modifier"
        return "clause"
    if m.pos1 == "名詞":
        if is_sahen_noun(m) and j - 1 > oi and is_particle(ms[j - 1], *CASE_PARTICLES):
            return "clause"                                    # 交渉を開始 (verb left out)
        if m.surface in FORMAL_ENDINGS and j - 1 > oi and ms[j - 1].pos1 in ("動詞", "形容詞", "助動詞"):
            return "clause"                                    # …理解しようとしないもん: a predicate, then もん
        return "clause" if _predicate_noun(ms, oi, j) or _utterance(ms, oi, j) else "nominal"
    if m.pos1 == "助詞" and (m.pos2 == "接続助詞" or ms[j - 1].pos1 in ("動詞", "助動詞", "形容詞")):
        return "clause"                                        # カッコ悪くて…, …わけじゃないんですけど, …のでは
    if m.surface in ("って", "と") and m.pos1 == "助詞" and ms[j - 1].surface in ("”", "』", "」", "\""):
        return "clause"                                        # 一言“死にたい”って: words reported in the words
    if m.pos1 in ("形状詞", "副詞", "助詞"):
        return "clause" if _utterance(ms, oi, j) else "phrase"
    if m.pos1 == "感動詞":
        return "clause"
    return "nominal"


def one_word(ms: list[Morpheme], oi: int, ci: int) -> bool:
    """「あざとい」, 「怖い」: a single adjective, a word taken from the speaker rather than a clause."""
    inner = [m for m in ms[oi + 1:ci] if m.pos1 not in ("補助記号", "空白")]
    return len(inner) == 1 and inner[0].pos1 == "形容詞"


def name_like(ms: list[Morpheme], oi: int, ci: int, text: str) -> bool:
    """A nominal that reads as a proper name: no kana particles, and Latin, digits, ・ or a proper noun."""
    inner = text[ms[oi].end:ms[ci].start]
    if HIRAGANA.search(inner):
        return False
    return bool(NAME_MARKS.search(inner)) or any(m.pos2 == "固有名詞" for m in ms[oi + 1:ci])


def category_before(ms: list[Morpheme], oi: int, text: str, speaking: bool = False) -> bool:
    """A category noun right before the bracket: 映画「…」, SNS「…」, テーマソング「…」; with speaking,
    one of those that can speak (ニュースサイト「…」が, 週刊誌「…」は)."""
    if oi == 0 or ms[oi - 1].pos1 not in ("名詞", "接尾辞"):
        return False
    return text.endswith(_categories("speaking_categories" if speaking else "category_nouns"), 0, ms[oi - 1].end)


def category_topic(ms: list[Morpheme], oi: int, ci: int, text: str) -> bool:
    """テーマは「結束の１本線」。 / タイトルは「…」だ: a category noun as topic, the bracket as its value."""
    if oi < 2 or not (ms[oi - 1].surface in ("は", "も") and ms[oi - 1].pos2 == "係助詞"):
        return False
    if not category_before(ms, oi - 1, text):
        return False
    k = ci + 1
    while k < len(ms) and ms[k].pos1 == "助動詞" and ms[k].lemma in ("だ", "です"):
        k += 1
    return k >= len(ms) or ms[k].pos1 == "補助記号" and ms[k].pos2 in ("句点", "読点")


def ends_in_category(ms: list[Morpheme], oi: int, ci: int) -> bool:
    """「2ヶ月間集中！ ヘルスケアダイエットプロジェクト」, 「…企業特集」: content ending in a category
    noun (two characters or more) with no topic of its own is the name of that thing."""
    j = ci - 1
    while j > oi and ms[j].pos1 in ("補助記号", "空白"):
        j -= 1
    m = ms[j]
    if j <= oi or m.pos1 != "名詞" or len(m.surface) < 2 or m.surface not in lexicon()["category_nouns"]:
        return False
    return not any(x.pos1 == "助詞" and x.pos2 == "係助詞" for x in ms[oi + 1:j])


@cache
def _categories(key: str) -> tuple[str, ...]:
    return tuple(sorted(lexicon()[key], key=len, reverse=True))


def noun_before(ms: list[Morpheme], oi: int) -> bool:
    return oi > 0 and ms[oi - 1].pos1 in ("名詞", "接尾辞") and ms[oi - 1].end == ms[oi].start


def naming_after(ms: list[Morpheme], ci: int) -> bool:
    """「…」と題し, 「…」と名付けた, 「…」として紹介: the bracket is a title or a label."""
    k = ci + 1
    if k < len(ms) and ms[k].surface == "と" and k + 1 < len(ms):
        if ms[k + 1].lemma == "為る" and k + 2 < len(ms) and ms[k + 2].surface == "て":
            return not (k + 3 < len(ms) and ms[k + 3].lemma == "居る")   # 「…」としている: a statement
        return ms[k + 1].lemma in lexicon()["naming_verbs"]
    return False


def passive_after(ms: list[Morpheme], ci: int) -> tuple[int, int] | None:
    """「…」と言われた, 「…」と日本語で店員に声をかけられる, 「…」と批判を受けていた: words said to the
    subject, not by it. (index of the verb, index of the に/から after its agent or -1), or None."""
    n, k = len(ms), quotative_after(ms, ci)
    if k is None:
        return None
    agent = -1
    for j in range(k + 1, min(k + 12, n)):
        m = ms[j]
        if m.pos1 == "補助記号" and m.pos2 in ("句点", "括弧開"):
            return None
        if is_particle(m, "に", "から") and ms[j - 1].pos1 in ("名詞", "接尾辞") and j > k + 1:
            agent = j                                           # 店員に声をかけられる: the agent
        if m.pos1 == "動詞":
            passive = any(x.pos1 == "助動詞" and x.lemma in ("れる", "られる") for x in ms[j + 1:j + 3])
            received = m.lemma in lexicon()["receiving_verbs"] and is_particle(ms[j - 1], "を", "も") \
                and ms[j - 2].surface in framing()["speech_nouns"]     # と批判を受けた
            return (j, agent) if passive or received else None
    return None


def _utterance(ms: list[Morpheme], oi: int, j: int) -> bool:
    """Content ending in a noun, an adjective stem or an adverb (ms[j]) that is still a clause, a
    full utterance rather than a phrase: it has a topic (米国の立場は明確, 夜も痛恨のエラー), a clause
    that ends before it (…思ったが超保守的, 子供作るなとあれほど), a predicate whose auxiliary
    stem ends it (離婚しそう), …のに, a noun with its adjective stem (新ロゴ微妙), or a clause linked by
    a comma to more (辛いので、キャベツと一緒にどうぞ; but 非常に良い、生産的なもの is one phrase)."""
    m, prev = ms[j], ms[j - 1]
    if m.pos1 == "形状詞" and m.pos2 == "助動詞語幹" and prev.pos1 in ("動詞", "形容詞", "助動詞"):
        return True
    if is_particle(m, "に") and j - 2 > oi and prev.pos2 == "準体助詞" and ms[j - 2].pos1 in ("動詞", "形容詞",
                                                                                          "助動詞"):
        return True
    if m.pos1 == "形状詞" and m.pos2 == "一般" and prev.pos1 == "名詞" and j - 1 > oi:
        return True
    depth = 0
    for k in range(oi + 1, j):
        x = ms[k]
        depth += (x.surface in "（(『「") - (x.surface in "）)』」")
        if depth > 0:
            continue
        if x.pos1 == "助詞" and x.pos2 == "係助詞" and x.surface in ("は", "も") and k > oi + 1:
            return True
        if x.pos1 in ("動詞", "形容詞", "助動詞") and x.cform.startswith("終止形") and (
                ms[k + 1].pos2 == "終助詞" or ms[k + 1].pos2 == "接続助詞" and ms[k + 1].surface in CLAUSE_LINKS):
            return True
        if (x.pos1 in ("動詞", "助動詞") and x.cform.startswith("連用形") or x.pos2 == "接続助詞") \
                and ms[k + 1].pos2 == "読点" and k + 2 < j:
            return True                                        # 辛いので、…どうぞ: a clause, then more
    return False


def _predicate_noun(ms: list[Morpheme], oi: int, j: int) -> bool:
    """…ことが前提: a subject, then only nouns to the end (a clause whose copula is left out)."""
    for k in range(j - 1, oi, -1):
        m = ms[k]
        if m.pos1 in ("動詞", "形容詞", "助動詞") or m.pos1 == "補助記号" and m.surface in "」』":
            return False
        if is_particle(m, "が", "は") and m.pos2 in ("格助詞", "係助詞"):
            return True
    return False


def thought_after(ms: list[Morpheme], ci: int) -> bool:
    """「…」と感じていた, 「…」と上司は期待していた: the first predicate after と is one of thought."""
    k = quotative_after(ms, ci)
    if k is None:
        return False
    thought = lexicon()["thought_verbs"]
    if k + 1 < len(ms) and ms[k + 1].surface == "の" and ms[k + 1].pos1 == "助詞":
        return False                                           # との見方を示した: a noun, not a verb of thought
    for j in range(k + 1, min(k + 8, len(ms))):
        m = ms[j]
        if m.pos1 in ("動詞", "形容詞") or m.pos1 == "名詞" and m.pos3.startswith("サ変") and m.lemma in thought:
            wish = any(x.lemma == "たい" and x.pos1 == "助動詞" for x in ms[j + 1:j + 4])
            return m.lemma in thought or wish                  # と振り返りたくなる: nobody said it
        if m.pos1 == "補助記号" and m.pos2 in ("句点", "括弧開"):
            return False
    return False
