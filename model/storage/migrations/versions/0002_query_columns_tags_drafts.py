"""Query columns and tags for the register, frozen assessment snapshots, drafts; facts move
from breach-facts/1 to the versioned storage document.

Revision ID: 0002
Revises: 0001
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_TEXT = sa.String(32)


def _convert(conn: sa.Connection) -> None:
    """Rewrite every stored facts document and fill the new columns, tags and digests."""
    from model.domain.clock import require_aware
    from model.domain.deadlines import deadline_for
    from model.domain.snapshot import freeze
    from model.storage import facts_codec
    from model.storage.mapping import TAGGED

    def utc(value: datetime | None) -> str | None:  # as the ORM stores it: fixed-width UTC
        return None if value is None else require_aware(value).isoformat(timespec="microseconds")

    for row in conn.execute(sa.text("SELECT id, facts_json FROM breach")).all():
        facts = facts_codec.loads(row.facts_json)
        deadline = deadline_for(facts.regime, facts.aware_at) if facts.aware_at else None
        conn.execute(sa.text(
            "UPDATE breach SET facts_json = :doc, occurred_at = :occ, discovered_at = :disc, "
            "deadline_at = :dl, subjects_count = :sc, records_count = :rc, "
            "cyber_incident = :cy WHERE id = :id"),
            {"doc": facts_codec.dumps(facts), "occ": utc(facts.occurred_at),
             "disc": utc(facts.discovered_at), "dl": utc(deadline),
             "sc": facts.subjects_count, "rc": facts.records_count,
             "cy": facts.cyber_incident.value if facts.cyber_incident else None,
             "id": row.id})
        for kind, attr in TAGGED.items():
            for item in dict.fromkeys(getattr(facts, attr)):
                conn.execute(sa.text("INSERT INTO breach_tag (breach_id, kind, value) "
                                     "VALUES (:b, :k, :v)"),
                             {"b": row.id, "k": kind, "v": item.value})
    for row in conn.execute(sa.text("SELECT id, facts_json, result_json FROM assessment")).all():
        doc = facts_codec.facts_to_storage(facts_codec.loads(row.facts_json))
        snapshot = freeze({"facts": doc, "result": json.loads(row.result_json)})
        conn.execute(sa.text("UPDATE assessment SET facts_json = :doc, sha256 = :sha "
                             "WHERE id = :id"),
                     {"doc": json.dumps(doc, ensure_ascii=False, sort_keys=True),
                      "sha": snapshot.sha256, "id": row.id})


def upgrade() -> None:
    with op.batch_alter_table("breach") as batch:
        batch.add_column(sa.Column("occurred_at", UTC_TEXT, nullable=True))
        batch.add_column(sa.Column("discovered_at", UTC_TEXT, nullable=True))
        batch.add_column(sa.Column("deadline_at", UTC_TEXT, nullable=True))
        batch.add_column(sa.Column("subjects_count", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("records_count", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("cyber_incident", sa.String(16), nullable=True))
        batch.create_index("ix_breach_deadline_at", ["deadline_at"])
    op.create_table(
        "breach_tag",
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(64), primary_key=True),
    )
    op.create_index("ix_breach_tag_kind_value", "breach_tag", ["kind", "value"])
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("sha256", sa.String(64), nullable=True))
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scope", sa.String(120), nullable=False, unique=True),
        sa.Column("breach_id", sa.Integer, sa.ForeignKey("breach.id", ondelete="CASCADE"),
                  nullable=True, index=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("saved_at", UTC_TEXT, nullable=False),
    )
    _convert(op.get_bind())


def downgrade() -> None:
    op.drop_table("draft")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("sha256")
    op.drop_index("ix_breach_tag_kind_value", "breach_tag")
    op.drop_table("breach_tag")
    with op.batch_alter_table("breach") as batch:
        batch.drop_index("ix_breach_deadline_at")
        for name in ("cyber_incident", "records_count", "subjects_count", "deadline_at",
                     "discovered_at", "occurred_at"):
            batch.drop_column(name)
