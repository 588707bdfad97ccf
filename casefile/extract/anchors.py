"""Fast scanning for big alternation regexes: look only where a match can start.

Python's `re` tries every alternative at every position, which is slow for patterns with a
hundred phrases. `AnchoredPattern` reads the pattern's possible first letters from its parse
tree (`re._parser`), so a scan calls `match` only at the words that begin with one of them.
The matches are exactly those of `pattern.finditer(text)` (tested on the evaluation texts).

Finding those words with a regex (`\b(?:prefixes)`, case-insensitive) still costs a full scan
of the text per pattern, more than the matching. So one pass over the words of a text
(`WordIndex`, shared by every pattern that scans the same text) routes each word, by its
first KEY case-folded characters, to the patterns a match may start there for: their
three-letter prefixes (what the regex scan would have found) and their longer prefixes, read
on across white space ("a dozen", "the toll"), must both agree.

`search_in` / `finditer_in` do the same for a piece of the text (a sentence, the window before
a number): exactly `pattern.search(piece)` / `pattern.finditer(piece)`, for patterns that must
start at a word boundary. A pattern whose alternative may start at any word is anchored on
its other alternatives where a regex (`needs`) shows that alternative cannot match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from re import _constants as c  # noqa: PLC2701 - the parser's own opcodes
from re import _parser

_WORD = re.compile(r"\w+")
WILD = "\0"  # the literal prefix ends here: anything may follow
DIGIT = "#"  # the match starts with a digit
LIMIT = 3


_SPACE = [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]  # \\s as the parser gives it


def _first(items: list, memo: dict, limit: int = LIMIT, space: bool = False) -> set[str]:
    """Literal prefixes (lowercase, at most `limit` chars, WILD-terminated when cut short).

    With `space`, \\s and \\s+ count as one " " (see `word_key`) instead of ending the prefix."""
    if not items:
        return {""}
    op, arg = items[0]
    rest = items[1:]
    if op in (c.AT, c.ASSERT_NOT, c.ASSERT):
        return _first(rest, memo, limit, space)
    if op is c.LITERAL:
        heads = {chr(arg).lower()}
    elif space and ([(op, arg)] == _SPACE or op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1
                    and list(arg[2]) == _SPACE):
        heads = {" "}
    elif op is c.SUBPATTERN:
        heads = _first(list(arg[-1]), memo, limit, space)
    elif op is c.BRANCH:
        heads = set().union(*(_first(list(b), memo, limit, space) for b in arg[1]))
    elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _high, body = arg
        once = {h if h.endswith(WILD) else h + WILD for h in _first(list(body), memo, limit, space)}
        return once | (_first(rest, memo, limit, space) if low == 0 else set())
    elif op is c.IN and any(o is c.CATEGORY and a is c.CATEGORY_DIGIT for o, a in arg):
        return {DIGIT + WILD}
    else:
        return {WILD}
    out = set()
    tails = None
    for h in heads:
        if h.endswith(WILD) or len(h) >= limit:
            out.add(h[:limit] if not h.endswith(WILD) else h)
            continue
        if tails is None:
            tails = _first(rest, memo, limit, space)
        out |= {(h + t) if len(h + t.rstrip(WILD)) <= limit else (h + t)[:limit] for t in tails}
    return out


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # exactly what \\w matches (re's Unicode rules)


def _bounded(items: list) -> bool:
    """Must a match start where a word starts? True when the pattern's first check at the
    start is \\b (or ^), or a lookbehind that excludes word characters; else False (which is
    also the answer when in doubt)."""
    for op, arg in items:
        if op is c.AT:
            return arg in (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING)
        if op is c.ASSERT_NOT and arg[0] == -1 and any(
                o is c.IN and any(x == (c.CATEGORY, c.CATEGORY_WORD) for x in a) for o, a in arg[1]):
            return True
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item is checked at the same position
        if op is c.SUBPATTERN:
            return _bounded(list(arg[-1]))
        if op is c.BRANCH:
            return all(_bounded(list(b)) for b in arg[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return arg[0] > 0 and _bounded(list(arg[2]))
        return False
    return False


def trie_regex(words: set[str]) -> str:
    """A regex matching any of the words, factored as a trie so `re` scans it quickly."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


