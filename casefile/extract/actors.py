"""Actors: armed groups and state forces under one normalised name each, as ACLED names them.

ISIL / ISIS / IS / Islamic State / Daesh are one actor. "security forces" without a name
becomes the government forces of the country the incident happened in; "Somali troops" or
"Pakistan's army" are that country's forces, whatever the place (any country: the adjectives
and country names come from casefile/data/demonyms.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from casefile.extract.anchors import AnchoredPattern
from casefile.extract.spans import SpanSet

GOVERNMENT_FORCES = {
    "SY": "Syrian government security forces", "IQ": "Iraqi security forces",
    "NG": "Nigerian security forces", "NE": "Nigerien security forces",
    "ML": "Malian security forces", "BF": "Burkinabe security forces",
    "TD": "Chadian security forces", "CM": "Cameroonian security forces",
    "TR": "Turkish security forces", "IL": "Israeli security forces", "US": "US forces / coalition",
    "SO": "Somali security forces", "LB": "Lebanese security forces", "JO": "Jordanian security forces",
    "MR": "Mauritanian security forces", "SD": "Sudanese security forces",
}
_DEMONYMS_TSV = Path(__file__).resolve().parent.parent / "data" / "demonyms.tsv"


def _read_demonyms() -> tuple[dict[str, str | None], dict[str, str], dict[str, str], list[str], list[str]]:
    """From casefile/data/demonyms.tsv: adjective (lower case) -> country code, or None when
    it names several ("Congolese"); country name (lower case) -> code; code -> its first
    adjective; the adjectives and the country names as written."""
    by_word: dict[str, set[str]] = {}
    by_name: dict[str, str] = {}
    first: dict[str, str] = {}
    words_cased: list[str] = []
    names_cased: list[str] = []
    for line in _DEMONYMS_TSV.read_text(encoding="utf-8").splitlines()[1:]:
        cc, name, words = (line.split("\t") + ["", ""])[:3]
        by_name[name.lower()] = cc
        names_cased.append(name)
        for w in words.split("|"):
            if w:
                by_word.setdefault(w.lower(), set()).add(cc)
                first.setdefault(cc, w)
                words_cased.append(w)
    return ({w: (next(iter(c)) if len(c) == 1 else None) for w, c in by_word.items()},
            by_name, first, words_cased, names_cased)


_DEMONYMS, _COUNTRY_NAMES, _ADJECTIVE, _ADJECTIVES_CASED, _NAMES_CASED = _read_demonyms()
# Short names news use for a country's forces ("Congo's army", "Burkina's army").
for _name, _cc in {"DR Congo": "CD", "DRC": "CD", "Congo": "CD", "Burkina": "BF",
                   "Ivory Coast": "CI", "Syria": "SY"}.items():
    _COUNTRY_NAMES.setdefault(_name.lower(), _cc)
    _NAMES_CASED.append(_name)


def nationality_adjectives() -> list[str]:
    """The nationality adjectives as written ("Somali", "Sudanese")."""
    return list(_ADJECTIVES_CASED)


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first, spaces as any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


CIVILIANS = "Civilians"
UNIDENTIFIED = "Unidentified armed group"  # a side the text does not name

# canonical name: alias patterns (case-insensitive unless wrapped in (?-i:...))
CATALOG: dict[str, list[str]] = {
    "Islamic State West Africa Province (ISWAP)": [
        r"(?-i:ISWAP)", r"Islamic\s+State(?:['’]s)?\s+West\s+Africa(?:\s+Province)?", r"(?-i:ISWA)",
        r"Islamic\s+State\s+in\s+West\s+Africa"],
    "Islamic State Sahel Province (ISGS)": [
        r"(?-i:ISGS|ISSP)", r"Islamic\s+State\s+(?:in\s+the\s+)?(?:Greater\s+)?Sahara",
        r"Islamic\s+State(?:['’]s)?\s+Sahel(?:\s+Province)?", r"(?-i:IS)\s+Sahel(?:\s+Province)?"],
    "Islamic State (IS)": [
        r"(?-i:ISIS|ISIL|IS)(?![\w-]*\s+(?:Sahel|Sahara|West\s+Africa))", r"(?-i:Daesh|Daish|DAESH)",
        r"Islamic\s+State(?!\s+(?:West\s+Africa|in\s+West|Sahel|in\s+the\s+Greater|Greater|in\s+the\s+Sahara))"
        r"(?:\s+group|\s+in\s+Iraq\s+and\s+(?:the\s+Levant|Syria|al-Sham))?",
        r"(?-i:IS)-(?:affiliated|linked|inspired|allied)"],
    "Boko Haram (JAS)": [r"Boko\s+Haram", r"(?-i:JAS)", r"Jama['’]atu\s+Ahlis\s+Sunna\S*(?:\s+\S+){0,3}",
                         r"Shekau\s+faction"],
    "JNIM": [r"(?-i:JNIM|GSIM)", r"Jama['’]?at\s+Nusrat\s+al-Islam(?:\s+wal?-Muslimin)?",
             r"(?:Support\s+)?Group\s+for\s+the\s+Support\s+of\s+Islam\s+and\s+Muslims"],
    "Al-Qaeda": [r"al[-\s]Qa['’]?[ei]da", r"(?-i:AQIM|AQAP|AQ)", r"Hurras\s+al-Din"],
    "Hayat Tahrir al-Sham (HTS)": [r"Hayat\s+Tahrir(?:\s+al[-\s]Sham)?", r"(?-i:HTS)", r"Tahrir\s+al[-\s]Sham"],
    "Syrian Democratic Forces (SDF)": [r"Syrian\s+Democratic\s+Forces", r"(?-i:SDF)",
                                       r"Kurdish-led\s+(?:forces|fighters|militia)"],
    "Popular Mobilization Forces (PMF)": [r"Popular\s+Mobili[sz]ation\s+(?:Forces|Units)", r"(?-i:PMF|PMU)",
                                          r"Hashd(?:\s+al-Shaabi)?"],
    "Kurdistan Region security forces": [r"Peshmerga", r"Kurdistan\s+Region(?:['’]s)?\s+(?:security|Counter-Terrorism)\s+\w+",
                                         r"Kurdish\s+(?:security\s+forces|Asayish)"],
    "US forces / coalition": [
        r"(?:US|U\.S\.|American|United\s+States)(?:\s+special)?\s+(?:forces|troops|military|army|soldiers|commandos|air\s*strikes?|strikes?|drones?|warplanes)",
        r"(?-i:CENTCOM)", r"(?:US\s+)?Central\s+Command", r"(?:US|U\.S\.)-led\s+coalition",
        r"(?:international|global|anti-IS|anti-ISIS)\s+coalition(?:\s+forces)?", r"coalition\s+(?:forces|aircraft|air\s*strikes?|warplanes|troops)"],
    "Turkish security forces": [r"Turkish\s+(?:forces|army|military|troops|drones?|warplanes|air\s*strikes?)"],
    "Israeli security forces": [r"Israeli\s+(?:forces|army|military|troops|air\s*strikes?|warplanes|drones?)", r"(?-i:IDF)"],
    "Civilian Joint Task Force (CJTF)": [r"Civilian\s+Joint\s+Task\s+Force", r"(?-i:CJTF)"],
    "Volunteers for the Defence of the Homeland (VDP)": [r"Volunteers\s+for\s+the\s+Defen[cs]e\s+of\s+the\s+Homeland", r"(?-i:VDP)"],
    "Multinational Joint Task Force (MNJTF)": [r"Multinational\s+Joint\s+Task\s+Force", r"(?-i:MNJTF)"],
    "Wagner Group / Africa Corps": [r"Wagner(?:\s+Group)?", r"Africa\s+Corps", r"Russian\s+(?:mercenaries|paramilitar\w+|instructors)"],
    "Al-Shabaab": [r"al[-\s]Shabaa?b"],
    # Armed groups of other conflicts, by the names and acronyms the press uses for them.
    "Rapid Support Forces (RSF)": [r"Rapid\s+Support\s+Forces?(?:\s*\((?-i:RSF)\))?", r"(?<!Borders\s\()(?-i:RSF)"],
    "Allied Democratic Forces (ADF)": [r"Allied\s+Democratic\s+Forces", r"(?-i:ADF)"],
    "CODECO": [r"(?-i:CODECO)", r"Cooperative\s+for\s+the\s+Development\s+of\s+(?:the\s+)?Congo"],
    "M23": [r"(?-i:M23)", r"March\s+23\s+Movement"],
    "Houthis (Ansar Allah)": [r"Hout?his?", r"Huthis?", r"Ansar\s+Allah"],
    "Hezbollah": [r"Hez?b[ou]llah", r"Hizbullah"],
    "Hamas": [r"(?-i:Hamas)", r"(?:Izz\s+(?:ad|al|el)[-\s]Din\s+)?al-Qassam\s+Brigades"],
    "Palestinian Islamic Jihad (PIJ)": [r"(?:Palestinian\s+)?Islamic\s+Jihad", r"(?-i:PIJ)", r"al-Quds\s+Brigades?"],
    "Tehrik-i-Taliban Pakistan (TTP)": [r"Tehr[ei]e?k[-\s][ei][-\s]Taliban(?:[-\s]Pakistan)?", r"(?-i:TTP)",
                                        r"Pakistani\s+Taliban"],
    "Baloch Liberation Army (BLA)": [r"Baloch(?:istan)?\s+Liberation\s+(?:Army|Front)", r"(?-i:BLA|BLF)"],
    "CPI (Maoist)": [r"Communist\s+Party\s+of\s+India\s*\(\s*Maoist\s*\)", r"(?-i:CPI)\s*\(\s*Maoist\s*\)",
                     r"Maoists?", r"Naxal(?:ite)?s?"],
    "Fano militia": [r"Fano(?:\s+(?:militia|militiamen|fighters|forces))?"],
    "Tigray People's Liberation Front (TPLF)": [r"Tigray\s+People['’]s\s+Liberation\s+Front", r"(?-i:TPLF)",
                                                r"Tigray(?:an)?\s+(?:Defen[cs]e\s+Forces|forces|rebels)"],
    "Kurdistan Workers' Party (PKK)": [r"Kurdistan\s+Workers['’]?\s+Party", r"(?-i:PKK)"],
    "New People's Army (NPA)": [r"New\s+People['’]s\s+Army", r"(?-i:NPA)"],
    "Bangsamoro Islamic Freedom Fighters (BIFF)": [r"Bangsamoro\s+Islamic\s+Freedom\s+Fighters", r"(?-i:BIFF)"],
    "Abu Sayyaf Group (ASG)": [r"Abu\s+Sayyaf(?:\s+Group)?"],
    # Not the "Karen National Liberation Army": the ELN by its acronym.
    "National Liberation Army (ELN)": [r"National\s+Liberation\s+Army\s*\((?-i:ELN)\)", r"(?-i:ELN)"],
    "FARC dissidents": [r"(?-i:FARC)(?:\s+dissidents)?", r"Revolutionary\s+Armed\s+Forces\s+of\s+Colombia"],
    "Jalisco New Generation Cartel (CJNG)": [r"Jalisco\s+New\s+Generation\s+Cartel", r"(?-i:CJNG)"],
    "Sinaloa Cartel": [r"Sinaloa\s+Cartel"],
    "Arakan Army": [r"Arakan\s+Army"],
    "Kachin Independence Army (KIA)": [r"Kachin\s+Independence\s+Army", r"(?-i:KIA)(?=\s+(?:rebels|fighters|troops))"],
    "People's Defence Force (PDF)": [r"People['’]s\s+Defen[cs]e\s+Forces?(?:\s*\((?-i:PDF)\))?",
                                     r"(?-i:PDF)(?=\s+(?:fighters|forces|members|troops|units|militia))"],
    "Ambazonian separatists": [r"Ambazonian?\s+(?:separatists|fighters|rebels|militia)", r"Amba\s+(?:boys|fighters)"],
    "Lakurawa": [r"Lakurawa"],
    # the Middle Belt's herder militias, as ACLED's "Fulani Ethnic Militia (Nigeria)"; bare
    # "herdsmen" may be the victims ("gunmen killed two herdsmen"), so only as attackers' names
    "Fulani ethnic militia": [r"Fulani\s+(?:herds?men|herders|militia(?:men)?|gunmen|militants|bandits|attackers)",
                              r"(?:suspected|armed)\s+herds?men(?:\s+militia)?", r"herds?men\s+militia"],
    "Ansaru": [r"Ansaru"],
    "Malian security forces": [r"(?-i:FAMa)"],
    "Syrian government security forces": [
        r"General\s+Security(?:\s+(?:Department|Service|Directorate|forces?|personnel|units?))?",
        r"General\s+Intelligence\s+(?:Service|Directorate)",
        r"Interior\s+Ministry\s+forces", r"Ministry\s+of\s+Interior\s+forces"],
}
# Government forces without a name: resolved by country. The adjective ("Somali troops") or
# the country's name ("Somalia's army") names the country; else the incident's country. A
# state's aircraft, drones and guns are its forces too ("Iraqi warplanes", "Pakistani jets").
_FORCE_NOUNS = (r"(?:government\s+|security\s+|armed\s+|special\s+|military\s+|national\s+)?"
                r"(?:forces|troops|army|military|soldiers|police|units|personnel|authorities|"
                r"gendarmes|air\s+force|security|navy|war\s*planes|(?:fighter\s+)?jets|aircraft|"
                r"(?:helicopter\s+)?gunships|helicopters|drones|artillery|F-\d{1,2}s)")
_GENERIC_FORCES = re.compile(
    rf"(?<![\w.])(?:(?P<demonym>(?-i:{_alternation(_ADJECTIVES_CASED)}))\s+{_FORCE_NOUNS}"
    rf"|(?P<country>(?-i:{_alternation(_NAMES_CASED)}))['’]s\s+{_FORCE_NOUNS}"
    r"|(?:security|government|state|armed|counter-?terrorism)\s+(?:forces|troops|units|personnel)"
    r"|(?:the\s+)?(?:army|military|troops|soldiers|police|gendarmerie|gendarmes|air\s+force))\b",
    re.IGNORECASE,
)
_GENERIC_MILITANTS = re.compile(
    r"\b(?:unknown\s+|unidentified\s+|suspected\s+)?(?:gunmen|armed\s+men|assailants|attackers|bandits|"
    r"militants|jihadists|insurgents|terrorists|extremists)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str  # canonical; "" for generic forces awaiting a country
    generic: str | None = None  # "forces" | "militants" | None
    country: str | None = None  # ISO code a demonym named


def _compile() -> tuple[re.Pattern, list[str]]:
    names, parts = [], []
    for i, (name, patterns) in enumerate(CATALOG.items()):
        names.append(name)
        parts.append(f"(?P<a{i}>" + "|".join(f"(?:{p})" for p in patterns) + ")")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE), names


_NAMED, _NAMES = _compile()
_FAST = {id(p): AnchoredPattern(p) for p in (_NAMED, _GENERIC_FORCES, _GENERIC_MILITANTS)}


# An army named for a cause is an armed group, not a state's army: "National Liberation Army
# (ELN)", "Kachin Independence Army", "Free Syrian Army", "People's Defence Force".
_INSURGENT_WORDS = ("Liberation", "Independence", "Free ", "Republican", "Revolutionary", "People's",
                    "People’s", "Salvation", "Resistance", "Rebel", "Patriotic", "Mujahideen")
_INSURGENT_ARMY = re.compile(
    r"\b(?:(?!The\b)[A-Z][\w'’-]+[ \t]+){0,3}?(?:Liberation|Independence|Free|Republican|Revolutionary|People['’]s|"
    r"Salvation|Resistance|Rebel|Patriotic|Mujahideen)[ \t]+(?:[A-Z][\w'’-]+[ \t]+){0,2}?"
    r"(?:Army|Forces?|Front|Movement)\b(?:[ \t]*\([A-Z][A-Za-z-]{1,9}\))?")
# A group the catalog lacks, named as the text names it: "Allied Democratic Forces (ADF)
# rebels", "the Return, Reclamation and Rehabilitation (3R) armed group".
_NAMED_WITH_ACRONYM = re.compile(
    r"\b(?:(?!The\b)[A-Z][\w'’-]+,?[ \t]+(?:(?:and|of|for|the|de|du|des|al|el)[ \t]+)?){1,6}"
    r"\([A-Z0-9][A-Za-z0-9-]{1,8}\)(?=[ \t]+(?:rebels?|militants?|fighters?|insurgents?|armed[ \t]+groups?|militias?|"
    r"jihadists?|gunmen|guerrillas?)\b)")
# "Ambazonia Defense Forces (ADF)": a name, then its initials
_ACRONYM_DEFINED = re.compile(r"\b((?:(?!The\b)[A-Z][\w'’-]+[ \t]+(?:(?:and|of|for|the|de|du|des)[ \t]+)?){2,6}?)"
                              r"\(([A-Z]{2,8})\)")


def _as_written(name: str) -> str:
    """A name taken from the text, one way whatever the outlet's typography: "United People’s
    Democratic Front" and "United People's Democratic Front" are one group."""
    return " ".join(name.replace("’", "'").split())


