"""Schema versions of a case file, one migration per change, applied in order.

Never edit a migration that has shipped: add a new one. A file that records a migration this
casefile does not know was written by a newer casefile and is refused untouched.
"""

from __future__ import annotations

import sqlite_utils

from casefile.errors import NotACaseFile, SchemaTooNew

MIGRATION_SET = "casefile"
migrations = sqlite_utils.Migrations(MIGRATION_SET)
# Note: this module imports sqlite-utils; the store imports it only when a file needs it.


def _run(db: sqlite_utils.Database, script: str) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_initial_schema(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    body_sha256 TEXT NOT NULL UNIQUE,
    path TEXT,
    record TEXT,
    format TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    body TEXT NOT NULL,
    excluded TEXT NOT NULL DEFAULT '[]',
    chars INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TRIGGER articles_body_frozen BEFORE UPDATE OF body ON articles
WHEN NEW.body IS NOT OLD.body
BEGIN SELECT RAISE(ABORT, 'article bodies are frozen: claims point into them'); END;
CREATE INDEX articles_published ON articles(published);
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'candidate'
        CHECK (status IN ('candidate', 'confirmed', 'rejected', 'merged')),
    merged_into INTEGER REFERENCES incidents(id),
    origin TEXT NOT NULL DEFAULT 'extractor' CHECK (origin IN ('extractor', 'analyst')),
    source_article_id INTEGER REFERENCES articles(id),
    summary TEXT,
    event_type TEXT,
    sub_event_type TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT NOT NULL DEFAULT 'unknown'
        CHECK (date_precision IN ('day', 'week', 'month', 'year', 'unknown')),
    country TEXT,
    admin1 TEXT,
    location TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision TEXT,
    actor1 TEXT,
    actor2 TEXT,
    killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
    wounded_low INTEGER, wounded_best INTEGER, wounded_high INTEGER,
    arrested_low INTEGER, arrested_best INTEGER, arrested_high INTEGER,
    disputed INTEGER NOT NULL DEFAULT 0,
    dispute_note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'merged') = (merged_into IS NOT NULL))
);
CREATE INDEX incidents_queue ON incidents(status, date_start, id);
CREATE INDEX incidents_merged_into ON incidents(merged_into);
CREATE INDEX incidents_source_article ON incidents(source_article_id);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    article_id INTEGER REFERENCES articles(id),
    field TEXT NOT NULL,
    value TEXT,
    value_num REAL,
    qualifier TEXT CHECK (qualifier IN ('exact', 'at_least', 'at_most', 'about', 'vague')),
    party TEXT CHECK (party IN ('militant', 'security', 'civilian', 'unknown')),
    attributed_to TEXT,
    start INTEGER,
    "end" INTEGER,
    quote TEXT,
    prefix TEXT,
    suffix TEXT,
    anchor_status TEXT NOT NULL DEFAULT 'exact' CHECK (anchor_status IN ('exact', 'fuzzy', 'orphan')),
    origin TEXT NOT NULL DEFAULT 'extractor' CHECK (origin IN ('extractor', 'analyst')),
    detail TEXT,
    created_at TEXT NOT NULL,
    CHECK ((start IS NULL) = ("end" IS NULL)),
    CHECK (start IS NULL OR start <= "end")
);
CREATE INDEX claims_incident ON claims(incident_id, field);
CREATE INDEX claims_article ON claims(article_id);
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    article_id INTEGER REFERENCES articles(id),
    start INTEGER,
    "end" INTEGER,
    quote TEXT,
    prefix TEXT,
    suffix TEXT,
    body TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX annotations_incident ON annotations(incident_id);
CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES incidents(id),
    target_id INTEGER NOT NULL REFERENCES incidents(id),
    kind TEXT NOT NULL CHECK (kind IN ('related', 'follow_up', 'part_of')),
    note TEXT,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (source_id, target_id, kind),
    CHECK (source_id != target_id)
);
CREATE INDEX relations_target ON relations(target_id);
CREATE TABLE judgements (
    id INTEGER PRIMARY KEY,
    left_id INTEGER NOT NULL REFERENCES incidents(id),
    right_id INTEGER NOT NULL REFERENCES incidents(id),
    decision TEXT NOT NULL CHECK (decision IN ('match', 'no_match', 'unsure')),
    score REAL,
    breakdown TEXT,
    author TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    UNIQUE (left_id, right_id),
    CHECK (left_id < right_id)
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    before TEXT,
    after TEXT,
    undone_at TEXT,
    undo_of INTEGER REFERENCES audit_log(id)
);
CREATE TABLE briefs (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    filter TEXT NOT NULL,
    incidents INTEGER NOT NULL,
    generated_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    location TEXT NOT NULL,
    admin1 TEXT,
    country TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    geo_precision TEXT NOT NULL DEFAULT 'town'
        CHECK (geo_precision IN ('neighbourhood', 'town', 'district', 'province', 'country')),
    created_at TEXT NOT NULL
);
CREATE TABLE actor_aliases (
    id INTEGER PRIMARY KEY,
    alias TEXT NOT NULL UNIQUE COLLATE NOCASE,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
)
""",
    )
    # Full-text search over title and body, kept in sync by triggers. Porter stemming so
    # "raid" finds "raids"; diacritics folded so "Zeinab" finds "Zeïnab".
    db["articles"].enable_fts(
        ["title", "body"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


from casefile.store.schema_version import applied_names  # noqa: E402


def check_compatible(db, path: str) -> bool:
    """Refuse files this casefile must not touch. Returns True when the file is empty."""
    tables = set(db.table_names())
    if not tables:
        return True
    if "_sqlite_migrations" not in tables:
        raise NotACaseFile(
            f"{path} is a SQLite database but not a case file (no casefile schema); "
            "casefile will not modify it"
        )
    applied = applied_names(db)
    if not applied:
        raise NotACaseFile(f"{path} holds no casefile schema; casefile will not modify it")
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        raise SchemaTooNew(
            f"{path} was written by a newer casefile (unknown schema migration "
            f"{', '.join(unknown)}); upgrade casefile to open it. The file was not changed."
        )
    return False


def upgrade(db) -> None:
    migrations.apply(db.utils())


@migrations()
def m002_suggestions(db: sqlite_utils.Database) -> None:
    """Duplicate suggestions, recomputed after import and extraction, listed by score."""
    _run(
        db,
        """
