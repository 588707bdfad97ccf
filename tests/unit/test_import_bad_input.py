"""Bad files are named with their reason; good files still land; nothing is half-written."""

import json

from casefile.store import CaseFile


def failures(result_json):
    return {f["path"].rsplit("/", 1)[-1]: f["error"] for f in result_json["failed"]}


def test_mixed_folder_imports_the_good_and_names_each_bad(tmp_path, cli, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Raid in Hama\nForces raided a cell in Hama on Monday.")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "scan.txt").write_bytes(b"%PDF-1.7 ...")
    (folder / "cp1252.txt").write_bytes("Caf\xe9 attack\nA blast hit a caf\xe9 in Homs.".encode("cp1252"))
    (folder / "empty.txt").write_text("   \n\n")
    (folder / "big.txt").write_text("x" * 2048)
    (folder / "lines.jsonl").write_text(
        json.dumps({"title": "L1", "body": "Line one text."}) + "\n{not json\n"
        + json.dumps({"title": "L3", "body": "Line three text."}) + "\n" + json.dumps(["a"]) + "\n"
        + json.dumps({"title": "L5"}) + "\n")
    (folder / "nobody.csv").write_text("title,url\nT,https://x.org\n")
    (folder / "broken.json").write_text('{"title": "x", "body": ')
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")

    result = cli("import", folder, "--max-size", "1KB", "--json", expect=1)
    out = json.loads(result.stdout)
    bad = failures(out)
    assert out["imported"] == 4  # good.txt, cp1252.txt, lines 1 and 3
    assert "binary" in bad["binary.txt"]
    assert "PDF" in bad["scan.txt"]
    assert "empty" in bad["empty.txt"]
    assert "over the 1 KB limit" in bad["big.txt"]
    assert "no body or text column" in bad["nobody.csv"] and "title, url" in bad["nobody.csv"]
    assert "line 1" in bad["broken.json"]
    jsonl_errors = [f["error"] for f in out["failed"] if f["path"].endswith("lines.jsonl")]
    assert any(e.startswith("line 2: malformed JSON") for e in jsonl_errors)
    assert any(e.startswith("line 4: expected a JSON object") for e in jsonl_errors)
    assert any(e.startswith("line 5: no body") for e in jsonl_errors)
    assert "image.png" not in bad  # not an article file: skipped, not failed

    articles = cli.json("articles")
    titles = {a["title"] for a in articles}
    assert {"Raid in Hama", "L1", "L3", "Café attack"} <= titles
    assert len(articles) == 4


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning(tmp_path, cli):
    f = tmp_path / "old.txt"
    f.write_bytes(b"Title \x93quoted\x94\nBody text.")
    result = cli("import", f)
    assert "not valid UTF-8" in result.stderr and "Windows-1252" in result.stderr
    (article,) = cli.json("articles")
    assert article["title"] == "Title “quoted”"


def test_reimport_is_a_noop_reported_as_duplicate(seeds_dir, cli):
    first = cli.json("import", seeds_dir)
    assert first["imported"] == 5 and first["duplicates"] == 0
    again = cli.json("import", seeds_dir)
    assert again == {"imported": 0, "duplicates": 5, "failed": [], "article_ids": [], "stopped": None,
                     "not_stored": 0}
    assert len(cli.json("articles")) == 5
    text = cli("import", seeds_dir).stdout
    assert "duplicate:" in text and "is article 1 (same file)" in text


def test_same_text_in_another_format_is_a_duplicate(tmp_path, cli):
    (tmp_path / "a.txt").write_text("Raid in Hama\nForces raided a cell.")
    (tmp_path / "b.txt").write_text("Raid in Hama\r\nForces raided a cell.\r\n")
    out = cli.json("import", tmp_path)
    assert (out["imported"], out["duplicates"]) == (1, 1)


def test_a_failing_article_leaves_no_partial_row_and_keeps_the_others(tmp_path, db_path):
    """An article whose insert fails mid-batch is rolled back alone."""
    from casefile.model import ArticleDraft
    from casefile.pipeline import ImportReport, _store

    case = CaseFile(db_path)
    good = ArticleDraft(body="Good text.", sha256="a" * 64, path="g.txt", format="txt")
    bad = ArticleDraft(body="Bad text.", sha256="b" * 64, path="b.txt", format="txt", title=object())
    report = ImportReport()
    try:
        _store(case, [good, bad], report)
    except Exception:
        pass
    assert case.article_count() == 0  # the batch failed as a whole, nothing half-written
    _store(case, [good], report)
    assert case.article_count() == 1
    fts = case.db.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert fts == 1


def test_a_full_file_mid_feed_stops_the_import_and_counts_what_was_stored(tmp_path, db_path):
    """The case file reaches its size limit (SQLITE_FULL, as a full disk) inside a feed:
    commits are per 200 records, the report counts only what is stored, and says why."""
    from casefile.pipeline import import_paths

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"title": f"R{k}", "body": f"Report {k}. " + " ".join(
        f"w{k}x{j}" for j in range(200))}) + "\n" for k in range(1000)))
    with CaseFile(db_path) as case:
        pages = case.db.conn.execute("PRAGMA page_count").fetchone()[0]
        case.db.conn.execute(f"PRAGMA max_page_count = {pages + 700}")
        report = import_paths(case, [feed], extract=False)
        stored = case.article_count()
    assert report.stopped and "disk is full" in report.stopped and str(db_path) in report.stopped
    assert 0 < report.imported == stored < 1000
    assert report.imported % 200 == 0
    assert report.imported + report.not_stored == 1000
