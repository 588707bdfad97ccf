from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import REPO, SEEDS, dump  # noqa: E402,F401


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "case.db"


@pytest.fixture
def cli(db_path):
    """Run the real CLI against a temporary case file: cli("import", path) -> Result."""
    from casefile.cli import main

    runner = CliRunner()

    def run(*args: str, expect: int | None = 0):
        result = runner.invoke(main, ["--db", str(db_path), *map(str, args)], catch_exceptions=False)
        if expect is not None:
            assert result.exit_code == expect, result.output
        return result

    run.json = lambda *args, expect=0: json.loads(run(*args, "--json", expect=expect).stdout)
    return run



@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A case file with the seeds imported once; tests copy it."""
    from casefile.pipeline import import_paths
    from casefile.store import CaseFile

    path = tmp_path_factory.mktemp("template") / "seeded.db"
    with CaseFile(path) as case:
        import_paths(case, [SEEDS])
        case.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def seeded(seeded_template, tmp_path):
    """A fresh copy of the seeded case file, opened."""
    import shutil

    from casefile.store import CaseFile

    path = tmp_path / "seeded.db"
    shutil.copy(seeded_template, path)
    case = CaseFile(path)
    yield case
    case.close()
