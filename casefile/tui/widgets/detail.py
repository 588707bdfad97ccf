"""An incident's fields, figures, dispute note, claims by source and annotations, as text.

Everything from articles or curators goes in as plain text (never markup). Each claim line
is coloured by its field kind, as its words are in the source text."""

from __future__ import annotations

from textual.content import Content

from casefile.figures import shown
from casefile.model import Claim, Incident
from casefile.textsafe import one_line
from casefile.tui.kinds import grouped, kind_of, qualified

# Who a claim counts, for one and for several ("1 militant", "3 militants").
PARTIES = {"militant": ("militant", "militants"), "security": ("security-force member", "security forces"),
           "civilian": ("civilian", "civilians")}
FIELD_LABELS = {"killed": "killed", "wounded": "wounded", "arrested": "arrested", "abducted": "abducted",
                "released": "released", "seized": "seized", "operations": "raids", "date": "date",
                "location": "place", "actor": "actor", "event_type": "type", "other": "note"}


def figure(r) -> str:
    """A figure as the desk shows it: best and range, with thousands separators ("1,234 (1,234–1,300)")."""
    return grouped(shown(r))


def when(i: Incident) -> str:
    if not i.date_start:
        return "date unknown"
    text = i.date_start
    if i.date_end and i.date_end != i.date_start:
        text += f" – {i.date_end}"
    return f"{text} ({i.date_precision})"


def claim_line(c: Claim, colours: dict, current: bool) -> list:
    """▶ killed    at least 3 militants — Interior Ministry"""
    colour = colours.get(kind_of(c.field))
    colour = colour.hex if colour is not None else ""
    label = FIELD_LABELS.get(c.field, c.field)
    marker = (f"▶ ", f"bold {colour}") if current else "  "
    parts = [marker, (f"{label:9}", f"bold {colour}" if current else colour), " ",
             (one_line(qualified(c)), "bold" if current else "")]
    if c.party in PARTIES:
        parts += [" ", PARTIES[c.party][c.value_num != 1]]
    if c.attributed_to:
        parts += [("  — ", "$text-muted"), (one_line(c.attributed_to), "italic")]
    if c.origin == "analyst":
        parts += [("  (analyst)", "$text-muted")]
    return parts


def incident_content(i: Incident, claims: list[Claim], annotations: list[dict], articles: dict,
                     current: Claim | None, merged_from: list[int], relations: list[dict],
                     colours: dict | None = None) -> tuple[Content, int | None]:
    """The whole incident as lines, and the line of the current claim (to keep it in view)."""
    colours = colours or {}
    lines: list[list] = []
    hexes = {k: v.hex for k, v in colours.items()}
    lines.append([(f"#{i.id} ", "bold $accent"), (one_line(i.summary) or "(no summary)", "bold")])
    place = [(one_line(i.location) or "place unknown", hexes.get("place", ""))]
    if i.admin1 and i.admin1 not in (i.location or ""):
        place += [", ", one_line(i.admin1)]
    if i.country and i.country != i.location:
        place += [", ", one_line(i.country)]
    lines.append([(f"{i.status}", "reverse" if i.status == "confirmed" else "$text-muted"), "  ",
                  (when(i), hexes.get("date", "")), "  ·  ", *place])
    lines.append([(f"{i.event_type or '?'} / {i.sub_event_type or '?'}", hexes.get("event", "")), "  ·  ",
                  (one_line(i.actor1) or "—", hexes.get("actor", "")), " vs ",
                  (one_line(i.actor2) or "—", hexes.get("actor", ""))])
    figures: list = []
    for name in ("killed", "wounded", "arrested"):
        if getattr(i, name).best is not None:
            figures += [(name, hexes.get(name, "")), " ", (figure(getattr(i, name)), "bold"), "   "]
    if figures:
        lines.append(figures + [("best = most conservative; (low–high)", "$text-muted")])
    if i.dispute_note:
        lines.append([("⚠ sources disagree: ", "bold $warning"), one_line(i.dispute_note)])
    if merged_from:
        lines.append([("merged from ", "$text-muted"), ", ".join(f"#{m}" for m in merged_from)])
    if i.merged_into:
        lines.append([("merged into ", "$text-muted"), f"#{i.merged_into}"])
    for r in relations:
        other = r["target_id"] if r["source_id"] == i.id else r["source_id"]
        lines.append([(f"{r['kind'].replace('_', ' ')} ", "$text-muted"), f"#{other}"])
    by_article: dict = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    focus_line = None
    if by_article:
        lines.append([])
        lines.append([("Claims by source", "bold underline"), (f"  {len(claims)} · n / p step through them",
                                                                "$text-muted")])
    for article_id, items in by_article.items():
        a = articles.get(article_id)
        if a is not None:
            head = [(f"[{article_id}] ", "bold"), one_line(a.outlet) or "outlet unknown", " · ",
                    a.published or "undated", " · ", (one_line(a.title, 70) or "(untitled)", "italic")]
        else:
            head = [("analyst's own claims", "bold")]
        lines.append(head)
        for c in items:
            is_current = current is not None and c.id == current.id
            if is_current:
                focus_line = len(lines)
            lines.append(claim_line(c, colours, is_current))
    if annotations:
        lines.append([])
        lines.append([("Analysis", "bold underline"), (f"  {len(annotations)} note(s)", "$text-muted")])
        for note in annotations:
            line = [("✎ ", "$accent"), one_line(note["body"]), ("  — ", "$text-muted"),
                    (one_line(note["author"]), "italic")]
            if note.get("article_id") and note.get("quote"):
                line += [(f"  on [{note['article_id']}] “{one_line(note['quote'], 40)}”", "$text-muted")]
            lines.append(line)
    parts: list = []
    for line in lines:
        parts += [*line, "\n"]
    return Content.assemble(*parts), focus_line
