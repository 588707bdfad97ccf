"""The furniture check's literal prefilter never hides a line its regex would mark."""

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.ingest import furniture

PHRASES = ["your email address will not be published", "Required fields are marked", "subscribe to our newsletter",
           "sign up for the", "personalise your news", "we use cookies", "Cookie settings", "All rights reserved",
           "© 2024 Outlet", "Copyright Outlet", "click here", "download the app", "join us on telegram",
           "get our daily briefing", "support independent journalism", "this article has been updated"]
ODD = {"i": ["I", "\u0130", "\u0131"], "s": ["S", "\u017f"], "k": ["K", "\u212a"]}


@st.composite
def furniture_like(draw):
    phrase = draw(st.sampled_from(PHRASES))
    chars = [draw(st.sampled_from([c, c.upper(), *ODD.get(c.lower(), [])])) for c in phrase]
    around = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
    return draw(around) + "".join(chars) + draw(around)


@settings(max_examples=400, deadline=None)
@given(furniture_like())
def test_prefilter_keeps_every_line_the_regex_matches(line):
    if furniture._ANYWHERE.search(line):
        assert furniture._may_be_anywhere(line)


def test_furniture_lines_match_the_line_check():
    body = "Attack kills 5\n\nShare this article\nThe army said 5 died.\nWe use cookies to improve"
    assert furniture.furniture_lines(body) == {2: "page furniture", 4: "page furniture"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(furniture_like(), st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
                          st.sampled_from(["Share this article", "  © 2024 The Outlet  ", "cookie ",
                                           "Photo: a man seen near the site (AFP)", ""])),
                max_size=12))
def test_body_scan_marks_the_lines_the_line_check_marks(lines):
    """furniture_lines looks for the keywords once per body: the same lines as each line alone."""
    body = "\n".join(line.replace("\n", " ") for line in lines)
    expected = {i: r for i, line in enumerate(body.split("\n")) if (r := furniture.is_furniture_line(line))}
    assert furniture.furniture_lines(body) == expected


def test_a_related_storys_headline_below_the_story_is_furniture():
    # Fresh-Q 269: "Zamfara Police kill 30 bandits after slaughter of 10 villagers" ends the page.
    story = ("No fewer than eleven villagers have been reported killed by bandits in Saulawa community.\n"
             "The police spokesman confirmed the incident, saying peace has returned to the area.\n")
    body = story + "Zamfara Police kill 30 bandits after slaughter of 10 villagers\n"
    spans = furniture.find_furniture(body)
    assert [body[s.start:s.end] for s in spans] == ["Zamfara Police kill 30 bandits after slaughter of 10 villagers"]
    # A page of headlines alone has told no story: nothing is taken from it.
    assert furniture.find_furniture("Bandits kill 11 in Zamfara community\n") == []


def test_a_line_ending_in_its_photo_credit_is_a_caption():
    # Fresh-R 273: "... on Monday morning. (Photo by Waedao Harai)" was read as the story.
    line = ("A soldier stands guard over the motorcycle of the two paramilitary rangers caught in a roadside "
            "bomb blast in Bacho district, Narathiwat, on Monday morning. (Photo by Waedao Harai)")
    assert furniture.is_furniture_line(line) == "photo caption"
    assert furniture.is_furniture_line("PHOTO: Waedao Harai") == "photo caption"
    assert furniture.is_furniture_line("Five people were killed in the attack, police said (AFP)") is None


def test_a_link_to_another_story_is_furniture():
    # Fresh U 312 and dev 197: a related headline inside the story, after its label.
    for line in ("READ: Nearly 200 dead in Haiti massacre, voodoo community targeted",
                 "ALSO SEE: Arizona restaurant shooting: At least 3 dead and 5 injured",
                 "Also read: Five killed in bandit raid", "RELATED: Troops kill 12 in ambush",
                 "Article continues after this advertisementREAD: Gangs attack another town"):
        assert furniture.is_furniture_line(line) == "page furniture", line
    assert furniture.is_furniture_line("Ready: the army said it was prepared to retake the town") is None
    assert furniture.is_furniture_line("Readers said: five people died in the attack") is None


def test_a_related_storys_headline_inside_the_story_is_furniture():
    # Fresh Y 359 (Kirkuk): an unlabelled link "IS 'executes' at least 15 civilians in Mosul:
    # officials" between the story's paragraphs put the attack in Mosul.
    body = ("Gunmen killed four farmers on Tuesday near the village of Kotoko, the district chief said.\n"
            "\n"
            "Army says it repels jihadist attack on Dori base: officials\n"
            "\n"
            "Three of the victims were buried in Kotoko on Wednesday, residents told reporters.\n"
            "Six soldiers were also wounded in the attack, and the road was closed\n"
            "The army sent reinforcements to the area on Wednesday afternoon, a source said.\n")
    spans = furniture.find_furniture(body)
    assert [(body[s.start:s.end], s.reason) for s in spans] == [
        ("Army says it repels jihadist attack on Dori base: officials", "related headline")]
    # Before the story is told (a title, a standfirst) nothing is taken as a related headline.
    assert furniture.find_furniture("Gunmen kill four farmers in Kotoko\n" + body)[0].start > 0
