"""The sources' own words, as the matcher reads them: content words, proper names, and how
rare each is in the case file (inverse document frequency).

A person deciding whether two reports describe one event looks first at the words that only
a few reports share: "church", a small town's name, "funeral", the commander's name. Those
are the tokens with a low document frequency across the case file; words every report uses
("killed", "security", "forces") say nothing. The vocabulary below only removes function
words and newsroom furniture; everything else is weighed by its rarity.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

# Function words, reporting verbs and calendar words: never evidence of the same event; nor the
# second halves of "UK-based", "Saudi-led", "rebel-held" (hyphens part words).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves
said says say told according reported reports report added statement statements spokesman
spokesperson official officials source sources news agency local state media newspaper
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
today yesterday tonight morning evening afternoon night week weeks month months year years day days
one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds several least
mr mrs ms dr
based led backed linked allied aligned affiliated controlled held old
""".split())

# Hyphens part words: outlets write "El-Fasher" and "El Fasher", "Al-Shabaab" and "al Shabaab".
_WORD = re.compile(r"[^\W\d_][\w'’]*[^\W_]|[^\W\d_]", re.UNICODE)
READING = 3  # the version of how sentences are read into words: kept readings of another are read again
_SENTENCE_END = re.compile(r"[.!?…]\s|[\n\r]")
MIN_LENGTH = 3