def _folded(name: str) -> str:
    return name.replace("’", "'").replace("Defence", "Defense").lower()


def _defined_acronyms(text: str) -> dict[str, str]:
    """Acronym -> the name the article spells out for it, when the initials match."""
    defined = {}
    for m in _ACRONYM_DEFINED.finditer(text):
        words = m[1].split()
        for k in range(len(words)):  # the name may start after a capitalised word of the sentence
            initials = "".join(w[0] for w in words[k:] if w[0].isupper())
            if initials == m[2]:
                defined.setdefault(m[2], " ".join(words[k:]))
                break
    return defined


_STATE_ARMY = re.compile(r"(?:Chinese\s+)?People['’]s\s+Liberation\s+Army\b")   # China's army
# A state's army by its name: "Uganda People's Defence Forces-UPDF", "Ethiopian National Defense
# Force", "Tanzania People's Defence Force": the country's forces, not a "People's Defence Force".
_DEFENCE_FORCE = re.compile(r"(?:People['’]s\s+|National\s+)?Defen[cs]e\s+Forces?\b")
_STATE_BEFORE = re.compile(
    rf"(?<![\w.])(?:(?P<demonym>{_alternation(_ADJECTIVES_CASED)})|(?P<country>{_alternation(_NAMES_CASED)}))\s+$")


