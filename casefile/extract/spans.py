"""Overlap tests against many spans in logarithmic time.

Extraction asks "does this mention overlap any of those?" once per mention; a scan of the
whole list each time makes the cost grow with the square of the text's size.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class SpanSet:
    """Disjoint half-open spans, added one at a time (a span is kept only if it is free)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in spans:
            self.add(s, e)

    def overlaps(self, start: int, end: int) -> bool:
        # Disjoint and sorted by start, the spans are sorted by end too: of those starting
        # before `end`, the last one reaches furthest.
        i = bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Add the span unless it overlaps one already there; True when added."""
        if self.overlaps(start, end):
            return False
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True

    def __len__(self) -> int:
        return len(self._starts)


class Overlaps:
    """Any spans (they may overlap each other), fixed at construction."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(spans)
        self._starts = [s for s, _ in pairs]
        self._reach: list[int] = []   # the furthest end among the spans up to each index
        reach = -1
        for _, e in pairs:
            reach = max(reach, e)
            self._reach.append(reach)

    def any(self, start: int, end: int) -> bool:
        """Does [start, end) overlap one of the spans?"""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


__all__ = ["SpanSet", "Overlaps"]
