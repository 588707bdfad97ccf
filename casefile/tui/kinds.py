"""What a claim supports, and the colour that says so, taken from the app's theme.

Every highlight and claim line is coloured by its field kind, so a curator sees which words
support the toll and which the place. The colours are mixed from the theme's own colours
(made readable on its background), so every built-in theme works."""

from __future__ import annotations

import re

from textual.color import Color

# field -> kind; fields without their own kind share the nearest one's colour
KIND_OF_FIELD = {"killed": "killed", "wounded": "wounded", "arrested": "arrested", "abducted": "arrested",
                 "released": "arrested", "operations": "arrested", "seized": "event", "location": "place",
                 "date": "date", "actor": "actor", "event_type": "event", "other": "event"}
KINDS = ("killed", "wounded", "arrested", "place", "date", "actor", "event")
KIND_HELP = {"killed": "killed", "wounded": "wounded", "arrested": "arrested, abducted, released, raids",
             "place": "place", "date": "date", "actor": "actor (who did it, to whom)",
             "event": "event type, seized items, notes"}
QUALIFIERS = {"at_least": "at least", "at_most": "at most", "about": "about", "vague": "", "exact": ""}


def kind_of(field: str) -> str:
    return KIND_OF_FIELD.get(field, "event")


def kind_colours(theme) -> dict[str, Color]:
    """One readable colour per kind from a textual Theme."""
    dark = theme.dark
    background = Color.parse(theme.background or ("#121212" if dark else "#efefef"))
    foreground = Color.parse(theme.foreground or ("#e0e0e0" if dark else "#1e1e1e"))

    def readable(value: str | None, fallback: str) -> Color:
        colour = Color.parse(value or fallback)
        # Lift a colour towards the text colour until it stands out from the background.
        for step in (0.0, 0.25, 0.4, 0.55):
            mixed = colour.blend(foreground, step)
            if abs(mixed.brightness - background.brightness) >= 0.35:
                return mixed
        return colour.blend(foreground, 0.55)

    primary = theme.primary or "#0178D4"
    error = theme.error or "#B93C5B"
    return {
        "killed": readable(error, "#B93C5B"),
        "wounded": readable(theme.warning, "#FEA62B"),
        "arrested": readable(primary, "#0178D4"),
        "place": readable(theme.success, "#4EBF71"),
        "date": readable(Color.parse(primary).blend(Color.parse(theme.success or "#4EBF71"), 0.5).hex, "#2aa0a0"),
        "actor": readable(Color.parse(primary).blend(Color.parse(error), 0.5).hex, "#8a5aa0"),
        "event": foreground.blend(background, 0.25),
    }


COUNTED = frozenset({"killed", "wounded", "arrested", "abducted", "released", "seized", "operations"})
_LONG_NUMBER = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,])")


def grouped(text: str) -> str:
    """Whole numbers of four digits or more with thousands separators ("1234" -> "1,234"),
    for display only: stored values and exports keep their own form."""
    return _LONG_NUMBER.sub(lambda m: f"{int(m.group()):,}", text)


def qualified(claim) -> str:
    """A claim's value as a source put it: "at least 3" (counts grouped: "at least 1,234")."""
    value = claim.value or ""
    if claim.field in COUNTED:
        value = grouped(value)
    qualifier = QUALIFIERS.get(claim.qualifier or "", (claim.qualifier or "").replace("_", " "))
    return f"{qualifier} {value}".strip()
