"""incidents, show and extract through the CLI: JSON shapes and idempotent re-extraction."""

INCIDENT_KEYS = {"id", "status", "date_start", "date_end", "date_precision", "location", "admin1",
                 "country", "latitude", "longitude", "geo_precision", "event_type", "sub_event_type",
                 "actor1", "actor2", "killed", "wounded", "arrested", "disputed", "summary", "article_ids"}
CLAIM_KEYS = {"id", "article_id", "field", "value", "value_num", "qualifier", "party", "attributed_to",
              "start", "end", "quote", "prefix", "suffix", "origin"}


def test_incidents_and_show_json_shapes(seeds_dir, cli):
    cli("import", seeds_dir)
    incidents = cli.json("incidents")
    assert len(incidents) >= 12
    for i in incidents:
        assert set(i) == INCIDENT_KEYS
        assert set(i["killed"]) == {"low", "best", "high"}
        assert i["status"] == "candidate" and i["article_ids"]
    dated = [i["date_start"] for i in incidents if i["date_start"]]
    assert dated == sorted(dated)
    shown = cli.json("show", str(incidents[0]["id"]))
    assert INCIDENT_KEYS | {"claims", "annotations", "merged_from", "merged_into", "relations",
                            "dispute_note", "disputes", "version"} == set(shown)
    for c in shown["claims"]:
        assert set(c) == CLAIM_KEYS


def test_show_text_lists_claims_by_source(seeds_dir, cli):
    cli("import", seeds_dir)
    raid = next(i for i in cli.json("incidents") if i["article_ids"] == [2] and i["sub_event_type"] == "Armed clash")
    out = cli("show", str(raid["id"])).stdout
    assert "disputed" in out and "Syrian Observatory for Human Rights" in out and "article 2" in out


def test_reextraction_is_idempotent_and_keeps_curated_work(seeds_dir, cli, db_path):
    from casefile.store import CaseFile

    cli("import", seeds_dir)
    before = cli.json("incidents")
    cli("extract", "--all")
    again = cli.json("incidents")
    assert again == before  # same candidates, same ids
    # A curator confirms one incident: re-extraction must keep it, not duplicate it.
    kept = before[0]["id"]
    with CaseFile(db_path) as case:
        case.db.execute("UPDATE incidents SET status = 'confirmed', version = version + 1 WHERE id = ?", [kept])
    cli("extract", "--article", str(before[0]["article_ids"][0]))
    after = cli.json("incidents")
    assert len(after) == len(before)
    assert any(i["id"] == kept and i["status"] == "confirmed" for i in after)


def test_extract_needs_a_target_and_known_ids(cli):
    assert "--article ID" in cli("extract", expect=2).output
    assert "no article with id 7" in cli("extract", "--article", "7", expect=1).output


def test_show_unknown_incident(cli):
    assert "no incident with id 42" in cli("show", "42", expect=1).output
