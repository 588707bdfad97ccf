"""Quotes in the brief: a cut quotation always closes its marks, bold covers only the words
that state a claim's value (never a quotation mark, never past the clause with the number)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import importlib

brief_render = importlib.import_module("casefile.brief.render")  # the module (the package exports a function of that name)
from casefile.brief.quotes import balance, balanced, bold_pieces, qualifier_words, stating_span
from casefile.model import Claim

MD = MarkdownIt("commonmark")
WORDS = ["killed", "three", "six", "19,381", "4", "militants", "were", "wounding", "a", "local", "official",
         "said", "the", "ministry", "seized", "weapons", "and", "senior", "planner", "in", "Aleppo", "(IS)",
         ",", ".", ";", "“", "”", '"', "—", "Oct.", "U.S.", "\n"]


def claim(n: int, start: int, end: int, body: str, field: str) -> Claim:
    return Claim(n, 1, 1, field, body[start:end], 3 if field == "killed" else None, "exact", "unknown", None,
                 start, end, body[start:end], "", "", "exact", "extractor", None)


def strongs_and_text(markdown: str) -> tuple[list[str], str]:
    """The text of every bold run, and the whole text as a reader sees it."""
    strong, runs, text = None, [], []
    for token in MD.parseInline(markdown)[0].children:
        if token.type == "strong_open":
            strong = []
        elif token.type == "strong_close":
            runs.append("".join(strong))
            strong = None
        elif token.type == "text":
            text.append(token.content)
            if strong is not None:
                strong.append(token.content)
        elif token.type == "softbreak":
            text.append("\n")
    return runs, "".join(text)


@st.composite
def bodies_and_claims(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=160))
    body = ""
    for w in words:
        body += ("" if not body or w in ",.;”" or body.endswith(("“", "\n")) else " ") + w
    spans = []
    for n in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(body) - 2))
        end = draw(st.integers(start + 1, min(len(body), start + 60)))
        if body[start:end].strip():
            spans.append(claim(n + 1, start, end, body, draw(st.sampled_from(["killed", "seized", "event_type"]))))
    return body, sorted(spans, key=lambda c: (c.start, c.id))


@settings(max_examples=300, deadline=None)
@given(bodies_and_claims())
def test_cut_quotes_balance_and_bold_is_only_stating_words(case):
    body, claims = case
    stating = [False] * len(body)
    for c in claims:
        a, b = stating_span(body, c.start, c.end, c.field)
        assert c.start <= a < b <= c.end
        for k in range(a, b):
            stating[k] = True
    # The brief writes each quote on one line: whitespace runs become one space.
    flat_body, flat_mask, k = "", [], 0
    while k < len(body):
        if body[k].isspace():
            end = k
            while end < len(body) and body[end].isspace():
                end += 1
            flat_body += " "
            flat_mask.append(any(stating[k:end]))
            k = end
        else:
            flat_body += body[k]
            flat_mask.append(stating[k])
            k += 1
    body, stating = flat_body, flat_mask
    for _statement, quote in brief_render._evidence_items(case[0], claims):
        runs, text = strongs_and_text(quote)
        assert balanced(text), quote
        assert "*" not in text, quote  # no stray markers
        for run in runs:
            assert not set(run) & set("“”\""), run  # bold never opens or closes inside a quotation
            spots = [k for k in range(len(body)) if body.startswith(run, k)]
            assert any(all(stating[k:k + len(run)]) for k in spots), (run, body)


@pytest.mark.parametrize("quote, field, stated", [
    ("wounding six, a local official", "wounded", "wounding six"),
    ("released more than 19,381 prisoners", "released", "released more than 19,381 prisoners"),
    ("the official said, killing three", "killed", "killing three"),
    ("a member of the forces was killed", "killed", "a member of the forces was killed"),  # no number: all of it
    ("seized “explosive devices, an explosive vest", "seized", "seized “explosive devices, an explosive vest"),
])
def test_the_stating_words_of_a_count(quote, field, stated):
    a, b = stating_span(quote, 0, len(quote), field)
    assert quote[a:b] == stated


def test_bold_leaves_quotation_marks_outside():
    assert bold_pieces("killed a “senior planner") == [(True, "killed a "), (False, "“"), (True, "senior planner")]


@pytest.mark.parametrize("text, cut_left, cut_right, out", [
    ("several “individual weapons and …", False, True, "several “individual weapons and …”"),
    ("several “individual weapons", False, False, "several “individual weapons”"),
    ("…weapons” were seized", True, False, "“…weapons” were seized"),
    ("he said “go” and left", False, False, "he said “go” and left"),
    ('the "suicide battalion', False, False, 'the "suicide battalion"'),
])
def test_a_cut_quotation_closes_its_marks(text, cut_left, cut_right, out):
    assert balance(text, cut_left, cut_right) == out and balanced(out)


def test_the_qualifier_in_the_sources_words():
    assert qualifier_words("released more than 19,000 prisoners", "at_least") == "more than"
    assert qualifier_words("At least three were arrested", "at_least") == "at least"
    assert qualifier_words("nearly 40 people", "about") == "nearly"
    assert qualifier_words("three were arrested", "exact") is None
