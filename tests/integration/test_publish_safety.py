"""A failed or killed run never costs the last good release; runs on one output take turns.

The runs here are real `hodo run` processes (talking to the test session's Prefect server), killed
with SIGKILL at chosen points of the publish by a small wrapper that pauses there.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flows.io.readback import check_release_dir
from flows.io.release import release_lock
from flows.pipeline import build_release
from tests.conftest import RAW, REPO

# Runs `hodo run` after making the publish pause (printing PAUSED) at the chosen point.
WRAPPER = textwrap.dedent("""
    import sys, time
    import flows.io.release as release
    point = sys.argv[1]
    if point == "staging":          # after the first file of the new release is written
        real_open = open
        written = []
        def slow_open(path, mode="r", *a, **k):
            fh = real_open(path, mode, *a, **k)
            if "w" in mode and ".staging" in str(path):
                written.append(path)
                if len(written) == 2:
                    print("PAUSED", flush=True); time.sleep(120)
            return fh
        release.open = slow_open
    elif point == "swap":           # with the whole new release staged, just before the swap
        real_exchange = release._exchange
        def slow_exchange(a, b):
            print("PAUSED", flush=True); time.sleep(120)
            return real_exchange(a, b)
        release._exchange = slow_exchange
    from flows.cli import main
    sys.argv = ["hodo", "run", *sys.argv[2:]]
    main()
""")


def _env() -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ)
    env["PREFECT_API_URL"] = PREFECT_API_URL.value()  # the session's test server: no start-up per run
    env["PYTHONPATH"] = str(REPO)
    return env


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture()
def previous_release(tmp_path) -> Path:
    out = tmp_path / "output"
    build_release(raw_dir=str(RAW), out_dir=str(out), profile="open")
    return out


@pytest.mark.parametrize("point", ["staging", "swap"])
def test_sigkill_during_publish_leaves_the_previous_release_whole(tmp_path, previous_release, point):
    before = _snapshot(previous_release)
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "extra.txt").write_text("追加の記事。ゼレンスキー大統領は述べた。", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, point, "--raw", str(raw), "--out", str(previous_release),
                             "--no-incremental"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=_env(), cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        for line in proc.stdout:
            if "PAUSED" in line or time.monotonic() > deadline:
                break
        assert proc.poll() is None, "the run ended before reaching the publish"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert _snapshot(previous_release) == before
    problems, counts = check_release_dir(previous_release)
    assert problems == [] and counts["documents"] == 6
    # the next run cleans up what the killed one left and publishes
    build_release(raw_dir=str(raw), out_dir=str(previous_release), profile="open")
    assert check_release_dir(previous_release)[1]["documents"] == 7
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output.staging")]


def test_two_runs_at_once_take_turns_and_both_succeed(tmp_path):
    out = tmp_path / "output"
    cmd = [sys.executable, "-m", "flows", "run", "--raw", str(RAW), "--out", str(out), "--no-incremental"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(),
                              cwd=tmp_path) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [r[1][-2000:] for r in results]
    problems, counts = check_release_dir(out)
    assert problems == [] and counts["documents"] == 6


def test_a_lock_left_by_a_killed_run_does_not_block(tmp_path):
    out = tmp_path / "output"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from flows.io.release import "
         "release_lock\nwith release_lock(Path(sys.argv[1])):\n print('HELD', flush=True); time.sleep(120)",
         str(out)], stdout=subprocess.PIPE, text=True, env=_env())
    assert holder.stdout.readline().strip() == "HELD"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert (tmp_path / ".output.lock").exists()  # the file stays; the kernel released the lock
    started = time.monotonic()
    with release_lock(out, timeout=5):
        pass
    assert time.monotonic() - started < 5
