"""English names for inferred entities: a romanisation of the Japanese name
(cutlet, Hepburn), part by part for names joined by ・ (クリスティン・ベルジナ →
Kurisutin Berujina). Loaded lazily: most articles infer few names."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

_local = threading.local()


def _cutlet():
    k = getattr(_local, "cutlet", None)
    if k is None:
        import cutlet

        k = _local.cutlet = cutlet.Cutlet()
        k.use_foreign_spelling = False  # loan-word spellings misread names (リアナ → "Ris announcer")
    return k


@lru_cache(maxsize=65536)
def romanise(name: str) -> str:
    parts = [p for p in re.split(r"[・=＝\s]+", name) if p]
    out = []
    for part in parts:
        if part.isascii():
            out.append(part)
            continue
        r = _cutlet().romaji(part).replace("/", " ").strip()
        out.append(" ".join(w[:1].upper() + w[1:] for w in r.split()))
    return " ".join(out) or name
