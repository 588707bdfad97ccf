"""One neutral line built from an incident's fields:
"Syrian government security forces raid Islamic State (IS) in Aleppo; 3 militants and 1 security killed, 4 arrested"."""

from __future__ import annotations

from casefile.figures import Figures, describe

_PHRASES = {
    "Armed clash": "{a1} clash with {a2}",
    "Suicide bomb": "Suicide bombing{by}",
    "Remote explosive/landmine/IED": "Explosion{by}",
    "Air/drone strike": "{a1} air strike{on}",
    "Shelling/artillery/missile attack": "{a1} shelling{on}",
    "Attack": "{a1} attack {a2}",
    "Abduction/forced disappearance": "{a1} abduct people",
    "Arrests": "{a1} arrest {a2} members",
    "Disrupted weapons use": "{a1} foil {a2} plot",
    "Looting/property destruction": "{a1} loot or destroy property",
}


def summarise(sub_event_type: str | None, actor1: str | None, actor2: str | None,
              location: str | None, figures: Figures | None, raid: bool = False,
              released: int | None = None) -> str:
    a1 = actor1 or "Unidentified actors"
    a2 = actor2 or "unidentified actors"
    if sub_event_type == "Armed clash" and raid:
        head = f"{a1} raid {a2}"
    elif sub_event_type in _PHRASES:
        head = _PHRASES[sub_event_type].format(
            a1=a1, a2=a2, by=f" by {actor1}" if actor1 else "", on=f" on {actor2}" if actor2 else "")
    elif released:
        head = f"{a1} release prisoners" if actor1 else "Prisoners released"
    else:
        head = f"{a1} operation against {a2}" if actor2 else f"{a1} operation"
    if location:
        head += f" in {location}"
    parts = []
    if figures:
        for name in ("killed", "wounded", "arrested"):
            chosen = figures.chosen.get(name)  # the account the best figure comes from
            if chosen is not None:
                parts.append(describe(chosen, name))
    if released:
        parts.append(f"{released:,} released")
    return head + ("; " + ", ".join(parts) if parts else "")
