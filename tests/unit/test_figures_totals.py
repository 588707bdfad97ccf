"""Tolls as totals per source (casefile.figures) and the toll statements the extractor reads."""

from __future__ import annotations

import pytest

from casefile.extract import extract
from casefile.extract.counts import find_counts
from casefile.extract.numbers import find_quantities
from casefile.figures import Evidence, derive, role_of


def ev(value, party="unknown", qualifier="exact", source=None, article=1, role=None, field="killed"):
    return Evidence(field, value, party, qualifier, article, source, role=role)


def killed(*evidence):
    return derive(evidence).counts["killed"]


# -- derive: totals per source ------------------------------------------------------------------
def test_a_count_of_one_party_is_not_a_toll():
    # Another source's count of one party does not beat a stated total.
    f = killed(ev(12, "unknown", "at_least", "Police"), ev(5, "militant", "exact", "Army"))
    assert (f.low, f.best, f.high, f.qualifier) == (12, 12, 12, "at_least")
    assert not derive([ev(12, "unknown", "at_least", "Police"), ev(5, "militant", "exact", "Army")]).disputed


def test_the_attackers_killed_are_not_among_the_people_the_attack_killed():
    # "at least 12 people were killed" and "troops killed all five attackers": the attackers
    # are counted apart (every real dev incident labelled with a toll of people and a count of
    # militants adds them up, e.g. dev 48: "risen to 10" and "six attackers were killed", 16).
    # Given as part of the toll, they are not.
    f = killed(ev(12, "unknown", "at_least", "Police"), ev(5, "militant", "exact", "Army", role="attackers"))
    assert (f.best, f.qualifier) == (17, "at_least")
    assert not derive([ev(12, "unknown", "at_least", "Police"), ev(5, "militant", "exact", "Army", role="attackers")]).disputed
    within = killed(ev(12, "unknown", "exact", "Police"), ev(5, "militant", "exact", "Police", role="part"),
                    ev(5, "militant", "exact", "Police", role="attackers"))
    assert (within.low, within.best, within.high) == (12, 12, 12)


def test_disjoint_parties_of_one_source_add_up():
    f = killed(ev(3, "militant", source="Ministry"), ev(2, "security", source="Ministry"))
    assert (f.best, f.qualifier) == (5, "exact")


def test_the_most_conservative_toll_across_sources_is_best():
    figures = derive([ev(7, source="Interior Ministry"), ev(9, source="Observatory", article=2)])
    assert (figures.counts["killed"].low, figures.counts["killed"].best, figures.counts["killed"].high) == (7, 7, 9)
    assert figures.disputed


def test_one_partys_count_by_another_source_weighs_against_a_toll_of_that_party_alone():
    # From real dev 122 (Kunduz: "nearly 50 worshipers" and a witness's "more than 40 bodies"
    # against the spokesman's "46 worshipers"); written with other figures.
    f = killed(ev(30, "civilian", "about", source="Reuters"), ev(25, "unknown", "at_least", source="Reuters"),
               ev(27, "civilian", source="Police spokesman"))
    assert (f.low, f.best, f.high) == (27, 27, 30)
    # Unattributed, it may be a part ("30 people, including 27 worshipers"): the toll stands.
    f = killed(ev(30, "civilian", "about", source="Reuters"), ev(25, "unknown", "at_least", source="Reuters"),
               ev(27, "civilian"))
    assert f.best == 30


def test_a_vague_word_is_the_toll_only_when_no_source_gives_a_number():
    # "Scores have been killed" (coded 20) beside "killed up to 100 people": the number stands.
    f = killed(ev(20, "unknown", "vague", "Group"), ev(100, "civilian", "at_most", "Activists"))
    assert (f.best, f.qualifier) == (100, "at_most")
    f = killed(ev(20, "unknown", "vague", "Group"), ev(12, "unknown", "vague", "Monitor", article=2))
    assert (f.best, f.qualifier) == (12, "vague")
    f = killed(ev(20, "unknown", "vague", "Group"), ev(7, "unknown", "exact", "Monitor", article=2))
    assert (f.best, f.qualifier) == (7, "exact")


