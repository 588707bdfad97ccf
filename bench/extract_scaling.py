"""Extraction cost against text size: one text of 50 KB and one of 500 KB.

    python bench/extract_scaling.py [--sizes 50000 500000] [--runs 3]

Each text is the seeds and the labelled evaluation articles joined by blank lines, repeated
to the size wanted (a long liveblog or a digest of many wire stories). Times are CPU times of
`extract()` alone (median of the runs), with the gazetteer loaded and warm. Linear cost means
a ratio near the ratio of sizes (10 for 500 KB / 50 KB).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from casefile.extract import extract  # noqa: E402
from casefile.extract.gazetteer import Gazetteer  # noqa: E402
from casefile.ingest import read_file  # noqa: E402


def text_of_size(bodies: list[str], size: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        parts.append(bodies[i % len(bodies)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 500_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests/extraction/labelled").glob("*.txt"))
    bodies = [next(iter(read_file(p))).body for p in paths]
    gazetteer = Gazetteer.default()
    extract(bodies[0], None, (), gazetteer)   # load and warm everything first
    times = {}
    for size in args.sizes:
        text = text_of_size(bodies, size)
        runs = []
        for _ in range(args.runs):
            start = time.process_time()
            extract(text, None, (), gazetteer)
            runs.append(time.process_time() - start)
        times[size] = statistics.median(runs)
        print(f"{size / 1000:,.0f} KB: {times[size]:.3f} s CPU (median of {args.runs}; "
              f"{size / 1000 / times[size]:,.0f} KB/s)")
    small, large = min(times), max(times)
    if small != large:
        print(f"ratio {large // 1000} KB / {small // 1000} KB: {times[large] / times[small]:.1f}x "
              f"for {large / small:.0f}x the text")


if __name__ == "__main__":
    main()
