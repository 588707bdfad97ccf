"""Places the gazetteer does not know but the text names as places: "the village of Tiloa
Kaina", "the Buhriz area". They keep their name and borrow admin1 and country from the
places around them; they have no coordinates."""

from __future__ import annotations

import re

from casefile.extract.anchors import AnchoredPattern, WordIndex
from casefile.extract.gazetteer import Place, PlaceMention
from casefile.extract.spans import Overlaps, SpanSet

_NAME = r"[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]+|al|el|ad|ez|as|ash|an|ar|de|du|wa|bin|ibn)){0,3}"
_TYPE = r"village|town|city|hamlet|locality|settlement|community|camp|district|neighbou?rhood|area|island|quarter|suburb|outskirts"
_BEFORE = re.compile(rf"\b(?P<kind>{_TYPE})\s+of\s+(?P<name>{_NAME})")
_AFTER_KIND = r"village|area|camp|district|neighbou?rhood|locality|hamlet|island|quarter"
_AFTER = re.compile(rf"\b(?P<name>{_NAME})\s+(?P<kind>{_AFTER_KIND})\b")
_BEFORE_SCAN = AnchoredPattern(_BEFORE)
_KIND_WORD = re.compile(rf"\s(?:{_AFTER_KIND})")  # in the case-folded text
_CAPITAL = re.compile(r"\b[A-Z]")
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|This|That|Its|Their|His|Her|Our|In|On|At|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|"
    r"Interior|Defence|Defense|Security|Government|State|Islamic|Kurdish|Syrian|Iraqi|Nigerian|Malian|"
    r"Local|Old|New|Displaced|Border|Military|Army|Police)$"
)


def unresolved_places(text: str, known: list[PlaceMention]) -> list[PlaceMention]:
    known_spans = Overlaps((p.start, p.end) for p in known)
    taken = SpanSet()
    found: list[PlaceMention] = []
    for matches in (_BEFORE_SCAN.finditer(text), _after_matches(text)):
        for m in matches:
            name = m["name"].strip()
            words = name.split()
            while words and _NOT_NAMES.match(words[0]):
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            start = m.start("name") + m["name"].find(name)
            end = start + len(name)
            if known_spans.any(start, end) or taken.overlaps(start, end):
                continue
            precision = "neighbourhood" if m["kind"].lower().startswith(("neighbo", "quarter", "district", "suburb")) else "town"
            place = Place(name=name, admin1=None, country="", country_code="", latitude=None,
                          longitude=None, geo_precision=precision)
            found.append(PlaceMention(start, end, name, place, 0.0))
            taken.add(start, end)
    return found


def _after_matches(text: str):
    """`_AFTER.finditer(text)`, trying only the capitalised words of the names and spaces
    that run up to a place-kind word ("Buhriz area"): a match can start nowhere else."""
    folded = WordIndex.of(text).folded
    starts: list[int] = []
    for kind in _KIND_WORD.finditer(folded):
        run = kind.start()
        while run > 0 and (_is_name_char(text[run - 1])):
            run -= 1
        starts.extend(m.start() for m in _CAPITAL.finditer(text, run, kind.start()) if not starts or m.start() > starts[-1])
    end = 0
    for start in starts:
        if start >= end:
            m = _AFTER.match(text, start)
            if m:
                yield m
                end = m.end()


def _is_name_char(char: str) -> bool:
    """What a name and the white space after it are made of (\\w, ' ’ - and \\s)."""
    return char.isalnum() or char in "_'’-" or char.isspace()
