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
