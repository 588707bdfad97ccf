"""Dialogs: annotate, edit a field, merge, link, attach a span, confirm a step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import (Button, Checkbox, Input, Label, RadioButton, RadioSet, Select, SelectionList,
                             TextArea)

from casefile.curate import EDITABLE, FIELDS_FROM_SPANS
from casefile.errors import CasefileError
from casefile.textsafe import one_line
from casefile.tui.kinds import COUNTED, grouped


class Dialog(ModalScreen):
    """A modal with a title, an error line, and Escape to cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { width: 80; max-width: 96%; height: auto; max-height: 96%; overflow-y: auto;
        border: thick $accent; background: $surface; padding: 0 1; }
    Dialog Label { width: 100%; }
    Dialog .title { text-style: bold; margin-bottom: 1; }
    Dialog .error { color: $error; height: auto; display: none; }
    Dialog .error.shown { display: block; }
    Dialog .hint { color: $text-muted; }
    Dialog .label { text-style: bold; margin-top: 1; }
    Dialog Horizontal.buttons { height: auto; align-horizontal: right; }
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
            error = self.query_one("#error", Label)
            error.update(Content(str(exc)))
            error.add_class("shown")
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
    """A note, anchored to the current claim's words, or to none if the curator says so."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="dialog.save")]

    def __init__(self, title: str, action, anchor: str | None = None):
        super().__init__(title, action)
        self.anchor = anchor  # what the note would be anchored to, described; None: nothing to anchor to

    def body(self) -> ComposeResult:
        yield Label("Your note (analysis, kept apart from the sources). Ctrl+S saves.", classes="hint")
        yield TextArea(id="note")
        if self.anchor is not None:
            yield Checkbox(Content.assemble("Anchored to the current claim: ", (self.anchor, "bold")),
                           value=True, id="anchored")
            yield Label("(untick it, with tab then space, for a note on the whole incident)", classes="hint")
        else:
            yield Label("Not anchored to any words: a note on the whole incident.", classes="hint", id="anchored-none")

    def on_mount(self) -> None:
        note = self.query_one("#note", TextArea)
        note.cursor_blink = False
        note.focus()

    def values(self) -> dict:
        anchored = self.anchor is not None and self.query_one("#anchored", Checkbox).value
        return {"text": self.query_one("#note", TextArea).text, "anchored": anchored}

    def action_save(self) -> None:
        self.submit()


class EditDialog(Dialog):
    """Override a field; the value box shows the chosen field's current value."""

    def __init__(self, title: str, action, field: str = "killed", values: dict[str, str] | None = None):
        super().__init__(title, action)
        self.values_now = values or {}
        self.field = field if field in EDITABLE else EDITABLE[0]

    def body(self) -> ComposeResult:
        def now(f: str) -> str:  # the box takes the bare number; the hint is for reading
            value = one_line(self.values_now.get(f), 40) or "—"
            return grouped(value) if f in COUNTED else value

        options = [(Content.assemble(f, (f"  now: {now(f)}", "$text-muted")), f) for f in EDITABLE]
        yield Label("Field", classes="label")
        yield Select(options, value=self.field, allow_blank=False, id="field")
        yield Label("New value", classes="label")
        yield Input(self.values_now.get(self.field, ""), placeholder="new value", id="value")
        yield Label("date: 2025-05-17, 2025-05, 2025, A/B or unknown · event_type: TYPE/SUB-TYPE · "
                    "counts: a whole number (the best figure)", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field" and event.value in EDITABLE:
            self.query_one("#value", Input).value = self.values_now.get(event.value, "")
            self.query_one("#error", Label).remove_class("shown")

    def values(self) -> dict:
        return {"field": self.query_one("#field", Select).value, "value": self.query_one("#value", Input).value}


class MergeDialog(Dialog):
    """Pick the duplicates to merge into the incident under review: the suggested twins
    first, then any incident found by place or id (space ticks, enter merges)."""

    BINDINGS = [Binding("enter", "submit", "Merge", priority=True, id="dialog.merge")]

    def action_submit(self) -> None:
        self.submit()

    def __init__(self, title: str, action, choices: list[tuple], find=None):
        super().__init__(title, action)
        self.choices = choices
        self.find = find  # text -> [(label, id)]: incidents by place or id

    def body(self) -> ComposeResult:
        if self.choices:
            yield Label("Suggested duplicates, all ticked: space unticks one that is not the same incident, "
                        "enter merges the ticked ones.", classes="hint")
        else:
            yield Label("No suggested duplicates: find one by place or id below.", classes="hint")
        # labels are Content built from stored text (never parsed as markup)
        # All ticked: the matcher rarely suggests a pair that is not one incident, so the
        # curator's usual act is to untick the odd one out.
        yield SelectionList(*[(label, value, True) for label, value in self.choices], id="picks")
        yield Label("Find by place or id (tab moves here and back)", classes="label")
        yield Input(placeholder="e.g. Aleppo, or 12", id="ids")

    def on_mount(self) -> None:
        (self.query_one("#picks") if self.choices else self.query_one("#ids")).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "ids" or self.find is None:
            return
        picks = self.query_one("#picks", SelectionList)
        kept = {value for _, value in self.choices} | set(picks.selected)
        found = [(label, value) for label, value in self.find(event.value) if value not in kept]
        # Keep the suggestions and anything ticked; the rest is the new search's result.
        for index in range(picks.option_count - 1, -1, -1):
            value = picks.get_option_at_index(index).value
            if value not in kept:
                picks.remove_option_at_index(index)
        picks.add_options([(label, value, False) for label, value in found])

    def values(self) -> dict:
        picked = list(self.query_one("#picks", SelectionList).selected)
        typed = [int(x) for x in self.query_one("#ids", Input).value.replace(",", " ").replace("#", " ").split()
                 if x.isdigit()]
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

    def __init__(self, title: str, action, quote: str, incident_id: int | None, citing: list[int] | None = None):
        super().__init__(title, action)
        self.quote, self.incident_id, self.citing = quote, incident_id, citing or []

    def body(self) -> ComposeResult:
        yield Label(Content.assemble("The words: ", (f"“{one_line(self.quote, 200)}”", "italic")), classes="hint")
        citing = (f"incidents citing this article: {', '.join(f'#{i}' for i in self.citing)}" if self.citing
                  else "no incident cites this article yet")
        yield Label(Content.assemble("Incident id ", ("(empty: start a new incident; ", "$text-muted"),
                                     (citing, "$text-muted"), (")", "$text-muted")), classes="label")
        yield Input(str(self.incident_id or ""), placeholder="empty: a new incident", id="incident")
        yield Label("Field the words support", classes="label")
        yield Select([(f, f) for f in FIELDS_FROM_SPANS], value="killed", allow_blank=False, id="field")
        yield Label("Value", classes="label")
        yield Input(placeholder="the number for a count; empty keeps the quoted words", id="value")

    def on_mount(self) -> None:
        self.query_one("#incident", Input).focus()

    def values(self) -> dict:
        raw = self.query_one("#incident", Input).value.strip().lstrip("#")
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
