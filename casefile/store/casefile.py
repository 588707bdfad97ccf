"""The CaseFile facade: the one object the CLI, the app and the pipeline talk to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casefile.store import migrations
from casefile.store.articles import ArticleStore
from casefile.store.connection import Transactions, connect, enable_wal
from casefile.store.curation import CurationStore
from casefile.store.incidents import IncidentStore
from casefile.store.suggestions import SuggestionStore


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class CaseFile(ArticleStore, IncidentStore, CurationStore, SuggestionStore):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = connect(self.path)
        try:
            migrations.check_compatible(self.db, str(self.path))
            enable_wal(self.db)
            migrations.upgrade(self.db)
        except BaseException:
            self.db.close()
            raise
        self.tx = Transactions(self.db)

    @classmethod
    def open(cls, path: str | Path) -> CaseFile:
        return cls(path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def schema_migrations(self) -> list[str]:
        return [m.name for m in migrations.migrations.applied(self.db)]
