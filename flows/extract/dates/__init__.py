"""Date expressions resolved against the publication date.

`find_date_expressions(text)` finds what is written (18日, 19日遅く, 先週末,
今年2月, 24年11月, 11日前, 同日 …); `resolve_date(expr, published_at,
future=…, previous=…)` turns one into (date, precision) as the dataset
contract says. The word lists are `date_words.yaml`. Written here because
ja-timex cannot be installed beside prefect (its pendulum pin) and reads
two-digit years, 遅く/夜 and month roll-backs wrongly.
"""
from __future__ import annotations

from flows.extract.dates.calendar import UNRESOLVED, Resolved, resolve_date
from flows.extract.dates.expressions import DateExpr, date_anchor, find_date_expressions, may_hold_date

__all__ = ["DateExpr", "Resolved", "UNRESOLVED", "date_anchor", "find_date_expressions", "may_hold_date",
           "resolve_date"]
