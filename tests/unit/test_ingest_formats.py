"""Each reader turns its format into clean article drafts with the right metadata."""

import json
from pathlib import Path

from casefile.extract import extract
from casefile.ingest import Failure, read_paths
from casefile.model import ArticleDraft


def read_one(path: Path) -> ArticleDraft:
    outcomes = list(read_paths([path]))
    assert len(outcomes) == 1 and isinstance(outcomes[0], ArticleDraft), outcomes
    return outcomes[0]


def test_txt_with_dateline_and_agency_tag(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Gunmen kill 12 in Borno village raid\n\nMAIDUGURI, Nigeria, March 3, 2024 "
                 "(Reuters) - Gunmen killed at least 12 villagers overnight, residents said.\n")
    d = read_one(f)
    assert d.title == "Gunmen kill 12 in Borno village raid"
    assert d.published == "2024-03-03"
    assert d.outlet == "Reuters"
    assert d.format == "txt"


def test_markdown_title_from_first_heading_and_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\noutlet: HumAngle\npublished: 2024-02-10\nurl: https://humangle.ng/x\n---\n"
                 "# Attack on *Dikwa* camp\n\nInsurgents attacked the camp on **Friday**, "
                 "[officials](https://example.org) said.\n\n- three killed\n- two wounded\n")
    d = read_one(f)
    assert d.title == "Attack on Dikwa camp"
    assert d.published == "2024-02-10"
    assert d.outlet == "HumAngle"
    assert d.url == "https://humangle.ng/x"
    assert "Insurgents attacked the camp on Friday, officials said." in d.body
    assert "**" not in d.body and "](" not in d.body
    assert "- three killed" in d.body


def test_html_readable_text_without_scripts_styles_or_chrome(tmp_path):
    f = tmp_path / "a.html"
    f.write_text("""<!doctype html><html><head><title>Blast in Mosul | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-06-01T08:00:00Z">
<link rel="canonical" href="https://example.com/blast">
<style>p { color: red }</style><script>alert("x")</script></head>
<body><nav>Home | World</nav><article><h1>Blast in Mosul kills four</h1>
<p>A roadside bomb killed four soldiers &amp; wounded two near Mosul on Friday.</p>
<div class="share-bar">Share on Facebook</div><p>Police said the device was planted overnight.</p>
</article><footer>© Example News</footer></body></html>""")
    d = read_one(f)
    assert d.title == "Blast in Mosul kills four"
    assert d.published == "2024-06-01"
    assert d.outlet == "Example News"
    assert d.url == "https://example.com/blast"
    assert "four soldiers & wounded two" in d.body
    for junk in ("alert", "color: red", "Home | World", "Share on Facebook", "©"):
        assert junk not in d.body


def test_html_title_falls_back_to_title_tag_without_site_suffix(tmp_path):
    f = tmp_path / "b.htm"
    f.write_text("<html><head><title>Clashes in Gao - Sahel Daily</title></head><body>"
                 "<p>Clashes broke out in Gao on Monday between the army and militants.</p></body></html>")
    assert read_one(f).title == "Clashes in Gao"


def test_jsonl_records(tmp_path):
    f = tmp_path / "a.jsonl"
    rows = [
        {"title": "One", "body": "First article text about a raid.", "url": "https://www.reuters.com/x",
         "published": "2024-01-05"},
        {"title": "Two", "text": "Second article text.", "outlet": "AFP", "published": "5 January 2024"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    one, two = list(read_paths([f]))
    assert (one.title, one.outlet, one.published, one.record) == ("One", "Reuters", "2024-01-05", "line 1")
    assert (two.title, two.outlet, two.published, two.record) == ("Two", "AFP", "2024-01-05", "line 2")
    assert one.sha256 != two.sha256


def test_json_list_and_wrapped_list(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"articles": [{"headline": "H", "content": "Body text here.",
                                           "source": {"name": "Al Jazeera"}}]}))
    (d,) = list(read_paths([f]))
    assert (d.title, d.outlet, d.body, d.record) == ("H", "Al Jazeera", "Body text here.", "item 1")


