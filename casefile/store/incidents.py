"""Incidents and their claims: stored, listed in windows, and their figures kept derived."""

from __future__ import annotations

import json
from collections.abc import Iterable

from casefile.errors import NotFound
from casefile.model import CandidateIncident, Claim, Incident, Range

INCIDENT_COLUMNS = (
    "id, status, merged_into, origin, summary, event_type, sub_event_type, date_start, date_end, "
    "date_precision, country, admin1, location, latitude, longitude, geo_precision, actor1, actor2, "
    "killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high, "
    "arrested_low, arrested_best, arrested_high, disputed, dispute_note, created_at, updated_at, version, "
    "killed_qualifier, wounded_qualifier, arrested_qualifier"
)
CLAIM_COLUMNS = (
    'id, incident_id, article_id, field, value, value_num, qualifier, party, attributed_to, start, "end", '
    "quote, prefix, suffix, anchor_status, origin, detail"
)
# By date, undated last; the same expression as the incidents_by_day indexes (migration 3).
QUEUE_ORDER = "coalesce(date_start, '9999-99-99'), id"
STATUS_FILTERS = {
    "all": "status != 'merged'",
    "everything": "1",
    "candidate": "status = 'candidate'",
    "confirmed": "status = 'confirmed'",
    "rejected": "status = 'rejected'",
    "merged": "status = 'merged'",
}


def incident_from_row(row: tuple, article_ids: Iterable[int] = ()) -> Incident:
    r = list(row)
    return Incident(
        *r[:18],
        killed=Range(*r[18:21], r[32]), wounded=Range(*r[21:24], r[33]), arrested=Range(*r[24:27], r[34]),
        disputed=bool(r[27]), dispute_note=r[28], created_at=r[29], updated_at=r[30],
        version=r[31], article_ids=tuple(article_ids),
    )


def claim_from_row(row: tuple) -> Claim:
    r = list(row)
    r[16] = json.loads(r[16]) if r[16] else None
    return Claim(*r)


