"""Plain English for a brief: dates with their precision, figures as ranges, who was counted.

Everything here returns plain text (no Markdown); the renderer escapes it where it came from
outside.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from casefile.model import Range

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# Who a figure counts: (singular, plural).
PARTIES = {"militant": ("militant", "militants"), "security": ("security-force member", "security-force members"),
           "civilian": ("civilian", "civilians"), "unknown": ("person", "people")}
# Claim fields with a number, and the verb that goes with it.
COUNTS = {"killed": "killed", "wounded": "wounded", "arrested": "arrested", "abducted": "abducted",
          "released": "released", "operations": "raids or operations"}
QUALIFIERS = {"at_least": "at least ", "at_most": "at most ", "about": "about "}


def plural(n: int, singular: str, many: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else many or singular + 's'}"


def join_and(items: Iterable[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@functools.lru_cache(maxsize=4096)
def day(iso: str | None) -> str:
    """"17 May 2025" (a date a reader does not have to decode)."""
    if not iso:
        return "undated"
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@functools.lru_cache(maxsize=4096)
def span(start: str, end: str | None) -> str:
    """"12–17 May 2025", "30 April – 2 May 2025", "30 December 2024 – 2 January 2025"."""
    if not end or end == start:
        return day(start)
    try:
        a, b = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    except ValueError:  # not ISO (a hand-edited file): show it as stored
        return f"{start} – {end}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {MONTHS[b.month - 1]} {b.year}"
    if a.year == b.year:
        return f"{a.day} {MONTHS[a.month - 1]} – {b.day} {MONTHS[b.month - 1]} {b.year}"
    return f"{day(start)} – {day(end)}"


@functools.lru_cache(maxsize=4096)
def date_cell(start: str | None, end: str | None, precision: str) -> str:
    """The table's date: ISO, with the precision when coarser than a day: "2025-05 (month)"."""
    if not start or precision == "unknown":
        return "unknown"
    if precision == "month":
        return f"{start[:7]} (month)"
    if precision == "year":
        return f"{start[:4]} (year)"
    text = start if not end or end == start else f"{start} – {end}"
    return f"{text} (week)" if precision == "week" else text


@functools.lru_cache(maxsize=4096)
def date_phrase(start: str | None, end: str | None, precision: str) -> str:
    """The date in prose: "17 May 2025", "May 2025", "the week of 12–18 May 2025"."""
    if not start or precision == "unknown":
        return "date unknown"
    try:
        d = dt.date.fromisoformat(start[:10])
    except ValueError:
        return start
    if precision == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    if precision == "year":
        return str(d.year)
    if precision == "week":
        return f"the week of {span(start, end)}"
    return span(start, end)


@functools.lru_cache(maxsize=4096)
def when(start: str | None, end: str | None, precision: str) -> str:
    """The date after a noun: "on 17 May 2025", "in May 2025", "(date unknown)"."""
    if not start or precision == "unknown":
        return "(date unknown)"
    if precision in ("month", "year", "week"):
        return f"in {date_phrase(start, end, precision)}"
    return f"on {span(start, end)}"


def figure_cell(r: Range) -> str:
    """Best figure, with the range when sources differ: "4 (4–5)"; "—" when none reported."""
    if r.best is None:
        return "—"
    if r.low is not None and r.high is not None and r.low != r.high:
        return f"{r.best} ({r.low}–{r.high})"
    return str(r.best)


def total_phrase(low: int, high: int, verb: str) -> str:
    """"at least 9 and up to 11 killed", or "11 killed" when every report agrees."""
    if low == high:
        return f"{low:,} {verb}"
    return f"at least {low:,} and up to {high:,} {verb}"


def party_count(party: str | None, n: int) -> str:
    singular, many = PARTIES.get(party or "unknown", PARTIES["unknown"])
    return plural(n, singular, many)


def breakdown(parties: dict[str, int], field: str, open_ended: bool = False) -> str:
    """One source's account of a figure: "4 killed (3 militants and 1 security-force member)",
    "5 killed, including 2 security-force members"."""
    verb = COUNTS.get(field, field)
    named = {p: parties[p] for p in ("militant", "security", "civilian") if parties.get(p)}
    unknown = parties.get("unknown", 0)
    lead = "at least " if open_ended else ""
    total = max(unknown, sum(named.values()))
    if not named:
        return f"{lead}{total:,} {verb}"
    parts = join_and(party_count(p, v) for p, v in named.items())
    if unknown > sum(named.values()):
        return f"{lead}{total:,} {verb}, including {parts}"
    if len(named) == 1:
        return f"{lead}{parts} {verb}"
    return f"{lead}{total:,} {verb} ({parts})"


@functools.lru_cache(maxsize=4096)
def claim_figure(field: str, value: str | None, value_num: float | None, qualifier: str | None,
                 party: str | None) -> str:
    """What one claim states: "at least 3 militants arrested", "61 raids or operations",
    "seized: explosives"."""
    if field in COUNTS:
        if value_num is None:
            return f"an unstated number {COUNTS[field]}"
        n = int(value_num)
        lead = QUALIFIERS.get(qualifier or "", "")
        if field == "operations":
            return f"{lead}{plural(n, 'raid or operation', 'raids or operations')}"
        vague = " (a vague figure, counted as {:,})".format(n) if qualifier == "vague" else ""
        return f"{lead}{party_count(party, n)} {COUNTS[field]}{vague}"
    if field == "seized":
        if value and value[1:2].islower():  # "Weapons and vests" mid-sentence; "IEDs" stays
            value = value[0].lower() + value[1:]
        return f"seized: {value}" if value else "items seized"
    return f"{field.replace('_', ' ')}: {value}" if value else field.replace("_", " ")
