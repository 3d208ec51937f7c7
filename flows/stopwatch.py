"""Wall and CPU seconds per stage, for the run report and the benchmark."""
from __future__ import annotations

import time


class Stopwatch:
    """Laps of named stages. CPU time is this thread's, so it stays right when batches share a process."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._mark = (time.perf_counter(), time.thread_time())

    def lap(self, stage: str) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + wall - self._mark[0]
        self.seconds[f"{stage}_cpu"] = self.seconds.get(f"{stage}_cpu", 0.0) + cpu - self._mark[1]
        self._mark = (wall, cpu)
