"""Sentences with their offsets in the article body, skipping excluded spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from casefile.model import Span

# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cpl", "pvt", "gov",
    "sen", "rep", "prof", "st", "no", "vs", "inc", "co", "corp", "ltd", "jr", "sr", "mt",
    "brig", "adm", "cmdr", "rev", "fr", "approx", "est", "u.s", "u.k", "u.n", "e.g", "i.e",
}
_NEWLINES = re.compile(r"\n+")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n+")
_BROKEN_LINE = re.compile(r"[ \t]*(?:[a-z]|[,;][ \t])")  # no paragraph opens with a small letter or a comma


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


_LAST_WORD = re.compile(r"(?:^|[\s(])([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


def _ends_with_abbreviation(text: str) -> bool:
    # A match lies in the trailing run of letters and dots and the character before it
    # (unless "$" matches before a final newline): searching from there finds the same match
    # without scanning the whole sentence.
    start = 0 if text.endswith("\n") else max(0, len(text.rstrip(_WORD_CHARS)) - 1)
    m = _LAST_WORD.search(text, start)
    if not m:
        return False
    word = m[1].lower()
    return word in _ABBREVIATIONS or len(word) == 1 or bool(_INITIALS.fullmatch(word))


def split_sentences(body: str, excluded: Sequence[Span] = ()) -> list[Sentence]:
    """Sentences of the story text; excluded spans (furniture, headline) are left out."""
    sentences: list[Sentence] = []
    for block_start, block_end in _included_blocks(body, excluded):
        start = block_start
        paragraph = len(_NEWLINES.findall(body, 0, block_start))
        for m in _BOUNDARY.finditer(body, block_start, block_end):
            piece = body[start:m.start() + len(m.group(0).rstrip())]
            if m.group(0).startswith("\n") and _BROKEN_LINE.match(body, m.end()) and piece[-1:].isalnum():
                continue  # a page that breaks its lines inside a sentence ("seven soldiers were\n\nkilled")
            if "\n" not in m.group(0):
                next_char = body[m.end():m.end() + 1]
                if _ends_with_abbreviation(piece.rstrip("\"'”’)]")) or (next_char and next_char.islower()):
                    continue
                if next_char == "(" and m.group(0).startswith("..."):
                    continue  # words left out of a quote: "a ceremony ... (Tuesday) morning"
            _add(sentences, body, start, m.start() + len(m.group(0).rstrip()), paragraph)
            if "\n" in m.group(0):
                paragraph += 1
            start = m.end()
        _add(sentences, body, start, block_end, paragraph)
    return sentences


def _add(out: list[Sentence], body: str, start: int, end: int, paragraph: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end - start >= 3:
        out.append(Sentence(len(out), start, end, body[start:end], paragraph))


def _included_blocks(body: str, excluded: Sequence[Span]) -> list[tuple[int, int]]:
    blocks, position = [], 0
    for span in sorted(excluded, key=lambda s: s.start):
        if span.start > position:
            blocks.append((position, span.start))
        position = max(position, span.end)
    if position < len(body):
        blocks.append((position, len(body)))
    return blocks
