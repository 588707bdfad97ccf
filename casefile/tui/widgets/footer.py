"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

# Always shown, whatever the width: the way to every other key, and the way out.
PINNED = ("app.help", "app.quit")


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
        return (self.app.size.width,) + tuple((key, binding, enabled, tooltip)
                                              for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                                              if binding.show or key == palette)

    def compose(self):
        """Textual's compact footer, fitted to the width: keys that do not fit are left out
        (the last ones first) rather than cut, `?` and `q` always stay, and the palette key
        is in the row, not docked over the others (that left a stray letter beside it)."""
        self._drawn = self._shown() if self._bindings_ready else None
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        entries, seen = [], set()
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                entries.append((binding, enabled, tooltip))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None

        def cost(binding, description=None) -> int:
            return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(description or binding.description) + 1

        budget = self.app.size.width - 1
        if palette is not None:
            budget -= cost(palette[1], "palette")
        budget -= sum(cost(b) for b, _, _ in entries if b.id in PINNED)
        kept = []
        for binding, enabled, tooltip in entries:
            if binding.id not in PINNED:
                if cost(binding) > budget:
                    continue
                budget -= cost(binding)
            kept.append((binding, enabled, tooltip))
        self.styles.grid_size_columns = len(kept) + (palette is not None)
        for binding, enabled, tooltip in kept:
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            disabled=not enabled, tooltip=tooltip).data_bind(compact=TextualFooter.compact)
        if palette is not None:
            _, binding, enabled, tooltip = palette
            yield FooterKey(binding.key, self.app.get_key_display(binding), "palette", binding.action,
                            disabled=not enabled, tooltip=tooltip or binding.description
                            ).data_bind(compact=TextualFooter.compact)

    def on_resize(self) -> None:
        if self.is_attached and self._bindings_ready and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

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
