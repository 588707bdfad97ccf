#!/usr/bin/env python3
"""Generate a synthetic conflict-news corpus with ground truth, for benchmarking casefile.

    python bench/corpus.py --size 1k --out bench/out/corpus-1k [--seed 7] [--jobs 2]

Writes N English news articles under OUT/articles/ (JSON Lines batches of 1,000, plus a small
share of single-article .txt, .md and .html pages and one .csv export) and OUT/truth.json: the
true incidents and which articles report which incident. Import with
`casefile import OUT/articles` (truth.json is kept outside that folder so it is never read as
an article file). Output is byte-identical for a given seed and size. Stdlib only; the places
come from casefile's shipped gazetteer (casefile/data/gazetteer.sqlite).

How the corpus is built (see the module constants for the shares):
  * a set of true incidents (date, town, ACLED type, actors, killed / wounded / arrested /
    abducted) is drawn per theatre (north-east Nigeria, the central Sahel, eastern Syria ...),
    over one year; towns and their alternative spellings come from the gazetteer;
  * each incident is reported by 1-5 articles from different outlets (~45% once, ~30% twice,
    ~15% three times, ~10% four or five), each outlet with its own habits (datelines,
    translated French, local-paper idiom, bulleted briefs, NGO flash updates, analysis pieces),
    spellings and attributions; published = event date + 0-3 days, and the event date is
    written relative to it ("on Tuesday", "overnight", "yesterday") or absolutely;
  * in ~30% of multi-source incidents sources disagree on a figure (the army says 5, residents
    say 11), sometimes inside one article; the truth keeps the most conservative figure;
  * look-alikes: ~8% of incidents get a twin (same town, actors, kind and toll, 6-30 days
    apart) and ~3% are bombings followed by a raid or arrests in the same town 1-2 days later;
    these are separate incidents in the truth;
  * ~15% of articles also report an earlier incident (in briefs: other recent incidents) in a
    separate paragraph with its own date and place;
  * background paragraphs with generic violence, historic events, aggregate tolls, displacement
    figures, and page furniture (share bars, newsletter prompts, cookie banners, captions,
    related headlines) that are NOT incidents; ~3% of articles state no date at all.

truth.json: {"generator", "seed", "size", "year", "notes", "incidents": [{"id", "date",
"location", "admin1", "country", "geonameid", "event_type", "sub_event_type", "actors",
"killed", "wounded", "arrested", "abducted", "lookalike_of", "follow_up_of"}], "articles":
[{"url", "file", "record", "format", "published", "outlet", "title", "incident_ids",
"figures"}]}. Duplicate pairs are derived: two articles that list the same incident id.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import difflib
import functools
import io
import json
import os
import random
import re
import sys
import time
import unicodedata
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "casefile" / "data" / "gazetteer.sqlite"

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
YEAR = 2024
BATCH = 1000                    # articles per .jsonl file
SINGLE_SHARE = 0.02             # share of .txt, of .md and of .html articles ...
SINGLE_CAP = 120                # ... capped per format (so at most 360 single-article files)
CSV_CAP = 1000                  # rows in the one .csv file (stays under casefile's 5 MB limit)
NO_DATE_SHARE = 0.03
FURNITURE_SHARE = 0.30
TWIN_SHARE = 0.085
FOLLOW_UP_SHARE = 0.03
CONFLICT_SHARE = 0.30           # of multi-source incidents: sources disagree on a figure
REPORTS_PER_INCIDENT = ((1, 45), (2, 30), (3, 15), (4, 5), (5, 5))
LAGS = ((0, 33), (1, 40), (2, 16), (3, 11))  # published = event date + lag days

# ---------------------------------------------------------------------------------------------
# numbers

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + words(rest) if rest else "")
    return f"{n:,}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def stable(*parts) -> int:
    return zlib.crc32("\x1f".join(map(str, parts)).encode("utf-8"))


def weighted(rng: random.Random, pairs):
    """pairs: sequence of (value, weight)."""
    total = 0
    for _, w in pairs:
        total += w
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# ---------------------------------------------------------------------------------------------
# actors: key -> canonical name (the truth), kind, first-mention names, short names,
# member nouns (plural) used for casualties

ACTORS = {
    "IS": ("Islamic State (IS)", "militant"),
    "ISWAP": ("Islamic State West Africa Province (ISWAP)", "militant"),
    "ISGS": ("Islamic State Sahel Province (ISGS)", "militant"),
    "JAS": ("Boko Haram (JAS)", "militant"),
    "JNIM": ("JNIM", "militant"),
    "HTS": ("Hayat Tahrir al-Sham (HTS)", "militant"),
    "SDF": ("Syrian Democratic Forces (SDF)", "state"),
    "SYG": ("Syrian government security forces", "state"),
    "IQF": ("Iraqi security forces", "state"),
    "PMF": ("Popular Mobilization Forces (PMF)", "state"),
    "NGF": ("Nigerian security forces", "state"),
    "NEF": ("Nigerien security forces", "state"),
    "MLF": ("Malian security forces", "state"),
    "BFF": ("Burkinabe security forces", "state"),
    "TDF": ("Chadian security forces", "state"),
    "CMF": ("Cameroonian security forces", "state"),
    "VDP": ("Volunteers for the Defence of the Homeland (VDP)", "militia"),
    "CJTF": ("Civilian Joint Task Force (CJTF)", "militia"),
    "UNK": ("Unidentified armed group", "unidentified"),
    "CIV": ("Civilians", "civilians"),
}

# Names per register. Registers: wire, afp, ng (Nigerian papers), levant (Kurdish / Syrian /
# Iraqi outlets), sahel (local Sahel and Lake Chad outlets), ngo, brief, analysis.
# Each entry: (first mentions, later mentions).
NAMES = {
    "IS": {
        "wire": (["Islamic State", "the Islamic State group"], ["Islamic State", "the group"]),
        "afp": (["the Islamic State group (IS)", "the Islamic State (IS) group"], ["IS", "the jihadist group"]),
        "kurd": (["ISIS", "the Islamic State (ISIS)"], ["ISIS", "the group"]),
        "syr": (["ISIS", "the Islamic State organisation", "Daesh"], ["ISIS", "Daesh"]),
        "gov": (["Daesh", "the Daesh terrorist organisation"], ["Daesh"]),
        "iraq": (["Daesh", "ISIS remnants", "the Islamic State (ISIS)"], ["ISIS", "Daesh"]),
        "ngo": (["the Islamic State (IS)", "ISIL"], ["IS", "ISIL"]),
        "brief": (["IS", "ISIS"], ["IS"]),
        "analysis": (["the Islamic State (ISIL)", "ISIL", "Islamic State"], ["ISIL", "IS", "the group"]),
    },
    "ISWAP": {
        "wire": (["Islamic State West Africa Province (ISWAP)", "Islamic State's West Africa branch (ISWAP)"], ["ISWAP"]),
        "afp": (["the Islamic State West Africa Province (ISWAP)", "the IS-affiliated ISWAP"], ["ISWAP", "the jihadists"]),
        "ng": (["ISWAP", "the Islamic State West Africa Province (ISWAP)"], ["ISWAP"]),
        "sahel": (["the Islamic State West Africa Province (ISWAP)", "ISWAP"], ["ISWAP"]),
        "ngo": (["the Islamic State West Africa Province (ISWAP)"], ["ISWAP"]),
        "brief": (["ISWAP"], ["ISWAP"]),
        "analysis": (["Islamic State West Africa Province (ISWAP)"], ["ISWAP", "the group"]),
    },
    "ISGS": {
        "wire": (["Islamic State Sahel Province", "Islamic State's Sahel affiliate"], ["the group", "IS Sahel"]),
        "afp": (["the Islamic State in the Greater Sahara (ISGS)", "the Islamic State Sahel Province"], ["ISGS", "the jihadists"]),
        "sahel": (["the Islamic State Sahel Province (ISGS)", "IS Sahel", "EIGS (Islamic State in the Greater Sahara)"], ["ISGS", "IS Sahel"]),
        "ngo": (["the Islamic State Sahel Province (ISSP)", "IS Sahel"], ["IS Sahel"]),
        "brief": (["IS Sahel", "ISGS"], ["IS Sahel"]),
        "analysis": (["Islamic State Sahel Province (ISSP, formerly ISGS)"], ["IS Sahel", "the group"]),
    },
    "JAS": {
        "wire": (["Boko Haram", "the jihadist group Boko Haram"], ["Boko Haram", "the group"]),
        "afp": (["the jihadist group Boko Haram", "Boko Haram"], ["Boko Haram", "the jihadists"]),
        "ng": (["Boko Haram", "the Boko Haram (JAS) faction"], ["Boko Haram", "the terrorists"]),
        "sahel": (["Boko Haram", "the Boko Haram faction JAS"], ["Boko Haram"]),
        "ngo": (["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad (JAS, Boko Haram)", "Boko Haram (JAS)"], ["JAS"]),
        "brief": (["Boko Haram (JAS)", "JAS"], ["JAS"]),
        "analysis": (["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad (JAS, better known as Boko Haram)", "Boko Haram"], ["JAS", "Boko Haram"]),
    },
    "JNIM": {
        "wire": (["al Qaeda-linked JNIM", "the al Qaeda affiliate JNIM"], ["JNIM"]),
        "afp": (["the Group for the Support of Islam and Muslims (GSIM, or JNIM in Arabic)", "the al-Qaeda-affiliated JNIM"], ["JNIM", "the jihadists"]),
        "sahel": (["Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "JNIM", "the Support Group for Islam and Muslims (JNIM)"], ["JNIM"]),
        "ngo": (["Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"], ["JNIM"]),
        "brief": (["JNIM"], ["JNIM"]),
        "analysis": (["Jama'at Nusrat al-Islam wal-Muslimin (JNIM, al-Qaeda's Sahel branch)", "JNIM"], ["JNIM", "the group"]),
    },
    "HTS": {
        "wire": (["Hayat Tahrir al-Sham", "the Islamist group Hayat Tahrir al-Sham (HTS)"], ["HTS"]),
        "afp": (["the jihadist group Hayat Tahrir al-Sham (HTS)"], ["HTS"]),
        "kurd": (["Hayat Tahrir al-Sham (HTS)"], ["HTS"]),
        "syr": (["Hayat Tahrir al-Sham (HTS)", "HTS"], ["HTS"]),
        "gov": (["Hayat Tahrir al-Sham (HTS)"], ["HTS"]),
        "ngo": (["Hayat Tahrir al-Sham (HTS)"], ["HTS"]),
        "brief": (["HTS"], ["HTS"]),
        "analysis": (["Hayat Tahrir al-Sham (HTS)"], ["HTS"]),
    },
    "SDF": {
        "wire": (["the U.S.-backed Syrian Democratic Forces (SDF)", "the Kurdish-led Syrian Democratic Forces"], ["the SDF"]),
        "afp": (["the Kurdish-led Syrian Democratic Forces (SDF)"], ["the SDF"]),
        "kurd": (["the Syrian Democratic Forces (SDF)", "the SDF"], ["the SDF"]),
        "syr": (["the Syrian Democratic Forces (SDF)", "the Kurdish-led SDF"], ["the SDF", "SDF"]),
        "gov": (["the SDF militia"], ["the SDF"]),
        "ngo": (["the Syrian Democratic Forces (SDF)"], ["the SDF"]),
        "brief": (["SDF"], ["SDF"]),
        "analysis": (["the Syrian Democratic Forces (SDF)"], ["the SDF"]),
    },
    "SYG": {
        "wire": (["Syrian government forces", "Syrian security forces"], ["government forces", "security forces"]),
        "afp": (["Syrian security forces", "government forces"], ["security forces"]),
        "kurd": (["Syrian government forces", "Damascus-affiliated forces"], ["government forces"]),
        "syr": (["General Security forces", "Syrian security forces", "the General Security"], ["General Security", "security forces"]),
        "gov": (["General Security forces", "the Internal Security Forces"], ["General Security", "the security forces"]),
        "ngo": (["Syrian government security forces"], ["government forces"]),
        "brief": (["Syrian government forces", "General Security"], ["government forces"]),
        "analysis": (["Syrian government security forces", "the Syrian army"], ["government forces"]),
    },
    "IQF": {
        "wire": (["Iraqi security forces", "Iraqi troops"], ["Iraqi forces", "the army"]),
        "afp": (["Iraqi forces", "the Iraqi army"], ["Iraqi forces"]),
        "iraq": (["the Iraqi army", "Iraqi security forces", "federal police forces"], ["the army", "security forces"]),
        "kurd": (["Iraqi forces", "the Iraqi army"], ["Iraqi forces"]),
        "ngo": (["Iraqi security forces (ISF)"], ["the ISF"]),
        "brief": (["Iraqi security forces", "ISF"], ["ISF"]),
        "analysis": (["Iraqi security forces", "the Iraqi army"], ["Iraqi forces"]),
    },
    "PMF": {
        "wire": (["the Popular Mobilization Forces (PMF)", "Iraq's Popular Mobilisation Forces"], ["the PMF"]),
        "afp": (["the Hashed al-Shaabi (Popular Mobilisation Forces)", "the Popular Mobilisation Forces (PMF)"], ["the Hashed"]),
        "iraq": (["the Popular Mobilization Forces (PMF)", "the Hashd al-Shaabi"], ["the PMF", "the Hashd"]),
        "kurd": (["the Popular Mobilization Forces (PMF, Hashd al-Shaabi)"], ["the PMF"]),
        "ngo": (["the Popular Mobilization Forces (PMF)"], ["the PMF"]),
        "brief": (["PMF"], ["PMF"]),
        "analysis": (["the Popular Mobilization Forces (PMF)"], ["the PMF"]),
    },
    "NGF": {
        "wire": (["Nigerian troops", "the Nigerian army", "Nigeria's military"], ["the army", "troops"]),
        "afp": (["the Nigerian army", "Nigerian soldiers"], ["the army", "soldiers"]),
        "ng": (["troops of Operation Hadin Kai", "the Nigerian Army", "troops of the Nigerian Army", "the military"], ["the troops", "the army"]),
        "sahel": (["the Nigerian army", "Nigerian troops"], ["the army"]),
        "ngo": (["Nigerian security forces", "the Nigerian armed forces"], ["security forces"]),
        "brief": (["Nigerian troops", "NA troops"], ["troops"]),
        "analysis": (["the Nigerian military", "Nigerian troops"], ["the military"]),
    },
    "NEF": {
        "wire": (["Nigerien soldiers", "Niger's army"], ["the army", "soldiers"]),
        "afp": (["the Nigerien army", "Nigerien soldiers"], ["the army"]),
        "sahel": (["the Nigerien Armed Forces (FAN)", "Nigerien defence and security forces (FDS)", "the FAN"], ["the army", "the FDS"]),
        "ngo": (["Nigerien defence and security forces"], ["security forces"]),
        "brief": (["Nigerien troops", "FAN"], ["FAN"]),
        "analysis": (["Niger's armed forces", "the Nigerien military"], ["the army"]),
    },
    "MLF": {
        "wire": (["Malian soldiers", "Mali's army"], ["the army", "soldiers"]),
        "afp": (["the Malian army", "the Malian Armed Forces (FAMa)"], ["the army", "the FAMa"]),
        "sahel": (["the Malian Armed Forces (FAMa)", "FAMa", "the Malian army"], ["FAMa", "the army"]),
        "ngo": (["the Malian Defence and Security Forces (MDSF)", "Malian security forces"], ["the MDSF"]),
        "brief": (["FAMa", "Malian troops"], ["FAMa"]),
        "analysis": (["the Malian army (FAMa)", "Mali's armed forces"], ["FAMa", "the army"]),
    },
    "BFF": {
        "wire": (["Burkinabe soldiers", "Burkina Faso's army"], ["the army", "soldiers"]),
        "afp": (["the Burkinabe army", "Burkinabe soldiers"], ["the army"]),
        "sahel": (["the Burkinabe army", "soldiers of the Burkinabe army", "Burkinabe defence and security forces (FDS)"], ["the army", "the FDS"]),
        "ngo": (["Burkinabe security forces"], ["security forces"]),
        "brief": (["Burkinabe troops", "FDS"], ["FDS"]),
        "analysis": (["Burkina Faso's armed forces", "the Burkinabe military"], ["the army"]),
    },
    "TDF": {
        "wire": (["Chadian troops", "Chad's army"], ["the army"]),
        "afp": (["the Chadian army", "Chadian soldiers"], ["the army"]),
        "sahel": (["the Chadian National Army (ANT)", "Chadian soldiers", "the ANT"], ["the ANT", "the army"]),
        "ngo": (["Chadian security forces"], ["security forces"]),
        "brief": (["Chadian troops", "ANT"], ["ANT"]),
        "analysis": (["the Chadian army"], ["the army"]),
    },
    "CMF": {
        "wire": (["Cameroonian troops", "Cameroon's army"], ["the army"]),
        "afp": (["the Cameroonian army", "Cameroonian soldiers"], ["the army"]),
        "sahel": (["the Cameroonian army", "soldiers of the Rapid Intervention Battalion (BIR)", "Cameroonian Defence Forces"], ["the army", "the BIR"]),
        "ngo": (["Cameroonian security forces"], ["security forces"]),
        "brief": (["Cameroonian troops", "BIR"], ["troops"]),
        "analysis": (["Cameroon's military"], ["the army"]),
    },
    "VDP": {
        "wire": (["army-backed civilian militias known as VDP", "Volunteers for the Defence of the Homeland (VDP)"], ["the VDP", "the volunteers"]),
        "afp": (["the army's civilian auxiliaries, the Volunteers for the Defence of the Homeland (VDP)"], ["the VDP"]),
        "sahel": (["the Volunteers for the Defence of the Homeland (VDP)", "VDP auxiliaries"], ["the VDP"]),
        "ngo": (["the Volunteers for the Defence of the Homeland (VDP)"], ["the VDP"]),
        "brief": (["VDP"], ["VDP"]),
        "analysis": (["the Volunteers for the Defence of the Homeland (VDP)"], ["the VDP"]),
    },
    "CJTF": {
        "wire": (["the Civilian Joint Task Force (CJTF) militia", "vigilantes of the Civilian JTF"], ["the CJTF", "the vigilantes"]),
        "afp": (["the anti-jihadist Civilian Joint Task Force (CJTF) militia"], ["the CJTF"]),
        "ng": (["the Civilian Joint Task Force (CJTF)", "the Civilian JTF"], ["the CJTF", "the vigilantes"]),
        "ngo": (["the Civilian Joint Task Force (CJTF)"], ["the CJTF"]),
        "brief": (["CJTF"], ["CJTF"]),
        "analysis": (["the Civilian Joint Task Force (CJTF)"], ["the CJTF"]),
    },
}
# registers that borrow another register's names when an actor lacks their own
REGISTER_FALLBACK = {"kurd": "syr", "syr": "wire", "gov": "syr", "iraq": "wire", "ng": "wire",
                     "sahel": "afp", "ngo": "wire", "brief": "wire", "analysis": "wire",
                     "afp": "wire", "wire": "wire"}

MILITANT_NOUNS = {
    "wire": ["militants", "fighters", "insurgents"],
    "afp": ["jihadists", "assailants", "fighters"],
    "ng": ["terrorists", "insurgents", "fighters"],
    "kurd": ["cell members", "militants", "fighters"],
    "syr": ["militants", "cell members", "fighters"],
    "gov": ["terrorists", "members of the terrorist cell"],
    "iraq": ["terrorists", "militants", "insurgents"],
    "sahel": ["terrorists", "assailants", "jihadists"],
    "ngo": ["members of non-state armed groups", "militants", "armed men"],
    "brief": ["militants", "fighters"],
    "analysis": ["militants", "jihadists", "fighters"],
}
UNK_NOUNS = {  # theatre -> nouns for the unidentified perpetrators
    "NG_NW": ["bandits", "armed bandits", "gunmen"],
    "NE_S": ["bandits", "gunmen", "armed men"],
    "NG_C": ["gunmen", "armed men", "unknown gunmen", "suspected herders"],
    "SY_S": ["unidentified gunmen", "unknown gunmen", "armed men", "unidentified assailants"],
    "CM_WEST": ["gunmen", "armed men", "suspected separatist fighters"],
    "*": ["gunmen", "unidentified assailants", "armed men"],
}
STATE_NOUNS = {
    "SDF": ["SDF fighters", "SDF members", "members of the SDF"],
    "SYG": ["security personnel", "members of the security forces", "soldiers"],
    "IQF": ["soldiers", "troops", "members of the security forces"],
    "PMF": ["PMF fighters", "members of the PMF", "Hashd fighters"],
    "NGF": ["soldiers", "troops", "servicemen"],
    "NEF": ["soldiers", "troops"],
    "MLF": ["soldiers", "troops"],
    "BFF": ["soldiers", "troops"],
    "TDF": ["soldiers", "troops"],
    "CMF": ["soldiers", "troops"],
    "VDP": ["VDP volunteers", "volunteers", "army auxiliaries"],
    "CJTF": ["CJTF members", "vigilantes", "members of the Civilian JTF"],
}
SINGULAR = {
    "soldiers": "soldier", "troops": "soldier", "servicemen": "serviceman",
    "security personnel": "member of the security forces",
    "members of the security forces": "member of the security forces",
    "SDF fighters": "SDF fighter", "SDF members": "SDF member", "members of the SDF": "member of the SDF",
    "PMF fighters": "PMF fighter", "members of the PMF": "member of the PMF", "Hashd fighters": "Hashd fighter",
    "VDP volunteers": "VDP volunteer", "volunteers": "volunteer", "army auxiliaries": "army auxiliary",
    "CJTF members": "CJTF member", "vigilantes": "vigilante", "members of the Civilian JTF": "member of the Civilian JTF",
    "militants": "militant", "fighters": "fighter", "insurgents": "insurgent", "jihadists": "jihadist",
    "assailants": "assailant", "terrorists": "terrorist", "cell members": "cell member",
    "members of the terrorist cell": "member of the terrorist cell",
    "members of non-state armed groups": "member of a non-state armed group", "armed men": "armed man",
    "bandits": "bandit", "armed bandits": "armed bandit", "gunmen": "gunman", "unknown gunmen": "gunman",
    "unidentified gunmen": "gunman", "unidentified assailants": "assailant", "suspected herders": "suspected herder",
    "suspected separatist fighters": "suspected separatist fighter",
    "civilians": "civilian", "villagers": "villager", "farmers": "farmer", "fishermen": "fisherman",
    "people": "person", "residents": "resident", "worshippers": "worshipper", "traders": "trader",
    "passengers": "passenger", "shepherds": "shepherd", "truffle hunters": "truffle hunter",
    "herders": "herder", "gold miners": "gold miner", "displaced people": "displaced person",
    "firewood collectors": "firewood collector", "students": "student", "travellers": "traveller",
    "women": "woman", "police officers": "police officer", "policemen": "policeman",
    "loggers": "logger", "motorists": "motorist",
}

# ---------------------------------------------------------------------------------------------
# outlets: name, domain, register, style, countries (weight), published-date format,
# date style (us/uk), spelling habit, numbers in words below 10?, wire tag

OUTLETS = [
    # name, domain, register, style, coverage {cc: weight}, pubfmt, datestyle, spelling, tag
    ("Meridian Wire Service", "meridianwire.example", "wire", "wire",
     {"NG": 8, "SY": 8, "IQ": 8, "ML": 6, "BF": 5, "NE": 5, "TD": 4, "CM": 4}, "iso_z", "us", "canon", "MWS"),
    ("Global Press Agency", "globalpressagency.example", "wire", "wire_ap",
     {"NG": 6, "SY": 6, "IQ": 6, "ML": 6, "BF": 6, "NE": 5, "TD": 3, "CM": 3}, "rfc", "us", "fold", "GPA"),
    ("Agence Sahel-Levant Presse", "aslp-news.example", "afp", "afp",
     {"NG": 5, "SY": 7, "IQ": 6, "ML": 9, "BF": 9, "NE": 9, "TD": 7, "CM": 7}, "iso_tz", "uk", "alias", "ASLP"),
    ("Sahel Observer", "sahelobserver.example", "sahel", "sahel_local",
     {"ML": 10, "BF": 10, "NE": 8}, "date", "uk", "fold", None),
    ("Radio Fleuve Niger", "radiofleuve.example", "sahel", "sahel_radio",
     {"NE": 12, "ML": 4}, "date", "uk", "alias", None),
    ("Burkina Matin", "burkinamatin.example", "sahel", "sahel_radio",
     {"BF": 14}, "iso_tz", "uk", "canon", None),
    ("Lake Chad Monitor", "lakechadmonitor.example", "sahel", "sahel_local",
     {"NG": 3, "NE": 4, "TD": 10, "CM": 9}, "date", "uk", "alias", None),
    ("Cameroon Northern Echo", "northernecho-cm.example", "sahel", "sahel_local",
     {"CM": 12}, "rfc", "uk", "fold", None),
    ("Borno Daily Herald", "bornoherald.example", "ng", "ng_local",
     {"NG": 14}, "iso_tz", "uk", "alias", None),
    ("The Northern Ledger", "northernledger.example", "ng", "ng_local",
     {"NG": 12}, "date", "uk", "canon", None),
    ("Naija Sentinel", "naijasentinel.example", "ng", "ng_local",
     {"NG": 10}, "rfc", "uk", "fold", None),
    ("Kurdistan Voice", "kurdistanvoice.example", "kurd", "levant",
     {"SY": 10, "IQ": 8}, "iso_z", "us", "alias", None),
    ("Euphrates Post", "euphratespost.example", "syr", "levant",
     {"SY": 12}, "date", "us", "alias", None),
    ("Damascus Courier", "damascuscourier.example", "gov", "levant_gov",
     {"SY": 9}, "iso_tz", "uk", "canon", None),
    ("Tigris Times", "tigristimes.example", "iraq", "levant",
     {"IQ": 12}, "date", "us", "alias", None),
    ("Relief Coordination Network", "reliefnet.example", "ngo", "ngo",
     {"NG": 4, "SY": 4, "IQ": 2, "ML": 4, "BF": 4, "NE": 4, "TD": 3, "CM": 3}, "date", "uk", "canon", None),
    ("Conflict Watch Daily", "conflictwatch.example", "brief", "brief",
     {"NG": 4, "SY": 4, "IQ": 4, "ML": 3, "BF": 3, "NE": 3, "TD": 2, "CM": 2}, "date", "uk", "fold", None),
    ("Sahel Security Bulletin", "sahelsecurity.example", "brief", "brief",
     {"ML": 4, "BF": 4, "NE": 4, "TD": 2}, "iso_z", "uk", "canon", None),
    ("Strategic Insight Review", "insightreview.example", "analysis", "analysis",
     {"NG": 2, "SY": 2, "IQ": 2, "ML": 2, "BF": 2, "NE": 2, "TD": 1, "CM": 1}, "iso_tz", "us", "canon", None),
    ("Frontline Analysis", "frontlineanalysis.example", "analysis", "analysis",
     {"NG": 2, "SY": 2, "IQ": 1, "ML": 2, "BF": 2, "NE": 2, "TD": 1, "CM": 1}, "date", "uk", "alias", None),
]
O_NAME, O_DOMAIN, O_REG, O_STYLE, O_COVER, O_PUBFMT, O_DSTYLE, O_SPELL, O_TAG = range(9)
# local outlets that only cover part of a country
OUTLET_THEATRES = {"Borno Daily Herald": {"NG_NE"}, "Lake Chad Monitor": {"LAKE", "NG_NE"},
                   "Cameroon Northern Echo": {"LAKE", "CM_WEST"}, "Euphrates Post": {"SY_NE", "SY_BADIA", "SY_S", "SY_NW"}}
MODIFIER = {  # the group's name used as a modifier: 'suspected ISIS members', 'Boko Haram cells'
    "IS": {"wire": "Islamic State", "afp": "IS", "kurd": "ISIS", "syr": "ISIS", "gov": "Daesh", "iraq": "ISIS",
           "ngo": "IS", "brief": "IS", "analysis": "ISIL"},
    "ISWAP": {"*": "ISWAP"}, "ISGS": {"afp": "ISGS", "sahel": "ISGS", "*": "IS Sahel"},
    "JAS": {"ngo": "JAS", "brief": "JAS", "*": "Boko Haram"}, "JNIM": {"*": "JNIM"}, "HTS": {"*": "HTS"},
}

COUNTRY = {"SY": "Syria", "IQ": "Iraq", "NG": "Nigeria", "NE": "Niger", "ML": "Mali",
           "BF": "Burkina Faso", "TD": "Chad", "CM": "Cameroon"}
STATE_OF = {"SY": "SYG", "IQ": "IQF", "NG": "NGF", "NE": "NEF", "ML": "MLF", "BF": "BFF",
            "TD": "TDF", "CM": "CMF"}
ADMIN_WORD = {"SY": ["province", "governorate"], "IQ": ["province", "governorate"],
              "NG": ["State", "State"], "NE": ["region", "region"], "ML": ["region", "region"],
              "BF": ["region", "region"], "TD": ["province", "province"], "CM": ["region", "region"]}
DIRECTION = {
    ("NG", "Borno"): "northeastern", ("NG", "Yobe"): "northeastern", ("NG", "Adamawa"): "northeastern",
    ("NG", "Zamfara"): "northwestern", ("NG", "Katsina"): "northwestern", ("NG", "Sokoto"): "northwestern",
    ("NG", "Kebbi"): "northwestern", ("NG", "Kaduna"): "northwestern", ("NG", "Niger"): "north-central",
    ("NG", "Plateau"): "central", ("NG", "Benue"): "central",
    ("SY", "Deir ez-Zor"): "eastern", ("SY", "Raqqa"): "northern", ("SY", "Hasakah"): "northeastern",
    ("SY", "Aleppo"): "northern", ("SY", "Idlib"): "northwestern", ("SY", "Homs"): "central",
    ("SY", "Hama"): "central", ("SY", "Latakia"): "western", ("SY", "Daraa"): "southern",
    ("SY", "Suwayda"): "southern", ("SY", "Quneitra"): "southwestern", ("SY", "Rif Dimashq"): "southern",
    ("IQ", "Kirkuk"): "northern", ("IQ", "Salahuddin"): "northern", ("IQ", "Nineveh"): "northern",
    ("IQ", "Diyala"): "eastern", ("IQ", "Anbar"): "western", ("IQ", "Baghdad"): "central",
    ("IQ", "Babil"): "central", ("IQ", "Erbil"): "northern",
    ("NE", "Tillabéri"): "western", ("NE", "Tahoua"): "western", ("NE", "Dosso"): "southwestern",
    ("NE", "Diffa"): "southeastern", ("NE", "Maradi"): "southern", ("NE", "Zinder"): "southern",
    ("ML", "Mopti"): "central", ("ML", "Ségou"): "central", ("ML", "Timbuktu"): "northern",
    ("ML", "Gao"): "northern", ("ML", "Ménaka"): "northeastern", ("ML", "Kidal"): "northern",
    ("ML", "Koulikoro"): "southern", ("ML", "Sikasso"): "southern",
    ("BF", "Sahel"): "northern", ("BF", "Nord"): "northern", ("BF", "Est"): "eastern",
    ("BF", "Centre-Nord"): "north-central", ("BF", "Boucle du Mouhoun"): "western",
    ("BF", "Centre-Est"): "eastern", ("BF", "Cascades"): "southwestern",
    ("BF", "Hauts-Bassins"): "western", ("BF", "Sud-Ouest"): "southwestern",
    ("TD", "Lac"): "western", ("TD", "Kanem"): "western", ("TD", "Hadjer Lamis"): "western",
    ("CM", "Far North"): "northern", ("CM", "North-West"): "anglophone", ("CM", "South-West"): "anglophone",
}
HUB = {  # dateline cities: (country, admin1) -> city, else country default
    ("NG", "Borno"): "MAIDUGURI", ("NG", "Yobe"): "DAMATURU", ("NG", "Adamawa"): "YOLA",
    ("NG", "Zamfara"): "GUSAU", ("NG", "Katsina"): "KANO", ("NG", "Sokoto"): "SOKOTO",
    ("NG", "Kebbi"): "SOKOTO", ("NG", "Kaduna"): "KADUNA", ("NG", "Plateau"): "JOS",
    ("SY", "Deir ez-Zor"): "QAMISHLI", ("SY", "Raqqa"): "QAMISHLI", ("SY", "Hasakah"): "QAMISHLI",
    ("SY", "Idlib"): "BEIRUT", ("IQ", "Kirkuk"): "KIRKUK", ("IQ", "Nineveh"): "MOSUL",
    ("IQ", "Erbil"): "ERBIL", ("CM", "Far North"): "MAROUA", ("ML", "Gao"): "GAO",
    ("NE", "Diffa"): "NIAMEY", ("TD", "Lac"): "N'DJAMENA",
}
CAPITAL_HUB = {"NG": "ABUJA", "SY": "DAMASCUS", "IQ": "BAGHDAD", "NE": "NIAMEY", "ML": "BAMAKO",
               "BF": "OUAGADOUGOU", "TD": "N'DJAMENA", "CM": "YAOUNDE"}

# ---------------------------------------------------------------------------------------------
# theatres: where incidents happen, which kinds, which actors. "S" = the country's state forces.

COUNTRY_WEIGHT = (("NG", 28), ("SY", 20), ("IQ", 12), ("BF", 10), ("ML", 10), ("NE", 8),
                  ("CM", 8), ("TD", 4))
COUNTRY_THEATRES = {
    "NG": (("NG_NE", 60), ("NG_NW", 32), ("NG_C", 8)),
    "SY": (("SY_NE", 55), ("SY_NW", 18), ("SY_BADIA", 12), ("SY_S", 15)),
    "IQ": (("IQ", 1),), "BF": (("SAHEL", 1),), "ML": (("SAHEL", 1),),
    "NE": (("SAHEL", 70), ("LAKE", 20), ("NE_S", 10)),
    "TD": (("LAKE", 1),), "CM": (("LAKE", 75), ("CM_WEST", 25)),
}
ADMIN_WEIGHT = {
    ("NG_NE", "NG"): {"Borno": 70, "Yobe": 18, "Adamawa": 12},
    ("NG_NW", "NG"): {"Zamfara": 28, "Katsina": 22, "Sokoto": 14, "Kaduna": 16, "Niger": 12, "Kebbi": 8},
    ("NG_C", "NG"): {"Plateau": 55, "Benue": 45},
    ("SY_NE", "SY"): {"Deir ez-Zor": 55, "Raqqa": 20, "Hasakah": 20, "Aleppo": 5},
    ("SY_NW", "SY"): {"Idlib": 50, "Aleppo": 25, "Hama": 15, "Latakia": 10},
    ("SY_BADIA", "SY"): {"Homs": 70, "Hama": 15, "Deir ez-Zor": 15},
    ("SY_S", "SY"): {"Daraa": 60, "Suwayda": 15, "Rif Dimashq": 20, "Quneitra": 5},
    ("IQ", "IQ"): {"Kirkuk": 18, "Salahuddin": 22, "Diyala": 20, "Nineveh": 14, "Anbar": 16,
                   "Baghdad": 5, "Babil": 3, "Erbil": 2},
    ("SAHEL", "ML"): {"Mopti": 26, "Ségou": 18, "Timbuktu": 12, "Gao": 14, "Ménaka": 12, "Kidal": 6,
                      "Koulikoro": 6, "Sikasso": 6},
    ("SAHEL", "BF"): {"Sahel": 24, "Nord": 12, "Est": 16, "Centre-Nord": 16, "Boucle du Mouhoun": 14,
                      "Centre-Est": 8, "Cascades": 4, "Hauts-Bassins": 3, "Sud-Ouest": 3},
    ("SAHEL", "NE"): {"Tillabéri": 70, "Tahoua": 20, "Dosso": 10},
    ("LAKE", "NE"): {"Diffa": 1},
    ("LAKE", "TD"): {"Lac": 75, "Kanem": 15, "Hadjer Lamis": 10},
    ("LAKE", "CM"): {"Far North": 1},
    ("NE_S", "NE"): {"Maradi": 70, "Zinder": 30},
    ("CM_WEST", "CM"): {"North-West": 55, "South-West": 45},
}
HOTSPOTS = {  # towns that see more than their population suggests
    "Monguno", "Bama", "Gwoza", "Dikwa", "Konduga", "Damboa", "Kukawa", "Marte", "Ngala", "Chibok",
    "Magumeri", "Gubio", "Geidam", "Buni Yadi", "Gujba", "Madagali", "Michika", "Damaturu",
    "Zurmi", "Shinkafi", "Anka", "Tsafe", "Maru", "Kankara", "Faskari", "Batsari", "Birnin Gwari",
    "Kajuru", "Bokkos", "Mangu", "Barkin Ladi", "Hajin", "Mayadin", "Abu Kamal", "Busayrah",
    "Diban", "Tal Tamr", "Sukhnah", "Palmyra", "Daquq", "Muqdadiyah", "Khanaqin", "Baiji", "Tuz Khurmatu",
    "Hawija", "Rutba", "Haditha", "Samarra", "Tikrit", "Bandiagara", "Djenné", "Niono", "Tessit",
    "Ansongo", "Niafunké", "Sebba", "Gorom-Gorom", "Aribinda", "Djibo", "Dori", "Diapaga", "Titao",
    "Kongoussi", "Nouna", "Ayorou", "Abala", "Torodi", "Filingué", "Tillia", "Ngourti", "Nguigmi",
    "Bosso", "Diffa", "Mokolo", "Mora", "Kousséri", "Makary", "Bol", "Téra", "Ouallam", "Ménaka",
}
# Common English spellings of hotspot towns (each must be the name or one of its aliases).
PREFERRED_VARIANTS = {
    "Deir ez-Zor": ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Deir el-Zour", "Deir ez-Zour"],
    "Mayadin": ["Mayadin", "Al-Mayadeen", "Al Mayadin", "Mayadine"],
    "Abu Kamal": ["Abu Kamal", "Al-Bukamal", "Albu Kamal", "Abu Kemal"],
    "Hasakah": ["Hasakah", "Al-Hasakah", "Hasakeh", "Hassakeh", "Al-Hasaka"],
    "Qamishli": ["Qamishli", "Qameshli", "Al Qamishli", "Kamishli"],
    "Raqqa": ["Raqqa", "al-Raqqa", "Raqqah", "Rakka"],
    "Idlib": ["Idlib", "Idleb", "Edlib"],
    "Manbij": ["Manbij", "Menbij", "Manbej"],
    "Palmyra": ["Palmyra", "Tadmur", "Tadmor"],
    "Daraa": ["Daraa", "Deraa", "Dar'a"],
    "Baqubah": ["Baqubah", "Baquba", "Ba'quba"],
    "Tuz Khurmatu": ["Tuz Khurmatu", "Tuz Khurmato", "Tozkhurmato"],
    "Muqdadiyah": ["Muqdadiyah", "Al Miqdadiyah"],
    "Fallujah": ["Fallujah", "Falluja"],
    "Ramadi": ["Ramadi", "Al-Ramadi"],
    "Tillabéri": ["Tillabéri", "Tillabery", "Tillaberi"],
    "Monguno": ["Monguno", "Mongonu"],
    "Dikwa": ["Dikwa"],
    "Kousséri": ["Kousséri", "Kousseri", "Kusseri"],
    "Makary": ["Makary", "Makari"],
    "Aribinda": ["Aribinda", "Arbinda"],
    "Tombouctou": ["Timbuktu", "Tombouctou"],
    "Timbuktu": ["Timbuktu", "Tombouctou"],
    "Ségou": ["Ségou", "Segou", "Segu"],
    "Ménaka": ["Ménaka", "Menaka"],
    "Djenné": ["Djenné", "Djenne"],
    "Niafunké": ["Niafunké", "Niafounke"],
    "Dédougou": ["Dédougou", "Dedougou"],
    "Téra": ["Téra", "Tera"],
    "Filingué": ["Filingué", "Filingue"],
    "Kidal": ["Kidal"],
    "Hajin": ["Hajin", "Hajine"],
    "Busayrah": ["Busayrah", "Al Busayrah", "Bseira"],
    "Diban": ["Diban", "Dhiban"],
    "Tal Tamr": ["Tal Tamr", "Tel Tamer", "Tell Tamer"],
    "Sukhnah": ["Sukhnah", "As Sukhnah", "Soukhne"],
    "Daquq": ["Daquq", "Tawuq"],
    "Khanaqin": ["Khanaqin", "Khaneqin"],
    "Baiji": ["Baiji", "Bayji"],
    "Samarra": ["Samarra", "Samarrah"],
    "Kirkuk": ["Kirkuk", "Kerkuk"],
    "Haditha": ["Haditha", "Hadithah"],
    "Rutba": ["Rutba", "Al Rutbah", "Rutbah"],
}
_FOREIGN_ENDINGS = ("shaary", "khot", "muhafezesi", " district", "ville de", "byen ", "lungsod",
                    "viloati", "vilojati", "qadaa")

def _key(s: str, arabic: bool) -> str:
    s = fold(s).lower()
    if arabic:
        s = re.sub(r"^(?:al|as|ar|el|es|ash|an|at|ad|az)[- ]", "", s)
        for a, b in (("kh", "k"), ("sh", "s"), ("dh", "d"), ("th", "t"), ("q", "k"), ("ee", "i"), ("oo", "u"),
                     ("ou", "u"), ("e", "a"), ("y", "i"), ("w", "u")):
            s = s.replace(a, b)
    else:
        for a, b in (("dj", "j"), ("ou", "u"), ("ei", "ai"), ("y", "i"), ("ph", "f")):
            s = s.replace(a, b)
    s = re.sub(r"[^a-z]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _plausible_alias(name: str, alias: str, cc: str) -> bool:
    """An alias English text might use: a transliteration or accent variant of the name, not
    an exonym in another language or a Russian / French transliteration."""
    a, n = fold(alias).lower(), fold(name).lower()
    if a == n or any(e in a for e in _FOREIGN_ENDINGS):
        return False
    if any(x in a and x not in n for x in ("dzh", "zh", "ch", "shej", "ehj", "kh'", "x", "sch")):
        return False
    arabic = cc in ("SY", "IQ")
    ka, kn = _key(alias, arabic), _key(name, arabic)
    if ka == kn:
        return True
    return arabic and difflib.SequenceMatcher(None, ka, kn).ratio() >= 0.86 and len(ka) >= 5


class Town:
    __slots__ = ("name", "admin1", "cc", "pop", "variants", "geonameid", "lat", "lon")


def load_towns():
    """The towns of the corpus's countries in the gazetteer, grouped by (country code, admin1)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from casefile.extract.gazetteer import generated_rows

    by_admin: dict[tuple[str, str], list[Town]] = {}
    for row in generated_rows(GAZETTEER):
        cc = row["country_code"]
        if cc not in COUNTRY or row["geo_precision"] != "town" or not row["admin1"]:
            continue
        t = Town()
        t.name, t.admin1, t.cc = row["name"], row["admin1"], cc
        t.pop = int(row["population"] or 0)
        t.geonameid = row["geonameid"]
        t.lat, t.lon = row["latitude"], row["longitude"]
        aliases = []
        for raw in row["aliases"].split("|"):
            if raw.startswith("~="):
                continue
            aliases.append(raw.lstrip("~=%"))
        if t.name in PREFERRED_VARIANTS:
            variants = [v for v in PREFERRED_VARIANTS[t.name]
                        if v == t.name or v in aliases or fold(v) == fold(t.name)]
        else:
            variants = [t.name]
            if fold(t.name) != t.name:
                variants.append(fold(t.name))
            if t.pop < 400_000:
                for a in aliases:
                    if a not in variants and len(variants) < 4 and _plausible_alias(t.name, a, cc):
                        variants.append(a)
        t.variants = variants or [t.name]
        by_admin.setdefault((cc, t.admin1), []).append(t)
    for towns in by_admin.values():
        towns.sort(key=lambda t: (-t.pop, t.name))
    return by_admin