def test_without_any_toll_each_party_counts_its_most_conservative_figure():
    f = killed(ev(12, "security", source="Officer"), ev(15, "security", source="Insurgents"),
               ev(4, "militant", "at_least", source="Officer"))
    assert (f.low, f.best, f.high, f.qualifier) == (16, 16, 19, "at_least")


def test_a_party_count_above_an_exact_toll_is_a_dispute():
    figures = derive([ev(4, source="Hospital"), ev(6, "civilian", source="Residents")])
    assert figures.disputed and figures.counts["killed"].best == 4 and figures.counts["killed"].high == 6


def test_a_toll_update_supersedes_the_same_source_and_is_no_dispute():
    figures = derive([ev(12), ev(19, role="update")])
    assert figures.counts["killed"].best == 19 and not figures.disputed
    assert len(figures.reports["killed"]) == 1


def test_an_update_revises_downwards_too():
    assert killed(ev(30, "unknown", "about"), ev(24, role="update")).best == 24


def test_an_update_of_one_source_leaves_another_sources_figure_alone():
    figures = derive([ev(10, source="Hospital"), ev(14, source="Governor"), ev(19, source="Governor", role="update")])
    assert figures.counts["killed"].best == 10 and figures.disputed


def test_other_people_add_to_those_counted_before():
    f = killed(ev(6, "security"), ev(2, "unknown", "at_least", role="other"))
    assert (f.best, f.qualifier) == (8, "at_least")
    # More of the same party: one account of five, not a dispute between one and four.
    figures = derive([ev(1, "security"), ev(4, "security", role="other")])
    assert figures.counts["killed"].best == 5 and not figures.disputed


def test_an_analyst_figure_is_exact():
    assert killed(ev(3, "unknown", "at_least"), Evidence("killed", 5, None, None, None, None, "analyst")).qualifier == "exact"


@pytest.mark.parametrize("detail, role", [(None, None), ({"role": "update"}, "update"),
                                          ('{"role": "other"}', "other"), ("not json", None), ({"items": "x"}, None)])
def test_role_of_a_stored_detail(detail, role):
    assert role_of(detail) == role


# -- counts: toll statements and additional people ---------------------------------------------
def counts(text):
    return find_counts(text, 0, len(text), find_quantities(text))


@pytest.mark.parametrize("sentence, value", [
    ("The death toll from the bombing has risen to 27, officials said.", 27),
    ("The toll climbed to 14 on Tuesday.", 14),
    ("Hospital sources put the death toll at 41.", 41),
    ("The number of people killed in the raid rose to at least nine.", 9),
    ("Two more bodies were found, bringing the toll to 16.", 16),
    ("By evening the death toll stood at 30 people.", 30),
    # From fresh W 335 (Mali); written here for Nigeria: a toll risen past a figure
    ("The mayor said the death toll has risen above 20.", 20),
    ("The death toll rose over 40 by Sunday evening.", 40),
])
def test_a_toll_statement_is_a_total_and_an_update(sentence, value):
    toll = [c for c in counts(sentence) if c.role == "update"]
    assert [(c.field, c.value, c.party) for c in toll] == [("killed", value, "unknown")]


def test_the_speaker_after_a_toll_is_not_counted_as_the_dead():
    (c,) = counts("The death toll has risen to 19, police said.")
    assert c.party == "unknown" and "police" not in c.value_text


def test_a_toll_of_the_wounded():
    (c,) = counts("The number of injured in the blast rose to 52.")
    assert (c.field, c.value, c.role) == ("wounded", 52, "update")


@pytest.mark.parametrize("sentence, value, party", [
    # real dev 158 (a toll stated as two parties)
    ("The provisional toll was 21 herders and four soldiers, officials said.", 25, "unknown"),
    ("The death toll rose to 12 soldiers, three police officers and two civilians.", 17, "unknown"),
    ("The death toll was 9 members of the Civil Defence Corps (CDC) and two soldiers.", 11, "security"),
    ("The toll stood at seven soldiers and two more were wounded.", 7, "security"),
])
def test_a_toll_listed_by_party_is_their_sum(sentence, value, party):
    toll = [c for c in counts(sentence) if c.role == "update"]
    assert [(c.field, c.value, c.party) for c in toll] == [("killed", value, party)]


