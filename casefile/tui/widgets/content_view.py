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

    def __init__(self, focusable: bool = False, cut: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.can_focus = focusable
        self.cut = cut  # one line, cut at the width with an ellipsis (at the width it is drawn at)
        self._content = Content("")
        self._strips: list[Strip] = []
        self._focus_strips: tuple[int, int] | None = None  # the focus line's first and last strip
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
        self._focus_strips = None
        if width <= 0:
            self._strips = []
        else:
            style = self.get_visual_style()
            content = self._content
            if self.cut and content.cell_length > width:
                content = content.truncate(width, ellipsis=True)
            self._strips = Visual.to_strips(self, content, width, None, style)
            line = self._focus_line
            if line is not None:
                # Lines wrap independently, so the strips of the text before the focus line
                # say where it starts; wrapping that prefix costs less than wrapping line by line.
                plain = self._content.plain
                start = 0
                for _ in range(line):
                    start = plain.find("\n", start) + 1
                    if start == 0:
                        break
                if start > 0 or line == 0:
                    end = plain.find("\n", start)
                    before = len(Visual.to_strips(self, self._content[:start - 1], width, None, style)) if start else 0
                    length = len(Visual.to_strips(self, self._content[start:end if end >= 0 else len(plain)],
                                                  width, None, style))
                    self._focus_strips = (before, before + max(1, length) - 1)
        # set without the reactive's layout pass: only our own scrollbar depends on it
        self.set_reactive(ScrollView.virtual_size, Size(width, len(self._strips)))
        self._refresh_scrollbars()

    def _scroll_to_focus(self) -> None:
        """Bring the focus line into view, with a few lines before it when there is room."""
        if self._focus_strips is None:
            return
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        first, last = self._focus_strips
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
