"""Counts of people killed, wounded, arrested, abducted or released, and items seized.

A count is a quantity ("three", "at least 12", "a dozen", "a" before a singular noun) whose
noun names people, linked to a verb either before it ("killed three ISIL fighters", "the
arrest of 71 operatives") or after it ("one security officer was killed"). The noun decides
the party: militant, security, civilian or unknown. "four others" takes the party of the
count before it; "two of whom were security forces" is a breakdown of the count before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.extract.numbers import Quantity

SECURITY = (r"soldiers?|troops?|(?:police\s+)?officers?|policem[ae]n|policewom[ae]n|police|"
            r"personnel|servicem[ae]n|service\s+members?|(?:security\s+)?guards?|gendarmes?|"
            r"peshmerga|commandos?|paratroopers?|conscripts?|recruits?|sailors?|airm[ae]n|"
            r"pilots?|border\s+guards?|rangers?|militiam[ae]n|vigilantes?")
MILITANT = (r"fighters?|militants?|jihadists?|jihadis|insurgents?|terrorists?|extremists?|"
            r"operatives?|gunm[ae]n|bandits?|assailants?|attackers?|rebels?|(?:suicide\s+)?bombers?|"
            r"emirs?|infiltrators?|kidnappers?|combatants?|elements|planners?")
CIVILIAN = (r"civilians?|villagers?|residents?|worshippers?|worshipers?|farmers?|herders?|"
            r"herdsm[ae]n|children|child|women|woman|students?|pupils?|schoolchildren|"
            r"school\s*girls?|schoolboys?|passengers?|traders?|fishermen|fisherman|pilgrims?|"
            r"mourners?|shoppers?|bystanders?|miners?|motorists?|travell?ers?|teachers?|"
            r"journalists?|aid\s+workers?|doctors?|nurses?|patients?|refugees?|displaced\s+persons?|"
            r"idps|churchgoers?|congregants?|wedding\s+guests?|boys?|girls?|elders?|imams?|"
            r"clerics?|infants?|babies|baby|family\s+members|relatives|workers?|employees?|"
            r"labou?rers?|drivers?|truck\s+drivers?|vendors?|hunters?|loggers?")
UNKNOWN = (r"people|persons?|individuals?|men|man|others|bodies|dead|victims?|members?|"
           r"suspects?|prisoners?|detainees?|inmates?|hostages?|captives?|youths?|leaders?|"
           r"commanders?|officials?|figures?|associates?|affiliates?|accomplices?|collaborators?|"
           r"informants?|ringleaders?|masterminds?|perpetrators?")
OPERATIONS = r"raids?|operations?|air\s*strikes?|strikes?|sorties|missions?|ambushes"

_NOUN = re.compile(
    rf"\b(?:(?P<security>{SECURITY})|(?P<militant>{MILITANT})|(?P<civilian>{CIVILIAN})|"
    rf"(?P<unknown>{UNKNOWN})|(?P<operations>{OPERATIONS}))\b(?P<poss>['’]s?)?",
    re.IGNORECASE,
)
# Words that end a noun phrase before its noun is found.
_BREAK = re.compile(
    r"\b(?:in|on|at|during|after|before|were|was|are|is|have|has|had|and|or|but|when|while|"
    r"who|which|that|to|for|with|by|from|as|since|than|per|km|kilometres|kilometers|miles|"
    r"years?|months?|weeks?|days?|hours?|minutes?|times|percent|per\s?cent|%)\b",
)  # case-sensitive: "IS" (the group) is not the verb "is"
_MILITANT_HINT = re.compile(
    r"\b(?:IS|ISIS|ISIL|Daesh|Islamic\s+State|jihadist|jihadi|cell|Boko\s+Haram|ISWAP|JNIM|"
    r"al-Shabaab|Shabaab|Qaeda|HTS|group|militant|insurgent|terrorist|extremist|armed\s+group|"
    r"rebel|ISGS|Ansaru|bandit)\b",
    re.IGNORECASE,
)
_SECURITY_HINT = re.compile(
    r"\b(?:security|police|army|military|forces|troops|armed\s+forces|government|defen[cs]e|"
    r"interior|gendarmerie|national\s+guard|coast\s+guard|peshmerga|counter-terrorism|intelligence)\b",
    re.IGNORECASE,
)
_CIVILIAN_HINT = re.compile(r"\b(?:civilian|family|villag|displaced)\w*", re.IGNORECASE)

_ADV = r"(?:(?:\w+ly|also|reportedly|allegedly|later|all|both|subsequently|then|eventually|initially|each|themselves|so\s+far|yet)\s+)*"
_AUX = r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|have|has|had|are|is|being|got|been|be|to\s+have\s+been|who\s+were|who\s+was|who\s+had)\s+)?"

# field: (after the noun phrase: passive or intransitive, before it: active or nominal)
_VERBS = {
    "killed": (
        r"killed|shot\s+dead|shot\s+and\s+killed|slain|murdered|massacred|executed|beheaded|"
        r"neutrali[sz]ed|eliminated|dead|died|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|"
        r"perished|succumbed|burn(?:ed|t)\s+to\s+death|hacked\s+to\s+death|stabbed\s+to\s+death|"
        r"gunned\s+down|blew\s+(?:himself|themselves)\s+up|deaths?\b",
        r"killed|killing|kills?|slew|slaying|massacred|massacring|executed|executing|"
        r"neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|shot\s+dead|gunned\s+down|"
        r"claimed\s+the\s+lives\s+of|left|leaving|"
        r"(?:the\s+)?deaths?\s+of|(?:the\s+)?killing\s+of|(?:the\s+)?neutrali[sz]ation\s+of|"
        r"(?:the\s+)?elimination\s+of|(?:the\s+)?bodies\s+of|"
        r"death\s+toll(?:\s+\w+){0,3}?\s+(?:to|of|at|included|includes|reached|stood\s+at|stands\s+at|rose\s+to|climbed\s+to|was|is)|"
        r"among\s+the\s+(?:dead|deceased|killed|victims|fatalities)\s+(?:were|was|are|is)",
    ),
    "wounded": (
        r"wounded|injured|hurt|maimed|sustained\s+(?:\w+\s+)?(?:injuries|wounds)|hospitali[sz]ed",
        r"wounded|wounding|wounds?|injured|injuring|injures?|maimed|(?:the\s+)?injur(?:y|ies)\s+of|leaving|left",
    ),
    "arrested": (
        r"arrested|detained|captured|apprehended|taken\s+into\s+custody|rounded\s+up|nabbed|"
        r"held\s+in\s+custody|in\s+custody|taken\s+prisoner",
        r"arrested|arresting|arrests?|detained|detaining|detains?|captured|capturing|captures?|"
        r"apprehended|apprehending|rounded\s+up|nabbed|"
        r"(?:the\s+)?arrests?\s+of|(?:the\s+)?detention\s+of|(?:the\s+)?capture\s+of",
    ),
    "abducted": (
        r"abducted|kidnapped|taken\s+hostage|taken\s+captive|seized\s+by",
        r"abducted|abducting|abducts?|kidnapped|kidnapping|kidnaps?|"
        r"(?:the\s+)?abduction\s+of|(?:the\s+)?kidnapping\s+of",
    ),
    "released": (
        r"freed|released|set\s+free|pardoned|rescued|liberated",
        r"freed|freeing|frees?|released|releasing|releases?|rescued|rescuing|pardoned|"
        r"(?:the\s+)?release\s+of|(?:the\s+)?rescue\s+of",
    ),
}
_AFTER = re.compile(
    r"^(?:\s+and\s+(?:[^.;:,]{0,60}?\s)??)?\s*,?\s*" + _AUX + _ADV
    + "(?:" + "|".join(f"(?P<{f}>{after})" for f, (after, _) in _VERBS.items()) + r")\b",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    "(?:" + "|".join(f"(?P<{f}>\\b(?:{before}))" for f, (_, before) in _VERBS.items()) + r")"
    r"\s+(?:(?:the|some|another|also|nearly|about|at\s+least|more\s+than|a\s+further|an\s+additional|"
    r"as\s+many\s+as|up\s+to|over|around|all|at)\s+)*$",
    re.IGNORECASE,
)
_POSSESSIVE_DEATH = re.compile(r"^['’]s\s+(?P<killed>death|killing)\b", re.IGNORECASE)
_PARTITIVE = re.compile(r"^\s+of\s+(?:whom|them|those|these|the)\b", re.IGNORECASE)
_SUBCOUNT = re.compile(r"^\s+of\s+(?:whom|them)\s+(?:were|was|are|being)?\s*", re.IGNORECASE)
_INCLUDING = re.compile(r"(?:including|among\s+them|among\s+whom|of\s+whom)\s+$", re.IGNORECASE)
# "a member of ...", "A third man", "the main suspect": one person.
_SINGULAR = re.compile(
    r"\b(?:(?P<indef>an?|another|one)\s+(?:(?:second|third|fourth|fifth|further)\s+)?|"
    r"(?P<def>the)\s+(?:main|prime|chief|key|alleged|suspected|presumed)\s+)"
    r"(?=(?:[\w“”\"'’-]+\s+){0,4}?(?:member|officer|soldier|policeman|policewoman|man|woman|"
    r"child|boy|girl|civilian|fighter|militant|jihadist|suspect|guard|commander|leader|planner|"
    r"official|resident|villager|worshipper|farmer|student|gendarme|personnel|operative|"
    r"insurgent|terrorist|bomber|perpetrator|mastermind|ringleader|emir|journalist|teacher|"
    r"driver|trader|herder|cleric|imam|chief|peshmerga|recruit|conscript|pilot|worker)\b)",
    re.IGNORECASE,
)
_ITEMS_AFTER = re.compile(
    r"\b(?P<verb>seized|confiscated|recovered|captured|impounded|the\s+confiscation\s+of|"
    r"the\s+seizure\s+of|the\s+recovery\s+of)\s+(?P<obj>[^.;]{3,160}?)(?=,\s+(?:the|a|an|according|"
    r"said|it|he|she|they|authorities|officials|police)\b|[.;]|$|\s+(?:in|at|from|during)\s+(?:the\s+)?"
    r"(?:raid|operation|house|hideout|site|location|area|vehicle|car))",
    re.IGNORECASE,
)
_ITEMS_PASSIVE = re.compile(
    r"(?P<obj>[^.;,]{3,120}?)\s+(?:in\s+their\s+possession\s+)?(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+|also\s+)?(?P<verb>seized|confiscated|recovered|impounded)\b",
    re.IGNORECASE,
)
_ITEM_WORDS = re.compile(
    r"\b(?:weapons?|arms|rifles?|guns?|ammunition|ammunitions|explosives?|explosive|vests?|belts?|"
    r"bombs?|ieds?|devices?|grenades?|rockets?|missiles?|mortars?|drones?|vehicles?|cars?|"
    r"motorcycles?|motorbikes?|trucks?|uniforms?|cash|money|documents?|drugs|captagon|"
    r"materials?|equipment|launchers?|rounds|cartridges|magazines|detonators?|stockpiles?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    field: str  # killed | wounded | arrested | abducted | released | seized | operations
    start: int
    end: int
    value: int | None
    qualifier: str
    party: str  # militant | security | civilian | unknown
    value_text: str
    of_count: int | None = None  # index of the count this one breaks down ("two of whom")


def _party(noun_phrase: str, group: str | None) -> str:
    if group in ("security", "militant", "civilian"):
        return group
    if _SECURITY_HINT.search(noun_phrase) and not _MILITANT_HINT.search(
        re.sub(r"\bsecurity\s+forces?\b", "", noun_phrase, flags=re.I)
    ):
        return "security"
    if _MILITANT_HINT.search(noun_phrase):
        return "militant"
    if _CIVILIAN_HINT.search(noun_phrase):
        return "civilian"
    return "unknown"


def _noun_phrase(text: str, start: int, limit: int = 70) -> tuple[re.Match | None, int]:
    """The person (or operation) noun heading the phrase that starts at `start`."""
    window = text[start:start + limit]
    for m in _NOUN.finditer(window):
        if _BREAK.search(window, 0, m.start()):
            return None, start
        if len(window[:m.start()].split()) > 5:
            return None, start
        # "security forces members": keep going past a modifier that is itself a noun.
        after = window[m.end():]
        nxt = _NOUN.match(after.lstrip()) if after[:1] == " " else None
        if nxt and nxt.group(0).lower() not in ("others",) and not m.group("poss"):
            m2_start = m.end() + (len(after) - len(after.lstrip()))
            return _shift(nxt, start + m2_start), start + m2_start + nxt.end()
        return _shift(m, start), start + m.end()
    return None, start


class _Shifted:
    """A regex match with offsets moved into article coordinates."""

    def __init__(self, m: re.Match, offset: int):
        self.m, self.offset = m, offset

    def group(self, name=0):
        return self.m.group(name)

    def start(self):
        return self.m.start() + self.offset

    def end(self):
        return self.m.end() + self.offset

    @property
    def lastgroup(self):
        for name in ("security", "militant", "civilian", "unknown", "operations"):
            if self.m.group(name):
                return name
        return None


def _shift(m: re.Match, offset: int) -> _Shifted:
    return _Shifted(m, offset)


def _field_of(m: re.Match) -> str:
    return next(name for name, value in m.groupdict().items() if value)


def find_counts(text: str, start: int, end: int, quantities: list[Quantity]) -> list[Count]:
    """Counts in text[start:end] (one sentence), in order of appearance."""
    sentence = text[start:end]
    counts: list[Count] = []
    # Quantities, and singular noun phrases that count one person.
    items: list[Quantity] = [q for q in quantities if start <= q.start < end]
    for m in _SINGULAR.finditer(sentence):
        s = start + m.start()
        if any(q.start <= s < q.end for q in items):
            continue
        items.append(Quantity(s, s + len(m.group(0).rstrip()), 1, "exact", m.group(0).strip()))
    items.sort(key=lambda q: q.start)
    for q in items:
        count = _count_at(text, start, end, q, counts)
        if count is not None:
            counts.append(count)
    counts.extend(_seizures(text, start, end))
    return counts


def _count_at(text: str, start: int, end: int, q: Quantity, previous: list[Count]) -> Count | None:
    rest = text[q.end:end]
    # "two of whom were security forces" / "One of the two dead": a part of an earlier count.
    if _PARTITIVE.match(rest):
        sub = _SUBCOUNT.match(rest)
        if not sub or not previous:
            return None
        noun, noun_end = _noun_phrase(text, q.end + sub.end())
        if noun is None:
            forces = re.match(r"(?:the\s+)?(?:\w+\s+){0,2}?(?:security\s+forces|police|army|soldiers)", text[q.end + sub.end():end], re.I)
            if not forces:
                return None
            party, noun_end = "security", q.end + sub.end() + forces.end()
        else:
            party = _party(text[q.end:noun_end], noun.lastgroup)
        base = previous[-1]
        if party == base.party or base.field == "seized":
            return None
        return Count(base.field, q.start, noun_end, q.value, q.qualifier, party,
                     text[q.start:noun_end], of_count=len(previous) - 1)
    if re.search(r"\bthe\s+$", text[max(start, q.start - 5):q.start]) and not _BEFORE.search(
        text[max(start, q.start - 80):q.start]
    ):
        return None  # "the two dead", "the three men": people already counted
    noun, noun_end = _noun_phrase(text, q.end)
    if noun is None:
        # "7 dead and 12 injured": the participle stands for the noun.
        bare = re.match(r"\s+(?P<killed>dead|killed)\b|\s+(?P<wounded>injured|wounded|hurt)\b",
                        text[q.end:end], re.I)
        if bare and q.value is not None:
            return Count(_field_of(bare), q.start, q.end + bare.end(), q.value, q.qualifier,
                         "unknown", text[q.start:q.end + bare.end()])
        # "five were killed", "scores were injured": the quantity stands for the people.
        after = re.match(r"\s+(?:were|have\s+been|had\s+been|have|had)\s", text[q.end:end])
        after = after and _AFTER.match(text[q.end:end])
        if after:
            return Count(_field_of(after), q.start, q.end + after.end(), q.value, q.qualifier,
                         "unknown", q.text)
        return None
    group = noun.lastgroup
    if noun.group(0).lower() == "dead" and not _BEFORE.search(text[max(start, q.start - 80):q.start]):
        return Count("killed", q.start, noun_end, q.value, q.qualifier, "unknown", text[q.start:noun_end])
    # "a member of Syria's security forces was killed": the of-phrase names who they are.
    of_phrase = re.match(r"\s+of\s+(?:[\w’'()“”-]+\s+){0,5}?[\w’'()“”-]+(?=\s+(?:who\s+)?(?:were|was|had|have|has|being|are|is|died|killed)\b|\s*[,.;]|$)",
                         text[noun_end:end])
    if of_phrase and group in ("unknown", None):
        noun_end += of_phrase.end()
    phrase = text[q.end:noun_end]
    if group == "operations":
        before = _BEFORE.search(text[max(start, q.start - 60):q.start])
        after = re.match(r"^\s*(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:carried\s+out|conducted|launched)",
                         text[noun_end:end], re.I)
        verb_ok = re.search(r"\b(?:carried\s+out|conducted|launched|involved|staged|mounted|executed)\s+$",
                            text[max(start, q.start - 40):q.start], re.I)
        if q.value and (verb_ok or after or "campaign" in text[start:end].lower()):
            return Count("operations", q.start, noun_end, q.value, q.qualifier, "unknown", text[q.start:noun_end])
        return None
    party = _party(phrase, group)
    if noun.group(0).lower() == "others" and previous:
        party = previous[-1].party
    # The verb: right before the quantity (active, nominal), else after the noun phrase.
    before = _BEFORE.search(text[max(start, q.start - 80):q.start])
    including = _INCLUDING.search(text[max(start, q.start - 30):q.start])
    if including and previous:
        base = previous[-1]
        return Count(base.field, q.start, noun_end, q.value, q.qualifier, party,
                     text[q.start:noun_end], of_count=len(previous) - 1)
    if before:
        field = _field_of(before)
        if field in ("wounded", "killed") and re.match(r"(?:left|leaving)$", before.group(field), re.I):
            if noun.group(0).lower() == "dead":
                return Count("killed", q.start, noun_end, q.value, q.qualifier, party, text[q.start:noun_end])
            after = _AFTER.match(text[noun_end:end])
            if not after or _field_of(after) not in ("killed", "wounded"):
                return None
            field = _field_of(after)
            return Count(field, q.start, noun_end + after.end(), q.value, q.qualifier, party,
                         text[q.start:noun_end])
        span_start = max(start, q.start - 80) + before.start()
        return Count(field, span_start, noun_end, q.value, q.qualifier, party, text[q.start:noun_end])
    if noun.group("poss"):
        death = _POSSESSIVE_DEATH.match(text[noun.end() - len(noun.group("poss")):end])
        if death:
            return Count("killed", q.start, noun.end() + death.end() - len(noun.group("poss")),
                         q.value, q.qualifier, party, text[q.start:noun_end])
    after = _AFTER.match(text[noun_end:end])
    if after:
        field = _field_of(after)
        return Count(field, q.start, noun_end + after.end(), q.value, q.qualifier, party,
                     text[q.start:noun_end])
    return None


def _seizures(text: str, start: int, end: int) -> list[Count]:
    sentence = text[start:end]
    out = []
    for m in list(_ITEMS_AFTER.finditer(sentence)) + list(_ITEMS_PASSIVE.finditer(sentence)):
        if m.re is _ITEMS_AFTER and sentence[m.start("obj"):m.start("obj") + 1] in "“\"":
            quoted = re.match(r"[“\"]([^”\"]{3,200})[”\"]", sentence[m.start("obj"):])
            if quoted:
                obj = quoted[1]
                out.append(Count("seized", start + m.start("verb"), start + m.start("obj") + quoted.end(),
                                 None, "vague", "unknown", obj))
                continue
        obj = m.group("obj").strip(" ,“”\"")
        if not _ITEM_WORDS.search(obj):
            continue
        number = re.match(r"(\d[\d,]*)\s", obj)
        value = int(number[1].replace(",", "")) if number else None
        obj_start = start + m.start("obj")
        if m.re is _ITEMS_PASSIVE:
            # The passive subject starts after the last clause boundary.
            lead = re.search(r"^(?:.*(?:,|\bthat\b)\s+)?", m.group("obj"))
            trim = lead.end() if lead and len(m.group("obj")) - lead.end() > 8 else 0
            obj = m.group("obj")[trim:].strip(" ,“”\"")
            obj_start = start + m.start("obj") + trim
            if not _ITEM_WORDS.search(obj):
                continue
        out.append(Count("seized", min(obj_start, start + m.start("verb")), start + m.end(),
                         value, "exact" if value else "vague", "unknown", obj))
    return out