@pytest.mark.parametrize("sentence", [
    "The death toll of the war has risen to 40,000.",
    "The number of deaths rose to 2,000.",
    "The toll since January stands at 310.",
    "The death toll rose 20 percent from the year before.",
])
def test_a_toll_of_a_war_or_a_period_is_no_update(sentence):
    assert not [c for c in counts(sentence) if c.role == "update"]


@pytest.mark.parametrize("sentence", [
    "Gunmen shot dead five farmers; at least three other people died.",
    "Two soldiers were killed in the first blast; four more soldiers were killed later.",
    "A policeman died in the blast; another civilian died in hospital.",
    "Nine bodies were found on Monday; a further two bodies were recovered on Tuesday.",
])
def test_additional_people_are_marked(sentence):
    assert [c.role for c in counts(sentence)] == [None, "other"]


def test_others_of_another_field_are_no_addition():
    # "four others" are wounded besides the one killed: there are no wounded before them.
    assert [c.role for c in counts("One soldier was killed and four others were wounded.")] == [None, None]


def test_more_than_is_a_qualifier_not_an_addition():
    (c,) = counts("More than 20 people were killed.")
    assert c.role is None and c.qualifier == "at_least"


def test_suffered_injuries_is_a_wound():
    got = [(c.field, c.value, c.party) for c in counts("One soldier was killed and four others suffered injuries.")]
    assert got == [("killed", 1, "security"), ("wounded", 4, "security")]


# -- end to end: the candidate's figure ---------------------------------------------------------
def best(text, published="2024-05-06"):
    (candidate,) = extract(text, published)
    evidence = [Evidence(c.field, c.value_num, c.party, c.qualifier, 0, c.attributed_to, role=role_of(c.detail))
                for c in candidate.claims if c.field == "killed" and c.value_num is not None]
    f = derive(evidence).counts["killed"]
    return f.best, f.qualifier


def test_a_restated_toll_is_the_incidents_figure():
    assert best("Gunmen attacked a market in Maiduguri on Saturday, killing 12 people, police said. "
                "The death toll later rose to 19, police said.") == (19, "exact")


@pytest.mark.parametrize("text, total", [
    # From fresh W 332 (Kabul): the dead of no stated party beside a party's count are more of
    # the dead, not a second, smaller toll ("6 killed ... and, separately, 2"). Written here for
    # Somalia and Mexico.
    ("A car bomb killed seven people in Mogadishu on Sunday. Police said five civilians and two "
     "members of the district administration were killed.", 7),
    ("Gunmen killed nine people in Culiacan on Friday. Prosecutors said eight men and a police "
     "officer were killed.", 9),
])
def test_a_list_of_a_party_and_people_of_no_party_is_one_toll(text, total):
    assert best(text)[0] == total


def test_a_magnitude_yields_to_a_number():
    # From fresh W 335 (Mali): "thousands of deaths" in a background sentence made the brief's
    # toll 1,000 beside "More than 20 civilians were killed". Written here for Cameroon.
    assert best("At least 14 villagers were killed when separatists attacked Bali in the North-West region "
                "on Monday. The separatists have waged a campaign in the region, causing thousands of deaths "
                "and displacing many.") == (14, "at_least")
    # and the other way round: the number, once stated, replaces the magnitude, without a dispute
    text = ("Dozens of people were killed when gunmen attacked Ntumbaw in the North-West region on Monday. "
            "The local mayor said 23 villagers died.")
    assert best(text)[0] == 23
    (candidate,) = extract(text, "2024-05-06")
    evidence = [Evidence(c.field, c.value_num, c.party, c.qualifier, 0, c.attributed_to)
                for c in candidate.claims if c.field == "killed"]
    assert not derive(evidence).disputed


