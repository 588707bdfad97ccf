"""Which language an article is written in, when its metadata does not say: enough to tell
English, which the extractor reads, from the other languages of conflict reporting, which it
does not (a French dispatch from Ituri is stored and searchable, but its sentences would only
feed English rules noise).

A share of each language's commonest function words over the article's opening. Function
words make up a fifth to a third of any running text in its language and almost none of
another's, so a few hundred words decide it; a statistical identifier (py3langid, langdetect)
would cost a model load per process and a millisecond per article, a sixth of extraction.
"""

from __future__ import annotations

import re

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is was were that for on with by at from as his her their "
                    "has have had said it which who are be been this an".split()),
    "fr": frozenset("le la les des du de et est dans une un par pour sur qui que ont été au aux "
                    "ce cette il elle ils sont se pas avec leur selon".split()),
    "es": frozenset("el la los las del de y en que por con una un para fue se al su sus como "
                    "más según este esta han ha".split()),
    "pt": frozenset("o a os as do da dos das de e em que por com uma um para foi não no na nos "
                    "nas ao seu sua segundo".split()),
    "de": frozenset("der die das und ist von mit den dem des ein eine nicht auf im zu sich sie "
                    "wurde wurden bei nach".split()),
    "it": frozenset("il lo gli della di che per con una un sono nel nella è del dei delle alla "
                    "anche secondo stati".split()),
}
NAMES = {"en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "de": "German",
         "it": "Italian"}
OPENING = 3000  # characters read: a few hundred words
MIN_WORDS = 40  # fewer say too little to tell
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> str | None:
    """The language code of the text ("en", "fr", ...), or None when it is too short to tell
    or written in none of these (another script, a list of names)."""
    words = [w.lower() for w in _WORD.findall(text[:OPENING])]
    if len(words) < MIN_WORDS:
        return None
    shares = {code: sum(w in vocabulary for w in words) / len(words)
              for code, vocabulary in FUNCTION_WORDS.items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= 0.08 else None


def reads_as_english(language: str | None) -> bool:
    """Whether the extractor should read a text of this language: English, or unknown."""
    code = (language or "").strip().lower()
    return code in ("", "und") or code.startswith("en")  # "en", "en-GB", "English"


def language_name(code: str | None) -> str:
    """"French" for "fr"; the code itself for a language this module does not name."""
    return NAMES.get((code or "").lower().split("-")[0].split("_")[0], code or "an unknown language")
