"""Who says it: "the Interior Ministry said", "according to the Syrian Observatory for Human
Rights", "state news agency SANA reported", "it said" (the source named before)."""

from __future__ import annotations

import re

from casefile.extract.anchors import AnchoredPattern

_SAY = (r"said|says|say|stated|states|reported|reports|announced|announces|claimed|claims|"
        r"confirmed|confirms|added|adds|noted|notes|told|tells|estimated|tweeted|wrote|posted|"
        # "alleged militants" is an adjective; "police alleged that ..." a statement
        r"blamed|alleged(?=\s+(?:that|the|a|an|he|she|they|it|in|on)\b|\s*[,.;:“\"]|$)|insisted|explained|"
        r"disclosed|revealed|indicated|asserted|declared|"
        r"maintained|acknowledged|suggested|put\s+the\s+(?:death\s+)?toll\s+at")
_ACCORDING = re.compile(
    r"\b(?:according\s+to|as\s+reported\s+by|as\s+announced\s+by|citing|quoting|per)\s+"
    r"(?P<src>[^,.;:“”\"()]{2,90}?)(?=\s*(?:[,.;:“”\"()]|\bwhich\b|\bwho\b|\bthat\b|$))",
    re.IGNORECASE,
)
# "dismissed a separatist group claim that they had killed ...", "the army's claim that":
# the figures that follow are the claimant's, whoever reports or denies them.
_CLAIM_THAT = re.compile(
    r"\b(?:a|an|the)\s+(?P<src>(?:(?!(?:the|a|an)\b)[\w-]+\s+){0,4}?[\w-]+?)(?:['’]s?)?\s+claim\s+that\b"
    r"|\bclaims?\s+by\s+(?P<by>[^,.;:“”\"()]{2,60}?)\s+that\b", re.IGNORECASE)
# "<source> said": the verb, then the words before it are read as the source.
_SAY_VERB = re.compile(rf"\b(?P<verb>{_SAY})\b")
_AUX = r"also|separately|later|previously|earlier|further|reportedly|had|has|have"
_AUX_BEFORE = re.compile(rf"(?:\s+(?:{_AUX}))*\s*,?\s*$")
_APPOSITIVE_BEFORE = re.compile(rf",[ \t]*an?[ \t]+[^,;:.()“”\"]{{1,60}},(?:[ \t]+(?:{_AUX}))*[ \t]*$")
# ", said police spokesman Abdul Yusuf." (inverted)
_SAY_BEFORE = re.compile(rf"[,“”\"]\s*(?:{_SAY})\s+(?!that\b)(?P<src>[^,.;]{{3,80}}?)\s*[.,;]", re.IGNORECASE)

_PRONOUNS = {"it", "he", "she", "they", "we", "the statement", "the spokesperson",
             "the spokesman", "the spokeswoman", "the official", "the source", "the report",
             "the group", "the agency", "the monitor", "the observatory", "the ministry's statement"}
_LEADING = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|this|that|another|one|two|three|however|but|and|while|"
    r"also|separately|meanwhile|different|different\s+source|source|separately)\s+|[,\s]+)+",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"^(?:[A-Z][\w-]*|the\s+country)['’]s\s+", re.IGNORECASE)
_BASED = re.compile(r"^(?:[\w-]+-based)\s+", re.IGNORECASE)
_CANONICAL = [
    (re.compile(r"syrian\s+observatory(?:\s+for\s+human\s+rights)?|\bSOHR\b|war\s+monitor|britain-based\s+monitor|the\s+observatory", re.I),
     "Syrian Observatory for Human Rights"),
    (re.compile(r"(?:ministry\s+of\s+(?:the\s+)?interior|interior\s+ministry)(?P<rest>\s+(?:official|spokes\w+|source))?", re.I),
     "Interior Ministry"),
    (re.compile(r"(?:ministry\s+of\s+defen[cs]e|defen[cs]e\s+ministry)", re.I), "Defence Ministry"),
    (re.compile(r"\bSANA\b|syrian\s+arab\s+news\s+agency", re.I), "SANA"),
]
_NOT_SOURCES = re.compile(
    r"^(?:which|who|that|this|these|those|there|here|as|so|what|when|where|and|but|or|it\s+was|"
    r"is|was|were|has|have|had)$",
    re.IGNORECASE,
)

# "…, said Monday evening": when it was said, not who said it.
_WHEN = re.compile(r"(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|"
                   r"tonight|last\s+\w+|this\s+(?:morning|afternoon|evening|week)|earlier|later)\b", re.IGNORECASE)