class IncidentStore:
    db: object
    tx: object

    # -- writing candidates -------------------------------------------------------------
    def store_candidates(self, article_id: int, candidates: list[CandidateIncident], now: str) -> list[int]:
        """Replace the article's untouched candidates by these (idempotent re-extraction).

        Candidates a curator has touched (confirmed, merged, edited, annotated, linked) stay;
        a new candidate whose evidence is already stored for this article is skipped.
        """
        conn = self.db.conn
        with self.tx.write():
            untouched = [r[0] for r in conn.execute(
                """SELECT i.id FROM incidents i
                   WHERE i.source_article_id = ? AND i.origin = 'extractor' AND i.status = 'candidate'
                     AND i.version = 1
                     AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.incident_id = i.id
                                     AND (c.origin = 'analyst' OR c.article_id IS NOT ?))
                     AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.incident_id = i.id)
                     AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source_id = i.id OR r.target_id = i.id)
                     AND NOT EXISTS (SELECT 1 FROM judgements j WHERE j.left_id = i.id OR j.right_id = i.id)
                     AND NOT EXISTS (SELECT 1 FROM incidents m WHERE m.merged_into = i.id)""",
                (article_id, article_id),
            )]
            # An untouched candidate identical to a new one stays as it is (same id).
            signatures = {}
            for incident_id in untouched:
                rows = conn.execute(
                    'SELECT field, start, "end", value FROM claims WHERE incident_id = ?', (incident_id,))
                signatures[frozenset(rows)] = incident_id
            fresh = []
            for candidate in candidates:
                sig = frozenset((c.field, c.start, c.end, c.value) for c in candidate.claims)
                if signatures.pop(sig, None) is None:
                    fresh.append(candidate)
            candidates = fresh
            for incident_id in signatures.values():
                conn.execute("DELETE FROM claims WHERE incident_id = ?", (incident_id,))
                conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
            kept = {(r[0], r[1], r[2]) for r in conn.execute(
                'SELECT field, start, "end" FROM claims WHERE article_id = ? AND start IS NOT NULL',
                (article_id,))}
            ids = []
            for candidate in candidates:
                spans = {(c.field, c.start, c.end) for c in candidate.claims
                         if c.field not in ("location", "actor", "date")}
                if spans and spans & kept:
                    continue
                ids.append(self._insert_candidate(article_id, candidate, now))
            return ids

    def _insert_candidate(self, article_id: int, c: CandidateIncident, now: str) -> int:
        conn = self.db.conn
        cur = conn.execute(
            """INSERT INTO incidents (status, origin, source_article_id, summary, event_type,
               sub_event_type, date_start, date_end, date_precision, country, admin1, location,
               latitude, longitude, geo_precision, actor1, actor2, created_at, updated_at)
               VALUES ('candidate', 'extractor', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, c.summary, c.event_type, c.sub_event_type, c.date_start, c.date_end,
             c.date_precision, c.country, c.admin1, c.location, c.latitude, c.longitude,
             c.geo_precision, c.actor1, c.actor2, now, now),
        )
        incident_id = cur.lastrowid
        conn.executemany(
            f"""INSERT INTO claims (incident_id, article_id, field, value, value_num, qualifier, party,
                attributed_to, start, "end", quote, prefix, suffix, anchor_status, origin, detail,
                created_at) VALUES ({", ".join("?" * 17)})""",
            [(incident_id, article_id, cl.field, cl.value, cl.value_num, cl.qualifier, cl.party,
              cl.attributed_to, cl.start, cl.end, cl.quote, cl.prefix, cl.suffix, cl.anchor_status,
              cl.origin, json.dumps(cl.detail, ensure_ascii=False) if cl.detail else None, now)
             for cl in c.claims],
        )
        self.refresh_figures(incident_id)
        return incident_id

    def refresh_figures(self, incident_id: int) -> None:
        """Re-derive low / best / high, disputed and the dispute note from the claims."""
        from casefile.figures import Evidence, derive, role_of  # not for commands that only read

        conn = self.db.conn
        rows = conn.execute(
            """SELECT c.field, c.value_num, c.party, c.qualifier, c.article_id, c.attributed_to,
                      c.origin, a.outlet, c.detail
               FROM claims c LEFT JOIN articles a ON a.id = c.article_id
               WHERE c.incident_id = ? AND c.field IN ('killed', 'wounded', 'arrested')
               ORDER BY c.article_id, c.start, c.id""",
            (incident_id,),
        ).fetchall()
        figures = derive(
            Evidence(field, value, party, qualifier, article, source, origin,
                     outlet or (f"article {article}" if article else None), role_of(detail))
            for field, value, party, qualifier, article, source, origin, outlet, detail in rows
        )
        k, w, a = (figures.counts[n] for n in ("killed", "wounded", "arrested"))
        disputed, note = self._with_field_disputes(incident_id, figures, rows)
        conn.execute(
            """UPDATE incidents SET killed_low = ?, killed_best = ?, killed_high = ?,
               wounded_low = ?, wounded_best = ?, wounded_high = ?,
               arrested_low = ?, arrested_best = ?, arrested_high = ?,
               killed_qualifier = ?, wounded_qualifier = ?, arrested_qualifier = ?,
               disputed = ?, dispute_note = ? WHERE id = ?""",
            (k.low, k.best, k.high, w.low, w.best, w.high, a.low, a.best, a.high,
             k.qualifier, w.qualifier, a.qualifier,
             int(disputed), note, incident_id),
        )

    def _with_field_disputes(self, incident_id: int, figures, count_rows) -> tuple[bool, str | None]:
        """The counts' note with the rule that chose each disputed best figure, and the other
        fields' disputes (casefile.disputes): only an incident with two sources can have those."""
        conn = self.db.conn
        sources = conn.execute("SELECT count(DISTINCT article_id) FROM claims WHERE incident_id = ?",
                               (incident_id,)).fetchone()[0]
        if sources < 2:
            return figures.disputed, figures.dispute_note
        from casefile import disputes

        claims = self.claims(incident_id)
        cur = conn.execute("SELECT * FROM incidents WHERE id = ?", (incident_id,))
        row = dict(zip([d[0] for d in cur.description], cur.fetchone()))
        outlets = dict(conn.execute(
            "SELECT id, outlet FROM articles WHERE id IN (SELECT article_id FROM claims WHERE incident_id = ?)",
            (incident_id,)).fetchall())
        edited = {c.field for c in claims if c.origin == "analyst" and c.article_id is None}
        rules = [f"best {name} {figures.counts[name].best}: "
                 + disputes.RULES["curator" if name in edited else "most_conservative"]
                 for name in ("killed", "wounded", "arrested")
                 if figures.dispute_note and figures.counts[name].low != figures.counts[name].high]
        found = disputes.disputes(row, claims)
        label = lambda a: f"{outlets[a]}, article {a}" if outlets.get(a) else f"article {a}"  # noqa: E731
        return figures.disputed or bool(found), disputes.note(figures.dispute_note, rules, found, label)

    # -- reading -----------------------------------------------------------------------
    def incident_count(self, status: str = "all") -> int:
        # incident_counts is kept by triggers (migration m006): no scan of the incidents
        return self.db.conn.execute(
            f"SELECT coalesce(sum(n), 0) FROM incident_counts WHERE {STATUS_FILTERS[status]}").fetchone()[0]

    def incidents(self, status: str = "all", limit: int | None = None, offset: int = 0) -> list[Incident]:
        """A window of incidents by date (undated last), then id."""
        rows = self.db.conn.execute(
            f"""SELECT {INCIDENT_COLUMNS} FROM incidents WHERE {STATUS_FILTERS[status]}
                ORDER BY {QUEUE_ORDER} LIMIT ? OFFSET ?""",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return self._with_articles(rows)

    def _with_articles(self, rows: list[tuple]) -> list[Incident]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        sources: dict[int, list[int]] = {i: [] for i in ids}
        for incident_id, article_id in self.db.conn.execute(
            f"""SELECT DISTINCT incident_id, article_id FROM claims
                WHERE incident_id IN ({marks}) AND article_id IS NOT NULL ORDER BY incident_id, article_id""",
            ids,
        ):
            sources[incident_id].append(article_id)
        return [incident_from_row(r, sources[r[0]]) for r in rows]

    def incident(self, incident_id: int) -> Incident:
        row = self.db.conn.execute(
            f"SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None:
            raise NotFound(f"no incident with id {incident_id}")
        return self._with_articles([row])[0]

    def find_incidents(self, text: str, limit: int = 10) -> list[Incident]:
        """Incidents whose place or summary mentions the text (for "jump to")."""
        pattern = f"%{text.strip()}%"
        rows = self.db.conn.execute(
            f"""SELECT {INCIDENT_COLUMNS} FROM incidents WHERE status != 'merged'
                AND (location LIKE ? OR admin1 LIKE ? OR country LIKE ? OR summary LIKE ?)
                ORDER BY {QUEUE_ORDER} LIMIT ?""",
            (pattern, pattern, pattern, pattern, limit)).fetchall()
        return self._with_articles(rows)

    def claims(self, incident_id: int) -> list[Claim]:
        rows = self.db.conn.execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims WHERE incident_id = ? ORDER BY article_id, start, id",
            (incident_id,),
        ).fetchall()
        return [claim_from_row(r) for r in rows]

    def article_claims(self, article_id: int) -> list[Claim]:
        rows = self.db.conn.execute(
            f"""SELECT {CLAIM_COLUMNS.replace('id, incident_id', 'claims.id, incident_id')} FROM claims
                WHERE article_id = ? ORDER BY start, id""",
            (article_id,),
        ).fetchall()
        return [claim_from_row(r) for r in rows]

    def article_claim_spans(self, article_id: int) -> tuple[int, list[tuple[int, int, str]]]:
        """How many claims cite the article, and the distinct (start, end, field) they cite,
        in text order: an article cited by 100,000 incidents has a few dozen."""
        conn = self.db.conn
        total = conn.execute("SELECT count(*) FROM claims WHERE article_id = ?", (article_id,)).fetchone()[0]
        # A skip scan of the (article_id, start, end, field) index: each distinct span is one
        # seek, where SELECT DISTINCT reads every claim (30 ms for 300,000 of them).
        spans: list[tuple[int, int, str]] = []
        start = -1
        while (start := conn.execute("SELECT min(start) FROM claims WHERE article_id = ? AND start > ?",
                                     (article_id, start)).fetchone()[0]) is not None:
            end = -1
            while (end := conn.execute(
                    'SELECT min("end") FROM claims WHERE article_id = ? AND start = ? AND "end" > ?',
                    (article_id, start, end)).fetchone()[0]) is not None:
                field = ""
                while (field := conn.execute(
                        'SELECT min(field) FROM claims WHERE article_id = ? AND start = ? AND "end" = ? AND field > ?',
                        (article_id, start, end, field)).fetchone()[0]) is not None:
                    spans.append((start, end, field))
        return total, spans

    def merged_from(self, incident_id: int) -> list[int]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM incidents WHERE merged_into = ? ORDER BY id", (incident_id,))]

    def article_ids(self) -> list[int]:
        return [r[0] for r in self.db.conn.execute("SELECT id FROM articles ORDER BY id")]

    def annotations(self, incident_id: int) -> list[dict]:
        rows = self.db.conn.execute(
            'SELECT id, article_id, start, "end", quote, body, author, created_at FROM annotations '
            "WHERE incident_id = ? ORDER BY id", (incident_id,))
        keys = ("id", "article_id", "start", "end", "quote", "body", "author", "created_at")
        return [dict(zip(keys, r)) for r in rows]

    def relations(self, incident_id: int) -> list[dict]:
        rows = self.db.conn.execute(
            """SELECT id, source_id, target_id, kind, note, author, created_at FROM relations
               WHERE source_id = ? OR target_id = ? ORDER BY id""", (incident_id, incident_id))
        keys = ("id", "source_id", "target_id", "kind", "note", "author", "created_at")
        return [dict(zip(keys, r)) for r in rows]

    def places(self) -> list[dict]:
        """User gazetteer entries, as Gazetteer.with_extra expects them."""
        rows = self.db.conn.execute(
            "SELECT name, aliases, location, admin1, country, latitude, longitude, geo_precision FROM places")
        keys = ("name", "aliases", "location", "admin1", "country", "latitude", "longitude", "geo_precision")
        out = []
        for r in rows:
            entry = dict(zip(keys, r))
            entry["aliases"] = json.loads(entry["aliases"] or "[]")
            out.append(entry)
        return out
