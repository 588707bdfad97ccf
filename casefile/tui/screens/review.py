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
from casefile.tui.kinds import kind_of, qualified
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


STATUS_MARKS = {"confirmed": ("✓", "$success"), "rejected": ("✗", "$error"), "merged": ("⇢", "$text-muted"),
                "candidate": ("·", "$text-muted")}
QUEUE_LEGEND = [("·", "candidate"), ("✓", "confirmed"), ("✗", "rejected"), ("⇢", "merged into another"),
                ("†", "killed (best, range)"), ("⛓", "arrested"), ("src", "number of source articles"),
                ("!", "sources disagree")]


def _columns(width: int) -> tuple[int, int, bool]:
    """(place width, figures width, whether the type column fits) for a queue this wide."""
    figures_width = 7 if width < 50 else 14
    with_kind = width >= 44
    tail = (12 if with_kind else 0) + 1 + figures_width + 4
    return max(4, width - 2 - 11 - tail - 1), figures_width, with_kind


def queue_header(width: int) -> Content:
    place_width, figures_width, with_kind = _columns(width)
    kind = f" {'type':<11}" if with_kind else ""
    return Content.assemble(("  " + f"{'date':10} " + f"{'place':{place_width}}" + kind
                             + f" {'† ⛓':<{figures_width}} src!", "$text-muted"))


def queue_row(i: Incident, width: int = 48) -> Content:
    """status · date · place · type · killed/arrested · sources · disputed, fitted to the width
    (the type is left out when the pane is narrow)."""
    date = i.date_start or "undated"
    kind = SHORT_TYPES.get(i.sub_event_type or "", one_line(i.sub_event_type, 10) or "?")
    figures = " ".join(x for x in (f"†{figure(i.killed)}" if i.killed.best is not None else "",
                                   f"⛓{figure(i.arrested)}" if i.arrested.best is not None else "") if x)
    mark = ("!", "bold $warning") if i.disputed else " "
    status = STATUS_MARKS.get(i.status, STATUS_MARKS["candidate"])
    place_width, figures_width, with_kind = _columns(width)
    if len(figures) > figures_width:
        figures = figures[:figures_width - 1] + "…"
    kind_part = f" {kind:<11.11}" if with_kind else ""
    tail = f"{kind_part} {figures:<{figures_width}} {min(len(i.article_ids), 9):>3}"
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
        Binding("a", "annotate", "Note", id="review.annotate", tooltip="Add an analyst's note"),
        Binding("e", "edit", "Edit", id="review.edit", tooltip="Override a field"),
        Binding("r", "reopen", "Reopen", id="review.reopen", show=False, tooltip="Back to candidates"),
        Binding("n", "next_claim", "Claim", id="review.next_claim", tooltip="Next claim"),
        Binding("p", "previous_claim", "◂ Claim", id="review.previous_claim", show=False, tooltip="Previous claim"),
        Binding("right_square_bracket", "next_source", "Source ▸", id="review.next_source", show=False,
                tooltip="Next source article"),
        Binding("left_square_bracket", "previous_source", "◂ Source", id="review.previous_source", show=False,
                tooltip="Previous source article"),
        Binding("f", "cycle_filter", "Filter", id="review.filter", show=False,
                tooltip="Candidates / confirmed / rejected / all / merged"),
        Binding("tab", "switch_pane", "Pane", id="review.pane", show=False,
                tooltip="Queue → incident (scroll it with ↑↓ j k) → source text"),
        Binding("o", "open_article", "Article", id="review.open_article", show=False, tooltip="Open the source article"),
    ]

    def __init__(self):
        super().__init__()
        self.filter = "candidate"
        self.incident: Incident | None = None
        self.claims: list[Claim] = []
        self.anchored: list[Claim] = []
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
                yield ContentView(id="queue-head")
                yield WindowedList(self._fetch, self._count, queue_row, empty="No incidents here.",
                                   on_highlight=self.highlighted, id="queue")
            with Vertical(id="incident-pane"):
                yield ContentView(focusable=True, id="incident")
                yield ContentView(cut=True, id="source-label")
                yield SourceText(id="source")
        yield ContentView(id="said")
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

    def on_resize(self) -> None:
        self.query_one("#queue-head", ContentView).update(queue_header(self.query_one("#queue").size.width))

    # -- loading ------------------------------------------------------------------------
    def refresh_all(self, keep_index: int | None = None, said: str = "") -> None:
        queue = self.query_one("#queue", WindowedList)
        queue.reload(keep_index)
        self.query_one("#queue-title", ContentView).update(Content.assemble(
            (f" {FILTER_NAMES[self.filter]} ", "bold reverse"), f" {queue.total:,} ", ("f: filter", "$text-muted")))
        self.query_one("#queue-head", ContentView).update(queue_header(queue.size.width or 40))
        self.say(said)
        self.loaded()

    def say(self, said: str = "", problem: bool = False) -> None:
        """The status line: what was just done, or why a key did nothing (a toast would lay
        out the whole screen again). A message too long for the line keeps its end (the
        path, the count) after an ellipsis, and is shown whole in a notification too."""
        line = self.query_one("#said", ContentView)
        width = max(20, self.size.width - 2)
        if said:
            said = one_line(said)
            text = said
            if len(said) > width - 2:
                text = "…" + said[-(width - 3):]
                self.notify(said, severity="error" if problem else "information")
            line.update(Content.assemble(("✗ " if problem else "✓ ", "bold $error" if problem else "bold $success"),
                                         (one_line(text), "$error" if problem else "$success")))
        else:
            hint = ("tab: queue → incident → text · n/p: claims · o: article · f: filter · ?: every key"
                    if width >= 86 else "tab: pane · n/p: claim · o: article · f: filter · ?: keys")
            line.update(Content.assemble((hint, "$text-muted")))

    def highlighted(self, event: WindowedList.Highlighted) -> None:
        self.show(event.row)

    def show(self, incident: Incident | None) -> None:
        self.incident = incident
        if incident is None:
            self.claims, self.sources, self.anchored = [], [], []
            self.query_one("#incident", ContentView).update("")
            self.query_one("#source-label", ContentView).update("")
            self.query_one("#source", SourceText).show("", [])
            self._refresh_keys()
            return
        self.claims = self.case.claims(incident.id)
        # read once per incident, not once per claim step (n / p redraw the pane)
        self.extras = (self.case.annotations(incident.id), self.case.merged_from(incident.id),
                       self.case.relations(incident.id))
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
        state = None if i is None else (i.status, len(self.sources) > 1, bool(self.anchored))
        if state != getattr(self, "_key_state", object()):
            self._key_state = state
            self.refresh_bindings()

    @property
    def current_claim(self) -> Claim | None:
        return self.anchored[self.claim_index] if self.anchored else None

    def render_incident(self) -> None:
        i = self.incident
        articles = {a: self.app.article(a) for a in self.sources}
        annotations, merged_from, relations = self.extras
        content, focus_line = incident_content(i, self.claims, annotations, articles, self.current_claim,
                                               merged_from, relations, self.app.kind_colours())
        self.query_one("#incident", ContentView).update(content, focus_line)
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
        marks += [Mark(c.start, c.end, kind_of(c.field)) for c in self.anchored if c.article_id == article_id]
        focus = None
        if current is not None and current.article_id == article_id:
            marks.append(Mark(current.start, current.end, f"current-{kind_of(current.field)}"))
            focus = (current.start, current.end)
        on_page = [c for c in self.anchored if c.article_id == article_id]
        parts = [(f" [{article_id}] ", "bold reverse"), " ",
                 f"source {self.source_index + 1}/{len(self.sources)}  "]
        if current is not None and current.article_id == article_id:
            # the claim's kind and value first, then its number, then who said it: what a
            # narrow pane cuts is the end
            colour = self.app.kind_colours()[kind_of(current.field)].hex
            who = [("  — ", "$text-muted"), (one_line(current.attributed_to), "italic")] if current.attributed_to else []
            parts += [("▶ ", f"bold {colour}"), (FIELD_LABELS.get(current.field, current.field), f"bold {colour}"),
                      " ", (one_line(qualified(current), 30), "bold"),
                      (f"  claim {on_page.index(current) + 1}/{len(on_page)}", "$text-muted"), *who]
        else:
            parts += [one_line(article.outlet) or "outlet unknown", " · ", article.published or "undated"]
        label.update(Content.assemble(*parts))  # cut with an ellipsis at the width it is drawn at
        source.show(article.body, marks, focus)

    # -- moving -------------------------------------------------------------------------
    def action_next_claim(self) -> None:
        self._step_claim(1)

    def action_previous_claim(self) -> None:
        self._step_claim(-1)

    def _step_claim(self, step: int) -> None:
        if not self.anchored:
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
        """Queue → incident (scrollable) → source text → queue."""
        panes = [self.query_one("#queue"), self.query_one("#incident"), self.query_one("#source")]
        current = next((k for k, p in enumerate(panes) if p.has_focus), -1)
        panes[(current + 1) % len(panes)].focus()

    async def action_open_article(self) -> None:
        if self.sources:
            await self.app.open_article(self.sources[self.source_index], self.current_claim)

    # -- what a key can do now -------------------------------------------------------------
    NEEDS_INCIDENT = {"confirm", "reject", "merge", "unmerge", "link", "annotate", "edit", "reopen",
                      "next_claim", "previous_claim", "next_source", "previous_source", "open_article"}

    def refusal(self, action: str) -> str | None:
        """Why an action cannot act on what is shown, or None when it can."""
        i = self.incident
        if action not in self.NEEDS_INCIDENT:
            return None
        if i is None:
            return f"no incident selected: the {FILTER_NAMES[self.filter].lower()} queue is empty (f: another filter)"
        merged = i.status == "merged"
        if action == "unmerge" and not merged:
            return f"#{i.id} is not merged into another incident"
        if action in ("confirm", "reject", "merge", "edit", "link", "reopen") and merged:
            return f"#{i.id} is merged into #{i.merged_into}: curate #{i.merged_into}, or M to unmerge it"
        if action == "confirm" and i.status == "confirmed":
            return f"#{i.id} is already confirmed (r reopens it)"
        if action == "reject" and i.status == "rejected":
            return f"#{i.id} is already rejected (r reopens it)"
        if action == "reopen" and i.status == "candidate":
            return f"#{i.id} is already a candidate"
        if action in ("next_source", "previous_source") and len(self.sources) < 2:
            return f"#{i.id} has only one source article"
        if action in ("next_claim", "previous_claim") and not self.anchored:
            return f"#{i.id} has no claims in a source text"
        if action == "open_article" and not self.sources:
            return f"#{i.id} has no source article (an analyst's incident)"
        return None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Textual's meaning: True acts, None is shown dimmed, False is hidden. Either way a
        press says why (on_key)."""
        if action not in self.NEEDS_INCIDENT:
            return True
        if self.incident is None:
            return False  # nothing to act on: hidden from the footer
        if self.refusal(action) is None:
            return True
        if action == "unmerge":  # offered only on merged incidents: elsewhere it is noise
            return False
        return None  # dimmed

    def on_key(self, event) -> None:
        """A key bound to an action that cannot act now says why, on the status line."""
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            action = binding.action
            reason = self.refusal(action)
            if reason:
                event.stop()
                self.say(reason, problem=True)
                return

    def run_op(self, operation, advance: bool = False) -> None:
        """Run a curation operation; show what the database now holds, or why nothing changed."""
        try:
            done = operation()
        except CasefileError as exc:
            self.refresh_all()
            self.say(str(exc), problem=True)
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

    def merge_choice(self, o: Incident, score: float | None = None) -> tuple[Content, int]:
        label = Content.assemble((f"#{o.id} ", "bold"), f"{o.date_start or 'undated'}  ", one_line(o.location, 24) or "?",
                                 f"  killed {figure(o.killed)}", f"  [{', '.join(map(str, o.article_ids))}]",
                                 (f"  suggested, score {score:.2f}", "$text-muted") if score is not None else "")
        return label, o.id

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
            if o.status != "merged":
                choices.append(self.merge_choice(o, s["score"]))

        def find(text: str) -> list[tuple[Content, int]]:
            """Incidents by id or place, for the dialog's search box (not this one, not merged)."""
            text = text.strip().lstrip("#")
            if not text:
                return []
            found = []
            if text.isdigit():
                try:
                    found = [self.case.incident(int(text))]
                except CasefileError:
                    found = []
            elif len(text) >= 2:
                found = self.case.find_incidents(text, limit=12)
            return [self.merge_choice(o) for o in found if o.id != i.id and o.status != "merged"]

        def merge(ids: list[int]):
            if not ids:
                raise CasefileError("tick a duplicate (space), or find one by place or id")
            versions = {i.id: i.version}
            return self.app.curator.merge(i.id, ids, versions)

        self.app.push_screen(MergeDialog(f"Merge into #{i.id} ({one_line(i.location, 30) or 'place unknown'}, "
                                         f"{i.date_start or 'undated'}): which reports are the same incident?",
                                         merge, choices, find), self.after_dialog)

    def action_link(self) -> None:
        from casefile.tui.modals import LinkDialog

        i = self.incident
        self.app.push_screen(LinkDialog(f"Link #{i.id} to…", lambda other, kind: self.app.curator.link(i.id, other, kind)),
                             self.after_dialog)

    def action_annotate(self) -> None:
        from casefile.tui.modals import AnnotateDialog

        i = self.incident
        claim = self.current_claim
        anchor = None
        if claim is not None and claim.article_id:
            anchor = (f"{FIELD_LABELS.get(claim.field, claim.field)} {qualified(claim)} — "
                      f"“{one_line(claim.quote, 50)}” in [{claim.article_id}]")

        def annotate(text: str, anchored: bool):
            if anchored and anchor is not None:
                return self.app.curator.annotate(i.id, text, claim.article_id, claim.start, claim.end)
            return self.app.curator.annotate(i.id, text)

        self.app.push_screen(AnnotateDialog(f"Annotate #{i.id}", annotate, anchor), self.after_dialog)

    def action_edit(self) -> None:
        from casefile.tui.modals import EditDialog

        i = self.incident
        claim = self.current_claim
        values = editable_values(i)
        claimed = {"actor": "actor1"}.get(claim.field, claim.field) if claim is not None else None
        if claimed in values:
            field = claimed
        else:  # a field this incident has, the figures first
            field = next((f for f in ("killed", "wounded", "arrested", "date", "location", "event_type", "actor1")
                          if values.get(f)), "summary")
        self.app.push_screen(EditDialog(f"Edit #{i.id} (kept as an analyst claim beside the sources')",
                                        lambda field, value: self.app.curator.edit(i.id, field, value, version=i.version),
                                        field, values), self.after_dialog)


def editable_values(i: Incident) -> dict[str, str]:
    """Each editable field's current value, as the edit command takes it."""
    from casefile.curate import EDITABLE

    def best(r) -> str:
        return "" if r.best is None else str(r.best)

    date = ""
    if i.date_start:
        date = i.date_start if not i.date_end or i.date_end == i.date_start else f"{i.date_start}/{i.date_end}"
    known = {"date": date, "location": i.location or "", "admin1": i.admin1 or "", "country": i.country or "",
             "event_type": f"{i.event_type}/{i.sub_event_type}" if i.event_type else "",
             "actor1": i.actor1 or "", "actor2": i.actor2 or "", "killed": best(i.killed),
             "wounded": best(i.wounded), "arrested": best(i.arrested), "summary": i.summary or ""}
    values = {f: known.get(f, "") for f in EDITABLE}
    values["location"] = (i.location or "").split(",")[0] if i.location else ""
    return values
