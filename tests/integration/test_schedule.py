"""End to end: a real Prefect server, `hodo serve` on a short schedule, a scheduled run that fires by
itself and publishes the release. Every process started here is stopped by its process group."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from flows.io.readback import check_release_dir
from tests.conftest import RAW, REPO


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.loads(resp.read() or b"null")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def _wait_for(what, predicate, timeout: float, procs: list[subprocess.Popen]):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in procs:
            assert p.poll() is None, f"a process died while waiting for {what}"
        try:
            got = predicate()
            if got:
                return got
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def test_a_scheduled_run_fires_by_itself_and_publishes(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_API_URL=api,
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="2",
               PREFECT_RUNNER_POLL_FREQUENCY="2", PYTHONPATH=str(REPO))
    out = tmp_path / "output"
    logs = tmp_path / "logs"
    logs.mkdir()
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, start_new_session=True,
                              stdout=open(logs / "server.log", "w"), stderr=subprocess.STDOUT)
    procs = [server]
    try:
        _wait_for("the server", lambda: _get(f"{api}/health"), 120, procs)
        serve = subprocess.Popen([sys.executable, "-m", "flows", "serve", "--raw", str(RAW), "--out", str(out),
                                  "--interval", "20", "--name", "hodo-test"], env=env, cwd=REPO,
                                 start_new_session=True, stdout=open(logs / "serve.log", "w"),
                                 stderr=subprocess.STDOUT)
        procs.append(serve)

        def completed_scheduled_run():
            runs = _get(f"{api}/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}})
            return [r for r in runs if r["auto_scheduled"] and r["deployment_id"]]

        runs = _wait_for("a scheduled run to complete", completed_scheduled_run, 240, procs)
        assert runs[0]["state_type"] == "COMPLETED"
        problems, counts = check_release_dir(out)
        assert problems == [] and counts["documents"] == 6
    finally:
        for p in reversed(procs):
            _stop(p)
    assert all(p.poll() is not None for p in procs)
    assert Path(out / "manifest.json").exists()
