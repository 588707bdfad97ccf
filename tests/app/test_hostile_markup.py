"""Outside text never reaches a widget as markup: an article, a note, a typed value, a file
name or an error quoting them is shown literally on every screen and in every dialog, and
neither runs an action ([@click=app.quit]) nor crashes the desk ([/])."""

from __future__ import annotations

import html
import re

from casefile.curate import Curator
from casefile.pipeline import import_paths
from casefile.store import CaseFile
from helpers import SEEDS

SIZE = (140, 45)
# Rendered as markup this shows "Q" and makes a link that quits the app; "[/]" alone is a
# MarkupError. Shown literally, "@click=app.quit" is on the screen.
HOSTILE = "[@click=app.quit]Q[/]"
SEEN = "@click=app.quit"


def screen_text(app) -> str:
    svg = app.export_screenshot()
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    return text


async def settle(pilot, app, seconds: float = 0.2):
    await pilot.pause(seconds)
    assert app.is_running and app.return_code in (None, 0), "the desk must not crash or quit"


def hostile_case(tmp_path):
    """The seeds, one article full of markup, and curation that quotes it everywhere."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.md").write_text(
        f"---\ntitle: Raid {HOSTILE} [/] in Hama\noutlet: {HOSTILE} News\npublished: 2025-05-19\n---\n\n"
        f"Security forces killed 3 militants {HOSTILE} in a raid in Hama on Monday [/], the Interior "
        "Ministry said.\n")
    path = tmp_path / "hostile.db"
    with CaseFile(path) as case:
        import_paths(case, [SEEDS, folder])
        pair = case.suggestions()[0]
        curator = Curator(case, f"ann{HOSTILE}")
        left = pair["left"]
        curator.edit(left, "location", f"Aleppo {HOSTILE}")
        curator.edit(left, "summary", f"Clash {HOSTILE} [/] reported")
        curator.annotate(left, f"note {HOSTILE} [/]")
        curator.link(left, pair["right"], "related", f"because {HOSTILE}")
    return path, left, pair["right"]


async def test_hostile_markup_through_every_screen_and_dialog(tmp_path):
    from casefile.tui.app import CasefileApp

    path, left, right = hostile_case(tmp_path)
    keys = tmp_path / "keys.toml"
    keys.write_text(f'[keys]\n"{HOSTILE}" = "y"\n')  # its problem is a notification quoting it
    app = CasefileApp(path, keymap_file=keys)
    with CaseFile(path) as case:
        history_before = case.history_count()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        # Review: queue row, incident detail (summary, place, note, link), source label.
        queue = app.screen.query_one("#queue")
        queue.set_cursor(next(k for k in range(queue.total) if queue.row(k).id == left))
        await settle(pilot, app)
        assert SEEN in app.screen.query_one("#incident").text
        assert SEEN in screen_text(app)
        assert any(SEEN in n.message and not n.markup for n in app._notifications)

        # Dialogs opened from the review screen, each given hostile values.
        for key, field_id in (("e", "#value"), ("l", "#other")):
            await pilot.press(key)
            await settle(pilot, app)
            app.screen.query_one(field_id).value = f"[/] {HOSTILE}"
            await pilot.press("enter")
            await settle(pilot, app)
            if type(app.screen).__name__.endswith("Dialog"):
                await pilot.press("escape")
                await settle(pilot, app)
        await pilot.press("m")  # the merge dialog lists the duplicate by its (hostile) place
        await settle(pilot, app)
        picks = app.screen.query_one("#picks")
        assert any(SEEN in picks.get_option_at_index(k).prompt.plain for k in range(picks.option_count)) or \
            SEEN in screen_text(app)
        await pilot.press("escape")
        await pilot.press("a")
        await settle(pilot, app)
        await pilot.press(*"typed [/] ", *HOSTILE)
        await pilot.press("ctrl+s")
        await settle(pilot, app)

        # Duplicates: the pair row and the aligned fields.
        await pilot.press("d")
        await settle(pilot, app)
        assert SEEN in screen_text(app)

        # Articles: the list, a search that is not query syntax, the article, attach a span.
        await pilot.press("slash")
        await settle(pilot, app)
        await pilot.press(*HOSTILE, "enter")
        await settle(pilot, app, 0.5)
        await pilot.press("escape", "slash")
        await pilot.press(*"Hama", "enter")
        await settle(pilot, app, 0.5)
        articles = app.screen.query_one("#articles")
        index = next(k for k in range(articles.total) if "click" in (articles.row(k).title or ""))
        articles.set_cursor(index)
        await settle(pilot, app)
        assert SEEN in app.screen.query_one("#article-label").text
        text = app.screen.query_one("#article-text")
        text.focus()
        start = text.text.index(HOSTILE)
        end = text.text.index("[/],") + 3
        text.selection = type(text.selection)(text.document.get_location_from_index(start),
                                             text.document.get_location_from_index(end))
        await pilot.press("t")
        await settle(pilot, app)
        assert type(app.screen).__name__ == "AttachDialog"
        assert SEEN in screen_text(app)
        app.screen.query_one("#value").value = "[/]"  # not a number: the error quotes it
        await pilot.press("enter")
        await settle(pilot, app)
        assert "[/]" in str(app.screen.query_one("#error").visual)
        await pilot.press("escape")
        await settle(pilot, app)

        # History: the author's name (cut to its column).
        await pilot.press("h")
        await settle(pilot, app)
        assert "ann[@click=" in screen_text(app)

        # Export: filters that are markup; the preview must finish, not hang on "rendering…".
        await pilot.press("E")
        await settle(pilot, app, 0.5)
        for field in ("#place", "#since"):
            app.screen.query_one(field).value = f"[/]{HOSTILE}"
            app.screen.query_one(field).focus()
            await pilot.press("enter")
            await settle(pilot, app, 1.0)
            message = str(app.screen.query_one("#message").visual)
            assert "rendering" not in message and "[/]" in message
            app.screen.query_one(field).value = ""
        await pilot.press("escape")
        await settle(pilot, app)

        # Help, and the command palette finding the incident by its hostile place.
        await pilot.press("question_mark")
        await settle(pilot, app)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await pilot.press(*"click=app")
        await settle(pilot, app, 0.5)
        assert SEEN in screen_text(app)
        await pilot.press("escape")
        await settle(pilot, app)
    assert app.return_code in (None, 0)
    with CaseFile(path) as case:
        entries = case.history()
        # Only the note typed in the annotate dialog was written: nothing undone, nothing else.
        assert case.history_count() == history_before + 1
        assert entries[0]["action"] == "annotate"
        assert not any(e["undone_at"] for e in entries)
