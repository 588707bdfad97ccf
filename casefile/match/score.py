"""Scoring a pair: one number and the reasons behind it.

Each part gives 0..1 (0.5 when one side does not say): from the extracted fields, place (names,
distance; a province or country on one side is weak evidence either way), date (overlap, days
apart, stated weekdays), event type, tolls (overlapping ranges) and armed groups; from the
sources' own words, the TF-IDF overlap of the claim sentences and titles (`words`), the names both
use (`names`) and how close the publication dates are (`published`). The hand-set score is the
better of two weighted views (the fields agree, or the words do); casefile.match.learn replaces it
with weights fitted to the curator's judgements.

A contradiction needs two firm statements: two exact dates three or more days apart (or stated
weekdays two apart), two towns each placed in its province, two sets of exact tolls far apart.
Then the pair is different events, whatever else it shares: its score is capped below the line
and the first reason says so. Softer signs weigh without vetoing: two or more parts on which the
reports disagree (two days or more apart, another kind of event, tolls far apart, another armed
group), and, for a report not dated to the day, a place crowded with reports of its kind.
Word similarity counts only above the case file's own background (`calibrate`).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from rapidfuzz import fuzz

from casefile.match.records import MatchRecord, Suggestion
from casefile.match.words import Rarity, tokens

# The parts of a pair's score. Two views, the better of which counts until the case file holds
# enough of the curator's judgements to learn its own weights (casefile.match.learn): the
# extracted fields agree, or the sources' own words do (a twin whose place came out as the
# country, or whose date is missing, still tells the same story).
FIELDS_VIEW = {"place": 0.25, "date": 0.25, "event": 0.15, "counts": 0.15, "actors": 0.10, "words": 0.10}
WORDS_VIEW = {"words": 0.40, "names": 0.15, "published": 0.10, "place": 0.10, "date": 0.10, "counts": 0.05,
              "actors": 0.10}
WEIGHTS = {k: max(FIELDS_VIEW.get(k, 0), WORDS_VIEW.get(k, 0)) for k in (*FIELDS_VIEW, *WORDS_VIEW)}
THRESHOLD = 0.6
VETOED = 0.3  # the most a pair with a firm contradiction may score
NAMED = 0.6  # names part from which both sources name the same people and sites
WORDS_FULL = 0.3  # a TF-IDF overlap of the sentences at which two reports read as one story
NEUTRAL = 0.5
UNDATED = 0.4
FAMILIES = {"Battles": "violent", "Explosions/Remote violence": "violent",
            "Violence against civilians": "violent", "Strategic developments": "strategic",
            "Protests": "civil", "Riots": "civil"}


def _km(a: MatchRecord, b: MatchRecord) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


COARSE = {"province", "country"}


TOWNS = {"town", "neighbourhood"}


def place_score(a: MatchRecord, b: MatchRecord) -> tuple[float, str | None, bool]:
    """(score, reason, firmly apart). Only two towns named firmly can contradict each other;
    a province or a country on one side is weak evidence either way."""
    if not (a.place_names or a.admin1 or a.country) or not (b.place_names or b.admin1 or b.country):
        return NEUTRAL, None, False
    if a.country and b.country and a.country != b.country:
        # A country is often the one an article mentions, not the one the event was in.
        return 0.1, f"different countries ({a.country} / {b.country})", False
    if a.geo_precision in COARSE or b.geo_precision in COARSE or not (a.place_names and b.place_names):
        if a.admin1 and b.admin1:
            return (0.6, None, False) if a.admin1 == b.admin1 else (0.1, f"different provinces ({a.admin1} / {b.admin1})", False)
        return 0.4, None, False
    if a.place_names & b.place_names:
        return 1.0, None, False
    if _words_within(a.place_names, b.place_names):
        return 0.9, None, False  # "Kurram's Bagan" and "Bagan"
    names = max((fuzz.ratio(x, y) / 100 for x in a.place_names for y in b.place_names), default=0.0)
    km = _km(a, b)
    # Firm: both towns were placed in their province. A name that was not may be a misread
    # village or a dateline.
    # Alike names in one province may be one town spelled twice; in two provinces they are two towns.
    towns = a.geo_precision in TOWNS and b.geo_precision in TOWNS and bool(a.admin1 and b.admin1)
    firm = towns and (names < 0.85 or a.admin1 != b.admin1)
    # A source that names the other's place as well ("Sabon Gari, in Damboa") may have had
    # its incident placed in the other of the two: no firm contradiction, and some agreement.
    if _names_the_other(a, b):
        return 0.5, f"placed in {a.location} / {b.location}, but one source names both", False
    # Different provinces, or far apart: another place, however alike the names.
    if (a.admin1 and b.admin1 and a.admin1 != b.admin1) or (km is not None and km > 60):
        where = f"{km:.0f} km apart" if km is not None else f"{a.admin1} / {b.admin1}"
        return 0.0, f"different places ({a.location} / {b.location}, {where})", firm
    near = 0.0 if km is None else max(0.0, 1 - km / 50)
    score = max(names if names >= 0.85 else names * 0.5, near)
    reason = None
    if score < 0.5:
        reason = f"different places ({a.location} / {b.location}" + (f", {km:.0f} km apart)" if km is not None else ")")
    # Two towns of one province a few km apart may be a town and its suburb: not firm. Nor two
    # villages the gazetteer lacks: the province is all that is known of where they lie
    # ("near Badnote village" and "Machedi" are one ambush in Kathua).
    return score, reason, firm and score < 0.3 and km is not None


def _names_the_other(a: MatchRecord, b: MatchRecord) -> bool:
    """The sentences of one report name the other's place (every word of its name). Not for
    two incidents of one article: it names both because it tells of both."""
    if a.article_ids & b.article_ids:
        return False
    for x, y in ((a, b), (b, a)):
        own = tokens(x.location.split(",")[0]) if x.location else set()
        # "W National Park" is not named by "national park": its own word is too short to count.
        if own - _PLACE_KIND_WORDS and own <= y.words:
            return True
    return False


_PLACE_KIND_WORDS = frozenset("""national park reserve forest game wildlife sanctuary village town city camp
base district area province region state county community refugee""".split())


def _words_within(a: frozenset[str], b: frozenset[str]) -> bool:
    """One place name holds the other as whole words."""
    split = lambda name: set(re.findall(r"\w+", name.replace("’s", "").replace("'s", "")))  # noqa: E731
    for x in a:
        for y in b:
            wx, wy = split(x), split(y)
            if wx and wy and (wx <= wy or wy <= wx):
                return True
    return False


ONE_UNDATED, NEITHER_DATED = "one gives no date", "neither gives a date"  # absence of evidence, said as such


def date_score(a: MatchRecord, b: MatchRecord) -> tuple[float, str | None, bool]:
    """(score, reason, firmly apart)."""
    if a.date_start and b.date_start:
        a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
        gap = max((a.date_start - b_end).days, (b.date_start - a_end).days, 0)
        exact = a.date_precision == b.date_precision == "day"
        if gap == 0:
            return (1.0 if exact else 0.7), None, False
        if gap == 1:
            return 0.8, None, False
        both_days = a.date_precision == b.date_precision == "day"
        firm = both_days and gap >= 3 or a.date_precision in ("day", "week") and b.date_precision in ("day", "week") and gap > 7
        score = {2: 0.4, 3: 0.2}.get(gap, 0.0)
        return score, f"{gap} days apart", firm
    # A report cannot tell of what happened after it was published: a day's event after the
    # other's last publication is another event, whatever else they share.
    for early, late in ((a, b), (b, a)):
        if early.published and late.date_start and late.date_precision == "day" \
                and (late.date_start - max(early.published)).days > 1:
            return 0.0, "one was published before the other happened", True
    # One side unresolved: what the text stated still speaks. A weekday two or more days off,
    # or another month, is another event; one day off is a report that counted differently.
    known, other = (a, b) if a.date_start else (b, a)
    if known.date_start and known.date_precision == "day":
        if other.weekdays:
            return _weekdays({known.date_start.weekday()}, other.weekdays)
        if other.months:
            ok = known.date_start.month in other.months
            return (0.6, None, False) if ok else (0.0, "different months", True)
    if not known.date_start:
        if a.weekdays and b.weekdays:
            return _weekdays(a.weekdays, b.weekdays)
        if a.months and b.months:
            return (0.6, None, False) if a.months & b.months else (0.0, "different months", True)
    # Nothing says when one of them happened: in a busy place that is weak evidence of a match.
    neither = not (a.date_start or b.date_start or a.weekdays or b.weekdays or a.months or b.months)
    return UNDATED, NEITHER_DATED if neither else ONE_UNDATED, False


def _weekdays(x: frozenset[int] | set[int], y: frozenset[int] | set[int]) -> tuple[float, str | None, bool]:
    gap = min(min((i - j) % 7, (j - i) % 7) for i in x for j in y)
    if gap == 0:
        return 0.7, None, False
    if gap == 1:
        return 0.4, "weekdays a day apart", False
    return 0.0, "different weekdays", True


def actor_score(a: MatchRecord, b: MatchRecord) -> tuple[float, str | None]:
    """Armed groups decide; government forces are present in most reports and say little."""
    ga, gb = a.armed, b.armed
    if ga and gb:
        shared = ga & gb
        if not shared:
            return 0.1, f"different armed groups ({', '.join(sorted(ga))} / {', '.join(sorted(gb))})"
        return 0.6 + 0.4 * len(shared) / len(ga | gb), None
    sa, sb = a.forces, b.forces
    if sa and sb:
        return (0.6, None) if sa & sb else (0.3, None)
    return NEUTRAL, None


def event_score(a: MatchRecord, b: MatchRecord) -> tuple[float, str | None, bool]:
    """(score, reason, different family)."""
    if not a.event_type or not b.event_type:
        return NEUTRAL, None, False
    if a.sub_event_type == b.sub_event_type:
        return 1.0, None, False
    if a.event_type == b.event_type:
        return 0.7, None, False
    if FAMILIES.get(a.event_type) == FAMILIES.get(b.event_type):
        return 0.3, f"{a.sub_event_type} / {b.sub_event_type}", False
    return 0.0, f"{a.event_type} / {b.event_type}", True


ROSE = NEUTRAL  # a toll the later report gives higher: an update, neither agreement nor a contradiction


def count_score(a: MatchRecord, b: MatchRecord) -> tuple[float, str | None]:
    scores, reasons = [], []
    # Tolls rise as the wounded die and bodies are found: the report published later may count
    # more of the same dead. Published the same day, two tolls are two sources disagreeing.
    earlier, later = sorted((a, b), key=lambda r: r.first_published or dt.date.max)
    rising = (earlier.first_published is not None and later.first_published is not None
              and later.first_published > earlier.first_published)
    for name in ("killed", "wounded", "arrested"):
        if name in a.counts and name in b.counts:
            (al, ah), (bl, bh) = a.counts[name], b.counts[name]
            if al <= bh and bl <= ah:
                scores.append(1.0)
            elif rising and later.counts[name][0] > earlier.counts[name][1]:
                scores.append(ROSE)
                reasons.append(f"{name} rose from {earlier.counts[name][1]} to {later.counts[name][0]} in the later report")
            else:
                low, high = sorted((ah, bh))
                ratio = low / high if high else 1.0
                # Small figures a count or two apart ("no one" / "two") are near, whatever the ratio.
                scores.append(0.8 if high - low <= 2 else ratio * 0.8)
                if ratio < 0.6 and high - low > 2:
                    reasons.append(f"{name} {al}–{ah} / {bl}–{bh}")
    if not scores:
        return NEUTRAL, None
    return sum(scores) / len(scores), ("; ".join(reasons) or None)


def count_contradiction(a: MatchRecord, b: MatchRecord) -> bool:
    """Two exact tolls that cannot both be true: every figure both give is exact, and two or
    more fields are far apart (one field far apart may be a toll that rose overnight)."""
    apart = 0
    for name in a.counts.keys() & b.counts.keys():
        (al, ah), (bl, bh) = a.counts[name], b.counts[name]
        if al != ah or bl != bh:
            return False
        if min(ah, bh) < 0.5 * max(ah, bh) and abs(ah - bh) >= 2:
            apart += 1
    return apart >= 2


def words_score(a: MatchRecord, b: MatchRecord, rarity: Rarity) -> float:
    """TF-IDF overlap of the words of the claim sentences and titles, above what two reports of
    different events in this case file share anyway (`rarity.background`, see `calibrate`)."""
    if not a.words or not b.words:
        return NEUTRAL
    # A town both records are placed in is the place part's evidence; counted once. When one
    # side's place came out as the province, the town in its sentences still counts here.
    overlap = rarity.overlap(a.words, b.words, a.place_words & b.place_words)
    return min(1.0, max(0.0, overlap - rarity.background) / WORDS_FULL)


APART = 30  # days: two reports of one region this far apart are different events
NEGATIVES = 3000  # such pairs sampled to measure the background
MIN_NEGATIVES = 20  # fewer: no background (a small case file is scored on the plain overlap)


def calibrate(rarity: Rarity, records: list[MatchRecord]) -> float:
    """Set `rarity.background`: the median TF-IDF overlap of pairs that are known to be different
    events (reports of one province, else country, dated more than APART days apart).

    How alike two reports read depends on the case file: one outlet's stock phrases, a
    front line's names, a generator's templates make every pair of its reports look alike,
    while reports of many conflicts share little. An overlap counts as evidence of one event
    only above what the case file's own different events reach. Deterministic, and linear:
    each record is paired with the reports APART and 2×APART days after it in its region."""
    import bisect

    by_area: dict[tuple, list[tuple[int, int]]] = {}
    for i, r in enumerate(records):
        if r.words and r.when is not None and (r.admin1 or r.country):
            by_area.setdefault((r.country, r.admin1), []).append((r.when, i))
    pairs = []
    for items in by_area.values():
        items.sort()
        days = [d for d, _ in items]
        for d, i in items:
            for gap in (APART, 2 * APART):
                k = bisect.bisect_left(days, d + gap)
                if k < len(items):
                    pairs.append((i, items[k][1]))
    if len(pairs) < MIN_NEGATIVES:
        rarity.background = 0.0
        return 0.0
    step = max(1, len(pairs) // NEGATIVES)
    overlaps = sorted(rarity.overlap(records[i].words, records[j].words,
                                    records[i].place_words & records[j].place_words) for i, j in pairs[::step])
    rarity.background = overlaps[len(overlaps) // 2]
    return rarity.background


def names_score(a: MatchRecord, b: MatchRecord, rarity: Rarity) -> float:
    """The share of the smaller side's names (by rarity) that the other side names too."""
    if not a.names or not b.names:
        return NEUTRAL
    shared = a.names & b.names
    if not shared:
        return 0.0
    idf = rarity.idf
    # fsum: a set's order changes from run to run, a float sum's last bit with it (and with
    # that a score sitting on the threshold)
    return math.fsum(map(idf, shared)) / min(math.fsum(map(idf, a.names)), math.fsum(map(idf, b.names)))


