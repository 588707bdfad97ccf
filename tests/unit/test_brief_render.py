"""The Markdown brief: what it says, parsed back; the seed case as an analyst would send it;
filters, the previous period, determinism and the empty selection."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from brief_cases import H2, BriefCase, add_incident, front_matter, parse
from click.testing import CliRunner

from casefile import __version__
from casefile.brief import BriefOptions, EmptyBrief, render
from casefile.brief.command import export_cmd
from casefile.curate import Curator
from casefile.errors import InvalidInput

NOW = "2025-06-01T09:00:00Z"


def export(db, *args, env=None):
    return CliRunner().invoke(export_cmd, [*map(str, args)], obj={"db": str(db)}, env=env)


@pytest.fixture
def case():
    c = BriefCase(":memory:")
    yield c
    c.close()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seeded_template):
    """The seeds curated as the issue says: the Aleppo reports merged, confirmed, annotated."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    shutil.copy(seeded_template, path)
    with BriefCase(path) as c:
        curator = Curator(c, "analyst")
        aleppo = sorted(i.id for i in c.incidents() if i.location and "Aleppo" in i.location
                        and i.sub_event_type == "Armed clash")
        target, *others = aleppo
        curator.merge(target, others)
        curator.confirm(target)
        curator.annotate(target, "The ministry's toll leaves out the two attackers the Observatory counts.")
        bombing = next(i.id for i in c.incidents() if i.sub_event_type == "Suicide bomb")
        curator.confirm(bombing)
        raid = next(i.id for i in c.incidents() if i.location and "Muadamiyat" in i.location)
        curator.link(raid, target, "follow_up")
    return path, target


# -- the seed case: the done-when ------------------------------------------------------------------
def test_seed_brief_quotes_the_aleppo_raid_and_spells_out_the_disagreement(seed_db, tmp_path):
    db, aleppo = seed_db
    result = export(db, "--out", tmp_path / "exports", "--title", "ISIS in Syria, 2025", "--now", NOW)
    assert result.exit_code == 0, result.output
    path = tmp_path / "exports" / "isis-in-syria-2025-2025-05-17.md"
    assert result.output.strip() == str(path)
    text = path.read_text("utf-8")
    p = parse(text)
    assert p.h(1) == ["ISIS in Syria, 2025"] and p.h(2) == H2
    # Confirmed only: the raid (once, with its three sources) and the bombing.
    assert len(p.rows) == 2 and sum("Haidariya" in r[2] for r in p.rows) == 1
    raid = next(r for r in p.rows if "Haidariya" in r[2])
    assert raid[1] == "2025-05-17" and raid[5] == "4 (4–5)" and raid[8] == "3" and raid[9] == "yes"
    assert [h for h in p.h(3) if "Haidariya" in h] == [f"#{aleppo} Armed clash in Haidariya, Aleppo — 17 May 2025"]
    section = text.split(f"### #{aleppo} ", 1)[1].split("\n### ", 1)[0]
    heads = re.findall(r"^\*\*([^*]+)\*\*\[\^(\d+)\] · ", section, re.M)  # each source headed and quoted
    assert [h[0] for h in heads] == ["Outlet not recorded", "Outlet not recorded", "The National"]
    for words in ("**killed three ISIL (ISIS) fighters**", "**death toll included five individuals**",
                  "**one security personnel and three ISIS members were killed**"):
        assert re.search(rf"^  > .*{re.escape(words)}", section, re.M), words
    conflict = section.split("**Conflicting reports.**", 1)[1].split("**Claims by source**", 1)[0]
    assert [line[:30] for line in conflict.split("\n") if line] == ["- Sources disagree on the numb",
                                                                    "- Sources disagree on the plac"]
    a, b, c = (f"[^{n}]" for _, n in heads)
    assert f"Interior Ministry{a}{b}{c}: 4 killed (3 militants and 1 security-force member)" in conflict
    assert f"Syrian Observatory for Human Rights{b}: 5 killed (3 militants and 2 security-force members)" in conflict
    assert "Sources disagree on the place." in conflict and "Jazmatiyeh, Aleppo (“Jazmatiyeh district”)" in conflict
    assert "most conservative report (ACLED's rule)" in conflict and "from 4 to 5" in conflict
    assert "**Analysis** *(the analysts' assessment" in section and "leaves out the two attackers" in section
    assert re.search(r"Followed up by #\d+, .*\(unconfirmed; not in this brief\)", section)  # not shown
    assert len(p.sources) == 4 and p.sources[int(a[2:-1]) - 1].startswith("Outlet not recorded, “Syrian security forces")
    meta = front_matter(p.front_matter)
    assert meta["title"] == "ISIS in Syria, 2025" and meta["casefile_version"] == __version__
    assert meta["counts"]["incidents"] == 2 and meta["counts"]["excluded"]["merged"] == 2
    assert meta["totals"]["killed"] == {"low": 29, "best": 29, "high": 30}


