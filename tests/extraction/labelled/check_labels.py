#!/usr/bin/env python3
"""Validate the hand-written labels of the casefile extraction evaluation set.

Stdlib only. Run from anywhere:

    python3 tests/extraction/labelled/check_labels.py

Exits 0 when every label file passes, 1 otherwise (all problems are printed).
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOP_KEYS = {"article", "published", "style", "incidents", "non_incidents"}
INCIDENT_KEYS = {
    "summary", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "location", "admin1", "country", "actors", "counts",
}
COUNT_KEYS = {"field", "value", "qualifier", "party", "attributed_to", "quote"}

EVENT_PAIRS = {
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Looting/property destruction"),
    ("Strategic developments", "Other"),
}
PRECISIONS = {"day", "week", "month", "year", "unknown"}
FIELDS = {"killed", "wounded", "arrested", "abducted", "released", "seized"}
QUALIFIERS = {"exact", "at_least", "at_most", "about", "vague"}
PARTIES = {"militant", "security", "civilian", "unknown"}
ACTORS = {
    "Islamic State (IS)",
    "Islamic State West Africa Province (ISWAP)",
    "Islamic State Sahel Province (ISGS)",
    "Boko Haram (JAS)",
    "JNIM",
    "Al-Qaeda",
    "Hayat Tahrir al-Sham (HTS)",
    "Syrian Democratic Forces (SDF)",
    "Syrian government security forces",
    "US forces / coalition",
    "Iraqi security forces",
    "Popular Mobilization Forces (PMF)",
    "Kurdistan Region security forces",
    "Turkish security forces",
    "Nigerian security forces",
    "Civilian Joint Task Force (CJTF)",
    "Nigerien security forces",
    "Malian security forces",
    "Burkinabe security forces",
    "Volunteers for the Defence of the Homeland (VDP)",
    "Chadian security forces",
    "Cameroonian security forces",
    "Multinational Joint Task Force (MNJTF)",
    "Wagner Group / Africa Corps",
    "Unidentified armed group",
    "Civilians",
}
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NAME_RE = re.compile(r"^(\d{2})_[a-z0-9_]+\.txt$")
MIN_CHARS, MAX_CHARS = 1500, 4000


def parse_date(value, where, errors):
    """Return a date for an ISO string, None for null; record errors."""
    if value is None:
        return None
    if not isinstance(value, str) or not ISO_RE.match(value):
        errors.append(f"{where}: not an ISO date (YYYY-MM-DD): {value!r}")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: impossible date {value!r}")
        return None


def check_count(cnt, where, text, errors):
    if not isinstance(cnt, dict):
        errors.append(f"{where}: count is not an object")
        return
    keys = set(cnt)
    if keys != COUNT_KEYS:
        errors.append(f"{where}: keys {sorted(keys)} != {sorted(COUNT_KEYS)}")
    if cnt.get("field") not in FIELDS:
        errors.append(f"{where}: bad field {cnt.get('field')!r}")
    qual = cnt.get("qualifier")
    if qual not in QUALIFIERS:
        errors.append(f"{where}: bad qualifier {qual!r}")
    value = cnt.get("value")
    if value is None:
        if qual != "vague":
            errors.append(f"{where}: null value is only allowed with qualifier 'vague'")
    elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
        errors.append(f"{where}: value must be a non-negative integer or null: {value!r}")
    if cnt.get("party") not in PARTIES:
        errors.append(f"{where}: bad party {cnt.get('party')!r}")
    attr = cnt.get("attributed_to")
    if attr is not None and (not isinstance(attr, str) or not attr.strip()):
        errors.append(f"{where}: attributed_to must be a non-empty string or null")
    quote = cnt.get("quote")
    if not isinstance(quote, str) or not quote:
        errors.append(f"{where}: quote must be a non-empty string")
    elif quote not in text:
        errors.append(f"{where}: quote not found in article text: {quote!r}")


def check_dates(inc, where, published, errors):
    prec = inc.get("date_precision")
    if prec not in PRECISIONS:
        errors.append(f"{where}: bad date_precision {prec!r}")
    start = parse_date(inc.get("date_start"), f"{where}.date_start", errors)
    end = parse_date(inc.get("date_end"), f"{where}.date_end", errors)
    has_start = inc.get("date_start") is not None
    has_end = inc.get("date_end") is not None
    if has_start != has_end:
        errors.append(f"{where}: date_start and date_end must both be set or both be null")
    if prec == "unknown" and (has_start or has_end):
        errors.append(f"{where}: precision 'unknown' requires null dates")
    if prec != "unknown" and not (has_start and has_end):
        errors.append(f"{where}: precision {prec!r} requires both dates")
    if start and end:
        if start > end:
            errors.append(f"{where}: date_start after date_end")
        span = (end - start).days
        if prec == "day" and span > 1:
            errors.append(f"{where}: precision 'day' but range spans {span + 1} days")
        if prec == "week" and span > 6:
            errors.append(f"{where}: precision 'week' but range spans {span + 1} days")
        if prec == "month":
            last = calendar.monthrange(start.year, start.month)[1]
            if not (start.day == 1 and end == start.replace(day=last)):
                errors.append(f"{where}: precision 'month' must cover exactly one calendar month")
        if prec == "year" and not (start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31)):
            errors.append(f"{where}: precision 'year' must cover exactly one calendar year")
        if published and end > published:
            errors.append(f"{where}: event ends after the publication date {published}")


def check_incident(inc, where, text, published, errors):
    if not isinstance(inc, dict):
        errors.append(f"{where}: incident is not an object")
        return 0
    keys = set(inc)
    if keys != INCIDENT_KEYS:
        missing, extra = INCIDENT_KEYS - keys, keys - INCIDENT_KEYS
        errors.append(f"{where}: missing keys {sorted(missing)}, unexpected keys {sorted(extra)}")
    pair = (inc.get("event_type"), inc.get("sub_event_type"))
    if pair not in EVENT_PAIRS:
        errors.append(f"{where}: event_type/sub_event_type pair not allowed: {pair}")
    check_dates(inc, where, published, errors)
    for key in ("summary", "location", "country"):
        if not isinstance(inc.get(key), str) or not inc.get(key, "").strip():
            errors.append(f"{where}: {key} must be a non-empty string")
    admin1 = inc.get("admin1")
    if admin1 is not None and (not isinstance(admin1, str) or not admin1.strip()):
        errors.append(f"{where}: admin1 must be a non-empty string or null")
    actors = inc.get("actors")
    if not isinstance(actors, list) or not actors:
        errors.append(f"{where}: actors must be a non-empty list")
    else:
        for a in actors:
            if a not in ACTORS:
                errors.append(f"{where}: actor not in canonical list: {a!r}")
        if len(set(actors)) != len(actors):
            errors.append(f"{where}: duplicate actors")
    counts = inc.get("counts")
    if not isinstance(counts, list):
        errors.append(f"{where}: counts must be a list")
        return 0
    seen = set()
    for j, cnt in enumerate(counts):
        check_count(cnt, f"{where}.counts[{j}]", text, errors)
        if isinstance(cnt, dict):
            sig = (cnt.get("field"), cnt.get("quote"))
            if sig in seen:
                errors.append(f"{where}.counts[{j}]: duplicate count entry {sig}")
            seen.add(sig)
    return 1


def check_file(json_path: Path, errors: list[str]) -> int:
    name = json_path.name
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        errors.append(f"{name}: cannot parse JSON: {exc}")
        return 0
    if not isinstance(data, dict):
        errors.append(f"{name}: top level is not an object")
        return 0
    keys = set(data)
    if keys != TOP_KEYS:
        errors.append(f"{name}: top-level keys {sorted(keys)} != {sorted(TOP_KEYS)}")
    article = data.get("article")
    if article != json_path.with_suffix(".txt").name:
        errors.append(f"{name}: 'article' should be {json_path.with_suffix('.txt').name!r}, got {article!r}")
    txt_path = HERE / str(article)
    try:
        text = txt_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(f"{name}: cannot read article {article!r}: {exc}")
        return 0
    if not (MIN_CHARS <= len(text) <= MAX_CHARS):
        errors.append(f"{name}: article length {len(text)} outside {MIN_CHARS}-{MAX_CHARS} characters")
    published = parse_date(data.get("published"), f"{name}.published", errors)
    if not isinstance(data.get("style"), str) or not data.get("style", "").strip():
        errors.append(f"{name}: style must be a non-empty string")
    incidents = data.get("incidents")
    n = 0
    if not isinstance(incidents, list):
        errors.append(f"{name}: incidents must be a list")
    else:
        for i, inc in enumerate(incidents):
            n += check_incident(inc, f"{name}.incidents[{i}]", text, published, errors)
    non = data.get("non_incidents")
    if not isinstance(non, list) or not all(isinstance(s, str) and s for s in non):
        errors.append(f"{name}: non_incidents must be a list of non-empty strings")
    else:
        for s in non:
            if s not in text:
                errors.append(f"{name}: non_incident text not found in article: {s!r}")
    return n


def main() -> int:
    errors: list[str] = []
    txts = sorted(p for p in HERE.glob("*.txt") if NAME_RE.match(p.name))
    jsons = sorted(HERE.glob("[0-9][0-9]_*.json"))
    stray = sorted(p.name for p in HERE.glob("*.txt") if not NAME_RE.match(p.name))
    for s in stray:
        errors.append(f"{s}: article file name does not match NN_slug.txt")
    txt_stems = {p.stem for p in txts}
    json_stems = {p.stem for p in jsons}
    for s in sorted(txt_stems - json_stems):
        errors.append(f"{s}.txt: no label file")
    for s in sorted(json_stems - txt_stems):
        errors.append(f"{s}.json: no article file")
    numbers = sorted(int(NAME_RE.match(p.name).group(1)) for p in txts)
    if numbers != list(range(1, len(numbers) + 1)):
        errors.append(f"article numbers are not consecutive from 01: {numbers}")
    if len(set(numbers)) != len(numbers):
        errors.append("duplicate article numbers")

    total = 0
    for jp in jsons:
        total += check_file(jp, errors)

    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"\n{len(errors)} problem(s) in {len(jsons)} label file(s)")
        return 1
    print(f"OK: {len(jsons)} label files, {len(txts)} articles, {total} incidents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
