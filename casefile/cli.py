"""The command line: every curation action is scriptable, listings print JSON with --json.

Textual is imported only when the app is asked for, so `casefile --help` stays fast.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import click

from casefile import __version__
from casefile.errors import CasefileError

DEFAULT_DB = "casefile.db"


def default_db() -> str:
    return os.environ.get("CASEFILE_DB") or DEFAULT_DB


class CaseGroup(click.Group):
    """Turns casefile's own errors into one clear line and exit code 1, never a traceback.

    Commands that live in heavier modules load when named (click's lazy-group pattern), so
    `--version`, `search` and the others never import the brief.
    """

    lazy = {"export": ("casefile.brief.command", "export_cmd")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str):
        if name in self.lazy and name not in self.commands:
            import importlib

            module, attr = self.lazy[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        from casefile.textsafe import strip_controls

        try:
            return super().invoke(ctx)
        except CasefileError as exc:
            raise click.ClickException(strip_controls(str(exc))) from None
        except click.ClickException as exc:  # click's own messages quote the values given
            exc.message = strip_controls(exc.message)
            raise
        except sqlite3.Error as exc:  # a read that met a damaged page, say
            from casefile.store.connection import explain

            fault = explain(exc, (ctx.obj or {}).get("db", ""))
            if fault is None:
                raise
            raise click.ClickException(strip_controls(str(fault))) from None


def open_case(ctx: click.Context):
    from casefile.store import CaseFile

    case = CaseFile.open(ctx.obj["db"])
    ctx.call_on_close(case.close)
    return case


def say(*parts, err: bool = False, nl: bool = True) -> None:
    """Every line the CLI prints goes through here. Each piece is cleaned as stored text is
    (no escape sequence from a file, a title or a typed value reaches the terminal), then
    styled: a piece is a string, or (string, {"bold": True, ...})."""
    from casefile.textsafe import strip_controls

    out = []
    for part in parts:
        text, style = part if isinstance(part, tuple) else (part, None)
        text = strip_controls(str(text))
        out.append(click.style(text, **style) if style else text)
    click.echo("".join(out), err=err, nl=nl)


def echo_json(data) -> None:
    say(json.dumps(data, ensure_ascii=False, indent=2))


def split_hits(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_hit) pieces, each flattened to one safe line."""
    import re

    from casefile.model import HIT_END, HIT_START
    from casefile.textsafe import strip_controls

    pieces, hot = [], False
    for piece in re.split(f"([{HIT_START}{HIT_END}])", snippet):
        if piece in (HIT_START, HIT_END):
            hot = piece == HIT_START
        elif piece:
            pieces.append((re.sub(r"\s+", " ", strip_controls(piece.replace("\n", " "))), hot))
    return pieces


def width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


@click.group(cls=CaseGroup, invoke_without_command=True,
             epilog="Without a command, casefile opens the curation desk on the case file.")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="Case file to use (default: $CASEFILE_DB, else ./casefile.db).")
