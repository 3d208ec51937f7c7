"""Scale-out: the flow on a 2-worker Dask LocalCluster publishes the same bytes as a serial run."""
from __future__ import annotations

from pathlib import Path

from flows.pipeline import build_release
from tests.conftest import RAW


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_dask_local_cluster_release_equals_serial_release(tmp_path):
    serial = tmp_path / "serial"
    build_release(raw_dir=str(RAW), out_dir=str(serial), profile="full", incremental=False)
    dask = tmp_path / "dask"
    # small batches, so that both workers get several
    report = build_release(raw_dir=str(RAW), out_dir=str(dask), profile="full", incremental=False, batch_bytes=8000,
                           workers=2)
    assert len(report["processed"]) == 5
    assert _files(serial) == _files(dask)
