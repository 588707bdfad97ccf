"""Duplicate suggestions: the seed case, look-alikes, judgements, blocking recall."""

import datetime as dt
import random

from casefile.curate import Curator
from casefile.match import MatchRecord, Run, THRESHOLD, score, suggest
from casefile.match.blocking import candidate_pairs
from casefile.pipeline import refresh_suggestions


def pairs_of(case):
    out = set()
    for s in case.suggestions():
        left, right = case.incident(s["left"]), case.incident(s["right"])
        out.add((left.article_ids[0], left.location, right.article_ids[0], right.location))
    return out


def test_seed_case_suggestions(seeded):
    refresh_suggestions(seeded)
    found = pairs_of(seeded)
    aleppo = {p for p in found if "Aleppo" in p[1] and "Aleppo" in p[3]}
    assert {(a, b) for a, _, b, _ in aleppo} == {(1, 2), (1, 3), (2, 3)}  # the three raid reports
    assert (1, "Sayyida Zeinab", 3, "Sayyida Zeinab") in found
    assert any(p[0] == 4 and "Dweila" in p[1] and p[2] == 5 and p[3] == "Damascus" for p in found)
    assert not any("Muadamiyat" in (p[1] + p[3]) for p in found)  # a different raid


def record(i, day=None, place="gwoza", admin1="Borno", killed=(5, 5), sub="Armed clash",
           etype="Battles", actors=("Boko Haram (JAS)", "Nigerian security forces"), text="", weekdays=()):
    date = dt.date(2024, 3, 1) + dt.timedelta(days=day) if day is not None else None
    return MatchRecord(i, date, date, "day" if date else "unknown", place.title(), frozenset({place}),
                       admin1, "Nigeria", None, None, "town", frozenset(actors), etype, sub,
                       {"killed": killed}, text, frozenset(weekdays))


def test_same_event_reported_twice_scores_high():
    s = score(record(1, 3, text="gunmen killed five soldiers"), record(2, 3, text="five soldiers were killed by gunmen"))
    assert s.score >= 0.85
    assert s.reasons == ("both speak of gunmen, killed and soldiers",)  # what they share, nothing against


def test_lookalike_on_another_date_is_not_suggested_and_says_why():
    s = score(record(1, 3), record(2, 17))  # same town, same toll, two weeks apart
    assert s.score < THRESHOLD
    assert s.breakdown["date"] == 0.0 and "different dates" in s.reasons[0]


def test_a_report_published_before_the_other_event_is_not_its_twin():
    # Real dev 263 / 160 (Dera Ismail Khan): an undated report published in January was paired
    # with a raid of October in the same town.
    from dataclasses import replace

    undated = replace(record(1, text="gunmen killed five soldiers"), published=frozenset({dt.date(2024, 2, 20)}))
    later = record(2, 3, text="five soldiers were killed by gunmen")  # 2024-03-04
    s = score(undated, later)
    assert s.score < THRESHOLD and any("published before the other happened" in r for r in s.reasons)
    # Published the day after it, the undated report may well tell of it.
    s = score(replace(undated, published=frozenset({dt.date(2024, 3, 5)})), later)
    assert s.score >= THRESHOLD


def test_follow_up_raid_after_a_bombing_is_not_suggested():
    bombing = record(1, 3, sub="Suicide bomb", etype="Explosions/Remote violence", killed=(12, 12))
    raid = record(2, 4, killed=(2, 2))
    s = score(bombing, raid)
    assert s.score < THRESHOLD and any("Explosions" in r or "killed" in r for r in s.reasons)


def test_weekday_of_an_undated_report_must_agree():
    dated = record(1, 3)  # 2024-03-04 is a Monday
    assert score(dated, record(2, weekdays={0})).breakdown["date"] > 0.5
    assert score(dated, record(3, weekdays={5})).breakdown["date"] == 0.0


def test_judged_no_match_is_never_suggested_again():
    a, b = record(1, 3), record(2, 3)
    assert [(s.left, s.right) for s in suggest([a, b])] == [(1, 2)]
    assert suggest([a, b], no_match={(1, 2)}) == []


def test_clusters_group_pairs():
    found = suggest([record(1, 3), record(2, 3), record(3, 4), record(9, 3, place="bama")])
    assert {s.cluster for s in found} == {1}