@functools.lru_cache(maxsize=1 << 16)  # a case file's words repeat: each is folded once
def fold(word: str) -> str:
    """Lower case, accents removed, possessives dropped: "Zeinab's" and "zeinab" are one token."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in word if not unicodedata.combining(c))
    word = word.lower()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.replace("’", "'")


def tokens(text: str) -> set[str]:
    """Content words of a text, folded; not the words of country names and nationalities
    (`country_words`): the place part weighs the country, once."""
    out = set(map(_content, _WORD.findall(text)))
    out.discard("")
    return out


@functools.lru_cache(maxsize=1 << 17)
def _content(word: str) -> str:
    """The folded word if it is a content word, else ""."""
    w = fold(word)
    return w if len(w) >= MIN_LENGTH and w not in STOPWORDS and w not in country_words() else ""


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """The words of every country's name and nationality adjectives ("Burkina", "Faso",
    "Nigerien") and the wire agencies' names: they say which conflict a report is about, or
    who carried it, never which incident."""
    from casefile.extract.vocabulary import WIRE_AGENCIES  # here: the extractor is not the matcher's to load

    path = Path(__file__).resolve().parent.parent / "data" / "demonyms.tsv"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        _code, country, demonyms = (line.split("\t") + ["", ""])[:3]
        for name in (country, *demonyms.split("|")):
            words.update(fold(w) for w in _WORD.findall(name))
    # A wire agency that carried the story says as little ("Reuters", "Xinhua").
    words.update(fold(w) for w in WIRE_AGENCIES)
    return frozenset(words)


def proper_names(text: str) -> set[str]:
    """Capitalised words that do not open a sentence: people, sites, towns, units.

    Without a tagger, a capital in mid-sentence is the best cheap sign of a name; words that
    are capitalised for other reasons (weekdays, months, "The") are in STOPWORDS, and the
    words of country names and nationalities are left out (`country_words`)."""
    starts = {0}
    starts.update(m.end() for m in _SENTENCE_END.finditer(text))
    out = set()
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        start = m.start()
        if start in starts or word.isupper() and len(word) <= 4:
            continue  # acronyms (IS, SDF, US) are group or country names, the actor field's job
        if start - 2 in starts and text[start - 2:start].strip() in _QUOTE_OPENERS:
            continue  # a quotation's first word
        w = _content(word)
        if w:
            out.add(w)
    return out


_QUOTE_OPENERS = ("“", '"', "‘", "'", "(")
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:for|of|the|al|de|el)\s+)*[A-Z][\w'’-]*)+")


def name_phrases(text: str) -> list[str]:
    """The many-word names of a text as written ("Syrian Observatory for Human Rights"), in
    order: what a reason shows, not what is scored."""
    out = []
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        # "The", "UK-based": capitalised but not part of the name
        while words and (fold(words[0]) in STOPWORDS or re.search(r"-[a-z]", words[0])):
            words.pop(0)
        if len([w for w in words if w[0].isupper()]) < 2:
            continue
        out.append(re.sub(r"['’]s$", "", " ".join(words)))
    return out


def phrase_words(phrases: Iterable[str]) -> dict[str, str]:
    """Each word of the names to the first name it is part of ("human" -> "Syrian
    Observatory for Human Rights")."""
    out: dict[str, str] = {}
    for phrase in phrases:
        for word in _WORD.findall(phrase):
            out.setdefault(fold(word), phrase)
    return out


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding [start, end) (the claim's quote)."""
    return sentences_at(text, [(start, end)])[0]


def sentences_at(text: str, spans: Iterable[tuple[int, int]], reach: int | None = None) -> list[str]:
    """The sentence holding each span of `text`, cut at `reach` characters either side of it;
    the text's sentence ends are found once, however many claims it has."""
    marks = list(_SENTENCE_END.finditer(text))
    ends, starts = [m.end() for m in marks], [m.start() for m in marks]
    reach = len(text) if reach is None else reach
    out = []
    for start, end in spans:
        k = bisect_right(ends, start)  # the last sentence end at or before the quote
        left = max(ends[k - 1] if k else 0, start - reach)
        k = bisect_left(starts, end)  # the first after it
        right = min(starts[k] + 1 if k < len(starts) else len(text), end + reach)
        out.append(text[left:right].strip())
    return out


class _Squares(dict):
    def __init__(self, idf):
        super().__init__()
        self.idf = idf

    def __missing__(self, token: str) -> float:
        value = self[token] = self.idf(token) ** 2
        return value


class Rarity:
    """Document frequencies of tokens over the records of one matching run."""

    def __init__(self, documents: Iterable[Iterable[str]]):
        self.df: Counter[str] = Counter()
        self.n = 0
        for doc in documents:
            self.n += 1
            self.df.update(set(doc))
        self._idf: dict[str, float] = {}
        # The overlap two reports of different events typically reach in this case file (its
        # outlets' stock phrases, a region's names): see casefile.match.score.calibrate.
        self.background = 0.0
        self._norms: dict[frozenset[str], float] = {}
        # idf² by token, filled on first use: read through its C-level __getitem__, the
        # hundreds of thousands of pairs of a large run cost no Python call per shared word
        self._square = _Squares(self.idf)
        self.square = self._square.__getitem__

    def idf(self, token: str) -> float:
        value = self._idf.get(token)
        if value is None:
            value = self._idf[token] = math.log((self.n + 1) / (self.df.get(token, 0) + 1)) + 1.0
        return value

    def rare(self, token: str, cap: int) -> bool:
        """Shared by at least two records and at most `cap`."""
        return 2 <= self.df.get(token, 0) <= cap

    def _square_norm(self, tokens: frozenset[str]) -> float:
        norm = self._norms.get(tokens)
        if norm is None:
            norm = self._norms[tokens] = math.fsum(map(self.square, tokens))
        return norm

    def overlap(self, a: frozenset[str], b: frozenset[str], leave_out: frozenset[str] = frozenset()) -> float:
        """How much two token sets share, weighted by idf², without the `leave_out` words on
        either side: the geometric mean of their TF-IDF cosine and of the share of the lighter
        set that the other holds. A report whose article's lead joins its sentences reads less
        like its twin for saying more, but by half what the cosine takes (real dev: the Pashat
        bombing's two reports); the cosine's half keeps a short text of common words from
        being "contained" in any other (the seed case: a foiled plot and a church bombing in
        one city). A record's norm is computed once per run (its set is the key)."""
        if not a or not b:
            return 0.0
        shared = (a & b) - leave_out if leave_out else a & b
        if not shared:
            return 0.0
        w2 = self.square
        num = math.fsum(map(w2, shared))  # fsum: the same to the last bit in any set order
        na, nb = self._square_norm(a), self._square_norm(b)
        if leave_out:
            na -= math.fsum(map(w2, leave_out & a))
            nb -= math.fsum(map(w2, leave_out & b))
        if na <= 0 or nb <= 0:
            return 0.0
        return num / math.sqrt(math.sqrt(na * nb) * min(na, nb))  # √(cosine × share of the lighter)
