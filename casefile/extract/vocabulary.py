"""Word lists the extractor reads tolls, statements and background by: data, not code.

Each table is a plain tuple of phrases (words separated by single spaces; any run of white
space matches a space). The modules that use them compile them once with `phrases()`.
Extend a table here, not a regex elsewhere.
"""

from __future__ import annotations

import re

# What a toll is called: "the death toll ... has risen to 19", "the number of dead rose to 12".
TOLL_NOUNS: dict[str, tuple[str, ...]] = {
    "killed": (
        "death toll", "toll", "casualty toll", "number of dead", "number of deaths",
        "number of people killed", "number of those killed", "number of people who died",
        "number of fatalities", "number of victims", "fatality count", "body count",
    ),
    "wounded": (
        "number of wounded", "number of injured", "number of people wounded",
        "number of people injured", "injury toll",
    ),
}

# Verbs that give a toll a new value: the latest one supersedes what the same source said
# before in the article ("rose to 19" after "12 were killed" is an update, not a dispute).
RESTATEMENT_VERBS = (
    "rose to", "has risen to", "had risen to", "have risen to", "risen to", "rising to",
    # bare, only before a qualified figure (see counts.toll): "has risen above 20", "rose over 40"
    "rose", "has risen", "had risen", "climbed", "has climbed",
    "climbed to", "has climbed to", "had climbed to", "climbing to",
    "increased to", "has increased to", "had increased to", "jumped to", "has jumped to",
    "went up to", "has gone up to", "has grown to", "grew to", "soared to", "has soared to",
    "was raised to", "has been raised to", "was revised to", "has been revised to",
    "was revised up to", "was revised upward to", "was revised down to", "fell to", "dropped to",
    "reached", "has reached", "had reached", "hit", "has hit", "now stands at", "stood at",
    "stands at", "was put at", "has been put at", "is now", "was now", "was", "is",
)

# A source that states a toll in its own words: "officials put the death toll at 35".
TOLL_PUT_VERBS = ("put", "puts", "putting", "placed", "places", "estimated", "estimates", "gave", "gives", "set")
# ... and in a clause that updates it: "bringing the toll to eleven".
TOLL_RAISE_VERBS = ("bringing", "brought", "brings", "bring", "raising", "raised", "taking", "took",
                    "pushing", "pushed", "lifting", "lifted")

# A toll of a war, a year or a campaign is a statistic, not an incident's toll: "the death toll
# of the conflict has risen to 40,000". Words between the toll's noun and its verb.
TOLL_OF_BACKGROUND = ("conflict", "war", "insurgency", "violence", "crisis", "since", "this year",
                      "last year", "so far", "campaign", "fighting in", "offensive", "years", "months")
# "the number of ..." is a toll only for an event ("the number of people killed in the raid").
TOLL_EVENT_WORDS = ("attack", "raid", "blast", "bombing", "ambush", "clash", "clashes", "strike",
                    "massacre", "explosion", "shelling", "incident", "assault", "killing", "shooting",
                    "fire", "storming")

# Words after a number that make its people additional to those counted before:
# "killing six police officers. At least two other people died" is eight.
ADDITIVE_AFTER = ("other", "others", "more", "further", "additional")
ADDITIVE_BEFORE = ("a further", "an additional", "another")


