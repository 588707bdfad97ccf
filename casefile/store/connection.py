"""Opening a case file: one SQLite file, WAL, a busy timeout, foreign keys on."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

from casefile.errors import (
    CaseFileBusy,
    DamagedCaseFile,
    NotACaseFile,
    ReadOnlyCaseFile,
    StorageFault,
)

BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    """How long a write waits for another writer's lock: 10 s, or $CASEFILE_BUSY_TIMEOUT seconds."""
    try:
        return max(0, int(float(os.environ["CASEFILE_BUSY_TIMEOUT"]) * 1000))
    except (KeyError, ValueError):
        return BUSY_TIMEOUT_MS
_QUOTE_FTS = re.compile(r'\s+|(".*?")')


class Database:
    """The connection and the few helpers the store needs day to day.

    sqlite-utils does the schema work (migrations, FTS setup), but importing it costs ~45 ms,
    a quarter of the app's start; so it is only imported when a file needs migrating.
    """

    def __init__(self, conn: sqlite3.Connection, path: str | Path = "", read_only: str | None = None):
        self.conn = conn
        self.path = str(path)
        self.read_only = read_only  # why it cannot be written, or None
        self.damaged: str | None = None  # set on the first sign of a damaged file

    def fault(self, exc: sqlite3.Error) -> StorageFault | None:
        """The one clear line for a fault of the file itself, or None (then it is a bug)."""
        fault = explain(exc, self.path, self.read_only)
        if isinstance(fault, DamagedCaseFile):
            self.damaged = str(fault)
        return fault

    def check_integrity(self, problems: list[str] | None = None) -> None:
        """Refuse to write to a damaged file, even where the change would not touch the
        damaged pages: a structural check reads every page (~0.1 s for 10,000 articles).
        `problems`: the check's answer, when it was run ahead (`Transactions.check_ahead`)."""
        if problems is None:
            try:
                problems = [r[0] for r in self.conn.execute("PRAGMA quick_check(3)")]
            except sqlite3.DatabaseError as exc:
                raise self.fault(exc) or exc from None
        if problems != ["ok"]:
            self.damaged = str(DamagedCaseFile(
                f"{self.path} is damaged ({'; '.join(problems)}); casefile will not write to it. Restore a "
                f"backup, or recover what it holds: sqlite3 {self.path} .recover | sqlite3 recovered.db"))
            raise DamagedCaseFile(self.damaged)

    def refuse_writes(self) -> None:
        if self.damaged:
            raise DamagedCaseFile(self.damaged)
        if self.read_only:
            raise ReadOnlyCaseFile(f"{self.path} is read-only ({self.read_only}): casefile can show it "
                                   "but not change it. Make it writable, or work on a copy.")

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
    """Open (or create) the SQLite file. Nothing is written to it here.

    A file that cannot be written (or whose folder cannot: SQLite keeps its journal beside
    it) is opened read-only, so it can still be read; every write is then refused by name.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise NotACaseFile(f"{path} is a directory, not a case file")
    folder = path.parent
    if not folder.exists():
        raise NotACaseFile(f"cannot create {path}: folder {folder} does not exist")
    folder_writable = os.access(folder, os.W_OK)
    if not path.exists() and not folder_writable:
        raise ReadOnlyCaseFile(f"cannot create {path}: folder {folder} is read-only; "
                               "choose a writable place with --db")
    read_only = None
    if path.exists() and not os.access(path, os.W_OK):
        read_only = "the file is read-only"
    elif path.exists() and not folder_writable:
        read_only = f"its folder {folder} is read-only, and SQLite writes its journal beside it"
    timeout = busy_timeout_ms()
    try:
        # check_same_thread=False: the app reads from worker threads; Writer serialises writes.
        if read_only:
            conn = sqlite3.connect(_read_only_uri(path, folder_writable), uri=True,
                                   timeout=timeout / 1000, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=timeout / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise explain(exc, str(path), read_only) or NotACaseFile(f"cannot open {path} ({exc})") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise NotACaseFile(f"{path} is not a SQLite database ({exc})") from None
        raise explain(exc, str(path), read_only) or NotACaseFile(
            f"{path} is not a SQLite database ({exc})") from None
    return Database(conn, path, read_only)


def _read_only_uri(path: Path, folder_writable: bool) -> str:
    """A read-only connection. In a read-only folder SQLite cannot make the shared-memory
    file WAL reads need, so the file is opened as immutable (nobody can write it there
    either) unless that file exists already."""
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    if not folder_writable and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


def explain(exc: sqlite3.Error, path: str, read_only: str | None = None) -> StorageFault | None:
    """A fault of the file (permissions, disk, damage, lock) as one line naming the file and
    what to do; None for anything else."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        why = f" ({read_only})" if read_only else ""
        return ReadOnlyCaseFile(f"{path} is read-only{why}: nothing was changed. Make the file and its "
                                "folder writable, or work on a copy.")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return StorageFault(f"{path}: the disk is full (or the file reached its size limit); the change "
                            "in progress was not stored. Free some space and try again.")
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return StorageFault(f"{path}: the disk reported an error ({text}); the change in progress was not "
                            "stored. Check the disk and free space, then try again.")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return DamagedCaseFile(f"{path} is damaged ({text}); casefile will not write to it. Restore a "
                               f"backup, or recover what it holds: sqlite3 {path} .recover | sqlite3 recovered.db")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return CaseFileBusy(f"{path} is busy: another casefile (an import?) has held the write lock for "
                            f"over {busy_timeout_ms() / 1000:g} s. Nothing was changed; try again when it has "
                            "finished.")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in text:
        return StorageFault(f"cannot open {path} ({text}): check that the file and its folder can be read "
                            "and written.")
    if name.startswith("SQLITE_PERM") or name.startswith("SQLITE_AUTH"):
        return ReadOnlyCaseFile(f"{path}: permission denied ({text}).")
    return None


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
        self._checked = False  # the file's integrity, checked before this connection first writes
        self._ahead: threading.Thread | None = None
        self._ahead_problems: list[str] | None = None
        # Work the store defers to the end of a transaction (indexing new articles), and
        # what it must forget when the transaction is rolled back.
        self.before_commit: list[Callable[[], None]] = []
        self.after_rollback: list[Callable[[], None]] = []

    def check_ahead(self) -> None:
        """Run the check before the first write on a thread of its own (a second, read-only
        connection), so that the first write of a session does not wait ~0.7 s on a
        100,000-incident file. An error there leaves the check to the first write."""
        if self._checked or self._ahead is not None or not self.db.path or self.db.read_only:
            return

        def check() -> None:
            try:
                conn = sqlite3.connect(f"{Path(self.db.path).resolve().as_uri()}?mode=ro", uri=True)
                try:
                    self._ahead_problems = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
                finally:
                    conn.close()
            except sqlite3.Error:
                self._ahead_problems = None

        self._ahead = threading.Thread(target=check, name="integrity-check", daemon=True)
        self._ahead.start()

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
                    # After some errors (a full disk) SQLite has already rolled back the whole
                    # transaction: then there is no savepoint left, and the error is the news.
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO {name}")
                        conn.execute(f"RELEASE {name}")
                    raise
                else:
                    conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            self.db.refuse_writes()
            if not self._checked:
                if self._ahead is not None:
                    self._ahead.join()
                self.db.check_integrity(self._ahead_problems)
                self._checked = True
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self.db.fault(exc) or exc from None
            self._depth = 1
            try:
                yield
                for hook in self.before_commit:
                    hook()
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                for hook in self.after_rollback:
                    hook()
                fault = self.db.fault(exc) if isinstance(exc, sqlite3.Error) else None
                if fault is not None:
                    raise fault from None
                raise
            finally:
                self._depth = 0
