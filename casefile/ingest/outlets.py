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
    "Int'l News Desk": (),
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
    return _BY_SQUASHED.get(_squash(text)) if text else None


def split_camel(text: str) -> str:
    """A run-together signature read as words: "TheDailyBrief" → "The Daily Brief"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