# Case folding as `re.IGNORECASE` compares letters: the ASCII letters and the four other
# characters that match one ("İ" and "ı" match "i", "ſ" matches "s", the Kelvin sign "k").
_FOLD = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {
    0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_ODD_LETTERS = re.compile("[\u0130\u0131\u017f\u212a]")


KEY = 6  # characters of a word key: a word's beginning and often the next word's


def word_key(folded: str, start: int) -> str:
    """The KEY characters of `folded` from `start`, cut (and marked OPEN) before a character
    other than a single space between words, so that " " in a key stands for any run of
    white space: a key is then comparable with prefixes read with `space=True`."""
    key = folded[start:start + KEY]
    if key.isprintable() and "  " not in key:
        return key
    for i, char in enumerate(key):
        if not char.isprintable() or (char == " " and key[i - 1:i] == " "):
            return key[:i] + OPEN
    return key


OPEN = "\x00"  # ends a key that was cut: what follows is not known


_ANCHORED: list[AnchoredPattern] = []  # every pattern the word index serves, by number
# Word key -> the patterns a match may start there for: (numbers, details). `numbers` take
# the start of the word; `details` are (number, candidate length, worth trying) for the
# patterns that need to know what a scan of their LIMIT-letter candidates would skip
# (`AnchoredPattern.skips`). Kept across texts.
_ROUTES: dict[str, tuple[tuple[int, ...], tuple[tuple[int, int, bool], ...]]] = {}
_ROUTES_MAX = 200_000  # distinct word keys remembered (a guard, not reached by news text)


class WordIndex:
    """The candidate positions of every anchored pattern in one text, found in one pass over
    its words: `found[number]` lists them in text order (as in `_ROUTES`)."""

    _last: tuple[str, WordIndex] | None = None

    def __init__(self, text: str):
        # `str.lower` folds the same way, and faster, when none of the four odd letters occurs:
        # it changes other letters only into other non-ASCII letters, which no prefix contains.
        folded = text.translate(_FOLD) if _ODD_LETTERS.search(text) else text.lower()
        found: list[list] = [[] for _ in _ANCHORED]
        routes_of = _ROUTES.get
        for start in [m.start() for m in _WORD.finditer(text)]:
            key = folded[start:start + KEY]
            routes = routes_of(key)
            if routes is None:
                routes = _route(key, word_key(folded, start))
            numbers, details = routes
            for number in numbers:
                found[number].append(start)
            for number, length, worth in details:
                found[number].append((start, length, worth))
        self.found = found
        self.folded = folded
        self._worth: dict[int, list[int]] = {}

    def worth_starts(self, number: int) -> list[int]:
        """The starts in `found[number]` (a pattern that `skips`) where a match is worth
        trying: read for each sentence, so kept once made."""
        starts = self._worth.get(number)
        if starts is None:
            starts = self._worth[number] = [at for at, _n, worth in self.found[number] if worth]
        return starts

    @classmethod
    def of(cls, text: str) -> WordIndex:
        """The index of `text`, kept for the last text: one article is scanned by many patterns."""
        last = cls._last
        if last is not None and last[0] is text:
            return last[1]
        index = cls(text)
        cls._last = (text, index)
        return index


def _route(raw: str, key: str) -> tuple:
    if len(_ROUTES) >= _ROUTES_MAX:
        _ROUTES.clear()
    numbers, details = [], []
    for number, p in enumerate(_ANCHORED):
        length = p.candidate_length(key)
        if p.skips:
            if length:
                details.append((number, length, p.worth_trying(key)))
        elif length and p.worth_trying(key):
            numbers.append(number)
    routes = _ROUTES[raw] = (tuple(numbers), tuple(details))
    return routes


class AnchoredPattern:
    """`pattern.finditer`, trying `pattern.match` only where a match can start.

    A pattern with an alternative that may start at any word ("(?:\\w+|\\d+) days? ago") can
    still be anchored when that alternative needs rare words: `starts` is the pattern without
    it, and the text is scanned in full only where `needs` (a case-sensitive regex, such as
    "ago") is found in the text's case-folded form.
    """

    def __init__(self, pattern: re.Pattern, starts: str | None = None, needs: str | None = None):
        self.pattern = pattern
        self.needs = re.compile(needs) if needs else None
        parsed = list(_parser.parse(starts if starts is not None else pattern.pattern, pattern.flags))
        prefixes = {p.split(WILD)[0] for p in _first(parsed, {})}
        self.anywhere = "" in prefixes
        self.bounded = _bounded(parsed)
        literal = {p for p in prefixes if p and p != DIGIT}
        starts = [trie_regex(literal)] if literal else []
        if DIGIT in prefixes:
            starts.append(r"\d")
        # The regex scan this replaces; kept as the definition of a candidate.
        self.candidates = re.compile(r"\b(?:" + "|".join(starts) + ")", re.IGNORECASE) if starts else None
        # Every prefix starts with a word character, so a candidate is the start of a word;
        # DIGIT stands only for a whole prefix, so a candidate is where a match may start.
        assert all((p[0].isalnum() or p[0] == "_") and DIGIT not in p for p in literal)
        self.literal = literal
        # A candidate holding a word start of its own ("u.s" of "U.S."): a scan skips that.
        self.skips = any(len(p) == LIMIT and not _is_word(p[1]) for p in literal)
        self.digit = DIGIT in prefixes
        # Longer prefixes, white space included: fewer words where a match is worth trying.
        # (DIGIT stands for any digit: a prefix stops before it.)
        longer = {p.split(WILD)[0].split(DIGIT)[0] for p in _first(parsed, {}, KEY, space=True)}
        self.longer = longer - {""}
        assert self.anywhere or all(p[0].isalnum() or p[0] == "_" for p in self.longer)
        self.number = None
        if not self.anywhere and self.candidates is not None:
            self.number = len(_ANCHORED)
            _ANCHORED.append(self)
            _ROUTES.clear()
            WordIndex._last = None

    def candidate_length(self, key: str) -> int:
        """What `self.candidates` matches at a word with key `key` (see `word_key`): the
        longest prefix (its trie is greedy), else one digit; 0 when it does not match there."""
        key = key[:LIMIT].rstrip(OPEN)  # a cut key loses only characters no prefix holds
        for n in range(len(key), 0, -1):
            if key[:n] in self.literal:
                return n
        return 1 if self.digit and key[:1].isdecimal() else 0

    def worth_trying(self, key: str) -> bool:
        """Can a match start at a word with key `key`, by the longer prefixes?"""
        if self.digit and key[:1].isdecimal():
            return True
        if key.endswith(OPEN):  # cut: any prefix that agrees as far as the key goes
            key = key[:-1]
            return any(p.startswith(key) or key.startswith(p) for p in self.longer)
        return any(key[:n] in self.longer for n in range(1, len(key) + 1))

    def _needed(self, folded: str, start: int = 0, end: int | None = None) -> bool:
        return self.needs is not None and self.needs.search(folded, start, len(folded) if end is None else end) is not None

    def finditer(self, text: str):
        if self.number is None:
            yield from self.pattern.finditer(text)
            return
        index = WordIndex.of(text)
        if self._needed(index.folded):
            yield from self.pattern.finditer(text)
            return
        end = 0
        match = self.pattern.match
        if not self.skips:
            for start in index.found[self.number]:
                if start >= end:
                    m = match(text, start)
                    if m:
                        yield m
                        end = m.end()
            return
        scanned = 0
        for start, n, worth in index.found[self.number]:
            if start < scanned:
                continue  # inside the candidate before ("U.S."), as a regex scan would skip it
            scanned = start + n
            if start < end or not worth:
                continue
            m = match(text, start)
            if m:
                yield m
                end = m.end()

    # -- a piece of a text: exactly `pattern.search(text[start:end])` and `.finditer(...)` --

    def _starts_in(self, text: str, start: int, end: int) -> list[int] | None:
        """Where a match in text[start:end] may start (offsets in the piece), in order; None
        when the piece must be scanned in full. Every start of a match is among them."""
        if self.number is None or not self.bounded:
            return None
        index = WordIndex.of(text)
        if self._needed(index.folded, start, end):
            return None
        found = index.worth_starts(self.number) if self.skips else index.found[self.number]
        starts = []
        if 0 < start < end and _is_word(text[start - 1]) and _is_word(text[start]) \
                and self.candidate_length(key := word_key(index.folded, start)) and self.worth_trying(key):
            starts.append(0)  # the piece begins inside a word of the text: a word start of its own
        starts.extend(at - start for at in found[bisect_left(found, start):bisect_left(found, end)])
        return starts

    def search_in(self, text: str, start: int, end: int, piece: str | None = None) -> re.Match | None:
        """`pattern.search(piece)` for piece = text[start:end] (offsets in the piece)."""
        piece = text[start:end] if piece is None else piece
        starts = self._starts_in(text, start, end)
        if starts is None:
            return self.pattern.search(piece)
        match = self.pattern.match
        for at in starts:
            m = match(piece, at)
            if m:
                return m
        return None

    def finditer_in(self, text: str, start: int, end: int, piece: str | None = None):
        """`pattern.finditer(piece)` for piece = text[start:end] (offsets in the piece)."""
        piece = text[start:end] if piece is None else piece
        starts = self._starts_in(text, start, end)
        if starts is None:
            yield from self.pattern.finditer(piece)
            return
        match = self.pattern.match
        after = 0
        for at in starts:
            if at < after:
                continue
            m = match(piece, at)
            if m:
                yield m
                after = m.end()  # never empty: a match takes at least its first prefix letter
