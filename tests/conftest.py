from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


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


def dump(case, skip=("audit_log", "suggestions")) -> dict:
    """Every row of every curated table, for comparing database content exactly."""
    out = {}
    for table in ("incidents", "claims", "annotations", "relations", "judgements", "articles", "briefs"):
        if table in skip:
            continue
        out[table] = sorted(case.db.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    return out


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
