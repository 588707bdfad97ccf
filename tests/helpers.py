"""Helpers shared by the tests (import them as `from helpers import ...`)."""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def dump(case, skip=("audit_log",)) -> dict:
    """Every row of every table, for comparing database content exactly."""
    out = {}
    for table in ("incidents", "claims", "annotations", "relations", "judgements", "suggestions",
                  "articles", "briefs", "places", "actor_aliases", "audit_log"):
        if table in skip:
            continue
        out[table] = sorted(case.db.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    return out


def select_words(text_area, words: str) -> None:
    """Select the first occurrence of `words` in a TextArea, as shift+arrows would."""
    start = text_area.text.index(words)
    locate = text_area.document.get_location_from_index
    text_area.selection = type(text_area.selection)(locate(start), locate(start + len(words)))


class ReadOnly:
    """Make a path read-only to this process too (root ignores modes: a read-only bind mount)."""

    def __init__(self, path: Path):
        self.path, self.mounted = path, False

    def __enter__(self):
        if os.geteuid() == 0:
            done = subprocess.run(["mount", "--bind", str(self.path), str(self.path)], capture_output=True)
            if done.returncode:
                pytest.skip("running as root without mount: cannot make a read-only file")
            self.mounted = True
            subprocess.run(["mount", "-o", "remount,bind,ro", str(self.path)], check=True)
        else:
            self.mode = self.path.stat().st_mode
            self.path.chmod(self.mode & ~0o222)
        return self

    def __exit__(self, *exc):
        if self.mounted:
            subprocess.run(["umount", str(self.path)], check=True)
        else:
            self.path.chmod(self.mode)
