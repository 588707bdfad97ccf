"""Snapshots of the key screens and dialogs (fixed size, fixed theme, no clock, no blinking)."""

from helpers import select_words

SIZE = (120, 40)


def test_review_screen(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j"], terminal_size=SIZE)


def test_review_screen_at_80x24(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "n"], terminal_size=(80, 24))


def test_review_disputed_incident(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "j", "j", "j", "n", "n", "n"], terminal_size=SIZE)


def test_duplicates_screen(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["d"], terminal_size=SIZE)


async def settled(pilot):
    """Searches and an article's claims load in workers: wait for them, then for the screen."""
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_articles_screen_with_search(snap_compare, snapshot_app):
    async def run_before(pilot):
        await pilot.press("slash", *"Zeinab", "enter")
        await settled(pilot)

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=SIZE)


def test_help(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["question_mark"], terminal_size=SIZE)


def test_annotate_dialog(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "a", *"Ministry vs monitor"], terminal_size=SIZE)


def test_edit_dialog(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "e"], terminal_size=SIZE)


def test_merge_dialog(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "m"], terminal_size=SIZE)


def test_link_dialog(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "l"], terminal_size=SIZE)


async def _attach_three_isil(pilot):
    """Search Haidariya, select "three ISIL" in the article, open the attach dialog."""
    await pilot.press("slash", *"Haidariya", "enter")
    await settled(pilot)
    text = pilot.app.screen.query_one("#article-text")
    text.focus()
    select_words(text, "three ISIL")
    await pilot.press("t")


def test_attach_dialog(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, run_before=_attach_three_isil, terminal_size=SIZE)


def test_export_dialog(snap_compare, snapshot_app, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    assert snap_compare(snapshot_app, press=["c", "E", *"Seed brief", "enter", "_"], terminal_size=SIZE)


# -- issue 14: the desk at both sizes -------------------------------------------------------

import pytest  # noqa: E402

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


async def _merged_aleppo(pilot):
    """The three Aleppo reports merged into #1, with a note, the incident pane scrolled."""
    from casefile.curate import Curator

    app = pilot.app
    Curator(app.case, who="snapshot").merge(1, [4, 5])
    Curator(app.case, who="snapshot").annotate(1, "Ministry and monitor disagree on the toll.")
    await app.go_to_incident(1)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_review_long_incident_scrolled(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await _merged_aleppo(pilot)
        await pilot.press("tab", "end")  # the incident pane, scrolled to its notes

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_review_highlight_colours(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await _merged_aleppo(pilot)
        await pilot.press("n", "n", "n")  # the current claim moves; every kind is highlighted

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_merge_dialog_with_a_search(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await pilot.app.go_to_incident(1)
        await pilot.pause()
        await pilot.press("m", "tab", *"Atmeh")

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_edit_dialog_on_a_place(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await pilot.app.go_to_incident(2)
        await pilot.pause()
        review = pilot.app.screen
        while review.current_claim.field != "location":
            await pilot.press("n")
        await pilot.press("e")

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_attach_dialog_labelled(snap_compare, snapshot_app, size):
    assert snap_compare(snapshot_app, run_before=_attach_three_isil, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_history_diff(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("#value").value = "2025-05-12"
        await pilot.press("enter")
        await pilot.pause()
        # a fixed clock and author for the picture (the test may speak SQL; the app never does)
        pilot.app.case.db.execute("UPDATE audit_log SET at = '2026-12-03T09:00:00+00:00', author = 'snapshot'")
        await pilot.press("h", "enter")

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=SIZES[size])


def test_help_legend_at_80x24(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["question_mark"], terminal_size=(80, 24))


def test_search_for_a_place_with_hits(snap_compare, snapshot_app):
    async def run_before(pilot):
        await pilot.press("slash", *"qalamoun", "enter")
        await settled(pilot)

    assert snap_compare(snapshot_app, run_before=run_before, terminal_size=(120, 40))
