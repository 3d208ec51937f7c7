"""hodo: Japanese news articles → open, validated, documented datasets."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"

_ROOT = Path(__file__).resolve().parent
_SCHEMAS = _ROOT.parent / "schemas"


@functools.cache
def pipeline_version() -> str:
    """A hash of the code and data that shape the release: any change to them changes it."""
    h = hashlib.sha256(__version__.encode())
    for base in (_ROOT, _SCHEMAS):
        for path in sorted(base.rglob("*")):
            if path.suffix in {".py", ".yaml", ".yml", ".csv", ".json", ".txt"} and "__pycache__" not in path.parts:
                h.update(path.relative_to(base.parent).as_posix().encode())
                h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
