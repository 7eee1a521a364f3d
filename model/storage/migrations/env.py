"""Alembic environment: always run from code on the vault's open, keyed connection."""

from alembic import context

from model.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
