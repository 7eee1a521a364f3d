"""The breach workspace: a header with the live clock and status actions, the steps (given
as a list of plug-ins) and the timeline.

The case is read once into a CaseModel; every step loads from it and is told when it
changes. Each step's unsaved work is kept as a draft in the vault a few seconds after each
change and restored when the breach is opened again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.kit.autosave import Autosaver
from gui.kit.case_model import CaseModel
from gui.kit.deadline_view import badge_style, clock_style, deadline_line
from gui.kit.errors import reporting
from gui.kit.step import StepPage
from gui.kit.style import label
from gui.kit.unsaved import Choice, ask_unsaved
from gui.workspace.history import HistoryWidget
from gui.workspace.lazy_steps import LazySteps
from gui.workspace.status_actions import StatusButtons, StatusChangeDialog
from gui.workspace.step_list import StepList
from gui.workspace.timeline import TimelineWidget
from model.domain.case import Case
from model.domain.clock import format_local
from model.domain.closing import close_problems, told_line
from model.domain.enums import BreachStatus
from model.services.context import AppContext
from model.services.drafts import breach_scope

TICK_MS = 30_000
BUILD_GAP_MS = 40  # between building one step and the next, once the workspace shows
PROGRESS_MS = 300
# Narrower than this, the timeline starts hidden (a click shows it).
TIMELINE_FROM = 1250

StepFactory = type[StepPage]


class BreachWorkspace(QWidget):
    """Everything about one breach. Emits `closed` (back to the list) and `changed`."""

    closed = Signal()
    changed = Signal(int)  # something about this breach was saved

    def __init__(self, ctx: AppContext, breach_id: int, steps: Sequence[StepFactory],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.breach_id = breach_id
        self.model = CaseModel(ctx, breach_id, self)
        case = self.model.case
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_MS)
        self._build_header()
        self.pages = QStackedWidget()
        # Steps are built when first needed (the one on screen first, the rest one at a
        # time once the workspace shows): opening a breach does not wait for six forms.
        self.steps = StepList([factory.TITLE for factory in steps])
        self.autosavers: dict[str, Autosaver] = {}
        self._lazy = LazySteps(steps, self.pages, lambda f: f(ctx, self.model), self._built)
        self._lazy.page(0)
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(BUILD_GAP_MS)
        self._build_timer.timeout.connect(self._build_next)
        self.timeline = TimelineWidget(ctx, case)
        self._timeline_chosen: bool | None = None
        self._build_body()
        # Decided before the first show: a timeline shown on a laptop would widen the window.
        room = parent.width() if parent is not None else 0
        self.show_timeline.setChecked(room >= TIMELINE_FROM and not steps[0].WIDE)
        self._progress_timer.timeout.connect(self._update_steps)
        self.steps.currentRowChanged.connect(self._step_changed)
        self.model.changed.connect(self._case_changed)
        self.timeline.saved.connect(self.reload)
        self.status_buttons.requested.connect(self.request_status)
        self.back.clicked.connect(self.close_workspace)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.update_header)
        self.timer.start(TICK_MS)
        self.restored = self._restore_drafts()
        self.update_header()
        self._update_steps()
        self._build_timer.start()

    # -- steps, built when needed (gui/workspace/lazy_steps.py) ---------------------------
    def _built(self, row: int, page: StepPage) -> None:
        self._wire(page)
        self.steps.set_progress(row, page.progress(self.case))

    def _build_next(self) -> None:
        if self._lazy.build_next():
            self._build_timer.start()

    def built_steps(self) -> list[StepPage]:
        """The steps built so far (one not yet built holds nothing unsaved)."""
        return [page for _row, page in self._lazy.built()]

    @property
    def step_pages(self) -> list[StepPage]:
        """Every step, building any not built yet."""
        return [self._lazy.page(row) for row in range(len(self._lazy.factories))]

    # -- building ------------------------------------------------------------------------
    def _wire(self, page: StepPage) -> None:
        def label() -> str:
            return f"{self.model.case.breach.reference} · {page.TITLE}"

        saver = Autosaver(self._ctx, breach_scope(self.breach_id, page.KEY), page.draft_state,
                          label, self.breach_id, self)
        saver.failed.connect(self._draft_failed)
        self.autosavers[page.KEY] = saver
        page.edited.connect(saver.schedule)
        page.edited.connect(self._progress_timer.start)
        page.saved.connect(lambda p=page: self._step_saved(p))
        go_to = getattr(page, "go_to", None)
        if go_to is not None:
            go_to.connect(self.show_step)

    def _draft_failed(self, text: str) -> None:
        """Said on screen, never in a modal box that would interrupt typing."""
        self.notice.setText(f"⚠ {text} Save the step to keep it.")
        self.notice.show()

    def _build_header(self) -> None:
        self.back = QPushButton("← Breaches")
        self.back.setToolTip("Back to the list (Alt+Left)")
        self.reference = label("", "title", wrap=False)
        self.title = label("", "heading")
        self.badge = QLabel()
        self.clock = QLabel()
        self.clock.setWordWrap(True)
        self.status_buttons = StatusButtons()
        # Who was told, from the contact log (the People affected step records it).
        self.told = label("", "hint", wrap=False)
        self.told.setObjectName("peopleTold")
        self.show_timeline = QPushButton("Timeline")
        self.show_timeline.setCheckable(True)
        self.show_timeline.setChecked(True)
        self.show_timeline.setToolTip("Show or hide the timeline beside the step")
        self.notice = label("", "warning")
        self.notice.hide()
        self.header = QWidget()
        self.header.setObjectName("workspaceHeader")
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(self.reference)
        top.addWidget(self.badge)
        top.addWidget(self.title, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.clock, 1)
        bottom.addWidget(self.told)
        bottom.addWidget(self.status_buttons)
        bottom.addSpacing(12)
        bottom.addWidget(self.show_timeline)
        column = QVBoxLayout(self.header)
        column.setContentsMargins(12, 10, 12, 8)
        column.addLayout(top)
        column.addLayout(bottom)
        column.addWidget(self.notice)

    def _build_body(self) -> None:
        self.timeline_box = QWidget()
        box_layout = QVBoxLayout(self.timeline_box)
        box_layout.setContentsMargins(12, 8, 12, 12)
        self.history = HistoryWidget(self._ctx, self.breach_id, self.case.zone)
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.timeline, "Timeline")
        self.side_tabs.addTab(self.history, "History")
        self.side_tabs.currentChanged.connect(self._side_tab_changed)
        box_layout.addWidget(self.side_tabs)
        self.timeline_box.setMinimumWidth(280)
        self.show_timeline.toggled.connect(self.timeline_box.setVisible)
        self.show_timeline.clicked.connect(self._timeline_clicked)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pages)
        splitter.addWidget(self.timeline_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([760, 300])
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.steps)
        body.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    # -- refreshing ----------------------------------------------------------------------
    @property
    def case(self) -> Case:
        return self.model.case

    def update_header(self) -> None:
        """Reference, title, status badge, the live deadline line and the actions offered."""
        case = self.case
        b = case.breach
        self.reference.setText(b.reference)
        self.title.setText(b.title or "(untitled — add a title in Triage)")
        self.title.setToolTip(b.title)
        self.badge.setText(b.status.label)
        self.badge.setStyleSheet(badge_style(b.status))
        status = case.deadline(self._ctx.clock())
        self.clock.setText(deadline_line(status, case.zone))
        self.clock.setStyleSheet(clock_style(status.colour_key))
        self.clock.setToolTip(status.rule.basis if status.rule else "")
        self.status_buttons.show_for(case)
        self.told.setText(told_line(case))
        self.told.setVisible(bool(self.told.text()))

    def _update_steps(self) -> None:
        for row, page in self._lazy.built():
            self.steps.set_progress(row, page.progress(self.case))

    def reload(self) -> None:
        """Read the case again (after anything was saved) and tell everyone."""
        with reporting(self, "Reloading the breach") as outcome:
            self.model.reload()
        if not outcome.failed:
            self.changed.emit(self.breach_id)

    def _side_tab_changed(self, index: int) -> None:
        if self.side_tabs.widget(index) is self.history:
            self.history.load()

    def show_history(self) -> None:
        """Show the History tab beside the step (read fresh)."""
        self.show_timeline.setChecked(True)
        self.side_tabs.setCurrentWidget(self.history)
        self.history.load()

    def _case_changed(self, case: Case) -> None:
        for page in self.built_steps():
            page.load(case)
        self.timeline.load(case)
        if self.side_tabs.currentWidget() is self.history:
            self.history.load()
        self.update_header()
        self._update_steps()

    def _step_saved(self, page: StepPage) -> None:
        if not page.has_unsaved_changes():
            self.autosavers[page.KEY].forget()
        self.reload()

    def _step_changed(self, row: int) -> None:
        page = self._lazy.page(row)
        self.pages.setCurrentIndex(row)
        if self._timeline_chosen is None:
            # A wide step (Risk) needs the room; the timeline stays a click away.
            self.show_timeline.setChecked(self.width() >= TIMELINE_FROM and not page.WIDE)
        page.shown()

    def show_step(self, key: str) -> StepPage:
        row = self._lazy.row_of(key)
        page = self._lazy.page(row)
        self.steps.setCurrentRow(row)
        return page

    def step(self, key: str) -> StepPage:
        """The step with `key` ('triage', 'risk', ...), without showing it."""
        return self._lazy.page(self._lazy.row_of(key))

    def current_step(self) -> StepPage:
        return self._lazy.page(max(0, self.steps.currentRow()))

    def _timeline_clicked(self, checked: bool) -> None:
        self._timeline_chosen = checked  # the DPO decided: stop choosing for them

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._timeline_chosen is None:
            page = self.current_step()
            self.show_timeline.setChecked(event.size().width() >= TIMELINE_FROM
                                          and not page.WIDE)

    # -- unsaved work --------------------------------------------------------------------
    def _restore_drafts(self) -> list[str]:
        """Put back the unsaved work kept for this breach; returns the steps restored."""
        restored: list[str] = []
        with reporting(self, "Restoring unsaved changes"):
            for draft in self._ctx.drafts.for_breach(self.breach_id):
                key = draft.scope.rsplit(":", 1)[-1]
                if key not in {f.KEY for f in self._lazy.factories}:
                    continue
                page = self.step(key)
                page.restore_draft(draft.payload)
                self.autosavers[key].adopt()
                restored.append(f"{page.TITLE} ({format_local(draft.saved_at, self.case.zone)})")
        return restored

    def unsaved_steps(self) -> list[StepPage]:
        return [p for p in self.built_steps() if p.has_unsaved_changes()]

    def keep_drafts(self) -> bool:
        """Write every step's unsaved work as a draft now (before a lock or a crash)."""
        return all(saver.flush() for saver in self.autosavers.values())

    def save_all(self) -> bool:
        for page in self.unsaved_steps():
            if not page.save():
                self.steps.setCurrentRow(self._lazy.row_of(page.KEY))
                return False
            self.autosavers[page.KEY].forget()
        return True

    def discard_all(self) -> None:
        for page in self.unsaved_steps():
            page.discard()
        for saver in self.autosavers.values():
            saver.forget()

    def save_current(self) -> bool:
        """Ctrl+S: save the step on screen."""
        page = self.current_step()
        return page.save() if page.has_unsaved_changes() else True

    def close_workspace(self) -> None:
        """Back to the list; unsaved edits are saved or dropped on purpose only."""
        unsaved = self.unsaved_steps()
        if unsaved:
            choice = ask_unsaved(self, [f"{self.case.breach.reference}: {p.TITLE}"
                                        for p in unsaved])
            if choice is Choice.CANCEL:
                return
            if choice is Choice.SAVE and not self.save_all():
                return
            if choice is Choice.DISCARD:
                self.discard_all()
        self.timer.stop()
        self._build_timer.stop()
        for saver in self.autosavers.values():
            saver.stop()
        self.closed.emit()

    # -- status workflow -----------------------------------------------------------------
    def request_status(self, new: BreachStatus) -> bool:
        """Ask for the reason (and notification time), then move the breach."""
        if new is BreachStatus.NOT_NOTIFIABLE:
            # That decision carries its reasoning and the assessment it rests on: it is
            # recorded in the Risk step, not by a bare status change.
            page = self.show_step("risk")
            focus = getattr(page, "focus_decision", None)
            if focus is not None:
                focus()
            return False
        if new is BreachStatus.NOTIFIED:
            # A breach is notified by recording the filing of its report (ICO step).
            page = self.show_step("ico")
            filing = getattr(page, "record_filing", None)
            return bool(filing()) if filing is not None else False
        if new is BreachStatus.CLOSED:
            problems = close_problems(self.case)
            if problems:
                QMessageBox.information(self, "Not yet", "The breach cannot be closed yet.\n\n"
                                        + "\n\n".join(problems))
                return False
        dialog = StatusChangeDialog(self.case.breach.status, new, self.case.zone,
                                    self._ctx.clock, self, self.case.breach.near_miss)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.change_status(new, dialog.note(), dialog.when())

    def change_status(self, new: BreachStatus, note: str = "", at=None) -> bool:  # type: ignore[no-untyped-def]
        with reporting(self, "Changing the status") as outcome:
            self._ctx.breaches.change_status(self.breach_id, new, self.case.actor, note, at)
        if outcome.failed:
            return False
        self.reload()
        return True
