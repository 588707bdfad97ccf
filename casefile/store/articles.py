"""Articles: stored once, bodies frozen, searchable with FTS5."""

from __future__ import annotations

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
    import hashlib  # ~5 ms to load (OpenSSL): not for commands that only read

    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ArticleStore:
    db: object  # sqlite_utils.Database, set by CaseFile
    tx: object
    _new_article_ids: set[int]  # inserted in the open transaction, not yet in the index

    def add_article(self, draft: ArticleDraft, imported_at: str) -> AddResult:
        """Store one article in its own transaction (or savepoint), or report a duplicate."""
        return self.add_articles([draft], imported_at)[0]

    def add_articles(self, drafts: list[ArticleDraft], imported_at: str,
                     body_shas: list[str] | None = None) -> list[AddResult]:
        """Store articles in one transaction (or savepoint), each in turn as add_article would:
        a draft is a duplicate of a stored article, or of one earlier in `drafts`, with the same
        original bytes ("same file") or else the same text ("same text"). `body_shas`: each
        draft's body_digest, if known.

        A few statements for the whole batch, not several per article: the stored ones are
        looked up in one query, the new rows go in as one INSERT (from one JSON array), their
        ids come back in one row. Each statement is one call into SQLite, which runs it without
        the GIL (the import stores batches in a thread while it reads the next)."""
        conn = self.db.conn
        if body_shas is None:
            body_shas = [body_digest(d.body) for d in drafts]
        with self.tx.write():
            # sha → the id of the article stored with it, or the sha256 of a draft above (a str)
            by_file: dict[str, int | str] = {}
            by_text: dict[str, int | str] = {}
            (stored,) = conn.execute(
                """SELECT json_group_array(json_array(id, sha256, body_sha256)) FROM articles
                   WHERE sha256 IN (SELECT value FROM json_each(?))
                      OR body_sha256 IN (SELECT value FROM json_each(?))""",
                (json.dumps([d.sha256 for d in drafts]), json.dumps(body_shas)),
            ).fetchone()
            for article_id, sha, body_sha in json.loads(stored):
                by_file[sha] = by_text[body_sha] = article_id
            found_in: list[tuple[int | str | None, str | None]] = []  # (article, why duplicate)
            rows = []
            for draft, body_sha in zip(drafts, body_shas):
                if (found := by_file.get(draft.sha256)) is not None:
                    found_in.append((found, "same file"))
                elif (found := by_text.get(body_sha)) is not None:
                    found_in.append((found, "same text"))
                else:
                    found_in.append((draft.sha256, None))
                    by_file[draft.sha256] = by_text[body_sha] = draft.sha256  # its id read back below
                    rows.append((
                        draft.sha256, body_sha, *map(_without_nul, (
                            draft.path, draft.record, draft.format, draft.url, draft.outlet, draft.title,
                            draft.published, draft.language)), draft.body,
                        json.dumps([[s.start, s.end, s.reason] for s in draft.excluded]),
                        len(draft.body), imported_at,
                    ))
            new_ids: dict[str, int] = {}
            if rows:
                new_ids = self._insert_articles(rows)
            return [AddResult(new_ids[at] if isinstance(at, str) else at, why is not None, why)
                    for at, why in found_in]

    def _insert_articles(self, rows: list[tuple]) -> dict[str, int]:
        """Insert article rows (sha256 first); their ids by sha256."""
        conn = self.db.conn
        # In array order, so ids are given in the order of the drafts.
        conn.execute(
            f"""INSERT INTO articles (sha256, body_sha256, path, record, format, url, outlet,
               title, published, language, body, excluded, chars, imported_at)
               SELECT {", ".join(f"json_extract(value, '$[{k}]')" for k in range(14))}
               FROM json_each(?) ORDER BY key""",
            (json.dumps(rows, ensure_ascii=False),),
        )
        (ids,) = conn.execute(
            """SELECT json_group_object(sha256, id) FROM articles
               WHERE sha256 IN (SELECT value FROM json_each(?))""",
            (json.dumps([row[0] for row in rows]),),
        ).fetchone()
        new_ids = json.loads(ids)
        self._new_article_ids.update(new_ids.values())
        return new_ids

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

    def has_article(self, sha256: str, body: str, body_sha: str | None = None) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM articles WHERE sha256 = ? OR body_sha256 = ? LIMIT 1",
            (sha256, body_sha or body_digest(body))).fetchone() is not None

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


def _without_nul(text: str | None) -> str | None:
    # SQLite hands text back only up to a NUL: "\x00Reuters" would read as "". (Ingest never
    # leaves one in a body, whose offsets must not move.)
    return text.replace("\0", "") if text and "\0" in text else text
