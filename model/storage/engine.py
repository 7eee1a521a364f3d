"""The one function that builds the SQLCipher-encrypted SQLAlchemy engine."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event

from model.domain.errors import DamagedVaultError, VaultError


def _connect(db_path: Path, key: bytes) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(db_path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # A raw hex key: no user text in the PRAGMA, no PBKDF2 cost per connection.
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # PRAGMA key never fails; the first read does when the key is wrong.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        # Temporary tables and sort spills stay in memory: no plaintext temp files.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
    except sqlcipher.DatabaseError as err:
        conn.close()
        if "not a database" in str(err) or "encrypted" in str(err):
            raise DamagedVaultError(
                "The database does not open with this key: it is damaged, not a Breach Desk "
                "vault, or belongs to another key file.") from None
        raise VaultError(f"The database cannot be opened: {err}") from None
    return conn


def check_key(db_path: Path, key: bytes) -> None:
    """Open and close one connection: raises WrongKeyError if `key` does not open the file."""
    _connect(db_path, key).close()


def build_engine(db_path: Path, key: bytes) -> Engine:
    """An engine whose every connection is keyed and checked before use."""
    if len(key) != 32:
        raise VaultError("The data key must be 256 bits.")
    engine = create_engine(
        f"sqlite:///{db_path}",
        creator=lambda: _connect(db_path, key),
        module=sqlcipher,
    )

    @event.listens_for(engine, "connect")
    def _no_pysqlite_autobegin(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy emit BEGIN itself so transactions are explicit and complete.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    return engine
