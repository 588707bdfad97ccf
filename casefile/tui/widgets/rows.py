"""A list that shows a window of rows fetched on demand, for tables of any size.

Only the visible rows are rendered, and rows are read from the store a page at a time and
cached, so a queue of 100,000 incidents opens as fast as one of ten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

PAGE = 100  # rows read per query: a few screens of the tallest terminal, read in ~2 ms


class WindowedList(ScrollView, can_focus=True):
    """Rows from `fetch(offset, limit)`, `count()` of them, drawn by `draw(row, width)`."""

    COMPONENT_CLASSES = {"windowed-list--row", "windowed-list--cursor", "windowed-list--empty"}
    BINDINGS = [
        Binding("down,j", "cursor_down", "Next", show=False, id="list.next"),
        Binding("up,k", "cursor_up", "Previous", show=False, id="list.previous"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
    ]
    DEFAULT_CSS = """
    WindowedList { height: 1fr; overflow-x: hidden; }
    WindowedList > .windowed-list--cursor { background: $block-cursor-blurred-background; }
    WindowedList:focus > .windowed-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    WindowedList > .windowed-list--empty { color: $text-muted; text-style: italic; }
    """

    class Highlighted(Message):
        def __init__(self, sender: WindowedList, index: int, row: Any, forced: bool = False):
            super().__init__()
            self.list = sender
            self.index = index
            self.row = row
            self.forced = forced  # from a reload, not from the curator moving

        @property
        def control(self) -> WindowedList:
            return self.list

    def __init__(self, fetch: Callable[[int, int], list], count: Callable[[], int],
                 draw: Callable[[Any, int], Content], empty: str = "Nothing here.",
                 on_highlight: Callable[[WindowedList.Highlighted], None] | None = None, **kwargs):
        """`on_highlight`: called at once when the cursor moves, instead of posting Highlighted.
        A posted message reaches the screen after the next frame has drawn the cursor alone,
        so the key costs two frames; called at once, what the screen shows for the new row is
        drawn in the same frame as the cursor."""
        super().__init__(**kwargs)
        self._fetch, self._count, self._draw = fetch, count, draw
        self._on_highlight = on_highlight
        self._empty = empty
        self._pages: dict[int, list] = {}
        self._strips: dict[tuple, Strip] = {}
        self.total = 0
        self.cursor = 0

    # -- data ---------------------------------------------------------------------------
    def reload(self, keep_index: int | None = None) -> None:
        """Forget cached rows and count again (after any change to what the list shows)."""
        self._pages.clear()
        total = self._count()
        if total != self.total:
            self.total = total
            self._set_virtual_height()
        index = self.cursor if keep_index is None else keep_index
        self.set_cursor(max(0, min(index, self.total - 1)), force=True)
        self.refresh()

    def row(self, index: int) -> Any | None:
        if not 0 <= index < self.total:
            return None
        page = index // PAGE
        if page not in self._pages:
            self._pages[page] = self._fetch(page * PAGE, PAGE)
            if len(self._pages) > 20:  # keep memory flat when scrolling far
                self._pages.pop(next(iter(self._pages)))
        rows = self._pages[page]
        offset = index - page * PAGE
        return rows[offset] if offset < len(rows) else None

    @property
    def current(self) -> Any | None:
        return self.row(self.cursor)

    # -- cursor -------------------------------------------------------------------------
    def set_cursor(self, index: int, force: bool = False) -> None:
        if self.total == 0:
            index = 0
        else:
            index = max(0, min(index, self.total - 1))
        previous = self.cursor
        changed = index != previous
        self.cursor = index
        if changed or force:
            top = self.scroll_offset.y
            self.scroll_to_cursor()
            event = self.Highlighted(self, index, self.row(index), forced=force)
            if self._on_highlight is not None:
                self._on_highlight(event)
            else:
                self.post_message(event)
            if force or self.scroll_offset.y != top:
                self.refresh()
            else:  # only the two rows whose look changed
                self.refresh_lines(previous)
                self.refresh_lines(index)

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor_down(self) -> None:
        self.set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.set_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.set_cursor(self.cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.set_cursor(self.cursor - max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.set_cursor(0)

    def action_last(self) -> None:
        self.set_cursor(self.total - 1)

    def _set_virtual_height(self) -> None:
        # Without a layout pass (the reactive would lay out the whole screen): only the
        # scrollbars depend on it.
        self.set_reactive(ScrollView.virtual_size, Size(self.scrollable_content_region.width, self.total))
        self._refresh_scrollbars()
        self.refresh()

    def on_resize(self) -> None:
        self._set_virtual_height()

    # -- drawing ------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if self.total == 0:
            style = self.get_visual_style("windowed-list--empty")
            text = Content(self._empty if y == 0 else "")
        else:
            row = self.row(index)
            selected = index == self.cursor
            style = self.get_visual_style("windowed-list--row", *(["windowed-list--cursor"] if selected else []))
            text = self._draw(row, width) if row is not None else Content("")
        # A reload redraws every visible row, mostly unchanged: styling a row costs ~90 µs,
        # looking it up ~2 µs. Content compares by its text alone, hence the spans.
        key = (text.plain, tuple(text.spans), width, style, self.app.theme)
        strip = self._strips.get(key)
        if strip is None:
            if text.cell_length > width:
                text = text.truncate(width, ellipsis=True)
            strips = Visual.to_strips(self, text, width, 1, style)
            strip = (strips[0] if strips else Strip.blank(width)).extend_cell_length(width, style.rich_style)
            if len(self._strips) >= 1000:
                self._strips.clear()
            self._strips[key] = strip
        return strip