def test_the_total_beats_one_partys_count_in_the_candidate():
    # The five attackers are not among the twelve people the attack killed: at least 17 dead.
    assert best("At least 12 people were killed when gunmen stormed a village in Borno state on Friday, "
                "police said. Troops killed all five attackers, the army said.") == (17, "at_least")
    assert best("At least 12 people were killed when gunmen stormed a village in Borno state on Friday, "
                "including five of the attackers, police said.")[0] == 12


# -- the store keeps the best figure's qualifier and the roles -----------------------------------
def test_the_store_keeps_the_best_figures_qualifier_and_a_tolls_update(db_path):
    from casefile.model import ArticleDraft
    from casefile.store import CaseFile

    body = ("Gunmen attacked a market in Maiduguri on Saturday, killing at least 12 people, police said. "
            "The death toll later rose to 19, police said.")
    case = CaseFile(db_path)
    draft = ArticleDraft(body=body, sha256="d" * 64, path="x", format="txt", title="Maiduguri")
    article_id = case.add_article(draft, "2024-05-06T00:00:00+00:00").article_id
    (incident_id,) = case.store_candidates(article_id, extract(body, "2024-05-06"), "2024-05-06T00:00:00+00:00")
    incident = case.incident(incident_id)
    assert (incident.killed.best, incident.killed.qualifier, incident.disputed) == (19, "exact", False)
    assert {c.detail["role"] for c in case.claims(incident_id) if c.field == "killed" and c.detail} == {"update"}

    body2 = "At least 12 people were killed when gunmen stormed a village in Borno state on Friday, police said."
    draft2 = ArticleDraft(body=body2, sha256="e" * 64, path="y", format="txt", title="Borno")
    article2 = case.add_article(draft2, "2024-05-06T00:00:00+00:00").article_id
    (second,) = case.store_candidates(article2, extract(body2, "2024-05-06"), "2024-05-06T00:00:00+00:00")
    assert (case.incident(second).killed.best, case.incident(second).killed.qualifier) == (12, "at_least")
    assert case.incident(second).wounded.qualifier is None


# -- parts of a toll: "among the dead", "including" ------------------------------------------
def test_among_the_dead_is_some_of_those_counted_not_a_toll():
    figures = derive([ev(8, "security", "at_least", "Malian armed forces"), ev(6, "militant", "exact", "Malian armed forces"),
                      ev(1, "unknown", "exact", "Kidal governor", role="part")])
    assert (figures.counts["killed"].best, figures.counts["killed"].qualifier) == (14, "at_least")
    # Alone, it is still a count.
    assert killed(ev(2, "security", "exact", "Kidal governor", role="part")).best == 2


@pytest.mark.parametrize("text, published, total", [
    ("Militants stormed an army post near Kidal on Sunday, killing at least nine soldiers and five "
     "militants, the Malian armed forces said.\n\nAmong the dead was a battalion commander, the Kidal governor said.",
     "2024-05-06", 14),
    ("Gunmen attacked a police station in Dera Ismail Khan on Monday. Twelve policemen, including "
     "a senior commander, were killed, the provincial police chief said. Three attackers were killed, "
     "a counter-terrorism department statement said.", "2024-05-07", 15),
    # From fresh V 320 (Kurram); written here for the Sahel: a breakdown by "including" is some
    # of those counted, never a second account of the toll.
    ("Gunmen on motorbikes attacked a market in Djibo on Friday. At least 27 people, including "
     "nine children, were killed, officials said.", "2024-05-11", 27),
    # From fresh V 328 (Sagaing); written here for Sudan: a witness telling the dead one by one
    # names some of them, not a second, smaller toll.
    ("Drones struck a market in El Obeid on Monday, killing at least 12 civilians, medics said.\n\n"
     "Three children were killed instantly, a witness told reporters. Two elderly women died of "
     "their wounds in hospital, he said.", "2024-05-08", 12),
    # From fresh Y 367 (Lamu); written here for Cameroon: a number without a noun after a toll
    # is one of those just counted ("we have lost six people. One was shot dead").
    ("Suspected Boko Haram fighters killed seven villagers in Tourou on Sunday, a local official said. "
     "\"We have lost seven people. Two were shot dead and the others had their throats cut,\" he said.",
     "2024-05-06", 7),
])
def test_parts_of_the_dead_are_not_tolls_in_extraction(text, published, total):
    assert best(text, published)[0] == total


