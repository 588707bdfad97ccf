"""Duplicate suggestions at scale: blocked matching against the naive all-pairs comparison.

    python bench/match_bench.py --sizes 10000 100000 --sample 2000

Synthetic incidents: true events spread over a year and ~240 towns in 40 provinces, each
reported 1–4 times with the noise real reports have (a day off, an undated report that only
names the weekday, different tolls, a neighbourhood instead of the town), plus look-alikes
(same town and toll two to four weeks later). Prints time, peak memory, pairs scored, and on
a sample the recall of blocking against scoring every pair; thefuzz's cost for all pairs is
measured on a slice and extrapolated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from thefuzz import fuzz as thefuzz  # noqa: E402

from casefile.match import MatchRecord, THRESHOLD, score, suggest  # noqa: E402
from casefile.match.blocking import candidate_pairs  # noqa: E402

ACTORS = ["Islamic State (IS)", "Boko Haram (JAS)", "Islamic State West Africa Province (ISWAP)", "JNIM",
          "Hayat Tahrir al-Sham (HTS)", "Islamic State Sahel Province (ISGS)"]
STATES = ["Nigerian security forces", "Iraqi security forces", "Syrian government security forces",
          "Malian security forces"]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"),
         ("Explosions/Remote violence", "Suicide bomb")]


def synthetic(n: int, seed: int = 1) -> tuple[list[MatchRecord], set[tuple[int, int]]]:
    rng = random.Random(seed)
    # About 20 events a town a year, as in ACLED's Syria or Nigeria data.
    towns = [(f"town{t}", f"province{t % 40}", 10 + (t % 40) * 0.5 + rng.random(), 30 + rng.random() * 8)
             for t in range(max(240, n // 20))]
    records, truth, next_id = [], set(), 1
    start = dt.date(2024, 1, 1)
    while next_id <= n:
        town, admin1, lat, lon = rng.choice(towns)
        day = start + dt.timedelta(days=rng.randrange(365))
        etype, sub = rng.choice(TYPES)
        actors = {rng.choice(ACTORS), rng.choice(STATES)}
        killed = rng.randrange(0, 30)
        words = f"{sub.lower()} {town} {killed} killed {' '.join(sorted(actors))}"
        reports = rng.choice([1, 1, 1, 2, 2, 3, 4])
        ids = []
        for _ in range(reports):
            if next_id > n:
                break
            undated = rng.random() < 0.05
            d = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, -1]))
            k = max(0, killed + rng.choice([0, 0, 0, 1, 2, -1]))
            name = town if rng.random() < 0.8 else f"{town}-quarter"
            records.append(MatchRecord(
                next_id, None if undated else d, None if undated else d, "unknown" if undated else "day",
                name, frozenset({name, town}) if name != town else frozenset({town}), admin1, "Syria", lat, lon,
                "town", frozenset(actors), etype, sub, {"killed": (k, k)}, words,
                frozenset({d.weekday()}) if undated else frozenset()))
            ids.append(next_id)
            next_id += 1
        truth |= {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]}
        if rng.random() < 0.08 and next_id <= n:  # a look-alike: same town and toll, weeks later
            later = day + dt.timedelta(days=rng.randrange(14, 30))
            records.append(MatchRecord(next_id, later, later, "day", town, frozenset({town}), admin1, "Syria",
                                       lat, lon, "town", frozenset(actors), etype, sub, {"killed": (killed, killed)},
                                       words, frozenset()))
            next_id += 1
    return records, truth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--sample", type=int, default=2000)
    args = parser.parse_args()
    print("| incidents | time (s) | peak memory (MB) | pairs scored | suggestions | pair precision | pair recall |")
    print("|---|---|---|---|---|---|---|")
    for n in args.sizes:
        records, truth = synthetic(n)
        t = time.perf_counter()
        found = suggest(records)
        elapsed = time.perf_counter() - t
        # A second run under tracemalloc for the peak memory (it slows Python down ~10×).
        tracemalloc.start()
        suggest(records)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        pairs = sum(1 for _ in candidate_pairs(records))
        predicted = {(s.left, s.right) for s in found}
        precision = len(predicted & truth) / len(predicted) if predicted else 0
        recall = len(predicted & truth) / len(truth) if truth else 0
        print(f"| {n:,} | {elapsed:.2f} | {peak:.0f} | {pairs:,} | {len(found):,} | {precision:.3f} | {recall:.3f} |")

    sample, _ = synthetic(args.sample, seed=2)
    t = time.perf_counter()
    naive = {(a.id, b.id) for i, a in enumerate(sample) for b in sample[i + 1:] if score(a, b).score >= THRESHOLD}
    naive_time = time.perf_counter() - t
    blocked = set(candidate_pairs(sample))
    kept = len(naive & blocked) / len(naive) if naive else 1.0
    all_pairs = len(sample) * (len(sample) - 1) // 2
    # thefuzz on every pair of the sample, timed on a slice and extrapolated
    slice_pairs = [(a, b) for a, b in zip(sample, sample[1:])][:20_000]
    t = time.perf_counter()
    for a, b in slice_pairs:
        thefuzz.token_set_ratio(a.text, b.text)
    per_pair = (time.perf_counter() - t) / len(slice_pairs)
    print(f"\nsample of {len(sample):,}: all {all_pairs:,} pairs scored in {naive_time:.1f} s, "
          f"{len(naive):,} above threshold; blocking keeps {kept:.4f} of them with {len(blocked):,} pairs")
    for n in args.sizes:
        print(f"naive thefuzz token_set_ratio on all pairs of {n:,}: ~{per_pair * n * (n - 1) / 2 / 3600:.1f} h "
              f"(measured {per_pair * 1e6:.1f} µs per pair)")


if __name__ == "__main__":
    main()
