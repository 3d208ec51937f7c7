"""Finding the raw files: what is read, what is refused, and why.

Files are found recursively under the raw folder and named by their path
relative to it, with `/` separators. Symbolic links are never followed (a
link could point anywhere on the machine); hidden files (`.name`) are
skipped; files over the size limit are refused (hashed in blocks, never
loaded whole); a corpus's own documentation (README, LICENSE, CHANGES …)
is refused as not an article.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from flows.ingest.articles import Rejection
from flows.ingest.sources import SIDECAR_NAME

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Files that document a corpus rather than hold an article (the livedoor corpus ships LICENSE.txt
# in every folder, and README.txt and CHANGES.txt at its top).
DOCUMENTATION_FILE = re.compile(r"^(?:README|LICENSE|LICENCE|COPYING|CHANGES|CHANGELOG|NOTICE|AUTHORS)(?:\.\w+)?$",
                                re.IGNORECASE)


class RawDirProblem(RuntimeError):
    """The raw folder is missing, not a folder, or holds nothing to read."""


@dataclass(frozen=True)
class RawFile:
    source_file: str
    path: str
    size: int
    sha256: str


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def scan_raw_dir(raw: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[RawFile], list[Rejection]]:
    if not raw.exists():
        raise RawDirProblem(f"the raw folder {raw} does not exist; put article files there or pass --raw DIR; "
                            "the previous release is left as it was")
    if not raw.is_dir():
        raise RawDirProblem(f"{raw} is not a folder; the previous release is left as it was")
    files: list[RawFile] = []
    rejected: list[Rejection] = []
    for folder, dirnames, filenames in os.walk(raw, followlinks=False):
        base = Path(folder)
        for d in list(dirnames):
            if d.startswith(".") or (base / d).is_symlink():
                if (base / d).is_symlink():
                    rel = (base / d).relative_to(raw).as_posix()
                    rejected.append(Rejection(rel, "", "", "a symbolic link to a folder; links are not followed"))
                dirnames.remove(d)
        dirnames.sort()
        for name in sorted(filenames):
            path = base / name
            rel = path.relative_to(raw).as_posix()
            if name.startswith(".") or rel == SIDECAR_NAME:
                continue
            if path.is_symlink():
                rejected.append(Rejection(rel, "", "", "a symbolic link; links are not followed, copy the file "
                                          "into the raw folder instead"))
                continue
            if not path.is_file():
                rejected.append(Rejection(rel, "", "", "not a regular file"))
                continue
            try:
                size = path.stat().st_size
                sha = file_sha256(path)
            except OSError as err:
                rejected.append(Rejection(rel, "", "", f"the file could not be read: {err.strerror}"))
                continue
            if DOCUMENTATION_FILE.match(name):
                rejected.append(Rejection(rel, "", sha, "a corpus documentation file (README, LICENSE …), not an "
                                          "article"))
            elif size > max_bytes:
                rejected.append(Rejection(rel, "", sha, f"the file is {size:,} bytes, over the limit of "
                                          f"{max_bytes:,} (raise it with --max-bytes)"))
            else:
                files.append(RawFile(rel, str(path), size, sha))
    files.sort(key=lambda f: f.source_file)
    return files, rejected


def read_sidecar(raw: Path) -> str | None:
    path = raw / SIDECAR_NAME
    if not path.is_file() or path.is_symlink():
        return None
    return path.read_bytes().decode("utf-8-sig", errors="replace")