@click.version_option(__version__, prog_name="casefile")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """casefile: turn news articles into a curated, sourced set of incidents."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db or default_db()
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj["db"])


def run_app(db: str) -> None:
    """Open the desk; a case file that does not exist yet starts from the seed articles."""
    path = Path(db)
    if not path.exists():
        from casefile.demo import seed_files
        from casefile.pipeline import import_paths
        from casefile.store import CaseFile

        say(f"Creating {path} from the {len(seed_files())} seed articles that ship with casefile…", err=True)
        try:
            with CaseFile(path) as case:
                report = import_paths(case, seed_files())
        except CasefileError as exc:
            raise click.ClickException(str(exc)) from None
        say(f"{report.imported} articles, {len(report.incident_ids)} candidate incidents, "
                   f"{report.suggestions or 0} duplicate suggestions.", err=True)
    from casefile.tui.app import CasefileApp  # Textual only when the app is asked for

    try:
        app = CasefileApp(path)
    except CasefileError as exc:
        raise click.ClickException(str(exc)) from None
    app.run()
    if app.return_code:  # the desk crashed (Textual printed why): say so to the shell too
        sys.exit(app.return_code)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--max-size", default="5MB", show_default=True,
              help="Largest file to read (e.g. 5MB, 500KB).")
@click.option("--no-extract", is_flag=True, help="Store the articles without extracting incidents.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes extracting incidents in parallel (large imports).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def import_cmd(ctx: click.Context, paths: tuple[str, ...], max_size: str, no_extract: bool,
               jobs: int, as_json: bool) -> None:
    """Import articles from files or folders (recursively).

    Reads .txt, .md, .html, .json, .jsonl and .csv. Re-importing an article is a no-op.
    Exit code 1 when any file could not be read; the good ones are still imported.
    """
    from casefile.ingest import parse_size
    from casefile.pipeline import import_paths

    try:
        max_bytes = parse_size(max_size)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-size") from None
    case = open_case(ctx)
    show_progress = sys.stderr.isatty() and not as_json

    def progress(done: int, total: int, path: str) -> None:
        if show_progress and total > 1:
            bar = int(30 * done / total)
            # our own text only: click.echo keeps the carriage return say() would clean away
            click.echo(f"\r[{'#' * bar}{'.' * (30 - bar)}] {done}/{total} files", nl=False, err=True)
            if done == total:
                click.echo("", err=True)

    report = import_paths(case, paths, max_bytes=max_bytes, on_file=progress, extract=not no_extract,
                          jobs=jobs)
    if as_json:
        echo_json(report.as_json())
    else:
        from casefile.textsafe import one_line

        for source, warning in report.warnings:
            say(f"warning: {one_line(source)}: {warning}", err=True)
        for source, article_id, why in report.duplicate_of:
            say(f"duplicate: {one_line(source)} is article {article_id} ({why})")
        for failure in report.failed:
            say(f"failed: {one_line(failure.path)}: {failure.error}", err=True)
        if report.stopped:
            say(f"stopped: {report.stopped}", err=True)
        say(
            f"{report.imported} imported ({len(report.incident_ids)} candidate incidents), "
            f"{report.duplicates} duplicate"
            f"{'s' if report.duplicates != 1 else ''}, {len(report.failed)} failed"
            + (f", {len(report.skipped)} skipped (not article files)" if report.skipped else "")
            + (f", {report.not_stored} read but not stored (import again once fixed: what is stored "
               "is skipped)" if report.stopped else "")
            + f" → {ctx.obj['db']}"
        )
    if report.failed or report.stopped:
        ctx.exit(1)


@main.command("articles")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N.")
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.pass_context
def articles_cmd(ctx: click.Context, as_json: bool, limit: int | None, offset: int) -> None:
    """List the articles in the case file."""
    from casefile.textsafe import one_line

    case = open_case(ctx)
    rows = case.articles(limit=limit, offset=offset)
    if as_json:
        echo_json([
            {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
             "path": a.path, "sha256": a.sha256, "chars": a.chars}
            for a in rows
        ])
        return
    if not rows:
        say("No articles yet. Import some: casefile import PATH")
        return
    title_width = max(20, width() - 52)
    say(f"{'ID':>5}  {'PUBLISHED':10}  {'OUTLET':20}  {'CHARS':>6}  TITLE")
    for a in rows:
        say(f"{a.id:>5}  {a.published or '—':10}  {one_line(a.outlet, 20) or '—':20}  "
                   f"{a.chars:>6}  {one_line(a.title, title_width)}")


@main.command("show-article")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def show_article_cmd(ctx: click.Context, article_id: int, as_json: bool) -> None:
    """Show one article: its metadata and its text."""
    from casefile.textsafe import one_line, strip_controls

    article = open_case(ctx).article(article_id)
    if as_json:
        echo_json({
            "id": article.id, "title": article.title, "outlet": article.outlet,
            "published": article.published, "url": article.url, "path": article.path,
            "record": article.record, "format": article.format, "sha256": article.sha256,
            "chars": article.chars, "imported_at": article.imported_at, "body": article.body,
            "excluded": [{"start": s.start, "end": s.end, "reason": s.reason}
                         for s in article.excluded],
        })
        return
    say((one_line(article.title) or "(untitled)", {"bold": True}))
    say(f"article {article.id} · {article.published or 'date unknown'} · "
               f"{one_line(article.outlet) or 'outlet unknown'} · {article.chars} chars")
    say(f"source: {one_line(article.path)}" + (f" ({article.record})" if article.record else ""))
    if article.url:
        say(f"url: {one_line(article.url)}")
    say("")
    say(strip_controls(article.body))


@main.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1, max=1000), default=20, show_default=True)
@click.option("--literal", is_flag=True, help="Search the words as typed (no query syntax).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_context
def search_cmd(ctx: click.Context, query: str, limit: int, literal: bool, as_json: bool) -> None:
    """Full-text search over article titles and text (SQLite FTS5 syntax:
    "exact phrase", prefix*, AND / OR / NOT)."""
    from casefile.model import HIT_END, HIT_START
    from casefile.textsafe import one_line

    result = open_case(ctx).search(query, limit=limit, literal=literal)
    if result.literal and not literal:
        say(f"note: {query!r} is not query syntax; searched the words as typed.", err=True)
    if as_json:
        echo_json([
            {"article_id": h.article_id, "title": h.title,
             "snippet": h.snippet.replace(HIT_START, "**").replace(HIT_END, "**"), "rank": h.rank}
            for h in result.hits
        ])
        return
    if not result.hits:
        say(f"No article matches {query!r}.")
        return
    order = "best match first" if result.ranked else "newest first (too many to rank)"
    more = "+" if result.total_capped else ""
    say(f"{result.total}{more} article{'s' if result.total != 1 else ''} match; "
               f"showing {len(result.hits)}, {order}.")
    for hit in result.hits:
        say("")
        say((f"[{hit.article_id}] ", {"fg": "cyan"}), (one_line(hit.title, width() - 10), {"bold": True}))
        say("    ", *[(piece, {"bold": True, "fg": "yellow"}) if hot else piece
                     for piece, hot in split_hits(hit.snippet)])


STATUS_CHOICES = click.Choice(["candidate", "confirmed", "rejected", "merged", "all"])


def figure(r) -> str:
    from casefile.figures import shown

    return shown(r)


@main.command("extract")
@click.option("--article", "article_ids", type=int, multiple=True, help="Article id (repeatable).")
@click.option("--all", "all_articles", is_flag=True, help="Every article in the case file.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def extract_cmd(ctx: click.Context, article_ids: tuple[int, ...], all_articles: bool, as_json: bool) -> None:
    """Extract candidate incidents again (idempotent: curated incidents are kept)."""
    from casefile.pipeline import reextract

    if not article_ids and not all_articles:
        raise click.UsageError("say which articles: --article ID (repeatable) or --all")
    case = open_case(ctx)
    ids = case.article_ids() if all_articles else list(article_ids)
    for article_id in ids:
        case.article(article_id)  # unknown ids fail before anything changes
    created = reextract(case, ids)
    if as_json:
        echo_json({"articles": ids, "incident_ids": created})
    else:
        say(f"{len(ids)} article{'s' if len(ids) != 1 else ''} extracted; "
                   f"{len(created)} candidate incidents stored (untouched ones replaced, curated kept)")


@main.command("incidents")
@click.option("--status", type=STATUS_CHOICES, default="all", show_default=True,
              help="all = every incident but merged ones.")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def incidents_cmd(ctx: click.Context, status: str, limit: int | None, offset: int, as_json: bool) -> None:
    """List incidents by date."""
    from casefile.textsafe import one_line

    rows = open_case(ctx).incidents(status=status, limit=limit, offset=offset)
    if as_json:
        echo_json([i.as_json() for i in rows])
        return
    if not rows:
        say("No incidents.")
        return
    rest = max(20, width() - 78)
    say(f"{'ID':>4}  {'STATUS':9}  {'DATE':10}  {'PLACE':18}  {'TYPE':14}  {'KILLED':>9}  "
               f"{'ARREST':>7}  SRC  SUMMARY")
    for i in rows:
        date = i.date_start or "?"
        mark = "!" if i.disputed else " "
        say(f"{i.id:>4}  {i.status:9}  {date:10}  {one_line(i.location, 18):18}  "
                   f"{one_line(i.sub_event_type, 14):14}  {figure(i.killed):>9}  {figure(i.arrested):>7}  "
                   f"{len(i.article_ids):>2}{mark}  {one_line(i.summary, rest)}")


@main.command("show")
@click.argument("incident_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show_cmd(ctx: click.Context, incident_id: int, as_json: bool) -> None:
    """Show one incident with its claims, grouped by source article."""
    from casefile.textsafe import one_line

    case = open_case(ctx)
    incident = case.incident(incident_id)
    claims = case.claims(incident_id)
    if as_json:
        from casefile.disputes import disputes as field_disputes

        data = incident.as_json()
        data.update({
            "claims": [{"id": c.id, "article_id": c.article_id, "field": c.field, "value": c.value,
                        "value_num": c.value_num, "qualifier": c.qualifier, "party": c.party,
                        "attributed_to": c.attributed_to, "start": c.start, "end": c.end,
                        "quote": c.quote, "prefix": c.prefix, "suffix": c.suffix, "origin": c.origin}
                       for c in claims],
            "annotations": case.annotations(incident_id),
            "merged_from": case.merged_from(incident_id),
            "merged_into": incident.merged_into,
            "relations": case.relations(incident_id),
            "dispute_note": incident.dispute_note,
            "disputes": [d.as_json() for d in field_disputes(vars(incident), claims)],
            "version": incident.version,
        })
        echo_json(data)
        return
    say((f"#{incident.id} {one_line(incident.summary)}", {"bold": True}))
    when = incident.date_start or "date unknown"
    if incident.date_end and incident.date_end != incident.date_start:
        when += f" – {incident.date_end}"
    say(f"status {incident.status} · {when} ({incident.date_precision}) · "
               f"{one_line(incident.location) or 'place unknown'}"
               + (f", {one_line(incident.admin1)}" if incident.admin1 and incident.admin1 != incident.location else "")
               + (f", {one_line(incident.country)}" if incident.country and incident.country != incident.location else "")
               + f" · {incident.event_type or '?'} / {incident.sub_event_type or '?'}")
    say(f"actors: {one_line(incident.actor1) or '—'} vs {one_line(incident.actor2) or '—'}")
    from casefile.figures import Evidence, derive
    from casefile.summary import QUALIFIER_WORDS, best_qualifier

    figures = derive(Evidence.of_claim(c) for c in claims if c.value_num is not None)
    for name in ("killed", "wounded", "arrested"):
        r = getattr(incident, name)
        if r.best is not None:
            qualifier = QUALIFIER_WORDS.get(best_qualifier(figures, name) or "")  # "at least 3", as the summary says
            say(f"{name}: best {qualifier + ' ' if qualifier else ''}{r.best}, low {r.low}, high {r.high}")
    if incident.disputed:
        say((f"disputed: {one_line(incident.dispute_note)}", {"fg": "yellow"}))
    from casefile.brief.quotes import balance
    from casefile.summary import claim_value

    by_article: dict = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    for article_id, items in by_article.items():
        say("")
        head = f"article {article_id}" if article_id else "analyst"
        if article_id:
            a = case.article(article_id)
            head += f" · {one_line(a.outlet) or 'outlet unknown'} · {one_line(a.title, 60)}"
        say((head, {"underline": True}))
        for c in items:
            who = f" ({one_line(c.attributed_to)})" if c.attributed_to else ""
            party = f" {c.party}" if c.party and c.party != "unknown" else ""
            value = claim_value(c.value, c.value_num, c.qualifier, c.quote) if c.value_num is not None else c.value
            shown = one_line(value, 40)  # a cut value closes the quotation it cut (“weapons and a varie…”)
            say(f"  {c.field:10} {balance(shown, cut_right=shown != one_line(value))}{party}{who}")
            if c.quote:
                say(f"             “{one_line(c.quote, width() - 16)}”")


def curator(ctx: click.Context):
    from casefile.curate import Curator

    return Curator(open_case(ctx))


def done(result) -> None:
    say(result.message)


VERSION_OPTION = click.option("--if-version", "version", type=int, default=None,
                              help="Fail unless the incident is still at this version (optimistic lock).")


@main.command("suggestions")
@click.option("--cached", is_flag=True, help="List the stored suggestions without recomputing them.")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def suggestions_cmd(ctx: click.Context, cached: bool, limit: int | None, as_json: bool) -> None:
    """Duplicate suggestions, best first, with the score behind each."""
    from casefile.pipeline import refresh_suggestions
    from casefile.textsafe import one_line

    case = open_case(ctx)
    if not cached:
        refresh_suggestions(case)
    rows = case.suggestions(limit=limit)
    if as_json:
        echo_json([{"left": r["left"], "right": r["right"], "score": round(r["score"], 3),
                    "breakdown": {k: round(v, 3) for k, v in r["breakdown"].items()},
                    "reasons": r["reasons"], "cluster": r["cluster"]} for r in rows])
        return
    if not rows:
        say("No duplicate suggestions.")
        return
    for r in rows:
        left, right = case.incident(r["left"]), case.incident(r["right"])
        mark = " (unsure)" if r["judged"] == "unsure" else ""
        say((f"{r['score']:.2f}  #{left.id} ↔ #{right.id}{mark}", {"bold": True}),
            "  " + "  ".join(f"{k} {v:.2f}" for k, v in r["breakdown"].items()))
        for i in (left, right):
            say(f"      #{i.id} {i.date_start or '?':10} {one_line(i.location, 24):24} "
                       f"{one_line(i.summary, width() - 48)}")
        for reason in r["reasons"]:
            say(f"      ! {one_line(reason)}")


@main.command("judge")
@click.argument("left", type=int)
@click.argument("right", type=int)
@click.argument("decision", type=click.Choice(["match", "no_match", "unsure"]))
@click.pass_context
def judge_cmd(ctx, left: int, right: int, decision: str) -> None:
    """Record a decision on a suggested pair (no_match: never suggested again)."""
    done(curator(ctx).judge(left, right, decision))


@main.command("confirm")
@click.argument("incident_id", type=int)
@VERSION_OPTION
@click.pass_context
def confirm_cmd(ctx, incident_id: int, version: int | None) -> None:
    """Confirm an incident."""
    done(curator(ctx).confirm(incident_id, version))


@main.command("reject")
@click.argument("incident_id", type=int)
@VERSION_OPTION
@click.pass_context
def reject_cmd(ctx, incident_id: int, version: int | None) -> None:
    """Reject an incident (not an event, or not one for this case file)."""
    done(curator(ctx).reject(incident_id, version))


@main.command("reopen")
@click.argument("incident_id", type=int)
@VERSION_OPTION
@click.pass_context
def reopen_cmd(ctx, incident_id: int, version: int | None) -> None:
    """Put a confirmed or rejected incident back among the candidates."""
    done(curator(ctx).reopen(incident_id, version))


@main.command("merge")
@click.argument("target", type=int)
@click.argument("incident_ids", type=int, nargs=-1, required=True)
@click.pass_context
def merge_cmd(ctx, target: int, incident_ids: tuple[int, ...]) -> None:
    """Merge incidents into TARGET: every claim moves, figures are re-derived."""
    done(curator(ctx).merge(target, list(incident_ids)))


@main.command("unmerge")
@click.argument("incident_id", type=int)
@VERSION_OPTION
@click.pass_context
def unmerge_cmd(ctx, incident_id: int, version: int | None) -> None:
    """Bring a merged incident back exactly as it was, claims included."""
    done(curator(ctx).unmerge(incident_id, version))


@main.command("link")
@click.argument("source", type=int)
@click.argument("target", type=int)
@click.option("--kind", type=click.Choice(["related", "follow_up", "part_of"]), default="related", show_default=True)
@click.option("--note", default=None)
@click.pass_context
def link_cmd(ctx, source: int, target: int, kind: str, note: str | None) -> None:
    """Link two incidents without merging them."""
    done(curator(ctx).link(source, target, kind, note))


@main.command("annotate")
@click.argument("incident_id", type=int)
@click.argument("text")
@click.option("--article", "article_id", type=int, default=None, help="Article the note points into.")
@click.option("--start", type=int, default=None)
@click.option("--end", type=int, default=None)
@click.pass_context
def annotate_cmd(ctx, incident_id: int, text: str, article_id, start, end) -> None:
    """Add an analyst's note to an incident, optionally anchored to article text."""
    done(curator(ctx).annotate(incident_id, text, article_id, start, end))


