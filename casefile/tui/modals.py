"""Dialogs: annotate, edit a field, merge, link, attach a span, confirm a step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, SelectionList, TextArea

from casefile.curate import EDITABLE, FIELDS_FROM_SPANS
from casefile.errors import CasefileError


class Dialog(ModalScreen):
    """A modal with a title, an error line, and Escape to cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2; }
    Dialog .title { text-style: bold; margin-bottom: 1; }
    Dialog .error { color: $error; height: auto; }
    Dialog .hint { color: $text-muted; }
    Dialog Horizontal.buttons { height: auto; margin-top: 1; align-horizontal: right; }
    Dialog Button { margin-left: 1; }
    Dialog TextArea { height: 8; }
    Dialog SelectionList { height: auto; max-height: 10; }
    """

    def __init__(self, title: str, action):
        super().__init__()
        self.title_text = title
        self.action = action  # called with the dialog's values; may raise CasefileError

    def body(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.title_text), classes="title")  # outside text: never markup
            yield from self.body()
            yield Label("", classes="error", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("OK", variant="primary", id="ok")

    def values(self) -> dict:
        return {}

    def submit(self) -> None:
        try:
            result = self.action(**self.values())
        except CasefileError as exc:
            self.query_one("#error", Label).update(Content(str(exc)))
            return
        self.dismiss(result)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.submit()

    def action_cancel(self) -> None:
        self.dismiss(None)


class AnnotateDialog(Dialog):
    BINDINGS = [Binding("ctrl+s", "save", "Save", id="dialog.save")]

    def body(self) -> ComposeResult:
        yield Label("Your note (analysis, kept apart from the sources). Ctrl+S saves.", classes="hint")
        yield TextArea(id="note")

    def on_mount(self) -> None:
        note = self.query_one("#note", TextArea)
        note.cursor_blink = False
        note.focus()

    def values(self) -> dict:
        return {"text": self.query_one("#note", TextArea).text}

    def action_save(self) -> None:
        self.submit()


class EditDialog(Dialog):
    def __init__(self, title: str, action, field: str = "killed", current: str = ""):
        super().__init__(title, action)
        self.field, self.current = field, current

    def body(self) -> ComposeResult:
        yield Select([(f, f) for f in EDITABLE], value=self.field, allow_blank=False, id="field")
        yield Input(self.current, placeholder="new value", id="value")
        yield Label("date: 2025-05-17, 2025-05, 2025, A/B or unknown · event_type: TYPE/SUB-TYPE · "
                    "counts: a whole number (the best figure)", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()

    def values(self) -> dict:
        return {"field": self.query_one("#field", Select).value, "value": self.query_one("#value", Input).value}


class MergeDialog(Dialog):
    """Pick the duplicates to merge into the incident under review (space ticks, enter merges)."""

    BINDINGS = [Binding("enter", "submit", "Merge", priority=True, id="dialog.merge")]

    def action_submit(self) -> None:
        self.submit()

    def __init__(self, title: str, action, choices: list[tuple[str, int]]):
        super().__init__(title, action)
        self.choices = choices

    def body(self) -> ComposeResult:
        if self.choices:
            yield Label("Suggested duplicates (space to tick):", classes="hint")
            yield SelectionList(*[(Content(label), value, i == 0) for i, (label, value) in enumerate(self.choices)],
                                id="picks")
        yield Input(placeholder="or incident ids, e.g. 12 15", id="ids")

    def on_mount(self) -> None:
        (self.query_one("#picks") if self.choices else self.query_one("#ids")).focus()

    def values(self) -> dict:
        picked = list(self.query_one("#picks", SelectionList).selected) if self.choices else []
        typed = [int(x) for x in self.query_one("#ids", Input).value.replace(",", " ").split() if x.isdigit()]
        return {"ids": list(dict.fromkeys(picked + typed))}


class LinkDialog(Dialog):
    def body(self) -> ComposeResult:
        yield Input(placeholder="the other incident's id", id="other")
        with RadioSet(id="kind"):
            yield RadioButton("related", value=True)
            yield RadioButton("follow_up")
            yield RadioButton("part_of")

    def on_mount(self) -> None:
        self.query_one("#other", Input).focus()

    def values(self) -> dict:
        raw = self.query_one("#other", Input).value.strip()
        pressed = self.query_one("#kind", RadioSet).pressed_button
        return {"other": int(raw) if raw.isdigit() else -1, "kind": str(pressed.label) if pressed else "related"}


class AttachDialog(Dialog):
    """Attach the selected words of an article to an incident, or start a new incident."""

    def __init__(self, title: str, action, quote: str, incident_id: int | None):
        super().__init__(title, action)
        self.quote, self.incident_id = quote, incident_id

    def body(self) -> ComposeResult:
        yield Label(Content(f"“{self.quote[:200]}”"), classes="hint")
        yield Input(str(self.incident_id or ""), placeholder="incident id (empty: a new incident)", id="incident")
        yield Select([(f, f) for f in FIELDS_FROM_SPANS], value="killed", allow_blank=False, id="field")
        yield Input(placeholder="value: the number for a count; empty keeps the quoted words", id="value")

    def on_mount(self) -> None:
        self.query_one("#incident", Input).focus()

    def values(self) -> dict:
        raw = self.query_one("#incident", Input).value.strip()
        return {"incident_id": int(raw) if raw.isdigit() else None,
                "field": self.query_one("#field", Select).value,
                "value": self.query_one("#value", Input).value.strip() or None}


class ConfirmDialog(Dialog):
    def __init__(self, title: str, action, detail: str = ""):
        super().__init__(title, action)
        self.detail = detail

    def body(self) -> ComposeResult:
        if self.detail:
            yield Label(Content(self.detail), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()
