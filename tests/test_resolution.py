"""The name proposed for a source nobody has recorded yet."""

from __future__ import annotations

import pytest

from claims.resolution import _proposed_name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Opposition leader Mark Hale", "Mark Hale"),
        ("Britain's media regulator Ofcom", "Ofcom"),
        ("The Bavarian interior ministry", "Bavarian interior ministry"),
        ("The German weather service DWD", "DWD"),
        ("The Ukrainian president's office", "Ukrainian president's office"),
        ("Chief Executive Dr. Linda Park", "Linda Park"),
        ("The U.N. labor agency", "U.N. labor agency"),
        ("Published figures show", "Published figures show"),
        ("Energy Minister Ana Konig", "Ana Konig"),
        ("Commission President Ursula von der Leyen", "Ursula von der Leyen"),
        ("the opposition leader, Mark Hale", "Mark Hale"),
    ],
)
def test_the_name_is_the_head_of_the_span(surface, name):
    assert _proposed_name(surface) == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("the official Xinhua news agency", "Xinhua"),
        ("Martin Luther King Jr.", "Martin Luther King Jr"),
        ("the Justice Department's", "Justice Department"),
        ("Hillary Clinton's spokeswoman", "Hillary Clinton"),
    ],
)
def test_descriptors_suffixes_and_bodies_are_not_taken_for_titles(surface, name):
    assert _proposed_name(surface) == name
