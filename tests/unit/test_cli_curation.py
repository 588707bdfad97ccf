"""The curation commands: suggestions, merge, undo, judge, history — the done-when of the issue."""


def aleppo_pair_ids(suggestions):
    return sorted({s["left"] for s in suggestions} | {s["right"] for s in suggestions})


def test_merge_the_aleppo_reports_and_undo(seeds_dir, cli):
    cli("import", seeds_dir)
    suggestions = cli.json("suggestions")
    for s in suggestions:
        assert set(s) == {"left", "right", "score", "breakdown", "reasons", "cluster"}
        assert set(s["breakdown"]) == {"place", "date", "event", "counts", "actors", "words", "names", "published"}
    assert [s["score"] for s in suggestions] == sorted((s["score"] for s in suggestions), reverse=True)
    cluster = [s for s in suggestions if s["cluster"] == suggestions[0]["cluster"]]
    target, *rest = aleppo_pair_ids(cluster)
    before = {i["id"]: i for i in cli.json("incidents")}
    cli("merge", target, *rest)
    merged = cli.json("show", target)
    assert merged["article_ids"] == [1, 2, 3]
    assert merged["killed"] == {"low": 4, "best": 4, "high": 5} and merged["disputed"]
    assert "Syrian Observatory for Human Rights" in merged["dispute_note"]
    assert merged["merged_from"] == rest
    assert {i["id"] for i in cli.json("incidents")} == set(before) - set(rest)
    assert "undone: merge" in cli("undo").stdout
    assert {i["id"]: i for i in cli.json("incidents")} == before
    history = cli.json("history")
    assert [h["action"] for h in history] == ["undo", "merge"]
    assert history[1]["undone_at"] is not None


def test_judged_no_match_leaves_the_queue(seeds_dir, cli):
    cli("import", seeds_dir)
    first = cli.json("suggestions")[0]
    cli("judge", first["left"], first["right"], "no_match")
    assert (first["left"], first["right"]) not in {(s["left"], s["right"]) for s in cli.json("suggestions")}


def test_curation_errors_are_clear(seeds_dir, cli):
    cli("import", seeds_dir)
    assert "into itself" in cli("merge", 1, 1, expect=1).output
    assert "version" in cli("confirm", 1, "--if-version", 7, expect=1).output
    assert "nothing to undo" in cli("undo", expect=1).output
    assert "whole number" in cli("edit", 1, "killed", "lots", expect=1).output


def test_undo_is_your_own_and_entry_names_anothers(seeds_dir, cli, monkeypatch):
    cli("import", seeds_dir)
    monkeypatch.setenv("CASEFILE_AUTHOR", "bob")
    cli("confirm", 1)
    monkeypatch.setenv("CASEFILE_AUTHOR", "alice")
    assert "no change of yours (alice)" in cli("undo", expect=1).output
    assert cli.json("show", 1)["status"] == "confirmed"
    entry = cli.json("history")[0]["id"]
    assert cli("undo", "--entry", entry).stdout.strip() == "undone: confirm incident 1 (a change by bob)"
    assert cli.json("show", 1)["status"] == "candidate"
