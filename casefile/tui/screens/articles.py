"""Articles: browse and search (full text, hits highlighted); open one with all its claims
highlighted; select words with the keyboard and attach them as a claim (or start an incident)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from casefile.curate import attach_claim, new_incident
from casefile.errors import CasefileError
from casefile.model import HIT_END, HIT_START
from casefile.searchterms import hit_spans
from casefile.tui.kinds import kind_of
import re

from casefile.textsafe import one_line, strip_controls
from casefile.tui.screens.fresh import ReloadsWhenChanged
from casefile.tui.modals import AttachDialog
from casefile.tui.widgets.content_view import ContentView
from casefile.tui.widgets.footer import Footer
from casefile.tui.widgets.rows import WindowedList
from casefile.tui.widgets.source import Mark, SourceText


def snippet_content(snippet: str, before: int = 24) -> Content:
    """A search snippet with its hits in bold, cut to start shortly before the first hit so
    a narrow row still shows it."""
    first = snippet.find(HIT_START)
    if first > before:
        cut = snippet.find(" ", first - before)
        snippet = "…" + snippet[cut + 1 if 0 <= cut < first else first:]
    parts, hot = [], False
    for piece in snippet.replace(HIT_START, "\0S").replace(HIT_END, "\0E").split("\0"):
        if piece.startswith("S"):
            hot, piece = True, piece[1:]
        elif piece.startswith("E"):
            hot, piece = False, piece[1:]
        piece = re.sub(r"\s+", " ", strip_controls(piece))  # not one_line: it would eat the spaces around hits
        if piece:
            parts.append((piece, "bold reverse") if hot else piece)
    return Content.assemble(*parts)


class ArticlesScreen(ReloadsWhenChanged, Screen):
    BINDINGS = [
        Binding("slash", "search", "Search", id="articles.search", tooltip="Full-text search"),
        Binding("escape", "app.mode('review')", "Review", id="articles.back", show=False, priority=True,
                tooltip="Back to the incident queue, from the search box too"),
        Binding("ctrl+l", "clear_search", "Clear", id="articles.clear", show=False, tooltip="Clear the search"),
        Binding("N", "next_hit", "Next hit", id="articles.next_hit", show=False,
                tooltip="Scroll the article to the next search hit"),
        Binding("t", "attach", "Attach span", id="articles.attach",
                tooltip="Attach the selected words to an incident (shift+arrows select)"),
        Binding("tab", "switch_pane", "Pane", id="articles.pane", show=False),
    ]

    def __init__(self):
        super().__init__()
        self.query_text = ""
        self.hits: list = []
        self.article = None
        self.focus_claim = None
        self.opened: int | None = None  # an article opened from elsewhere: a reload keeps it shown
        self.terms: list[list[str]] = []  # the searched words, to highlight in the article
        self.expanded = None  # the PlaceQuery a place search was widened to
        self.hit_spans: list[tuple[int, int]] = []
        self.hit_index = 0
        self._claims = {}  # article id -> (how many claims cite it, their distinct spans and kinds)

    @property
    def case(self):
        return self.app.case

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▣")
        with Horizontal():
            with Vertical(id="articles-pane"):
                yield Input(placeholder="/ search: words, \"a phrase\", prefix*", id="search")
                yield ContentView(id="articles-title")
                yield WindowedList(self._fetch, self._count, self._row, empty="No articles.",
                                   on_highlight=self.highlighted, id="articles")
            with Vertical(id="article-pane"):
                yield ContentView(id="article-label")
                yield SourceText(id="article-text")
        yield Footer(compact=True)

    def _fetch(self, offset: int, limit: int) -> list:
        if self.query_text:
            return self.hits[offset:offset + limit]
        return self.case.articles(limit=limit, offset=offset)

    def _count(self) -> int:
        return len(self.hits) if self.query_text else self.case.article_count()

    def _row(self, row, width: int = 60) -> Content:
        if self.query_text:  # the snippet first: the hit must show in a narrow pane
            return Content.assemble((f"[{row.article_id}] ", "$text-muted"), snippet_content(row.snippet, max(6, width // 6)),
                                    ("  — ", "$text-muted"), (one_line(row.title, 40), "italic"))
        return Content.assemble((f"[{row.id}] ", "$text-muted"), (row.published or "undated"), "  ",
                                (one_line(row.outlet, 16) or "—"), "  ", one_line(row.title))

    def on_mount(self) -> None:
        self.reload()
        if self.opened is None:
            self.query_one("#articles").focus()

    def on_screen_resume(self) -> None:
        if self.changed_since_loaded():
            self._claims.clear()
            self.reload()

    def reload(self) -> None:
        articles = self.query_one("#articles", WindowedList)
        articles.reload()
        if self.expanded is not None:  # say that the search was widened, and to what
            what = f"matching the place {self.expanded.place}"
            more = Content.assemble((f" searched as its {len(self.expanded.spellings)} gazetteer spellings: ", "$text-muted"),
                                    ", ".join(self.expanded.spellings))
        elif self.query_text:
            what, more = f"matching {self.query_text!r}", Content.assemble((" N: next hit in the article · "
                                                                             "ctrl+l clears · esc: review", "$text-muted"))
        else:
            what, more = "all, in import order", Content.assemble((" / searches · esc: review", "$text-muted"))
        self.query_one("#articles-title", ContentView).update(
            Content.assemble((" Articles ", "bold reverse"), f"  {articles.total:,} {one_line(what)}", "\n", more))
        self.loaded()

    def open(self, article_id: int, claim=None) -> None:
        """Show an article (called by the app for "open the source article")."""
        self.focus_claim = claim
        self.opened = article_id
        self.show_article(article_id)
        self.query_one("#article-text").focus()

    def highlighted(self, event: WindowedList.Highlighted) -> None:
        row = event.row
        if event.forced and self.opened is not None:
            return  # the list reloading does not replace the article the curator asked for
        self.opened = None
        if row is not None:
            self.show_article(row.article_id if self.query_text else row.id)

    def show_article(self, article_id: int) -> None:
        """The text at once, with its search hits and the claim it was opened for; the
        highlights of every claim on it follow from a worker (an article cited by thousands
        of incidents takes seconds to read)."""
        article = self.app.article(article_id)
        self.article = article
        self.hit_spans = hit_spans(article.body, self.terms) if self.query_text else []
        self.hit_index = 0
        focus = None
        if self.focus_claim is not None and self.focus_claim.article_id == article_id:
            focus = (self.focus_claim.start, self.focus_claim.end)
        elif self.hit_spans:
            focus = self.hit_spans[0]
        claims = self._claims.get(article_id)
        self.query_one("#article-text", SourceText).show(article.body, self._marks(article, claims), focus)
        self._label(article, claims)
        if claims is None:
            self.load_claims(article_id)

    def _marks(self, article, claims) -> list[Mark]:
        marks = [Mark(s.start, s.end, "furniture") for s in article.excluded]
        marks += [Mark(*span) for span in (claims[1] if claims else ())]
        marks += [Mark(a, b, "hit") for a, b in self.hit_spans]
        if self.focus_claim is not None and self.focus_claim.article_id == article.id:
            marks.append(Mark(self.focus_claim.start, self.focus_claim.end, f"current-{kind_of(self.focus_claim.field)}"))
        return marks

    def _label(self, article, claims) -> None:
        hits = (f" · {len(self.hit_spans)} hits, N: next" if self.hit_spans else "")
        counted = "claims loading…" if claims is None else f"{claims[0]:,} claims"
        label = self.query_one("#article-label", ContentView)
        # one line for the title, whatever the pane's width (a scrollbar may take two columns)
        title_width = max(10, (label.size.width or 60) - 2 - len(f" [{article.id}]  ") - 1)
        label.update(Content.assemble(
            (f" [{article.id}] ", "bold reverse"), " ", (one_line(article.title, title_width) or "(untitled)", "bold"), "\n",
            f" {one_line(article.outlet) or 'outlet unknown'} · {article.published or 'undated'} · "
            f"{counted}{hits} · shift+arrows select, t attaches"))

    @work(thread=True, exclusive=True, exit_on_error=False, group="article-claims")
    def load_claims(self, article_id: int) -> None:
        from casefile.store import CaseFile

        with CaseFile(self.app.db_path) as case:
            total, spans = case.article_claim_spans(article_id)
        # Many incidents may cite the same words (duplicates do): one mark per span and kind.
        marks = list(dict.fromkeys((start, end, kind_of(field)) for start, end, field in spans))
        self.app.call_from_thread(self._claims_loaded, article_id, (total, marks))

    def _claims_loaded(self, article_id: int, claims) -> None:
        if len(self._claims) > 50:
            self._claims.clear()
        self._claims[article_id] = claims
        if self.article is not None and self.article.id == article_id:
            self.query_one("#article-text", SourceText).set_marks(self._marks(self.article, claims))
            self._label(self.article, claims)

    def action_next_hit(self) -> None:
        if not self.hit_spans:
            self.notify("No search hits in this article." if self.query_text else "Search first (/).")
            return
        self.hit_index = (self.hit_index + 1) % len(self.hit_spans)
        self.query_one("#article-text", SourceText).scroll_to_offset(self.hit_spans[self.hit_index][0])

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        self.query_text, self.hits, self.terms, self.expanded = "", [], [], None
        self.reload()
        self.query_one("#articles").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value.strip())

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, text: str) -> None:
        """Search in a worker with its own connection: a large case file never freezes the screen."""
        if not text:
            self.app.call_from_thread(self.action_clear_search)
            return
        from casefile.store import CaseFile

        from casefile.searchterms import place_query, query_terms

        expanded = place_query(text)  # a place: search every spelling the gazetteer knows
        try:
            with CaseFile(self.app.db_path) as case:
                result = case.search(expanded.query if expanded else text, limit=1000)
        except CasefileError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", title="Search")
            return
        terms = query_terms(expanded.query if expanded else text)
        self.app.call_from_thread(self._show_results, text, result, terms, expanded)

    def _show_results(self, text: str, result, terms=None, expanded=None) -> None:
        self.query_text, self.hits = text, result.hits
        self.terms, self.expanded, self.opened = terms or [], expanded, None
        if result.literal:
            self.notify("That is not query syntax; searched the words as typed.")
        self.reload()
        self.query_one("#articles").focus()

    def action_switch_pane(self) -> None:
        articles, text = self.query_one("#articles"), self.query_one("#article-text")
        (text if articles.has_focus else articles).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "attach":
            return True if self.article is not None else None
        return True

    def action_attach(self) -> None:
        view = self.query_one("#article-text", SourceText)
        span = view.selected_span()
        if self.article is None or span is None:
            self.notify("Select some words first: focus the text (tab), then shift+arrows.", severity="warning")
            return
        start, end = span
        article_id = self.article.id
        # Offered only when it is related: the incident this article was opened from (o).
        # Otherwise empty (a new incident), with the incidents citing the article named.
        citing = sorted({c.incident_id for c in self.case.article_claims(article_id) if c.incident_id})
        opened_from = self.focus_claim.incident_id if self.focus_claim is not None else None
        default = opened_from if opened_from in citing and self.opened == article_id else None

        def attach(incident_id, field, value):
            if incident_id is None:
                return new_incident(self.app.curator, article_id, start, end, field, value)
            return attach_claim(self.app.curator, incident_id, article_id, start, end, field, value)

        def done(result) -> None:
            if result is not None:
                self.notify(result.message)
                self._claims.pop(article_id, None)
                self.show_article(article_id)

        self.app.push_screen(AttachDialog("Attach the selected words as a claim", attach,
                                          self.article.body[start:end], default, citing), done)
