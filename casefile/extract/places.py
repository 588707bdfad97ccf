"""Places the gazetteer does not know but the text names as places: "the village of Tiloa
Kaina", "the Buhriz area". They keep their name and borrow admin1 and country from the
places around them; they have no coordinates."""

from __future__ import annotations

import re

from casefile.extract.anchors import AnchoredPattern, WordIndex
from casefile.extract.gazetteer import NOT_A_SETTLEMENT, Place, PlaceMention
from casefile.extract.spans import Overlaps, SpanSet
from casefile.extract.vocabulary import WIRE_AGENCIES

# (a numbered one too: "Chulabhorn Pattana 5 village", one of several of that name; not the count
# after it: "the village of Tandiakoro 15 civilians")
_NAME = r"[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]+|(?:al|el|ad|ez|as|ash|an|ar|de|du|wa|bin|ibn)\b)){0,3}(?:[ \t]\d{1,2}(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:in|of|near|on|at|and|village|camp|town|hamlet|settlement|locality)\b))?"
_TYPE = r"village|town|city|hamlet|locality|settlement|community|camp|district|neighbou?rhood|area|island|quarter|suburb|outskirts"
# "the village of X", "a village called X"; "Barangay X" (the Philippines' village, named before its name).
# (in quotes too: "the village of “Iblin”")
# ("the upmarket communities of Laboule and Thomassin": a plural names its first one too)
# ("at a place called Widhu": a village too)
_BEFORE = re.compile(rf"\b(?:(?P<kind>{_TYPE}|villages|towns|communities|localities|settlements|hamlets|"
                     rf"neighbou?rhoods)\s+(?:of|called|named|known\s+as)|place\s+(?:called|named|known\s+as)|"
                     rf"(?P<barangay>[Bb]arangay|Brgy\.?))\s+[“\"]?(?P<name>{_NAME})")
# A military base or camp is where a raid happens ("the El Salini base").
# (and East Africa's "Kyitehurizi trading centre")
_AFTER_KIND = (r"village|area|camp|district|neighbou?rhood|locality|hamlet|island|quarter|base|outpost|barracks|"
               r"community|trading[ \t]+cent(?:er|re)")
# The units below a province that districts are called in their countries ("Akobo County",
# "Kiremu woreda", "East Wollega Zone", "Ruma upazila"): a name the gazetteer lacks is a
# district all the same.
_ADMIN_KIND = (r"[Cc]ounty|[Ww]oreda|[Zz]one|[Ss]ub-?[Cc]ounty|[Tt]ehsil|[Uu]pazila|[Cc]ommune|[Mm]unicipality|"
               r"[Pp]refecture")
# Kinds written as part of the name ("Indravati National Park").
_NAMED_KIND = r"National\s+Park|Forest|Game\s+Reserve|Wildlife\s+Sanctuary|Community"
# "W National Park": a one-letter name is a name only as part of a named kind.
_AFTER = re.compile(rf"\b(?P<name>{_NAME}|[A-Z](?=\s+(?:{_NAMED_KIND})\b))\s+(?:(?:military|army|air|naval|police)\s+|(?P<refugee>refugee\s+))?"
                    rf"(?P<kind>{_AFTER_KIND}|{_ADMIN_KIND}|{_NAMED_KIND})\b")
_BEFORE_SCAN = AnchoredPattern(_BEFORE)
_KIND_WORD = re.compile(rf"\s(?:{_AFTER_KIND}|{_ADMIN_KIND}|{_NAMED_KIND.lower()})")  # in the case-folded text
_CAPITAL = re.compile(r"\b[A-Z]")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|A|An)[ \t]+$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|of|near)[ \t]+$")
_IN_THE_BEFORE = re.compile(r"\b(?:in|at|near)[ \t]+the[ \t]+$")
_OF_GAP_AFTER = re.compile(r"[ \t]+of[ \t]+")


def _of_a_known_place(text: str, at: int, known: list[PlaceMention]) -> bool:
    """Does "of <a place the gazetteer knows>" follow (the community's town or province)?"""
    gap = _OF_GAP_AFTER.match(text, at)
    return gap is not None and any(p.start == gap.end() for p in known)
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|This|That|Its|Their|His|Her|Our|In|On|At|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|"
    r"Interior|Defence|Defense|Security|Government|State|Islamic|Kurdish|Syrian|Iraqi|Nigerian|Malian|"
    r"Local|Old|New|Displaced|Border|Military|Army|Police|International)$"
)


