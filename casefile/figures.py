"""Incident figures derived from claims, and the note that says who reported what.

Claims are grouped into reports: what one source (an article, and who it attributes the
figure to) says per party. Within an article, reports that do not contradict each other are
one account ("authorities: 3 militants killed" + "the ministry: 1 officer killed" = 4
killed); contradicting ones stay separate (the ministry's 1 officer vs the monitor's 2).
A toll statement ("the death toll has risen to 19") updates its source's account instead of
contradicting it; "two other people" add to the people counted before; "among the dead was a
commander" is some of them, not a toll.

Each report's toll is its stated total, or the sum of its party counts when it counts more
than one party; a count of one party ("troops killed all five militants") is not a toll.
Across reports: best = the most conservative toll (ACLED's rule applied to totals) unless an
analyst set it; without any toll, the parties' most conservative counts added up. low and
high span the tolls (and the parties' counts), and disputed says the reports cannot all be
true. The best figure keeps its qualifier ("at least 12").
"""

from __future__ import annotations

import functools
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
    role: str | None = None  # "update" (a toll statement) | "other" (additional people) | "part" | "attackers" | None

    @classmethod
    def of_claim(cls, c) -> "Evidence":
        """A stored claim's figure (casefile.model.Claim)."""
        return cls(c.field, c.value_num, c.party, c.qualifier, c.article_id, c.attributed_to, c.origin,
                   role=role_of(c.detail))


def role_of(detail) -> str | None:
    """The role a stored claim's detail (a dict or its JSON text) gives its figure."""
    if not detail:
        return None
    if isinstance(detail, str):
        import json

        try:
            detail = json.loads(detail)
        except ValueError:
            return None
    return detail.get("role") if isinstance(detail, dict) else None


@dataclass
class Figure:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: str | None = None  # of best: exact | at_least | at_most | about | vague


@dataclass
class Report:
    article_id: int | None
    sources: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # who the article attributes it to
    parties: dict[str, int] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)
    others: int = 0  # people of no stated party, in addition to those counted
    part_only: bool = False  # only some of the people counted ("a woman was among the dead")
    within: set[str] = field(default_factory=set)  # parties given as some of the toll ("including 4 attackers")
    attackers: bool = False  # its militants are the attackers ("six attackers were also killed")

    @property
    def apart(self) -> int:
        """The attackers killed, beside a toll of people: a toll of the people an attack killed
        does not count them ("killing at least ten people"; "six attackers were killed"),
        unless the report gave them as part of it."""
        if self.attackers and "unknown" in self.parties and "militant" not in self.within:
            return self.parties.get("militant", 0)
        return 0

    @property
    def named_besides(self) -> int:
        """The named parties' counts, less the attackers counted apart."""
        return sum(v for p, v in self.parties.items() if p != "unknown") - self.apart

    @property
    def total(self) -> int:
        return max(self.parties.get("unknown", 0), self.named_besides) + self.apart + self.others

    @property
    def toll(self) -> int | None:
        """The report's total, or None when it counts one party only (not a toll)."""
        named = [p for p in self.parties if p != "unknown"]
        if "unknown" in self.parties or len(named) > 1 or self.others:
            return self.total
        return None

    @property
    def qualifier(self) -> str:
        """The qualifier of the total: the stated total's, else the parties' combined."""
        unknown = self.parties.get("unknown")
        apart = self.apart
        extra = [self.qualifiers.get("militant") or "exact"] if apart else []
        if unknown is not None and unknown >= self.named_besides:
            if self.others:
                extra.append(self.qualifiers.get("others") or "exact")
            return combine_qualifiers((self.qualifiers.get("unknown") or "exact", *extra))
        return combine_qualifiers([*(q for p, q in self.qualifiers.items() if p != "unknown"
                                     and not (apart and p == "militant")), *extra])

    def added(self, party: str, value: int) -> None:
        """People in addition to those counted ("two other people")."""
        if party == "unknown":
            self.others += value
        else:
            self.parties[party] = self.parties.get(party, 0) + value

    @property
    def open_ended(self) -> bool:
        return any(q == "at_least" for q in self.qualifiers.values())

    def conflicts(self, party: str, value: int) -> bool:
        return party in self.parties and self.parties[party] != value and self.qualifiers.get(party) != "vague"


