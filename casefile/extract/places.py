"""Places the gazetteer does not know but the text names as places: "the village of Tiloa
Kaina", "the Buhriz area". They keep their name and borrow admin1 and country from the
places around them; they have no coordinates."""

from __future__ import annotations

import re

from casefile.extract.gazetteer import Place, PlaceMention

_NAME = r"[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]+|al|el|ad|ez|as|ash|an|ar|de|du|wa|bin|ibn)){0,3}"
_TYPE = r"village|town|city|hamlet|locality|settlement|community|camp|district|neighbou?rhood|area|island|quarter|suburb|outskirts"
_BEFORE = re.compile(rf"\b(?P<kind>{_TYPE})\s+of\s+(?P<name>{_NAME})")
_AFTER = re.compile(rf"\b(?P<name>{_NAME})\s+(?P<kind>village|area|camp|district|neighbou?rhood|locality|hamlet|island|quarter)\b")
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|This|That|Its|Their|His|Her|Our|In|On|At|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|"
    r"Interior|Defence|Defense|Security|Government|State|Islamic|Kurdish|Syrian|Iraqi|Nigerian|Malian|"
    r"Local|Old|New|Displaced|Border|Military|Army|Police)$"
)


def unresolved_places(text: str, known: list[PlaceMention]) -> list[PlaceMention]:
    taken = [(p.start, p.end) for p in known]
    found: list[PlaceMention] = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            name = m["name"].strip()
            words = name.split()
            while words and _NOT_NAMES.match(words[0]):
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            start = m.start("name") + m["name"].find(name)
            end = start + len(name)
            if any(a < end and start < b for a, b in taken):
                continue
            precision = "neighbourhood" if m["kind"].lower().startswith(("neighbo", "quarter", "district", "suburb")) else "town"
            place = Place(name=name, admin1=None, country="", country_code="", latitude=None,
                          longitude=None, geo_precision=precision)
            found.append(PlaceMention(start, end, name, place, 0.0))
            taken.append((start, end))
    return found