_ADMIN_OR_POSSESSIVE = re.compile(r"['’]s\b|\b(?:State|Province|Region|District|County|Local|Government|Division)\b")


# A place given as a point of reference ("near Ngouboua", "40 km north of Gao"), not as where
# it happened ("on Bouka-Toullorom island").
_REFERENCE_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|close\s+to|not\s+far\s+from|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
    r"\s+of|\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of))\s+(?:the\s+)?(?:town\s+of\s+|village\s+of\s+)?$",
    re.IGNORECASE)


def given_as_reference(text: str, mention: PlaceMention, offset: int = 0) -> bool:
    """Is the mention (at body offsets; text starts at body offset `offset`) named as a point of
    reference?"""
    start = mention.start - offset
    return bool(_REFERENCE_BEFORE.search(text, max(0, start - 50), start))


def unresolved_places(text: str, known: list[PlaceMention],
                      demonym=lambda word: False) -> tuple[list[PlaceMention], list[PlaceMention]]:
    """Places named by a kind word that the gazetteer did not find, and the known mentions
    they supersede: in "Nova Zambézia village" the village is not the province Zambézia."""
    known_spans = Overlaps((p.start, p.end) for p in known)
    taken = SpanSet()
    found: list[PlaceMention] = []
    superseded: list[PlaceMention] = []
    after = list(_after_matches(text))
    # "Gouz Al-Naqa village of Abu Gouta area": the village is the name before its word.
    kinds_after = {m.span("kind") for m in after}
    for matches in (_BEFORE_SCAN.finditer(text), after, _addressed(text, known), _APPOSED_KIND.finditer(text),
                    _KIND_APPOSED.finditer(text)):
        for m in matches:
            if matches is not after and m["kind"] and m.span("kind") in kinds_after:
                continue
            name = m["name"].strip()
            words = name.split()
            # "Benin's Pendjari National Park": the owner is not part of the name.
            owner = max((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), default=None)
            if owner is not None:
                words = words[owner + 1:]
            while words and _NOT_NAMES.match(words[0]):
                words = words[1:]
            named_kind = bool(m["kind"]) and m["kind"][0].isupper() and m["kind"] != "Community"
            if not words or (all(w.isupper() for w in words) and not named_kind) or demonym(" ".join(words)):
                continue   # "the SNA base", "a Somali army base": an army's initials or people, not a place
            name = " ".join(words)
            start = m.start("name") + m["name"].find(name)
            if matches is after and _INDEFINITE_BEFORE.search(text, max(0, start - 4), start):
                continue   # "a Dinka village", "an ISWAP base": whose, not which
            if matches is after and m["kind"] == "community" and not _LOCATIVE_BEFORE.search(text, max(0, start - 8), start) \
                    and not (_IN_THE_BEFORE.search(text, max(0, start - 12), start) and _of_a_known_place(text, m.end(), known)):
                continue   # "at Kwata community", "in the Ruhagarika community of Cibitoke" are places; "the Christian community" is people

            end = start + len(name)
            if named_kind or m.groupdict().get("refugee"):
                # "Indravati National Park" is its name; "Jenin refugee camp" is not Jenin
                end = m.end("kind")
                name = text[start:end]
            if taken.overlaps(start, end):
                continue
            if known_spans.any(start, end):
                inside = [p for p in known if p.start < end and start < p.end]
                # The known name must be a part of the longer one (with or without the kind word).
                if not (m["kind"] and not _ADMIN_OR_POSSESSIVE.search(text, start, end)
                        and all(start <= p.start and p.end <= m.end() and (start < p.start or p.end < end)
                                for p in inside)):
                    continue  # "Borno State’s Damboa area", "Mobbar Local Government Area": the known ones
                superseded += inside
            kind = (m["kind"] or "village").lower()
            precision = "neighbourhood" if kind.startswith(("neighbo", "quarter", "district", "suburb")) \
                else "district" if re.fullmatch(_ADMIN_KIND, m["kind"] or "") else "town"
            place = Place(name=name, admin1=None, country="", country_code="", latitude=None,
                          longitude=None, geo_precision=precision)
            found.append(PlaceMention(start, end, name, place, 0.0))
            taken.add(start, end)
    return found, superseded