@dataclass
class Figures:
    counts: dict[str, Figure]
    disputed: bool
    dispute_note: str | None
    reports: dict[str, list[Report]]
    chosen: dict[str, Report | None] = field(default_factory=dict)  # the account best comes from


_QUALIFIER_ORDER = ("vague", "at_most", "about", "at_least")  # the weakest word wins a sum


def combine_qualifiers(qualifiers) -> str:
    """The qualifier of a sum: "at least 3" and 2 make "at least 5"."""
    seen = set(qualifiers)
    return next((q for q in _QUALIFIER_ORDER if q in seen), "exact")


def _reports(evidence: list[Evidence]) -> list[Report]:
    reports: list[Report] = []
    for ev in evidence:
        value = int(ev.value)
        party = ev.party or "unknown"
        label = ev.attributed_to or ev.source_label or (f"article {ev.article_id}" if ev.article_id else "analyst")
        same_article = [r for r in reports if r.article_id == ev.article_id]
        if ev.role == "update":
            # The source's latest word on the toll: its account, updated (the last one it gave).
            home = next((r for r in reversed(same_article) if _same_voice(r, ev.attributed_to)), None)
        elif ev.role in ("other", "part"):
            home = same_article[-1] if same_article else None
        else:
            home = next((r for r in same_article
                         if not r.conflicts(party, value) and _same_voice(r, ev.attributed_to)), None)
        if ev.qualifier == "vague" and home is not None and ev.role is None \
                and any(q != "vague" for q in home.qualifiers.values()):
            continue  # "thousands of deaths" beside "20 civilians were killed": a magnitude yields to a number
        if home is None:
            home = Report(ev.article_id, part_only=ev.role == "part")
            reports.append(home)
        elif ev.role != "part":
            home.part_only = False
        if ev.attributed_to and ev.attributed_to not in home.named and ev.role != "part":
            home.named.append(ev.attributed_to)
        if label not in home.sources:
            home.sources.append(label)
        if ev.role == "attackers":
            home.attackers = True
        if ev.role == "update":
            home.parties[party] = value
        elif ev.role == "part" and home.parties:
            # Some of the people counted: at most it names their party.
            if party != "unknown":
                home.within.add(party)
                if value > home.parties.get(party, 0):
                    home.parties[party] = value
                    if ev.qualifier:
                        home.qualifiers[party] = ev.qualifier
            continue
        elif ev.role == "other" and (party in home.parties or party == "unknown"):
            home.added(party, value)
        elif home.qualifiers.get(party) == "vague" and ev.qualifier != "vague":
            home.parties[party] = value  # "dozens were killed ... 23 villagers": the number, not the magnitude
        else:
            home.parties[party] = max(value, home.parties.get(party, 0))
        if ev.qualifier:
            key = "others" if ev.role == "other" and party == "unknown" else party
            known = home.qualifiers.get(key) if ev.role == "other" else None
            home.qualifiers[key] = combine_qualifiers((ev.qualifier, known)) if known else ev.qualifier
    return reports


_GENERIC_SOURCES = ("authorities", "officials", "official", "sources", "source", "statement",
                    "ministry", "government", "police", "the army", "army", "military")


def _generic(source: str | None) -> bool:
    return source is None or source.lower() in _GENERIC_SOURCES


def _voice(source: str) -> str:
    """"Interior Ministry official" speaks for the Interior Ministry."""
    return re.sub(r"\s+(?:official|officials|spokes\w+|source|sources|statement)$", "", source.lower())


def _same_voice(report: Report, source: str | None) -> bool:
    """Claims of one article are one account unless two named sources speak (ministry vs monitor),
    or an armed group claims its own attack: its word and the narration's are two accounts."""
    named = {_voice(s) for s in report.named if not _generic(s)}
    if source is not None and _belligerent(source):
        return _voice(source) in named
    if _generic(source):
        return not any(_belligerent(n) for n in report.named)
    return not named or _voice(source) in named


