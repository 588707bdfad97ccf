"""Score the extractor against labelled articles: precision / recall per field, incident recall.

    python bench/extract_eval.py                 # seeds and every labelled set
    python bench/extract_eval.py --details       # also list each mismatch
    python bench/extract_eval.py --real          # the real-article set (texts from the cache)
    python bench/extract_eval.py --real --split dev --details

The real-article set (tests/extraction/real/README.md) is scored through the real import path
(`casefile import` of each cached record into a fresh case file), so the figures are those the
desk shows. Its label folders are $CASEFILE_EVAL_LABELS (colon-separated), else the repo's own;
the texts come from the cache outside the repository, and missing ones are counted. `--details`
refuses the test half.

Articles are read through the real import path (so publication dates, furniture and
headlines are found as in use), then extracted. Labelled incidents are paired with
candidates by shared evidence: a count whose quote overlaps a claim, or the same place and
a compatible date and type. Each label set is described in its folder's README.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from casefile.extract import extract  # noqa: E402
from casefile.extract.gazetteer import Gazetteer, normalise  # noqa: E402
from casefile.ingest import read_file  # noqa: E402

LABELLED = REPO / "tests" / "extraction" / "labelled"
# The labelled set is split: 01–16 guide development; 17–24 were only scored until their errors
# were studied (2026-11-21); 25–32, written later by someone who had not read the extractor,
# are only ever scored.
SETS = {"seeds": (REPO / "tests" / "extraction" / "seeds", None),
        "dev": (LABELLED, range(1, 17)),
        "test": (LABELLED, range(17, 25)),
        "fresh": (LABELLED, range(25, 33))}
HELD_OUT = ("fresh",)


def label_files(name: str) -> list[Path]:
    folder, numbers = SETS[name]
    files = sorted(folder.glob("*.json"))
    return [f for f in files if numbers is None or f.name[:2].isdigit() and int(f.name[:2]) in numbers]
COUNT_FIELDS = ("killed", "wounded", "arrested", "abducted", "released")


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def same_place(label: str | None, predicted: str | None, gazetteer: Gazetteer) -> bool:
    if not label or not predicted:
        return False
    names = [p.strip() for p in predicted.split(",")]
    label = label.split(",")[0].strip()   # "Lamin, Lumbayanague": Lamin, in Lumbayanague
    for name in names:
        if fold(name) == fold(label) or normalise(name) == normalise(label):
            return True
        if fuzz.ratio(fold(name), fold(label)) >= 85:
            return True
    found = gazetteer.lookup(label)
    return bool(found and found.name in names)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def row(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")
        f = 2 * p * r / (p + r) if p + r and p == p and r == r else float("nan")
        return f"| {name:<26} | {p:9.2f} | {r:6.2f} | {f:5.2f} | {self.tp:4d} | {self.fp:4d} | {self.fn:4d} |"


def pair_incidents(body: str, gold: list[dict], candidates: list, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Pair labelled incidents with candidates by shared evidence (gold index, candidate index)."""
    def evidence_score(g, c) -> float:
        spans = [(cl.start, cl.end) for cl in c.claims if cl.field in COUNT_FIELDS and cl.start is not None]
        score = 0.0
        for gc in g["counts"]:
            at = body.find(gc["quote"])
            if at >= 0 and any(overlaps((at, at + len(gc["quote"])), s) for s in spans):
                score += 2
        if same_place(g["location"], c.location, gazetteer):
            score += 1
        if g["date_start"] and g["date_start"] == c.date_start:
            score += 1
        if g["sub_event_type"] == c.sub_event_type:
            score += 0.5
        return score

    pairs = sorted(((evidence_score(g, c), gi, ci) for gi, g in enumerate(gold)
                    for ci, c in enumerate(candidates)), reverse=True)
    matched_g, matched_c, matches = set(), set(), []
    for score, gi, ci in pairs:
        if score >= 1.5 and gi not in matched_g and ci not in matched_c:
            matched_g.add(gi)
            matched_c.add(ci)
            matches.append((gi, ci))
    return matches


