"""Importers on the official files in ../shared/data (skipped when they are absent).

The whole catalog (demo + ICD-10-CM with order file + index and tables + GEMs + HCPCS +
MPFS RVU + NCCI AOC) is imported once for this module, inside a transaction that is rolled
back at the end, so the slow imports run once per test session and leave nothing behind.
"""

from __future__ import annotations

import gzip
import http.server
import io
import os
import re
import threading
from functools import partial
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from catalog.models import Code, CodeNote, GemMapping, IndexTerm, Release


def shared_data() -> Path:
    root = os.environ.get("CODEAPI_SHARED_DIR") or settings.BASE_DIR.parent / "shared"
    return Path(root) / "data"


DATA = shared_data()
ICD = DATA / "icd10cm"
ORDER = ICD / "fy2026/icd10cm_order_2026.txt.gz"
TABULAR = ICD / "fy2026/icd10cm-tabular-April-1-2026.xml.gz"
INDEXES = [
    ICD / "fy2017-index/icd10cm_index_2017.xml.gz",
    ICD / "fy2025-index-tables/icd-10-cm-eindex-2025.xml",
    ICD / "fy2025-index-tables/icd-10-cm-drug-2025.xml",
    ICD / "fy2025-index-tables/icd-10-cm-neoplasm-2025.xml",
]
GEMS = [DATA / "gems/2018/2018_I9gem.txt", DATA / "gems/2018/2018_I10gem.txt"]
HCPCS = DATA / "hcpcs/2025-jan/HCPC2025_JAN_ANWEB_12172024.txt.gz"
NOTES = DATA / "hcpcs/2025-jan/proc_notes_JAN2025.txt"
RVU = DATA / "mpfs/rvu25d/PPRRVU2025_Oct.csv"
AOC = DATA / "ncci/aoc-2026q2/AOC_V2026Q2-MCR.xlsx"
ALL = [ORDER, TABULAR, *INDEXES, *GEMS, HCPCS, NOTES, RVU, AOC]

pytestmark = pytest.mark.skipif(
    not all(p.exists() for p in ALL),
    reason=f"official data files not found under {DATA} (set CODEAPI_SHARED_DIR)",
)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


IMPORTS = {
    "icd10cm": ["import_icd10cm", "--order", str(ORDER)],
    "index": ["import_icd10cm_index", *map(str, INDEXES)],
    "gems": ["import_gems", *map(str, GEMS)],
    "hcpcs": ["import_hcpcs", str(HCPCS), "--notes", str(NOTES)],
    "mpfs": ["import_mpfs", str(RVU)],
    "aoc": ["import_ncci_aoc", str(AOC), "--add-missing-codes"],
}


@pytest.fixture(scope="module")
def catalog(django_db_setup, django_db_blocker):
    """Every official file imported once; rolled back after the module's tests."""
    from fixtures.services import demo_catalog_load

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_catalog_load()
            outputs = {name: run(*args) for name, args in IMPORTS.items()}
            # PostgreSQL: fire the deferred foreign-key checks of the imports once here, not
            # again at every test's teardown (Django checks constraints there).
            connection.check_constraints()
            yield outputs
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def page(client, system: str, code: str, **params) -> dict:
    response = client.get(f"/api/v1/codes/{system}/{code}/", params)
    assert response.status_code == 200, response.content
    return response.json()


# -- ICD-10-CM ------------------------------------------------------------------------------


def test_icd10cm_has_every_billable_code_of_fy2026(client, catalog, db):
    # the order file's 98,186 codes and headers + 22 chapters + 297 blocks
    assert "icd10cm codes: 98505 added" in catalog["icd10cm"]
    systems = {s["slug"]: s for s in client.get("/api/v1/systems/").json()}
    assert systems["icd10cm"]["billable_count"] == 74719
    listed = client.get("/api/v1/codes/", {"system": "icd10cm", "billable": "true"}).json()
    assert listed["count"] == 74719


