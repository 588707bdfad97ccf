import shutil

import pytest


@pytest.fixture
def snapshot_app(seeded_template, tmp_path):
    """The real app on a copy of the seed case, with nothing that blinks or ticks."""
    from textual.widgets import Input

    from casefile.tui.app import CasefileApp

    class SnapshotApp(CasefileApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.theme = "textual-dark"

        def on_descendant_mount(self, event) -> None:
            if isinstance(event.node, Input):
                event.node.cursor_blink = False

    path = tmp_path / "snap.db"
    shutil.copy(seeded_template, path)
    return SnapshotApp(path, keymap_file=tmp_path / "no-keys.toml")
