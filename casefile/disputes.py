"""Disagreements between sources on an incident's place, date, type and actors: who said what,
and the rule that chose the value the incident holds.

Counts are casefile.figures' business (ranges, the most conservative figure); this module names
the other fields' disputes and writes them into the dispute note beside the counts'. Each source
(an article) gives one account per field, taken from its claims: its most precise place, its
most precise resolved date, its most precise description of the event, the actors it names.
Accounts that can all be true (Aleppo and a district of Aleppo; a month and a day in it) are no
dispute. A curator's edit is always the chosen value; otherwise merging chooses by the rules
below, and the note says which rule chose.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

FIELDS = ("place", "date", "type", "actors")
# The claim fields an edit sets, per disputed field: an analyst claim there is the curator's choice.
EDITED_BY = {"place": ("location", "admin1", "country"), "date": ("date",), "type": ("event_type",),
             "actors": ("actor1", "actor2")}
GEO_RANK = {"neighbourhood": 5, "town": 4, "district": 3, "province": 2, "country": 1}
DATE_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
# Words that name an event without saying how it was done: a report using only one of these is
# less precise than one that says "suicide bombing" or "air strike".
GENERIC_EVENT_WORDS = frozenset(
    "attack attacks attacked bombing bombings blast blasts explosion explosions exploded incident "
    "incidents operation operations clash clashes clashed fighting violence assault assaults".split())
RULES = {
    "curator": "the curator's choice",
    "most_precise": "the most precise source",
    "most_sources": "the account most sources give",
    "first_report": "the first report, kept at merge (no rule tells the accounts apart: a curator should choose)",
    "most_conservative": "the most conservative figure",
}


@dataclass(frozen=True)
class Account:
    value: str  # as the incident would show it: "Haidariya, Aleppo", "2025-05-17", "Battles/Armed clash"
    article_ids: tuple[int, ...]
    quotes: tuple[str, ...]  # the words each source states it with
    rank: int = 0  # precision: higher is more precise


@dataclass(frozen=True)
class Dispute:
    field: str  # place | date | type | actors
    accounts: tuple[Account, ...]
    chosen: str | None
    rule: str  # a key of RULES
    tied: tuple[str, ...] = ()  # equally precise values the rule could not separate

    def as_json(self) -> dict:
        return {"field": self.field, "chosen": self.chosen, "rule": self.rule, "rule_text": RULES[self.rule],
                "tied": list(self.tied),
                "accounts": [{"value": a.value, "article_ids": list(a.article_ids), "quotes": list(a.quotes)}
                             for a in self.accounts]}

    def note(self, label: Callable | None = None) -> str:
        """"place: Haidariya, Aleppo (article 1); Jazmatiyeh, Aleppo (article 3); kept Haidariya,
        Aleppo: the most precise source (as precise as Jazmatiyeh, Aleppo)"."""
        label = label or (lambda a: f"article {a}")
        said = "; ".join(f"{a.value} ({', '.join(label(i) for i in a.article_ids)})" for a in self.accounts)
        text = f"{self.field}: {said}; kept {self.chosen or 'none'}: {RULES[self.rule]}"
        if self.tied:
            text += f" (as precise as {', '.join(self.tied)}; the first report kept)"
        return text



def _fold(text: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if c.isalnum())


def _claim_get(c, key):
    return c.get(key) if isinstance(c, Mapping) else getattr(c, key)


def _source_claims(claims: Iterable, field: str) -> dict[int, list]:
    """A field's claims per source article, in text order. Spans an analyst attached from an
    article are that source's statements; an edit (no article) is the curator's choice."""
    out: dict[int, list] = {}
    for c in claims:
        if _claim_get(c, "field") == field and _claim_get(c, "article_id") is not None:
            out.setdefault(_claim_get(c, "article_id"), []).append(c)
    return out


def _detail(c) -> dict:
    d = _claim_get(c, "detail")
    if isinstance(d, str):
        import json

        d = json.loads(d)
    return d or {}


