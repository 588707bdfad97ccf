"""Help: what the colours and symbols mean, then every key by screen, with the binding ids a
keymap file can change (each on its key's line)."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from casefile.tui.kinds import KIND_HELP, KINDS


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 100; max-width: 96%; height: 90%; border: thick $accent;
        background: $surface; padding: 0 1; }
    """

    def __init__(self, sections: list[tuple[str, list[Binding]]], keymap: dict[str, str]):
        super().__init__()
        self.sections, self.keymap = sections, keymap

    def legend(self) -> list:
        from casefile.tui.screens.review import QUEUE_LEGEND

        colours = self.app.kind_colours()
        parts: list = ["\n", ("Highlights in the source text", "bold underline $accent"), "\n  "]
        for kind in KINDS:
            parts += [(f" {KIND_HELP[kind]} ", f"underline {colours[kind].hex}"), "  "]
        on = "#000000" if colours["killed"].brightness > 0.5 else "#ffffff"
        parts += ["\n  ", (" the current claim ", f"bold {on} on {colours['killed'].hex}"),
                  " is on its colour (n / p move), and the label line above the text names it;\n  ",
                  (" search hits ", "bold reverse"), " are reversed; ", ("page furniture", "dim italic"),
                  " is dimmed (not extracted).\n",
                  "\n", ("The incident queue", "bold underline $accent"), "\n  "]
        for symbol, meaning in QUEUE_LEGEND:
            parts += [(symbol, "bold"), f" {meaning}   "]
        parts += ["\n  columns: status · date · place · type · † killed ⛓ arrested · src (sources) · !\n"]
        return parts

    def compose(self) -> ComposeResult:
        width = min(100, int(self.app.size.width * 0.96)) - 4
        parts: list = [("casefile keys", "bold"), ("   (esc closes; remap them in keys.toml by the id in brackets)\n",
                                                     "$text-muted")]
        parts += self.legend()
        key_width, name_width = 14, 16
        for title, bindings in self.sections:
            parts += ["\n", (title, "bold underline $accent"), "\n"]
            for b in bindings:
                keys = self.keymap.get(b.id or "", b.key)
                shown = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                ident = f"[{b.id}]" if b.id else ""
                tip_width = max(16, width - 2 - key_width - name_width - len(ident) - 2)
                tip = textwrap.wrap(b.tooltip or "", tip_width) or [""]
                parts += [(f"  {shown:{key_width}}", "bold"), f"{b.description:{name_width}.{name_width}}",
                          f"{tip[0]:{tip_width}}", ("  " + ident, "$text-muted"), "\n"]
                for more in tip[1:]:  # a long tooltip continues under itself, never under the id
                    parts += [" " * (2 + key_width + name_width), more, "\n"]
        with VerticalScroll():
            yield Static(Content.assemble(*parts))

    def action_dismiss(self) -> None:
        self.dismiss(None)
