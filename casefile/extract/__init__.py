"""Extraction: article text and publication date in, candidate incidents out.

Pure and deterministic: no database, no Textual. Every field of a candidate comes from a claim
holding the exact span of the body that states it (`quote == body[start:end]`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from casefile.extract.actors import CIVILIANS, UNIDENTIFIED, ActorMention, find_actors, forces_of, is_state
from casefile.extract.attribution import attribution_of, is_organisation
from casefile.extract.counts import Side, find_counts
from casefile.extract.dates import DateMention, find_dates
from casefile.extract.events import VAC, classify, find_triggers, hypothetical
from casefile.extract.gazetteer import Gazetteer, Place, PlaceMention
from casefile.extract.numbers import find_quantities
from casefile.extract.gazetteer import adjectival
from casefile.extract.places import bare_locatives, dateline_spans, given_as_reference, non_event_spans, possessed_places, \
    short_forms, situate, unresolved_places
from casefile.extract.segment import (
    PRECISION_RANK,
    Draft,
    SentenceFacts,
    _EARLIER_EVENT_CLAUSE,
    _NEW_EVENT_CUE,
    _REFERS_BACK_SCAN,
    background,
    before_its_report,
    earlier_event_clause,
    group,
    is_page_date,
    is_reference_place,
    is_report_date,
    lead_event,
    lead_place,
    named_day,
    named_place,
    recalled_day,
    passing_mentions,
    tallied_back,
    shift_day_after,
    sites_of,
    split_by_place,
    suburb,
    vague_twins,
    wire_dateline_spans,
)
from casefile.extract.sentences import split_sentences
from casefile.extract.spans import Overlaps
from casefile.summary import summarise
from casefile.figures import Evidence, derive
from casefile.model import CandidateIncident, ClaimDraft, Span

CONTEXT = 32  # characters of prefix and suffix kept for re-anchoring a quote


def anchored(body: str, start: int, end: int, **fields) -> ClaimDraft:
    return ClaimDraft(start=start, end=end, quote=body[start:end],
                      prefix=body[max(0, start - CONTEXT):start], suffix=body[end:end + CONTEXT],
                      **fields)


def extract(body: str, published: str | None = None, excluded: Sequence[Span] = (),
            gazetteer: Gazetteer | None = None) -> list[CandidateIncident]:
    gazetteer = gazetteer or Gazetteer.default()
    sentences = [clause for s in split_sentences(body, excluded) for clause in earlier_event_clause(body, s)]
    if not sentences:
        return []
    quantities = find_quantities(body)
    all_dates = find_dates(body, published)
    all_actors = find_actors(body)
    all_triggers = find_triggers(body)
    actor_spans = Overlaps((a.start, a.end) for a in all_actors)
    all_places = [p for p in gazetteer.find_in_text(body) if not actor_spans.any(p.start, p.end)]
    unknown, superseded = unresolved_places(body, all_places, gazetteer.is_demonym)
    all_places = sorted([p for p in all_places if p not in superseded] + unknown, key=lambda p: p.start)
    # Short forms first: where the text then places a name ("the Hamrin mountain range in
    # Kirkuk") is where it is.
    # (a possessed name that names an armed group is the owner's group: "Yemen's Houthi rebels")
    possessed = [p for p in possessed_places(body, all_places) if not actor_spans.any(p.start, p.end)]
    all_places = situate(body, short_forms(sorted(all_places + possessed, key=lambda p: p.start)),
                         gazetteer.lookup)
    # Datelines, outlets' names and countries used as adjectives count for the article's
    # country, never as the place of an event.
    filed_from = dateline_spans(body)
    not_event = Overlaps(non_event_spans(body, filed_from))
    article_country = _main_country(all_places)
    all_places = gazetteer.the_capital(body, all_places, _main_country(all_places, share=2 / 3)[0])
    # Read only if an incident is placed no finer than a district (most are placed finer).
    bare = functools.cache(lambda: [
        p for p in bare_locatives(body, Overlaps([(p.start, p.end) for p in all_places]
                                                 + [(x.start, x.end) for x in all_actors + all_dates]),
                                  gazetteer.is_demonym) if not not_event.any(p.start, p.end)])
    years = [int(d.date_start[:4]) for d in all_dates if d.date_start]
    latest_year = max(years) if years and not published else None

    date_spans = [(d.start, d.end) for d in all_dates]
    date_starts = [d.start for d in all_dates]
    # Wire datelines and "Bogota, March 7 (RHC)--": where and when the story was filed.
    datelines = wire_dateline_spans(body) + filed_from
    dateline_index = Overlaps(datelines)
    in_dateline = lambda x: dateline_index.any(x.start, x.start + 1)  # noqa: E731
    sides = [Side(a.start, a.end, _side(a)) for a in all_actors]
    # Each list is in text order: a sentence's items are one slice of it.
    quantities_in, dates_in, places_in, triggers_in, actors_in, sides_in = (
        _slicer(items) for items in (quantities, all_dates, all_places, all_triggers, all_actors, sides))
    facts_list: list[SentenceFacts] = []
    previous_source = previous_person = None
    context: list = []
    for s in sentences:
        # Only the dates that can touch the sentence: a scan of every date per sentence would
        # make the cost grow with the square of the text's size.
        near_dates = date_spans[max(0, bisect_left(date_starts, s.start) - 1):bisect_left(date_starts, s.end)]
        counts = find_counts(body, s.start, s.end, quantities_in(s), near_dates, sides_in(s), context)
        context = (context + counts)[-6:]
        dates, report_dates = [], []
        for d in dates_in(s):
            shifted = shift_day_after(s.text, s.start, d)
            if shifted:
                dates.append(shifted)
            elif in_dateline(d) or is_page_date(body, d):
                continue  # when the page was filed: it dates no event
            elif is_report_date(body, s.start, d):
                report_dates.append(d)
            else:
                dates.append(d)
        dates = [before_its_report(d, report_dates) for d in dates] if report_dates else dates
        source, source_span = attribution_of(s.text, previous_source, previous_person, body, s.start)
        said_by = (s.start + source_span[0], s.start + source_span[1]) if source_span else (0, 0)
        places = [p for p in places_in(s) if not in_dateline(p)
                  and not not_event.any(p.start, p.end) and not adjectival(body, p)
                  and not gazetteer.speaks_for_its_government(body, p)
                  and not (said_by[0] <= p.start < said_by[1])  # "Kirkuk police said"
                  and not is_reference_place(body, s.start, p)]
        triggers = [t for t in triggers_in(s) if not hypothetical(body, t)]
        refers_back = bool(_REFERS_BACK_SCAN.search_in(body, s.start, s.end, s.text))
        # "The attack targeted a village in Bankass – one of several areas where jihadists have
        # waged an insurgency since 2012": a state's "since" dates the setting, not this sentence
        is_background = background(s.text, dates, counts, latest_year, body, s.start,
                                   eventish=bool(counts or triggers)) and not (
            refers_back and not counts and dates and all(d.kind == "since" for d in dates))
        if source and is_organisation(source):
            previous_source = source
        elif source:
            previous_person = source
        facts_list.append(SentenceFacts(
            sentence=s, counts=counts, dates=[d for d in dates if d.kind == "event"],
            report_dates=report_dates, places=places, actors=actors_in(s),
            triggers=triggers, attribution=source,
            background=is_background,
            new_event_cue=bool(_NEW_EVENT_CUE.match(s.text) or _EARLIER_EVENT_CLAUSE.pattern.match(s.text)),
            refers_back=refers_back,
            **dict(zip(("sites", "definite_sites"), sites_of(body, s.start, s.end))),
        ))
    passing_mentions(facts_list)
    tallied_back(facts_list)
    lead_event(facts_list)
    drafts = split_by_place(body, group(facts_list))
    lead_place(drafts, facts_list)
    recalled_day(drafts, facts_list)
    drafts = _without_bare_mentions(vague_twins(drafts))
    named_place(drafts, facts_list)
    named_day(drafts, facts_list)
    return [_candidate(body, draft, article_country, bare) for draft in drafts]


def _bare(draft: Draft) -> bool:
    """Nothing but "an attack" and a place: no other kind of event, no figure, no day. Who
    did it does not make it an incident ("ADF attacks in Ituri", "the Hamas attack on Be'eri"
    are how a story recalls a group's record)."""
    return draft.kinds <= {"attack"} and not (any(c.value is not None for c, _ in draft.counts)
                                              or any(d.precision in ("day", "week") for d in draft.dates))


def _without_bare_mentions(drafts: list[Draft]) -> list[Draft]:
    """Beside incidents the article tells of, a bare mention ("attacks on civilians in Ituri")
    is a passing reference, not another incident to review."""
    if all(_bare(d) for d in drafts):
        return drafts
    return [d for d in drafts if not _bare(d)]


def _slicer(items: list):
    """For items sorted by start: those starting inside a sentence, in order."""
    starts = [x.start for x in items]
    return lambda s: items[bisect_left(starts, s.start):bisect_left(starts, s.end)]


def _side(a: ActorMention) -> str:
    if a.name == CIVILIANS:
        return "civilian"
    if a.generic == "forces" or is_state(a.name):
        return "security"
    return "militant"


def _main_country(places: list[PlaceMention], share: float = 0.0) -> tuple[str | None, str | None]:
    """The country the article's places weigh most in (a country 1, a town 3); with `share`,
    only one that holds that share of the weight ("the capital" is then its capital)."""
    weights: Counter = Counter()
    names = {}
    for p in places:
        if not p.place.country_code:
            continue   # a place the gazetteer lacks, not yet situated
        weights[p.place.country_code] += PRECISION_RANK.get(p.place.geo_precision, 1)
        names[p.place.country_code] = p.place.country
    if not weights:
        return None, None
    code, weight = weights.most_common(1)[0]
    if weight < share * sum(weights.values()):
        return None, None
    return code, names[code]


# What lies between a place and the wider one it is in: "X, Y department", "X, in the Y area",
# "X in the eastern countryside of Y".
_CONTAINER_GAP = re.compile(r"\s*,?\s*(?:in\s+|of\s+)?(?:the\s+)?(?:[a-z]+\s+){0,3}(?:of\s+)?")


def _reference(body: str, mention: PlaceMention, places: list[PlaceMention]) -> bool:
    """Given as a point of reference, with no place of its rank right after it: "near X, in the
    Y area" names X's surroundings as the most precise place there is."""
    if not given_as_reference(body, mention):
        return False
    rank = PRECISION_RANK.get(mention.place.geo_precision, 0)
    return not any(q.start > mention.end and _CONTAINER_GAP.fullmatch(body, mention.end, q.start)
                   and PRECISION_RANK.get(q.place.geo_precision, 0) == rank for q in places)


# After a place, the words that set it beside another as its landmark: "Qarni village,
# northwest of El-Fasher city", "Kalma, a camp near Nyala", "X, 20 km from Y".
_SET_BY_LANDMARK = re.compile(
    r"(?:[ \t]+(?:village|town|area|community|camp|settlement))?[ \t]*,?[ \t]+"
    r"(?:(?:an?|the)[ \t]+(?:nearby[ \t]+|small[ \t]+|remote[ \t]+)?(?:village|town|settlement|camp|area|community)[ \t]+)?"
    r"(?:(?:located|situated|lying)[ \t]+)?(?:(?:some|about|around|roughly|nearly)[ \t]+)?"
    r"(?:\d+[ \t]*(?:km|kilometres|kilometers|miles)[ \t]+(?:\w+[ \t]+)?)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?[ \t]+of|near|outside|from|close[ \t]+to)[ \t]+"
    r"(?:the[ \t]+)?(?:(?:city|town|village)[ \t]+of[ \t]+)?", re.IGNORECASE)


# A district's word after a town's name, in the span or right after it ("Kasese District",
# "the Malumfashi Local Government Area"); "the Haidariya district of Aleppo" is a city's part.
_DISTRICT_WORD = r"(?:Local[ \t]+Government(?:[ \t]+Area)?|LGA|[Dd]istrict|[Tt]ehsil|[Ss]ub-?[Cc]ounty)"
# Not "the Mokolo district hospital": a noun after the word makes it an adjective.
_NOT_A_NOUN = r"(?![ \t]+of\b)(?![ \t]+(?!(?:on|in|at|and|or|near|where|which|that|to|from|after|since|when|was|were|is|has|had|last|this|said)\b)[a-z])"
_DISTRICT_WORD_AFTER = re.compile(rf"[ \t]+{_DISTRICT_WORD}\b{_NOT_A_NOUN}")
_ENDS_WITH_DISTRICT_WORD = re.compile(rf"[ \t]{_DISTRICT_WORD}$")
_NOT_A_NOUN_AFTER = re.compile(_NOT_A_NOUN)


def _rank_of(body: str, p: PlaceMention) -> int:
    """The precision a mention states: "Malumfashi Local Government Area" is the district the
    town gives its name to, so a village the text places in it is finer."""
    if p.place.geo_precision == "town" and (_DISTRICT_WORD_AFTER.match(body, p.end) or (
            _ENDS_WITH_DISTRICT_WORD.search(p.surface) and _NOT_A_NOUN_AFTER.match(body, p.end))):
        return PRECISION_RANK["district"]
    return PRECISION_RANK.get(p.place.geo_precision, 0)


def _landmarks(body: str, pool: list[PlaceMention]) -> set[str]:
    """Names of the pool's places that the text uses to situate another of them, no coarser
    ("Lake Chad, near the town of Mao" does not make Mao a landmark): the place set beside a
    landmark is the finer one, wherever else the landmark is named."""
    out = set()
    for p in pool:
        m = _SET_BY_LANDMARK.match(body, p.end)
        if m is None:
            continue
        rank = PRECISION_RANK.get(p.place.geo_precision, 0)
        out |= {q.place.name for q in pool if q.place.name != p.place.name
                and PRECISION_RANK.get(q.place.geo_precision, 0) <= rank and body.startswith(q.surface, m.end())}
    return out


def _choose_place(draft: Draft, body: str = "") -> PlaceMention | None:
    places = draft.places
    if not places:
        return None
    lead = [p for p in places if draft.lead.sentence.start <= p.start < draft.lead.sentence.end]
    # (of the sentences that tell of events: not "hospitals in El-Obeid, a city linking the
    # capital, Khartoum, to the Darfur region")
    provinces = {(p.place.country, p.place.admin1) for f in draft.facts if f.eventful for p in f.places
                 if p.place.geo_precision != "country" and p.place.country_code}
    if len(provinces) > 2:
        return None  # a campaign across several provinces: the country is the place
    # A city's suburb, named with it, is where it happened ("Pétionville, a suburb of
    # Port-au-Prince"): the city is left out as a province would be.
    pool = [p for p in places if not any(q.place.population < p.place.population and suburb(q.place, p.place)
                                         for q in places)]
    # The most precise; among equals the one not used as a landmark, then the smaller place
    # (the big one is usually a landmark).
    landmarks = _landmarks(body, pool)
    best = max(pool, key=lambda p: (_rank_of(body, p), p.place.name not in landmarks, p in lead,
                                    not _reference(body, p, pool), -p.place.population, -p.start))
    return best


def _situate(mention: PlaceMention, draft: Draft,
             article_country: tuple[str | None, str | None] = (None, None)) -> PlaceMention:
    """An unknown village takes admin1 and country from the known places around it, else
    the article's country."""
    if mention.place.country_code:
        return mention
    known = [p for p in draft.places if p.place.country_code]
    if not known:
        code, name = article_country
        if not code:
            return mention
        place = replace(mention.place, country=name, country_code=code)
        return PlaceMention(mention.start, mention.end, mention.surface, place, mention.score)
    # The country most of the incident's places are in (not a dateline's "Nairobi"), then
    # the nearest, more precise place.
    mentions = Counter(p.place.country_code for p in known)
    near = min(known, key=lambda p: (-mentions[p.place.country_code], abs(p.start - mention.start) > 300,
                                     -PRECISION_RANK.get(p.place.geo_precision, 0), abs(p.start - mention.start)))
    ref = near.place
    place = Place(name=mention.place.name, admin1=ref.admin1, country=ref.country,
                  country_code=ref.country_code, latitude=None, longitude=None,
                  geo_precision=mention.place.geo_precision, population=0,
                  parent=ref.name if mention.place.geo_precision == "neighbourhood" and ref.geo_precision == "town" else None)
    return PlaceMention(mention.start, mention.end, mention.surface, place, mention.score)


def _choose_date(draft: Draft, place: PlaceMention | None = None) -> DateMention | None:
    """The lead's event date, else the incident's first (not of a sentence set in another
    province: "the RSF's capture of El-Fasher on October 26 was also accompanied by massacres"
    in a story of Kordofan); with none, the earliest day a source spoke of it (the event was
    by then: "a group said on Thursday" beside "in a statement on Wednesday, the RSF said that
    it had attacked")."""
    lead = draft.lead
    here = place.place.admin1 if place is not None else None

    def elsewhere(f) -> bool:  # names provinces, none of them the incident's
        provinces = {p.place.admin1 for p in f.places if p.place.admin1}
        return bool(here and provinces) and here not in provinces

    told_here = [d for f in draft.facts if f is lead or not elsewhere(f) for d in f.dates]
    for pool in (lead.dates, told_here):
        if pool:
            resolved = [d for d in pool if d.date_start]
            # a year ("the fifth attack this year") dates a tally, not the day the story tells of
            finer = [d for d in resolved if d.precision != "year"]
            return (finer or resolved or pool)[0]
    spoken = [d for f in draft.facts for d in f.report_dates]
    resolved = [d for d in spoken if d.date_start]
    if resolved:
        return min(resolved, key=lambda d: (d.date_start, d.precision != "day"))
    return (lead.report_dates or spoken or [None])[0]


def _resolve_actor(a: ActorMention, country: str | None, country_name: str | None) -> str | None:
    if a.name:
        return a.name
    return forces_of(country, country_name)


def _bare_place(body: str, draft: Draft, place: PlaceMention | None,
                bare: Callable[[], list[PlaceMention]]) -> PlaceMention | None:
    """A bare name after "in", "at" or "near" in a sentence that states or describes the event,
    where nothing finer than a district is known: "attacked a military post in Kpinkankandi" in
    a story of Togo."""
    if place is not None and _rank_of(body, place) >= PRECISION_RANK["town"]:
        return None
    # The sentences that state the event, then those that describe it ("More than 30 rebels
    # ambushed a military outpost in Maybrat").
    ordered = [draft.lead] + [f for f in draft.facts if f.eventful and f is not draft.lead] \
        + [f for f in draft.facts if not f.eventful and not f.background and f is not draft.lead]
    for f in ordered:
        s = f.sentence
        found = next((b for b in bare() if s.start <= b.start < s.end), None)
        if found is not None:
            return found
    return None


def _candidate(body: str, draft: Draft, article_country: tuple[str | None, str | None],
               bare: Callable[[], list[PlaceMention]] = list) -> CandidateIncident:
    claims: list[ClaimDraft] = []
    place = _choose_place(draft, body)
    village = _bare_place(body, draft, place, bare)
    if village is not None:
        draft = replace(draft, facts=[replace(f, places=f.places + [village]) if f.sentence.start <= village.start < f.sentence.end
                                      else f for f in draft.facts])
        place = village
    place = _situate(place, draft, article_country) if place is not None else None
    countries = {p.place.country_code: p.place.country for p in draft.places if p.place.country_code}
    if place is not None:
        country_code, country = place.place.country_code, place.place.country
    elif len(countries) == 1:
        country_code, country = next(iter(countries.items()))
    else:
        country_code, country = article_country

    # Event type from the triggers and who was counted.
    # (not an operation launched after the event it refers back to: "a search operation after the blast")
    kinds = {t.kind for f in draft.facts if f.eventful or f.refers_back for t in f.triggers
             if not (t.kind in ("raid", "clash") and f is not draft.lead
                     and _AFTER_THE_EVENT.match(body, t.end, f.sentence.end))}
    forces_named = any(_side(a) == "security" for f in draft.facts for a in f.actors)
    event_type, sub_event_type, deciding = classify(kinds, *_fields_and_totals(draft.counts), forces_named)
    counts = draft.counts
    if event_type == VAC:
        # Violence against civilians: the people it counts without saying who they are are
        # its victims ("six persons lost their lives").
        counts = [(replace(c, party="civilian") if c.party == "unknown" and c.field in _VICTIM_FIELDS
                   and _GENERIC_PEOPLE.search(c.value_text) else c, source) for c, source in counts]

    # Counts
    kept = []
    evidence = []
    seen: dict[tuple, set] = {}
    parties: dict[tuple, str] = {}
    for c, source in counts:
        if c.party == "unknown" and (c.field, c.value) in parties and c.value >= 3:
            # The same people, said again ("killed nine farmers" … "nine of our people"); one
            # or two alike are too common to assume so.
            c = replace(c, party=parties[c.field, c.value])
        elif c.party != "unknown" and c.value is not None:
            parties.setdefault((c.field, c.value), c.party)
        sources = seen.setdefault((c.field, c.party, c.value), set())
        if c.value is not None and sources and (source is None or source in sources) and c.role != "other":
            continue  # a sentence restating a figure already counted ("two others" count more people)
        sources.add(source)
        kept.append((c, source))
        value = str(c.value) if c.value is not None else c.value_text
        claims.append(anchored(body, c.start, c.end, field=c.field, value=value,
                               value_num=c.value, qualifier=c.qualifier, party=c.party,
                               attributed_to=source,
                               detail={"items": c.value_text} if c.field == "seized" else
                               {"role": c.role} if c.role else None))
        if c.value is not None and c.qualifier != "vague" or c.field in ("killed", "wounded", "arrested") and c.value is not None:
            evidence.append(Evidence(c.field, c.value, c.party, c.qualifier, 0, source, role=c.role))
    fields, _ = _fields_and_totals(kept)

    trigger = next((t for f in draft.facts for t in f.triggers if t.kind == deciding), None)
    if trigger is None:
        trigger = next((t for f in draft.facts for t in f.triggers), None)
    if trigger is not None:
        claims.append(anchored(body, trigger.start, trigger.end, field="event_type",
                               value=f"{event_type}/{sub_event_type}",
                               detail={"event_type": event_type, "sub_event_type": sub_event_type}))

    # Date
    date = _choose_date(draft, place)
    statement = date is not None and date not in draft.dates  # nothing else dates the event
    for d in draft.dates + ([date] if statement else []):
        claims.append(anchored(body, d.start, d.end, field="date",
                               value=_date_value(d), detail={
                                   "date_start": d.date_start, "date_end": d.date_end,
                                   "precision": d.precision, **({"partial": d.partial} if d.partial else {}),
                                   **({"statement": True} if d is date and statement else {})}))

    # Places
    seen_places = set()
    for p in draft.places:
        if (p.place.name, p.start) in seen_places:
            continue
        seen_places.add((p.place.name, p.start))
        claims.append(anchored(body, p.start, p.end, field="location", value=_place_name(p), detail={
            "name": p.place.name, "admin1": p.place.admin1, "country": p.place.country,
            "country_code": p.place.country_code, "latitude": p.place.latitude,
            "longitude": p.place.longitude, "geo_precision": p.place.geo_precision,
            "parent": p.place.parent}))

    # Actors
    actors: list[tuple[str, ActorMention]] = []
    for f in draft.facts:
        for a in f.actors:
            if _controls_the_place(body, a):
                continue
            name = _resolve_actor(a, a.country or country_code, None if a.country else country)
            if name and name not in [n for n, _ in actors]:
                actors.append((name, a))
    named_groups = [n for n, a in actors if not is_state(n) and n != UNIDENTIFIED]
    actors = [(n, a) for n, a in actors if not (n == UNIDENTIFIED and named_groups)]
    for name, a in actors:
        claims.append(anchored(body, a.start, a.end, field="actor", value=name))
    author = _author_of_strike(body, actors, [t for f in draft.facts for t in f.triggers]) \
        if sub_event_type in STRIKES else None
    actor1, actor2 = _unnamed_side(*_roles(actors, event_type, sub_event_type, fields, author),
                                   event_type, sub_event_type)

    figures = derive(evidence)
    released = max((c.value for c, _ in draft.counts if c.field == "released" and c.value), default=None)
    location = _place_name(place) if place else country
    summary = summarise(sub_event_type, actor1, actor2, location, figures,
                        raid="raid" in kinds, released=released)
    claims.sort(key=lambda c: (c.start if c.start is not None else -1, c.field))
    return CandidateIncident(
        event_type=event_type, sub_event_type=sub_event_type,
        date_start=date.date_start if date else None, date_end=date.date_end if date else None,
        date_precision=date.precision if date and date.date_start else "unknown",
        location=location, admin1=place.place.admin1 if place else None, country=country,
        latitude=place.place.latitude if place else None,
        longitude=place.place.longitude if place else None,
        geo_precision=place.place.geo_precision if place else ("country" if country else None),
        actor1=actor1, actor2=actor2, summary=summary, claims=claims,
    )


_AFTER_THE_EVENT = re.compile(r"[^.;]{0,40}?\b(?:after|following|in the wake of)\s+(?:the|this|that|[A-Z][a-z]+day['’]s)\s+"
                             r"(?:\w+\s+)?(?:blast|attack|explosion|bombing|ambush|incident|killings?|massacre|raid)\b")
# "a region controlled by the Arakan Army", "the IS-held town of Hawija", "an al-Shabaab-run
# village": who holds the place describes it; that group is not a side of the event.
_CONTROLLER_BEFORE = re.compile(r"\b(?:controlled|held|governed|administered|run|occupied)\s+by\s+(?:the\s+)?$"
                                r"|\bunder\s+(?:the\s+)?(?:control|rule)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_HELD_AFTER = re.compile(r"-(?:held|controlled|run|occupied|governed)\b")


def _controls_the_place(body: str, actor: ActorMention) -> bool:
    return bool(_HELD_AFTER.match(body, actor.end)
                or _CONTROLLER_BEFORE.search(body, max(0, actor.start - 30), actor.start))


_VICTIM_FIELDS = ("killed", "wounded", "abducted")
_GENERIC_PEOPLE = re.compile(r"\b(?:people|persons?|individuals?|victims?|others|dead|injured|wounded)\W*$",
                             re.IGNORECASE)


def _fields_and_totals(counts) -> tuple[dict[str, set[str]], dict[str, int]]:
    fields: dict[str, set[str]] = {}
    totals: dict[str, int] = {}
    for c, _ in counts:
        fields.setdefault(c.field, set()).add(c.party)
        if c.value is not None:
            totals[c.field] = max(totals.get(c.field, 0), c.value)
    return fields, totals


def _place_name(p: PlaceMention) -> str:
    return f"{p.place.name}, {p.place.parent}" if p.place.parent else p.place.name


def _date_value(d: DateMention) -> str:
    if d.date_start and d.date_end and d.date_end != d.date_start:
        return f"{d.date_start}/{d.date_end}"
    return d.date_start or d.text


def _unnamed_side(actor1: str | None, actor2: str | None, event_type: str, sub: str) -> tuple[str | None, str | None]:
    """A side the text does not name is still there (ACLED's "Unidentified Armed Group"):
    a clash has an enemy, an attack on civilians or a bombing an author."""
    if event_type == "Battles" and actor1 and actor2 is None and actor1 != UNIDENTIFIED:
        return actor1, UNIDENTIFIED
    if actor1 is None and actor2 and (event_type == VAC or sub in ("Suicide bomb", "Remote explosive/landmine/IED")):
        return UNIDENTIFIED, actor2
    return actor1, actor2


STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")  # who struck is read from the text
# "Houthi missile attack", "Houthi-fired missile", "Russian overnight drone strike": the group
# named in the words right before the event's noun.
_AUTHOR_BEFORE = re.compile(r"(?:-fired|-launched|'s|’s)?(?:[ \t]+(?:overnight|ballistic|guided|heavy|suicide|"
                            r"artillery|rocket|drone|missile|mortar|air|aerial))*[ \t]*$")
# "a missile attack carried out by the Houthi group", "shells fired by the RSF"
_AUTHOR_AFTER = re.compile(r"[ \t]+(?:(?:was|were|had been|has been)[ \t]+)?(?:carried[ \t]+out|fired|launched|"
                           r"conducted|claimed)?[ \t]*by[ \t]+(?:the[ \t]+)?$")


def _author_of_strike(body: str, actors: list[tuple[str, ActorMention]], triggers) -> str | None:
    """The actor the text joins to one of the incident's event nouns ("Houthi missile attack",
    "attacks by RSF soldiers"): who struck, whatever state the story also names."""
    for t in triggers:
        for name, a in actors:
            if a.end <= t.start and t.start - a.end <= 40 and _AUTHOR_BEFORE.fullmatch(body, a.end, t.start) \
                    or t.end <= a.start and a.start - t.end <= 60 and _AUTHOR_AFTER.search(body, t.end, a.start):
                return name
    return None


def _roles(actors: list[tuple[str, ActorMention]], event_type: str, sub: str,
           fields: dict[str, set[str]], author: str | None = None) -> tuple[str | None, str | None]:
    names = [n for n, _ in actors]
    state = [n for n in names if is_state(n)]
    armed = [n for n in names if not is_state(n)]
    victims = fields.get("killed", set()) | fields.get("wounded", set()) | fields.get("abducted", set())
    # Remote violence that counts only people ("eight people were killed in the blast") hit
    # civilians: a combatant's death is told as a soldier's or a militant's.
    # (A suicide bomber's own death aside.)
    bystanders = victims - ({"militant"} if sub == "Suicide bomb" else set())
    civilian_victims = "civilian" in victims or (event_type == "Explosions/Remote violence"
                                                  and bool(bystanders) and bystanders <= {"civilian", "unknown"})
    if event_type in ("Violence against civilians",) or sub in ("Suicide bomb", "Remote explosive/landmine/IED"):
        # Government forces can be the ones who attack civilians ("Russian missiles hit Kharkiv").
        perpetrator = (armed or (state if event_type == "Violence against civilians" else []) or [None])[0]
        victim = CIVILIANS if civilian_victims or event_type == "Violence against civilians" else next(
            (n for n in state if n != perpetrator), None)
        return perpetrator, victim
    if sub in STRIKES:
        # Its author when the text joins one to the strike, else a state's: air forces strike.
        first = author if author in names else (state or armed or [None])[0]
        target = next((n for n in armed if n != first), None)
        return first, target or (CIVILIANS if civilian_victims and first else None)
    if event_type == "Strategic developments":
        if "released" in fields and not state:
            return None, None  # prisoners' affiliation is not an actor of their release
        first = (state or armed or [None])[0]
        other = next((n for n in armed + state if n != first), None)
        return first, other
    if len(names) >= 2:
        # Battles: whoever the lead sentence names first acts; a state actor by default.
        first = state[0] if state and armed else names[0]
        other = next((n for n in (armed if first in state else state) if n != first), None) or next(
            (n for n in names if n != first), None)
        return first, other
    return (names or [None])[0], None
