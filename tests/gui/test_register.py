"""The Register page on the demo vault: every entry, filters and search, the actions view
(overdue first), the statistics' SVG charts, and opening a breach from a row."""

from __future__ import annotations

from dataclasses import replace

from gui.register.page import RegisterPage
from gui.register.table import ID_ROLE, RegisterTableModel
from model.domain.enums import BreachStatus
from model.domain.register.rows import RegisterRow
from tests.conftest import open_demo


def test_register_page_lists_filters_and_opens(qtbot, clock, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    demo = open_demo(clock)
    try:
        page = RegisterPage(demo)
        qtbot.addWidget(page)
        page.resize(1229, 700)
        page.show()  # reads the register off the GUI thread
        assert page.loading and page.counts.text() == "Loading the register…"
        qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
        everything = demo.register.rows()
        assert len(everything) > 20 and any(r.near_miss for r in everything)
        while page.model.canFetchMore():
            page.model.fetchMore()
        assert page.model.rowCount() == len(everything)
        qtmodeltester.check(page.model)
        assert page.counts.text().startswith(f"{len(everything)} of {len(everything)} entries")
        page.filters.near_miss.setCurrentIndex(1)  # near misses only
        near = [r for r in everything if r.near_miss]
        assert page.model.rowCount() == len(near)
        page.filters.reset()
        page.filters.search.setText("bcc")
        assert {page.model.row_at(r).title for r in range(page.model.rowCount())} == {
            "Newsletter sent without bcc"}
        opened: list[int] = []
        page.open_breach.connect(opened.append)
        page.table.activated.emit(page.model.index(0, 0))
        assert opened == [page.model.data(page.model.index(0, 0), ID_ROLE)]
        # The actions are read when their tab is shown; overdue ones come first.
        assert page.actions_view.model.rowCount() == 0
        page.tabs.setCurrentWidget(page.actions_view)
        qtbot.waitUntil(lambda: not page.loading)
        actions = page.actions_view.model
        assert actions.rowCount() > 0
        today = actions.today
        flags = [actions.record(actions.index(r, 0)).overdue(today)
                 for r in range(actions.rowCount())]
        assert flags == sorted(flags, reverse=True) and any(flags)
        page.tabs.setCurrentWidget(page.stats)
        assert len(page.stats.charts) == 5
        assert all(c.renderer().isValid() for c in page.stats.charts)
    finally:
        demo.close()


def test_lazy_model_hands_rows_in_batches(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from model.domain.enums import Regime

    base = RegisterRow(id=0, reference="", title="t", status=BreachStatus.OPEN,
                       regime=Regime.UK_GDPR, created_at=datetime(2026, 1, 1, tzinfo=UTC))
    rows = [replace(base, id=i, reference=f"BR-2026-{i:05d}") for i in range(1, 1201)]
    model = RegisterTableModel()
    model.set_rows(rows, "Europe/London", {})
    assert model.rowCount() == 500 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 1200 and not model.canFetchMore()
    qtmodeltester.check(model)
