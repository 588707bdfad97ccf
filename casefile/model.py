"""Plain records passed between the core and its two faces (CLI and TUI)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# Search snippets mark hits with these two characters. Stored text can never contain them
# (control characters are stripped on import), so a face can style hits without ambiguity.
HIT_START = "\x02"
HIT_END = "\x03"


class Status(str, enum.Enum):
    CANDIDATE = "candidate"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    MERGED = "merged"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str = ""


@dataclass
class ArticleDraft:
    """An article read from a file, cleaned, not yet stored."""

    body: str
    sha256: str  # of the original bytes, for provenance
    path: str
    format: str
    record: str | None = None  # "line 3", "row 4", "item 2" for files holding many articles
    title: str | None = None
    published: str | None = None  # ISO date, or None when the text does not state one
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    excluded: list[Span] = field(default_factory=list)  # page furniture: not extracted
    warnings: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return f"{self.path} ({self.record})" if self.record else self.path


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    path: str | None
    sha256: str
    chars: int


@dataclass(frozen=True)
class Article:
    id: int
    sha256: str
    path: str | None
    record: str | None
    format: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    body: str
    excluded: tuple[Span, ...]
    imported_at: str

    @property
    def chars(self) -> int:
        return len(self.body)


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # hits between HIT_START and HIT_END
    rank: float | None  # bm25, lower is better; None when too many hits to rank


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int  # number of matching articles (capped at SEARCH_COUNT_CAP)
    total_capped: bool
    ranked: bool
    hits: list[SearchHit]
    literal: bool = False  # True when the words were searched as typed, without query syntax
