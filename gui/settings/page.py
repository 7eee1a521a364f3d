"""Settings: the organisation profile (controller, DPO, defaults) and vault security.

Rules live in the organisation service; this page only shows the message it raises.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.kit.autosave import Autosaver
from gui.kit.errors import show_error
from gui.kit.style import label, set_role
from gui.settings.security import SecurityGroup, keyring_status
from model.domain.clock import format_local
from model.domain.enums import Regime, Sector
from model.domain.errors import ValidationError
from model.domain.records import OrganisationProfile
from model.services.context import AppContext
from model.services.organisation import BACKUPS_KEPT, LOCK_MINUTES

SETTINGS_SCOPE = "settings"

ZONES = ["Europe/London", "Europe/Belfast", "Europe/Dublin", "Europe/Jersey",
         "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Gibraltar", "UTC",
         "Europe/Amsterdam", "Europe/Berlin", "Europe/Brussels", "Europe/Copenhagen",
         "Europe/Helsinki", "Europe/Lisbon", "Europe/Luxembourg", "Europe/Madrid",
         "Europe/Oslo", "Europe/Paris", "Europe/Prague", "Europe/Rome", "Europe/Stockholm",
         "Europe/Vienna", "Europe/Warsaw", "Europe/Zurich", "Europe/Athens"]

FIELD_LABELS = {
    "name": "Controller name", "address": "Address", "sector": "Sector",
    "ico_registration": "ICO registration number", "dpo_name": "DPO name",
    "dpo_email": "DPO email", "dpo_phone": "DPO phone", "default_regime": "Default regime",
    "time_zone": "Display time zone", "user_name": "Your name",
    "lock_after_minutes": "Lock after", "backups_kept": "Automatic backups kept",
}
__all__ = ["SettingsPage", "keyring_status"]


def _enum_combo(members: type[Sector] | type[Regime]) -> QComboBox:
    combo = QComboBox()
    for member in members:
        combo.addItem(member.label, member)
    return combo


def _whole(value: object, default: int) -> int:
    """A number kept in a draft (drafts keep text)."""
    try:
        return int(str(value))
    except ValueError:
        return default


class SettingsPage(QWidget):
    """Edit the organisation profile; Save writes it through the service in one unit."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._saved = ctx.organisation.get()
        self.autosave = Autosaver(ctx, SETTINGS_SCOPE, self.draft_state,
                                  lambda: "Settings", parent=self)
        self._build()
        self._show_profile(self._saved)

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.name, self.ico = QLineEdit(), QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(96)
        self.address.setTabChangesFocus(True)
        self.sector = _enum_combo(Sector)
        self.dpo_name, self.dpo_email, self.dpo_phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.regime = _enum_combo(Regime)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        self.user_name = QLineEdit()
        self.user_name.setPlaceholderText("The DPO's name when empty")
        self.user_name.setToolTip("Named as 'who' in the audit trail and new entries")
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(*LOCK_MINUTES)
        self.lock_minutes.setSuffix(" minutes without input")
        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(*BACKUPS_KEPT)
        self.backups_kept.setSuffix(" (one made on each close)")
        self.fields = {"name": self.name, "address": self.address, "sector": self.sector,
                       "ico_registration": self.ico, "dpo_name": self.dpo_name,
                       "dpo_email": self.dpo_email, "dpo_phone": self.dpo_phone,
                       "default_regime": self.regime, "time_zone": self.zone,
                       "user_name": self.user_name, "lock_after_minutes": self.lock_minutes,
                       "backups_kept": self.backups_kept}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(24, 20, 24, 20)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(12)
        grid.addWidget(label("Settings", "title"), 0, 0, 1, 2)
        left = QVBoxLayout()  # the group keeps its height when the right column is taller
        left.addWidget(self._group("Organisation (the controller)",
                                   ["name", "address", "sector", "ico_registration"]))
        left.addStretch(1)
        grid.addLayout(left, 1, 0)
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self._group("Data Protection Officer",
                                    ["dpo_name", "dpo_email", "dpo_phone"]))
        right.addWidget(self._group("Defaults", ["default_regime", "time_zone"]))
        right.addWidget(self._group("You and this vault", ["user_name", "lock_after_minutes",
                                                           "backups_kept"]))
        grid.addLayout(right, 1, 1)
        grid.addLayout(self._save_row(), 2, 0, 1, 2)
        self.security = SecurityGroup(self._ctx)
        self.keyring_text = self.security.keyring_text
        self.change_button = self.security.change_button
        grid.addWidget(self.security, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        for widget in self.fields.values():
            self._watch(widget)

    def _group(self, title: str, names: list[str]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in names:
            form.addRow(FIELD_LABELS[name] + ":", self.fields[name])
        return group

    def _save_row(self) -> QHBoxLayout:
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Discard changes")
        self.state = label("", "hint")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addSpacing(12)
        row.addWidget(self.state, 1)
        return row

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(self._update_state)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._update_state)
            widget.editTextChanged.connect(self._update_state)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._update_state)

    # -- profile <-> form ---------------------------------------------------------------
    def _show_profile(self, profile: OrganisationProfile) -> None:
        self.name.setText(profile.name)
        self.address.setPlainText(profile.address)
        self.sector.setCurrentIndex(max(self.sector.findData(profile.sector), 0))
        self.ico.setText(profile.ico_registration)
        self.dpo_name.setText(profile.dpo_name)
        self.dpo_email.setText(profile.dpo_email)
        self.dpo_phone.setText(profile.dpo_phone)
        self.regime.setCurrentIndex(max(self.regime.findData(profile.default_regime), 0))
        self.zone.setCurrentText(profile.time_zone)
        self.user_name.setText(profile.user_name)
        self.lock_minutes.setValue(profile.lock_after_minutes)
        self.backups_kept.setValue(profile.backups_kept)
        self._clear_error()
        self._update_state()

    def form_profile(self) -> OrganisationProfile:
        """What the form says now (single-line fields trimmed)."""
        return OrganisationProfile(
            name=self.name.text().strip(), address=self.address.toPlainText().strip(),
            sector=self.sector.currentData(), ico_registration=self.ico.text().strip(),
            dpo_name=self.dpo_name.text().strip(), dpo_email=self.dpo_email.text().strip(),
            dpo_phone=self.dpo_phone.text().strip(), default_regime=self.regime.currentData(),
            time_zone=self.zone.currentText().strip(), user_name=self.user_name.text().strip(),
            lock_after_minutes=self.lock_minutes.value(),
            backups_kept=self.backups_kept.value())

    def has_unsaved_changes(self) -> bool:
        return self.form_profile() != self._saved

    # -- drafts ---------------------------------------------------------------------------
    def draft_state(self) -> dict[str, Any] | None:
        if not self.has_unsaved_changes():
            return None
        profile = self.form_profile()
        return {f.name: str(getattr(profile, f.name).value if hasattr(
            getattr(profile, f.name), "value") else getattr(profile, f.name))
                for f in fields(profile)}

    def restore_draft(self, state: dict[str, Any]) -> None:
        values = {f.name: state.get(f.name, getattr(self._saved, f.name))
                  for f in fields(self._saved)}
        self._show_profile(OrganisationProfile(
            name=values["name"], address=values["address"], sector=Sector(values["sector"]),
            ico_registration=values["ico_registration"], dpo_name=values["dpo_name"],
            dpo_email=values["dpo_email"], dpo_phone=values["dpo_phone"],
            default_regime=Regime(values["default_regime"]), time_zone=values["time_zone"],
            user_name=str(values["user_name"]),
            lock_after_minutes=_whole(values["lock_after_minutes"], 10),
            backups_kept=_whole(values["backups_kept"], 10)))
        self.autosave.adopt()

    def keep_draft(self) -> bool:
        return self.autosave.flush()

    def _update_state(self) -> None:
        dirty = self.has_unsaved_changes()
        if dirty:
            self.autosave.schedule()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.state.setText("● Unsaved changes")
            set_role(self.state, "pending")
        elif self.state.text().startswith("●"):
            self.state.setText("")

    # -- actions ------------------------------------------------------------------------
    def save(self) -> bool:
        """Save through the service; on any failure the stored profile stays as it was."""
        self._clear_error()
        try:
            self._saved = self._ctx.organisation.save(self.form_profile())
        except ValidationError as err:
            self._show_field_error(err)
            return False
        except Exception as err:  # SaveError or a bug: a dialog, never silence
            show_error(self, err, "Saving the settings")
            return False
        self._show_profile(self._saved)
        self.autosave.forget()
        self.state.setText("Saved " + format_local(self._ctx.clock(), self._saved.time_zone))
        set_role(self.state, "ok")
        self.saved.emit()
        return True

    def revert(self) -> None:
        self._show_profile(self._saved)
        self.autosave.forget()

    def reload(self) -> None:
        """Fetch the stored profile again, unless the user is in the middle of an edit."""
        if not self.has_unsaved_changes():
            self._saved = self._ctx.organisation.get()
            self._show_profile(self._saved)
        self.keyring_text.setText(keyring_status(self._ctx))
        self.security.show_latest()

    def _show_field_error(self, err: ValidationError) -> None:
        name = FIELD_LABELS.get(err.field, err.field)
        text = f"{name} {err.rule}" if err.rule.startswith("is ") else f"{name}: {err.rule}"
        self.state.setText(f"Not saved. {text.rstrip('.')}.")
        set_role(self.state, "error")
        widget = self.fields.get(err.field)
        if widget is not None:
            widget.setProperty("invalid", True)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.setFocus()

    def _clear_error(self) -> None:
        for widget in self.fields.values():
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
