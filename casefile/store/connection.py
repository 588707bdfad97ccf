"""Opening a case file: one SQLite file, WAL, a busy timeout, foreign keys on."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from casefile.errors import NotACaseFile

BUSY_TIMEOUT_MS = 10_000


def connect(path: str | Path) -> sqlite_utils.Database:
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
    return sqlite_utils.Database(conn, execute_plugins=False)


def enable_wal(db: sqlite_utils.Database) -> None:
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        db.enable_wal()
    # In WAL mode NORMAL never corrupts the file; it only defers the fsync to checkpoints.
    db.conn.execute("PRAGMA synchronous = NORMAL")


class Transactions:
    """Write transactions that take the write lock up front.

    A read-then-write transaction that starts as a reader can be refused ("database is
    locked") when another process commits first; BEGIN IMMEDIATE queues behind the busy
    timeout instead. Nested use becomes a savepoint, so one article can fail inside a batch
    without undoing the others.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self._lock = threading.RLock()
        self._depth = 0

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
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._depth = 0
