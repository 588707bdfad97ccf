"""Is this case file at the schema this casefile knows? Answered without sqlite-utils, so an
up-to-date file opens without importing it; anything else goes through the migrations."""

from __future__ import annotations

import sqlite3

from casefile.errors import SchemaTooNew

MIGRATION_SET = "casefile"
# The names of casefile's migrations, in order; casefile/store/migrations.py must match
# (tests/unit/test_store.py checks it).
KNOWN = (
    "m001_initial_schema", "m002_suggestions", "m003_queue_order_index",
    "m004_index_articles_per_transaction", "m005_best_figure_qualifiers", "m006_incident_counts",
    "m007_claims_by_article_span", "m008_suggestion_runs", "m009_match_words",
)


def applied_names(db) -> list[str]:
    return [r[0] for r in db.conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))]


def up_to_date(db, path: str) -> bool:
    try:
        applied = applied_names(db)
    except sqlite3.OperationalError:
        return False  # a new or foreign file: the migrations module decides
    unknown = [name for name in applied if name not in KNOWN]
    if unknown:
        raise SchemaTooNew(
            f"{path} was written by a newer casefile (unknown schema migration "
            f"{', '.join(unknown)}); upgrade casefile to open it. The file was not changed."
        )
    return tuple(applied) == KNOWN
