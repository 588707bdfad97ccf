"""Plain records passed between the core and its two faces (CLI and TUI)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Search snippets mark hits with these two characters. Stored text can never contain them
# (control characters are stripped on import), so a face can style hits without ambiguity.
HIT_START = "\x02"
HIT_END = "\x03"


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


@dataclass
class ClaimDraft:
    """One source assertion, anchored to the words of the article body that state it."""

    field: str  # killed, wounded, arrested, abducted, released, seized, operations, date, location, actor, event_type
    value: str | None
    value_num: float | None = None
    qualifier: str | None = None  # exact | at_least | at_most | about | vague
    party: str | None = None  # militant | security | civilian | unknown
    attributed_to: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    detail: dict | None = None
    origin: str = "extractor"
    anchor_status: str = "exact"


@dataclass
class CandidateIncident:
    event_type: str | None
    sub_event_type: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str | None
    actor1: str | None
    actor2: str | None
    summary: str
    claims: list[ClaimDraft] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    id: int
    incident_id: int
    article_id: int | None
    field: str
    value: str | None
    value_num: float | None
    qualifier: str | None
    party: str | None
    attributed_to: str | None
    start: int | None
    end: int | None
    quote: str | None
    prefix: str | None
    suffix: str | None
    anchor_status: str
    origin: str
    detail: dict | None


@dataclass(frozen=True)
class Range:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str | None = None  # of best ("at_least": "at least 12"); None when unknown

    def as_json(self) -> dict:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass(frozen=True)
class Incident:
    id: int
    status: str
    merged_into: int | None
    origin: str
    summary: str | None
    event_type: str | None
    sub_event_type: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str | None
    actor1: str | None
    actor2: str | None
    killed: Range
    wounded: Range
    arrested: Range
    disputed: bool
    dispute_note: str | None
    created_at: str
    updated_at: str
    version: int
    article_ids: tuple[int, ...] = ()

    def as_json(self) -> dict:
        return {
            "id": self.id, "status": self.status, "date_start": self.date_start,
            "date_end": self.date_end, "date_precision": self.date_precision,
            "location": self.location, "admin1": self.admin1, "country": self.country,
            "latitude": self.latitude, "longitude": self.longitude,
            "geo_precision": self.geo_precision, "event_type": self.event_type,
            "sub_event_type": self.sub_event_type, "actor1": self.actor1, "actor2": self.actor2,
            "killed": self.killed.as_json(), "wounded": self.wounded.as_json(),
            "arrested": self.arrested.as_json(), "disputed": self.disputed,
            "summary": self.summary, "article_ids": list(self.article_ids),
        }
