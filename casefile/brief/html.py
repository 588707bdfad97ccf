"""The brief as one self-contained HTML file, rendered from the same Markdown.

markdown-it-py with mdit-py-plugins (tables, front matter, footnotes: the sources are the
footnotes the citations point to), raw HTML off (any `<tag>` from outside stays text), links
only to http(s) addresses or to anchors inside the page. The Mermaid timeline is drawn here as
an HTML/CSS timeline: Mermaid's script would need the network. A print stylesheet gives A4
pages (sources' addresses are written out as their links' text).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

_SAFE_LINK = re.compile(r"(?i)https?://[^\s<>\"]+|#[\w-]+")
_INCIDENT_HEADING = re.compile(r"#(\d+)\s")
_ID_LABEL = re.compile(r"^#(\d+)(?=\s|$)")


@dataclass(frozen=True)
class HtmlBrief:
    """What `write_brief` needs, for the HTML version of a brief."""

    html: str
    filename: str
    incidents: int
    filter: dict
    title: str
    generated_at: str

    @functools.cached_property
    def data(self) -> bytes:
        return self.html.encode("utf-8")

    @functools.cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def html_brief(brief) -> HtmlBrief:
    """The HTML version of a rendered Markdown brief (`casefile.brief.render`)."""
    name = brief.filename.removesuffix(".md") + ".html"
    return HtmlBrief(to_html(brief.markdown, brief.title), name, brief.incidents, brief.filter, brief.title,
                     brief.generated_at)


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").use(front_matter_plugin).use(footnote_plugin)
    md.validateLink = lambda url: bool(_SAFE_LINK.fullmatch(url))
    md.add_render_rule("fence", _fence)
    md.add_render_rule("front_matter", lambda *args: "")
    # A source cited again is still "[2]" (the plugin would write "[2:1]").
    md.add_render_rule("footnote_caption", lambda self, tokens, idx, options, env: f"[{tokens[idx].meta['id'] + 1}]")
    md.core.ruler.push("incident_ids", _incident_ids)
    return md


def to_html(markdown: str, title: str | None = None) -> str:
    body = _parser().render(markdown)
    title = title or _front_matter_title(markdown) or "Brief"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="casefile">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{STYLE}</style>\n</head>\n"
        f'<body>\n<main class="brief">\n{body}</main>\n</body>\n</html>\n'
    )


def _front_matter_title(markdown: str) -> str | None:
    m = re.search(r'(?m)^title: (".*")$', markdown.split("\n---\n", 1)[0])
    return json.loads(m[1]) if m else None


def _incident_ids(state) -> None:
    """`### #12 Armed clash …` gets id="incident-12", and the table's "#12" links to it."""
    tokens = state.tokens
    headed = set()
    for k, t in enumerate(tokens):
        if t.type == "heading_open" and t.tag == "h3" and k + 1 < len(tokens):
            m = _INCIDENT_HEADING.match(tokens[k + 1].content + " ")
            if m:
                t.attrSet("id", f"incident-{m[1]}")
                headed.add(m[1])
    for k, t in enumerate(tokens):
        if t.type == "td_open" and k + 1 < len(tokens) and tokens[k + 1].children:
            children = tokens[k + 1].children
            m = re.fullmatch(r"#(\d+)", tokens[k + 1].content)
            if m and m[1] in headed and len(children) == 1:
                link = Token("link_open", "a", 1, attrs={"href": f"#incident-{m[1]}"})
                tokens[k + 1].children = [link, children[0], Token("link_close", "a", -1)]


