"""The source pane draws each paragraph once for all the lines it wraps to; what it draws must
be what TextArea itself draws, line for line, whatever the marks, selection, focus and scroll."""

from textual.app import App
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from casefile.tui.widgets.source import Mark, SourceText

BODY = ("Gunmen attacked a checkpoint in Bama on Tuesday, killing three soldiers, the army said. "
        "Résidents said at least five people died in the attack on the town’s market. " * 6
        + "\n\nA second paragraph:\tit has a tab.\n\n"
        + "Short line.\n"
        + "The ministry’s statement, issued in Maiduguri — 200 km away — gave no figure. " * 4)


class One(App):
    def compose(self):
        yield SourceText(id="source")


def lines(source, render):
    return [list(render(y)) for y in range(source.size.height)]


def assert_same_as_text_area(source):
    """What is on screen (through every cache) is what TextArea draws afresh."""
    ours = lines(source, source.render_line)
    theirs = lines(source, lambda y: TextArea._render_line(source, y))
    assert ours == theirs


async def test_the_source_pane_draws_what_text_area_draws():
    app = One()
    async with app.run_test(size=(70, 20)) as pilot:
        source = app.query_one(SourceText)
        at = BODY.index("five people")
        marks = [Mark(at, at + 11, "killed"), Mark(BODY.index("Bama"), BODY.index("Bama") + 4, "place"),
                 Mark(BODY.index("Maiduguri"), BODY.index("Maiduguri") + 9, "current-place"),
                 Mark(BODY.index("soldiers"), BODY.index("Short"), "furniture")]  # across paragraphs
        source.show(BODY, marks, (at, at + 11))
        await pilot.pause()
        assert_same_as_text_area(source)
        for y in (0, 7, 12, 30):
            source.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            assert_same_as_text_area(source)
        # a selection over three paragraphs, with the widget focused (the cursor drawn)
        source.focus()
        source.selection = Selection((0, 40), (4, 10))
        await pilot.pause()
        for y in (0, 10):
            source.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            assert_same_as_text_area(source)
        # a new selection inside the view, then none: no stale paragraph from the cache
        source.selection = Selection((11, 3), (11, 30))
        await pilot.pause()
        assert_same_as_text_area(source)
        source.selection = Selection.cursor((11, 5))
        await pilot.pause()
        assert_same_as_text_area(source)
        source.blur()
        await pilot.pause()
        assert_same_as_text_area(source)
