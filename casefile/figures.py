"""Incident figures derived from claims, and the note that says who reported what.

Claims are grouped into reports: what one source (an article, and who it attributes the
figure to) says per party. Within an article, reports that do not contradict each other are
one account ("authorities: 3 militants killed" + "the ministry: 1 officer killed" = 4
killed); contradicting ones stay separate (the ministry's 1 officer vs the monitor's 2).
Across reports: low = min, high = max, best = the most conservative (lowest) unless an
analyst set it, and disputed when the reports cannot all be true.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

COUNT_FIELDS = ("killed", "wounded", "arrested")
PARTY_WORDS = {"militant": ("militant", "militants"), "security": ("security", "security"),
               "civilian": ("civilian", "civilians"), "unknown": ("", "")}


@dataclass(frozen=True)
class Evidence:
    field: str
    value: float | None
    party: str | None
    qualifier: str | None
    article_id: int | None
    attributed_to: str | None
    origin: str = "extractor"
    source_label: str | None = None  # outlet or title, for the dispute note


@dataclass
class Figure:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass
class Report:
    article_id: int | None
    sources: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # who the article attributes it to
    parties: dict[str, int] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        named = sum(v for p, v in self.parties.items() if p != "unknown")
        return max(self.parties.get("unknown", 0), named)

    @property
    def open_ended(self) -> bool:
        return any(q == "at_least" for q in self.qualifiers.values())

    def conflicts(self, party: str, value: int) -> bool:
        return party in self.parties and self.parties[party] != value


@dataclass
class Figures:
    counts: dict[str, Figure]
    disputed: bool
    dispute_note: str | None
    reports: dict[str, list[Report]]


def _reports(evidence: list[Evidence]) -> list[Report]:
    reports: list[Report] = []
    for ev in evidence:
        value = int(ev.value)
        party = ev.party or "unknown"
        label = ev.attributed_to or ev.source_label or (f"article {ev.article_id}" if ev.article_id else "analyst")
        home = next((r for r in reports if r.article_id == ev.article_id
                     and not r.conflicts(party, value) and _same_voice(r, ev.attributed_to)), None)
        if home is None:
            home = Report(ev.article_id)
            reports.append(home)
        if ev.attributed_to and ev.attributed_to not in home.named:
            home.named.append(ev.attributed_to)
        if label not in home.sources:
            home.sources.append(label)
        home.parties[party] = max(value, home.parties.get(party, 0))
        if ev.qualifier:
            home.qualifiers[party] = ev.qualifier
    return reports


_GENERIC_SOURCES = ("authorities", "officials", "official", "sources", "source", "statement",
                    "ministry", "government", "police", "the army", "army", "military")


def _generic(source: str | None) -> bool:
    return source is None or source.lower() in _GENERIC_SOURCES


def _voice(source: str) -> str:
    """"Interior Ministry official" speaks for the Interior Ministry."""
    return re.sub(r"\s+(?:official|officials|spokes\w+|source|sources|statement)$", "", source.lower())


def _same_voice(report: Report, source: str | None) -> bool:
    """Claims of one article are one account unless two named sources speak (ministry vs monitor)."""
    named = {_voice(s) for s in report.named if not _generic(s)}
    return _generic(source) or not named or _voice(source) in named


def _consistent(reports: list[Report]) -> bool:
    """Can all these reports be true at once? "at least 3" agrees with 4; 3 and 5 do not."""
    exact = {r.total for r in reports if not r.open_ended}
    if len(exact) > 1:
        return False
    floor = max((r.total for r in reports if r.open_ended), default=0)
    return not exact or min(exact) >= floor


def derive(evidence: Iterable[Evidence]) -> Figures:
    by_field: dict[str, list[Evidence]] = {f: [] for f in COUNT_FIELDS}
    overrides: dict[str, int] = {}
    for ev in evidence:
        if ev.field not in by_field or ev.value is None:
            continue
        if ev.origin == "analyst":
            overrides[ev.field] = int(ev.value)
        else:
            by_field[ev.field].append(ev)
    counts, notes, disputed, all_reports = {}, [], False, {}
    for name, items in by_field.items():
        reports = _reports(items)
        all_reports[name] = reports
        totals = [r.total for r in reports]
        figure = Figure()
        if totals:
            figure = Figure(min(totals), min(totals), max(totals))
        if name in overrides:
            value = overrides[name]
            figure.best = value
            figure.low = value if figure.low is None else min(figure.low, value)
            figure.high = value if figure.high is None else max(figure.high, value)
        counts[name] = figure
        if len(reports) > 1 and not _consistent(reports):
            disputed = True
            notes.append(_note(name, reports))
    return Figures(counts, disputed, "; ".join(notes) or None, all_reports)


def describe(report: Report, field_name: str) -> str:
    parts = []
    named = {p: report.parties[p] for p in ("militant", "security", "civilian") if p in report.parties}
    unknown = report.parties.get("unknown")
    qualifier = "at least " if report.open_ended else ""
    if unknown and unknown >= sum(named.values()):
        text = f"{qualifier}{unknown} {field_name}"
        if named:
            text += " including " + " and ".join(f"{v} {_party(p, v)}" for p, v in named.items())
        return text
    for p, v in named.items():
        parts.append(f"{v} {_party(p, v)}".strip())
    if unknown:
        parts.append(str(unknown))
    return f"{qualifier}{' and '.join(parts)} {field_name}"


def _party(party: str, value: int) -> str:
    singular, plural = PARTY_WORDS.get(party, ("", ""))
    return singular if value == 1 else plural


def _note(field_name: str, reports: list[Report]) -> str:
    """Who reported what, one entry per distinct account: "Interior Ministry: 3 militants and
    1 security killed; Syrian Observatory for Human Rights: 5 killed including 2 security"."""
    accounts: dict[str, list[str]] = {}
    for r in reports:
        names = [s for s in r.named if not _generic(s)] or r.sources
        voices = accounts.setdefault(describe(r, field_name), [])
        for name in names:
            if _voice(name) not in {_voice(v) for v in voices}:
                voices.append(name)
    return "; ".join(f"{', '.join(voices)}: {text}" for text, voices in accounts.items())


def shown(r) -> str:
    """A figure as the faces show it: best, with the range when sources differ ("4 (4–5)")."""
    if r.best is None:
        return "—"
    if r.low != r.high:
        return f"{r.best} ({r.low}–{r.high})"
    return str(r.best)
