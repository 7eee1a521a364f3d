"""The facts document moves out of the breach row into breach_facts, and the list's
columns get a covering index: listing or registering 10,000 breaches then reads a few
hundred pages instead of every page of every document (each one decrypted).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LIST_COLUMNS = ["id", "reference", "title", "status", "regime", "aware_at", "notified_at",
                "created_at", "updated_at", "near_miss"]


def upgrade() -> None:
    op.create_table(
        "breach_facts",
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("facts_json", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO breach_facts (breach_id, facts_json) "
               "SELECT id, facts_json FROM breach")
    # SQLite drops a column in place (3.35+): no table copy, so no foreign key pointing at
    # breach is disturbed.
    op.execute("ALTER TABLE breach DROP COLUMN facts_json")
    op.create_index("ix_breach_list", "breach", LIST_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_breach_list", "breach")
    op.execute("ALTER TABLE breach ADD COLUMN facts_json TEXT NOT NULL DEFAULT '{}'")
    op.execute("UPDATE breach SET facts_json = (SELECT facts_json FROM breach_facts "
               "WHERE breach_facts.breach_id = breach.id)")
    op.drop_table("breach_facts")
