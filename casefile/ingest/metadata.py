"""Title, publication date and outlet of an article, from its fields or its own text.

Only what the text states is taken: a publication date comes from a field, a leading date
line or a dateline, never from today's date; an outlet from a field, the URL's domain or a
signature line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.datetext import MONTH_RE, parse_date
from casefile.ingest.outlets import AGENCY_TAGS, known_outlet, outlet_from_url, split_camel
from casefile.textsafe import one_line

_PUBLISHED_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|date|first published)(?: on| at)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# "DAMASCUS, May 19, 2025 (Reuters) -", "May 19, 2025 —", "19 May 2025:"
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z .'/-]{{1,40}},\s+){{0,2}}"
    rf"((?:{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})|(?:\d{{1,2}}\s+{MONTH_RE},?\s+\d{{4}}))"
    rf"\s*(?:\([^)]{{1,30}}\)\s*)?(?:[-–—:|]|$)",
)
_AGENCY_DATELINE = re.compile(r"^[A-Z][^()\n]{1,80}?\(([A-Za-z]{2,10})\)\s*[-–—]")
# A lead that starts with a place in capitals: "DAMASCUS/ ALEPPO: ", "BAGHDAD (Reuters) - ".
_LEAD_PLACE = re.compile(r"^[A-Z][A-Z .,'/-]{2,60}(?:\s*\([^)]{1,30}\))?\s*[:\-–—]\s+")
_NUMBERISH = re.compile(r"^[\W\d_]*$")


@dataclass
class Lines:
    """Non-empty lines with their line numbers, the unit metadata is read from."""

    items: list[tuple[int, str]]

    @classmethod
    def of(cls, body: str, split: list[str] | None = None) -> Lines:
        """`split`: body.split("\\n"), when the caller has it."""
        return cls([(i, text) for i, ln in enumerate(body.split("\n") if split is None else split)
                    if (text := ln.strip())])


_FULL_DATE = re.compile(
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}"
    rf"|(?:{MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_RE}),?\s+\d{{4}})"
)
_STAMP = re.compile(r"^(?:[\w\s>|•·/-]{0,40}?[|•·]\s*)?(?:published|posted|updated|last\s+updated|date|first\s+published)\b",
                    re.IGNORECASE)


# "date 2025-08-10 CAGAYAN DE ORO (MindaNews) — The commander ...": a page's date stamp run
# into its first line of text.
_LEADING_STAMP = re.compile(
    rf"(\s*(?:published|posted|updated|last updated|date|first published)(?: on| at)?\s*[:\-–—]?\s*"
    rf"{_FULL_DATE.pattern})\s\s*\S", re.IGNORECASE)


def split_leading_stamp(rows: list[str]) -> list[str]:
    """The first row's date stamp on a line of its own, so that what follows it starts a line
    (a dateline, a headline) as it would on the page. Each character keeps its offset: the
    space after the stamp becomes the line break."""
    if rows and (m := _LEADING_STAMP.match(rows[0])):
        at = m.end(1)
        return [rows[0][:at], rows[0][at + 1:], *rows[1:]]
    return rows


def date_of_line(line: str) -> str | None:
    """The date a short header line states: "19-05-2025", "Published on Thursday 18 January
    2024 at 16:05", "Burkina Faso | 22 November 2024 | Distribution", a dateline."""
    text = line.strip()
    if d := parse_date(_PUBLISHED_PREFIX.sub("", text)):
        return d.isoformat()
    if m := _DATELINE.match(text):
        if d := parse_date(m[1]):
            return d.isoformat()
    if len(text) > 120:  # a paragraph, not a header line: not worth a search
        return None
    found = _FULL_DATE.search(text)
    if not found:
        return None
    # A date stamp line, or a short line that is mostly a date (with a time or a pipe).
    stamp = _STAMP.match(text) or "|" in text or len(text) <= 2.5 * len(found.group(0)) + 12
    if stamp and (d := parse_date(found.group(0))):
        return d.isoformat()
    return None


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else ("date 2025-08-10", "19 May 2025")."""
    return bool(line.strip()) and parse_date(_PUBLISHED_PREFIX.sub("", line.strip())) is not None


def published_from_text(lines: Lines) -> tuple[str | None, int | None]:
    """A leading date line or a dateline among the first lines; (ISO date, line number)."""
    for number, text in lines.items[:8]:
        if date := date_of_line(text):
            return date, number
    return None, None


def outlet_from_text(lines: Lines, excluded_lines: set[int]) -> tuple[str | None, int | None]:
    """An agency tag in the dateline, or a signature line near the end; (outlet, line)."""
    for number, text in lines.items[:4]:
        if m := _AGENCY_DATELINE.match(text):
            if tag := AGENCY_TAGS.get(m[1].lower()):
                return tag, None
    # The signature is a short line between the last paragraph and the page furniture.
    for number, text in reversed(lines.items):
        if number in excluded_lines:
            continue
        if len(text) > 160:
            break
        candidate = text.strip("()[]—–- ").strip()
        if not candidate or len(candidate) > 40 or len(candidate.split()) > 5:
            continue
        if re.search(r"[.!?,;:]$", candidate):
            continue
        if name := known_outlet(candidate):
            return name, number
        if re.fullmatch(r"(?:[A-Z][a-z]+){2,5}", candidate):  # "TheDailyBrief"
            return split_camel(candidate), number
    return None, None


def _headline_like(text: str) -> bool:
    words = text.split()
    return 1 < len(words) <= 25 and len(text) <= 160 and not re.search(r"[.;,]$", text)


def title_from_text(lines: Lines, skip: set[int]) -> tuple[str | None, int | None]:
    """The headline: the first line that reads as one, else a shortened lead sentence."""
    for number, text in lines.items[:6]:
        if number in skip or _NUMBERISH.match(text) or len(text) < 4:
            continue
        if _headline_like(text):
            return one_line(text), number
        lead = _LEAD_PLACE.sub("", text)
        sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])", lead, maxsplit=1)[0].rstrip(".")
        if len(sentence) > 100:
            # Headlines drop the attribution: cut at the first comma after the main clause.
            comma = sentence.find(",", 40)
            if 0 < comma <= 140:
                sentence = sentence[:comma]
        return one_line(sentence, 140), None
    return None, None


def outlet_from_fields(outlet: str | None, url: str | None) -> str | None:
    if outlet and outlet.strip():
        return known_outlet(outlet) or one_line(outlet, 120)
    return outlet_from_url(url)
