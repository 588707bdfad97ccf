"""Articles: stored once, bodies frozen, searchable with FTS5."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

from casefile.errors import NotFound, SearchSyntaxError
from casefile.model import (
    HIT_END,
    HIT_START,
    Article,
    ArticleDraft,
    ArticleSummary,
    SearchHit,
    SearchResult,
    Span,
)

# Ranking costs ~1.5 µs per hit; past this many hits we show the newest instead of ranking.
SEARCH_RANK_CAP = 20_000
SEARCH_COUNT_CAP = 100_000


@dataclass(frozen=True)
class AddResult:
    article_id: int
    duplicate: bool
    duplicate_reason: str | None = None


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ArticleStore:
    db: object  # sqlite_utils.Database, set by CaseFile
    tx: object
    _new_article_ids: set[int]  # inserted in the open transaction, not yet in the index

    def add_article(self, draft: ArticleDraft, imported_at: str) -> AddResult:
        """Store one article in its own transaction (or savepoint), or report a duplicate."""
        conn = self.db.conn
        body_sha = body_digest(draft.body)
        with self.tx.write():
            row = conn.execute(
                "SELECT id, sha256 = ? FROM articles WHERE sha256 = ? OR body_sha256 = ? LIMIT 1",
                (draft.sha256, draft.sha256, body_sha),
            ).fetchone()
            if row:
                reason = "same file" if row[1] else "same text"
                return AddResult(row[0], True, reason)
            cur = conn.execute(
                """INSERT INTO articles (sha256, body_sha256, path, record, format, url, outlet,
                   title, published, language, body, excluded, chars, imported_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    draft.sha256, body_sha, draft.path, draft.record, draft.format, draft.url,
                    draft.outlet, draft.title, draft.published, draft.language, draft.body,
                    json.dumps([[s.start, s.end, s.reason] for s in draft.excluded]),
                    len(draft.body), imported_at,
                ),
            )
            self._new_article_ids.add(cur.lastrowid)
            return AddResult(cur.lastrowid, False)

    def _index_new_articles(self) -> None:
        """Add this transaction's new articles to the full-text index in one statement, so
        FTS5 writes one index segment for the batch instead of one per article. Ids of rows
        a savepoint rolled back match nothing."""
        if self._new_article_ids:
            self.db.conn.execute(
                """INSERT INTO articles_fts (rowid, title, body)
                   SELECT id, title, body FROM articles WHERE id IN (SELECT value FROM json_each(?))""",
                (json.dumps(sorted(self._new_article_ids)),),
            )
            self._new_article_ids.clear()

    def has_article(self, sha256: str, body: str) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM articles WHERE sha256 = ? OR body_sha256 = ? LIMIT 1",
            (sha256, body_digest(body))).fetchone() is not None

    def article_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        rows = self.db.conn.execute(
            """SELECT id, title, outlet, published, path, sha256, chars FROM articles
               ORDER BY id LIMIT ? OFFSET ?""",
            (-1 if limit is None else limit, offset),
        )
        return [ArticleSummary(*row) for row in rows]

    def article(self, article_id: int) -> Article:
        row = self.db.conn.execute(
            """SELECT id, sha256, path, record, format, url, outlet, title, published, language,
                      body, excluded, imported_at FROM articles WHERE id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id}")
        excluded = tuple(Span(*s) for s in json.loads(row[11]))
        return Article(*row[:11], excluded=excluded, imported_at=row[12])

    def search(self, query: str, limit: int = 20, literal: bool = False) -> SearchResult:
        """Full-text search over title and body.

        Counts first (up to a cap): a handful of hits are ranked by bm25 (title weighted
        above body); a term found in most of a large case file is shown newest first, since
        ranking every hit would make a common word slow and the ranking meaningless.
        """
        if not query.strip():
            raise SearchSyntaxError("empty search: type one or more words")
        if literal and not self.db.quote_fts(query):  # only quotes: no word to look for
            return SearchResult(query, 0, False, True, [], True)
        try:
            total, ranked, rows = self._search(self.db.quote_fts(query) if literal else query, limit)
        except sqlite3.OperationalError as exc:
            if literal:
                raise SearchSyntaxError(_explain_search_error(query, str(exc))) from None
            # Typed text is not valid query syntax ("Deir ez-Zor", an odd quote): search the
            # words as typed and say so, rather than failing.
            note = _explain_search_error(query, str(exc))
            if not self.db.quote_fts(query):
                return SearchResult(query, 0, False, True, [], True)
            try:
                total, ranked, rows = self._search(self.db.quote_fts(query), limit)
            except sqlite3.OperationalError:
                raise SearchSyntaxError(note) from None
            literal = True
        hits = [SearchHit(r[0], r[1], r[2], r[3], r[4] or "", r[5]) for r in rows]
        if ranked:
            hits.sort(key=lambda h: h.rank)
        else:
            hits.sort(key=lambda h: -h.article_id)
        return SearchResult(query, min(total, SEARCH_COUNT_CAP), total > SEARCH_COUNT_CAP, ranked,
                            hits, literal)

    def _search(self, match: str, limit: int) -> tuple[int, bool, list[tuple]]:
        conn = self.db.conn
        total = conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
            (match, SEARCH_COUNT_CAP + 1),
        ).fetchone()[0]
        ranked = total <= SEARCH_RANK_CAP
        # Rank and snippet in the FTS query alone: there SQLite builds snippets only for the
        # rows it returns; titles come in a second, indexed query.
        if ranked:
            hits = conn.execute(
                """SELECT rowid, snippet(articles_fts, -1, ?, ?, '…', 16), bm25(articles_fts, 10.0, 1.0)
                   FROM articles_fts WHERE articles_fts MATCH ?
                   ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT ?""",
                (HIT_START, HIT_END, match, limit)).fetchall()
        else:
            hits = conn.execute(
                """SELECT rowid, snippet(articles_fts, -1, ?, ?, '…', 16), NULL
                   FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?""",
                (HIT_START, HIT_END, match, limit)).fetchall()
        meta = {}
        if hits:
            ids = [h[0] for h in hits]
            meta = {r[0]: r[1:] for r in conn.execute(
                f"SELECT id, title, outlet, published FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
        rows = [(h[0], *meta.get(h[0], (None, None, None)), h[1], h[2]) for h in hits]
        return total, ranked, rows


def _explain_search_error(query: str, error: str) -> str:
    detail = error.removeprefix("fts5: ")
    if "no such column" in error:
        detail = "a word followed by ':' is read as a column name (only title and body exist)"
    return (
        f"cannot search for {query!r}: {detail}. Put phrases and punctuation in double quotes "
        '("Deir ez-Zor"), use * for prefixes (raid*), AND / OR / NOT in capitals, '
        "or search literally (--literal)."
    )
