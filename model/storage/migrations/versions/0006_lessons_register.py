"""Lessons learned, corrective actions (linked to one or more breaches), near misses,
imported breaches, and the register's copies of the latest assessment and decision.

Revision ID: 0006
Revises: 0004
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC_TEXT = sa.String(32)
_BREACH_COLUMNS = ("imported_from", "near_miss", "decision_reason", "notify_subjects",
                   "notify_ico", "risk_level", "processor_name")


def _backfill(conn: sa.Connection) -> None:
    """Fill the new breach columns from what is already stored (one pass per breach)."""
    from model.storage import facts_codec
    from model.storage.mapping_lessons import decision_reason

    for row in conn.execute(sa.text("SELECT id, facts_json FROM breach")).all():
        facts = facts_codec.loads(row.facts_json)
        values = {"id": row.id, "proc": facts.processor_name, "risk": None, "ico": None,
                  "subj": None, "reason": ""}
        latest = conn.execute(sa.text(
            "SELECT result_json FROM assessment WHERE breach_id = :id "
            "ORDER BY version DESC LIMIT 1"), {"id": row.id}).first()
        if latest is not None:
            values["risk"] = json.loads(latest.result_json).get("risk")
        decided = conn.execute(sa.text(
            "SELECT notify_ico, notify_subjects, notify_ico_reason, notify_subjects_reason "
            "FROM decision WHERE breach_id = :id ORDER BY recorded_at DESC, id DESC LIMIT 1"),
            {"id": row.id}).first()
        if decided is not None:
            values.update(ico=decided.notify_ico, subj=decided.notify_subjects,
                          reason=decision_reason(decided.notify_ico_reason,
                                                 decided.notify_subjects_reason))
        conn.execute(sa.text(
            "UPDATE breach SET processor_name = :proc, risk_level = :risk, notify_ico = :ico, "
            "notify_subjects = :subj, decision_reason = :reason WHERE id = :id"), values)


def upgrade() -> None:
    with op.batch_alter_table("breach") as batch:
        batch.add_column(sa.Column("processor_name", sa.Text, nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("risk_level", sa.String(16), nullable=True))
        batch.add_column(sa.Column("notify_ico", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("notify_subjects", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("decision_reason", sa.Text, nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("near_miss", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("imported_from", sa.Text, nullable=True))
        batch.create_index("ix_breach_near_miss", ["near_miss"])
    op.create_table(
        "lessons",
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("incident_type", sa.String(40), nullable=True, index=True),
        sa.Column("taxonomy_version", sa.String(40), nullable=False),
        sa.Column("primary_cause", sa.String(32), nullable=True, index=True),
        *(sa.Column(name, sa.Text, nullable=False) for name in (
            "contributing", "team")),
        sa.Column("learning_response", sa.String(32), nullable=True),
        *(sa.Column(name, sa.Text, nullable=False) for name in (
            "response_reason", "five_whys", "narrative", "went_well", "needed_sooner",
            "do_differently")),
        sa.Column("updated_at", UTC_TEXT, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
    )
    op.create_table(
        "corrective_action",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("area", sa.String(16), nullable=True),
        *(sa.Column(name, sa.Text, nullable=False) for name in (
            "description", "owner", "owner_role", "addresses")),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("raised_on", sa.Date, nullable=False),
        sa.Column("due_on", sa.Date, nullable=True, index=True),
        sa.Column("ico_promised_on", sa.Date, nullable=True),
        sa.Column("completed_on", sa.Date, nullable=True),
        *(sa.Column(name, sa.Text, nullable=False) for name in (
            "evidence_note", "wont_do_reason", "risk_accepted_by")),
        sa.Column("review_on", sa.Date, nullable=True),
        sa.Column("verdict", sa.String(16), nullable=True),
        sa.Column("reviewed_on", sa.Date, nullable=True),
        sa.Column("reviewed_by", sa.Text, nullable=False),
        sa.Column("review_note", sa.Text, nullable=False),
        sa.Column("follow_up_of", sa.Integer, sa.ForeignKey("corrective_action.id"),
                  nullable=True),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", UTC_TEXT, nullable=False),
        sa.Column("updated_at", UTC_TEXT, nullable=False),
    )
    op.create_table(
        "action_breach",
        sa.Column("action_id", sa.Integer,
                  sa.ForeignKey("corrective_action.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_action_breach_breach", "action_breach", ["breach_id"])
    _backfill(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_action_breach_breach", "action_breach")
    op.drop_table("action_breach")
    op.drop_table("corrective_action")
    op.drop_table("lessons")
    with op.batch_alter_table("breach") as batch:
        batch.drop_index("ix_breach_near_miss")
        for name in _BREACH_COLUMNS:
            batch.drop_column(name)
