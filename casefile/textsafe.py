"""Making outside text safe to store and to show.

Article text comes from anywhere. Before it is stored, newlines are normalised and every
C0/C1 control character except newline and tab is removed, so nothing from an article can
move the cursor or restyle a terminal. Offsets of claims are taken in the cleaned text.
"""

import re

# C0 controls except \t and \n, DEL, and the C1 range (which some terminals obey as 8-bit
# escape sequences, e.g. \x9b is CSI); then Unicode bidi overrides/isolates and other invisible
# formatting that can disguise text. One class, so the text is scanned once.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def strip_controls(text: str) -> str:
    """Remove control characters that a terminal could interpret (keeps \\n and \\t)."""
    return _UNSAFE.sub("", text)


def clean_text(text: str) -> str:
    return strip_controls(normalise_newlines(text))


def one_line(text: str | None, width: int | None = None) -> str:
    """Text for a single table cell or status line: controls gone, whitespace collapsed."""
    if not text:
        return ""
    flat = " ".join(strip_controls(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(width - 1, 0)] + "…"
    return flat
