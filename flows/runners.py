"""Which Prefect task runner a run uses: threads in this process, a local Dask cluster, or a Dask
scheduler somewhere else.

Chosen by `hodo run --workers N / --dask ADDRESS`, or, for served deployments (whose runs load the
flow afresh in a new process), by the environment: HODO_WORKERS and HODO_DASK_ADDRESS.
"""
from __future__ import annotations

import os


def task_runner(workers: int = 1, address: str | None = None):
    """One batch at a time in this process unless Dask is asked for: under the GIL, threads would only
    hold several batches in memory at once for no gain in speed."""
    if not address and workers <= 1:
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=1)
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


def task_runner_from_env():
    return task_runner(int(os.environ.get("HODO_WORKERS", "1") or 1), os.environ.get("HODO_DASK_ADDRESS") or None)
