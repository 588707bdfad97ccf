"""The seed case after the desk's scripted curation (merge the three Aleppo reports, confirm,
edit a figure, annotate, attach a span): the brief, byte for byte, and every statement in it
checked against `casefile show` for the same incident.

Regenerate the golden file after an intended change with CASEFILE_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief_cases import parse
from casefile.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from brief_render import NOTE, NOW, curate_seed_case  # noqa: E402

GOLDEN = Path(__file__).with_name("golden") / "seed_brief.md"


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("golden")
    db = folder / "seed.db"
    raid = curate_seed_case(db)
    runner = CliRunner()

    def cli(*args):
        result = runner.invoke(main, ["--db", str(db), *map(str, args)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    out = Path(cli("export", "--status", "all", "--now", NOW, "--out", folder / "exports").strip())
    return raid, out.read_text("utf-8"), cli


def test_the_seed_brief_is_the_golden_one(curated):
    _raid, text, _cli = curated
    if os.environ.get("CASEFILE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, "utf-8")
    assert text == GOLDEN.read_text("utf-8")


def _section(text: str, incident_id: int) -> str:
    return text.split(f"\n### #{incident_id} ", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]


def test_every_incident_is_cited_by_its_case_file_id(curated):
    _raid, text, cli = curated
    ids = {i["id"] for i in json.loads(cli("incidents", "--json"))}
    p = parse(text)
    assert {int(r[0].lstrip("#")) for r in p.rows} == ids
    assert {int(re.match(r"#(\d+) ", h)[1]) for h in p.h(3)} == ids
    timeline = p.fences[0][1]
    dated = {i["id"] for i in json.loads(cli("incidents", "--json")) if i["date_start"]}
    assert {int(n) for n in re.findall(r" : #(\d+) ", timeline)} == dated
    assert not re.search(r"\bincident \d+\b", text)  # never a number of the brief's own


def test_every_statement_matches_casefile_show(curated):
    _raid, text, cli = curated
    rows = {int(r[0].lstrip("#")): r for r in parse(text).rows}
    for incident_id, row in rows.items():
        shown = json.loads(cli("show", incident_id, "--json"))
        section = _section(text, incident_id)
        assert row[2] == (shown["location"] or shown["admin1"] or shown["country"] or "—")
        assert row[1].startswith(shown["date_start"] or "unknown")
        for k, name in ((5, "killed"), (6, "wounded"), (7, "arrested")):
            r = shown[name]
            best = "—" if r["best"] is None else str(r["best"])
            assert re.fullmatch(rf"(?:at least )?{best}(?: \({r['low']}–{r['high']}\))?", row[k]), (incident_id, name)
            if r["best"] is not None:
                assert re.search(rf"{name.capitalize()}: (?:at least )?{r['best']}\b", section)
        # The summary is the one `show` prints, word for word.
        assert shown["summary"].rstrip(".") in section.replace("\\", "")
        # A dispute the desk shows is a dispute the brief states, and the other way round.
        assert (row[9] == "yes") == shown["disputed"] == ("**Conflicting reports.**" in section)
        for field, word in (("place", "place"), ("type", "kind of event"), ("date", "date"), ("actors", "actors")):
            assert (f"{field}: " in (shown["dispute_note"] or "")) == (f"Sources disagree on the {word}." in section)


def test_the_curated_raid_reads_as_the_desk_shows_it(curated):
    raid, text, cli = curated
    shown = json.loads(cli("show", raid, "--json"))
    section = _section(text, raid)
    # The edited figure: the summary states it, never the figure it replaced.
    assert shown["arrested"]["best"] == 4 and "4 militants arrested" in shown["summary"]
    assert "at least 3 militants arrested" not in shown["summary"] and "at least 3 militants arrested" not in section
    assert "The best figure, 4, was set by an analyst" not in section  # arrested is not disputed: no rule needed
    assert "- An analyst set the number arrested to 4." in section
    # The two districts, who said which, and the rule that kept one.
    assert "Sources disagree on the place." in section
    assert "Haidariya, Aleppo (“Haidariya district”)" in section and "Jazmatiyeh, Aleppo (“Jazmatiyeh district”)" in section
    assert "The brief gives Haidariya, Aleppo: the most precise source" in section
    assert "kept Haidariya, Aleppo: the most precise source" in shown["dispute_note"]
    (place,) = shown["disputes"]
    assert place["field"] == "place" and place["chosen"] == "Haidariya, Aleppo" and place["rule"] == "most_precise"
    assert [a["value"] for a in place["accounts"]] == ["Haidariya, Aleppo", "Aleppo", "Jazmatiyeh, Aleppo"]
    assert place["accounts"][2]["quotes"] == ["Jazmatiyeh district"] and place["tied"] == ["Jazmatiyeh, Aleppo"]
    # The note, labelled as analysis; the attached span quoted under its source.
    assert NOTE in section
    assert re.search(r"^- .*[Aa]ctor: Islamic State \(IS\) \(attached by an analyst\)\n  > .*\*\*jihadists\*\*", section,
                     re.M)
    assert "An analyst set the actor" not in section
    # The outlet the text names as its publisher.
    assert "**The National**[^" in section
