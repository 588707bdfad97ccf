"""Score the duplicate suggestions against the real-article set: do the reports of one incident
meet, and do look-alikes stay apart?

    python bench/match_eval.py                       # dev and test, aggregates
    python bench/match_eval.py --split dev --details # dev only: every missed and wrong pair
    CASEFILE_EVAL_LABELS=dir1:dir2 python bench/match_eval.py   # label folders (default: the repo's)

Each split's cached records (tests/extraction/real/README.md) are imported into a fresh case
file through the real import path, which extracts them and computes the suggestions as the
desk would. Candidates are mapped to labelled incidents as bench/extract_eval.py does (a count
whose quote overlaps a claim, else place, date and type); two candidates of different articles
whose incidents share a `group` are a true pair. Reported: pair precision, recall and F1, the
look-alike pairs suggested (groups*.json), the share of true pairs blocking proposed at all,
and F1 after 0, 20 and 50 simulated curator judgements: the curator works dev's queue from
the top (every blocked pair, best first), answering from dev's truth; casefile.match.learn
fits its weights to those answers. On test, the weights learned on dev are applied unchanged
(held out); on dev the figure is in-sample (too few pairs to leave 50 out), for reference. The
test split is only ever printed in aggregate.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from extract_eval import StoredCandidate, cached_record, pair_incidents, real_label_dirs, real_labels  # noqa: E402

from casefile.extract.gazetteer import Gazetteer  # noqa: E402

HELD_OUT = ("test",)
DRAWS = (0, 20, 50)


def lookalike_groups() -> set[frozenset[str]]:
    out = set()
    for d in real_label_dirs():
        for path in sorted(d.glob("groups*.json")):
            for a, b, *_ in json.loads(path.read_text(encoding="utf-8")).get("lookalikes", []):
                out.add(frozenset((a, b)))
    return out


class Split:
    """One split imported: its case file, the matcher's records and the truth."""

    def __init__(self, name: str, tmp: Path, gazetteer: Gazetteer):
        from casefile.pipeline import import_paths, match_records
        from casefile.store import CaseFile

        labels = real_labels(name)
        present = [(lp, cached_record(lp)) for lp in labels]
        self.missing = [lp.name for lp, rec in present if rec is None]
        present = [(lp, rec) for lp, rec in present if rec is not None]
        self.articles = len(present)
        self.case = CaseFile.open(tmp / f"{name}.db")
        import_paths(self.case, [rec for _, rec in present])
        by_path = {a.path: a.id for a in self.case.articles()}
        self.group: dict[int, str] = {}  # incident id -> labelled group
        self.article: dict[int, int] = {}
        self.unmapped = 0
        incidents = self.case.incidents("all")
        for label_path, rec in present:
            label = json.loads(label_path.read_text(encoding="utf-8"))
            article_id = by_path.get(str(rec))
            if article_id is None:
                self.missing.append(label_path.name + " (not imported)")
                continue
            body = self.case.article(article_id).body
            candidates = [StoredCandidate(i, self.case.claims(i.id)) for i in incidents if article_id in i.article_ids]
            found = dict((ci, gi) for gi, ci in pair_incidents(body, label["incidents"], candidates, gazetteer))
            for ci, c in enumerate(candidates):
                self.article[c.id] = article_id
                if ci in found:
                    self.group[c.id] = label["incidents"][found[ci]]["group"]
                else:
                    self.unmapped += 1
        ids = sorted(self.group)
        self.truth = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
                      if self.group[a] == self.group[b] and self.article[a] != self.article[b]}
        self.records = match_records(self.case)
        self.lookalikes = lookalike_groups()

    def is_lookalike(self, pair: tuple[int, int]) -> bool:
        a, b = pair
        return a in self.group and b in self.group and frozenset((self.group[a], self.group[b])) in self.lookalikes

    def scored(self, model=None):
        """Every blocked pair with its score (not only those over the threshold)."""
        from casefile.match import score
        from casefile.match.blocking import candidate_pairs

        by_id = {r.id: r for r in self.records}
        try:
            from casefile.match.words import Rarity
        except ImportError:  # the matcher before the sources' words were read (for "before" rows)
            return {pair: score(by_id[pair[0]], by_id[pair[1]]) for pair in candidate_pairs(self.records)}
        try:
            from casefile.match import Run  # the run's background and crowds, as suggest() scores
        except ImportError:
            rarity = Rarity(r.words for r in self.records)
            return {pair: score(by_id[pair[0]], by_id[pair[1]], 0, rarity, model)
                    for pair in candidate_pairs(self.records, rarity)}
        run = Run(self.records)
        return {pair: run.score(by_id[pair[0]], by_id[pair[1]], model)
                for pair in candidate_pairs(self.records, run.rarity)}


