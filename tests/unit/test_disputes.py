"""Disagreements on place, date, type and actors: named in the dispute note with who said what
and the rule that chose the value; and summaries that follow the current fields."""

from __future__ import annotations

import json

from casefile import disputes
from casefile.curate import Curator, attach_claim


def _aleppo(case):
    return sorted(i.id for i in case.incidents() if i.location and "Aleppo" in i.location
                  and i.sub_event_type == "Armed clash")


def test_merging_the_aleppo_reports_names_the_two_districts(seeded):
    target, *others = _aleppo(seeded)
    Curator(seeded, "t").merge(target, others)
    i = seeded.incident(target)
    assert i.disputed and i.location == "Haidariya, Aleppo"
    note = i.dispute_note
    assert "place: Haidariya, Aleppo (article 1); Aleppo (article 2); Jazmatiyeh, Aleppo (The National, article 3)" in note
    assert "kept Haidariya, Aleppo: the most precise source (as precise as Jazmatiyeh, Aleppo" in note
    assert "best killed 4: the most conservative figure" in note
    assert "date:" not in note and "type:" not in note and "actors:" not in note  # those agree


def test_a_curators_choice_is_named_as_the_rule(seeded):
    target, *others = _aleppo(seeded)
    curator = Curator(seeded, "t")
    curator.merge(target, others)
    curator.edit(target, "location", "Jazmatiyeh")
    note = seeded.incident(target).dispute_note
    assert "kept Jazmatiyeh, Aleppo: the curator's choice" in note


def test_merge_keeps_the_most_precise_description_and_says_so(seeded):
    ied = next(i for i in seeded.incidents() if i.sub_event_type == "Remote explosive/landmine/IED")
    bomb = next(i for i in seeded.incidents() if i.sub_event_type == "Suicide bomb")
    Curator(seeded, "t").merge(ied.id, [bomb.id])
    i = seeded.incident(ied.id)
    assert i.sub_event_type == "Suicide bomb" and i.disputed  # "suicide bombing" says more than "bombing"
    assert ("type: Explosions/Remote violence/Remote explosive/landmine/IED (The Media Line, article 4); "
            "Explosions/Remote violence/Suicide bomb (The National, article 5); kept Explosions/Remote "
            "violence/Suicide bomb: the most precise source") in i.dispute_note
    assert "actors:" not in i.dispute_note  # the police and the bombers are not rival claims
    assert i.summary.startswith("Suicide bombing by")
    Curator(seeded, "t").unmerge(bomb.id)
    back = seeded.incident(ied.id)
    assert back.sub_event_type == "Remote explosive/landmine/IED" and not back.disputed and back.dispute_note is None


def _claim(field, article, value, quote, detail, origin="extractor"):
    return {"field": field, "article_id": article, "value": value, "quote": quote, "detail": json.dumps(detail),
            "origin": origin}


def test_dates_that_cannot_both_be_true_are_a_dispute_and_a_month_holding_the_day_is_not():
    day = {"date_start": "2025-05-17", "date_end": "2025-05-17", "precision": "day"}
    other = {"date_start": "2025-05-10", "date_end": "2025-05-10", "precision": "day"}
    month = {"date_start": "2025-05-01", "date_end": "2025-05-31", "precision": "month"}
    incident = {"date_start": "2025-05-17", "date_end": "2025-05-17"}
    agree = [_claim("date", 1, "2025-05-17", "on Saturday", day), _claim("date", 2, "2025-05", "in May", month)]
    assert disputes.disputes(incident, agree) == []
    (d,) = disputes.disputes(incident, agree + [_claim("date", 3, "2025-05-10", "on 10 May", other)])
    assert d.field == "date" and d.chosen == "2025-05-17" and d.rule == "most_precise"
    assert [a.value for a in d.accounts] == ["2025-05-17", "2025-05-01/2025-05-31", "2025-05-10"]


def test_rival_armed_groups_are_a_dispute():
    incident = {"actor1": "Islamic State (IS)", "actor2": None}
    claims = [_claim("actor", 1, "Islamic State (IS)", "ISIS", None),
              _claim("actor", 2, "Hayat Tahrir al-Sham (HTS)", "HTS", None),
              _claim("actor", 2, "Syrian government security forces", "police", None)]
    (d,) = disputes.disputes(incident, claims)
    assert d.field == "actors" and d.rule == "first_report"  # nothing tells them apart: a curator should choose
    assert "a curator should choose" in d.note()