# "in Kpinkankandi --", "at Melhura in Zainapora area": a name the gazetteer lacks, set after a
# locative word with no kind word. Weak evidence: it is used only where nothing finer than a
# district is known for the incident (`casefile.extract._bare_place`).
_BARE_LOCATIVE = re.compile(rf"\b(?:in|at|near)[ \t]+(?P<name>{_NAME})(?![\w'’-])(?![ \t]+[A-Z])")
_MARKET_AFTER = re.compile(r"[ \t]+(?:Bazaa?r|Market|Chowk)$")


def bare_locatives(text: str, taken: Overlaps, demonym=lambda word: False) -> list[PlaceMention]:
    """Unknown names right after "in", "at" or "near" ("attacked a post in Kpinkankandi"), outside
    the spans already read as known places, actors or dates: villages, each a weak candidate."""
    found = []
    for m in _BARE_LOCATIVE.finditer(text):
        start, end = m.span("name")
        market = _MARKET_AFTER.search(text, start, end)
        if market:
            end = market.start()   # "in Pashat Bazaar": the village's market
        name = text[start:end]
        words = name.split()
        if _NOT_NAMES.match(words[0]) or _NOT_NAMES.match(words[-1]) or all(w.isupper() for w in words) \
                or demonym(name) or NOT_A_SETTLEMENT.search(name) or _ADMIN_OR_POSSESSIVE.search(name) \
                or taken.any(start, end) \
                or name in WIRE_AGENCIES or name.endswith(("'s", "’s")):
            continue
        place = Place(name=name, admin1=None, country="", country_code="", latitude=None,
                      longitude=None, geo_precision="town")
        found.append(PlaceMention(start, end, name, place, -1.0))
    return found


# "in Komanda, eastern Democratic Republic of Congo": a name addressed by its region or country.
_ADDRESS = re.compile(
    rf"\b(?:in|at|near|outside)[ \t]+(?P<name>{_NAME}),[ \t]+(?:(?:the[ \t]+)?(?:north|south|east|west|central|"
    rf"north-?east|north-?west|south-?east|south-?west)(?:ern)?[ \t]+)?(?P<kind>)")


# "an attack on Yelewata, a community in Guma": a name set beside its kind.
_APPOSED_KIND = re.compile(
    rf"\b(?:in|at|on|near|of)[ \t]+(?P<name>{_NAME}),[ \t]+an?[ \t]+(?:(?:small|remote|farming|border|rural)[ \t]+)?"
    rf"(?P<kind>village|community|town|settlement|hamlet)[ \t]+(?:in|of|near)\b")
# ... and its kind before it: "In one village, Shag Alnom, more than 200 people were killed".
_KIND_APPOSED = re.compile(
    rf"\b(?:[Ii]n|[Aa]t)[ \t]+(?:one|a|another|the|a[ \t]+nearby|the[ \t]+nearby)[ \t]+"
    rf"(?P<kind>village|community|town|settlement|hamlet)[ \t]*,[ \t]+(?P<name>{_NAME})[ \t]*,")


def _addressed(text: str, known: list[PlaceMention]):
    regions = {p.start for p in known if p.place.geo_precision in ("province", "country")}
    if not regions:
        return
    for m in _ADDRESS.finditer(text):
        if m.end() in regions:
            yield m


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


# --------------------------------------------------------------------------------------------
# Places in context: "Kurram district of Khyber Pakhtunkhwa", "Hiiraan's Bulo Burto",
# "Kasur, Punjab"; datelines, outlets and adjectives that are never event places.
# --------------------------------------------------------------------------------------------

_KIND_OF = re.compile(
    r"^[ \t]+(?P<kind>district|territory|county|sub-?district|region|province|state|governorate|"
    r"department|prefecture|village|town|city|area|locality|commune)[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?:[a-z][a-z-]+[ \t]+){0,2}$")   # "the Bagan town of the restive Kurram district"
_OF_GAP = re.compile(r"^[ \t]+of[ \t]+(?:the[ \t]+)?$")
_ENDS_WITH_KIND = re.compile(r"[ \t](?:district|territory|county|sub-?district|department|prefecture|commune|"
                             r"village|town|locality)$", re.I)
