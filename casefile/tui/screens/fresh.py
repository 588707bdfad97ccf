"""Screens that reload when shown again, but only if the case file changed meanwhile:
a reload costs queries and a repaint, and switching back and forth should feel instant."""

from __future__ import annotations


class ReloadsWhenChanged:
    _loaded_at: tuple[int, int] | None = None

    def loaded(self) -> None:
        """Call at the end of a reload."""
        self._loaded_at = self.app.case.change_mark()

    def changed_since_loaded(self) -> bool:
        return self._loaded_at != self.app.case.change_mark()