def test_blocking_keeps_nearly_all_pairs_of_the_full_comparison():
    rng = random.Random(4)
    places = [("gwoza", "Borno"), ("bama", "Borno"), ("mosul", "Nineveh"), ("hawija", "Kirkuk")]
    records = []
    for i in range(600):
        place, admin1 = rng.choice(places)
        undated = rng.random() < 0.1
        records.append(record(i + 1, None if undated else rng.randrange(60), place, admin1,
                              killed=(k := rng.randrange(1, 8), k), weekdays={rng.randrange(7)} if undated else ()))
    by_id = {r.id: r for r in records}
    run = Run(records)  # the full comparison a matching run would make, busy places and all
    full = {(a.id, b.id) for i, a in enumerate(records) for b in records[i + 1:]
            if run.score(a, b).score >= THRESHOLD}
    blocked = set(candidate_pairs(records))
    assert full and len(full & blocked) / len(full) >= 0.99
    assert len(blocked) < len(records) ** 2 / 2 / 3
    assert by_id  # records by id were built


def test_queue_is_read_best_first_and_counted_up_to_a_cap(seeded):
    refresh_suggestions(seeded)
    queue = seeded.suggestions()
    assert [s["score"] for s in queue] == sorted((s["score"] for s in queue), reverse=True)
    assert seeded.suggestion_count(cap=None) == len(queue) > 2
    assert seeded.suggestion_count(cap=2) == 2  # the title then says "2+" instead of counting a million
    Curator(seeded, "tester").judge(queue[0]["left"], queue[0]["right"], "no_match")
    assert seeded.suggestion_count(cap=None) == len(queue) - 1


def test_kept_words_are_read_again_when_what_they_read_changes(seeded):
    """The matcher keeps each incident's reading of its sentences between runs (match_words);
    after any change of claims, a run with the kept readings sees what a fresh run sees."""
    from casefile.curate import attach_claim, new_incident
    from casefile.pipeline import match_records

    def cold():
        with seeded.tx.write():
            seeded.db.conn.execute("DELETE FROM match_words")
        return match_records(seeded)

    def same_as_fresh():
        kept = match_records(seeded)
        assert {r[0] for r in seeded.db.conn.execute("SELECT incident_id FROM match_words")} >= {r.id for r in kept}
        assert kept == cold()
        return {r.id: r for r in kept}

    refresh_suggestions(seeded)
    before = same_as_fresh()
    curator = Curator(seeded, "tester")
    first, second = sorted(before)[:2]
    body = seeded.article(5).body
    at = body.index("Damascus")
    attach_claim(curator, first, 5, at, at + len("Damascus"), "location", "Damascus")
    after = same_as_fresh()
    assert after[first].words > before[first].words  # the new claim's sentence is read
    new_incident(curator, 4, 0, 20)  # article 4 now yields one more incident: its lead is no one's alone
    same_as_fresh()
    curator.merge(first, [second])
    merged = same_as_fresh()
    assert second not in merged
    curator.undo()
    assert same_as_fresh().keys() == after.keys() | {max(merged)}


def test_kept_words_of_another_reading_are_read_again(seeded, monkeypatch):
    """A change of how sentences are read into words (words.READING) makes every kept reading
    stale: its words would otherwise be the old tokens."""
    from casefile.match import words
    from casefile.pipeline import match_records

    match_records(seeded)
    stamps = dict(seeded.db.conn.execute("SELECT incident_id, stamp FROM match_words").fetchall())
    monkeypatch.setattr(words, "READING", words.READING + 1)
    match_records(seeded)
    again = dict(seeded.db.conn.execute("SELECT incident_id, stamp FROM match_words").fetchall())
    assert stamps.keys() == again.keys() and all(stamps[i] != again[i] for i in stamps)


def test_a_hyphen_does_not_make_another_word():
    from casefile.match.words import proper_names, tokens

    assert tokens("fleeing El-Fasher after the al-Shabaab raid") == tokens("fleeing El Fasher after the al Shabaab raid")
    assert proper_names("Gunmen fled El-Fasher.") == proper_names("Gunmen fled El Fasher.") == {"fasher"}


def test_a_photo_credit_is_no_shared_detail(tmp_path):
    # Fresh-R 273/274: two bombings a day apart shared only their photographer ("PHOTO: Waedao
    # Harai", "(Photo by Waedao Harai)"), which read as a rare name both sources give.
    from casefile.pipeline import import_paths, match_records
    from casefile.store import CaseFile

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "A soldier stands guard at the site of a roadside bomb in Bacho district, Narathiwat. (Photo by Waedao Harai)\n\n"
        "A ranger was killed when a roadside bomb exploded in Bacho district, Narathiwat, on Monday morning.\n")
    (tmp_path / "in" / "b.txt").write_text(
        "PHOTO: Waedao Harai\n\n"
        "Three rangers were injured when a bomb exploded under a roadside stall in Narathiwat on Tuesday.\n")
    with CaseFile(tmp_path / "case.db") as case:
        import_paths(case, [tmp_path / "in"])
        records = match_records(case)
    assert records and not any({"waedao", "harai"} & (r.names | r.words) for r in records)
