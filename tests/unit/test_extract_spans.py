"""Overlap tests in logarithmic time (casefile.extract.spans) agree with the plain scan."""

import random

from casefile.extract.spans import Overlaps, SpanSet


def _plain(spans, s, e):
    return any(a < e and s < b for a, b in spans)


def test_overlaps_agrees_with_a_scan_of_every_span():
    rnd = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rnd.randint(1, 30)) for a in (rnd.randint(0, 500) for _ in range(rnd.randint(0, 20)))]
        index = Overlaps(spans)
        for _ in range(50):
            s = rnd.randint(0, 540)
            e = s + rnd.randint(1, 40)
            assert index.any(s, e) == _plain(spans, s, e)


def test_spanset_keeps_only_free_spans_and_agrees_with_a_scan():
    rnd = random.Random(11)
    for _ in range(200):
        taken, kept = SpanSet(), []
        for _ in range(30):
            s = rnd.randint(0, 300)
            e = s + rnd.randint(1, 25)
            free = not _plain(kept, s, e)
            assert taken.overlaps(s, e) == (not free)
            assert taken.add(s, e) == free
            if free:
                kept.append((s, e))
        assert len(taken) == len(kept)


def test_touching_spans_do_not_overlap():
    assert not Overlaps([(0, 5)]).any(5, 9)
    assert Overlaps([(0, 5), (2, 40)]).any(30, 31)   # a long span behind a short one
