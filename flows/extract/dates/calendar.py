"""Resolve a date expression to a calendar date and a precision.

Relative expressions resolve against the publication date, as the dataset
contract says: `18日` is the most recent 18th on or before publication
(rolling back a month, or a year, when the 18th is still to come), unless
the event is announced as future, then the next one on or after it. Weeks
resolve to their Monday, months to the 1st, years to 1 January. Without a
publication date only expressions that carry their own year resolve.
"""
from __future__ import annotations

import datetime as dt

from flows.extract.dates.expressions import DateExpr

Resolved = tuple[dt.date | None, str]
UNRESOLVED: Resolved = (None, "unknown")


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def nearest_day(day: int, published: dt.date, future: bool) -> dt.date | None:
    """The `day`-th of a month nearest to publication: on or before it, or on or after it when `future`."""
    step = 1 if future else -1
    year, month = published.year, published.month
    for _ in range(13):  # a 31st is at most a couple of months away
        candidate = _valid(year, month, day)
        if candidate and (candidate >= published if future else candidate <= published):
            return candidate
        year, month = _shift_month(year, month, step)
    return None


def nearest_month_day(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    step = 1 if future else -1
    for year in (published.year, published.year + step, published.year + 2 * step):
        candidate = _valid(year, month, day)
        if candidate and (candidate >= published if future else candidate <= published):
            return candidate
    return None


def nearest_month(month: int, published: dt.date, future: bool) -> dt.date:
    this_month = published.replace(day=1)
    candidate = dt.date(published.year, month, 1)
    if future and candidate < this_month:
        return candidate.replace(year=published.year + 1)
    if not future and candidate > this_month:
        return candidate.replace(year=published.year - 1)
    return candidate


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _back(published: dt.date, unit: str, n: int) -> Resolved:
    if unit == "day":
        return published - dt.timedelta(days=n), "day"
    if unit == "week":
        return _monday(published - dt.timedelta(weeks=n)), "week"
    if unit == "month":
        year, month = _shift_month(published.year, published.month, -n)
        return dt.date(year, month, 1), "month"
    return dt.date(published.year - n, 1, 1), "year"


def resolve_date(expr: DateExpr, published: dt.date | None, *, future: bool = False,
                 previous: Resolved | None = None) -> Resolved:
    """(date, precision) of `expr`.

    `future`: the event is announced, not yet happened (a day of month then resolves forward).
    `previous`: the resolution of the preceding date in the text, for 同日/翌日.
    """
    kind = expr.kind
    if kind == "absolute":
        if expr.month is None:
            return dt.date(expr.year, 1, 1), "year"
        if expr.day is None:
            return dt.date(expr.year, expr.month, 1), "month"
        date = _valid(expr.year, expr.month, expr.day)
        return (date, "day") if date else UNRESOLVED
    if kind == "anaphoric":
        if not previous or previous[0] is None:
            return UNRESOLVED
        date, precision = previous
        if expr.offset == 0:
            return date, precision
        return (date + dt.timedelta(days=expr.offset), "day") if precision == "day" else UNRESOLVED
    if published is None:
        return UNRESOLVED
    if kind == "day":
        date = nearest_day(expr.day, published, future)
        return (date, "day") if date else UNRESOLVED
    if kind == "month_day":
        date = nearest_month_day(expr.month, expr.day, published, future)
        return (date, "day") if date else UNRESOLVED
    if kind == "month":
        return nearest_month(expr.month, published, future), "month"
    if kind == "ago":
        return _back(published, expr.unit, expr.offset)
    if kind == "relative":
        return _relative(expr, published)
    return UNRESOLVED


def _relative(expr: DateExpr, published: dt.date) -> Resolved:
    unit, offset = expr.unit, expr.offset
    if unit == "day":
        return published + dt.timedelta(days=offset), "day"
    if unit == "week":
        return _monday(published) + dt.timedelta(weeks=offset), "week"
    if unit == "month":
        year, month = _shift_month(published.year, published.month, offset)
        return dt.date(year, month, 1), "month"
    year = published.year + offset  # 今年2月, 昨年11月, 来年
    if expr.month is None:
        return dt.date(year, 1, 1), "year"
    if expr.day is None:
        return dt.date(year, expr.month, 1), "month"
    date = _valid(year, expr.month, expr.day)
    return (date, "day") if date else UNRESOLVED
