"""What curation writes: statuses, fields, moved claims, annotations, links, judgements,
the audit log, and the row snapshots that make every change undoable."""

from __future__ import annotations

import json

from casefile.errors import InvalidInput, NotFound, StaleVersion

# Children before parents when deleting, parents before children when restoring.
TABLE_ORDER = ("incidents", "claims", "annotations", "relations", "judgements")
INCIDENT_FIELDS = {
    "summary", "event_type", "sub_event_type", "date_start", "date_end", "date_precision",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "actor1", "actor2",
    "killed_best", "wounded_best", "arrested_best",
}


class CurationStore:
    db: object
    tx: object

    # -- snapshots ----------------------------------------------------------------------
    def snapshot(self, rows: dict[str, list[int]]) -> dict[str, dict[str, dict | None]]:
        """The exact current content of these rows (None for a row that does not exist)."""
        conn = self.db.conn
        out: dict[str, dict[str, dict | None]] = {}
        for table in TABLE_ORDER:
            ids = sorted(set(rows.get(table, [])))
            if not ids:
                continue
            cur = conn.execute(f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(ids))})", ids)
            names = [d[0] for d in cur.description]
            found = {str(r[0]): dict(zip(names, r)) for r in cur}
            out[table] = {str(i): found.get(str(i)) for i in ids}
        return out

    def restore(self, snapshot: dict[str, dict[str, dict | None]]) -> None:
        """Put these rows back exactly as the snapshot has them.

        A row that still exists is updated in place, never deleted and inserted again: a
        delete would cascade to the rows that point at it (an incident's duplicate
        suggestions), and those are not in the snapshot.
        """
        conn = self.db.conn
        for table in reversed(TABLE_ORDER):
            for row_id, row in snapshot.get(table, {}).items():
                if row is None:
                    conn.execute(f"DELETE FROM {table} WHERE id = ?", (int(row_id),))
        for table in TABLE_ORDER:
            for row_id, row in snapshot.get(table, {}).items():
                if row is not None:
                    names = list(row)
                    updates = ", ".join(f"{_q(n)} = excluded.{_q(n)}" for n in names if n != "id")
                    conn.execute(
                        f"INSERT INTO {table} ({', '.join(_q(n) for n in names)}) "
                        f"VALUES ({', '.join('?' * len(names))}) "
                        f"ON CONFLICT(id) DO UPDATE SET {updates}",
                        [row[n] for n in names],
                    )

    # -- audit log ----------------------------------------------------------------------
    def audit(self, action: str, target: str, before: dict, after: dict, author: str, at: str,
              undo_of: int | None = None) -> int:
        cur = self.db.conn.execute(
            "INSERT INTO audit_log (at, author, action, target, before, after, undo_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (at, author, action, target, json.dumps(before, ensure_ascii=False),
             json.dumps(after, ensure_ascii=False), undo_of),
        )
        return cur.lastrowid

    def last_undoable(self, author: str | None = None) -> dict | None:
        """The newest change not yet undone (of this author, when one is named)."""
        row = self.db.conn.execute(
            """SELECT id, at, author, action, target, before, after, undone_at FROM audit_log
               WHERE undone_at IS NULL AND action != 'undo' AND (? IS NULL OR author = ?)
               ORDER BY id DESC LIMIT 1""", (author, author)).fetchone()
        return _entry(row)

    def audit_entry(self, entry_id: int) -> dict | None:
        row = self.db.conn.execute(
            """SELECT id, at, author, action, target, before, after, undone_at FROM audit_log
               WHERE id = ?""", (entry_id,)).fetchone()
        return _entry(row)

    def mark_undone(self, entry_id: int, at: str) -> None:
        self.db.conn.execute("UPDATE audit_log SET undone_at = ? WHERE id = ?", (at, entry_id))

    def history(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        rows = self.db.conn.execute(
            """SELECT id, at, author, action, target, before, after, undone_at, undo_of FROM audit_log
               ORDER BY id DESC LIMIT ? OFFSET ?""", (-1 if limit is None else limit, offset))
        keys = ("id", "at", "author", "action", "target", "before", "after", "undone_at", "undo_of")
        out = []
        for r in rows:
            entry = dict(zip(keys, r))
            entry["before"], entry["after"] = json.loads(entry["before"]), json.loads(entry["after"])
            out.append(entry)
        return out

    def history_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]

    def merge_entry_for(self, incident_id: int) -> dict | None:
        """The newest merge, not undone, that merged this incident away."""
        for entry_id, after in self.db.conn.execute(
            "SELECT id, after FROM audit_log WHERE action = 'merge' AND undone_at IS NULL ORDER BY id DESC"
        ):
            snap = json.loads(after)
            row = snap.get("incidents", {}).get(str(incident_id))
            if row and row.get("status") == "merged":
                return next(e for e in self.history() if e["id"] == entry_id)
        return None

    # -- rows ---------------------------------------------------------------------------
    def check_version(self, incident_id: int, expected: int | None) -> dict:
        row = self.db.conn.execute(
            "SELECT id, status, merged_into, version FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None:
            raise NotFound(f"no incident with id {incident_id}")
        if expected is not None and row[3] != expected:
            raise StaleVersion(
                f"incident {incident_id} was changed by someone else (it is now version {row[3]}, "
                f"you saw version {expected}); reload it and try again"
            )
        return {"id": row[0], "status": row[1], "merged_into": row[2], "version": row[3]}

    def update_incident(self, incident_id: int, now: str, **fields) -> None:
        unknown = set(fields) - INCIDENT_FIELDS - {"status", "merged_into"}
        if unknown:
            raise InvalidInput(f"cannot set {', '.join(sorted(unknown))} on an incident")
        sets = ", ".join(f"{k} = ?" for k in fields)
        self.db.conn.execute(
            f"UPDATE incidents SET {sets}{', ' if sets else ''}version = version + 1, updated_at = ? WHERE id = ?",
            [*fields.values(), now, incident_id],
        )

    def incident_row(self, incident_id: int) -> dict:
        cur = self.db.conn.execute("SELECT * FROM incidents WHERE id = ?", (incident_id,))
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"no incident with id {incident_id}")
        return dict(zip([d[0] for d in cur.description], row))

    def claim_ids(self, incident_ids: list[int]) -> list[int]:
        marks = ",".join("?" * len(incident_ids))
        return [r[0] for r in self.db.conn.execute(
            f"SELECT id FROM claims WHERE incident_id IN ({marks})", incident_ids)]

    def move_claims(self, claim_ids: list[int], incident_id: int) -> None:
        self.db.conn.executemany("UPDATE claims SET incident_id = ? WHERE id = ?",
                                 [(incident_id, c) for c in claim_ids])

    def analyst_claim_ids(self, incident_id: int, field: str) -> list[int]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT id FROM claims WHERE incident_id = ? AND field = ? AND origin = 'analyst'",
            (incident_id, field))]

    def analyst_fields(self, incident_id: int) -> set[str]:
        return {r[0] for r in self.db.conn.execute(
            "SELECT DISTINCT field FROM claims WHERE incident_id = ? AND origin = 'analyst'", (incident_id,))}

    def delete_claims(self, claim_ids: list[int]) -> None:
        self.db.conn.executemany("DELETE FROM claims WHERE id = ?", [(c,) for c in claim_ids])

    def add_claim(self, incident_id: int, now: str, **claim) -> int:
        claim.setdefault("origin", "analyst")
        detail = claim.pop("detail", None)
        names = ["incident_id", "created_at", "detail", *claim]
        cur = self.db.conn.execute(
            f"INSERT INTO claims ({', '.join(_q(n) for n in names)}) VALUES ({', '.join('?' * len(names))})",
            [incident_id, now, json.dumps(detail) if detail else None, *claim.values()],
        )
        return cur.lastrowid

    def add_annotation(self, incident_id: int, body: str, author: str, now: str, article_id=None,
                       start=None, end=None, quote=None, prefix=None, suffix=None) -> int:
        cur = self.db.conn.execute(
            'INSERT INTO annotations (incident_id, article_id, start, "end", quote, prefix, suffix, body, author, created_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (incident_id, article_id, start, end, quote, prefix, suffix, body, author, now))
        return cur.lastrowid

    def add_relation(self, source_id: int, target_id: int, kind: str, author: str, now: str,
                     note: str | None = None) -> int:
        existing = self.db.conn.execute(
            "SELECT id FROM relations WHERE source_id = ? AND target_id = ? AND kind = ?",
            (source_id, target_id, kind)).fetchone()
        if existing:
            raise InvalidInput(f"incident {source_id} is already linked to {target_id} as {kind}")
        cur = self.db.conn.execute(
            "INSERT INTO relations (source_id, target_id, kind, note, author, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (source_id, target_id, kind, note, author, now))
        return cur.lastrowid

    def judgement_id(self, left: int, right: int) -> int | None:
        row = self.db.conn.execute(
            "SELECT id FROM judgements WHERE left_id = ? AND right_id = ?", (left, right)).fetchone()
        return row[0] if row else None

    def set_judgement(self, left: int, right: int, decision: str, author: str, now: str,
                      score: float | None = None, breakdown: dict | None = None) -> int:
        existing = self.judgement_id(left, right)
        stored = None
        if breakdown is None:
            # A merge from the queue or the desk: the pair's suggested score is the curator's
            # example for learning, as if it had been passed.
            stored = self.db.conn.execute(
                "SELECT score, breakdown FROM suggestions WHERE left_id = ? AND right_id = ?", (left, right)).fetchone()
        if stored:
            score, breakdown_json = (score if score is not None else stored[0]), stored[1]
        else:
            breakdown_json = json.dumps(breakdown) if breakdown else None
        values = (decision, score, breakdown_json, author, now)
        if existing:
            self.db.conn.execute(
                "UPDATE judgements SET decision = ?, score = ?, breakdown = ?, author = ?, decided_at = ? WHERE id = ?",
                (*values, existing))
            return existing
        cur = self.db.conn.execute(
            "INSERT INTO judgements (decision, score, breakdown, author, decided_at, left_id, right_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (*values, left, right))
        return cur.lastrowid

    def new_incident(self, article_id: int, summary: str, now: str) -> int:
        cur = self.db.conn.execute(
            "INSERT INTO incidents (status, origin, source_article_id, summary, created_at, updated_at) "
            "VALUES ('candidate', 'analyst', ?, ?, ?, ?)", (article_id, summary, now, now))
        return cur.lastrowid


def _entry(row) -> dict | None:
    if row is None:
        return None
    entry = dict(zip(("id", "at", "author", "action", "target", "before", "after", "undone_at"), row))
    entry["before"], entry["after"] = json.loads(entry["before"]), json.loads(entry["after"])
    return entry


def _q(name: str) -> str:
    return f'"{name}"'

