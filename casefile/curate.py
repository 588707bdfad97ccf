"""Curation operations: each one transaction, one audit entry, and undoable.

The TUI and the CLI call these; none of them speaks SQL. Every operation takes the version
the curator saw (optional): if the incident changed since, it fails instead of overwriting.
The audit entry keeps the exact rows before and after, so `undo` puts them back as they were.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from casefile import disputes
from casefile.errors import InvalidInput, NotFound, StaleVersion
from casefile.summary import summarise
from casefile.textsafe import clean_text, has_visible_text
from casefile.store import CaseFile, utc_now

RELATION_KINDS = ("related", "follow_up", "part_of")
DECISIONS = ("match", "no_match", "unsure")
EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Suicide bomb", "Remote explosive/landmine/IED", "Air/drone strike",
                                   "Shelling/artillery/missile attack", "Grenade", "Chemical weapon"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Strategic developments": ("Arrests", "Disrupted weapons use", "Looting/property destruction",
                               "Agreement", "Change to group/activity", "Headquarters or base established",
                               "Non-violent transfer of territory", "Other"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
}
EDITABLE = ("date", "location", "admin1", "country", "event_type", "actor1", "actor2", "killed",
            "wounded", "arrested", "summary")


def author() -> str:
    name = os.environ.get("CASEFILE_AUTHOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): still record something honest
        return "unknown"


@dataclass(frozen=True)
class Done:
    """What an operation did: its audit entry, and a line a face can show."""

    audit_id: int
    message: str


class Curator:
    def __init__(self, case: CaseFile, who: str | None = None, clock: Callable[[], str] = utc_now):
        """`clock`: the ISO time each decision is stamped with (fixed in reproducible runs)."""
        self.case = case
        self.who = who or author()
        self.clock = clock

    # -- the simple status changes -----------------------------------------------------
    def confirm(self, incident_id: int, version: int | None = None) -> Done:
        return self._set_status(incident_id, "confirmed", version)

    def reject(self, incident_id: int, version: int | None = None) -> Done:
        return self._set_status(incident_id, "rejected", version)

    def reopen(self, incident_id: int, version: int | None = None) -> Done:
        return self._set_status(incident_id, "candidate", version)

    def _set_status(self, incident_id: int, status: str, version: int | None) -> Done:
        case, now = self.case, self.clock()
        with case.tx.write():
            row = case.check_version(incident_id, version)
            if row["status"] == "merged":
                raise InvalidInput(f"incident {incident_id} is merged into {row['merged_into']}; unmerge it first")
            if row["status"] == status:
                raise InvalidInput(f"incident {incident_id} is already {status}")
            keys = {"incidents": [incident_id]}
            before = case.snapshot(keys)
            case.update_incident(incident_id, now, status=status)
            verb = {"confirmed": "confirm", "rejected": "reject", "candidate": "reopen"}[status]
            audit_id = case.audit(verb, f"incident {incident_id}", before, case.snapshot(keys), self.who, now)
        return Done(audit_id, f"incident {incident_id} {status}")

    # -- merge / unmerge ---------------------------------------------------------------
    def merge(self, target_id: int, source_ids: list[int], versions: dict[int, int] | None = None) -> Done:
        """Move every claim of the sources to the target; the sources become `merged`."""
        case, now, versions = self.case, self.clock(), versions or {}
        sources = list(dict.fromkeys(source_ids))
        if not sources:
            raise InvalidInput("say which incidents to merge into the target")
        if target_id in sources:
            raise InvalidInput(f"cannot merge incident {target_id} into itself")
        with case.tx.write():
            target = case.check_version(target_id, versions.get(target_id))
            if target["status"] == "merged":
                raise InvalidInput(f"incident {target_id} is itself merged into {target['merged_into']}; "
                                   "merge into that one instead")
            for sid in sources:
                row = case.check_version(sid, versions.get(sid))
                if row["status"] == "merged":
                    raise InvalidInput(f"incident {sid} is already merged into {row['merged_into']}")
            claim_ids = case.claim_ids(sources)
            pairs = [tuple(sorted((target_id, s))) for s in sources]
            keys = {"incidents": [target_id, *sources], "claims": claim_ids,
                    "judgements": [j for j in (case.judgement_id(*p) for p in pairs) if j]}
            before = case.snapshot(keys)
            case.move_claims(claim_ids, target_id)
            for sid in sources:
                case.update_incident(sid, now, status="merged", merged_into=target_id)
            for left, right in pairs:
                keys["judgements"].append(case.set_judgement(left, right, "match", self.who, now))
            self._reconcile(target_id, [before["incidents"][str(s)] for s in sources], now)
            audit_id = case.audit("merge", f"incident {target_id} ← {', '.join(map(str, sources))}",
                                  before, case.snapshot(keys), self.who, now)
        return Done(audit_id, f"merged {', '.join(map(str, sources))} into {target_id}")

    def _reconcile(self, target_id: int, merged: list[dict], now: str) -> None:
        """Re-derive figures; fill what the target lacks from the merged reports (the most
        precise first); an analyst's edit always wins."""
        case = self.case
        target = case.incident_row(target_id)
        edited = case.analyst_fields(target_id)
        fields: dict = {}
        precision = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}
        if "date" not in edited:
            best = max([target, *merged], key=lambda r: precision.get(r["date_precision"], 0))
            if precision.get(best["date_precision"], 0) > precision.get(target["date_precision"], 0):
                fields.update(date_start=best["date_start"], date_end=best["date_end"],
                              date_precision=best["date_precision"])
        geo = {"neighbourhood": 5, "town": 4, "district": 3, "province": 2, "country": 1, None: 0}
        if "location" not in edited:
            best = max([target, *merged], key=lambda r: geo.get(r["geo_precision"], 0))
            if geo.get(best["geo_precision"], 0) > geo.get(target["geo_precision"], 0):
                fields.update({k: best[k] for k in ("location", "admin1", "country", "latitude",
                                                    "longitude", "geo_precision")})
        for key in ("actor1", "actor2", "event_type", "sub_event_type"):
            if not target[key] and key not in edited:
                value = next((r[key] for r in merged if r[key]), None)
                if value:
                    fields[key] = value
        if "event_type" not in edited:  # sources that describe the event differently: the most precise wins
            current = f"{fields.get('event_type', target['event_type'])}/{fields.get('sub_event_type', target['sub_event_type'])}"
            better = disputes.choose("type", case.claims(target_id), current)
            if better and better != current:
                event_type = next((t for t in EVENT_TYPES if better.startswith(t + "/")), None)
                sub = better[len(event_type) + 1:] if event_type else None
                if event_type and sub in EVENT_TYPES[event_type]:
                    fields.update(event_type=event_type, sub_event_type=sub)
        case.update_incident(target_id, now, **fields)
        self._rederive(target_id)

    def _rederive(self, incident_id: int) -> None:
        """Figures, disputes and the summary from the incident's current claims and fields."""
        self.case.refresh_figures(incident_id)
        self._resummarise(incident_id)

    def _resummarise(self, incident_id: int) -> None:
        case = self.case
        if "summary" in case.analyst_fields(incident_id):
            return
        row = case.incident_row(incident_id)
        from casefile.figures import Evidence, derive

        claims = case.claims(incident_id)
        figures = derive(Evidence.of_claim(c) for c in claims)
        released = max((int(c.value_num) for c in claims if c.field == "released" and c.value_num), default=None)
        known = any(row[k] for k in ("sub_event_type", "actor1", "actor2", "location", "country"))
        if not known and not released and all(f.best is None for f in figures.counts.values()):
            return  # nothing to say yet: an incident started from a span keeps the words it started from
        text = summarise(row["sub_event_type"], row["actor1"], row["actor2"], row["location"] or row["country"],
                         figures, raid=any(c.field == "event_type" and "raid" in (c.quote or "").lower()
                                           for c in claims), released=released)
        case.db.conn.execute("UPDATE incidents SET summary = ? WHERE id = ?", (text, incident_id))

    def unmerge(self, incident_id: int, version: int | None = None) -> Done:
        """Bring a merged incident back as it was before the merge, claims included."""
        case, now = self.case, self.clock()
        with case.tx.write():
            row = case.check_version(incident_id, version)
            if row["status"] != "merged":
                raise InvalidInput(f"incident {incident_id} is not merged")
            entry = case.merge_entry_for(incident_id)
            if entry is None:
                raise InvalidInput(f"no merge of incident {incident_id} is on record to reverse")
            target_id = row["merged_into"]
            original = entry["before"]["incidents"][str(incident_id)]
            own_claims = [int(cid) for cid, c in entry["before"].get("claims", {}).items()
                          if c and c["incident_id"] == incident_id]
            keys = {"incidents": [incident_id, target_id], "claims": own_claims}
            before = case.snapshot(keys)
            restored = dict(original)
            restored["version"] = before["incidents"][str(incident_id)]["version"] + 1
            restored["updated_at"] = now
            case.restore({"incidents": {str(incident_id): restored}})
            case.move_claims([c for c in own_claims if before["claims"].get(str(c))], incident_id)
            # Fields the merge filled in on the target go back if nobody changed them since.
            merged_target = entry["after"]["incidents"].get(str(target_id)) or {}
            pre_target = entry["before"]["incidents"].get(str(target_id)) or {}
            current = case.incident_row(target_id)
            revert = {k: pre_target[k] for k in ("date_start", "date_end", "date_precision", "location",
                                                  "admin1", "country", "latitude", "longitude", "geo_precision",
                                                  "actor1", "actor2", "event_type", "sub_event_type")
                      if k in pre_target and merged_target.get(k) != pre_target[k] and current[k] == merged_target.get(k)}
            case.update_incident(target_id, now, **revert)
            self._rederive(target_id)
            audit_id = case.audit("unmerge", f"incident {incident_id} from {target_id}", before,
                                  case.snapshot(keys), self.who, now)
        return Done(audit_id, f"incident {incident_id} unmerged from {target_id}")

    # -- link, annotate, judge ---------------------------------------------------------
    def link(self, source_id: int, target_id: int, kind: str = "related", note: str | None = None) -> Done:
        case, now = self.case, self.clock()
        if kind not in RELATION_KINDS:
            raise InvalidInput(f"unknown link kind {kind!r}: use {', '.join(RELATION_KINDS)}")
        if source_id == target_id:
            raise InvalidInput("an incident cannot be linked to itself")
        note = clean_text(note).strip() or None if note is not None else None
        with case.tx.write():
            case.check_version(source_id, None)
            case.check_version(target_id, None)
            relation_id = case.add_relation(source_id, target_id, kind, self.who, now, note)
            keys = {"relations": [relation_id]}
            audit_id = case.audit("link", f"incident {source_id} → {target_id} ({kind})",
                                  {"relations": {str(relation_id): None}}, case.snapshot(keys), self.who, now)
        return Done(audit_id, f"incident {source_id} linked to {target_id} as {kind}")

    def annotate(self, incident_id: int, text: str, article_id: int | None = None,
                 start: int | None = None, end: int | None = None) -> Done:
        case, now = self.case, self.clock()
        body_text = clean_text(text).strip()
        if not has_visible_text(body_text):
            raise InvalidInput("an annotation needs some text (visible characters, not only spaces "
                               "or zero-width ones)")
        if (start is None) != (end is None) or (start is not None and article_id is None):
            raise InvalidInput("a highlighted annotation needs --article, --start and --end together")
        anchor = {}
        if article_id is not None:
            body = case.article(article_id).body
            if start is not None:
                if not 0 <= start < end <= len(body):
                    raise InvalidInput(f"span {start}–{end} is outside article {article_id} ({len(body)} characters)")
                anchor = {"start": start, "end": end, "quote": body[start:end],
                          "prefix": body[max(0, start - 32):start], "suffix": body[end:end + 32]}
        with case.tx.write():
            case.check_version(incident_id, None)
            note_id = case.add_annotation(incident_id, body_text, self.who, now, article_id, **anchor)
            audit_id = case.audit("annotate", f"incident {incident_id}",
                                  {"annotations": {str(note_id): None}},
                                  case.snapshot({"annotations": [note_id]}), self.who, now)
        return Done(audit_id, f"annotation added to incident {incident_id}")

    def judge(self, a: int, b: int, decision: str, score: float | None = None,
              breakdown: dict | None = None) -> Done:
        case, now = self.case, self.clock()
        if decision not in DECISIONS:
            raise InvalidInput(f"unknown decision {decision!r}: use {', '.join(DECISIONS)}")
        if a == b:
            raise InvalidInput("a pair needs two different incidents")
        left, right = sorted((a, b))
        with case.tx.write():
            case.check_version(left, None)
            case.check_version(right, None)
            existing = case.judgement_id(left, right)
            before = case.snapshot({"judgements": [existing]}) if existing else {"judgements": {}}
            judgement_id = case.set_judgement(left, right, decision, self.who, now, score, breakdown)
            if not existing:
                before = {"judgements": {str(judgement_id): None}}
            audit_id = case.audit("judge", f"incidents {left} / {right}: {decision}", before,
                                  case.snapshot({"judgements": [judgement_id]}), self.who, now)
        return Done(audit_id, f"incidents {left} and {right} judged {decision}")

    # -- edit ----------------------------------------------------------------------------
    def edit(self, incident_id: int, field: str, value: str, version: int | None = None) -> Done:
        """An analyst override, kept as an analyst claim beside the sources' claims."""
        case, now = self.case, self.clock()
        if field not in EDITABLE:
            raise InvalidInput(f"cannot edit {field!r}; editable fields: {', '.join(EDITABLE)}")
        updates, claim = self._parse_edit(field, value)
        value = claim["value"]
        with case.tx.write():
            row = case.check_version(incident_id, version)
            if row["status"] == "merged":
                raise InvalidInput(f"incident {incident_id} is merged into {row['merged_into']}; edit that one")
            old_claims = case.analyst_claim_ids(incident_id, field)
            keys = {"incidents": [incident_id], "claims": list(old_claims)}
            before = case.snapshot(keys)
            case.delete_claims(old_claims)
            keys["claims"].append(case.add_claim(incident_id, now, field=field, **claim))
            case.update_incident(incident_id, now, **updates)
            self._rederive(incident_id)  # a curator's choice changes the rule the dispute note names
            audit_id = case.audit("edit", f"incident {incident_id}: {field}", before,
                                  case.snapshot(keys), self.who, now)
        return Done(audit_id, f"incident {incident_id}: {field} set to {value}")

    def _parse_edit(self, field: str, value: str) -> tuple[dict, dict]:
        value = " ".join(clean_text(value).split())  # a field is one line of plain text
        if field in ("killed", "wounded", "arrested"):
            if not re.fullmatch(r"\d{1,7}", value):
                raise InvalidInput(f"{field} must be a whole number of people, not {value!r}")
            n = int(value)
            return {}, {"value": value, "value_num": n, "qualifier": "exact", "party": "unknown"}
        if field == "date":
            return _parse_date_edit(value), {"value": value}
        if field == "event_type":
            event_type = next((t for t in EVENT_TYPES if value.startswith(t + "/")), None)
            sub = value[len(event_type) + 1:] if event_type else None
            if event_type is None or sub not in EVENT_TYPES[event_type]:
                examples = "Battles/Armed clash, Strategic developments/Arrests, Explosions/Remote violence/Suicide bomb"
                raise InvalidInput(f"unknown event type {value!r}; write TYPE/SUB-TYPE as ACLED names them, e.g. {examples}")
            return {"event_type": event_type, "sub_event_type": sub}, {"value": value}
        if field == "location":
            from casefile.extract.gazetteer import Gazetteer

            extra = self.case.places()
            gazetteer = Gazetteer.default().with_extra(extra) if extra else Gazetteer.default()
            place = gazetteer.lookup(value)
            if place is None:
                return {"location": value, "latitude": None, "longitude": None, "geo_precision": "town"}, \
                    {"value": value, "detail": {"resolved": False}}
            name = f"{place.name}, {place.parent}" if place.parent else place.name
            return ({"location": name, "admin1": place.admin1, "country": place.country,
                     "latitude": place.latitude, "longitude": place.longitude,
                     "geo_precision": place.geo_precision}, {"value": name})
        if not has_visible_text(value):
            raise InvalidInput(f"{field} cannot be empty")
        return {field: value}, {"value": value}

    # -- undo ------------------------------------------------------------------------------
    def undo(self, entry_id: int | None = None) -> Done:
        """Take back a change, restoring its rows exactly.

        Without an entry id: the caller's own newest change not yet undone (never another
        curator's). With one: that change, whoever made it; the message says whose it was.
        Either way it is refused when those rows changed since.
        """
        case, now = self.case, self.clock()
        with case.tx.write():
            if entry_id is None:
                entry = case.last_undoable(self.who)
                if entry is None:
                    raise InvalidInput(f"nothing to undo: no change of yours ({self.who}) is left; to take "
                                       "back someone else's, name it: undo --entry N (see history)")
            else:
                entry = case.audit_entry(entry_id)
                if entry is None:
                    raise NotFound(f"no history entry {entry_id}")
                if entry["action"] == "undo":
                    raise InvalidInput(f"history entry {entry_id} is itself an undo")
                if entry["undone_at"]:
                    raise InvalidInput(f"history entry {entry_id} was already undone at {entry['undone_at']}")
            current = case.snapshot({t: [int(i) for i in rows] for t, rows in entry["after"].items()})
            if current != entry["after"]:
                raise StaleVersion(f"cannot undo “{entry['action']} {entry['target']}”: those rows changed "
                                   "since (by another curator or window); undo that change first")
            before = {t: dict(rows) for t, rows in entry["before"].items()}
            for table, rows in entry["after"].items():  # rows the change created: remove them
                for row_id in rows:
                    before.setdefault(table, {}).setdefault(row_id, None)
            case.restore(before)
            case.mark_undone(entry["id"], now)
            audit_id = case.audit("undo", f"{entry['action']} {entry['target']}", entry["after"],
                                  before, self.who, now, undo_of=entry["id"])
        whose = f" (a change by {entry['author']})" if entry_id is not None else ""
        return Done(audit_id, f"undone: {entry['action']} {entry['target']}{whose}")