def evaluate(files: list[Path], gazetteer: Gazetteer, details: bool) -> dict[str, Tally]:
    t: dict[str, Tally] = defaultdict(Tally)
    for label_path in files:
        label = json.loads(label_path.read_text(encoding="utf-8"))
        article_path = (label_path.parent / label["article"]).resolve()
        draft = next(iter(read_file(article_path)))
        body = draft.body
        t["published (ingest)"].add(tp=int(draft.published == label["published"]),
                                    fn=int(draft.published != label["published"]))
        candidates = extract(body, draft.published, draft.excluded, gazetteer)
        gold = label["incidents"]

        # Pair gold incidents and candidates by shared evidence.
        pairs = pair_incidents(body, gold, candidates, gazetteer)
        matched_g = {gi for gi, _ in pairs}
        matched_c = {ci for _, ci in pairs}
        matches = [(gold[gi], candidates[ci]) for gi, ci in pairs]
        t["incidents"].add(tp=len(matches), fp=len(candidates) - len(matches), fn=len(gold) - len(matches))
        if details:
            for gi, g in enumerate(gold):
                if gi not in matched_g:
                    print(f"  MISSED  {label_path.name}: {g['summary']}")
            for ci, c in enumerate(candidates):
                if ci not in matched_c:
                    print(f"  EXTRA   {label_path.name}: {c.summary}")

        # Counts, per article: (field, value, party) and (field, value).
        gold_counts = [(c["field"], c["value"], c["party"]) for g in gold for c in g["counts"]
                       if c["field"] in COUNT_FIELDS and c["value"] is not None]
        pred_counts = [(cl.field, int(cl.value_num), cl.party) for c in candidates for cl in c.claims
                       if cl.field in COUNT_FIELDS and cl.value_num is not None]
        for name, key in (("counts with party", lambda x: x), ("counts (field, value)", lambda x: x[:2])):
            g_left = [key(x) for x in gold_counts]
            tp = 0
            for p in [key(x) for x in pred_counts]:
                if p in g_left:
                    g_left.remove(p)
                    tp += 1
            t[name].add(tp=tp, fp=len(pred_counts) - tp, fn=len(g_left))
            if details and name == "counts with party":
                for miss in g_left:
                    print(f"  COUNT missed {label_path.name}: {miss}")

        for g, c in matches:
            # Date: exact start, end and precision.
            if g["date_start"] or c.date_start:
                ok = (g["date_start"], g["date_end"], g["date_precision"]) == (c.date_start, c.date_end, c.date_precision)
                t["date"].add(tp=int(ok), fp=int(not ok and c.date_start is not None),
                              fn=int(not ok and g["date_start"] is not None))
                if details and not ok:
                    print(f"  DATE   {label_path.name}: gold {g['date_start']}..{g['date_end']} {g['date_precision']}, got {c.date_start}..{c.date_end} {c.date_precision}  ({g['summary'][:50]})")
            ok = same_place(g["location"], c.location, gazetteer)
            t["place"].add(tp=int(ok), fp=int(not ok and c.location is not None), fn=int(not ok))
            if details and not ok:
                print(f"  PLACE  {label_path.name}: gold {g['location']}, got {c.location}")
            ok = bool(g["admin1"]) and fold(g["admin1"]) == fold(c.admin1) or (not g["admin1"] and not c.admin1)
            t["admin1"].add(tp=int(ok), fp=int(not ok and c.admin1 is not None), fn=int(not ok and bool(g["admin1"])))
            gold_actors = set(g["actors"])
            pred_actors = {a for a in (c.actor1, c.actor2) if a}
            t["actors"].add(tp=len(gold_actors & pred_actors), fp=len(pred_actors - gold_actors),
                            fn=len(gold_actors - pred_actors))
            ok = g["event_type"] == c.event_type
            t["event type"].add(tp=int(ok), fp=int(not ok), fn=int(not ok))
            ok = ok and g["sub_event_type"] == c.sub_event_type
            t["sub-event type"].add(tp=int(ok), fp=int(not ok), fn=int(not ok))
            if details and not ok:
                print(f"  TYPE   {label_path.name}: gold {g['event_type']}/{g['sub_event_type']}, got {c.event_type}/{c.sub_event_type}")
    return t


