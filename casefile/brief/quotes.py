"""Quoting sources faithfully: the words that state a figure, quotation marks that always close,
and a qualifier in the source's own words.

- `stating_span`: a count claim's span trimmed to the clause that holds its number, so bold
  never runs past the stating words ("wounding six, a local official" → "wounding six").
- `bold_pieces`: a bold span split around quotation marks, so bold never opens or closes
  inside a quotation (`**killed a** “**senior … planner**”`).
- `balance`: a cut quotation closes its marks, with the ellipsis inside them.
- `qualifier_words`: "more than" when the source wrote "more than 19,000" (casefile's
  qualifier `at_least` covers both it and "at least").
"""

from __future__ import annotations

import re

from casefile.extract.numbers import NUMBER_RE, QUALIFIERS

COUNT_FIELDS = frozenset(("killed", "wounded", "arrested", "abducted", "released", "operations"))
QUOTE_MARKS = "“”\""
# Clause breaks inside a span: a comma (not a digit group's), semicolon, colon, dash.
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d{3})|[;:—–]|\s-\s")
_MARK = re.compile(r"[“”\"]")


def stating_span(body: str, start: int, end: int, field: str) -> tuple[int, int]:
    """The part of body[start:end] that states the claim's value: for a count, the clauses from
    the first to the last that hold a number (the whole span when none does)."""
    if field not in COUNT_FIELDS:
        return start, end
    text = body[start:end]
    if not any(ch in text for ch in ",;:—–-"):  # one clause: the common case, without a regex
        return start, end
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    if not cuts:
        return start, end
    pieces, at = [], 0
    for cut in cuts:
        pieces.append((at, cut))
        at = cut + 1
    pieces.append((at, len(text)))
    counted = [(a, b) for a, b in pieces if NUMBER_RE.search(text, a, b)]
    if not counted:
        return start, end
    a, b = counted[0][0], counted[-1][1]
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (start + a, start + b) if a < b else (start, end)


def bold_pieces(text: str) -> list[tuple[bool, str]]:
    """(is_bold, piece): the text split at quotation marks, which stay outside the bold."""
    out: list[tuple[bool, str]] = []
    at = 0
    for m in _MARK.finditer(text):
        if m.start() > at:
            out.append((True, text[at:m.start()]))
        out.append((False, m.group()))
        at = m.end()
    if at < len(text):
        out.append((True, text[at:]))
    return out


def balance(text: str, cut_left: bool = False, cut_right: bool = False) -> str:
    """Close what a cut left open: an unclosed “ gets its ” (after the ellipsis when the text
    was cut there), an unopened ” its “; a lone straight quote its partner."""
    if "“" not in text and "”" not in text and '"' not in text:
        return text
    depth = unopened = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth:
                depth -= 1
            else:
                unopened += 1
    if unopened:
        if text.startswith("…"):
            text = "“" * unopened + text
        else:
            text = "“" * unopened + ("…" if cut_left else "") + text
    if depth:
        text = text + ("" if text.endswith("…") or not cut_right else "…") + "”" * depth
    if text.count('"') % 2:
        last = text.rfind('"')
        opener = last + 1 < len(text) and not text[last + 1].isspace() and text[last + 1] not in ".,;:!?)"
        text = text + '"' if opener else '"' + text
    return text


def balanced(text: str) -> bool:
    """Every “ closed by a ” after it, and straight quotes in pairs."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


def qualifier_words(quote: str | None, qualifier: str | None) -> str | None:
    """The source's own words for the claim's qualifier ("more than", "nearly"), if it has them."""
    if not quote or not qualifier or qualifier in ("exact", "vague"):
        return None
    for m in NUMBER_RE.finditer(quote):
        words = m.group("qual")
        if words and QUALIFIERS.get(" ".join(words.lower().split())) == qualifier:
            return " ".join(words.lower().split())
    return None
