"""Counts of people killed, wounded, arrested, abducted or released, and items seized.

A count is a quantity ("three", "at least 12", "a dozen", "a" before a singular noun) whose
noun names people, linked to a verb either before it ("killed three ISIL fighters", "the
arrest of 71 operatives") or after it ("one security officer was killed"). The noun decides
the party: militant, security, civilian or unknown. "four others" takes the party of the
count before it; "two of whom were security forces" is a breakdown of the count before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from casefile.extract.actors import nationality_adjectives
from casefile.extract.anchors import AnchoredPattern, WordIndex
from casefile.extract.numbers import Quantity
from casefile.extract.vocabulary import (
    ADDITIVE_AFTER, ADDITIVE_BEFORE, RESTATEMENT_VERBS, STATEMENT_VERBS, TOLL_EVENT_WORDS, TOLL_NOUNS, TOLL_OF_BACKGROUND,
    TOLL_PUT_VERBS, TOLL_RAISE_VERBS, phrases)

SECURITY = (r"soldiers?|troops?|(?:police\s+)?officers?|policem[ae]n|policewom[ae]n|police|"
            r"lieutenants?|captains?|majors?|colonels?|sergeants?|corporals?|privates?|generals?|"
            r"personnel|servicem[ae]n|service\s+members?|(?:security\s+)?guards?|gendarmes?|"
            r"peshmerga|commandos?|paratroopers?|conscripts?|recruits?|sailors?|airm[ae]n|"
            r"pilots?|border\s+guards?|rangers?|militiam[ae]n|vigilantes?|peacekeepers?|blue\s+helmets?|jawans?")
MILITANT = (r"fighters?|militants?|jihadists?|jihadis|insurgents?|terrorists?|extremists?|"
            r"operatives?|gunm[ae]n|bandits?|assailants?|attackers?|rebels?|(?:suicide\s+)?bombers?|"
            r"emirs?|infiltrators?|kidnappers?|combatants?|elements|planners?|maoists?|naxals?|naxalites?|cadres?")
CIVILIAN = (r"civilians?|villagers?|residents?|worshippers?|worshipers?|farmers?|herders?|shepherds?|"
            r"nomads?|merchants?|"
            r"herdsm[ae]n|children|child|women|woman|students?|pupils?|schoolchildren|"
            r"school\s*girls?|schoolboys?|passengers?|traders?|fishermen|fisherman|pilgrims?|"
            r"mourners?|shoppers?|bystanders?|passers?-?by|passerby|miners?|motorists?|travell?ers?|teachers?|"
            r"journalists?|aid\s+workers?|doctors?|nurses?|patients?|refugees?|displaced\s+persons?|"
            r"idps|churchgoers?|congregants?|(?:wedding\s+)?guests?|attendees?|spectators?|protesters?|demonstrators?|boys?|girls?|elders?|imams?|"
            r"clerics?|infants?|babies|baby|family\s+members|relatives|workers?|employees?|"
            r"labou?rers?|drivers?|truck\s+drivers?|vendors?|hunters?|loggers?")
UNKNOWN = (r"people|persons?|person|individuals?|men|man|others|bodies|corpses|lives|dead|fatalit(?:y|ies)|deaths|victims?|members?|aides?|"
           r"deputies|deputy|bodyguards?|sons?|brothers?|"
           r"suspects?|prisoners?|detainees?|inmates?|hostages?|captives?|youths?|leaders?|"
           r"commanders?|officials?|figures?|associates?|affiliates?|accomplices?|collaborators?|"
           r"informants?|ringleaders?|masterminds?|perpetrators?|contractors?|volunteers?")
OPERATIONS = r"raids?|operations?|air\s*strikes?|strikes?|sorties|missions?|ambushes"


def _demonym_plurals() -> str:
    """"Palestinians", "Somalis", "Sudanese": people named by their country (party unknown)."""
    plurals = {w if w.endswith(("ese", "s")) else w + "s" for w in nationality_adjectives()}
    return "|".join(re.escape(w) for w in sorted(plurals, key=len, reverse=True))


UNKNOWN += "|" + _demonym_plurals()

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

_WHEN = (r"(?:(?:late\s+|early\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?"
         r"|yesterday|today|overnight|last\s+night)")  # "were on Tuesday gunned down"
_ADV = (r"(?:(?:(?!fatally\b)\w+ly|also|reportedly|allegedly|later|all|both|subsequently|then|eventually|initially|each|"
        r"themselves|so\s+far|yet|confirmed|reported|feared|presumed|" + _WHEN + r")\s+)*")  # "were reported killed"
# "have died", but not "A local affiliate of Daesh has killed hundreds": with a bare has or have
# the participle is active, and what comes before it is the killer, not the dead.
_ACTIVE_AFTER_HAVE = (r"(?!\s+(?:\w+ly\s+|also\s+)?(?:killed|slain|murdered|massacred|executed|beheaded|"
                      r"neutrali[sz]ed|eliminated|shot|gunned|injured|wounded|arrested|detained|abducted|"
                      r"kidnapped|captured|freed|released|rescued)\b)")
_AUX = (r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|(?:have|has|had)" + _ACTIVE_AFTER_HAVE
        + r"|are|is|being|got|been|be|to\s+have\s+been|who\s+were|who\s+was|who\s+had)\s+)?")

# field: (after the noun phrase: passive or intransitive, before it: active or nominal)
_VERBS = {
    "killed": (
        r"killed|shot\s+dead|shot\s+and\s+killed|slain|murdered|massacred|executed|beheaded|"
        r"neutrali[sz]ed|eliminated|dead|died|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|"
        r"perished|succumbed|burn(?:ed|t)\s+(?:to\s+death|beyond\s+recognition)|hacked\s+to\s+death|"
        r"stabbed\s+to\s+death|fatally\s+(?:shot|hit|struck|wounded|injured|stabbed)|"
        r"gunned\s+down|blew\s+(?:himself|themselves)\s+up|deaths?\b|martyred|fell|had\s+fallen|"
        r"(?:were|was)\s+found\s+dead|found\s+dead|(?:were\s+)?(?:found|recovered|discovered|retrieved)(?=\s)",
        r"killed|killing|kills?|slew|slaying|massacred|massacring|executed|executing|beheaded|beheading|"
        r"neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|shot\s+dead|gunned\s+down|"
        r"fatally\s+(?:shot|shooting|wounded|wounding|injured|injuring|stabbed|stabbing)|"
        r"(?:claimed|claiming|cost|costing|took|taking)\s+the\s+lives\s+of|left|leaving|"
        r"(?:the\s+)?deaths?\s+of|(?:the\s+)?killing\s+of|(?:the\s+)?neutrali[sz]ation\s+of|"
        r"(?:the\s+)?elimination\s+of|(?:the\s+)?bodies\s+of|"
        r"(?:death\s+)?toll(?:\s+[\w’']+){0,6}?\s+(?:to|of|at|included|includes|reached|stood\s+at|stands\s+at|rose\s+to|climbed\s+to|was|is)|"
        r"among\s+the\s+(?:dead|deceased|killed|victims|fatalities)\s+(?:were|was|are|is)",
    ),
    "wounded": (
        r"wounded|injured|hurt|maimed|(?:sustained|suffered)\s+(?:\w+\s+)?(?:injuries|wounds)|hospitali[sz]ed",
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
    r"^[”\"']?(?:\s+and\s+(?:[^.;:,]{0,60}?\s)??)?(?:\s*,[^,.;]{1,50},)?\s*,?\s*" + _AUX + _ADV
    + "(?:" + "|".join(f"(?P<{f}>{after})" for f, (after, _) in _VERBS.items()) + r")\b",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    "(?:" + "|".join(f"(?P<{f}>\\b(?:{before}))" for f, (_, before) in _VERBS.items()) + r")"
    r"\s+(?:(?:the|some|another|also|nearly|about|at\s+least|more\s+than|a\s+further|an\s+additional|"
    r"as\s+many\s+as|up\s+to|over|around|all|at|"
    # "shot dead on Sunday six fighters"
    r"(?:(?:late|early)\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|overnight)\s+)*[“\"']?$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"[ \t]*(?:[–—][^–—\n]{1,80}[–—]|\([^()\n]{1,80}\)|,[ \t]+(?:including|among\s+them)[^,\n]{1,60},)"
                         # unpunctuated: "11 villagers including a child were killed"
                         r"|[ \t]+(?:including|among\s+them)\s+[^,.;:\n]{1,60}?(?=\s+(?:were|was|had\s+been|have\s+been|died)\b)")
_ELLIPSIS_BEFORE = re.compile(r"(?:,|\band)[ \t]+$")
_ELLIPSIS_PLACE = re.compile(r"[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?[A-Z]")
_DEATHS_CAUSED = re.compile(r"\b(?:resulting\s+in|resulted\s+in|causing|caused|with|leaving|left|reported|recorded|"
                            r"confirmed)[ \t]+(?:\w+[ \t]+)?$"
                            # an item of a list or a heading: "a total of 300 shells, 33 civilian deaths"
                            r"|[,:;][ \t]*(?:and[ \t]+)?$", re.IGNORECASE)
_DEAD_BEFORE_NOUN = re.compile(r"[ \t]+dead[ \t]+(?=[a-z])")
_HURT_BEFORE_NOUN = re.compile(r"[ \t]+(?:wounded|injured)[ \t]+(?=[a-z])")
_DEAD_NOUN_VERBS = {
    noun: re.compile(rf"\b(?:{verbs})\s+(?:(?:at\s+least|more\s+than|nearly|about|some|over|another)\s+)?$", re.IGNORECASE)
    for nouns, verbs in ((("lives",), r"claimed|claiming|cost|costing|took|taking"),
                         (("bodies", "corpses"), r"recovered|recovering|found|retrieved|exhumed|discovered|pulled\s+out"))
    for noun in nouns}
_POSSESSIVE_DEATH = re.compile(r"^['’]s\s+(?P<killed>death|killing)\b", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"^\s+of\s+(?P<whom>whom|them)\b|^\s+of\s+(?:the|those|these|our|his|their|its|her)\b", re.IGNORECASE)
# "including a colonel and a major": every person named after "including" is a breakdown.
_INCLUDING = re.compile(r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
                        r"(?:[^,.;:]{0,40}?\s(?:and|,)\s+)?$", re.IGNORECASE)
_ORDINAL_ONE = re.compile(
    r"\b(?:an?|another)\s+(?:second|third|fourth|fifth|sixth|further)\b(?=\s+(?:was|were|had|died|is))"
    r"|\banother\b(?=\s+(?:was|were|had\s+been|died|is|person|one)\b)",
    re.IGNORECASE,
)
_PERSON_WORD = "|".join((SECURITY, MILITANT, CIVILIAN, UNKNOWN))
# "a member of ...", "A third man", "the main suspect": one person.
_SINGULAR = re.compile(
    r"\b(?:(?P<indef>an?|another|one)\s+(?:(?:second|third|fourth|fifth|further)\s+)?|"
    r"(?P<def>the)\s+(?:main|prime|chief|key|alleged|suspected|presumed)\s+)"
    # "a former commander", not "a list of 44 people"
    rf"(?=(?:(?!of\s|\d[\d,.]*\s)[\w“”\"'’-]+\s+){{0,4}}?(?:{_PERSON_WORD})\b)",
    re.IGNORECASE,
)
# Nouns that name people of either side: the context decides.
# Who the people of an arrest or a kidnapping are, when their noun does not say: people
# arrested as suspects, informants or for an attack are taken as militants (ACLED codes
# arrests of suspected members and collaborators so); hostages and captives as civilians.
_ACCUSED = re.compile(
    r"\b(?:suspects?|informants?|collaborators?|accomplices?|affiliates?|associates?|ringleaders?|"
    r"masterminds?|perpetrators?)\b", re.IGNORECASE)
_ACCUSED_OF = re.compile(
    r"^\s*,?\s*(?:who\s+(?:were|are|had\s+been)\s+)?(?:allegedly\s+|reportedly\s+)?"
    r"(?:involved\s+in|responsible\s+for|behind|linked\s+to|tied\s+to|connected\s+(?:to|with)|"
    r"belonging\s+to|affiliated\s+(?:to|with)|accused\s+of|suspected\s+of|members?\s+of|working\s+for|"
    r"(?:who\s+)?(?:carried\s+out|planned|took\s+part\s+in|participated\s+in))\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:(?:attacks?|bombings?|blasts?|explosions?|ambush(?:es)?|assaults?|"
    r"killings?|murders?|assassinations?|plots?|kidnappings?|abductions?|terror\w*|cells?|networks?)\b"
    rf"|{_MILITANT_HINT.pattern})", re.IGNORECASE)
_CAPTIVES = re.compile(
    r"\b(?:hostages?|captives?|abductees?|victims?|people|persons?|individuals?|men|man|youths?|"
    r"sons?|brothers?|relatives)\b", re.IGNORECASE)
_PRISONERS = re.compile(r"\b(?:prisoners?|detainees?|inmates?|convicts?|suspects?)\b", re.IGNORECASE)


def _party_by_role(field: str, party: str, phrase: str, after: str) -> str:
    if party != "unknown":
        return party
    if field == "arrested" and (_ACCUSED.search(phrase) or _ACCUSED_OF.match(after)):
        return "militant"
    if field in ("abducted", "released") and _CAPTIVES.search(phrase) and not _PRISONERS.search(phrase):
        return "civilian"
    return party


_SPEAKS = re.compile(r"\s+(?:(?:\w+ly|also|later)\s+)?(?:said|says|told|added|adds|recalled|explained|"
                     r"stated|confirmed|reported|recounted)\b", re.IGNORECASE)
_AMBIGUOUS = re.compile(r"^(?:fighters?|members?|men|man|combatants?|elements|gunmen)$", re.IGNORECASE)
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


_ATTACKERS = re.compile(r"\b(?:attackers?|assailants?|(?:suicide\s+)?bombers?|raiders|gunmen)\b", re.IGNORECASE)


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
    # "update": a toll statement ("the death toll has risen to 19") that supersedes the same
    # source's earlier figures; "other": people in addition to those counted before; "part":
    # some of the people counted before ("among the dead was a commander"); "attackers": the
    # militants who attacked, counted apart from the people they killed.
    role: str | None = None


@dataclass(frozen=True)
class Side:
    """An actor named in the text, reduced to the side it fights on."""

    start: int
    end: int
    party: str  # security | militant | civilian


def _party(noun_phrase: str, group: str | None, sides: list[Side] = ()) -> str:
    # An actor inside the phrase decides: "SDF fighters", "14 VDP members", "ISIS members".
    if sides:
        return sides[0].party
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


def _noun_phrase(text: str, start: int, end: int, limit: int = 70) -> tuple[re.Match | None, int]:
    """The person (or operation) noun heading the phrase that starts at `start`."""
    window_end = min(start + limit, end)
    window = text[start:window_end]
    # Only the first noun is read (every branch below returns).
    m = _NOUN_SCAN.search_in(text, start, window_end, window)
    if m is not None:
        if _BREAK.search(window, 0, m.start()) or "," in window[:m.start()]:
            return None, start  # "rose to 19, police said": the speaker, not the dead
        if len(window[:m.start()].split()) > 5:
            return None, start
        if window.count(")", 0, m.start()) > window.count("(", 0, m.start()):
            return None, start  # "ERBIL (Kurdistan 24) – A fighter was killed": the number ends a name
        # "security forces members": keep going past a modifier that is itself a noun.
        after = window[m.end():]
        nxt = _NOUN.match(after.lstrip()) if after[:1] == " " else None
        if nxt and nxt.group(0).lower() not in ("others",) and not m.group("poss"):
            m2_start = m.end() + (len(after) - len(after.lstrip()))
            return _Shifted(nxt, start + m2_start), start + m2_start + nxt.end()
        return _Shifted(m, start), start + m.end()
    return None, start


# Scanned only where a match can start (see anchors.py): same matches as the patterns.
_NOUN_SCAN = AnchoredPattern(_NOUN)
_BEFORE_SCAN = AnchoredPattern(_BEFORE)
_SINGULAR_SCAN = AnchoredPattern(_SINGULAR)
_ORDINAL_ONE_SCAN = AnchoredPattern(_ORDINAL_ONE)


# A figure's noun in a list of parties ("34 volunteers", "six soldiers"), and what joins two.
_LIST_ITEM_NOUN = re.compile(r"(?:[ \t]+(?!(?:and|or|more|others?|other|were|was|of|had|have)\b)[a-z][\w-]*){1,3}?"
                             # "34 auxiliaries from the Volunteers for the Defence of the Fatherland (VDP)"
                             r"(?:[ \t]+(?:from|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|for|of|the))*"
                             r"(?:[ \t]+\([A-Z]{2,}\))?)?(?=,|[ \t]+and\b|[ \t]*[.;:]|[ \t]*$|[ \t]+(?:in|on|at|were|had|have|after|during|while|according)\b)")
_LIST_GLUE = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
_LIST_GLUE_AND_AHEAD = re.compile(r"[^.;:]{0,60}?\band\b")
# Compiled once (the re module's cache costs a look-up per call).
_TOLL_WORDS = ("toll", "number of", "body count", "fatality count")  # else the sentence states no toll
_TOLL_BEFORE = re.compile(
    rf"\b(?:(?P<put>(?:{phrases(TOLL_PUT_VERBS)})\s+(?:the\s+|a\s+|its\s+|their\s+)?"
    rf"(?:{phrases(TOLL_NOUNS['killed'])})\s+(?:at|of)"
    rf"|(?:{phrases(TOLL_RAISE_VERBS)})\s+(?:the\s+|its\s+|their\s+)?(?:{phrases(TOLL_NOUNS['killed'])})\s+to)"
    rf"|(?P<noun>(?P<killed>{phrases(TOLL_NOUNS['killed'])})|(?P<wounded>{phrases(TOLL_NOUNS['wounded'])}))"
    rf"\b[^.;:]{{0,140}}?\b(?:{phrases(RESTATEMENT_VERBS)}))\s+$",
    re.IGNORECASE)
_SINGULAR_PREDICATE = re.compile(r"\s*,\s*(?:was|had\s+been|has\s+been|died)\b", re.IGNORECASE)
_TO_DEATH_BEFORE = re.compile(r"\b(?:burned|burnt|burning|beat|beating|stoned|stoning|hacked|hacking|"
                              r"bludgeoned|clubbed|stabbed|stabbing|shot|shooting|tortured|starved)\s+$",
                              re.IGNORECASE)
_TO_DEATH_AFTER = re.compile(r"\s+to\s+death\b", re.IGNORECASE)
_RISEN_BARE = re.compile(r"\b(?:risen|rose|climbed)\s+$", re.IGNORECASE)
_TOLL_OF_BACKGROUND = re.compile(rf"\b(?:{phrases(TOLL_OF_BACKGROUND)})\b", re.IGNORECASE)
_TOLL_EVENT = re.compile(rf"\b(?:{phrases(TOLL_EVENT_WORDS)})\b", re.IGNORECASE)
_ADDITIVE_AFTER = re.compile(rf"\s+(?:{phrases(ADDITIVE_AFTER)})\b", re.IGNORECASE)
_ADDITIVE_BEFORE = re.compile(rf"\b(?:{phrases(ADDITIVE_BEFORE)})\s+$", re.IGNORECASE)


def _additive(text: str, q: Quantity, end: int, sentence_start: int) -> bool:
    """"two other people", "four more bodies", "a further three": not the people counted before."""
    if q.text.lower().startswith("another"):
        return True
    return bool(_ADDITIVE_AFTER.match(text, q.end, end)
                or _ADDITIVE_BEFORE.search(text, max(sentence_start, q.start - 15), q.start))


# A person's own relatives ("her husband and two children", "his two sons"): told
# by one witness, they are some of the victims.
_KIN_BEFORE = re.compile(r"\b(?:[Hh]er|[Hh]is)\s+(?:[\w-]+\s+){0,3}$")
# "one of her relatives had been killed", "two of them died": some of a group already counted.
_PARTITIVE_AFTER = re.compile(r"[ \t]+of[ \t]+(?:her|his|their|them|those|these|whom)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# Its words hold no clause of their own: not "an official from Dessa on Sunday confirmed that 19
# people were killed" (a statement, then another count).
_NOT_IN_OF_PHRASE = rf"(?!(?:and|or|that|{phrases(STATEMENT_VERBS)})\b)(?!\d[\d,.]*\s)"
_OF_PHRASE = re.compile(
    rf"\s+(?:of|from)\s+(?:{_NOT_IN_OF_PHRASE}[\w’'()“”-]+\s+){{0,12}}?{_NOT_IN_OF_PHRASE}[\w’'()“”-]+"
    r"(?=\s+(?:who\s+)?(?:were|was|had|have|has|being|are|is|died|killed|lost|perished|succumbed)\b"
    r"|\s*[,.;]|\s+and\s+(?:\d|an?\s)|$)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;]|and\b|$)")
_BARE = re.compile(r"\s+(?:\w+ly\s+)?(?:(?P<killed>dead|killed)|(?P<wounded>injured|wounded|hurt))\b", re.I)
_BARE_VERB = re.compile(r"\s+(?:were|was|have\s+been|had\s+been|have|had|died)\b")


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


def _field_of(m: re.Match) -> str:
    return next(name for name, value in m.groupdict().items() if value and name in _VERBS)


class _Reader:
    """Reads the counts of one sentence, left to right, remembering the ones before."""

    def __init__(self, text: str, start: int, end: int, sides: list[Side], context: list[Count],
                 quantities: list[Quantity] = ()):
        self.text, self.start, self.end = text, start, end
        self.sides = [s for s in sides if start <= s.start < end]
        self.context = context  # counts of the sentences before, for "others"
        self.counts: list[Count] = []
        self.tentative: set[int] = set()  # parties guessed from the count before (a toll)
        self.quantities = quantities  # the sentence's figures, for lists ("34 volunteers and six soldiers")
        self.consumed: set[int] = set()  # starts of figures already read as a part of a list
        folded = WordIndex.of(text).folded
        self.mentions_toll = any(folded.find(w, start, end) >= 0 for w in _TOLL_WORDS)

    def add(self, count: Count) -> None:
        """Keep a count; "a lieutenant and two soldiers" become one count of three."""
        last = self.counts[-1] if self.counts else None
        if not (last and count.of_count is None and last.of_count is None and last.field == count.field
                and last.value is not None and count.value is not None):
            self.counts.append(count)
            return
        gap = self._gap(last, count)
        if last.value == count.value == 1 and gap.strip() == "," and self._singular_predicate_after(count):
            return  # "a woman, a resident of the village, was killed": one person, named twice
        end = max(last.end, count.end)
        if ("update" not in (last.role, count.role) and last.party == count.party
                and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap)):
            self.counts[-1] = Count(last.field, last.start, end, last.value + count.value, last.qualifier,
                                    last.party, self.text[last.start:end])
            return
        if (last.role is None and count.role is None and "unknown" in (last.party, count.party)
                and last.party != count.party and re.fullmatch(r"\s*(?:and|,\s*and)\s*", gap)):
            # "four civilians and two members of the agency were killed": people of no stated
            # party beside a party's count are more of the dead, not a total holding them; the
            # list is one toll of six, the civilians a part of it.
            named = last if last.party != "unknown" else count
            self.counts[-1] = Count(last.field, last.start, end, last.value + count.value, last.qualifier,
                                    "unknown", self.text[last.start:end])
            self.counts.append(replace(named, of_count=len(self.counts) - 1, role="part"))
            return
        self.counts.append(count)

    def _singular_predicate_after(self, count: Count) -> bool:
        noun = self.text.find(count.value_text, count.start, self.end)
        return noun >= 0 and bool(_SINGULAR_PREDICATE.match(self.text, noun + len(count.value_text)))

    def _gap(self, last: Count, count: Count) -> str:
        """What lies between two counts' people: "killing a lieutenant | and | two soldiers",
        or, when the verb comes after both ("Five rangers | and | a soldier were killed", one
        span holding the other), between the first one's noun phrase and the second."""
        if last.end <= count.start:
            return self.text[last.end:count.start]
        noun = self.text.find(last.value_text, last.start, count.start)
        return self.text[noun + len(last.value_text):count.start] if noun >= 0 else ""

    def settle(self) -> list[Count]:
        """A toll that the sentence breaks down by party ("two of whom …") stays unknown."""
        broken_down = {c.of_count for c in self.counts if c.of_count is not None}
        return [replace(c, party="unknown")
                if i in self.tentative and i in broken_down else c for i, c in enumerate(self.counts)]

    def previous(self) -> Count | None:
        people = [c for c in self.context[-4:] + self.counts if c.field not in ("seized", "operations")]
        return people[-1] if people else None

    def sides_in(self, a: int, b: int) -> list[Side]:
        return [s for s in self.sides if a <= s.start < b]

    def subject_party(self, before: int) -> str | None:
        """The side of the first actor before the verb: its victims are the other side."""
        first = next((s for s in self.sides if s.start < before), None)
        if first is None:
            return None
        return {"security": "militant", "militant": "security"}.get(first.party)

    def verb_before(self, q_start: int) -> re.Match | None:
        window_start = max(self.start, q_start - 80)
        m = _BEFORE_SCAN.search_in(self.text, window_start, q_start)
        return m, window_start

    def count(self, field, a, b, q, party, value_text, of=None, tentative=False, role=None) -> Count:
        if tentative:
            self.tentative.add(len(self.counts))
        party = _party_by_role(field, party, value_text, self.text[b:self.end])
        if role is None and of is None and _additive(self.text, q, b, self.start):
            # More of what was counted ("31 dead ... six injured ... seven other bodies"), not
            # "killed one, wounded four others".
            # ("killed 12 soldiers and wounded six others": others than the dead, however
            # many wounded an earlier sentence counted)
            if any(c.field == field for c in self.context[-4:] + self.counts) \
                    and not (self.counts and self.counts[-1].field != field):
                role = "other"
        if role is None and _KIN_BEFORE.search(self.text, max(self.start, q.start - 40), q.start):
            role = "part"  # "her husband and two children were killed": some of the dead, not a toll
        if role is None and _PARTITIVE_AFTER.match(self.text, q.end):
            role = "part"  # "one of her relatives had been killed": some of the dead
        if role is None and _AMONG_THE_DEAD.search(self.text, q.start, b):
            role = "part"  # "One woman and her child were among those killed": some of them
        if role is None and _ONE_OF_SEVERAL.match(self.text, b, min(self.end, b + 80)) \
                and any(c.field == field for c in self.context[-4:] + self.counts):
            role = "part"  # "four civilians were killed in the first strike": some of those counted
        if role is None and field in ("killed", "wounded") and q.value is not None \
                and (_SUBGROUP.fullmatch(value_text) or value_text == q.text) and any(
                    c.field == field and c.role is None and c.party in ("civilian", "unknown")
                    and c.value is not None and c.value > q.value for c in self.context[-4:] + self.counts):
            # "killed seven civilians ... Two elderly women were killed immediately": some of them,
            # told one by one, not a second, smaller toll; so is a number without a noun ("we
            # have lost six people. One was shot dead"): one of those just counted
            role = "part"
        if role is None and field == "killed" and party == "militant" and _ATTACKERS.search(value_text):
            role = "attackers"  # "six attackers were also killed": not among the people they killed
        return Count(field, a, b, q.value, q.qualifier, party, value_text, of, role)

    def breakdown(self, q: Quantity, noun_end: int, party: str) -> Count:
        """Some of the people the count before holds, by party ("38 people, including six
        women", "seven people, three of whom were policemen"): never a toll of its own."""
        return self.count(self.counts[-1].field, q.start, noun_end, q, party, self.text[q.start:noun_end],
                          len(self.counts) - 1, role="part")

    def toll(self, q: Quantity) -> Count | None:
        """"the death toll has risen to 19", "officials put the toll at 35": a total, and the
        source's latest word on it."""
        if not self.mentions_toll:
            return None
        window_start = max(self.start, q.start - 180)
        m = _TOLL_BEFORE.search(self.text, window_start, q.start)
        if m is None:
            return None
        if not m["put"]:
            if q.qualifier == "exact" and _RISEN_BARE.search(m.group(0)):
                return None  # "rose 20 percent": only "rose above 20", "rose to 20" state a toll
            between = self.text[m.end("noun"):q.start]
            if _TOLL_OF_BACKGROUND.search(between):
                return None  # "the death toll of the war has risen to 40,000": a statistic
            if m["noun"].lower().startswith("number") and not _TOLL_EVENT.search(between):
                return None  # "the number of deaths rose to 2,000": a statistic
        field = "killed" if m["put"] or m["killed"] else "wounded"
        noun, noun_end = _noun_phrase(self.text, q.end, self.end)
        party = "unknown"
        end = q.end
        if noun is not None and noun.lastgroup != "operations":
            party = _party(self.text[q.end:noun_end], noun.lastgroup, self.sides_in(q.start, noun_end))
            end = noun_end
        listed = self._listed_with(q)
        if listed:
            # "the death toll was 34 volunteers and six soldiers": the toll is the list's sum.
            parties = {_party(self.text[x.end:e], n.lastgroup, self.sides_in(x.start, e)) if n is not None
                       and n.lastgroup != "operations" else "unknown" for x, n, e in listed}
            party = parties.pop() if len(parties) == 1 else "unknown"
            end = listed[-1][2]
            q = Quantity(q.start, q.end, sum(x.value for x, _, _ in listed), q.qualifier, q.text)
            self.consumed.update(x.start for x, _, _ in listed[1:])
        same = [c for c in self.context[-4:] + self.counts if c.field == field]
        tentative = party == "unknown" and bool(same) and not listed
        if tentative:
            party = same[-1].party  # "the toll stood at 34" after "killing 30 soldiers"
        start = m.start("put") if m["put"] else m.start("noun")
        return self.count(field, start, end, q, party, self.text[q.start:end], role="update",
                          tentative=tentative)

    def _listed_with(self, q: Quantity) -> list[tuple[Quantity, re.Match | None, int]]:
        """The figures of a list that starts at `q` ("34 volunteers, six soldiers and two
        police officers"), each with its noun and end; empty when `q` begins no list."""
        out, at = [], q
        while at is not None and at.value is not None:
            head = _LIST_ITEM_NOUN.match(self.text, at.end, self.end)
            if head is None:
                break
            noun, noun_end = _noun_phrase(self.text, at.end, head.end())
            out.append((at, noun, head.end()))
            glue = _LIST_GLUE.match(self.text, head.end(), self.end)
            # "12 soldiers, three police officers and ...": a comma goes on only to an "and".
            if glue is None or "and" not in glue.group() and not _LIST_GLUE_AND_AHEAD.match(self.text, glue.end(), self.end):
                break
            at = next((x for x in self.quantities if x.start == glue.end()), None)
        return out if len(out) > 1 else []

    def read(self, q: Quantity) -> Count | None:
        text, end = self.text, self.end
        toll = self.toll(q)
        if toll is not None:
            return toll
        rest = text[q.end:end]
        partitive = _PARTITIVE.match(rest)
        if partitive:
            return self._partitive(q, partitive)
        before, window_start = self.verb_before(q.start)
        if _THE_BEFORE.search(text[max(self.start, q.start - 5):q.start]) and (
                not before or any(c.value == q.value for c in self.context[-4:] + self.counts)):
            return None  # "the two dead", "the bodies of the four": people already counted
        lookback = max(self.start, q.start - 70)
        including = _INCLUDING.search(text[lookback:q.start])
        if including and self.counts and self.counts[-1].start <= lookback + including.start() < self.counts[-1].end \
                and q.start >= self.counts[-1].end:
            including = None  # past the apposition of the count before ("seven soldiers including a major were wounded")
        noun, noun_end = _noun_phrase(text, q.end, end)
        if noun is None:
            return self._bare(q, before, window_start)
        group = noun.lastgroup
        if group == "operations":
            return self._operations(q, noun_end)
        # "a member of Syria's security forces": the of-phrase says who they are.
        of_phrase = _OF_PHRASE.match(text[noun_end:end])
        phrase_end = noun_end = noun_end + (of_phrase.end() if of_phrase else 0)
        phrase = text[q.end:phrase_end]
        party = _party(phrase, group, self.sides_in(q.start, phrase_end))
        word = noun.group(0).lower()
        previous = self.previous()
        if (word == "others" or q.text.lower().startswith("another")) and previous and party == "unknown":
            party = previous.party
        if including and self.counts:
            base = self.counts[-1]
            if party in (base.party, "unknown"):
                return None  # "seven civilians, including four women", "including a commander": no new party
            return self.breakdown(q, noun_end, party)
        deaths = word in ("fatalities", "fatality", "deaths") and _DEATHS_CAUSED.search(text, max(self.start, q.start - 25), q.start)
        if (word == "dead" or deaths or _DEAD_BEFORE_NOUN.match(text, q.end)) and not before:
            # "7 dead", "31 dead members of the movement", "resulting in 36 fatalities" (not
            # "638 of total violence-related fatalities")
            return self.count("killed", q.start, noun_end, q, party, text[q.start:noun_end])
        if _HURT_BEFORE_NOUN.match(text, q.end) and not before and self.counts \
                and re.fullmatch(r"(?:[ \t]+[\w'’-]+){0,3}?[ \t]*(?:,|and|,[ \t]*and)[ \t]*", text[self.counts[-1].end:q.start]):
            # "one dead fighter and seven wounded people" (alone, "five wounded soldiers were
            # in a stable condition" speaks of people counted before)
            return self.count("wounded", q.start, noun_end, q, party, text[q.start:noun_end])
        if not before and word in _DEAD_NOUN_VERBS:
            # "claimed nine lives", "recovered 15 bodies": verbs that count the dead with that noun only
            verb = _DEAD_NOUN_VERBS[word].search(text, max(self.start, q.start - 40), q.start)
            if verb:
                return self.count("killed", verb.start(), noun_end, q, party, text[q.start:noun_end])
        if not before and _TO_DEATH_AFTER.match(text, noun_end) \
                and _TO_DEATH_BEFORE.search(text, max(self.start, q.start - 30), q.start):
            # "burned a tribal woman to death", "beat two traders to death"
            return self.count("killed", q.start, noun_end, q, party, text[q.start:noun_end])
        if before:
            field = _field_of(before)
            if re.match(r"(?:left|leaving)$", before.group(field), re.I):
                if word == "dead" or deaths:  # "left 7 dead", "leaving two fatalities"
                    return self.count("killed", q.start, noun_end, q, party, text[q.start:noun_end])
                if _HURT_BEFORE_NOUN.match(text, q.end):  # "left 12 injured civilians"
                    return self.count("wounded", q.start, noun_end, q, party, text[q.start:noun_end])
                after = _AFTER.match(text[noun_end:end])
                if not after or _field_of(after) not in ("killed", "wounded"):
                    return None
                return self.count(_field_of(after), q.start, noun_end + after.end(), q, party, text[q.start:noun_end])
            if _AMBIGUOUS.match(word) and party in ("unknown", "militant") and not self.sides_in(q.start, phrase_end):
                party = self.subject_party(window_start + before.start()) or party
            toll = "toll" in before.group(0).lower()
            same = [c for c in self.context[-4:] + self.counts if c.field == field]
            if toll and party == "unknown" and same:
                party = same[-1].party  # "the toll stood at 34 dead" after "killing 30 soldiers"
            # "Among the dead was a senior commander": some of the people already counted.
            part = "part" if same and before.group(0).lower().startswith("among") else None
            return self.count(field, window_start + before.start(), noun_end, q, party, text[q.start:noun_end],
                              tentative=toll, role=part)
        if noun.group("poss"):
            death = _POSSESSIVE_DEATH.match(text[noun.end() - len(noun.group("poss")):end])
            if death:
                return self.count("killed", q.start, noun.end() + death.end() - len(noun.group("poss")),
                                  q, party, text[q.start:noun_end])
        after = _AFTER.match(text[noun_end:end])
        skip = 0
        if not after:
            # "Three Americans – a service member and two contractors – were killed"
            aside = _APPOSITION.match(text, noun_end, end)
            if aside:
                skip = aside.end() - noun_end
                after = _AFTER.match(text[aside.end():end])
        if after:
            return self.count(_field_of(after), q.start, noun_end + skip + after.end(), q, party, text[q.start:noun_end])
        if word == "bodies":
            found = re.match(r"[”\"']?\s*(?:had\s+been|have\s+been|were|was)?\s*(?:buried|found|recovered|"
                             r"discovered|retrieved|identified|collected|pulled)\b", text[noun_end:end])
            if found:
                return self.count("killed", q.start, noun_end + found.end(), q, party, text[q.start:noun_end])
        return self._coordinated(q, noun_end, party)

    def _coordinated(self, q: Quantity, noun_end: int, party: str) -> Count | None:
        """"killing a lieutenant and two soldiers": the verb of the count before applies."""
        if not self.counts:
            return None
        base = self.counts[-1]
        gap = self.text[base.end:q.start]
        if base.field in ("seized", "operations") or not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
            return None
        if _SPEAKS.match(self.text, noun_end):
            return None  # "… are dead, a resident said": the speaker, not a victim
        if _OWN_PREDICATE.match(self.text, noun_end):
            return None  # "three were gunned down and five others were shot at": a verb of its own
        if party == "unknown":
            party = base.party
        return self.count(base.field, q.start, noun_end, q, party, self.text[q.start:noun_end])

    def _bare(self, q: Quantity, before, window_start: int) -> Count | None:
        """A quantity standing for people: "7 dead and 12 injured", "six were wounded",
        "killing two soldiers and wounding three"."""
        text, end = self.text, self.end
        if before and q.value is not None and _CLAUSE_END.match(text[q.end:end]):
            # "killing three and wounding five", "led to the killing of three": people, unnamed
            return self.count(_field_of(before), window_start + before.start(), q.end, q,
                              self.counts[-1].party if self.counts else "unknown", q.text)
        bare = _BARE.match(text[q.end:end])
        previous = self.previous()
        inherited = previous.party if previous else "unknown"
        if bare and q.value is not None:
            field = _field_of(bare)
            party = inherited if previous and previous.field != field and self.counts else "unknown"
            return self.count(field, q.start, q.end + bare.end(), q, party, text[q.start:q.end + bare.end()])
        if _BARE_VERB.match(text[q.end:end]):
            after = _AFTER.match(text[q.end:end])
            if after:
                return self.count(_field_of(after), q.start, q.end + after.end(), q, inherited, q.text)
        if self.counts and q.value is not None and _ELLIPSIS_BEFORE.search(text, max(self.start, q.start - 8), q.start) \
                and _ELLIPSIS_PLACE.match(text, q.end, end):
            # "Three men were injured in Kyiv, and two in Kherson": the same count, elsewhere.
            base = self.counts[-1]
            if base.field not in ("seized", "operations"):
                return self.count(base.field, q.start, q.end, q, base.party, q.text)
        return None

    def _partitive(self, q: Quantity, partitive: re.Match) -> Count | None:
        text, end = self.text, self.end
        after_of = q.end + partitive.end()
        if partitive["whom"] and partitive["whom"].lower() == "them":
            before, window_start = self.verb_before(q.start)
            if before:  # "killing four of them": the people the sentence spoke of
                party = self.counts[-1].party if self.counts else "unknown"
                return self.count(_field_of(before), window_start + before.start(), after_of, q, party,
                                  text[q.start:after_of])
        if partitive["whom"]:
            # "five individuals, two of whom were security forces": a breakdown.
            if not self.counts:
                return None
            sub = re.match(r"\s*(?:were|was|are|being)?\s*", text[after_of:end])
            at = after_of + sub.end()
            noun, noun_end = _noun_phrase(text, at, end)
            if noun is None:
                forces = re.match(r"(?:the\s+)?(?:\w+\s+){0,2}?(?:security\s+forces|police|army|soldiers)", text[at:end], re.I)
                if not forces:
                    return None
                party, noun_end = "security", at + forces.end()
            else:
                party = _party(text[at:noun_end], noun.lastgroup, self.sides_in(at, noun_end))
            base = self.counts[-1]
            if party == base.party or base.field == "seized":
                return None
            return self.breakdown(q, noun_end, party)
        # "troops killed one of the attackers", "Two of the women were released".
        noun, noun_end = _noun_phrase(text, after_of, end)
        if noun is None:
            return None
        party = _party(text[after_of:noun_end], noun.lastgroup, self.sides_in(after_of, noun_end))
        before, window_start = self.verb_before(q.start)
        if before:
            return self.count(_field_of(before), window_start + before.start(), noun_end, q, party,
                              text[q.start:noun_end])
        after = _AFTER.match(text[noun_end:end])
        if not after:
            return self._coordinated(q, noun_end, party)
        field = _field_of(after)
        group_phrase = text[after_of:noun_end].lower()
        if field == "killed" and re.search(r"\bdead\b|\bkilled\b|\bvictims\b|\bbodies\b", group_phrase):
            return None  # "One of the two dead blew himself up": already counted
        return self.count(field, q.start, noun_end + after.end(), q, party, text[q.start:noun_end])

    def _operations(self, q: Quantity, noun_end: int) -> Count | None:
        text, start, end = self.text, self.start, self.end
        after = re.match(r"^\s*(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:carried\s+out|conducted|launched)",
                         text[noun_end:end], re.I)
        verb_ok = re.search(r"\b(?:carried\s+out|conducted|launched|involved|staged|mounted|executed)\s+$",
                            text[max(start, q.start - 40):q.start], re.I)
        if q.value and (verb_ok or after or "campaign" in text[start:end].lower()):
            return self.count("operations", q.start, noun_end, q, "unknown", text[q.start:noun_end])
        return None