def test_a_sum_of_parties_is_weighed_party_by_party_against_counts_of_one_party():
    # The presidency: 10 soldiers; an officer: about 30 soldiers; a radio: 20-40 soldiers and 4 civilians.
    f = killed(ev(10, "security", "at_least", "Presidency"), ev(30, "security", "about", "Army officer", article=2),
               ev(20, "security", "at_least", "Radio", article=3), ev(4, "civilian", "at_least", "Radio", article=3))
    assert f.best == 14
    # A stated total still beats a sum ("5 killed" said the monitor; the ministry: 3 militants and 1 policeman).
    f = killed(ev(3, "militant", source="Interior Ministry"), ev(1, "security", source="Interior Ministry"),
               ev(5, "unknown", source="Monitor", article=2))
    assert f.best == 4


@pytest.mark.parametrize("text", [
    # From real dev 125 (Indonesia); written here for another conflict. A figure inside a
    # claim is the claimant's, and "fatality" is a death: the two sources are weighed apart.
    "Mali's army dismissed a jihadist group claim that its fighters had killed 40 soldiers near Boni "
    "on Monday. Army spokesman Souleymane Dembele confirmed only two fatalities and said five soldiers "
    "were missing.",
    "Mali's army rejected claims by JNIM that 40 soldiers were killed near Boni on Monday. "
    "Army spokesman Souleymane Dembele confirmed one fatality.",
])
def test_a_denied_claim_is_its_claimants_figure_not_the_toll(text):
    assert best(text, "2025-08-12")[0] in (1, 2)


@pytest.mark.parametrize("sentence, values", [
    # real dev 162 ("at around 5:30 a.m. The fatality ..." was read as a toll of 30)
    ("Troops engaged the gunmen at around 5:30 a.m. The fatality count was not given.", []),
    ("The attack began at 7 PM and killed 12 people.", [12]),
    ("Shelling resumed at 0600 GMT, wounding three.", [3]),
    ("The blast, at 14:00 hours, killed 4 and at 9h30 another hurt 2.", [4, 2]),
    ("At 5.30am, 12 people were shot.", [12]),
])
def test_a_time_of_day_is_no_count(sentence, values):
    assert [q.value for q in find_quantities(sentence)] == values


def test_a_source_that_gives_two_figures_is_named_once_in_the_note():
    # Tryout on fresh batch M 218: "Al Gulf: 14 civilians killed; Al Gulf: 9 civilians killed" read
    # as the outlet disagreeing with itself.
    note = derive([Evidence("killed", 14, "civilian", "exact", 1, None, source_label="Al Gulf"),
                   Evidence("killed", 9, "civilian", "exact", 1, None, source_label="Al Gulf")]).dispute_note
    assert note == "Al Gulf: 14 civilians killed and, separately, 9 civilians killed"
    # Two sources stay two entries.
    note = derive([ev(3, "security", source="Interior Ministry"),
                   ev(5, "security", source="Syrian Observatory for Human Rights", article=2)]).dispute_note
    assert note == "Interior Ministry: 3 security killed; Syrian Observatory for Human Rights: 5 security killed"


def test_an_armed_groups_claim_of_the_enemies_it_killed_yields_to_any_other_account():
    # Real dev 115 (Dharjaale): Islamic State claimed 22 soldiers killed; the narration gives
    # nine suicide bombers killed. Adding them made 31; ACLED codes the claim as a claim.
    figures = derive([ev(22, "security", source="Islamic State"), ev(9, "militant")])
    assert figures.counts["killed"].best == 9
    assert figures.disputed  # the claim stays visible as a disagreement
    # a group's word on its own dead stands ("the SDF said one of its fighters died")
    assert killed(ev(1, "militant", source="SDF Press Centre"), ev(3, "security")).best == 4
    # and a claim alone is still the only figure there is
    assert killed(ev(22, "security", source="Islamic State")).best == 22
