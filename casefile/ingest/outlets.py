"""Known news outlets: their web domains and the ways their names are written."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# name: domains. Names are how a brief should cite the outlet.
OUTLETS: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters.com",),
    "Associated Press": ("apnews.com", "ap.org"),
    "Agence France-Presse": ("afp.com",),
    "Al Jazeera": ("aljazeera.com", "aljazeera.net"),
    "Al Arabiya": ("alarabiya.net",),
    "The National": ("thenationalnews.com", "thenational.ae"),
    "The Media Line": ("themedialine.org",),
    "BBC News": ("bbc.com", "bbc.co.uk"),
    "The Guardian": ("theguardian.com",),
    "The New York Times": ("nytimes.com",),
    "The Washington Post": ("washingtonpost.com",),
    "CNN": ("cnn.com",),
    "France 24": ("france24.com",),
    "RFI": ("rfi.fr",),
    "Deutsche Welle": ("dw.com",),
    "Anadolu Agency": ("aa.com.tr",),
    "Asharq Al-Awsat": ("aawsat.com", "english.aawsat.com"),
    "Syrian Arab News Agency": ("sana.sy",),
    "Syrian Observatory for Human Rights": ("syriahr.com",),
    "Enab Baladi": ("enabbaladi.net",),
    "North Press Agency": ("npasyria.com",),
    "Rudaw": ("rudaw.net",),
    "Kurdistan24": ("kurdistan24.net",),
    "Shafaq News": ("shafaq.com",),
    "The New Arab": ("newarab.com", "english.alaraby.co.uk"),
    "Middle East Eye": ("middleeasteye.net",),
    "Arab News": ("arabnews.com",),
    "Al-Monitor": ("al-monitor.com",),
    "Long War Journal": ("longwarjournal.org",),
    "Premium Times": ("premiumtimesng.com",),
    "Punch": ("punchng.com",),
    "Vanguard": ("vanguardngr.com",),
    "Daily Trust": ("dailytrust.com",),
    "HumAngle": ("humangle.ng",),
    "Sahara Reporters": ("saharareporters.com",),
    "Studio Kalangou": ("studiokalangou.org",),
    "Jeune Afrique": ("jeuneafrique.com",),
    "Le Monde": ("lemonde.fr",),
    "The Defense Post": ("thedefensepost.com",),
    "Xinhua": ("xinhuanet.com", "news.cn"),
    "Kurdistan Region Security Council": ("krsc.gov.krd",),
}
# Agency abbreviations seen in datelines: "BAGHDAD (Reuters) -".
AGENCY_TAGS = {"reuters": "Reuters", "afp": "Agence France-Presse", "ap": "Associated Press",
               "xinhua": "Xinhua", "anadolu": "Anadolu Agency", "sana": "Syrian Arab News Agency"}

_BY_DOMAIN = {d: name for name, domains in OUTLETS.items() for d in domains}


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_BY_SQUASHED = {_squash(name): name for name in OUTLETS}
_BY_SQUASHED.update({_squash(name.removeprefix("The ")): name for name in OUTLETS})


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
    if not host or "." not in host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if name := _BY_DOMAIN.get(".".join(parts[i:])):
            return name
    return host


def known_outlet(text: str) -> str | None:
    """The outlet a short signature names ("TheMediaLine" → "The Media Line"), if known."""
    if not text or desk_signature(text):
        return None
    return _BY_SQUASHED.get(_squash(text))


# A newsroom's own sign-off names a desk, not a publisher: "(Int'l News Desk)", "Staff reporter".
DESK_WORDS = frozenset(("desk", "newsdesk", "newsroom", "staff", "bureau", "correspondent", "correspondents",
                        "reporter", "reporters", "agencies", "wires", "editor", "editors", "team"))


def desk_signature(text: str) -> bool:
    words = re.findall(r"[a-z]+", split_camel(text).lower())
    return any(w in DESK_WORDS for w in words)


# How an article names its own publisher: a source speaks *to* the outlet that publishes it.
PUBLISHER_CUES = (
    r"told", r"said to", r"speaking to", r"spoke to", r"speaking with", r"spoke with", r"confirmed to",
    r"in an interview with", r"in a statement to", r"in comments to", r"said in remarks to",
)
_CUE = "|".join(c.replace(" ", r"\s+") for c in sorted(PUBLISHER_CUES, key=len, reverse=True))
_NAMES = "|".join(re.escape(n).replace(r"\ ", r"\s+")
                  for n in sorted({*OUTLETS, *(n.removeprefix("The ") for n in OUTLETS)}, key=len, reverse=True))
_TOLD = re.compile(rf"\b(?:{_CUE})\s+(?P<name>(?:the\s+)?(?:{_NAMES}))(?![\w-])", re.IGNORECASE)


def outlet_named_in_text(body: str | None) -> str | None:
    """The known outlet the text names as the one it speaks to ("an official told The National"):
    the one named most often, the first on a tie; None when it names none."""
    if not body:
        return None
    found: dict[str, int] = {}
    for m in _TOLD.finditer(body):
        name = known_outlet(re.sub(r"(?i)^the\s+", "", m["name"]))
        if name:
            found[name] = found.get(name, 0) + 1
    return max(found, key=found.get) if found else None


def split_camel(text: str) -> str:
    """A run-together signature read as words: "TheDailyBrief" → "The Daily Brief"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
