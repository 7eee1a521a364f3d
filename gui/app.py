"""The GUI entry point: the QApplication, opening the vault, and the lock/unlock cycle.

AppController owns the open AppContext and its window; Lock (on demand, or after the idle
minutes set in Settings) closes both and asks for the passphrase again, so no decrypted
data stays on screen or in memory-held sessions. Closing makes an automatic backup.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from gui.kit.errors import install_excepthook, reporting, show_error
from gui.kit.idle import IdleWatcher
from gui.kit.style import app_icon, apply_style
from gui.kit.vault_dialogs import ask_passphrase, open_vault
from gui.kit.wheel import install_wheel_guard
from gui.main_window import MainWindow
from model.domain.document import Document
from model.services import vaults
from model.services.context import AppContext
from model.services.logs import configure_logging

log = logging.getLogger("breachdesk.app")
RETRY_MS = 50  # waiting for modal dialogs to unwind before locking


class AppController(QObject):
    """Keeps exactly one open context and one window; `finished` when the app should end."""

    finished = Signal()

    def __init__(self, ctx: AppContext, data_dir: Path | None) -> None:
        super().__init__()
        self.ctx: AppContext | None = ctx
        self.data_dir = data_dir
        self.window: MainWindow | None = None
        self._locking = False
        self.idle = IdleWatcher(10, self)
        self.idle.idle.connect(self.auto_lock)

    def show_window(self, offer_drafts: bool = True) -> MainWindow:
        assert self.ctx is not None
        window = MainWindow(self.ctx)
        window.lock_requested.connect(self.lock)
        window.closed.connect(self._window_closed)
        window.settings.saved.connect(self._arm_idle_lock)
        self.window = window
        window.show()
        self._arm_idle_lock()
        if offer_drafts:
            # Once the window is up: work kept after a crash or a lock is offered back.
            QTimer.singleShot(0, window.offer_drafts)
        return window

    def _arm_idle_lock(self) -> None:
        """(Re)start the idle countdown with the minutes set in Settings."""
        if self.ctx is None or self.ctx.demo or self.data_dir is None:
            self.idle.stop()
            return
        with reporting(self.window, "Reading the settings") as outcome:
            minutes = self.ctx.organisation.get().lock_after_minutes
        self.idle.set_minutes(10 if outcome.failed else minutes)
        self.idle.start()

    def auto_lock(self) -> None:
        """No input for the idle minutes: keep unsaved work as drafts, close any dialog
        (a wizard keeps its draft), then lock."""
        if self.window is None or self._locking:
            return
        log.info("auto-lock after idle time")
        self.window.request_lock(automatic=True)

    def lock(self) -> None:
        """Close the window and the context, then ask for the passphrase again (once every
        modal dialog has closed, so no nested event loop holds the old window)."""
        if self.window is None or self.ctx is None or self.ctx.demo or self.data_dir is None:
            return
        if self._locking:
            return
        self._locking = True
        self.idle.stop()
        if QApplication.activeModalWidget() is None:
            self._lock_when_clear()
            return
        close_dialogs()  # their event loops unwind before the window goes
        QTimer.singleShot(RETRY_MS, self._lock_when_clear)

    def _lock_when_clear(self) -> None:
        if QApplication.activeModalWidget() is not None:
            close_dialogs()
            QTimer.singleShot(RETRY_MS, self._lock_when_clear)
            return
        try:
            if self.window is not None:
                self.window.close_for_lock()
                self.window.deleteLater()
                self.window = None
            self._close_context()
            clear_screen()
        finally:
            self._locking = False
        log.info("locked")
        assert self.data_dir is not None
        ctx = ask_passphrase(self.data_dir)
        if ctx is None:
            self.finished.emit()
            return
        log.info("unlocked")
        self.ctx = ctx
        self.show_window()

    def _window_closed(self) -> None:
        if self._locking:
            return
        self.window = None
        self.idle.stop()
        self._automatic_backup()
        self._close_context()
        self.finished.emit()

    def _automatic_backup(self) -> None:
        """On close: an encrypted backup in backups/, the newest N kept (N in Settings)."""
        ctx = self.ctx
        if ctx is None or ctx.demo:
            return
        try:
            ctx.backups.automatic(ctx.organisation.get().backups_kept)
        except Exception as err:  # said, but closing goes on: the vault itself is intact
            log.warning("automatic backup failed (%s)", type(err).__name__)
            show_error(None, err, "The automatic backup on closing")

    def _close_context(self) -> None:
        if self.ctx is not None:
            ctx, self.ctx = self.ctx, None
            ctx.close()

    def shutdown(self) -> None:
        """The app is ending (Quit, Ctrl+C, SIGTERM): back up, then close the vault."""
        self.idle.remove()
        self._automatic_backup()
        self._close_context()


def close_dialogs() -> None:
    """Close every modal dialog (a wizard first keeps its draft), innermost first."""
    for _attempt in range(20):
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        keep = getattr(modal, "close_keeping_draft", None)
        if keep is not None:
            keep()
        else:
            reject = getattr(modal, "reject", None)
            (reject or modal.close)()


def clear_screen() -> None:
    """After a lock nothing decrypted stays visible: other top-level windows close, and
    the clipboard is emptied if it holds what Breach Desk put there."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    clipboard = QApplication.clipboard()
    if clipboard is not None and clipboard.ownsClipboard():
        clipboard.clear()


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Breach Desk")
    app.setApplicationDisplayName("Breach Desk")
    app.setDesktopFileName("breach-desk")
    app.setWindowIcon(app_icon())
    apply_style(app)
    install_wheel_guard(app)
    # The controller decides when to quit: Lock closes the only window without quitting.
    app.setQuitOnLastWindowClosed(False)
    install_excepthook()
    return app


def _quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C or SIGTERM end the app through the normal path, so the vault is closed (and a
    demo folder removed). Python runs signal handlers only between bytecodes, hence the tick."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_args: app.quit())
    tick = QTimer(app)
    tick.timeout.connect(lambda: None)
    tick.start(300)
    return tick


def render_pdf(document: Document) -> bytes:
    """PDF bytes of a document (the demo's sample filings keep their report as sent)."""
    from reports.pdf import render_document

    return render_document(document).data


def run_gui(data_dir: Path | None = None, demo: bool = False) -> int:
    """Start the desktop app; returns the process exit code."""
    app = make_application()
    folder = None
    ctx: AppContext | None = None
    if demo:
        with reporting(None, "Opening the demo vault") as outcome:
            ctx = vaults.open_demo(render_pdf)
        if outcome.failed or ctx is None:
            return 1
    else:
        folder = Path(data_dir) if data_dir is not None else vaults.default_data_dir()
        with reporting(None, "Opening the vault") as outcome:
            lock = vaults.lock_instance(folder)  # one copy of the app per vault
        if outcome.failed:
            return 1
        configure_logging(folder)
        if lock.stale_pid is not None:
            log.info("took over the lock of process %s (it ended without closing)",
                     lock.stale_pid)
        ctx = open_vault(folder)
        if ctx is None:
            lock.release()
            return 0  # the user quit, or was told why the vault cannot be opened
    controller = AppController(ctx, folder)
    controller.finished.connect(app.quit)
    _quit_on_signals(app)
    try:
        with reporting(None, "Opening the main window") as outcome:
            controller.show_window()
        return 1 if outcome.failed else app.exec()
    finally:
        controller.shutdown()
        if not demo:
            lock.release()
