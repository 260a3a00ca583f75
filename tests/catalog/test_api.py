"""The code page over REST and GraphQL: every fact of the seed page, the same in both APIs."""

from __future__ import annotations

import dataclasses
import datetime
import re
import typing

import pytest

from catalog import pages
from catalog.models import ApplicableModifier, CodeHistory, CodeNote
from tests import factories

pytestmark = pytest.mark.django_db

SEED_MODIFIERS = ["GO", "GN", "KX", "GP", "CO", "59", "CQ", "95", "GV", "GW", "XU"]


@pytest.fixture(autouse=True)
def unmetered(settings):
    """These tests are about the catalog; metering has its own tests."""
    settings.METERING_ENABLED = False


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _snake(name: str) -> str:
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def _selection(cls: type) -> str:
    """A GraphQL selection of every field of a page dataclass, nested."""
    hints = typing.get_type_hints(cls, vars(pages) | {"Indicator": pages.Indicator})
    parts = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        inner = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
        target = inner[0]
        if typing.get_origin(target) is list:
            target = typing.get_args(target)[0]
        if dataclasses.is_dataclass(target):
            parts.append(f"{_camel(f.name)} {{ {_selection(target)} }}")
        else:
            parts.append(_camel(f.name))
    return " ".join(parts)


def _snake_keys(value):
    if isinstance(value, dict):
        return {_snake(k): _snake_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_snake_keys(v) for v in value]
    return value


def test_rest_code_page_has_every_fact_of_the_seed_page(client, demo_catalog):
    response = client.get("/api/v1/codes/cpt/97550/")

    assert response.status_code == 200
    page = response.json()
    d = page["descriptors"]
    assert d["short"] == "CAREGIVER TRAING 1ST 30 MIN"
    assert d["medium"] == "CAREGIVER TRAINING STRATEGIES&TQ 1ST 30 MINUTES"
    assert d["long"].startswith("Caregiver training in strategies and techniques")
    assert d["long"].endswith("face to face; initial 30 minutes")
    assert d["plain"].startswith("Caregiver training is a specialized service")
    assert "American Medical Association" in d["copyright"]
    assert d["plain_copyright"] == "© Copyright 2025 Coding Ahead. All rights reserved."

    sections = {s["kind"]: s for s in page["sections"]}
    assert list(sections) == ["indications", "procedure", "post_procedure"]
    assert len(sections["indications"]["items"]) == 7
    assert sections["indications"]["items"][0]["title"] == "Activities of Daily Living (ADLs)"
    assert len(sections["procedure"]["items"]) == 5
    assert sections["procedure"]["items"][4]["title"] == "Resource Guidance"
    assert sections["post_procedure"]["body"].startswith("After the initial caregiver training")
    assert sections["post_procedure"]["items"] == []

    assert page["status"] == "active"
    (mpfs,) = page["mpfs"]
    assert mpfs["status"] == {"code": "A", "meaning": "Active Code"}
    assert mpfs["global_days"] == {"code": "XXX", "meaning": "Global Concept Does Not Apply"}
    assert mpfs["pctc_indicator"] == {"code": "0", "meaning": "Physician Service Code"}
    assert mpfs["multiple_procedure"]["meaning"].startswith("No payment adjustment rules")
    assert mpfs["bilateral_surgery"]["code"] == "0"
    assert mpfs["physician_supervision"] == {"code": "09", "meaning": "Concept does not apply."}
    assert mpfs["assistant_surgery"]["meaning"].startswith("Payment restriction for assistants")
    assert mpfs["co_surgeons"]["meaning"] == "Co-surgeons not permitted for this procedure."
    assert mpfs["team_surgery"]["meaning"] == "Team surgeons not permitted for this procedure."
    assert mpfs["diagnostic_imaging_family"]["code"] == "99"
    assert page["billing"]["apc_status_indicator"]["meaning"] == (
        "Service Paid under Fee Schedule or Payment System other than OPPS"
    )
    assert page["billing"]["betos"] is None
    assert [(m["service_type"], m["value"]) for m in page["mue"]] == [("practitioner", 1)]

    (addon,) = page["add_ons"]
    assert addon["code"]["code"] == "97551"
    assert addon["telehealth"] is True
    assert addon["mpfs_status"]["meaning"] == "Active Code"
    assert addon["apc_status_indicator"]["code"] == "A"
    assert addon["long_descriptor"].endswith(
        "(List separately in addition to code for primary service)"
    )

    assert [m["code"] for m in page["modifiers"]] == SEED_MODIFIERS
    assert all(m["description"] for m in page["modifiers"])
    by_code = {m["code"]: m["description"] for m in page["modifiers"]}
    assert by_code["GP"] == "Services delivered under an outpatient physical therapy plan of care"
    assert by_code["59"].startswith("Distinct procedural service")

    assert page["history"] == [
        {
            "date": "2024-01-01",
            "action": "Added",
            "notes": "Code Added.",
            "release": page["history"][0]["release"],
        }
    ]
    assert page["release"]["source"] == "seed"


def test_the_add_on_page_names_its_primary(client, demo_catalog):
    page = client.get("/api/v1/codes/cpt/97551/").json()

    assert [p["code"]["code"] for p in page["primaries"]] == ["97550"]
    assert page["primaries"][0]["edit_type"] == 1
    assert page["add_ons"] == []


def test_rest_and_graphql_agree_field_by_field(client, gql, demo_catalog):
    rest = client.get("/api/v1/codes/cpt/97550/").json()
    query = f'{{ code(system: "cpt", code: "97550") {{ {_selection(pages.CodePage)} }} }}'

    result = gql(query)

    assert "errors" not in result, result.get("errors")
    assert _snake_keys(result["data"]["code"]) == rest


def test_graphql_code_page_carries_the_seed_facts(gql, demo_catalog):
    result = gql(
        """{ code(system: "cpt", code: "97550") {
              status descriptors { short }
              mpfs { globalDays { code } pctcIndicator { code } }
              mue { value } addOns { code { code } }
              modifiers { code description } history { date action notes } } }"""
    )

    page = result["data"]["code"]
    assert page["status"] == "active"
    assert page["mpfs"][0]["globalDays"]["code"] == "XXX"
    assert page["mpfs"][0]["pctcIndicator"]["code"] == "0"
    assert page["mue"] == [{"value": 1}]
    assert page["addOns"] == [{"code": {"code": "97551"}}]
    assert [m["code"] for m in page["modifiers"]] == SEED_MODIFIERS
    assert page["history"] == [{"date": "2024-01-01", "action": "Added", "notes": "Code Added."}]


def test_unknown_code_is_a_problem_json_404(client, gql, demo_catalog):
    response = client.get("/api/v1/codes/cpt/99999/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Code not found"
    assert body["status"] == 404
    assert body["type"].endswith("/code-not-found")
    assert "99999" in body["detail"]

    result = gql('{ code(system: "cpt", code: "99999") { code } }')
    assert result["data"] == {"code": None}
    assert result["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_problem_type_uris_resolve_to_their_meaning(client, demo_catalog):
    body = client.get("/api/v1/codes/cpt/99999/").json()

    meaning = client.get(body["type"].replace("http://testserver", ""))

    assert body["type"] == "http://testserver/problems/code-not-found"
    assert meaning.status_code == 200
    assert "does not exist" in meaning.json()["description"]


def test_unknown_system_is_a_404_with_the_known_systems(client, demo_catalog):
    response = client.get("/api/v1/codes/snomed/123/")

    assert response.status_code == 404
    assert response.json()["title"] == "Unknown code system"
    assert "icd10cm" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/codes/cpt/97%20550/",
        "/api/v1/codes/cpt/E11..9/",
        "/api/v1/codes/cpt/97550/?as_of=yesterday",
        "/api/v1/codes/?prefix=E1*",
        "/api/v1/codes/?billable=maybe",
        "/api/v1/codes/?page_size=abc&page=x",
    ],
)
def test_malformed_parameters_are_a_problem_json_400(client, demo_catalog, path):
    response = client.get(path)

    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/problem+json"
    assert response.status_code == 400 or "page" in path


def test_icd10cm_accepts_dotted_and_undotted_codes_with_hierarchy_and_notes(client, gql):
    rel = factories.release("icd-test")
    chapter = factories.code(
        "icd10cm",
        "4",
        rel=rel,
        level="chapter",
        billable=False,
        short_descriptor="Endocrine, nutritional and metabolic diseases",
    )
    block = factories.code(
        "icd10cm",
        "E08-E13",
        rel=rel,
        level="block",
        billable=False,
        parent=chapter,
        short_descriptor="Diabetes mellitus",
    )
    category = factories.code(
        "icd10cm",
        "E11",
        rel=rel,
        level="category",
        billable=False,
        parent=block,
        short_descriptor="Type 2 diabetes mellitus",
    )
    leaf = factories.code(
        "icd10cm",
        "E11.9",
        rel=rel,
        parent=category,
        short_descriptor="Type 2 diabetes mellitus without complications",
    )
    CodeNote.objects.create(
        code=category, kind="excludes1", text="type 1 diabetes mellitus (E10.-)", release=rel
    )
    CodeNote.objects.create(
        code=category,
        kind="use_additional_code",
        position=0,
        text="code to identify control using insulin (Z79.4)",
        release=rel,
    )
    CodeNote.objects.create(
        code=leaf, kind="inclusion_term", text="Type 2 diabetes NOS", release=rel
    )

    dotted = client.get("/api/v1/codes/icd10cm/E11.9/").json()
    undotted = client.get("/api/v1/codes/icd10cm/e119/").json()

    assert dotted == undotted
    assert dotted["code"] == "E11.9" and dotted["billable"] is True
    assert [h["code"] for h in dotted["hierarchy"]] == ["4", "E08-E13", "E11"]
    assert dotted["parent"]["code"] == "E11"
    notes = {(n["kind"], n["inherited_from"]) for n in dotted["notes"]}
    assert notes == {
        ("excludes1", "E11"),
        ("use_additional_code", "E11"),
        ("inclusion_term", None),
    }
    parent_page = client.get("/api/v1/codes/icd10cm/E11/").json()
    assert [c["code"] for c in parent_page["children"]] == ["E11.9"]
    assert parent_page["billable"] is False

    result = gql(
        '{ code(system: "icd10cm", code: "E119") '
        "{ code hierarchy { code } notes { kind inheritedFrom } } }"
    )
    assert result["data"]["code"]["code"] == "E11.9"
    assert [h["code"] for h in result["data"]["code"]["hierarchy"]] == ["4", "E08-E13", "E11"]
    assert leaf.pk


def test_code_page_query_count_does_not_grow_with_its_parts(
    client, demo_catalog, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as base:
        assert client.get("/api/v1/codes/cpt/97550/").status_code == 200
    baseline = len(base.captured_queries)

    rel = factories.release()
    primary = factories.code("cpt", "00000", rel=rel)
    primary.delete()
    from catalog.models import Code

    code_97550 = Code.objects.get(code="97550")
    for i in range(40):
        modifier = factories.code("modifier", f"Z{i:01d}" if i < 10 else f"{i:02d}", rel=rel)
        ApplicableModifier.objects.create(
            code=code_97550, modifier=modifier, release=rel, position=20 + i
        )
    for day in range(30):
        CodeHistory.objects.create(
            code=code_97550,
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=day),
            action="revised",
            notes=f"revision {day}",
            release=rel,
        )

    with django_assert_max_num_queries(baseline):
        page = client.get("/api/v1/codes/cpt/97550/").json()
    assert len(page["modifiers"]) == 51
    assert len(page["history"]) == 31


def test_code_list_returns_summaries_only_and_paginates(client, demo_catalog):
    factories.hcpcs_codes(5)

    body = client.get("/api/v1/codes/?system=hcpcs&page_size=2").json()

    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert set(body["results"][0]) == {"system", "code", "display", "status", "billable", "level"}
    assert body["next"]
    cpt = client.get("/api/v1/codes/?q=caregiver").json()
    assert [r["code"] for r in cpt["results"]] == ["97550", "97551"]
    assert client.get("/api/v1/codes/?prefix=A9002").json()["count"] == 1


def test_code_list_over_graphql_with_filters_and_pagination(gql, demo_catalog):
    factories.hcpcs_codes(5)

    result = gql(
        """{ codes(filters: {system: "hcpcs"}, pagination: {offset: 1, limit: 2}) {
              totalCount results { code system display status } } }"""
    )

    assert result["data"]["codes"]["totalCount"] == 5
    assert [r["code"] for r in result["data"]["codes"]["results"]] == ["A9002", "A9003"]


def test_systems_lists_the_code_systems_with_uris_releases_and_counts(client, demo_catalog):
    systems = {s["slug"]: s for s in client.get("/api/v1/systems/").json()}

    assert systems["cpt"]["uri"] == "http://www.ama-assn.org/go/cpt"
    assert systems["hcpcs"]["uri"] == "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
    assert systems["icd10cm"]["uri"] == "http://hl7.org/fhir/sid/icd-10-cm"
    assert systems["cpt"]["code_count"] == 2
    assert systems["modifier"]["code_count"] == 11
    assert systems["cpt"]["releases"][0]["source"] == "seed"


def test_as_of_before_a_code_existed_is_a_404(client, demo_catalog):
    response = client.get("/api/v1/codes/cpt/97550/?as_of=2023-06-01")

    assert response.status_code == 404
    assert "2023-06-01" in response.json()["detail"]


def test_openapi_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    assert "/api/v1/codes/{system}/{code}/" in schema.json()["paths"]

    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert not re.search(r"(src|href)=\"https?://", html)
    assert "script-src 'self'" in docs["Content-Security-Policy"]


def test_graphiql_page_loads_only_our_own_assets(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")

    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/vendor/graphiql.min.js" in html
    assert "unpkg.com" not in html and not re.search(r"(src|href)=\"https?://", html)
    assert "<script>" not in html  # no inline script: CSP forbids it


def test_graphql_alias_and_token_limits(gql, demo_catalog):
    aliases = " ".join(f'a{i}: code(system: "cpt", code: "97550") {{ code }}' for i in range(20))
    result = gql(f"{{ {aliases} }}")
    assert result["data"] is None
    assert "aliases" in result["errors"][0]["message"].lower()

    many_tokens = "{ systems { " + " ".join(["slug"] * 2500) + " } }"
    result = gql(many_tokens)
    assert result["data"] is None
    assert "token" in result["errors"][0]["message"].lower()
