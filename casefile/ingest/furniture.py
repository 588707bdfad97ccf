"""Page furniture: share buttons, comment forms, newsletter prompts, photo captions.

It is kept in the stored body (offsets must stay true to the source) but marked as excluded
spans so extraction never reads an incident out of a caption or a promo banner.
"""

from __future__ import annotations

import re

from casefile.model import Span

_WHOLE_LINE = re.compile(
    r"^(?:share(?: this(?: article| story)?)?(?: on \w+)?|tweet|print|e-?mail|comments?|"
    r"advertisement|advert|sponsored(?: content)?|related(?: articles| stories| news| topics)?|"
    r"read (?:more|next|also)|see also|also read|more (?:on|from) .{1,40}|sign up|log ?in|"
    r"subscribe(?: now| today)?|follow us(?: on .*)?|recommended(?: for you)?|most (?:read|popular)|"
    r"trending(?: now)?|newsletter|topics?|tags?|listen(?: to (?:this )?article)?(?: \d+ min)?|"
    r"\d+ min(?:ute)?s? read|skip to (?:main )?content|back to top|loading\W*|"
    r"copy link|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|leave a (?:reply|comment))"
    r"\W*$",
    re.IGNORECASE,
)
# "READ: Nearly 200 dead in Haiti massacre", "ALSO SEE: Arizona restaurant shooting: ...": a
# link to another story, its headline after the label.
_LINK_LINE = re.compile(
    r"(?:article continues after (?:this )?advertisement\s*)?"
    r"(?:(?:also|related|must|more)\s+)?(?:read|see|watch|related)(?:\s+(?:also|more|next|too))?\s*:\s*\S",
    re.IGNORECASE,
)
_ANYWHERE = re.compile(
    r"your email address will not be published|required fields are marked|"
    r"subscribe to (?:our|the) newsletter|sign up (?:for|to) (?:our|the)|personali[sz]e your news|"
    r"choosing the categories|add the category|browse categories|we use cookies|"
    r"cookie (?:policy|settings)|all rights reserved|^\s*(?:©|copyright\b)|click (?:here|on the icon)|"
    r"download (?:our|the) app|join (?:us|our) on (?:telegram|whatsapp)|"
    r"get (?:our|the) (?:daily|weekly|morning) (?:newsletter|briefing)|"
    r"support (?:our|independent) journalism|this article (?:was|has been) updated",
    re.IGNORECASE,
)
# A caption ends with a photo credit: "(STRINGER/AFP via Getty Images)", "(Reuters/Name)".
_CAPTION = re.compile(
    r"(?:\((?:[^()]*(?:via Getty|Getty Images|AFP|Reuters|AP Photo|EPA|Anadolu|photo|file)[^()]*)\)\s*$"
    r"|^(?:photo|image|picture|file photo|caption|credit)\s*[:|])",
    re.IGNORECASE,
)
# Literal words every alternative of _ANYWHERE needs: a line holding none of them cannot match,
# so the regex runs only on the few lines that do (a scan per keyword in C is ~50× cheaper than
# the regex's alternation tried at every character).
_ANYWHERE_KEYS = ("your email address", "required fields", "newsletter", "sign up", "your news",
                  "choosing the categories", "add the category", "browse categories", "we use cookies",
                  "cookie ", "all rights reserved", "©", "copyright", "click here", "click on the icon",
                  "download our", "download the", "join us on", "join our on", "get our", "get the",
                  "journalism", "updated")
# What is looked for: a part of each key, several keys sharing one ("categor" for three), as
# each scan of a body costs the same whatever it looks for.
_ANYWHERE_BYTES = tuple(part.encode("utf-8") for part in (
    "your email address", "required fields", "newsletter", "sign up", "your news", "categor", "cookie",
    "all rights reserved", "©", "copyright", "click ", "download ", "join ", "get our", "get the",
    "journalism", "updated"))
assert all(any(part.decode() in key for part in _ANYWHERE_BYTES) for key in _ANYWHERE_KEYS)
# Characters that re.IGNORECASE takes for ASCII letters but str.lower() does not make ASCII.
_ODD_LETTERS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
# "... on Monday morning. (Photo by Waedao Harai)": a credit that says it is one.
_PHOTO_CREDIT = re.compile(r"\((?:photos?|photograph|picture|image)\s*(?:by\b|:|credit\b)[^()]*\)\s*$", re.IGNORECASE)
_CAPTION_START = re.compile(
    r"^(?:a |an |the )?(?:picture|photo|photograph|image|file photo|handout|screengrab|video)\b",
    re.IGNORECASE,
)


def line_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each line, newline excluded."""
    spans, start = [], 0
    for line in body.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def is_furniture_line(line: str, may_be_anywhere: bool | None = None) -> str | None:
    """Why a line is page furniture, or None. `may_be_anywhere`: whether the line holds one of
    _ANYWHERE's keywords, when the caller has looked already (furniture_lines, once per body)."""
    text = line.strip()
    if not text:
        return None
    if _WHOLE_LINE.match(text) or _LINK_LINE.match(text):
        return "page furniture"
    if len(text) < 300 and (_may_be_anywhere(text) if may_be_anywhere is None else may_be_anywhere) \
            and _ANYWHERE.search(text):
        return "page furniture"
    if len(text) < 400 and ("(" in text or ":" in text or "|" in text) and _CAPTION.search(text) and (
        _CAPTION_START.match(text) or re.search(r"\bshows?\b|\bseen\b|\bpictured\b", text)
        or _PHOTO_CREDIT.search(text)
    ):
        return "photo caption"
    return None


