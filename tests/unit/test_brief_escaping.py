"""Outside text cannot change the brief's structure: hostile titles, outlets, quotes, notes,
places and URLs render as written, and only http(s) URLs ever become links."""

from __future__ import annotations

import datetime as dt

import pytest
from brief_cases import H2, MERMAID_LINE, BriefCase, add_incident, front_matter, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.brief import BriefOptions, render
from casefile.brief.markdown import autolink, cell, flat, inline, mermaid_text, safe_url, strong, yaml_str
from casefile.brief.options import DEFAULT_TITLE

try:  # not a dependency: where PyYAML is installed, the front matter is checked with it too
    import yaml
except ImportError:
    yaml = None

PIECES = [
    "|", "||", "#", "# ", "## x", "> ", ">", "- ", "-", "+ ", "* ", "1. ", "2) ", "10.", "_", "__", "*", "**", "`",
    "```", "~~~", "~~", "[", "]", "](", "(", ")", "[x](javascript:alert(1))", "[1]: http://evil.example",
    "![i](http://x.example/i.png)", "<", ">", "<script>alert(1)</script>", "<b>", "</div>", "<!-- c -->",
    "<http://evil.example>", "&amp;", "&#60;", "&lt;", "\\", "\\|", "\n", "\n\n", "\r\n", "\t", "    ", "---", "===",
    "***", "javascript:", "http://a.example/b", "https://x.example/(z)", "%%", "%%{init: {}}%%", ":", ": ", ";",
    "title ", "section ", "timeline", "{", "}", "$x$", "^", "\u202e", "\u2066", "\x00", "\x1b[31m", "\x85",
    "\u2028", "\u00a0", " - ", "  1. ", " # ", " > ", "é", "Ω", "Zeïnab", "حلب", "😀", "word", " ", ".", "!", "?",
    "“", "”",
]
hostile = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=10).map("".join)
URLS = st.sampled_from(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
                        "//evil.example/x", "/relative/path", "ftp://x.example/", "http://", "https://ex ample.org",
                        "https://example.org/a b<c>|d`e", "http://exa.example/)(", "https://ü.example/ß",
                        "vbscript:msgbox", "https://example.org/ok?q=1&r=[2]#frag"]) | hostile


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile, outlet=hostile, article_title=hostile, lead=hostile, quote=hostile, note=hostile,
       place=hostile, actor=hostile, summary=hostile, kind=hostile, url=URLS)
def test_hostile_text_never_changes_the_structure(title, outlet, article_title, lead, quote, note, place, actor,
                                                  summary, kind, url):
    quote = f"killed {quote} militants"  # the stating words are never blank
    place += "ville"  # never blank either (a blank place falls back to the province)
    with BriefCase(":memory:") as case:
        first = add_incident(case, title=article_title, outlet=outlet, url=url, lead=lead, quote=quote,
                             location=place, actor1=actor, summary=summary, sub_event_type=kind)
        second = add_incident(case, date="2025-05-20", title=article_title, outlet=outlet, url=url,
                              location=place, admin1=place, sub_event_type=kind)
        case.add_annotation(first, note or "x", "analyst", "2025-06-01T00:00:00+00:00")
        case.add_relation(first, second, "related", "analyst", "2025-06-01T00:00:00+00:00", note)
        brief = render(case, BriefOptions(title=title, now=dt.datetime(2025, 6, 1)))
    p = parse(brief.markdown)
    # Headings, table, lists and quotes: exactly the ones the brief writes.
    assert p.h(1) == [flat(title) or DEFAULT_TITLE]
    assert p.h(2) == H2 and len(p.h(3)) == 2 and len(p.headings) == 9
    assert len(p.rows) == 2 and all(len(r) == len(p.header) == 10 for r in p.rows)
    assert p.blockquotes == 2  # the two killed claims' sentences
    assert len(p.sources) == 2
    assert [f[0] for f in p.fences] == ["mermaid"]
    # No HTML, no link but to http(s), and a link only where the URL is safe.
    assert not p.html
    assert all(href.startswith(("http://", "https://")) for href in p.links)
    assert len(p.links) == (2 if safe_url(url) else 0)
    # Text renders as written.
    assert [r[2] for r in p.rows] == [flat(place)] * 2
    assert any(flat(outlet) in s for s in p.sources)
    assert flat(note or "x") in p.text
    assert front_matter(p.front_matter)["title"] == (flat(title) or DEFAULT_TITLE)
    if yaml:
        assert yaml.safe_load(p.front_matter)["title"] == (flat(title) or DEFAULT_TITLE)
    # The timeline is valid Mermaid whatever the labels held.
    for line in p.fences[0][1].splitlines():
        assert MERMAID_LINE.fullmatch(line), line
    assert brief.filename.endswith(".md") and set(brief.filename[:-3]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_inline_text_is_one_paragraph_of_literal_text(text):
    p = parse(f"{inline(text)}\n\n| a |\n|---|\n| {cell(text)} |\n")
    opens = [t.type for t in p.tokens if t.nesting == 1]
    table = ["table_open", "thead_open", "tr_open", "th_open", "tbody_open", "tr_open", "td_open"]
    assert opens == (["paragraph_open"] if flat(text) else []) + table
    if flat(text):
        assert p.texts[0] == flat(text)
    assert p.rows == [[flat(text) or "—"]]
    assert not p.html and not p.links


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("HTTP://Example.org/a?b=1#c", "http://Example.org/a?b=1#c"),
    ("https://example.org/a b<c>|d", "https://example.org/a%20b%3Cc%3E%7Cd"),
    ("https://ü.example/ß", "https://xn--tda.example/%C3%9F"),
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("//example.org", None), ("/a", None),
    ("ftp://example.org", None), ("http://", None), ("https://exa mple.org", None), ("https://a.example\\@b", None),
])
def test_only_http_urls_are_links(url, expected):
    assert safe_url(url) == expected
    link = autolink(url)
    p = parse(link)
    assert p.links == ([expected] if expected else [])


def test_escapes_keep_the_words():
    assert inline("- a | b *c* <d> [e](f) #g `h` 1. i") == "\\- a \\| b \\*c\\* \\<d\\> \\[e\\](f) \\#g \\`h\\` 1. i"
    assert inline("1. first") == "1\\. first" and inline("  line\none  ") == "line one"
    assert cell(None) == "—" and cell("\n\n") == "—"
    assert strong("words") == "**words**" and strong("“quoted”", "a", " ") == "“quoted”"
    assert yaml_str('a "b"\n\\') == '"a \\"b\\"\\n\\\\"' and yaml_str(None) == "null" and yaml_str(3) == "3"
    assert yaml_str("\u2028\x85") == '"\\u2028\\u0085"'


def test_mermaid_labels_hold_only_plain_text():
    label = mermaid_text("a: b # c %% d; <br> `x` title\nsection :")
    assert label == "a b c d br x title section"
    assert len(mermaid_text("word " * 50, 60)) == 60
