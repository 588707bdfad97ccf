"""Putting outside text into Markdown without letting it change the document's structure.

Titles, outlets, quotes and notes come from articles and analysts, so any of them may hold
`|`, a leading `#`, `<script>`, `[x](javascript:…)` or a newline. Everything is flattened to
one line and every character Markdown could read as syntax is backslash-escaped (CommonMark
allows escaping any ASCII punctuation), so the text renders exactly as written. Only http(s)
URLs ever become links.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from urllib.parse import quote, urlsplit

# C0/C1 controls, DEL and bidi overrides, as casefile.textsafe strips them, and lone
# surrogates (they cannot be written as UTF-8); whitespace is collapsed next.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")
# Everywhere: escapes, code, emphasis, strikethrough, links and footnotes, HTML, entities,
# headings, blockquotes, table cells. `!` `(` `)` are harmless once `[` is escaped.
_SPECIAL = re.compile(r"[\\`*_~\[\]<>&|]|#(?!\d)")  # "#12" (an incident id) cannot open a heading
# At the start of a line only: list items, thematic breaks, setext underlines, ordered lists.
_LEADING = re.compile(r"[-+=]|\d{1,9}(?=[.)])")
_LEADING_CHARS = frozenset("-+=0123456789")
_SPACES = re.compile(r"\s{2,}|[^\S ]")
# Mermaid labels keep letters, digits and plain punctuation (no "_": \w minus it).
_MERMAID_UNSAFE = re.compile(r"[^\w .,'()/+\-]|_")
_PLAIN_URL = re.compile(r"(?i)(https?)://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?(?:[/?#][\w\-.~!$&'()*+,;=:@%/?#]*)?",
                        re.ASCII)


def flat(text: object) -> str:
    """One line of plain text: invisible characters gone, whitespace collapsed."""
    if text is None:
        return ""
    text = str(text)
    if text.isprintable() and "  " not in text:  # the common case, ten times faster
        return text.strip(" ")
    return " ".join(_INVISIBLE.sub("", text).split())


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\g<0>", text) if _SPECIAL.search(text) else text


def inline(text: object) -> str:
    """Outside text as Markdown inline content that renders as written."""
    return guard_start(_escape(flat(text)))


def escape_run(text: str) -> str:
    """A piece of a longer line (whitespace collapsed but kept at the ends)."""
    if not text.isprintable() or "  " in text:
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return _escape(text)


def guard_start(out: str) -> str:
    """Escape what would open a block at the start of a line (the rest is escaped already);
    spaces around go, since " - x" after a list marker would still open a list."""
    if out[:1] == " " or out[-1:] == " ":
        out = out.strip(" ")
    if out[:1] not in _LEADING_CHARS:  # the common case, without a regex
        return out
    m = _LEADING.match(out)
    if m:  # "- x" → "\- x", "1. x" → "1\. x"
        at = m.end() if out[0].isdigit() else 0
        out = out[:at] + "\\" + out[at:]
    return out


@functools.lru_cache(maxsize=4096)  # places, types and actors repeat down the table
def cell(text: object, empty: str = "—") -> str:
    """A GFM table cell: inline text (so `|` is escaped and newlines are gone)."""
    return inline(text) or empty


def strong(inner: str, before: str = " ", after: str = " ") -> str:
    """`**inner**` when the markers can open and close there (CommonMark's flanking rules),
    else `inner` plain: better unbolded than stray asterisks. `inner` is already Markdown."""
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return inner
    word = lambda c: c.isalnum()  # noqa: E731 - anything else counts as punctuation here
    opens = word(inner[0]) or not before or before.isspace() or not word(before)
    closes = word(inner[-1]) or not after or after.isspace() or not word(after)
    return f"**{inner}**" if opens and closes else inner


def safe_url(url: object) -> str | None:
    """An http(s) URL fit for an autolink `<…>`, or None. Anything else — javascript:, data:,
    file:, relative paths, hosts with odd characters — is never linked."""
    text = flat(url)
    if not text or len(text) > 2000 or not re.match(r"(?i)https?://", text):
        return None
    if m := _PLAIN_URL.fullmatch(text):  # nothing to encode: skip the parsing
        return m[1].lower() + text[len(m[1]):]
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    netloc = parts.netloc
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if not re.fullmatch(r"[A-Za-z0-9.\-:@\[\]%_~!$&'*+,;=]+", netloc):
        return None
    # Percent-encode what an autolink or a table cell cannot hold (spaces, <, >, |, quotes,
    # backslashes, backticks, non-ASCII); keep what URLs legitimately use.
    keep = "/:?#[]@!$&'()*+,;=%-._~"
    rest = quote(parts.path, safe=keep) + (f"?{quote(parts.query, safe=keep)}" if parts.query else "") \
        + (f"#{quote(parts.fragment, safe=keep)}" if parts.fragment else "")
    return f"{parts.scheme.lower()}://{netloc}{rest}"


def autolink(url: object) -> str:
    """`<https://…>` for a safe URL; anything else as escaped plain text (never a link)."""
    safe = safe_url(url)
    return f"<{safe}>" if safe else inline(url)


def yaml_str(value: object) -> str:
    """A YAML scalar: null, a number, or a double-quoted string (JSON's escapes are YAML's,
    and characters YAML will not hold, or reads as line breaks, are escaped too)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = json.dumps(str(value), ensure_ascii=False)
    return "".join(c if _yaml_printable(c) else _u_escape(c) for c in text)


def _yaml_printable(c: str) -> bool:
    o = ord(c)
    if o < 0x80:
        return 0x20 <= o <= 0x7E
    return (0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000) and o not in (0x2028, 0x2029, 0xFEFF)


def _u_escape(c: str) -> str:
    o = ord(c)
    if 0xD800 <= o <= 0xDFFF:
        return "\\ufffd"
    return f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}"


def mermaid_text(text: object, limit: int = 60) -> str:
    """Text for a Mermaid timeline: letters, digits and plain punctuation only, so no `:`,
    `#`, `%%`, `;`, `<`, backtick or keyword trick can end a statement or the code block."""
    cleaned = unicodedata.normalize("NFC", " ".join(_MERMAID_UNSAFE.sub(" ", flat(text)).split()))
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned
