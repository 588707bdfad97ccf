"""Render the seed case's brief in a real browser: headless Chromium, to a PNG (and a PDF, which
uses the print stylesheet).

    python bench/brief_render.py [--out DIR] [--chromium /usr/bin/chromium] [--height 1600]

The seed case is curated as the desk issue's done-when has it (`curate_seed_case`): the three
Aleppo reports merged, confirmed, a figure edited, a note added, a span attached. The brief
(every incident, `--status all`) is written as Markdown and as HTML; Chromium runs without the
network or a profile, and the script prints what it wrote, the sizes and the times.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOW = "2026-12-03T09:00:00Z"
NOTE = "Two sources place the raid in different districts of Aleppo: Haidariya and Jazmatiyeh."
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def curate_seed_case(db: Path) -> int:
    """Import the seeds into `db` and curate them; return the Aleppo raid's id."""
    from casefile.curate import Curator, attach_claim
    from casefile.demo import seed_files
    from casefile.pipeline import import_paths
    from casefile.store import CaseFile

    with CaseFile(db) as case:
        import_paths(case, seed_files())
        curator = Curator(case, "analyst", clock=lambda: NOW.replace("Z", "+00:00"))  # the same brief any day
        aleppo = sorted(i.id for i in case.incidents() if i.location and "Aleppo" in i.location
                        and i.sub_event_type == "Armed clash")
        target, *others = aleppo
        curator.merge(target, others)
        curator.confirm(target)
        curator.edit(target, "arrested", "4")
        curator.annotate(target, NOTE)
        # One report calls the cell "jihadists" (no actor claim there): attach those words as the actor.
        article = next(a for a in case.incident(target).article_ids
                       if "jihadists" in case.article(a).body)
        body = case.article(article).body
        start = body.index("jihadists")
        attach_claim(curator, target, article, start, start + len("jihadists"), "actor", "Islamic State (IS)")
        case.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return target


def export(db: Path, out: Path, fmt: str) -> Path:
    from click.testing import CliRunner

    from casefile.cli import main

    result = CliRunner().invoke(main, ["--db", str(db), "export", "--status", "all", "--now", NOW, "--force",
                                       "--format", fmt, "--out", str(out)], catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"export failed: {result.output}")
    return Path(result.output.strip())


def chromium(binary: str, page: Path, *args: str, timeout: float = 120) -> float:
    """Run headless Chromium on a local file; return the seconds it took."""
    with tempfile.TemporaryDirectory(prefix="brief-chromium-") as profile:
        started = time.perf_counter()
        subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=timeout)
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/out/brief"), help="folder for the files")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF (print stylesheet)")
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}: apt-get install -y chromium", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="brief-seed-") as tmp:
        db = Path(tmp) / "seed.db"
        started = time.perf_counter()
        raid = curate_seed_case(db)
        curated = time.perf_counter() - started
        started = time.perf_counter()
        markdown = export(db, args.out, "md")
        page = export(db, args.out, "html")
        exported = time.perf_counter() - started
    png = args.out / "brief.png"
    shot = chromium(args.chromium, page, f"--screenshot={png.resolve()}", f"--window-size={args.width},{args.height}")
    print(f"seed case curated (raid #{raid}) in {curated:.2f} s; Markdown and HTML exported in {exported:.2f} s")
    print(f"{markdown}  {markdown.stat().st_size:,} bytes")
    print(f"{page}  {page.stat().st_size:,} bytes")
    print(f"{png}  {png.stat().st_size:,} bytes, {args.width}×{args.height}, Chromium {shot:.2f} s")
    if not args.no_pdf:
        pdf = args.out / "brief.pdf"
        took = chromium(args.chromium, page, f"--print-to-pdf={pdf.resolve()}", "--no-pdf-header-footer")
        pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
        print(f"{pdf}  {pdf.stat().st_size:,} bytes, {pages} A4 pages, Chromium {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
