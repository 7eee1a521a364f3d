"""The main window: a shell of side bar, pages, menu, toolbar and status bar.

Each screen is its own module; this file wires them together, and owns the one rule about
unsaved work: Lock keeps it as a draft, leaving or closing asks Save / Discard / Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

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

from gui.kit.errors import reporting
from gui.kit.events import AppEvents
from gui.kit.style import app_icon, icon, label
from gui.kit.unsaved import Choice, ask_unsaved
from gui.register.page import RegisterPage
from gui.restore import offer_drafts
from gui.settings.page import SettingsPage, keyring_status
from model.services.context import AppContext

if TYPE_CHECKING:
    from gui.workspace.workspace import BreachWorkspace

TITLE = "Breach Desk"
DEMO_TITLE = "Breach Desk — demo (nothing is saved)"
PAGES = ["Breaches", "Register", "Settings"]


class BreachesArea(QStackedWidget):
    """The breaches list, or one breach's workspace in its place."""

    def __init__(self, ctx: AppContext, events: AppEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gui.breaches.view import BreachesView  # the list screen (its own module)

        self._ctx = ctx
        self._events = events
        self.view = BreachesView(ctx, self)
        self.workspace: QWidget | None = None
        self.addWidget(self.view)
        events.breach_changed.connect(lambda _id: self._list_changed())
        events.settings_changed.connect(self._list_changed)

    def open_breach(self, breach_id: int) -> QWidget | None:
        from gui.steps import STEPS
        from gui.workspace.workspace import BreachWorkspace

        with reporting(self, "Opening the breach") as outcome:
            workspace = BreachWorkspace(self._ctx, breach_id, STEPS, self)
        if outcome.failed:
            return None
        self._drop_workspace()
        workspace.closed.connect(self.show_list)
        workspace.changed.connect(self._events.breach_changed)
        self.workspace = workspace
        self.addWidget(workspace)
        self.setCurrentWidget(workspace)
        return workspace

    def show_list(self) -> None:
        self.setCurrentWidget(self.view)
        self._drop_workspace()
        self._list_changed()

    def _list_changed(self) -> None:
        if self.currentWidget() is self.view:
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
            min(860, max(650, int(available.height() * 0.9))))


