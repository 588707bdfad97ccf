"""What the duplicate matcher knows of an incident: plain values, no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class MatchRecord:
    id: int
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    location: str | None
    place_names: frozenset[str]  # normalised names: the place, its parent city, its aliases
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str | None
    actors: frozenset[str]
    event_type: str | None
    sub_event_type: str | None
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (low, high)
    text: str = ""  # the claim quotes, for text similarity
    weekdays: frozenset[int] = frozenset()  # stated but unresolved weekdays (0 = Monday)
    months: frozenset[int] = frozenset()  # stated but unresolved months
    article_ids: frozenset[int] = frozenset()
    published: frozenset[dt.date] = frozenset()  # publication dates of its articles
    words: frozenset[str] = frozenset()  # content words of its claim sentences and titles
    names: frozenset[str] = frozenset()  # proper names in those sentences (people, sites)
    name_phrases: tuple[str, ...] = ()  # its many-word names as written, first seen first

    def __post_init__(self):
        if not self.words and self.text:  # built from quotes alone (tests, benchmarks)
            from casefile.match.words import tokens

            object.__setattr__(self, "words", frozenset(tokens(self.text)))

    @cached_property
    def phrases(self) -> dict[str, str]:
        """Name word -> the whole name it is part of, for reasons (only kept pairs ask)."""
        from casefile.match.words import phrase_words

        return phrase_words(self.name_phrases)

    @property
    def dated(self) -> bool:
        return self.date_start is not None

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The words of its place names ("kurram's bagan" -> kurram, bagan)."""
        import re

        return frozenset(w for name in self.place_names for w in re.findall(r"[^\W\d_][\w'’-]*", name))

    @cached_property
    def first_published(self) -> dt.date | None:
        return min(self.published) if self.published else None

    @cached_property
    def when(self) -> int | None:
        """A day number for windows: the event's own day, else the publication day."""
        if self.date_start is not None and self.date_precision in ("day", "week"):
            return self.date_start.toordinal()
        return self.first_published.toordinal() if self.first_published else None

    @cached_property
    def armed(self) -> frozenset[str]:
        """Armed groups named (not government forces, not "gunmen", not civilians)."""
        from casefile.extract.actors import is_state

        return frozenset(a for a in self.actors if not is_state(a)
                         and a not in ("Unidentified armed group", "Civilians"))

    @cached_property
    def forces(self) -> frozenset[str]:
        return frozenset(a for a in self.actors if a not in self.armed
                         and a not in ("Unidentified armed group", "Civilians"))


@dataclass(frozen=True)
class Suggestion:
    left: int
    right: int
    score: float
    breakdown: dict[str, float]
    reasons: tuple[str, ...] = ()
    cluster: int | None = None

    def as_json(self) -> dict:
        return {"left": self.left, "right": self.right, "score": round(self.score, 3),
                "breakdown": {k: round(v, 3) for k, v in self.breakdown.items()},
                "reasons": list(self.reasons), "cluster": self.cluster}