def test_seed_brief_with_every_incident_still_shows_the_raid_once(seed_db, tmp_path):
    db, aleppo = seed_db
    assert export(db, "--out", tmp_path, "--status", "all", "--now", NOW).exit_code == 0
    (path,) = tmp_path.glob("*.md")
    p = parse(path.read_text("utf-8"))
    assert sum("Haidariya" in r[2] for r in p.rows) == 1
    assert len(p.rows) == len(p.h(3)) == 12
    assert p.header[-1] == "Status" and {r[-1] for r in p.rows} == {"confirmed", "unconfirmed"}
    assert f"Follow-up to #{aleppo}, the armed clash in Haidariya" in p.text  # the follow-up link, both shown


# -- structure ------------------------------------------------------------------------------------
def test_brief_parses_back_with_headings_rows_sources_and_front_matter(case):
    add_incident(case, date="2025-05-10", location="Deir ez-Zor", admin1="Deir ez-Zor", killed=2)
    add_incident(case, date="2025-05-01", date_end="2025-05-31", precision="month", killed=None,
                 url="https://example.org/a?b=1&c=(2)")
    add_incident(case, date=None, location="Raqqa", admin1="Raqqa", url=None, outlet=None, published=None)
    add_incident(case, date="2025-05-12", status="candidate")  # not confirmed: left out
    brief = render(case, BriefOptions(title="May brief", now=dt.datetime(2025, 6, 1)))
    p = parse(brief.markdown)
    assert brief.incidents == 3 and len(p.rows) == 3 and len(p.h(3)) == 3
    assert p.header == ["ID", "Date", "Place", "Type", "Actors", "Killed", "Wounded", "Arrested", "Sources",
                        "Disputed"]
    assert [r[1] for r in p.rows] == ["2025-05 (month)", "2025-05-10", "unknown"]  # by date, undated last
    assert p.h(1) == ["May brief"] and p.h(2) == H2
    assert not p.html
    assert p.links == ["https://example.org/a?b=1&c=(2)", "https://example.org/raid"]
    # Sources numbered in order of first citation, every citation resolves, every source cited.
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", "\n".join(p.texts))}
    assert len(p.sources) == 3 and cited == {1, 2, 3}
    refs = [c for t in p.tokens if t.type == "inline" for c in t.children or [] if c.type == "footnote_ref"]
    assert all(int(c.meta["label"]) == c.meta["id"] + 1 for c in refs)  # the labels are the numbers shown
    assert any(s.startswith("Outlet not recorded, “Raid in Aleppo”, publication date not stated.") for s in p.sources)
    meta = front_matter(p.front_matter)
    assert meta["period"] == {"start": "2025-05-01", "end": "2025-05-31"}
    assert meta["generated_at"] == "2025-06-01T00:00:00+00:00"
    assert meta["filter"] == {"status": "confirmed", "since": None, "until": None, "place": None, "actor": None}
    assert meta["counts"]["incidents"] == 3 and meta["counts"]["excluded"]["unconfirmed"] == 1
    assert meta["totals"]["killed"] == {"low": 5, "best": 5, "high": 5} and meta["totals"]["wounded"] is None
    assert brief.filename == "may-brief-2025-05-31.md"
    (fence,) = p.fences
    assert fence[0] == "mermaid" and fence[1].startswith("timeline\n")
    assert "1 undated incident is not shown" in p.text


