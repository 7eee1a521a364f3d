"""Attachments: files kept inside the encrypted vault with their name, size, SHA-256, who
added them and when. Reading the content is a separate call (lists never load files)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlalchemy import select

from model.domain import audit
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.limits import LONG_TEXT, check_text
from model.domain.records import Attachment
from model.domain.snapshot import sha256_hex
from model.services import journal
from model.services.unit import Database, breach_row
from model.storage import mapping
from model.storage.orm import AttachmentRow, BreachRow

MAX_BYTES = 50 * 1024 * 1024  # a screenshot or an emailed PDF, not a disk image
MAX_NAME = 200


def _clean_name(name: str) -> str:
    """A file name safe to show and to write back out: no folders, no control characters."""
    base = Path(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"/\\|?*')
    return base.strip(" .")[:MAX_NAME] or "attachment"


def _values(row: AttachmentRow) -> dict[str, object]:
    return {"name": row.name, "owner": row.owner, "size": row.size, "sha256": row.sha256,
            "media_type": row.media_type, "note": row.note}


class AttachmentService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, breach_id: int | None, name: str, content: bytes, added_by: str = "",
            owner: str = "breach", note: str = "") -> Attachment:
        """Keep `content` in the vault; refused when empty or larger than 50 MB."""
        if not content:
            raise ValidationError("attachment", "the file is empty")
        if len(content) > MAX_BYTES:
            raise ValidationError("attachment", f"the file is larger than "
                                  f"{MAX_BYTES // (1024 * 1024)} MB; attach a smaller copy")
        clean = _clean_name(name)
        check_text("note", note, LONG_TEXT)
        check_text("attachment", clean)
        media = mimetypes.guess_type(clean)[0] or "application/octet-stream"
        now = self._db.clock()
        with self._db.unit() as session:
            breach = None
            if breach_id is not None:
                breach = breach_row(session, breach_id)
            row = AttachmentRow(breach_id=breach_id, owner=owner, name=clean,
                                media_type=media, size=len(content),
                                sha256=sha256_hex(content), content=content,
                                added_by=added_by, added_at=now, note=note)
            session.add(row)
            session.flush()
            journal.audit(session, "attachment", row.id, "added", now=now, breach=breach,
                          changes=audit.created(_values(row)), summary=f"File attached "
                          f"({row.owner}).")
            if breach is not None:
                journal.record(session, breach, at=now, kind="attachment",
                               text=f"File attached: {clean} ({len(content):,} bytes, "
                               f"SHA-256 {row.sha256[:12]}…).", actor=added_by, now=now)
            return mapping.to_attachment(row)

    def add_file(self, breach_id: int | None, path: Path, added_by: str = "",
                 owner: str = "breach", note: str = "") -> Attachment:
        try:
            size = Path(path).stat().st_size
            if size > MAX_BYTES:
                raise ValidationError("attachment", f"{Path(path).name} is larger than "
                                      f"{MAX_BYTES // (1024 * 1024)} MB")
            content = Path(path).read_bytes()
        except OSError as err:
            raise ValidationError("attachment", f"cannot read {path}: "
                                  f"{err.strerror or err}") from None
        return self.add(breach_id, Path(path).name, content, added_by, owner, note)

    def list(self, breach_id: int) -> list[Attachment]:
        with self._db.unit() as session:
            rows = session.scalars(select(AttachmentRow)
                                   .where(AttachmentRow.breach_id == breach_id)
                                   .order_by(AttachmentRow.added_at, AttachmentRow.id)).all()
            return [mapping.to_attachment(r) for r in rows]

    def content(self, attachment_id: int) -> bytes:
        """The file's bytes, checked against the SHA-256 kept when it was added."""
        with self._db.unit() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise NotFoundError(f"No attachment with id {attachment_id}.")
            data = bytes(row.content)
            if sha256_hex(data) != row.sha256:
                raise WorkflowError(f"The attachment {row.name} does not match its SHA-256: "
                                    "the vault may be damaged. Run 'verify'.")
            return data

    def delete(self, attachment_id: int, actor: str = "") -> None:
        """Remove an attachment that nothing else depends on (a filing's proof stays)."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise NotFoundError(f"No attachment with id {attachment_id}.")
            if row.owner != "breach":
                raise WorkflowError(f"{row.name} is kept as part of a record ({row.owner}) "
                                    "and cannot be removed.")
            breach = session.get(BreachRow, row.breach_id) if row.breach_id else None
            journal.audit(session, "attachment", row.id, "removed", now=now, breach=breach,
                          changes=audit.changes_between(_values(row), {}),
                          summary="File removed.")
            session.delete(row)
            if breach is not None:
                journal.record(session, breach, at=now, kind="attachment",
                               text=f"File removed: {row.name}.", actor=actor, now=now)
