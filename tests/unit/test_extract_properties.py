"""On any text, extraction never raises and every claim quotes its span exactly."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.extract import extract
from casefile.model import Span

WORDS = ["killed", "wounded", "arrested", "three", "at least", "12", "1,204", "soldiers", "militants",
         "civilians", "ISIS", "Boko Haram", "in", "Aleppo", "Maiduguri", "Deir ez-Zor", "on Saturday",
         "yesterday", "said", "police", "the army said", "according to", "raid", "attack", "bombing",
         "two of whom were", "others", "a", "the", ",", ".", "\n", "Oct. 18", "19-05-2025", "“", "”",
         "village of", "Tiloa", "dozens", "were", "was", "IS", "SDF", "—", "(AFP)", "NIAMEY"]

newsy = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join)
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def check(body, pub, excluded=()):
    for incident in extract(body, pub, excluded):
        for c in incident.claims:
            assert c.quote == body[c.start:c.end]
            assert 0 <= c.start <= c.end <= len(body)
            assert not any(s.start <= c.start < s.end for s in excluded)
        assert incident.date_precision in ("day", "week", "month", "year", "unknown")
        if pub is None:
            # a date is only resolved when the text states its year
            assert incident.date_start is None or any(
                c.field == "date" and c.quote and any(ch.isdigit() for ch in c.quote[-4:])
                for c in incident.claims)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), published)
def test_any_text(body, pub):
    check(body, pub)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsy, published, st.integers(0, 40), st.integers(0, 40))
def test_newsy_text_with_excluded_spans(body, pub, a, b):
    start, end = sorted((min(a, len(body)), min(a + b, len(body))))
    check(body, pub, [Span(start, end, "page furniture")] if end > start else [])
