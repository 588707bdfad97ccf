"""Duplicates: the suggestion queue; a pair side by side with fields aligned, the score
breakdown, and both source texts highlighted. One key decides and advances."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from casefile.errors import CasefileError
from casefile.model import Incident
from casefile.textsafe import one_line
from casefile.tui.screens.fresh import ReloadsWhenChanged
from casefile.tui.widgets.content_view import ContentView
from casefile.tui.widgets.detail import figure, when
from casefile.tui.widgets.footer import Footer
from casefile.tui.widgets.rows import WindowedList
from casefile.tui.widgets.source import Mark, SourceText


class DuplicatesScreen(ReloadsWhenChanged, Screen):
    BINDINGS = [
        Binding("m", "match", "Match (merge)", id="duplicates.match", tooltip="Same incident: merge, next pair"),
        Binding("x", "no_match", "No match", id="duplicates.no_match", tooltip="Different incidents: never suggest again"),
        Binding("s", "unsure", "Unsure", id="duplicates.unsure", tooltip="Keep for later, next pair"),
        Binding("space", "next_pair", "Next", id="duplicates.next", tooltip="Skip to the next pair"),
        Binding("R", "recompute", "Recompute", id="duplicates.recompute", show=False,
                tooltip="Recompute suggestions (in the background)"),
    ]

    @property
    def case(self):
        return self.app.case

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Vertical():
            yield ContentView(id="pairs-title")
            yield ContentView(id="pairs-order")
            yield WindowedList(lambda o, n: self.case.suggestions(limit=n, offset=o), self.case.suggestion_count,
                               self._row, empty="No duplicate suggestions. (R recomputes them.)",
                               on_highlight=lambda event: self.show(event.row), id="pairs")
            yield ContentView(id="pair")
            with Horizontal(id="pair-sources"):
                yield SourceText(id="left-source")
                yield SourceText(id="right-source")
        yield Footer(compact=True)

    def _row(self, s: dict, width: int = 80) -> Content:
        try:
            left, right = self.case.incident(s["left"]), self.case.incident(s["right"])
        except CasefileError:
            return Content("(gone)")
        unsure = ("  unsure", "$warning") if s.get("judged") == "unsure" else ""
        return Content.assemble((f"{s['score']:.2f}", "bold"), f"  #{left.id} ↔ #{right.id}  ",
                                one_line(left.location, 24), "  ", left.date_start or "undated", " / ",
                                right.date_start or "undated", unsure)

    def on_mount(self) -> None:
        self.query_one("#pairs-order").styles.height = 1  # one line, whatever the stylesheet says of views
        self.reload()
        self.query_one("#pairs").focus()

    def on_screen_resume(self) -> None:
        if self.changed_since_loaded():
            self.reload()

    def reload(self, keep_index: int | None = None, said: str = "") -> None:
        pairs = self.query_one("#pairs", WindowedList)
        pairs.reload(keep_index)
        self.query_one("#pairs-title", ContentView).update(Content.assemble(
            (" Duplicate suggestions ", "bold reverse"),
            f"  {pairs.total:,}{'+' if pairs.total >= self.case.SUGGESTION_COUNT_CAP else ''} open  ",
            (f"✓ {said}", "$success") if said else ("m match · x no match · s unsure · space next", "$text-muted")))
        self.query_one("#pairs-order", ContentView).update(self._order())
        self.loaded()  # the list's Highlighted message shows its current row

    def _order(self) -> Content:
        """Whether the queue's order comes from the curator's own decisions (see match.learn)."""
        from casefile.learning import MIN_EACH

        matches, no_matches, newer, learned = self.case.judgements_before_suggestions()
        fresh = f" · {newer} newer decision{'s' if newer != 1 else ''}: R relearns" if newer else ""
        if learned:
            return Content.assemble((f" order learned from {matches + no_matches} decisions", "$accent"),
                                    (f" ({matches} match, {no_matches} no match){fresh}", "$text-muted"))
        if matches >= MIN_EACH and no_matches >= MIN_EACH:
            return Content.assemble(  # short: it must fit 80 columns
                (" order by hand-set weights", "$text-muted"),
                (f" · learned weights did worse on {matches + no_matches} unseen decisions{fresh}", "$text-muted"))
        return Content.assemble(  # short: it must fit 80 columns
            (" order by hand-set weights", "$text-muted"),
            (f" · learned at {MIN_EACH} match + {MIN_EACH} no match ({matches} + {no_matches} so far){fresh}",
             "$text-muted"))

    def show(self, s: dict | None) -> None:
        self.pair = s
        pair, left_src, right_src = self.query_one("#pair", ContentView), self.query_one("#left-source"), self.query_one("#right-source")
        if s is None:
            pair.update("")
            left_src.show("", [])
            right_src.show("", [])
            self.refresh_bindings()
            return
        left, right = self.case.incident(s["left"]), self.case.incident(s["right"])
        pair.update(self._aligned(left, right, s))
        for incident, view in ((left, left_src), (right, right_src)):
            claims = [c for c in self.case.claims(incident.id) if c.start is not None]
            if not claims:
                view.show("", [])
                continue
            article_id = claims[0].article_id
            article = self.app.article(article_id)
            counts = [c for c in claims if c.article_id == article_id and c.field in ("killed", "wounded", "arrested")]
            focus = (counts or claims)[0]
            marks = [Mark(c.start, c.end, "claim") for c in claims if c.article_id == article_id]
            marks.append(Mark(focus.start, focus.end, "current"))
            view.show(article.body, marks, (focus.start, focus.end))
        self.refresh_bindings()

    def _aligned(self, a: Incident, b: Incident, s: dict) -> Content:
        rows = [
            ("", f"#{a.id} [{', '.join(map(str, a.article_ids))}]", f"#{b.id} [{', '.join(map(str, b.article_ids))}]"),
            ("date", when(a), when(b)),
            ("place", one_line(a.location) or "?", one_line(b.location) or "?"),
            ("admin1", one_line(a.admin1) or "?", one_line(b.admin1) or "?"),
            ("type", one_line(a.sub_event_type) or "?", one_line(b.sub_event_type) or "?"),
            ("actors", f"{one_line(a.actor1)} / {one_line(a.actor2)}", f"{one_line(b.actor1)} / {one_line(b.actor2)}"),
            ("killed", figure(a.killed), figure(b.killed)),
            ("arrested", figure(a.arrested), figure(b.arrested)),
        ]
        width = max(20, (self.size.width - 9 - 2 - 2 - 1) // 2)  # label, padding, scrollbar: no wrapping
        parts: list = []
        for n, (label, x, y) in enumerate(rows):
            same = x == y
            parts += [(f"{label:9}", "$text-secondary"), (f"{one_line(x, width - 1):{width}}", "" if same else "bold"),
                      (one_line(y, width), "" if same else "bold"), "\n"]
            if n == 0:
                parts += self._why(s, self.size.width - 2 - 1)  # first, where the pane never hides it
        parts += [(f"{'score':9}", "$text-secondary"), (f"{s['score']:.2f}  ", "bold")]
        parts += ["  ".join(f"{k} {v:.2f}" for k, v in s["breakdown"].items()), "\n"]
        return Content.assemble(*parts)

    @staticmethod
    def _why(s: dict, width: int = 80) -> list:
        """What both sources share, what one leaves out, what differs: wrapped at the words
        under its label (a hanging indent), never cut, whole names kept whole."""
        if not s["reasons"]:
            return []
        room = max(20, width - 9)
        parts: list = [(f"{'why':9}", "$text-secondary")]
        column = 0
        for i, reason in enumerate(s["reasons"]):
            style = "$warning" if "different events" in reason else ""
            words = one_line(reason).split(" ")
            for k, word in enumerate(words):
                lead = ("; " if i else "") if k == 0 else " "
                if column and column + len(lead) + len(word) > room:
                    parts += ["\n", " " * 9]
                    column, lead = 0, ""
                elif not column:
                    lead = ""
                parts += [lead, (word, style)]
                column += len(lead) + len(word)
        return parts + ["\n"]

    def on_resize(self) -> None:
        # the why line and the aligned columns are laid out for the width
        if getattr(self, "pair", None) is not None:
            self.show(self.pair)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("match", "no_match", "unsure", "next_pair") and getattr(self, "pair", None) is None:
            return None
        return True

    def decide(self, operation) -> None:
        pairs = self.query_one("#pairs", WindowedList)
        index = pairs.cursor
        try:
            done = operation()
        except CasefileError as exc:
            self.notify(str(exc), severity="error", title="Not done")
            self.reload(index)
            return
        self.reload(index, said=done.message)  # the decided pair leaves the queue: same index, next pair

    def action_match(self) -> None:
        s = self.pair
        left, right = self.case.incident(s["left"]), self.case.incident(s["right"])
        self.decide(lambda: self.app.curator.merge(left.id, [right.id], {left.id: left.version, right.id: right.version}))

    def action_no_match(self) -> None:
        s = self.pair
        self.decide(lambda: self.app.curator.judge(s["left"], s["right"], "no_match", s["score"], s["breakdown"]))

    def action_unsure(self) -> None:
        s = self.pair
        pairs = self.query_one("#pairs", WindowedList)
        index = pairs.cursor
        try:
            done = self.app.curator.judge(s["left"], s["right"], "unsure", s["score"], s["breakdown"])
        except CasefileError as exc:
            self.notify(str(exc), severity="error")
            return
        self.reload(index, said=done.message)
        pairs.set_cursor(index + (0 if pairs.row(index) is not None and pairs.row(index) != s else 1))

    def action_next_pair(self) -> None:
        self.query_one("#pairs", WindowedList).action_cursor_down()

    def action_recompute(self) -> None:
        self.app.recompute_suggestions()
