"""Render every screen of the app, offscreen, at laptop and desktop sizes, to PNG files to
look at (and the documents to PDF): `python tools/screens.py OUT_DIR [WxH ...]`.

Uses the demo vault, so every screen has realistic content. Also reports each visible
scroll area that needs a horizontal scroll bar at that size (nothing should).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget  # noqa: E402

SIZES = ((1229, 700), (1440, 900))


def settle(app: QApplication) -> None:
    """Let the window draw, and wait for work it runs in the background (up to 30 s)."""
    from gui.kit.tasks import running_tasks

    deadline = time.monotonic() + 30
    while True:
        for _ in range(5):
            app.processEvents()
        if not running_tasks() or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def sideways(widget: QWidget) -> list[str]:
    """Visible scroll areas showing a horizontal scroll bar (a sign of clipping)."""
    found = []
    for area in widget.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            found.append(f"{type(area).__name__} {area.objectName() or ''} "
                         f"in {type(area.parentWidget()).__name__}".strip())
    return found


def shoot(widget: QWidget, app: QApplication, path: Path, problems: list[str]) -> None:
    settle(app)
    widget.grab().save(str(path))
    problems.extend(f"{path.name}: {where}" for where in sideways(widget))


def main(out: Path, sizes: tuple[tuple[int, int], ...]) -> int:
    from gui.app import make_application, render_pdf
    from gui.main_window import MainWindow
    from model.services import vaults

    app = make_application()
    out.mkdir(parents=True, exist_ok=True)
    ctx = vaults.open_demo(render_pdf)
    problems: list[str] = []
    try:
        for width, height in sizes:
            window = MainWindow(ctx)
            window.resize(width, height)
            window.show()
            tag = f"{width}x{height}"
            for page in ("Breaches", "Register", "Settings"):
                window.show_page(page)
                shoot(window, app, out / f"{tag}-{page.lower()}.png", problems)
                register = window.register
                if page == "Register" and hasattr(register, "tabs"):
                    for i in range(register.tabs.count()):
                        register.tabs.setCurrentIndex(i)
                        shoot(window, app, out / f"{tag}-register-{i}.png", problems)
            window.show_page("Breaches")
            first = ctx.breaches.list()[-1].id
            workspace = window.open_breach(first)
            if workspace is not None:
                for step in workspace.step_pages:  # type: ignore[attr-defined]
                    workspace.show_step(step.KEY)  # type: ignore[attr-defined]
                    shoot(window, app, out / f"{tag}-step-{step.KEY}.png", problems)
                workspace.close_workspace()  # type: ignore[attr-defined]
            window.close_for_lock()
    finally:
        ctx.close()
    for line in problems:
        print("sideways scroll:", line)
    print(f"screens written to {out}")
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screens")
    chosen = tuple(tuple(int(v) for v in s.split("x")) for s in sys.argv[2:]) or SIZES
    sys.exit(main(target, chosen))  # type: ignore[arg-type]
