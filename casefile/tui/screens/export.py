"""Export a brief: the same choices as `casefile export`, and a preview of the Markdown.

The preview is a read-only TextArea: it draws only the visible lines, so a 1 MB brief shows
at once (Textual's Markdown widget needs seconds for one of 38 KB). Rendering runs in a worker
on its own connection; what is written is exactly what was previewed."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, TextArea

from casefile.errors import CasefileError


class ExportScreen(ModalScreen):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "write", "Write", id="export.write", tooltip="Write the brief shown"),
        Binding("ctrl+r", "preview", "Preview", id="export.preview", tooltip="Render again"),
    ]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 96%; height: 94%; border: thick $accent; background: $surface; padding: 0 1; }
    ExportScreen .row { height: auto; }
    ExportScreen Input, ExportScreen Select { width: 1fr; margin-right: 1; }
    ExportScreen #preview { height: 1fr; border: round $primary-muted; }
    ExportScreen #message { width: 100%; height: auto; color: $text-muted; }  /* wraps: the path is at its end */
    ExportScreen #message.error { color: $error; }
    ExportScreen .buttons { height: auto; align-horizontal: right; }
    ExportScreen Button { margin-left: 1; }
    """

    def __init__(self, out_dir: Path):
        super().__init__()
        self.out_dir = out_dir
        self.brief = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export a brief  (ctrl+r previews, ctrl+s writes, esc closes)")
            with Horizontal(classes="row"):
                yield Input(placeholder="title", id="title")
                yield Select([("confirmed incidents", "confirmed"), ("confirmed and candidates", "all")],
                             value="confirmed", allow_blank=False, id="status")
            with Horizontal(classes="row"):
                yield Input(placeholder="since (2025-05-17, 2025-05, 2025)", id="since")
                yield Input(placeholder="until", id="until")
                yield Input(placeholder="place", id="place")
                yield Input(placeholder="actor", id="actor")
                yield Input(str(self.out_dir), placeholder="folder", id="out")
            yield TextArea(read_only=True, soft_wrap=True, id="preview")
            yield Label("", id="message")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Write", variant="primary", id="write")

    def on_mount(self) -> None:
        preview = self.query_one("#preview", TextArea)
        preview.cursor_blink = False
        self.query_one("#title", Input).focus()
        self.action_preview()

    def options(self):
        from casefile.brief import BriefOptions

        value = lambda name: self.query_one(f"#{name}", Input).value.strip() or None  # noqa: E731
        return BriefOptions.parse(title=value("title"), status=self.query_one("#status", Select).value,
                                  since=value("since"), until=value("until"), place=value("place"),
                                  actor=value("actor"))

    def on_input_submitted(self) -> None:
        self.action_preview()

    def on_select_changed(self) -> None:
        self.action_preview()

    def say(self, text: str, error: bool = False) -> None:
        status = self.query_one("#message", Label)
        status.set_class(error, "error")
        status.update(Content(text))  # quotes the filters typed: never markup

    def action_preview(self) -> None:
        try:
            options = self.options()
        except CasefileError as exc:
            self.say(str(exc), error=True)
            return
        self.say("rendering…")
        self.render_preview(options)

    @work(thread=True, exclusive=True, exit_on_error=False, group="brief")
    def render_preview(self, options) -> None:
        from casefile.brief import render
        from casefile.store import CaseFile

        try:
            with CaseFile(self.app.db_path) as case:
                brief = render(case, options)
        except CasefileError as exc:
            self.app.call_from_thread(self._show, None, str(exc))
            return
        self.app.call_from_thread(self._show, brief, "")

    def _show(self, brief, error: str) -> None:
        self.brief = brief
        preview = self.query_one("#preview", TextArea)
        if brief is None:
            preview.load_text("")
            self.say(error, error=True)
            return
        preview.load_text(brief.markdown)
        self.say(f"{brief.incidents} incidents · {len(brief.markdown) / 1000:.0f} KB · will be written as "
                 f"{Path(self.query_one('#out', Input).value or '.') / brief.filename}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self.action_write()
        else:
            self.dismiss(None)

    def action_write(self, force: bool = False) -> None:
        from casefile.brief import BriefExists, write_brief

        if self.brief is None:
            self.say("nothing to write: the selection is empty or not rendered yet", error=True)
            return
        out = Path(self.query_one("#out", Input).value.strip() or self.out_dir)
        try:
            path = write_brief(self.app.case, self.brief, out, force=force)
        except BriefExists as exc:
            from casefile.tui.modals import ConfirmDialog

            def replace(done) -> None:
                if done is not None:
                    self.action_write(force=True)

            self.app.push_screen(ConfirmDialog("Replace the existing brief?", lambda: True, str(exc)), replace)
            return
        except (CasefileError, OSError) as exc:
            self.say(str(exc), error=True)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
