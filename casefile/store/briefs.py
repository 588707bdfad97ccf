"""What a brief reads (a filtered window of incidents and everything cited with them) and the
record of each brief written.

Status "confirmed" is what an analyst has signed off; "all" is every incident still standing:
confirmed and candidate (not yet reviewed). Merged reports live on inside the incident they
were merged into, and rejected ones are not incidents, so neither is ever in a brief.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator

from casefile.errors import InvalidInput
from casefile.model import Claim, Incident
from casefile.store.incidents import CLAIM_COLUMNS, INCIDENT_COLUMNS, claim_from_row

BRIEF_STATUSES = {
    "confirmed": "status = 'confirmed'",
    "all": "status IN ('confirmed', 'candidate')",
}
# SQLite's default limit on bound variables is 32766 (999 before 3.32): stay well under.
_CHUNK = 900


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zeïnab" and "ZEINAB" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words_match(haystack: str | None, folded_needle: str | None) -> int:
    # Whole words only, so "IS" finds "Islamic State (IS)" but not "Syrian", and "Hama" is
    # not "Hamadan". The needle arrives folded (once per query, not once per row).
    if not haystack or not folded_needle:
        return 0
    return int(re.search(rf"(?<!\w){re.escape(folded_needle)}(?!\w)", fold(haystack)) is not None)


def _iso(day: dt.date | str | None) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else day


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


class BriefStore:
    db: object
    tx: object

    # -- the selection ------------------------------------------------------------------
    def _brief_where(self, status: str | None, since, until, place, actor) -> tuple[str, list]:
        """WHERE clause of a brief's filter. An incident is in the period when its date range
        overlaps it; undated incidents are in no period, so a period leaves them out."""
        self.db.conn.create_function("casefile_words", 2, _words_match, deterministic=True)
        clauses, params = [], []
        if status is not None:
            if status not in BRIEF_STATUSES:
                raise InvalidInput(f"unknown brief status {status!r}: use confirmed or all")
            clauses.append(BRIEF_STATUSES[status])
        if since is not None:
            clauses.append("date_start IS NOT NULL AND coalesce(date_end, date_start) >= ?")
            params.append(_iso(since))
        if until is not None:
            clauses.append("date_start IS NOT NULL AND date_start <= ?")
            params.append(_iso(until))
        if place and place.strip():
            needle = fold(place.strip())
            clauses.append("(casefile_words(location, ?) OR casefile_words(admin1, ?) "
                           "OR casefile_words(country, ?))")
            params += [needle] * 3
        if actor and actor.strip():
            needle = fold(actor.strip())
            clauses.append("(casefile_words(actor1, ?) OR casefile_words(actor2, ?))")
            params += [needle] * 2
        return " AND ".join(clauses) or "1", params

    def brief_incidents(self, status: str = "confirmed", since: dt.date | str | None = None,
                        until: dt.date | str | None = None, place: str | None = None,
                        actor: str | None = None) -> list[Incident]:
        """Incidents of a brief by date (undated last), then id.

        status: "confirmed", or "all" = confirmed and candidate incidents (every status but
        merged and rejected). since / until: ISO dates, inclusive; the incident's date range
        must overlap them. place: whole words of location, admin1 or country; actor: whole
        words of actor1 or actor2 (both case- and accent-insensitive).
        """
        where, params = self._brief_where(status, since, until, place, actor)
        rows = self.db.conn.execute(
            f"""SELECT {INCIDENT_COLUMNS} FROM incidents WHERE {where}
                ORDER BY date_start IS NULL, date_start, id""", params).fetchall()
        return self._with_articles(rows)

    def brief_status_counts(self, since=None, until=None, place=None, actor=None) -> dict[str, int]:
        """Incidents of every status matching the same period, place and actor: what a brief
        left out. "undated" counts the confirmed and candidate incidents a period excludes."""
        where, params = self._brief_where(None, since, until, place, actor)
        counts = {s: 0 for s in ("candidate", "confirmed", "rejected", "merged")}
        for status, n in self.db.conn.execute(
                f"SELECT status, count(*) FROM incidents WHERE {where} GROUP BY status", params):
            counts[status] = n
        counts["undated"] = 0
        if since is not None or until is not None:
            where, params = self._brief_where("all", None, None, place, actor)
            counts["undated"] = self.db.conn.execute(
                f"SELECT count(*) FROM incidents WHERE {where} AND date_start IS NULL", params).fetchone()[0]
        return counts

    # -- what the selected incidents cite ------------------------------------------------
    def brief_claims(self, incident_ids: Iterable[int]) -> dict[int, list[Claim]]:
        """Claims of each incident, by article, then position in the article."""
        out: dict[int, list[Claim]] = {}
        for chunk in _chunks(list(incident_ids)):
            rows = self.db.conn.execute(
                f"""SELECT {CLAIM_COLUMNS} FROM claims WHERE incident_id IN ({','.join('?' * len(chunk))})
                    ORDER BY incident_id, article_id, start, id""", chunk)
            for row in rows:
                out.setdefault(row[1], []).append(claim_from_row(row))
        return out

    def brief_articles(self, article_ids: Iterable[int]) -> dict[int, dict]:
        """Citation details and body (for quoting whole sentences) of each article."""
        out: dict[int, dict] = {}
        keys = ("id", "title", "outlet", "published", "url", "body")
        for chunk in _chunks(sorted(set(article_ids))):
            for row in self.db.conn.execute(
                    f"SELECT {', '.join(keys)} FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[row[0]] = dict(zip(keys, row))
        return out

    def brief_annotations(self, incident_ids: Iterable[int]) -> dict[int, list[dict]]:
        out: dict[int, list[dict]] = {}
        keys = ("id", "incident_id", "article_id", "start", "end", "quote", "body", "author", "created_at")
        for chunk in _chunks(list(incident_ids)):
            for row in self.db.conn.execute(
                    f"""SELECT id, incident_id, article_id, start, "end", quote, body, author, created_at
                        FROM annotations WHERE incident_id IN ({','.join('?' * len(chunk))})
                        ORDER BY incident_id, id""", chunk):
                out.setdefault(row[1], []).append(dict(zip(keys, row)))
        return out

    def brief_relations(self, incident_ids: Iterable[int]) -> dict[int, list[dict]]:
        """Links touching each incident, with what a reader needs about the other end."""
        out: dict[int, list[dict]] = {}
        keys = ("id", "source_id", "target_id", "kind", "note")
        ids = list(incident_ids)
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for row in self.db.conn.execute(
                    f"""SELECT id, source_id, target_id, kind, note FROM relations
                        WHERE source_id IN ({marks}) OR target_id IN ({marks}) ORDER BY id""", chunk * 2):
                rel = dict(zip(keys, row))
                for end in {rel["source_id"], rel["target_id"]}:
                    bucket = out.setdefault(end, [])
                    if rel not in bucket:
                        bucket.append(rel)
        return out

    def brief_incident_labels(self, incident_ids: Iterable[int]) -> dict[int, dict]:
        """Status, date, place and summary of incidents a brief mentions but does not show."""
        out: dict[int, dict] = {}
        keys = ("id", "status", "merged_into", "date_start", "date_precision", "location", "summary")
        for chunk in _chunks(sorted(set(incident_ids))):
            for row in self.db.conn.execute(
                    f"""SELECT {', '.join(keys)} FROM incidents
                        WHERE id IN ({','.join('?' * len(chunk))})""", chunk):
                out[row[0]] = dict(zip(keys, row))
        return out

    def brief_merged_from(self, incident_ids: Iterable[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for chunk in _chunks(list(incident_ids)):
            for target, source in self.db.conn.execute(
                    f"""SELECT merged_into, id FROM incidents
                        WHERE merged_into IN ({','.join('?' * len(chunk))}) ORDER BY merged_into, id""", chunk):
                out.setdefault(target, []).append(source)
        return out

    # -- the record of briefs written ---------------------------------------------------
    def record_brief(self, path: str, title: str, sha256: str, filter: dict, incidents: int,
                     generated_at: str, created_at: str) -> int:
        with self.tx.write():
            cur = self.db.conn.execute(
                """INSERT INTO briefs (path, title, sha256, filter, incidents, generated_at, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (path, title, sha256, json.dumps(filter, ensure_ascii=False, sort_keys=True), incidents,
                 generated_at, created_at))
            return cur.lastrowid

    def briefs(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Briefs written from this case file, newest first."""
        keys = ("id", "path", "title", "sha256", "filter", "incidents", "generated_at", "created_at")
        rows = self.db.conn.execute(
            f"SELECT {', '.join(keys)} FROM briefs ORDER BY id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset))
        out = []
        for row in rows:
            entry = dict(zip(keys, row))
            entry["filter"] = json.loads(entry["filter"])
            out.append(entry)
        return out
