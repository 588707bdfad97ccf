"""The seed case, as a reader sees it: the candidates cover the incidents the articles report."""

import pytest

from casefile.pipeline import import_paths
from casefile.store import CaseFile


@pytest.fixture(scope="module")
def case(tmp_path_factory, request):
    from helpers import SEEDS

    path = tmp_path_factory.mktemp("seeds") / "case.db"
    case = CaseFile(path)
    report = import_paths(case, [SEEDS])
    assert report.imported == 5 and not report.failed
    yield case
    case.close()


def incidents_of(case, article_number):
    return [i for i in case.incidents() if i.article_ids == (article_number,)]


def claims(case, incident, field):
    return [c for c in case.claims(incident.id) if c.field == field]


def one(items, **want):
    found = [i for i in items if all(getattr(i, k) == v for k, v in want.items())]
    assert len(found) == 1, (want, [(i.summary, i.location) for i in items])
    return found[0]


def test_every_claim_quotes_its_article_exactly(case):
    for incident in case.incidents(status="everything"):
        for c in case.claims(incident.id):
            body = case.article(c.article_id).body
            assert c.quote == body[c.start:c.end]
            assert body[max(0, c.start - 32):c.start] == c.prefix
            assert body[c.end:c.end + 32] == c.suffix


def test_aleppo_raid_in_000_with_parties_attribution_and_date(case):
    raid = one(incidents_of(case, 1), sub_event_type="Armed clash")
    assert (raid.date_start, raid.date_precision) == ("2025-05-17", "day")  # "on Saturday", published Monday 19th
    assert raid.admin1 == "Aleppo" and "Haidariya" in raid.location
    assert (raid.killed.best, raid.arrested.best) == (4, 4)
    assert raid.actor1 == "Syrian government security forces" and raid.actor2 == "Islamic State (IS)"
    killed = {(c.value_num, c.party) for c in claims(case, raid, "killed")}
    assert killed == {(3, "militant"), (1, "security")}
    assert {c.attributed_to for c in claims(case, raid, "killed")} >= {"Interior Ministry"}
    seized = claims(case, raid, "seized")
    assert seized and "explosive vest" in seized[0].value


def test_aleppo_raid_in_001_keeps_the_monitor_disagreement(case):
    raid = one(incidents_of(case, 2), sub_event_type="Armed clash")
    assert (raid.killed.low, raid.killed.best, raid.killed.high) == (4, 4, 5)
    assert raid.disputed and "Syrian Observatory for Human Rights" in raid.dispute_note
    assert raid.arrested.best == 4
    assert raid.date_start is None and raid.date_precision == "unknown"  # no publication date
    assert any(c.field == "date" and "Saturday" in c.quote for c in case.claims(raid.id))


def test_aleppo_raid_in_002_in_jazmatiyeh(case):
    raid = one(incidents_of(case, 3), sub_event_type="Armed clash")
    assert "Jazmatiyeh" in raid.location and raid.admin1 == "Aleppo"
    assert raid.killed.best == 4
    arrested = claims(case, raid, "arrested")
    assert [(c.value_num, c.qualifier) for c in arrested] == [(3, "at_least")]


def test_sayyida_zeinab_plot_in_000_and_002(case):
    for number in (1, 3):
        plot = one(incidents_of(case, number), sub_event_type="Disrupted weapons use")
        assert plot.location == "Sayyida Zeinab" and plot.admin1 == "Rif Dimashq"


def test_iraq_amnesty_is_a_strategic_development(case):
    amnesty = one(incidents_of(case, 1), event_type="Strategic developments", sub_event_type="Other")
    assert amnesty.country == "Iraq"
    assert 19381 in {c.value_num for c in claims(case, amnesty, "released")}
    assert amnesty.killed.best is None


def test_interior_ministry_campaign_is_one_incident_with_totals(case):
    campaign = one(incidents_of(case, 4), sub_event_type="Arrests")
    assert (campaign.arrested.best, campaign.killed.best, campaign.wounded.best) == (71, 1, 1)
    assert campaign.geo_precision == "country" and campaign.country == "Syria"
    assert 61 in {c.value_num for c in claims(case, campaign, "operations")}


def test_other_incidents_of_003(case):
    found = incidents_of(case, 4)
    church = one(found, location="Dweila, Damascus")
    assert church.event_type == "Explosions/Remote violence" and church.arrested.best == 1
    one(found, location="Aleppo", sub_event_type="Other")  # the "suicide battalion" dismantled
    dumayr = one(found, location="al-Dumayr")
    date = [c for c in case.claims(dumayr.id) if c.field == "date"]
    assert date and date[0].quote == "Oct. 18" and dumayr.date_start is None  # no year stated


def test_incidents_of_004(case):
    found = incidents_of(case, 5)
    raid = one(found, location="Muadamiyat al-Qalamoun")
    assert (raid.killed.best, raid.arrested.best, raid.sub_event_type) == (2, 1, "Armed clash")
    church = one(found, sub_event_type="Suicide bomb")
    assert church.location == "Damascus" and church.killed.best == 25
    atmeh = one(found, location="Atmeh")
    assert atmeh.admin1 == "Idlib" and atmeh.killed.best == 1 and atmeh.actor1 == "US forces / coalition"
    strike = one(found, sub_event_type="Air/drone strike")
    assert strike.killed.best == 1 and strike.country == "Syria"
    assert len(found) == 4


def test_background_is_not_an_incident(case):
    for incident in case.incidents():
        for c in case.claims(incident.id):
            assert "years of their control" not in (c.quote or "")
            assert "since May" not in (c.quote or "")