# "Antioquia's lower Cauca region": a part of the owner, whatever province shares its name.
_POSSESSIVE_GAP = re.compile(r"^['’]s[ \t]+(?:(?:lower|upper|northern|southern|eastern|western|central|"
                             r"north-?eastern|north-?western|south-?eastern|south-?western|remote|rural)[ \t]+)?$")
_APPOSITION_GAP = re.compile(r"^,[ \t]*(?:in[ \t]+)?$")
# "Sabon Gari village in Damboa": X is in Y, whatever the gazetteer's namesake of X says.
_IN_GAP = re.compile(r"^[ \t]+(?:(?P<kind>village|town|city|area|locality|hamlet|camp|mountains?|mountain[ \t]+range|"
                     r"range|hills|forest|desert|valley|plains?)[ \t]+)?in[ \t]+(?:the[ \t]+)?$", re.I)
# "El Aguaje, a town in the municipality of Aguililla", "Kidal, a city in northern Mali",
# "El Gavilán, part of the Taxco de Alarcón municipality": an apposition that says where X is.
_APPOSED_IN = re.compile(r"^,[ \t]+(?:an?[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?P<kind>village|town|city|area|locality|hamlet|"
                         r"community|camp)[ \t]+in|(?:which[ \t]+is[ \t]+)?(?:a[ \t]+)?part[ \t]+of)[ \t]+(?:the[ \t]+)?"
                         r"(?:[a-z-]+[ \t]+)?(?:(?:municipality|district|province|state|region|county|department|"
                         r"commune)[ \t]+of[ \t]+)?$")
_IN_GAPS = (_IN_GAP, _APPOSED_IN)
_OUTSKIRTS_GAP = re.compile(r"^[ \t]+(?:(?:area|village|locality|neighbou?rhood|colony)[ \t]+)?(?:in|on)[ \t]+"
                            r"the[ \t]+(?:outskirts|suburbs|edge)[ \t]+of[ \t]+$", re.I)
_PARENT_PRECISIONS = ("province", "country", "district")
# A district's own word after a town's name makes the town the district's seat.
_DISTRICT_AFTER = re.compile(r"[ \t]+(?:Local[ \t]+Government(?:[ \t]+Area)?|LGA|[Dd]istrict|[Tt]ehsil|"
                             r"[Tt]erritory|[Cc]ounty|[Mm]unicipality|[Cc]ommune)\b")
_RANK = {"country": 0, "province": 1, "district": 2, "town": 3, "neighbourhood": 4}


