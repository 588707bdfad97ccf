"""Rendering a large brief: 1,000 confirmed incidents with 3,000 claims.

    python bench/brief_bench.py [--incidents 1000] [--runs 7] [--validate]

Builds a case file in a temporary folder through the store's own methods (add_article,
store_candidates: each incident a raid in one of 60 towns over a year, with a killed, an
arrested and a seized claim anchored in its article, every tenth one disputed between a
ministry and a monitor, some annotated and linked), then times, as the median of several runs:

- render: the store reads and the Markdown text (what `casefile export` spends before writing),
  and the reads alone;
- write: write_brief (temporary file, fsync, rename, the briefs row);
- floor: joining a list of strings of the same size and writing it to a file, the least any
  renderer could spend.

--validate also parses the brief back with markdown-it-py (what the tests do; not part of
rendering).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import importlib  # noqa: E402

from casefile.brief import BriefOptions, render, write_brief  # noqa: E402
from casefile.model import ArticleDraft, CandidateIncident, ClaimDraft  # noqa: E402
from casefile.store import CaseFile  # noqa: E402
from casefile.store.briefs import BriefStore  # noqa: E402

render_module = importlib.import_module("casefile.brief.render")  # the package's `render` is the function
BriefCase = CaseFile if issubclass(CaseFile, BriefStore) else type("BriefCase", (CaseFile, BriefStore), {})
NOW = "2025-12-31T00:00:00+00:00"
WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def claim(body: str, words: str, **fields) -> ClaimDraft:
    start = body.index(words)
    end = start + len(words)
    return ClaimDraft(quote=words, start=start, end=end, prefix=body[max(0, start - 32):start],
                      suffix=body[end:end + 32], **fields)


def build(path: Path, n: int, seed: int = 7) -> BriefCase:
    rng = random.Random(seed)
    case = BriefCase(path)
    towns = [(f"Town{t}", f"Province{t % 12}") for t in range(60)]
    start = dt.date(2025, 1, 1)
    with case.tx.write():
        for k in range(n):
            town, province = rng.choice(towns)
            day = start + dt.timedelta(days=rng.randrange(365))
            killed, arrested = rng.randrange(1, 10), rng.randrange(0, 10)
            disputed = k % 10 == 0
            lead = f"{town.upper()}, {day:%B} {day.day}, {day.year} - "
            sentence = (f"Security forces killed {WORDS[killed - 1]} militants in a raid in {town} on "
                        f"{day:%A}, the Interior Ministry said.")
            arrest = f"They arrested {arrested} suspects and seized weapons and ammunition at the site."
            monitor = " A monitoring group said the death toll was higher, at 12." if disputed else ""
            filler = " ".join(f"Background sentence {j} about the wider campaign in {province}." for j in range(12))
            body = f"{lead}{sentence} {arrest}{monitor} {filler}"
            draft = ArticleDraft(body=body, sha256=hashlib.sha256(f"bench{k}".encode()).hexdigest(),
                                 path=f"bench/{k}.txt", format="txt", title=f"Raid in {town} kills {killed}",
                                 published=day.isoformat(), outlet=rng.choice(["Reuters", "AFP", "The National"]),
                                 url=f"https://example.org/news/{k}")
            article_id = case.add_article(draft, NOW).article_id
            claims = [
                claim(body, f"killed {WORDS[killed - 1]} militants", field="killed", value=str(killed),
                      value_num=killed, qualifier="exact", party="militant", attributed_to="Interior Ministry"),
                claim(body, f"arrested {arrested} suspects", field="arrested", value=str(arrested),
                      value_num=arrested, qualifier="exact", party="militant"),
                claim(body, "seized weapons and ammunition", field="seized", value="weapons and ammunition",
                      qualifier="vague", party="unknown"),
            ]
            if disputed:  # the monitor's toll replaces the seizure: still three claims
                claims[2] = claim(body, "the death toll was higher, at 12", field="killed", value="12",
                                  value_num=12, qualifier="exact", party="unknown",
                                  attributed_to="Syrian Observatory for Human Rights")
            candidate = CandidateIncident(
                event_type="Battles", sub_event_type="Armed clash", date_start=day.isoformat(),
                date_end=day.isoformat(), date_precision="day", location=town, admin1=province,
                country="Syria", latitude=None, longitude=None, geo_precision="town",
                actor1="Syrian government security forces", actor2="Islamic State (IS)",
                summary=f"Syrian government security forces raid Islamic State (IS) in {town}", claims=claims)
            case.store_candidates(article_id, [candidate], NOW)
        ids = [r[0] for r in case.db.conn.execute("SELECT id FROM incidents ORDER BY id")]
        case.db.conn.execute("UPDATE incidents SET status = 'confirmed'")
        for k in ids[::25]:
            case.add_annotation(k, "Casualty figures unverified; *treat* as a floor.", "analyst", NOW)
        for a, b in zip(ids[::40], ids[1::40]):
            case.add_relation(a, b, "related", "analyst", NOW, "Same cell")
    return case


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--validate", action="store_true", help="also time parsing with markdown-it-py")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        case = build(folder / "bench.db", args.incidents)
        build_s = time.perf_counter() - t
        claims = case.db.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        options = BriefOptions(title="Benchmark brief", now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
        render_ms, brief = timed(lambda: render(case, options), args.runs)
        reads_ms, _ = timed(lambda: render_module._read(case, options), args.runs)
        write_ms, _ = timed(lambda: write_brief(case, brief, folder / "out", force=True), args.runs)
        lines = brief.markdown.split("\n")

        def floor() -> None:
            text = "\n".join([line[:] for line in lines])
            (folder / "floor.md").write_bytes(text.encode("utf-8"))
            os.fsync(os.open(folder / "floor.md", os.O_RDONLY))

        floor_ms, _ = timed(floor, args.runs)
        print(f"case file: {brief.incidents} incidents, {claims} claims (built in {build_s:.1f} s)")
        print(f"brief: {len(brief.data) / 1024:.0f} KB, {len(lines):,} lines")
        print(f"render (store reads + Markdown), median of {args.runs}: {render_ms:.1f} ms "
              f"(store reads alone: {reads_ms:.1f} ms)")
        print(f"write_brief (temp file, fsync, rename, record):  {write_ms:.1f} ms")
        print(f"floor (join same-size strings + write + fsync):  {floor_ms:.1f} ms")
        print(f"render + write: {render_ms + write_ms:.1f} ms against a floor of {floor_ms:.1f} ms "
              f"({'within' if render_ms < 100 else 'OVER'} the 100 ms budget for rendering)")
        if args.validate:
            from markdown_it import MarkdownIt
            from mdit_py_plugins.front_matter import front_matter_plugin

            md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
            parse_ms, _ = timed(lambda: md.parse(brief.markdown), 3)
            print(f"markdown-it-py parse (tests only): {parse_ms:.0f} ms")
        case.close()


if __name__ == "__main__":
    main()
