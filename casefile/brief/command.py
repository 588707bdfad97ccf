"""`casefile export`: write the Markdown brief and print its path.

Registered on the CLI group with `main.add_command(export_cmd)`. The group passes the case
file's path as ctx.obj["db"]; this module does not import casefile.cli (which imports it).
"""

from __future__ import annotations

import os

import click

from casefile.errors import CasefileError


def open_brief_case(ctx: click.Context):
    """The case file named by the CLI group, closed when the command ends."""
    from casefile.store import CaseFile
    from casefile.store.briefs import BriefStore

    cls = CaseFile
    if not issubclass(CaseFile, BriefStore):  # until CaseFile itself includes BriefStore
        cls = type("BriefCaseFile", (CaseFile, BriefStore), {})
    path = (ctx.obj or {}).get("db") or os.environ.get("CASEFILE_DB") or "casefile.db"
    case = cls.open(path)
    ctx.call_on_close(case.close)
    return case


@click.command("export")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="exports", show_default=True,
              help="Folder to write the brief into (created if missing).")
@click.option("--title", default=None, help="Title of the brief (also names the file).")
@click.option("--status", type=click.Choice(["confirmed", "all"]), default="confirmed", show_default=True,
              help="confirmed incidents only, or all = confirmed and unconfirmed candidates "
                   "(rejected and merged ones are never included).")
@click.option("--since", default=None, metavar="DATE", help="First day of the period (2025-05-17, 2025-05, 2025).")
@click.option("--until", default=None, metavar="DATE", help="Last day of the period (2025-05-31, 2025-05, 2025).")
@click.option("--place", default=None, help="Only incidents whose place, province or country has these words.")
@click.option("--actor", default=None, help="Only incidents with an actor whose name has these words.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="md: the Markdown brief; html: one self-contained HTML file made from it (print-ready).")
@click.option("--force", is_flag=True, help="Replace a brief of the same name.")
@click.option("--now", default=None, metavar="ISO",
              help="Generation time to write (default: $SOURCE_DATE_EPOCH, else now, UTC).")
@click.pass_context
def export_cmd(ctx: click.Context, out_dir: str, title: str | None, status: str, since: str | None,
               until: str | None, place: str | None, actor: str | None, fmt: str, force: bool, now: str | None) -> None:
    """Write a Markdown brief of the curated incidents, citing and quoting its sources
    (--format html: the same brief as one self-contained HTML file).

    The same case file and options give the same bytes (pin the time with --now or
    $SOURCE_DATE_EPOCH). Exit code 1 when no incident matches: no file is written then.
    """
    from casefile.brief.files import write_brief
    from casefile.brief.options import BriefOptions
    from casefile.brief.render import render

    try:
        options = BriefOptions.parse(title=title, status=status, since=since, until=until, place=place,
                                     actor=actor, now=now)
        case = open_brief_case(ctx)
        brief = render(case, options)
        if fmt == "html":
            from casefile.brief.html import html_brief

            brief = html_brief(brief)
        path = write_brief(case, brief, out_dir, force=force)
    except CasefileError as exc:
        raise click.ClickException(str(exc)) from None
    from casefile.textsafe import strip_controls

    click.echo(strip_controls(str(path)))
