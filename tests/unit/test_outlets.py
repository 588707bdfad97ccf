"""The outlet an article names as its publisher, and sign-offs that are not outlets."""

from __future__ import annotations

import pytest

from casefile.ingest import read_paths
from casefile.ingest.outlets import desk_signature, known_outlet, outlet_named_in_text


@pytest.mark.parametrize("text, outlet", [
    ("Security forces raided the cell, an Interior Ministry official told The National on Sunday.", "The National"),
    ("A spokesman said in an interview with Reuters that 4 were held.", "Reuters"),
    ("Al-Baba told The Media Line that one was killed. He later told the Media Line more.", "The Media Line"),
    ("An official spoke to Al Jazeera; another told Reuters, and a third told Reuters too.", "Reuters"),
    ("The minister told the Arab Summit in Baghdad that IS remains the challenge.", None),  # not an outlet
    ("The National Guard told residents to stay home.", None),  # the name without a cue before it
    ("", None),
])
def test_the_outlet_a_source_speaks_to_is_the_publisher(text, outlet):
    assert outlet_named_in_text(text) == outlet


@pytest.mark.parametrize("signature", ["(Int'l News Desk)", "Int’l News Desk", "Staff Reporter", "NewsDesk",
                                       "Agencies", "Our Correspondent"])
def test_a_desk_signature_is_not_an_outlet(signature):
    assert desk_signature(signature) and known_outlet(signature.strip("()")) is None


def test_known_outlets_still_read_from_signatures():
    assert known_outlet("TheMediaLine") == "The Media Line" and not desk_signature("TheMediaLine")


def test_an_article_signed_by_a_desk_records_no_outlet(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Raid in Aleppo\n\nSecurity forces killed three militants in Aleppo on Saturday, "
                    "the ministry said.\n\n(Int'l News Desk)\n", "utf-8")
    (draft,) = read_paths([path])
    assert draft.outlet is None


def test_an_article_that_names_its_publisher_records_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Raid in Aleppo\n\nSecurity forces killed three militants in Aleppo on Saturday, "
                    "an official told The National.\n", "utf-8")
    (draft,) = read_paths([path])
    assert draft.outlet == "The National"
