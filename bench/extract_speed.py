"""Extraction speed on one core: articles per second for ~3 KB articles.

    python bench/extract_speed.py [--articles 2000]

The articles are the seeds and the labelled evaluation texts (2.3–3.7 KB each), each read
through the import path once; then extraction alone is timed over N articles, cycling
through them with a fresh gazetteer lookup cache state per round (it is warm after the first,
as it is in a long import).
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests/extraction/labelled").glob("*.txt"))
    drafts = [next(iter(read_file(p))) for p in paths]
    gazetteer = Gazetteer.default()
    size = statistics.mean(len(d.body) for d in drafts)
    rates = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for i in range(args.articles):
            d = drafts[i % len(drafts)]
            extract(d.body, d.published, d.excluded, gazetteer)
        rates.append(args.articles / (time.perf_counter() - start))
    print(f"extraction: {statistics.median(rates):,.0f} articles/s on one core "
          f"(median of {args.runs} runs of {args.articles} articles, mean {size / 1000:.1f} KB; "
          f"min {min(rates):,.0f}, max {max(rates):,.0f})")


if __name__ == "__main__":
    main()