# -- the real-article set ------------------------------------------------------------------------

REAL = REPO / "tests" / "extraction" / "real"
REAL_HELD_OUT = ("test",)
sys.path.insert(0, str(REAL))
import cache as real_cache  # noqa: E402


def real_label_dirs() -> list[Path]:
    named = os.environ.get("CASEFILE_EVAL_LABELS")
    return [Path(d) for d in named.split(":") if d] if named else [REAL]


def real_labels(split: str) -> list[Path]:
    return sorted((p for d in real_label_dirs() for p in (d / split).glob("*.json")), key=lambda p: p.name)


def cached_record(label_path: Path) -> Path | None:
    """The cached text of a label, when it is there and is the text that was labelled."""
    label = json.loads(label_path.read_text(encoding="utf-8"))
    path = real_cache.cache_dir() / label_path.parent.name / label_path.name
    if not path.exists():
        return None
    record = json.loads(path.read_text(encoding="utf-8"))
    return path if real_cache.body_sha(record.get("body", "")) == label["collected"]["sha256"] else None


@dataclass
class StoredCandidate:
    """A stored incident with its claims, shaped like a CandidateIncident for pairing."""
    incident: object
    claims: list

    def __getattr__(self, name):
        return getattr(self.incident, name)


def best_of(label_best: dict | None, field: str) -> int | None:
    value = (label_best or {}).get(field)
    return value.get("value") if isinstance(value, dict) else value


def same_country(gold: str | None, got: str | None, gazetteer: Gazetteer) -> bool:
    """One country under two names ("DR Congo", "Democratic Republic of the Congo")."""
    if fold(gold) == fold(got):
        return True
    codes = [(p.country_code if p is not None and p.geo_precision == "country" else None)
             for p in (gazetteer.lookup(n) if n else None for n in (gold, got))]
    return None not in codes and codes[0] == codes[1]


def place_ok(g: dict, c, gazetteer: Gazetteer) -> bool:
    return same_place(g["location"], c.location, gazetteer) and same_country(g.get("country"), c.country, gazetteer)


