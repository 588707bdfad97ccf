"""A Mermaid `timeline` of the brief's incidents: a picture to look at, the table is the record.

Dated incidents only. Up to MAX_PERIODS days are shown one by one (a few incidents each,
then "+N more"); a longer span is summed by month, and a longer one still by year, so the
diagram stays readable at a thousand incidents. Every label passes `mermaid_text`, which keeps
letters, digits and plain punctuation: nothing from an article can end a statement, open a
comment or close the code block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from casefile.brief.markdown import mermaid_text
from casefile.brief.words import MONTHS, plural
from casefile.model import Incident

MAX_PERIODS = 24
_ISO = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-\d{2}")
PER_PERIOD = 4


@dataclass(frozen=True)
class _Entry:
    sort: tuple
    period: str
    section: str
    label: str
    killed: int


def timeline(incidents: list[Incident], label: Callable[[Incident], tuple[str, ...]]) -> list[str]:
    """Lines of a ```mermaid block (empty when no incident has a date). `label` gives the parts
    of an incident's label ("3.", "Armed clash", "Aleppo"); parts left empty by sanitising go."""
    dated = [i for i in incidents if i.date_precision != "unknown" and _ISO.fullmatch(i.date_start or "")]
    if not dated:
        return []
    if len({(i.date_start, i.date_precision) for i in dated}) <= MAX_PERIODS:
        grain = "day"
    elif len({i.date_start[:4 if i.date_precision == "year" else 7] for i in dated}) <= MAX_PERIODS:
        grain = "month"
    else:
        grain = "year"
    summed = grain != "day"
    entries = [_entry(i, () if summed else label(i), grain) for i in dated]
    periods: dict[str, list[_Entry]] = {}
    for e in sorted(entries, key=lambda e: e.sort):
        periods.setdefault(e.period, []).append(e)
    lines = ["```mermaid", "timeline", "    title Incidents by date"]
    section = None
    for period, items in periods.items():
        if items[0].section != section:
            section = items[0].section
            if section:
                lines.append(f"    section {section}")
        if summed:
            killed = sum(e.killed for e in items)
            events = [plural(len(items), "incident")] + ([f"{killed:,} killed"] if killed else [])
        else:
            events = [e.label for e in items[:PER_PERIOD]]
            if len(items) > PER_PERIOD:
                events.append(f"+{len(items) - PER_PERIOD} more")
        lines.append(f"        {period} : " + " : ".join(events))
    lines.append("```")
    return lines


def _short(text: str) -> str:
    return mermaid_text(text, 40)


def _entry(i: Incident, parts: tuple[str, ...], grain: str) -> _Entry:
    start, precision = i.date_start, i.date_precision
    year, month = start[:4], MONTHS[int(start[5:7]) - 1]
    # Sort keys: (section, period). Coarse dates come after the finer ones they contain.
    if grain == "year":
        period, section, key = year, "", ("", year)
    elif grain == "month":
        coarse = precision == "year"
        period = f"{year} (year)" if coarse else start[:7]
        section, key = year, (year, "99" if coarse else start[:7])
    elif precision == "year":
        period, section, key = f"{year} (year)", year, (f"{year}-99", "")
    elif precision == "month":
        period, section, key = f"{start[:7]} (month)", f"{month} {year}", (start[:7], "99")
    else:
        period = f"Week of {start}" if precision == "week" else start
        section, key = f"{month} {year}", (start[:7], start + ("w" if precision == "week" else ""))
    label = ""
    if parts:  # "3." then the words, comma-separated
        head, *rest = parts
        head = head if re.fullmatch(r"#\d+", head) else mermaid_text(head)  # an incident's id, as "#12"
        label = " ".join(filter(None, (head, ", ".join(filter(None, map(_short, rest))))))
    return _Entry((*key, start, i.id), period, section, label, i.killed.best or 0)