def situate(text: str, mentions: list[PlaceMention], lookup) -> list[PlaceMention]:
    """Places named with their province or country take their admin1 and country from it.

    "X district of Y", "Y's X" and "X, Y" (Y a province or a country): X is in Y. A known X
    in another country is looked up again in Y's ("Bara, Khyber" is not Bara in Nigeria);
    an X the gazetteer lacks keeps its name and takes Y's admin1 and country. `lookup` is
    ``Gazetteer.lookup`` (name, country code) -> Place | None.
    """
    out = list(mentions)
    for k in range(len(out)):
        child = out[k]
        if k + 1 < len(out) and _OUTSKIRTS_GAP.match(text[child.end:out[k + 1].start]) \
                and out[k + 1].place.geo_precision == "town" and child.place.geo_precision in ("town", "neighbourhood"):
            # "Ranbirgarh area in the outskirts of Srinagar": a part of the town's area.
            town, p = out[k + 1].place, child.place
            out[k] = PlaceMention(child.start, child.end, child.surface, Place(
                name=p.name, admin1=town.admin1, country=town.country, country_code=town.country_code,
                latitude=p.latitude if p.country_code == town.country_code else None,
                longitude=p.longitude if p.country_code == town.country_code else None,
                geo_precision="neighbourhood", parent=town.name), child.score)
            continue
        for j, gap_ok in ((k + 1, _KIND_OF), (k - 1, _POSSESSIVE_GAP), (k + 1, _APPOSITION_GAP), (k + 1, _IN_GAP), (k + 1, _APPOSED_IN)):
            if not 0 <= j < len(out):
                continue
            parent = out[j]
            gap = text[child.end:parent.start] if j > k else text[parent.end:child.start]
            m = gap_ok.match(gap)
            if m is None and gap_ok is _KIND_OF and _ENDS_WITH_KIND.search(child.surface):
                m = _OF_GAP.match(gap)   # "Waeng district" (its word already in the span) "of Y"
            if m is not None and (gap_ok in (_KIND_OF, _POSSESSIVE_GAP) or (
                    gap_ok is _APPOSITION_GAP and child.place.geo_precision == "district")):
                # "Waeng district of Narathiwat", "Narathiwat's Ru So", "Bacho district,
                # Narathiwat": what holds a district or a village is the province a town gives
                # its name to, not the town.
                parent = out[j] = _as_province(parent, lookup)
            parents = _PARENT_PRECISIONS
            if gap_ok in _IN_GAPS or (gap_ok is _APPOSITION_GAP and _DISTRICT_AFTER.match(text, parent.end)):
                parents += ("town",)   # "Sabon Gari, Damboa Local Government Area"
            if m is None or parent.place.geo_precision not in parents or not parent.place.country_code:
                continue
            consistent = child.place.country_code == parent.place.country_code and (
                parent.place.geo_precision == "country" or child.place.admin1 == parent.place.admin1)
            if _RANK.get(child.place.geo_precision, 3) < _RANK[parent.place.geo_precision] \
                    and child.place.country_code and gap_ok not in _IN_GAPS \
                    and (consistent or gap_ok is not _APPOSITION_GAP):
                continue          # "Punjab, Pakistan" is already as precise as it gets
            if gap_ok is _APPOSITION_GAP and consistent:
                continue
            if _RANK.get(child.place.geo_precision, 3) == _RANK[parent.place.geo_precision] \
                    and child.place.country_code and gap_ok not in (*_IN_GAPS, _POSSESSIVE_GAP) \
                    and (consistent or parent.place.geo_precision != "district" and not _DISTRICT_AFTER.match(text, parent.end)):
                continue          # "Bannu, Lakki Marwat": a list of equals
            if gap_ok in _IN_GAPS and (child.place.geo_precision not in ("town", "neighbourhood", "district")
                                      or not child.place.country_code
                                      or (child.place.country_code == parent.place.country_code
                                          and child.place.admin1 == parent.place.admin1)):
                continue          # only a known town the text places elsewhere than its namesake
            kind = m.groupdict().get("kind")
            if kind and gap_ok is _KIND_OF:
                # "the Zorbaq district of Y": the span takes the kind word, so that the name
                # reads as the place, not as a landmark of Y ("the Damascus suburb of X").
                end = child.end + m.end("kind")
                child = PlaceMention(child.start, end, text[child.start:end], child.place, child.score)
            if gap_ok in _IN_GAPS:
                kind = kind or "village"  # inside a town or district: a village of it, at most
            out[k] = _inside(child, parent.place, lookup, kind)
            break
    return _same_name_same_place(mentions, _neighbourhoods_of_the_city(out))


CITY = 500_000  # a city this large has neighbourhoods that share their names with towns elsewhere
_NEIGHBOURHOOD_WORD = re.compile(r"\s(?:neighbou?rhood|favela|slum|suburb|quarter|township)$", re.IGNORECASE)


