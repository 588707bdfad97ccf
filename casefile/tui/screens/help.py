"""Help: every key, by screen, with the binding ids a keymap file can change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 96%; height: 90%; border: thick $accent;
        background: $surface; padding: 0 1; }
    """

    def __init__(self, sections: list[tuple[str, list[Binding]]], keymap: dict[str, str]):
        super().__init__()
        self.sections, self.keymap = sections, keymap

    def compose(self) -> ComposeResult:
        parts: list = [("casefile keys", "bold"), ("   (Esc closes; remap them in keys.toml by id)\n", "$text-muted")]
        for title, bindings in self.sections:
            parts += ["\n", (title, "bold underline $accent"), "\n"]
            for b in bindings:
                keys = self.keymap.get(b.id or "", b.key)
                shown = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                parts += [(f"  {shown:16}", "bold"), f"{b.description:18}", (f"{b.tooltip}", ""),
                          (f"  [{b.id}]\n" if b.id else "\n", "$text-muted")]
        with VerticalScroll():
            yield Static(Content.assemble(*parts))

    def action_dismiss(self) -> None:
        self.dismiss(None)
