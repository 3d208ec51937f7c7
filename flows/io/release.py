"""Writing a release atomically, one run at a time.

The files are written to a staging folder beside the output folder, synced,
then swapped in: on Linux one `renameat2(RENAME_EXCHANGE)` call exchanges
the two folders atomically; elsewhere two renames, with recovery of the
previous release at the next start if a run died between them. Readers see
the old release or the new one, never a mix. A lock file beside the output
folder (`flock`, released by the kernel when a process dies, so a killed run
leaves no stale lock) serialises runs.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class ReleaseLocked(RuntimeError):
    pass


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _siblings(out: Path) -> tuple[Path, Path, Path]:
    return (out.with_name(f".{out.name}.staging"), out.with_name(f".{out.name}.previous"),
            out.with_name(f".{out.name}.lock"))


def recover(out: Path) -> None:
    """Undo what a run killed mid-publish left behind."""
    staging, previous, _ = _siblings(out)
    if previous.exists() and not out.exists():
        previous.rename(out)
    for leftover in (staging, previous):
        if leftover.exists():
            shutil.rmtree(leftover)


@contextlib.contextmanager
def release_lock(out: Path, timeout: float = 600.0, poll: float = 0.2) -> Iterator[None]:
    """Hold the output folder's lock; wait up to `timeout` seconds for another run to finish."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _, _, lock_path = _siblings(out)
    with open(lock_path, "a+") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ReleaseLocked(f"another hodo run holds {lock_path} (waited {timeout:.0f} s)") from None
                time.sleep(poll)
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n")
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class ReleaseWriter:
    """Writes a release file by file into the staging folder; `commit` swaps it in atomically.

    Use as a context manager: leaving it without a commit (an exception, nothing to publish) removes
    the staging folder and leaves the previous release as it was. Call under the lock."""

    def __init__(self, out: Path):
        self.out = out.absolute()
        recover(self.out)
        self.staging = _siblings(self.out)[0]
        self.staging.mkdir(parents=True)
        self.written: dict[str, dict] = {}
        self.committed = False

    def write(self, rel: str, data: bytes) -> None:
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        self.written[rel] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

    def commit(self) -> None:
        for folder in {(self.staging / rel).parent for rel in self.written}:
            _fsync_dir(folder)
        staging, previous, _ = _siblings(self.out)
        if not self.out.exists():
            staging.rename(self.out)
        elif _exchange(staging, self.out):
            shutil.rmtree(staging)
        else:
            self.out.rename(previous)
            staging.rename(self.out)
            shutil.rmtree(previous)
        _fsync_dir(self.out.parent)
        self.committed = True

    def __enter__(self) -> ReleaseWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self.committed and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)


def write_release(out: Path, files: dict[str, bytes]) -> None:
    """Replace the release in `out` by `files` (relative path → bytes), atomically. Call under the lock."""
    with ReleaseWriter(out) as writer:
        for rel, data in files.items():
            writer.write(rel, data)
        writer.commit()
