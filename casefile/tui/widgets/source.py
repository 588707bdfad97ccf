"""An article's text with the claims of an incident highlighted.

A read-only TextArea: it renders only the visible lines, so long articles stay fast, and
its cursor and selection let a curator mark a span with the keyboard. Article text is never
read as markup, so nothing in it can style the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual._text_area_theme import TextAreaTheme
from textual.color import Color
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets._text_area import build_byte_to_codepoint_dict
from textual.widgets.text_area import Selection


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # a field kind (see kinds.py), "current-<kind>", "hit" or "furniture"


def _layer(mark: Mark) -> int:
    """Drawn in this order, so the current claim is always on top."""
    if mark.kind.startswith("current"):
        return 3
    return {"furniture": 0, "hit": 2}.get(mark.kind, 1)


class SourceText(TextArea):
    DEFAULT_CSS = """
    SourceText { height: 1fr; border: none; padding: 0 1; }
    SourceText:focus { border: none; }
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, soft_wrap=True, show_line_numbers=False,
                         tab_behavior="focus", **kwargs)
        self.cursor_blink = False
        self.match_cursor_bracket = False  # a reader's text, not code
        self._marks: list[Mark] = []

    def on_mount(self) -> None:
        self._apply_theme()

    def _app_theme_changed(self) -> None:
        self._apply_theme()

    def _apply_theme(self) -> None:
        """A text area theme made of the app theme's colours, so every built-in theme works:
        each field kind its own colour (underlined), the current claim on that colour, the
        selection in a neutral grey that no claim uses, search hits reversed."""
        from casefile.tui.kinds import KINDS, kind_colours

        theme = self.app.current_theme
        colours = kind_colours(theme)
        foreground = Color.parse(theme.foreground or "#e0e0e0")
        background = Color.parse(theme.background or "#121212")
        styles = {"furniture": Style(dim=True, italic=True),
                  "hit": Style(bold=True, reverse=True)}
        for kind in KINDS:
            colour = colours[kind]
            on_colour = "#000000" if colour.brightness > 0.5 else "#ffffff"
            styles[kind] = Style(underline=True, color=colour.rich_color)
            styles[f"current-{kind}"] = Style(bold=True, color=on_colour, bgcolor=colour.rich_color)
        selection = background.blend(foreground, 0.35)
        area_theme = TextAreaTheme(
            name="casefile",
            syntax_styles=styles,
            selection_style=Style(bgcolor=selection.rich_color, color=foreground.rich_color),
            cursor_line_style=None,
        )
        self.register_theme(area_theme)
        self.theme = "casefile"
        self._set_theme("casefile")
        self._line_cache.clear()
        self.refresh()

    def show(self, body: str, marks: list[Mark], focus_on: tuple[int, int] | None = None) -> None:
        self._marks = marks
        new_text = self.text != body
        if new_text:
            self.load_text(body)
        self._build_highlight_map()
        self._focus_on = focus_on
        if not self._wrapped_once:
            # Before the first layout the wrap width is unknown: wrap and scroll once it is.
            self.call_after_refresh(self._settle, True)
        else:
            # Same width as last time (TextArea rewraps by itself if a scrollbar comes or
            # goes): settle now, in this frame, not in one more.
            self._settle(new_text)

    _wrapped_once = False

    def _settle(self, rewrap: bool) -> None:
        if rewrap:
            self._rewrap_and_refresh_virtual_size()
            self._wrapped_once = self.wrap_width > 0
        focus_on = getattr(self, "_focus_on", None)
        if focus_on:
            # The cursor goes to the words, not a selection over them: the selection's grey
            # would hide the kind colour of the current claim.
            start, end = focus_on
            self.selection = Selection.cursor(self._location(start))
            self.scroll_cursor_visible(center=True, animate=False)
        else:
            self.selection = Selection.cursor((0, 0))
            self.scroll_home(animate=False)
        self.refresh()

    def set_marks(self, marks: list[Mark]) -> None:
        """New highlights on the same text, where the view is (no scrolling)."""
        self._marks = marks
        self._build_highlight_map()
        self.refresh()

    def scroll_to_offset(self, offset: int) -> None:
        """Put the cursor at a character of the text and bring it to the middle of the view."""
        self.selection = Selection.cursor(self._location(offset))
        self.scroll_cursor_visible(center=True, animate=False)
        self.refresh()

    def _location(self, offset: int) -> tuple[int, int]:
        return self.document.get_location_from_index(offset)

    def offset_of(self, location: tuple[int, int]) -> int:
        return self.document.get_index_from_location(location)

    def selected_span(self) -> tuple[int, int] | None:
        start, end = sorted((self.offset_of(self.selection.start), self.offset_of(self.selection.end)))
        return (start, end) if end > start else None

    def _refresh_size(self) -> None:
        """As TextArea's, without laying out the whole screen again: only our scrollbars
        depend on the text's height."""
        from textual.geometry import Size

        if self.soft_wrap:
            size = Size(0, self.wrapped_document.height)
        else:
            width, height = self.document.get_size(self.indent_width)
            size = Size(width + self.gutter_width + 1, height)
        self.set_reactive(TextArea.virtual_size, size)
        self._refresh_scrollbars()
        self.refresh()

    def _build_highlight_map(self) -> None:
        """Our own highlights instead of tree-sitter's: byte offsets per line, as TextArea wants."""
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        marks = getattr(self, "_marks", [])
        if not marks:
            return
        document = self.document
        for mark in sorted(marks, key=_layer):
            (row1, col1), (row2, col2) = document.get_location_from_index(mark.start), document.get_location_from_index(mark.end)
            for row in range(row1, row2 + 1):
                line = document.get_line(row)
                a = col1 if row == row1 else 0
                b = col2 if row == row2 else len(line)
                highlights[row].append((len(line[:a].encode()), len(line[:b].encode()), mark.kind))

    def _render_line(self, y: int) -> Strip:
        """As TextArea's, but a paragraph is styled and divided into its wrapped lines once,
        not once per line it wraps to: TextArea styles the whole paragraph for each line, so
        a one-paragraph article of 60 lines cost 60 paragraphs' work (7 ms for a 20-line
        view). The wrapped lines are kept in TextArea's own line cache, which every change
        of text, marks, theme, style or width clears."""
        wrapped = self.wrapped_document
        offset = y + self.scroll_offset.y
        if not 0 <= offset < wrapped.height:
            return super()._render_line(y)
        line_index, section = wrapped._offset_to_line_info[offset]
        key = ("paragraph", line_index, self.selection, self._draw_cursor, self.scrollable_content_region.width)
        lines = self._line_cache.get(key)
        if lines is None:
            lines = self._paragraph(line_index)
            if lines is None:
                return super()._render_line(y)
            self._line_cache[key] = lines
        if section >= len(lines):
            return super()._render_line(y)
        line = lines[section]
        if isinstance(line, Text):  # drawn when first shown
            line = lines[section] = self._strip(line, line_index)
        return line

    def _paragraph(self, line_index: int) -> list[Text] | None:
        """The wrapped lines of one paragraph, styled as TextArea styles them (cursor line,
        selection, marks, cursor); None for a line with tabs, which TextArea expands per
        wrapped line."""
        theme = self._theme
        line = self.get_line(line_index)
        if "\t" in line.plain or theme is None:
            return None
        length = len(line)
        line.set_length(length + 1)  # a space at the end for the cursor
        row, column = self.selection.end
        if self.highlight_cursor_line and self._has_cursor and row == line_index and theme.cursor_line_style:
            line.stylize(theme.cursor_line_style)
        top, bottom = sorted(self.selection)
        if top != bottom and top[0] <= line_index <= bottom[0] and theme.selection_style:
            start = top[1] if line_index == top[0] else 0
            end = bottom[1] if line_index == bottom[0] else length
            if length == 0 and line_index != row:
                line.plain = "▌"  # as TextArea shows an empty line inside the selection
                line.stylize(Style(color=theme.selection_style.bgcolor))
            else:
                line.stylize(theme.selection_style, start, end)
        marks = self._highlights.get(line_index)
        if marks:
            to_character = build_byte_to_codepoint_dict(line.plain.encode("utf-8"))
            for start, end, kind in marks:
                style = theme.syntax_styles.get(kind)
                if style is not None:
                    line.stylize(style, to_character.get(start, 0), to_character.get(end) if end else None)
        if row == line_index and self._draw_cursor and theme.cursor_style:
            line.stylize(theme.cursor_style, column, column + 1)
        offsets = self.wrapped_document.get_offsets(line_index)
        return list(line.divide(offsets)) if offsets else [line]

    def _strip(self, section: Text, line_index: int) -> Strip:
        theme = self._theme
        section.end = ""
        base_style = theme.base_style if theme.base_style is not None else self.rich_style
        cursor_line = self.highlight_cursor_line and self.selection.end[0] == line_index
        strip = Strip(section.render(self.app.console), cell_length=section.cell_len)
        width = self.scrollable_content_region.width - self.gutter_width
        return strip.extend_cell_length(width, theme.cursor_line_style if cursor_line else theme.base_style
                                        ).apply_style(base_style)
