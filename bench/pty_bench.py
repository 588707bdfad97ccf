"""Key latency as a curator feels it: the real app in a pseudo-terminal, its output replayed
through a terminal emulator (pyte), timed from a key's bytes to the last change on screen.

    python bench/pty_bench.py [--incidents 100000] [--presses 50] [--opens 5]

Pilot's waits poll every 20 ms, so they cannot see a 2 ms update; here the clock starts when
the key's bytes are written to the terminal and stops at the last output that changed what
the emulated 120×40 screen shows (colours included), once the app has been quiet for
--quiet ms. Measured, on the case file bench/app_bench.py builds (cached in bench/out/):

- j, n, c, x, u on the review screen: p50 / p95 over --presses presses each;
- the first open of duplicates (d), articles (/) and history (h), each in a fresh process
  (--opens of them), back with esc;
- start-up to the first complete screen, against a one-widget Textual app in the same pty
  (median of --opens);
- memory: the app's resident set with the case file open, after the keys, against the
  one-widget app's.

Needs pyte (`pip install pyte`), which casefile itself does not.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

COLUMNS, LINES = 120, 40
MINIMAL = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    BINDINGS = [("j", "step", "Step")]
    n = 0
    def compose(self):
        yield Static("hello")
    def action_step(self):
        self.n += 1
        self.query_one(Static).update(f"hello {self.n}")
Minimal().run()
"""
# The checkout under test goes first on sys.path (--repo compares another one, e.g. main's).
DESK = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import casefile; from casefile.cli import main; "
        "sys.argv[0] = 'casefile'; main()")


class Terminal:
    """A child process on a pty of COLUMNS×LINES, its output fed to a pyte screen."""

    def __init__(self, argv: list[str], env: dict | None = None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                                        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS),
                                             "LINES": str(LINES), "PYTHONPATH": str(REPO), **(env or {})})
        os.close(slave)
        self.fd = master
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.signature: dict[int, tuple] = {}
        self.last_change = self.started

    def _line(self, y: int) -> tuple:
        line = self.screen.buffer[y]
        return tuple((c.data, c.fg, c.bg, c.reverse, c.bold) for c in (line[x] for x in range(COLUMNS)))

    def pump(self, quiet: float, timeout: float = 10.0) -> float:
        """Read until nothing arrives for `quiet` seconds; the time of the last screen change.

        Every chunk is read and timed first and fed to the emulator only once the app is
        quiet: pyte takes milliseconds to parse a full redraw, and parsing between reads
        would stamp the later chunks of one frame with the emulator's delay."""
        deadline = time.perf_counter() + timeout
        chunks: list[tuple[float, bytes]] = []
        while True:
            if time.perf_counter() >= deadline:
                raise TimeoutError("the app did not go quiet")
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:
                break
            chunks.append((time.perf_counter(), data))
        for at, data in chunks:
            self.stream.feed(data)
            changed = False
            for y in self.screen.dirty:
                signature = self._line(y)
                if self.signature.get(y) != signature:
                    self.signature[y] = signature
                    changed = True
            self.screen.dirty.clear()
            if changed:
                self.last_change = at
        return self.last_change

    def press(self, key: bytes, quiet: float, patience: float = 3.0) -> float:
        """Seconds from writing the key to the last screen change it caused (0 if none in
        `patience` seconds): the first change may come after a silence longer than `quiet`."""
        self.pump(quiet)
        before = self.last_change
        sent = time.perf_counter()
        os.write(self.fd, key)
        deadline = sent + patience
        while self.last_change == before and time.perf_counter() < deadline:
            self.pump(0.01, timeout=patience)
        if self.last_change == before:
            return 0.0
        return self.pump(quiet) - sent

    def press_until(self, key: bytes, words: str, quiet: float, timeout: float = 30.0) -> float:
        """As press, for a key whose work may be silent for a while (a screen's first open):
        the update is over once `words` are on screen and the app has gone quiet."""
        self.pump(quiet)
        sent = time.perf_counter()
        os.write(self.fd, key)
        deadline = sent + timeout
        while words not in self.text():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{words!r} never appeared:\n{self.text()}")
            self.pump(0.02, timeout=timeout)
        return self.pump(quiet) - sent

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, words: str, timeout: float = 60.0) -> float:
        """Seconds from the start to the last screen change once `words` are on screen and
        the app has gone quiet (the quiet wait itself is not counted)."""
        deadline = time.perf_counter() + timeout
        while words not in self.text():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{words!r} never appeared:\n{self.text()}")
            self.pump(0.05, timeout=timeout)
        return self.pump(0.3) - self.started

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, 15)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        os.close(self.fd)


def percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(t for t in times if t > 0) or [0.0]  # a press that changed nothing has no latency
    return statistics.median(times), times[min(len(times) - 1, int(round(len(times) * 0.95)) - 1)]


def desk(path: Path, keys_file: Path, repo: Path) -> Terminal:
    return Terminal([sys.executable, "-c", DESK, str(repo), "--db", str(path)], env={"CASEFILE_KEYS": str(keys_file)})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--opens", type=int, default=5)
    parser.add_argument("--quiet", type=float, default=150, help="ms without output that ends a key's update")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout whose casefile is run")
    args = parser.parse_args()
    repo = args.repo.resolve()
    quiet = args.quiet / 1000
    from bench.app_bench import build

    path = REPO / "bench" / "out" / f"app-{args.incidents}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, args.incidents)
    work = path.with_name(f"pty-{args.incidents}.db")  # the keys change it: a copy each run
    keys_file = path.with_name("no-keys.toml")

    starts, minimal_starts, opens, floor = [], [], {"d": [], "/": [], "h": []}, []
    minimal_rss = desk_rss = float("nan")
    for _ in range(args.opens):
        t = Terminal([sys.executable, "-c", MINIMAL])
        try:
            minimal_starts.append(t.wait_for("hello"))
            floor += [t.press(b"j", quiet) for _ in range(args.presses // args.opens + 1)]
            minimal_rss = t.rss_mb()
        finally:
            t.close()
        # words only the opened screen shows (the footer names every screen); one process
        # per screen, so each open is a first one
        for key, words in (("d", "Duplicate suggestions"), ("/", "all, in import order"), ("h", "newest first")):
            fresh(path, work)
            t = desk(work, keys_file, repo)
            try:
                starts.append(t.wait_for("Candidates"))
                try:
                    opens[key].append(t.press_until(key.encode(), words, quiet))
                except TimeoutError:
                    opens[key].append(float("inf"))  # shown as "> 30 s"
            finally:
                t.close()

    fresh(path, work)
    t = desk(work, keys_file, repo)
    try:
        t.wait_for("Candidates")
        latency = {}
        for key, name in (("j", "next incident (j)"), ("n", "next claim (n)"), ("c", "confirm (c)"),
                          ("x", "reject (x)"), ("u", "undo (u)")):
            latency[name] = [t.press(key.encode(), quiet) for _ in range(args.presses)]
        desk_rss = t.rss_mb()
    finally:
        t.close()

    print(f"\n{repo}: pty {COLUMNS}×{LINES}, {args.incidents:,} incidents; key bytes → last screen change "
          f"(app quiet {args.quiet:.0f} ms after); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| key | p50 | p95 | presses with no change |\n|---|---|---|---|")
    p50, p95 = percentiles(floor)
    print(f"| floor: one-widget app, j updates a label | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | "
          f"{sum(1 for x in floor if x == 0)} |")
    for name, times in latency.items():
        p50, p95 = percentiles(times)
        print(f"| {name} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | {sum(1 for x in times if x == 0)} |")
    for key, name in (("d", "first open of duplicates (d)"), ("/", "first open of articles (/)"),
                      ("h", "first open of history (h)")):
        p50, p95 = percentiles(opens[key])
        shown = [f"{x * 1000:.1f} ms" if x != float("inf") else "> 30 s" for x in (p50, p95)]
        print(f"| {name} | {shown[0]} | {shown[1]} | in {args.opens} fresh processes |")
    desk_start, minimal_start = statistics.median(starts), statistics.median(minimal_starts)
    print(f"\n| start-up to a quiet first screen (median of {len(starts)} / {len(minimal_starts)}) | casefile | one-widget app | ratio |\n"
          f"|---|---|---|---|\n| | {desk_start * 1000:.0f} ms | {minimal_start * 1000:.0f} ms | "
          f"{desk_start / minimal_start:.2f}× |")
    print(f"\n| memory (resident) | casefile, {args.incidents:,} incidents open, after the keys | one-widget app |\n"
          f"|---|---|---|\n| | {desk_rss:.0f} MB | {minimal_rss:.0f} MB |")


def fresh(path: Path, work: Path) -> None:
    import shutil

    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copy(path, work)


if __name__ == "__main__":
    main()
