"""Event triggers and the ACLED event type / sub-event type they point to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.extract.anchors import AnchoredPattern

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"

# kind: (pattern). Kinds are combined per incident by `classify`.
TRIGGERS: dict[str, str] = {
    "foiled": r"foil(?:ed|s)?|thwart(?:ed|s)?|defus(?:ed|ing)|disrupted\s+(?:a\s+)?(?:plot|attack)|"
              r"bombing\s+plot|plot\s+to\s+(?:bomb|attack)|prevented\s+an?\s+attack|plan\s+(?:by\s+\S+\s+)?to\s+bomb",
    "suicide": r"suicide\s+(?:bomb(?:ing|er|ers|ings|s)?|attack(?:er|s)?|blast|car\s+bomb|operation)(?!\s+(?:vests?|belts?))|"
               r"blew\s+(?:him|her)sel(?:f|ves)\s+up|blew\s+themselves\s+up|detonated\s+(?:his|her|their|an?)\s+"
               r"(?:explosive\s+)?(?:vest|belt)|self-detonat\w+|detonated\s+themselves",
    "air": r"air\s*strikes?|airstrikes?|air\s+raids?|drone\s+(?:strikes?|attacks?)|air\s+attacks?|"
           r"aerial\s+(?:bombardment|attack|strikes?)|warplanes?|fighter\s+jets?|helicopter\s+gunships?",
    "shelling": r"shell(?:ing|ed|s)\b|artillery|mortars?(?:\s+(?:rounds?|shells?|fire|attack))?|"
                r"rocket\s+(?:attacks?|fire)|rockets\s+(?:hit|struck|landed|fired)|missile\s+(?:strikes?|attacks?)|katyusha",
    "ied": r"roadside\s+bombs?|improvised\s+explosive|(?-i:IEDs?)|land\s*mines?|car\s+bombs?|"
           r"vehicle-borne|(?-i:VBIEDs?)|motorcycle\s+bombs?|bomb(?:ing)?s?\s+(?:exploded|went\s+off|blast)|"
           r"bombings?|blasts?|explosions?|explosive\s+devices?|improvised\s+devices?|"
           r"(?:exploded|detonated)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:bomb|explosive|device)|"
           # "the bomb was planted on a road", "another bomb targeted soldiers"
           r"bombs?\s+(?:(?:was|were|had\s+been)\s+)?(?:planted|detonated|targeted|hit|struck|killed|wounded|injured)|"
           r"planted\s+(?:an?\s+)?(?:bomb|explosive)",
    "clash": r"clash(?:es|ed)?|fighting|gun\s*battles?|firefights?|exchanges?\s+of\s+fire|exchanged\s+fire|"
             r"battled?|engaged|repelled|repulsed|ambush(?:ed|es)?|overran|confrontations?|skirmish(?:es)?|"
             r"gunfights?|counter-?attack(?:ed)?|"
             # South Asian usage: "killed in an encounter with security forces"
             r"(?:an?|the|ensuing)\s+encounter|encounters?\s+(?:with|between|broke\s+out|started|ended|took\s+place)|"
             # and the Philippine forces': "troops encountered about 20 NPA rebels"
             r"encountered\s+(?:[\w'’-]+\s+){0,5}?(?:gunmen|rebels|militants|insurgents|fighters|terrorists|bandits|"
             r"guerrillas|armed\s+men|members)|"
             # Ground taken, not people: "briefly captured a military base".
             r"(?:captur(?:ed|ing)|seiz(?:ed|ing)|took\s+(?:control\s+of|over))\s+(?:(?:a|an|the|their|its)\s+)?"
             r"(?:[\w-]+\s+){0,2}?(?:base|town|village|city|positions?|outposts?|territory|camp|barracks|"
             r"checkpoints?|headquarters|garrison)",
    "raid": r"raids?|raided|stormed|sweeps?|crackdown|(?:counter-?terrorism|security|military|joint|targeted|"
            r"clearance|combing)\s+(?:[\w-]+\s+)?operations?|(?:search|cordon(?:-and-|\s+and\s+)search)\s+operations?|operations?\s+against|manhunt|dismantl(?:ed|ing|e)\s+(?:a|the|an)\s+cell",
    "attack": r"attack(?:ed|s)?|assault(?:ed)?|massacre[ds]?|opened\s+fire|shot\s+dead|gunned\s+down|"
              r"killings?|torched|set\s+(?:ablaze|on\s+fire)|invaded|stormed\s+(?:the\s+)?village",
    "abduction": r"abduct(?:ed|ion|ions|s)?|kidnap(?:ped|ping|pings|s)?|taken\s+hostage|hostages?",
    "arrest": r"(?<!the )(?<!their )arrest(?:s|ed|ing)?|detain(?:ed|s|ing)?|apprehend(?:ed)?|rounded\s+up|in\s+custody|captur(?:ed|e)",
    "dismantle": r"dismantl(?:ed|ing|e)|broke\s+up|busted|weapons?\s+caches?",
    "release": r"amnesty|freed|released|pardon(?:ed|s)?",
    "looting": r"loot(?:ed|ing)|burn(?:ed|t)\s+(?:down\s+)?(?:houses|homes|shops|villages?)|razed|destroyed\s+(?:houses|homes)",
}
STRONG = {"suicide", "air", "shelling", "ied", "clash", "raid", "attack", "abduction", "arrest", "foiled"}
_TRIGGER = re.compile(
    "|".join(f"(?P<{kind}>\\b(?:{pattern})\\b)" for kind, pattern in TRIGGERS.items()),
    re.IGNORECASE,
)
# Words that make a trigger hypothetical rather than an event that happened.
_IRREALIS = re.compile(
    r"\b(?:(?:decline|increase|rise|drop|reduction|surge|spike|fall)\s+in|number\s+of|prepar(?:ing|ed)|plan(?:ning|ned|s)?|threat(?:en(?:ing|ed|s)?)?|intend\w*|could|would|"
    r"might|may|will|aim(?:ed|ing)?\s+to|prevent\w*|capable\s+of|attempt\s+to|seeks?\s+to|risk\s+of|"
    r"fears?\s+of|warn\w*|potential|possible|resurgence|regroup\w*|rebuild\w*|recruit\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    kind: str
    text: str


_FAST_TRIGGER = AnchoredPattern(_TRIGGER)
_IRREALIS_SCAN = AnchoredPattern(_IRREALIS)


def find_triggers(text: str) -> list[Trigger]:
    return [Trigger(m.start(), m.end(), m.lastgroup, m.group(0)) for m in _FAST_TRIGGER.finditer(text)]


_NOT_EVENT_AFTER = re.compile(r"^\w*\s+(?:risks?|threats?|alerts?|warnings?|capabilit\w+|cells?\s+remain)\b",
                              re.IGNORECASE)
_ITEM_CONTEXT = re.compile(r"\b(?:make|making|manufactur\w*|materials?|seized|confiscat\w*|cache\w*|"
                           r"prepar\w*|components?|defus\w*|dismantl\w*)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)


def hypothetical(text: str, trigger: Trigger) -> bool:
    """True when the words around a trigger make it a plan, a threat, a fear, a statistic
    or an object ("materials used to make IEDs were seized")."""
    if _IRREALIS_SCAN.search_in(text, max(0, trigger.start - 45), trigger.start) or _NOT_EVENT_AFTER.match(text[trigger.start:trigger.end + 30]):
        return True
    return trigger.kind == "ied" and bool(_ITEM_CONTEXT.search(text[max(0, trigger.start - 50):trigger.start]))


def classify(kinds: set[str], fields: dict[str, set[str]],
             totals: dict[str, int] | None = None, forces_named: bool = True) -> tuple[str, str, str]:
    """(event_type, sub_event_type, the trigger kind that decided it).

    `fields` maps a count field (killed, wounded, arrested, ...) to the parties counted;
    `totals` gives the largest figure per field; `forces_named`: whether the report names
    any state forces.
    """
    totals = totals or {}
    killed = fields.get("killed", set()) | fields.get("wounded", set())
    # A campaign that is mostly arrests ("71 arrested, one killed") is an arrest campaign.
    if totals.get("arrested", 0) >= 5 * max(1, totals.get("killed", 0) + totals.get("wounded", 0)) \
            and not kinds & {"suicide", "air", "shelling", "ied"}:
        return STRATEGIC, "Arrests", "arrest"
    raid = "raid" in kinds or "clash" in kinds
    if "suicide" in kinds and not raid:
        return EXPLOSIONS, "Suicide bomb", "suicide"
    if "air" in kinds:
        return EXPLOSIONS, "Air/drone strike", "air"
    if "shelling" in kinds:
        return EXPLOSIONS, "Shelling/artillery/missile attack", "shelling"
    if "ied" in kinds and not raid:
        return EXPLOSIONS, "Remote explosive/landmine/IED", "ied"
    if "abduction" in kinds and "abducted" in fields and not killed:
        return VAC, "Abduction/forced disappearance", "abduction"
    if killed:
        if ("clash" in kinds or "raid" in kinds) or killed & {"militant", "security"}:
            # Civilians killed in a raid, beside people the text does not place: an attack.
            if "civilian" in killed and killed <= {"civilian", "unknown"} and "clash" not in kinds:
                return VAC, "Attack", "attack"
            # People killed in a raid where no state's forces are named: there was no one to
            # fight, the raiders killed them ("assailants raided the villages ... executing them").
            if killed == {"unknown"} and "clash" not in kinds and not forces_named:
                return VAC, "Attack", "attack"
            return BATTLES, "Armed clash", "clash" if "clash" in kinds else "raid"
        return VAC, "Attack", "attack"
    if "clash" in kinds:
        return BATTLES, "Armed clash", "clash"
    if "attack" in kinds and fields.get("abducted"):
        return VAC, "Abduction/forced disappearance", "abduction"
    if "foiled" in kinds:
        return STRATEGIC, "Disrupted weapons use", "foiled"
    if "arrested" in fields or "arrest" in kinds:
        return STRATEGIC, "Arrests", "arrest"
    if "attack" in kinds:
        return VAC, "Attack", "attack"
    if "looting" in kinds:
        return STRATEGIC, "Looting/property destruction", "looting"
    if "seized" in fields and "dismantle" in kinds and "release" not in kinds:
        return STRATEGIC, "Disrupted weapons use", "dismantle"
    return STRATEGIC, "Other", next(iter(sorted(kinds & {"dismantle", "release", "raid"})), "")
