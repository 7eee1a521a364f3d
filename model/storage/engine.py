"""The one function that builds the SQLCipher-encrypted SQLAlchemy engine."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event

from model.domain.errors import DamagedVaultError, VaultError

# An execution option: a unit of work that only reads begins a deferred transaction; every
# other one begins IMMEDIATE, taking the write lock at once, so two writers queue under the
# busy timeout instead of failing when a read transaction tries to become a write.
READ_ONLY = "breach_desk_read_only"
BUSY_TIMEOUT_S = 10.0
DAMAGED = ("The vault's database is damaged (a page does not decrypt or fails its check). "
           "Nothing was changed. Run 'verify' to see what is wrong, and restore the latest "
           "backup (the backups folder beside the database) with 'restore'.")


def is_damage(err: BaseException) -> bool:
    """Whether a SQLite/SQLCipher error means the file itself is damaged."""
    text = str(err).lower()
    return any(word in text for word in ("not a database", "malformed", "encrypted",
                                         "hmac", "corrupt"))


def _connect(db_path: Path, key: bytes) -> sqlcipher.Connection:
    if db_path.is_dir():
        raise VaultError(f"The database {db_path} is a folder, not a file: the vault cannot "
                         "be opened. Restore the database from a backup.")
    conn = sqlcipher.connect(str(db_path), check_same_thread=False, timeout=BUSY_TIMEOUT_S)
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
        if is_damage(err):
            raise DamagedVaultError(
                "The database does not open with this key: it is damaged, not a Breach Desk "
                "vault, or belongs to another key file. Restore it from a backup.") from None
        raise VaultError(f"The database cannot be opened: {err}.") from None
    return conn


def connect(db_path: Path, key: bytes) -> sqlcipher.Connection:
    """One keyed DB-API connection (for backups and checks that work below SQLAlchemy)."""
    conn = _connect(db_path, key)
    conn.isolation_level = None
    return conn


def check_key(db_path: Path, key: bytes) -> None:
    """Open and close one connection: raises WrongKeyError if `key` does not open the file."""
    _connect(db_path, key).close()


def build_engine(db_path: Path, key: bytes) -> Engine:
    """An engine whose every connection is keyed and checked before use."""
    if len(key) != 32:
        raise VaultError("The data key must be 256 bits.")
    return with_transactions(create_engine(
        f"sqlite:///{db_path}",
        creator=lambda: _connect(db_path, key),
        module=sqlcipher,
    ))


def with_transactions(engine: Engine) -> Engine:
    """Explicit transactions on `engine`: SQLAlchemy emits BEGIN (IMMEDIATE unless the unit
    only reads), not the driver on its own."""

    @event.listens_for(engine, "connect")
    def _no_pysqlite_autobegin(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy emit BEGIN itself so transactions are explicit and complete.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        reading = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine
