"""Code search through REST and GraphQL: codes in any form, words, synonyms, phrases, filters,
licensed content, rebuilds after catalog changes, and bad input.

Each test builds a small catalog with the factories (ICD-10-CM codes with inclusion and index
terms, HCPCS codes with long and short descriptors, the demo CPT codes), so the index builds
in milliseconds. ``bench/search.py`` measures ranking on the full catalog.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from catalog.models import CodeNote, IndexTerm, NoteKind
from tests import factories

QUERY = """query($q: String!, $system: String, $billable: Boolean, $asOf: Date, $limit: Int!,
  $autocomplete: Boolean!) {
  search(q: $q, system: $system, billable: $billable, asOf: $asOf, limit: $limit,
         autocomplete: $autocomplete) { code system display matched score }
}"""


def note(code, text, position=0):
    CodeNote.objects.create(
        code=code, kind=NoteKind.INCLUSION_TERM, position=position, text=text, release=code.release
    )


def index_term(position, path, code=None, see=""):
    IndexTerm.objects.create(
        index="index",
        position=position,
        title=path.split(" > ")[-1],
        path=path,
        level=path.count(" > "),
        code=code,
        code_text=code.code if code else "",
        see=see,
        release=factories.release(),
    )


@pytest.fixture
def catalog(demo_catalog):
    c = factories.code
    icd = {}
    icd["E11"] = c(
        "icd10cm",
        "E11",
        billable=False,
        level="category",
        short_descriptor="Type 2 diabetes mellitus",
        long_descriptor="Type 2 diabetes mellitus",
    )
    for code, title in [
        ("E11.9", "Type 2 diabetes mellitus without complications"),
        ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
        ("E11.21", "Type 2 diabetes mellitus with diabetic nephropathy"),
        ("E10.9", "Type 1 diabetes mellitus without complications"),
        ("I10", "Essential (primary) hypertension"),
        ("I21.9", "Acute myocardial infarction, unspecified"),
        ("J18.9", "Pneumonia, unspecified organism"),
        ("R51.9", "Headache, unspecified"),
        ("M10.9", "Gout"),
    ]:
        icd[code] = c("icd10cm", code, short_descriptor=title, long_descriptor=title)
    icd["M10"] = c("icd10cm", "M10", billable=False, level="category", short_descriptor="Gout")
    icd["J12.8"] = c(
        "icd10cm",
        "J12.8",
        short_descriptor="Other viral pneumonia",
        status="retired",
        effective_date=datetime.date(2015, 10, 1),
        end_date=datetime.date(2020, 9, 30),
    )
    note(icd["I10"], "High blood pressure")
    note(icd["I10"], "Hypertension (arterial) (benign) (essential) (malignant) (primary)", 1)
    index_term(1, "Infarction > myocardium", icd["I21.9"])
    index_term(2, "Attack > heart", see="Infarction, myocardium")
    index_term(3, "Cephalgia", icd["R51.9"])
    factories.code(
        "hcpcs",
        "J1100",
        short_descriptor="Dexamethasone sodium phos",
        long_descriptor="Injection, dexamethasone sodium phosphate, 1 mg",
    )
    factories.code(
        "hcpcs",
        "E0601",
        short_descriptor="Cont airway pressure device",
        long_descriptor="Continuous positive airway pressure (cpap) device",
    )
    factories.code(
        "hcpcs",
        "E1190",
        short_descriptor="Wheelchair amputee w/ leg re",
        long_descriptor="Amputee wheelchair, detachable elevating legrests",
    )
    return icd


def search(client, gql, via, q, **params):
    """``(status, results or error code)`` for the same search through REST or GraphQL."""
    if via == "rest":
        query = {"q": q, **{k: v for k, v in params.items() if v is not None}}
        if "as_of" in query:
            query["as_of"] = query["as_of"].isoformat()
        response = client.get("/api/v1/search", query)
        body = response.json()
        if response.status_code != 200:
            return response.status_code, body.get("type", "")
        return 200, body["results"]
    variables = {
        "q": q,
        "system": params.get("system"),
        "billable": params.get("billable"),
        "asOf": params["as_of"].isoformat() if params.get("as_of") else None,
        "limit": params.get("limit", 10),
        "autocomplete": params.get("autocomplete", False),
    }
    body = gql(QUERY, variables)
    if body.get("errors"):
        return 400, body["errors"][0]["extensions"]["code"]
    return 200, body["data"]["search"]


def codes(results):
    return [r["code"] for r in results]


VIA = pytest.mark.parametrize("via", ["rest", "graphql"])


@VIA
@pytest.mark.parametrize(
    "q, first", [("e11.9", "E11.9"), ("E119", "E11.9"), ("E11.9", "E11.9"), ("j1100", "J1100")]
)
def test_codes_in_any_form(client, gql, catalog, via, q, first):
    status, results = search(client, gql, via, q)
    assert status == 200
    assert results[0]["code"] == first
    assert results[0]["matched"] == first


@VIA
def test_a_category_comes_first_then_its_subtree(client, gql, catalog, via):
    _, results = search(client, gql, via, "E11")
    got = codes(results)
    assert got[:4] == ["E11", "E11.9", "E11.21", "E11.65"] or (
        got[0] == "E11" and set(got[1:4]) == {"E11.9", "E11.21", "E11.65"}
    )
    assert "E10.9" not in got[:4] and "E1190" not in got[:4]


@VIA
def test_cpt_code(client, gql, catalog, via):
    _, results = search(client, gql, via, "97550")
    assert results[0]["code"] == "97550" and results[0]["system"] == "cpt"


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("mellitus hyperglycemia diabetes type 2", "E11.65"),  # any order
        ("diab mell type 2 nephrop", "E11.21"),  # partial words
        ("pneumonias", "J18.9"),  # plurals
        ("diabetis melitus type 2 hyperglycemia", "E11.65"),  # one typo per word
        ("type 2 diabetes mellitus with hyperglycaemia", "E11.65"),  # British spelling: typo
    ],
)
def test_words(client, gql, catalog, via, q, first):
    status, results = search(client, gql, via, q)
    assert status == 200
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first, matched",
    [
        ("high blood pressure", "I10", "High blood pressure"),  # inclusion term
        ("HTN", "I10", None),  # abbreviation
        ("cephalgia", "R51.9", "Cephalgia"),  # index term
        ("attack heart", "I21.9", "Attack heart"),  # index term, see reference followed
        ("heart attack", "I21.9", None),  # everyday words
        ("dexamethasone sodium phos", "J1100", None),  # HCPCS short descriptor
        ("cpap", "E0601", None),  # HCPCS long descriptor
    ],
)
def test_synonyms(client, gql, catalog, via, q, first, matched):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]
    if matched:
        assert results[0]["matched"] == matched
    assert results[0]["display"]


@VIA
def test_a_case_description_ranks_the_specific_code(client, gql, catalog, via):
    q = "65 year old man with type 2 diabetes, blood sugar high: hyperglycemia"
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == "E11.65"


@VIA
def test_billable_code_above_its_header_when_both_match_equally(client, gql, catalog, via):
    _, results = search(client, gql, via, "gout")
    assert codes(results)[:2] == ["M10.9", "M10"]
    assert results[0]["score"] > results[1]["score"]


@VIA
def test_retired_codes_only_when_as_of_says_so(client, gql, catalog, via):
    _, now = search(client, gql, via, "other viral pneumonia")
    assert "J12.8" not in codes(now)
    _, then = search(client, gql, via, "other viral pneumonia", as_of=datetime.date(2019, 1, 1))
    assert codes(then)[0] == "J12.8"


@VIA
def test_filters(client, gql, catalog, via):
    _, hcpcs = search(client, gql, via, "e119", system="hcpcs")
    assert codes(hcpcs)[0] == "E1190" and {r["system"] for r in hcpcs} == {"hcpcs"}
    _, billable = search(client, gql, via, "type 2 diabetes", billable=True, limit=3)
    assert "E11" not in codes(billable) and len(billable) == 3


@VIA
def test_autocomplete_treats_the_last_word_as_a_prefix(client, gql, catalog, via):
    _, results = search(client, gql, via, "type 2 diabetes hyperg", autocomplete=True)
    assert results[0]["code"] == "E11.65"
    _, results = search(client, gql, via, "dexameth", autocomplete=True)
    assert results[0]["code"] == "J1100"


@VIA
@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "diabetes " * 112},  # 1,008 characters
        {"q": "diabetes", "system": "nosuchsystem"},
        {"q": "diabetes", "limit": 0},
        {"q": "diabetes", "limit": 101},
    ],
)
def test_bad_input_is_a_clear_400(client, gql, catalog, via, params):
    status, error = search(client, gql, via, **params)
    assert status == 400
    assert error


def test_rest_bad_input_is_problem_json(client, catalog):
    response = client.get("/api/v1/search", {"q": "x" * 1000})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    response = client.get("/api/v1/search", {"q": "gout", "system": "nosuch"})
    assert response.status_code == 400
    assert "nosuch" in response.json()["detail"]


def test_search_is_not_metered_and_returns_summaries(client, catalog):
    response = client.get("/api/v1/search", {"q": "97550"})
    assert response.status_code == 200
    assert set(response.json()["results"][0]) == {"code", "system", "display", "matched", "score"}
    usage = client.get("/api/v1/codes/cpt/97550/")
    assert usage.status_code == 200


def test_attested_mode_hides_cpt_descriptors_from_non_licensees(settings, client, gql, catalog):
    from accounts.models import User

    settings.CPT_CONTENT_MODE = "attested"
    settings.METERING_ENABLED = False
    for via in ("rest", "graphql"):
        _, results = search(client, gql, via, "caregiver training")
        cpt = [r for r in results if r["system"] == "cpt"]
        assert cpt and all(r["display"] == "" and r["matched"] == r["code"] for r in cpt)
    licensee = User.objects.create_user(username="l@example.org", email="l@example.org")
    licensee.cpt_licensee_since = datetime.date(2026, 1, 5)
    licensee.save()
    client.force_login(licensee)
    for via in ("rest", "graphql"):
        _, results = search(client, gql, via, "caregiver training")
        cpt = [r for r in results if r["system"] == "cpt"]
        assert cpt and all(r["display"] for r in cpt)


def test_a_catalog_change_is_searchable_at_once(client, catalog):
    assert "Z99.89" not in codes(client.get("/api/v1/search", {"q": "zebra"}).json()["results"])
    factories.code("icd10cm", "Z99.89", short_descriptor="Zebra dependence")
    results = client.get("/api/v1/search", {"q": "zebra"}).json()["results"]
    assert codes(results)[0] == "Z99.89"


def test_build_search_index_command(catalog):
    out = io.StringIO()
    call_command("build_search_index", stdout=out)
    assert "search index:" in out.getvalue()
    assert " 0 codes" not in out.getvalue()
