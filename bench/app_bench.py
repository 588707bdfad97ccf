"""The app at scale: time to first screen and key latency on a case file of 100k incidents.

    python bench/app_bench.py --incidents 100000 [--runs 9]

Builds (once, cached in bench/out/) a case file of synthetic incidents with claims through the
store's own schema, then measures in fresh headless processes:
- start to first paint of casefile's desk, against a minimal Textual app started the same way
  (median of --runs runs each);
- key latency (press to screen updated) for next incident, next claim, confirm (50 presses each)
  and opening the duplicates screen (20), p50 / p95, against a minimal app's key that updates a
  label and, for the screen switch, a minimal app switching between two screens.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MINIMAL = """
import sys, time
t0 = float(sys.argv[1])
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(time.time() - t0)
        self.exit()
Minimal().run(headless=True, size=(120, 40))
"""

DESK = """
import sys, time
t0 = float(sys.argv[1])
from casefile.tui.app import CasefileApp
class Timed(CasefileApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.done)
    def done(self):
        print(time.time() - t0)
        self.exit()
Timed(sys.argv[2], keymap_file=None).run(headless=True, size=(120, 40))
"""

LATENCY = """
import asyncio, json, sys, time
from textual.app import App
from textual.widgets import Static
from casefile.tui.app import CasefileApp

from textual.screen import Screen
from textual.widgets import Footer, Header

class Minimal(App):
    BINDINGS = [("j", "step", "Step")]
    n = 0
    def compose(self):
        yield Static("0", id="s")
    def action_step(self):
        self.n += 1
        self.query_one("#s").update(str(self.n))

class Page(Screen):  # a header, a footer and a dozen lines of text
    BINDINGS = [(k, "bell", k) for k in "qwertyuiop"]
    def compose(self):
        yield Header()
        for i in range(12):
            yield Static(f"line {i} " * 12)
        yield Footer(compact=True)

class TwoScreens(App):
    MODES = {"a": Page, "b": Page}
    BINDINGS = [("d", "switch_mode('b')", "b"), ("escape", "switch_mode('a')", "a")]
    def on_mount(self):
        self.switch_mode("a")

async def timed(pilot, keys, n, back=None):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        await pilot.press(*keys)
        await pilot.pause()
        times.append(time.perf_counter() - t)
        if back:
            await pilot.press(*back)
            await pilot.pause()
    return times

async def main():
    out = {}
    floors = {}
    async with Minimal().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        floors["key"] = await timed(pilot, ["j"], 50)
    async with TwoScreens().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        floors["screen"] = await timed(pilot, ["d"], 20, back=["escape"])
    app = CasefileApp(sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # name: (times, which floor it is measured against)
        out["next incident (j)"] = (await timed(pilot, ["j"], 50), "key")
        out["next claim (n)"] = (await timed(pilot, ["n"], 50), "key")
        out["confirm (c)"] = (await timed(pilot, ["c"], 50), "key")
        out["open duplicates (d)"] = (await timed(pilot, ["d"], 20, back=["escape"]), "screen")
    out = {"floors": floors, "keys": out}
    print(json.dumps(out))
asyncio.run(main())
"""


def build(path: Path, n: int) -> None:
    """A case file of n incidents (three claims each) and n // 10 suggestions."""
    from casefile.store import CaseFile, utc_now

    rng = random.Random(3)
    body = ("Gunmen attacked a checkpoint in Bama on Tuesday, killing three soldiers, the army said. "
            "Residents said at least five people died. ") * 20
    now = utc_now()
    with CaseFile(path) as case:
        conn = case.db.conn
        with case.tx.write():
            conn.execute("INSERT INTO articles (sha256, body_sha256, body, chars, imported_at, title) "
                         "VALUES ('x', 'y', ?, ?, ?, 'Synthetic')", (body, len(body), now))
            rows, claims = [], []
            for i in range(1, n + 1):
                day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
                k = rng.randrange(0, 20)
                rows.append((i, "candidate", day, day, "day", "Nigeria", "Borno", f"Town {i % 500}", 11.9, 13.1,
                             "town", "Boko Haram (JAS)", "Nigerian security forces", "Battles", "Armed clash",
                             k, k, k, f"Synthetic incident {i}", now, now))
                for field, start, end in (("killed", 58, 76), ("date", 20, 35), ("location", 30, 34)):
                    claims.append((i, 1, field, str(k), k if field == "killed" else None, start, end,
                                   body[start:end], now))
            conn.executemany(
                "INSERT INTO incidents (id, status, date_start, date_end, date_precision, country, admin1, location,"
                " latitude, longitude, geo_precision, actor1, actor2, event_type, sub_event_type, killed_low,"
                " killed_best, killed_high, summary, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.executemany(
                'INSERT INTO claims (incident_id, article_id, field, value, value_num, start, "end", quote, created_at)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
            conn.executemany(
                "INSERT INTO suggestions (left_id, right_id, score, breakdown, reasons, computed_at)"
                """ VALUES (?, ?, 0.8, '{"place": 1.0}', '[]', ?)""",
                [(i, i + 1, now) for i in range(1, n, 10)])


def run(code: str, *args: str) -> float:
    out = subprocess.run([sys.executable, "-c", code, str(time.time()), *args], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    path = REPO / "bench" / "out" / f"app-{args.incidents}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        build(path, args.incidents)
        print(f"built {path.name} ({args.incidents:,} incidents) in {time.perf_counter() - t:.1f} s")
    minimal = statistics.median(run(MINIMAL) for _ in range(args.runs))
    desk = statistics.median(run_desk(path) for _ in range(args.runs))
    print(f"\n| figure | casefile | minimal Textual app | ratio |\n|---|---|---|---|")
    print(f"| start to first screen, {args.incidents:,} incidents (median of {args.runs}) | "
          f"{desk * 1000:.0f} ms | {minimal * 1000:.0f} ms | {desk / minimal:.2f}× |")
    out = subprocess.run([sys.executable, "-c", LATENCY, str(path)], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    print("\n| key (press → screen updated, via Pilot) | p50 | p95 | minimal app, p50 | p95 above it |\n"
          "|---|---|---|---|---|")
    for name, p50, p95, floor, what in latency_rows(out.stdout):
        print(f"| {name} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | {floor * 1000:.1f} ms ({what}) | "
              f"{(p95 - floor) * 1000:.1f} ms |")


FLOOR_NAMES = {"key": "a key that updates a label", "screen": "switching between two screens"}


def latency_rows(stdout: str):
    """(name, p50, p95, floor p50, floor name) per key, from LATENCY's output."""
    data = json.loads(stdout.strip().splitlines()[-1])
    floors = {k: statistics.median(v) for k, v in data["floors"].items()}
    for name, (times, floor) in data["keys"].items():
        times = sorted(times)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        yield name, statistics.median(times), p95, floors[floor], FLOOR_NAMES[floor]


def run_desk(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", DESK, str(time.time()), str(path)], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    return float(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