def test_front_matter_is_yaml(case):
    yaml = pytest.importorskip("yaml")
    add_incident(case, title='A "quoted" title: with # and \\ and \u2028')
    brief = render(case, BriefOptions(title='Brief: "x" # y \\ z\n---\n', now=dt.datetime(2025, 6, 1)))
    meta = yaml.safe_load(parse(brief.markdown).front_matter)
    assert meta["title"] == 'Brief: "x" # y \\ z ---' and meta["counts"]["incidents"] == 1


def test_overview_gives_totals_as_ranges_and_names_the_disagreement(case):
    from casefile.model import ClaimDraft

    monitor = ClaimDraft(field="killed", value="5", value_num=5, qualifier="exact", party="militant",
                         attributed_to="Syrian Observatory for Human Rights", start=0, end=9, quote="Officials")
    first = add_incident(case, killed=4, quote="killed four", lead="Officials said forces ", tail=".",
                         extra_claims=[monitor])
    add_incident(case, killed=5, date="2025-05-20", location="Homs", admin1="Homs")
    p = parse(render(case, BriefOptions(now=dt.datetime(2025, 6, 1))).markdown)
    assert "Together the sources report at least 9 and up to 10 killed." in p.text
    assert (f"Sources disagree on #{first}, the armed clash in Aleppo on 17 May 2025: 5 killed according to "
            "the Syrian Observatory for Human Rights, 4 according to the Interior Ministry.") in p.text


def test_analyst_edit_is_labelled_and_named_as_the_rule(case):
    from casefile.model import ClaimDraft

    # Two outlets disagree; an analyst sets the best figure.
    lead = "Officials said forces "
    other = ClaimDraft(field="killed", value="7", value_num=7, qualifier="exact", party="militant",
                       attributed_to="Syrian Observatory for Human Rights", start=0, end=len(lead.strip()),
                       quote=lead.strip())
    incident = add_incident(case, killed=4, lead=lead, extra_claims=[other])
    Curator(case, "analyst").edit(incident, "killed", "6")
    text = render(case, BriefOptions(now=dt.datetime(2025, 6, 1))).markdown
    assert "The best figure, 6, was set by an analyst" in text
    assert "- An analyst set the number killed to 6." in text


# -- determinism ------------------------------------------------------------------------------------
def test_two_exports_are_byte_identical(seed_db, tmp_path):
    db, _ = seed_db
    for out in ("a", "b"):
        assert export(db, "--out", tmp_path / out, "--status", "all", "--now", NOW).exit_code == 0
    (a,), (b,) = (list((tmp_path / d).glob("*.md")) for d in "ab")
    assert a.name == b.name and a.read_bytes() == b.read_bytes()


def test_generation_time_comes_from_now_then_source_date_epoch_then_the_clock(case):
    add_incident(case)
    pinned = render(case, BriefOptions(now=dt.datetime(2025, 6, 1, 12, 30, 15, 999, tzinfo=dt.timezone.utc)))
    assert pinned.generated_at == "2025-06-01T12:30:15+00:00"
    assert BriefOptions().generated_at({"SOURCE_DATE_EPOCH": "1748779200"}).isoformat() == "2025-06-01T12:00:00+00:00"
    now = BriefOptions().generated_at({})
    assert now.tzinfo == dt.timezone.utc and now.microsecond == 0
    with pytest.raises(InvalidInput):
        BriefOptions().generated_at({"SOURCE_DATE_EPOCH": "yesterday"})


def test_source_date_epoch_pins_the_cli_export(seed_db, tmp_path):
    db, _ = seed_db
    env = {"SOURCE_DATE_EPOCH": "1748779200"}
    assert export(db, "--out", tmp_path / "a", env=env).exit_code == 0
    assert export(db, "--out", tmp_path / "b", env=env).exit_code == 0
    (a,), (b,) = (list((tmp_path / d).glob("*.md")) for d in "ab")
    assert a.read_bytes() == b.read_bytes() and 'generated_at: "2025-06-01T12:00:00+00:00"' in a.read_text()


