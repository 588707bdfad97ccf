"""Readable text from an HTML page: the story, not the scripts, menus and share bars.

The story is found by trafilatura, made for the main text of news pages (measured against
the alternatives on saved news pages: bench/README.md). Pages it finds no story in (a short
page, a list) are read whole by a walker over selectolax's parse, which also gives the
metadata. Both parse HTML as browsers do, so sloppy markup — an end tag with attributes,
unclosed paragraphs, a script holding "</div>" — never swallows the rest of the page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from casefile.ingest.decode import ReadError

_DROP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "iframe", "button", "select", "textarea", "object", "embed", "canvas", "figure",
         "dialog", "menu", "head", "title"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
          "ul", "ol", "blockquote", "pre", "table", "tr", "dd", "dt", "dl", "address", "hr",
          "figcaption", "time", "body", "html", "td", "th"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "blockquote"}
# class/id words that mark chrome rather than story (whole words only).
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|comments?|related|promo|"
    r"advert|advertisement|ads?|cookie|byline-share|breadcrumbs?|sidebar|paywall|popup|modal)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)


@dataclass
class HtmlDocument:
    text: str
    title: str | None = None
    h1: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    time_datetime: str | None = None
    page_text: str = ""  # the whole page as read by the walker (date lines the story leaves out)


def _flat(text: str | None) -> str | None:
    return " ".join((text or "").split()) or None


def _dropped(node) -> bool:
    attrs = node.attributes
    if node.tag in _DROP or "hidden" in attrs or (attrs.get("aria-hidden") or "") == "true":
        return True
    return bool(_CHROME.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"))


def _metadata(tree, doc: HtmlDocument) -> None:
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content"):
            doc.meta.setdefault(key, attrs["content"])
    for link in tree.css("link[rel][href]"):
        if "canonical" in (link.attributes.get("rel") or "").lower():
            doc.canonical = link.attributes["href"]
            break
    if (title := tree.css_first("title")) is not None:
        doc.title = _flat(title.text(deep=True))
    if (time := tree.css_first("time[datetime]")) is not None:
        doc.time_datetime = time.attributes.get("datetime") or None


@functools.cache
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no SIGALRM: imports run in threads too
    return config


def _story(source: str) -> str:
    """The main text as trafilatura finds it ("" when it finds none)."""
    import trafilatura  # ~0.3 s to import: only when a page is read

    config = _trafilatura_config()
    try:
        text = trafilatura.extract(source, include_comments=False, include_tables=True,
                                   include_images=False, include_links=False, deduplicate=False,
                                   config=config)
    except Exception:  # a page it cannot handle is read by the walker instead
        return ""
    return _tidy([text or ""])


# The parser's time grows with the square of how deeply elements nest (0.1 s at 5,000 deep,
# 100 s at 100,000): deeper than any real page (a few dozen), so deeper is refused, not read.
MAX_DEPTH = 5_000
_TAG = re.compile(r"<(/?)(div|section|article|main|aside|header|footer|nav|table|blockquote|ul|ol|form)\b",
                  re.IGNORECASE)


def _nesting(source: str) -> int:
    depth = deepest = 0
    for m in _TAG.finditer(source):
        depth = max(0, depth - 1) if m[1] else depth + 1
        deepest = max(deepest, depth)
    return deepest


def read_html(source: str) -> HtmlDocument:
    if (depth := _nesting(source)) > MAX_DEPTH:
        raise ReadError(f"HTML nested {depth:,} elements deep (a real page nests a few dozen); not read")
    tree = LexborHTMLParser(source)
    doc, chrome = _walk(tree)
    # trafilatura reads the page without what the walker knows is chrome (share bars,
    # newsletter boxes, related links), which it would otherwise keep inside a paragraph.
    for node in chrome:
        node.decompose()
    doc.page_text = doc.text
    if story := _story(tree.html or ""):
        doc.text = story
    return doc


def _walk(tree) -> tuple[HtmlDocument, list]:
    """The metadata, the whole readable text (the <article> when it holds the story), and
    the elements dropped as chrome."""
    doc = HtmlDocument(text="")
    chrome: list = []
    _metadata(tree, doc)
    parts: list[str] = []
    article_parts: list[str] | None = None
    # An explicit stack, not recursion: a page nested 100,000 deep is still read. Each entry
    # is a node to enter, or the closing of a block (a string to emit).
    stack: list = [tree.body] if tree.body is not None else []
    article_depth = 0
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):  # leaving an element
            text, leaves_article = node
            parts.append(text)
            if article_parts is not None and article_depth:
                article_parts.append(text)
            if leaves_article:
                article_depth -= 1
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            parts.append(text)
            if article_depth:
                article_parts.append(text)
            continue
        if tag.startswith("-"):  # comments, doctype
            continue
        if _dropped(node):
            if tag not in ("head", "title", "script", "style"):
                chrome.append(node)
            continue
        if tag in ("br", "hr"):
            parts.append("\n")
            if article_depth:
                article_parts.append("\n")
            continue
        if tag == "h1" and doc.h1 is None:
            doc.h1 = _flat(node.text(deep=True))
        enters_article = tag in ("article", "main")
        if enters_article:
            if article_parts is None:
                article_parts = []
            article_depth += 1
        if tag in _BLOCK:
            opening = "\n\n" if tag in _PARAGRAPH else "\n"
            parts.append(opening)
            if article_depth:
                article_parts.append(opening)
        stack.append(("\n" if tag in _BLOCK else "", enters_article))
        children = list(node.iter(include_text=True))
        stack.extend(reversed(children))
    article = _tidy(article_parts) if article_parts else ""
    whole = _tidy(parts)
    # Prefer the <article>/<main> element when it holds the bulk of the story.
    doc.text = article if len(article) >= 200 or (article and len(whole) < 2 * len(article)) else whole
    return doc, chrome


def _tidy(parts: list[str]) -> str:
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
