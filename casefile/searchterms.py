"""What a search matches, for a face to show: a place's other spellings, and where the
searched words are in an article.

A search for a place should find the spellings the gazetteer knows for it ("qalamoun" finds
"Qalamon"); a face highlights the hits in the article and scrolls to the first one. Both are
approximations of what FTS5 (unicode61 with diacritics removed, porter stemming) matched,
made from the query's words: exact for plain words and phrases, close for stems."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SYNTAX = re.compile(r'["*():^]|\b(?:AND|OR|NOT|NEAR)\b')
_WORD = re.compile(r"\w+")
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")


@dataclass(frozen=True)
class PlaceQuery:
    query: str  # the FTS5 query: every spelling as a phrase, OR-ed
    place: str  # the place's name in the gazetteer
    spellings: tuple[str, ...]


def place_query(text: str, gazetteer=None) -> PlaceQuery | None:
    """The query expanded with a place's spellings when the text, as typed, names one place
    the gazetteer knows under more than one spelling (no query syntax, at most four words)."""
    text = " ".join(text.split())
    if not text or _SYNTAX.search(text) or len(text.split()) > 4:
        return None
    if gazetteer is None:
        from casefile.extract.gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    found = gazetteer.spellings(text)
    if found is None:
        return None
    place, spellings = found
    spellings = [s for s in dict.fromkeys(" ".join(_WORD.findall(s)) for s in spellings) if s]
    if len(spellings) < 2:
        return None
    query = " OR ".join('"' + s.replace('"', '""') + '"' for s in spellings)
    return PlaceQuery(query, place.name, tuple(spellings))


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (offsets stay those of the text)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[:1] if not ch.isascii() else ch
        out.append(base.lower() if len(base.lower()) == 1 else ch)
    return "".join(out)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def query_terms(query: str) -> list[list[str]]:
    """The words of a query as terms to find: a quoted phrase is one term of several words;
    operators are left out."""
    terms, phrases = [], re.findall(r'"([^"]*)"', query)
    for phrase in phrases:
        words = _WORD.findall(fold(phrase))
        if words:
            terms.append(words)
    rest = re.sub(r'"[^"]*"', " ", query)
    for word in _WORD.findall(rest):
        if word in ("AND", "OR", "NOT", "NEAR"):
            continue
        terms.append([fold(word)])
    return terms


def hit_spans(body: str, terms: list[list[str]], limit: int = 500) -> list[tuple[int, int]]:
    """Where the terms occur in the body, in order; a term's last word may carry an ending
    ("raid" finds "raids")."""
    if not terms:
        return []
    folded = fold(body)
    spans = []
    for words in terms:
        *head, last = words
        pattern = r"\W+".join([*(re.escape(w) for w in head), re.escape(_stem(last)) + r"\w*"])
        spans += [m.span() for m in re.finditer(r"\b" + pattern, folded)]
    spans.sort()
    return spans[:limit]
