"""Scrollable styled text that never changes the layout when it changes.

A Static with auto height makes the whole screen lay out again on every update (~30 ms);
this draws its own lines in a fixed box, so moving through the queue stays instant.
A focusable one scrolls from the keyboard, and `update(..., focus_line=N)` keeps line N of
the content (the current claim, say) in view."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


class ContentView(ScrollView, can_focus=False):
    DEFAULT_CSS = "ContentView { overflow-x: hidden; } ContentView:focus { background-tint: $foreground 5%; }"
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="text.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="text.up"),
        Binding("space", "page_down", "Page down", show=False, id="text.page_down"),
    ]

    def __init__(self, focusable: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.can_focus = focusable
        self._content = Content("")
        self._strips: list[Strip] = []
        self._line_starts: list[int] = []  # first strip of each line of the content
        self._width = 0
        self._focus_line: int | None = None

    def update(self, content: Content | str, focus_line: int | None = None) -> None:
        self._content = content if isinstance(content, Content) else Content(content)
        self._focus_line = focus_line
        self._wrap()
        self.scroll_home(animate=False)
        self._scroll_to_focus()
        self.refresh()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        self._strips, self._line_starts = [], []
        if width > 0:
            style = self.get_visual_style()
            for line in self._content.split("\n", allow_blank=True):
                self._line_starts.append(len(self._strips))
                self._strips += Visual.to_strips(self, line, width, None, style) or [Strip.blank(width)]
            if self._content.plain.endswith("\n") and self._strips:  # no blank last line for the final newline
                self._strips.pop()
        # set without the reactive's layout pass: only our own scrollbar depends on it
        self.set_reactive(ScrollView.virtual_size, Size(width, len(self._strips)))
        self._refresh_scrollbars()

    def _scroll_to_focus(self) -> None:
        """Bring the focus line into view, with the line before it when there is room."""
        line = self._focus_line
        if line is None or not 0 <= line < len(self._line_starts):
            return
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        first = self._line_starts[line]
        last = (self._line_starts[line + 1] - 1) if line + 1 < len(self._line_starts) else len(self._strips) - 1
        top = self.scroll_offset.y
        if first < top or last >= top + height:
            target = max(0, min(first - max(1, height // 3), len(self._strips) - height))
            self.scroll_to(y=target, animate=False, immediate=True)

    def on_resize(self) -> None:
        # Also when only a scrollbar came or went (same size, narrower content): the lines
        # already drawn were wrapped at the old width.
        self._wrap()
        self._scroll_to_focus()
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

    @property
    def visible_text(self) -> str:
        """The lines now in view, as plain text (what a curator sees)."""
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        return "\n".join(s.text.rstrip() for s in self._strips[top:top + height])
