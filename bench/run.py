"""casefile at scale: one table of figures, each beside a floor measured in the same run.

    python bench/run.py --size 1k|10k|100k [--skip app,crash] [--runs 9]

See bench/README.md for what each figure means and how the floors are built. Times on shared
2-core machines are noisy, so figures are ratios against a floor and medians of several runs.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from casefile.ingest import discover, read_file  # noqa: E402
from casefile.model import ArticleDraft  # noqa: E402
from casefile.pipeline import match_records  # noqa: E402
from casefile.store import CaseFile  # noqa: E402

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
ROWS: list[tuple[str, str, str, str]] = []


def row(figure: str, ours: str, floor: str, verdict: str) -> None:
    ROWS.append((figure, ours, floor, verdict))
    print(f"  {figure}: {ours} (floor {floor}) {verdict}", file=sys.stderr)


def casefile_cmd() -> list[str]:
    """The command a user runs: the venv's console script when installed, else `python -m casefile`."""
    script = Path(sys.executable).with_name("casefile")
    return [str(script)] if script.exists() else [sys.executable, "-m", "casefile"]


def run_process(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one whole process, which must succeed."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.read().decode(errors='replace')[-500:]}")
    return elapsed, usage.ru_maxrss / 1e3


def median_run(cmd: list[str], runs: int, cwd: Path | None = None) -> float:
    return statistics.median(run_process(cmd, cwd)[0] for _ in range(runs))


def corpus(size: str) -> Path:
    out = BENCH / "out" / f"corpus-{size}"
    if not (out / "truth.json").exists():
        subprocess.run([sys.executable, str(BENCH / "corpus.py"), "--size", size, "--out", str(out)], check=True)
    return out


def read_drafts(folder: Path) -> list[ArticleDraft]:
    drafts = []
    for item in discover([folder]):
        if isinstance(item, Path):
            drafts.extend(d for d in read_file(item) if isinstance(d, ArticleDraft))
    return drafts


# -- import ------------------------------------------------------------------------------
def bench_import(folder: Path, drafts: list[ArticleDraft], tmp: Path) -> Path:
    """`casefile import --no-extract` of the corpus, whole process, against sqlite-utils doing
    `insert` + `enable-fts` of the same records (already read into JSON Lines, not timed)."""
    records = tmp / "records.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for d in drafts:
            out.write(json.dumps({"sha256": d.sha256, "title": d.title, "body": d.body, "url": d.url,
                                  "outlet": d.outlet, "published": d.published, "path": d.path}) + "\n")
    runs = 3 if len(drafts) <= 2000 else 1
    ours, floor = [], []
    for k in range(runs):
        db = tmp / f"no-extract-{k}.db"
        ours.append(run_process([*casefile_cmd(), "--db", str(db), "import", "--no-extract", str(folder / "articles")])[0])
        fdb = tmp / f"floor-{k}.db"
        sqlite_utils = str(Path(sys.executable).with_name("sqlite-utils"))
        floor.append(run_process([sqlite_utils, "insert", str(fdb), "articles", str(records), "--nl"])[0]
                     + run_process([sqlite_utils, "enable-fts", str(fdb), "articles", "title", "body",
                                    "--fts5", "--tokenize", "porter unicode61 remove_diacritics 2"])[0])
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    row(f"`casefile import --no-extract`, {len(drafts):,} articles, whole process (median of {runs})",
        f"{ours_s:.2f} s ({len(drafts) / ours_s:,.0f} articles/s)",
        f"{floor_s:.2f} s (`sqlite-utils insert` + `enable-fts` of the same records)",
        f"{ours_s / floor_s:.2f}× the floor (target ≤ 1.5×)")
    return tmp / "no-extract-0.db"


def bench_version() -> None:
    ours = median_run([*casefile_cmd(), "--version"], 9)
    floor = median_run([sys.executable, "-c", "import click, sqlite3"], 9)
    row("`casefile --version`, whole process (median of 9)", f"{ours * 1000:.0f} ms",
        f"{floor * 1000:.0f} ms (`python -c \"import click, sqlite3\"`)", f"{ours / floor:.2f}× (target ≤ 1.3×)")


# -- extraction --------------------------------------------------------------------------
def bench_extraction(drafts: list[ArticleDraft], folder: Path, tmp: Path, size: int) -> Path:
    from casefile.extract import extract
    from casefile.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    sample = drafts[:3000]
    mean_kb = statistics.mean(len(d.body) for d in sample) / 1000
    t = time.perf_counter()
    for d in sample:
        extract(d.body, d.published, d.excluded, gazetteer)
    one_core = len(sample) / (time.perf_counter() - t)
    row(f"extraction, articles/s on one core ({mean_kb:.1f} KB mean, {len(sample):,} articles)",
        f"{one_core:,.0f}", "—", "target ≥ 500")
    # What the user runs: the whole command, with 2 workers and (up to 10k articles) with 1.
    db = tmp / "case.db"
    elapsed, peak = run_process([*casefile_cmd(), "--db", str(db), "import", "--jobs", "2", str(folder / "articles")])
    one = None
    if size <= 10_000:
        one = run_process([*casefile_cmd(), "--db", str(tmp / "case-jobs1.db"), "import", "--jobs", "1",
                           str(folder / "articles")])[0]
    case = CaseFile(db)
    candidates, suggestions = case.incident_count("all"), case.suggestion_count(cap=None)
    case.close()
    row(f"`casefile import --jobs 2`, end to end with extraction and suggestions ({size:,} articles)",
        f"{size / elapsed:,.0f} articles/s ({elapsed:.0f} s, {peak:.0f} MB peak RSS)",
        f"{size / one:,.0f} articles/s with --jobs 1 ({one:.0f} s)" if one else "—",
        f"{candidates:,} candidates, {suggestions:,} suggestions (target ≥ 500 articles/s, --jobs 2 faster than 1)")
    return db


# -- search --------------------------------------------------------------------------------
# The floor: a Python process running the same FTS5 query (count to the cap, bm25 with titles
# weighted 10×, or newest first past the cap, a snippet), printing the top 20.
FLOOR_SEARCH = """
import sqlite3, sys
db, q, cap, rank_cap = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
c = sqlite3.connect(db)
total = c.execute("SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
                  (q, cap + 1)).fetchone()[0]
order = "bm25(articles_fts, 10.0, 1.0)" if total <= rank_cap else "articles_fts.rowid DESC"
for r in c.execute("SELECT a.id, a.title, snippet(articles_fts, -1, '**', '**', '…', 16) FROM articles_fts "
                   "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
                   f"ORDER BY {order} LIMIT 20", (q,)):
    print(*r)
"""


def bench_search(db: Path, truth: dict) -> None:
    """`casefile search TERM` whole process against a Python process running the same query."""
    from casefile.store.articles import SEARCH_COUNT_CAP, SEARCH_RANK_CAP

    towns = sorted({i["location"] for i in truth["incidents"]})
    rng = random.Random(5)
    kinds = {"rare": [rng.choice(towns) for _ in range(3)], "common": ["killed", "security forces", "attack"],
             "phrase": ['"security forces"', '"were killed"', '"Islamic State"'],
             "prefix": ["milit*", "abduct*", "ambush*"]}
    articles = CaseFile(db).article_count()
    for kind, queries in kinds.items():
        ours = [median_run([*casefile_cmd(), "--db", str(db), "search", q, "--limit", "20"], 3) for q in queries]
        base = [median_run([sys.executable, "-c", FLOOR_SEARCH, str(db), q, str(SEARCH_COUNT_CAP),
                            str(SEARCH_RANK_CAP)], 3) for q in queries]
        o, b = statistics.median(ours), statistics.median(base)
        row(f"`casefile search`, {kind} terms, whole process ({articles:,} articles, {len(queries)} queries × 3)",
            f"{o * 1000:.0f} ms", f"{b * 1000:.0f} ms (python -c, same FTS5 query)", f"{o / b:.2f}× (target ≤ 1.5×)")


