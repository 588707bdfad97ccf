"""One neutral line built from an incident's current fields:
"Syrian government security forces raid Islamic State (IS) in Aleppo; 4 killed (3 militants and
1 security-force member), 4 arrested".

The figures are the incident's best figures, each with its qualifier ("at least 3"), so a
summary never states a figure the fields do not hold. A curator's own summary (an analyst
claim on `summary`) is never replaced; curation re-derives every other summary after each change.
"""

from __future__ import annotations

from casefile.figures import COUNT_FIELDS, Figures

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
# Who a figure counts: (singular, plural).
PARTY_NOUNS = {"militant": ("militant", "militants"), "security": ("security-force member", "security-force members"),
               "civilian": ("civilian", "civilians")}
# The words a qualifier is written with when the figure stands alone.
QUALIFIER_WORDS = {"at_least": "at least", "at_most": "at most", "about": "about"}


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
    parts = figure_phrases(figures) if figures else []
    if released:
        parts.append(f"{released:,} released")
    return head + ("; " + ", ".join(parts) if parts else "")


def best_qualifier(figures: Figures, name: str) -> str | None:
    """The qualifier of the best figure: the one figures carries when it does, else "at_least"
    when every report giving that figure is open-ended ("at least three were arrested")."""
    figure = figures.counts.get(name)
    if figure is None or figure.best is None:
        return None
    carried = figure.qualifier
    if carried:
        return None if carried == "exact" else carried
    giving = [r for r in figures.reports.get(name) or [] if r.total == figure.best]
    if giving and all(r.open_ended for r in giving):
        return "at_least"
    return None


def figure_phrases(figures: Figures) -> list[str]:
    """"4 killed (3 militants and 1 security-force member)", "at least 3 militants arrested": the
    best figure of each count, broken down by party as the report that gives it does."""
    out = []
    for name in COUNT_FIELDS:
        figure = figures.counts.get(name)
        if figure is None or figure.best is None:
            continue
        best = figure.best
        qualifier = best_qualifier(figures, name)
        lead = QUALIFIER_WORDS[qualifier] + " " if qualifier in QUALIFIER_WORDS else ""
        giving = figures.chosen.get(name)  # the account the best figure comes from
        if giving is None or giving.total != best:
            giving = next((r for r in figures.reports.get(name) or [] if r.total == best), None)
        named = {p: v for p, v in (giving.parties.items() if giving else ()) if p in PARTY_NOUNS and v}
        if len(named) == 1 and sum(named.values()) == best:
            ((party, n),) = named.items()
            out.append(f"{lead}{_count(n, party)} {name}")
        elif named and sum(named.values()) <= best:
            parts = " and ".join(_count(n, p) for p, n in named.items())
            joiner = " including " if sum(named.values()) < best else " ("
            out.append(f"{lead}{best:,} {name}{joiner}{parts}{')' if joiner == ' (' else ''}")
        else:
            out.append(f"{lead}{best:,} {name}")
    return out


def _count(n: int, party: str) -> str:
    singular, many = PARTY_NOUNS[party]
    return f"{n:,} {singular if n == 1 else many}"


def claim_value(value: str | None, value_num: float | None, qualifier: str | None, quote: str | None) -> str:
    """A claim's value as a face shows it, its qualifier travelling with the figure: "more than
    19,000" (the source's own words when it has them), "at least 3"; other values as stored."""
    if value_num is None:
        return value or ""
    figure = f"{int(value_num):,}"
    if qualifier in (None, "exact", "vague"):
        return figure
    from casefile.brief.quotes import qualifier_words

    words = qualifier_words(quote, qualifier) or QUALIFIER_WORDS.get(qualifier)
    return f"{words} {figure}" if words else figure
