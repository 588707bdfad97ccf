"""Pilot tests of issue 14, item by item: what the curator sees on the screen, and what the
database then holds."""

from casefile.store import CaseFile
from casefile.tui.widgets.footer import Footer
from helpers import select_words

BIG, SMALL = (120, 40), (80, 24)


def db(app):
    return CaseFile(app.db_path)


async def select(pilot, incident_id: int, status: str = "candidate"):
    """Put the queue's cursor on an incident, as the palette's jump does."""
    await pilot.app.go_to_incident(incident_id)
    await pilot.pause()
    review = pilot.app.screen
    assert review.incident.id == incident_id
    return review


def pane(app, selector="#incident"):
    return app.screen.query_one(selector)


def footer_keys(app) -> dict[str, object]:
    from textual.widgets._footer import FooterKey

    return {k.description: k for k in app.screen.query_one(Footer).query(FooterKey)}


# -- 1. the incident pane, readable whole ----------------------------------------------------

async def test_every_claim_is_listed_by_source_with_its_qualifier_and_who_said_it(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await select(pilot, 5)  # Jazmatiyeh: "at least three" arrested
        text = pane(app).text
        assert "[3] " in text  # grouped under its source
        assert "arrested  at least 3 militants" in text
        assert "killed    3 militants  — Interior Ministry official" in text
        for label in ("place", "actor", "type", "date"):  # these were not listed at all
            assert f"  {label} " in text or f"▶ {label} " in text


async def test_the_current_claim_stays_in_view_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        review = await select(pilot, 5)
        view = pane(app)
        seen_fields = set()
        for _ in range(len(review.anchored)):
            await pilot.press("n")
            await pilot.pause()
            current = review.current_claim
            seen_fields.add(current.field)
            marked = [line for line in view.visible_text.splitlines() if line.startswith("▶")]
            assert marked, f"the ▶ line of {current.field} is out of view"
            assert marked[0].split()[1] == {"location": "place", "event_type": "type"}.get(current.field, current.field)
        assert {"location", "actor", "event_type", "killed"} <= seen_fields


async def test_the_incident_pane_scrolls_from_the_keyboard_to_the_notes(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await select(pilot, 1)
        with db(app) as case:  # a note written earlier, by someone else
            from casefile.curate import Curator

            Curator(case, who="amal").annotate(1, "Ministry and monitor disagree on the toll.")
        app.screen.refresh_all()
        await pilot.pause()
        view = pane(app)
        assert "Ministry and monitor disagree" not in view.visible_text  # below the fold at 80×24
        await pilot.press("tab")  # queue → incident
        assert app.focused is view
        await pilot.press("end")
        await pilot.pause()
        assert "Ministry and monitor disagree on the toll. — amal" in " ".join(view.visible_text.split())
        await pilot.press("home", "j")
        await pilot.pause()
        assert view.scroll_offset.y == 1
        await pilot.press("tab")  # → the source text, then back to the queue
        assert app.focused.id == "source"
        await pilot.press("tab")
        assert app.focused.id == "queue"


# -- 2. highlights say what they support -------------------------------------------------------

async def test_each_field_kind_has_its_own_colour_and_the_current_claim_is_labelled(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        review = await select(pilot, 1)
        source = pane(app, "#source")
        kinds = {kind for line in source._highlights.values() for _, _, kind in line}
        assert {"killed", "arrested", "place", "date", "actor", "event", "current-killed"} <= kinds
        styles = source._theme.syntax_styles
        colours = {styles[k].color for k in ("killed", "wounded", "arrested", "place", "date", "actor", "event")}
        assert len(colours) == 7
        assert source._theme.selection_style.bgcolor != styles["current-killed"].bgcolor
        label = pane(app, "#source-label").text
        assert "▶ killed 3  claim 2/12  — Authorities" in label
        while review.current_claim.field != "location":
            await pilot.press("n")
        await pilot.pause()
        assert "▶ place Aleppo" in pane(app, "#source-label").text
        kinds = {kind for line in source._highlights.values() for _, _, kind in line}
        assert "current-place" in kinds and "current-killed" not in kinds


async def test_the_queue_has_a_header_and_help_a_legend(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        head = pane(app, "#queue-head").text
        assert head.split()[:2] == ["date", "place"] and "src" in head
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("Static").render())
        for words in ("Highlights in the source text", "the current claim", "killed", "place", "actor",
                      "⇢ merged into another", "! sources disagree", "src number of source articles"):
            assert words in text


# -- 3. keys that cannot act say why --------------------------------------------------------

async def test_esc_leaves_articles_even_from_the_search_box(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("slash", *"Aleppo")
        await pilot.pause()
        assert app.current_mode == "articles" and app.focused.id == "search"
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "review"


async def test_a_refused_key_says_why_and_changes_nothing(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        with db(app) as case:
            from casefile.curate import Curator

            Curator(case).merge(1, [4])
        await select(pilot, 4)
        assert app.screen.incident.status == "merged"
        keys = footer_keys(app)
        assert keys["Confirm"].has_class("-disabled") and not keys["Unmerge"].has_class("-disabled")  # dimmed, not hidden
        await pilot.press("c")
        await pilot.pause()
        assert "#4 is merged into #1" in pane(app, "#said").text
        with db(app) as case:
            assert case.incident(4).status == "merged"
            assert [e["action"] for e in case.history()] == ["merge"]


async def test_an_empty_queue_hides_the_decisions_and_says_why(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("f")  # confirmed: none yet
        await pilot.pause()
        assert app.screen.incident is None
        keys = footer_keys(app)
        assert not {"Confirm", "Reject", "Merge", "Note", "Edit", "Claim"} & set(keys)
        await pilot.press("c")
        await pilot.pause()
        assert "the confirmed queue is empty" in pane(app, "#said").text


# -- 4. dialogs that guess right -------------------------------------------------------------

async def test_attach_dialog_is_labelled_and_not_prefilled_with_an_unrelated_incident(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("slash", *"Haidariya", "enter")
        await pilot.pause(0.5)
        text = app.screen.query_one("#article-text")
        text.focus()
        select_words(text, "three ISIL")
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#incident").value == ""  # the review's incident #3 is not these words'
        labels = " ".join(str(label.render()) for label in dialog.query("Label"))
        assert "Incident id" in labels and "Field the words support" in labels and "Value" in labels
        assert "incidents citing this article: #1, #2, #3" in labels


async def test_attach_after_opening_the_source_offers_that_incident(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await select(pilot, 1)
        await pilot.press("o")
        await pilot.pause()
        text = app.screen.query_one("#article-text")
        select_words(text, "three ISIL")
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#value").value = "3"
        assert app.screen.query_one("#incident").value == "1"
        await pilot.press("enter")
        await pilot.pause()
    with CaseFile(app.db_path) as case:
        assert any(c.origin == "analyst" and c.quote == "three ISIL" for c in case.claims(1))


async def test_merge_dialog_offers_the_twins_first_then_finds_by_place(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await select(pilot, 1)
        await pilot.press("m")
        await pilot.pause()
        picks = app.screen.query_one("#picks")
        assert [picks.get_option_at_index(k).value for k in range(picks.option_count)] == [4, 5]
        app.screen.query_one("#ids").focus()
        await pilot.press(*"Atmeh")
        await pilot.pause()
        values = [picks.get_option_at_index(k).value for k in range(picks.option_count)]
        assert values == [4, 5, 13]
        picks.deselect(4)
        picks.deselect(5)
        picks.select(13)
        await pilot.press("enter")
        await pilot.pause()
    with CaseFile(app.db_path) as case:
        assert case.incident(13).merged_into == 1
        assert case.incident(4).status == "candidate"


async def test_merge_dialog_ticks_every_suggested_twin(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await select(pilot, 1)
        await pilot.press("m")
        await pilot.pause()
        picks = app.screen.query_one("#picks")
        assert sorted(picks.selected) == [4, 5]
        await pilot.press("down", "space")  # #5 is not the same incident, say
        await pilot.press("enter")
        await pilot.pause()
    with CaseFile(app.db_path) as case:
        assert case.incident(4).merged_into == 1
        assert case.incident(5).status == "candidate"


async def test_edit_dialog_opens_on_a_field_the_incident_has_and_the_value_follows_the_field(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        review = await select(pilot, 2)  # Sayyida Zeinab: no figures, no date
        while review.current_claim.field != "location":
            await pilot.press("n")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#field").value == "location"  # the current claim's field, not "killed"
        assert dialog.query_one("#value").value == "Sayyida Zeinab"
        dialog.query_one("#field").value = "event_type"
        await pilot.pause()
        assert dialog.query_one("#value").value == "Strategic developments/Disrupted weapons use"
        dialog.query_one("#field").value = "killed"
        await pilot.pause()
        assert dialog.query_one("#value").value == ""
        dialog.query_one("#value").value = "2"
        await pilot.press("enter")
        await pilot.pause()
    with CaseFile(app.db_path) as case:
        assert case.incident(2).killed.best == 2


async def test_annotate_says_what_the_note_is_anchored_to_and_allows_none(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        await select(pilot, 1)
        await pilot.press("a")
        await pilot.pause()
        box = app.screen.query_one("#anchored")
        assert "killed 3 — “killed three ISIL (ISIS) fighters” in [1]" in str(box.label)
        await pilot.press(*"Anchored one", "ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#anchored").value = False
        await pilot.press(*"On the whole incident", "ctrl+s")
        await pilot.pause()
        assert "On the whole incident" in pane(app).text
    with CaseFile(app.db_path) as case:
        notes = {n["body"]: n for n in case.annotations(1)}
        assert notes["Anchored one"]["article_id"] == 1 and notes["Anchored one"]["quote"] == "killed three ISIL (ISIS) fighters"
        assert notes["On the whole incident"]["article_id"] is None


# -- 5. the first o opens the incident's own source -------------------------------------------

async def test_the_first_o_of_a_session_opens_the_incidents_source(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        review = await select(pilot, 4)  # its only source is article 2
        claim = review.current_claim
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "articles"
        assert app.screen.article.id == 2
        assert pane(app, "#article-label").text.startswith(" [2] ")
        source = app.screen.query_one("#article-text")
        assert source.offset_of(source.selection.end) == claim.start


# -- 6. nothing cut off ----------------------------------------------------------------------

async def test_the_footer_keeps_help_and_quit_and_the_palette_key_stands_alone(make_app):
    for size in (SMALL, BIG, (100, 30)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            keys = footer_keys(app)
            assert {"Help", "Quit", "palette"} <= set(keys), size
            footer = app.screen.query_one(Footer)
            right = max(k.region.right for k in keys.values())
            assert right <= size[0], size  # nothing drawn past the edge, nothing under the palette key
            regions = sorted(k.region for k in keys.values())
            assert all(a.right <= b.x for a, b in zip(regions, regions[1:])), size
            assert footer.region.width == size[0]


async def test_a_long_confirmation_keeps_its_end_and_is_shown_whole_in_a_toast(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        out = tmp_path / "a-rather-long-folder-name-for-the-briefs-of-this-case-file" / "exports"
        app.screen.query_one("#out").value = str(out)
        await pilot.press("ctrl+r")
        await pilot.pause(0.5)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (written,) = out.glob("*.md")
        said = pane(app, "#said").text
        assert said.startswith("✓ …") and said.endswith(f"exports/{written.name}")  # the path's end, cut at its start
        assert len(said) <= SMALL[0] - 2
        assert any(n.message == f"brief written: {written}" for n in app._notifications)


async def test_help_puts_every_binding_id_on_its_keys_line(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = app.screen.query_one("Static")
        lines = [strip.text for strip in help_text.render_lines(help_text.region.reset_offset)]
        with_ids = [line for line in lines if "[review." in line or "[app." in line]
        assert with_ids and all(line.split("[review.")[0].split("[app.")[0].strip() for line in with_ids)
        assert any("c" in line.split("[review.confirm]")[0] for line in with_ids if "[review.confirm]" in line)


# -- 7. search as a curator expects ---------------------------------------------------------

async def test_search_hits_are_highlighted_in_the_article_and_scrolled_to(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("slash", *"Observatory", "enter")
        await pilot.pause(0.5)
        articles = app.screen.query_one("#articles")
        body = app.screen.article.body
        text = app.screen.query_one("#article-text")
        hits = [(a, b) for line in text._highlights.values() for a, b, kind in line if kind == "hit"]
        assert len(hits) == body.count("Observatory")
        hit_y = text.wrapped_document.location_to_offset(text.document.get_location_from_index(body.index("Observatory"))).y
        assert text.scroll_offset.y > 0  # the hit is below the first screen of the article ...
        assert text.scroll_offset.y <= hit_y < text.scroll_offset.y + text.scrollable_content_region.height  # ... in view
        row = articles.render_line(0).text
        assert "Observatory" in row  # the snippet shows the hit, even in a narrow pane


async def test_a_place_search_finds_the_gazetteers_other_spellings_and_says_so(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        with db(app) as case:
            assert case.search("qalamoun").total == 0  # the article says "Qalamon"
        await pilot.press("slash", *"qalamoun", "enter")
        await pilot.pause(1.5)
        articles = app.screen.query_one("#articles")
        assert articles.total == 1 and articles.current.article_id == 5
        title = pane(app, "#articles-title").text
        assert "the place Qalamoun" in title and "qalamon" in title and "spellings" in title
        app.screen.query_one("#search").value = ""
        app.screen.query_one("#search").focus()
        await pilot.press(*"Sayyida Zeinab", "enter")
        await pilot.pause(1.5)
        found = {articles.row(k).article_id for k in range(articles.total)}
        assert 1 in found  # article 1 writes "Sayeda Zeinab"


# -- 8. history shows what changed, and undoes it ---------------------------------------------

async def test_history_enter_shows_before_and_after_and_u_undoes_that_entry(make_app):
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        first = app.screen.query_one("#queue").current
        await pilot.press("c", "x", "h")  # confirm one, reject the next
        await pilot.pause()
        history = app.screen.query_one("#history")
        await pilot.press("j")  # the older entry: the confirm
        await pilot.pause()
        assert history.current["action"] == "confirm"
        await pilot.press("enter")
        await pilot.pause()
        diff = app.screen.query_one("#diff").text
        assert diff.splitlines()[2] == f"incident {first.id}  changed"  # the incident first
        assert "status" in diff and "− candidate" in diff and "+ confirmed" in diff
        await pilot.press("u")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
    with CaseFile(app.db_path) as case:
        assert case.incident(first.id).status == "candidate"
        entries = case.history()
        assert [e["action"] for e in entries] == ["undo", "reject", "confirm"]
        assert entries[0]["undo_of"] == entries[2]["id"] and entries[1]["undone_at"] is None


async def test_figures_show_thousands_separators_but_are_stored_bare(make_app):
    with CaseFile(make_app().db_path) as case:
        from casefile.curate import Curator

        Curator(case, who="amal").edit(1, "killed", "1234")
    app = make_app()
    async with app.run_test(size=BIG) as pilot:
        review = await select(pilot, 1)
        queue = review.query_one("#queue")
        assert "†1,234" in queue.render_line(queue.cursor - queue.scroll_offset.y).text
        text = pane(app).text
        assert "killed 1,234" in text  # the figures line
        assert "1,234  (analyst)" in text  # the analyst's claim
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#value").value == "1234"  # what the edit command takes
        prompts = [o.prompt.plain for o in dialog.query_one("#field")._options if hasattr(o, "prompt")] or \
            [str(p) for p, _ in dialog.query_one("#field")._options]
        assert any("now: 1,234" in p for p in prompts)
    with CaseFile(app.db_path) as case:
        assert case.incident(1).killed.best == 1234


def test_grouped_counts_leave_dates_and_decimals_alone():
    from types import SimpleNamespace

    from casefile.tui.kinds import grouped, qualified

    assert grouped("1234 (1234–19381)") == "1,234 (1,234–19,381)"
    assert grouped("19,381 and 1.2345 and 999") == "19,381 and 1.2345 and 999"
    assert qualified(SimpleNamespace(field="killed", value="19381", qualifier="at_least")) == "at least 19,381"
    assert qualified(SimpleNamespace(field="date", value="2025", qualifier=None)) == "2025"


async def test_the_export_dialogs_message_wraps_instead_of_being_cut(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("c", "E")
        await pilot.pause()
        out = tmp_path / "a-rather-long-folder-name-for-the-briefs-of-this-case-file" / "exports"
        app.screen.query_one("#out").value = str(out)
        await pilot.press("ctrl+r")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        message = app.screen.query_one("#message")
        assert "will be written as" in str(message.content)
        assert message.size.height >= 2  # wrapped onto more lines, not cut at the edge
        assert message.region.right <= SMALL[0]


async def test_the_why_line_names_sources_whole_and_wraps_under_its_label(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("d")
        await pilot.pause()
        lines = app.screen.query_one("#pair").visible_text.splitlines()
        start = next(k for k, line in enumerate(lines) if line.startswith("why"))
        assert "Syrian Observatory for Human Rights" in lines[start]
        assert lines[start + 1].startswith(" " * 9) and lines[start + 1].strip()  # a hanging indent
        assert "one gives no date" in lines[start + 1]
        order = app.screen.query_one("#pairs-order").text
        assert len(order) <= SMALL[0] and order.rstrip().endswith("so far)")
        await pilot.resize_terminal(*BIG)
        await pilot.pause()
        lines = app.screen.query_one("#pair").visible_text.splitlines()
        why = next(line for line in lines if line.startswith("why"))
        assert "explosive; one gives" in why and len(why) > SMALL[0]  # laid out again for 120 columns


async def test_a_source_label_cut_for_width_ends_with_an_ellipsis(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        review = await select(pilot, 1)
        while not (review.current_claim and review.current_claim.attributed_to):
            await pilot.press("n")
        await pilot.pause()
        label = pane(app, "#source-label")
        shown = label.visible_text
        assert len(label.text) > label.size.width  # too long for the pane at 80×24
        assert shown.endswith("…") and len(shown) <= label.size.width