# -- empty selection ---------------------------------------------------------------------------------
def test_empty_selection_says_why_and_writes_nothing(seed_db, tmp_path):
    db, _ = seed_db
    result = export(db, "--out", tmp_path / "out", "--place", "Mosul", "--now", NOW)
    assert result.exit_code == 1
    assert "no incidents match (status confirmed, place Mosul): no brief written" in result.output
    assert not (tmp_path / "out").exists()
    result = export(db, "--out", tmp_path / "out", "--since", "2024-01", "--until", "2024-02", "--now", NOW)
    assert result.exit_code == 1 and not (tmp_path / "out").exists()


def test_empty_brief_hints_at_unconfirmed_incidents(case):
    add_incident(case, status="candidate")
    with pytest.raises(EmptyBrief, match=r"1 unconfirmed candidate incident matches: confirm it, or include unconfirmed incidents \(--status all\)"):
        render(case, BriefOptions())


# -- filters -----------------------------------------------------------------------------------------
@pytest.fixture
def spread(case):
    ids = {
        "april": add_incident(case, date="2025-04-20", location="Homs", admin1="Homs"),
        "may": add_incident(case, date="2025-05-03", location="Haidariya, Aleppo", admin1="Aleppo"),
        "month": add_incident(case, date="2025-05-01", date_end="2025-05-31", precision="month",
                              location="Sayyida Zeinab", admin1="Rif Dimashq",
                              actor1="US forces / coalition", actor2=None),
        "june": add_incident(case, date="2025-06-02", location="Zeïnabiya", admin1="Rif Dimashq", country="Syria"),
        "undated": add_incident(case, date=None, location="Mosul", admin1="Nineveh", country="Iraq"),
        "candidate": add_incident(case, date="2025-05-04", status="candidate"),
        "rejected": add_incident(case, date="2025-05-05", status="rejected"),
    }
    return case, ids


def ids_of(incidents):
    return {i.id for i in incidents}


def test_period_filter_takes_incidents_whose_dates_overlap_it(spread):
    case, ids = spread
    may = ids_of(case.brief_incidents("confirmed", "2025-05-01", "2025-05-31"))
    assert may == {ids["may"], ids["month"]}
    assert ids_of(case.brief_incidents("confirmed", "2025-05-20", None)) == {ids["month"], ids["june"]}
    assert ids_of(case.brief_incidents("confirmed", None, "2025-04-30")) == {ids["april"]}
    everything = ids_of(case.brief_incidents("confirmed"))
    assert ids["undated"] in everything and ids["candidate"] not in everything


def test_status_all_is_confirmed_and_candidates_never_rejected_or_merged(spread):
    case, ids = spread
    got = ids_of(case.brief_incidents("all"))
    assert ids["candidate"] in got and ids["rejected"] not in got
    with pytest.raises(InvalidInput):
        case.brief_incidents("rejected")


def test_place_and_actor_match_whole_words_ignoring_case_and_accents(spread):
    case, ids = spread
    assert ids_of(case.brief_incidents("confirmed", place="aleppo")) == {ids["may"]}  # admin1 and location
    assert ids_of(case.brief_incidents("confirmed", place="haidariya")) == {ids["may"]}
    assert ids_of(case.brief_incidents("confirmed", place="rif dimashq")) == {ids["month"], ids["june"]}
    assert ids_of(case.brief_incidents("confirmed", place="zeinabiya")) == {ids["june"]}
    assert ids_of(case.brief_incidents("confirmed", place="Zeinab")) == {ids["month"]}  # not Zeïnabiya
    assert ids_of(case.brief_incidents("confirmed", place="iraq")) == {ids["undated"]}
    assert ids_of(case.brief_incidents("confirmed", actor="coalition")) == {ids["month"]}
    assert len(case.brief_incidents("confirmed", actor="IS")) == 4  # "(IS)", not "Syrian"


def test_status_counts_tell_what_the_filter_left_out(spread):
    case, ids = spread
    counts = case.brief_status_counts("2025-05-01", "2025-05-31")
    assert counts == {"candidate": 1, "confirmed": 2, "rejected": 1, "merged": 0, "undated": 1}


