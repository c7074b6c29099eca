"""Memory and CPU of process trees, sampled while a benchmark runs (`daily.py`, `dedup.py`)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

import psutil


class Processes:
    """Samples the process trees of `pids` (each process and its descendants) every `interval` seconds in a
    thread: the peak of their summed RSS (the memory the machine needed at once, where ru_maxrss gives each
    process's own peak, whenever it was), the largest RSS of one process per role, and CPU seconds by role (each
    process's last sample; a process that ends between samples loses at most `interval` of its CPU). `role`
    names a process from its command line."""

    def __init__(
        self, *pids: int, interval: float = 0.5, role: Callable[[list[str]], str] = lambda _: "process"
    ) -> None:
        self.pids, self.interval, self.role = pids, interval, role
        self.peak = 0
        self.peak_one: dict[str, int] = {}
        self.cpu: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            total = 0
            for pid in self.pids:
                with contextlib.suppress(psutil.Error):  # a process that just exited
                    root = psutil.Process(pid)
                    for proc in [root, *root.children(recursive=True)]:
                        with contextlib.suppress(psutil.Error):  # a run worker that just exited
                            with proc.oneshot():
                                rss, times = proc.memory_info().rss, proc.cpu_times()
                                name = (
                                    self.cpu[proc.pid][0]
                                    if proc.pid in self.cpu
                                    else self.role(proc.cmdline())
                                )
                            total += rss
                            self.cpu[proc.pid] = (name, times.user + times.system)
                            self.peak_one[name] = max(self.peak_one.get(name, 0), rss)
            self.peak = max(self.peak, total)

    def cpu_by_role(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, seconds in self.cpu.values():
            out[name] = out.get(name, 0.0) + seconds
        return {name: round(seconds, 1) for name, seconds in sorted(out.items())}

    def __enter__(self) -> Processes:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