# -- duplicates ----------------------------------------------------------------------------
def truth_of(case: CaseFile, truth: dict) -> dict[int, str]:
    """Each candidate incident → the true incident it reports (by its article and its town/date)."""
    from casefile.extract.gazetteer import normalise

    by_url = {a["url"]: a for a in truth["articles"]}
    by_file = {(a["file"].split("/")[-1], a["record"]): a for a in truth["articles"]}
    incidents = {i["id"]: i for i in truth["incidents"]}
    articles = {}
    for a in case.articles():
        full = case.article(a.id)
        entry = by_url.get(full.url) or by_file.get((Path(full.path or "").name, full.record))
        if entry:
            articles[a.id] = entry
    mapped = {}
    for incident in case.incidents(status="all"):
        entry = articles.get(incident.article_ids[0]) if incident.article_ids else None
        if not entry:
            continue
        names = {normalise(n) for n in (incident.location or "").split(", ")}
        best = None
        for tid in entry["incident_ids"]:
            t = incidents[tid]
            score = (normalise(t["location"]) in names) * 2 + (t["admin1"] == incident.admin1) + \
                    (t["date"] == incident.date_start) + (t["sub_event_type"] == incident.sub_event_type)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, tid)
        if best:
            mapped[incident.id] = best[1]
    return mapped


def bench_suggestions(db: Path, truth: dict) -> None:
    from casefile.match import suggest

    # What the user runs: a fresh process reading the records, suggesting and storing the pairs;
    # first with every incident's sentences to read (as after an upgrade), then as after an
    # import, with the readings the last run kept (casefile.pipeline.match_records).
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM match_words")
    command = [*casefile_cmd(), "--db", str(db), "suggestions", "--limit", "1"]
    cold, cold_peak = run_process(command)
    elapsed, peak = run_process(command)
    case = CaseFile(db)
    records = match_records(case)
    found = suggest(records, case.no_match_pairs())
    row(f"`casefile suggestions`, {len(records):,} incidents, fresh process (read, suggest, store)",
        f"{elapsed:.2f} s, {peak:.0f} MB peak RSS", "—",
        f"{len(found):,} pairs; {cold:.2f} s, {cold_peak:.0f} MB when every sentence is read afresh "
        "(target 100k incidents < 10 s)")
    mapped = truth_of(case, truth)
    incidents = {i["id"]: i for i in truth["incidents"]}
    predicted = {(s.left, s.right) for s in found if s.left in mapped and s.right in mapped}
    groups: dict[str, list[int]] = {}
    for incident_id, truth_id in mapped.items():
        groups.setdefault(truth_id, []).append(incident_id)
    truth_pairs = {(a, b) for ids in groups.values() for k, a in enumerate(sorted(ids)) for b in sorted(ids)[k + 1:]}
    tp = len(predicted & truth_pairs)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(truth_pairs) if truth_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    lookalikes = sum(1 for a, b in predicted if mapped[a] != mapped[b] and (
        incidents[mapped[a]].get("lookalike_of") == mapped[b] or incidents[mapped[b]].get("lookalike_of") == mapped[a]
        or incidents[mapped[a]].get("follow_up_of") == mapped[b] or incidents[mapped[b]].get("follow_up_of") == mapped[a]))
    row(f"suggestion quality against the corpus truth ({len(mapped):,} of {len(records):,} candidates mapped)",
        f"precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}", "—",
        f"{lookalikes} look-alike pairs suggested (target F1 ≥ 0.95, 0 look-alikes merged: nothing merges by itself)")
    case.close()


