"""Opening a case file: one SQLite file, WAL, a busy timeout, foreign keys on."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from casefile.errors import NotACaseFile

BUSY_TIMEOUT_MS = 10_000
_QUOTE_FTS = re.compile(r'\s+|(".*?")')


class Database:
    """The connection and the few helpers the store needs day to day.

    sqlite-utils does the schema work (migrations, FTS setup), but importing it costs ~45 ms,
    a quarter of the app's start; so it is only imported when a file needs migrating.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        """Run one statement; outside a transaction a write commits at once (as sqlite-utils does)."""
        was_in_transaction = self.conn.in_transaction
        cursor = self.conn.execute(sql, parameters or ())
        if not was_in_transaction and self.conn.in_transaction and cursor.description is None:
            self.conn.execute("COMMIT")
        return cursor

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @staticmethod
    def quote_fts(query: str) -> str:
        """Every word as a literal (the same rule as sqlite-utils' Database.quote_fts)."""
        if query.count('"') % 2:
            query += '"'
        bits = [b for b in _QUOTE_FTS.split(query) if b and b != '""']
        return " ".join(f'"{b}"' if not b.startswith('"') else b for b in bits)

    def utils(self):
        """A sqlite-utils Database on the same connection, for schema work."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()


def connect(path: str | Path) -> Database:
    """Open (or create) the SQLite file. Nothing is written to it here."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise NotACaseFile(f"{path} is a directory, not a case file")
    if not path.parent.exists():
        raise NotACaseFile(f"cannot create {path}: folder {path.parent} does not exist")
    # check_same_thread=False: the app reads from worker threads; Writer serialises writes.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotACaseFile(f"{path} is not a SQLite database ({exc})") from None
    return Database(conn)


def enable_wal(db: Database) -> None:
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        db.conn.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL never corrupts the file; it only defers the fsync to checkpoints.
    db.conn.execute("PRAGMA synchronous = NORMAL")


class Transactions:
    """Write transactions that take the write lock up front.

    A read-then-write transaction that starts as a reader can be refused ("database is
    locked") when another process commits first; BEGIN IMMEDIATE queues behind the busy
    timeout instead. Nested use becomes a savepoint, so one article can fail inside a batch
    without undoing the others.
    """

    def __init__(self, db: Database):
        self.db = db
        self._lock = threading.RLock()
        self._depth = 0
        # Work the store defers to the end of a transaction (indexing new articles), and
        # what it must forget when the transaction is rolled back.
        self.before_commit: list[Callable[[], None]] = []
        self.after_rollback: list[Callable[[], None]] = []

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        conn = self.db.conn
        with self._lock:
            if self._depth:
                name = f"sp{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                else:
                    conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
                for hook in self.before_commit:
                    hook()
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                for hook in self.after_rollback:
                    hook()
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._depth = 0