def prf(predicted: set, truth: set) -> tuple[float, float, float]:
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(split: Split, details: bool) -> dict:
    from casefile.match import THRESHOLD

    suggested = {(s["left"], s["right"]): s for s in split.case.suggestions()}
    mapped = {p for p in suggested if p[0] in split.group and p[1] in split.group}
    p, r, f = prf(mapped, split.truth)
    scored = split.scored()
    out = {"articles": split.articles, "missing": len(split.missing), "candidates": len(split.article),
           "unmapped": split.unmapped, "truth": len(split.truth), "suggested": len(suggested),
           "suggested_unmapped": len(suggested) - len(mapped), "precision": p, "recall": r, "f1": f,
           "lookalikes": sum(split.is_lookalike(x) for x in suggested),
           "blocked": len(scored), "blocking_recall": len(split.truth & set(scored)) / len(split.truth) if split.truth else 1.0,
           "all_pairs": len(split.records) * (len(split.records) - 1) // 2}
    if details:
        by_id = {r.id: r for r in split.records}

        def print_record(i: int) -> None:
            rec = by_id[i]
            print(f"         #{i} a{split.article[i]} {rec.date_start} {rec.date_precision} {rec.location} / "
                  f"{rec.admin1} / {rec.country} ({rec.geo_precision}) {rec.sub_event_type} {rec.counts} "
                  f"pub {sorted(map(str, rec.published))}")
        for pair in sorted(split.truth - set(suggested)):
            s = scored.get(pair)
            why = "not blocked" if s is None else f"{s.score:.2f} {dict((k, round(v, 2)) for k, v in s.breakdown.items())} {list(s.reasons)}"
            print(f"  MISSED {pair} {split.group[pair[0]]}: {why}")
            for i in pair:
                print_record(i)
        for pair in sorted(mapped - split.truth):
            s = suggested[pair]
            kind = "LOOKALIKE" if split.is_lookalike(pair) else "WRONG"
            print(f"  {kind} {pair} {split.group[pair[0]]} / {split.group[pair[1]]}: {s['score']:.2f} {s['reasons']}")
            for i in pair:
                print_record(i)
        for pair in sorted(set(suggested) - mapped):
            print(f"  UNMAPPED {pair} ({suggested[pair]['score']:.2f})")
    del THRESHOLD
    return out


def learning(split: Split, teacher: Split, draws: int) -> tuple[float, float, object]:
    """(F1 with the hand weights, F1 with what `draws` judgements give the desk, why).

    The simulated curator works `teacher`'s queue from the top, as the desk shows it (every
    blocked pair by hand score, best first), answering from the truth. When `split` is the
    teacher (dev), the F1s are in-sample: dev holds too few pairs to leave 50 out."""
    from casefile.match import THRESHOLD
    from casefile.match.learn import MIN_EACH, adopt

    queue = sorted(((pair, s) for pair, s in teacher.scored().items()
                    if pair[0] in teacher.group and pair[1] in teacher.group), key=lambda x: (-x[1].score, x[0]))
    drawn = [(s.breakdown, pair in teacher.truth) for pair, s in queue[:draws]]
    # As the desk does: learned weights only once there are enough of each answer, and only
    # if they do no worse than the hand-set ones on the decisions they did not learn from.
    model = adopt(drawn) if draws else None
    matches = sum(y for _, y in drawn)
    why = ("too few to learn" if min(matches, len(drawn) - matches) < MIN_EACH
           else f"{matches} match, {len(drawn) - matches} no: " + ("learned" if model else "learned did worse, hand kept"))
    truth = split.truth
    out = []
    for m in (None, model):
        threshold = m.threshold if m else THRESHOLD
        predicted = {p for p, s in split.scored(m).items() if s.score >= threshold
                     and p[0] in split.group and p[1] in split.group}
        out.append(prf(predicted, truth)[2])
    return out[0], out[1], why


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "test"), action="append")
    parser.add_argument("--details", action="store_true", help="list each missed and wrong pair (dev only)")
    args = parser.parse_args()
    splits = args.split or ["dev", "test"]
    gazetteer = Gazetteer.default()
    print("label folders: " + ", ".join(map(str, real_label_dirs())))
    with tempfile.TemporaryDirectory() as tmp:
        loaded = {name: Split(name, Path(tmp), gazetteer) for name in sorted(set(splits) | {"dev"})}
        print("\n| split | articles | candidates (unmapped) | true pairs | all pairs | blocked | blocking recall "
              "| suggested (unmapped) | precision | recall | F1 | look-alikes suggested |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for name in splits:
            split = loaded[name]
            if args.details and name not in HELD_OUT:
                print(f"\n### {name} details")
            m = evaluate(split, args.details and name not in HELD_OUT)
            print(f"| {name} | {m['articles']} ({m['missing']} missing) | {m['candidates']} ({m['unmapped']}) | "
                  f"{m['truth']} | {m['all_pairs']:,} | {m['blocked']:,} | {m['blocking_recall']:.2f} | "
                  f"{m['suggested']} ({m['suggested_unmapped']}) | {m['precision']:.2f} | {m['recall']:.2f} | "
                  f"{m['f1']:.2f} | {m['lookalikes']} |")
        try:
            import casefile.match.learn  # noqa: F401
        except ImportError:  # the matcher before it learned (for the "before" rows)
            return
        print("\nF1 after simulated curator judgements: the top of dev's queue, answered from dev's truth "
              "(hand weights / learned weights; dev is in-sample, test is held out)\n")
        print("| split | " + " | ".join(f"{n} judgements" for n in DRAWS) + " |")
        print("|---|" + "---|" * len(DRAWS))
        for name in splits:
            cells = []
            for n in DRAWS:
                hand, learned, why = learning(loaded[name], loaded["dev"], n)
                cells.append(f"{hand:.2f}" if not n else f"{hand:.2f} / {learned:.2f} ({why})")
            print(f"| {name} | " + " | ".join(cells) + " |")
        for split in loaded.values():
            split.case.close()


if __name__ == "__main__":
    main()
