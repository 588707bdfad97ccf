"""The command palette: every action that applies now, and a jump to any incident by id or place."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from casefile.textsafe import one_line


class CasefileCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        out = [
            ("Review incidents", "The incident queue with source text", partial(app.switch_mode, "review")),
            ("Duplicates", "Suggested duplicates, pair by pair", partial(app.switch_mode, "duplicates")),
            ("Articles", "Browse and search articles", partial(app.switch_mode, "articles")),
            ("History", "The audit log; undo from there", partial(app.switch_mode, "history")),
            ("Undo", "Undo the newest change", app.action_undo),
            ("Export a brief", "Markdown brief with a preview", app.action_export),
            ("Recompute duplicate suggestions", "In the background", app.recompute_suggestions),
            ("Help", "Every key", app.action_help),
        ]
        screen = app.screen
        for binding in getattr(screen, "BINDINGS", []):
            if screen.check_action(binding.action, ()) is True:
                out.append((binding.description, binding.tooltip or "", partial(screen.run_action, binding.action)))
        return out

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        text = query.strip().lstrip("#")
        if text.isdigit():
            yield Hit(1.0, f"Go to incident #{text}", partial(self.app.go_to_incident, int(text)))
        elif len(text) >= 3:
            for incident in self.app.case.find_incidents(text, limit=8):
                label = f"#{incident.id} {incident.date_start or 'undated'} {one_line(incident.location, 30)}"
                # Places and summaries come from articles: Content, so the palette never reads
                # them as markup.
                yield Hit(0.5, Content(label), partial(self.app.go_to_incident, incident.id),
                          help=Content(one_line(incident.summary, 80)))