def test_a_summary_follows_an_edited_figure(seeded):
    target, *others = _aleppo(seeded)
    curator = Curator(seeded, "t")
    curator.merge(target, others)
    merged = seeded.incident(target)
    assert merged.arrested.best == 3 and "at least 3 militants arrested" in merged.summary  # "At least three"
    curator.edit(target, "arrested", "6")
    summary = seeded.incident(target).summary
    assert "6 arrested" in summary and "4 militants arrested" not in summary
    curator.edit(target, "summary", "Written by the curator.")
    curator.edit(target, "killed", "9")
    assert seeded.incident(target).summary == "Written by the curator."  # a curator's own summary stays


def test_an_attached_figure_updates_the_summary(seeded):
    i = next(i for i in seeded.incidents() if i.location and "Muadamiyat" in i.location)
    body = seeded.article(i.article_ids[0]).body
    start = body.index("A third man was arrested")
    attach_claim(Curator(seeded, "t"), i.id, i.article_ids[0], start, start + len("A third man was arrested"),
                 "wounded", "2")
    assert "2 wounded" in seeded.incident(i.id).summary


def test_show_states_the_best_figure_with_its_qualifier_and_the_summary_agrees(cli, seeds_dir):
    cli("import", seeds_dir)
    aleppo = sorted(i["id"] for i in cli.json("incidents") if i["location"] and "Aleppo" in i["location"]
                    and i["sub_event_type"] == "Armed clash")
    cli("merge", *aleppo)
    text = cli("show", aleppo[0]).stdout
    assert "arrested: best at least 3, low 3, high 4" in text
    assert "at least 3 militants arrested" in text.splitlines()[0]  # the summary says the same
    cli("edit", aleppo[0], "arrested", "4")
    text = cli("show", aleppo[0]).stdout
    assert "arrested: best 4, low 3, high 4" in text and "at least 3" not in text.splitlines()[0]


def _place(article, name, parent, precision="neighbourhood", quote=None):
    return _claim("location", article, f"{name}, {parent}" if parent else name, quote or name,
                  {"name": name, "parent": parent, "admin1": "Aleppo", "country": "Syria", "geo_precision": precision})


def test_a_source_naming_both_districts_agrees_with_either():
    incident = {"location": "Haidariya, Aleppo"}
    both = [_place(1, "Haidariya", "Aleppo"), _place(1, "Jazmatiyeh", "Aleppo")]
    assert disputes.disputes(incident, both + [_place(2, "Jazmatiyeh", "Aleppo")]) == []
    assert disputes.disputes(incident, both + [_place(2, "Aleppo", None, "town")]) == []  # the city holds both
    (d,) = disputes.disputes(incident, [_place(1, "Haidariya", "Aleppo"), _place(2, "Jazmatiyeh", "Aleppo")])
    assert d.field == "place" and d.tied == ("Jazmatiyeh, Aleppo",)


def test_show_closes_a_quotation_it_cuts(cli, seeds_dir):
    cli("import", seeds_dir)
    raid = next(i["id"] for i in cli.json("incidents") if i["location"] and "Muadamiyat" in i["location"])
    line = next(x for x in cli("show", raid).stdout.splitlines() if x.strip().startswith("seized"))
    assert "“individual weapons and a varie…”" in line


def test_an_incident_started_from_a_span_keeps_its_words_until_its_fields_say_more(seeded):
    from casefile.curate import new_incident

    curator = Curator(seeded, "t")
    article = seeded.article_ids()[0]
    done = new_incident(curator, article, 0, 30)
    incident = int(done.message.split()[1])
    first = seeded.incident(incident).summary
    assert first.startswith("Analyst: “")
    attach_claim(curator, incident, article, 40, 60, "other")
    assert seeded.incident(incident).summary == first
    curator.edit(incident, "location", "Aleppo")
    assert seeded.incident(incident).summary == "Unidentified actors operation in Aleppo"


def test_the_brief_names_a_merged_kind_of_event_dispute(cli, seeds_dir, tmp_path):
    cli("import", seeds_dir)
    rows = cli.json("incidents")
    ied = next(i["id"] for i in rows if i["sub_event_type"] == "Remote explosive/landmine/IED")
    bomb = next(i["id"] for i in rows if i["sub_event_type"] == "Suicide bomb")
    cli("merge", ied, bomb)
    cli("confirm", ied)
    text = open(cli("export", "--out", tmp_path, "--now", "2026-12-03T09:00:00Z").stdout.strip(), encoding="utf-8").read()
    assert "the kind of event (Remote explosive/landmine/IED or Suicide bomb)" in text
    assert "- Sources disagree on the kind of event. The Media Line[^" in text
    assert "Suicide bomb (“suicide bombing”). The brief gives Suicide bomb: the most precise source." in text