def normalise_source(raw: str, previous: str | None = None) -> str | None:
    src = " ".join(raw.split()).strip(" ,.;:“”\"'’")
    src = re.sub(r"^(?:a|the)\s+(?:statement|report|communiqu[eé]|post)\s+(?:by|from|of)\s+", "", src, flags=re.I)
    # "the ministry" points back to the ministry named before.
    if re.fullmatch(r"(?:the\s+)?ministry", src, re.I):
        return previous.split(" official")[0] if previous and "Ministry" in previous else "Ministry"
    src = re.sub(r"\s+(?:in\s+a\s+statement|on\s+\w+day|in\s+\w+|on\s+\w+|separately|also)$", "", src)
    src = _LEADING.sub("", src)
    src = _POSSESSOR.sub("", src)
    src = _BASED.sub("", src)
    src = _LEADING.sub("", src)
    if not src or _NOT_SOURCES.match(src) or _WHEN.match(src) or len(src) < 2:
        return None
    for pattern, name in _CANONICAL:
        m = pattern.search(src)
        if m:
            rest = m.groupdict().get("rest")
            return name + (f" {rest.strip().lower()}" if rest else "")
    return src[0].upper() + src[1:]


_ORGANISATION = re.compile(
    r"\b(?:ministry|observatory|army|police|agency|statement|authorities|government|group|military|"
    r"office|council|department|organi[sz]ation|monitor|forces|command|directorate|service|news|"
    r"report|media|committee|commission|mission|network|unit|coalition|centre|center)\b|^[A-Z]{2,}$",
    re.IGNORECASE,
)


def is_organisation(source: str) -> bool:
    return bool(_ORGANISATION.search(source))


_ACCORDING_SCAN = AnchoredPattern(_ACCORDING)
_SAY_VERB_SCAN = AnchoredPattern(_SAY_VERB)

# "X, a Britain-based monitor, said 12 people died": after the verb, a clause, not a source.
_CLAUSE_IN_SOURCE = re.compile(r"\d|\b(?:is|are|was|were|had|has|have|will|would|could|that)\b|\b(?!armed\b)\w+ed\b",
                               re.IGNORECASE)


def attribution_of(sentence: str, previous: str | None,
                   previous_person: str | None = None,
                   body: str | None = None, start: int = 0) -> tuple[str | None, tuple[int, int] | None]:
    """The source a sentence attributes its facts to, and the span naming it (sentence offsets).

    `body` and `start`, when given, locate the sentence in the article (a faster search)."""
    if body is None:
        body, start = sentence, 0
    end = start + len(sentence)
    m = _ACCORDING_SCAN.search_in(body, start, end, sentence)
    if m:
        src = normalise_source(m["src"], previous)
        if src:
            return src, m.span("src")
    m = _CLAIM_THAT.search(sentence) if "claim" in sentence else None
    if m:
        group = "src" if m["src"] else "by"
        src = normalise_source(m[group], previous)
        if src:
            return src, m.span(group)
    for m in _SAY_VERB_SCAN.finditer_in(body, start, end, sentence):
        head = sentence[:m.start()]
        before = head.rstrip()
        # "… in the town of Ramia overnight, said a Lebanese security official": the source
        # follows the verb (the words before it are the fact, not who states it).
        if before.endswith(",") and (inverted := _SAY_BEFORE.match(sentence, len(before) - 1)) \
                and not _CLAUSE_IN_SOURCE.search(inverted["src"]) and (src := normalise_source(inverted["src"])):
            return src, inverted.span("src")
        described_to = None
        if appositive := _APPOSITIVE_BEFORE.search(head):
            # "JNIM, an Al-Qaeda affiliate, has claimed": the name before its description
            # speaks, and the description is part of who speaks ("a lawmaker representing X")
            head, described_to = head[:appositive.start()].rstrip(")"), appositive.end()
        head = head[:_AUX_BEFORE.search(head).start()]
        if not head or not re.search(r"[A-Za-z][\w’'.-]*$", head):
            continue
        # Keep only the words after the last clause break: "…in Aleppo, authorities said";
        # but "X, based in the UK, reported" is X speaking.
        chunks = re.split(r"[,;:“”\"()]|\bthat\b|\bwhich\b", head[-160:])
        while len(chunks) > 1 and not chunks[-1].strip():
            chunks.pop()
        raw = chunks[-1]
        if len(chunks) > 1 and re.match(r"\s*(?:based|headquartered|located|citing|quoting|who|which)\b", raw):
            raw = chunks[-2]
        raw = " ".join(raw.split()[-8:])
        words = raw.split()
        # The source is a noun phrase: drop leading words that belong to the previous clause.
        while words and words[0].islower() and words[0] not in ("the", "a", "an", "it", "he", "she", "they", "officials", "authorities", "residents", "police", "witnesses", "sources", "locals", "activists", "medics", "officers", "villagers", "survivors"):
            words = words[1:]
        raw = " ".join(words)
        key = raw.lower().strip()
        if key in _PRONOUNS or key.split()[-1:] in (["it"], ["he"], ["she"], ["they"]):
            person = key.split()[-1:] in (["he"], ["she"])
            back = previous_person if person and previous_person else previous
            if back:
                return back, None
            continue
        src = normalise_source(raw, previous)
        if src:
            start = sentence.rfind(raw, 0, m.start("verb"))
            return src, (start, described_to or start + len(raw)) if start >= 0 else None
    m = _SAY_BEFORE.search(sentence)
    if m:
        src = normalise_source(m["src"])
        if src:
            return src, m.span("src")
    return None, None
