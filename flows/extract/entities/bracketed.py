"""Organisations named in brackets after the word for their kind: `IT企業「ネクストウェーブ」`,
`ロックバンド「クイーン」`, `政治団体「NHKから国民を守る党」`. The kind word says the bracket holds a name,
not a programme, a slogan or a title (`「ジオストラテジー・ノース」プログラム` stays no mention), so the
whole bracket content is one ORG, the catalog's if it knows the name; names the rules found inside it
(日本 in 「日本保守党」) give way to it."""
from __future__ import annotations

import re

from flows.extract.entities.lexicon import lexicon
from flows.extract.entities.names import entity_candidate
from flows.extract.entities.view import Candidate, TextView

# the name, and an aside in parentheses after it (「ＭＩＬＩＥ（ミライエ）」: a reading, an acronym) left out
_BRACKETED = re.compile(r"「([^「」。、！？!?\s（）()]{1,25})(?:[（(][^「」（）()]{1,20}[）)])?」")
# digits alone, or a clause: a particle, then a hiragana ending (「人を大切にする」 is a motto)
_NOT_NAME = re.compile(r"^[0-9０-９]+$|[はがをに].*[ぁ-ゖ]$")


def bracketed_org_candidates(view: TextView, found: list[Candidate]) -> list[Candidate]:
    """`<kind>「X」`: X is an organisation when the word before the bracket ends in an organisation kind."""
    text = view.text
    kinds = lexicon().bracketed_org_kinds
    out: list[Candidate] = []
    if "「" not in text:
        return out
    for hit in _BRACKETED.finditer(text):
        start, end = hit.span(1)
        if not text.endswith(kinds, max(0, hit.start() - 8), hit.start()) or _NOT_NAME.search(hit.group(1)):
            continue
        if view.sentence_of(hit.start(), hit.end()) < 0:
            continue
        if view.absorb(found, start, end) is None or not view.is_free(start, end):
            continue
        view.take(start, end)
        out.append(entity_candidate(view, start, end, "ORG", "bracket", fixed=True))
    return out
