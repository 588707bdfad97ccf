"""Blocking: which incident pairs are worth scoring at all.

Comparing every pair costs n²/2 scorings (100k incidents: 5 billion). Two reports of one event
share a day (±2) and a place: the same town name (a neighbourhood also carries its town), or a
grid cell of about 25 km when names differ in spelling. Reports known only coarsely (a
province, an unknown village, a month, no date at all) are compared with every report of
their province in that window instead; the armed group stands in for the place when no place
is known. Each record emits a few keys, so the cost grows near-linearly with the number of
incidents, as long as coarse records are a minority.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from casefile.match.records import MatchRecord
from casefile.match.score import thin

MAX_BLOCK = 4000  # a block this large holds nothing specific enough to be worth all its pairs
CROWDED_BLOCK = 50  # a report with no date and no figure is only matched in a quieter place
GENERIC_ACTORS = {"Unidentified armed group", "Civilians"}
CELL = 4  # grid cells per degree: about 25 km


WINDOW = 2  # days either side


def _days(r: MatchRecord) -> list[dt.date]:
    """The days the report covers, widened by the window (for coarse searches)."""
    own = _own_days(r)
    if not own:
        return []
    return [own[0] + dt.timedelta(days=i) for i in range(-WINDOW, len(own) + WINDOW)]


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


def _around(weekday: int) -> tuple[int, int, int]:
    return ((weekday - 1) % 7, weekday, (weekday + 1) % 7)


def candidate_pairs(records: Iterable[MatchRecord]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) sharing at least one block, each once."""
    # key -> day -> ids: every record against those of the same key within the window
    symmetric: dict[tuple, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    lookup: dict[tuple, list[int]] = defaultdict(list)  # every record, for coarse ones to search
    coarse: list[tuple[int, list[tuple]]] = []  # (id, the lookup keys it searches)
    thin_ids: set[int] = set()
    for r in records:
        if thin(r):
            thin_ids.add(r.id)
        days = _days(r)
        area = _area(r)
        places = _fine_keys(r) if _precise(r) else ([area] if area else [])
        # For reports without a date: every record is findable by place and weekday / month.
        if r.date_start and r.date_precision == "day":
            for key in places + ([area] if area and _precise(r) else []):
                for w in _around(r.date_start.weekday()):  # reports are often a day off
                    lookup[("pw", w, *key)].append(r.id)
                lookup[("pm", r.date_start.month, *key)].append(r.id)
        if days:
            month = r.date_start.strftime("%Y-%m")
            for d in _own_days(r):
                for key in _fine_keys(r):
                    symmetric[key][d.toordinal()].append(r.id)
            for d in days:
                if area:
                    lookup[("d", d, *area)].append(r.id)
            if area:
                lookup[("m", month, *area)].append(r.id)
            searches = []
            if not _precise(r):
                searches = [("d", d, *area) for d in days] if area else []
                for a in r.actors - GENERIC_ACTORS if not area else ():
                    searches += [("da", d, a) for d in days]
            for a in r.actors - GENERIC_ACTORS:
                for d in days:
                    lookup[("da", d, a)].append(r.id)
            if searches:
                coarse.append((r.id, searches))
        else:
            month = r.date_start.strftime("%Y-%m") if r.date_start and r.date_precision == "month" else None
            if month and area:
                coarse.append((r.id, [("m", month, *area)]))
            elif r.weekdays:
                coarse.append((r.id, [("pw", w, *key) for w in r.weekdays for key in places]))
            elif r.months:
                coarse.append((r.id, [("pm", m, *key) for m in r.months for key in places]))
            elif places:
                coarse.append((r.id, [("p", *key) for key in places]))
        for key in places:
            lookup[("p", *key)].append(r.id)
            for w in {x for day in r.weekdays for x in _around(day)}:
                lookup[("pw", w, *key)].append(r.id)
            for m in r.months:
                lookup[("pm", m, *key)].append(r.id)
    seen: set[tuple[int, int]] = set()
    for by_day in symmetric.values():
        for day, ids in by_day.items():
            near = [x for delta in range(1, WINDOW + 1) for x in by_day.get(day + delta, ())]
            if len(ids) + len(near) > MAX_BLOCK:
                continue
            for i, a in enumerate(ids):
                for b in ids[i + 1:] + near:
                    if a != b:
                        pair = (a, b) if a < b else (b, a)
                        if pair not in seen:
                            seen.add(pair)
                            yield pair
    for a, keys in coarse:
        for key in keys:
            others = lookup.get(key, ())
            if len(others) > MAX_BLOCK or (a in thin_ids and len(others) > CROWDED_BLOCK):
                continue  # nothing to match a bare "clashes in X" on, in a busy place
            for b in others:
                if a != b:
                    pair = (a, b) if a < b else (b, a)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