@main.command("edit")
@click.argument("incident_id", type=int)
@click.argument("field")
@click.argument("value")
@VERSION_OPTION
@click.pass_context
def edit_cmd(ctx, incident_id: int, field: str, value: str, version: int | None) -> None:
    """Override a field (date, location, admin1, country, event_type, actor1, actor2, killed,
    wounded, arrested, summary); kept as an analyst claim beside the sources'."""
    done(curator(ctx).edit(incident_id, field, value, version))


@main.command("undo")
@click.option("--entry", "entry_id", type=int, default=None,
              help="Undo this history entry, whoever made it (default: your own newest change).")
@click.pass_context
def undo_cmd(ctx, entry_id: int | None) -> None:
    """Undo your own newest change (repeatable), or the history entry --entry names."""
    done(curator(ctx).undo(entry_id))


@main.command("history")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def history_cmd(ctx, limit: int | None, as_json: bool) -> None:
    """The audit log, newest first."""
    from casefile.textsafe import one_line

    entries = open_case(ctx).history(limit=limit)
    if as_json:
        echo_json(entries)
        return
    if not entries:
        say("No changes yet.")
        return
    for e in entries:
        state = " (undone)" if e["undone_at"] else ""
        say(f"{e['id']:>5}  {e['at']}  {one_line(e['author'], 12):12}  {e['action']:9} "
                   f"{one_line(e['target'], width() - 60)}{state}")