def find_actors(text: str) -> list[ActorMention]:
    found: list[ActorMention] = []
    taken = SpanSet()
    defined = _defined_acronyms(text) if "(" in text else {}
    for m in _DEFENCE_FORCE.finditer(text) if "efen" in text else ():
        state = _STATE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if state is None:
            continue
        country = _DEMONYMS.get(state["demonym"].lower()) if state["demonym"] else \
            _COUNTRY_NAMES.get(" ".join(state["country"].lower().split()))
        forces = forces_of(country)
        if forces:
            found.append(ActorMention(state.start(), m.end(), forces, "forces", country))
            taken.add(state.start(), m.end())
    for m in _FAST[id(_NAMED)].finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        name = _NAMES[int(m.lastgroup[1:])]
        own = defined.get(m.group())
        if own and not _folded(name).startswith(_folded(own)):
            # "The Ambazonia Defense Forces (ADF)": the article says what its ADF is
            name = _as_written(f"{own} ({m.group()})")
        found.append(ActorMention(m.start(), m.end(), name))
        taken.add(m.start(), m.end())
    # Groups named as the text names them, where the catalog did not name them already.
    for pattern, worth in ((_NAMED_WITH_ACRONYM, "(" in text), (_INSURGENT_ARMY, any(w in text for w in _INSURGENT_WORDS))):
        for m in pattern.finditer(text) if worth else ():
            if not taken.overlaps(m.start(), m.end()) and not _STATE_ARMY.match(m.group()):
                found.append(ActorMention(m.start(), m.end(), _as_written(m.group())))
                taken.add(m.start(), m.end())
    for m in _FAST[id(_GENERIC_FORCES)].finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        if m["demonym"]:
            country = _DEMONYMS.get(m["demonym"].lower())
        else:
            country = _COUNTRY_NAMES.get(" ".join((m["country"] or "").lower().split()))
        found.append(ActorMention(m.start(), m.end(), forces_of(country) or "", "forces", country))
    for m in _FAST[id(_GENERIC_MILITANTS)].finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        found.append(ActorMention(m.start(), m.end(), UNIDENTIFIED, "militants"))
    found.sort(key=lambda a: a.start)
    return found


def forces_of(country_code: str | None, country_name: str | None = None) -> str | None:
    """The name of a country's government forces ("Somali security forces")."""
    if country_code in GOVERNMENT_FORCES:
        return GOVERNMENT_FORCES[country_code]
    if country_code in _ADJECTIVE:
        return f"{_ADJECTIVE[country_code]} security forces"
    if country_name:
        return f"{country_name} security forces"
    return None


# Forces that hold territory for a government or a de facto authority: their dead are
# "security" casualties, and they are actor1 when they raid or arrest.
STATE_SIDE = {
    "Syrian Democratic Forces (SDF)", "Popular Mobilization Forces (PMF)",
    "Kurdistan Region security forces", "Civilian Joint Task Force (CJTF)",
    "Volunteers for the Defence of the Homeland (VDP)", "Multinational Joint Task Force (MNJTF)",
    "Wagner Group / Africa Corps",
}


def is_state(name: str) -> bool:
    return name.endswith("forces") or name.endswith("coalition") or name in STATE_SIDE