def test_icd10cm_notes_are_inherited_from_the_category(client, catalog, db):
    e119 = page(client, "icd10cm", "E11.9")
    assert e119["descriptors"]["long"] == "Type 2 diabetes mellitus without complications"
    assert e119["descriptors"]["short"] == "Type 2 diabetes mellitus without complications"
    excludes1 = [n for n in e119["notes"] if n["kind"] == "excludes1"]
    assert any("E08" in n["text"] and n["inherited_from"] == "E11" for n in excludes1)
    assert any(n["kind"] == "use_additional_code" for n in e119["notes"])
    assert [h["code"] for h in e119["hierarchy"]] == ["4", "E08-E13", "E11"]


def test_icd10cm_seventh_character_codes_and_definitions(client, catalog, db):
    s72 = page(client, "icd10cm", "S72.001A")
    assert s72["billable"] is True
    assert "initial encounter for closed fracture" in s72["descriptors"]["long"]
    sevenths = {n["character"]: n for n in s72["notes"] if n["kind"] == "seventh_character"}
    assert sevenths["A"]["text"] == "initial encounter for closed fracture"
    assert sevenths["A"]["inherited_from"] == "S72"
    assert {"A", "B", "C", "D", "S"} <= set(sevenths)
    assert [h["code"] for h in s72["hierarchy"]][-1] == "S72.001"
    # the order file withholds D and S from S06 codes with 6th character 7 (death)
    response = client.get("/api/v1/codes/icd10cm/S06.1X7D/")
    assert response.status_code == 404


def test_icd10cm_index_terms_are_synonyms_with_cross_references(client, catalog, db):
    e119 = page(client, "icd10cm", "E11.9")
    assert any(t["path"].startswith("Diabetes") for t in e119["index_terms"])
    found = client.get("/api/v1/codes/", {"system": "icd10cm", "q": "sugar", "prefix": "E11"})
    assert "E11.9" in {c["code"] for c in found.json()["results"]}
    assert IndexTerm.objects.exclude(see="").exists()
    assert IndexTerm.objects.exclude(see_also="").exists()
    drug = IndexTerm.objects.filter(index="drug", code_text="T51.2X2").first()
    assert drug is not None and drug.column_title.startswith("Poisoning")
    assert drug.code is not None and drug.code.code == "T51.2X2"


def test_gems_crosswalk_on_the_code_page_and_by_lookup(client, gql, catalog, db):
    crosswalks = page(client, "icd10cm", "E11.9")["crosswalks"]
    assert {"icd9_to_icd10", "icd10_to_icd9"} <= {c["direction"] for c in crosswalks}
    assert "25000" in {c["icd9_code"] for c in crosswalks}
    rows = client.get("/api/v1/crosswalks/", {"icd9": "250.00"}).json()
    assert "E119" in {r["icd10_code"] for r in rows if r["direction"] == "icd9_to_icd10"}
    body = gql('{ crosswalks(icd9: "0730") { icd10Code combination scenario choiceList } }')
    combo = {(r["icd10Code"], r["choiceList"]) for r in body["data"]["crosswalks"]}
    assert {("A70", 1), ("J17", 2)} <= combo
    assert GemMapping.objects.count() == 24860 + 81593


# -- HCPCS ----------------------------------------------------------------------------------


def test_hcpcs_codes_modifiers_and_joined_descriptors(client, catalog, db):
    assert "hcpcs codes: 8259 added" in catalog["hcpcs"]
    # 383 modifier records: new ones added, the demo catalog's (GP, GO, ...) updated
    found = re.search(r"modifier modifiers: (\d+) added, (\d+) changed", catalog["hcpcs"])
    assert int(found.group(1)) + int(found.group(2)) == 383
    a0384 = page(client, "hcpcs", "A0384")
    assert a0384["descriptors"]["long"] == (
        "Bls specialized service disposable supplies; defibrillation (used by als ambulances "
        "and bls ambulances in jurisdictions where defibrillation is permitted in bls "
        "ambulances)"
    )
    g0151 = page(client, "hcpcs", "G0151")
    billing = g0151["billing"]
    assert billing["betos"] == "Y2"
    assert billing["coverage_code"] == "C"
    assert billing["processing_notes"][0].startswith("0082: G0151-G0156")
    assert billing["hcpcs"]["added_date"] == "1999-07-01"
    modifier = page(client, "modifier", "XE")
    assert modifier["descriptors"]["short"]


