"""The GUI entry point: the QApplication, opening the vault, and the lock/unlock cycle.

AppController owns the open AppContext and its window; Lock closes both and asks for the
passphrase again, so no decrypted data stays on screen or in memory-held sessions.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from gui.kit.errors import install_excepthook, reporting
from gui.kit.style import app_icon, apply_style
from gui.kit.vault_dialogs import ask_passphrase, open_vault
from gui.kit.wheel import install_wheel_guard
from gui.main_window import MainWindow
from model.domain.document import Document
from model.services import vaults
from model.services.context import AppContext


class AppController(QObject):
    """Keeps exactly one open context and one window; `finished` when the app should end."""

    finished = Signal()

    def __init__(self, ctx: AppContext, data_dir: Path | None) -> None:
        super().__init__()
        self.ctx: AppContext | None = ctx
        self.data_dir = data_dir
        self.window: MainWindow | None = None
        self._locking = False

    def show_window(self, offer_drafts: bool = True) -> MainWindow:
        assert self.ctx is not None
        window = MainWindow(self.ctx)
        window.lock_requested.connect(self.lock)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()
        if offer_drafts:
            # Once the window is up: work kept after a crash or a lock is offered back.
            QTimer.singleShot(0, window.offer_drafts)
        return window

    def lock(self) -> None:
        """Close the window and the context, then ask for the passphrase again."""
        if self.window is None or self.ctx is None or self.ctx.demo or self.data_dir is None:
            return
        self._locking = True
        try:
            self.window.close_for_lock()
            self.window.deleteLater()
            self.window = None
            self._close_context()
        finally:
            self._locking = False
        ctx = ask_passphrase(self.data_dir)
        if ctx is None:
            self.finished.emit()
            return
        self.ctx = ctx
        self.show_window()

    def _window_closed(self) -> None:
        if self._locking:
            return
        self.window = None
        self._close_context()
        self.finished.emit()

    def _close_context(self) -> None:
        if self.ctx is not None:
            ctx, self.ctx = self.ctx, None
            ctx.close()

    def shutdown(self) -> None:
        self._close_context()


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
        ctx = open_vault(folder)
        if ctx is None:
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