CREATE TABLE suggestions (
    id INTEGER PRIMARY KEY,
    left_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    right_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    score REAL NOT NULL,
    breakdown TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    cluster INTEGER,
    computed_at TEXT NOT NULL,
    UNIQUE (left_id, right_id),
    CHECK (left_id < right_id)
);
CREATE INDEX suggestions_score ON suggestions(score DESC, left_id, right_id)
""",
    )


@migrations()
def m003_queue_order_index(db: sqlite_utils.Database) -> None:
    """The queue lists incidents by date, undated last: indexed, so a window of 100k
    incidents is read without sorting them all."""
    _run(
        db,
        """
CREATE INDEX incidents_by_day ON incidents(status, coalesce(date_start, '9999-99-99'), id);
CREATE INDEX incidents_by_day_any ON incidents(coalesce(date_start, '9999-99-99'), id)
""",
    )


@migrations()
def m004_index_articles_per_transaction(db: sqlite_utils.Database) -> None:
    """New articles are added to the full-text index by the store, all of one transaction in
    one statement. The insert trigger fired inside each row's statement savepoint, where FTS5
    flushes its pending terms: a new index segment per article, 3x slower imports."""
    _run(db, 'DROP TRIGGER IF EXISTS "articles_ai"')


@migrations()
def m005_best_figure_qualifiers(db: sqlite_utils.Database) -> None:
    """The qualifier of each best figure ("at least 12"), derived with it from the claims.
    Incidents stored before stay NULL (unknown) until their figures are next derived."""
    _run(
        db,
        """
ALTER TABLE incidents ADD COLUMN killed_qualifier TEXT;
ALTER TABLE incidents ADD COLUMN wounded_qualifier TEXT;
ALTER TABLE incidents ADD COLUMN arrested_qualifier TEXT
""",
    )


@migrations()
def m006_incident_counts(db: sqlite_utils.Database) -> None:
    """How many incidents have each status, kept by triggers: the queue shows its count after
    every decision, and counting 100k rows of an index took longer than the decision."""
    add_one = """INSERT INTO incident_counts (status, n) VALUES (new.status, 1)
                 ON CONFLICT (status) DO UPDATE SET n = n + 1;"""
    take_one = "UPDATE incident_counts SET n = n - 1 WHERE status = old.status;"
    for statement in (  # one by one: a trigger's body holds statements of its own
        "CREATE TABLE incident_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT INTO incident_counts (status, n) SELECT status, count(*) FROM incidents GROUP BY status",
        f"CREATE TRIGGER incident_counts_insert AFTER INSERT ON incidents BEGIN {add_one} END",
        f"CREATE TRIGGER incident_counts_delete AFTER DELETE ON incidents BEGIN {take_one} END",
        f"""CREATE TRIGGER incident_counts_status AFTER UPDATE OF status ON incidents
            WHEN old.status IS NOT new.status BEGIN {take_one} {add_one} END""",
    ):
        db.execute(statement)


@migrations()
def m007_claims_by_article_span(db: sqlite_utils.Database) -> None:
    """An article's cited words, read from the index alone: the articles screen highlights
    the distinct spans its claims cite (0.15 s -> 0.02 s for an article 300,000 claims cite)."""
    _run(db, """
DROP INDEX claims_article;
CREATE INDEX claims_article_span ON claims(article_id, start, "end", field)
""")


@migrations()
def m008_suggestion_runs(db: sqlite_utils.Database) -> None:
    """Each recomputation of the suggestions, and whether their order came from weights learned
    from the curator's judgements (adopted only when they do no worse than the hand-set ones):
    the duplicates screen says which order it shows."""
    _run(db, """
CREATE TABLE suggestion_runs (
    computed_at TEXT NOT NULL,
    learned INTEGER NOT NULL CHECK (learned IN (0, 1))
)""")


@migrations()
def m009_match_words(db: sqlite_utils.Database) -> None:
    """The matcher's reading of each incident's sentences (content words, proper names, name
    phrases), kept between runs: on a 100,000-incident file that reading is most of a
    recomputation of the suggestions. `stamp` names what was read (the claims' spans in their
    articles, and which articles the incident has alone); article bodies are frozen, so an
    equal stamp means equal words."""
    _run(db, """
CREATE TABLE match_words (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
    stamp TEXT NOT NULL,
    words TEXT NOT NULL,
    names TEXT NOT NULL,
    phrases TEXT NOT NULL
)""")
