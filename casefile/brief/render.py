"""The Markdown brief: a situation brief built from the case file alone, byte for byte the same
for the same case file and options.

`render` reads what it needs through the store's brief methods, then only builds text: front
matter, overview with key takeaways, the incident table, a Mermaid timeline, one section per
incident (summary, figures, claims quoted by source, conflicting reports, analysis, links),
numbered sources, and the method note. Outside text goes through `casefile.brief.markdown`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from casefile import __version__
from casefile.brief.files import brief_filename
from casefile.brief.markdown import autolink, cell, escape_run, flat, guard_start, inline, strong, yaml_str
from casefile.brief.options import DEFAULT_TITLE, BriefOptions
from casefile.brief.quotes import balance, bold_pieces, qualifier_words, stating_span
from casefile.brief.timeline import timeline
from casefile.brief.words import QUALIFIERS as QUALIFIERS_SHOWN
from casefile.brief.words import (
    COUNTS,
    breakdown,
    claim_figure,
    date_cell,
    date_phrase,
    day,
    figure_cell,
    join_and,
    plural,
    span,
    total_phrase,
    when,
)
from casefile import disputes as field_disputes
from casefile.curate import EVENT_TYPES
from casefile.errors import CasefileError
from casefile.figures import COUNT_FIELDS, Evidence, derive
from casefile.summary import QUALIFIER_WORDS, best_qualifier
from casefile.figures import _generic as generic_source  # one rule for "authorities", "officials"…
from casefile.figures import _voice as voice
from casefile.model import Claim, Incident

FIGURE_FIELDS = (*COUNTS, "seized")
RELATION_WORDS = {  # (seen from the source, seen from the target)
    "related": ("Related to", "Related to"),
    "follow_up": ("Follow-up to", "Followed up by"),
    "part_of": ("Part of", "Includes"),
}
REACH = 300  # characters either side of a claim searched for its sentence's ends
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*(?=\s|$)|\n")
_LAST_END = re.compile(r"(?s:.*)([.!?][”\"’')\]]*(?=\s)|\n)")  # greedy: finds the last one
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_ABBREVIATION_TAILS = frozenset(("sept", "capt", "brig", "prox"))  # the lowercase endings of the long ones
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gen col lt maj sgt capt brig "
    "cpl pvt adm gov sen rep vs approx est e.g i.e".split())


class EmptyBrief(CasefileError):
    """No incident matches the options: nothing to write."""


@dataclass(frozen=True)
class Brief:
    markdown: str
    filename: str
    incidents: int
    filter: dict
    title: str = DEFAULT_TITLE
    generated_at: str = ""
    period: tuple[str | None, str | None] = (None, None)

    @functools.cached_property
    def data(self) -> bytes:
        return self.markdown.encode("utf-8")

    @functools.cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class _Case:
    """Everything the brief shows, read once."""

    options: BriefOptions
    title: str
    generated: dt.datetime
    incidents: list[Incident]
    counts: dict[str, int]
    claims: dict[int, list[Claim]]
    articles: dict[int, dict]
    annotations: dict[int, list[dict]]
    relations: dict[int, list[dict]]
    merged_from: dict[int, list[int]]
    others: dict[int, dict]
    period: tuple[str | None, str | None]
    previous: tuple[str, str, list[Incident]] | None
    shown: dict[int, Incident] = field(default_factory=dict)  # incident id → the incident, for links
    cite: dict[int, int] = field(default_factory=dict)  # article id → its footnote number, by first citation
    cited: list[int] = field(default_factory=list)  # every source the brief cites, in incident order
    order: dict[int, int] = field(default_factory=dict)  # article id → its place in `cited`


def render(case, options: BriefOptions) -> Brief:
    """The brief for these options. Raises EmptyBrief when no incident matches."""
    data = _read(case, options)
    out: list[str] = []
    out += _front_matter(data)
    out += _overview(data)
    out += _table(data)
    out += _timeline(data)
    out += ["## Incidents", ""]
    for incident in data.incidents:
        out += _incident(data, incident)
    out += _method(data)
    out += _sources(data)
    markdown = "\n".join(out).rstrip("\n") + "\n"
    stamp = data.period[1] or data.generated.date().isoformat()
    return Brief(markdown=markdown, filename=brief_filename(data.title, stamp),
                 incidents=len(data.incidents), filter=options.filter, title=data.title,
                 generated_at=data.generated.isoformat(), period=data.period)


# -- reading -------------------------------------------------------------------------------
def _read(case, o: BriefOptions) -> _Case:
    incidents = case.brief_incidents(o.status, o.since, o.until, o.place, o.actor)
    counts = case.brief_status_counts(o.since, o.until, o.place, o.actor)
    if not incidents:
        raise EmptyBrief(_empty_message(o, counts))
    ids = [i.id for i in incidents]
    claims = case.brief_claims(ids)
    annotations = case.brief_annotations(ids)
    relations = case.brief_relations(ids)
    article_ids = {a for i in incidents for a in i.article_ids}
    article_ids |= {a["article_id"] for ns in annotations.values() for a in ns if a["article_id"]}
    articles = case.brief_articles(article_ids)
    shown = set(ids)
    other_ids = {r[k] for rs in relations.values() for r in rs for k in ("source_id", "target_id")} - shown
    dated = [i for i in incidents if i.date_start]
    start = o.since.isoformat() if o.since else min((i.date_start for i in dated), default=None)
    end = o.until.isoformat() if o.until else max((i.date_end or i.date_start for i in dated), default=None)
    if start and end and end < start:  # --since after every incident's end: the period is the since day
        end = start
    previous = None
    if o.since and end:  # the preceding period of equal length, same filter
        try:
            length = dt.date.fromisoformat(end[:10]) - o.since + dt.timedelta(days=1)
        except ValueError:  # a date not in ISO form: no comparison rather than a guess
            length = None
        if length:
            a, b = o.since - length, o.since - dt.timedelta(days=1)
            previous = (a.isoformat(), b.isoformat(), case.brief_incidents(o.status, a, b, o.place, o.actor))
    data = _Case(o, flat(o.title) or DEFAULT_TITLE, o.generated_at(), incidents, counts, claims,
                 articles, annotations, relations, case.brief_merged_from(ids),
                 case.brief_incident_labels(other_ids), (start, end), previous)
    data.shown = {i.id: i for i in incidents}
    for incident in incidents:
        for article_id in _source_order(data, incident):
            if article_id not in data.order:
                data.order[article_id] = len(data.cited)
                data.cited.append(article_id)
    return data


def _source_order(data: _Case, incident: Incident) -> list[int]:
    """The incident's sources, earliest published first (undated last)."""
    ids = set(incident.article_ids)
    ids.update(a["article_id"] for a in data.annotations.get(incident.id, ()) if a["article_id"])
    articles = data.articles
    if len(ids) == 1:
        return [i for i in ids if i in articles]
    return sorted((i for i in ids if i in articles),
                  key=lambda a: (articles[a]["published"] is None, articles[a]["published"] or "", a))