# -- one account per source, per field --------------------------------------------------------
def _place_path(c) -> tuple[str, ...]:
    """Country, province, town, neighbourhood: a place contains another when its path is a prefix."""
    d = _detail(c)
    precision = d.get("geo_precision") or "town"
    path = [_fold(d.get("country"))]
    if precision != "country":
        path.append(_fold(d.get("admin1")))
    if d.get("parent"):
        path.append(_fold(d.get("parent")))
    if precision not in ("country", "province"):
        path.append(_fold(d.get("name") or _claim_get(c, "value")))
    return tuple(p for p in path if p)


def _place_accounts(claims) -> list[tuple[int, str, str, int, tuple]]:
    out = []
    for article_id, cs in _source_claims(claims, "location").items():
        rank_of = lambda c: GEO_RANK.get(_detail(c).get("geo_precision") or "town", 0)  # noqa: E731
        best = max(cs, key=rank_of)  # the first of the most precise
        # Every place the source names at that precision: "clashes in Haidariya and Jazmatiyeh"
        # agrees with a report of either.
        paths = tuple(dict.fromkeys(_place_path(c) for c in cs if rank_of(c) == rank_of(best)))
        out.append((article_id, _claim_get(best, "value"), _claim_get(best, "quote") or "", rank_of(best), paths))
    return out


def _date_accounts(claims) -> list[tuple[int, str, str, int, tuple]]:
    out = []
    for article_id, cs in _source_claims(claims, "date").items():
        resolved = [c for c in cs if _detail(c).get("date_start")]
        if not resolved:
            continue  # "on Saturday" without a publication date: no account to hold against another
        best = max(resolved, key=lambda c: DATE_RANK.get(_detail(c).get("precision"), 0))
        d = _detail(best)
        start, end = d["date_start"], d.get("date_end") or d["date_start"]
        value = start if start == end else f"{start}/{end}"
        out.append((article_id, value, _claim_get(best, "quote") or "", DATE_RANK.get(d.get("precision"), 0),
                    (start, end)))
    return out


def _type_value(c) -> str:
    d = _detail(c)
    if d.get("event_type") and d.get("sub_event_type"):
        return f"{d['event_type']}/{d['sub_event_type']}"
    return _claim_get(c, "value") or ""


def _type_rank(c) -> int:
    words = [w for w in _fold_words(_claim_get(c, "quote"))]
    return 1 if words and all(w in GENERIC_EVENT_WORDS for w in words) else 2


def _fold_words(text: str | None) -> list[str]:
    cleaned = "".join(ch if ch.isalnum() else " " for ch in unicodedata.normalize("NFKD", (text or "").lower()))
    return cleaned.split()


def _type_accounts(claims) -> list[tuple[int, str, str, int, tuple]]:
    out = []
    for article_id, cs in _source_claims(claims, "event_type").items():
        best = max(cs, key=_type_rank)  # first of the most precise
        value = _type_value(best)
        out.append((article_id, value, _claim_get(best, "quote") or "", _type_rank(best), (value,)))
    return out


def _actor_accounts(claims) -> list[tuple[int, str, str, int, tuple]]:
    out = []
    for article_id, cs in _source_claims(claims, "actor").items():
        names = list(dict.fromkeys(_claim_get(c, "value") for c in cs if _claim_get(c, "value")))
        quotes = ", ".join(dict.fromkeys(_claim_get(c, "quote") or "" for c in cs))
        out.append((article_id, " and ".join(names), quotes, len(names), tuple(names)))
    return out


def _compatible(field: str, a: tuple, b: tuple) -> bool:
    if field == "place":  # one place contains the other (for any of the places each source names)
        return any(pa[:min(len(pa), len(pb))] == pb[:min(len(pa), len(pb))] for pa in a for pb in b)
    if field == "date":  # the ranges overlap
        return a[0] <= b[1] and b[0] <= a[1]
    if field == "actors":  # contradicting: each names an armed group the other does not (state forces
        from casefile.extract.actors import UNIDENTIFIED, is_state  # join many events, so naming them is no claim against another group)

        ga, gb = ({n for n in x if not is_state(n) and n != UNIDENTIFIED} for x in (a, b))
        return not (ga and gb) or ga <= gb or gb <= ga
    return a == b


_ACCOUNTS = {"place": _place_accounts, "date": _date_accounts, "type": _type_accounts, "actors": _actor_accounts}


