"""Units of work: one session and one transaction per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from model.domain.clock import Clock, utc_now
from model.domain.errors import BreachDeskError


class SaveError(BreachDeskError):
    """A write failed; the transaction was rolled back so the previous state stands."""


class Database:
    """Hands out transactional sessions over the vault's engine."""

    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.clock = clock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except IntegrityError as err:
            raise SaveError(f"Not saved: the change conflicts with stored data ({err.orig}).") \
                from None
        except DBAPIError as err:
            text = str(err.orig)
            if "full" in text:
                text = "the disk is full"
            raise SaveError(f"Not saved: {text}. The previous version is unchanged.") from None