def test_csv_with_semicolons(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("title;text;publisher;date\nT1;Body one, with a comma.;Rudaw;2024-03-01\n"
                 'T2;"Body two\nover two lines";Rudaw;2024-03-02\n')
    one, two = list(read_paths([f]))
    assert (one.title, one.body, one.outlet, one.published) == ("T1", "Body one, with a comma.", "Rudaw", "2024-03-01")
    assert two.body == "Body two\nover two lines"


def test_folders_are_walked_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed article body text.")
    (tmp_path / "a.txt").write_text("A article body text.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG....")
    titles = [o.body for o in read_paths([tmp_path]) if isinstance(o, ArticleDraft)]
    assert titles == ["A article body text.", "Zed article body text."]


def test_control_characters_are_stripped_and_newlines_normalised(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_bytes("Title\x1b[31m red\r\nBody \x1b]0;pwned\x07 text\x9b2J here\rend\tok\u202e".encode())
    d = read_one(f)
    assert "\x1b" not in d.body and "\x07" not in d.body and "\x9b" not in d.body and "\r" not in d.body
    assert d.body == "Title[31m red\nBody ]0;pwned text2J here\nend\tok"
    assert "\x1b" not in (d.title or "")


def test_unknown_publication_date_is_not_guessed(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Headline without date\nOn Saturday, gunmen attacked a checkpoint.")
    assert read_one(f).published is None


def test_unparseable_published_field_warns_and_stays_unknown(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"title": "T", "body": "B text.", "published": "sometime soon"}) + "\n")
    (d,) = list(read_paths([f]))
    assert d.published is None
    assert any("sometime soon" in w for w in d.warnings)


def test_page_furniture_is_marked_excluded_not_removed(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Raid in Homs\nForces raided a house in Homs on Monday, killing two men.\n"
                 "Share\nSubscribe to our newsletter for daily updates\n")
    d = read_one(f)
    excluded = [d.body[s.start:s.end] for s in d.excluded]
    assert "Share" in excluded
    assert "Subscribe to our newsletter for daily updates" in excluded
    assert "Forces raided a house in Homs on Monday, killing two men." not in excluded
    assert "Share" in d.body  # the body stays as the source had it


def test_missing_path_is_a_failure(tmp_path):
    (outcome,) = list(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(outcome, Failure) and "no such file" in outcome.error


def test_html_after_an_end_tag_with_attributes_is_kept(tmp_path):
    """`</style class="x">` once swallowed the rest of the page, and the import said it was fine."""
    f = tmp_path / "a.html"
    f.write_text('<html><head><title>Raid in Hama</title><style>p{color:red}</style class="x">'
                 '<script>var s = "</div><p>not text</p>";</script  ></head><body>'
                 "<p>Security forces killed two militants in a raid in Hama on Monday.</p>"
                 "<p>The ministry said weapons were seized.</p></body></html>")
    d = read_one(f)
    assert "killed two militants in a raid in Hama" in d.body
    assert "weapons were seized" in d.body
    assert "color" not in d.body and "not text" not in d.body


def test_html_nested_deeper_than_any_page_is_refused_by_name_and_quickly(tmp_path):
    """The HTML parser's time grows with the square of the nesting: 100,000 deep took 100 s."""
    import time

    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 100_000 + "<p>Clashes broke out in Gao.</p>" + "</div>" * 100_000)
    started = time.perf_counter()
    (outcome,) = list(read_paths([f]))
    assert isinstance(outcome, Failure) and "nested 100,000 elements deep" in outcome.error
    assert time.perf_counter() - started < 5
    ok = tmp_path / "ok.html"
    ok.write_text("<html><body>" + "<div>" * 300 + "<p>Clashes broke out in Gao on Monday.</p>" + "</div>" * 300)
    assert "Clashes broke out in Gao" in read_one(ok).body


def test_html_story_without_the_page_chrome(tmp_path):
    """A page without <article>: the story is found, menus, promos and footers left out."""
    story = ["BAGHDAD (Reuters) - Iraqi forces arrested 11 suspected Islamic State members in raids "
             "across Anbar province on Tuesday, a military statement said.",
             "The statement said the suspects were planning attacks on checkpoints near Ramadi.",
             "Weapons, explosive belts and forged identity documents were seized, it added.",
             "Islamic State lost its last territory in Iraq in 2017 but cells still carry out attacks."]
    f = tmp_path / "a.html"
    f.write_text("<html><head><title>Iraq arrests 11</title></head><body><div class='top-nav'>Trending "
                 "<a>Markets</a></div><div id='main'><h1>Iraq arrests 11 suspects</h1>"
                 + "".join(f"<p>{s}</p>" for s in story[:2])
                 + "<div class='promo subscribe'>Subscribe now for unlimited access</div>"
                 + "".join(f"<p>{s}</p>" for s in story[2:])
                 + "<div class='sponsored'>Sponsored: buy things</div></div>"
                 "<div class='footer'>Copyright 2025 Newswire</div></body></html>")
    body = read_one(f).body
    for sentence in story:
        assert sentence in body
    for junk in ("Subscribe now", "Trending"):
        assert junk not in body


def test_html_date_stated_only_in_a_date_line_the_story_leaves_out(tmp_path):
    paragraphs = "".join(f"<p>Sentence {k} of a long report on the attack near Bol in Lac province, "
                         "where the army said fighting lasted hours.</p>" for k in range(8))
    f = tmp_path / "a.html"
    f.write_text("<html><head><title>Boko Haram kills six soldiers</title></head><body><article>"
                 "<h1>Boko Haram kills six soldiers</h1><p class='byline'>By A. Reporter</p>"
                 f"<p>Oct. 29, 2024</p>{paragraphs}</article></body></html>")
    assert read_one(f).published == "2024-10-29"


def test_a_date_stamp_run_into_the_first_line_is_a_line_of_its_own(tmp_path):
    # As page text often comes: the page's date, then its dateline, on one line.
    f = tmp_path / "a.json"
    text = ("date 2024-01-26 KINSHASA, Congo (AP) — At least 19 people were killed when rebels shelled "
            "the town of Mweso on Thursday, officials said.")
    f.write_text(json.dumps([{"published": "2024-01-26", "body": text}]))
    d = read_one(f)
    assert len(d.body) == len(text) and d.body.split("\n")[0] == "date 2024-01-26"
    assert [d.body[s.start:s.end] for s in d.excluded] == ["date 2024-01-26"]
    (incident,) = extract(d.body, d.published, d.excluded)
    assert (incident.date_start, incident.location) == ("2024-01-25", "Mweso")
