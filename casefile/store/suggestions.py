"""Duplicate suggestions as stored: what the matcher reads, and what the queue lists."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

ACTIVE = "status IN ('candidate', 'confirmed')"


class SuggestionStore:
    db: object
    tx: object

    def match_incidents(self) -> list[tuple]:
        return self.db.conn.execute(
            f"""SELECT id, date_start, date_end, date_precision, location, admin1, country, latitude,
                       longitude, geo_precision, actor1, actor2, event_type, sub_event_type,
                       killed_low, killed_high, wounded_low, wounded_high, arrested_low, arrested_high
                FROM incidents WHERE {ACTIVE} ORDER BY id""").fetchall()

    def match_claims(self) -> Iterator[tuple]:
        """(incident_id, field, value, detail, article_id, start, end, quote) of the claims of
        active incidents that matter to matching, in one pass: every anchored claim and the
        fields the matcher reads. By article and place in it; a date's detail only, and the
        quote only of a claim with no place in its text (the others are read in their sentence)."""
        return self.db.conn.execute(
            f"""SELECT c.incident_id, c.field, c.value, CASE WHEN c.field = 'date' THEN c.detail END,
                       c.article_id, c.start, c."end", CASE WHEN c.start IS NULL THEN c.quote END
                FROM claims c
                WHERE (c.start IS NOT NULL
                       OR c.field IN ('actor', 'date', 'killed', 'wounded', 'arrested', 'event_type'))
                  AND c.incident_id IN (SELECT id FROM incidents WHERE {ACTIVE})
                ORDER BY c.article_id, c.start, c."end", c.incident_id""")

    def match_articles(self) -> dict[int, tuple[str | None, str | None]]:
        """id -> (published, title) of every article (reading all is cheaper than choosing)."""
        return {r[0]: r[1:] for r in self.db.conn.execute("SELECT id, published, title FROM articles")}

    def article_bodies(self, article_ids: Iterable[int]) -> Iterator[tuple[int, str]]:
        """(id, body) of the given articles, by id, with their page furniture blanked out
        (captions, credits: the same photographer is no shared detail); each body is read once
        for all its claims."""
        for article_id, body, excluded in self.db.conn.execute(
                "SELECT id, body, excluded FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                (json.dumps(sorted(article_ids)),)):
            for start, end, _reason in json.loads(excluded) if excluded and excluded != "[]" else ():
                body = body[:start] + " " * (end - start) + body[end:]  # offsets kept
            yield article_id, body

    def match_words(self) -> dict[int, tuple[str, str, str, str]]:
        """incident id -> (stamp, words, names, phrases) as the last matching run read them."""
        return {r[0]: r[1:] for r in self.db.conn.execute(
            "SELECT incident_id, stamp, words, names, phrases FROM match_words")}

    def keep_match_words(self, rows: Iterable[tuple[int, str, str, str, str]]) -> None:
        """Store (incident id, stamp, words, names, phrases) for the next matching run."""
        if self.db.read_only:
            return  # a cache: a file that cannot be written is read afresh each time
        with self.tx.write():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO match_words (incident_id, stamp, words, names, phrases) "
                "VALUES (?, ?, ?, ?, ?)", rows)

    def match_judgements(self) -> list[tuple[str, dict]]:
        """(decision, breakdown) of every match / no_match judgement that kept the parts of the
        score the pair had: the curator's examples for learning the weights."""
        return [(decision, json.loads(breakdown)) for decision, breakdown in self.db.conn.execute(
            "SELECT decision, breakdown FROM judgements WHERE decision IN ('match', 'no_match') "
            "AND breakdown IS NOT NULL ORDER BY id")]

    def judgements_before_suggestions(self) -> tuple[int, int, int, bool]:
        """(match, no_match, newer, learned): judgements with a breakdown made before the
        suggestions were last computed (what their order could learn from), how many came
        after, and whether that order did come from learned weights. Times are to the second:
        a decision in the second of a recomputation counts as before it."""
        conn = self.db.conn
        run = conn.execute("SELECT computed_at, learned FROM suggestion_runs ORDER BY rowid DESC LIMIT 1").fetchone()
        at = run[0] if run else conn.execute("SELECT max(computed_at) FROM suggestions").fetchone()[0]
        row = conn.execute(
            """SELECT coalesce(sum(decision = 'match' AND decided_at <= ?), 0),
                      coalesce(sum(decision = 'no_match' AND decided_at <= ?), 0),
                      coalesce(sum(? IS NULL OR decided_at > ?), 0)
               FROM judgements WHERE decision IN ('match', 'no_match') AND breakdown IS NOT NULL""",
            (at, at, at, at)).fetchone()
        return row[0], row[1], row[2], bool(run and run[1])

    def no_match_pairs(self) -> set[tuple[int, int]]:
        return {(a, b) for a, b in self.db.conn.execute(
            "SELECT left_id, right_id FROM judgements WHERE decision = 'no_match'")}

    def replace_suggestions(self, suggestions, now: str, learned: bool = False) -> None:
        """`learned`: their scores came from weights learned from the curator's judgements."""
        with self.tx.write():
            self.db.conn.execute("DELETE FROM suggestions")
            self.db.conn.execute("DELETE FROM suggestion_runs")  # only the last one is ever read
            self.db.conn.execute("INSERT INTO suggestion_runs (computed_at, learned) VALUES (?, ?)", (now, int(learned)))
            self.db.conn.executemany(
                "INSERT INTO suggestions (left_id, right_id, score, breakdown, reasons, cluster, computed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(s.left, s.right, s.score, json.dumps(s.breakdown), json.dumps(list(s.reasons)),
                  s.cluster, now) for s in suggestions])

    def _open_suggestions(self) -> str:
        # Still worth a look: both incidents active, not yet decided (or judged unsure).
        # CROSS JOIN keeps suggestions as the outer loop, read in score order from its index,
        # so a page of a million-pair queue costs a page of lookups, not a sort.
        return f"""FROM suggestions s INDEXED BY suggestions_score
                   CROSS JOIN incidents l ON l.id = s.left_id AND l.{ACTIVE}
                   CROSS JOIN incidents r ON r.id = s.right_id AND r.{ACTIVE}
                   LEFT JOIN judgements j ON j.left_id = s.left_id AND j.right_id = s.right_id
                   WHERE (j.decision IS NULL OR j.decision = 'unsure')"""

    # Counting past this costs more than a keypress may (30 ms for 10,000 pairs on a 100k-article case).
    SUGGESTION_COUNT_CAP = 1_000

    def suggestion_count(self, cap: int | None = SUGGESTION_COUNT_CAP) -> int:
        """Open pairs, counted up to `cap` (a queue of a million pairs is "1,000+")."""
        limit = -1 if cap is None else cap
        return self.db.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 {self._open_suggestions()} LIMIT ?)", (limit,)).fetchone()[0]

    def suggestions_for(self, incident_id: int, limit: int = 20) -> list[dict]:
        rows = self.db.conn.execute(
            f"""SELECT s.left_id, s.right_id, s.score, s.breakdown, s.reasons, s.cluster, j.decision
                {self._open_suggestions()} AND (s.left_id = ? OR s.right_id = ?)
                ORDER BY s.score DESC LIMIT ?""", (incident_id, incident_id, limit)).fetchall()
        return [{"left": r[0], "right": r[1], "score": r[2], "breakdown": json.loads(r[3]),
                 "reasons": json.loads(r[4]), "cluster": r[5], "judged": r[6]} for r in rows]

    def suggestions(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        rows = self.db.conn.execute(
            f"""SELECT s.left_id, s.right_id, s.score, s.breakdown, s.reasons, s.cluster, j.decision
                {self._open_suggestions()}
                ORDER BY s.score DESC, s.left_id, s.right_id LIMIT ? OFFSET ?""",
            (-1 if limit is None else limit, offset)).fetchall()
        return [{"left": r[0], "right": r[1], "score": r[2], "breakdown": json.loads(r[3]),
                 "reasons": json.loads(r[4]), "cluster": r[5], "judged": r[6]} for r in rows]