def town_pools(by_admin):
    """(theatre, cc) -> list of (Town, weight)."""
    pools = {}
    for (theatre, cc), admins in ADMIN_WEIGHT.items():
        pairs = []
        for admin1, aw in admins.items():
            towns = by_admin.get((cc, admin1), [])
            if not towns:
                raise SystemExit(f"gazetteer has no towns for {admin1} ({cc})")
            ws = [((t.pop + 3000) ** 0.5) * (5 if t.name in HOTSPOTS else 1) for t in towns]
            total = sum(ws)
            pairs.extend((t, aw * w / total) for t, w in zip(towns, ws))
        pools[(theatre, cc)] = pairs
    return pools


# scenario kinds: key -> (event_type, sub_event_type)
KINDS = {
    "attack": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"),
    "raid": ("Battles", "Armed clash"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "air": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "civattack": ("Violence against civilians", "Attack"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "arrests": ("Strategic developments", "Arrests"),
}
# theatre -> list of (kind, weight, A choices, B choices, victims choices)
S = "S"
SCENARIOS = {
    "NG_NE": [
        ("attack", 18, (("ISWAP", 6), ("JAS", 4)), ((S, 8), ("CJTF", 2)), None),
        ("ambush", 8, (("ISWAP", 7), ("JAS", 3)), ((S, 1),), None),
        ("raid", 14, ((S, 85), ("CJTF", 15)), (("ISWAP", 5), ("JAS", 5)), None),
        ("suicide", 5, (("JAS", 8), ("ISWAP", 2)), (("CIV", 1),), None),
        ("ied", 8, (("ISWAP", 7), ("JAS", 3)), ((S, 6), ("CIV", 4)), (("passengers", 1), ("farmers", 1))),
        ("air", 8, ((S, 1),), (("ISWAP", 5), ("JAS", 5)), None),
        ("shelling", 3, (("ISWAP", 1),), (("CIV", 1),), (("civilians", 1),)),
        ("civattack", 16, (("JAS", 6), ("ISWAP", 4)), (("CIV", 1),),
         (("farmers", 4), ("fishermen", 2), ("loggers", 2), ("villagers", 3), ("idps", 2))),
        ("abduction", 6, (("JAS", 7), ("ISWAP", 3)), (("CIV", 1),), (("farmers", 1), ("women", 1), ("passengers", 1), ("villagers", 1))),
        ("arrests", 8, ((S, 1),), (("JAS", 5), ("ISWAP", 5)), None),
    ],
    "NG_NW": [
        ("civattack", 30, (("UNK", 1),), (("CIV", 1),), (("villagers", 4), ("worshippers", 1), ("farmers", 2), ("passengers", 1))),
        ("abduction", 30, (("UNK", 1),), (("CIV", 1),), (("villagers", 3), ("passengers", 2), ("worshippers", 1), ("students", 1), ("women", 1))),
        ("attack", 10, (("UNK", 1),), ((S, 1),), None),
        ("raid", 14, ((S, 1),), (("UNK", 1),), None),
        ("air", 8, ((S, 1),), (("UNK", 1),), None),
        ("arrests", 8, ((S, 1),), (("UNK", 1),), None),
    ],
    "NG_C": [
        ("civattack", 60, (("UNK", 1),), (("CIV", 1),), (("villagers", 3), ("farmers", 2), ("worshippers", 1))),
        ("abduction", 15, (("UNK", 1),), (("CIV", 1),), (("villagers", 1), ("passengers", 1))),
        ("arrests", 15, ((S, 1),), (("UNK", 1),), None),
        ("raid", 10, ((S, 1),), (("UNK", 1),), None),
    ],
    "LAKE": [
        ("attack", 20, (("JAS", 5), ("ISWAP", 5)), ((S, 1),), None),
        ("civattack", 22, (("JAS", 8), ("ISWAP", 2)), (("CIV", 1),), (("villagers", 3), ("fishermen", 2), ("idps", 1))),
        ("abduction", 12, (("JAS", 1),), (("CIV", 1),), (("villagers", 2), ("women", 1), ("fishermen", 1))),
        ("suicide", 6, (("JAS", 1),), (("CIV", 1),), None),
        ("ied", 6, (("JAS", 5), ("ISWAP", 5)), ((S, 7), ("CIV", 3)), (("passengers", 1),)),
        ("raid", 14, ((S, 1),), (("JAS", 5), ("ISWAP", 5)), None),
        ("arrests", 6, ((S, 1),), (("JAS", 1),), None),
    ],
    "CM_WEST": [
        ("civattack", 45, (("UNK", 1),), (("CIV", 1),), (("villagers", 2), ("civilians", 2), ("traders", 1))),
        ("attack", 25, (("UNK", 1),), ((S, 1),), None),
        ("abduction", 15, (("UNK", 1),), (("CIV", 1),), (("students", 1), ("villagers", 1), ("passengers", 1))),
        ("raid", 15, ((S, 1),), (("UNK", 1),), None),
    ],
    "SAHEL": [
        ("attack", 20, (("JNIM", 65), ("ISGS", 35)), ((S, 7), ("VDP", 3)), None),
        ("ambush", 10, (("JNIM", 65), ("ISGS", 35)), ((S, 1),), None),
        ("ied", 8, (("JNIM", 6), ("ISGS", 4)), ((S, 6), ("CIV", 4)), (("passengers", 2), ("traders", 1))),
        ("civattack", 18, (("JNIM", 5), ("ISGS", 4), ("UNK", 1)), (("CIV", 1),),
         (("villagers", 4), ("civilians", 2), ("traders", 1), ("miners", 1), ("herders", 1), ("worshippers", 1))),
        ("abduction", 6, (("JNIM", 5), ("ISGS", 3), ("UNK", 2)), (("CIV", 1),), (("villagers", 2), ("passengers", 1), ("traders", 1))),
        ("air", 10, ((S, 1),), (("JNIM", 6), ("ISGS", 4)), None),
        ("raid", 12, ((S, 1),), (("JNIM", 6), ("ISGS", 4)), None),
        ("shelling", 2, (("JNIM", 1),), (("CIV", 1),), (("civilians", 1),)),
        ("arrests", 4, ((S, 1),), (("JNIM", 6), ("ISGS", 4)), None),
    ],
    "NE_S": [
        ("abduction", 50, (("UNK", 1),), (("CIV", 1),), (("villagers", 2), ("passengers", 1), ("women", 1))),
        ("civattack", 35, (("UNK", 1),), (("CIV", 1),), (("villagers", 2), ("farmers", 1))),
        ("raid", 15, ((S, 1),), (("UNK", 1),), None),
    ],
    "SY_NE": [
        ("attack", 18, (("IS", 1),), (("SDF", 8), ("SYG", 2)), None),
        ("ambush", 8, (("IS", 1),), (("SDF", 8), ("SYG", 2)), None),
        ("ied", 8, (("IS", 1),), (("SDF", 6), ("CIV", 4)), (("civilians", 1), ("shepherds", 1))),
        ("civattack", 12, (("IS", 1),), (("CIV", 1),), (("civilians", 3), ("shepherds", 1))),
        ("raid", 14, (("SDF", 1),), (("IS", 1),), None),
        ("arrests", 20, (("SDF", 8), ("SYG", 2)), (("IS", 1),), None),
    ],
    "SY_BADIA": [
        ("attack", 15, (("IS", 1),), (("SYG", 1),), None),
        ("ambush", 15, (("IS", 1),), (("SYG", 1),), None),
        ("civattack", 15, (("IS", 1),), (("CIV", 1),), (("truffle", 3), ("shepherds", 2))),
        ("ied", 10, (("IS", 1),), (("CIV", 6), ("SYG", 4)), (("truffle", 3), ("shepherds", 1))),
        ("raid", 10, (("SYG", 1),), (("IS", 1),), None),
        ("air", 5, (("SYG", 1),), (("IS", 1),), None),
    ],
    "SY_NW": [
        ("shelling", 25, (("SYG", 1),), (("CIV", 1),), (("civilians", 1),)),
        ("air", 15, (("SYG", 1),), (("HTS", 1),), None),
        ("attack", 18, (("HTS", 1),), (("SYG", 1),), None),
        ("raid", 10, (("SYG", 1),), (("HTS", 1),), None),
        ("drone", 8, (("HTS", 1),), (("SYG", 1),), None),
    ],
    "SY_S": [
        ("civattack", 35, (("UNK", 1),), (("CIV", 1),), (("civilians", 3), ("local", 2))),
        ("attack", 20, (("UNK", 1),), (("SYG", 1),), None),
        ("ied", 15, (("UNK", 1),), (("SYG", 5), ("CIV", 5)), (("civilians", 1),)),
        ("arrests", 20, (("SYG", 1),), (("IS", 1),), None),
        ("raid", 10, (("SYG", 1),), (("IS", 1),), None),
    ],
    "IQ": [
        ("attack", 16, (("IS", 1),), ((S, 7), ("PMF", 3)), None),
        ("ambush", 6, (("IS", 1),), ((S, 7), ("PMF", 3)), None),
        ("ied", 14, (("IS", 1),), ((S, 5), ("PMF", 2), ("CIV", 3)), (("civilians", 1), ("shepherds", 1))),
        ("civattack", 12, (("IS", 1),), (("CIV", 1),), (("shepherds", 2), ("farmers", 2), ("civilians", 2), ("truffle", 1))),
        ("air", 14, ((S, 1),), (("IS", 1),), None),
        ("raid", 14, ((S, 8), ("PMF", 2)), (("IS", 1),), None),
        ("arrests", 24, ((S, 1),), (("IS", 1),), None),
    ],
}
VICTIMS = {
    "farmers": ["farmers", "villagers"], "fishermen": ["fishermen"], "loggers": ["loggers", "firewood collectors"],
    "villagers": ["villagers", "residents", "civilians"], "idps": ["displaced people", "firewood collectors"],
    "worshippers": ["worshippers"], "passengers": ["passengers", "travellers", "motorists"],
    "students": ["students"], "women": ["women"], "civilians": ["civilians", "people"],
    "shepherds": ["shepherds", "herders"], "truffle": ["truffle hunters"], "traders": ["traders"],
    "miners": ["gold miners"], "herders": ["herders"], "local": ["civilians", "people"],
}


def skew(rng: random.Random, lo: int, hi: int) -> int:
    return lo + int((hi - lo + 1) * rng.random() ** 2.2)


def draw_toll(rng: random.Random, kind: str, vict: str | None):
    """Killed and wounded per role (A = initiator, B = target, C = bystander civilians),
    arrested and abducted."""
    kA = kB = kC = wA = wB = wC = arr = abd = 0
    r = rng.random
    if kind == "attack":
        kB = skew(rng, 1, 22) if r() < 0.85 else 0
        kA = skew(rng, 2, 30) if r() < 0.45 or kB == 0 else 0
        kC = skew(rng, 1, 8) if r() < 0.12 else 0
        wB = skew(rng, 1, 15) if r() < 0.5 else 0
    elif kind == "ambush":
        kB = skew(rng, 1, 18)
        wB = skew(rng, 1, 12) if r() < 0.5 else 0
        kA = skew(rng, 1, 10) if r() < 0.25 else 0
    elif kind == "raid":
        kB = skew(rng, 2, 35)
        arr = skew(rng, 1, 15) if r() < 0.35 else 0
        kA = skew(rng, 1, 4) if r() < 0.2 else 0
        wA = skew(rng, 1, 6) if r() < 0.25 else 0
    elif kind == "suicide":
        kB = skew(rng, 2, 30)
        wB = skew(rng, 3, 60) if r() < 0.85 else 0
    elif kind == "ied":
        kB = skew(rng, 1, 12) if r() < 0.85 else 0
        wB = skew(rng, 1, 15) if r() < 0.6 or kB == 0 else 0
    elif kind == "air":
        kB = skew(rng, 3, 60)
        kC = skew(rng, 2, 20) if r() < 0.15 else 0
    elif kind == "shelling":
        kB = skew(rng, 1, 12) if r() < 0.8 else 0
        wB = skew(rng, 2, 25) if r() < 0.7 or kB == 0 else 0
    elif kind == "civattack":
        kB = skew(rng, 1, 3) if vict == "local" else skew(rng, 2, 50)
        wB = skew(rng, 1, 20) if r() < 0.4 else 0
        abd = skew(rng, 2, 20) if vict != "local" and r() < 0.08 else 0
    elif kind == "abduction":
        abd = skew(rng, 3, 80)
        kB = skew(rng, 1, 6) if r() < 0.3 else 0
    elif kind == "arrests":
        arr = skew(rng, 2, 70)
        kB = skew(rng, 1, 3) if r() < 0.08 else 0
    elif kind == "drone":
        kB = skew(rng, 1, 6) if r() < 0.7 else 0
        wB = skew(rng, 1, 8) if r() < 0.7 or kB == 0 else 0
    return [kA, kB, kC], [wA, wB, wC], arr, abd


# ---------------------------------------------------------------------------------------------
# planning: incidents, who reports them, with which figures

class Inc:
    __slots__ = ("n", "date", "town", "theatre", "kind", "A", "B", "vict", "k", "w", "arr", "abd",
                 "seed", "lookalike", "follow", "mention_only", "id")

    def __init__(self):
        self.lookalike = self.follow = None
        self.mention_only = False


class Claim:
    """What one article says about one incident."""
    __slots__ = ("k", "w", "arr", "abd", "infl", "alt", "omit_w")

    def __init__(self, inc: Inc):
        self.k, self.w, self.arr, self.abd = list(inc.k), list(inc.w), inc.arr, inc.abd
        self.infl = None      # (field, role) stated higher than the conservative figure
        self.alt = None       # (field, role, value): a second, higher figure in the same article
        self.omit_w = False


class Art:
    __slots__ = ("outlet", "inc", "claim", "extras", "pub", "no_date", "fmt", "file", "record",
                 "n", "url", "title", "figures")


def resolve_actor(key: str, cc: str) -> str:
    return STATE_OF[cc] if key == S else key


def new_incident(rng, pools, theatre, cc, day, kind=None) -> Inc:
    inc = Inc()
    scen = SCENARIOS[theatre]
    if kind is None:
        row = weighted(rng, [(s, s[1]) for s in scen])
    else:
        row = next(s for s in scen if s[0] == kind)
    inc.kind = row[0]
    inc.theatre = theatre
    inc.A = resolve_actor(weighted(rng, row[2]), cc)
    inc.B = resolve_actor(weighted(rng, row[3]), cc)
    if inc.B == "VDP" and cc != "BF":
        inc.B = STATE_OF[cc]
    inc.vict = weighted(rng, row[4]) if row[4] else ("civilians" if inc.B == "CIV" else None)
    inc.town = weighted(rng, pools[(theatre, cc)])
    inc.date = day
    inc.k, inc.w, inc.arr, inc.abd = draw_toll(rng, inc.kind, inc.vict)
    inc.seed = rng.getrandbits(32)
    return inc


def copy_incident(rng, src: Inc, day) -> Inc:
    inc = Inc()
    for f in ("town", "theatre", "kind", "A", "B", "vict", "k", "w", "arr", "abd"):
        v = getattr(src, f)
        setattr(inc, f, list(v) if isinstance(v, list) else v)
    inc.date = day
    inc.seed = rng.getrandbits(32)
    return inc


def figure_slots(inc: Inc):
    slots = [(("k", r), inc.k[r], 3) for r in range(3) if inc.k[r]]
    slots += [(("w", r), inc.w[r], 1) for r in range(3) if inc.w[r]]
    if inc.arr:
        slots.append((("arr", 0), inc.arr, 2))
    if inc.abd:
        slots.append((("abd", 0), inc.abd, 2))
    return slots


def higher(rng, n: int) -> int:
    if n <= 2:
        return n + rng.randint(1, 3)
    return n + max(1, round(n * rng.uniform(0.25, 1.4)))


def set_value(claim: Claim, slot, value):
    field, role = slot
    if field == "k":
        claim.k[role] = value
    elif field == "w":
        claim.w[role] = value
    elif field == "arr":
        claim.arr = value
    else:
        claim.abd = value


def make_claims(rng, inc: Inc, n: int) -> list[Claim]:
    claims = [Claim(inc) for _ in range(n)]
    slots = figure_slots(inc)
    conservative = rng.randrange(n)
    for i, c in enumerate(claims):
        if i != conservative and rng.random() < 0.15:
            c.omit_w = True
    if not slots:
        return claims
    conflict = rng.random() < (CONFLICT_SHARE if n >= 2 else 0.06)
    if not conflict:
        return claims
    slot, base, _ = weighted(rng, [(s, s[2]) for s in slots])
    value = higher(rng, base)
    inflated = [i for i in range(n) if i != conservative and rng.random() < 0.65]
    if n >= 2 and not inflated:
        inflated = [rng.choice([i for i in range(n) if i != conservative])]
    for i in inflated:
        set_value(claims[i], slot, value)
        claims[i].infl = slot
        if slot[0] == "w":
            claims[i].omit_w = False
    if n == 1 or rng.random() < 0.35:
        claims[conservative].alt = (slot[0], slot[1], value)
        if slot[0] == "w":
            claims[conservative].omit_w = False
    return claims


def pick_outlets(rng, cc: str, k: int, theatre: str) -> list[int]:
    pairs = [(i, o[O_COVER][cc]) for i, o in enumerate(OUTLETS)
             if cc in o[O_COVER] and theatre in OUTLET_THEATRES.get(o[O_NAME], (theatre,))]
    chosen = []
    for _ in range(min(k, len(pairs))):
        i = weighted(rng, pairs)
        chosen.append(i)
        pairs = [p for p in pairs if p[0] != i]
    return chosen


def draw_lag(rng, style: str) -> int:
    if style == "brief":
        return 1 if rng.random() < 0.8 else 2
    if style == "analysis":
        return rng.randint(1, 3)
    return weighted(rng, LAGS)


def plan(n_articles: int, seed: int, pools):
    rng = random.Random(seed)
    year_start = dt.date(YEAR, 1, 1)
    days = (dt.date(YEAR, 12, 31) - year_start).days + 1
    incidents: list[Inc] = []
    arts: list[Art] = []

    def report(inc: Inc, cc: str, k: int):
        if len(arts) >= n_articles:
            inc.mention_only = True
            return
        k = min(k, n_articles - len(arts))
        outlets = pick_outlets(rng, cc, k, inc.theatre)
        claims = make_claims(rng, inc, len(outlets))
        for o, claim in zip(outlets, claims):
            a = Art()
            a.outlet, a.inc, a.claim, a.extras = o, inc, claim, []
            a.pub = inc.date + dt.timedelta(days=draw_lag(rng, OUTLETS[o][O_STYLE]))
            a.no_date = rng.random() < NO_DATE_SHARE
            arts.append(a)

    while len(arts) < n_articles:
        cc = weighted(rng, COUNTRY_WEIGHT)
        theatre = weighted(rng, COUNTRY_THEATRES[cc])
        day = year_start + dt.timedelta(days=rng.randrange(days))
        follow = rng.random() < FOLLOW_UP_SHARE
        bomb_kinds = [s[0] for s in SCENARIOS[theatre] if s[0] in ("suicide", "ied")]
        raid_kinds = [s[0] for s in SCENARIOS[theatre] if s[0] in ("raid", "arrests")]
        follow = follow and bool(bomb_kinds) and bool(raid_kinds)
        if follow and day > dt.date(YEAR, 12, 29):
            day -= dt.timedelta(days=5)
        base = new_incident(rng, pools, theatre, cc, day, rng.choice(bomb_kinds) if follow else None)
        incidents.append(base)
        report(base, cc, weighted(rng, REPORTS_PER_INCIDENT))
        if rng.random() < TWIN_SHARE:
            gap = rng.randint(6, 30)
            tday = day + dt.timedelta(days=gap)
            if tday.year != YEAR:
                tday = day - dt.timedelta(days=gap)
            twin = copy_incident(rng, base, tday)
            twin.lookalike = base
            incidents.append(twin)
            report(twin, cc, weighted(rng, REPORTS_PER_INCIDENT))
        if follow:
            fday = day + dt.timedelta(days=rng.randint(1, 2))
            fu = new_incident(rng, pools, theatre, cc, fday, rng.choice(raid_kinds))
            fu.town = base.town
            if fu.A in ("CJTF",) or ACTORS[fu.A][1] not in ("state", "militia"):
                fu.A = STATE_OF[cc]
            fu.B = base.A
            fu.follow = base
            incidents.append(fu)
            report(fu, cc, weighted(rng, REPORTS_PER_INCIDENT))

    # Earlier incidents mentioned in a separate paragraph (briefs: other incidents of the day).
    by_cc: dict[str, list[tuple[dt.date, int]]] = {}
    for i, inc in enumerate(incidents):
        by_cc.setdefault(inc.town.cc, []).append((inc.date, i))
    for lst in by_cc.values():
        lst.sort()
    extra_incidents = []
    for a in arts:
        inc = a.inc
        style = OUTLETS[a.outlet][O_STYLE]
        cc = inc.town.cc
        if inc.follow is not None and rng.random() < 0.5:
            a.extras.append(inc.follow)
        p = 0.7 if style == "brief" else 0.085
        if rng.random() >= p:
            continue
        n_extra = 1 if rng.random() < 0.7 else 2
        lo, hi = ((inc.date - dt.timedelta(days=2), a.pub - dt.timedelta(days=1)) if style == "brief"
                  else (inc.date - dt.timedelta(days=25), inc.date - dt.timedelta(days=2)))
        lo = max(lo, year_start)
        if hi < lo:
            continue
        lst = by_cc[cc]
        i0 = bisect.bisect_left(lst, (lo, -1))
        i1 = bisect.bisect_right(lst, (hi, 1 << 60))
        for _ in range(n_extra):
            cand = None
            if i1 > i0 and rng.random() < 0.7:
                cand = incidents[lst[rng.randrange(i0, i1)][1]]
            if cand is None or cand is inc or cand in a.extras:
                theatre = weighted(rng, COUNTRY_THEATRES[cc])
                span = max(0, (hi - lo).days)
                cand = new_incident(rng, pools, theatre, cc, lo + dt.timedelta(days=rng.randint(0, span)))
                cand.mention_only = True
                extra_incidents.append(cand)
            a.extras.append(cand)
    incidents.extend(extra_incidents)

    order = sorted(range(len(incidents)), key=lambda i: (incidents[i].date, incidents[i].seed, i))
    incidents = [incidents[i] for i in order]
    for i, inc in enumerate(incidents, start=1):
        inc.id = f"I{i:06d}" if len(incidents) >= 100_000 else f"I{i:05d}"
    rng.shuffle(arts)
    return incidents, arts


# ---------------------------------------------------------------------------------------------
# rendering helpers

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

FIRST_NAMES = {
    "NG": ["Bukar", "Modu", "Babagana", "Umar", "Ibrahim", "Musa", "Abubakar", "Zanna", "Lawan",
           "Yakubu", "Haruna", "Sani", "Aliyu", "Tijani", "Grema", "Hauwa", "Aisha", "Falmata",
           "Emmanuel", "Chinedu", "Bashir", "Kabiru", "Nasiru", "Garba"],
    "SY": ["Ahmad", "Mohammed", "Khaled", "Abdullah", "Omar", "Hassan", "Jamal", "Faisal", "Mahmoud",
           "Salem", "Yasser", "Rami", "Fawaz", "Ammar", "Layla", "Rezan", "Shiyar", "Hozan", "Azad"],
    "IQ": ["Ali", "Hussein", "Abbas", "Ahmed", "Haider", "Karim", "Jassim", "Khalid", "Saad",
           "Mustafa", "Omar", "Qais", "Raad", "Sabah"],
    "SAHEL": ["Amadou", "Moussa", "Boubacar", "Oumarou", "Issa", "Hamidou", "Souleymane", "Abdoulaye",
              "Adama", "Seydou", "Hama", "Aliou", "Mariam", "Aminata", "Fatouma", "Idrissa"],
    "TD": ["Mahamat", "Abakar", "Hassan", "Brahim", "Adoum", "Idriss", "Youssouf", "Khadidja", "Zakaria"],
    "CM": ["Jean", "Paul", "Oumarou", "Bouba", "Aissatou", "Hamadou", "Emmanuel", "Daniel", "Alhadji", "Ernest"],
}
LAST_NAMES = {
    "NG": ["Mohammed", "Goni", "Kyari", "Bukar", "Maina", "Ibrahim", "Abba", "Shettima", "Lawan",
           "Bello", "Danladi", "Yusuf", "Garba", "Modu", "Gana", "Kolo", "Okafor", "Adeyemi", "Sule", "Idris"],
    "SY": ["al-Hassan", "al-Khalaf", "al-Ahmad", "al-Hussein", "al-Jasim", "al-Obeid", "al-Hamad",
           "al-Khalil", "al-Saleh", "al-Abdullah", "Hasso", "Sheikho", "Ibrahim", "Youssef"],
    "IQ": ["al-Jubouri", "al-Obeidi", "al-Dulaimi", "al-Zaidi", "al-Saadi", "al-Tamimi", "al-Shammari",
           "al-Karawi", "al-Janabi", "al-Azzawi", "al-Bayati"],
    "SAHEL": ["Diallo", "Traoré", "Cissé", "Maïga", "Touré", "Sawadogo", "Ouédraogo", "Dicko", "Issoufou",
              "Coulibaly", "Sidibé", "Barry", "Kaboré", "Zongo", "Hamani", "Seydou"],
    "TD": ["Abakar", "Mahamat", "Issa", "Hassan", "Adam", "Oumar", "Saleh", "Djibrine"],
    "CM": ["Bello", "Ahmadou", "Mbarga", "Ngono", "Abba", "Djibrilla", "Hamadou", "Tchoffo", "Mana", "Fouda"],
}
NAME_POOL = {"NG": "NG", "SY": "SY", "IQ": "IQ", "ML": "SAHEL", "BF": "SAHEL", "NE": "SAHEL",
             "TD": "TD", "CM": "CM"}
SPOKES = {  # fictional officials, fixed so that outlets cite the same people
    "NGF": ("army spokesman", "Major General Musa Danladi"),
    "NGF_police": ("police spokesman", "ASP Kabiru Lawal"),
    "SYG": ("Interior Ministry spokesman", "Nour Haddad"),
    "SDF": ("SDF media office head", "Rezan Hasso"),
    "IQF": ("Security Media Cell spokesman", "Brigadier General Yahya Karim"),
    "PMF": ("PMF spokesman", "Ali Hussein al-Zaidi"),
    "MLF": ("army spokesman", "Colonel Moussa Sangaré"),
    "BFF": ("government spokesman", "Issouf Ouédraogo"),
    "NEF": ("defence ministry spokesman", "Colonel Hamidou Issaka"),
    "TDF": ("army spokesman", "General Mahamat Abakar"),
    "CMF": ("defence ministry spokesman", "Colonel Jean-Paul Mbarga"),
}
OFFICIAL_BODY = {
    "NGF": ["the army said in a statement", "the Defence Headquarters said", "the military said in a statement",
            "the police said"],
    "SYG": ["the Interior Ministry said in a statement", "the Interior Ministry said", "a security official said"],
    "SDF": ["the SDF said in a statement", "the SDF media centre said", "the SDF said"],
    "IQF": ["the Security Media Cell said in a statement", "Iraq's Joint Operations Command said",
            "the military said in a statement", "police said"],
    "PMF": ["the PMF said in a statement", "the PMF media office said"],
    "MLF": ["the army said in a statement", "the FAMa general staff said in a communiqué", "the army said on social media"],
    "BFF": ["the army said in a statement", "the government said in a statement", "state broadcaster RTB reported"],
    "NEF": ["the defence ministry said in a statement", "the army said in its weekly operational report",
            "the defence ministry said"],
    "TDF": ["the army said in a statement", "the army general staff said"],
    "CMF": ["the defence ministry said", "the army said in a statement"],
    "VDP": ["the army said in a statement"],
    "CJTF": ["the army said in a statement"],
}
LOCAL_SOURCE = {
    "wire": ["residents said", "a local official said", "two residents told {outlet}", "a security source said",
             "a local government official said", "a hospital source said"],
    "afp": ["a local elected official who requested anonymity told {tag}", "a security source told {tag}",
            "according to a local elected official who requested anonymity",
            "according to a source close to the security services", "a resident told {tag}"],
    "ng": ["residents said", "a community leader, {person}, told our correspondent",
           "a source who pleaded anonymity told our correspondent", "a vigilante leader, {person}, said",
           "local sources said"],
    "kurd": ["local sources told {outlet}", "a local source said", "an SDF source told {outlet}",
             "a military source said"],
    "syr": ["local sources said", "the Syrian Observatory for Human Rights (SOHR) said",
            "a local source told {outlet}", "local activists said"],
    "gov": ["a security source said", "local sources said"],
    "iraq": ["a security source told {outlet}", "a local official said", "a police source said",
             "a security source said on condition of anonymity"],
    "sahel": ["local sources said", "a local elected official said", "sources contacted by {outlet} said",
              "a resident reached by telephone said", "a humanitarian source said"],
    "ngo": ["local sources reported", "community representatives reported", "humanitarian partners reported"],
    "brief": ["local sources said", "local media reported"],
    "analysis": ["residents said", "local sources said", "a local official said"],
}
HIGH_SOURCE = {  # who tends to give the higher figure
    "wire": ["residents said", "local sources said", "a local official said", "hospital sources said"],
    "afp": ["according to a local elected official who requested anonymity", "a security source told {tag}",
            "local sources said"],
    "ng": ["residents said", "a community leader, {person}, said", "sources told our correspondent"],
    "kurd": ["local sources said", "local sources told {outlet}"],
    "syr": ["the Syrian Observatory for Human Rights said", "local sources said", "activists said"],
    "gov": ["local sources said"],
    "iraq": ["a security source said", "local sources said"],
    "sahel": ["local sources said", "a local elected official said", "residents said"],
    "ngo": ["community representatives reported"],
    "brief": ["local sources said", "local media reported"],
    "analysis": ["residents said", "local sources said"],
}
GROUP_CLAIM = ["{g} claimed responsibility in a statement on Telegram", "{g} claimed the attack through its Amaq news agency",
               "{g} said in a statement"]


class Ctx:
    """Per-article rendering state: its outlet's habits and the article's random stream."""

    def __init__(self, rng: random.Random, outlet: tuple, pub: dt.date, theatre: str, cc: str):
        self.rng = rng
        self.o = outlet
        self.reg = outlet[O_REG]
        self.style = outlet[O_STYLE]
        self.pub = pub
        self.theatre = theatre
        self.cc = cc
        self.seen: set[str] = set()
        self.stated: set[tuple[str, int]] = set()
        self.vcache: dict[int, str] = {}
        self.used: set[str] = set()
        self.figures: dict[str, dict] = {}  # incident id -> the figures this article states
        self.vague: set = set()  # figures written as 'dozens' (no number to record)
        self.uk = outlet[O_DSTYLE] == "uk"
        self.words_below = 10 if self.style in ("wire_ap", "afp", "ngo", "analysis") else (
            0 if self.style == "brief" else (21 if rng.random() < 0.3 else 10))

    def log(self, inc: Inc, cl: Claim, alt: bool):
        """Remember which figures the text now states for this incident (truth per article)."""
        f = self.figures.setdefault(inc.id, {})
        vague = {x[0] for x in self.vague}
        st = {x for x in self.stated if x[0] not in vague}
        if "alt" in vague:
            alt = False
        k = [cl.k[r] for r in range(3) if ("k", r) in st]
        if k:
            f["killed"] = min(f.get("killed", 1 << 30), sum(k))
        w = [cl.w[r] for r in range(3) if ("w", r) in st]
        if w:
            f["wounded"] = min(f.get("wounded", 1 << 30), sum(w))
        if ("arr", 0) in st:
            f["arrested"] = min(f.get("arrested", 1 << 30), cl.arr)
        if ("abd", 0) in st:
            f["abducted"] = min(f.get("abducted", 1 << 30), cl.abd)
        if alt and cl.alt is not None:
            field, role, v = cl.alt
            name = {"k": "killed", "w": "wounded", "arr": "arrested", "abd": "abducted"}[field]
            if name in f:
                base = (cl.k if field == "k" else cl.w)[role] if field in ("k", "w") else f[name]
                f.setdefault("higher", {})[name] = f[name] - base + v if field in ("k", "w") else v

    # -- choices
    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def fact(self, inc: Inc, key: str, seq):
        """A choice shared by every article about this incident (a fact, not a wording)."""
        return seq[stable(inc.seed, key) % len(seq)]


    # -- names
    def _names(self, key):
        table = NAMES.get(key)
        if table is None:
            return None
        reg = self.reg
        while reg not in table:
            nxt = REGISTER_FALLBACK[reg]
            if nxt == reg:
                break
            reg = nxt
        return table.get(reg) or table.get("wire") or next(iter(table.values()))

    def gname(self, key: str) -> str:
        """The actor's name, full at first mention, short afterwards."""
        names = self._names(key)
        if names is None:
            return ACTORS[key][0]
        if key in self.seen:
            name = names[1][stable(self.o[O_NAME], key, 2) % len(names[1])]
        else:
            self.seen.add(key)
            name = names[0][stable(self.o[O_NAME], key, 1, self.rng.random() < 0.3) % len(names[0])]
        if key == "NGF":
            if self.theatre == "NG_NW":
                name = name.replace("Hadin Kai", "Fansan Yamma")
            elif self.theatre == "NG_C":
                name = name.replace("Hadin Kai", "Safe Haven")
        return name

    def gmod(self, key: str) -> str:
        """The group's name as a modifier ('suspected ISIS members'); gunmen for the unidentified."""
        if ACTORS[key][1] == "unidentified":
            return self.mnoun(key)
        m = MODIFIER.get(key)
        if m is None:
            return self.gname(key)
        self.seen.add(key)
        return m.get(self.reg) or m.get("*") or m.get("wire")

    def victims(self, inc: Inc) -> str:
        v = self.vcache.get(inc.seed)
        if v is None:
            v = self.vcache[inc.seed] = self.pick(VICTIMS.get(inc.vict or "civilians", VICTIMS["civilians"]))
        return v

    def mnoun(self, key: str, vict: str | None = None) -> str:
        """Plural noun for members of an actor (or for the victims)."""
        kind = ACTORS[key][1]
        if key == "CIV":
            return self.pick(VICTIMS.get(vict or "civilians", VICTIMS["civilians"]))
        if kind == "unidentified":
            return self.pick(UNK_NOUNS.get(self.theatre, UNK_NOUNS["*"]))
        if kind == "militant":
            if key == "IS" and self.reg in ("kurd", "syr", "iraq") and self.rng.random() < 0.4:
                return "ISIS members"
            return self.pick(MILITANT_NOUNS[self.reg])
        if key == "NGF" and self.theatre in ("NG_C", "NG_NW") and self.rng.random() < 0.2:
            return "police officers"
        return self.pick(STATE_NOUNS[key])

    def subj(self, key: str) -> str:
        """A subject noun phrase for an actor: 'ISWAP fighters', 'gunmen', 'the Malian army'."""
        kind = ACTORS[key][1]
        if kind == "unidentified":
            return self.mnoun(key)
        if kind in ("state", "militia"):
            return self.gname(key)
        first = key not in self.seen
        name = self.gname(key)
        noun = self.pick(MILITANT_NOUNS[self.reg])
        if name.startswith("the ") or "(" in name or "," in name:
            if first or self.rng.random() < 0.5:
                return name if self.rng.random() < 0.4 else f"{noun} from {name}" if self.rng.random() < 0.5 else f"{noun} of {name}"
            return name
        r = self.rng.random()
        if r < 0.45:
            return f"{name} {noun}"
        if r < 0.7:
            return f"suspected {name} {noun}"
        return name

    # -- numbers
    def num(self, n: int, start: bool = False) -> str:
        if start:
            return cap(words(n)) if n < 100 else f"A total of {n:,}"
        if n < self.words_below or (n == 1):
            return words(n)
        return f"{n:,}"

    def count(self, n: int, noun: str, form: str = "exact", start: bool = False) -> str:
        """'five soldiers', 'at least 12 villagers', 'a dozen fishermen', 'dozens of gunmen'."""
        if n == 1 and form in ("exact", "atleast", "some", "upto"):
            if noun == "others":
                return "Another" if start else self.pick(["another", "one other"])
            sing = SINGULAR.get(noun, noun.rstrip("s"))
            return f"{'One' if start else 'one'} {sing}" if self.rng.random() < 0.7 else f"{'A' if start else 'a'} {sing}"
        if form == "exact":
            if start and n >= 100:
                return f"A total of {n:,} {noun}"
            return f"{self.num(n, start)} {noun}"
        if form == "dozen":
            phrase = f"a dozen {noun}"
        elif form == "dozens":
            phrase = f"dozens of {noun}"
        else:
            lead = {"atleast": "at least", "some": "some", "upto": "up to", "more": "more than",
                    "nearly": self.pick(["nearly", "almost"]), "asmany": "as many as"}[form]
            phrase = f"{lead} {self.num(n)} {noun}"
        return cap(phrase) if start else phrase

    def form(self, n: int, inflated: bool, key=None) -> str:
        f = self._form(n, inflated)
        if f == "dozens" and key is not None:
            self.vague.add(key)
        return f

    def _form(self, n: int, inflated: bool) -> str:
        r = self.rng.random()
        if not inflated:
            if n == 12 and r < 0.3:
                return "dozen"
            if r < 0.68:
                return "exact"
            if r < 0.93:
                return "atleast"
            if n >= 10 and n % 5 == 0:
                return "some"
            if n >= 3 and r > 0.97:
                return "upto"
            return "atleast"
        if n >= 24 and r < 0.08:
            return "dozens"
        if r < 0.5:
            return "exact"
        if r < 0.66:
            return "atleast"
        if r < 0.78:
            return "more"
        if r < 0.88:
            return "asmany"
        return "nearly" if n >= 4 else "exact"

    # -- dates
    def absdate(self, d: dt.date, year: bool = False) -> str:
        m = MONTHS[d.month - 1]
        if self.style == "wire" and d.month not in (3, 4, 5, 6, 7):  # wire style abbreviations
            m = m[:3] + "." if len(m) > 4 and m != "September" else ("Sept." if m == "September" else m)
        s = f"{d.day} {m}" if self.uk else f"{m} {d.day}"
        if year or d.year != self.pub.year:
            s += f" {d.year}" if self.uk else f", {d.year}"
        return s

    def when(self, d: dt.date, part: str | None = None) -> str:
        """The event date as this article writes it, relative to its publication date.
        part: the time of day of the incident (early / day / night), so wordings agree."""
        for _ in range(8):
            w = self._when(d)
            if part is None:
                return w
            if any(x in w for x in ("early", "morning", "today")):
                ok = part == "early" or (part == "day" and "morning" in w and "early" not in w)
            elif any(x in w for x in ("late", "night", "overnight", "wee hours", "evening")):
                ok = part == "night" or ("overnight" in w and part == "early")
            elif "5 a.m." in w:
                ok = part == "early"
            else:
                ok = True
            if ok:
                return w
        return f"on {WEEKDAYS[d.weekday()]}" if 0 <= (self.pub - d).days <= 6 else f"on {self.absdate(d)}"

    def _when(self, d: dt.date) -> str:
        lag = (self.pub - d).days
        wd = WEEKDAYS[d.weekday()]
        r = self.rng.random()
        if self.style in ("ngo", "brief"):
            return f"on {self.absdate(d)}"
        if lag == 0:
            if self.style in ("ng_local",) and r < 0.25:
                return self.pick([f"in the early hours of {wd}", f"at about 5 a.m. on {wd}", f"on {wd}"])
            if r < 0.12:
                return self.pick(["early on " + wd, f"on {wd} morning", "earlier today"])
            return f"on {wd}" if r < 0.9 else f"on {self.absdate(d)}"
        if lag == 1:
            if r < 0.3:
                return f"on {wd}"
            if r < 0.45:
                return "yesterday" if self.style not in ("wire",) else f"on {wd}"
            if r < 0.55:
                return f"late on {wd}"
            if r < 0.65:
                return "overnight" if self.style != "ngo" else f"on the night of {self.absdate(d)}"
            if r < 0.72:
                return f"on {wd} night" if self.style != "ng_local" else f"in the wee hours of {wd}"
            if r < 0.8:
                return f"in the early hours of {wd}"
            return f"on {self.absdate(d)}"
        if lag <= 6:
            if r < 0.55:
                return f"on {wd}"
            if r < 0.65:
                return f"late on {wd}"
            if r < 0.72 and lag >= 2:
                return f"last {wd}"
            return f"on {self.absdate(d)}"
        return f"on {self.absdate(d)}"

    # -- places
    def town(self, t: Town) -> str:
        """The outlet's spelling of a town: each outlet spells a given town the same way."""
        spell = self.o[O_SPELL]
        v = t.variants
        h = stable(self.o[O_NAME], t.name)
        use_alias = len(v) > 1 and (h >> 8) % 100 < {"canon": 15, "fold": 25, "alias": 75}[spell]
        if use_alias:
            return v[1 + h % (len(v) - 1)]
        return fold(t.name) if spell == "fold" else t.name

    def admin(self, t: Town, word: bool = True) -> str:
        a = t.admin1
        if a == t.name:
            a = self.town(t)
        elif self.o[O_SPELL] != "canon":
            a = fold(a)
        if not word:
            return a
        w = ADMIN_WORD[t.cc][stable(self.o[O_NAME], "adm") % 2]
        if t.cc == "BF" and a in ("Sahel", "Nord", "Est", "Centre-Nord", "Centre-Est", "Boucle du Mouhoun",
                                  "Cascades", "Hauts-Bassins", "Sud-Ouest", "Centre-Ouest", "Centre-Sud"):
            return f"the {a} region"
        if t.cc in ("ML", "NE", "CM", "TD") and self.rng.random() < 0.5:
            return f"the {a} {w}"
        return f"{a} {w}"

    def region(self, t: Town, plain: bool = False) -> str:
        d = DIRECTION.get((t.cc, t.admin1))
        if plain:
            return COUNTRY[t.cc] if d is None or d == "anglophone" else f"{d} {COUNTRY[t.cc]}"
        c = COUNTRY[t.cc]
        if d is None or d == "anglophone":
            return c if d is None else f"Cameroon's English-speaking {fold(t.admin1) if self.o[O_SPELL] != 'canon' else t.admin1} region"
        return f"{d} {c}" if self.rng.random() < 0.6 else f"{c}'s {d} region" if t.cc != "NG" else f"{d} Nigeria"

    def place(self, t: Town) -> str:
        """The event place, after 'in'."""
        town = self.town(t)
        r = self.rng.random()
        adm = self.admin(t)
        if t.cc == "NG" and r < 0.12:
            return f"{town} local government area of {adm}"
        if t.cc == "SY" and self.reg in ("kurd", "syr") and r < 0.3:
            return f"{town} in the {self.pick(['eastern', 'western', 'northern', 'southern'])} countryside of {self.admin(t, False)}"
        if r < 0.35:
            return f"{town}, {adm}" if not adm.startswith("the ") else f"{town}, in {adm}"
        if r < 0.55:
            return f"the {'city' if t.pop >= 300_000 else 'town'} of {town} in {self.region(t)}"
        if r < 0.75:
            return f"{town} in {self.region(t, True)}'s {self.admin(t, False)} {ADMIN_WORD[t.cc][0]}" if t.cc != "BF" else f"{town} in {adm}"
        if r < 0.85:
            return f"{town}"
        return f"{town} in {COUNTRY[t.cc]}'s {self.admin(t, False)} {ADMIN_WORD[t.cc][0]}" if t.cc != "BF" else f"{town}, in {adm}"

    def person(self) -> str:
        pool = NAME_POOL[self.cc]
        return f"{self.pick(FIRST_NAMES[pool])} {self.pick(LAST_NAMES[pool])}"

    # -- attributions
    def official(self, inc: Inc, force: str | None = None) -> str:
        force = force or (inc.A if ACTORS[inc.A][1] in ("state", "militia") else
                          inc.B if ACTORS[inc.B][1] in ("state", "militia") else STATE_OF[self.cc])
        if force in ("VDP", "CJTF"):
            force = STATE_OF[self.cc]
        if self.rng.random() < 0.35:
            key = force
            if force == "NGF" and self.theatre in ("NG_NW", "NG_C") and self.rng.random() < 0.6:
                key = "NGF_police"
            role, name = SPOKES[key]
            return self.pick([f"{role} {name} said", f"according to {role} {name}", f"{name}, the {role}, said"])
        s = self.pick(OFFICIAL_BODY[force])
        if self.style in ("wire", "wire_ap") and self.rng.random() < 0.4 and " said" in s and s.endswith("said"):
            s += f" on {WEEKDAYS[self.pub.weekday()]}"
        return s

    def local(self) -> str:
        return self.pick(LOCAL_SOURCE[self.reg]).format(outlet=self.o[O_NAME], tag=self.o[O_TAG] or self.o[O_NAME],
                                                        person=self.person())

    def high(self, inc: Inc, field: str, role: int) -> str:
        """Who gives a higher figure: residents and monitors for casualties, the army for the
        militants it says it killed, the group for soldiers it says it killed."""
        state_side = (role == 0 and ACTORS[inc.A][1] == "state") or (role == 1 and ACTORS[inc.B][1] == "state")
        if self._official_is_high(inc, field, role):
            return self.official(inc)
        if field == "k" and state_side and ACTORS[inc.A][1] == "militant" and self.rng.random() < 0.3:
            return self.pick(GROUP_CLAIM).format(g=self.gname(inc.A)).replace(" in a statement on Telegram", "").replace(" through its Amaq news agency", "") + ","
        return self.pick(HIGH_SOURCE[self.reg]).format(outlet=self.o[O_NAME], tag=self.o[O_TAG] or self.o[O_NAME],
                                                       person=self.person())

    def _official_is_high(self, inc: Inc, field: str, role: int) -> bool:
        return field == "k" and role == 1 and ACTORS[inc.B][1] == "militant" and inc.kind in ("raid", "air")

    def attribution(self, inc: Inc, claim: Claim) -> str:
        if claim.infl is not None:
            s = self.high(inc, *claim.infl)
            if s.endswith(","):
                return self.local()
            return s
        if claim.alt is not None:  # the lower figure comes from the other kind of source
            return self.local() if self._official_is_high(inc, claim.alt[0], claim.alt[1]) else self.official(inc)
        if inc.kind in ("raid", "air", "arrests") or self.rng.random() < 0.55:
            return self.official(inc)
        return self.local()


# ---------------------------------------------------------------------------------------------
# casualty phrases

def role_noun(c: Ctx, inc: Inc, role: int) -> str:
    if role == 0:
        return c.mnoun(inc.A)
    if role == 1:
        return c.victims(inc) if inc.B == "CIV" else c.mnoun(inc.B)
    return "civilians"


def np_role(c: Ctx, inc: Inc, cl: Claim, field: str, role: int, start=False, noun=None) -> str:
    v = cl.k[role] if field == "k" else cl.w[role]
    c.stated.add((field, role))
    return c.count(v, noun or role_noun(c, inc, role), c.form(v, cl.infl == (field, role), (field, role)), start)


def killed_np(c: Ctx, inc: Inc, cl: Claim, roles, start=False) -> str | None:
    """'five soldiers and two civilians', 'seven people, including five soldiers'."""
    roles = [r for r in roles if cl.k[r] > 0]
    if not roles:
        return None
    if len(roles) == 1:
        return np_role(c, inc, cl, "k", roles[0], start)
    total = sum(cl.k[r] for r in roles)
    r = c.rng.random()
    if r < 0.45:
        infl = cl.infl is not None and cl.infl[0] == "k" and cl.infl[1] in roles
        c.stated.update(("k", x) for x in roles)
        head = c.count(total, "people", c.form(total, infl) if not infl else "exact", start)
        part = c.pick(roles)
        if c.rng.random() < 0.6:
            return f"{head}, including {np_role(c, inc, cl, 'k', part)}"
        n = cl.k[part]
        noun = role_noun(c, inc, part)
        if n == 1:
            return f"{head}, one of whom was a {SINGULAR.get(noun, noun)}"
        return f"{head}, {c.num(n)} of whom were {noun}"
    parts = [np_role(c, inc, cl, "k", roles[0], start)] + [np_role(c, inc, cl, "k", x) for x in roles[1:]]
    return " and ".join(parts) if len(parts) == 2 else ", ".join(parts[:-1]) + " and " + parts[-1]


def wounded_np(c: Ctx, inc: Inc, cl: Claim, roles, others=True) -> str | None:
    if cl.omit_w:
        return None
    roles = [r for r in roles if cl.w[r] > 0]
    if not roles:
        return None
    if others and len(roles) == 1 and c.rng.random() < 0.6:
        v = cl.w[roles[0]]
        c.stated.add(("w", roles[0]))
        return c.count(v, "others", c.form(v, cl.infl == ("w", roles[0]), ("w", roles[0]))).replace("one other", "another").replace("a other", "another")
    return " and ".join(np_role(c, inc, cl, "w", r) for r in roles)


def was_were(np: str) -> str:
    if np.lower().startswith(("a dozen", "dozens")):
        return "were"
    return "was" if np.lower().startswith(("one ", "a ", "an ", "another")) and " and " not in np and "people" not in np.split(",")[0] else "were"


def kill_ing(c, inc, cl, roles, wroles=None) -> str:
    k = killed_np(c, inc, cl, roles)
    w = wounded_np(c, inc, cl, wroles if wroles is not None else roles, others=bool(k))
    if k and w:
        if w.startswith(("one ", "a ")) and not w.startswith("a dozen") and " and " not in w:
            w = "another"
        return f", killing {k} and wounding {w}"
    if k:
        return f", killing {k}"
    if w:
        return f", wounding {w}"
    return ""


def kill_pass(c, inc, cl, roles, wroles=None) -> str | None:
    """'Five soldiers were killed and two others wounded' (sentence start)."""
    k = killed_np(c, inc, cl, roles, start=True)
    if not k:
        return None
    w = wounded_np(c, inc, cl, wroles if wroles is not None else roles)
    s = f"{k}{',' if ', ' in k else ''} {was_were(k)} killed"
    if w:
        s += f" and {w} {'wounded' if c.rng.random() < 0.6 else 'injured'}"
    return s


def attr_c(attr: str) -> str:
    return f", {attr}" if attr else ""


# ---------------------------------------------------------------------------------------------
# what happened: lead sentences per kind

SITES = {
    "NGF": ["a military base", "an army base", "a military post", "a forward operating base", "army positions"],
    "CJTF": ["a CJTF post", "a vigilante checkpoint", "a post manned by the Civilian JTF"],
    "SDF": ["an SDF checkpoint", "an SDF position", "a military post of the SDF"],
    "SYG": ["a security checkpoint", "a government army post", "a General Security checkpoint"],
    "IQF": ["an army post", "a military checkpoint", "a federal police checkpoint"],
    "PMF": ["a PMF position", "a Hashd post", "a PMF checkpoint"],
    "VDP": ["a VDP post", "a VDP position"],
    "*": ["a military camp", "an army post", "a military base", "a gendarmerie post"],
}
CONVOYS = {
    "SDF": ["an SDF patrol", "a vehicle carrying SDF fighters", "an SDF convoy"],
    "PMF": ["a PMF patrol", "a PMF convoy"],
    "SYG": ["a government army bus", "a military convoy", "a security patrol"],
    "*": ["a military convoy", "an army patrol", "a supply convoy escorted by the army", "a patrol"],
}
HIDEOUTS = ["a hideout", "a militant hideout", "several hideouts", "a camp", "an enclave",
            "a house used by the militants", "positions"]
BUSY = {
    "*": ["a crowded market", "a mosque during dawn prayers", "a wedding ceremony", "a motor park",
          "a checkpoint at the entrance of the town", "a displacement camp", "a funeral", "a fish market"],
    "SY": ["a crowded market", "a checkpoint", "a funeral tent", "a mosque"],
    "IQ": ["a crowded market", "a checkpoint", "a funeral tent", "a mosque"],
}
VEHICLES_CIV = ["a minibus", "a truck carrying traders", "a commercial vehicle", "a tractor",
                "a passenger bus", "a car"]
IED_NAMES = ["an improvised explosive device (IED)", "a roadside bomb", "a landmine", "an explosive device",
             "a mine"]
AIR = {
    "NGF": ["the Nigerian Air Force", "Nigerian Air Force jets", "the air component of the military operation"],
    "MLF": ["Malian army drones", "the Malian air force"], "BFF": ["Burkinabe army drones", "the Burkinabe air force"],
    "NEF": ["the Nigerien air force", "Nigerien army drones"], "IQF": ["Iraqi F-16 jets", "the Iraqi air force", "Iraqi army aircraft"],
    "SYG": ["Syrian government warplanes", "government drones"], "TDF": ["Chadian air force jets"],
    "CMF": ["the Cameroonian air force"], "SDF": ["coalition aircraft supporting the SDF"],
}
ACTIVITIES = {
    "farmers": ["farmers working on their farms", "farmers harvesting their crops", "villagers working in their fields"],
    "fishermen": ["fishermen on the shores of Lake Chad", "fishermen at a fishing settlement"],
    "loggers": ["loggers collecting firewood", "firewood collectors in the bush"],
    "worshippers": ["worshippers at a mosque", "worshippers at a church service"],
    "passengers": ["travellers on a highway", "passengers on a bus", "motorists on a major road"],
    "truffle": ["truffle hunters in the desert", "a group of truffle hunters"],
    "shepherds": ["shepherds grazing their flocks", "herders with their livestock"],
    "miners": ["gold miners at an artisanal mining site"],
    "idps": ["displaced people collecting firewood", "residents of a displacement camp"],
}


def group_after(c: Ctx, key: str) -> str:
    """A reference to the perpetrating group inside a clause: 'ISWAP', 'Boko Haram', 'gunmen'."""
    if ACTORS[key][1] == "unidentified":
        return c.mnoun(key)
    return c.gname(key)


def lead(c: Ctx, inc: Inc, cl: Claim, place: str, when: str, attr: str) -> str:
    """The sentence that states what happened, where and when (and the main figures)."""
    k = inc.kind
    r = c.rng.random()
    A, B = inc.A, inc.B
    a_ = attr_c(attr)
    if k in ("attack", "ambush", "drone"):
        if k == "drone":
            site = c.pick(SITES.get(B, SITES["*"]))
            if r < 0.5:
                return f"{cap(c.subj(A))} drones struck {site} near {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
            kp = kill_pass(c, inc, cl, (1, 2))
            if kp:
                return f"{kp} when explosive-laden drones launched by {group_after(c, A)} hit {site} in {place} {when}{a_}."
            return f"{cap(c.subj(A))} drones attacked {site} in {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        if k == "ambush":
            convoy = c.pick(CONVOYS.get(B, CONVOYS["*"]))
            if r < 0.45:
                return f"{cap(c.subj(A))} ambushed {convoy} near {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
            kp = kill_pass(c, inc, cl, (1, 2))
            if kp and r < 0.8:
                return f"{kp} when {c.subj(A)} ambushed {convoy} near {place} {when}{a_}."
            if kp:
                return f"{kp} in an ambush by {c.subj(A)} on {convoy} near {place} {when}{a_}."
            return f"{cap(c.subj(A))} ambushed {convoy} near {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        site = c.pick(SITES.get(B, SITES["*"]))
        victims_killed = cl.k[1] + cl.k[2]
        if victims_killed == 0:
            ka = killed_np(c, inc, cl, (0,))
            return (f"{cap(c.gname(B))} repelled an attack by {c.subj(A)} on {site} in {place} {when}"
                    f"{', killing ' + ka if ka else ''}{a_}.")
        if r < 0.35:
            verb = c.pick(["attacked", "stormed", "raided", "overran"])
            return f"{cap(c.subj(A))} {verb} {site} in {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        if r < 0.7:
            kp = kill_pass(c, inc, cl, (1, 2))
            return f"{kp} when {c.subj(A)} attacked {site} in {place} {when}{a_}."
        if c.style == "ng_local":
            return (f"Terrorists suspected to be members of {c.gname(A)} have killed {killed_np(c, inc, cl, (1, 2))} "
                    f"in an attack on {site} in {place} {when}{a_}.") if ACTORS[A][1] == "militant" else (
                f"{cap(c.subj(A))} have killed {killed_np(c, inc, cl, (1, 2))} in an attack on {site} in {place} {when}{a_}.")
        return f"{cap(c.subj(A))} killed {killed_np(c, inc, cl, (1, 2))} in an attack on {site} in {place} {when}{a_}."
    if k == "raid":
        hide = c.pick(HIDEOUTS)
        kb = killed_np(c, inc, cl, (1, 2))
        arr = ""
        if cl.arr and c.rng.random() < 0.5:
            arr = f" and arrested {c.count(cl.arr, 'others', c.form(cl.arr, cl.infl == ('arr', 0), ('arr', 0)))}"
            c.stated.add(("arr", 0))
        if r < 0.35:
            return f"{cap(c.gname(A))} killed {kb}{arr} in a raid on {hide} in {place} {when}{a_}."
        if r < 0.6:
            c.stated.discard(("arr", 0))  # this wording leaves the arrests to a later sentence
            kp = kill_pass(c, inc, cl, (1, 2), ())
            return f"{kp} when {c.gname(A)} raided {hide} in {place} {when}{a_}."
        if r < 0.8:
            verb = "neutralised" if c.reg in ("ng", "sahel", "gov", "iraq") else "killed"
            g = c.gname(A)
            pron = "they" if g.endswith(("s", "FDS", "ISF")) else "it"
            return f"{cap(g)} said {pron} had {verb} {kb}{arr} during an operation in {place} {when}."
        return f"{cap(c.gname(A))} clashed with {c.subj(B)} in {place} {when}, killing {kb}{arr.replace(' and arrested', ' and arresting')}{a_}."
    if k == "suicide":
        who = c.fact(inc, "bomber", ["a suicide bomber", "a female suicide bomber", "two suicide bombers",
                                     "a teenage suicide bomber"])
        busy = c.pick(BUSY.get(inc.town.cc, BUSY["*"]))
        if r < 0.45:
            refl = "herself" if "female" in who else ("themselves" if who.startswith("two") else "himself")
            return f"{cap(who)} blew {refl} up at {busy} in {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        kp = kill_pass(c, inc, cl, (1, 2))
        return f"{kp} when {who} detonated explosives at {busy} in {place} {when}{a_}."
    if k == "ied":
        dev = c.pick(IED_NAMES)
        if B == "CIV":
            veh = c.fact(inc, "veh", VEHICLES_CIV)
            kp = kill_pass(c, inc, cl, (1, 2))
            if kp and r < 0.5:
                return f"{kp} when {veh} struck {dev} near {place} {when}{a_}."
            if inc.vict == "truffle" and kp:
                return f"{kp} when {dev} exploded as they searched for truffles near {place} {when}{a_}."
            return f"{cap(dev)} planted by {group_after(c, A)} hit {veh} near {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        convoy = c.pick(CONVOYS.get(B, CONVOYS["*"]))
        kp = kill_pass(c, inc, cl, (1, 2))
        if kp and r < 0.45:
            return f"{kp} when their vehicle struck {dev} near {place} {when}{a_}."
        if r < 0.75:
            return f"{cap(dev)} planted by {group_after(c, A)} hit {convoy} near {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        return f"{cap(c.subj(A))} detonated {dev} against {convoy} near {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
    if k == "air":
        air = c.pick(AIR.get(A, ["aircraft"]))
        kb = np_role(c, inc, cl, "k", 1)
        strikes = c.pick(["a drone strike", "drone strikes"] if "drone" in air else ["air strikes", "an air strike"])
        if r < 0.4:
            return f"{cap(air)} killed {kb} in {strikes} on {c.pick(HIDEOUTS)} near {place} {when}{a_}."
        if r < 0.7:
            return f"{cap(np_role(c, inc, cl, 'k', 1, True))} were killed in {strikes} by {c.gname(A)} on {c.pick(HIDEOUTS)} near {place} {when}{a_}."
        return f"{cap(c.gname(A))} said {strikes} had killed {kb} near {place} {when}."
    if k == "shelling":
        weapon = c.pick(["shells", "artillery shells", "rockets", "mortar rounds"])
        kp = kill_pass(c, inc, cl, (1, 2))
        if kp and r < 0.45:
            return f"{kp} when {weapon} fired by {group_after(c, A)} hit {c.pick(['a residential area', 'a market', 'homes', 'a school'])} in {place} {when}{a_}."
        if r < 0.75:
            return f"{cap(c.subj(A))} shelled {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
        return f"{cap(weapon)} fired by {group_after(c, A)} landed in {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
    if k == "civattack":
        act = ACTIVITIES.get(inc.vict)
        kb = killed_np(c, inc, cl, (1, 2))
        if inc.vict == "local":
            who = c.fact(inc, "target", ["a former rebel commander", "a local council member", "a teacher",
                                         "a member of a local reconciliation committee"])
            if cl.k[1] == 1:
                return f"{cap(c.mnoun(A))} shot dead {who} in {place} {when}{a_}."
            return f"{cap(c.mnoun(A))} opened fire on a car in {place} {when}, killing {kb}, among them {who}{a_}."
        if act and r < 0.3:
            return f"{cap(c.subj(A))} opened fire on {c.pick(act)} near {place} {when}, killing {kb}{a_}."
        if r < 0.55:
            return f"{cap(c.subj(A))} killed {kb} in {place} {when}{a_}."
        if r < 0.8:
            kp = kill_pass(c, inc, cl, (1, 2))
            return f"{kp} when {c.subj(A)} attacked {place} {when}{a_}."
        return f"{cap(c.subj(A))} stormed {place} {when}{kill_ing(c, inc, cl, (1, 2))}{a_}."
    if k == "abduction":
        noun = c.victims(inc)
        c.stated.add(("abd", 0))
        ab = c.count(cl.abd, noun, c.form(cl.abd, cl.infl == ("abd", 0), ("abd", 0)))
        kb = killed_np(c, inc, cl, (1, 2))
        also = f", killing {kb}" if kb else ""
        if r < 0.4:
            return f"{cap(c.subj(A))} abducted {ab} in {place} {when}{also}{a_}."
        if r < 0.7:
            if kb:  # the killed are left to a later sentence
                c.stated -= {("k", 1), ("k", 2)}
            ab = c.count(cl.abd, noun, c.form(cl.abd, cl.infl == ("abd", 0), ("abd", 0)), True)
            return f"{ab} {was_were(ab)} kidnapped when {c.subj(A)} attacked {place} {when}{a_}."
        return f"{cap(c.subj(A))} kidnapped {ab} during a raid on {place} {when}{also}{a_}."
    if k == "arrests":
        g = c.gmod(B)
        c.stated.add(("arr", 0))
        arr = c.count(cl.arr, "", c.form(cl.arr, cl.infl == ("arr", 0), ("arr", 0))).strip()
        if r < 0.3:
            return f"{cap(c.gname(A))} arrested {arr} suspected {g} members in {place} {when}{a_}."
        if r < 0.55:
            ga = c.gname(A)
            pron = "they" if ga.endswith(("s", "FDS", "ISF")) else "it"
            return f"{cap(ga)} said {pron} had detained {arr} people suspected of belonging to {g} during a security operation in {place} {when}."
        if r < 0.8:
            return f"{cap(c.gname(A))} launched an arrest campaign against {g} cells in {place} {when}, detaining {arr} suspects{a_}."
        arr = c.count(cl.arr, "", c.form(cl.arr, cl.infl == ("arr", 0), ("arr", 0)), True).strip()
        return f"{arr} suspected {g} members were arrested in raids by {c.gname(A)} in {place} {when}{a_}."
    raise ValueError(k)


# ---------------------------------------------------------------------------------------------
# details, conflicting figures, responsibility, quotes

TIMES = ["at around 5 a.m.", "shortly after dusk", "at about 10 p.m.", "around midday", "shortly before dawn",
         "at about 4 p.m.", "during evening prayers", "at around 2 a.m."]
TIME_PART = ["early", "night", "night", "day", "early", "day", "night", "early"]  # of TIMES
ARRIVALS = ["on motorcycles", "in several pick-up trucks mounted with heavy machine guns", "in gun trucks",
            "on foot", "in a convoy of vehicles", "on dozens of motorcycles"]
AFTERMATH = ["set fire to several vehicles", "looted weapons and ammunition", "burned part of the camp",
             "made away with a military vehicle", "set houses and shops ablaze", "carted away food supplies"]
WEAPONS = ["AK-47 rifles, ammunition and motorcycles", "an explosive vest, rifles and a quantity of ammunition",
           "weapons, communication equipment and motorcycles", "rifles, hand grenades and military uniforms",
           "a machine gun, ammunition and bomb-making materials"]


def say(src: str, clause: str) -> str:
    """'Residents said 11 people were killed.' from a source phrase and a clause."""
    if src.startswith("according to"):
        return f"{cap(src)}, {clause}."
    if " told " in src or src.endswith("reported"):
        return f"{cap(src)} that {clause}."
    return f"{cap(src)} {clause}."


def remaining_figures(c: Ctx, inc: Inc, cl: Claim) -> list[str]:
    out = []
    for r in range(3):
        if cl.k[r] and ("k", r) not in c.stated:
            np_ = np_role(c, inc, cl, "k", r, True)
            ww = was_were(np_)
            if r == 0 and inc.kind in ("attack", "ambush"):
                out.append(c.pick([f"{np_} {ww} also killed in the fighting, {c.official(inc, inc.B if ACTORS[inc.B][1] != 'civilians' else None)}.",
                                   f"Troops killed {np_role(c, inc, cl, 'k', 0)} during the exchange of fire, {c.official(inc)}.",
                                   f"{np_} {ww} killed as troops repelled the assault."]))
            elif r == 0:
                out.append(c.pick([f"{np_} {ww} killed in the operation.", f"{np_} {ww} killed during the fighting, {c.official(inc)}."]))
            elif r == 2 and inc.kind == "air":
                out.append(say(c.local(), f"{np_role(c, inc, cl, 'k', 2)} were also killed in the strikes"))
            else:
                out.append(f"{np_} {ww} also killed.")
    for r in range(3):
        if cl.w[r] and not cl.omit_w and ("w", r) not in c.stated:
            np_ = np_role(c, inc, cl, "w", r, True)
            ww = was_were(np_)
            out.append(c.pick([f"{np_} {ww} wounded.", f"{np_} {ww} injured and taken to hospital.",
                               f"{np_} {ww} wounded in the attack, {c.local()}."]))
    if cl.arr and ("arr", 0) not in c.stated:
        c.stated.add(("arr", 0))
        n = c.count(cl.arr, "suspects", c.form(cl.arr, cl.infl == ("arr", 0), ("arr", 0)), True)
        out.append(c.pick([f"{n} {was_were(n)} arrested.", f"{n} {was_were(n)} detained during the operation."]))
    if cl.abd and ("abd", 0) not in c.stated:
        c.stated.add(("abd", 0))
        out.append(f"The attackers also abducted {c.count(cl.abd, 'people', c.form(cl.abd, cl.infl == ('abd', 0), ('abd', 0)))}, {c.local()}.")
    return out


def alt_sentence(c: Ctx, inc: Inc, cl: Claim) -> str | None:
    if cl.alt is None:
        return None
    field, role, v = cl.alt
    src = c.high(inc, field, role)
    form = c.form(v, True, ("alt", 0))
    if src.endswith(","):  # a group's claim
        g = src[:-1].replace(" said", "").replace(" claimed", "")
        g = re.sub(r" claimed responsibility.*$", "", src[:-1])
        if field == "k":
            return f"{cap(g)} later claimed to have killed {c.count(v, role_noun(c, inc, role), form)}."
        src = c.local()
    if field == "k":
        noun = role_noun(c, inc, role)
        options = [say(src, f"{c.count(v, noun, form)} had been killed"),
                   f"However, {src.replace('according to ', '') if src.startswith('according to') else src} the toll was higher, at {c.num(v)}."
                   if (inc.k[0] > 0) + (inc.k[1] > 0) + (inc.k[2] > 0) == 1 and not src.startswith("according") else
                   say(src, f"{c.count(v, noun, form)} died"),
                   f"{cap(src)} put the number of {noun} killed at {c.num(v)}." if src.endswith(" said") else
                   say(src, f"{c.count(v, noun, form)} were killed")]
        return c.pick(options)
    if field == "w":
        return say(src, f"{c.count(v, 'people', form)} were wounded")
    if field == "arr":
        return say(src, f"{c.count(v, 'people', form)} had been detained")
    return say(src, f"{c.count(v, 'people', form)} were missing after the attack")


def responsibility(c: Ctx, inc: Inc) -> str | None:
    A = inc.A
    kind = ACTORS[A][1]
    if inc.kind in ("raid", "air", "arrests") or kind in ("state", "militia"):
        return None
    if kind == "unidentified":
        return c.pick(["No group has claimed responsibility for the attack.",
                       "It was not immediately clear who was behind the attack.",
                       "The identity of the attackers was not immediately known.",
                       "No one has claimed responsibility."])
    g = c.gmod(A)
    return c.pick([f"{cap(g)} claimed responsibility for the attack in a statement on Telegram.",
                   f"Residents blamed {g}, which is active in the area.",
                   f"The military blamed the attack on {g}.",
                   f"{cap(g)} later claimed the attack through its propaganda channels.",
                   f"Security sources attributed the attack to {g}."])


PAST_ATTACK = ["{town} has been attacked several times since {year}, when {g} fighters briefly seized the town.",
               "In {year}, {g} fighters overran the town and held it for several days.",
               "The town was the scene of heavy fighting in {year}."]
VICTIM_DETAIL = ["Most of the victims were farmers returning from their fields.",
                 "Women and children were among the victims, residents said.",
                 "Several of the victims belonged to the same family.",
                 "The dead were buried the following day."]


AFTERMATH_BY_KIND = {
    "attack": ["Troops later regained control of the area, and residents who had fled began returning the following day.",
               "Reinforcements arrived from a neighbouring base and the attackers withdrew before dawn.",
               "The attackers also burned a communications mast, cutting telephone links with the area."],
    "ambush": ["Reinforcements were sent to the area and the wounded were evacuated by helicopter.",
               "The road, a key supply route, was closed to civilian traffic after the attack."],
    "raid": ["The military said troops had also destroyed several makeshift structures used by the militants.",
             "Troops were continuing to comb the surrounding area for fleeing fighters, the statement added."],
    "air": ["The military said it would continue the air campaign until the area was cleared.",
            "Residents reported hearing several explosions and seeing aircraft circling over the area."],
    "suicide": ["Hospital officials said several of the wounded were in critical condition.",
                "Authorities later banned the use of motorcycles in the town as a security measure."],
    "ied": ["The road was closed to traffic for several hours.",
            "Army engineers later swept the area for other explosive devices."],
    "shelling": ["Some of the wounded were transferred to hospitals further from the front line.",
                 "Many families spent the night in the open after fleeing their homes."],
    "civattack": ["Residents spent the following day searching the bush for those still missing.",
                  "Many of the survivors fled to the nearest town, where they are sheltering with relatives.",
                  "Traditional leaders appealed to the authorities to station troops permanently in the area."],
    "abduction": ["Security forces said they had launched a search-and-rescue operation.",
                  "Families of the victims said they had not yet been contacted by the kidnappers.",
                  "Some of the victims managed to escape and return home, relatives said."],
    "arrests": ["Officials said the suspects would be prosecuted under anti-terrorism laws.",
                "The authorities said the cell had been planning attacks during an upcoming religious holiday."],
    "drone": ["The army said its air defences had shot down several other drones.",
              "Government forces responded with artillery fire on areas held by the group, according to monitors."],
}


def statement(c: Ctx, inc: Inc) -> str:
    force = inc.A if ACTORS[inc.A][1] == "state" else inc.B if ACTORS[inc.B][1] == "state" else STATE_OF[inc.town.cc]
    org = c.pick(OFFICIAL_BODY.get(force, ["the authorities said"])).split(" said")[0].split(" reported")[0]
    what = {
        "attack": "its troops had repelled the attack after a fierce gun battle and were pursuing the fleeing attackers",
        "offensive": "the operation was carried out on the basis of credible intelligence and was part of ongoing clearance operations",
        "arrests": "the suspects had been involved in attacks on civilians and security forces and had been handed over for investigation",
        "civilian": "security forces had been deployed to the area to restore calm and hunt down the perpetrators",
    }[QUOTE_GROUP[inc.kind]]
    tail = c.pick([" It called on residents to report the movement of suspicious persons.",
                   " It said further details would be provided later.", "",
                   " It urged the public to disregard rumours circulating on social media."])
    return f"In a statement, {org} said {what}.{tail}"


def fact_sentences(c: Ctx, inc: Inc) -> list[str]:
    k = inc.kind
    t = inc.town
    out = []
    if k in ("attack", "civattack", "abduction") and c.rng.random() < 0.5:
        n = c.fact(inc, "numbering", [x for x in (20, 30, 40, 50, 60, 100, 150, 200) if x >= 2 * inc.k[0]] or [300])
        out.append(c.pick([f"Witnesses said about {c.num(n)} attackers took part in the assault.",
                           f"The attackers, numbering more than {c.num(n)}, split into groups and surrounded the area, witnesses said."]))
    if k == "civattack" and c.rng.random() < 0.5:
        out.append(c.fact(inc, "vdetail", VICTIM_DETAIL))
    if ACTORS[inc.A][1] == "militant" and c.rng.random() < 0.25:
        out.append(c.fact(inc, "past", PAST_ATTACK).format(town=c.town(t), year=2014 + stable(inc.seed, "y") % 9,
                                                           g=c.gmod(inc.A)))
    if k in ("attack", "civattack", "abduction"):
        out.insert(0, f"The attackers arrived {c.fact(inc, 'arr', ARRIVALS)} {c.fact(inc, 'time', TIMES)}"
                   f" and {c.fact(inc, 'after', AFTERMATH)}, {c.local()}.")
        out.append(c.pick(["The assault lasted several hours before reinforcements arrived.",
                           "Residents said many people fled into the bush during the attack.",
                           "Telephone networks in the area are poor, and details took time to emerge.",
                           "Several houses and vehicles were burned."]))
    if k == "ambush":
        out.append(f"The convoy came under fire {c.fact(inc, 'time', TIMES)} on a road outside the town, {c.local()}.")
    if k in ("raid", "air", "arrests"):
        out.append(c.pick([f"Troops recovered {c.fact(inc, 'weap', WEAPONS)}.",
                           f"Seized items included {c.fact(inc, 'weap', WEAPONS)}.",
                           "The operation followed intelligence reports about the presence of commanders in the area.",
                           "The suspects were handed over for further investigation." if k == "arrests" else
                           "The militants had been using the area to plan attacks, the statement said."]))
    if k == "suicide":
        out.append(c.pick(["The wounded were taken to the main hospital, where doctors appealed for blood donations.",
                           f"The explosion happened {c.fact(inc, 'time', TIMES)}, when the area was busy.",
                           "Security forces cordoned off the area after the blast."]))
    if k == "ied":
        out.append(c.pick(["The device had been buried under a dirt road.",
                           "Explosive ordnance disposal teams later swept the road.",
                           "The road had been reopened only weeks earlier."]))
    if k == "shelling":
        out.append(c.pick(["Rescue workers pulled victims from the rubble." if t.cc != "SY" else
                           "Rescue workers from the Syrian Civil Defence, known as the White Helmets, pulled victims from the rubble.",
                           "Many families fled to nearby villages after the bombardment.",
                           "Schools in the area were closed after the attack."]))
    if k == "drone":
        out.append("The drones were launched from areas controlled by the group, a military source said.")
    out.append(c.pick(AFTERMATH_BY_KIND[k]))
    return out


BIGGEST: dict[tuple[str, str], Town] = {}  # (cc, admin1) -> its largest town, set by main()
BEARINGS = ["north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"]


def distance_bearing(a: Town, b: Town) -> tuple[int, str]:
    """Distance (km) and compass direction of town a as seen from town b."""
    import math
    la1, lo1, la2, lo2 = map(math.radians, (float(b.lat), float(b.lon), float(a.lat), float(a.lon)))
    d = 2 * 6371 * math.asin(math.sqrt(math.sin((la2 - la1) / 2) ** 2 +
                                       math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2))
    y = math.sin(lo2 - lo1) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    brg = (math.degrees(math.atan2(y, x)) + 360) % 360
    return int(round(d / 5) * 5), BEARINGS[int((brg + 22.5) // 45) % 8]


ORDINALS = ["second", "third", "fourth", "fifth"]


def context_sentences(c: Ctx, inc: Inc) -> list[str]:
    t = inc.town
    out = []
    big = BIGGEST.get((t.cc, t.admin1))
    if big is not None and big is not t:
        d, brg = distance_bearing(t, big)
        if d >= 10:
            out.append(c.pick([f"{c.town(t)} lies about {d} km {brg} of {c.town(big)}.",
                               f"{c.town(t)} is about {d} kilometres ({round(d * 0.621)} miles) {brg} of {c.town(big)}.",
                               f"The town is some {d} km from {c.town(big)}."]))
    adm = c.admin(t, False)
    out.append(c.pick(["The area has seen repeated attacks in recent months.",
                       f"It was the {c.pick(ORDINALS)} such incident in {adm} this month, according to local sources.",
                       "Residents said the security situation had deteriorated since the army withdrew from several outposts in the area.",
                       "The town hosts thousands of people displaced by the conflict.",
                       "The incident came amid a surge of violence in the area.",
                       f"Security in {adm} has deteriorated sharply this year."]))
    if inc.kind in ("civattack", "suicide", "shelling", "abduction") and c.rng.random() < 0.6:
        if t.cc == "NG":
            out.append(f"The {adm} State government condemned the attack and ordered an investigation.")
        elif t.cc == "SY":
            out.append("The United Nations called on all parties to protect civilians.")
        else:
            out.append(c.pick(["The government condemned the attack and promised to bring those responsible to justice.",
                               "The United Nations condemned the violence and called for the protection of civilians."]))
    return out


MILITARY_QUOTES = [
    "We heard heavy gunfire and explosions for hours",
    "The soldiers fought back, but the attackers were many",
    "Everybody locked themselves inside. Nobody dared to go out until the morning",
    "We saw military vehicles burning near the camp",
    "Since the attack, people are afraid to travel on that road",
]
RESIDENT_QUOTES = [
    "They came in large numbers and started shooting at anyone they saw",
    "We have buried the dead, but many people are still missing",
    "Nobody slept last night. We are afraid they will come back",
    "The soldiers arrived hours after the attackers had left",
    "We are farmers. We have nothing to do with this war",
    "We cannot go to our farms any more. Every week it is the same story",
    "People are leaving the town. Those who stay are living in fear",
    "I hid under a bed with my children until the shooting stopped",
]
OFFICIAL_QUOTES = {
    "attack": ["Our troops responded swiftly and repelled the attack", "Efforts are ongoing to track down the attackers",
               "The gallant troops held their ground and inflicted heavy losses on the attackers"],
    "offensive": ["The operation is part of a wider campaign to deny the terrorists freedom of action",
                  "We will continue to take the fight to the terrorists in their hideouts",
                  "Clearance operations are continuing in the general area"],
    "arrests": ["The suspects are providing useful information to investigators",
                "We urge residents to report suspicious movements to the nearest security post",
                "These cells were planning attacks on civilians and security forces"],
    "civilian": ["The situation is under control and calm has returned to the area",
                 "We will not relent until the perpetrators are brought to justice",
                 "Additional personnel have been deployed to the affected communities",
                 "Efforts are ongoing to rescue the victims and arrest the perpetrators"],
}
QUOTE_GROUP = {"attack": "attack", "ambush": "attack", "drone": "attack", "raid": "offensive", "air": "offensive",
               "arrests": "arrests", "suicide": "civilian", "ied": "civilian", "shelling": "civilian",
               "civattack": "civilian", "abduction": "civilian"}
ABDUCTION_QUOTES = ["They took women and children into the bush and we do not know where they are",
                    "We are still waiting for a call from the kidnappers",
                    "They went from house to house, taking people away"]
ANALYST_QUOTES = [
    "The group has shown again that it can choose when and where to strike",
    "What we are seeing is a war of attrition, and the state is not winning it",
    "Each of these attacks erodes a little more of the trust between communities and the security forces",
    "Military pressure alone has never ended an insurgency like this one",
    "The figures that reach us are almost certainly incomplete",
]
INSTITUTES = ["Centre for Sahel Studies", "Lake Chad Research Initiative", "Levant Policy Forum",
              "Institute for Conflict Analysis", "Global Security Observatory"]


def _fresh(c: Ctx, seq):
    for _ in range(6):
        q = c.pick(seq)
        if q not in c.used:
            break
    c.used.add(q)
    return q


def quote(c: Ctx, inc: Inc, role: str = "resident") -> str:
    town = c.town(inc.town)
    if role == "resident" and inc.kind in ("raid", "air", "arrests"):
        role = "official"
    if role == "official":
        q = _fresh(c, OFFICIAL_QUOTES[QUOTE_GROUP[inc.kind]])
        force = inc.A if ACTORS[inc.A][1] in ("state",) else inc.B if ACTORS[inc.B][1] == "state" else STATE_OF[inc.town.cc]
        r, name = SPOKES.get(force, ("a military spokesman", c.person()))
        return f"“{q},” {name}, the {r}, said." if c.rng.random() < 0.5 else f"“{q},” the {r} said."
    if role == "analyst":
        q = _fresh(c, ANALYST_QUOTES)
        return f"“{q},” said {c.person()}, a researcher at the {c.pick(INSTITUTES)}."
    military = inc.kind in ("attack", "ambush", "drone") or (inc.kind == "ied" and inc.B != "CIV")
    pool = MILITARY_QUOTES if military else RESIDENT_QUOTES
    q = _fresh(c, ABDUCTION_QUOTES if inc.kind == "abduction" and c.rng.random() < 0.6 else pool)
    if c.rng.random() < 0.35:
        q += ". " + _fresh(c, pool)
    p = c.person()
    if c.style == "ng_local":
        return c.pick([f"A resident, {p}, who spoke to our correspondent on phone, said, “{q}.”",
                       f"Another resident, who pleaded anonymity for fear of reprisal, said, “{q}.”"])
    return c.pick([f"“{q},” said {p}, a resident of {town}.",
                   f"“{q},” a resident who asked not to be named told {c.o[O_NAME] if c.reg != 'afp' else c.o[O_TAG]}.",
                   f"“{q},” said {p}, who fled to a neighbouring village."])


# ---------------------------------------------------------------------------------------------
# background: generic violence, history and figures that are not incidents

BACKGROUND = {
    "NG_NE": [
        "Boko Haram launched its insurgency in 2009, and the conflict has since killed more than 35,000 people and displaced some two million in the northeast, according to the United Nations.",
        "ISWAP split from Boko Haram in 2016 and has since become the dominant jihadist faction in the Lake Chad region.",
        "The jihadists have stepped up attacks on military bases in recent months, at times using armed drones.",
        "In 2014, Boko Haram abducted 276 schoolgirls from their dormitory in Chibok, sparking global outrage.",
        "Attacks on farmers and loggers have surged as the groups seek to impose taxes on communities they accuse of collaborating with the military.",
        "The military has for years said the insurgency is in its final stages, but attacks have continued.",
        "Thousands of fighters and their families have surrendered since the death of Boko Haram leader Abubakar Shekau in 2021, according to the military.",
        "State authorities have urged displaced residents to return to their ancestral homes, but many say it is not yet safe.",
        "Humanitarian agencies estimate that more than four million people need food assistance in the northeast.",
        "The militants frequently abduct farmers and fishermen for ransom or accuse them of spying for the army.",
        "The army has also faced accusations of abuses against civilians, which it denies.",
        "Last year, the jihadists killed dozens of people in a string of attacks around Lake Chad.",
        "Road travel between towns in the state often requires a military escort.",
    ],
    "NG_NW": [
        "Northwest Nigeria has for years been plagued by criminal gangs known locally as bandits, who raid villages, kill residents and kidnap for ransom.",
        "Kidnapping for ransom has become a lucrative business in the region, with thousands of people abducted since 2020.",
        "The gangs operate from camps in vast forests straddling Zamfara, Katsina, Kaduna and Niger states.",
        "In 2021, gunmen abducted 279 schoolgirls from a school in Jangebe in Zamfara state; they were released days later.",
        "The bandits impose levies on farming communities and have attacked villages that fail to pay.",
        "Security analysts say some bandit groups have forged ties with jihadist groups operating in the northeast.",
        "The military has carried out air strikes on bandit hideouts, but attacks on villages have continued.",
        "Many residents have fled to towns and cities, leaving farmland abandoned and deepening a food crisis.",
        "Local vigilante groups have sprung up in response, but they are often outgunned.",
        "Violence in the region killed more than 2,000 people last year, according to an independent tally.",
    ],
    "NG_C": [
        "Plateau and Benue states have for years been hit by deadly clashes between farmers and herders over land and water.",
        "Hundreds of people have been killed in a wave of attacks on villages in the area since December.",
        "The violence has taken on ethnic and religious dimensions, pitting mainly Christian farmers against mostly Muslim Fulani herders.",
        "Climate change and population growth have intensified competition for land in Nigeria's central Middle Belt.",
        "Residents accuse security forces of responding too slowly to distress calls.",
        "The federal government has deployed additional troops to the area, but attacks have persisted.",
        "Amnesty International says thousands of people have been killed in the Middle Belt over the past decade.",
    ],
    "LAKE": [
        "The Lake Chad basin, where Nigeria, Niger, Chad and Cameroon meet, has been a stronghold of Boko Haram and ISWAP for more than a decade.",
        "The jihadists use the lake's countless islands and swamps as hideouts.",
        "A Multinational Joint Task Force made up of troops from the four countries has been fighting the groups.",
        "In 2020, Boko Haram killed nearly 100 Chadian soldiers in an attack on a base in Bohoma, one of the army's heaviest losses.",
        "Cameroon's Far North region has been hit by frequent raids and suicide bombings since 2014.",
        "The violence has displaced around three million people across the region, according to the UN.",
        "Fishermen and farmers are frequently targeted by the militants, who accuse them of informing on them to the military.",
        "Chad has repeatedly threatened to withdraw from the regional force, saying it bears an unfair share of the burden.",
        "Attacks have surged in recent months as the rainy season ended.",
    ],
    "CM_WEST": [
        "Cameroon's two English-speaking regions have been gripped by violence since 2017, when separatists declared an independent state.",
        "The conflict between armed separatists and government forces has killed more than 6,000 people, according to the International Crisis Group.",
        "Both sides have been accused of abuses against civilians.",
        "Schools have been a frequent target, with separatists enforcing boycotts of state education.",
        "Hundreds of thousands of people have been displaced by the fighting.",
        "Kidnappings for ransom have increased as armed groups seek funding.",
    ],
    "SAHEL": [
        "The violence, which began in northern Mali in 2012, has spread to neighbouring Burkina Faso and Niger, killing thousands of civilians and soldiers and displacing millions.",
        "The military juntas that seized power in Mali, Burkina Faso and Niger between 2020 and 2023 have turned away from France and formed the Alliance of Sahel States (AES).",
        "The juntas had promised to restore security, but attacks have continued.",
        "The tri-border area between Mali, Burkina Faso and Niger, known as Liptako-Gourma, is the epicentre of the violence.",
        "Human rights groups have accused the armies and their allies of summary executions of civilians suspected of collaborating with jihadists.",
        "Burkina Faso's junta has recruited tens of thousands of civilian auxiliaries to fight the jihadists.",
        "More than two million people have been displaced in Burkina Faso alone, and thousands of schools have closed.",
        "Access to the area is difficult, and tolls are rarely confirmed independently.",
        "Jihadist groups control large swathes of the countryside and impose blockades on some towns.",
        "The army has lost hundreds of soldiers in attacks near the borders since the 2023 coup in Niger.",
        "JNIM and the Islamic State's Sahel branch also fight each other for territory and recruits.",
        "Attacks have surged in recent months, according to conflict monitors.",
    ],
    "NE_S": [
        "Southern Niger, along the border with Nigeria, has seen a rise in cross-border raids by armed gangs.",
        "The gangs, known as bandits, steal livestock and kidnap villagers for ransom on both sides of the border.",
        "Thousands of Nigerian refugees have fled into the Maradi region to escape the violence.",
        "Local authorities have set up self-defence committees, but they lack weapons and training.",
    ],
    "SY_NE": [
        "Islamic State was territorially defeated in Syria in 2019, but its sleeper cells continue to carry out attacks, particularly in Deir ez-Zor province.",
        "The SDF controls much of northeast Syria and holds thousands of IS fighters in detention, and tens of thousands of their relatives in camps such as al-Hol.",
        "Attacks by IS cells have surged in recent months, according to monitors.",
        "Tensions between Arab tribes and the Kurdish-led authorities in Deir ez-Zor have also flared, with deadly clashes last year.",
        "The United States keeps several hundred troops in northeast Syria to support the SDF against the jihadists.",
        "The cells typically target checkpoints, oil facilities and local officials they accuse of collaborating with the SDF.",
        "The group at its height in 2014 controlled large parts of Syria and Iraq and proclaimed a caliphate.",
        "Syria's war has killed more than half a million people since it began in 2011.",
        "The SDF regularly conducts raids with the support of the US-led coalition against suspected IS members.",
    ],
    "SY_BADIA": [
        "The vast Syrian desert, known as the Badia, has been a hideout for IS remnants since the fall of their last territory in 2019.",
        "Hundreds of people, many of them truffle hunters, have been killed since 2019 by IS attacks and landmines left over from the war.",
        "The truffle season, between February and April, draws thousands of impoverished Syrians into the desert despite the danger.",
        "Government forces have carried out combing operations in the desert, but the attacks have continued.",
        "IS fighters frequently ambush army buses and convoys on the desert roads between Palmyra and Deir ez-Zor.",
        "Syria's war has killed more than half a million people since it began in 2011.",
    ],
    "SY_NW": [
        "Idlib and parts of the neighbouring provinces are controlled by Hayat Tahrir al-Sham (HTS), a former al-Qaeda affiliate.",
        "A ceasefire brokered by Russia and Turkey in March 2020 has largely held, but bombardment and clashes along the front lines are frequent.",
        "Around four million people live in the northwest, many of them displaced by fighting elsewhere in Syria.",
        "Government forces have intensified shelling of villages along the front lines in recent months.",
        "HTS has increasingly used drones to target government positions.",
        "The United Nations has warned that the escalation is endangering civilians and aid workers.",
        "Syria's war has killed more than half a million people since it began in 2011.",
    ],
    "SY_S": [
        "Daraa, the cradle of the 2011 uprising, has been plagued by assassinations, kidnappings and bombings since government forces retook the province in 2018 under a Russian-brokered deal.",
        "Many former rebels who signed reconciliation deals have since been targeted by unidentified gunmen.",
        "Local sources attribute some attacks to IS cells, others to criminal gangs and rival factions.",
        "The Syrian Observatory for Human Rights has documented hundreds of assassinations in the province in recent years.",
        "Drug smuggling toward Jordan has fuelled violence along the border.",
        "Security campaigns by government forces have done little to curb the violence.",
    ],
    "IQ": [
        "Iraq declared victory over Islamic State in December 2017, but sleeper cells remain active in rural areas of Kirkuk, Salahuddin and Diyala provinces.",
        "The rugged area where these provinces meet is difficult to police and has long served as a refuge for the militants.",
        "The US-led coalition has been winding down its mission in Iraq under an agreement with Baghdad.",
        "Iraqi forces regularly carry out operations against the group's remnants, often supported by air strikes.",
        "At its peak in 2014, the group controlled nearly a third of Iraq's territory, including Mosul, the country's second-largest city.",
        "The United Nations estimates that a few thousand of the group's fighters remain in Iraq and Syria.",
        "Attacks have declined sharply in recent years, but the group still carries out hit-and-run attacks and roadside bombings.",
        "The Hamrin mountains and the Wadi al-Shay valley are known hideouts for the militants.",
        "Iraq's army and the Popular Mobilization Forces share responsibility for security in many of the disputed areas.",
    ],
}
COUNTRY_BACKGROUND = {
    "NG": [
        "Nigeria, Africa's most populous country, faces multiple security crises, from a jihadist insurgency in the northeast to banditry in the northwest and separatist agitation in the southeast.",
        "The president took office in 2023 promising to tackle insecurity, but attacks have continued across the north.",
        "The armed forces are stretched thin, with troops deployed in more than 30 of the country's 36 states.",
        "Rising food prices and a weakening currency have compounded the hardship in conflict-hit areas.",
        "Security experts say poor coordination between the military, the police and local vigilante groups has hampered the response.",
        "Rights groups have called for investigations into allegations of abuses by both the militants and the security forces.",
        "The military has acquired new aircraft and armoured vehicles in recent years.",
        "The violence has forced the closure of hundreds of schools across the north.",
    ],
    "SY": [
        "Syria's civil war began in 2011 when the government cracked down on peaceful protests, and drew in regional and world powers.",
        "The country remains divided between areas held by the government, the Kurdish-led SDF, Turkey-backed factions and HTS.",
        "An economic collapse has left about 90 percent of Syrians below the poverty line, according to the UN.",
        "Millions of Syrians remain displaced inside the country and abroad.",
        "Efforts to revive a UN-led political process have stalled.",
        "The Syrian pound has lost most of its value since the start of the war.",
        "Monitors say violence has increased across several fronts this year.",
    ],
    "IQ": [
        "Iraq has enjoyed relative stability in recent years after decades of war, sanctions and sectarian strife.",
        "The government has sought to balance its relations with Washington and Tehran.",
        "The PMF, a coalition of mostly Shiite armed factions, was formally integrated into the state security forces in 2016.",
        "Disputed territories between the federal government and the Kurdistan Region have long suffered from security gaps exploited by the militants.",
        "Iraq has repatriated thousands of its citizens from the al-Hol camp in Syria.",
        "Unemployment and poor public services remain major grievances in the provinces once held by the group.",
    ],
    "ML": [
        "Mali's junta, in power since coups in 2020 and 2021, expelled French troops and a UN peacekeeping mission and turned to Russia for military support.",
        "The army and its Russian allies retook the northern town of Kidal from Tuareg-led rebels in November 2023.",
        "Mali has been plagued by jihadist violence since 2012.",
        "Rights groups have accused the army and its allies of killing civilians during operations, accusations the authorities reject.",
        "Blockades imposed by the jihadists have disrupted fuel and food supplies to several towns.",
    ],
    "BF": [
        "Burkina Faso's junta, in power since a coup in September 2022, has made the fight against the jihadists its priority.",
        "Around 40 percent of the country's territory is outside state control, according to estimates.",
        "The authorities have suspended several foreign media outlets over their coverage of the conflict.",
        "A general mobilisation decreed in 2023 allows the state to requisition people and goods to fight the insurgency.",
        "Burkina Faso has been battling a jihadist insurgency that spilled over from Mali in 2015.",
    ],
    "NE": [
        "Niger's military took power in a coup in July 2023, ousting the elected president.",
        "The junta expelled French troops and ended military cooperation with the United States.",
        "Niger has been battling jihadist insurgencies on its western border with Mali and Burkina Faso and on its southeastern border with Nigeria.",
        "The army has suffered heavy losses since the coup, according to security sources.",
    ],
    "TD": [
        "Chad has long been a key partner of Western countries in the fight against jihadism in the Sahel.",
        "The country has been ruled by a transitional military leader since 2021.",
        "Chad also hosts hundreds of thousands of refugees from the war in Sudan.",
        "The lake's islands and marshes make the area almost impossible to control.",
    ],
    "CM": [
        "Cameroon has been ruled by the same president since 1982.",
        "The country faces two conflicts: the Boko Haram insurgency in the Far North and the separatist crisis in the English-speaking regions.",
        "Thousands of people have fled the violence into neighbouring countries.",
        "The army has set up vigilance committees in villages to warn of attacks.",
    ],
}
ANALYSIS_EXTRA = [
    "Counter-insurgency campaigns in the region have oscillated between heavy-handed offensives and attempts at dialogue, with little lasting effect.",
    "Security spending has risen sharply, but much of it has gone on equipment rather than on the intelligence capacity that would allow the state to anticipate attacks.",
    "The armed groups have adapted, shifting from holding territory to controlling roads, markets and the movement of goods.",
    "Local economies have been hollowed out, and for many young men joining an armed group is as much an economic choice as an ideological one.",
    "Data on the conflict remain patchy: many attacks in remote areas are never reported, and those that are often come with contradictory tolls.",
    "Regional cooperation has weakened, with governments more focused on regime security than on joint operations across borders.",
    "Humanitarian access has shrunk, leaving aid agencies unable to reach communities that have been cut off for months.",
    "Past offensives show a familiar pattern: a surge of operations, a claimed turning point, and then a return of attacks once troops are redeployed.",
]
NGO_RESPONSE = [
    "Humanitarian partners are assessing needs and have pre-positioned emergency supplies.",
    "Health facilities in the area report shortages of medical supplies and staff.",
    "Access to the affected area remains restricted by insecurity; road movements require armed escorts.",
    "Partners are providing psychosocial support to affected families.",
    "The rainy season is expected to further limit access in the coming weeks.",
]

RELATED = [
    "Troops neutralise terrorists, recover weapons in fresh operation", "Gunmen kill villagers in overnight raid",
    "Governor condemns attack, vows to rebuild communities", "Army chief visits frontline troops",
    "UN warns of worsening hunger as violence displaces thousands", "Explainer: who are the jihadists of the Sahel?",
    "Security forces foil attack on town, kill attackers", "Aid agencies suspend operations after attack on convoy",
    "Analysis: why the insurgency keeps coming back", "Residents flee as fighting spreads",
]
CAPTIONS = [
    "Soldiers on patrol in the region in 2021. (AFP via Getty Images)",
    "File photo: a military vehicle on a road in the area. (Reuters/Stringer)",
    "A general view of the town's main market. Photo: {outlet}",
    "Displaced families at a camp. (AFP via Getty Images)",
    "Members of the security forces at a checkpoint. (Photo by Stringer/Anadolu via Getty Images)",
]


PROFILE = {
    "IS": ["The Islamic State group emerged from the remnants of al-Qaeda in Iraq and declared a caliphate in 2014 after seizing Mosul.",
           "The group lost its last territory in Syria, the town of Baghuz, in March 2019.",
           "Its fighters now operate in small cells, relying on hit-and-run attacks, assassinations and roadside bombs.",
           "The group's leaders have repeatedly been killed in operations by US forces and their allies.",
           "Analysts say the group still raises money through extortion and smuggling networks."],
    "ISWAP": ["ISWAP has built a reputation for targeting military bases and convoys while trying to win over civilians with services and lower taxes.",
              "The group controls territory around the shores and islands of Lake Chad.",
              "ISWAP fighters have in the past overrun army bases and seized weapons and vehicles.",
              "The faction has been weakened by infighting and rivalry with Boko Haram, according to analysts."],
    "ISGS": ["The Islamic State's Sahel branch is active mainly in the tri-border area between Mali, Niger and Burkina Faso.",
             "The group has been blamed for some of the deadliest massacres of civilians in the region.",
             "It was designated a full province of the Islamic State in 2022.",
             "Its fighters frequently clash with rival jihadists of the al-Qaeda-linked JNIM."],
    "JAS": ["The Boko Haram faction, known as JAS, is notorious for indiscriminate violence against civilians, including suicide bombings by women and children.",
            "The group was led by Abubakar Shekau until his death in 2021 during clashes with ISWAP.",
            "Its fighters are concentrated in the Sambisa forest and the Mandara mountains along the border with Cameroon.",
            "JAS has kept up raids and abductions despite losing thousands of fighters to mass surrenders."],
    "JNIM": ["JNIM, al-Qaeda's affiliate in the Sahel, was formed in 2017 through the merger of several jihadist groups.",
             "The group has expanded its operations from central Mali into Burkina Faso, western Niger and the coastal states of West Africa.",
             "It funds itself through taxation, kidnapping and control of trade routes, according to researchers.",
             "JNIM has occasionally negotiated local truces with communities and authorities."],
    "HTS": ["HTS, formerly known as the Nusra Front, cut formal ties with al-Qaeda in 2016.",
            "The group runs a civilian administration in Idlib known as the Salvation Government.",
            "It is designated a terrorist organisation by the United Nations and several Western governments."],
    "UNK": ["The armed gangs are made up of several rival groups, some with hundreds of fighters.",
            "Many of the gang leaders are known by name to local residents and officials.",
            "Previous peace deals with some of the gangs collapsed within months."],
}
HUMANITARIAN = [
    "The UN's humanitarian appeal for the country is less than a third funded.",
    "Aid workers say insecurity has made it increasingly difficult to reach people in need.",
    "Farmers have been unable to plant for several seasons, and food prices have soared.",
    "Schools and health centres in many rural areas have closed because of the violence.",
    "Humanitarian organisations have warned of rising malnutrition among children in the region.",
    "Many displaced families live in makeshift camps with little access to clean water.",
    "Aid agencies have scaled back operations in several areas after attacks on their staff.",
]
TRENDS = [
    "Conflict monitors recorded more than {n1} violent incidents in {adm} in {month}, up from {n2} a month earlier.",
    "At least {n3} people have been killed in attacks in {adm} since the start of the year, according to a tally compiled from local media reports.",
    "The number of attacks on civilians in {country} rose by {pct} percent in the first half of the year compared with the same period last year, according to monitors.",
    "According to the UN refugee agency, more than {disp} people have been displaced in {adm} alone.",
    "Aid groups say {pct2} percent of health facilities in the area are no longer functioning.",
]
REACTIONS = {
    "un": ["I am appalled by the killing of civilians", "Those responsible must be held to account",
           "Civilians must never be a target"],
    "gov": ["This barbaric act will not go unpunished", "Our hearts go out to the families of the victims",
            "The perpetrators will be hunted down and brought to justice"],
}


def trend(c: Ctx, t: Town) -> str:
    tpl = c.pick(TRENDS)
    prev = MONTHS[(c.pub.month - 2) % 12]
    n1 = 20 + int(c.rng.random() * 80)
    return tpl.format(n1=n1, n2=max(5, n1 - 5 - int(c.rng.random() * 20)), n3=f"{(40 + int(c.rng.random() * 400)):,}",
                      adm=c.admin(t, False), month=prev, country=COUNTRY[t.cc], pct=10 + int(c.rng.random() * 50),
                      disp=f"{(20 + int(c.rng.random() * 300)) * 1000:,}", pct2=20 + int(c.rng.random() * 40))


def reaction(c: Ctx, inc: Inc) -> str | None:
    if inc.kind not in ("civattack", "suicide", "shelling", "abduction", "attack"):
        return None
    if inc.town.cc == "NG" and c.rng.random() < 0.5:
        return f"“{c.pick(REACTIONS['gov'])},” the {c.admin(inc.town, False)} State governor said in a statement."
    return f"“{c.pick(REACTIONS['un'])},” the UN humanitarian coordinator in {COUNTRY[inc.town.cc]} said in a statement."


def background(c: Ctx, theatre: str, n_paras: int, t: Town | None = None, actor: str | None = None) -> list[str]:
    pool = BACKGROUND[theatre] + COUNTRY_BACKGROUND[c.cc] + c.rng.sample(HUMANITARIAN, 3)
    if t is not None:
        pool.append(trend(c, t))
    if actor in PROFILE and actor != "UNK" or (actor == "UNK" and theatre in ("NG_NW", "NE_S")):
        pool += PROFILE[actor]
    idx = list(range(len(pool)))
    c.rng.shuffle(idx)
    paras, i = [], 0
    for _ in range(n_paras):
        k = 2 if c.rng.random() < 0.5 else 3
        sents = [pool[j] for j in idx[i:i + k]]
        i += k
        if not sents:
            break
        paras.append(" ".join(sents))
    return paras


def furniture_top(c: Ctx) -> list[str]:
    out = []
    if c.rng.random() < 0.3:
        out.append(c.pick(["We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.",
                           "This site uses cookies. Read our cookie policy to learn more. Accept",
                           "Skip to content"]))
    if c.rng.random() < 0.4:
        out.append(c.pick(CAPTIONS).format(outlet=c.o[O_NAME]))
    return out


def furniture_bottom(c: Ctx) -> list[str]:
    out = []
    r = c.rng.random()
    if r < 0.5:
        out.append(c.pick(["Share", "Share this article", "Share on WhatsApp"]))
    if c.rng.random() < 0.4:
        out.append("Read more: " + c.pick(RELATED))
    if c.rng.random() < 0.4:
        out.append(c.pick(["Subscribe to our newsletter", "Get our daily newsletter in your inbox",
                           "Sign up for our newsletter to receive the latest security news"]))
    if c.rng.random() < 0.3:
        out.append("Related articles")
        k = 2 + int(c.rng.random() * 2)
        out.extend(c.rng.sample(RELATED, k))
    if c.rng.random() < 0.35:
        out.append("Leave a Reply")
        out.append("Your email address will not be published. Required fields are marked *")
    if not out:
        out.append("Share")
    return out


# ---------------------------------------------------------------------------------------------
# articles: headline and body per outlet style

EDITORS = ["Tom Hollis", "Clara Weiss", "Daniel Boyle", "Sarah Penrose", "Mark Ellery", "Ines Carver",
           "Peter Lindqvist", "Joanna Marsh"]
_LOWER_START = set(_ONES + _TENS[2:]) | {
    "a", "an", "the", "suspected", "gunmen", "troops", "at", "dozens", "some", "up", "more", "nearly",
    "almost", "as", "terrorists", "bandits", "unidentified", "armed", "unknown", "explosive", "shells",
    "rockets", "mortar", "artillery", "fighters", "militants", "jihadists", "assailants", "insurgents",
    "government", "drones", "two", "cell", "members", "soldiers", "villagers", "farmers", "civilians",
    "people", "residents", "passengers", "travellers", "worshippers", "fishermen", "shepherds", "herders",
    "students", "women", "traders", "motorists", "loggers", "firewood", "displaced", "truffle", "gold",
    "security", "coalition", "vigilantes", "volunteers", "army", "soldier", "one", "syrian", "iraqi",
}


_LOWER_START |= {"seized", "several", "telephone", "many", "schools", "rescue", "devices", "troops", "the",
                 "residents", "it", "this", "there", "he", "she", "they", "we", "our", "his", "her", "its",
                 "after", "during", "local", "most", "all", "no", "nobody", "some", "fighting", "clashes",
                 "militants", "explosive", "strikes", "air", "roadside", "landmine", "mine", "improvised"}


def decap(s: str) -> str:
    first = s.split(" ", 1)[0].lower().strip(",")
    first = first.split("-")[0]
    if first in _LOWER_START and first not in ("syrian", "iraqi"):
        return s[:1].lower() + s[1:]
    return s


def tidy(s: str) -> str:
    return re.sub(r" {2,}", " ", s).replace(" ,", ",").replace(" .", ".")


def core(c: Ctx, inc: Inc, cl: Claim, when: str | None = None, attr: str | None = None):
    c.stated = set()
    c.vague = set()
    place = c.place(inc.town)
    when = c.when(inc.date, TIME_PART[stable(inc.seed, 'time') % len(TIMES)]) if when is None else when
    attr = c.attribution(inc, cl) if attr is None else attr
    ld = tidy(lead(c, inc, cl, place, when, attr))
    rest = remaining_figures(c, inc, cl)
    facts = fact_sentences(c, inc)
    alt = alt_sentence(c, inc, cl)
    resp = responsibility(c, inc)
    c.log(inc, cl, alt is not None)
    return ld, rest, facts, alt, resp


def mention(c: Ctx, inc: Inc, main: Inc) -> str:
    """A paragraph about another (earlier) incident, with its own date and place."""
    cl = Claim(inc)
    c.stated = set()
    c.vague = set()
    if main.follow is inc and c.rng.random() < 0.5:
        gap = (main.date - inc.date).days
        what = ("a suicide bombing" if inc.kind == "suicide" else
                c.pick(["a roadside bomb attack", "an IED explosion", "a bomb attack"]))
        k = killed_np(c, inc, cl, (1, 2))
        w = wounded_np(c, inc, cl, (1, 2), others=bool(k))
        tail = f" killed {k}" if k else f" wounded {w}"
        if k and w:
            tail += f" and wounded {w}"
        op = "raid" if main.kind == "raid" else "operation"
        c.log(inc, cl, False)
        return f"The {op} came {'a day' if gap == 1 else 'two days'} after {what} in the same town{tail}."
    prefix = _fresh(c, ["In a separate incident, ", "Earlier, ", "", "Separately, ", "Elsewhere, "])
    if inc.kind not in ("raid", "arrests", "air") and c.rng.random() < 0.3:
        prefix = "In a similar attack, " if inc.kind == main.kind else "In another attack, "
    attr = "" if c.rng.random() < 0.4 else c.attribution(inc, cl)
    ld = tidy(lead(c, inc, cl, c.place(inc.town), c.when(inc.date, TIME_PART[stable(inc.seed, 'time') % len(TIMES)]), attr))
    text = prefix + (decap(ld) if prefix else ld)
    if c.rng.random() < 0.4:
        more = remaining_figures(c, inc, cl)
        if more:
            text += " " + " ".join(more)
    c.log(inc, cl, False)
    return text


def headline(c: Ctx, inc: Inc, cl: Claim) -> str:
    k = inc.kind
    t = inc.town
    town = c.town(t)
    area = c.pick([town, c.admin(t, False), c.region(t)])
    if k in ("raid", "air"):
        n, noun = cl.k[1], c.mnoun(inc.B)
    elif k == "abduction":
        n, noun = cl.abd, c.victims(inc)
    elif k == "arrests":
        n, noun = cl.arr, f"{c.gmod(inc.B)} suspects"
    else:
        n = cl.k[1] + cl.k[2]
        noun = role_noun(c, inc, 1) if cl.k[2] == 0 else "people"
        if n == 0:
            n, noun = (cl.w[1] + cl.w[2], "wounded") if (cl.w[1] + cl.w[2]) else (cl.k[0], "attackers")
    num = c.num(n) if c.style != "brief" else str(n)
    if n == 1:
        num, noun = "one", SINGULAR.get(noun, noun)
    A = inc.A
    akind = ACTORS[A][1]
    if akind == "unidentified":
        subj, plural = cap(c.mnoun(A)), True
    elif akind == "militant":
        names = c._names(A)
        subj, plural = names[1][0] if not names[1][0].startswith("the ") else names[0][0], False
        subj = cap(subj)
        if c.reg == "ng" and c.rng.random() < 0.5:
            subj, plural = f"{subj} terrorists", True
    else:
        subj, plural = cap(c._names(A)[0][0]), True
        if subj.startswith("The "):
            subj = cap(subj[4:])
            plural = not subj.endswith(("army", "military", "FAMa", "SDF", "PMF", "ANT", "Security", "General Security"))
        if "(" in subj:
            subj = subj.split(" (")[0]
    s = "" if plural else "s"
    what = {"attack": "attack", "ambush": "ambush", "raid": "raid", "suicide": "suicide bombing",
            "ied": "roadside blast", "air": "air strikes", "drone": "drone attack", "shelling": "shelling",
            "civattack": "attack", "abduction": "raid", "arrests": "raids"}[k]
    if k == "abduction":
        h = c.pick([f"{subj} abduct{s} {num} {noun} in {area}", f"{cap(num)} {noun} kidnapped in {area}"])
    elif k == "arrests":
        h = c.pick([f"{subj} arrest{s} {num} {noun} in {area}", f"{cap(num)} {noun} arrested in {area}"])
    elif noun == "wounded":
        h = f"{cap(num)} wounded in {what} in {area}"
    elif noun == "attackers":
        g = c.gmod(A) if akind != "unidentified" else "gunmen"
        h = c.pick([f"{cap(num)} attackers killed as troops repel {g} assault in {area}",
                    f"Troops repel {g} attack in {area}, kill {num}"])
    elif k in ("suicide", "ied", "shelling"):
        h = c.pick([f"{cap(what)} kills {num} {noun} in {area}", f"{cap(num)} {noun} killed in {what} in {area}"])
    else:
        h = c.pick([f"{subj} kill{s} {num} {noun} in {area}", f"{cap(num)} {noun} killed in {area} {what}"])
    if c.style == "ng_local":
        h = c.pick(["", "", "BREAKING: ", "Again, ", "Fresh attack: "]) + h + c.pick(["", "", " – Police", " – Residents", ""])
    elif c.style == "afp":
        h = f"{COUNTRY[t.cc]}: {h[0].lower() + h[1:] if h.split(' ', 1)[0].lower() in _LOWER_START else h}"
    elif c.style == "analysis":
        h = c.pick([f"Analysis: {h}, and why it matters", f"{h}: what the attack tells us about the conflict",
                    f"Analysis: after {what} in {town}, questions over {COUNTRY[t.cc]}'s strategy"])
    elif c.style == "ngo":
        h = f"Flash Update: {what} in {town}, {c.admin(t, False)} ({COUNTRY[t.cc]})"
    return h


def hub(t: Town) -> str:
    """The dateline city (upper case): the event town when it is a city, else a nearby hub."""
    h = HUB.get((t.cc, t.admin1), CAPITAL_HUB[t.cc])
    if t.pop >= 150_000 and len(t.name) < 14:
        return fold(t.name).upper()
    return h


_CITY_CASE = {"N'DJAMENA": "N'Djamena", "YAOUNDE": "Yaoundé"}


def title_case_city(s: str) -> str:
    if s in _CITY_CASE:
        return _CITY_CASE[s]
    return " ".join("-".join(p.capitalize() if p not in ("EZ", "AL", "EL") else p.lower() for p in w.split("-"))
                    for w in s.split())


def paragraphs_core(c: Ctx, a: Art, quote_role="resident"):
    inc, cl = a.inc, a.claim
    ld, rest, facts, alt, resp = core(c, inc, cl)
    paras = [ld]
    body2 = rest + ([alt] if alt else [])
    if body2:
        paras.append(" ".join(body2))
    if facts:
        paras.append(" ".join(facts[:2]))
        if len(facts) > 2:
            paras.append(" ".join(facts[2:]))
    if c.rng.random() < 0.6:
        paras.append(statement(c, inc))
    q = quote(c, inc, quote_role if c.rng.random() < 0.6 else ("official" if quote_role == "resident" else "resident"))
    paras.insert(len(paras) - (1 if c.rng.random() < 0.5 and len(paras) > 2 else 0), q)
    ctx = context_sentences(c, inc)
    paras.append(" ".join(ctx[:2]))
    if len(ctx) > 2:
        paras.append(ctx[2])
    if c.rng.random() < 0.5:
        paras.append(quote(c, inc, "official"))
    if resp:
        paras.append(resp)
    rx = reaction(c, inc)
    if rx and c.rng.random() < 0.5:
        paras.append(rx)
    return paras


def extras_paras(c: Ctx, a: Art) -> list[str]:
    return [mention(c, x, a.inc) for x in a.extras]


def render_wire(c: Ctx, a: Art):
    t = a.inc.town
    h = hub(t)
    paras = paragraphs_core(c, a)
    if c.style == "wire":
        date = "" if a.no_date else f", {c.absdate(a.pub)}"
        paras[0] = f"{h}, {COUNTRY[t.cc]}{date} ({c.o[O_TAG]}) - {paras[0]}"
    else:
        paras[0] = f"{h}, {COUNTRY[t.cc]} ({c.o[O_TAG]}) — {paras[0]}"
    paras += extras_paras(c, a)
    paras += background(c, a.inc.theatre, 6 + int(c.rng.random() * 2), a.inc.town, a.inc.A)
    if c.style == "wire":
        paras.append(f"(Reporting by {c.person()} in {title_case_city(h)}; Writing by {c.pick(EDITORS)}; "
                     f"Editing by {c.pick(EDITORS)})")
    else:
        paras.append("___")
        paras.append(f"{c.o[O_TAG]} writer {c.person()} in {title_case_city(CAPITAL_HUB[t.cc])} contributed to this report.")
    return paras


def render_afp(c: Ctx, a: Art):
    t = a.inc.town
    paras = paragraphs_core(c, a)
    paras[0] = f"{title_case_city(hub(t))} ({c.o[O_TAG]}) - {paras[0]}"
    paras.insert(2, c.pick([f"Contacted by {c.o[O_TAG]}, the army did not respond.",
                            "The toll could not be independently verified.",
                            f"“It was a massacre,” a local elected official told {c.o[O_TAG]} on condition of anonymity."
                            if a.inc.B == "CIV" and a.inc.k[1] >= 10 else "The army did not comment on the toll.",
                            "Access to the area is restricted, making independent verification difficult."]))
    paras += extras_paras(c, a)
    paras += background(c, a.inc.theatre, 5 + int(c.rng.random() * 2), a.inc.town, a.inc.A)
    ini = lambda: "".join(c.pick("abcdfghjklmnprst") for _ in range(2))  # noqa: E731
    paras.append(f"{ini()}-{ini()}/{ini()}")
    return paras


def render_ng(c: Ctx, a: Art):
    inc, cl = a.inc, a.claim
    t = inc.town
    ld, rest, facts, alt, resp = core(c, inc, cl)
    paras = []
    if c.rng.random() < 0.5:
        paras.append(f"From {c.person()}, {title_case_city(hub(t))}")
    paras.append(ld)
    if facts:
        paras.append(c.pick(["Our correspondent gathered that ", "It was gathered that ",
                             "Findings by our correspondent revealed that "]) + decap(facts[0]))
    body2 = rest + ([alt] if alt else [])
    if body2:
        paras.append(" ".join(body2))
    if len(facts) > 1:
        paras.append(" ".join(facts[1:]))
    paras.append(quote(c, inc))
    paras.append(" ".join(context_sentences(c, inc)))
    if c.rng.random() < 0.5:
        paras.append(statement(c, inc))
    force = STATE_OF["NG"]
    key = "NGF_police" if inc.theatre != "NG_NE" and c.rng.random() < 0.6 else force
    role, name = SPOKES[key]
    paras.append(c.pick([f"Confirming the incident, the {role}, {name}, said additional personnel had been deployed to the area.",
                         f"When contacted, the {role}, {name}, confirmed the attack, adding that an investigation had commenced.",
                         f"Confirming the incident, {name} said troops were on the trail of the attackers."]))
    if resp:
        paras.append(resp)
    paras += extras_paras(c, a)
    paras += background(c, inc.theatre, 5 + int(c.rng.random() * 2), inc.town, inc.A)
    paras.append(c.pick(["Efforts to reach the army spokesperson for comments were unsuccessful as of the time of filing this report.",
                         "More details later…", "The state government has condemned the attack and called for calm."]))
    return paras


def render_levant(c: Ctx, a: Art):
    inc, cl = a.inc, a.claim
    t = inc.town
    paras = paragraphs_core(c, a)
    if c.rng.random() < 0.5:
        paras[0] = f"{title_case_city(hub(t))}, {COUNTRY[t.cc]} – {paras[0]}"
    force = inc.A if ACTORS[inc.A][1] == "state" else inc.B if ACTORS[inc.B][1] == "state" else STATE_OF[t.cc]
    body = c.pick(OFFICIAL_BODY.get(force, ["officials said"]))
    if c.style == "levant_gov" and inc.A == "SYG" and inc.kind in ("raid", "arrests", "air"):
        paras.insert(1, f"The ministry said the operation came within the framework of efforts to pursue the remnants of terrorist cells and protect citizens, and that investigations were continuing.")
    else:
        link = "that " if body.endswith(("statement", "communiqué", "media")) else ""
        who = "its" if force in ("SDF", "PMF") else "security"
        what = ("the operation was continuing" if inc.kind in ("raid", "air", "arrests")
                else f"{who} forces were pursuing the perpetrators")
        paras.insert(2, f"{cap(body)} {link}{what}.")
    paras += extras_paras(c, a)
    paras += background(c, inc.theatre, 6 + int(c.rng.random() * 2), inc.town, inc.A)
    return paras


def render_sahel(c: Ctx, a: Art):
    inc, cl = a.inc, a.claim
    t = inc.town
    ld, rest, facts, alt, resp = core(c, inc, cl)
    paras = []
    if c.style == "sahel_radio":
        paras.append(f"{c.town(t)} – {ld}")
        paras.append(c.pick([f"The information was confirmed to {c.o[O_NAME]} by a local elected official.",
                             f"Our correspondent in {title_case_city(hub(t))} reports that the situation remains tense.",
                             "Several sources in the area confirmed the information."]))
    else:
        paras.append(ld)
    body2 = rest + ([alt] if alt else [])
    if body2:
        paras.append(" ".join(body2))
    if facts:
        lead_in = (f"According to local sources contacted by {c.o[O_NAME]}, " if inc.kind not in ("raid", "air", "arrests")
                   else "According to a security source, ")
        paras.append(lead_in + decap(facts[0]) + (" " + " ".join(facts[1:2]) if len(facts) > 1 else ""))
    paras.append(" ".join(context_sentences(c, inc)))
    if len(facts) > 2:
        paras.append(" ".join(facts[2:]))
    army = c.gname(STATE_OF[t.cc])
    paras.append(c.pick([f"In a communiqué, {army} said a sweep operation was under way in the area.",
                         f"The Ministry of Defence, in a communiqué read on national television, said reinforcements had been sent.",
                         f"{cap(army)} said the situation was under control."]))
    paras.append(quote(c, inc))
    if resp:
        paras.append(resp)
    paras += extras_paras(c, a)
    paras += background(c, inc.theatre, 6, inc.town, inc.A)
    return paras


def render_ngo(c: Ctx, a: Art):
    inc, cl = a.inc, a.claim
    t = inc.town
    ld, rest, facts, alt, resp = core(c, inc, cl, attr="")
    lines = [f"{COUNTRY[t.cc]}: {c.admin(t)}" if not c.admin(t).startswith("the ") else f"{COUNTRY[t.cc]}: {c.admin(t)[4:]}",
             f"Flash Update No. {1 + stable(inc.seed, c.o[O_NAME]) % 30}"]
    if not a.no_date:
        lines.append(c.absdate(a.pub, year=True))
    paras = [" | ".join(lines) if c.rng.random() < 0.4 else "\n".join(lines)]
    paras.append("SITUATION OVERVIEW")
    paras.append(" ".join([ld] + rest + ([alt] if alt else []) + facts[:1]))
    paras.append("KEY FIGURES")
    bullets = []
    people = lambda n, what: f"• {n:,} {'person' if n == 1 else 'people'} {what}"  # noqa: E731
    if sum(cl.k):
        bullets.append(people(sum(cl.k), "killed"))
    if sum(cl.w) and not cl.omit_w:
        bullets.append(people(sum(cl.w), "injured"))
    if cl.abd:
        bullets.append(people(cl.abd, "abducted"))
    if cl.arr:
        bullets.append(people(cl.arr, "arrested"))
    displaced = (5 + stable(inc.seed, "disp") % 60) * 50
    bullets.append(f"• {displaced:,} people displaced (estimate)")
    paras.append("\n".join(bullets))
    paras.append("HUMANITARIAN IMPACT")
    dest = title_case_city(hub(t))
    dest = "safer areas" if fold(dest).lower() == fold(t.name).lower() else dest
    paras.append(f"An estimated {displaced:,} people have fled {c.town(t)} and surrounding villages toward "
                 f"{dest}, according to community representatives. " + " ".join(c.rng.sample(NGO_RESPONSE, 3)))
    paras.append(" ".join(context_sentences(c, inc)))
    paras.append("PRIORITY NEEDS")
    paras.append("\n".join("• " + x for x in c.rng.sample(
        ["Emergency shelter and non-food items for displaced households", "Food assistance",
         "Medical supplies and trauma care", "Water, sanitation and hygiene", "Protection and psychosocial support",
         "Child protection services for unaccompanied children"], 3)))
    ex = extras_paras(c, a)
    if ex:
        paras.append("OTHER INCIDENTS")
        paras.append("\n".join("• " + e for e in ex))
    paras.append("CONTEXT")
    paras += background(c, inc.theatre, 4, t, inc.A)
    paras.append(f"For further information, please contact: {c.person()}, Head of Office, info@{c.o[O_DOMAIN]}")
    return paras


def source_label(src: str) -> str:
    s = src.replace("according to ", "")
    s = re.sub(r",? (?:said|reported|told)\b.*$", "", s)
    return s.rstrip(", ")


def render_brief(c: Ctx, a: Art):
    inc, cl = a.inc, a.claim
    t = inc.town
    paras = []
    sep = c.o[O_NAME] == "Conflict Watch Daily" and " – " or " | "
    head = f"{COUNTRY[t.cc].upper()}{sep}DAILY SECURITY BRIEF"
    if not a.no_date:
        head += f"{sep}{c.absdate(a.pub, year=True)}"
    paras.append(head)
    paras.append("Key incidents reported in the past 24–72 hours:")
    items = []
    for x in [inc] + a.extras:
        xcl = cl if x is inc else Claim(x)
        src = c.attribution(x, xcl)
        ld, rest, facts, alt, resp = core(c, x, xcl, when="", attr="")
        text = tidy(" ".join([ld] + rest + ([alt] if alt else [])))
        items.append(f"• {c.town(x.town)} ({c.admin(x.town, False)}), {c.absdate(x.date)}: {text} Source: {source_label(src)}.")
    paras.append("\n".join(items))
    paras.append("Other developments")
    paras.append(c.pick([f"Authorities extended a night-time curfew in parts of {c.admin(t, False)}.",
                         "Markets reopened in several towns after a week-long closure.",
                         "A humanitarian convoy reached an area that had been cut off for weeks.",
                         "Mobile phone networks were disrupted in parts of the region.",
                         "The main road between the regional capital and the border was reopened to traffic."]))
    paras.append("Assessment")
    paras += background(c, inc.theatre, 3)
    lvl = c.pick(["HIGH", "VERY HIGH", "EXTREME"])
    paras.append(f"Threat level in {c.admin(t, False)}: {lvl}. Avoid non-essential road movement; "
                 f"maintain robust journey management and check-in procedures.")
    return paras


def render_analysis(c: Ctx, a: Art):
    inc, cl = a.inc, a.claim
    paras = []
    if c.rng.random() < 0.6:
        paras.append(f"By {c.person()}")
    bg = background(c, inc.theatre, 9, inc.town, inc.A)
    extra = c.rng.sample(ANALYSIS_EXTRA, 7)
    paras.append(bg[0] if bg else "")
    paras.append(" ".join(extra[:2]))
    ld, rest, facts, alt, resp = core(c, inc, cl)
    paras.append(c.pick(["The latest reminder came this week. ", "The pattern repeated itself again. ",
                         "", "Consider the most recent attack. "]) + ld)
    body2 = rest + ([alt] if alt else []) + facts[:1]
    if body2:
        paras.append(" ".join(body2))
    if resp:
        paras.append(resp)
    paras.append(quote(c, inc, "analyst"))
    ex = extras_paras(c, a)
    paras += ex
    paras.append(" ".join(context_sentences(c, inc)))
    paras += bg[1:]
    paras.append(" ".join(extra[2:5]))
    paras.append(quote(c, inc, "analyst"))
    paras.append(" ".join(extra[5:7]))
    return [p for p in paras if p]


RENDER = {"wire": render_wire, "wire_ap": render_wire, "afp": render_afp, "ng_local": render_ng,
          "levant": render_levant, "levant_gov": render_levant, "sahel_local": render_sahel,
          "sahel_radio": render_sahel, "ngo": render_ngo, "brief": render_brief, "analysis": render_analysis}


# ---------------------------------------------------------------------------------------------
# output formats

TZ = {"SY": "+03:00", "IQ": "+03:00", "NG": "+01:00", "NE": "+01:00", "TD": "+01:00", "CM": "+01:00",
      "ML": "+00:00", "BF": "+00:00"}


def published_field(c: Ctx, a: Art) -> str:
    d = a.pub
    hh, mm = 6 + stable(a.n, "h") % 16, stable(a.n, "m") % 60
    fmt = c.o[O_PUBFMT]
    if fmt == "iso_z":
        return f"{d.isoformat()}T{hh:02d}:{mm:02d}:00Z"
    if fmt == "iso_tz":
        return f"{d.isoformat()}T{hh:02d}:{mm:02d}:00{TZ[a.inc.town.cc]}"
    if fmt == "rfc":
        return f"{WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} {hh:02d}:{mm:02d}:00 GMT"
    return d.isoformat()


def date_line(c: Ctx, a: Art) -> str:
    """A visible publication date line, in the outlet's habit."""
    d = a.pub
    r = stable(c.o[O_NAME], "dl") % 5
    hh, mm = 6 + stable(a.n, "h") % 16, stable(a.n, "m") % 60
    if r == 0:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if r == 1:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if r == 2:
        return f"Published: {d.day} {MONTHS[d.month - 1]} {d.year} {hh:02d}:{mm:02d}"
    if r == 3:
        return f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"Posted on {MONTHS[d.month - 1]} {d.day}, {d.year}"


def slugify(title: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", fold(title).lower()).strip("-")
    return s[:70].rstrip("-")


def with_furniture(c: Ctx, paras: list[str]) -> tuple[list[str], list[str], list[str]]:
    if c.rng.random() >= FURNITURE_SHARE:
        return [], paras, []
    return furniture_top(c), paras, furniture_bottom(c)


def as_txt(c: Ctx, a: Art, title: str, top, paras, bottom) -> str:
    lines = []
    if not a.no_date and c.style not in ("ngo", "brief"):
        dl = date_line(c, a)
        if c.rng.random() < 0.5:
            lines += [dl, title, ""]
        else:
            lines += [title, dl, ""]
    else:
        lines += [title, ""]
    if top:
        lines += top + [""]
    lines.append("\n\n".join(paras))
    if c.style not in ("wire", "wire_ap", "afp") and c.rng.random() < 0.5:
        lines += ["", c.o[O_NAME]]
    if bottom:
        lines += [""] + bottom
    return "\n".join(lines) + "\n"


def _yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def as_md(c: Ctx, a: Art, title: str, top, paras, bottom) -> str:
    fm = ["---", f"title: {_yaml_str(title)}", f"outlet: {_yaml_str(c.o[O_NAME])}", f"url: {a.url}"]
    if not a.no_date:
        fm.append(f"published: {a.pub.isoformat()}" if c.rng.random() < 0.6 else f"date: {_yaml_str(published_field(c, a))}")
    fm.append(f"tags: [{', '.join(_yaml_str(x) for x in (COUNTRY[a.inc.town.cc], 'security'))}]")
    fm.append("---")
    out = ["\n".join(fm), "", f"# {title}", ""]
    if top:
        out += [f"*{top[-1]}*", ""]
    for p in paras:
        if p.startswith("“") and c.rng.random() < 0.5:
            out.append("> " + p)
        elif p.isupper() and len(p) < 40:
            out.append("## " + p.capitalize())
        elif p.startswith("• "):
            out.append("\n".join("- " + ln[2:] if ln.startswith("• ") else ln for ln in p.split("\n")))
        else:
            out.append(p)
        out.append("")
    if bottom:
        out += ["---", ""] + [f"- {b}" if i else b for i, b in enumerate(bottom)] + [""]
    return "\n".join(out)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def as_html(c: Ctx, a: Art, title: str, top, paras, bottom) -> str:
    o = c.o
    pub = "" if a.no_date else published_field(c, a)
    meta = [f'<meta charset="utf-8">', f"<title>{_esc(title)} | {_esc(o[O_NAME])}</title>",
            f'<meta property="og:title" content="{_esc(title)}">',
            f'<meta property="og:site_name" content="{_esc(o[O_NAME])}">',
            f'<meta property="og:url" content="{a.url}">', f'<link rel="canonical" href="{a.url}">']
    if pub:
        meta.append(f'<meta property="article:published_time" content="{pub}">')
    nav = ("<header class=\"site-header\"><a class=\"logo\" href=\"/\">" + _esc(o[O_NAME]) + "</a>"
           "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/africa\">Africa</a></li>"
           "<li><a href=\"/middle-east\">Middle East</a></li><li><a href=\"/security\">Security</a></li>"
           "<li><a href=\"/opinion\">Opinion</a></li><li><a href=\"/subscribe\">Subscribe</a></li></ul></nav></header>")
    share = ("<div class=\"share-bar\"><span>Share</span><a href=\"#\">Facebook</a><a href=\"#\">X</a>"
             "<a href=\"#\">WhatsApp</a><a href=\"#\">Email</a></div>")
    body = []
    for p in paras:
        if p.isupper() and len(p) < 40:
            body.append(f"<h2>{_esc(p.capitalize())}</h2>")
        elif p.startswith("• "):
            body.append("<ul>" + "".join(f"<li>{_esc(ln[2:] if ln.startswith('• ') else ln)}</li>" for ln in p.split("\n")) + "</ul>")
        elif p.startswith("“"):
            body.append(f"<blockquote><p>{_esc(p)}</p></blockquote>")
        else:
            body.append(f"<p>{_esc(p)}</p>")
    time_el = "" if a.no_date else f'<time datetime="{pub}">{_esc(c.absdate(a.pub, year=True))}</time>'
    fig = ""
    if top:
        fig = f"<figure><img src=\"/img/{a.n}.jpg\" alt=\"\"><figcaption>{_esc(top[-1])}</figcaption></figure>"
    related = ""
    if bottom:
        related = "<aside class=\"related\"><h3>Related</h3><ul>" + "".join(
            f"<li><a href=\"#\">{_esc(b)}</a></li>" for b in bottom if b not in ("Share", "Related articles")) + "</ul></aside>"
    cookie = ('<div id="cookie-banner">We use cookies to improve your experience. '
              '<button>Accept</button></div>') if c.rng.random() < 0.5 else ""
    script = ('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
              f'gtag("js",new Date());gtag("config","G-{stable(o[O_NAME]) % 99999:05d}");</script>')
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "publisher": {"@type": "Organization", "name": o[O_NAME]}}, ensure_ascii=False)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + "\n".join(meta) + "\n" + script +
            f"\n<script type=\"application/ld+json\">{ld}</script>\n</head>\n<body>\n{cookie}\n{nav}\n<main>\n"
            f"<article>\n<h1>{_esc(title)}</h1>\n<div class=\"byline\">By {_esc(c.person())} {time_el}</div>\n"
            f"{share}\n{fig}\n" + "\n".join(body) + f"\n{share}\n</article>\n{related}\n</main>\n"
            "<footer><p>© " + str(a.pub.year) + f" {_esc(o[O_NAME])}. All rights reserved.</p>"
            "<a href=\"/privacy\">Privacy policy</a> <a href=\"/terms\">Terms</a></footer>\n"
            "<script src=\"/static/js/app.min.js\" defer></script>\n</body>\n</html>\n")


def render(a: Art, seed: int):
    """Render one article: (headline, text for its format or a record dict)."""
    rng = random.Random(seed * 1_000_003 + a.n)
    o = OUTLETS[a.outlet]
    c = Ctx(rng, o, a.pub, a.inc.theatre, a.inc.town.cc)
    title = tidy(headline(c, a.inc, a.claim))
    c.seen = set()
    paras = [tidy(p) for p in RENDER[o[O_STYLE]](c, a)]
    a.title = title
    a.figures = c.figures
    a.url = f"https://{o[O_DOMAIN]}/{a.pub.year}/{a.pub.month:02d}/{slugify(title)}-{a.n}"
    top, paras, bottom = with_furniture(c, paras)
    if a.fmt == "txt":
        return as_txt(c, a, title, top, paras, bottom)
    if a.fmt == "md":
        return as_md(c, a, title, top, paras, bottom)
    if a.fmt == "html":
        return as_html(c, a, title, top, paras, bottom)
    body = "\n\n".join(top + paras + bottom)
    rec = {"title": title, "body": body, "url": a.url, "outlet": o[O_NAME]}
    if not a.no_date:
        rec["published"] = published_field(c, a) if a.fmt == "jsonl" else a.pub.isoformat()
    return rec


# ---------------------------------------------------------------------------------------------
# writing (in parallel worker processes: each article has its own random stream, so the output
# does not depend on how the work is split)

_STATE: dict = {}


def _work(task):
    kind, name, idx = task
    arts, out, seed = _STATE["arts"], _STATE["out"], _STATE["seed"]
    meta = []
    if kind == "jsonl":
        lines = []
        for line_no, i in enumerate(idx, start=1):
            a = arts[i]
            rec = render(a, seed)
            lines.append(json.dumps(rec, ensure_ascii=False))
            meta.append((i, a.url, a.title, a.figures, None))
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return meta
    if kind == "single":
        for i in idx:
            a = arts[i]
            text = render(a, seed)
            a.file = f"{a.fmt}/{a.n:07d}-{slugify(a.title)[:48]}.{a.fmt}"
            (out / a.file).write_text(text, encoding="utf-8")
            meta.append((i, a.url, a.title, a.figures, a.file))
        return meta
    rows = []  # csv
    for i in idx:
        a = arts[i]
        rec = render(a, seed)
        rows.append([rec["title"], rec["body"], rec["url"], rec["outlet"], rec.get("published", "")])
        meta.append((i, a.url, a.title, a.figures, None))
    return meta, rows


def assign_formats(arts: list[Art], seed: int):
    rng = random.Random(seed ^ 0x5EED)
    n = len(arts)
    order = list(range(n))
    rng.shuffle(order)
    k = min(SINGLE_CAP, round(SINGLE_SHARE * n))
    kc = min(CSV_CAP, round(SINGLE_SHARE * n))
    fmts = {}
    pos = 0
    for fmt, cnt in (("txt", k), ("md", k), ("html", k), ("csv", kc)):
        for i in order[pos:pos + cnt]:
            fmts[i] = fmt
        pos += cnt
    jsonl_idx = []
    for i, a in enumerate(arts):
        a.n = i + 1
        a.fmt = fmts.get(i, "jsonl")
        a.file = a.record = a.url = a.title = None
        if a.fmt == "jsonl":
            jsonl_idx.append(i)
    tasks = []
    for b in range(0, len(jsonl_idx), BATCH):
        name = f"batch-{b // BATCH + 1:04d}.jsonl"
        chunk = jsonl_idx[b:b + BATCH]
        for j, i in enumerate(chunk, start=1):
            arts[i].file, arts[i].record = name, f"line {j}"
        tasks.append(("jsonl", name, chunk))
    singles = [i for i in range(n) if arts[i].fmt in ("txt", "md", "html")]
    for b in range(0, len(singles), 100):
        tasks.append(("single", None, singles[b:b + 100]))
    csv_idx = [i for i in range(n) if arts[i].fmt == "csv"]
    if csv_idx:
        tasks.append(("csv", "export.csv", csv_idx))
    return tasks


def write_truth(path: Path, seed: int, size: int, incidents: list[Inc], arts: list[Art]):
    """truth.json: one incident or article per line, so that it diffs and greps well."""
    lowest: dict[str, dict[str, int]] = {}
    for a in arts:
        for iid, f in a.figures.items():
            low = lowest.setdefault(iid, {})
            for name in ("killed", "wounded", "arrested", "abducted"):
                if name in f:
                    low[name] = min(low.get(name, 1 << 30), f[name])
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"generator": "bench/corpus.py", "seed": %d, "size": %d, "year": %d,\n' % (seed, size, YEAR))
        fh.write(' "notes": "Incident figures are the lowest figure any article states for that incident (at least 7 -> 7; '
                 '0 when no article states one). articles[].figures: what that article states per incident id (its lowest '
                 'figure; higher: a second, higher figure the same article gives). Articles are identified by url (txt files '
                 'carry none: use file + record). incident_ids lists the main incident first. lookalike_of: same town, actors, '
                 'kind and toll on another date (never the same incident). follow_up_of: a raid or arrests in the same town 1-2 '
                 'days after a bombing (a separate incident).",\n')
        fh.write(' "incidents": [\n')
        for j, inc in enumerate(incidents):
            et, se = KINDS[inc.kind]
            actors = [ACTORS[inc.A][0], ACTORS[inc.B][0]]
            if (inc.k[2] or inc.w[2]) and "Civilians" not in actors:
                actors.append("Civilians")
            low = lowest.get(inc.id, {})
            rec = {"id": inc.id, "date": inc.date.isoformat(), "location": inc.town.name,
                   "admin1": inc.town.admin1, "country": COUNTRY[inc.town.cc],
                   "geonameid": inc.town.geonameid, "event_type": et, "sub_event_type": se,
                   "actors": actors, "killed": low.get("killed", 0), "wounded": low.get("wounded", 0),
                   "arrested": low.get("arrested", 0), "abducted": low.get("abducted", 0),
                   "lookalike_of": inc.lookalike.id if inc.lookalike else None,
                   "follow_up_of": inc.follow.id if inc.follow else None}
            fh.write("  " + json.dumps(rec, ensure_ascii=False) + ("," if j < len(incidents) - 1 else "") + "\n")
        fh.write(' ],\n "articles": [\n')
        for j, a in enumerate(arts):
            ids = [a.inc.id] + [x.id for x in a.extras]
            rec = {"url": a.url, "file": f"articles/{a.file}", "record": a.record, "format": a.fmt,
                   "published": None if a.no_date else a.pub.isoformat(), "outlet": OUTLETS[a.outlet][O_NAME],
                   "title": a.title, "incident_ids": ids,
                   "figures": {i: a.figures[i] for i in ids if i in a.figures}}
            fh.write("  " + json.dumps(rec, ensure_ascii=False) + ("," if j < len(arts) - 1 else "") + "\n")
        fh.write(" ]\n}\n")


def parse_size(text: str) -> int:
    t = text.strip().lower()
    if t in SIZES:
        return SIZES[t]
    m = re.fullmatch(r"(\d+)([km]?)", t)
    if not m:
        raise argparse.ArgumentTypeError(f"size must be 1k, 10k, 100k, 1m or a number, not {text!r}")
    return int(m[1]) * {"": 1, "k": 1000, "m": 1_000_000}[m[2]]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=parse_size, required=True, help="1k, 10k, 100k, 1m (or a number)")
    ap.add_argument("--out", type=Path, required=True, help="output folder (articles/ and truth.json)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (output is the same for any value)")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = args.out / "articles"
    if args.out.exists() and any(args.out.iterdir()):
        import shutil
        if not (args.out / "truth.json").exists():
            raise SystemExit(f"{args.out} exists and is not a corpus folder; refusing to overwrite it")
        shutil.rmtree(out, ignore_errors=True)
    for sub in ("", "txt", "md", "html"):
        (out / sub).mkdir(parents=True, exist_ok=True)

    by_admin = load_towns()
    for key, towns in by_admin.items():
        BIGGEST[key] = towns[0]
    pools = town_pools(by_admin)
    incidents, arts = plan(args.size, args.seed, pools)
    tasks = assign_formats(arts, args.seed)
    t_plan = time.time() - t0

    _STATE.update(arts=arts, out=out, seed=args.seed)
    results = []
    if args.jobs > 1 and len(arts) >= 5000:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(_work, tasks, chunksize=1)
    else:
        results = [_work(t) for t in tasks]
    csv_rows = []
    for task, res in zip(tasks, results):
        meta = res
        if task[0] == "csv":
            meta, csv_rows = res
        for i, url, title, figures, file in meta:
            a = arts[i]
            a.url, a.title, a.figures = url, title, figures
            if file:
                a.file = file
    if csv_rows:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["title", "body", "url", "outlet", "published"])
        line = 1
        csv_idx = tasks[-1][2]
        for i, row in zip(csv_idx, csv_rows):
            w.writerow(row)
            line += 1 + sum(x.count("\n") for x in row)
            arts[i].file, arts[i].record = "export.csv", f"row {line}"
        (out / "export.csv").write_text(buf.getvalue(), encoding="utf-8")
    write_truth(args.out / "truth.json", args.seed, args.size, incidents, arts)
    t_all = time.time() - t0
    print(f"{len(arts):,} articles, {len(incidents):,} incidents -> {args.out} "
          f"(plan {t_plan:.1f}s, total {t_all:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
