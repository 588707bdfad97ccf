"""Writing briefs: safe names inside the output folder, whole files or none, no silent
overwrite, and a record of every export with its sha256."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

import pytest

from casefile.errors import StorageFault
from brief_cases import BriefCase, add_incident
from click.testing import CliRunner

from casefile.brief import BriefExists, BriefOptions, render, slugify, write_brief
from casefile.brief.command import export_cmd
from casefile.errors import InvalidInput

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def case(tmp_path):
    c = BriefCase(tmp_path / "case.db")
    add_incident(c)
    yield c
    c.close()


def brief_for(case, title="ISIS in Syria, 2025"):
    return render(case, BriefOptions(title=title, now=NOW))


@pytest.mark.parametrize("title, slug", [
    ("ISIS in Syria, 2025", "isis-in-syria-2025"),
    ("../../etc/passwd", "etc-passwd"),
    ("/absolute/path/brief", "absolute-path-brief"),
    ("C:\\Windows\\system32", "c-windows-system32"),
    ("nul\x00byte", "nul-byte"),
    ("Sayyida Zeïnab — “raid”", "sayyida-zeinab-raid"),
    ("حلب", "brief"), ("", "brief"), ("...", "brief"), (None, "brief"),
    ("word " * 40, "-".join(["word"] * 12)),
    ("a" * 200, "a" * 60),
])
def test_slug_is_lowercase_ascii_words_and_short(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["../../outside", "/tmp/abs", "..", "a/../../b", "x\x00y", "🙂" * 300,
                                   "CON", "~/.ssh/id", "a" * 5000])
def test_no_title_can_write_outside_the_folder(case, tmp_path, title):
    out = tmp_path / "exports"
    path = write_brief(case, brief_for(case, title), out)
    assert path.parent == out and path.resolve().parent == out.resolve()
    assert [p.name for p in out.iterdir()] == [path.name] and len(path.name) <= 75
    assert {p.name for p in tmp_path.iterdir()} - {"case.db-wal", "case.db-shm"} == {"case.db", "exports"}


def test_existing_brief_is_kept_without_force(case, tmp_path):
    brief = brief_for(case)
    first = write_brief(case, brief, tmp_path)
    first.write_text("edited by hand")
    with pytest.raises(BriefExists, match=f"{first}.*already exists.*--force"):
        write_brief(case, brief, tmp_path)
    assert first.read_text() == "edited by hand"
    assert write_brief(case, brief, tmp_path, force=True) == first
    assert first.read_bytes() == brief.data
    assert len(case.briefs()) == 2  # the refused attempt left no record


def test_cli_refuses_to_overwrite_and_names_the_file(case, tmp_path):
    args = ["--out", str(tmp_path / "out"), "--title", "Weekly", "--now", "2025-06-01"]
    runner = CliRunner()
    first = runner.invoke(export_cmd, args, obj={"db": str(case.path)})
    assert first.exit_code == 0, first.output
    again = runner.invoke(export_cmd, args, obj={"db": str(case.path)})
    assert again.exit_code == 1 and "weekly-2025-05-17.md already exists" in again.output
    forced = runner.invoke(export_cmd, [*args, "--force"], obj={"db": str(case.path)})
    assert forced.exit_code == 0 and forced.output.strip().endswith("weekly-2025-05-17.md")


def test_a_failed_write_leaves_no_file_no_temp_and_no_record(case, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(StorageFault, match="disk full"):
        write_brief(case, brief_for(case), tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []
    assert case.briefs() == []


def test_a_failed_rename_leaves_no_temp_file(case, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("rename failed")))
    brief = brief_for(case)
    path = write_brief(case, brief, tmp_path)  # a new file goes in with a hard link, not a rename
    with pytest.raises(StorageFault, match="rename failed"):
        write_brief(case, brief, tmp_path, force=True)
    assert sorted(p.name for p in tmp_path.glob("*.md*")) == [path.name]
    assert not list(tmp_path.glob(".*.tmp")) and path.read_bytes() == brief.data


def test_a_symlink_out_of_the_folder_is_refused(case, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("not yours")
    out = tmp_path / "exports"
    out.mkdir()
    brief = brief_for(case)
    (out / brief.filename).symlink_to(outside)
    with pytest.raises(InvalidInput, match="outside"):
        write_brief(case, brief, out, force=True)
    assert outside.read_text() == "not yours"


def test_output_folder_that_is_a_file_is_a_clear_error(case, tmp_path):
    (tmp_path / "exports").write_text("a file")
    with pytest.raises(InvalidInput, match="not a folder"):
        write_brief(case, brief_for(case), tmp_path / "exports")


def test_each_export_is_recorded_with_the_file_sha256_and_filter(case, tmp_path):
    result = CliRunner().invoke(export_cmd, ["--out", str(tmp_path), "--place", "Aleppo", "--now", "2025-06-01"],
                                obj={"db": str(case.path)})
    assert result.exit_code == 0, result.output
    path = tmp_path / "incident-brief-2025-05-17.md"
    (record,) = case.briefs()
    assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record["path"] == str(path.resolve()) and record["title"] == "Incident brief"
    assert record["filter"] == {"status": "confirmed", "since": None, "until": None, "place": "Aleppo",
                                "actor": None}
    assert record["incidents"] == 1 and record["generated_at"] == "2025-06-01T00:00:00+00:00"
    row = case.db.conn.execute("SELECT filter FROM briefs").fetchone()[0]
    assert json.loads(row)["place"] == "Aleppo"


def test_the_brief_package_never_imports_textual_or_rich():
    import subprocess
    import sys

    code = ("import casefile.brief, casefile.brief.command, casefile.store.briefs, sys; "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""
