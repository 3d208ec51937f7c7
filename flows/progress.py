"""Progress of a run, for whoever is watching: a no-op unless the CLI installs a reporter."""
from __future__ import annotations

from collections.abc import Callable

_reporter: Callable[[str, int, int], None] | None = None


def set_reporter(fn: Callable[[str, int, int], None] | None) -> None:
    global _reporter
    _reporter = fn


def report(stage: str, done: int, total: int) -> None:
    if _reporter is not None:
        _reporter(stage, done, total)