def evaluate_real(split: str, gazetteer: Gazetteer, details: bool) -> tuple[dict[str, Tally], dict[str, list[int]], dict]:
    """Import the cached records of a split into a fresh case file and score what the desk shows."""
    from casefile.pipeline import import_paths
    from casefile.store import CaseFile

    labels = real_labels(split)
    present = [(lp, cached_record(lp)) for lp in labels]
    missing = [lp.name for lp, rec in present if rec is None]
    present = [(lp, rec) for lp, rec in present if rec is not None]
    t: dict[str, Tally] = defaultdict(Tally)
    per_article: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # field -> [right, of]
    info = {"labels": len(labels), "missing": missing, "no_incident_articles": 0, "no_incident_candidates": 0,
            "classes": Counter()}
    if not present:
        return t, per_article, info
    with tempfile.TemporaryDirectory() as tmp:
        case = CaseFile.open(Path(tmp) / "eval.db")
        import_paths(case, [rec for _, rec in present])
        by_path = {a.path: a.id for a in case.articles()}
        for label_path, rec in present:
            label = json.loads(label_path.read_text(encoding="utf-8"))
            article_id = by_path.get(str(rec))
            if article_id is None:
                info["missing"].append(label_path.name + " (not imported)")
                continue
            body = case.article(article_id).body
            candidates = [StoredCandidate(i, case.claims(i.id)) for i in case.incidents("all")
                          if article_id in i.article_ids]
            gold = label["incidents"]
            t["published (ingest)"].add(tp=int(case.article(article_id).published == label["published"]),
                                        fn=int(case.article(article_id).published != label["published"]))
            if not gold:
                info["no_incident_articles"] += 1
                info["no_incident_candidates"] += len(candidates)
            pairs = pair_incidents(body, gold, candidates, gazetteer)
            if gold and not candidates:
                info["classes"][("articles", "with incidents, no candidate")] += 1
            elif len(candidates) < len(gold):
                info["classes"][("articles", f"fewer candidates than incidents ({len(gold)} labelled)")] += 1
            t["incidents"].add(tp=len(pairs), fp=len(candidates) - len(pairs), fn=len(gold) - len(pairs))
            found = dict(pairs)
            right = {"killed": True, "place with country": True, "date": True}
            for gi, g in enumerate(gold):
                c = candidates[found[gi]] if gi in found else None
                checks = {
                    "killed": c is not None and best_of(g.get("best"), "killed") == c.killed.best,
                    "place with country": c is not None and place_ok(g, c, gazetteer),
                    "date": c is not None and (g["date_start"], g["date_precision"] if g["date_start"] else None)
                    == (c.date_start, c.date_precision if c.date_start else None),
                }
                if c is not None:
                    # Actors as names, order aside: the labels use the catalog's names.
                    gold_actors = {fold(a) for a in g.get("actors") or []}
                    got = [a for a in (c.actor1, c.actor2) if a]
                    got_actors = {fold(a) for a in got}
                    shared = len(gold_actors & got_actors)
                    t["actors (paired incidents)"].add(tp=shared, fp=len(got_actors) - shared,
                                                       fn=len(gold_actors) - shared)
                    if details and gold_actors != got_actors:
                        print(f"  ACTORS  {label_path.name}: gold {sorted(g.get('actors') or [])}, got "
                              f"{got}")
                    # The kind of event, which the desk files it under and the matcher compares.
                    same_type = (g["event_type"], g["sub_event_type"]) == (c.event_type, c.sub_event_type)
                    t["sub-event type (paired)"].add(tp=int(same_type), fp=int(not same_type), fn=int(not same_type))
                    if details and not same_type:
                        print(f"  TYPE    {label_path.name}: gold {g['event_type']}/{g['sub_event_type']}, got "
                              f"{c.event_type}/{c.sub_event_type}")
                for name, ok in checks.items():
                    t["per incident: " + name].add(tp=int(ok), fn=int(not ok))
                    right[name] = right[name] and ok
                    if not ok:
                        kind = error_class(name, g, c, gazetteer)
                        if c is None:
                            kind += " (a candidate of the article is unpaired)" if len(found) < len(candidates) \
                                else " (no candidate left)"
                        info["classes"][(name, kind)] += 1
                if details:
                    if c is None:
                        print(f"  MISSED  {label_path.name}: {g['summary']}")
                        continue
                    if not checks["killed"]:
                        print(f"  KILLED  {label_path.name}: gold {best_of(g.get('best'), 'killed')}, got "
                              f"{c.killed.best} ({c.killed.low}–{c.killed.high})  ({g['summary'][:60]})")
                    if not checks["place with country"]:
                        print(f"  PLACE   {label_path.name}: gold {g['location']}, {g.get('admin1')}, "
                              f"{g.get('country')}; got {c.location}, {c.admin1}, {c.country}")
                    if not checks["date"]:
                        print(f"  DATE    {label_path.name}: gold {g['date_start']} {g['date_precision']}, "
                              f"got {c.date_start} {c.date_precision}  ({g['summary'][:50]})")
            if details:
                for ci, c in enumerate(candidates):
                    if ci not in found.values():
                        print(f"  EXTRA   {label_path.name}: {c.summary}")
            if gold:
                for name, ok in right.items():
                    per_article[name][0] += int(ok)
                    per_article[name][1] += 1
        case.close()
    return t, per_article, info


