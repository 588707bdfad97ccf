"""Curation: every operation is one transaction and one audit entry, and undo restores the
exact prior content."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.curate import Curator
from casefile.errors import InvalidInput, NotFound, StaleVersion
from helpers import dump


def aleppo(case):
    return sorted(i.id for i in case.incidents() if i.location and "Aleppo" in i.location
                  and i.sub_event_type == "Armed clash")


def test_merge_keeps_every_claim_and_shows_the_disagreement(seeded):
    c = Curator(seeded, "tester")
    target, *others = aleppo(seeded)
    claims_before = sum(len(seeded.claims(i)) for i in [target, *others])
    c.merge(target, others)
    merged = seeded.incident(target)
    assert len(seeded.claims(target)) == claims_before
    assert merged.article_ids == (1, 2, 3)
    assert (merged.killed.low, merged.killed.best, merged.killed.high) == (4, 4, 5)
    assert merged.disputed
    assert "Interior Ministry" in merged.dispute_note and "Syrian Observatory for Human Rights" in merged.dispute_note
    assert merged.date_start == "2025-05-17"
    for other in others:
        gone = seeded.incident(other)
        assert (gone.status, gone.merged_into) == ("merged", target)
    assert seeded.merged_from(target) == others


def test_unmerge_restores_an_incident_exactly(seeded):
    c = Curator(seeded, "tester")
    target, a, b = aleppo(seeded)
    original = seeded.incident_row(a)
    original_claims = seeded.claims(a)
    target_before = seeded.incident(target)
    c.merge(target, [a, b])
    c.unmerge(a)
    restored = seeded.incident_row(a)
    assert {k: v for k, v in restored.items() if k not in ("version", "updated_at")} == \
        {k: v for k, v in original.items() if k not in ("version", "updated_at")}
    assert seeded.claims(a) == original_claims
    assert seeded.incident(b).status == "merged"
    assert seeded.incident(target).article_ids == (1, 3)
    assert target_before.killed.high == 4


OPERATIONS = [
    lambda c, ids: c.confirm(ids[0]),
    lambda c, ids: c.reject(ids[1]),
    lambda c, ids: c.merge(ids[0], [ids[1], ids[2]]),
    lambda c, ids: c.link(ids[0], ids[3], "follow_up"),
    lambda c, ids: c.annotate(ids[0], "Ministry and monitor disagree on the toll.", 1, 10, 40),
    lambda c, ids: c.edit(ids[0], "killed", "6"),
    lambda c, ids: c.edit(ids[0], "date", "2025-05-16"),
    lambda c, ids: c.edit(ids[0], "location", "Aleppo"),
    lambda c, ids: c.edit(ids[0], "event_type", "Strategic developments/Arrests"),
    lambda c, ids: c.judge(ids[2], ids[3], "no_match"),
]


@pytest.mark.parametrize("operation", range(len(OPERATIONS)))
def test_each_operation_is_audited_and_undo_restores_exactly(seeded, operation):
    c = Curator(seeded, "tester")
    ids = [i.id for i in seeded.incidents()][:4]
    before = dump(seeded)
    history = seeded.history_count()
    OPERATIONS[operation](c, ids)
    assert seeded.history_count() == history + 1
    assert dump(seeded) != before
    c.undo()
    assert dump(seeded) == before


def test_unmerge_is_undoable_too(seeded):
    c = Curator(seeded, "tester")
    target, a, b = aleppo(seeded)
    c.merge(target, [a, b])
    merged = dump(seeded)
    c.unmerge(a)
    c.undo()
    assert dump(seeded) == merged


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.integers(0, len(OPERATIONS) - 1), min_size=1, max_size=6))
def test_random_sequences_then_undo_all_restore_the_start(seeded, sequence):
    c = Curator(seeded, "tester")
    ids = [i.id for i in seeded.incidents(status="everything") if i.status != "merged"][:4]
    start = dump(seeded)
    done = 0
    for op in sequence:
        try:
            OPERATIONS[op](c, ids)
            done += 1
        except InvalidInput:
            pass  # e.g. confirming twice, merging an incident already merged
    for _ in range(done):
        c.undo()
    assert dump(seeded) == start


@pytest.mark.parametrize("bad, error", [
    (lambda c, ids: c.confirm(9999), NotFound),
    (lambda c, ids: c.merge(ids[0], [ids[0]]), InvalidInput),
    (lambda c, ids: c.merge(ids[0], [9999]), NotFound),
    (lambda c, ids: c.edit(ids[0], "colour", "red"), InvalidInput),
    (lambda c, ids: c.edit(ids[0], "killed", "a few"), InvalidInput),
    (lambda c, ids: c.edit(ids[0], "date", "the day after"), InvalidInput),
    (lambda c, ids: c.edit(ids[0], "event_type", "Battles/Picnic"), InvalidInput),
    (lambda c, ids: c.link(ids[0], ids[0]), InvalidInput),
    (lambda c, ids: c.link(ids[0], ids[1], "cousin"), InvalidInput),
    (lambda c, ids: c.annotate(ids[0], "   "), InvalidInput),
    (lambda c, ids: c.annotate(ids[0], "note", 1, 10, 999999), InvalidInput),
    (lambda c, ids: c.judge(ids[0], ids[1], "maybe"), InvalidInput),
    (lambda c, ids: c.unmerge(ids[0]), InvalidInput),
    (lambda c, ids: c.confirm(ids[0], version=99), StaleVersion),
])
def test_bad_input_is_a_clear_error_and_changes_nothing(seeded, bad, error):
    c = Curator(seeded, "tester")
    ids = [i.id for i in seeded.incidents()][:2]
    before = dump(seeded, skip=())
    with pytest.raises(error) as info:
        bad(c, ids)
    assert str(info.value)
    assert dump(seeded, skip=()) == before


def test_merging_into_a_merged_incident_is_refused(seeded):
    c = Curator(seeded, "tester")
    target, a, b = aleppo(seeded)
    c.merge(target, [a])
    with pytest.raises(InvalidInput, match="itself merged into"):
        c.merge(a, [b])
    with pytest.raises(InvalidInput, match="already merged"):
        c.merge(b, [a])


def test_undo_refuses_when_the_rows_changed_since(seeded):
    c = Curator(seeded, "tester")
    first = seeded.incidents()[0].id
    c.confirm(first)
    seeded.db.execute("UPDATE incidents SET summary = 'changed elsewhere' WHERE id = ?", [first])
    with pytest.raises(StaleVersion, match="changed since"):
        c.undo()


def test_nothing_to_undo(seeded):
    with pytest.raises(InvalidInput, match="nothing to undo"):
        Curator(seeded, "tester").undo()


def test_audit_records_who_and_what(seeded, monkeypatch):
    monkeypatch.setenv("CASEFILE_AUTHOR", "analyst-7")
    c = Curator(seeded)
    first = seeded.incidents()[0].id
    c.confirm(first)
    (entry,) = seeded.history()
    assert (entry["author"], entry["action"], entry["target"]) == ("analyst-7", "confirm", f"incident {first}")
    assert entry["before"]["incidents"][str(first)]["status"] == "candidate"
    assert entry["after"]["incidents"][str(first)]["status"] == "confirmed"


def test_undo_and_unmerge_keep_the_duplicate_suggestions(seeded):
    """Restoring an incident row must not delete it first: that cascaded to its suggestions."""
    c = Curator(seeded, "tester")
    pairs = seeded.db.conn.execute("SELECT left_id, right_id FROM suggestions").fetchall()
    assert pairs, "the seeds yield duplicate suggestions"
    before = dump(seeded)
    left, right = pairs[0]
    c.confirm(left)
    c.undo()
    c.merge(left, [right])
    c.unmerge(right)
    c.undo()
    c.undo()
    assert dump(seeded) == before
    assert seeded.db.conn.execute("SELECT left_id, right_id FROM suggestions").fetchall() == pairs


def test_fifty_operations_then_fifty_undos_restore_every_table(seeded):
    c = Curator(seeded, "tester")
    ids = [i.id for i in seeded.incidents(status="everything") if i.status != "merged"][:4]
    start = dump(seeded)
    done = 0
    for k in range(50):
        try:
            OPERATIONS[k % len(OPERATIONS)](c, ids)
            done += 1
        except InvalidInput:
            pass
    for _ in range(done):
        c.undo()
    assert dump(seeded) == start


def test_undo_takes_back_your_own_change_not_another_curators(seeded):
    alice, bob = Curator(seeded, "alice"), Curator(seeded, "bob")
    first, second = [i.id for i in seeded.incidents()][:2]
    alice.confirm(first)
    bob.reject(second)
    done = alice.undo()
    assert seeded.incident(first).status == "candidate"
    assert seeded.incident(second).status == "rejected"  # bob's work stands
    assert "bob" not in done.message
    with pytest.raises(InvalidInput, match="no change of yours"):
        alice.undo()
    assert seeded.incident(second).status == "rejected"


def test_undo_of_a_named_entry_says_whose_change_it_was(seeded):
    alice, bob = Curator(seeded, "alice"), Curator(seeded, "bob")
    first = seeded.incidents()[0].id
    entry = bob.confirm(first).audit_id
    done = alice.undo(entry)
    assert done.message == f"undone: confirm incident {first} (a change by bob)"
    assert seeded.incident(first).status == "candidate"
    (undo,) = [e for e in seeded.history() if e["action"] == "undo"]
    assert (undo["author"], undo["undo_of"]) == ("alice", entry)
    with pytest.raises(InvalidInput, match="already undone"):
        alice.undo(entry)
    with pytest.raises(NotFound):
        alice.undo(9999)


def test_undo_of_a_named_entry_refuses_when_the_rows_changed_since(seeded):
    alice, bob = Curator(seeded, "alice"), Curator(seeded, "bob")
    first = seeded.incidents()[0].id
    entry = bob.confirm(first).audit_id
    alice.edit(first, "killed", "3")
    before = dump(seeded)
    with pytest.raises(StaleVersion, match="changed since"):
        alice.undo(entry)
    assert dump(seeded) == before
