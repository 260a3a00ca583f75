"""Code search ranks what a coder means among near-identical codes: the initial encounter
before the subsequent one and the sequela, accidental poisoning (or, for a drug taken as
prescribed, its adverse effect) before the other intents, the history Z code for "h/o" and
"s/p", the family-history one for a relative's illness (REST and GraphQL alike).
"""

from __future__ import annotations

import pytest

from tests import factories
from tests.catalog.test_search import VIA, codes, search

TOE = "Sprain of metatarsophalangeal joint of right great toe"
BENZO = "benzodiazepines"


@pytest.fixture
def catalog(demo_catalog):
    icd = {}
    for code, title in [
        ("S93.521A", f"{TOE}, initial encounter"),
        ("S93.521D", f"{TOE}, subsequent encounter"),
        ("S93.521S", f"{TOE}, sequela"),
        ("T42.4X1A", f"Poisoning by {BENZO}, accidental (unintentional), initial encounter"),
        ("T42.4X2A", f"Poisoning by {BENZO}, intentional self-harm, initial encounter"),
        ("T42.4X3A", f"Poisoning by {BENZO}, assault, initial encounter"),
        ("T42.4X4A", f"Poisoning by {BENZO}, undetermined, initial encounter"),
        ("T42.4X5A", f"Adverse effect of {BENZO}, initial encounter"),
        ("T42.4X6A", f"Underdosing of {BENZO}, initial encounter"),
        ("C50.919", "Malignant neoplasm of unspecified site of unspecified female breast"),
        ("Z85.3", "Personal history of malignant neoplasm of breast"),
        ("Z80.3", "Family history of malignant neoplasm of breast"),
        ("I10", "Essential (primary) hypertension"),
        ("Z91.81", "History of falling"),
        ("O60.03", "Preterm labor without delivery, third trimester"),
        ("O62.0", "Primary inadequate contractions"),
        ("X11.1XXA", "Contact with running hot water, initial encounter"),
        ("Z97.3", "Presence of spectacles and contact lenses"),
    ]:
        icd[code] = factories.code(
            "icd10cm", code, short_descriptor=title[:60], long_descriptor=title
        )
    return icd


@VIA
@pytest.mark.parametrize(
    "q, order",
    [
        ("sprain great toe joint", ["S93.521A", "S93.521D", "S93.521S"]),
        ("sprain great toe joint sequela", ["S93.521S"]),
        ("follow up sprain great toe joint", ["S93.521D"]),
    ],
)
def test_the_initial_encounter_first_unless_asked(client, gql, catalog, via, q, order):
    # the sequela's title is the shortest, yet a generic query means the initial encounter
    _, results = search(client, gql, via, q)
    assert codes(results)[: len(order)] == order, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("benzodiazepine overdose", "T42.4X1A"),  # accidental before assault, undetermined
        ("took too many benzodiazepines", "T42.4X1A"),
        ("drowsy from benzodiazepines", "T42.4X5A"),  # a drug taken as prescribed
        ("benzodiazepines assault", "T42.4X3A"),
        ("underdosing of benzodiazepines", "T42.4X6A"),
    ],
)
def test_the_intent_a_drug_query_means(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("h/o breast cancer", "Z85.3"),
        ("history of breast cancer", "Z85.3"),
        ("mom had breast cancer", "Z80.3"),
        ("sister with breast cancer", "Z80.3"),
        ("my aunt has breast cancer", "Z80.3"),
    ],
)
def test_history_and_family_history(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
def test_pmh_means_the_condition_not_a_history_of_falls(client, gql, catalog, via):
    _, results = search(client, gql, via, "pmh of htn")
    assert results[0]["code"] == "I10", results[:3]
    assert "Z91.81" not in codes(results)


@VIA
def test_weeks_in_a_labor_query_are_the_gestation(client, gql, catalog, via):
    _, results = search(client, gql, via, "contractions at 30 weeks")
    assert results[0]["code"] == "O60.03", results[:3]


@VIA
def test_contact_alone_is_not_a_contact_lens(client, gql, catalog, via):
    _, results = search(client, gql, via, "contact with hot water")
    assert results[0]["code"] == "X11.1XXA", results[:3]
    assert results[0]["matched"].startswith("Contact with"), results[:3]
    _, results = search(client, gql, via, "wears contacts")
    assert results[0]["code"] == "Z97.3", results[:3]