def _empty_message(o: BriefOptions, counts: dict[str, int]) -> str:
    chosen = ", ".join(f"{k} {v}" for k, v in o.filter.items() if v is not None)
    hint = ""
    if o.status == "confirmed" and counts.get("candidate"):
        n = counts["candidate"]
        hint = (f"; {plural(n, 'unconfirmed candidate incident')} {'matches' if n == 1 else 'match'}: confirm "
                f"{'it' if n == 1 else 'them'}, or include unconfirmed incidents (--status all)")
    elif counts.get("undated"):
        n = counts["undated"]
        hint = (f"; {plural(n, 'undated incident')} {'matches' if n == 1 else 'match'} but "
                f"{'has' if n == 1 else 'have'} no date to place in the period")
    return f"no incidents match ({chosen}): no brief written{hint}"


# -- small phrases ---------------------------------------------------------------------------
def _place(i: Incident) -> str:
    return i.location or i.admin1 or i.country or ""


def _kind(i: Incident) -> str:
    """ACLED's sub-event type ("Armed clash"), or the event type when that says more."""
    if i.sub_event_type and i.sub_event_type != "Other":
        return i.sub_event_type
    return i.event_type or i.sub_event_type or "Incident"


def _name(i: Incident) -> str:
    """"armed clash in Haidariya, Aleppo on 17 May 2025" — plain text."""
    kind = _kind(i)
    if not kind[1:2].isupper():  # keep acronyms ("IED …") as they are
        kind = kind[0].lower() + kind[1:]
    place = f" in {_place(i)}" if _place(i) else ""
    return f"{kind}{place} {when(i.date_start, i.date_end, i.date_precision)}"


_INSTITUTION = re.compile(
    r"\b(?:ministry|observatory|rights|command|forces|army|military|police|department|directorate|service|"
    r"agency|office|council|government|committee|network|coalition|authorities|officials?|spokes\w+|"
    r"statement|sources?|monitor|group|centre|center)\b", re.I)


@functools.lru_cache(maxsize=4096)
def _who(name: str) -> str:
    """"Interior Ministry" → "the Interior Ministry"; a person's name stays as it is."""
    if re.match(r"(?i)(?:the|a|an)\s", name) or not _INSTITUTION.search(name):
        return name
    if re.search(r"(?i)\b(?:official|source|spokes\w+)$", name):  # one person speaking for it
        return ("an " if name[:1] in "AEIOaeio" else "a ") + name  # "a US official"
    return "the " + (name.lower() if generic_source(name) else name)


def _actors(i: Incident) -> str:
    return " vs. ".join(a for a in (i.actor1, i.actor2) if a)


def _cite(data: _Case, article_id: int) -> int:
    """The source's footnote number: sources are numbered in the order the brief first cites
    them, as Markdown footnotes are."""
    if article_id not in data.cite:
        data.cite[article_id] = len(data.cite) + 1
    return data.cite[article_id]


def _cites(data: _Case, article_ids) -> str:
    """Footnote references ("[^1][^3]") to the sources, earliest published first."""
    order = data.order
    ids = sorted((a for a in set(article_ids) if a in order), key=order.__getitem__)
    nums = sorted({_cite(data, a) for a in ids})
    return "".join(f"[^{n}]" for n in nums)


def _ref(i: Incident) -> str:
    """An incident as the desk and the CLI name it."""
    return f"#{i.id}"