def accounts(claims: list, field: str) -> list[tuple[int, str, str, int, tuple]]:
    """(article id, value, quote, precision rank, comparison key) per source, in article order."""
    return sorted(_ACCOUNTS[field](claims), key=lambda t: t[0])


def chosen_value(incident: Mapping, field: str) -> str | None:
    """The value the incident holds, written as accounts write it."""
    g = incident.get
    if field == "place":
        return g("location") or g("admin1") or g("country")
    if field == "date":
        if not g("date_start"):
            return None
        end = g("date_end") or g("date_start")
        return g("date_start") if end == g("date_start") else f"{g('date_start')}/{end}"
    if field == "type":
        return f"{g('event_type')}/{g('sub_event_type')}" if g("event_type") and g("sub_event_type") else None
    return " and ".join(a for a in (g("actor1"), g("actor2")) if a) or None


def _matches(field: str, value: str | None, account_value: str) -> bool:
    if value is None:
        return False
    if field == "actors":
        return set(value.split(" and ")) == set(account_value.split(" and "))
    return _fold(value) == _fold(account_value)


def disputes(incident: Mapping, claims: list) -> list[Dispute]:
    """Every field but the counts on which the sources' accounts cannot all be true."""
    if len({_claim_get(c, "article_id") for c in claims} - {None}) < 2:
        return []  # one source cannot disagree with another
    edited = {_claim_get(c, "field") for c in claims
              if _claim_get(c, "origin") == "analyst" and _claim_get(c, "article_id") is None}
    out = []
    for field in FIELDS:
        found = accounts(claims, field)
        if len({a[0] for a in found}) < 2:
            continue
        if all(_compatible(field, x[4], y[4]) for k, x in enumerate(found) for y in found[k + 1:]):
            continue
        grouped: dict[str, list] = {}
        for article_id, value, quote, rank, _key in found:
            grouped.setdefault(value, []).append((article_id, quote, rank))
        accs = tuple(Account(v, tuple(a for a, _, _ in items), tuple(q for _, q, _ in items),
                             max(r for _, _, r in items)) for v, items in grouped.items())
        chosen = chosen_value(incident, field)
        rule, tied = _rule(field, chosen, accs, edited)
        out.append(Dispute(field, accs, chosen, rule, tied))
    return out


def _rule(field: str, chosen: str | None, accs: tuple[Account, ...], edited: set[str]) -> tuple[str, tuple]:
    if edited & set(EDITED_BY[field]):
        return "curator", ()
    mine = next((a for a in accs if _matches(field, chosen, a.value)), None)
    if mine is None:
        return "first_report", ()
    top = max(a.rank for a in accs)
    if field != "actors" and mine.rank == top:
        tied = tuple(a.value for a in accs if a.rank == top and a is not mine)
        if not tied:
            return "most_precise", ()
        if len(mine.article_ids) > max(len(a.article_ids) for a in accs if a is not mine):
            return "most_sources", ()
        return "most_precise", tied
    if len(mine.article_ids) > max(len(a.article_ids) for a in accs if a is not mine):
        return "most_sources", ()
    return "first_report", ()


def choose(field: str, claims: list, current: str | None) -> str | None:
    """The value merging should give a field the sources disagree on: the most precise account,
    then the one most sources give, else the current one (None: keep the current value)."""
    found = accounts(claims, field)
    if len({a[0] for a in found}) < 2:
        return None
    top = max(a[3] for a in found)
    best = [a for a in found if a[3] == top]
    values = list(dict.fromkeys(a[1] for a in best))
    if len(values) == 1:
        return values[0]
    counts = {v: sum(1 for a in found if a[1] == v) for v in values}
    most = max(counts.values())
    leaders = [v for v in values if counts[v] == most]
    if len(leaders) == 1:
        return leaders[0]
    return None  # a tie: the current (first) report stays


def note(count_note: str | None, count_rules: list[str], found: list[Dispute],
         label: Callable | None = None) -> str | None:
    """The dispute note the faces show: the counts' accounts (casefile.figures' note) with the
    rule that chose each best figure, then each other field's dispute."""
    parts = []
    if count_note:
        parts.append(count_note + (f" ({'; '.join(count_rules)})" if count_rules else ""))
    parts += [d.note(label) for d in found]
    return "; ".join(parts) or None
