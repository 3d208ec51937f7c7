"""Which Prefect task runner a run uses: threads in this process, a local Dask cluster, or a Dask
scheduler somewhere else.

Chosen by the flow's parameters `workers` and `dask_address` (`hodo run --workers N / --dask ADDRESS`,
and the same parameters of a served deployment). The flow enters the runner only around its batches.
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
    share_api_with_workers()
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})


def share_api_with_workers() -> None:
    """Point the local cluster's worker processes at this process's Prefect API.

    Workers inherit the environment when they start; without an API URL each would start a temporary
    Prefect server of its own (about 200 MB and several seconds apiece, measured)."""
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()  # the same one Prefect itself would start for this process
        server.start()
        url = server.api_url
    os.environ["PREFECT_API_URL"] = url
