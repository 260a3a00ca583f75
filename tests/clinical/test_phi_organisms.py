"""RedactPHI, through REST: an organism a culture names is no person ("Mycobacterium Avium
complex", "Clostridioides Difficile"), a health plan's brand is no person ("Kaiser
Permanente"), and a person who shares a genus's name after a title is still a person."""

from __future__ import annotations

import pytest

from tests.clinical.phi_rest import assert_found, assert_kept

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Sputum AFB culture grew Mycobacterium Avium complex.", "Mycobacterium Avium"),
        ("Stool PCR positive for Clostridioides Difficile toxin B.", "Clostridioides Difficile"),
        ("Wound culture: Staph Aureus, methicillin sensitive.", "Staph Aureus"),
        ("Kaiser Permanente denied the prior authorization.", "Permanente"),
    ],
)
def test_organisms_and_plan_brands_stay(client, text, fragment):
    assert_kept(client, text, fragment)


def test_a_person_named_like_a_genus_is_still_a_person(client):
    assert_found(client, "Seen by Dr. Candida Ruiz on the unit.", "Candida Ruiz", "NAME")
    assert_found(client, "Spoke with Rose Strep about the plan.", "Rose", "NAME")