class MainWindow(QMainWindow):
    """Side bar + stacked pages over one open AppContext."""

    lock_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.events = AppEvents(self)
        self.wizard: QDialog | None = None
        self._leaving = False
        self.setWindowTitle(DEMO_TITLE if ctx.demo else TITLE)
        self.setWindowIcon(app_icon())
        self.breaches = BreachesArea(ctx, self.events)
        self.register = RegisterPage(ctx)
        self.settings = SettingsPage(ctx)
        self.pages = QStackedWidget()
        for page in (self.breaches, self.register, self.settings):
            self.pages.addWidget(page)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.addItems(PAGES)
        self.sidebar.setFixedWidth(170)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for row, name in enumerate(PAGES):
            self.sidebar.item(row).setToolTip(f"{name} (Ctrl+{row + 1})")
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        central = QWidget()
        row_layout = QHBoxLayout(central)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(0)
        row_layout.addWidget(self.sidebar)
        row_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status_bar()
        self.breaches.view.open_breach.connect(self.open_breach)
        self.breaches.view.new_breach_requested.connect(self.new_breach)
        self.register.open_breach.connect(self.open_breach)
        self.settings.saved.connect(self.events.settings_changed)
        self.events.breach_changed.connect(lambda _id: self.register.mark_stale())
        self.sidebar.setCurrentRow(0)
        self.resize(*default_size(self.screen().availableGeometry().size()))

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
                icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("New breach…", self.new_breach,
                                       QKeySequence.StandardKey.New, "new")
        self.lock_action = self._action("Lock", self.request_lock, QKeySequence("Ctrl+L"),
                                        "lock")
        if self.ctx.demo:
            self.lock_action.setEnabled(False)
            self.lock_action.setToolTip("The demo vault has no passphrase to lock it with")
        self.save_action = self._action("Save", self.save_current, QKeySequence.StandardKey.Save)
        quit_action = self._action("Quit", self.close, QKeySequence("Ctrl+Q"))
        about = self._action("About Breach Desk", self._about)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.save_action, self.lock_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("&Go")
        for row, name in enumerate(PAGES):
            go_menu.addAction(self._action(name, partial(self.show_page, name),
                                           QKeySequence(f"Ctrl+{row + 1}")))
        back = self._action("Back to the list", self.back_to_list, QKeySequence("Alt+Left"))
        go_menu.addAction(back)
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
        page = self.pages.currentWidget()
        if page is not None:
            page.setFocus()

    def current_page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def workspace(self) -> BreachWorkspace | None:
        """The open breach's workspace, if any."""
        return self.breaches.workspace  # type: ignore[return-value]

    def open_breach(self, breach_id: int) -> QWidget | None:
        """Open a breach (asking first if another one holds unsaved work)."""
        current = self.workspace()
        if current is not None and current.breach_id == breach_id:
            self.show_page("Breaches")
            return current
        if current is not None and not self._settle(current, "opening another breach"):
            return None
        self.show_page("Breaches")
        return self.breaches.open_breach(breach_id)

    def back_to_list(self) -> None:
        workspace = self.workspace()
        if workspace is not None:
            workspace.close_workspace()

    def new_breach(self, draft: dict | None = None) -> None:  # type: ignore[type-arg]
        from gui.triage.wizard import TriageWizard  # the triage wizard (its own module)

        with reporting(self, "Starting a new breach") as outcome:
            wizard = TriageWizard(self.ctx, self, draft=draft)
            self.wizard = wizard
            accepted = wizard.exec() == QDialog.DialogCode.Accepted
        self.wizard = None
        if outcome.failed or not accepted:
            return
        created = getattr(wizard, "created_breach_id", None)
        if created is not None:
            self.events.breach_changed.emit(int(created))
            self.open_breach(int(created))

    def save_current(self) -> None:
        """Ctrl+S: save what is being edited on the page shown."""
        if self.current_page() == "Settings":
            self.settings.save()
        elif self.current_page() == "Breaches":
            workspace = self.workspace()
            if workspace is not None:
                workspace.save_current()

    def _about(self) -> None:
        QMessageBox.about(self, "About Breach Desk",
                          "Breach Desk helps a Data Protection Officer handle a personal-data "
                          "breach under UK GDPR, DPA 2018 Part 3 and PECR. Everything stays "
                          "on this computer, in an encrypted vault.")

    def offer_drafts(self) -> None:
        """After opening: offer back the unsaved work kept when the app last stopped."""
        offer_drafts(self)

    # -- unsaved work -------------------------------------------------------------------
    def unsaved(self) -> list[str]:
        names = []
        workspace = self.workspace()
        if workspace is not None:
            names += [f"{workspace.case.breach.reference}: {p.TITLE}"
                      for p in workspace.unsaved_steps()]
        if self.settings.has_unsaved_changes():
            names.append("Settings")
        return names

    def keep_drafts(self) -> bool:
        """Write all unsaved work as drafts in the vault now."""
        kept = True
        workspace = self.workspace()
        if workspace is not None:
            kept = workspace.keep_drafts() and kept
        kept = self.settings.keep_draft() and kept
        if self.wizard is not None:
            kept = self.wizard.keep_draft() and kept  # type: ignore[attr-defined]
        return kept

    def _settle(self, workspace: BreachWorkspace, doing: str) -> bool:
        unsaved = workspace.unsaved_steps()
        if not unsaved:
            return True
        choice = ask_unsaved(self, [f"{workspace.case.breach.reference}: {p.TITLE}"
                                    for p in unsaved], doing)
        if choice is Choice.SAVE:
            return bool(workspace.save_all())
        if choice is Choice.DISCARD:
            workspace.discard_all()
            return True
        return False

    def _may_close(self) -> bool:
        """Ask about unsaved work before the window closes; False to stay open."""
        names = self.unsaved()
        if not names:
            return True
        choice = ask_unsaved(self, names, "quitting")
        if choice is Choice.CANCEL:
            return False
        workspace = self.workspace()
        if choice is Choice.SAVE:
            if workspace is not None and not workspace.save_all():
                return False
            return not self.settings.has_unsaved_changes() or self.settings.save()
        if workspace is not None:
            workspace.discard_all()
        self.settings.revert()
        return True

    def request_lock(self, automatic: bool = False) -> None:
        """Lock: unsaved work is kept as drafts (offered back after unlocking), never lost.
        An automatic (idle) lock asks nothing: nobody is there to answer."""
        if self.ctx.demo:
            return
        if not self.keep_drafts() and not automatic:
            answer = QMessageBox.warning(
                self, "Unsaved work", "Some unsaved work could not be kept as a draft. Lock "
                "anyway and lose it?", QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self.wizard is not None:
            self.wizard.close_keeping_draft()  # type: ignore[attr-defined]
        self.lock_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._leaving or self._may_close():
            event.accept()
            self.closed.emit()
        else:
            event.ignore()

    def close_for_lock(self) -> None:
        """Close without asking (the lock kept every unsaved edit as a draft)."""
        self._leaving = True
        self.close()