def _neighbourhoods_of_the_city(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A name the text calls a neighbourhood ("the poor Jacarezinho neighbourhood") in an
    article about a large city is that city's neighbourhood, not a town of the same name in
    another province: it takes the nearest such city the text names as its parent, and so do
    the name's other mentions ("the Jacarezinho favela")."""
    cities = [m for m in mentions if m.place.geo_precision == "town" and (m.place.population or 0) >= CITY]
    if not cities:
        return mentions
    moved: dict[tuple[str, str], Place] = {}
    city_names = {c.place.name for c in cities}
    for m in mentions:
        p = m.place
        if not _NEIGHBOURHOOD_WORD.search(m.surface) or not p.country_code or (p.population or 0) >= CITY \
                or p.name in city_names or p.geo_precision not in ("town", "district", "neighbourhood"):
            continue  # "the Damascus suburb of ...": the city itself
        city = min(cities, key=lambda c: abs(c.start - m.start)).place
        if p.country_code != city.country_code or p.parent == city.name or p.admin1 == city.admin1:
            continue  # a namesake of another province of the city's own country only
        moved.setdefault((p.name, p.country_code), Place(
            name=p.name, admin1=city.admin1, country=city.country, country_code=city.country_code,
            latitude=None, longitude=None, geo_precision="neighbourhood", parent=city.name))
    return [PlaceMention(m.start, m.end, m.surface, moved[key], m.score)
            if (key := (m.place.name, m.place.country_code)) in moved else m for m in mentions]


def _same_name_same_place(before: list[PlaceMention], after: list[PlaceMention]) -> list[PlaceMention]:
    """An article means one place by one name: where the text placed a name ("Antioquia's
    lower Cauca region"), its other mentions ("the lower Cauca region") are that place too."""
    placed: dict[str, Place] = {}
    for old, new in zip(before, after):
        if new.place is not old.place and new.place.country_code:
            placed.setdefault(new.surface.casefold(), new.place)
    if not placed:
        return after
    return [PlaceMention(m.start, m.end, m.surface, placed[m.surface.casefold()], m.score)
            if m.place is o.place and m.surface.casefold() in placed else m
            for o, m in zip(before, after)]


def _names_its_province(p: Place) -> bool:
    """A town that gives its province its name ("Narathiwat")."""
    return p.geo_precision == "town" and p.name == p.admin1


def _as_province(mention: PlaceMention, lookup) -> PlaceMention:
    p = mention.place
    if not _names_its_province(p) or lookup is None:
        return mention
    region = lookup(f"{p.name} province", p.country_code)
    if region is None or region.geo_precision != "province" or region.country_code != p.country_code:
        return mention
    return PlaceMention(mention.start, mention.end, mention.surface, region, mention.score)


def _inside(child: PlaceMention, parent: Place, lookup, kind: str | None) -> PlaceMention:
    p = child.place
    if p.country_code == parent.country_code and (parent.geo_precision == "country"
                                                  or p.admin1 == parent.admin1):
        return child
    again = lookup(p.name if not p.country_code else child.surface, parent.country_code) if lookup else None
    if again is not None and again.country_code == parent.country_code and (
            parent.geo_precision == "country" or again.admin1 == parent.admin1):
        return PlaceMention(child.start, child.end, child.surface, again, child.score)
    precision = p.geo_precision
    if kind:
        k = kind.lower()
        precision = ("district" if k in ("district", "territory", "county", "subdistrict", "sub-district",
                                          "department", "prefecture", "commune")
                     else "province" if k in ("region", "province", "state", "governorate") else "town")
    if _RANK.get(precision, 3) <= _RANK.get(parent.geo_precision, 3) and parent.geo_precision != "country":
        precision = "town"   # inside a district, a place is a town of it at most
    admin1 = parent.admin1 if parent.geo_precision != "country" else None
    place = Place(name=p.name, admin1=admin1,
                  country=parent.country, country_code=parent.country_code, latitude=None,
                  longitude=None, geo_precision=precision if precision != "country" else "town")
    return PlaceMention(child.start, child.end, child.surface, place, child.score)


# A name right before "'s" that the gazetteer does not know, after a province or country:
# "Hiiraan's Mataban district", "Cabo Delgado's Macomia".
_POSSESSED = re.compile(
    r"['’]s[ \t]+(?P<name>[A-Z][\w'’-]+(?:[ \t-](?:[A-Z][\w'’-]+)){0,2})"
    r"(?=[ \t]+(?:district|town|village|area|region|province|territory)\b|[ \t]*[,.;:)]|[ \t]+[a-z])")
_NOT_PLACE_WORDS = frozenset("""
president prime minister government army police military forces security national federal
state governor mayor chief commander minister ministry interior defence defense parliament
senate assembly council court university hospital airport police-station capital city largest
second biggest main first new top official officials spokesman authorities leader leaders
people president's regional provincial local district's special counter-terrorism
""".split())


_PEOPLES_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish)$")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
_REGION_AFTER = re.compile(r"[ \t]+region\b")
_LANDFORM_WORDS = frozenset("peninsula delta valley desert coast basin highlands mountains lowlands".split())