def _fence(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.info.strip() == "mermaid":
        return timeline_html(token.content)
    return f"<pre><code>{html.escape(token.content)}</code></pre>\n"


def timeline_html(mermaid: str) -> str:
    """The brief's Mermaid `timeline` as nested lists: sections (months), periods (days), events."""
    title, sections = "Timeline", []
    for line in mermaid.splitlines():
        text = line.strip()
        if text.startswith("title "):
            title = text[6:]
        elif text.startswith("section "):
            sections.append((text[8:], []))
        elif " : " in text:
            period, *events = text.split(" : ")
            if not sections:
                sections.append(("", []))
            sections[-1][1].append((period, events))
    out = [f'<figure class="timeline" role="group" aria-label="{html.escape(title)}">',
           f"<figcaption>{html.escape(title)}</figcaption>"]
    for name, periods in sections:
        out.append('<section class="tl-section">')
        if name:
            out.append(f'<h4 class="tl-name">{html.escape(name)}</h4>')
        out.append('<ol class="tl-periods">')
        for period, events in periods:
            items = "".join(f'<li class="tl-event">{_event(e)}</li>' for e in events)
            out.append(f'<li class="tl-period"><span class="tl-when">{html.escape(period)}</span>'
                       f'<ul class="tl-events">{items}</ul></li>')
        out.append("</ol></section>")
    out.append("</figure>\n")
    return "\n".join(out)


def _event(label: str) -> str:
    m = _ID_LABEL.match(label)
    if not m:
        return html.escape(label)
    return (f'<a class="tl-id" href="#incident-{m[1]}">#{m[1]}</a>'
            + html.escape(label[m.end():]))


STYLE = """\
:root { --ink: #1b1f24; --muted: #5b6470; --rule: #d5d9de; --accent: #8a1c1c; --soft: #f4f5f7; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 "Source Serif Pro", Georgia, "Times New Roman", serif; }
main.brief { max-width: 60rem; margin: 0 auto; padding: 2rem 2.5rem 4rem; }
h1, h2, h3, h4, figcaption, th, .tl-when { font-family: "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h1 + p { color: var(--muted); margin-top: 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.08rem; margin: 2rem 0 .4rem; padding-top: .6rem; border-top: 1px solid var(--rule); }
table { border-collapse: collapse; width: 100%; font: 12.5px/1.35 "Helvetica Neue", Arial, sans-serif; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .4rem; vertical-align: top; }
th { background: var(--soft); text-align: left; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; white-space: nowrap; }
blockquote { margin: .2rem 0 .6rem; padding: .1rem .8rem; border-left: 3px solid var(--rule);
  color: #333; background: var(--soft); }
blockquote p { margin: .3rem 0; }
strong { color: var(--accent); }
ul { padding-left: 1.3rem; }
a { color: #1f4e8c; }
sup.footnote-ref a { text-decoration: none; font-family: Arial, sans-serif; font-size: .75em; }
hr.footnotes-sep { display: none; }
a.footnote-backref { text-decoration: none; }
a.footnote-backref + a.footnote-backref { display: none; }  /* one way back is enough */
section.footnotes { font-size: .9rem; }
section.footnotes ol { padding-left: 1.6rem; }
figure.timeline { margin: 1rem 0; padding: 1rem 1.2rem; background: var(--soft); border-radius: 4px; }
figure.timeline figcaption { font-weight: bold; margin-bottom: .5rem; }
.tl-name { margin: .6rem 0 .3rem; font-size: .95rem; color: var(--muted); }
.tl-periods { list-style: none; margin: 0; padding: 0 0 0 1.1rem; border-left: 3px solid var(--accent); }
.tl-period { position: relative; margin: 0 0 .7rem; padding-left: .6rem; }
.tl-period::before { content: ""; position: absolute; left: -1.62rem; top: .35rem; width: .8rem; height: .8rem;
  border-radius: 50%; background: #fff; border: 3px solid var(--accent); }
.tl-when { font-weight: bold; font-size: .9rem; }
.tl-events { margin: .15rem 0 0; padding-left: 1.1rem; }
.tl-id { font-weight: bold; text-decoration: none; margin-right: .3rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  body { font-size: 10.5pt; }
  main.brief { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; }
  h2 { break-before: auto; }
  tr, blockquote, li, figure.timeline { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  section.footnotes a { word-break: break-all; }
  a.footnote-backref { display: none; }
  blockquote, figure.timeline, th { background: none; }
}
"""
