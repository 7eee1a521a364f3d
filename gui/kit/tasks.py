"""Run slow work (unlocking: scrypt, migrations) off the GUI thread.

`run_in_background(work, on_done, on_error)` calls `work()` on a pool thread and delivers
its result, or the exception it raised, to the callbacks on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_running: set[Task] = set()  # keeps a task alive until its result is delivered


class Task(QObject):
    """One background call. Lives on the GUI thread, so its slots run there."""

    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(self, work: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self.finished = False
        # Emitted from the pool thread; queued to this object's (the GUI) thread.
        self._succeeded.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)

    def run_in_thread(self) -> None:
        try:
            result = self._work()
        except BaseException as err:  # delivered, never lost on the pool thread
            self._failed.emit(err)
        else:
            self._succeeded.emit(result)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._finish()
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, err: BaseException) -> None:
        self._finish()
        self._on_error(err)

    def _finish(self) -> None:
        self.finished = True
        _running.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run_in_thread()


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      pool: QThreadPool | None = None) -> Task:
    """Start `work()` on a pool thread; exactly one callback then runs on the GUI thread."""
    task = Task(work, on_done, on_error)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


def running_tasks() -> int:
    """How many background calls have not delivered yet (tests wait for zero)."""
    return len(_running)
