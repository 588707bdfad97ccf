"""The CLI's article commands and their public JSON shapes."""

from casefile import __version__


def test_version(cli):
    assert __version__ in cli("--version").stdout


def test_import_then_articles_json_shape(seeds_dir, cli):
    out = cli.json("import", seeds_dir)
    assert set(out) == {"imported", "duplicates", "failed", "article_ids", "stopped", "not_stored"}
    assert out["article_ids"] == [1, 2, 3, 4, 5]
    articles = cli.json("articles")
    assert len(articles) == 5
    for a in articles:
        assert set(a) == {"id", "title", "outlet", "published", "path", "sha256", "chars"}
        assert len(a["sha256"]) == 64 and a["chars"] > 2000
    assert articles[0]["published"] == "2025-05-19"
    assert articles[3]["outlet"] == "The Media Line"


def test_articles_table_and_limit(seeds_dir, cli):
    cli("import", seeds_dir)
    text = cli("articles", "--limit", "2").stdout
    assert "ID" in text and "Syria cracks down" not in text and "IS Group Syria" in text


def test_show_article_prints_metadata_and_text(seeds_dir, cli):
    cli("import", seeds_dir)
    out = cli("show-article", "4").stdout
    assert "The Media Line" in out and "61 raids" in out
    data = cli.json("show-article", "4")
    assert data["outlet"] == "The Media Line"
    assert any(e["reason"] == "signature" for e in data["excluded"])


def test_show_unknown_article_is_a_clear_error(cli):
    result = cli("show-article", "99", expect=1)
    assert "no article with id 99" in result.output
    assert "Traceback" not in result.output


def test_search_ranks_and_marks_hits(seeds_dir, cli):
    cli("import", seeds_dir)
    hits = cli.json("search", '"Sayyida Zeinab" OR "Sayeda Zeinab"')
    assert {h["article_id"] for h in hits} == {1, 3}
    for h in hits:
        assert set(h) == {"article_id", "title", "snippet", "rank"}
        assert "**" in h["snippet"] and isinstance(h["rank"], float)
    prefix = cli.json("search", "Jazmat*")
    assert [h["article_id"] for h in prefix] == [3]


def test_search_with_bad_syntax_explains_instead_of_crashing(seeds_dir, cli):
    cli("import", seeds_dir)
    result = cli("search", "Haidariya AND", expect=None)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1)
    loose = cli("search", '"Haidariya')
    assert "searched the words as typed" in loose.stderr
    assert "Haidariya" in loose.stdout


def test_empty_search_is_refused_clearly(cli):
    result = cli("search", "  ", expect=1)
    assert "empty search" in result.output


def test_db_from_environment(tmp_path, seeds_dir, monkeypatch):
    from click.testing import CliRunner

    from casefile.cli import main

    target = tmp_path / "env.db"
    monkeypatch.setenv("CASEFILE_DB", str(target))
    result = CliRunner().invoke(main, ["import", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert target.exists()