def possessed_places(text: str, known: list[PlaceMention]) -> list[PlaceMention]:
    """Unknown names possessed by a known province or country ("Cabo Delgado's Macomia"):
    places of that province and country, without coordinates."""
    spans = Overlaps((p.start, p.end) for p in known)
    found = []
    for parent in known:
        # A town that gives its province its name stands for the province ("Narathiwat's Ru So").
        region = parent.place.geo_precision in ("province", "country") or _names_its_province(parent.place)
        if not region or not parent.place.country_code:
            continue
        m = _POSSESSED.match(text, parent.end)
        if m is None:
            continue
        name = m["name"]
        words = name.replace("-", " ").split()
        if any(w.lower() in _NOT_PLACE_WORDS or _NOT_NAMES.match(w) for w in words) \
                or words[-1].lower() in _LANDFORM_WORDS:
            continue   # "Egypt's Sinai Peninsula": a region across provinces, no finer than the country
        if len(words) == 1 and _PEOPLES_ADJECTIVE.search(name) and _LOWER_AFTER.match(text, m.end("name")):
            continue   # "Papua's Melanesian population": a people's adjective
        s = m.start("name")
        if spans.any(s, s + len(name)):
            continue
        # "Ecuador's Amazon region": a region of the country, no finer than a province.
        wide = parent.place.geo_precision == "country" and _REGION_AFTER.match(text, m.end("name"))
        place = Place(name=name, admin1=parent.place.admin1 if parent.place.geo_precision != "country" else None,
                      country=parent.place.country, country_code=parent.place.country_code,
                      latitude=None, longitude=None, geo_precision="province" if wide else "town")
        found.append(PlaceMention(s, s + len(name), name, place, 0.0))
    return found


# Where a story was filed: a place at the start of a line, in capitals or followed by a date
# or an agency's tag, then a dash or a colon ("MOGADISHU, Somalia (AP) —", "Goma, 3 May
# (Radio Okapi) -", "PESHAWAR:", "Maiduguri — "). Never the event's place.
# A page's own date stamp may come first on the line ("date 2018-01-27 BAMAKO:",
# "Published 27 January 2018 BAMAKO:").
_DATE_STAMP = (r"(?:(?:[Dd]ate|[Pp]ublished|[Pp]osted|[Uu]pdated):?[ \t]+)?"
               r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4}|"
               r"[A-Z][a-z]{2,8}[ \t]+\d{1,2},[ \t]+\d{4})[ \t]+")
_DATELINE_HEAD = re.compile(
    rf"^[ \t]*(?:{_DATE_STAMP})?(?:\([^()\n]{{1,30}}\)[ \t]*)?"
    r"(?P<head>[A-Z][A-Za-z'’. -]{1,40}?(?:,[ \t]*[A-Z][A-Za-z .'’-]{1,30}){0,2}"
    r"(?:[ \t]*\[[A-Z][A-Za-z .'’-]{1,30}\])?)"  # "Kabul [Afghanistan], June 14 :" (ANI's form)
    r"(?:,?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]*\d{4})?)?"
    rf"[ \t]*(?:(?:\([^)\n]{{1,40}}\)[ \t]*)?(?:[-–—:]{{1,2}}|/)[ \t]|\((?:{'|'.join(WIRE_AGENCIES)})\)[ \t]+(?=[A-Z]))",
    re.M)

# "PESHAWAR, (UrduPoint / Pakistan Point News - 21st Nov, 2024) At least 33 ...": a town in
# capitals, then the outlet's tag with its own date, then the story.
_CAPITALS_TAGGED = re.compile(
    rf"^[ \t]*(?:{_DATE_STAMP})?(?P<head>[A-Z][A-Z'’. -]{{1,40}}?),?[ \t]*\([^()\n]{{1,60}}\)[ \t]+(?=[A-Z])",
    re.M)

