"""An incident's fields, figures, dispute note, claims by source and annotations, as text.

Everything from articles or curators goes in as plain text (never markup)."""

from __future__ import annotations

from textual.content import Content

from casefile.figures import shown as figure
from casefile.model import Claim, Incident
from casefile.textsafe import one_line

FIELD_LABELS = {"killed": "killed", "wounded": "wounded", "arrested": "arrested", "abducted": "abducted",
                "released": "released", "seized": "seized", "operations": "raids", "date": "date",
                "location": "place", "actor": "actor", "event_type": "type", "other": "note"}


def when(i: Incident) -> str:
    if not i.date_start:
        return "date unknown"
    text = i.date_start
    if i.date_end and i.date_end != i.date_start:
        text += f" – {i.date_end}"
    return f"{text} ({i.date_precision})"


def incident_content(i: Incident, claims: list[Claim], annotations: list[dict], articles: dict,
                     current: Claim | None, merged_from: list[int], relations: list[dict]) -> Content:
    parts: list = [
        (f"#{i.id} ", "bold $accent"), (one_line(i.summary) or "(no summary)", "bold"), "\n",
        (f"{i.status}", "reverse" if i.status == "confirmed" else "$text-muted"), "  ",
        when(i), "  ·  ", one_line(i.location) or "place unknown",
    ]
    if i.admin1 and i.admin1 not in (i.location or ""):
        parts += [", ", one_line(i.admin1)]
    if i.country and i.country != i.location:
        parts += [", ", one_line(i.country)]
    parts += ["\n", (f"{i.event_type or '?'} / {i.sub_event_type or '?'}", "$text-secondary"), "  ·  ",
              one_line(i.actor1) or "—", " vs ", one_line(i.actor2) or "—", "\n"]
    figures = [f"{name} {figure(getattr(i, name))}" for name in ("killed", "wounded", "arrested")
               if getattr(i, name).best is not None]
    if figures:
        parts += [("  ".join(figures), "bold"), "  (best = most conservative; range low–high)\n"]
    if i.disputed and i.dispute_note:
        parts += [("⚠ sources disagree: ", "bold $warning"), one_line(i.dispute_note), "\n"]
    if merged_from:
        parts += [("merged from ", "$text-muted"), ", ".join(f"#{m}" for m in merged_from), "\n"]
    for r in relations:
        other = r["target_id"] if r["source_id"] == i.id else r["source_id"]
        parts += [(f"{r['kind'].replace('_', ' ')} ", "$text-muted"), f"#{other}\n"]
    by_article: dict = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    for article_id, items in by_article.items():
        a = articles.get(article_id)
        head = (f"[{article_id}] {one_line(a.outlet) or 'outlet unknown'} · {a.published or 'undated'} · "
                f"{one_line(a.title, 60)}" if a else "analyst")
        parts += ["\n", (head, "underline"), "\n"]
        for c in items:
            if c.field in ("actor", "event_type", "location") and c.origin == "extractor":
                continue
            marker = ("▶ ", "bold $accent") if current is not None and c.id == current.id else "  "
            who = f" — {one_line(c.attributed_to)}" if c.attributed_to else ""
            party = f" {c.party}" if c.party and c.party not in ("unknown",) else ""
            label = FIELD_LABELS.get(c.field, c.field)
            parts += [marker, (f"{label:9}", "$text-secondary"), " ", one_line(c.value, 40), party, who, "\n"]
    if annotations:
        parts += ["\n", ("Analysis", "bold underline"), "\n"]
        for note in annotations:
            parts += [("✎ ", "$accent"), one_line(note["body"]), (f"  — {one_line(note['author'])}", "$text-muted"), "\n"]
    return Content.assemble(*parts)
