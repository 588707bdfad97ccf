"""Helpers for the brief tests: case files with made-up incidents, and the brief parsed back."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from casefile.model import ArticleDraft, CandidateIncident, ClaimDraft
from casefile.store import CaseFile
from casefile.store.briefs import BriefStore

# Until CaseFile itself includes BriefStore; then this is CaseFile.
BriefCase = CaseFile if hasattr(CaseFile, "brief_incidents") else type("BriefCase", (CaseFile, BriefStore), {})
NOW = "2025-06-01T00:00:00+00:00"
H2 = ["Overview", "Incident table", "Timeline", "Incidents", "Method and scope", "Sources"]
_serial = itertools.count(1)


def add_incident(case, *, quote: str = "killed three militants", killed: int | None = 3,
                 lead: str = "ALEPPO - Security forces ", tail: str = " in a raid, the ministry said.",
                 title: str | None = "Raid in Aleppo", outlet: str | None = "Reuters",
                 url: str | None = "https://example.org/raid", published: str | None = "2025-05-19",
                 date: str | None = "2025-05-17", date_end: str | None = None, precision: str = "day",
                 location: str | None = "Aleppo", admin1: str | None = "Aleppo", country: str | None = "Syria",
                 actor1: str | None = "Syrian government security forces", actor2: str | None = "Islamic State (IS)",
                 summary: str = "Security forces raid an Islamic State cell in Aleppo",
                 event_type: str | None = "Battles", sub_event_type: str | None = "Armed clash",
                 attributed_to: str | None = "Interior Ministry", status: str = "confirmed",
                 extra_claims: list[ClaimDraft] | None = None) -> int:
    """One article reporting one incident, its killed claim anchored on `quote` in the body."""
    n = next(_serial)
    body = f"{lead}{quote}{tail} Reference {n}."
    draft = ArticleDraft(body=body, sha256=hashlib.sha256(f"test {n}".encode()).hexdigest(), path=f"t/{n}.txt",
                         format="txt", title=title, published=published, outlet=outlet, url=url)
    article_id = case.add_article(draft, NOW).article_id
    start, end = len(lead), len(lead) + len(quote)
    claims = [ClaimDraft(field="event_type", value=f"{event_type}/{sub_event_type}", start=start, end=end,
                         quote=quote), *(extra_claims or [])]
    if killed is not None:
        claims.insert(0, ClaimDraft(field="killed", value=str(killed), value_num=killed, qualifier="exact",
                                    party="militant", attributed_to=attributed_to, start=start, end=end,
                                    quote=quote))
    candidate = CandidateIncident(event_type=event_type, sub_event_type=sub_event_type, date_start=date,
                                  date_end=date_end or date, date_precision=precision if date else "unknown",
                                  location=location, admin1=admin1, country=country, latitude=None,
                                  longitude=None, geo_precision="town" if location else None, actor1=actor1,
                                  actor2=actor2, summary=summary, claims=claims)
    (incident_id,) = case.store_candidates(article_id, [candidate], NOW)
    if status != "candidate":
        with case.tx.write():
            case.update_incident(incident_id, NOW, status=status)
    return incident_id


# -- the brief parsed back ----------------------------------------------------------------------
MD = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


@dataclass
class Parsed:
    tokens: list
    headings: list[tuple[int, str]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    fences: list[tuple[str, str]] = field(default_factory=list)
    blockquotes: int = 0
    texts: list[str] = field(default_factory=list)  # the plain text of every inline run
    sources: list[str] = field(default_factory=list)  # the footnotes (the sources), by number
    front_matter: str = ""

    def h(self, level: int) -> list[str]:
        return [text for lvl, text in self.headings if lvl == level]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def plain(inline) -> str:
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "footnote_ref":  # a citation, as it renders: [1]
            out.append(f"[{child.meta['id'] + 1}]")
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def parse(markdown: str) -> Parsed:
    tokens = MD.parse(markdown)
    p = Parsed(tokens)
    row: list[str] | None = None
    in_head = in_sources = False
    for k, t in enumerate(tokens):
        if t.type == "front_matter":
            p.front_matter = t.content
        elif t.type == "heading_open":
            level = int(t.tag[1])
            p.headings.append((level, plain(tokens[k + 1])))
            in_sources = level == 2 and plain(tokens[k + 1]) == "Sources"
        elif t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            row.append(plain(tokens[k + 1]))
        elif t.type == "tr_close":
            if in_head:
                p.header = row
            else:
                p.rows.append(row)
        elif t.type in ("html_block", "html_inline"):
            p.html.append(t.content)
        elif t.type == "fence":
            p.fences.append((t.info.strip(), t.content))
        elif t.type == "blockquote_open":
            p.blockquotes += 1
        elif t.type == "footnote_open":
            p.sources.append(plain(tokens[k + 2]))
        if t.type == "inline":
            p.texts.append(plain(t))
            for child in t.children or []:
                if child.type == "link_open":
                    p.links.append(child.attrs.get("href", ""))
                elif child.type == "html_inline":
                    p.html.append(child.content)
    return p


def front_matter(text: str) -> dict:
    """The front matter as written (block maps of JSON scalars and {k: int} flow maps) — a
    reader for exactly what the brief writes, so the tests need no YAML library."""
    root: dict = {}
    stack = [(-1, root)]
    for line in text.splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        key, _, value = line.strip().partition(":")
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        value = value.strip()
        if not value:
            parent[key] = {}
            stack.append((indent, parent[key]))
        elif value.startswith("{"):
            parent[key] = {k: int(v) for k, v in re.findall(r"(\w+): (-?\d+)", value)}
        else:
            parent[key] = json.loads(value)
    return root


# -- Mermaid timeline statements (mermaid's timeline.jison, as the brief uses it; an event may
# start with an incident's id, "#12": inside an event, after ": ", a "#" is text) ----------------------
MERMAID_LINE = re.compile(
    r"timeline|    title [^\n]+|    section [^:\n#%;]+|        [^#:\n%;]+?(?: : (?:#\d+ )?(?:[^:\n#%;`<>]|:(?!\s))+)+")
