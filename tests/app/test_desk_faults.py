"""Faults of the case file in the desk: refused with a message, never a crash; and a crash
that does happen exits non-zero."""

import shutil

from click.testing import CliRunner

from casefile.store import CaseFile
from helpers import ReadOnly, dump

SIZE = (120, 40)


async def test_confirm_on_a_read_only_case_file_is_refused_in_the_desk(make_app, app_db):
    before = None
    with ReadOnly(app_db):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            first = app.screen.query_one("#queue").current
            with CaseFile(app_db) as case:
                before = dump(case)
            await pilot.press("c")
            await pilot.pause()
            assert app.is_running
            said = app.screen.query_one("#said")._content.plain  # the status line says why
            assert "✗" in said and "Make it writable" in said
            with CaseFile(app_db) as case:
                assert case.incident(first.id).status == "candidate"
                assert dump(case) == before


def test_a_desk_crash_exits_non_zero(seeded_template, tmp_path, monkeypatch):
    import casefile.tui.app as tui
    from casefile.cli import main

    class Crashing(tui.CasefileApp):
        def on_mount(self) -> None:
            raise RuntimeError("a bug in the desk")

        def run(self, **kwargs):
            return super().run(headless=True, **kwargs)

    monkeypatch.setattr(tui, "CasefileApp", Crashing)
    db = tmp_path / "case.db"
    shutil.copy(seeded_template, db)
    result = CliRunner().invoke(main, ["--db", str(db)])
    assert result.exit_code == 1