def published_score(a: MatchRecord, b: MatchRecord) -> float:
    """Reports of one event appear within days of each other."""
    if not a.published or not b.published:
        return NEUTRAL
    gap = min(abs((x - y).days) for x in a.published for y in b.published)
    return 1.0 if gap <= 1 else 0.8 if gap <= 3 else 0.5 if gap <= 7 else 0.2 if gap <= 30 else 0.0


def text_score(a: MatchRecord, b: MatchRecord) -> float:
    if not a.text or not b.text:
        return NEUTRAL
    return fuzz.token_set_ratio(a.text, b.text) / 100


def thin(r: MatchRecord) -> bool:
    """Nothing but a place and a kind of event: no date of any sort, no figure."""
    return not (r.date_start or r.weekdays or r.months or r.counts)


def vague(r: MatchRecord) -> bool:
    """Says too little of when to tell one of its place's reports of its kind from another:
    no date to the day or week (a weekday, a month or a year at most)."""
    return r.date_start is None or r.date_precision not in ("day", "week")


# How many reports of the same kind in the same place make a bare "same place, same kind"
# worthless as evidence (a busy front line has dozens of undated "clashes in X").
CROWDED = 3
UNIFORM = Rarity(())  # every word equally rare: scoring two records outside a matching run


def _listed(words: list[str]) -> str:
    words = [w.title() if w.islower() else w for w in words]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


