"""GUI fixtures: stand-ins for the screens the shell embeds, and modal-dialog capture.

The shell is tested against the interfaces of gui.breaches.view, gui.workspace and
gui.triage.wizard, not their real implementations (those have their own tests).
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from model.services import vaults
from tests.conftest import PASSPHRASE


class FakeBreachesView(QWidget):
    open_breach = Signal(int)
    new_breach_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


class FakeWorkspace(QWidget):
    closed = Signal()
    changed = Signal(int)

    def __init__(self, ctx, breach_id: int, steps=(), parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.breach_id = breach_id

    def unsaved_steps(self) -> list:  # type: ignore[type-arg]
        return []

    def keep_drafts(self) -> bool:
        return True

    def close_workspace(self) -> None:
        self.closed.emit()


class FakeWizard(QDialog):
    """exec() returns `FakeWizard.outcome` without a modal loop."""

    outcome = QDialog.DialogCode.Rejected
    created = 0
    instances: list[FakeWizard] = []

    def __init__(self, ctx, parent: QWidget | None = None, draft=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.draft = draft
        self.created_breach_id: int | None = None
        FakeWizard.instances.append(self)

    def keep_draft(self) -> bool:
        return True

    def close_keeping_draft(self) -> None:
        self.reject()

    def exec(self) -> int:
        if FakeWizard.outcome == QDialog.DialogCode.Accepted:
            self.created_breach_id = FakeWizard.created
        return int(FakeWizard.outcome)


@pytest.fixture
def standins(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """Put the fake screens where the shell imports the real ones from."""
    FakeWizard.outcome = QDialog.DialogCode.Rejected
    FakeWizard.instances = []
    modules = {
        "gui.breaches.view": {"BreachesView": FakeBreachesView},
        "gui.workspace.workspace": {"BreachWorkspace": FakeWorkspace},
        "gui.steps": {"STEPS": ()},
        "gui.triage.wizard": {"TriageWizard": FakeWizard},
    }
    for name, attributes in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        monkeypatch.setitem(sys.modules, name, module)
    return types.SimpleNamespace(view=FakeBreachesView, workspace=FakeWorkspace,
                                 wizard=FakeWizard)


@dataclass
class Shown:
    """Message boxes that would have been shown."""

    boxes: list[dict[str, str]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [box["text"] for box in self.boxes]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Record QMessageBox dialogs (instance exec and the static helpers) instead of blocking."""
    shown = Shown()

    def fake_exec(box: QMessageBox) -> int:
        shown.boxes.append({"title": box.windowTitle(), "text": box.text(),
                            "detail": box.detailedText()})
        return int(QMessageBox.StandardButton.Ok)

    def fake_static(answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def record(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            shown.boxes.append({"title": title, "text": text, "detail": ""})
            return answer
        return record

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", fake_static(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", fake_static(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question",
                        fake_static(QMessageBox.StandardButton.Discard))
    return shown


@pytest.fixture
def vault_dir(tmp_path, clock):  # type: ignore[no-untyped-def]
    """A created (and closed) vault whose passphrase is tests.conftest.PASSPHRASE."""
    folder = tmp_path / "vault"
    vaults.create(folder, PASSPHRASE, use_keyring=False, clock=clock).close()
    return folder


def host_step(ctx, step_class, breach_id: int, qtbot, size=(1200, 780)):  # type: ignore[no-untyped-def]
    """A workspace step on its own, wired as the workspace wires it: after a save the case
    is read again and the step shown the new one."""
    from gui.kit.case_model import CaseModel

    model = CaseModel(ctx, breach_id)
    step = step_class(ctx, model)
    step.case_model_ref = model  # keep the model alive as long as the step
    model.changed.connect(step.load)
    step.saved.connect(model.reload)
    qtbot.addWidget(step)
    step.resize(*size)
    step.show()
    return step
