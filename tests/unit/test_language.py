"""Telling English, which the extractor reads, from the other languages of conflict reporting."""

from casefile.ingest.language import detect, language_name, reads_as_english
from casefile.pipeline import import_paths
from casefile.store import CaseFile

FRENCH = ("Quatre personnes dont trois civils et un militaire des Forces armées de la RDC ont été abattues lors "
          "d'une attaque des ADF dans la nuit de jeudi à vendredi 29 mars à Ndimo, village situé à 40 kilomètres "
          "de Komanda sur la route nationale numéro 4 dans le territoire d'Irumu. Selon des sources locales, ces "
          "rebelles ont aussi blessé par balles cinq autres personnes avant de saccager le centre de santé.")
ENGLISH = ("At least 11 villagers including a child were killed in the latest attack blamed on ADF rebels in the "
           "northeastern Democratic Republic of Congo, local officials said Tuesday. The rebels attacked Ndimo "
           "village on Monday evening in the gold-rich Ituri province, according to a civil society leader.")


def test_an_article_is_told_by_its_function_words():
    assert detect(ENGLISH) == "en"
    assert detect(FRENCH) == "fr"
    assert detect("Pelo menos 12 pessoas morreram neste domingo num ataque armado contra uma aldeia no distrito "
                  "de Macomia, segundo as autoridades da província de Cabo Delgado, que enviaram a polícia e o "
                  "exército para a zona para procurar os responsáveis pelo ataque.") == "pt"
    assert detect("Five killed in Ituri") is None  # too short to tell
    assert detect("انفجار في الموصل " * 20) is None  # none of these languages
    assert reads_as_english(None) and reads_as_english("en-GB") and reads_as_english("English")
    assert not reads_as_english("fr") and language_name("fr") == "French" and language_name("sw") == "sw"


def test_an_article_in_another_language_is_stored_and_said_so_not_misread(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "okapi.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "in" / "afp.txt").write_text(ENGLISH, encoding="utf-8")
    with CaseFile(tmp_path / "case.db") as case:
        report = import_paths(case, [tmp_path / "in"])
        assert report.imported == 2
        languages = dict(case.db.conn.execute("SELECT path, language FROM articles").fetchall())
        by_article = dict(case.db.conn.execute(
            "SELECT a.language, count(i.id) FROM articles a LEFT JOIN incidents i ON i.source_article_id = a.id "
            "GROUP BY a.language").fetchall())
    assert sorted(languages.values()) == ["en", "fr"]
    assert by_article["fr"] == 0 and by_article["en"] >= 1
    assert [w for _, w in report.warnings] == [
        "written in French: stored and searchable, but casefile proposes incidents from English text only"]


def test_an_import_without_extraction_leaves_the_language_to_the_metadata(tmp_path):
    # Detecting it costs a fifth of an import that only stores; re-extraction detects it then.
    from casefile.pipeline import reextract

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "okapi.txt").write_text(FRENCH, encoding="utf-8")
    with CaseFile(tmp_path / "case.db") as case:
        import_paths(case, [tmp_path / "in"], extract=False)
        assert case.db.conn.execute("SELECT language FROM articles").fetchone()[0] is None
        assert reextract(case, [1]) == []