def _parse_date_edit(value: str) -> dict:
    import calendar
    import datetime as dt

    from casefile.datetext import parse_date

    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise InvalidInput(f"no month {month} in {value!r}")
        return {"date_start": f"{value}-01", "date_end": f"{value}-{calendar.monthrange(year, month)[1]:02d}",
                "date_precision": "month"}
    if re.fullmatch(r"\d{4}", value):
        return {"date_start": f"{value}-01-01", "date_end": f"{value}-12-31", "date_precision": "year"}
    if "/" in value and re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", value):
        a, b = (dt.date.fromisoformat(x) for x in value.split("/"))
        if b < a:
            raise InvalidInput(f"date range {value!r} ends before it starts")
        precision = "day" if a == b else "week" if (b - a).days <= 7 else "month"
        return {"date_start": a.isoformat(), "date_end": b.isoformat(), "date_precision": precision}
    if value.lower() in ("unknown", "none", ""):
        return {"date_start": None, "date_end": None, "date_precision": "unknown"}
    d = parse_date(value)
    if d is None:
        raise InvalidInput(f"not a date: {value!r} (use 2025-05-17, 2025-05, 2025, "
                           "2025-05-12/2025-05-18 or unknown)")
    return {"date_start": d.isoformat(), "date_end": d.isoformat(), "date_precision": "day"}


