"""Blocking: which incident pairs are worth scoring at all.

Comparing every pair costs n²/2 scorings (100k incidents: 5 billion). As in splink and dedupe,
blocking is a plain list of rules (`RULES`), any of which proposes a pair; each is near-linear
because every record emits a few keys and an over-full block is skipped:

1. **date and place**: the same day (±2) and the same place (town name, a neighbourhood's
   town, or a ~25 km grid cell); reports known only coarsely (a province, a month, a weekday)
   are searched among the reports of their province in that window. A crowded block takes a
   finer key (adaptive blocking): in a place reported on one day in five or more, reports of
   different days, and an undated report among a town's many, are paired only with reports of
   their kind of event whose tolls could be the same (`alike`).
2. **shared rare words**: two reports whose claim sentences and titles share at least two
   rare words or names (in at most `RARE_CAP` records of the case file) within `WORD_WINDOW`
   days of each other (event day, else publication day). This finds the twin whose place came
   out as the country or whose date is the announcement day.
3. **weekday, region and toll**: an undated report that names only a weekday and no town, against the reports of its province (else country) of that weekday and kind of event
   whose tolls are compatible.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from bisect import bisect_left, bisect_right
from itertools import chain, islice
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from casefile.match.records import MatchRecord
from casefile.match.score import thin
from casefile.match.words import Rarity

MAX_BLOCK = 4000  # a block this large holds nothing specific enough to be worth all its pairs
CROWDED_BLOCK = 50  # a report with no date and no figure is only matched in a quieter place
GENERIC_ACTORS = {"Unidentified armed group", "Civilians"}
CELL = 4  # grid cells per degree: about 25 km


WINDOW = 2  # days either side
BUSY_DAYS = 5  # a place reported on fewer days has no reporting rate to speak of


def _own_days(r: MatchRecord) -> list[dt.date]:
    if r.date_precision not in ("day", "week") or r.date_start is None:
        return []
    span = ((r.date_end or r.date_start) - r.date_start).days
    if span > 10:
        return []
    return [r.date_start + dt.timedelta(days=i) for i in range(span + 1)]


def _precise(r: MatchRecord) -> bool:
    """A place known to the town (with coordinates) is specific enough to block on alone."""
    return r.latitude is not None and r.geo_precision in ("town", "neighbourhood", "district")


def _fine_keys(r: MatchRecord) -> list[tuple]:
    keys: list[tuple] = [("name", n) for n in r.place_names]
    if r.latitude is not None and r.longitude is not None:
        # Two grids, the second shifted by half a cell: places closer than half a cell
        # (~12 km) always share a cell, wherever the cell borders fall.
        lat, lon = r.latitude * CELL, r.longitude * CELL
        keys.append(("cell", round(lat), round(lon)))
        keys.append(("cell+", round(lat + 0.5), round(lon + 0.5)))
    return keys


def _area(r: MatchRecord) -> tuple | None:
    if r.admin1:
        return ("admin1", r.country, r.admin1)
    if r.country:
        return ("country", r.country)
    return None


def _window(key: tuple, day: dt.date) -> tuple[tuple, ...]:
    """The lookup keys of the days within the window around `day` (a key's day comes second)."""
    return tuple((key[0], day + dt.timedelta(days=i), *key[1:]) for i in range(-WINDOW, WINDOW + 1))


def _around(weekday: int) -> tuple[int, int, int]:
    return ((weekday - 1) % 7, weekday, (weekday + 1) % 7)


def date_place(records: list[MatchRecord], rarity: Rarity | None = None) -> Iterator[tuple[int, int]]:
    """The same day (±2) and the same place; coarse reports searched in their province."""
    # key -> day -> ids: every record against those of the same key within the window
    symmetric: dict[tuple, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    lookup: dict[tuple, list[int]] = defaultdict(list)  # every record, for coarse ones to search
    coarse: list[tuple[int, list[tuple[tuple, ...]]]] = []  # (id, groups of lookup keys it searches)
    thin_ids: set[int] = set()
    for r in records:
        if thin(r):
            thin_ids.add(r.id)
        own = _own_days(r)
        area = _area(r)
        # Undated and coarse reports search by name (not by grid cell: a year of a cell's reports
        # on one weekday is a crowd, not a block).
        places = [("name", n) for n in r.place_names] if r.place_names else ([area] if area else [])
        # For reports without a date: every record is findable by place and weekday / month.
        if r.date_start and r.date_precision == "day":
            for key in places + ([area] if area and _precise(r) else []):
                lookup[("pw", r.date_start.weekday(), *key)].append(r.id)  # searched ±1 day
                lookup[("pm", r.date_start.month, *key)].append(r.id)
        if own:
            month = (r.date_start.year, r.date_start.month)
            fine = _fine_keys(r)
            for d in own:
                day = d.toordinal()
                for key in fine:
                    symmetric[key][day].append(r.id)
            # Indexed by its own days; a coarse search looks ±2 days around each of its own.
            if area:
                kind = (r.event_type, *area)
                for d in own:
                    lookup[("d", d, *kind)].append(r.id)
                lookup[("m", month, *area)].append(r.id)
            searches = []
            if not _precise(r):
                # of its kind of event: a province's every report of those days is a crowd
                if area:
                    searches = [_window(("d", r.event_type, *area), d) for d in own]
                for a in r.actors - GENERIC_ACTORS if not area else ():
                    searches += [_window(("da", a), d) for d in own]
            for a in r.actors - GENERIC_ACTORS:
                for d in own:
                    lookup[("da", d, a)].append(r.id)
            if searches:
                coarse.append((r.id, searches))
        else:
            month = (r.date_start.year, r.date_start.month) if r.date_start and r.date_precision == "month" else None
            if month and area:
                coarse.append((r.id, [(("m", month, *area),)]))
            elif r.weekdays and r.place_names:  # without a town: the weekday, region and toll rule
                coarse.append((r.id, [tuple(("pw", x, *key) for x in _around(w))  # reports are often a day off
                                      for w in r.weekdays for key in places]))
            elif r.months:
                coarse.append((r.id, [(("pm", m, *key),) for m in r.months for key in places]))
            elif places:
                coarse.append((r.id, [(("p", *key),) for key in places]))
        for key in places:
            lookup[("p", *key)].append(r.id)
            for w in r.weekdays:
                lookup[("pw", w, *key)].append(r.id)
            for m in r.months:
                lookup[("pm", m, *key)].append(r.id)
    by_id = {r.id: r for r in records}
    days = [d for by_day in symmetric.values() for d in by_day]
    span = max(days) - min(days) + 1 if days else 1
    for by_day in symmetric.values():
        # A place reported on one day in five or more has reports of another event within any
        # window: there, reports a day or two apart are paired only if they are alike (adaptive
        # blocking: a crowded block takes a finer key).
        busy = len(by_day) >= BUSY_DAYS and len(by_day) * (2 * WINDOW + 1) >= span
        for day, ids in by_day.items():
            near = [x for delta in range(1, WINDOW + 1) for x in by_day.get(day + delta, ())]
            if len(ids) + len(near) > MAX_BLOCK:
                continue
            for i, a in enumerate(ids):
                for b in islice(ids, i + 1, None):
                    if a != b:
                        yield (a, b) if a < b else (b, a)  # repeats are removed by candidate_pairs
                for b in near:
                    if a != b and not (busy and not alike(by_id[a], by_id[b])):
                        yield (a, b) if a < b else (b, a)
    for a, groups in coarse:
        left = by_id[a]
        for group in groups:
            key = group[0]
            others = (lookup.get(key, ()) if len(group) == 1
                      else list(dict.fromkeys(chain.from_iterable(lookup.get(k, ()) for k in group))))
            if len(others) > MAX_BLOCK or (a in thin_ids and len(others) > CROWDED_BLOCK):
                continue  # nothing to match a bare "clashes in X" on, in a busy place
            crowd = "name" not in key or len(others) > CROWDED_BLOCK  # a province, a busy town
            for b in others:
                if a != b and not (crowd and not alike(left, by_id[b])):
                    yield (a, b) if a < b else (b, a)


RARE_CAP = 40  # a word in more records than this is common speech, not a shared detail
WORD_WINDOW = 7  # days apart two reports may be and still be found by their words
MIN_SHARED = 2  # rare words two reports must share


def rare_words(r: MatchRecord, rarity: Rarity) -> list[str]:
    return [t for t in r.words if rarity.rare(t, RARE_CAP)]


def shared_words(records: list[MatchRecord], rarity: Rarity | None = None) -> Iterator[tuple[int, int]]:
    """An inverted index over rare words: for each record, the others sharing ≥ MIN_SHARED of
    them within the window. The cap on a word's records bounds the work per record."""
    if rarity is None:
        rarity = Rarity(r.words for r in records)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word -> [(day, id)]
    undated: dict[str, list[int]] = defaultdict(list)
    own: list[tuple[MatchRecord, list[str]]] = []
    for r in records:
        words = rare_words(r, rarity)
        if not words:
            continue
        own.append((r, words))
        for t in words:
            if r.when is None:
                undated[t].append(r.id)
            else:
                postings[t].append((r.when, r.id))
    days: dict[str, list[int]] = {}
    for t, items in postings.items():
        items.sort()
        days[t] = [d for d, _ in items]
    for r, words in own:
        shared: Counter[int] = Counter()
        for t in words:
            timed = postings.get(t, ())
            if r.when is None:
                shared.update(i for _, i in timed)
            elif timed:
                lo = bisect_left(days[t], r.when - WORD_WINDOW)
                hi = bisect_right(days[t], r.when + WORD_WINDOW)
                shared.update(i for _, i in timed[lo:hi])
            shared.update(undated.get(t, ()))
        for other, n in shared.items():
            if other > r.id and n >= MIN_SHARED:
                yield r.id, other


def _undated(r: MatchRecord) -> bool:
    return r.date_start is None or r.date_precision not in ("day", "week")


def alike(a: MatchRecord, b: MatchRecord) -> bool:
    """Of one kind of event, with tolls that could be the same: the finer key of a crowded block."""
    return a.event_type == b.event_type and tolls_compatible(a, b)


def tolls_compatible(a: MatchRecord, b: MatchRecord) -> bool:
    """No field with two figures far apart: ranges apart, more than two apart and less than
    half (a missing figure is no objection)."""
    for name in a.counts.keys() & b.counts.keys():
        (al, ah), (bl, bh) = a.counts[name], b.counts[name]
        low, high = sorted((ah, bh))
        if not (al <= bh and bl <= ah) and high - low > 2 and low < 0.5 * high:
            return False
    return True


def weekday_region_toll(records: list[MatchRecord], rarity: Rarity | None = None) -> Iterator[tuple[int, int]]:
    """Undated reports that name a weekday, against their province's (else country's) reports
    of that weekday with compatible tolls."""
    index: dict[tuple, list[MatchRecord]] = defaultdict(list)
    searching: list[tuple[MatchRecord, list[tuple]]] = []
    for r in records:
        area = _area(r)
        if area is None:
            continue
        # of one kind of event: a province's every report of a weekday, over years, is a crowd
        if not _undated(r):
            for w in _around(r.date_start.weekday()):  # a report is often a day off
                index[(w, r.event_type, *area)].append(r)
        elif r.weekdays:
            keys = [(w, r.event_type, *area) for w in r.weekdays]
            for key in keys:
                index[key].append(r)
            if not r.place_names:  # a named place is searched by name and weekday (date and place)
                searching.append((r, keys))
    for r, keys in searching:
        for key in keys:
            block = index[key]
            if len(block) > MAX_BLOCK:
                continue
            for other in block:
                if other.id != r.id and (r.counts or other.counts or len(block) <= CROWDED_BLOCK) \
                        and tolls_compatible(r, other):
                    yield (r.id, other.id) if r.id < other.id else (other.id, r.id)


@dataclass(frozen=True)
class BlockingRule:
    name: str
    pairs: Callable[[list[MatchRecord], Rarity | None], Iterator[tuple[int, int]]]


RULES = [
    BlockingRule("date and place", date_place),
    BlockingRule("shared rare words", shared_words),
    BlockingRule("weekday, region and toll", weekday_region_toll),
]


def candidate_pairs(records: Iterable[MatchRecord], rarity: Rarity | None = None,
                    rules: list[BlockingRule] = RULES, tally: dict[str, int] | None = None
                    ) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) proposed by any rule, each once. `tally` counts the new pairs per rule."""
    records = list(records)
    if rarity is None and any(rule.pairs is shared_words for rule in rules):
        rarity = Rarity(r.words for r in records)
    seen: set[tuple[int, int]] = set()
    for rule in rules:
        for pair in rule.pairs(records, rarity):
            if pair not in seen:
                seen.add(pair)
                if tally is not None:
                    tally[rule.name] = tally.get(rule.name, 0) + 1
                yield pair
