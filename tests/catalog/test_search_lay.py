"""Code search for what patients and clinicians type: everyday words, shorthand, case
descriptions, and the default code when a query is generic (REST and GraphQL alike).

A small catalog built with the factories; ``bench/search.py`` measures lay recall on the
full catalog.
"""

from __future__ import annotations

import pytest

from tests import factories
from tests.catalog.test_search import VIA, codes, note, search

FRACTURE = "Unspecified fracture of unspecified forearm"
SPRAIN = "Sprain of ligaments of cervical spine"


@pytest.fixture
def catalog(demo_catalog):
    c = factories.code
    icd = {}
    for code, title in [
        ("R10.9", "Unspecified abdominal pain"),
        ("R10.11", "Right upper quadrant pain"),
        ("R51.9", "Headache, unspecified"),
        ("R06.02", "Shortness of breath"),
        ("R11.2", "Nausea with vomiting, unspecified"),
        ("R11.0", "Nausea"),
        ("G47.00", "Insomnia, unspecified"),
        ("Z00.00", "Encounter for general adult medical examination without abnormal findings"),
        ("S52.90XA", f"{FRACTURE}, initial encounter for closed fracture"),
        ("S52.90XB", f"{FRACTURE}, initial encounter for open fracture type I or II"),
        ("S52.90XD", f"{FRACTURE}, subsequent encounter for closed fracture with routine healing"),
        ("S52.90XS", f"{FRACTURE}, sequela"),
        ("S13.4XXA", f"{SPRAIN}, initial encounter"),
        ("S13.4XXD", f"{SPRAIN}, subsequent encounter"),
        ("S13.4XXS", f"{SPRAIN}, sequela"),
        ("B00.1", "Herpesviral vesicular dermatitis"),
        ("Z3A.32", "32 weeks gestation of pregnancy"),
        ("Z3A.01", "Less than 8 weeks gestation of pregnancy"),
        ("Z33.1", "Pregnant state, incidental"),
    ]:
        icd[code] = c("icd10cm", code, short_descriptor=title[:60], long_descriptor=title)
    for code, title in [("S52.90", FRACTURE), ("S13.4", SPRAIN)]:
        icd[code] = c(
            "icd10cm",
            code,
            billable=False,
            level="subcategory",
            short_descriptor=title,
            long_descriptor=title,
        )
    note(icd["S13.4"], "Whiplash injury of cervical spine")
    note(icd["B00.1"], "Herpes simplex labialis")
    return icd


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("my belly hurts", "R10.9"),  # everyday words for a body part and a symptom
        ("tummy ache", "R10.9"),
        ("can't sleep", "G47.00"),  # an everyday phrase, with an apostrophe
        ("N/V", "R11.2"),  # clinician shorthand with a slash
        ("SOB", "R06.02"),
        ("55 yo woman c/o SOB x2 days", "R06.02"),  # a case description
        ("annual physical", "Z00.00"),  # a word the catalog lacks, in a lay phrase
        ("cold sores", "B00.1"),  # a lay phrase, inflected
        ("pregnant 32 weeks", "Z3A.32"),  # weeks of gestation, not a duration
        ("yearly checkup", "Z00.00"),
    ],
)
def test_everyday_words_and_shorthand(client, gql, catalog, via, q, first):
    status, results = search(client, gql, via, q)
    assert status == 200
    assert results[0]["code"] == first, results[:3]


@VIA
def test_a_generic_query_ranks_the_default_code_first(client, gql, catalog, via):
    _, results = search(client, gql, via, "broken forearm")
    assert results[0]["code"] == "S52.90XA", results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("broken forearm sequela", "S52.90XS"),
        ("forearm fracture subsequent encounter", "S52.90XD"),
        ("open fracture forearm", "S52.90XB"),
    ],
)
def test_a_query_that_asks_for_more_gets_it(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
def test_a_header_term_finds_its_default_billable_code(client, gql, catalog, via):
    # "Whiplash" is an inclusion term of the header S13.4: the billable code comes first.
    _, results = search(client, gql, via, "whiplash")
    assert codes(results)[:2] == ["S13.4XXA", "S13.4"], results[:3]
    assert results[0]["matched"] == "Whiplash injury of cervical spine"


@VIA
def test_headers_only_when_billable_is_false(client, gql, catalog, via):
    _, results = search(client, gql, via, "whiplash", billable=False)
    assert codes(results) == ["S13.4"]