FIELDS_FROM_SPANS = ("killed", "wounded", "arrested", "abducted", "released", "seized", "date",
                     "location", "actor", "event_type", "other")


def _span_claim(case: CaseFile, article_id: int, start: int, end: int, field: str, value: str | None):
    if field not in FIELDS_FROM_SPANS:
        raise InvalidInput(f"unknown claim field {field!r}; use {', '.join(FIELDS_FROM_SPANS)}")
    body = case.article(article_id).body
    if not 0 <= start < end <= len(body):
        raise InvalidInput(f"span {start}–{end} is outside article {article_id} ({len(body)} characters)")
    quote = body[start:end]
    claim = {"article_id": article_id, "start": start, "end": end, "quote": quote,
             "prefix": body[max(0, start - 32):start], "suffix": body[end:end + 32],
             "value": (value or quote).strip()}
    if field in ("killed", "wounded", "arrested", "abducted", "released", "seized"):
        number = (value or "").strip()
        if field != "seized" or number:
            if not re.fullmatch(r"\d{1,7}", number):
                raise InvalidInput(f"a {field} claim needs the number it states (a whole number), not {number!r}")
            claim.update(value_num=int(number), qualifier="exact", party="unknown")
    return claim


def attach_claim(curator: Curator, incident_id: int, article_id: int, start: int, end: int,
                 field: str, value: str | None = None) -> Done:
    """Add what the extractor missed: a span of an article as a claim of an incident."""
    case, now = curator.case, curator.clock()
    claim = _span_claim(case, article_id, start, end, field, value)
    with case.tx.write():
        row = case.check_version(incident_id, None)
        if row["status"] == "merged":
            raise InvalidInput(f"incident {incident_id} is merged into {row['merged_into']}; attach to that one")
        keys = {"incidents": [incident_id], "claims": []}
        before = case.snapshot(keys)
        keys["claims"].append(case.add_claim(incident_id, now, field=field, **claim))
        case.update_incident(incident_id, now)
        curator._rederive(incident_id)
        audit_id = case.audit("attach", f"incident {incident_id}: {field} from article {article_id}",
                              before, case.snapshot(keys), curator.who, now)
    return Done(audit_id, f"claim attached to incident {incident_id}")


def new_incident(curator: Curator, article_id: int, start: int, end: int, field: str = "other",
                 value: str | None = None) -> Done:
    """Start an incident from a span the extractor did not see as one."""
    case, now = curator.case, curator.clock()
    claim = _span_claim(case, article_id, start, end, field, value)
    with case.tx.write():
        incident_id = case.new_incident(article_id, f"Analyst: “{claim['quote'][:80]}”", now)
        claim_id = case.add_claim(incident_id, now, field=field, **claim)
        case.refresh_figures(incident_id)
        keys = {"incidents": [incident_id], "claims": [claim_id]}
        audit_id = case.audit("new", f"incident {incident_id} from article {article_id}",
                              {"incidents": {str(incident_id): None}, "claims": {str(claim_id): None}},
                              case.snapshot(keys), curator.who, now)
    return Done(audit_id, f"incident {incident_id} created from article {article_id}")
