"""Review: the incident queue on the left; on the right the selected incident and its source
text with every claim highlighted, the current one strongest. One key decides and advances."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from casefile.errors import CasefileError
from casefile.model import Claim, Incident
from casefile.textsafe import one_line
from casefile.tui.screens.fresh import ReloadsWhenChanged
from casefile.tui.widgets.content_view import ContentView
from casefile.tui.widgets.detail import FIELD_LABELS, figure, incident_content
from casefile.tui.widgets.footer import Footer
from casefile.tui.widgets.rows import WindowedList
from casefile.tui.widgets.source import Mark, SourceText

FILTERS = ("candidate", "confirmed", "rejected", "all", "merged")
FILTER_NAMES = {"candidate": "Candidates", "confirmed": "Confirmed", "rejected": "Rejected",
                "all": "All", "merged": "Merged"}
SHORT_TYPES = {"Armed clash": "clash", "Suicide bomb": "suicide bomb", "Remote explosive/landmine/IED": "IED/bomb",
               "Air/drone strike": "air strike", "Shelling/artillery/missile attack": "shelling",
               "Attack": "attack", "Abduction/forced disappearance": "abduction", "Arrests": "arrests",
               "Disrupted weapons use": "foiled plot", "Looting/property destruction": "looting", "Other": "other"}


def queue_row(i: Incident, width: int = 48) -> Content:
    """status · date · place · type · killed/arrested · sources · disputed, fitted to the width
    (the type goes first when the pane is narrow)."""
    date = i.date_start or "undated"
    kind = SHORT_TYPES.get(i.sub_event_type or "", one_line(i.sub_event_type, 10) or "?")
    figures = " ".join(x for x in (f"†{figure(i.killed)}" if i.killed.best is not None else "",
                                   f"⛓{figure(i.arrested)}" if i.arrested.best is not None else "") if x)
    mark = ("!", "bold $warning") if i.disputed else " "
    status = {"confirmed": ("✓", "$success"), "rejected": ("✗", "$error"), "merged": ("⇢", "$text-muted")}.get(
        i.status, ("·", "$text-muted"))
    figures_width = 7 if width < 50 else 14
    if len(figures) > figures_width:
        figures = figures[:figures_width - 1] + "…"
    kind_part = f" {kind:<11.11}" if width >= 44 else ""
    tail = f"{kind_part} {figures:<{figures_width}} {min(len(i.article_ids), 9)}"
    place_width = max(4, width - 2 - 11 - len(tail) - 1)
    place = one_line((i.location or i.country or "?").split(",")[0], place_width)
    return Content.assemble(status, " ", (f"{date:10}", "$text-secondary"), " ", f"{place:{place_width}}",
                            tail, mark)


class ReviewScreen(ReloadsWhenChanged, Screen):
    BINDINGS = [
        Binding("c", "confirm", "Confirm", id="review.confirm", tooltip="Confirm this incident, go to the next"),
        Binding("x", "reject", "Reject", id="review.reject", tooltip="Reject (not an event), go to the next"),
        Binding("m", "merge", "Merge", id="review.merge", tooltip="Merge duplicates into this incident"),
        Binding("M", "unmerge", "Unmerge", id="review.unmerge", tooltip="Bring a merged incident back"),
        Binding("l", "link", "Link", id="review.link", show=False, tooltip="Link to another incident"),
        Binding("a", "annotate", "Annotate", id="review.annotate", tooltip="Add an analyst's note"),
        Binding("e", "edit", "Edit", id="review.edit", tooltip="Override a field"),
        Binding("r", "reopen", "Reopen", id="review.reopen", show=False, tooltip="Back to candidates"),
        Binding("n", "next_claim", "Claim ▸", id="review.next_claim", tooltip="Next claim"),
        Binding("p", "previous_claim", "◂ Claim", id="review.previous_claim", show=False, tooltip="Previous claim"),
        Binding("right_square_bracket", "next_source", "Source ▸", id="review.next_source", show=False,
                tooltip="Next source article"),
        Binding("left_square_bracket", "previous_source", "◂ Source", id="review.previous_source", show=False,
                tooltip="Previous source article"),
        Binding("f", "cycle_filter", "Filter", id="review.filter", tooltip="Candidates / confirmed / rejected / all / merged"),
        Binding("tab", "switch_pane", "Pane", id="review.pane", show=False, tooltip="Queue ⇄ source text"),
        Binding("o", "open_article", "Article", id="review.open_article", show=False, tooltip="Open the source article"),
    ]

    def __init__(self):
        super().__init__()
        self.filter = "candidate"
        self.incident: Incident | None = None
        self.claims: list[Claim] = []
        self.claim_index = 0
        self.sources: list[int] = []
        self.source_index = 0

    @property
    def case(self):
        return self.app.case

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Horizontal():
            with Vertical(id="queue-pane"):
                yield ContentView(id="queue-title")
                yield WindowedList(self._fetch, self._count, queue_row, empty="No incidents here.", id="queue")
            with Vertical(id="incident-pane"):
                yield ContentView(id="incident")
                yield ContentView(id="source-label")
                yield SourceText(id="source")
        yield Footer(compact=True)

    def _fetch(self, offset: int, limit: int) -> list[Incident]:
        return self.case.incidents(status=self.filter, limit=limit, offset=offset)

    def _count(self) -> int:
        return self.case.incident_count(self.filter)

    async def on_mount(self) -> None:
        self.refresh_all()
        self.query_one("#queue").focus()
        await self.query_one(Footer).build_now()

    def on_screen_resume(self) -> None:
        if self.changed_since_loaded():
            self.refresh_all()

    # -- loading ------------------------------------------------------------------------
    def refresh_all(self, keep_index: int | None = None, said: str = "") -> None:
        queue = self.query_one("#queue", WindowedList)
        queue.reload(keep_index)
        # What was just done goes in the title line: a toast would re-lay out the whole screen.
        self.query_one("#queue-title", ContentView).update(Content.assemble(
            (f" {FILTER_NAMES[self.filter]} ", "bold reverse"), f" {queue.total:,} ",
            (f" ✓ {said}", "$success") if said else ("f: filter", "$text-muted")))
        # Shown now, not when the list's Highlighted message arrives: the first frame then
        # has the incident and the footer its final keys (no second layout and footer).
        self.show(queue.current)
        self.loaded()

    def on_windowed_list_highlighted(self, event: WindowedList.Highlighted) -> None:
        # A reload's own message carries the row refresh_all has just shown (the same object).
        if event.list.id == "queue" and event.row is not self.incident:
            self.show(event.row)

    def show(self, incident: Incident | None) -> None:
        self.incident = incident
        if incident is None:
            self.claims, self.sources = [], []
            self.query_one("#incident", ContentView).update("")
            self.query_one("#source-label", ContentView).update("")
            self.query_one("#source", SourceText).show("", [])
            self._refresh_keys()
            return
        self.claims = self.case.claims(incident.id)
        self.sources = list(dict.fromkeys(c.article_id for c in self.claims if c.article_id))
        anchored = [c for c in self.claims if c.start is not None]
        first = next((k for k, c in enumerate(anchored) if c.field in ("killed", "wounded", "arrested", "abducted", "released")), 0)
        self.anchored = anchored
        self.claim_index = first if anchored else 0
        self.source_index = self.sources.index(anchored[first].article_id) if anchored else 0
        self.render_incident()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Redraw the footer only when what the keys can do changed (it is not cheap)."""
        i = self.incident
        state = None if i is None else (i.status, len(self.sources) > 1)
        if state != getattr(self, "_key_state", object()):
            self._key_state = state
            self.refresh_bindings()

    @property
    def current_claim(self) -> Claim | None:
        return self.anchored[self.claim_index] if getattr(self, "anchored", None) else None

    def render_incident(self) -> None:
        i = self.incident
        articles = {a: self.app.article(a) for a in self.sources}
        self.query_one("#incident", ContentView).update(incident_content(
            i, self.claims, self.case.annotations(i.id), articles, self.current_claim,
            self.case.merged_from(i.id), self.case.relations(i.id)))
        self.render_source()

    def render_source(self) -> None:
        label = self.query_one("#source-label", ContentView)
        source = self.query_one("#source", SourceText)
        if not self.sources:
            label.update(Content.assemble((" no source text (analyst incident) ", "$text-muted")))
            source.show("", [])
            return
        article_id = self.sources[self.source_index]
        article = self.app.article(article_id)
        current = self.current_claim
        marks = [Mark(s.start, s.end, "furniture") for s in article.excluded]
        marks += [Mark(c.start, c.end, "claim") for c in self.anchored if c.article_id == article_id]
        focus = None
        if current is not None and current.article_id == article_id:
            marks.append(Mark(current.start, current.end, "current"))
            focus = (current.start, current.end)
        on_page = [c for c in self.anchored if c.article_id == article_id]
        parts = [(f" [{article_id}] ", "bold reverse"), " ",
                 one_line(article.outlet) or "outlet unknown", " · ", article.published or "undated",
                 f"  source {self.source_index + 1}/{len(self.sources)}  "]
        if current is not None and current.article_id == article_id:
            who = f" — {one_line(current.attributed_to)}" if current.attributed_to else ""
            parts += [("▶ ", "bold $accent"), (FIELD_LABELS.get(current.field, current.field), "bold $accent"),
                      f" {one_line(current.value, 30)}{who}",
                      (f"  claim {on_page.index(current) + 1}/{len(on_page)}", "$text-muted")]
        label.update(Content.assemble(*parts))
        source.show(article.body, marks, focus)

    # -- moving -------------------------------------------------------------------------
    def action_next_claim(self) -> None:
        self._step_claim(1)

    def action_previous_claim(self) -> None:
        self._step_claim(-1)

    def _step_claim(self, step: int) -> None:
        if not getattr(self, "anchored", None):
            return
        self.claim_index = (self.claim_index + step) % len(self.anchored)
        self.source_index = self.sources.index(self.current_claim.article_id)
        self.render_incident()

    def action_next_source(self) -> None:
        self._step_source(1)

    def action_previous_source(self) -> None:
        self._step_source(-1)

    def _step_source(self, step: int) -> None:
        if len(self.sources) < 2:
            return
        self.source_index = (self.source_index + step) % len(self.sources)
        article_id = self.sources[self.source_index]
        self.claim_index = next((k for k, c in enumerate(self.anchored) if c.article_id == article_id), self.claim_index)
        self.render_incident()

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.refresh_all(keep_index=0)

    def action_switch_pane(self) -> None:
        queue, source = self.query_one("#queue"), self.query_one("#source")
        (source if queue.has_focus else queue).focus()

    async def action_open_article(self) -> None:
        if self.sources:
            await self.app.open_article(self.sources[self.source_index], self.current_claim)

    # -- deciding -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        i = self.incident
        needs_incident = {"confirm", "reject", "merge", "unmerge", "link", "annotate", "edit", "reopen",
                          "next_claim", "previous_claim", "next_source", "previous_source", "open_article"}
        if action in needs_incident and i is None:
            return None
        if i is None:
            return True
        merged = i.status == "merged"
        if action == "unmerge":
            return True if merged else False
        if action in ("confirm", "reject", "merge", "edit", "link") and merged:
            return None
        if action == "confirm" and i.status == "confirmed":
            return None
        if action == "reject" and i.status == "rejected":
            return None
        if action == "reopen":
            return True if i.status in ("confirmed", "rejected") else False
        if action in ("next_source", "previous_source") and len(self.sources) < 2:
            return None
        return True

    def run_op(self, operation, advance: bool = False) -> None:
        """Run a curation operation; show what the database now holds, or why nothing changed."""
        try:
            done = operation()
        except CasefileError as exc:
            self.notify(str(exc), severity="error", title="Not done")
            self.refresh_all()
            return
        queue = self.query_one("#queue", WindowedList)
        index = queue.cursor
        if advance and self.filter in ("all",):
            index += 1
        self.refresh_all(keep_index=index, said=done.message)

    def action_confirm(self) -> None:
        i = self.incident
        self.run_op(lambda: self.app.curator.confirm(i.id, version=i.version), advance=True)

    def action_reject(self) -> None:
        i = self.incident
        self.run_op(lambda: self.app.curator.reject(i.id, version=i.version), advance=True)

    def action_reopen(self) -> None:
        i = self.incident
        self.run_op(lambda: self.app.curator.reopen(i.id, version=i.version))

    def action_unmerge(self) -> None:
        from casefile.tui.modals import ConfirmDialog  # dialogs are imported when first opened

        i = self.incident
        self.app.push_screen(ConfirmDialog(f"Unmerge #{i.id} from #{i.merged_into}?",
                                           lambda: self.app.curator.unmerge(i.id, version=i.version),
                                           "Its claims go back to it; the other incident's figures are re-derived."),
                             self.after_dialog)

    def after_dialog(self, done) -> None:
        self.refresh_all(said=done.message if done is not None else "")

    def action_merge(self) -> None:
        from casefile.tui.modals import MergeDialog

        i = self.incident
        choices = []
        for s in self.app.suggestions_for(i.id):
            other = s["right"] if s["left"] == i.id else s["left"]
            try:
                o = self.case.incident(other)
            except CasefileError:
                continue
            choices.append((f"#{o.id} {o.date_start or 'undated'} {one_line(o.location, 20)} "
                            f"killed {figure(o.killed)} · score {s['score']:.2f}", o.id))

        def merge(ids: list[int]):
            if not ids:
                raise CasefileError("tick a duplicate or type its id")
            versions = {i.id: i.version}
            return self.app.curator.merge(i.id, ids, versions)

        self.app.push_screen(MergeDialog(f"Merge into #{i.id}: which reports are the same incident?", merge, choices),
                             self.after_dialog)

    def action_link(self) -> None:
        from casefile.tui.modals import LinkDialog

        i = self.incident
        self.app.push_screen(LinkDialog(f"Link #{i.id} to…", lambda other, kind: self.app.curator.link(i.id, other, kind)),
                             self.after_dialog)

    def action_annotate(self) -> None:
        from casefile.tui.modals import AnnotateDialog

        i = self.incident
        claim = self.current_claim

        def annotate(text: str):
            if claim is not None and claim.article_id:
                return self.app.curator.annotate(i.id, text, claim.article_id, claim.start, claim.end)
            return self.app.curator.annotate(i.id, text)

        self.app.push_screen(AnnotateDialog(f"Annotate #{i.id}", annotate), self.after_dialog)

    def action_edit(self) -> None:
        from casefile.tui.modals import EditDialog

        i = self.incident
        claim = self.current_claim
        field = claim.field if claim is not None and claim.field in ("killed", "wounded", "arrested") else "killed"
        current = str(getattr(i, field).best or "")
        self.app.push_screen(EditDialog(f"Edit #{i.id} (kept as an analyst claim)",
                                        lambda field, value: self.app.curator.edit(i.id, field, value, version=i.version),
                                        field, current), self.after_dialog)
