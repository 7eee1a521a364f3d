"""Initial schema: organisation, breaches, timeline, assessments, decisions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_TEXT = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.Column("ico_registration", sa.String(64), nullable=False),
        sa.Column("dpo_name", sa.Text, nullable=False),
        sa.Column("dpo_email", sa.Text, nullable=False),
        sa.Column("dpo_phone", sa.Text, nullable=False),
        sa.Column("default_regime", sa.String(32), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("updated_at", UTC_TEXT, nullable=True),
    )
    op.create_table(
        "breach",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference", sa.String(32), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("status", sa.String(32), nullable=False, index=True),
        sa.Column("regime", sa.String(32), nullable=False),
        sa.Column("aware_at", UTC_TEXT, nullable=True),
        sa.Column("notified_at", UTC_TEXT, nullable=True),
        sa.Column("facts_json", sa.Text, nullable=False),
        sa.Column("created_at", UTC_TEXT, nullable=False),
        sa.Column("updated_at", UTC_TEXT, nullable=False),
    )
    op.create_table(
        "timeline_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("at", UTC_TEXT, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("recorded_at", UTC_TEXT, nullable=False),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("method_version", sa.String(32), nullable=False),
        sa.Column("facts_json", sa.Text, nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("created_at", UTC_TEXT, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.UniqueConstraint("breach_id", "version"),
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id"), nullable=False,
                  index=True),
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessment.id"),
                  nullable=False),
        sa.Column("notify_ico", sa.Boolean, nullable=False),
        sa.Column("notify_ico_reason", sa.Text, nullable=False),
        sa.Column("notify_subjects", sa.Boolean, nullable=False),
        sa.Column("notify_subjects_reason", sa.Text, nullable=False),
        sa.Column("restriction_ground", sa.String(64), nullable=True),
        sa.Column("restriction_reasoning", sa.Text, nullable=False),
        sa.Column("restriction_review_on", sa.Date, nullable=True),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("decided_at", UTC_TEXT, nullable=False),
        sa.Column("recorded_at", UTC_TEXT, nullable=False),
    )


def downgrade() -> None:
    for table in ("decision", "assessment", "timeline_event", "breach", "organisation"):
        op.drop_table(table)
