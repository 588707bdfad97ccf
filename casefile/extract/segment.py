"""From sentences to incidents: one incident per distinct event.

Each sentence is read for counts, dates, places, actors, triggers and attribution. A sentence
that reports an event (a count, or a strong trigger with a date or a precise place) either
continues the incident before it or starts a new one: a different date, a different place
or a different kind of event (a bombing after a raid) makes a new incident, as in ACLED.
Sentences without an event of their own (background, "it said", "forces stormed the site")
add their facts to the incident they follow. Background (history, "since 2014", plans and
threats, vague totals without a time or place) never makes an incident.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from casefile.datetext import WEEKDAYS
from casefile.extract.actors import ActorMention
from casefile.extract.anchors import AnchoredPattern, WordIndex
from casefile.extract.counts import Count
from casefile.extract.dates import DateMention
from casefile.extract.events import STRONG, Trigger
from casefile.extract.gazetteer import PlaceMention
from casefile.extract.places import given_as_reference
from casefile.extract.sentences import Sentence
from casefile.extract.vocabulary import (
    EVENT_SITES,
    WIRE_AGENCIES,
    BACKGROUND_STATISTIC, CLAUSE_WORDS, CONFLICT_NOUNS, FURNITURE_LABELS, GENERIC_PLURALS, NEW_EVENT_NOUNS, PLURAL_DETERMINERS,
    REPORTED_CLAUSE_WORDS, STATEMENT_NOUNS, STATEMENT_VERBS, phrases)

PRECISION_RANK = {"neighbourhood": 5, "town": 4, "district": 3, "province": 2, "country": 1}
# Kinds of event that one incident can combine: a raid with clashes and arrests, an attack
# with abductions, a bombing then gunfire. A bombing after a raid is another incident.
COMPATIBLE = [
    {"raid", "clash", "arrest", "dismantle", "foiled"},
    {"attack", "clash", "abduction", "looting", "raid"},
    {"suicide", "ied", "attack", "clash"},
    # an attack repelled is the attack: "attacked the police lines ..., which was thwarted"
    {"attack", "suicide", "foiled"},
    {"air", "shelling", "attack"},
    {"abduction", "release"},
]


def compatible_kinds(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COMPATIBLE)
EVENT_FIELDS = {"killed", "wounded", "arrested", "abducted", "released"}

_BACKGROUND_ANCHORED = (
    r"since\s+(?:the|its|\d{4})|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades|months)|"
    r"in\s+recent\s+(?:months|years|weeks)|for\s+years|during\s+the\s+(?:\w+\s+)?war|years\s+of|"
    r"at\s+the\s+height\s+of|once\s+controlled|ha(?:s|ve)\s+(?:long|repeatedly|often)|historically|"
    r"every\s+year|each\s+year|annually|so\s+far\s+this\s+year|to\s+date|in\s+the\s+past|"
    r"(?:the|its)\s+(?:history|peak)|typically|usually|regularly|sporadic|frequent|repeated|periodic|"
    r"ha(?:s|ve)\s+(?:witnessed|seen|suffered|experienced)")
_BACKGROUND_ANYWHERE = r"(?:\w+|\d+)\s+years\s+(?:after|since|ago)"  # may start at any word
# "the latest in a series of", "amid a wave of" (not "began with a series of car bombings": the event's own)
_BACKGROUND_TAIL = r"(?:in|amid|after|follows?|followed|following|of|since|among|to)\s+a\s+(?:series|wave|spate|string)\s+of"
_BACKGROUND = re.compile(
    rf"\b(?:{_BACKGROUND_ANCHORED}|{_BACKGROUND_ANYWHERE}|{_BACKGROUND_TAIL})\b", re.IGNORECASE)
_BACKGROUND_SCAN = AnchoredPattern(
    _BACKGROUND, starts=rf"\b(?:{_BACKGROUND_ANCHORED}|{_BACKGROUND_TAIL})\b", needs=r"years\s+(?:after|since|ago)")
# "The attack came two weeks after bandits killed 20 people ...", "... comes amid fighting in X":
# what follows tells of an earlier event or the setting, so its figures, places and dates are
# not this sentence's.
_EARLIER_EVENT_CLAUSE = AnchoredPattern(re.compile(
    r"\b(?:came|comes|coming|follows|followed|following)\s+"
    r"(?:(?:just|only|barely|nearly|almost|about|some|more\s+than|less\s+than)\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+)?"
    r"(?:days?|weeks?|months?|years?)\s+(?:after|since)\b"
    # "the killing, which took place just a week after the group killed two workers in X"
    r"|\b(?:took\s+place|happened|occurred)\s+(?:(?:just|only|barely|nearly|almost|about|some)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+"
    r"(?:days?|weeks?|months?|years?)\s+after\b"
    r"|\b(?:follows|followed|following|comes\s+after|came\s+after)\s+(?:a|an)\s+"
    r"(?:similar|previous|earlier|separate)\b"
    # "The attack comes amid intensifying fighting in Kordofan, where ...": the setting, told apart
    r"|\b(?:comes|came|coming)\s+amid\b", re.IGNORECASE))


# "..., while Israeli airstrikes targeted Hezbollah sites in Homs": another actor's event.
_WHILE_CLAUSE = re.compile(r",\s+(?:while|whereas)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[\w-]+){0,3}?\s+"
                           r"(?:targeted|struck|hit|bombed|shelled|attacked|raided|killed|stormed|launched)\b")


def earlier_event_clause(body: str, s: Sentence) -> list[Sentence]:
    """The sentence, or its two clauses when the second tells of an earlier event or of
    another actor's ("while Israeli airstrikes targeted ..."): that one is read as a sentence
    of its own (a new event, or background when it is old)."""
    match = _EARLIER_EVENT_CLAUSE.search_in(body, s.start, s.end, s.text)
    if not match or match.start() == 0:
        match = _WHILE_CLAUSE.search(s.text) if "while" in s.text or "whereas" in s.text else None
        if not match:
            return [s]
    cut = s.start + match.start() + (1 if match.re is _WHILE_CLAUSE else 0)
    return [replace(s, end=cut, text=body[s.start:cut]), replace(s, start=cut, text=body[cut:s.end])]


_NEW_EVENT_CUE = re.compile(
    r"^(?:separately|meanwhile|elsewhere|in\s+(?:a\s+)?(?:separate|another|other)\b|"
    r"also\s+(?:on|today|yesterday|tonight|(?:this|that|on\s+the\s+same)\s+(?:day|morning|afternoon|evening|night))\b|"
    # "Earlier,", "Earlier on Sunday,", "Earlier in the day,"
    r"earlier(?:\s+(?:on|in|that|this)(?:\s+[\w-]+){1,2})?,|"
    # ... and later: "The next day, the RSF attacked the village of X", "Later on Friday, ..."
    r"(?:the\s+(?:next|following)\s+(?:day|morning|night)|a\s+day\s+later|"
    r"later(?:\s+(?:on|in|that)(?:\s+[\w-]+){1,2})?),|"
    r"in\s+an?\s+(?:separate|unrelated|similar)|a\s+(?:separate|second|similar)\s+attack)",
    re.IGNORECASE,
)
_REFERS_BACK_ANCHORED = (
    rf"\bthe\s+(?:operation|incident|clashes|confrontation|fighting|campaign|raids|operations|bomb|device|"
    rf"encounter|firefight|massacre|siege|{phrases(NEW_EVENT_NOUNS)})\b|"
    r"\bthe\s+(?:site|cell|suspects?|attackers)\b|"
    r"\b(?:the|death)\s+toll\b|\bthe\s+number\s+of\s+(?:people\s+)?(?:killed|dead|wounded|victims)\b|"
    # the wounded of the event told before, dying later ("died of his injuries on 18 May")
    r"\b(?:died|succumbed)\s+(?:[\w-]+\s+){0,4}?(?:of|to|from)\s+(?:his|her|their)\s+(?:injuries|wounds)\b")
_REFERS_BACK = re.compile(
    _REFERS_BACK_ANCHORED + r"|"
    r"\b(?:\w+|\d+)\s+of\s+the\s+(?:\w+\s+){0,2}(?:women|men|victims|hostages|abductees|wounded|"
    r"captives|students|passengers|suspects|workers|children|villagers)\b",
    re.IGNORECASE,
)
# "<word> of the …" may start at any word: a full scan only where "of the" occurs.
_REFERS_BACK_SCAN = AnchoredPattern(_REFERS_BACK, starts=_REFERS_BACK_ANCHORED, needs=r"of\s+the\s")
_REFERENCE_PLACE_HEADS = (
    # (not "in the north of X", "in south of X": a part of X)
    r"(?<!in the )(?<!in )\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)(?:ern)?\s+of|\b(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from)|"
    r"\bborder\s+with|\b(?:meeting|summit|conference|talks|visit|trip|travel|flew|headquarters)\s+"
    r"(?:\w+\s+){0,3}?(?:in|to)|", r"-based|",  # "-based" starts inside a word ("UK-based")
    r"\bbased\s+in|\bnear\s+the\s+border\s+with|\bfled\s+to|"
    # Where a source spoke is not where it happened ("villagers told our journalists in Jos").
    r"\b(?:told|briefed|addressed)\s+(?:[\w’'-]+\s+){0,3}?in|\bspeaking\s+(?:to\s+(?:[\w’'-]+\s+){0,3}?)?in|"
    # Where the attackers were chased or ran to afterwards ("pursued others in the Mojan area").
    r"\b(?:pursued|pursuing|chased|chasing|hunted|hunting)\s+(?:[\w-]+\s+){0,4}?(?:in|into|to|towards?)|"
    r"\b(?:retreated|withdrew|escaped|fled)\s+(?:[\w-]+\s+){0,3}?(?:to|into|towards?)|"
    # Where a convoy or a patrol was going is not where it was hit.
    # ("heading to the city of Hasakah": the kind of place may stand between)
    r"(?:\bbound\s+for|\b(?:on|along)\s+(?:its|their|the)\s+way\s+to|\bheading\s+(?:to|towards?|for)|"
    r"\bheaded\s+(?:to|towards?|for)|\ben\s+route\s+to|\btravell?ing\s+(?:to|towards?)|\breturning\s+(?:home\s+)?to)"
    r"(?:\s+the)?(?:\s+(?:city|town|village|capital|province|district|region|area)\s+of)?|"
    # "from Maiduguri to Damasak", "carrying food ... to Parachinar": the route's end.
    r"\bfrom\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+to|\b(?:carrying|transporting|delivering)\s+(?:[\w-]+\s+){0,5}?to|"
    # Where the dead were buried is not where they died ("to bury the dead in Zabarmari").
    r"\bbur(?:y|ied|ying)\s+(?:[\w-]+\s+){0,4}?(?:in|at)|"
    # Where the wounded were taken is not where they were hurt ("rushed to hospital in Kano").
    r"\bto\s+(?:(?:a|the)\s+)?(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?)\s+(?:in|at)|"
    r"\btreated\s+(?:at|in)\s+(?:(?:a|the)\s+)?(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?)\s+(?:in|at)|"
    r"\b(?:airlifted|evacuated|flown|rushed|transferred|taken|brought)\s+(?:[\w-]+\s+){0,3}?to|"  # "airlifted to Juba"
    r"\bfrom|\bacross|\bsecond\s+city\s+of|\bin\s+(?:the\s+)?(?:capital|city)\s+of\s+\w+\s+in")
_BY_BEFORE = re.compile(r"\bby[ \t]+$")
_REPORTED_BY = re.compile(r"^\s+(?:reported|reports|quoted|cited|wrote|said|says|told)\b")
_REFERENCE_PLACE = re.compile(rf"(?:{''.join(_REFERENCE_PLACE_HEADS)})\s*(?:the\s+)?$", re.IGNORECASE)
_REFERENCE_PLACE_SCAN = AnchoredPattern(
    _REFERENCE_PLACE, needs="-based",
    starts=rf"(?:{''.join(h for h in _REFERENCE_PLACE_HEADS if h != '-based|')})\s*(?:the\s+)?$")
_STATEMENT = rf"(?:{phrases(STATEMENT_VERBS)}|{phrases(STATEMENT_NOUNS)})"
# "said on Monday", "claimed the attack on Monday", "in a statement late on Monday": the verb,
# then words of no new clause, then the date.
_REPORT_DATE = re.compile(rf"\b{_STATEMENT}\b(?P<between>[^,.;:“”\"]{{0,40}})$", re.IGNORECASE)
_REPORT_DATE_SCAN = AnchoredPattern(_REPORT_DATE)
_NEW_CLAUSE = re.compile(rf"\b(?:{phrases(CLAUSE_WORDS + REPORTED_CLAUSE_WORDS)}|(?!claimed\b)\w+ed)\b",
                         re.IGNORECASE)
# "Police on Monday said", "On Monday, the ministry announced": the date, then the verb.
_REPORT_DATE_AFTER = re.compile(
    rf"^\s*(?:(?:also|later|again|late|early|night|morning|evening|afternoon)\s+)*{_STATEMENT}\b", re.IGNORECASE)
_REPORT_DATE_OPENING = re.compile(
    rf"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w’'.-]+\s+){{0,5}}?(?:also\s+)?{_STATEMENT}\b", re.IGNORECASE)
# The finding of bodies: its date is when they were found, which may be days after the killing
# ("On Tuesday, we found the bodies of 11 civilians" after an attack on Monday evening).
_DISCOVERY = (r"(?:(?:found|discovered|recovered|retrieved|exhumed)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
              r"(?:bodies|body|corpses|remains)\b|(?:bodies|corpses|remains)\b[^,.;:]{0,50}?\b(?:were|had\s+been|"
              r"have\s+been)\s+(?:found|discovered|recovered|retrieved|exhumed)\b|\b(?:were|was)\s+found\s+dead\b)")
_DISCOVERY_DATE = re.compile(rf"{_DISCOVERY}(?P<between>[^,.;:“”\"]{{0,40}})$", re.IGNORECASE)
_DISCOVERY_OPENING = re.compile(rf"^\s*,\s*(?:[\w’'.-]+\s+){{0,4}}?{_DISCOVERY}", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s?\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been)\s+(?:on\s+|last\s+)?$", re.IGNORECASE)
_FURNITURE_LABEL = re.compile(rf"(?:^|\W)(?:{phrases(FURNITURE_LABELS)})\s*:?\s*$", re.IGNORECASE)
# A line holding nothing but a date, a time and such words is the page's date, not the event's.
_FURNITURE_LINE = re.compile(
    r"^[\W\d]*(?:(?:date|dated|published|posted|updated|last|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|"
    r"edt|est|cet|eat|wat|ist|pkt|ast|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun)\b[\W\d]*)*$", re.IGNORECASE)
_PAREN_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’/-]{2,40}\s*\([^()\n]{0,40}$")
# The opening of a dateline in any case: "Guayaquil, Ecuador, (UrduPoint / ... - "; a place
# and a comma before a day without a year: "United Nations, ".
_OPENING_DATELINE = re.compile(r"^\s*[A-Z][\w .,'’/-]{1,40}\s*\([^()\n]{0,50}$")
_PLACE_COMMA = re.compile(r"^\s*(?!(?:On|In|By|At|Late|Early|Since|Until|From|Last)\b)[A-Z][\w.'’-]*"
                          r"(?:\s+[A-Z][\w.'’-]*){0,3},\s*$")
_DATELINE_CLOSE = re.compile(r"[^()\n]{0,20}\)\s*[-–—:]")  # "… 20th Jun, 2023 ) :"
LEAD_CHARS = 400  # a dateline opens the article
_DAY_AFTER = re.compile(r"^,?\s+(?:a|one|the)\s+day\s+(after|before)\b", re.IGNORECASE)
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class SentenceFacts:
    sentence: Sentence
    counts: list[Count]
    dates: list[DateMention]  # event dates
    report_dates: list[DateMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    triggers: list[Trigger]
    attribution: str | None
    background: bool
    new_event_cue: bool
    refers_back: bool
    sites: frozenset[str] = frozenset()  # the EVENT_SITES the sentence names
    definite_sites: frozenset[str] = frozenset()  # those it names as known ("the base")

    @property
    def kinds(self) -> set[str]:
        return {t.kind for t in self.triggers}

    @property
    def strong_kinds(self) -> set[str]:
        return self.kinds & (STRONG | {"dismantle", "release"})

    @property
    def primary_kind(self) -> str | None:
        """The first strong trigger: what the sentence is about ("the church bombing … arrest")."""
        return next((t.kind for t in self.triggers if t.kind in STRONG | {"dismantle", "release"}), None)

    @cached_property
    def introduced(self) -> frozenset[str]:  # read once: every later sentence compares with it
        return introduced(self.sentence.text)

    def mark_background(self) -> None:
        self.background = True
        self.__dict__.pop("eventful", None)

    @property
    def attachable(self) -> bool:
        """A sentence without an event of its own that still tells about the one before."""
        return bool(self.counts) or self.refers_back

    @cached_property
    def eventful(self) -> bool:  # forget it (`mark_background`) when `background` changes
        if self.background:
            return False
        numeric = [c for c in self.counts if c.field in EVENT_FIELDS and c.value is not None
                   and c.qualifier != "vague"]
        if numeric:
            return True
        anchors = [(p.start, p.end) for p in self.places
                   if PRECISION_RANK.get(p.place.geo_precision, 0) >= 3]
        # A statement's date anchors a report as well as the event's own ("On Tuesday, the
        # ministry announced that ... arrested"): it is the date the news gives.
        anchors += [(d.start, d.end) for d in self.dates + self.report_dates if _specific(d)]
        if not anchors:
            return any(c.field == "seized" for c in self.counts) and bool(self.strong_kinds - {"release"})
        if [c for c in self.counts if c.field in EVENT_FIELDS]:
            return True  # a vague figure ("dozens were killed") with a time or a place
        # A trigger counts only with a time or place of its own, not one from another clause,
        # and a generic plural ("cross-border attacks") names no event.
        strong = [t for t in self.triggers if t.kind in self.strong_kinds - {"release"}
                  and not generic_plural(self.sentence.text, t.start - self.sentence.start, t.text)]
        return any(abs(t.start - a) <= 100 for t in strong for a, _ in anchors)

@dataclass
class Draft:
    facts: list[SentenceFacts] = field(default_factory=list)

    @property
    def lead(self) -> SentenceFacts:
        return next((f for f in self.facts if f.eventful), self.facts[0])

    @property
    def dates(self) -> list[DateMention]:
        return [d for f in self.facts for d in f.dates]

    @property
    def places(self) -> list[PlaceMention]:
        return [p for f in self.facts for p in f.places]

    @property
    def kinds(self) -> set[str]:
        return {k for f in self.facts for k in f.strong_kinds}

    @property
    def primary_kinds(self) -> set[str]:
        """What the incident is about: its lead, and sentences that are not back-references."""
        return {f.primary_kind for f in self.facts
                if f.primary_kind and f.eventful and (f is self.lead or not f.refers_back)}

    @property
    def counts(self) -> list[tuple[Count, str | None]]:
        return [(c, f.attribution) for f in self.facts for c in f.counts]

    @property
    def finest(self) -> int:
        """The precision rank of its most precise place (0 without one)."""
        return max((PRECISION_RANK.get(p.place.geo_precision, 0) for p in self.places), default=0)

    @classmethod
    def joined(cls, *drafts: Draft) -> Draft:
        """One draft of the facts of several, in text order."""
        return cls(sorted((f for d in drafts for f in d.facts), key=lambda f: f.sentence.start))


def _specific(d: DateMention) -> bool:
    """A date that pins an event down: a day, a week, a month (a year alone does not)."""
    if d.date_start:
        return d.precision in ("day", "week", "month")
    partial = d.partial
    if any(k in partial for k in ("weekday", "month", "day")):
        return True
    return bool(re.search(r"day|night|week|month|ago|today|tonight|morning", partial.get("relative", "")))


def _overlap(a: DateMention, b: DateMention) -> bool | None:
    """True/False when both dates can be compared; None when one cannot be read."""
    if a.date_start and b.date_start:
        return a.date_start <= (b.date_end or b.date_start) and b.date_start <= (a.date_end or a.date_start)
    pa, pb = a.partial, b.partial
    if not pa and not a.date_start or not pb and not b.date_start:
        return None
    full, part = (a, b) if a.date_start else (b, a)
    if full.date_start and full.precision == "day":
        # "on Sunday evening" and "On July 15, 2023" (a Saturday): the day says what it was
        day = dt.date.fromisoformat(full.date_start)
        said = {k: WEEKDAYS[v.lower()] if k == "weekday" else v for k, v in part.partial.items()}
        return all(said[k] == v for k, v in (("weekday", day.weekday()), ("month", day.month), ("day", day.day))
                   if k in said)
    for key in ("weekday", "month", "day"):
        if key in pa and key in pb and pa[key] != pb[key]:
            return False
    if pa and pb and not (set(pa) & set(pb)):
        return False  # "on Saturday" and "in June": different events in a story without a date
    return True


def _most_precise(dates: list[DateMention]) -> list[DateMention]:
    """Day-level dates when there are any: "earlier this month, on January 9" is January 9."""
    days = [d for d in dates if d.precision == "day" or "weekday" in d.partial or "day" in d.partial]
    return days or dates


def dates_conflict(draft: Draft, facts: SentenceFacts, statements: bool = False) -> bool:
    """Do the event dates differ? With `statements`, a sentence dated only by its statement
    ("On Tuesday, the ministry announced ...") is compared by that date."""
    theirs = facts.dates or (facts.report_dates if statements else [])
    mine, theirs = _most_precise(draft.dates), _most_precise(theirs)
    if not mine or not theirs:
        return False
    verdicts = [_overlap(a, b) for a in mine for b in theirs]
    known = [v for v in verdicts if v is not None]
    return bool(known) and not any(known)


def places_compatible(a: PlaceMention, b: PlaceMention) -> bool:
    pa, pb = a.place, b.place
    if not pa.country and not pb.country:
        return pa.name.lower() == pb.name.lower()  # two villages the gazetteer does not know
    if not pa.country or not pb.country:
        return True  # an unknown village may lie anywhere near a known place
    if pa.name == pb.name or pa.parent == pb.name or pb.parent == pa.name or (
        pa.parent and pa.parent == pb.parent
    ):
        return True
    if pa.country != pb.country:
        return False
    coarse, fine = (pa, pb) if PRECISION_RANK.get(pa.geo_precision, 0) <= PRECISION_RANK.get(pb.geo_precision, 0) else (pb, pa)
    if coarse.geo_precision == "country":
        return True
    if coarse.geo_precision == "province":
        return fine.admin1 == coarse.admin1
    return suburb(pa, pb)


SUBURB_KM = 12
METROPOLIS = 500_000


def suburb(a, b) -> bool:
    """A town a few kilometres from a city of half a million is part of it ("Pétionville",
    "an upscale community in Port-au-Prince")."""
    if a.admin1 != b.admin1 or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    if max(a.population or 0, b.population or 0) < METROPOLIS:
        return False
    # Equirectangular distance: exact enough at a dozen kilometres.
    x = math.radians(b.longitude - a.longitude) * math.cos(math.radians((a.latitude + b.latitude) / 2))
    y = math.radians(b.latitude - a.latitude)
    return 6371 * math.hypot(x, y) <= SUBURB_KM


def _finest(places: list[PlaceMention]) -> list[PlaceMention]:
    """Town-level places and finer when there are any: "Idlib" province must not make every
    town of Idlib the same place as Ariha."""
    fine = [p for p in places if PRECISION_RANK.get(p.place.geo_precision, 0) >= 4]
    return fine or places


# "In Ash Shati refugee camp, airstrikes destroyed ...", "Airstrikes also struck Souq An
# Nuseirat ...": a sentence that opens on a place of its own, or strikes another target, in a
# list of strikes.
_OPENS_ON_PLACE = re.compile(r"^(?:(?:Meanwhile|Elsewhere|Separately),?[ \t]+)?[Ii]n[ \t]+(?:the[ \t]+)?$")
_ALSO_HIT = re.compile(r"\balso[ \t]+(?:struck|hit|targeted|attacked|shelled|bombed|pounded)[ \t]+(?:the[ \t]+)?(?:[\w’'-]+[ \t]+){0,2}$")


_OTHER_SETTLEMENTS = re.compile(r"\b(?:the|several|many|two|three|four|five|nearby)\s+other\s+(?:nearby\s+)?(?:villages|towns|"
                                r"hamlets|settlements|communities|localities|camps|neighbou?rhoods)\b", re.IGNORECASE)


def _at_the_other_settlements(draft: Draft, facts: SentenceFacts) -> bool:
    """"In one village, X, 200 were killed. Raids on the other villages killed 38": the
    settlements besides the one the draft told of."""
    return draft.finest >= PRECISION_RANK["town"] and bool(_OTHER_SETTLEMENTS.search(facts.sentence.text))


def _elsewhere(draft: Draft, facts: SentenceFacts) -> bool:
    """The sentence tells of another place than the draft's, by opening on it or by "also
    striking" it, even where the gazetteer cannot say how far apart they are."""
    text, start = facts.sentence.text, facts.sentence.start
    own = [p for p in facts.places if p.place.geo_precision != "country"
           and (_OPENS_ON_PLACE.match(text[:p.start - start]) or _ALSO_HIT.search(text, 0, p.start - start))]
    if not own:
        return False
    mine = [p for p in _finest(draft.places) if p.place.geo_precision != "country"]
    names = lambda p: {p.place.name.lower(), p.surface.lower()}  # noqa: E731
    return bool(mine) and not any(names(a) & names(b) or (a.place.country and b.place.country and places_compatible(a, b)
                                                          and PRECISION_RANK.get(a.place.geo_precision, 0) < 4)
                                  for a in own for b in mine)


