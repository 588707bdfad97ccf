"""Readable text from an HTML page: the story, not the scripts, menus and share bars."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_DROP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
         "form", "iframe", "button", "select", "textarea", "object", "embed", "canvas", "figure",
         "dialog", "menu"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
          "ul", "ol", "blockquote", "pre", "table", "tr", "dd", "dt", "dl", "address", "hr",
          "figcaption", "time", "body", "html", "td", "th"}
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


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []
        self.article_parts: list[str] | None = None
        self.in_article = 0
        self.doc = HtmlDocument(text="")
        self._title: list[str] | None = None
        self._h1: list[str] | None = None

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.in_article and self.article_parts is not None:
            self.article_parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.doc.meta.setdefault(key, a["content"])
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.doc.canonical = a["href"]
            return
        if tag == "time" and a.get("datetime") and not self.doc.time_datetime:
            self.doc.time_datetime = a["datetime"]
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._emit("\n")
            return
        chrome = bool(_CHROME.search(f"{a.get('class', '')} {a.get('id', '')}"))
        drop = tag in _DROP or chrome or "hidden" in a or a.get("aria-hidden") == "true"
        self.stack.append((tag, drop))
        if drop:
            self.skip_depth += 1
        if tag == "title":
            self._title = []
        elif tag == "h1" and self.doc.h1 is None and not self.skip_depth:
            self._h1 = []
        if tag in ("article", "main") and not self.skip_depth:
            if self.article_parts is None:
                self.article_parts = []
            self.in_article += 1
        if tag in _BLOCK and not self.skip_depth:
            self._emit("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "blockquote") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # Close up to the matching tag (tolerates unclosed children in sloppy pages).
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, drop = self.stack.pop()
            if drop:
                self.skip_depth -= 1
            if t == "title" and self._title is not None:
                self.doc.title = " ".join("".join(self._title).split()) or None
                self._title = None
            if t == "h1" and self._h1 is not None:
                self.doc.h1 = " ".join("".join(self._h1).split()) or None
                self._h1 = None
            if t in ("article", "main") and self.in_article:
                self.in_article -= 1
            if t in _BLOCK and not self.skip_depth:
                self._emit("\n")
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self.skip_depth:
            return
        if self._h1 is not None:
            self._h1.append(data)
        self._emit(data)


def _tidy(parts: list[str]) -> str:
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_html(source: str) -> HtmlDocument:
    reader = _Reader()
    reader.feed(source)
    reader.close()
    doc = reader.doc
    article = _tidy(reader.article_parts) if reader.article_parts else ""
    whole = _tidy(reader.parts)
    # Prefer the <article>/<main> element when it holds the bulk of the story.
    doc.text = article if len(article) >= 200 or (article and len(whole) < 2 * len(article)) else whole
    return doc