def error_class(name: str, g: dict, c, gazetteer: Gazetteer) -> str:
    """What kind of wrong: counted per split, so that the held-out split can guide the work
    without its articles being read."""
    if c is None:
        return "incident missed"
    if name == "killed":
        gold = best_of(g.get("best"), "killed")
        return ("none given" if c.killed.best is None else "given, none stated" if gold is None
                else "too low" if c.killed.best < gold else "too high")
    if name == "date":
        if not c.date_start:
            return "none given"
        if not g["date_start"]:
            return "given, none stated"
        if c.date_precision != g["date_precision"]:
            return "other precision"
        days = (date.fromisoformat(c.date_start) - date.fromisoformat(g["date_start"])).days
        return "1 day late" if days == 1 else "later" if days > 0 else "earlier"
    if not c.country:
        return "no country"
    if not same_country(g.get("country"), c.country, gazetteer):
        return "wrong country"
    if fold(c.location) == fold(c.country):
        return "country only"
    return "right country, other place"


def print_real(split: str, gazetteer: Gazetteer, details: bool) -> None:
    t, per_article, info = evaluate_real(split, gazetteer, details and split not in REAL_HELD_OUT)
    scored = info["labels"] - len(info["missing"])
    print(f"\n## real {split}: {scored} of {info['labels']} articles scored"
          + (f" ({len(info['missing'])} texts missing from the cache {real_cache.cache_dir()})" if info["missing"] else "")
          + "\n")
    print("| field | articles with every incident right | share | incidents right | share |")
    print("|---|---|---|---|---|")
    for name in ("killed", "place with country", "date"):
        right, of = per_article.get(name, [0, 0])
        inc = t["per incident: " + name]
        print(f"| {name} | {right} of {of} | {right / of if of else float('nan'):.2f} | "
              f"{inc.tp} of {inc.tp + inc.fn} | {inc.tp / (inc.tp + inc.fn) if inc.tp + inc.fn else float('nan'):.2f} |")
    print(f"\nCandidates from the {info['no_incident_articles']} no-incident articles: {info['no_incident_candidates']}")
    print()
    print("| field                      | precision | recall |    F1 |   TP |   FP |   FN |")
    print("|----------------------------|-----------|--------|-------|------|------|------|")
    for key in ("incidents", "actors (paired incidents)", "sub-event type (paired)", "published (ingest)"):
        print(t[key].row(key))
    if info["classes"]:
        print("\nWrong incidents by kind of error: " + "; ".join(
            f"{name} {kind} {n}" for (name, kind), n in sorted(info["classes"].items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--set", choices=sorted(SETS), action="append")
    parser.add_argument("--real", action="store_true", help="score the real-article set instead")
    parser.add_argument("--split", choices=("dev", "test"), action="append", help="with --real")
    args = parser.parse_args()
    gazetteer = Gazetteer.default()
    if args.real:
        for split in args.split or ("dev", "test"):
            print_real(split, gazetteer, args.details)
        return
    for name in args.set or list(SETS):
        files = label_files(name)
        print(f"\n## {name}: {len(files)} articles ({files[0].parent.relative_to(REPO)}: "
              f"{files[0].name[:2]}…{files[-1].name[:2]})\n")
        tallies = evaluate(files, gazetteer, args.details and name not in HELD_OUT)
        print("| field                      | precision | recall |    F1 |   TP |   FP |   FN |")
        print("|----------------------------|-----------|--------|-------|------|------|------|")
        for key in ("incidents", "counts with party", "counts (field, value)", "date", "place", "admin1",
                    "actors", "event type", "sub-event type", "published (ingest)"):
            print(tallies[key].row(key))


if __name__ == "__main__":
    main()
