"""A search for a place widened to its spellings; where a query's words are in a text."""

from casefile.searchterms import fold, hit_spans, place_query, query_terms


def test_a_place_is_widened_to_the_spellings_the_gazetteer_knows():
    q = place_query("qalamoun")
    assert q.place == "Qalamoun" and "qalamon" in q.spellings
    assert '"qalamon"' in q.query and " OR " in q.query
    assert "sayeda zeinab" in place_query("Sayyida Zeinab").spellings


def test_ordinary_words_and_query_syntax_are_not_widened():
    for text in ("police", "raid", "killed", '"Qalamoun"', "qalamoun*", "Aleppo AND raid", ""):
        assert place_query(text) is None, text


def test_hits_are_found_with_endings_accents_and_phrases():
    body = "Raids in Sayeda Zeinab; the raid near Qalamôn."
    spans = hit_spans(body, query_terms('raid OR "sayeda zeinab" OR qalamon'))
    assert [body[a:b] for a, b in spans] == ["Raids", "Sayeda Zeinab", "raid", "Qalamôn"]
    assert len(fold(body)) == len(body)  # offsets stay those of the text
