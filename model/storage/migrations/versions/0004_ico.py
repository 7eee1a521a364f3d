"""The ICO notification: the report's answers and its filed versions (immutable).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_FROZEN = "a filed ICO report is kept as filed and cannot be changed"


def upgrade() -> None:
    op.create_table(
        "ico_report",
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), primary_key=True),
        sa.Column("answers_json", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
    )
    op.create_table(
        "ico_filing",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("report_type", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("filed_at", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
        sa.Column("case_reference", sa.Text, nullable=False),
        sa.Column("delay_reasons", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("snapshot_json", sa.Text, nullable=False),
        sa.Column("snapshot_sha256", sa.String(64), nullable=False),
        sa.Column("pdf", sa.LargeBinary, nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("pdf_size", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("breach_id", "version"),
    )
    for event in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER ico_filing_no_{event.lower()} BEFORE {event} ON "
                   f"ico_filing BEGIN SELECT RAISE(ABORT, '{_FROZEN}'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS ico_filing_no_update")
    op.execute("DROP TRIGGER IF EXISTS ico_filing_no_delete")
    op.drop_table("ico_filing")
    op.drop_table("ico_report")
