"""User key remapping: a TOML file of binding id = key(s), applied with App.set_keymap.

    # ~/.config/casefile/keys.toml (or the file named by $CASEFILE_KEYS)
    [keys]
    "review.confirm" = "y"
    "review.reject" = "delete,x"
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def keymap_path() -> Path:
    if env := os.environ.get("CASEFILE_KEYS"):
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "casefile" / "keys.toml"


def load_keymap(known_ids: Callable[[], set[str]], path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """(keymap, problems): problems name the file and the entry, and the rest still applies.

    known_ids is called only when there is a file: listing every binding id imports every
    screen, which a start without a keymap does not need."""
    path = path or keymap_path()
    if not path.exists():
        return {}, []
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path}: not read ({exc})"]
    keys = data.get("keys", data)
    keymap, problems = {}, []
    known = known_ids()
    for binding_id, value in keys.items():
        if binding_id not in known:
            problems.append(f"{path}: unknown binding id {binding_id!r}")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{path}: {binding_id} needs a key string such as \"y\" or \"ctrl+y,y\"")
        else:
            keymap[binding_id] = value.strip()
    return keymap, problems
