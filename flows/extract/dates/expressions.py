"""Find date expressions in text: 18日, 19日遅く, 先週末, 今年2月, 24年11月, 11日前, 同日 ….

One compiled regex, built once from `date_words.yaml`, runs over the
width-folded text (`fold_width` maps one character to one, so offsets found
in the folded text are offsets into the original). Each match becomes a
`DateExpr` holding what was written and the parts needed to resolve it;
resolving against a publication date is `calendar.resolve_date`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from flows.text.normalise import fold_width

DATA = Path(__file__).with_name("date_words.yaml")
_WIDE = re.compile("[\uff10-\uff19\uff08\uff09]")  # only full-width digits and （） matter here


@dataclass(frozen=True)
class DateExpr:
    """A date expression as written, with offsets into the searched text.

    kind: `absolute` (year given: 2022年2月24日, 24年11月, 14年), `month_day` (2月24日), `month` (8月),
    `day` (18日, 14〜16日), `relative` (先週, 今年2月, 昨日), `ago` (11日前), `anaphoric` (同日, 翌日).
    """
    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None      # relative/ago: day, week, month, year
    offset: int = 0              # relative: periods from publication; ago: how many back; anaphoric: days
    month_part: bool = False     # 上旬/下旬/末: keeps month precision even with a day-less month
    refers: str = "expression"   # anaphoric: the preceding date `expression` or dated `event`


@cache
def date_words() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def date_pattern() -> re.Pattern[str]:
    w = date_words()
    no_date = _alt(w["not_a_date_after"])
    tod = _alt(w["time_of_day"])
    parts = _alt(w["month_parts"])
    year_parts = _alt(w["year_parts"])
    weekday = r"(?:\([月火水木金土日](?:・祝)?\))?"
    tail = rf"{weekday}(?:{tod})?"
    # numbers are never glued to a preceding digit, decimal point or 第
    nb = r"(?<![\d.第])"
    # a digit after 日 makes a count (1日2回), unless it starts a clock time (21日21時46分; not 2時間)
    day_end = rf"(?!{no_date}|前|\d(?!\d?時(?!間)))"
    ymd = (rf"{nb}(?P<y>\d{{4}}|\d{{2}})年(?!{no_date}|前|\d+[カかヶケ]月)"
           rf"(?:(?P<ym>\d{{1,2}})月(?:(?P<yd>\d{{1,2}})日{day_end}|(?P<ympart>{parts}))?|{year_parts})?")
    md = rf"{nb}(?P<m>\d{{1,2}})月(?:(?P<md>\d{{1,2}})日{day_end}|(?P<mpart>{parts})|(?!{no_date}|\d|曜))"
    day = rf"{nb}(?:(?P<d_from>\d{{1,2}})日?(?:[〜~～\-–]|から))?(?P<d>\d{{1,2}})日{day_end}"
    ago = rf"{nb}(?P<n>\d{{1,3}})(?P<agounit>{_alt(w['ago_units'])})前(?!半)"
    rel = rf"(?P<rel>{_alt(w['relative'])})(?!本)(?:(?P<relm>\d{{1,2}})月(?:(?P<reld>\d{{1,2}})日{day_end}|(?P<relpart>{parts}))?|(?P<relend>{parts}))?"
    ana = rf"(?P<ana>{_alt(w['anaphoric'])})(?!本)"
    body = "|".join(f"(?:{p})" for p in (ymd, ago, rel, ana, md, day))
    return re.compile(rf"(?:{body}){tail}")


@cache
def date_anchor() -> re.Pattern[str]:
    """Every date expression holds one of these: a cheap test before the full pattern."""
    w = date_words()
    kana = [k for k in list(w["relative"]) + list(w["anaphoric"]) if not re.search("[日週月年]", k)]
    return re.compile("[日週月年]" + "".join(f"|{re.escape(k)}" for k in kana))


def may_hold_date(text: str, start: int = 0, end: int | None = None) -> bool:
    """False when text[start:end] cannot hold a date expression (most sentences)."""
    return date_anchor().search(text, start, len(text) if end is None else end) is not None


def _windows(text: str, before: int = 12, after: int = 14) -> list[tuple[int, int]]:
    """Stretches around each 日/週/月/年 (or kana date word): the full pattern runs only there.
    Lookbehinds still see the text before a stretch; `after` covers the longest tail
    (日(火・祝)夜遅く) and the lookaheads that follow it."""
    spans: list[tuple[int, int]] = []
    for m in date_anchor().finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def find_date_expressions(text: str) -> list[DateExpr]:
    """Every date expression in `text`, left to right, offsets into `text`."""
    w = date_words()
    out: list[DateExpr] = []
    folded = fold_width(text) if _WIDE.search(text) else text
    pattern = date_pattern()
    matches = (m for lo, hi in _windows(folded) for m in pattern.finditer(folded, lo, hi))
    for m in matches:
        start, end = m.start(), m.end()
        g = m.groupdict()
        written = text[start:end]
        if g["y"]:
            year = int(g["y"])
            if len(g["y"]) == 2:
                year += 2000
            month = int(g["ym"]) if g["ym"] else None
            dday = int(g["yd"]) if g["yd"] else None
            out.append(DateExpr(start, end, written, "absolute", year, month, dday, month_part=bool(g["ympart"])))
        elif g["n"]:
            out.append(DateExpr(start, end, written, "ago", unit=w["ago_units"][g["agounit"]], offset=int(g["n"])))
        elif g["rel"]:
            rel = w["relative"][g["rel"]]
            month = int(g["relm"]) if g["relm"] else None
            dday = int(g["reld"]) if g["reld"] else None
            out.append(DateExpr(start, end, written, "relative", month=month, day=dday, unit=rel["unit"],
                                offset=rel["offset"], month_part=bool(g["relpart"] or g["relend"])))
        elif g["ana"]:
            ana = w["anaphoric"][g["ana"]]
            out.append(DateExpr(start, end, written, "anaphoric", offset=ana["offset"], refers=ana["refers"]))
        elif g["m"]:
            month = int(g["m"])
            if g["md"]:
                out.append(DateExpr(start, end, written, "month_day", month=month, day=int(g["md"])))
            else:
                out.append(DateExpr(start, end, written, "month", month=month, month_part=bool(g["mpart"])))
        elif g["d"]:
            first = int(g["d_from"]) if g["d_from"] else int(g["d"])
            out.append(DateExpr(start, end, written, "day", day=first))
    return [e for e in out if _plausible(e)]


def _plausible(e: DateExpr) -> bool:
    if e.month is not None and not 1 <= e.month <= 12:
        return False
    if e.day is not None and not 1 <= e.day <= 31:
        return False
    if e.kind == "absolute" and not 1900 <= e.year <= 2100:
        return False
    return True
