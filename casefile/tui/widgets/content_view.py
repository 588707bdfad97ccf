"""Scrollable styled text that never changes the layout when it changes.

A Static with auto height makes the whole screen lay out again on every update (~30 ms);
this draws its own lines in a fixed box, so moving through the queue stays instant."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


class ContentView(ScrollView, can_focus=False):
    DEFAULT_CSS = "ContentView { overflow-x: hidden; }"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._content = Content("")
        self._strips: list[Strip] = []
        self._width = 0

    def update(self, content: Content | str) -> None:
        self._content = content if isinstance(content, Content) else Content(content)
        self._wrap()
        self.scroll_home(animate=False)
        self.refresh()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        if width <= 0:
            self._strips = []
        else:
            style = self.get_visual_style()
            self._strips = Visual.to_strips(self, self._content, width, None, style)
        # set without the reactive's layout pass: only our own scrollbar depends on it
        self.set_reactive(ScrollView.virtual_size, Size(width, len(self._strips)))
        self._refresh_scrollbars()

    def on_resize(self) -> None:
        # Also when only a scrollbar came or went (same size, narrower content): the lines
        # already drawn were wrapped at the old width.
        self._wrap()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._wrap()
        index = self.scroll_offset.y + y
        if 0 <= index < len(self._strips):
            return self._strips[index].extend_cell_length(width, self.get_visual_style().rich_style)
        return Strip.blank(width, self.get_visual_style().rich_style)

    @property
    def text(self) -> str:
        return self._content.plain
