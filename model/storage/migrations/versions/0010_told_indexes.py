"""Indexes for the register's "people told" column: the first delivered contact, notice or
older timeline entry per breach is read from small covering indexes instead of scanning
every contact attempt and every timeline event (100,000 and 250,000 rows in a large
vault, each page decrypted).

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_people_contact_told", "people_contact", ["outcome", "breach_id", "at"])
    op.create_index("ix_timeline_event_kind", "timeline_event", ["kind", "breach_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_timeline_event_kind", "timeline_event")
    op.drop_index("ix_people_contact_told", "people_contact")
