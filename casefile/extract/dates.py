"""Event dates: absolute ("Oct. 18", "19-05-2025", "in December", "from January to April")
and relative to the publication date ("on Saturday", "yesterday", "last week").

A date that needs the publication date to be read (a weekday, a month without a year) is kept
without a value when the article has none: precision "unknown", never a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from casefile.extract.anchors import AnchoredPattern
from casefile.extract.spans import SpanSet

from casefile.datetext import MONTH_RE, WEEKDAYS, month_number, parse_date, safe_date

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MONTH_NAME = MONTH_RE.replace(r"May", r"May(?=\s+\d|\s*,?\s*\d{4}|\b)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date_start: str | None  # ISO, None when it cannot be resolved
    date_end: str | None
    precision: str  # day | week | month | year | unknown
    kind: str = "event"  # event | since (a background range) | historical
    partial: dict = field(default_factory=dict)  # what the text states when unresolved


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_for(month: int, day: int | None, published: dt.date) -> int:
    """The year that puts month/day on or before publication (news reports the past)."""
    year = published.year
    candidate = safe_date(year, month, day or 1)
    if candidate and candidate > published + dt.timedelta(days=1):
        year -= 1
    return year


_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("numeric", re.compile(r"(?<![\d/.-])(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})(?![\d/.-])")),
    # "between 3 and 9 June 2024", "from 3 to 9 June", "June 3-9, 2024"
    ("day_range", re.compile(
        rf"\b(?:(?i:from|between)\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|(?i:to|and|until|through)\s)\s*"
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})(?:,?\s+(\d{{4}}))?\b"
        rf"|\b({_MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|(?i:to|and|until|through)\s)\s*"
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?(?!\s*km)")),
    ("month_day_year", re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?({_MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    ("day_month_year", re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME}),?\s+(\d{{4}})\b")),
    ("month_range", re.compile(
        rf"\b(?i:from|between)\s+({_MONTH_NAME})\s+(?:to|and|until|through)\s+({_MONTH_NAME})(?:,?\s+(\d{{4}}))?\b")),
    # The feasts fixed to a day: "on Christmas night", "on New Year's Eve" (not "before Christmas")
    ("feast", re.compile(r"\b(?:(?i:on)\s+(?:the\s+)?)?(Christmas|New\s+Year['’]s)(?:\s+(Day|Eve|night|morning|"
                         r"afternoon|evening))?\b")),
    ("month_day", re.compile(rf"\b({_MONTH_NAME})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{{4}})(?!\s*km)")),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})\b(?!,?\s+\d{{4}})")),
    ("month_year", re.compile(rf"\b(?:(early|mid|late)[-\s])?({_MONTH_NAME}),?\s+(\d{{4}})\b")),
    ("month", re.compile(
        rf"\b((?i:in|during|last|this|since|early|mid|late|earlier in|later in|by|until|in early|in mid|in late))[-\s]+({_MONTH_NAME})\b(?!\s+\d)")),
    ("weekday", re.compile(
        rf"\b(?:((?i:on|late on|early on|late|early|last|this past|on the night of|this|until))\s+)?({_WEEKDAY}){_PART}\b")),
    ("relative_day", re.compile(
        r"\b(the day before yesterday|yesterday|today|tonight|overnight|this morning|last night|"
        r"(?:throughout|through|during)\s+the\s+night|earlier today|(?:\w+|\d+) days? ago)\b", re.IGNORECASE)),
    ("relative_span", re.compile(
        r"\b(last|this|earlier this|later this|past|previous|the past|the previous)\s+(week|month|year)\b"
        r"|\b((?:\w+|\d+) (?:weeks?|months?) ago)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(in|since|during|by|until|from|of|early|late|mid)\s+(\d{4})\b(?!\s*(?:km|people|-))", re.IGNORECASE)),
]

# "N days ago" and "N weeks ago" may start at any word: those two patterns anchor on their
# other first words unless the text says "ago".
_STARTS = {
    "relative_day": r"\b(the day before yesterday|yesterday|today|tonight|overnight|this morning|last night|"
                    r"(?:throughout|through|during)\s+the\s+night|earlier today)\b",
    "relative_span": r"\b(last|this|earlier this|later this|past|previous|the past|the previous)\s+(week|month|year)\b",
}
_FAST = {kind: AnchoredPattern(p, _STARTS.get(kind), "ago" if kind in _STARTS else None)
         for kind, p in _PATTERNS}
_SINCE_BEFORE = re.compile(
    r"\b(?:since|until|till|before|prior\s+to)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+|mid-?)?$",
    re.IGNORECASE)

# "since they seized power in February 2021": a month or year dating what a range runs from.
_SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,5}(?:in\s+)?$", re.IGNORECASE)

_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}


# "clashes that started on Thursday and went on until early Friday": the end of the event
# dated just before, not a background range.
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+(?:the\s+)?(?:early\s+|late\s+)?$", re.IGNORECASE)


def _closing_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    out = []
    for i, d in enumerate(found):
        if d.kind == "since" and i and _UNTIL_BEFORE.search(text, max(0, d.start - 25), d.start):
            before = out[-1]
            if before.kind == "event" and before.precision == "day" and d.start - before.end <= 80 \
                    and not re.search(r"[.;!?\n]", text[before.end:d.start]):
                d = DateMention(d.start, d.end, d.text, d.date_start, d.date_end, d.precision, "event", d.partial)
        out.append(d)
    return out


def find_dates(text: str, published: str | None) -> list[DateMention]:
    pub = parse_date(published) if published else None
    found: list[DateMention] = []
    taken = SpanSet()
    for kind, pattern in _PATTERNS:
        for m in _FAST[kind].finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            mention = _resolve(kind, m, pub)
            if mention is not None and mention.kind == "event" and (
                    _SINCE_BEFORE.search(text[max(0, m.start() - 25):m.start()])
                    or mention.precision in ("month", "year")
                    and _SINCE_CLAUSE_BEFORE.search(text[max(0, m.start() - 60):m.start()])):
                mention = DateMention(mention.start, mention.end, mention.text, mention.date_start,
                                      mention.date_end, mention.precision, "since", mention.partial)
            if mention is not None:
                found.append(mention)
                taken.add(m.start(), m.end())
    found.sort(key=lambda d: d.start)
    return _closing_ranges(text, found) if any(d.kind == "since" for d in found) else found


def _resolve(kind: str, m: re.Match, pub: dt.date | None) -> DateMention | None:
    text = m.group(0)

    def make(start, end, precision, kind_="event", **partial):
        if pub and start and start > pub + dt.timedelta(days=1) and kind_ == "event":
            kind_ = "future"
        return DateMention(m.start(), m.end(), text, _iso(start), _iso(end or start), precision,
                           kind_, partial)

    if kind == "numeric":
        d = parse_date(m[1])
        return make(d, d, "day", _historic(d, pub)) if d else None
    if kind == "month_day_year":
        d = safe_date(int(m[3]), month_number(m[1]), int(m[2]))
        return make(d, d, "day", _historic(d, pub)) if d else None
    if kind == "day_month_year":
        d = safe_date(int(m[3]), month_number(m[2]), int(m[1]))
        return make(d, d, "day", _historic(d, pub)) if d else None
    if kind in ("month_day", "day_month"):
        month_text, day = (m[1], int(m[2])) if kind == "month_day" else (m[2], int(m[1]))
        month = month_number(month_text)
        if not month or not 1 <= day <= 31:
            return None
        if pub is None:
            return make(None, None, "unknown", month=month, day=day)
        d = safe_date(_year_for(month, day, pub), month, day)
        return make(d, d, "day") if d else None
    if kind == "feast":
        if not (m.group(0)[:2].lower() == "on" or m[2]):
            return None  # "ahead of Christmas", "since New Year's": a season, not a day
        eve = (m[2] or "").lower() == "eve"
        month, day = (12, 24 if eve else 25) if m[1] == "Christmas" else (12, 31) if eve else (1, 1)
        if pub is None:
            return make(None, None, "unknown", month=month, day=day)
        d = safe_date(_year_for(month, day, pub), month, day)
        return make(d, d, "day") if d else None
    if kind == "day_range":
        first, last, month_text, year_text = (m[1], m[2], m[3], m[4]) if m[3] else (m[6], m[7], m[5], m[8])
        first, last, month = int(first), int(last), month_number(month_text)
        if not month or not 1 <= first < last <= 31:
            return None
        if year_text:
            year = int(year_text)
        elif pub:
            year = _year_for(month, last, pub)
        else:
            return make(None, None, "unknown", month=month, day=first, day_end=last)
        start, end = safe_date(year, month, first), safe_date(year, month, last)
        if not (start and end):
            return None
        # Two days is an overnight event (dated to the day), a week a campaign's week.
        precision = "day" if last - first <= 1 else "week" if last - first <= 7 else "month"
        return make(start, end, precision, _historic(start, pub))
    if kind == "month_range":
        first, last = month_number(m[1]), month_number(m[2])
        if m[3]:
            year = int(m[3])
        elif pub:
            year = _year_for(last, 1, pub)
        else:
            return make(None, None, "unknown", month=first, month_end=last)
        start_year = year if first <= last else year - 1
        return make(dt.date(start_year, first, 1), _month_end(year, last), "month")
    if kind == "month_year":
        month, year = month_number(m[2]), int(m[3])
        d = dt.date(year, month, 1)
        return make(d, _month_end(year, month), "month", _historic(d, pub))
    if kind == "month":
        lead, month = m[1].lower(), month_number(m[2])
        if not month:
            return None
        if pub is None:
            return make(None, None, "unknown", "since" if lead == "since" else "event", month=month)
        year = _year_for(month, 1, pub)
        if lead == "last" and year == pub.year and month >= pub.month:
            year -= 1
        return make(dt.date(year, month, 1), _month_end(year, month), "month",
                    "since" if lead in ("since", "by", "until") else "event")
    if kind == "weekday":
        lead = (m[1] or "").lower()
        weekday = WEEKDAYS[m[2].lower()]
        if lead == "until":
            return None
        if pub is None:
            return make(None, None, "unknown", weekday=m[2])
        back = (pub.weekday() - weekday) % 7
        if lead in ("last", "this past") and back == 0:
            back = 7
        d = pub - dt.timedelta(days=back)
        return make(d, d, "day")
    if kind == "relative_day":
        phrase = " ".join(m[1].lower().split())
        if pub is None:
            return make(None, None, "unknown", relative=phrase)
        if phrase in ("today", "tonight", "this morning", "earlier today"):
            d = pub
        elif phrase in ("yesterday", "last night"):
            d = pub - dt.timedelta(days=1)
        elif phrase == "the day before yesterday":
            d = pub - dt.timedelta(days=2)
        elif phrase == "overnight" or phrase.endswith("the night"):   # "throughout the night"
            return make(pub - dt.timedelta(days=1), pub, "day")
        else:
            n = phrase.split()[0]
            count = int(n) if n.isdigit() else _COUNT_WORDS.get(n)
            if count is None:
                return None
            d = pub - dt.timedelta(days=count)
        return make(d, d, "day")
    if kind == "relative_span":
        phrase = m.group(0).lower()
        if pub is None:
            past_year = bool(re.search(r"\b(?:last|past|previous)\s+year\b", phrase))
            return make(None, None, "unknown", "historical" if past_year else "event", relative=phrase)
        if phrase.endswith("ago"):
            n, unit = phrase.split()[:2]
            count = int(n) if n.isdigit() else _COUNT_WORDS.get(n)
            if count is None:
                return None
            if unit.startswith("week"):
                d = pub - dt.timedelta(weeks=count)
                monday = d - dt.timedelta(days=d.weekday())
                return make(monday, monday + dt.timedelta(days=6), "week")
            month, year = pub.month - count, pub.year
            while month < 1:
                month, year = month + 12, year - 1
            return make(dt.date(year, month, 1), _month_end(year, month), "month")
        lead, unit = m[1].lower(), m[2].lower()
        previous = lead in ("last", "past", "previous", "the past", "the previous")
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday())
            if previous:
                monday -= dt.timedelta(days=7)
                return make(monday, monday + dt.timedelta(days=6), "week")
            return make(monday, pub, "week")
        if unit == "month":
            if previous:
                month, year = (pub.month - 1, pub.year) if pub.month > 1 else (12, pub.year - 1)
                return make(dt.date(year, month, 1), _month_end(year, month), "month")
            return make(dt.date(pub.year, pub.month, 1), pub, "month")
        year = pub.year - 1 if previous else pub.year
        return make(dt.date(year, 1, 1), dt.date(year, 12, 31) if previous else pub, "year",
                    "historical" if previous else "event")
    if kind == "year":
        lead, year = m[1].lower(), int(m[2])
        if not 1900 <= year <= 2100:
            return None
        kind_ = "since" if lead in ("since", "from", "by", "until") else "event"
        d = dt.date(year, 1, 1)
        if kind_ == "event":
            kind_ = _historic(d, pub)
        return make(d, dt.date(year, 12, 31), "year", kind_)
    return None


def _historic(d: dt.date | None, pub: dt.date | None) -> str:
    """Dates well before publication are background, not the news of the day."""
    if d and pub and (pub - d).days > 400:
        return "historical"
    return "event"
