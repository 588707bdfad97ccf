"""Duplicate suggestions: blocking, pair scoring with reasons, clustering. Pure code."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable

from casefile.match.blocking import candidate_pairs
from casefile.match.records import MatchRecord, Suggestion
from casefile.match.score import THRESHOLD, calibrate, evidence, score, thin
from casefile.match.words import Rarity

__all__ = ["MatchRecord", "Suggestion", "suggest", "score", "THRESHOLD", "clusters"]


def suggest(records: Iterable[MatchRecord], no_match: set[tuple[int, int]] = frozenset(),
            threshold: float | None = None, model=None) -> list[Suggestion]:
    """Scored pairs above the threshold, best first, with cluster ids; pairs judged
    no_match are never suggested again. `model` (casefile.match.learn.Model): weights
    learned from the curator's judgements, with its own threshold."""
    by_id = {r.id: r for r in records}
    if threshold is None:
        threshold = model.threshold if model is not None else THRESHOLD
    rarity = Rarity(r.words for r in by_id.values())
    calibrate(rarity, list(by_id.values()))
    crowds = Counter((name, r.sub_event_type) for r in by_id.values() for name in r.place_names)

    def crowd(r: MatchRecord) -> int:
        return max((crowds[(name, r.sub_event_type)] for name in r.place_names), default=0)

    found = []
    # Hundreds of thousands of small objects and no cycles: the cycle collector would only
    # rescan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for a, b in candidate_pairs(by_id.values(), rarity):
            if (a, b) in no_match:
                continue
            left, right = by_id[a], by_id[b]
            crowded = max(crowd(r) for r in (left, right) if thin(r)) if thin(left) or thin(right) else 0
            s = score(left, right, crowded, rarity, model, explain=False)
            if s.score >= threshold:  # only a kept pair is told what both sources share
                found.append(Suggestion(s.left, s.right, s.score, s.breakdown,
                                        (*evidence(left, right, rarity), *s.reasons)))
    finally:
        if collecting:
            gc.enable()
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