# -- app -------------------------------------------------------------------------------------
def bench_app(db: Path, runs: int) -> None:
    import app_bench

    minimal = statistics.median(app_bench.run(app_bench.MINIMAL) for _ in range(runs))
    desk = statistics.median(app_bench.run_desk(db) for _ in range(runs))
    incidents = CaseFile(db).incident_count("all")
    row(f"app: start to first screen, {incidents:,} incidents (median of {runs})", f"{desk * 1000:.0f} ms",
        f"{minimal * 1000:.0f} ms (minimal app)", f"{desk / minimal:.2f}× (target ≤ 1.6×)")
    out = subprocess.run([sys.executable, "-c", app_bench.LATENCY, str(db)], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    for name, _, p95, floor, what in app_bench.latency_rows(out.stdout):
        row(f"app: key latency p95, {name}", f"{p95 * 1000:.0f} ms", f"{floor * 1000:.0f} ms (minimal app {what}, p50)",
            f"+{(p95 - floor) * 1000:.0f} ms over the floor (target < 50 ms)")


def bench_highlight() -> None:
    """A 6 KB article with 50 highlighted claims: our text view against Rich's Text.stylize."""
    import asyncio

    from rich.console import Console
    from rich.text import Text

    from textual.app import App

    from casefile.tui.widgets.source import Mark, SourceText

    rng = random.Random(1)
    body = " ".join(rng.choice(["Gunmen", "killed", "three", "soldiers", "in", "Bama", "on", "Tuesday,", "police",
                                "said.", "\n"]) for _ in range(1100))[:6000]
    marks = []
    for k in range(50):
        start = rng.randrange(0, len(body) - 20)
        marks.append(Mark(start, start + rng.randrange(5, 20), "current" if k == 0 else "claim"))
    console = Console(width=80, file=open(os.devnull, "w"))
    t = time.perf_counter()
    for _ in range(20):
        text = Text(body)
        for m in marks:
            text.stylize("bold underline", m.start, m.end)
        list(console.render(text))
    floor = (time.perf_counter() - t) / 20

    class Host(App):
        def compose(self):
            yield SourceText(id="s")

    timings = []

    async def run():
        async with Host().run_test(size=(80, 40)) as pilot:
            view = pilot.app.query_one("#s")
            for k in range(20):
                text = body if k % 2 == 0 else body + " "
                await pilot.pause()
                t = time.perf_counter()
                view.show(text, marks, (marks[0].start, marks[0].end))
                view._settle(True)  # what the next refresh does: wrap, select, scroll
                view._line_cache.clear()
                view.render_lines(view.region.reset_offset)  # draw every visible line
                timings.append(time.perf_counter() - t)

    asyncio.run(run())
    ours = statistics.median(timings)
    row("app: article view with highlights (6 KB, 50 claims): load + draw", f"{ours * 1000:.1f} ms",
        f"{floor * 1000:.1f} ms (Rich Text.stylize + render)", f"{ours / floor:.1f}× (target ≤ 16 ms, one frame)")


def bench_brief(tmp: Path, incidents: int) -> None:
    """`casefile export` whole process against markdown-it-py parsing the brief it wrote."""
    import brief_bench

    brief_bench.build(tmp / "brief.db", incidents).close()
    out = tmp / "exports"
    cmd = [*casefile_cmd(), "--db", str(tmp / "brief.db"), "export", "--status", "all", "--title", "Benchmark brief",
           "--out", str(out), "--force", "--now", "2025-12-31T00:00:00Z"]
    ours = median_run(cmd, 3)
    written = next(out.glob("*.md"))
    floor = median_run([sys.executable, "-c", "import sys, markdown_it; markdown_it.MarkdownIt('commonmark')"
                        ".enable('table').parse(open(sys.argv[1], encoding='utf-8').read())", str(written)], 3)
    row(f"`casefile export`, {incidents:,} incidents ({written.stat().st_size / 1e6:.1f} MB brief), whole process",
        f"{ours:.2f} s", f"{floor:.2f} s (markdown-it-py parsing the written brief)",
        f"{ours / floor:.2f}× (target ≤ 0.5×)")


def bench_size(db: Path, drafts: list[ArticleDraft]) -> None:
    case = CaseFile(db)
    case.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    case.close()
    size = db.stat().st_size
    raw = sum(len(d.body.encode("utf-8")) for d in drafts)
    per = 1000 / len(drafts)
    row("database size per 1,000 articles (with FTS, incidents, claims, suggestions)",
        f"{size * per / 1e6:.1f} MB", f"{raw * per / 1e6:.1f} MB (raw text)", f"{size / raw:.1f}× the text")


def _stored(db: Path) -> int:
    """Articles another process can see committed (0 before the schema exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _wal_size(db: Path) -> int:
    try:
        return Path(f"{db}-wal").stat().st_size
    except OSError:
        return -1


def bench_crash(folder: Path, tmp: Path, runs: int, expected: int) -> None:
    """SIGKILL the importer after its first commit, at a moment it is writing; the file must
    stay whole (integrity, FTS in step, no partial article), and the same import run again
    must report exactly what it then adds (counts reported against counts stored)."""
    rng = random.Random(11)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    source = folder / "articles"
    ok, during_writes, at_kill, problems = 0, 0, [], []
    for k in range(runs):
        db = tmp / f"crash-{k}.db"
        proc = subprocess.Popen([sys.executable, "-m", "casefile", "--db", str(db), "import", str(source)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 120
        while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # until the first batch is committed
        time.sleep(rng.uniform(0.0, 2.0))
        # Then the next moment the write-ahead log grows: the kill lands inside a write.
        size, writing = _wal_size(db), False
        until = time.monotonic() + 3
        while proc.poll() is None and time.monotonic() < until:
            time.sleep(0.002)
            if _wal_size(db) != size:
                writing = True
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        during_writes += writing
        conn = sqlite3.connect(db)
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0] if integrity == "ok" else -1
            fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] if integrity == "ok" else -2
            broken = conn.execute("SELECT count(*) FROM articles WHERE chars != length(body)").fetchone()[0]
            orphans = conn.execute("SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
                                   ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            integrity, fk, articles, fts, broken, orphans = str(exc), [], 0, 0, 0, 0
        conn.close()
        at_kill.append(articles)
        # The rest, run again (without extraction, to keep the run short): what it reports as
        # imported and as duplicates must be what the file then holds.
        again = subprocess.run([sys.executable, "-m", "casefile", "--db", str(db), "import", "--json",
                                "--no-extract", str(source)], capture_output=True, text=True, env=env)
        try:
            report = json.loads(again.stdout)
        except json.JSONDecodeError:
            report = {"imported": -1, "duplicates": -1}
        after = _stored(db)
        consistent = (report["imported"] == after - articles and report["duplicates"] == articles
                      and after == expected)
        if (integrity == "ok" and not fk and articles == fts and articles > 0 and not broken
                and not orphans and consistent):
            ok += 1
        else:
            problems.append((k, integrity, len(fk), articles, fts, broken, orphans, report.get("imported"),
                             report.get("duplicates"), after))
    row(f"crash: SIGKILL the importer after its first commit, while writing, {runs} times",
        f"{ok} / {runs} intact and consistent", "—",
        f"{during_writes}/{runs} kills inside a write; {min(at_kill, default=0)}–{max(at_kill, default=0)} "
        f"articles stored at the kill of {expected}; integrity_check ok, FTS in step, no partial article, "
        "re-import reports imported + duplicates = what is stored" + (f"; failures: {problems}" if problems else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1k")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--crash-runs", type=int, default=30)
    parser.add_argument("--case", type=Path, help="measure an already imported case file (skips the import)")
    parser.add_argument("--keep", action="store_true", help="keep the imported case file (bench/out/case-SIZE.db)")
    parser.add_argument("--skip", default="", help="comma-separated: version, import, extraction, search, "
                                                   "suggestions, app, highlight, brief, size, crash")
    args = parser.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    # `pip install` writes every module's bytecode; the checkout measured here may not have it
    # (PYTHONDONTWRITEBYTECODE is set on many CI machines), and then every process would
    # compile casefile's modules from source, a cost no installed copy pays.
    compileall.compile_dir(REPO / "casefile", quiet=1)
    folder = corpus(args.size)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    print(f"corpus: {folder.relative_to(REPO)} ({SIZES[args.size]:,} articles)", file=sys.stderr)
    with tempfile.TemporaryDirectory(dir=BENCH / "out") as scratch:
        tmp = Path(scratch)
        drafts = read_drafts(folder / "articles")
        if "version" not in skip:
            bench_version()
        plain_db = bench_import(folder, drafts, tmp) if "import" not in skip else None
        db = None
        if args.case:
            db = tmp / "case.db"
            shutil.copy(args.case, db)
        elif "extraction" not in skip:
            db = bench_extraction(drafts, folder, tmp, len(drafts))
        if "search" not in skip and (db or plain_db):
            bench_search(db or plain_db, truth)
        if db is None:
            print("  no extracted case file (extraction skipped): suggestions, app and size not measured",
                  file=sys.stderr)
        if "suggestions" not in skip and db:
            bench_suggestions(db, truth)
        if "app" not in skip and db:
            bench_app(db, args.runs)
        if "highlight" not in skip:
            bench_highlight()
        if "brief" not in skip:
            bench_brief(tmp, min(len(drafts), 10_000))
        if "size" not in skip and db:
            bench_size(db, drafts)
        if "crash" not in skip:
            bench_crash(folder, tmp, args.crash_runs, len(drafts))
        if args.keep and db:
            shutil.move(str(db), BENCH / "out" / f"case-{args.size}.db")
    print(f"\n## casefile benchmarks, {args.size} corpus ({SIZES[args.size]:,} articles)\n")
    print("| figure | casefile | floor (same run) | against the floor / target |")
    print("|---|---|---|---|")
    for figure, ours, floor, verdict in ROWS:
        print(f"| {figure} | {ours} | {floor} | {verdict} |")


if __name__ == "__main__":
    main()
