"""The curation desk. `casefile` opens it on the case file; the core does every change."""

from __future__ import annotations

import gc
import importlib
from collections import OrderedDict
from functools import cached_property
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from casefile.errors import CasefileError
from casefile.store import CaseFile
from casefile.textsafe import one_line
from casefile.tui.commands import CasefileCommands
from casefile.tui.keymap import load_keymap
from casefile.tui.screens.review import ReviewScreen
from casefile.tui.widgets.content_view import ContentView
from casefile.tui.widgets.rows import WindowedList

# Only the review screen is shown at start: the others (and the dialogs, the curation core)
# are imported the first time they are needed, which keeps their modules off the start path.


def _screen_class(name: str):
    module, cls = {"duplicates": ("duplicates", "DuplicatesScreen"), "articles": ("articles", "ArticlesScreen"),
                   "history": ("history", "HistoryScreen"), "export": ("export", "ExportScreen"),
                   "help": ("help", "HelpScreen")}[name]
    return getattr(importlib.import_module(f"casefile.tui.screens.{module}"), cls)


def _entry_bindings() -> list:
    from casefile.tui.screens.history import EntryScreen

    return list(EntryScreen.BINDINGS)


def _mode(name: str):
    """A MODES entry that imports its screen when the mode is first opened."""
    def first_open():
        screen = _screen_class(name)()
        # Its widgets are styled as they mount; without this Textual (pinned) re-reads and
        # re-applies the whole stylesheet to every screen, twice, on a mode's first open
        # (~27 ms of a 180 ms open). A stylesheet that changed (a theme) still marks it stale.
        screen._css_update_count = screen.app._css_update_count
        return screen

    return first_open


