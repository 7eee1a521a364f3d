"""Trust: the audit trail (append-only, hash-chained) and the settings it and the vault's
safety need (who uses the app, the idle lock, how many automatic backups to keep).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_KEPT = "the audit trail is append-only: its events cannot be changed or removed"


def upgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("user_name", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("lock_after_minutes", sa.Integer, nullable=False,
                                   server_default="10"))
        batch.add_column(sa.Column("backups_kept", sa.Integer, nullable=False,
                                   server_default="10"))
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("breach_id", sa.Integer, nullable=True, index=True),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("changes_json", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("prev_sha256", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sqlite_autoincrement=True,
    )
    for event in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON "
                   f"audit_event BEGIN SELECT RAISE(ABORT, '{_KEPT}'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    op.drop_table("audit_event")
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("backups_kept")
        batch.drop_column("lock_after_minutes")
        batch.drop_column("user_name")
