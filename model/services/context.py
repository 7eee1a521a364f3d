"""AppContext: an open vault and the services over it, handed to the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from model.domain.clock import Clock, utc_now
from model.services.assessments import AssessmentService
from model.services.attachments import AttachmentService
from model.services.audit import AuditService
from model.services.backups import BackupService
from model.services.breaches import BreachService
from model.services.cases import CaseService
from model.services.documents import DocumentService
from model.services.drafts import DraftService
from model.services.ico import IcoService
from model.services.lessons import LessonsService
from model.services.organisation import OrganisationService
from model.services.people import PeopleService
from model.services.recipients import RecipientService
from model.services.register import RegisterService
from model.services.register_import import RegisterImportService
from model.services.unit import Database
from model.storage import migrate
from model.storage.orm import AssessmentRow, BreachRow, TimelineRow
from model.storage.vault import Vault


@dataclass(frozen=True)
class VaultInfo:
    data_dir: Path
    database: Path
    key_file: Path
    key_in_keyring: bool
    keyring_backend: str | None
    schema_version: str | None
    counts: dict[str, int] = field(default_factory=dict)


class AppContext:
    """Everything a screen or a command needs; built once per unlock, closed on lock."""

    def __init__(self, vault: Vault, clock: Clock = utc_now, demo: bool = False) -> None:
        self._vault = vault
        self.demo = demo
        self.db = Database(vault.engine, clock)
        self.clock = clock
        self.organisation = OrganisationService(self.db)
        self.breaches = BreachService(self.db)
        self.assessments = AssessmentService(self.db)
        self.cases = CaseService(self.db)
        self.documents = DocumentService(self.db, self.cases)
        self.drafts = DraftService(self.db)
        self.attachments = AttachmentService(self.db)
        self.ico = IcoService(self.db, self.cases)
        self.lessons = LessonsService(self.db)
        self.register = RegisterService(self.db, self.cases)
        self.register_import = RegisterImportService(self.db)
        self.people = PeopleService(self.db, self.cases)
        self.recipients = RecipientService(self.db)
        self.audit = AuditService(self.db)
        self.backups = BackupService(vault, clock)

    @property
    def data_dir(self) -> Path:
        return self._vault.paths.data_dir

    @property
    def key_in_keyring(self) -> bool:
        return self._vault.key_in_keyring

    @property
    def backup_made(self) -> str | None:
        return self._vault.backup_made

    def info(self) -> VaultInfo:
        from model.storage import keystore

        counts: dict[str, int] = {}
        with self.db.unit() as session:
            for name, table in (("breaches", BreachRow), ("timeline_events", TimelineRow),
                                ("assessments", AssessmentRow)):
                counts[name] = int(session.scalar(select(func.count()).select_from(table)) or 0)
        paths = self._vault.paths
        return VaultInfo(paths.data_dir, paths.db, paths.key, self._vault.key_in_keyring,
                         keystore.keyring_name(), migrate.current_revision(self._vault.engine),
                         counts)

    def close(self) -> None:
        self._vault.close()
