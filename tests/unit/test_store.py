"""The case file on disk: WAL, migrations, refusing files it must not touch."""

import hashlib
import sqlite3

import pytest

from casefile.errors import NotACaseFile, SchemaTooNew
from casefile.model import ArticleDraft
from casefile.store import CaseFile
from casefile.store.migrations import known_names


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_file_gets_every_table_wal_and_foreign_keys(db_path):
    with CaseFile(db_path) as case:
        tables = set(case.db.table_names())
        for table in ("articles", "incidents", "claims", "annotations", "relations", "judgements",
                      "audit_log", "briefs", "places", "actor_aliases", "articles_fts"):
            assert table in tables
        assert case.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert case.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert case.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert case.schema_migrations() == known_names()


def test_known_migration_names_match_the_migrations():
    from casefile.store.schema_version import KNOWN

    assert tuple(known_names()) == KNOWN


def test_reopening_applies_nothing_twice(db_path):
    CaseFile(db_path).close()
    with CaseFile(db_path) as case:
        rows = case.db.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert rows == len(known_names())


def test_newer_schema_is_refused_and_left_untouched(db_path):
    CaseFile(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('casefile', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(SchemaTooNew, match="newer casefile.*m999_from_the_future"):
        CaseFile(db_path)
    assert digest(db_path) == before


def test_other_sqlite_files_and_non_sqlite_files_are_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(NotACaseFile, match="not a case file"):
        CaseFile(other)
    assert digest(other) == before
    text = tmp_path / "notes.db"
    text.write_text("hello, I am not a database" * 100)
    with pytest.raises(NotACaseFile, match="not a SQLite database"):
        CaseFile(text)


def test_article_bodies_are_frozen_and_search_stays_in_sync(db_path):
    case = CaseFile(db_path)
    draft = ArticleDraft(body="Gunmen attacked Dikwa.", sha256="c" * 64, path="x", format="txt", title="Dikwa")
    article_id = case.add_article(draft, "2024-01-01T00:00:00+00:00").article_id
    with pytest.raises(sqlite3.IntegrityError, match="frozen"):
        case.db.execute("UPDATE articles SET body = 'changed' WHERE id = ?", [article_id])
    assert case.article(article_id).body == "Gunmen attacked Dikwa."
    case.db.execute("UPDATE articles SET title = 'Dikwa attack' WHERE id = ?", [article_id])
    assert [h.article_id for h in case.search("attack").hits] == [article_id]
    assert case.search("gunm*").total == 1


def test_a_nul_in_a_field_does_not_cut_the_field(db_path):
    # SQLite returns text only up to a NUL, so "\x00|Reuters" would come back as "".
    case = CaseFile(db_path)
    draft = ArticleDraft(body="Gunmen attacked Dikwa.", sha256="d" * 64, path="x", format="txt",
                         title="Dik\x00wa", outlet="\x00|Reuters", url="https://a.example/\x00b")
    stored = case.article(case.add_article(draft, "2024-01-01T00:00:00+00:00").article_id)
    assert (stored.title, stored.outlet, stored.url) == ("Dikwa", "|Reuters", "https://a.example/b")


def test_index_holds_exactly_the_articles_whose_transaction_committed(db_path):
    case = CaseFile(db_path)

    def draft(n, word):
        return ArticleDraft(body=f"Report {n}: {word} near Gao.", sha256=f"{n:064d}", path=f"{n}.txt",
                            format="txt", title=f"Report {n}")

    now = "2024-01-01T00:00:00+00:00"
    with case.tx.write():
        kept = case.add_article(draft(1, "ambush"), now).article_id
        with pytest.raises(RuntimeError):
            with case.tx.write():  # one article of the batch fails: its row and index entry go
                case.add_article(draft(2, "kidnapping"), now)
                raise RuntimeError
        reused = case.add_article(draft(3, "shelling"), now).article_id  # takes the freed id
    with pytest.raises(RuntimeError):
        with case.tx.write():  # a whole batch fails
            case.add_article(draft(4, "curfew"), now)
            raise RuntimeError
    after = case.add_article(draft(5, "curfew"), now).article_id
    case.db.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert [h.article_id for h in case.search("ambush").hits] == [kept]
    assert case.search("kidnapping").total == 0
    assert [h.article_id for h in case.search("shelling").hits] == [reused]
    assert [h.article_id for h in case.search("curfew").hits] == [after]
    assert case.search("Gao").total == 3


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NotACaseFile, match="does not exist"):
        CaseFile(tmp_path / "nope" / "case.db")


def test_incident_counts_follow_every_change_of_status(seeded):
    """The queue's counts come from a table kept by triggers; after imports, decisions,
    merges, undos and a re-extraction they must equal a count of the rows themselves."""
    from casefile.curate import Curator
    from casefile.pipeline import reextract
    from casefile.store.incidents import STATUS_FILTERS

    def check():
        for status, where in STATUS_FILTERS.items():
            counted = seeded.db.conn.execute(f"SELECT count(*) FROM incidents WHERE {where}").fetchone()[0]
            assert seeded.incident_count(status) == counted, status

    check()
    curator = Curator(seeded)
    first, second, third, fourth = (i.id for i in seeded.incidents(status="candidate", limit=4))
    curator.confirm(first)
    curator.reject(second)
    curator.merge(third, [fourth])
    check()
    curator.undo()
    curator.undo()
    check()
    reextract(seeded, [a.id for a in seeded.articles()])
    check()
    assert seeded.incident_count("everything") > 0


def test_the_integrity_check_run_ahead_still_refuses_a_damaged_file(seeded_template, tmp_path):
    """The desk checks the file on a thread before the first write; a page damaged where
    reading the queue never looks must still stop that write, and change nothing."""
    import shutil

    from casefile.curate import Curator
    from casefile.errors import DamagedCaseFile

    path = tmp_path / "case.db"
    shutil.copy(seeded_template, path)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xff\x13" * 200)
    before = path.read_bytes()
    case = CaseFile(path)
    try:
        case.tx.check_ahead()
        with pytest.raises(DamagedCaseFile, match="is damaged"):
            Curator(case).confirm(1)
        assert case.tx._ahead is not None and case.tx._ahead_problems not in (None, ["ok"])
    finally:
        case.close()
    assert path.read_bytes() == before


def test_the_integrity_check_run_ahead_lets_a_sound_file_be_written(seeded):
    from casefile.curate import Curator

    seeded.tx.check_ahead()
    Curator(seeded).confirm(1)
    assert seeded.tx._ahead_problems == ["ok"]
    assert seeded.incident(1).status == "confirmed"


def test_an_articles_claim_spans_are_its_claims_distinct_words(seeded):
    claims = seeded.article_claims(1)
    total, spans = seeded.article_claim_spans(1)
    assert total == len(claims) > 0
    assert spans == sorted({(c.start, c.end, c.field) for c in claims if c.start is not None})