def test_cli_filters_and_the_previous_period(spread, tmp_path):
    case, ids = spread
    db = tmp_path / "spread.db"
    case.db.conn.execute(f"VACUUM INTO '{db}'")
    result = export(db, "--out", tmp_path, "--since", "2025-05", "--until", "2025-05", "--now", NOW)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "incident-brief-2025-05-31.md").read_text()
    p = parse(text)
    assert len(p.rows) == 2
    assert "Against the preceding period of equal length (31 March – 30 April 2025): 2 incidents against 1" in p.text
    assert "1 undated incident (no date to place in the period)" in p.text
    meta = front_matter(p.front_matter)
    assert meta["filter"]["since"] == "2025-05-01" and meta["filter"]["until"] == "2025-05-31"
    result = export(db, "--out", tmp_path / "p", "--place", "Rif Dimashq", "--actor", "Islamic State", "--now", NOW)
    assert result.exit_code == 0 and len(parse(next((tmp_path / "p").glob("*.md")).read_text()).rows) == 1
    assert export(db, "--out", tmp_path, "--since", "May").exit_code == 2 - 1  # a clear error, exit 1
    assert "not a date" in export(db, "--out", tmp_path, "--since", "May").output
    assert "is after" in export(db, "--since", "2025-06-01", "--until", "2025-05-01").output


def test_options_parse_months_and_years():
    o = BriefOptions.parse(since="2025-02", until="2025-02", now="2025-06-01")
    assert (o.since, o.until) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    o = BriefOptions.parse(since="2024", until="2024", place="  ", title=" ")
    assert (o.since, o.until, o.place, o.title) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31), None, None)
    with pytest.raises(InvalidInput):
        BriefOptions(status="rejected")
    with pytest.raises(InvalidInput, match="--now"):
        BriefOptions.parse(now="next tuesday")
    assert BriefOptions.parse(now="2025-06-01T11:00:00+02:00").now.isoformat() == "2025-06-01T09:00:00+00:00"


def test_a_date_not_in_iso_form_is_shown_as_stored(case):
    incident = add_incident(case)
    with case.tx.write():
        case.update_incident(incident, "2025-06-01T00:00:00+00:00", date_start="mid-May", date_end="mid-May")
    p = parse(render(case, BriefOptions(now=dt.datetime(2025, 6, 1))).markdown)
    assert p.rows[0][1] == "mid-May" and p.fences == []  # no timeline without a real date


def test_takeaways_count_as_an_analyst_would_and_the_period_names_the_undated(case):
    for k in range(3):
        add_incident(case, date=f"2025-05-1{k}", location=f"Town{k}", admin1="Aleppo")
    add_incident(case, date=None, location=None, admin1=None, country="Syria")
    p = parse(render(case, BriefOptions(now=dt.datetime(2025, 6, 1))).markdown)
    assert "Period: 10–12 May 2025 and 1 undated incident" in p.text
    assert ": 3 dated 10–12 May 2025 and 1 undated incident, drawn from 4 sources." in p.text
    assert "Most incidents (3 of the 4) were in Aleppo province. 1 incident is placed no closer than the country." in p.text
    assert "took part in all 4 incidents" in p.text and "Syria province" not in p.text


def test_two_incidents_are_both_and_a_minority_is_never_most(case):
    add_incident(case, date="2025-05-10", location="Town1", admin1="Aleppo")
    add_incident(case, date="2025-05-11", location="Town2", admin1="Aleppo")
    for k in range(3):
        add_incident(case, date="2025-05-12", location=f"Town{k + 3}", admin1=f"Province{k}", actor1="Other forces")
    p = parse(render(case, BriefOptions(now=dt.datetime(2025, 6, 1))).markdown)
    assert "2 of the 5 incidents were in Aleppo province." in p.text and "Most incidents" not in p.text


def test_both_incidents(case):
    add_incident(case, date="2025-05-10", location="Town1", admin1="Aleppo")
    add_incident(case, date="2025-05-11", location="Town2", admin1="Homs")
    p = parse(render(case, BriefOptions(now=dt.datetime(2025, 6, 1))).markdown)
    assert "took part in both incidents" in p.text and "all 2" not in p.text