@functools.lru_cache(maxsize=1024)  # a few sources, asked of every claim of every incident (17 µs each)
def _belligerent(source: str) -> bool:
    """A named armed group other than a state's forces ("Islamic State", "TTP spokesman")."""
    from casefile.extract.actors import CIVILIANS, UNIDENTIFIED, find_actors

    return any(a.name and a.name not in (UNIDENTIFIED, CIVILIANS) and "security forces" not in a.name
               and "forces / coalition" not in a.name for a in find_actors(source))


def _claims_only(report: Report) -> bool:
    """An armed group's claim of the soldiers or civilians it killed: every voice of the account
    is the group's, and it counts only the other side (a group's word on its own dead stands)."""
    return (bool(report.named) and all(_belligerent(n) for n in report.named)
            and bool(report.parties) and set(report.parties) <= {"security", "civilian"})


def _agree(figures: list[tuple[int, bool]]) -> bool:
    """Can all these figures be true at once? "at least 3" agrees with 4; 3 and 5 do not."""
    exact = {v for v, open_ended in figures if not open_ended}
    if len(exact) > 1:
        return False
    floor = max((v for v, open_ended in figures if open_ended), default=0)
    return not exact or min(exact) >= floor


def _consistent(reports: list[Report]) -> bool:
    """The tolls agree, each party's counts agree, and no party outnumbers an exact toll."""
    tolls = [(r.toll, r.open_ended) for r in reports if r.toll is not None]
    if not _agree(tolls):
        return False
    for party in ("militant", "security", "civilian"):
        counts = [(r.parties[party], r.qualifiers.get(party) == "at_least") for r in reports if party in r.parties]
        if not _agree(counts):
            return False
    exact = [t for t, open_ended in tolls if not open_ended]
    # (militants may outnumber a toll of the people an attack killed: they are not among them)
    return not exact or all(v <= min(exact) for r in reports for p, v in r.parties.items()
                            if p != "unknown" and not (p == "militant" and r.apart))


def _party_sum(reports: list[Report], pick) -> Report:
    """One account from the parties' counts across reports (each party's `pick`: min or max)."""
    combined = Report(None)
    for party in ("militant", "security", "civilian", "unknown"):
        values = [(r.parties[party], r.qualifiers.get(party)) for r in reports if party in r.parties]
        if values:
            value, qualifier = pick(values, key=lambda v: v[0])
            combined.parties[party] = value
            if qualifier:
                combined.qualifiers[party] = qualifier
    combined.others = pick((r.others for r in reports), default=0) if reports else 0
    for r in reports:
        combined.within |= r.within
        combined.attackers |= r.attackers
        combined.named += [n for n in r.named if n not in combined.named]
        combined.sources += [s for s in r.sources if s not in combined.sources]
    return combined


