"""The workspace's steps, each built when first needed: opening a breach builds the step on
screen, and the others follow one at a time while the DPO reads it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from gui.kit.step import StepPage


class LazySteps:
    """Step pages in `stack`, in the order of `factories`; a placeholder holds each place
    until `page(row)` builds it (then `built(row, page)` is called)."""

    def __init__(self, factories: Sequence[type[StepPage]], stack: QStackedWidget,
                 make: Callable[[type[StepPage]], StepPage],
                 built: Callable[[int, StepPage], None]) -> None:
        self.factories = list(factories)
        self._stack, self._make, self._on_built = stack, make, built
        self._pages: list[StepPage | None] = [None] * len(self.factories)
        for _factory in self.factories:
            stack.addWidget(QWidget())

    def page(self, row: int) -> StepPage:
        page = self._pages[row]
        if page is None:
            page = self._pages[row] = self._make(self.factories[row])
            placeholder, current = self._stack.widget(row), self._stack.currentIndex()
            assert placeholder is not None
            self._stack.insertWidget(row, page)
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._stack.setCurrentIndex(current)
            self._on_built(row, page)
        return page

    def built(self) -> list[tuple[int, StepPage]]:
        return [(row, page) for row, page in enumerate(self._pages) if page is not None]

    def build_next(self) -> bool:
        """Build the first step not built yet; False when every step is built."""
        row = next((i for i, page in enumerate(self._pages) if page is None), None)
        if row is None:
            return False
        self.page(row)
        return True

    def row_of(self, key: str) -> int:
        for row, factory in enumerate(self.factories):
            if key == factory.KEY:
                return row
        raise KeyError(key)
