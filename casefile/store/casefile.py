"""The CaseFile facade: the one object the CLI, the app and the pipeline talk to."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from casefile.store.articles import ArticleStore
from casefile.store.briefs import BriefStore
from casefile.store.connection import Transactions, connect, enable_wal
from casefile.store.curation import CurationStore
from casefile.store.incidents import IncidentStore
from casefile.store.suggestions import SuggestionStore


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class CaseFile(ArticleStore, IncidentStore, CurationStore, SuggestionStore, BriefStore):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = connect(self.path)
        try:
            self._migrate()
        except sqlite3.Error as exc:
            self.db.close()
            raise self.db.fault(exc) or exc from None
        except BaseException:
            self.db.close()
            raise
        self.tx = Transactions(self.db)
        self._new_article_ids: set[int] = set()
        self.tx.before_commit.append(self._index_new_articles)
        self.tx.after_rollback.append(self._new_article_ids.clear)

    @classmethod
    def open(cls, path: str | Path) -> CaseFile:
        return cls(path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        from casefile.store import schema_version

        if schema_version.up_to_date(self.db, str(self.path)):
            if not self.db.read_only:
                enable_wal(self.db)
            return
        from casefile.store import migrations  # imports sqlite-utils: only when there is work

        migrations.check_compatible(self.db, str(self.path))
        self.db.refuse_writes()  # a file that needs its schema created or upgraded
        enable_wal(self.db)
        migrations.upgrade(self.db)

    def change_mark(self) -> tuple[int, int]:
        """Changes so far, by this connection and by any other (an import in a second
        terminal): a screen that saw the same mark has nothing to reload."""
        return self.db.conn.total_changes, self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    def schema_migrations(self) -> list[str]:
        from casefile.store.schema_version import applied_names

        return applied_names(self.db)
