"""Numbers as news text writes them: 19,381 · three · twenty-five · a dozen · dozens · at least 7.

Vague quantities follow ACLED's coding: dozens = 12, tens = 10, scores = 20, hundreds = 100,
thousands = 1000; "several", "a number of", "many", "a few" carry no number at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.extract.anchors import AnchoredPattern

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# vague word: (value or None, qualifier)
VAGUE = {
    "dozens": 12, "tens": 10, "scores": 20, "hundreds": 100, "thousands": 1000,
    "several": None, "a number": None, "a few": None, "many": None, "numerous": None,
    "a handful": None, "multiple": None,
}
QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "not less than": "at_least",
    "more than": "at_least", "over": "at_least", "upwards of": "at_least", "above": "at_least",
    "in excess of": "at_least", "a minimum of": "at_least",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "nearly": "about", "almost": "about", "some": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "just over": "about", "just under": "about",
    "up to": "at_most", "as many as": "at_most", "fewer than": "at_most", "less than": "at_most",
    "at most": "at_most", "no more than": "at_most",
}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_UNIT}|a|one)\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT}))?"
    rf"|(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?![\d,]\d)"
_DOZEN = r"(?:half\s+a|a|one|two|three)\s+dozen"
_VAGUE = r"dozens|tens|scores|hundreds|thousands|several|a\s+number|a\s+few|many|numerous|a\s+handful|multiple"
_QUAL = "|".join(sorted((q.replace(" ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))

NUMBER_RE = re.compile(
    rf"(?<![\w$£€-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<digits>{_DIGITS})|(?P<dozen>{_DOZEN})|(?P<words>{_WORD_NUMBER})|(?P<vague>{_VAGUE}))"
    rf"(?:\s+(?:thousand|million))?(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: int | None  # None for vague words without an ACLED value ("several")
    qualifier: str  # exact | at_least | at_most | about | vague
    text: str


def _word_value(words: str) -> int:
    words = words.lower().replace("-", " ")
    parts = words.split()
    total = 0
    if "hundred" in parts:
        i = parts.index("hundred")
        head = parts[:i]
        total = 100 * (1 if head in (["a"], ["one"]) else UNITS.get(head[0], 1) if head else 1)
        parts = [p for p in parts[i + 1:] if p != "and"]
    for p in parts:
        total += TENS.get(p, 0) + UNITS.get(p, 0)
    return total


def parse_quantity(m: re.Match) -> Quantity | None:
    text = m.group(0)
    qualifier = QUALIFIERS.get(" ".join(m["qual"].lower().split())) if m["qual"] else "exact"
    scale = 1
    tail = text.lower().rsplit(None, 1)[-1]
    if tail == "thousand":
        scale = 1000
    elif tail == "million":
        scale = 1_000_000
    if m["digits"]:
        raw = m["digits"].replace(",", "")
        value = float(raw) if "." in raw else int(raw)
        if isinstance(value, float):
            if scale == 1:
                return None  # "2.5" alone is not a count of people
            value = int(value * scale)
        else:
            value *= scale
        if m["digits"].isdigit() and len(m["digits"]) == 4 and 1900 <= value <= 2100 and scale == 1:
            return None  # a year
    elif m["dozen"]:
        head = m["dozen"].lower().split()[0]
        value = {"half": 6, "a": 12, "one": 12, "two": 24, "three": 36}[head] * scale
    elif m["words"]:
        value = _word_value(m["words"]) * scale
    else:
        key = " ".join(m["vague"].lower().split())
        value = VAGUE[key]
        if value is not None:
            value *= scale
        qualifier = "vague"
    return Quantity(m.start(), m.end(), value, qualifier, text)


_FAST_NUMBER = AnchoredPattern(NUMBER_RE)


# "between 20 and 40", "20 to 40", "two or three", "20-40": a range counts its lower end, at least.
_RANGE_GLUE = re.compile(r"[ \t]*(?:to|and|or|-|–)[ \t]*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween[ \t]+$", re.IGNORECASE)
_DIGIT_RANGE = re.compile(r"(?<![\w$£€.,-])(\d{1,5})[-–](\d{1,5})(?![\w-])")


# A time of day is no count: "at 5:30 a.m.", "at 7 PM", "0600 GMT", "14:00 hours".
_CLOCK_AFTER = re.compile(r"(?:[:.]\d{2})?[ \t]*(?:[ap]\.?[ \t]?m\b\.?|GMT\b|UTC\b|hrs\b)|h(?=\d{2})|:\d{2}",
                          re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\d[:]$")


def _clock_time(text: str, q: Quantity) -> bool:
    if q.qualifier == "vague" or not text[q.end - 1:q.end].isdigit():
        return False
    return bool(_CLOCK_AFTER.match(text, q.end) or _CLOCK_BEFORE.search(text, max(0, q.start - 2), q.start))


def find_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _FAST_NUMBER.finditer(text):
        q = parse_quantity(m)
        if q is None or _clock_time(text, q):
            continue
        low = out[-1] if out else None
        if low is not None and _is_range(text, low, q):
            between = _BETWEEN.search(text, max(0, low.start - 10), low.start)
            start = between.start() if between else low.start
            out[-1] = Quantity(start, q.end, low.value, "at_least", text[start:q.end])
            continue
        out.append(q)
    if "-" in text or "–" in text:
        for m in _DIGIT_RANGE.finditer(text):
            a, b = int(m[1]), int(m[2])
            if 0 < a < b and not 1900 <= a <= 2100:
                out.append(Quantity(m.start(), m.end(), a, "at_least", m.group()))
        out.sort(key=lambda q: q.start)
    return out


def _is_range(text: str, low: Quantity, high: Quantity) -> bool:
    if low.qualifier != "exact" or high.qualifier not in ("exact", "at_least") or low.value is None \
            or high.value is None or not low.value < high.value:
        return False
    glue = _RANGE_GLUE.match(text, low.end, high.start)
    if glue is None or glue.end() != high.start:
        return False
    word = glue.group().strip().lower()
    if word == "and":   # "killing two and wounding five" is no range; "between two and five" is
        return bool(_BETWEEN.search(text, max(0, low.start - 10), low.start))
    if word == "or":
        return high.value == low.value + 1   # "two or three people"
    return True
