"""Metadata read from the five seed articles."""

from casefile.ingest import read_paths

EXPECTED = {
    "000": ("Syrian security forces have killed three ISIL (ISIS) fighters and arrested four others in Aleppo",
            "2025-05-19", None),
    "001": ("IS Group Syria: Security Forces Clash with Jihadists in Aleppo", None, None),
    # "an Interior Ministry official told The National": the text names its publisher.
    "002": ("Syria cracks down on ISIS as authorities seek closer US ties", None, "The National"),
    "003": ("Syrian Interior Ministry Launches Widespread Raids and Arrest Campaign Against the Islamic State",
            None, "The Media Line"),
    "004": ("Syrian forces have killed two ISIS members in a raid north of Damascus", None, "The National"),
}


def test_seed_titles_dates_and_outlets(seeds_dir):
    drafts = {d.path.rsplit("/", 1)[-1][:3]: d for d in read_paths([seeds_dir])}
    assert sorted(drafts) == sorted(EXPECTED)
    for key, (title, published, outlet) in EXPECTED.items():
        d = drafts[key]
        assert (d.title, d.published, d.outlet) == (title, published, outlet), key


def test_seed_furniture_excluded(seeds_dir):
    drafts = {d.path.rsplit("/", 1)[-1][:3]: d for d in read_paths([seeds_dir])}
    def excluded(key):
        d = drafts[key]
        return [d.body[s.start:s.end] for s in d.excluded]
    assert "Share" in excluded("001")
    assert any(t.startswith("Your email address will not be published") for t in excluded("001"))
    tail = excluded("003")
    for line in ("TheMediaLine", "Personalize Your News", "Browse Categories and Topics", "about the"):
        assert line in tail
    assert any(t.startswith("A picture taken on Oct. 20, 2017") for t in tail)  # a caption
    # The story itself is never excluded.
    for key, d in drafts.items():
        for span in d.excluded:
            assert "killed" not in d.body[span.start:span.end] or span.reason == "headline", key