_LINE_STARTS = re.compile(r"^", re.M)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Spans of datelines (see _DATELINE_HEAD): only the first line of a paragraph that
    holds one, and only in capitals, or with a date or a tag, or short."""
    out = []
    # Tried at the start of each line only: a scan would try `^` at every character.
    for line_start in _LINE_STARTS.finditer(text):
        m = _DATELINE_HEAD.match(text, line_start.start())
        if m is None:
            m = _CAPITALS_TAGGED.match(text, line_start.start())
            if m is not None and len(m["head"].strip()) > 2:
                out.append((m.start("head"), m.end()))
            continue
        head = m["head"]
        tagged = "(" in m.group() or any(c.isdigit() for c in m.group())
        short = len(head.split()) <= 3
        # "Bangkok : Myanmar's junta ...": a short name then a colon set apart from it.
        spaced_colon = re.search(r"[ \t]:[ \t]*$", m.group()) is not None
        # "JUBA, South Sudan:": the town in capitals is the wire's mark, whatever follows it.
        capitals = head.split(",")[0].strip()
        # "Srinagar: Five army soldiers were killed ... on Monday.": a short name and a colon
        # that open a paragraph, not a headline ("Peru: 14 killed in bomb attack").
        line_end = text.find("\n", m.end())
        rest = text[m.end():line_end if line_end >= 0 else len(text)].rstrip()
        paragraph = m.group().rstrip().endswith(":") and len(rest) >= 100 and rest.endswith(".")
        if capitals.isupper() and len(capitals) > 2 or tagged \
                or short and (m.group().rstrip()[-1] in "-–—" or spaced_colon or paragraph):
            out.append((m.start("head"), m.end()))
    return out


# Outlets and agencies whose names hold a place ("Voice of America", "Radio France
# Internationale", "Garowe Online"): where the story came from, never where it happened.
OUTLET_NAMES = re.compile(
    r"\b(?:Voice\s+of\s+America|Radio\s+France\s+Internationale|Agence\s+France[- ]Presse|"
    r"France\s+24|France\s+Info|Al\s+Arabiya|Anadolu(?:\s+Agency)?|Kurdistan\s*24|"
    r"Pakistan\s+Today|Dawn\s+News|Express\s+Tribune|Afghanistan\s+International|"
    r"Deutsche\s+Welle|Radio\s+Free\s+Europe|Radio\s+Liberty|Times\s+of\s+India|"
    r"News\s+Agency\s+of\s+Nigeria|Daily\s+Nigerian|Premium\s+Times|Daily\s+Trust|"
    r"Radio\s+[A-Z][a-z]+)\b")
# "<Name> Online", "<Name> News Agency", "<Name> Times": the outlet's word, then the name
# before it (found backwards: a scan from every capital would cost more than the rest).
_OUTLET_WORD = re.compile(r"[ \t]+(?:Online|News\s+Agency|Press\s+Agency|Times|Tribune|Post|"
                          r"Herald|Observer|Monitor|Standard|Voice|Today)\b")
_NAME_BEFORE = re.compile(r"(?:[A-Z][a-z]+[ \t]+)?[A-Z][a-z]+$")


# The names of military operations ("Operation Barkhane", "France's Barkhane military
# operation"), often a place's name too.
_OPERATION_NAME = re.compile(r"\bOperation[ \t]+[A-Z][\w'’-]+|\b[A-Z][\w'’-]+(?=[ \t]+(?:military|counter-?terrorism|"
                             r"counter-?insurgency|peacekeeping)[ \t]+(?:operation|mission|force)\b)")
_OPERATION_WORD = re.compile(r"Operation[ \t]|(?:operation|mission|force)\b")


def non_event_spans(text: str, datelines: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Datelines (`dateline_spans`, unless given), outlet names and the names of military
    operations: their places are not where anything happened."""
    spans = (dateline_spans(text) if datelines is None else list(datelines)) + [
        m.span() for m in OUTLET_NAMES.finditer(text)]
    if _OPERATION_WORD.search(text):  # a scan at every capitalised word only where it can match
        spans += [m.span() for m in _OPERATION_NAME.finditer(text)]
    for m in _OUTLET_WORD.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before:
            spans.append((before.start(), m.end()))
    return spans


# The words that make "Gao region" the region of the town Gao: a longer name with one of
# them is not the longer form of the shorter one.
_ADMIN_WORDS = frozenset("""region province state district governorate county city town lga local
government area division department prefecture territory agency municipality commune village
countryside rural outskirts suburbs
""".split())


def short_forms(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A name the article also writes in full takes the full name's place: after "Lanao del
    Sur", "Lanao" is that province, not a namesake town elsewhere."""
    folded = [p.surface.casefold() for p in mentions]
    # The full names, by first word, so that the cost stays linear.
    full: dict[str, list[tuple[str, PlaceMention]]] = {}
    for p, name in zip(mentions, folded):
        words = name.split()
        if p.place.country_code and p.place.geo_precision != "country" and len(words) > 1:
            full.setdefault(words[0], []).append((name, p))
    out = []
    for p, short in zip(mentions, folded):
        words = short.split()
        longer = next((f for name, f in full.get(words[0], ())
                       if f.place != p.place and name.startswith(short + " ")
                       and not _ADMIN_WORDS.intersection(name.split()[len(words):])), None)
        out.append(PlaceMention(p.start, p.end, p.surface, longer.place, p.score) if longer else p)
    return out
