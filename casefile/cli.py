"""The command line: every curation action is scriptable, listings print JSON with --json.

Textual is imported only when the app is asked for, so `casefile --help` stays fast.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import click

from casefile import __version__
from casefile.errors import CasefileError

DEFAULT_DB = "casefile.db"


def default_db() -> str:
    return os.environ.get("CASEFILE_DB") or DEFAULT_DB


class CaseGroup(click.Group):
    """Turns casefile's own errors into one clear line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CasefileError as exc:
            raise click.ClickException(str(exc)) from None


def open_case(ctx: click.Context):
    from casefile.store import CaseFile

    case = CaseFile.open(ctx.obj["db"])
    ctx.call_on_close(case.close)
    return case


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


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


@click.group(cls=CaseGroup, invoke_without_command=True)
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="Case file to use (default: $CASEFILE_DB, else ./casefile.db).")
@click.version_option(__version__, prog_name="casefile")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """casefile: turn news articles into a curated, sourced set of incidents."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db or default_db()
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--max-size", default="5MB", show_default=True,
              help="Largest file to read (e.g. 5MB, 500KB).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def import_cmd(ctx: click.Context, paths: tuple[str, ...], max_size: str, as_json: bool) -> None:
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
            click.echo(f"\r[{'#' * bar}{'.' * (30 - bar)}] {done}/{total} files", nl=False, err=True)
            if done == total:
                click.echo("", err=True)

    report = import_paths(case, paths, max_bytes=max_bytes, on_file=progress)
    if as_json:
        echo_json(report.as_json())
    else:
        from casefile.textsafe import one_line

        for source, warning in report.warnings:
            click.echo(f"warning: {one_line(source)}: {warning}", err=True)
        for source, article_id, why in report.duplicate_of:
            click.echo(f"duplicate: {one_line(source)} is article {article_id} ({why})")
        for failure in report.failed:
            click.echo(f"failed: {one_line(failure.path)}: {failure.error}", err=True)
        click.echo(
            f"{report.imported} imported, {report.duplicates} duplicate"
            f"{'s' if report.duplicates != 1 else ''}, {len(report.failed)} failed"
            + (f", {len(report.skipped)} skipped (not article files)" if report.skipped else "")
            + f" → {ctx.obj['db']}"
        )
    if report.failed:
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
        click.echo("No articles yet. Import some: casefile import PATH")
        return
    title_width = max(20, width() - 52)
    click.echo(f"{'ID':>5}  {'PUBLISHED':10}  {'OUTLET':20}  {'CHARS':>6}  TITLE")
    for a in rows:
        click.echo(f"{a.id:>5}  {a.published or '—':10}  {one_line(a.outlet, 20) or '—':20}  "
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
    click.echo(click.style(one_line(article.title) or "(untitled)", bold=True))
    click.echo(f"article {article.id} · {article.published or 'date unknown'} · "
               f"{one_line(article.outlet) or 'outlet unknown'} · {article.chars} chars")
    click.echo(f"source: {one_line(article.path)}" + (f" ({article.record})" if article.record else ""))
    if article.url:
        click.echo(f"url: {one_line(article.url)}")
    click.echo("")
    click.echo(strip_controls(article.body))


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
        click.echo(f"note: {query!r} is not query syntax; searched the words as typed.", err=True)
    if as_json:
        echo_json([
            {"article_id": h.article_id, "title": h.title,
             "snippet": h.snippet.replace(HIT_START, "**").replace(HIT_END, "**"), "rank": h.rank}
            for h in result.hits
        ])
        return
    if not result.hits:
        click.echo(f"No article matches {query!r}.")
        return
    order = "best match first" if result.ranked else "newest first (too many to rank)"
    more = "+" if result.total_capped else ""
    click.echo(f"{result.total}{more} article{'s' if result.total != 1 else ''} match; "
               f"showing {len(result.hits)}, {order}.")
    for hit in result.hits:
        click.echo("")
        click.echo(click.style(f"[{hit.article_id}] ", fg="cyan")
                   + click.style(one_line(hit.title, width() - 10), bold=True))
        parts = []
        for piece, hot in split_hits(hit.snippet):
            parts.append(click.style(piece, bold=True, fg="yellow") if hot else piece)
        click.echo("    " + "".join(parts))
