"""No incident from background: statistics, policy text and earlier events mentioned in
passing make no candidates; the reports of one event make one."""

from __future__ import annotations

import pytest

from casefile.extract import extract
from casefile.figures import Evidence, derive, role_of


def killed(candidate):
    return derive([Evidence(c.field, c.value_num, c.party, c.qualifier, 0, c.attributed_to, role=role_of(c.detail))
                   for c in candidate.claims if c.field == "killed" and c.value_num is not None]).counts["killed"]


def test_a_statistic_is_no_incident():
    text = ("More than 35,000 people have died in the conflict, and two million have been displaced. "
            "The insurgency has killed thousands of civilians since the start of the fighting.")
    assert extract(text, "2024-05-08") == []


def test_a_tally_of_years_is_no_incident():
    text = ("Over the past five years, the province has seen 900 attacks that claimed some 3,000 lives.\n\n"
            "The separatist rebellion, which has killed 12,000 people, shows no sign of ending.")
    assert extract(text, "2024-05-08") == []


@pytest.mark.parametrize("span", [
    "in the January-June period",          # fresh-O 247 (a UN mission's mid-year report)
    "in the first half of the year",
    "in the first six months of 2018",
])
def test_a_span_of_months_adds_up_to_a_tally(span):
    text = f"In its report, the UN mission said 3,430 civilians were wounded {span}."
    assert extract(text, "2018-07-15") == []


def test_lives_claimed_since_a_month_are_a_period_not_an_event():
    text = ("Gunmen killed six drivers on the Thal road on Thursday, police said.\n\n"
            "Clashes over farmland claimed at least 130 lives since November, officials said.")
    [incident] = extract(text, "2025-01-18")
    assert killed(incident).high == 6


def test_an_event_that_began_with_a_series_of_blasts_is_told_not_background():
    text = ("Militants attacked an army base in Middle Shabelle, Somalia, on Tuesday, killing several soldiers.\n\n"
            "The assault, which took place in the village of Dhagaxley, began with a series of car bombings "
            "followed by a gunfight.\n\n"
            "It was the latest in a series of attacks on bases in the region.")
    [incident] = extract(text, "2025-03-05")
    assert incident.location == "Dhagaxley"


def test_policy_text_with_a_generic_plural_is_no_incident():
    text = ("Islamabad accuses Kabul of sheltering militants who plan cross-border attacks.\n\n"
            "Kabul denies harbouring groups that carry out raids in Pakistan.")
    assert extract(text, "2024-05-08") == []


def test_an_earlier_event_mentioned_in_passing_is_background():
    text = ("Gunmen killed nine villagers in Bama on Sunday, police said.\n\n"
            "The attackers fled into the bush, a resident said.\n\n"
            "Last month, at least 14 soldiers were killed in an ambush near Gwoza.")
    (c,) = extract(text, None)
    assert c.location == "Bama" and killed(c).best == 9


def test_a_dated_earlier_event_and_its_details_are_background():
    text = ("Gunmen killed nine villagers in Bama on Sunday, police said.\n\n"
            "The same group carried out a bombing in Gwoza on February 3. Four worshippers were killed "
            "and 20 others were hurt in the attack.")
    (c,) = extract(text, "2024-05-08")
    assert c.date_start == "2024-05-05" and killed(c).best == 9


def test_an_old_event_told_as_the_news_is_still_an_incident():
    # A follow-up about an attack months ago: the article's own event, not a passing mention.
    text = "An investigation found that gunmen killed 41 villagers in Bama on February 3, officials said."
    (c,) = extract(text, "2024-05-08")
    assert c.date_start == "2024-02-03"


def test_the_reports_of_one_event_are_one_incident():
    text = ("Militants kill soldiers at army base\n\n"
            "Militants killed 12 soldiers at an army base near Bama on Sunday, officials said.\n\n"
            "The militants briefly held the base before reinforcements arrived, police said.\n\n"
            "A spokesman for the insurgents told reporters their fighters had stormed the base.\n\n"
            "He said the attackers killed 15 soldiers.")
    (c,) = extract(text, "2024-05-08")
    f = killed(c)
    assert (f.low, f.best, f.high) == (12, 12, 15)


def test_a_roundup_of_events_on_different_days_and_places_stays_apart():
    text = ("Gunmen killed nine villagers in Bama on Sunday, police said.\n\n"
            "On Tuesday, a roadside bomb killed three soldiers near Gwoza, the army said.")
    assert len(extract(text, "2024-05-08")) == 2


def test_the_toll_of_these_attacks_after_a_tally_is_background():
    # Real dev 193 (Syria): the monitor's toll of the year's 129 attacks became the toll of
    # Sunday's shooting. Written for the Sahel.
    text = ("Gunmen killed six soldiers on the Gao road on Sunday, officials said.\n\n"
            "Since early 2024, jihadists have carried out 140 attacks in the region.\n\n"
            "A monitor said these attacks left 300 people dead, including 120 civilians.")
    [incident] = extract(text, "2024-05-06")
    assert killed(incident).high == 6


def test_a_number_in_an_outlets_name_is_no_count():
    # Real dev 193: "ERBIL (Kurdistan 24) – A fighter ... was killed" read 24 killed.
    [incident] = extract("PARIS (France 24) – A soldier was killed on Sunday in Gao, the army said.", "2024-05-06")
    assert killed(incident).high == 1


def test_a_count_of_one_strike_of_several_is_part_of_the_toll():
    # Fresh batch M 220 (Pokrovsk): "four civilians were killed ... in the first strike" made the
    # toll of five read four. Written for Gaza.
    text = ("Seven people were killed in two Israeli air strikes on a school in Gaza City on Monday.\n\n"
            "Three people were killed and nine wounded in the first strike, the civil defence said.")
    [incident] = extract(text, "2024-05-07")
    assert killed(incident).best == 7


def test_people_among_the_dead_are_some_of_them_not_a_toll():
    # Fresh batch L 202 (Benue): "One woman and her child were among those killed" came before
    # "eight persons were killed" and made the best figure one. Written for Burkina Faso.
    text = ("Gunmen attacked Kodjena village on Tuesday night, residents said.\n\n"
            "A teacher and his son were among those killed, a resident said.\n\n"
            "In all, eleven villagers were killed in the attack.")
    [incident] = extract(text, "2024-05-08")
    assert killed(incident).best == 11
