"""Snapshots of the key screens and dialogs (fixed size, fixed theme, no clock, no blinking)."""

SIZE = (120, 40)


def test_review_screen(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j"], terminal_size=SIZE)


def test_review_screen_at_80x24(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "n"], terminal_size=(80, 24))


def test_review_disputed_incident(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["j", "j", "j", "j", "n", "n", "n"], terminal_size=SIZE)


def test_duplicates_screen(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["d"], terminal_size=SIZE)


def test_articles_screen_with_search(snap_compare, snapshot_app):
    assert snap_compare(snapshot_app, press=["slash", *"Zeinab", "enter"], terminal_size=SIZE)


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


def test_attach_dialog(snap_compare, snapshot_app):
    async def select_words(pilot):
        await pilot.press("slash", *"Haidariya", "enter")
        await pilot.pause(0.5)
        text = pilot.app.screen.query_one("#article-text")
        text.focus()
        start = text.text.index("three ISIL")
        locate = text.document.get_location_from_index
        text.selection = type(text.selection)(locate(start), locate(start + 10))
        await pilot.press("t")

    assert snap_compare(snapshot_app, run_before=select_words, terminal_size=SIZE)


def test_export_dialog(snap_compare, snapshot_app, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    assert snap_compare(snapshot_app, press=["c", "E", *"Seed brief", "enter", "_"], terminal_size=SIZE)