def phrases(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of the phrases, longest first, white space flexible."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)

# Verbs and nouns of a statement: a date tied to one is when it was said, not when the event
# happened ("the ministry said on Monday", "IS claimed the attack on Monday", "Police on
# Monday said"). A statement date is kept, and used only when nothing else dates the event.
STATEMENT_VERBS = (
    "said", "says", "told", "announced", "reported", "reports", "stated", "added", "confirmed",
    "claimed", "tweeted", "published", "posted", "issued", "quoted",
    # an outlet's own word ("APA can report on Friday"); not the noun ("its report for Sunday")
    "can report", "can now report", "can reveal", "can confirm",
)
STATEMENT_NOUNS = (
    "statement", "communiqué", "communique", "press release", "press conference",
    "news conference", "radio reports",
)
# Words that open a new clause: after one, a date is the clause's own ("said that Saturday's raid").
CLAUSE_WORDS = ("that", "which", "who", "when", "after", "before", "while", "because", "and", "but",
                "as", "since", "where", "whom", "whose", "if")
# Words of a reported clause between a statement verb and a date: the date is then the
# clause's ("said gunmen killed six farmers on Saturday"), not the statement's. Past tenses
# in -ed count too.
REPORTED_CLAUSE_WORDS = ("was", "were", "had", "have", "has", "been", "shot", "hit", "struck", "blew",
                         "slew", "fled", "overran", "fought", "took", "stole", "died", "dead", "left")

# Sites and targets an incident happens at. "the base" after "a military base" is the same
# base: a sentence naming it so tells more of the same incident.
EVENT_SITES = (
    "base", "camp", "convoy", "village", "checkpoint", "market", "mosque", "church", "school", "hospital",
    "house", "vehicle", "car", "bus", "truck", "outpost", "police station", "patrol", "compound", "building",
    "ceremony", "gathering", "wedding", "funeral", "prison", "barracks", "hideout", "farm", "motorcade",
)

# News agencies whose tag closes a dateline: "N'DJAMENA, Oct 28 (Reuters) -", "Khartoum, Sep 16 (IANS)".
WIRE_AGENCIES = ("Reuters", "AFP", "AP", "Xinhua", "AA", "dpa", "SANA", "UPI", "IANS", "Anadolu", "ANI", "EFE",
                 "Kurdistan24", "Rudaw", "NAN", "PTI", "APP", "Bernama", "Yonhap", "Kyodo", "TASS", "KUNA", "WAFA")

# Words that label a date as the page's own (publication furniture): "date 2024-09-16",
# "Published: 3 May 2024", "Updated on ...".
FURNITURE_LABELS = ("date", "dated", "published", "posted", "updated", "last updated", "first published",
                    "published on", "posted on", "updated on")

# Background: words of a statistic, a tally or a conflict's history. A sentence saying one is
# not the report of an incident, whatever figure it gives ("More than 40,000 people have died
# in the conflict"), unless it dates something to the day.
BACKGROUND_STATISTIC = (
    "in the conflict", "in the war", "in the insurgency", "of the conflict", "of the war",
    "since the conflict", "since the war", "since the start", "since the beginning", "since the outbreak",
    "have been displaced", "been displaced", "so far this year", "this year so far", "this year alone", "for months",
    "for weeks", "in recent weeks", "in recent days", "a surge in", "an increase in", "a rise in",
)
# What a tally is of: "the decade-long insurgency has killed more than 6,200 people".
CONFLICT_NOUNS = ("conflict", "war", "insurgency", "violence", "fighting", "rebellion", "uprising", "unrest",
                  "crisis")
# Plural event nouns that, without a number or a determiner, name a kind of violence, not an
# event ("accuses Kabul of cross-border attacks", "planning attacks").
GENERIC_PLURALS = ("attacks", "assaults", "raids", "bombings", "strikes", "airstrikes", "air strikes",
                   "killings", "abductions", "kidnappings", "ambushes", "operations", "clashes")
# ... and what makes them an event: "the attacks", "two raids", "twin bombings".
PLURAL_DETERMINERS = ("the", "these", "those", "twin", "two", "three", "four", "five", "several",
                      "multiple", "both", "series of", "wave of", "string of", "its", "their")
# An event introduced with an indefinite article in a later report ("killed in a strike on a
# house in Ramia") is another event than the one told before, even on the same day.
NEW_EVENT_NOUNS = ("strike", "air strike", "airstrike", "drone strike", "attack", "raid", "bombing", "blast",
                   "explosion", "ambush", "assault", "shelling", "clash", "gunfight", "shooting")

# Capitalised names after "in" or "at" that are not places: an institution ("at Moi
# University"), an occasion ("in Ramadan attacks"), a document or a street.
NOT_SETTLEMENT_WORDS = (
    "University", "College", "School", "Hospital", "Clinic", "Ministry", "Council", "Parliament",
    "Assembly", "Congress", "Senate", "Court", "Office", "Agency", "Party", "Front", "Movement", "Army",
    "Force", "Forces", "Brigade", "Battalion", "Division", "Police", "Command", "Group", "Committee",
    "Commission", "Mission", "Company", "Corporation", "Bank", "Church", "Mosque", "Cathedral", "Hotel",
    "Airport", "Stadium", "Prison", "Embassy", "Summit", "Conference", "Day", "Week", "Eve", "Ramadan",
    "Christmas", "Easter", "Eid", "Times", "News", "Post", "Online", "Street", "Road", "Avenue",
    "Highway", "Bridge", "Square",
)
