"""History: the audit log, newest first; Enter shows what an entry changed, row by row
(before / after, as a diff), and undoes it from there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Static

from casefile.errors import CasefileError
from casefile.textsafe import one_line
from casefile.tui.screens.fresh import ReloadsWhenChanged
from casefile.tui.widgets.content_view import ContentView
from casefile.tui.widgets.footer import Footer
from casefile.tui.widgets.rows import WindowedList

SKIPPED_COLUMNS = {"version", "updated_at", "created_at"}  # every change moves them: noise in a diff


def history_row(e: dict, width: int = 100) -> Content:
    undone = ("  undone", "$text-muted italic") if e["undone_at"] else ""
    return Content.assemble((f"{e['id']:>5} ", "$text-muted"), (e["at"].replace("T", " ")[:19], "$text-secondary"),
                            "  ", (f"{one_line(e['author'], 12):12}", ""), "  ", (f"{e['action']:9}", "bold"),
                            " ", one_line(e["target"]), undone)


def _value(v) -> str:
    return "∅" if v is None else one_line(str(v), 120)


def entry_diff(e: dict) -> Content:
    """The rows an entry changed: − before, + after, per table and row (only changed columns)."""
    parts: list = [(f"#{e['id']} {e['action']} {one_line(e['target'])}", "bold"), "  ",
                   (f"{one_line(e['author'])} · {e['at'].replace('T', ' ')[:19]}", "$text-muted")]
    if e["undone_at"]:
        parts += [("  (undone " + e["undone_at"].replace("T", " ")[:19] + ")", "$warning")]
    parts.append("\n")
    before, after = e["before"] or {}, e["after"] or {}
    # the incident first: what a curator changed; then the rows that came or went with it
    for table in sorted(set(before) | set(after), key=lambda t: (t != "incidents", t)):
        rows_before, rows_after = before.get(table) or {}, after.get(table) or {}
        for row_id in sorted(set(rows_before) | set(rows_after), key=lambda r: int(r) if str(r).isdigit() else 0):
            old, new = rows_before.get(row_id), rows_after.get(row_id)
            what = "created" if old is None else "removed" if new is None else "changed"
            parts += ["\n", (f"{table.rstrip('s')} {row_id}", "bold underline"), (f"  {what}", "$text-muted"), "\n"]
            old, new = old or {}, new or {}
            shown = 0
            for column in [c for c in dict.fromkeys([*old, *new]) if c not in SKIPPED_COLUMNS]:
                a, b = old.get(column), new.get(column)
                if (a == b and what == "changed") or (what != "changed" and a is None and b is None):
                    continue
                shown += 1
                parts.append((f"  {column:16}", "$text-secondary"))
                if what != "created":
                    parts += [("− " + _value(a), "$text-error")]
                if what == "changed":
                    parts.append("  ")
                if what != "removed":
                    parts += [("+ " + _value(b), "$text-success")]
                parts.append("\n")
            if not shown:
                parts += [("  (only its version moved)", "$text-muted"), "\n"]
    return Content.assemble(*parts)


class EntryScreen(ModalScreen):
    """One audit entry's before / after; u undoes it."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="entry.close"),
                Binding("u", "undo_entry", "Undo this", id="entry.undo", tooltip="Undo this entry")]
    DEFAULT_CSS = """
    EntryScreen { align: center middle; }
    EntryScreen > Vertical { width: 100; max-width: 96%; height: 90%; border: thick $accent; background: $surface; }
    EntryScreen #diff { height: 1fr; padding: 0 1; }
    EntryScreen #entry-said { height: 1; padding: 0 1; }
    """

    def __init__(self, entry: dict):
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical():
            yield ContentView(focusable=True, id="diff")
            yield ContentView(id="entry-said")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#diff", ContentView).update(entry_diff(self.entry))
        self.query_one("#diff").focus()
        self.query_one("#entry-said", ContentView).update(Content.assemble(
            ("↑↓ scroll · u undoes this entry · esc closes", "$text-muted")))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "undo_entry" and (self.entry["undone_at"] or self.entry["action"] == "undo"):
            return None  # dimmed: this entry cannot be undone
        return True

    def action_undo_entry(self) -> None:
        try:
            done = self.app.curator.undo(entry_id=self.entry["id"])
        except CasefileError as exc:
            self.query_one("#entry-said", ContentView).update(Content.assemble(("✗ " + str(exc), "$error")))
            return
        self.dismiss(done)

    def action_dismiss(self) -> None:
        self.dismiss(None)


class HistoryScreen(ReloadsWhenChanged, Screen):
    BINDINGS = [Binding("enter", "show_entry", "Changes", id="history.show",
                        tooltip="What the selected entry changed (before / after); u there undoes it"),
                Binding("u", "undo_entry", "Undo this", id="history.undo",
                        tooltip="Undo the highlighted change, whoever made it")]

    @property
    def case(self):
        return self.app.case

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Vertical():
            yield Static(Content.assemble((" History ", "bold reverse"),
                                          ("  newest first · enter: what it changed · "
                                           "u undoes the highlighted change", "$text-muted")), id="history-title")
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

    def reload(self, said: str = "") -> None:
        history = self.query_one("#history", WindowedList)
        history.reload(history.cursor)
        self.loaded()
        if said:
            self.notify(said)

    def action_undo_entry(self) -> None:
        entry = self.query_one("#history", WindowedList).current
        if entry is None:
            return
        try:
            done = self.app.curator.undo(entry["id"])
        except CasefileError as exc:
            self.notify(str(exc), severity="error", title="Not undone")
            return
        self.reload(said=done.message)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("show_entry", "undo_entry") and self.query_one("#history", WindowedList).current is None:
            return False  # no entries: hidden
        return True

    def action_show_entry(self) -> None:
        entry = self.query_one("#history", WindowedList).current
        if entry is None:
            return

        def done(result) -> None:
            if result is not None:
                self.reload(said=result.message)

        self.app.push_screen(EntryScreen(entry), done)
