"""The one task helper: slow work (key derivation, migrations, exports, merges, backups,
imports, statistics on a large vault) runs off the GUI thread and its result or error is
delivered on the GUI thread, with progress and Cancel where the work reports them.

    run_in_background(work, on_done, on_error)             # work() -> result
    run_with_progress(parent, "Writing letters", work, on_done)  # work(progress) -> result

`work(progress)` calls `progress.step(done, total, text)` now and then; after Cancel that
call raises Cancelled, so the work stops where it stands (and cleans up in `finally`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from model.domain.progress import Cancelled

_running: set[Task] = set()  # keeps a task alive until its result is delivered
__all__ = ["Cancelled", "Progress", "Task", "run_in_background", "run_with_progress", "start"]


class Progress:
    """Handed to the work: report progress, and learn of a Cancel (thread-safe)."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled("Cancelled: nothing was written.")
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Task(QObject):
    """One background call. Lives on the GUI thread, so its slots run there."""

    _succeeded = Signal(object)
    _failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self.finished = False
        self.progress = Progress(self.progressed.emit)
        # Emitted from the pool thread; queued to this object's (the GUI) thread.
        self._succeeded.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)

    def run_in_thread(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as err:  # delivered, never lost on the pool thread
            self._failed.emit(err)
        else:
            self._succeeded.emit(result)

    def cancel(self) -> None:
        self.progress.cancel()

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


def start(work: Callable[[Progress], Any], on_done: Callable[[Any], None],
          on_error: Callable[[BaseException], None], pool: QThreadPool | None = None) -> Task:
    """Start `work(progress)` on a pool thread; exactly one callback then runs on the GUI
    thread."""
    task = Task(work, on_done, on_error)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      pool: QThreadPool | None = None) -> Task:
    """Start `work()` (which reports no progress) on a pool thread."""
    return start(lambda _progress: work(), on_done, on_error, pool)


def run_with_progress(parent: QWidget | None, title: str, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None] | None = None,
                      cancellable: bool = True) -> Task:
    """Run `work(progress)` with a progress dialog (and Cancel); the window stays usable.

    Without `on_error`, a failure is shown in the usual error dialog; a Cancel is quiet.
    """
    from gui.kit.errors import show_error

    dialog = QProgressDialog(title, "Cancel" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)

    def done(result: Any) -> None:
        if shiboken6.isValid(dialog):
            dialog.close()
        on_done(result)

    def failed(err: BaseException) -> None:
        if shiboken6.isValid(dialog):
            dialog.close()
        if on_error is not None:
            on_error(err)
        elif not isinstance(err, Cancelled):
            show_error(parent, err, title)

    task = start(lambda progress: work(progress), done, failed)

    def show(done_count: int, total: int, text: str) -> None:
        if not shiboken6.isValid(dialog):
            return  # the window it belonged to was closed while the work went on
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done_count, total) if total > 0 else 0)
        if text:
            dialog.setLabelText(text)

    task.progressed.connect(show)
    dialog.canceled.connect(task.cancel)
    task.dialog = dialog  # type: ignore[attr-defined]  # for tests: the progress shown
    return task


def running_tasks() -> int:
    """How many background calls have not delivered yet (tests wait for zero)."""
    return len(_running)