def _whole(token: str, a: MatchRecord, b: MatchRecord) -> str:
    """The whole name both sources write the word in ("Syrian Observatory for Human Rights"),
    else the word."""
    x, y = a.phrases.get(token), b.phrases.get(token)
    if x and y:
        shorter, longer = sorted((x, y), key=len)
        if shorter in longer:
            return shorter
    return token


def evidence(a: MatchRecord, b: MatchRecord, rarity: Rarity) -> list[str]:
    """What a reader would point at: the rare words and names both use, and what one side
    leaves out (absence of evidence, said as such)."""
    out = []
    common = max(2.0, min(40.0, rarity.n * 0.2))
    key = lambda t: (-rarity.idf(t), t)  # noqa: E731
    names = sorted((t for t in a.names & b.names if rarity.df.get(t, 0) <= common), key=key)[:3]
    names = list(dict.fromkeys(_whole(t, a, b) for t in names))
    words = sorted((t for t in (a.words & b.words) - a.names - b.names
                    if rarity.df.get(t, 0) <= common), key=key)[:3]
    if names and words:
        out.append(f"both name {_listed(names)} and speak of {_listed(words).lower()}")
    elif names:
        out.append(f"both name {_listed(names)}")
    elif words:
        out.append(f"both speak of {_listed(words).lower()}")
    for r in (a, b):
        if r.geo_precision in COARSE and not r.place_names:
            out.append(f"one gives only the {'province' if r.geo_precision == 'province' else 'country'}")
            break
    if (a.date_start is None) != (b.date_start is None):
        out.append(ONE_UNDATED)
    return out