class CasefileApp(App):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses live elsewhere
    TITLE = "casefile"
    COMMANDS = App.COMMANDS | {CasefileCommands}
    MODES = {"review": ReviewScreen, "duplicates": _mode("duplicates"), "articles": _mode("articles"),
             "history": _mode("history")}
    DEFAULT_MODE = "review"
    BINDINGS = [
        Binding("u,ctrl+z", "undo", "Undo", id="app.undo", tooltip="Undo your own newest change"),
        Binding("d", "mode('duplicates')", "Dups", id="app.duplicates", tooltip="Suggested duplicates"),
        Binding("h", "mode('history')", "History", id="app.history", tooltip="The audit log"),
        Binding("slash", "search", "Search", id="app.search", tooltip="Search articles"),
        Binding("escape", "mode('review')", "Review", id="app.review", show=False, tooltip="Back to the incident queue"),
        Binding("E", "export", "Brief", id="app.export", tooltip="Export a Markdown brief"),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Every key"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit (everything is already saved)"),
    ]

    def __init__(self, db_path: str | Path, keymap_file: Path | None = None):
        super().__init__()
        self.db_path = Path(db_path)
        self.db_label = one_line(self.db_path.name)
        self.sub_title = self.db_label  # here, not in on_mount: the first frame has it
        self.case = CaseFile(self.db_path)
        self._articles: OrderedDict = OrderedDict()
        self._keymap_file = keymap_file
        self.keymap: dict[str, str] = {}

    @cached_property
    def curator(self):
        from casefile.curate import Curator

        return Curator(self.case)

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None,
               markup: bool = False) -> None:
        """Notifications quote outside text (an error naming what was typed or selected):
        they are always plain text, never markup, whoever asks."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        keymap, problems = load_keymap(self.binding_ids, self._keymap_file)
        self.keymap = keymap
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, severity="warning", title="keys.toml")
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        """Once the first screen is up: check the file for the first write on another thread,
        and move what start-up built out of the garbage collector's sight (Python's full
        collections walk every live object: tens of ms in the middle of a key press)."""
        self.case.tx.check_ahead()
        gc.freeze()
        # Styled at start-up before it was mounted, so Textual still counts it stale and would
        # restyle everything on the first return to it (see _mode).
        self.screen._css_update_count = self._css_update_count

    def on_unmount(self) -> None:
        self.case.close()

    # -- shared services for the screens ---------------------------------------------
    def article(self, article_id: int):
        """Articles are frozen, so they can be cached for good (a few hundred at most)."""
        if article_id in self._articles:
            self._articles.move_to_end(article_id)
            return self._articles[article_id]
        article = self.case.article(article_id)
        self._articles[article_id] = article
        if len(self._articles) > 300:
            self._articles.popitem(last=False)
        return article

    def kind_colours(self) -> dict:
        """The colour of each field kind in the current theme (see kinds.py)."""
        from casefile.tui.kinds import kind_colours

        theme = self.current_theme
        cached = getattr(self, "_kind_colours", None)
        if cached is None or cached[0] != theme.name:
            cached = self._kind_colours = (theme.name, kind_colours(theme))
        return cached[1]

    def suggestions_for(self, incident_id: int) -> list[dict]:
        return self.case.suggestions_for(incident_id)

    def get_screen_for(self, mode: str):
        try:
            return self._screen_stacks[mode][0] if self._screen_stacks.get(mode) else None
        except (AttributeError, IndexError, KeyError):
            return None

    def binding_ids(self) -> set[str]:
        return {b.id for _, bindings in self.binding_sections() for b in bindings if b.id}

    def binding_sections(self):
        return [
            ("Everywhere", self.BINDINGS),
            ("Review", ReviewScreen.BINDINGS),
            ("Lists", WindowedList.BINDINGS),
            ("Incident pane (tab to it)", ContentView.BINDINGS),
            ("Duplicates", _screen_class("duplicates").BINDINGS),
            ("Articles", _screen_class("articles").BINDINGS),
            ("History", _screen_class("history").BINDINGS + _entry_bindings()),
            ("Export", _screen_class("export").BINDINGS),
        ]

    # -- actions ----------------------------------------------------------------------------
    async def action_mode(self, mode: str) -> None:
        if self.current_mode != mode:
            await self.switch_mode(mode)

    async def action_search(self) -> None:
        await self.action_mode("articles")
        self.screen.action_search()

    def action_export(self) -> None:
        def written(path) -> None:
            if path is not None:
                self.refresh_screen(f"brief written: {path}")

        self.push_screen(_screen_class("export")(Path("exports")), written)

    def action_help(self) -> None:
        self.push_screen(_screen_class("help")(self.binding_sections(), self.keymap))

    def action_undo(self) -> None:
        try:
            done = self.curator.undo()
        except CasefileError as exc:
            self.notify(str(exc), severity="error", title="Not undone")
            return
        self.refresh_screen(done.message)

    def refresh_screen(self, said: str = "") -> None:
        screen = self.screen
        for name in ("refresh_all", "reload"):
            if hasattr(screen, name):
                try:
                    getattr(screen, name)(said=said)
                except TypeError:
                    getattr(screen, name)()
                return
        history = screen.query("#history")
        if history:
            history.first().reload(0)

    async def go_to_incident(self, incident_id: int) -> None:
        try:
            incident = self.case.incident(incident_id)
        except CasefileError as exc:
            self.notify(str(exc), severity="error")
            return
        await self.action_mode("review")
        review = self.screen
        review.filter = "merged" if incident.status == "merged" else incident.status
        review.refresh_all(keep_index=0)
        queue = review.query_one("#queue", WindowedList)
        for index in range(queue.total):  # the window makes this a cheap scan of cached pages
            row = queue.row(index)
            if row is not None and row.id == incident_id:
                queue.set_cursor(index)
                break

    async def open_article(self, article_id: int, claim=None) -> None:
        await self.action_mode("articles")
        self.screen.open(article_id, claim)

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggestions")
    def recompute_suggestions(self) -> None:
        """Suggestions for a large case file take seconds: a worker, on its own connection."""
        from casefile.pipeline import refresh_suggestions

        self.call_from_thread(self.notify, "Recomputing duplicate suggestions…")
        with CaseFile(self.db_path) as case:
            count = refresh_suggestions(case)
        self.call_from_thread(self.notify, f"{count:,} duplicate suggestions")
        self.call_from_thread(self.refresh_screen)