def places_conflict(draft: Draft, facts: SentenceFacts) -> bool:
    # "killed in an ambush ... near the town of Tanguieta" locates the draft's event, not another.
    sentence = facts.sentence
    theirs = _finest([p for p in facts.places if not given_as_reference(sentence.text, p, sentence.start)])
    mine = _finest(draft.places)
    if not mine or not theirs:
        return False
    return not any(places_compatible(a, b) for a in mine for b in theirs)


def kinds_conflict(draft: Draft, facts: SentenceFacts) -> bool:
    new = facts.primary_kind
    old = draft.primary_kinds
    return bool(new and old) and not any(compatible_kinds(new, k) for k in old)


def _same_figure(a: Count, b: Count) -> bool:
    if a.field != b.field or a.value is None or b.value is None:
        return False
    if a.value == b.value:
        return a.party == b.party or "unknown" in (a.party, b.party)
    # "more than 19,000" and "19,381": a large figure restated with a qualifier.
    low, high = sorted((a.value, b.value))
    return low >= 100 and (high - low) / high <= 0.1


_SITE = AnchoredPattern(re.compile(rf"\b(?:{phrases(EVENT_SITES)})s?\b", re.IGNORECASE))
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


def sites_of(body: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The sites a sentence (body[start:end]) names, and those it names with a definite
    article ("the El-Salin military base", not "a base" or "the group's bases in Jilib ... a
    base")."""
    named, definite = set(), set()
    text = body[start:end]
    for m in _SITE.finditer_in(body, start, end, text):
        noun = m.group().lower().rstrip("s") if m.group().lower() != "bus" else "bus"
        named.add(noun)
        if _DEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            definite.add(noun)
    return frozenset(named), frozenset(definite)


def restates(draft: Draft, facts: SentenceFacts, large_only: bool = False) -> bool:
    """Does the sentence repeat a figure the draft already has?"""
    return any(_same_figure(mine, c) and (not large_only or c.value >= 100)
               for mine, _ in draft.counts for c in facts.counts)


RESTATE_LOOKBACK = 24


def group(facts_list: list[SentenceFacts]) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    # A sentence with no event of its own, kept until the next one shows whether the story
    # goes on past it: told between two sentences of one incident, it tells where and how
    # that incident happened ("Officers stopped a truck in the suburb of X at 2 am").
    between: list[SentenceFacts] = []  # the sentences skipped since current's last one
    for facts in facts_list:
        eventful = facts.eventful
        # A sentence right after the event that describes it ("gunmen surrounded the
        # village of X and fired on the inhabitants") belongs to it too.
        describes = bool(current and facts.strong_kinds and not facts.background
                         and facts.sentence.paragraph - current.facts[-1].sentence.paragraph <= 1)
        if not eventful and not (current and (facts.attachable or describes) and not facts.background):
            between.append(facts)
            continue
        # (one that gives a date of its own may tell of another time: "comes days after ...")
        pending = between[0] if len(between) == 1 and between[0].places and not (
            between[0].background or between[0].dates) else None
        between = []
        target = None
        if current is not None and not facts.refers_back and facts.definite_sites & {
                site for f in current.facts for site in f.sites}:
            facts.refers_back = True  # "militants detonated a car bomb at the base": the one above
        if current is not None and current is not drafts[0] and _THE_LATEST.search(facts.sentence.text) \
                and not (places_conflict(drafts[0], facts) or dates_conflict(drafts[0], facts)):
            # "the latest attack, which took place in Kwatas": the article's own event, told
            # first, not the earlier one the sentences before recalled
            target = drafts[0]
        elif current is not None:
            kind_conflict = eventful and kinds_conflict(current, facts)
            conflicts = (
                places_conflict(current, facts)
                or (eventful and (_elsewhere(current, facts) or _at_the_other_settlements(current, facts)))
                or (dates_conflict(current, facts) and (kind_conflict or not facts.refers_back))
                # Another kind of event, announced on another day: another incident.
                or (kind_conflict and dates_conflict(current, facts, statements=True))
                or (kind_conflict and not facts.refers_back)
                or (eventful and facts.new_event_cue)
                or (eventful and _another_of_its_kind(current, facts))
            )
            near = facts.sentence.paragraph - current.facts[-1].sentence.paragraph <= 2
            if not conflicts and (near or facts.refers_back or restates(current, facts)):
                target = current
        if target is None and eventful and not facts.new_event_cue:
            # A later sentence may come back to an earlier event with the same figure (within
            # the last few events: a look-back over all of them grows with the text squared);
            # not one that says it tells of another ("Separately, ...", "came two days after").
            for draft in reversed(drafts[-RESTATE_LOOKBACK:]):
                if restates(draft, facts, large_only=True) or (
                    restates(draft, facts)
                    and not (dates_conflict(draft, facts) or places_conflict(draft, facts))
                ):
                    target = draft
                    break
        if target is None:
            if not eventful:
                continue
            target = Draft()
            drafts.append(target)
        if pending is not None and target is current and not places_conflict(current, pending) \
                and facts.sentence.paragraph - current.facts[-1].sentence.paragraph <= 2:
            target.facts.append(pending)
        target.facts.append(facts)
        current = target
    drafts = [d for d in drafts if any(f.eventful for f in d.facts)]
    return _one_event(_refers_forward(drafts))


_EVENT_NOUN = rf"(?:{phrases(NEW_EVENT_NOUNS)})(?:s|es|ings?)?"
_THE_LATEST = re.compile(rf"\b(?:the|this|today['’]s|yesterday['’]s)\s+(?:latest|fresh|new|most\s+recent)\s+"
                         rf"(?:[\w-]+\s+)?(?:{_EVENT_NOUN})\b", re.IGNORECASE)
_INTRODUCED = re.compile(rf"\b(?:an?|another)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{_EVENT_NOUN})\b", re.IGNORECASE)


def _head(noun: str) -> str:
    """"drone strike" and "strikes" are strikes: the last word, singular."""
    word = noun.lower().split()[-1]
    return re.sub(r"(?:ings?|s)$", "", word) if word not in ("clashes",) else "clash"


def introduced(sentence: str) -> frozenset[str]:
    """The events a sentence introduces as new ("an attack", "a US drone strike")."""
    return frozenset(_head(m["noun"]) for m in _INTRODUCED.finditer(sentence))


def _another_of_its_kind(current: Draft, facts: SentenceFacts) -> bool:
    """"An Israeli drone strike hit a car …" then "four more were killed in a strike on a house
    in Ramia": a second event introduced as new, at a site of its own, is another incident."""
    if facts.refers_back or not facts.sites or facts.sites & {site for f in current.facts for site in f.sites}:
        return False
    return any(facts.introduced & f.introduced for f in current.facts)


def vague_twins(drafts: list[Draft]) -> list[Draft]:
    """An incident told once vaguely (a photo caption: "the site of a roadside bomb in
    Narathiwat on 3 May") and once in detail (in Ru So district, Narathiwat, on Sunday 3 May)
    is one: the vague draft, placed no finer than a province, joins a finer one of the same
    day and kind of event whose places it does not contradict."""
    def day(d: Draft) -> set[str]:
        return {m.date_start for m in d.dates if m.precision == "day" and m.date_start}

    kept = list(drafts)
    for vague in drafts:
        if vague.finest > PRECISION_RANK["province"] or not day(vague) or not vague.primary_kinds:
            continue
        twins = [d for d in kept if d is not vague and d.finest > PRECISION_RANK["province"]
                 and day(d) == day(vague) and d.primary_kinds == vague.primary_kinds
                 and not (_drafts_conflict(d, vague) or _drafts_conflict(vague, d))]
        if len(twins) == 1:
            twin = twins[0]
            kept[kept.index(twin)] = Draft.joined(twin, vague)
            kept.remove(vague)
    return kept


def _refers_forward(drafts: list[Draft]) -> list[Draft]:
    """An article that opens on "the attack" (a standfirst: "five civilians also wounded in the
    attack") has nothing before it to refer to: it tells of the incident that follows."""
    if len(drafts) < 2 or not drafts[0].lead.refers_back:
        return drafts
    first, second = drafts[0], drafts[1]
    if _drafts_conflict(first, second) or _drafts_conflict(second, first):
        return drafts
    return [Draft.joined(first, second), *drafts[2:]]


_ANOTHER_EVENT = re.compile(
    rf"\b(?:killed|wounded|injured|died|dead|hurt)\s+in\s+(?:a|an|another)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{phrases(NEW_EVENT_NOUNS)})\b", re.IGNORECASE)


def _drafts_conflict(a: Draft, b: Draft) -> bool:
    return any(dates_conflict(a, f) or places_conflict(a, f) or (f.eventful and kinds_conflict(a, f))
               for f in b.facts)


def _another_event(later: Draft) -> bool:
    """"Separately, ...", "four more were killed in a strike on a house in Ramia": a report
    that introduces its own event."""
    lead = later.lead
    return lead.new_event_cue or not lead.refers_back and bool(_ANOTHER_EVENT.search(lead.sentence.text))


def _one_event(drafts: list[Draft]) -> list[Draft]:
    """An article whose reports never disagree on date, place or kind of event tells of one
    event: a headline, a lead and a later "he said attackers killed 15 soldiers" are one
    incident. Roundups and articles with background events differ somewhere and stay apart."""
    if len(drafts) < 2:
        return drafts
    if any(_another_event(d) for d in drafts[1:]) or any(
            _drafts_conflict(a, b) or _drafts_conflict(b, a) for i, a in enumerate(drafts) for b in drafts[i + 1:]):
        return drafts
    return [Draft.joined(*drafts)]


def shift_day_after(sentence_text: str, offset: int, mention: DateMention) -> DateMention | None:
    """"on Sunday, a day after a raid …": the raid was on Saturday."""
    m = _DAY_AFTER.match(sentence_text[mention.end - offset:])
    if not m:
        return None
    step = -1 if m[1].lower() == "after" else 1
    import datetime as dt

    if mention.date_start:
        d = dt.date.fromisoformat(mention.date_start) + dt.timedelta(days=step)
        return DateMention(mention.start, mention.end, mention.text, d.isoformat(), d.isoformat(),
                           mention.precision, "event", {})
    weekday = mention.partial.get("weekday")
    if weekday:
        index = _WEEKDAY_NAMES.index(weekday.capitalize())
        shifted = _WEEKDAY_NAMES[(index + step) % 7]
        return DateMention(mention.start, mention.end, mention.text, None, None, "unknown", "event",
                           {"weekday": shifted})
    return None


_ATTRIBUTIVE = re.compile(
    r"^(?:\s+(?:suburb|district|neighbou?rhood|quarter|village|town|area)\s+of\b|-(?:based|backed|led|born|made|brokered)|\s+(?:President|Secretary|Minister|Ministry|official|"
    r"officials|envoy|special|military|army|forces|troops|government|authorities|embassy|ambassador|"
    r"administration|officer|drones?|warplanes|air\s+force|intelligence|Treasury|State\s+Department|"
    r"Congress|Senate|dollars?|sanctions|policy|citizens?|nationals?|national|media|press|state\s+media))\b"
)
# "Um Sunut village of Wad Rawah area": the name after "of" is the container, not the place.
_CONTAINER_AFTER = re.compile(
    r"\s+(?:village|town|area|locality)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,4}"
    r"(?:area|district|region|province|state|State|county|locality|municipality|Local\s+Government)\b")
# An official's area is named in the title, not as the place of the event.
_JURISDICTION = re.compile(
    r"^\s+(?:[Rr]ange|(?:district\s+|provincial\s+)?police\s+(?:chief|superintendent|commissioner|spokes\w+|head)|"
    r"[Ss]uperintendent|deputy\s+commissioner|(?:district\s+)?collector|inspector|governor|mayor|"
    r"SP|SSP|DIG|IGP?)\b")
_OFFICE_OF = re.compile(
    r"\b(?:inspector[- ]general|superintendent|commissioner|governor|mayor|(?:IGP?|DIG|SSP|SP))"
    r"(?:\s+of\s+police)?(?:\s*\([A-Z]+\))?\s*(?:of|,|for)\s*(?:the\s+)?$", re.IGNORECASE)
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'’/-]*)?$")
# "N'DJAMENA, Oct 28 (Reuters) -", "Niamey (AFP) -", "BEIRUT (AP) —": where the story was filed.
_WIRE_DATELINE = re.compile(
    r"^[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[A-Z][A-Za-z'’ .-]{1,40}?(?:,\s*[A-Z][A-Za-z .'’-]{1,30}){0,2}"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    rf"\((?:{'|'.join(WIRE_AGENCIES)})\)(?:\s*[-–—:]|[ \t]+(?=[A-Z]))",
    re.MULTILINE,
)


def wire_dateline_spans(body: str) -> list[tuple[int, int]]:
    """Datelines with a wire agency's tag ("BAGHDAD, May 3 (Reuters) -"); places.dateline_spans
    finds the filed-from lines of any outlet."""
    return [m.span() for m in _WIRE_DATELINE.finditer(body)]


def is_reference_place(body: str, sentence_start: int, mention: PlaceMention) -> bool:
    """A place the sentence uses as a landmark, an origin or an adjective, not where it happened."""
    if _REFERENCE_PLACE_SCAN.search_in(body, max(sentence_start, mention.start - 60), mention.start):
        return True
    after = body[mention.end:mention.end + 30]
    if _ATTRIBUTIVE.match(after) and (mention.place.geo_precision == "country" or " of" in after[:25]) \
            and not _CONTAINER_AFTER.match(body, mention.end):
        return True  # "US forces", "UK-based", "the Damascus suburb of …"
    if _REPORTED_BY.match(after):
        return True  # "The Irrawaddy reported", "Damascus said": a source, not a scene
    if mention.place.geo_precision == "country" and _BY_BEFORE.search(body, max(0, mention.start - 4), mention.start):
        return True  # "were attacked by Russia": the attacker, not the scene
    if _JURISDICTION.match(after):
        return True  # "Bastar Range inspector general", "Kirkuk police chief": an office's area
    if _OFFICE_OF.search(body, max(sentence_start, mention.start - 40), mention.start):
        return True  # "the inspector general of police, Bastar Range"
    # A dateline ("DAMASCUS/ ALEPPO:") names where the story was filed.
    if mention.surface.isupper() and len(mention.surface) > 3:
        line_start = body.rfind("\n", 0, mention.start) + 1
        head = body[line_start:mention.start]
        rest = re.match(r"^[A-Z .,'’/-]*\s*(?:\([^)]{1,30}\)\s*)?[:—–-]", body[mention.end:mention.end + 40])
        if _DATELINE.match(head) and rest:
            return True
    return False


_RELATIVE_DAY = re.compile(r"(?i)(?:overnight|tonight|today|earlier today|this morning|(?:throughout|during) the night)")


def before_its_report(mention: DateMention, reports: list[DateMention]) -> DateMention:
    """A day the text gives relative to now ("overnight", "today") is read against the
    publication date; when the sentence says the source spoke earlier ("killed in overnight
    fighting, emergency services said Friday" in Saturday's paper), the event is before that
    statement: the night before Friday."""
    import datetime as dt

    said = min((r.date_start for r in reports if r.date_start and r.precision == "day"), default=None)
    if said is None or not mention.date_end or mention.date_end <= said or not _RELATIVE_DAY.fullmatch(mention.text):
        return mention
    back = dt.date.fromisoformat(mention.date_end) - dt.date.fromisoformat(said)
    start, end = (dt.date.fromisoformat(d) - back for d in (mention.date_start, mention.date_end))
    return replace(mention, date_start=start.isoformat(), date_end=end.isoformat())


_APPOSITIVE = re.compile(r",[^,.;:\n]{1,60},")


def is_report_date(body: str, sentence_start: int, mention: DateMention) -> bool:
    """A date of a statement ("the ministry said on Monday") or of the page itself."""
    after = body[mention.end:mention.end + 60]
    if _POSSESSIVE.match(after):
        return False  # "said Saturday's raid": the raid's date
    if is_page_date(body, mention):
        return True
    if mention.kind in ("since", "historical"):
        return False  # "claimed 130 lives since November": a period, never a statement's day
    said = _REPORT_DATE_SCAN.search_in(body, max(sentence_start, mention.start - 60), mention.start)
    if said and not _NEW_CLAUSE.search(said["between"]):
        return True
    found = _DISCOVERY_DATE.search(body, max(sentence_start, mention.start - 90), mention.start)
    if found and not _NEW_CLAUSE.search(found["between"]):
        return True  # "the bodies were found on Tuesday"
    # "Police on Monday said", "Babagana Zulum, governor of Borno, on Sunday confirmed" (the
    # speaker's title set off by commas is not counted).
    if _REPORT_DATE_AFTER.match(after) and (mention.precision == "day" or "weekday" in mention.partial) and (
            len(_APPOSITIVE.sub(" ", body[sentence_start:mention.start]).split()) <= 5
            # "13 persons were on Monday confirmed killed": a passive statement
            or _PASSIVE_BEFORE.search(body, max(sentence_start, mention.start - 12), mention.start)):
        return True
    if not (mention.precision == "day" or "weekday" in mention.partial):
        return False  # "In August, an official said that ...": a month or a year dates the news
    opening = not body[sentence_start:mention.start].strip(" \n\t“\"‘'") or re.fullmatch(
        r"[\s“\"‘']*(?:late|early)?\s*on\s*", body[sentence_start:mention.start], re.IGNORECASE)
    # "On Monday, the army said", "On Tuesday, we found the bodies of 11 civilians"
    return bool(opening and (_REPORT_DATE_OPENING.match(after) or _DISCOVERY_OPENING.match(after)))


def is_page_date(body: str, mention: DateMention) -> bool:
    """The page's own date: labelled ("date 2024-09-16", "Published: ..."), alone on its line
    with a time ("October 3, 2020 3:09 pm"), or in a dateline ("MARAWI (MindaNews / 10 August) —")."""
    line_start = body.rfind("\n", 0, mention.start) + 1
    line_end = body.find("\n", mention.end)
    line_end = len(body) if line_end < 0 else line_end
    head = body[line_start:mention.start]
    if _FURNITURE_LABEL.search(head[-30:]):
        return True
    tail = body[mention.end:line_end]
    if _OPENING_DATELINE.match(head) and _DATELINE_CLOSE.match(tail):
        return True  # "Guayaquil, Ecuador, (UrduPoint / Pakistan Point News - 20th Jun, 2023 ) :"
    if line_start < LEAD_CHARS and _PLACE_COMMA.match(head) and mention.precision == "day" \
            and not re.search(r"\d{4}", mention.text) and re.match(r"\s+(?:\([^()\n]{1,30}\)\s*)?[A-Z]", tail):
        return True  # "United Nations, Jan 20 The armed militia ...", "New Delhi, Jan 20 (IANS) Two ..."
    if len(head) > 45:
        return False  # deep in a line of text
    if len(head) + len(tail) < 60 and _FURNITURE_LINE.match(head + " " + tail):
        return True
    return bool(_PAREN_DATELINE.match(head) and _DATELINE_CLOSE.match(tail))


_GENERIC_PLURAL = re.compile(rf"(?:{phrases(GENERIC_PLURALS)})$", re.IGNORECASE)
_PLURAL_DETERMINER = re.compile(rf"\b(?:{phrases(PLURAL_DETERMINERS)}|\d+)\s+(?:[\w’'-]+\s+){{0,2}}$", re.IGNORECASE)
# "the conflict has", "the decade-long insurgency, which has", "a decades-long conflict that
# has killed thousands": a tally of the whole conflict.
_TALLY_OF = rf"(?:the|an?|this)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{phrases(CONFLICT_NOUNS)})\s*,?\s+(?:that\s+|which\s+)?(?:has|have)"
# "since the Gaza war broke out", "killed by separatist violence", "more than seven months of
# war": the dead of a period or of a whole conflict, not of one event.
_SINCE_CONFLICT = rf"since\s+(?:[\w’'-]+\s+){{0,4}}?(?:{phrases(CONFLICT_NOUNS)})"
_KILLED_BY_CONFLICT = rf"(?:has|have)\s+(?:\w+\s+)?been\s+killed\s+by\s+(?:[\w’'-]+\s+){{0,2}}?(?:{phrases(CONFLICT_NOUNS)})"
_CONFLICT_SPELL = rf"(?:days|weeks|months|years)\s+of\s+(?:[\w’'-]+\s+)?(?:{phrases(CONFLICT_NOUNS)})"  # "seven months of war"
# A sentence that opens on a span of years tells what they added up to, not one event.
_OPENS_ON_A_PERIOD = re.compile(
    r"\s*(?:in|over|during|within)\s+(?:the\s+)?(?:(?:past|last|previous)\s+)?(?:\w+|\d+)\s+(?:years|decades)\b"
    r"|\s*(?:in|over|during)\s+the\s+(?:past|last|previous)\s+decade\b", re.IGNORECASE)
# "in the January-June period", "in the first half of the year", "in the first six months":
# what a span of months added up to (a monitor's report), not one event.
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_SPAN_OF_MONTHS = (rf"{_MONTHS}\s*[-–]\s*{_MONTHS}\s+period|in\s+the\s+first\s+(?:half|quarter)\s+of|"
                   r"in\s+the\s+(?:first|past|last)\s+(?:six|three|nine)\s+months")
_STATISTIC = re.compile(rf"\b(?:{phrases(BACKGROUND_STATISTIC)}|{_TALLY_OF}|{_SINCE_CONFLICT}|{_KILLED_BY_CONFLICT}|"
                        rf"{_CONFLICT_SPELL}|{_SPAN_OF_MONTHS})\b",
                        re.IGNORECASE)
# "Violent confrontations between criminal groups ... have recently killed at least a dozen
# people", "Attacks by bandits have claimed 200 lives": a kind of violence, said without a
# determiner, and what it has added up to.
_GENERIC_TALLY = re.compile(
    rf"\s*(?!(?:{phrases(PLURAL_DETERMINERS)}|\d+)\b)(?:[\w’'-]+\s+)?(?:{phrases(GENERIC_PLURALS)}|confrontations)\b"
    r"[^.;:]{0,160}?\b(?:have|has)\s+(?:\w+ly\s+)?(?:killed|claimed|left)\b", re.IGNORECASE)
# Each phrase's most telling word: the phrase regex runs only in sentences holding one.
_COMMON = {"the", "this", "a", "an", "in", "of", "has", "have", "been", "so", "for", "since", "far"}
_STATISTIC_KEYS = re.compile("|".join(sorted({max((w for w in p.split() if w not in _COMMON), key=len)
                                               for p in BACKGROUND_STATISTIC} | set(CONFLICT_NOUNS)
                                              | {"period", "half", "quarter", "months"})))


def generic_plural(sentence: str, at: int, trigger_text: str) -> bool:
    """"cross-border attacks", "planning attacks": a kind of violence, not an event."""
    return (trigger_text[-1:] in "sS" and bool(_GENERIC_PLURAL.search(trigger_text))
            and not _PLURAL_DETERMINER.search(sentence[max(0, at - 40):at]))


def earlier_than(dates: list[DateMention], reference: str | None, days: int = 30) -> bool:
    """Do all these dates end well before the reference date (ISO)? Unresolved ones count when
    they say so ("last month", "last year")."""
    import datetime as dt

    if not dates:
        return False
    limit = dt.date.fromisoformat(reference) - dt.timedelta(days=days) if reference else None
    for d in dates:
        if d.date_start:
            if limit is None or dt.date.fromisoformat(d.date_end or d.date_start) >= limit:
                return False
        elif not re.search(r"\b(?:last|previous|past)\s+(?:month|year)|months?\s+ago|years?\s+ago",
                           d.partial.get("relative", "")):
            return False
    return True


LEAD_SENTENCES = 3


def lead_event(facts_list: list[SentenceFacts]) -> None:
    """An article none of whose sentences anchors an event by itself may still report one in
    its lead ("The junta confirmed a deadly air strike on a village in Sagaing region"): the
    first of its opening sentences with a strong trigger, a place or a date, and no sign of
    background is the event."""
    if any(f.eventful for f in facts_list):
        return
    lead = facts_list[:LEAD_SENTENCES]
    for i, f in enumerate(lead):
        if f.background or not f.strong_kinds - {"release"}:
            continue
        # Its place or date may be in the sentence before ("Gunmen in X on Monday. They
        # attacked ..."); a plural with a date of its own is one event ("missile strikes").
        anchor = next((a for a in (f, *reversed(lead[:i])) if a.places or a.dates or a.report_dates), None)
        if anchor is None or anchor.background:
            continue
        dated = bool(f.dates or f.report_dates)
        if not dated and all(generic_plural(f.sentence.text, t.start - f.sentence.start, t.text)
                             for t in f.triggers if t.kind in f.strong_kinds):
            continue
        for g in lead[lead.index(anchor):i + 1]:
            g.__dict__["eventful"] = True
        return


# "... were injured in Kyiv", "two in Kherson", "killed in Ukraine's region of Kharkiv": the
# place a count is told of.
_LOCATED_GAP = re.compile(r"[ \t]+(?:(?:[\w’'-]+[ \t]+){0,3}?(?:in|at)[ \t]+(?:the[ \t]+)?"
                          r"(?:[\w’'-]+[ \t]+){0,3}?)?$")
LOCATED_WITHIN = 40


def _located(body: str, count: Count, places: list[PlaceMention]) -> PlaceMention | None:
    for p in places:
        if p.start < count.end or p.start > count.end + LOCATED_WITHIN:
            continue
        if p.place.geo_precision != "country" and _LOCATED_GAP.match(body, count.end, p.start):
            return p
    return None


def split_by_place(body: str, drafts: list[Draft]) -> list[Draft]:
    """One incident per place (ACLED's rule): a report whose figures are told place by place
    ("Two people were killed in Kharkiv ... Three men were injured in Kyiv, and two in
    Kherson") is one incident for each place, sharing the date, kind and actors of the
    sentences that name no other place."""
    out = []
    for draft in drafts:
        located = [(f, c, _located(body, c, f.places)) for f in draft.facts for c in f.counts]
        spots: list[PlaceMention] = []
        for _f, _c, p in located:
            if p is not None and not any(places_compatible(p, q) for q in spots):
                spots.append(p)
        if len(spots) < 2:
            out.append(draft)
            continue
        where = {id(c): p for _f, c, p in located if p is not None}
        for k, spot in enumerate(spots):
            facts = []
            for f in draft.facts:
                counts = [c for c in f.counts if (id(c) in where and places_compatible(where[id(c)], spot))
                          or (id(c) not in where and k == 0)]
                places = [p for p in f.places if p.place.geo_precision == "country" or places_compatible(p, spot)]
                others = [p for p in f.places if p.place.geo_precision != "country" and not places_compatible(p, spot)]
                if counts or (k == 0 and not others) or (places and not f.counts) or not (f.places or f.counts):
                    facts.append(replace(f, counts=counts, places=places))
            if any(f.counts for f in facts):
                out.append(Draft(facts))
    return out


def lead_place(drafts: list[Draft], facts_list: list[SentenceFacts]) -> None:
    """The article's first incident, placed in no more than a country, takes the place its
    opening sentences give ("The killing of civilians in the Jonglei region of South Sudan has
    been condemned ... Reports suggest 45 people were killed when ... attacked a village"), and
    one placed in a province a finer place ("a deadly air strike on a village in the Sagaing
    region ... at Pazi Gyi village"): each opening sentence with such a place joins it, until
    one disagrees on date, place or kind of event."""
    if not drafts:
        return
    first = drafts[0]
    finest = first.finest
    if finest > PRECISION_RANK["province"]:
        return
    opening = []
    for f in facts_list[:LEAD_SENTENCES]:
        if f in first.facts or f.background or f.sentence.start > first.facts[0].sentence.start:
            continue
        if not any(PRECISION_RANK.get(p.place.geo_precision, 0) > max(finest, PRECISION_RANK["country"])
                   for p in f.places):
            continue
        if places_conflict(first, f) or dates_conflict(first, f) or kinds_conflict(first, f):
            break
        opening.append(f)
    first.facts[:0] = opening


def named_place(drafts: list[Draft], facts_list: list[SentenceFacts]) -> None:
    """An incident placed in no more than a country by its own sentences takes the finer place
    the sentences telling of it name: in an article of one incident, the one such place the
    whole article names ("Jihadists attacked a military camp in central Mali ... The Mondoro
    base, located near the border, has been targeted before"); in an article of several, the
    one named by the first sentence after it that names one, before the next incident begins
    ("the strike killed five young men near a mosque ... Israeli forces had closed all entrances
    to Tubas"). Only the place is taken, not that sentence's figures or dates."""
    starts = [d.facts[0].sentence.start for d in drafts]
    for i, draft in enumerate(drafts):
        if draft.finest > PRECISION_RANK["country"]:
            continue
        countries = {p.place.country_code for p in draft.places if p.place.country_code}
        found: list[tuple[SentenceFacts, PlaceMention]] = []
        if len(drafts) == 1:
            found = [(f, p) for f in facts_list if f not in draft.facts for p in _finer_places(f, countries)]
        else:
            end = starts[i + 1] if i + 1 < len(drafts) else math.inf
            for f in facts_list:
                if draft.facts[-1].sentence.start < f.sentence.start < end and not f.background \
                        and f not in draft.facts and (places := _finer_places(f, countries)):
                    found = [(f, p) for p in places]
                    break
        if len({p.place.name for _, p in found}) != 1:
            continue
        f, p = found[0]
        draft.facts.append(replace(f, counts=[], dates=[], report_dates=[], actors=[], triggers=[],
                                   places=[p], attribution=None))


def _finer_places(f: SentenceFacts, countries: set[str]) -> list[PlaceMention]:
    """The places finer than a country a sentence names in the incident's countries, not as a
    point of reference."""
    return [p for p in f.places if PRECISION_RANK.get(p.place.geo_precision, 0) > PRECISION_RANK["country"]
            and (not p.place.country_code or not countries or p.place.country_code in countries)
            and not given_as_reference(f.sentence.text, p, f.sentence.start)]


def named_day(drafts: list[Draft], facts_list: list[SentenceFacts]) -> None:
    """An article that reports one incident and dates it by none of its own sentences takes
    the one event day its other sentences give ("More than 30 gunmen were waiting for them
    Monday ... Thirteen officers were killed"). Only the date is taken; statement days and
    background are not."""
    if len(drafts) != 1 or any(m.precision == "day" for m in drafts[0].dates):
        return
    draft = drafts[0]
    # (not a sentence that opens another incident: "In an unrelated incident on Friday, ...")
    found = [(f, d) for f in facts_list if f not in draft.facts and not f.background and not f.new_event_cue
             for d in f.dates if d.precision == "day" and d.kind == "event"]
    if len({d.date_start for _, d in found}) != 1 or places_conflict(draft, found[0][0]):
        return
    f, d = found[0]
    draft.facts.append(replace(f, counts=[], dates=[d], report_dates=[], actors=[], triggers=[],
                               places=[], attribution=None))


_RECALLED_DAY = re.compile(
    rf"['’]s[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:incident|{phrases(NEW_EVENT_NOUNS)}|violence|killings?|massacre|"
    rf"attacks|raids|clashes|strikes)\b", re.IGNORECASE)


def recalled_day(drafts: list[Draft], facts_list: list[SentenceFacts]) -> None:
    """An incident whose own sentences give no day takes the one a later sentence gives it by
    name ("Benin's army has not communicated on Tuesday's incident"), when the article names
    one such day only: else the announcement day ("sources said on Wednesday") would stand."""
    used = {id(f) for d in drafts for f in d.facts}
    recalled = [f for f in facts_list if id(f) not in used and not f.counts and not f.background
                and any(d.precision == "day" and _RECALLED_DAY.match(f.sentence.text, d.end - f.sentence.start)
                        for d in f.dates)]
    days = {d.date_start for f in recalled for d in f.dates}
    undated = [d for d in drafts if not any(m.precision == "day" for m in d.dates)]
    if len(days) != 1 or len(undated) != 1:
        return
    draft = undated[0]
    for f in recalled:
        if not places_conflict(draft, f):
            draft.facts.append(f)
            draft.facts.sort(key=lambda x: x.sentence.start)


def passing_mentions(facts_list: list[SentenceFacts]) -> None:
    """Earlier events mentioned in passing: after the article's first event, a sentence whose
    dates all end a month or more before it is background ("Last month, 12 soldiers were
    killed in ...", "after seizing the capital in December 2023")."""
    eventful = [f for f in facts_list if f.eventful]
    if not eventful:
        return
    # The article's news: the first event with a date (or the date its statement was made).
    first = next((f for f in eventful if any(d.date_start for d in f.dates + f.report_dates)), eventful[0])
    reference = next((d.date_start for d in first.dates + first.report_dates if d.date_start), None)
    if any("relative" in d.partial and earlier_than([d], None) for d in first.dates):
        return  # the article's news is itself old ("last month"): nothing to compare with
    mention = None  # the paragraph of the last passing mention
    for f in facts_list:
        if f.sentence.start <= first.sentence.start:
            continue
        if earlier_than(f.dates, reference) if reference else earlier_than(f.dates, None):
            f.mark_background()
            mention = f.sentence.paragraph
        elif mention == f.sentence.paragraph and f.refers_back and not f.dates:
            f.mark_background()  # "... were killed in the attack": the earlier event's details
        else:
            mention = None


# "these attacks", "such incidents": many events, named by the sentence before.
_THESE_EVENTS = re.compile(
    r"\b(?:these|those|such|the)\s+(?:\w+\s+)?(?:attacks|incidents|operations|killings|assaults|raids|bombings|"
    r"strikes|clashes)\b", re.IGNORECASE)


def tallied_back(facts_list: list[SentenceFacts]) -> None:
    """A sentence that counts "these attacks" of a background sentence just before it, and
    dates no event of its own, is background too ("Since early 2022, ISIS carried out 129
    attacks ... SOHR said these attacks left 91 persons dead")."""
    for before, f in zip(facts_list, facts_list[1:]):
        if before.background and not f.background and f.counts and not f.dates \
                and _THESE_EVENTS.search(f.sentence.text):
            f.mark_background()


def background(sentence: str, dates: list[DateMention], counts: list[Count],
               latest_year: int | None = None, body: str | None = None, start: int = 0,
               eventish: bool = True) -> bool:
    """`body` and `start`, when given, locate the sentence in the article (a faster search);
    `eventish` says whether it has counts or triggers (else no statistic is looked for)."""
    def old(d: DateMention) -> bool:
        if d.kind in ("historical", "since", "future"):
            return True
        # Without a publication date, the latest year the article names stands in for "now".
        return bool(latest_year and d.date_start and d.precision == "year"
                    and int(d.date_start[:4]) < latest_year - 1)
    if dates and all(old(d) for d in dates):
        return True
    keyed = eventish and _STATISTIC_KEYS.search(WordIndex.of(body).folded, start, start + len(sentence)) if body is not None \
        else _STATISTIC_KEYS.search(sentence.lower())
    if (keyed and _STATISTIC.search(sentence) or eventish and _GENERIC_TALLY.match(sentence)) \
            and not any(d.kind == "event" and d.precision == "day" for d in dates):
        return True  # "More than 40,000 people have died in the conflict"
    if eventish and _OPENS_ON_A_PERIOD.match(sentence):
        return True  # "In three years, the region has suffered 5,300 attacks claiming 16,000 lives"
    cue = (_BACKGROUND_SCAN.search_in(body, start, start + len(sentence), sentence) if body is not None
           else _BACKGROUND.search(sentence))
    if cue:
        numeric = [c for c in counts if c.value is not None and c.qualifier != "vague" and c.field in EVENT_FIELDS]
        if not numeric and cue[0].lower().startswith("a ") and any(
                d.kind == "event" and d.precision in ("day", "week") for d in dates):
            return False  # "between 3 and 9 June, a series of raids": a campaign, dated
        return not numeric or any(d.kind in ("historical", "since") for d in dates)
    return False
