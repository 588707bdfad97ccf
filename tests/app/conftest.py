import shutil
from pathlib import Path

import pytest


@pytest.fixture
def app_db(seeded_template, tmp_path) -> Path:
    path = tmp_path / "app.db"
    shutil.copy(seeded_template, path)
    return path


@pytest.fixture
def make_app(app_db, tmp_path):
    from casefile.tui.app import CasefileApp

    def make():
        return CasefileApp(app_db, keymap_file=tmp_path / "no-keys.toml")

    return make
