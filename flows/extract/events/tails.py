"""The words after an event's predicate, up to its clause's end: negation (〜しなかった), modality
(〜する方針, 〜かもしれない), tense and aspect (した, している), and the verb of saying when the clause is
reported (…すると発表した)."""
from __future__ import annotations

from flows.extract.events.lexicon import cues
from flows.text.morphemes import Morpheme

STOPS = set("、。,，「」『』()（）!?！？")
LIMITERS = {"だけ", "ばかり", "のみ"}
# Verbs that only add aspect or modality to the predicate before them (続ける, かもしれない, 得る).
AUXILIARY_VERBS = {"居る", "来る", "仕舞う", "置く", "見る", "知れる", "得る", "続ける", "始める", "出す"}


def clause_tail(ms: list[Morpheme], p: int) -> tuple[list[Morpheme], str | None]:
    """Function words after predicate morpheme p up to the clause's end, and the reporting
    verb lemma when the clause is quoted (…と発表した)."""
    out: list[Morpheme] = []
    j = p + 1
    while j < len(ms):
        m = ms[j]
        if m.surface in STOPS or m.surface in LIMITERS:
            break
        quotative = m.pos1 == "助詞" and m.pos2 == "格助詞" and m.surface in ("と", "って")
        if quotative or m.pos1 == "助詞" and m.pos2 == "接続助詞" and m.surface == "と":
            for k in range(j + 1, min(j + 5, len(ms))):
                if ms[k].pos1 in ("名詞", "形状詞") and k + 1 < len(ms) and ms[k + 1].surface == "に" \
                        or ms[k].pos1 == "副詞":
                    continue  # …と正式に発表した, …と改めて表明した: an adverb, then the verb
                if ms[k].pos1 in ("動詞", "名詞") and ms[k].surface not in STOPS:
                    if quotative or ms[k].lemma in cues().decision_verbs or ms[k].lemma in cues().content_taking_verbs:
                        return out, ms[k].lemma   # (a と UniDic took for the conditional one, 科すと正式に発表)
                    break
            if quotative:
                return out, None
        if m.pos1 in ("名詞", "動詞", "形容詞") and m.pos2 not in ("非自立可能", "助動詞語幹") \
                and not (m.pos1 == "名詞" and m.pos2 == "普通名詞" and m.lemma in ("事", "積り", "訳")):
            if not (m.pos1 == "動詞" and m.lemma in AUXILIARY_VERBS):
                break
        out.append(m)
        j += 1
    return out, None


def is_negated(tail: list[Morpheme]) -> bool:
    c = cues()
    text = "".join(m.surface for m in tail)
    masked = text
    for f in c.false_negation_list:
        masked = masked.replace(f, "#" * len(f))
    pos = 0
    for m in tail:
        here = masked[pos:pos + len(m.surface)]
        pos += len(m.surface)
        if "#" in here:
            continue
        if m.pos1 == "助動詞" and m.lemma in c.negation_lemmas:
            return True
        if m.pos1 == "形容詞" and m.lemma == "無い":
            return True
    return False


def tail_modality(tail: list[Morpheme], pred: Morpheme | None = None) -> str | None:
    c = cues()
    text = "".join(m.surface for m in tail)
    conditional = any(m.cform.startswith("仮定形") for m in tail) or pred is not None and pred.cform.startswith("仮定形")
    if conditional or any(w in text for w in c.hypothetical_list) or any(m.lemma in ("得る",) for m in tail) \
            or text.startswith("には"):
        return "hypothetical"
    if any(w in text for w in c.planned_list) or any(m.pos1 == "助動詞" and m.lemma in ("たい", "う", "よう")
                                                     for m in tail):
        return "planned"
    return None


def is_past(tail: list[Morpheme]) -> bool:
    return any(m.pos1 == "助動詞" and m.lemma == "た" for m in tail)


def is_progressive(tail: list[Morpheme]) -> bool:
    text = "".join(m.surface for m in tail)
    return any(text.startswith(w) or w in text for w in cues().progressive_list)