def _totals(incidents: list[Incident]) -> dict[str, tuple[int, int, int, int]]:
    """field → (low, best, high, incidents reporting it)."""
    out = {}
    for name in COUNT_FIELDS:
        ranges = [getattr(i, name) for i in incidents if getattr(i, name).best is not None]
        out[name] = (sum(r.low if r.low is not None else r.best for r in ranges), sum(r.best for r in ranges),
                     sum(r.high if r.high is not None else r.best for r in ranges), len(ranges))
    return out


def _total_sentence(incidents: list[Incident]) -> str:
    parts = [total_phrase(low, high, name) for name, (low, _best, high, n) in _totals(incidents).items() if n]
    return join_and(parts)


# -- front matter ------------------------------------------------------------------------------
def _front_matter(data: _Case) -> list[str]:
    totals = _totals(data.incidents)
    c = data.counts
    excluded = {"rejected": c["rejected"], "merged": c["merged"],
                "unconfirmed": c["candidate"] if data.options.status == "confirmed" else 0,
                "undated": c["undated"]}
    lines = ["---", f"title: {yaml_str(data.title)}", "period:",
             f"  start: {yaml_str(data.period[0])}", f"  end: {yaml_str(data.period[1])}",
             f"generated_at: {yaml_str(data.generated.isoformat())}", "filter:"]
    lines += [f"  {k}: {yaml_str(v)}" for k, v in data.options.filter.items()]
    lines += ["counts:", f"  incidents: {len(data.incidents)}",
              f"  confirmed: {sum(i.status == 'confirmed' for i in data.incidents)}",
              f"  unconfirmed: {sum(i.status == 'candidate' for i in data.incidents)}",
              f"  undated: {sum(not i.date_start for i in data.incidents)}",
              f"  disputed: {sum(i.disputed for i in data.incidents)}",
              f"  sources: {len(data.cited)}",
              f"  claims: {sum(len(cs) for cs in data.claims.values())}", "  excluded:"]
    lines += [f"    {k}: {v}" for k, v in excluded.items()]
    lines.append("totals:")
    for name, (low, best, high, n) in totals.items():
        lines.append(f"  {name}: {{low: {low}, best: {best}, high: {high}}}" if n else f"  {name}: null")
    lines += [f"casefile_version: {yaml_str(__version__)}", "---", ""]
    return lines


# -- overview ------------------------------------------------------------------------------
def _overview(data: _Case) -> list[str]:
    incidents, o = data.incidents, data.options
    start, end = data.period
    undated = sum(not i.date_start for i in incidents)
    period = span(start, end) if start else "undated incidents only"
    if start and undated:  # the period line never hides what it leaves out
        period += f" and {plural(undated, 'undated incident')}"
    subtitle = f"*Period: {period} · generated {day(data.generated.date().isoformat())} · " \
               f"{'confirmed incidents' if o.status == 'confirmed' else 'confirmed and unconfirmed incidents'}*"
    out = [f"# {inline(data.title)}", "", subtitle, "", "## Overview", ""]
    places = sorted({p for p in (_place(i) for i in incidents) if p})
    countries = sorted({i.country for i in incidents if i.country})
    dated = [i for i in incidents if i.date_start]
    text = f"This brief covers {plural(len(incidents), 'incident')}"
    if 0 < len(places) <= 3:  # "Haidariya, Aleppo" reads as two places in a list
        text += " in " + join_and(re.sub(r"^([^,]+), (.+)$", r"\1 (\2)", p) for p in places)
        if countries and not any(c in places for c in countries):
            text += f", {join_and(countries)}"
    elif places:
        text += f" in {plural(len(places), 'place')}" + (f" in {join_and(countries)}" if countries else "")
    if dated:
        first = min(i.date_start for i in dated)
        last = max(i.date_end or i.date_start for i in dated)
        when_ = span(first, last) if first != last else day(first)
        text += (f": {len(dated):,} dated {when_} and {plural(undated, 'undated incident')}" if undated
                 else f", dated {when_}")
    text += f", drawn from {plural(len(data.cited), 'source')}."
    totals = _total_sentence(incidents)
    if totals:
        text += f" Together the sources report {totals}."
    out += [escape_run(text), ""]
    if data.previous:
        out += [escape_run(_change(data)), ""]
    takeaways = _takeaways(data)
    if takeaways:
        out += ["**Key takeaways**", ""] + [f"- {t}" for t in takeaways] + [""]
    return out


def _change(data: _Case) -> str:
    a, b, before = data.previous
    now = data.incidents
    head = f"Against the preceding period of equal length ({span(a, b)}): "
    if not before:
        return head + f"no incident matched the same filter then, against {len(now)} now."
    verb = "up" if len(now) > len(before) else "down" if len(now) < len(before) else "unchanged"
    text = head + f"{len(now)} incidents against {len(before)} ({verb}"
    text += f" {abs(len(now) - len(before))})" if verb != "unchanged" else ")"
    t_now, t_before = _totals(now), _totals(before)
    for name in COUNT_FIELDS:
        if t_now[name][3] or t_before[name][3]:
            text += f"; {name}: best estimate {t_now[name][1]:,} against {t_before[name][1]:,}"
    return text + "."


def _share(k: int, n: int, noun: str = "incident") -> str:
    """"4 of the 14 incidents", "both incidents", "all 5 incidents", "the only incident"."""
    if k == n:
        return {1: f"the only {noun}", 2: f"both {noun}s"}.get(n, f"all {n:,} {noun}s")
    return f"{k:,} of the {n:,} {noun}s"


