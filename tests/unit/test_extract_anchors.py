"""The anchored scans (casefile/extract/anchors.py) find exactly what the plain regexes find."""

from __future__ import annotations

import random
from pathlib import Path

import casefile.extract  # noqa: F401 - registers every anchored pattern
from casefile.extract import anchors, dates, places

REPO = Path(__file__).resolve().parents[2]
TRICKY = [
    "U.S. forces ſaid İn ısis KILLED 5 men; the main suspect, a third man, another was",
    "Three days ago, and TWO WEEKS AGO last week; 12-05-2025 x12-05-2025",
    "xIn 2020, for years ago the UK-based officials of the women, a  dozen\nsoldiers",
    "This Morning the day before yesterday, last  year\tin early May",
    "Tiloa Kaina village and Buhriz  area, XBaz area. the Q village",
]


def _texts() -> list[str]:
    files = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests/extraction/labelled").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files] + TRICKY


def _found(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_date_patterns_match_as_the_plain_regexes():
    for text in _texts():
        for kind, pattern in dates._PATTERNS:
            if kind == "numeric":
                continue  # anchored at word starts on purpose: "x12-05-2025" is no date
            assert _found(dates._FAST[kind].finditer(text)) == _found(pattern.finditer(text)), kind


def test_unresolved_place_scans_match_as_the_plain_regexes():
    for text in _texts():
        assert _found(places._after_matches(text)) == _found(places._AFTER.finditer(text))
        assert _found(places._BEFORE_SCAN.finditer(text)) == _found(places._BEFORE.finditer(text))


def test_search_in_a_piece_is_search_on_the_piece():
    rnd = random.Random(7)
    patterns = [p for p in anchors._ANCHORED if p.bounded]
    assert len(patterns) > 20
    for text in _texts():
        for _ in range(12):
            start = rnd.randrange(0, len(text) + 1)
            end = min(len(text), start + rnd.choice([5, 40, 80, 300]))
            piece = text[start:end]
            for p in patterns:
                m1, m2 = p.pattern.search(piece), p.search_in(text, start, end)
                assert (m1 and (m1.span(), m1.groups())) == (m2 and (m2.span(), m2.groups())), (p.pattern.pattern[:40], piece)
                assert _found(p.finditer_in(text, start, end)) == _found(p.pattern.finditer(piece))


def test_word_key_cuts_at_other_white_space():
    assert anchors.word_key("in  early", 0) == "in " + anchors.OPEN
    assert anchors.word_key("at\nleast", 0) == "at" + anchors.OPEN
    assert anchors.word_key("at least", 0) == "at lea"
