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


def flow(items: list[list], width: int, indent: int = 2) -> list:
    """Items (lists of Content parts) laid out in lines no wider than width, never split."""
    parts: list = [" " * indent]
    used = indent
    for item in items:
        size = sum(len(p if isinstance(p, str) else p[0]) for p in item) + 3
        if used + size > width and used > indent:
            parts += ["\n", " " * indent]
            used = indent
        parts += [*item, "   "]
        used += size
    return parts + ["\n"]


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

    def legend(self, width: int) -> list:
        from casefile.tui.screens.review import QUEUE_LEGEND

        colours = self.app.kind_colours()
        on = "#000000" if colours["killed"].brightness > 0.5 else "#ffffff"
        parts: list = ["\n", ("Highlights in the source text", "bold underline $accent"), "\n"]
        parts += flow([[(f" {KIND_HELP[kind]} ", f"underline {colours[kind].hex}")] for kind in KINDS], width)
        parts += flow([[(" the current claim ", f"bold {on} on {colours['killed'].hex}"), " on its colour (n / p move);"],
                       ["the line above the text names it;"],
                       [(" search hits ", "bold reverse"), " reversed;"],
                       [("page furniture", "dim italic"), " dimmed (not extracted)"]], width)
        parts += ["\n", ("The incident queue", "bold underline $accent"), "\n"]
        parts += flow([[(symbol, "bold"), f" {meaning}"] for symbol, meaning in QUEUE_LEGEND], width)
        parts += flow([["columns:"], ["status"], ["date"], ["place"], ["type (when it fits)"], ["† ⛓ figures"],
                       ["src"], ["!"]], width)
        return parts

    def compose(self) -> ComposeResult:
        width = min(100, int(self.app.size.width * 0.96)) - 8  # border, padding, scrollbar
        parts: list = [("casefile keys", "bold"), ("  esc closes · remap keys in keys.toml by the [id]\n",
                                                    "$text-muted")]
        parts += self.legend(width)
        key_width, name_width = 12, 14
        id_width = max(len(b.id or "") for _, bindings in self.sections for b in bindings) + 3
        tip_width = max(12, width - 2 - key_width - name_width - id_width)
        for title, bindings in self.sections:
            parts += ["\n", (title, "bold underline $accent"), "\n"]
            for b in bindings:
                keys = self.keymap.get(b.id or "", b.key)
                shown = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                ident = f"[{b.id}]" if b.id else ""
                tip = textwrap.wrap(b.tooltip or "", tip_width) or [""]
                parts += [(f"  {shown:{key_width}.{key_width}}", "bold"), f"{b.description:{name_width}.{name_width}}",
                          (f"{ident:{id_width}}", "$text-muted"), tip[0], "\n"]
                for more in tip[1:]:  # a long tooltip continues in its own column
                    parts += [" " * (2 + key_width + name_width + id_width), more, "\n"]
        with VerticalScroll():
            yield Static(Content.assemble(*parts))

    def action_dismiss(self) -> None:
        self.dismiss(None)