def test_hcpcs_termination_dates_answer_as_of(client, catalog, db):
    now = page(client, "hcpcs", "A4397")
    assert now["status"] == "retired"
    assert now["end_date"] == "2021-12-31"
    assert page(client, "hcpcs", "A4397", as_of="2020-06-01")["status"] == "active"
    assert any(h["action"] == "Retired" and h["date"] == "2021-12-31" for h in now["history"])
    listed = client.get("/api/v1/codes/", {"system": "hcpcs", "prefix": "A4397"}).json()
    assert listed["count"] == 0
    listed = client.get(
        "/api/v1/codes/", {"system": "hcpcs", "prefix": "A4397", "as_of": "2020-06-01"}
    ).json()
    assert listed["count"] == 1


# -- MPFS and NCCI --------------------------------------------------------------------------


def test_rvu_file_indicators_are_decoded(client, catalog, db):
    xray = page(client, "cpt", "71046")
    assert xray["descriptors"]["long"] == "" and xray["descriptors"]["short"] == ""  # AMA text
    rows = {f["modifier"]: f for f in xray["mpfs"] if f["release"]["source"] == "mpfs"}
    assert set(rows) == {"", "26", "TC"}
    glob = rows[""]
    assert glob["pctc_indicator"] == {
        "code": "1",
        "meaning": "Diagnostic Tests for Radiology Services",
    }
    assert glob["global_days"] == {"code": "XXX", "meaning": "Global Concept Does Not Apply"}
    assert glob["status"]["code"] == "A"
    assert glob["conversion_factor"] == 32.3465
    assert glob["payment"]["non_facility"] == round(1.01 * 32.3465, 2)
    modifiers = {m["code"]: m["reason"] for m in xray["modifiers"]}
    assert "PC/TC indicator 1" in modifiers["26"] and "PC/TC indicator 1" in modifiers["TC"]
    surgery = page(client, "cpt", "27130")  # total hip arthroplasty
    reasons = {m["code"]: m["reason"] for m in surgery["modifiers"]}
    assert "multiple procedure indicator 2" in reasons["51"]
    assert {"62", "80"} <= set(reasons)


def test_aoc_workbook_links_97551_to_97550(client, catalog, db):
    primary = page(client, "cpt", "97550")
    links = [a for a in primary["add_ons"] if a["release"]["source"] == "ncci-aoc"]
    assert [a["code_text"] for a in links] == ["97551"]
    assert links[0]["edit_type"] == 1
    assert links[0]["effective_date"] == "2024-01-01"
    addon = page(client, "cpt", "97551")
    assert "97550" in {p["code_text"] for p in addon["primaries"]}


# -- idempotency, bad input, sync -----------------------------------------------------------


def test_reimporting_the_same_releases_changes_nothing(catalog, db):
    before = (Code.objects.count(), CodeNote.objects.count(), Release.objects.count())
    for name in ("icd10cm", "hcpcs", "mpfs", "aoc"):
        output = run(*IMPORTS[name])
        assert "nothing changed" in output, output
    assert (Code.objects.count(), CodeNote.objects.count(), Release.objects.count()) == before


def test_a_truncated_hcpcs_file_fails_cleanly(catalog, db, tmp_path):
    with gzip.open(HCPCS, "rt", encoding="ascii", newline="") as handle:
        lines = handle.read().split("\r\n")
    lines[4000] = lines[4000][:150]
    bad = tmp_path / "HCPC2025_APR_ANWEB_bad.txt"
    bad.write_text("\r\n".join(lines[:4200]), encoding="ascii", newline="")
    before = Code.objects.count()
    with pytest.raises(CommandError) as error:
        run("import_hcpcs", str(bad))
    message = str(error.value)
    assert str(bad) in message and "line 4001" in message and "'record'" in message
    assert Code.objects.count() == before
    assert not Release.objects.filter(source="hcpcs", version="2025-apr").exists()


