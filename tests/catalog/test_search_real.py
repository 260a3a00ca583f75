"""Code search on the real catalog: ICD-10-CM (from the package) with its alphabetic index,
and HCPCS Level II from ../shared/data (skipped when the files are absent).

The imports run once for the module inside a transaction rolled back at the end; the index
is built once, by the one test below, so the module stays well under a minute.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction


def shared_data() -> Path:
    root = os.environ.get("CODEAPI_SHARED_DIR") or settings.BASE_DIR.parent / "shared"
    return Path(root) / "data"


DATA = shared_data()
INDEX = DATA / "icd10cm/fy2017-index/icd10cm_index_2017.xml.gz"
HCPCS = DATA / "hcpcs/2025-jan/HCPC2025_JAN_ANWEB_12172024.txt.gz"

pytestmark = pytest.mark.skipif(
    not (INDEX.exists() and HCPCS.exists()),
    reason=f"official data files not found under {DATA} (set CODEAPI_SHARED_DIR)",
)


@pytest.fixture(scope="module")
def real_catalog(django_db_setup, django_db_blocker):
    from fixtures.services import demo_catalog_load

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_catalog_load()
            for args in (
                ["import_icd10cm"],
                ["import_icd10cm_index", str(INDEX)],
                ["import_hcpcs", str(HCPCS)],
            ):
                call_command(*args, stdout=io.StringIO())
            connection.check_constraints()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def top(client, q, n=10, **params):
    response = client.get("/api/v1/search", {"q": q, "limit": n, **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_search_on_the_real_catalog(client, gql, real_catalog, db):
    # codes in any form; a category first, then its subtree
    for q, first in [("e11.9", "E11.9"), ("E119", "E11.9"), ("j1100", "J1100"), ("97550", "97550")]:
        assert top(client, q, 1)[0]["code"] == first
    subtree = [r["code"] for r in top(client, "E11", 20)]
    assert subtree[0] == "E11" and all(c.startswith("E11") for c in subtree)

    # words the title does not hold: the alphabetic index (with see references), inclusion
    # terms and everyday words lead to the code
    def codes(q, **params):
        return [r["code"] for r in top(client, q, **params)]

    assert any(c.startswith("I21") for c in codes("heart attack", system="icd10cm"))
    assert "I10" in codes("high blood pressure", system="icd10cm")
    assert "N39.0" in codes("UTI")
    assert {"R51", "R51.9"} & set(codes("cephalgia")[:5])  # see also Headache
    # one typo per word, words in any order
    assert codes("mellitus diabetis type 2 without complications")[0] == "E11.9"
    # a short case description ranks the specific code first
    assert (
        codes("65 year old man, type 2 diabetes with diabetic chronic kidney disease")[0]
        == "E11.22"
    )
    # HCPCS descriptors
    assert "J1100" in codes("dexamethasone injection", system="hcpcs")

    graph = gql('{ search(q: "e11.9", limit: 1) { code system display matched } }')
    assert graph["data"]["search"][0] == {
        "code": "E11.9",
        "system": "icd10cm",
        "display": "Type 2 diabetes mellitus without complications",
        "matched": "E11.9",
    }