AGAINST = 0.75  # a pair whose reports disagree on two parts or more
BUSY = 0.1  # days of five on which a place has reports, from which one disagreement is enough


def disagreements(breakdown: dict[str, float], date_reason: str | None, event_reason: str | None,
                  actor_reason: str | None, place_reason: str | None) -> list[str]:
    """The parts on which the two reports say different things (not those one leaves out)."""
    out = []
    if breakdown["date"] < 0.5 and date_reason and date_reason not in (ONE_UNDATED, NEITHER_DATED):
        out.append("the date")
    if breakdown["place"] < 0.35 and place_reason:
        out.append("the place")
    if breakdown["event"] < 0.35 and event_reason:
        out.append("the kind of event")
    if breakdown["counts"] < 0.35:
        out.append("the toll")
    if actor_reason:
        out.append("the armed group")
    if breakdown.get("published", NEUTRAL) == 0.0:
        out.append("when they were published")
    return out


def hand_score(breakdown: dict[str, float]) -> float:
    """The hand-set score of a pair's parts: the better of the two views."""
    get = breakdown.get
    fields = sum([w * get(k, NEUTRAL) for k, w in FIELDS_VIEW.items()])
    words = sum([w * get(k, NEUTRAL) for k, w in WORDS_VIEW.items()])
    counts, actors = get("counts", NEUTRAL), get("actors", NEUTRAL)
    # Soft contradictions: tolls far apart (a toll may rise, so never a veto), two different
    # armed groups named (one outlet's "IS" is another's "ISWAP"), publication dates a month
    # apart (a look-back is possible). They weigh on the fields' view; on the words' view only
    # when the sources do not name the same people and sites, which outweigh a toll or a
    # group the extractor may have misread.
    soft = ((0.7 + 0.6 * counts if counts < 0.5 else 1.0) * (0.8 if actors < 0.35 else 1.0)
            * (0.8 if breakdown.get("published", NEUTRAL) == 0.0 else 1.0))  # published a month or more apart
    return max(fields * soft, words * (soft if breakdown.get("names", NEUTRAL) < NAMED else 1.0))


