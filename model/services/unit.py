"""Units of work: one session and one transaction per user action.

`unit()` begins IMMEDIATE (it may write); `read()` begins a deferred, read-only one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from model.domain.clock import Clock, utc_now
from model.domain.errors import BreachDeskError, DamagedVaultError, NotFoundError
from model.storage.engine import DAMAGED, READ_ONLY, is_damage
from model.storage.orm import BreachRow


class SaveError(BreachDeskError):
    """A write failed; the transaction was rolled back so the previous state stands."""


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "WITH")


class Database:
    """Hands out transactional sessions over the vault's engine."""

    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.clock = clock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(engine.execution_options(**{READ_ONLY: True}),
                                     expire_on_commit=False)
        # Counts statements that may change data: what was read at one generation may
        # be kept (the register's rows) until it moves on.
        self.generation = 0
        event.listen(engine, "before_cursor_execute", self._note_statement)

    def _note_statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:7].upper().startswith(_WRITES):
            self.generation += 1

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error."""
        with _translated(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit: it never takes the write lock (lists, reports, exports)."""
        with _translated(), self._readers.begin() as session:
            yield session


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except IntegrityError as err:
        raise SaveError(f"Not saved: the change conflicts with stored data ({err.orig}).") \
            from None
    except (DBAPIError, sqlcipher.Error) as err:
        # The list, the register and the actions read through the driver's own cursor,
        # whose errors SQLAlchemy never wraps: both kinds are told the same way.
        orig = err.orig if isinstance(err, DBAPIError) else err
        if orig is not None and is_damage(orig):
            raise DamagedVaultError(DAMAGED) from None
        text = str(orig)
        if "full" in text:
            text = "the disk is full"
        elif "locked" in text or "busy" in text:
            text = "another program kept the vault busy for too long; try again"
        raise SaveError(f"Not saved: {text}. The previous version is unchanged.") from None


def breach_row(session: Session, breach_id: int) -> BreachRow:
    """The breach's row in this unit of work; NotFoundError names the id when there is none."""
    row = session.get(BreachRow, breach_id)
    if row is None:
        raise NotFoundError(f"No breach with id {breach_id}.")
    return row
