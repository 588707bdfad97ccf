"""Duplicate suggestions: blocking, pair scoring with reasons, clustering. Pure code."""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from casefile.match.blocking import BUSY_DAYS, WINDOW, candidate_pairs
from casefile.match.records import MatchRecord, Suggestion
from casefile.match.score import THRESHOLD, calibrate, evidence, score, vague
from casefile.match.words import Rarity

__all__ = ["MatchRecord", "Suggestion", "Run", "suggest", "score", "THRESHOLD", "clusters", "no_cycle_collection"]


class Run:
    """What one matching run knows of the whole case file: how rare each word is, how alike
    reports of different events read anyway, how crowded each place is with reports of each
    kind of event (for the reports that do not say when) and how often it is reported at all."""

    def __init__(self, records: Iterable[MatchRecord]):
        self.by_id = {r.id: r for r in records}
        values = list(self.by_id.values())
        self.rarity = Rarity(r.words for r in values)
        calibrate(self.rarity, values)
        self.crowds: Counter[tuple] = Counter()
        days_at: dict[str, set[dt.date]] = {}  # place name -> the days it has reports of
        for r in values:
            if r.date_start is not None and r.date_precision == "day":
                for name in r.place_names:
                    days_at.setdefault(name, set()).add(r.date_start)
        every_day = set().union(*days_at.values())
        self.span = (max(every_day) - min(every_day)).days + 1 if every_day else 1
        self.report_days = {name: len(days) for name, days in days_at.items()}
        for r in values:
            kind = r.sub_event_type
            dated = r.date_start is not None and r.date_precision == "day"
            for name in r.place_names:
                self.crowds[(name, kind)] += 1
                if dated:
                    self.crowds[(name, kind, "w", r.date_start.weekday())] += 1
                    self.crowds[(name, kind, "m", r.date_start.month)] += 1

    def crowd(self, r: MatchRecord) -> int:
        """How many reports of its kind of event its place has that could be the one it tells
        of, as far as what it says of its date goes (a stated weekday or month narrows them)."""
        kind, crowds = r.sub_event_type, self.crowds
        months = r.months or ({r.date_start.month} if r.date_start and r.date_precision == "month" else ())
        best = 0
        for name in r.place_names:
            if r.weekdays:
                n = sum(crowds[(name, kind, "w", w)] for w in r.weekdays)
            elif months:
                n = sum(crowds[(name, kind, "m", m)] for m in months)
            else:
                n = crowds[(name, kind)]
            best = max(best, n)
        return best

    def crowded(self, a: MatchRecord, b: MatchRecord) -> int:
        """The crowd of the vaguer side of a pair (a report not dated to the day or week);
        0 when both are dated."""
        return max((self.crowd(r) for r in (a, b) if vague(r)), default=0)

    def busy(self, a: MatchRecord, b: MatchRecord) -> float:
        """On how many days of a five-day window (the blocking window) their place has reports,
        on average over the case file's span: near 0 for scattered reports, near 5 on a front
        line reported daily, where two reports of a few days may well be two events. A place
        with reports on fewer than BUSY_DAYS days has no rate to speak of."""
        names = (a.place_names & b.place_names) or (a.place_names | b.place_names)
        days = max((self.report_days.get(n, 0) for n in names), default=0)
        return days / self.span * (2 * WINDOW + 1) if days >= BUSY_DAYS else 0.0

    def score(self, a: MatchRecord, b: MatchRecord, model=None, explain: bool = True,
              floor: float = 0.0) -> Suggestion | None:
        return score(a, b, self.crowded(a, b), self.rarity, model, explain, floor, self.busy(a, b))


def suggest(records: Iterable[MatchRecord], no_match: set[tuple[int, int]] = frozenset(),
            threshold: float | None = None, model=None) -> list[Suggestion]:
    """Scored pairs above the threshold, best first, with cluster ids; pairs judged
    no_match are never suggested again. `model` (casefile.match.learn.Model): weights
    learned from the curator's judgements, with its own threshold."""
    if threshold is None:
        threshold = model.threshold if model is not None else THRESHOLD
    with no_cycle_collection():
        return _suggest(Run(records), no_match, threshold, model)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """For building or scoring the records: millions of small objects and no cycles, which the
    cycle collector would only rescan again and again (at 100k incidents, a third of the time)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _suggest(run: Run, no_match: set[tuple[int, int]], threshold: float, model) -> list[Suggestion]:
    by_id, rarity = run.by_id, run.rarity
    found = []
    for a, b in candidate_pairs(by_id.values(), rarity):
        if (a, b) in no_match:
            continue
        left, right = by_id[a], by_id[b]
        if left.article_ids & right.article_ids:
            continue  # one article told them apart: two incidents by its own account
        s = run.score(left, right, model, explain=False, floor=threshold)
        if s is not None and s.score >= threshold:  # only a kept pair is told what both sources share
            found.append(Suggestion(s.left, s.right, s.score, s.breakdown,
                                    tuple(dict.fromkeys((*evidence(left, right, rarity), *s.reasons)))))
    groups = clusters((s.left, s.right) for s in found)
    found = [Suggestion(s.left, s.right, s.score, s.breakdown, s.reasons, groups[s.left]) for s in found]
    found.sort(key=lambda s: (-s.score, s.left, s.right))
    return found


def clusters(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Union-find: each incident of a pair mapped to its cluster's smallest id."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}
