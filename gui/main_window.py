"""The main window: a shell of side bar, pages, menu, toolbar and status bar.

Each screen is its own module; this file only wires them together.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from gui.errors import reporting
from gui.register_page import RegisterPage
from gui.settings_page import SettingsPage, keyring_status
from gui.style import app_icon, icon, label

TITLE = "Breach Desk"
DEMO_TITLE = "Breach Desk — demo (nothing is saved)"
PAGES = ["Breaches", "Register", "Settings"]


class BreachesArea(QStackedWidget):
    """The breaches list, or one breach's workspace in its place."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        from gui.breaches_view import BreachesView  # the list screen (its own module)

        self._ctx = ctx
        self.view = BreachesView(ctx, self)
        self.workspace: QWidget | None = None
        self.addWidget(self.view)

    def open_breach(self, breach_id: int) -> None:
        from gui.workspace import BreachWorkspace  # the per-breach screen (its own module)

        with reporting(self, "Opening the breach") as outcome:
            workspace = BreachWorkspace(self._ctx, breach_id, self)
        if outcome.failed:
            return
        self._drop_workspace()
        workspace.closed.connect(self.show_list)
        self.workspace = workspace
        self.addWidget(workspace)
        self.setCurrentWidget(workspace)

    def show_list(self) -> None:
        self.setCurrentWidget(self.view)
        self._drop_workspace()
        with reporting(self, "Loading the breaches"):
            self.view.reload()

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None


def default_size(available: QSize) -> tuple[int, int]:
    """Roomy on a large screen (the breach table has seven columns), never off-screen."""
    return (min(1360, max(1000, int(available.width() * 0.9))),
            min(860, max(700, int(available.height() * 0.9))))


class MainWindow(QMainWindow):
    """Side bar + stacked pages over one open AppContext."""

    lock_requested = Signal()
    closed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(DEMO_TITLE if ctx.demo else TITLE)
        self.setWindowIcon(app_icon())
        self.breaches = BreachesArea(ctx)
        self.register = RegisterPage(ctx)
        self.settings = SettingsPage(ctx)
        self.pages = QStackedWidget()
        for page in (self.breaches, self.register, self.settings):
            self.pages.addWidget(page)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.addItems(PAGES)
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status_bar()
        self.breaches.view.open_breach.connect(self.open_breach)
        self.breaches.view.new_breach_requested.connect(self.new_breach)
        self.register.open_breach.connect(self.open_breach)
        self.settings.saved.connect(self._settings_saved)
        self.sidebar.setCurrentRow(0)
        self.resize(*default_size(self.screen().availableGeometry().size()))

    def _build_actions(self) -> None:
        self.new_action = QAction(icon("new"), "New breach…", self,
                                  shortcut=QKeySequence.StandardKey.New,
                                  triggered=self.new_breach)
        self.lock_action = QAction(icon("lock"), "Lock", self, shortcut=QKeySequence("Ctrl+L"),
                                   triggered=self.request_lock)
        if self.ctx.demo:
            self.lock_action.setEnabled(False)
            self.lock_action.setToolTip("The demo vault has no passphrase to lock it with")
        quit_action = QAction("Quit", self, shortcut=QKeySequence("Ctrl+Q"),
                              triggered=self.close)
        about = QAction("About Breach Desk", self, triggered=self._about)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.lock_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.menuBar().addMenu("&Help").addAction(about)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.lock_action)

    def _build_status_bar(self) -> None:
        folder = label(f"Vault: {self.ctx.data_dir}", wrap=False)
        self.keyring_label = label(keyring_status(self.ctx), wrap=False)
        self.statusBar().addWidget(folder)
        self.statusBar().addPermanentWidget(self.keyring_label)

    # -- navigation ---------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        self.sidebar.setCurrentRow(PAGES.index(name))

    def current_page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def open_breach(self, breach_id: int) -> None:
        self.show_page("Breaches")
        self.breaches.open_breach(breach_id)

    def new_breach(self) -> None:
        from gui.triage.wizard import TriageWizard  # the triage wizard (its own module)

        with reporting(self, "Starting a new breach") as outcome:
            wizard = TriageWizard(self.ctx, self)
            accepted = wizard.exec() == QDialog.DialogCode.Accepted
        if outcome.failed or not accepted:
            return
        created = getattr(wizard, "created_breach_id", None)
        if created is not None:
            self.open_breach(int(created))

    def _settings_saved(self) -> None:
        # Times elsewhere depend on the display zone, so the visible lists refresh.
        if self.breaches.currentWidget() is self.breaches.view:
            with reporting(self, "Loading the breaches"):
                self.breaches.view.reload()

    def _about(self) -> None:
        QMessageBox.about(self, "About Breach Desk",
                          "Breach Desk helps a Data Protection Officer handle a personal-data "
                          "breach under UK GDPR, DPA 2018 Part 3 and PECR. Everything stays "
                          "on this computer, in an encrypted vault.")

    # -- leaving ------------------------------------------------------------------------
    def _may_leave(self) -> bool:
        """False when unsaved settings exist and the user wants to keep editing."""
        if not self.settings.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, "Unsaved settings", "The settings have unsaved changes. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def request_lock(self) -> None:
        if not self.ctx.demo and self._may_leave():
            self.lock_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "_locking", False) or self._may_leave():
            event.accept()
            self.closed.emit()
        else:
            event.ignore()

    def close_for_lock(self) -> None:
        """Close without asking again (the lock request already asked)."""
        self._locking = True
        self.close()
