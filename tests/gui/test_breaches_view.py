"""The breaches view: the table model, urgency order, filters, colours and the countdown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from gui.breaches.table import ID_ROLE, BreachTableModel, Column
from gui.breaches.view import BreachesView
from gui.kit.deadline_view import foreground
from model.domain.enums import BreachStatus, Regime
from model.domain.facts import BreachFacts
from tests.conftest import decide_not_notifiable
from tests.lessons_helpers import complete_lessons

H = timedelta(hours=1)


def _make(ctx, clock, title: str, aware_hours_ago: float | None,  # type: ignore[no-untyped-def]
          statuses: tuple[BreachStatus, ...] = (), regime: Regime = Regime.UK_GDPR) -> int:
    aware = None if aware_hours_ago is None else clock.now - aware_hours_ago * H
    facts = BreachFacts(title=title, regime=regime, aware_at=aware,
                        discovered_at=aware, occurred_at=aware)
    breach = ctx.breaches.create(facts, actor="Tester")
    for status in statuses:
        if status is BreachStatus.NOT_NOTIFIABLE:
            decide_not_notifiable(ctx, breach.id)
        else:
            if status is BreachStatus.CLOSED:
                complete_lessons(ctx, breach.id)
            ctx.breaches.change_status(breach.id, status, actor="Tester", note="test")
    return breach.id


@pytest.fixture
def filled(ctx, clock):  # type: ignore[no-untyped-def]
    """Five breaches at different points of the clock (references in creation order)."""
    _make(ctx, clock, "On time, 60 h left", 12)                      # BR-2026-0001
    _make(ctx, clock, "Overdue by 8 h", 80)                           # BR-2026-0002
    _make(ctx, clock, "No awareness yet", None)                       # BR-2026-0003
    _make(ctx, clock, "Due soon, 2 h left", 70)                       # BR-2026-0004
    _make(ctx, clock, "Decided not notifiable", 100,
          (BreachStatus.NOT_NOTIFIABLE, BreachStatus.CLOSED))  # 0005
    return ctx


def test_model_passes_the_model_tester(filled, qtmodeltester):  # type: ignore[no-untyped-def]
    model = BreachTableModel(filled.clock, "Europe/London")
    model.set_breaches(filled.breaches.list())
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.tick()
    qtmodeltester.check(model)


def test_rows_sorted_by_urgency(filled, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(filled)
    qtbot.addWidget(view)
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    assert view.visible_references() == [
        "BR-2026-0002", "BR-2026-0004", "BR-2026-0001", "BR-2026-0003", "BR-2026-0005"]


def test_overdue_is_red_and_said_in_words(filled, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(filled)
    qtbot.addWidget(view)
    first = view.model.index(0, Column.TIME_LEFT)
    assert first.data() == "Overdue by 8 h"
    assert first.data(Qt.ItemDataRole.ForegroundRole) == foreground("red")
    soon = view.model.index(1, Column.TIME_LEFT)
    assert soon.data() == "Due in 2 h"
    assert soon.data(Qt.ItemDataRole.ForegroundRole) == foreground("amber")
    on_time = view.model.index(2, Column.TIME_LEFT)
    assert on_time.data() == "2 d 12 h left"
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) == foreground("green")
    assert view.model.index(0, Column.DEADLINE).data() == "Sat 10 Oct 02:00"
    assert "Sat 10 Oct 2026 02:00 BST" in view.model.index(0, Column.DEADLINE).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "1 overdue" in view.summary.text()


def test_status_filter_and_search(filled, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(filled)
    qtbot.addWidget(view)
    assert len(view.visible_references()) == 4  # "All open" hides the closed breach
    view.status_filter.setCurrentIndex(view.status_filter.findData("closed"))
    assert view.visible_references() == ["BR-2026-0005"]
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    qtbot.keyClicks(view.search, "due SOON")
    assert view.visible_references() == ["BR-2026-0004"]
    view.search.setText("nothing like this")
    assert view.visible_references() == []
    assert view.stack.currentWidget() is view.no_match
    view.search.clear()
    view.search.setText("0003")
    assert view.visible_references() == ["BR-2026-0003"]


def test_countdown_ticks_without_reset_and_resorts(filled, clock, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(filled)
    qtbot.addWidget(view)
    resets: list[int] = []
    changes: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.dataChanged.connect(lambda *args: changes.append(1))
    clock.now += timedelta(hours=3)
    view.tick()
    assert resets == [] and changes
    texts = [view.model.index(r, Column.TIME_LEFT).data() for r in range(4)]
    # The breach due in 2 h is now overdue by 1 h: it moves behind the one overdue by 11 h.
    assert texts[:2] == ["Overdue by 11 h", "Overdue by 1 h"]
    assert view.visible_references()[:2] == ["BR-2026-0002", "BR-2026-0004"]


def test_empty_state_and_new_button(ctx, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(ctx)
    qtbot.addWidget(view)
    assert view.stack.currentWidget() is view.empty
    with qtbot.waitSignal(view.new_breach_requested):
        view.new_button.click()


def test_double_click_opens_the_breach(filled, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(filled)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    index = view.model.index(1, Column.TITLE)
    expected = index.data(ID_ROLE)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.open_breach) as blocker:
        # A real double-click: press and release, then the double-click event.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == [expected]


def test_reload_shows_a_new_breach(ctx, clock, qtbot):  # type: ignore[no-untyped-def]
    view = BreachesView(ctx)
    qtbot.addWidget(view)
    _make(ctx, clock, "Late arrival", 1)
    view.reload()
    assert view.visible_references() == ["BR-2026-0001"]
    assert view.stack.currentWidget() is view.table