def _folded(text: str) -> bytes:
    """The text as UTF-8 with ASCII letters lowered, after the few non-ASCII letters that
    re.IGNORECASE takes for ASCII ones are made ASCII: every _ANYWHERE_KEYS word a match of
    _ANYWHERE holds is then a plain substring. (bytes.lower() is one pass in C; a translate
    table on a str costs ~70 ns per character, and nearly every article has a curly quote.)"""
    if not text.isascii():
        for odd in _ODD_LETTERS:
            if odd in text:
                text = text.replace(odd, _ODD_LETTERS[odd])
    return text.encode("utf-8", "surrogatepass").lower()


def _may_be_anywhere(text: str) -> bool:
    folded = _folded(text)
    return any(map(folded.__contains__, _ANYWHERE_BYTES))


def _lines_maybe_anywhere(body: str) -> set[int]:
    """Numbers of the lines holding a _ANYWHERE_KEYS word: one scan of the whole body per
    keyword (no keyword spans a newline), instead of every keyword tried on every line."""
    folded = _folded(body)
    found: set[int] = set()
    for key in _ANYWHERE_BYTES:
        at = folded.find(key)
        while at >= 0:
            line = folded.count(b"\n", 0, at)
            found.add(line)
            # the rest of this line holds the key already: go on from the next line
            end = folded.find(b"\n", at)
            if end < 0:
                break
            at = folded.find(key, end)
    return found


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def furniture_lines(body: str, lines: list[str] | None = None) -> dict[int, str]:
    """The reason of each furniture line, by line number (`lines`: body.split("\\n"), if known)."""
    anywhere = _lines_maybe_anywhere(body)
    return {i: reason for i, line in enumerate(body.split("\n") if lines is None else lines)
            if (reason := is_furniture_line(line, i in anywhere))}


_SENTENCE_END = re.compile(r"[.!?][”\"’')]*\s*$")


_AUXILIARY = re.compile(r"\b(?:was|were|had|has been|have been|is being|are being)\b", re.IGNORECASE)


def _headline_like(text: str) -> bool:
    """A short capitalised line that ends without a sentence's punctuation."""
    words = text.split()
    return 3 <= len(words) <= 16 and text[0].isupper() and not _SENTENCE_END.search(text) \
        and not text.endswith((":", ",", ";"))


def find_furniture(body: str, signature_line: int | None = None,
                   line_reasons: dict[int, str] | None = None, texts: list[str] | None = None) -> list[Span]:
    """Excluded spans of page furniture, by line (`line_reasons`: furniture_lines(body), and
    `texts`: body.split("\\n"), if known)."""
    if texts is None:
        texts = body.split("\n")
    lines, start = [], 0
    for text in texts:
        lines.append((start, start + len(text)))
        start += len(text) + 1
    reasons = dict(furniture_lines(body, texts) if line_reasons is None else line_reasons)
    # The tail after a signature line is page chrome (short promo lines, shouted banners,
    # category prompts); so is a run of furniture and banners that ends the page.
    nonempty = [i for i, t in enumerate(texts) if t.strip()]
    tail_start = None
    if signature_line is not None:
        reasons[signature_line] = "signature"
        tail_start = signature_line + 1
    else:
        # (and, once the story has been told in sentences, a related story's headline below
        # it: "Zamfara Police kill 30 bandits after slaughter of 10 villagers")
        told = None  # read only when such a headline ends the page
        for i in reversed(nonempty):
            text = texts[i].strip()
            chrome = i in reasons or (len(text) < 80 and _shouting(text))
            if not chrome and _headline_like(text):
                if told is None:
                    told = any(_SENTENCE_END.search(texts[j]) and len(texts[j].split()) >= 8 for j in nonempty)
                chrome = told
            if chrome:
                tail_start = i
            else:
                break
    if tail_start is not None:
        for i in nonempty:
            if i >= tail_start and len(texts[i].strip()) < 160:
                reasons.setdefault(i, "page furniture")
    # Between the story's sentences, a headline is a link to another story ("IS 'executes' at
    # least 15 civilians in Mosul: officials"): its place and toll are not this story's. A
    # headline drops its auxiliaries; a line with one is a sentence that lost its full stop.
    told = [i for i in nonempty if _SENTENCE_END.search(texts[i]) and len(texts[i].split()) >= 8]
    for i in nonempty:
        text = texts[i].strip()
        if told and told[0] < i < told[-1] and i not in reasons and _headline_like(text) \
                and not _AUXILIARY.search(text):
            reasons[i] = "related headline"
    # A short fragment sandwiched between furniture lines is furniture too ("about the").
    for pos, i in enumerate(nonempty[1:-1], start=1):
        if i not in reasons and len(texts[i].strip()) < 40:
            if nonempty[pos - 1] in reasons and nonempty[pos + 1] in reasons:
                reasons[i] = reasons[nonempty[pos - 1]]
    return [Span(lines[i][0], lines[i][1], reason) for i, reason in sorted(reasons.items())]
