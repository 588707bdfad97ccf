"""The HTML brief: parsed back (no raw outside HTML, only http(s) and in-page links, nothing
fetched), the same content as the Markdown, and rendered by a real browser when there is one."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief_cases import BriefCase, add_incident
from casefile.brief import BriefOptions, render
from casefile.brief.html import html_brief, to_html

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def case():
    c = BriefCase(":memory:")
    yield c
    c.close()


class Page(HTMLParser):
    """Every tag with its attributes, the ids, and the text outside <style>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] for t, a in self.tags if "href" in a]


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p", "em",
                "strong", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "a",
                "sup", "hr", "section", "figure", "figcaption", "span", "pre", "code", "br"}


def check_page(text: str) -> Page:
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>")
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS  # no script, img, iframe, link, object, form …
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs and "srcset" not in attrs  # nothing fetched
    for href in page.hrefs():  # only the web, or a place on this page that exists
        assert href.startswith(("http://", "https://")) or (href.startswith("#") and href[1:] in page.ids), href
    style = text.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@import" not in style and "url(" not in style and "@media print" in style
    return page


def test_the_html_brief_is_the_markdown_brief(case):
    first = add_incident(case, date="2025-05-10", location="Deir ez-Zor", admin1="Deir ez-Zor", killed=2)
    add_incident(case, date=None, location="Raqqa", admin1="Raqqa", url="javascript:alert(1)")
    brief = render(case, BriefOptions(title="May <brief>", now=dt.datetime(2025, 6, 1)))
    page_brief = html_brief(brief)
    assert page_brief.filename == brief.filename.removesuffix(".md") + ".html"
    page = check_page(page_brief.html)
    text = "".join(page.text)
    assert "<title>May &lt;brief&gt;</title>" in page_brief.html and "May <brief>" in text
    assert f"incident-{first}" in page.ids and page.hrefs().count(f"#incident-{first}") == 2  # table, timeline
    assert sum(t == "table" for t, _ in page.tags) == 1 and "Deir ez-Zor" in text
    footnotes = [a for t, a in page.tags if t == "li" and a.get("class") == "footnote-item"]
    refs = [h for h in page.hrefs() if h.startswith("#fn") and not h.startswith("#fnref")]
    assert len(footnotes) == 2 and {f"#{a['id']}" for a in footnotes} == set(refs)  # every citation resolves
    assert "https://example.org/raid" in page.hrefs() and not any("javascript" in h for h in page.hrefs())
    assert "figure" in {t for t, _ in page.tags} and "```" not in text and "mermaid" not in text


def test_raw_html_and_unsafe_links_in_the_markdown_stay_text():
    hostile = ('---\ntitle: "x"\n---\n\n# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n'
               "[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd) <https://ok.example/x>\n")
    page = check_page(to_html(hostile))
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.hrefs() == ["https://ok.example/x"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_any_outside_text_in_an_article_gives_a_safe_page(case, hostile):
    add_incident(case, title=hostile or None, outlet=hostile or None, quote=(hostile.strip() or "x")[:80],
                 summary=hostile or "s")
    check_page(html_brief(render(case, BriefOptions(status="all", now=dt.datetime(2025, 6, 1)))).html)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no headless Chromium at /usr/bin/chromium "
                    "(apt-get install -y chromium) to render the brief in a real browser")
def test_chromium_renders_the_seed_brief(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "bench" / "brief_render.py"), "--out", str(tmp_path),
                             "--chromium", str(CHROMIUM), "--width", "1000", "--height", "1400"],
                            capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stderr
    png = (tmp_path / "brief.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1000, 1400) and len(png) > 50_000  # a page with text on it, not a blank one
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    (page,) = tmp_path.glob("*.html")
    check_page(page.read_text("utf-8"))
