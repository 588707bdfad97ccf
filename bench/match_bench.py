"""Duplicate suggestions at scale: blocked matching against the naive all-pairs comparison.

    python bench/match_bench.py --sizes 10000 100000 --sample 2000

Synthetic incidents: true events spread over a year and ~240 towns in 40 provinces, each
reported 1–4 times with the noise real reports have (a day off, an undated report that only
names the weekday, a place that came out as the province, different tolls, a neighbourhood
instead of the town), plus look-alikes (same town, group and toll two to four weeks later).
Each report's text restates its fields, repeats some of its event's own details (a site or a
commander, in 0–2 words) and adds three words every report uses; it is published 0–2 days
after the event (undated reports: no publication date either). Prints time, peak resident memory (each size in
a fresh process, beside what the records alone take), pairs scored, and on a sample the recall of blocking against scoring every pair; thefuzz's cost for all pairs is
measured on a slice and extrapolated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import os
import resource
import subprocess
import gc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from thefuzz import fuzz as thefuzz  # noqa: E402

from casefile.match import MatchRecord, THRESHOLD, score, suggest  # noqa: E402
from casefile.match.blocking import candidate_pairs  # noqa: E402
try:
    from casefile.match.words import Rarity  # noqa: E402
except ImportError:  # the matcher before it read the sources' words (for the "before" rows)
    Rarity = None

ACTORS = ["Islamic State (IS)", "Boko Haram (JAS)", "Islamic State West Africa Province (ISWAP)", "JNIM",
          "Hayat Tahrir al-Sham (HTS)", "Islamic State Sahel Province (ISGS)"]
STATES = ["Nigerian security forces", "Iraqi security forces", "Syrian government security forces",
          "Malian security forces"]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"),
         ("Explosions/Remote violence", "Suicide bomb")]


def synthetic(n: int, seed: int = 1) -> tuple[list[MatchRecord], set[tuple[int, int]]]:
    records, truth, _ = synthetic_with_lookalikes(n, seed)
    return records, truth


COMMON = [f"word{i}" for i in range(300)]  # what every report says in passing


def synthetic_with_lookalikes(n: int, seed: int = 1) -> tuple[list[MatchRecord], set[tuple[int, int]], set[tuple[int, int]]]:
    """Records, the same-event pairs, and the pairs of a look-alike with the reports it imitates."""
    rng = random.Random(seed)
    lookalikes: set[tuple[int, int]] = set()
    # About 20 events a town a year, as in ACLED's Syria or Nigeria data.
    towns = [(f"town{t}", f"province{t % 40}", 10 + (t % 40) * 0.5 + rng.random(), 30 + rng.random() * 8)
             for t in range(max(240, n // 20))]
    records, truth, next_id = [], set(), 1
    start = dt.date(2024, 1, 1)

    def details() -> list[str]:
        # What one event has of its own and reporters repeat: a site, a commander, a unit
        # (a pool large enough that two events rarely share one).
        return [f"name{rng.randrange(50 * n)}" for _ in range(rng.choice([0, 1, 1, 2]))]

    def report(i, d, name, town, admin1, lat, lon, actors, etype, sub, k, words, specific, undated=False, coarse=False):
        said = [w for w in specific if rng.random() < 0.7] + rng.sample(COMMON, 3)
        text = f"{words} {' '.join(said)}"
        published = frozenset() if undated else frozenset({d + dt.timedelta(days=rng.choice([0, 1, 1, 2]))})
        # (the matcher before publication dates were read has no such field: the "before" rows)
        published = {"published": published} if "published" in MatchRecord.__dataclass_fields__ else {}
        if coarse:  # the place came out as the province
            return MatchRecord(i, None if undated else d, None if undated else d, "unknown" if undated else "day",
                               admin1, frozenset(), admin1, "Syria", None, None, "province", frozenset(actors),
                               etype, sub, {"killed": (k, k)}, text,
                               frozenset({d.weekday()}) if undated else frozenset(), **published)
        return MatchRecord(i, None if undated else d, None if undated else d, "unknown" if undated else "day",
                           name, frozenset({name, town}) if name != town else frozenset({town}), admin1, "Syria",
                           lat, lon, "town", frozenset(actors), etype, sub, {"killed": (k, k)}, text,
                           frozenset({d.weekday()}) if undated else frozenset(), **published)

    while next_id <= n:
        town, admin1, lat, lon = rng.choice(towns)
        day = start + dt.timedelta(days=rng.randrange(365))
        etype, sub = rng.choice(TYPES)
        actors = {rng.choice(ACTORS), rng.choice(STATES)}
        killed = rng.randrange(0, 30)
        words = f"{sub.lower()} {town} {killed} killed {' '.join(sorted(actors))}"
        specific = details()
        reports = rng.choice([1, 1, 1, 2, 2, 3, 4])
        ids = []
        for _ in range(reports):
            if next_id > n:
                break
            undated = rng.random() < 0.05
            coarse = rng.random() < 0.05
            d = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, -1]))
            k = max(0, killed + rng.choice([0, 0, 0, 1, 2, -1]))
            name = town if rng.random() < 0.8 else f"{town}-quarter"
            records.append(report(next_id, d, name, town, admin1, lat, lon, actors, etype, sub, k, words,
                                  specific, undated, coarse))
            ids.append(next_id)
            next_id += 1
        truth |= {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]}
        if rng.random() < 0.08 and next_id <= n:  # a look-alike: same town, group and toll, weeks later
            later = day + dt.timedelta(days=rng.randrange(14, 30))
            records.append(report(next_id, later, town, town, admin1, lat, lon, actors, etype, sub, killed,
                                  words, details()))
            lookalikes |= {(i, next_id) for i in ids}
            next_id += 1
    return records, truth, lookalikes


def _rss_mb() -> float:
    """Resident memory now (Linux), in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def one(n: int) -> None:
    records, truth, lookalikes = synthetic_with_lookalikes(n)
    import casefile.extract.actors  # noqa: F401  (what the matcher imports on first use: not its cost)

    gc.collect()
    before = _rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    found = suggest(records)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux
    pairs = sum(1 for _ in candidate_pairs(records))
    predicted = {(s.left, s.right) for s in found}
    precision = len(predicted & truth) / len(predicted) if predicted else 0
    recall = len(predicted & truth) / len(truth) if truth else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    alike = len(predicted & lookalikes)
    print(f"| {n:,} | {elapsed:.2f} ({cpu:.2f} CPU) | {peak:.0f}, {before:.0f} | {pairs:,} | {len(found):,} | {precision:.3f} "
          f"| {recall:.3f} | {f1:.3f} | {alike:,} ({alike / len(found) if found else 0:.2%}) |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this (fresh) process
    args = parser.parse_args()
    if args.one:
        one(args.one)
        return
    print("| incidents | time (s), wall (CPU) | peak RSS (MB), records alone | pairs scored | suggestions | pair precision "
          "| pair recall | F1 | look-alikes suggested (share) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        # Each size in a fresh process, so that its peak memory is its own.
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)
    if not args.sample:
        return

    sample, sample_truth = synthetic(args.sample, seed=2)
    try:
        from casefile.match import Run  # the run's background and crowds, as suggest() scores
    except ImportError:
        Run = None
    run = Run(sample) if Run else None
    rarity = run.rarity if run else Rarity(r.words for r in sample) if Rarity else None
    extra = (0, rarity) if rarity else ()
    pair_score = (lambda a, b: run.score(a, b, explain=False)) if run else (lambda a, b: score(a, b, *extra))
    t = time.perf_counter()
    naive = {(a.id, b.id) for i, a in enumerate(sample) for b in sample[i + 1:]
             if pair_score(a, b).score >= THRESHOLD}
    naive_time = time.perf_counter() - t
    tally: dict[str, int] = {}
    blocked = set(candidate_pairs(sample, rarity, tally=tally) if rarity else candidate_pairs(sample))
    kept = len(naive & blocked) / len(naive) if naive else 1.0
    kept_true = len(sample_truth & blocked) / len(sample_truth) if sample_truth else 1.0
    all_pairs = len(sample) * (len(sample) - 1) // 2
    # thefuzz on every pair of the sample, timed on a slice and extrapolated
    slice_pairs = [(a, b) for a, b in zip(sample, sample[1:])][:20_000]
    t = time.perf_counter()
    for a, b in slice_pairs:
        thefuzz.token_set_ratio(a.text, b.text)
    per_pair = (time.perf_counter() - t) / len(slice_pairs)
    print(f"\nsample of {len(sample):,}: all {all_pairs:,} pairs scored in {naive_time:.1f} s, "
          f"{len(naive):,} above threshold; blocking keeps {kept:.4f} of them with {len(blocked):,} pairs "
          f"({', '.join(f'{k}: {v:,}' for k, v in tally.items())}), and {kept_true:.4f} of the true pairs")
    for n in args.sizes:
        print(f"naive thefuzz token_set_ratio on all pairs of {n:,}: ~{per_pair * n * (n - 1) / 2 / 3600:.1f} h "
              f"(measured {per_pair * 1e6:.1f} µs per pair)")


if __name__ == "__main__":
    main()