def best_report(reports: list[Report]) -> Report | None:
    """The account the best figure comes from: the most conservative toll, else the parties'
    most conservative counts as one account. A toll that is only a sum of parties ("20 to 40
    soldiers and four civilians") is weighed party by party against the other sources' counts
    of those parties. A vague word's coded value ("scores" = 20) stands in for a toll only when
    no source gives a number (ACLED's coding of vague figures)."""
    if any(not r.part_only for r in reports):
        reports = [r for r in reports if not r.part_only]  # some of the dead are no count of them
    if any(not _claims_only(r) for r in reports):
        # An armed group's claim of the toll it inflicted stands as a claim (the dispute note
        # keeps it) but yields to any other account, as ACLED codes them.
        reports = [r for r in reports if not _claims_only(r)]
    tolls = [r for r in reports if r.toll is not None]
    stated = [r for r in tolls if r.qualifier != "vague"]
    numbered = [r for r in reports if r.qualifier != "vague"]
    partial = [r for r in numbered if r.toll is None]
    if partial and not any("unknown" in r.parties or r.others for r in stated):
        stated = []   # no source states a total: each party's most conservative count, summed
    if stated:
        # A count of one party weighs against a toll made of that party alone ("nearly 50
        # worshipers" and "more than 40 bodies" by one source, "46 worshipers" by another).
        # Only a source named apart: an unattributed count may be a part ("41 people,
        # including 38 students").
        alike = [r for r in partial if len(r.parties) == 1 and not r.others
                 and any(t.parties.get(next(iter(r.parties))) == t.total
                         and r.named and not any(_same_voice(t, n) for n in r.named) for t in stated)]
        return min(stated + alike, key=lambda r: r.total)
    if tolls and not numbered:
        return min(tolls, key=lambda r: r.toll)
    pool = numbered or reports
    if not pool:
        return None
    return pool[0] if len(pool) == 1 else _party_sum(pool, min)


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
    counts, notes, disputed, all_reports, chosen = {}, [], False, {}, {}
    for name, items in by_field.items():
        reports = _reports(items)
        all_reports[name] = reports
        best = chosen[name] = best_report(reports)
        figure = Figure()
        if best is not None and len(reports) == 1:
            figure = Figure(best.total, best.total, best.total, best.qualifier)
        elif best is not None:
            tolls = [r.toll for r in reports if r.toll is not None]
            widest = _party_sum(reports, max).total
            low = min(tolls + [best.total])
            figure = Figure(low, best.total, max(tolls + [widest]), best.qualifier)
        if name in overrides:
            value = overrides[name]
            figure.best = value
            figure.qualifier = "exact"
            figure.low = value if figure.low is None else min(figure.low, value)
            figure.high = value if figure.high is None else max(figure.high, value)
        counts[name] = figure
        # an armed group's claim set aside is a disagreement to show, whatever its party
        claimed = any(map(_claims_only, reports)) and not all(map(_claims_only, reports))
        if len(reports) > 1 and (claimed or not _consistent(reports)):
            disputed = True
            notes.append(_note(name, reports))
    return Figures(counts, disputed, "; ".join(notes) or None, all_reports, chosen)


def describe(report: Report, field_name: str) -> str:
    parts = []
    named = {p: report.parties[p] for p in ("militant", "security", "civilian") if p in report.parties}
    unknown = report.parties.get("unknown")
    qualifier = "at least " if report.open_ended else ""
    if report.apart:
        named.pop("militant")
    if unknown and unknown >= sum(named.values()):
        text = f"{qualifier}{unknown}" + (f" and {report.apart} {_party('militant', report.apart)}" if report.apart else "")
        text += f" {field_name}"
        if named:
            text += " including " + " and ".join(f"{v} {_party(p, v)}" for p, v in named.items())
        return text
    for p, v in named.items():
        parts.append(f"{v} {_party(p, v)}".strip())
    if report.others:
        parts.append(f"{report.others} other{'s' if report.others != 1 else ''}")
    elif unknown:
        parts.append(str(unknown))
    return f"{qualifier}{' and '.join(parts)} {field_name}"


def _party(party: str, value: int) -> str:
    singular, plural = PARTY_WORDS.get(party, ("", ""))
    return singular if value == 1 else plural


def _note(field_name: str, reports: list[Report]) -> str:
    """Who reported what, one entry per distinct account: "Interior Ministry: 3 militants and
    1 security killed; Syrian Observatory for Human Rights: 5 killed including 2 security". A
    source that gives two figures is named once with both ("Al Gulf: 14 civilians killed and,
    separately, 9 civilians killed"): it disagrees with no one, and may tell of two events."""
    accounts: dict[str, list[str]] = {}
    for r in reports:
        names = [s for s in r.named if not _generic(s)] or r.sources
        voices = accounts.setdefault(describe(r, field_name), [])
        for name in names:
            if _voice(name) not in {_voice(v) for v in voices}:
                voices.append(name)
    by_voices: dict[str, list[str]] = {}
    for text, voices in accounts.items():
        by_voices.setdefault(", ".join(voices), []).append(text)
    return "; ".join(f"{who}: {' and, separately, '.join(texts)}" for who, texts in by_voices.items())


def shown(r) -> str:
    """A figure as the faces show it: best, with the range when sources differ ("4 (4–5)")."""
    if r.best is None:
        return "—"
    if r.low != r.high:
        return f"{r.best} ({r.low}–{r.high})"
    return str(r.best)