def _takeaways(data: _Case) -> list[str]:
    incidents, n = data.incidents, len(data.incidents)
    out = []
    deadliest = max(incidents, key=lambda i: i.killed.best or 0)  # max keeps the first of the deadliest
    if deadliest.killed.best and n > 1:
        out.append(escape_run(f"The deadliest was {_ref(deadliest)}, the {_name(deadliest)}: "
                              f"{_killed(deadliest.killed)}.") + " " + _cites(data, deadliest.article_ids))
    actors = Counter(a for i in incidents for a in {i.actor1, i.actor2} if a)
    if actors and n > 1:
        top, k = sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        out.append(escape_run(f"The most frequent actor, {top}, took part in {_share(k, n)}."))
    # Provinces only: an incident placed no closer than its country is not "in" a province.
    areas = Counter(i.admin1 for i in incidents if i.admin1)
    ranked = sorted(areas.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    country_only = sum(1 for i in incidents if not i.admin1 and i.country)
    if ranked and ranked[0][1] > 1 and (len(areas) > 1 or country_only):
        first, k = ranked[0]
        if k * 2 > n:  # "most" only for a majority
            lead = f"Most incidents ({k:,} of the {n:,}) were in {first} province"
        else:
            lead = f"{_share(k, n)} were in {first} province"
        rest = [f"{c:,} in {a} province" for a, c in ranked[1:] if c > 1]
        text = join_and([lead[0].upper() + lead[1:], *rest]) + "."
        if country_only:
            text += (f" {plural(country_only, 'incident')} {'is' if country_only == 1 else 'are'} placed "
                     "no closer than the country.")
        out.append(escape_run(text))
    disputed = [i for i in incidents if i.disputed]
    for i in disputed[:3]:
        claims = data.claims.get(i.id, [])
        said = ["; ".join(", ".join(f"{total} {name if k == 0 else ''}".rstrip() + " according to "
                                    + (join_and(_who(w) for w in who) or "the outlet")
                                    for k, (who, _text, total, _src) in enumerate(accounts))
                          for name, accounts in _accounts(i, claims))]
        said += [f"the {_FIELD_WORDS[d.field]} ("
                 + " or ".join(_value(d.field, a.value) for a in d.accounts  # a city holding both districts: no rival
                               if d.field != "place" or a.rank == max(x.rank for x in d.accounts))
                 + ")" for d in field_disputes.disputes(vars(i), claims)]
        said = [x for x in said if x]
        if said:
            out.append(escape_run(f"Sources disagree on {_ref(i)}, the {_name(i)}: {'; '.join(said)}.") + " "
                       + _cites(data, i.article_ids))
    if len(disputed) > 3:
        more = len(disputed) - 3
        out.append(escape_run(f"{plural(more, 'more incident')} {'has' if more == 1 else 'have'} conflicting "
                              "reports; each incident's section says who reported what."))
    unconfirmed = sum(i.status == "candidate" for i in incidents)
    if unconfirmed:
        out.append(escape_run(f"{_share(unconfirmed, n)[0].upper()}{_share(unconfirmed, n)[1:]} "
                              f"{'is' if unconfirmed == 1 else 'are'} unconfirmed: extracted from the "
                              "sources but not yet reviewed by an analyst."))
    return [guard_start(t) for t in out]


_FIELD_WORDS = {"place": "place", "date": "date", "type": "kind of event", "actors": "actors"}


def _value(field: str, value: str) -> str:
    """A disputed field's value as a reader reads it."""
    if field == "date":
        start, _, end = value.partition("/")
        return span(start, end or None)
    if field == "type":
        for event_type in sorted(EVENT_TYPES, key=len, reverse=True):
            if value.startswith(event_type + "/"):
                return value[len(event_type) + 1:]
    return value


def _killed(r) -> str:
    if r.low is not None and r.high is not None and r.low != r.high:
        return f"{r.best:,} killed (reports range {r.low:,}–{r.high:,})"
    return f"{r.best:,} killed"


# -- table ------------------------------------------------------------------------------
def _table(data: _Case) -> list[str]:
    with_status = data.options.status == "all"
    head = ["ID", "Date", "Place", "Type", "Actors", "Killed", "Wounded", "Arrested", "Sources", "Disputed"]
    if with_status:
        head.append("Status")
    out = ["## Incident table", "", "| " + " | ".join(head) + " |",
           "|" + "|".join("---:" if h in ("ID", "Killed", "Wounded", "Arrested", "Sources") else "---"
                          for h in head) + "|"]
    for i in data.incidents:
        row = [_ref(i), date_cell(i.date_start, i.date_end, i.date_precision), cell(_place(i)),
               cell(_kind(i)), cell(_actors(i)), _figure(data, i, "killed"), _figure(data, i, "wounded"),
               _figure(data, i, "arrested"), str(len(i.article_ids)), "yes" if i.disputed else ""]
        if with_status:
            row.append("confirmed" if i.status == "confirmed" else "unconfirmed")
        out.append("| " + " | ".join(row) + " |")
    out += ["", "Killed, wounded and arrested give the best estimate, with the range reported by the "
                "sources in brackets when they differ. Disputed: the sources' reports (figures, place, date, kind of "
                "event or actors) cannot all be true. ID: the incident's id in the case file.", ""]
    return out


def _timeline(data: _Case) -> list[str]:
    lines = timeline(data.incidents, lambda i: (
        _ref(i), _kind(i), _place(i) or "place unknown",
        f"{i.killed.best} killed" if i.killed.best else ""))
    if not lines:
        return []
    undated = sum(not i.date_start or i.date_precision == "unknown" for i in data.incidents)
    note = "The incident table above is the record; this picture only places the dated incidents in time."
    if undated:
        note += f" {plural(undated, 'undated incident')} {'is' if undated == 1 else 'are'} not shown."
    return ["## Timeline", "", *lines, "", note, ""]


# -- one incident --------------------------------------------------------------------------
def _incident(data: _Case, i: Incident) -> list[str]:
    kind = _kind(i)
    heading = kind + (f" in {_place(i)}" if _place(i) else "") \
        + f" — {date_phrase(i.date_start, i.date_end, i.date_precision)}"
    out = [f"### {_ref(i)} {inline(heading)}", ""]
    meta = [f"{i.event_type}: {i.sub_event_type}" if i.event_type and i.sub_event_type else kind]
    if _actors(i):
        meta.append(_actors(i))
    meta.append("confirmed" if i.status == "confirmed" else "unconfirmed (not yet reviewed)")
    if data.merged_from.get(i.id):
        meta.append(f"merged from {join_and(f'#{m}' for m in data.merged_from[i.id])}")
    out += [guard_start(escape_run(" · ".join(meta))), ""]
    if i.summary:
        out += [" ".join(filter(None, (inline(i.summary.rstrip(".") + "."), _cites(data, i.article_ids)))), ""]
    claims = data.claims.get(i.id, [])
    out += _figures(data, i)
    out += _conflicts(data, i, claims)
    out += _claims_by_source(data, i, claims)
    out += _analysis(data, i, claims)
    out += _related(data, i)
    return out


def _best_qualifier(data: _Case, i: Incident, name: str) -> str:
    """"at least " when the best figure is open-ended (as the summary and `show` say it)."""
    figure = getattr(i, name)
    if figure.best is None:
        return ""
    carried = getattr(figure, "qualifier", None)  # when the store carries it
    if carried is None:
        claims = [c for c in data.claims.get(i.id, []) if c.field == name and c.value_num is not None]
        if not any(c.qualifier == "at_least" for c in claims):  # only an open-ended report qualifies it
            return ""
        figures = derive(Evidence(c.field, c.value_num, c.party, c.qualifier, c.article_id, c.attributed_to,
                                  c.origin) for c in claims)
        carried = best_qualifier(figures, name)
    return QUALIFIER_WORDS[carried] + " " if carried in QUALIFIER_WORDS else ""


def _figure(data: _Case, i: Incident, name: str) -> str:
    cell_text = figure_cell(getattr(i, name))
    return _best_qualifier(data, i, name) + cell_text if cell_text != "—" else cell_text


def _figures(data: _Case, i: Incident) -> list[str]:
    parts = []
    for name in COUNT_FIELDS:
        r = getattr(i, name)
        if r.best is None:
            continue
        text = f"{name.capitalize()}: {_best_qualifier(data, i, name)}{r.best:,}"
        if r.low != r.high:
            text += f" (sources report {r.low:,}–{r.high:,})"
        parts.append(text)
    place = _place_line(i.location, i.admin1, i.country, i.geo_precision)
    if place:
        parts.append(place)
    date = date_phrase(i.date_start, i.date_end, i.date_precision)
    if i.date_start and i.date_precision != "unknown":
        parts.append(f"Date: {date}" + (f" ({i.date_precision} level)" if i.date_precision != "day" else ""))
    else:
        parts.append("Date: unknown (the sources do not establish one)")
    return ["**Figures.** " + escape_run(". ".join(parts)) + ".", ""]


@functools.lru_cache(maxsize=4096)
def _place_line(location: str | None, admin1: str | None, country: str | None, precision: str | None) -> str:
    names: list[str] = []
    within = (location or "").split(", ")[1:]  # "Haidariya, Aleppo" already names Aleppo
    for p in (location, admin1, country):
        if p and p not in names and p not in within:
            names.append(p)
    if not names:
        return ""
    return f"Place: {', '.join(names)}" + (f" ({precision} level)" if precision else "")


def _accounts(i: Incident, claims: list[Claim]) -> list[tuple[str, list[tuple[list[str], str, str, set[int]]]]]:
    """Per disputed figure, who reported what: [(field, [(voices, account, total, article ids)])],
    one entry per distinct account, as casefile.figures groups the reports."""
    evidence: dict[str, list[Evidence]] = {}
    for c in claims:
        if c.field in COUNT_FIELDS and c.value_num is not None:
            evidence.setdefault(c.field, []).append(Evidence.of_claim(c))
    out = []
    for name in COUNT_FIELDS:
        if len(evidence.get(name, ())) < 2:  # one report cannot disagree with itself
            continue
        figures = derive(evidence[name])
        if not figures.disputed:
            continue
        accounts: dict[str, tuple[list[str], set[int], str]] = {}
        for report in figures.reports[name]:
            short = f"{'at least ' if report.open_ended else ''}{report.total:,}"
            voices, sources, _ = accounts.setdefault(breakdown(report.parties, name, report.open_ended),
                                                     ([], set(), short))
            for who in [s for s in report.named if not generic_source(s)] or report.named:
                if voice(who) not in {voice(v) for v in voices}:
                    voices.append(who)
            if report.article_id is not None:
                sources.add(report.article_id)
        out.append((name, [(v, text, short, src) for text, (v, src, short) in accounts.items()]))
    return out


def _conflicts(data: _Case, i: Incident, claims: list[Claim]) -> list[str]:
    notes = []
    analyst = {c.field for c in claims if c.origin == "analyst" and c.article_id is None}
    for name, accounts in _accounts(i, claims):
        said = " ".join(escape_run(join_and(who) or "The outlet itself") + _cites(data, src)
                        + ": " + escape_run(f"{text}.") for who, text, _total, src in accounts)
        r = getattr(i, name)
        rule = (f"The best figure, {r.best:,}, was set by an analyst" if name in analyst else
                f"The best figure, {r.best:,}, is the most conservative report (ACLED's rule)")
        rule += f"; the reports range from {r.low:,} to {r.high:,}." if r.low != r.high else "."
        notes.append(f"Sources disagree on the number {name}. {said} {escape_run(rule)}")
    for d in field_disputes.disputes(vars(i), claims):
        said = " ".join(
            escape_run(_outlets(data, a.article_ids)) + _cites(data, a.article_ids) + ": "
            + escape_run(_value(d.field, a.value)) + " " + escape_run(_quoted(a.quotes)) + "."
            for a in d.accounts)
        rule = f"The brief gives {_value(d.field, d.chosen) if d.chosen else 'none'}: {field_disputes.RULES[d.rule]}"
        if d.tied:
            rule += f" (as precise as {join_and(_value(d.field, t) for t in d.tied)}: the first report was kept)"
        notes.append(f"Sources disagree on the {_FIELD_WORDS[d.field]}. {said} {escape_run(rule + '.')}")
    return ["**Conflicting reports.**", "", *(f"- {n}" for n in notes), ""] if notes else []  # one item per field


def _outlets(data: _Case, article_ids) -> str:
    names = list(dict.fromkeys(data.articles[a]["outlet"] for a in article_ids
                               if a in data.articles and data.articles[a]["outlet"]))
    return join_and(names) or ("Source" if len(article_ids) == 1 else "Sources")


def _quoted(quotes) -> str:
    """The words each source used, as written: (“Haidariya district”)."""
    words = [balance(flat(q)) for q in dict.fromkeys(quotes) if q and flat(q)]
    return f"({', '.join(f'“{w}”' for w in words)})" if words else ""


def _claims_by_source(data: _Case, i: Incident, claims: list[Claim]) -> list[str]:
    figures: dict[int, list[Claim]] = {}
    events: dict[int, list[Claim]] = {}
    for c in claims:
        if c.article_id is not None and c.article_id in data.articles:
            if c.field in FIGURE_FIELDS:
                figures.setdefault(c.article_id, []).append(c)
            else:
                kept = events.setdefault(c.article_id, [])
                if c.origin == "analyst" or (c.field == "event_type"
                                             and not any(k.field == "event_type" for k in kept)):
                    kept.append(c)  # what the source says happened, and every span an analyst attached
    if not figures and not events:
        return []
    out = ["**Claims by source**", ""]
    for article_id in sorted(figures.keys() | events.keys(), key=lambda a: _cite(data, a)):
        article = data.articles[article_id]
        head = f" · {day(article['published'])}"
        if article["title"]:
            head += f" · “{balance(flat(article['title']))}”"
        outlet = escape_run(flat(article["outlet"] or "Outlet not recorded"))
        out += [f"**{outlet}**[^{_cite(data, article_id)}]{escape_run(head)}", ""]
        # Nothing counted: quote what the source says happened; attached spans always.
        attached = [c for c in events.get(article_id, []) if c.origin == "analyst"]
        evidence = sorted(figures.get(article_id, []) + attached, key=lambda c: (c.start or 0, c.id)) \
            if figures.get(article_id) else events.get(article_id)
        if not evidence:
            out += ["- Cited for the date and place only.", ""]
            continue
        for statement, quote in _evidence_items(article["body"], evidence):
            out.append(f"- {guard_start(statement)}")
            if quote:
                out.append(f"  > {quote}")
        out.append("")
    return out


def _evidence_items(body: str, claims: list[Claim]) -> list[tuple[str, str]]:
    """(what the source states, the sentence quoted with the stating words in bold), one per
    sentence: claims made in the same sentence are listed together."""
    groups: dict[tuple, list[Claim]] = {}
    sentence = (-1, -1, False, False)
    for c in claims:
        if c.start is not None and c.quote and body[c.start:c.end] == c.quote:
            if not sentence[0] <= c.start < c.end <= sentence[1]:  # claims come in text order: often one sentence
                sentence = _sentence(body, c.start, c.end)
            key = sentence
        else:  # not anchored in the stored text: quote the claim's own words
            key = (c.id,)
        if key in groups:
            groups[key].append(c)
        else:
            groups[key] = [c]
    items = []
    for key, group in groups.items():
        if len(group) == 1:
            c = group[0]
            statement = _statement(c)
            if c.attributed_to:
                statement += f" (attributed to {_who(c.attributed_to)})"
        else:
            by_source: dict[str, list[str]] = {}
            for c in group:
                what = _statement(c)
                whats = by_source.setdefault(c.attributed_to or "", [])
                if what not in whats:
                    whats.append(what)
            statement = "; ".join("; ".join(whats) + (f" (attributed to {_who(who)})" if who else "")
                                  for who, whats in by_source.items())
        if len(key) == 1:
            quote = f"“{inline(balance(group[0].quote))}”" if group[0].quote else ""
        else:
            quote = _quote(body, key, [stating_span(body, c.start, c.end, c.field) for c in group])
        items.append((escape_run(statement[:1].upper() + statement[1:]), quote))
    return items


def _statement(c: Claim) -> str:
    """What one claim states, the qualifier in the source's words ("more than 19,000 people
    released"), and who put it there when an analyst attached it."""
    if c.field == "event_type":
        text = "describes the event"
    elif c.field in COUNTS or c.field == "seized":
        text = claim_figure(c.field, balance(c.value) if c.value else c.value, c.value_num, c.qualifier, c.party)
        own = qualifier_words(c.quote, c.qualifier)
        lead = QUALIFIERS_SHOWN.get(c.qualifier or "")
        if own and lead and text.startswith(lead) and own + " " != lead:
            text = own + " " + text[len(lead):]
    else:
        what = {"location": "place", "actor": "actor", "date": "date"}.get(c.field, c.field.replace("_", " "))
        text = f"{what}: {balance(flat(c.value))}" if c.value else what
    if c.origin == "analyst":
        text += " (attached by an analyst)"
    return text


def _sentence(body: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """The sentence (or line) holding body[start:end], at most REACH either side: its bounds,
    and whether each end was cut mid-sentence."""
    lo = max(0, start - REACH)
    left, stop, cut_left = lo, start, False
    while m := _LAST_END.match(body, lo, stop):  # the last sentence end before the claim
        if not _abbreviation(body, m.start(1)):
            left = m.end()
            break
        stop = m.start(1)
    else:
        if lo > 0:  # no sentence start in reach: cut at a word
            space = body.find(" ", lo, start)
            left, cut_left = (space + 1 if space != -1 else start), True
    hi = min(len(body), end + REACH)
    at = end
    while m := _SENTENCE_END.search(body, at, hi):
        if body[m.start()] == "\n":
            return left, m.start(), cut_left, False
        if not _abbreviation(body, m.start()):
            return left, m.end(), cut_left, False
        at = m.end()
    if hi == len(body):
        return left, hi, cut_left, False
    space = body.rfind(" ", end, hi)
    return left, (space if space != -1 else hi), cut_left, True


def _abbreviation(body: str, dot: int) -> bool:
    """Is the full stop at `dot` part of "Oct." or "U.S." rather than a sentence's end?"""
    if body[dot] != ".":
        return False
    tail = body[max(0, dot - 4):dot]
    if tail.isalpha() and tail.islower() and tail not in _ABBREVIATION_TAILS:
        return False  # "said.", "forces.": the common case, decided without the word
    lo = max(0, dot - 8)
    word = body[max(body.rfind(" ", lo, dot), body.rfind("\n", lo, dot), lo - 1) + 1:dot].lstrip("(“\"'")
    return word.lower() in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


def _quote(body: str, sentence: tuple[int, int, bool, bool], spans: list[tuple[int, int]]) -> str:
    """The sentence as one Markdown line, the claims' words in bold (overlapping spans joined)."""
    left, right, cut_left, cut_right = sentence
    pieces, at = [], left
    for a, b in (spans if len(spans) == 1 else sorted(spans)):
        if pieces and a <= at:  # overlaps or touches the previous span: extend it (no "**a****b**")
            if b > at and pieces:
                pieces[-1] = (pieces[-1][0], b)
                at = b
            continue
        pieces.append((a, b))
        at = b
    out, at = [], left
    for a, b in pieces:
        text = body[a:b]
        core = text.strip()
        if not core:
            continue
        a += len(text) - len(text.lstrip())
        b = a + len(core)
        out.append(escape_run(body[at:a]))
        out.append(_bold(body, a, b, left, right))
        at = b
    out.append(escape_run(body[at:right]))
    text = "".join(out)
    if cut_left or cut_right:
        text = ("…" if cut_left else "") + text.strip() + ("…" if cut_right else "")
    return guard_start(balance(text, cut_left, cut_right))


def _bold(body: str, a: int, b: int, left: int, right: int) -> str:
    """body[a:b] in bold, the quotation marks in it left outside the bold."""
    text = body[a:b]
    if "“" not in text and "”" not in text and '"' not in text:  # the common case: one bold run
        return strong(escape_run(text), body[a - 1] if a > left else "", body[b] if b < right else "")
    out, at = [], a
    for is_bold, piece in bold_pieces(body[a:b]):
        start, at = at, at + len(piece)
        core = piece.strip()
        if not is_bold or not core:
            out.append(escape_run(piece))
            continue
        lead = len(piece) - len(piece.lstrip())
        s, e = start + lead, start + lead + len(core)
        out.append(escape_run(piece[:lead]))
        out.append(strong(escape_run(core), body[s - 1] if s > left else "", body[e] if e < right else ""))
        out.append(escape_run(piece[lead + len(core):]))
    return "".join(out)


def _analysis(data: _Case, i: Incident, claims: list[Claim]) -> list[str]:
    notes = data.annotations.get(i.id, [])
    edits = [c for c in claims if c.origin == "analyst" and c.article_id is None]  # attached spans are quoted
    if not notes and not edits:
        return []
    out = ["**Analysis** *(the analysts' assessment, not the sources' reporting)*", ""]
    for note in notes:
        by = escape_run(f" — {note['author']}, {day(note['created_at'])}")
        out.append(f"- {inline(note['body'])}{by}")
        if note["quote"]:
            source = f"[^{_cite(data, note['article_id'])}]" if note["article_id"] in data.articles else ""
            out.append(f"  > “{inline(balance(note['quote']))}”{source}")
    for c in edits:
        if c.field in COUNTS and c.value_num is not None:
            text = f"An analyst set the number {c.field} to {int(c.value_num):,}."
        else:
            text = f"An analyst set the {c.field.replace('_', ' ')} to “{c.value}”."
        out.append("- " + escape_run(text))
    return out + [""]


def _related(data: _Case, i: Incident) -> list[str]:
    links = []
    for rel in data.relations.get(i.id, []):
        outgoing = rel["source_id"] == i.id
        other = rel["target_id"] if outgoing else rel["source_id"]
        words = RELATION_WORDS.get(rel["kind"], ("Related to", "Related to"))[0 if outgoing else 1]
        if other in data.shown:
            text = f"{words} #{other}, the {_name(data.shown[other])}"
        else:
            o = data.others.get(other, {})
            status = {"candidate": "unconfirmed", "merged": f"merged into #{o.get('merged_into')}"}
            why = status.get(o.get("status"), o.get("status") or "unknown")
            text = (f"{words} #{other}"
                    + (f", {o['summary']}" if o.get("summary") else "") + f" ({why}; not in this brief)")
        if rel["note"]:
            text += f". Note: {rel['note']}"
        links.append(f"- {guard_start(escape_run(text))}")
    return ["**Related incidents**", "", *links, ""] if links else []


# -- sources and method ------------------------------------------------------------------------
def _sources(data: _Case) -> list[str]:
    """One footnote per source, in the order the brief first cites them (as Markdown renders
    footnotes): the definitions close the document, under their heading."""
    out = ["## Sources", ""]
    for article_id in data.cited:  # a source only the table counts still gets its number
        _cite(data, article_id)
    for article_id, n in sorted(data.cite.items(), key=lambda kv: kv[1]):
        a = data.articles[article_id]
        parts = [flat(a["outlet"]) or "Outlet not recorded"]
        if a["title"]:
            parts.append(f"“{balance(flat(a['title']))}”")
        parts.append(day(a["published"]) if a["published"] else "publication date not stated")
        line = f"[^{n}]: " + guard_start(escape_run(", ".join(parts) + "."))
        if a["url"]:
            line += " " + autolink(a["url"])
        line += f" (case file article {article_id})"
        out.append(line)
    return out + [""]


def _method(data: _Case) -> list[str]:
    o, c = data.options, data.counts
    chosen = ["confirmed incidents only" if o.status == "confirmed" else
              "confirmed incidents and unconfirmed candidates (every incident not rejected or merged)"]
    if o.since or o.until:
        chosen.append(f"dated within {o.since.isoformat() if o.since else 'the start'} – "
                      f"{o.until.isoformat() if o.until else 'the latest report'} (an incident counts when its "
                      "date range overlaps the period)")
    if o.place:
        chosen.append(f"place matching “{o.place}” (location, province or country)")
    if o.actor:
        chosen.append(f"actor matching “{o.actor}”")
    excluded = []
    if c["rejected"]:
        excluded.append(f"{plural(c['rejected'], 'incident')} rejected by an analyst")
    if c["merged"]:
        excluded.append(f"{plural(c['merged'], 'duplicate report')} merged into other incidents (each event "
                        "is counted once)")
    if o.status == "confirmed" and c["candidate"]:
        excluded.append(f"{plural(c['candidate'], 'unconfirmed candidate incident')}")
    if c["undated"]:
        excluded.append(f"{plural(c['undated'], 'undated incident')} (no date to place in the period)")
    items = [
        "Selection: " + "; ".join(chosen) + ".",
        "Left out, under the same filter: " + (join_and(excluded) if excluded else "nothing") + ".",
        "Counting rule: one incident per event, as ACLED codes them: another date, place, actor or kind of "
        "event is another incident. A report is what one source (an article, and whoever it attributes the "
        "figure to) says; within an article, figures that do not contradict each other are added up. "
        "The best figure is the most conservative report unless an analyst set it; the range runs from the "
        "lowest to the highest report. Totals add up the incidents' figures.",
        "Dates: known to the day unless marked week, month or year; unknown when the sources do not "
        "establish one (never guessed). Relative dates (\"on Saturday\") are read against the article's "
        "publication date.",
        "Quotes are the articles' own words; bold marks the words that state the figure. Analysis is the "
        "analysts' and is labelled as such.",
        f"Generated by casefile {__version__} from the case file alone, at {data.generated.isoformat()}.",
    ]
    return ["## Method and scope", ""] + [f"- {escape_run(t)}" for t in items] + [""]
