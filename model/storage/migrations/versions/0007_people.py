"""Telling the people affected: letter and notice texts, recipients, the contact log and
published public notices.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

UTC_TEXT = sa.String(32)  # the ORM's fixed-width UTC text (model.storage.orm.UtcDateTime)


def upgrade() -> None:
    op.create_table(
        "people_letter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text_json", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("saved_at", UTC_TEXT, nullable=False),
        sa.Column("saved_by", sa.Text, nullable=False),
        sa.UniqueConstraint("breach_id", "kind"),
    )
    op.create_table(
        "people_recipient",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("lines_json", sa.Text, nullable=False),
        sa.Column("postcode", sa.String(16), nullable=False),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("categories", sa.Text, nullable=False),
        sa.Column("address_key", sa.String(120), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("merged", sa.Text, nullable=False),
        sa.Column("added_at", UTC_TEXT, nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.UniqueConstraint("breach_id", "number"),
    )
    op.create_index("ix_people_recipient_key", "people_recipient",
                    ["breach_id", "address_key"])
    op.create_table(
        "people_contact",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("recipient_id", sa.Integer, sa.ForeignKey("people_recipient.id"),
                  nullable=False, index=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("at", UTC_TEXT, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("letter_sha256", sa.String(64), nullable=False),
        sa.Column("recorded_at", UTC_TEXT, nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
    )
    op.create_table(
        "people_notice",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("where", sa.Text, nullable=False),
        sa.Column("published_at", UTC_TEXT, nullable=False),
        sa.Column("taken_down_at", UTC_TEXT, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("recorded_at", UTC_TEXT, nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("people_notice")
    op.drop_table("people_contact")
    op.drop_index("ix_people_recipient_key", "people_recipient")
    op.drop_table("people_recipient")
    op.drop_table("people_letter")