def score(a: MatchRecord, b: MatchRecord, crowd: int = 0, rarity: Rarity = UNIFORM, model=None,
          explain: bool = True, floor: float = 0.0, busy: float = 0.0) -> Suggestion | None:
    """`crowd`: how many records share the thinner side's place and kind of event; `rarity`:
    the document frequencies of the run; `model`: weights learned from the curator's
    judgements (else the hand-set WEIGHTS); `explain`: False leaves out what both share
    (the score is the same; a run explains only the pairs it keeps); `floor`: the least score
    the caller keeps (above VETOED, a firmly contradicted pair is None, unscored); `busy`: on
    how many days of a five-day window their place has reports (`Run.busy`)."""
    place, place_reason, elsewhere = place_score(a, b)
    date, date_reason, apart = date_score(a, b)
    tolls = count_contradiction(a, b)
    if floor > VETOED and (apart or elsewhere or tolls):
        return None
    event, event_reason, other_family = event_score(a, b)
    counts, count_reason = count_score(a, b)
    actors, actor_reason = actor_score(a, b)
    breakdown = {"place": place, "date": date, "event": event, "counts": counts, "actors": actors,
                 "words": words_score(a, b, rarity), "names": names_score(a, b, rarity),
                 "published": published_score(a, b)}
    if a.article_ids & b.article_ids:
        # Two incidents of one article share its title, names and date whatever they are: the
        # sources' words say nothing about whether they are one event.
        breakdown.update(words=NEUTRAL, names=NEUTRAL, published=NEUTRAL)
    total = model.probability(breakdown) if model is not None else hand_score(breakdown)
    reasons = evidence(a, b, rarity) if explain else []
    reasons += [r for r in (place_reason, date_reason, event_reason, count_reason, actor_reason) if r and r not in reasons]
    # A contradiction needs two firm statements: two exact dates (or weekdays) days apart, two
    # towns, two sets of exact tolls. Then they are different events, however alike the words.
    if apart or elsewhere or tolls:
        total = min(total * 0.5, VETOED)
        reasons.insert(0, "reported on different dates: different events" if apart
                       else "reported in different places: different events" if elsewhere
                       else "exact tolls that cannot both be true: different events")
    if other_family:
        total *= 0.8
    # Each soft disagreement alone may be an outlet's error (a day off, another toll, the
    # group misnamed); two independent ones are another event: a follow-up, a look-alike.
    against = disagreements(breakdown, date_reason, event_reason, actor_reason, place_reason)
    # Where another event within days is likely (a busy front line), one disagreement is enough:
    # the prior that two reports there are one event is lower, as in Fellegi-Sunter's term
    # frequencies. A case file of scattered reports is never busy.
    if len(against) >= 2 or (against and busy >= BUSY):
        total *= AGAINST
        reasons.append("disagree on " + " and ".join(against)
                       + (f", in a busy place (reports on {busy:.1f} days of every five)" if len(against) == 1 else ""))
    if (vague(a) or vague(b)) and crowd > CROWDED:
        # Absence of a date is no contradiction, but then the same place and kind of event is
        # shared by every report of that kind there that what it says could be.
        total *= 0.75
        reasons.append(f"little to go on: {'no date or figure' if thin(a) or thin(b) else 'no date'}, "
                       f"and {crowd} reports of this kind there")
    left, right = sorted((a.id, b.id))
    return Suggestion(left, right, total, breakdown, tuple(reasons))