# After a count, the one strike of several it counts ("... were killed and three injured in the
# first strike").
_ONE_OF_SEVERAL = re.compile(
    r"[^.;:]*?\bin\s+the\s+(?:first|second|third|initial|earlier|later|other)\s+"
    r"(?:strike|attack|blast|explosion|wave|bombing|raid|shelling|salvo)\b", re.IGNORECASE)


# People of a kind any toll of civilians holds ("two elderly women", "three children")
_SUBGROUP = re.compile(r"[\w-]+\s+(?:(?:elderly|young|old|little|small|teenage|pregnant)\s+)?(?:women|woman|children|"
                       r"child|boys?|girls?|adults?|infants?|babies|baby|toddlers?|teenagers?|minors?)",
                       re.IGNORECASE)
_AMONG_THE_DEAD = re.compile(r"\b(?:were|was)\s+among\s+(?:those|the)\s+(?:\w+\s+)?(?:killed|dead|victims|slain|"
                             r"wounded|injured)\b", re.IGNORECASE)
# ("five others went missing", "two others escaped": what happened to them is another thing)
_OWN_PREDICATE = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|has\s+been|went|fled|escaped|survived|"
                            r"remain(?:ed|s)?|are|is)\b", re.IGNORECASE)


def find_counts(text: str, start: int, end: int, quantities: list[Quantity],
                skip: list[tuple[int, int]] = (), sides: list[Side] = (),
                context: list[Count] = ()) -> list[Count]:
    """Counts in text[start:end] (one sentence), in order of appearance.

    `skip` are spans that are not counts (dates: "On 21 November"); `sides` the actors
    named in the text; `context` the counts of the sentences before.
    """
    sentence = text[start:end]
    items: list[Quantity] = [q for q in quantities if start <= q.start < end
                             and not any(a < q.end and q.start < b for a, b in skip)]
    for pattern in (_SINGULAR_SCAN, _ORDINAL_ONE_SCAN):
        for m in pattern.finditer_in(text, start, end, sentence):
            s = start + m.start()
            if any(q.start <= s < q.end or q.start == s + len(m.group(0)) for q in items):
                continue  # inside a number, or before one ("a further two bodies")
            items.append(Quantity(s, s + len(m.group(0).rstrip()), 1, "exact", m.group(0).strip()))
    items.sort(key=lambda q: q.start)
    reader = _Reader(text, start, end, list(sides), list(context), items)
    for q in items:
        if q.start in reader.consumed:
            continue
        count = reader.read(q)
        if count is not None:
            reader.add(count)
    return reader.settle() + _seizures(text, start, end)


_SEIZE_WORDS = ("seiz", "confiscat", "recover", "impound")  # any of them, in any case
# What every match of _ITEMS_PASSIVE holds, in the case-folded text: its slow scan (a lazy
# object of up to 120 characters tried at every position) runs only where this occurs.
_PASSIVE_VERB = re.compile(r"(?:were|was|been)\s+(?:\w+ly\s+|also\s+)?(?:seized|confiscated|recovered|impounded)")


def _seizures(text: str, start: int, end: int) -> list[Count]:
    out = []
    folded = WordIndex.of(text).folded  # the text lowercased as re.IGNORECASE compares
    if not any(folded.find(word, start, end) >= 0 for word in _SEIZE_WORDS):
        return out
    sentence = text[start:end]
    passive = list(_ITEMS_PASSIVE.finditer(sentence)) if _PASSIVE_VERB.search(folded, start, end) else []
    for m in list(_ITEMS_AFTER.finditer(sentence)) + passive:
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