def test_a_corrupted_tabular_fails_cleanly(catalog, db, tmp_path):
    with gzip.open(TABULAR) as handle:
        xml = handle.read()
    bad = tmp_path / "icd10cm-tabular-2027.xml"
    bad.write_bytes(xml[: len(xml) // 2])
    before = (Code.objects.count(), CodeNote.objects.count())
    with pytest.raises(CommandError) as error:
        run("import_icd10cm", "--tabular", str(bad))
    assert str(bad) in str(error.value) and "'xml'" in str(error.value)
    assert (Code.objects.count(), CodeNote.objects.count()) == before


def test_a_bad_rvu_date_free_value_is_refused(catalog, db, tmp_path):
    text = RVU.read_text(encoding="latin-1").splitlines()
    row = next(i for i, line in enumerate(text) if line.startswith("71046,,"))
    text[row] = text[row].replace(",0.22,", ",0.2x2,", 1)
    bad = tmp_path / "PPRRVU2026_Jan.csv"
    bad.write_text("\n".join(text), encoding="latin-1")
    with pytest.raises(CommandError) as error:
        run("import_mpfs", str(bad))
    assert f"line {row + 1}" in str(error.value) and "'WORK RVU'" in str(error.value)
    assert not Release.objects.filter(source="mpfs", version="2026-jan").exists()


def test_sync_downloads_from_a_mirror(catalog, db):
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(DATA))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        output = run("sync", "--only", "gems,hcpcs", "--base-url", url)
    finally:
        server.shutdown()
        server.server_close()
    assert "Downloading http://127.0.0.1" in output
    assert "Release gems 2018: already known" in output
    assert "Release hcpcs 2025-jan: already known" in output
    assert "nothing changed" in output


def test_sync_offline_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Cannot download"):
        run("sync", "--only", "gems", "--base-url", "http://127.0.0.1:9/")


def test_a_new_release_is_compared_with_the_previous_one(client, catalog, db, tmp_path):
    """April copy of the January file: G0151 revised, A0384 gone -> history and as_of."""
    with gzip.open(HCPCS, "rt", encoding="ascii", newline="") as handle:
        lines = handle.read().split("\r\n")
    out = []
    for line in lines:
        if line.startswith("A0384"):
            continue
        if line.startswith("G0151") and line[10] == "3":
            line = line[:11] + "Physical therapy services in the home".ljust(80) + line[91:]
        out.append(line)
    april = tmp_path / "HCPC2025_APR_ANWEB_test.txt"
    april.write_text("\r\n".join(out), encoding="ascii", newline="")

    output = run("import_hcpcs", str(april))
    assert "hcpcs codes: 0 added, 1 changed, 1 retired" in output

    gone = page(client, "hcpcs", "A0384")
    assert gone["status"] == "retired"
    assert gone["end_date"] == "2025-03-31"
    assert {"date": "2025-04-01", "action": "Retired"}.items() <= gone["history"][0].items()
    assert page(client, "hcpcs", "A0384", as_of="2025-02-01")["status"] == "active"

    revised = page(client, "hcpcs", "G0151")
    assert revised["descriptors"]["long"] == (
        "Physical therapy services in the home hospice setting, each 15 minutes"
    )
    assert any(h["action"] == "Revised" and h["date"] == "2025-04-01" for h in revised["history"])
    assert revised["billing"]["release"]["version"] == "2025-apr"


def test_graphql_code_page_carries_the_same_new_facts(client, gql, catalog, db):
    rest = page(client, "icd10cm", "E11.9")
    body = gql(
        '{ code(system: "icd10cm", code: "E11.9") {'
        " crosswalks { direction icd9Code } indexTerms { index path codeText } } }"
    )
    code = body["data"]["code"]
    assert [c["icd9Code"] for c in code["crosswalks"]] == [
        c["icd9_code"] for c in rest["crosswalks"]
    ]
    assert [t["path"] for t in code["indexTerms"]] == [t["path"] for t in rest["index_terms"]]
    body = gql('{ code(system: "hcpcs", code: "G0151") { billing { hcpcs { addedDate } } } }')
    assert body["data"]["code"]["billing"]["hcpcs"]["addedDate"] == "1999-07-01"


def test_code_page_query_count_does_not_grow_with_imported_facts(
    client, catalog, db, django_assert_max_num_queries
):
    # E11.9: notes from 3 ancestors, index terms, GEM rows; 71046: RVU rows, modifiers, AOC
    for system, code in (("icd10cm", "E11.9"), ("icd10cm", "S72.001A"), ("cpt", "71046")):
        with django_assert_max_num_queries(16):
            page(client, system, code)


@pytest.fixture(autouse=True)
def unmetered(settings):
    """These tests read many code pages to check imported facts; quotas have their own tests."""
    settings.METERING_ENABLED = False
