"""History: the audit log, newest first; undo from here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from casefile.errors import CasefileError
from casefile.textsafe import one_line
from casefile.tui.screens.fresh import ReloadsWhenChanged
from casefile.tui.widgets.footer import Footer
from casefile.tui.widgets.rows import WindowedList


def history_row(e: dict, width: int = 100) -> Content:
    undone = ("  undone", "$text-muted italic") if e["undone_at"] else ""
    return Content.assemble((f"{e['id']:>5} ", "$text-muted"), (e["at"].replace("T", " ")[:19], "$text-secondary"),
                            "  ", (f"{one_line(e['author'], 12):12}", ""), "  ", (f"{e['action']:9}", "bold"),
                            " ", one_line(e["target"]), undone)


class HistoryScreen(ReloadsWhenChanged, Screen):
    BINDINGS = [Binding("u", "undo_entry", "Undo this", id="history.undo",
                        tooltip="Undo the highlighted change, whoever made it")]

    @property
    def case(self):
        return self.app.case

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Vertical():
            yield Static(Content.assemble((" History ", "bold reverse"),
                                          ("  newest first · u undoes the highlighted change", "$text-muted")), id="history-title")
            yield WindowedList(lambda o, n: self.case.history(limit=n, offset=o), self.case.history_count,
                               history_row, empty="No changes yet.", id="history")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#history", WindowedList).reload(0)
        self.loaded()
        self.query_one("#history").focus()

    def on_screen_resume(self) -> None:
        if self.changed_since_loaded():
            self.query_one("#history", WindowedList).reload(0)
            self.loaded()

    def action_undo_entry(self) -> None:
        history = self.query_one("#history", WindowedList)
        entry = history.current
        if entry is None:
            return
        try:
            done = self.app.curator.undo(entry["id"])
        except CasefileError as exc:
            self.notify(str(exc), severity="error", title="Not undone")
            return
        history.reload(history.cursor)
        self.loaded()
        self.notify(done.message)
