"""``GET /api/v1/`` lists the API's endpoints; every link it gives answers."""

import pytest


@pytest.mark.django_db
def test_api_root_lists_endpoints_that_answer(client, demo_catalog):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "v1"
    endpoints = body["endpoints"]
    assert endpoints["code_page"] == "http://testserver/api/v1/codes/{system}/{code}/"
    page = client.get(endpoints["code_page"].format(system="cpt", code="97550"))
    assert page.status_code == 200
    for name in ("systems", "codes", "usage"):
        assert client.get(endpoints[name]).status_code == 200, name
    assert client.get(endpoints["crosswalks"], {"icd10": "E11.9"}).status_code == 200
    # the tools take POST; a GET is refused as a method, not as a missing route
    for name in ("redact_phi", "detect_icd10cm", "casepilot"):
        assert client.get(endpoints[name]).status_code == 405, name
    for name in ("documentation", "openapi"):
        assert client.get(body[name]).status_code == 200, name
    assert client.get(body["graphql"], HTTP_ACCEPT="text/html").status_code == 200  # GraphiQL


@pytest.mark.django_db
def test_api_root_is_not_metered(client, demo_catalog):
    for _ in range(3):
        assert client.get("/api/v1/").status_code == 200
    # a guest's one code view is still there after calls to the root
    assert client.get("/api/v1/codes/cpt/97550/").status_code == 200
