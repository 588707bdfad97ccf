"""The seed case that ships with casefile, so a newcomer's first command shows real work."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seed_files() -> list[Path]:
    folder = resources.files("casefile") / "data" / "seeds"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))
