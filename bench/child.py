"""The benchmark's separate processes: `python bench/child.py MODE DATA_DIR`.

empty   an empty PySide6 main window, shown: the yardstick for start-up
app     Breach Desk as `python main.py` starts it, the key taken from the keyring, up to
        the main window showing the breaches list
memory  the same, then a session on the large vault (the register with its statistics,
        a breach opened, the register saved as CSV); prints the peak memory in MB

Each prints one line, "shown ROWS" or "peak MB", and quits. The parent times from
starting the process to that line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def empty() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1229, 700)
    window.show()
    QTimer.singleShot(0, lambda: (print("shown 0", flush=True), app.quit()))
    return app.exec()


def app(data_dir: Path, session: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from bench.keystore import ENV, install

    install(Path(os.environ[ENV]))
    from PySide6.QtCore import QTimer

    from gui import app as gui_app

    shown = gui_app.AppController.show_window

    def show_window(self, offer_drafts: bool = True):  # type: ignore[no-untyped-def]
        window = shown(self, offer_drafts)
        rows = window.breaches.view.model.rowCount()  # the list is filled before it shows
        if session:
            QTimer.singleShot(0, lambda: work_session(window))
        else:
            QTimer.singleShot(0, lambda: (print(f"shown {rows}", flush=True),
                                          window.close()))
        return window

    gui_app.AppController.show_window = show_window  # type: ignore[method-assign]
    from main import main

    return main(["--data-dir", str(data_dir)])


def peak_mb() -> float:
    """This process's own peak resident memory. Not getrusage's ru_maxrss: on Linux that
    keeps the parent's size at fork across exec, so a child of the (large) benchmark
    process would report the parent's memory."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def work_session(window) -> None:  # type: ignore[no-untyped-def]
    """What a DPO does with the large vault open, then the peak memory."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from gui.register.exports import write_register
    from model.domain.register.rows import RegisterFilter

    app = QApplication.instance()
    assert app is not None
    window.show_page("Register")
    while window.register.loading:
        app.processEvents()
    for tab in range(window.register.tabs.count()):
        window.register.tabs.setCurrentIndex(tab)  # the Actions tab reads every action
        app.processEvents()
        while window.register.loading:
            app.processEvents()
    window.show_page("Breaches")
    window.open_breach(window.ctx.breaches.list()[0].id)
    app.processEvents()
    with tempfile.TemporaryDirectory() as folder:
        write_register(window.ctx, Path(folder) / "register.csv", RegisterFilter())
    print(f"peak {peak_mb():.1f}", flush=True)
    window.close()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "empty":
        sys.exit(empty())
    sys.exit(app(Path(sys.argv[2]), session=mode == "memory"))
