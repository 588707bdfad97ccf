"""Absolute dates written the ways news text writes them.

Shared by ingest (publication dates) and extraction (event dates). Numeric dates are read
day first (19-05-2025 is 19 May), as international outlets write them, unless the first
number cannot be a day-of-month ordering (05-19-2025 is then read as May 19).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY_RE = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MONTH_FIRST = re.compile(
    rf"^{_WEEKDAY_RE}({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I
)
_DAY_FIRST = re.compile(
    rf"^{_WEEKDAY_RE}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE}),?\s+(\d{{4}})$", re.I
)


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """Parse a string that is, as a whole, one date. Returns None when it is not one."""
    s = " ".join(text.strip().split())
    if not s or len(s) > 60:
        return None
    if m := _ISO.match(s):
        return safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.match(s):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 or b <= 12:
            return safe_date(year, b, a)
        return safe_date(year, a, b)
    if m := _MONTH_FIRST.match(s):
        return safe_date(int(m[3]), month_number(m[1]), int(m[2]))
    if m := _DAY_FIRST.match(s):
        return safe_date(int(m[3]), month_number(m[2]), int(m[1]))
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed else None
