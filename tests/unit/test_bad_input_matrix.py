"""The bad-input matrix: every class of bad file, hostile text and fault of the case file,
run through the real command line in its own process. Each asserts the exit code, the named
reason, no traceback, the good files beside the bad ones imported, and the case file unchanged
where nothing should change.

Permissions: root reads and writes anything, so when the suite runs as root the command is
run without the capabilities that let it (setpriv drops CAP_DAC_OVERRIDE), and read-only
mounts stand in where a file must be read-only to this very process.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, SEEDS, ReadOnly

GOOD = "Raid in Hama\nSecurity forces killed two militants in a raid in Hama on Monday.\n"
ROOT = os.geteuid() == 0


def run_cli(db: Path, *args, unprivileged: bool = False, timeout: float = 60, fsize: int | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "casefile", "--db", str(db), *map(str, args)]
    if unprivileged and ROOT:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot drop the permission override")
        cmd = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *cmd]

    def limits():
        if fsize is not None:  # a disk that fills up: writes past this size fail (EFBIG)
            import resource

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=db.parent,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
                          preexec_fn=limits if fsize is not None else None)


def clean(result: subprocess.CompletedProcess) -> str:
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert "\x1b" not in out and "\x9b" not in out, "no escape sequence reaches the terminal"
    return out


def table_counts(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "incidents", "claims", "audit_log", "articles_fts")}
    finally:
        conn.close()


def dump_db(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("articles", "incidents", "claims", "annotations", "audit_log", "judgements")}
    finally:
        conn.close()


# -- bad files beside good ones ------------------------------------------------------------
def _fifo(folder: Path):
    os.mkfifo(folder / "pipe.txt")
    return [folder], "pipe.txt", "not a regular file (a named pipe)"


def _unreadable_subfolder(folder: Path):
    sub = folder / "locked"
    sub.mkdir()
    (sub / "inside.txt").write_text(GOOD.replace("Hama", "Homs"))
    sub.chmod(0)
    return [folder], "locked", "cannot read this folder (permission denied)"


def _unreadable_file_named(folder: Path):
    bad = folder / "secret.txt"
    bad.write_text(GOOD.replace("Hama", "Idlib"))
    bad.chmod(0)
    return [folder / "good.txt", bad], "secret.txt", "cannot read: permission denied"


def _symlink_loop(folder: Path):
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return [folder / "good.txt", folder / "loop.txt"], "loop.txt", "symbolic link loop"


def _empty_path(folder: Path):
    return [folder / "good.txt", ""], "''", "empty path"


def _deep_json(folder: Path):
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    return [folder], "deep.json", "nested too deeply"


def _huge_integer(folder: Path):
    (folder / "number.json").write_text('{"body": "x", "killed": ' + "9" * 5000 + "}")
    return [folder], "number.json", "more than 4,300 digits"


def _lone_surrogate(folder: Path):
    (folder / "surrogate.json").write_text('{"title": "T", "body": "text \\ud800 here"}')
    return [folder], "surrogate.json", "lone surrogate"


def _escape_in_csv_header(folder: Path):
    (folder / "title.csv").write_text("\x1b]0;pwned\x07title,\x1b]52;c;ZXZpbA==\x07url\nT,https://x.org\n")
    return [folder], "title.csv", "no body or text column"


BAD_FILES = {
    "named pipe": (_fifo, False),
    "unreadable subfolder": (_unreadable_subfolder, True),
    "unreadable file named": (_unreadable_file_named, True),
    "symlink loop named": (_symlink_loop, False),
    "empty path": (_empty_path, False),
    "JSON nested 100k deep": (_deep_json, False),
    "JSON integer of 5,000 digits": (_huge_integer, False),
    "JSON lone surrogate": (_lone_surrogate, False),
    "CSV header with escape sequences": (_escape_in_csv_header, False),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_named_and_the_good_ones_still_land(tmp_path, case):
    make, unprivileged = BAD_FILES[case]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    tmp_path.chmod(0o755)
    paths, name, reason = make(folder)
    db = tmp_path / "case.db"
    # Extraction plays no part here (--no-extract spares loading the gazetteer in each process).
    result = run_cli(db, "import", "--json", "--no-extract", *paths, unprivileged=unprivileged, timeout=60)
    clean(result)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["imported"] == 1 and report["stopped"] is None
    errors = [f["error"] for f in report["failed"] if f["path"].endswith(name)]
    assert errors and reason in errors[0], report["failed"]
    if case == "CSV header with escape sequences":  # the line a terminal shows
        text = run_cli(db, "import", "--no-extract", *paths, unprivileged=unprivileged)
        assert reason in clean(text) and name in text.stderr


@pytest.mark.parametrize("line, reason", [
    ("[" * 100_000, "nested too deeply"),
    ('{"body": "x", "n": ' + "1" * 5000 + "}", "more than 4,300 digits"),
    ('{"body": "a \\udc00 b"}', "lone surrogate"),
], ids=["deep", "long integer", "lone surrogate"])
def test_a_bad_json_line_is_that_lines_failure(tmp_path, line, reason):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([json.dumps({"title": "A", "body": GOOD}), line,
                               json.dumps({"title": "B", "body": GOOD.replace("Hama", "Homs")})]) + "\n")
    result = run_cli(tmp_path / "case.db", "import", "--json", "--no-extract", feed)
    clean(result)
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["imported"] == 2
    assert [f["error"].split(":")[0] for f in report["failed"]] == ["line 2"]
    assert reason in report["failed"][0]["error"]


@pytest.mark.parametrize("form", ["jsonl", "csv"])
def test_the_size_limit_applies_to_each_record_of_a_feed(tmp_path, form):
    records = [{"title": f"Report {k}", "body": f"Report {k}. " + "Forces raided a cell in Hama. " * 30}
               for k in range(300)]
    records.append({"title": "Huge", "body": "Long text. " * 20_000})  # 220 KB: over 100 KB
    feed = tmp_path / f"feed.{form}"
    if form == "jsonl":
        feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    else:
        import csv

        with feed.open("w", newline="") as f:
            writer = csv.DictWriter(f, ["title", "body"])
            writer.writeheader()
            writer.writerows(records)
    assert feed.stat().st_size > 400_000  # the whole feed is well over the limit
    result = run_cli(tmp_path / "case.db", "import", "--json", "--no-extract", "--max-size", "100KB", feed)
    clean(result)
    report = json.loads(result.stdout)
    assert report["imported"] == 300 and result.returncode == 1
    (failure,) = report["failed"]
    assert "over the 100 KB limit for one article" in failure["error"]
    too_big = tmp_path / "bigger.jsonl"
    too_big.write_bytes(feed.read_bytes() * 8)  # over 20x the limit: the feed file is refused
    result = run_cli(tmp_path / "case.db", "import", "--json", "--no-extract", "--max-size", "100KB", too_big)
    clean(result)
    assert "feed file is" in json.loads(result.stdout)["failed"][0]["error"]


# -- outside text on the command line ----------------------------------------------------------
@pytest.mark.parametrize("args, shown", [
    (["edit", 1, "summary", "calm \x1b]0;pwned\x07 day \x1b]52;c;ZXZpbA==\x07"], "summary set to calm"),
    (["edit", 1, "killed", "\x1b[31mmany"], "must be a whole number"),
    (["annotate", 1, "\u200b\u2060\ufeff "], "an annotation needs some text"),
    (["search", '"'], "No article matches"),
    (["show", "\x1b]0;x\x07"], "is not a valid integer"),
], ids=["edit summary echo", "edit killed error", "invisible annotation", "search a lone quote",
        "click's own error"])
def test_outside_text_on_the_command_line_is_cleaned_and_clear(tmp_path, args, shown):
    db = tmp_path / "case.db"
    assert run_cli(db, "import", SEEDS).returncode == 0
    before = dump_db(db)
    result = run_cli(db, *args)
    out = clean(result)
    assert shown in out
    if args[0] != "edit" or args[2] != "summary":
        assert dump_db(db) == before  # refused or read-only: nothing changed
    else:
        assert "\x1b" not in json.loads(run_cli(db, "show", 1, "--json").stdout)["summary"]


# -- faults of the case file ------------------------------------------------------------------
@pytest.fixture
def seeded_db(tmp_path, seeded_template):
    folder = tmp_path / "files"
    folder.mkdir()
    db = folder / "case.db"
    shutil.copy(seeded_template, db)
    return db


def test_a_read_only_case_file_is_read_and_writes_are_refused_by_name(seeded_db, tmp_path):
    extra = tmp_path / "more.txt"
    extra.write_text(GOOD)
    before = dump_db(seeded_db)
    with ReadOnly(seeded_db):
        listed = run_cli(seeded_db, "articles", "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 5
        for args in (["confirm", 1], ["import", extra], ["undo"]):
            result = run_cli(seeded_db, *args)
            out = clean(result)
            assert result.returncode == 1 and "case.db is read-only" in out and "writable" in out, out
    assert dump_db(seeded_db) == before


def test_a_read_only_folder_is_read_and_writes_are_refused_by_name(seeded_db):
    before = dump_db(seeded_db)
    for leftover in seeded_db.parent.glob("case.db-*"):
        leftover.unlink()
    with ReadOnly(seeded_db.parent):
        listed = run_cli(seeded_db, "articles", "--json")
        clean(listed)
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 5
        result = run_cli(seeded_db, "confirm", 1)
        out = clean(result)
        assert result.returncode == 1 and "folder" in out and "read-only" in out
        assert "not a SQLite database" not in out
        fresh = run_cli(seeded_db.parent / "new.db", "articles")
        assert fresh.returncode == 1 and "is read-only" in clean(fresh)
    assert dump_db(seeded_db) == before


def test_a_read_only_export_folder_is_one_clear_line(seeded_db, tmp_path):
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    assert run_cli(seeded_db, "confirm", 1).returncode == 0
    before = dump_db(seeded_db)
    with ReadOnly(out_dir):
        result = run_cli(seeded_db, "export", "--out", out_dir)
    out = clean(result)
    assert result.returncode == 1 and f"cannot write the brief into {out_dir}" in out
    assert dump_db(seeded_db) == before and list(out_dir.iterdir()) == []


def test_a_full_disk_stops_the_import_and_reports_what_was_stored(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(900):
        (folder / f"a{k:04d}.txt").write_text(
            f"Report {k}\n" + " ".join(f"w{k}x{j}" for j in range(300)) + "\n")
    db = tmp_path / "case.db"
    assert run_cli(db, "articles").returncode == 0  # the empty case file exists
    result = run_cli(db, "import", "--json", "--no-extract", folder, fsize=3_000_000, timeout=120)
    clean(result)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["stopped"] and "case.db" in report["stopped"] and "not stored" in report["stopped"]
    stored = table_counts(db)
    assert 0 < report["imported"] < 900
    assert stored["articles"] == report["imported"] == stored["articles_fts"]
    assert report["imported"] + report["not_stored"] == 900
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    text = run_cli(db, "import", "--no-extract", folder, fsize=3_000_000, timeout=120)
    assert "stopped:" in clean(text) and "read but not stored" in text.stdout


def test_a_damaged_page_is_named_and_writes_are_refused(seeded_db):
    conn = sqlite3.connect(seeded_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with seeded_db.open("r+b") as f:  # scribble over the articles table's root page
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xff\x13" * 200)
    before = seeded_db.read_bytes()
    for args in (["articles"], ["confirm", 1], ["import", SEEDS]):
        result = run_cli(seeded_db, *args)
        out = clean(result)
        assert result.returncode == 1 and "case.db is damaged" in out and ".recover" in out, out
    assert seeded_db.read_bytes() == before


def test_a_lock_held_past_the_timeout_is_one_clear_line(seeded_db):
    holder = sqlite3.connect(seeded_db)
    holder.execute("BEGIN IMMEDIATE")
    before_mark = None
    try:
        result = run_cli(seeded_db, "confirm", 1, env={"CASEFILE_BUSY_TIMEOUT": "0.3"})
        before_mark = holder.execute("SELECT status FROM incidents WHERE id = 1").fetchone()[0]
    finally:
        holder.rollback()
        holder.close()
    out = clean(result)
    assert result.returncode == 1 and "case.db is busy" in out and "try again" in out
    assert before_mark == "candidate"
