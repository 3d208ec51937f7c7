"""The channel of a statement, from cue words in its clause (記者団に, 声明で, SNSに投稿)."""
from __future__ import annotations

from functools import cache

from flows.extract.quotes.lexicon import channel_cues, channel_pattern, speakers

X_PLATFORM = "social_media"


@cache
def _priority() -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for rank, (cue, channel) in enumerate(channel_cues()):
        out.setdefault(cue, (rank, channel))
    return out


@cache
def _x_rank() -> int:
    return min(r for r, c in _priority().values() if c == X_PLATFORM)


def channel_in(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The highest-priority channel cued in text[a:b] for the given spans, or None."""
    best: tuple[int, str] | None = None
    pattern, priority = channel_pattern(), _priority()
    x_rank = _x_rank()
    for a, b in spans:
        if a >= b:
            continue
        for m in pattern.finditer(text, a, b):
            hit = priority.get(m.group(), (x_rank, X_PLATFORM))
            if best is None or hit[0] < best[0]:
                best = hit
    return best[1] if best else None


def media_name(speaker_text: str | None) -> bool:
    """Is this the name of a news outlet (…紙, …通信, 同紙)?"""
    return bool(speaker_text) and speaker_text.endswith(speakers()["media_suffixes"])


def is_media(speaker_text: str | None, entity_type: str | None) -> bool:
    """Does the speaker look like a news organisation (for 伝える → report)?"""
    return media_name(speaker_text) or entity_type == "ORG"
