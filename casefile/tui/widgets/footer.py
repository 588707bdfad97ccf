"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

import asyncio

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer queues a full rebuild of its keys (~15 ms) for every bindings change,
    even when nothing it shows changed: focusing the queue, the screen's resume and the first
    incident made four identical rebuilds at start. Here one rebuild is queued at a time, and
    it is skipped when the shown keys are the same as last drawn."""

    _rebuild_queued = False
    _drawn: tuple | None = None

    def _shown(self) -> tuple:
        """What compose draws from: the shown bindings, enabled or not, with their tooltips
        (Binding is a frozen dataclass, so keys, descriptions and groups compare by value)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple((key, binding, enabled, tooltip)
                     for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                     if binding.show or key == palette)

    def compose(self):
        self._drawn = self._shown() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def build_now(self) -> None:
        """Build the keys now, not after the next frame: a screen awaits this at the end of
        its on_mount so its first frame has them (else a second layout and frame follow).
        The build runs in the footer's own message loop: compose binds data to the footer."""
        built = asyncio.Event()

        async def build() -> None:
            try:
                self._bindings_ready = True
                if self._shown() != self._drawn:
                    await self.recompose()
            finally:
                built.set()

        self.call_next(build)
        await built.wait()

    async def _rebuild(self) -> None:
        self._rebuild_queued = False  # a change from here on queues another
        if self.is_attached and self._shown() != self._drawn:
            await self.recompose()
