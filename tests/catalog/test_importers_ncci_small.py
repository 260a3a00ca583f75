"""NCCI PTP and MUE importers on small hand-written files in the official layouts.

The real PTP and MUE tables are not in shared/data; these files (tests/catalog/data/) name
only the demo catalog's codes. Behaviour is checked through the management commands and
the REST/GraphQL code pages.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Mue, PtpEdit, Release

DATA = Path(__file__).parent / "data"
PTP = DATA / "ccipra-v311r0-f1.txt"
MUE_PRACTITIONER = DATA / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"
MUE_OUTPATIENT = DATA / "MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv"
MUE_DME = DATA / "MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def page(client, system: str, code: str, **params) -> dict:
    response = client.get(f"/api/v1/codes/{system}/{code}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_ptp_edits_show_on_both_codes_and_allow_bypass_modifiers(client, demo_catalog):
    output = run("import_ncci_ptp", str(PTP))
    assert "PTP edits: 2 added" in output

    edits = page(client, "cpt", "97551", as_of="2024-06-01")["ncci_edits"]
    pair = next(e for e in edits if e["column1"] == "97550")
    assert pair["role"] == "column2"
    assert pair["modifier_indicator"]["code"] == "1"
    assert pair["modifier_indicator"]["meaning"]
    assert pair["effective_date"] == "2024-01-01"

    # The 97551/97550 pair was deleted on 2024-12-31: in effect mid-2024, gone in 2025.
    assert any(
        e["column1"] == "97551"
        for e in page(client, "cpt", "97550", as_of="2024-06-01")["ncci_edits"]
    )
    assert not any(
        e["column1"] == "97551"
        for e in page(client, "cpt", "97550", as_of="2025-06-01")["ncci_edits"]
    )

    modifiers = {m["code"]: m for m in page(client, "cpt", "97551")["modifiers"]}
    for code in ("59", "XE", "XP", "XS", "XU"):
        assert code in modifiers
        assert "97550" in modifiers[code]["reason"]
        assert modifiers[code]["release"]["source"] == "ncci-ptp-practitioner"
    # The pair with indicator 0 allows no bypass: 97550 (column 2 there) gets none from NCCI.
    assert not any(
        m["release"]["source"].startswith("ncci") for m in page(client, "cpt", "97550")["modifiers"]
    )


def test_ptp_reimport_changes_nothing(demo_catalog):
    run("import_ncci_ptp", str(PTP))
    before = list(PtpEdit.objects.values_list("id", "modifier_indicator", "end_date"))
    output = run("import_ncci_ptp", str(PTP))
    assert "nothing changed" in output
    assert list(PtpEdit.objects.values_list("id", "modifier_indicator", "end_date")) == before


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ("97550\t97551\t\t20240101", "97550\t99999\t\t20240101", 4, "Column 2"),
        ("20240101\t*\t1", "20241301\t*\t1", 4, "Effective Date"),
        ("\t20241231\t0\t", "\t20241231\t7\t", 5, "Modifier indicator"),
    ],
)
def test_bad_ptp_file_fails_with_file_line_field_and_changes_nothing(
    demo_catalog, tmp_path, old, new, line, field
):
    bad = tmp_path / PTP.name
    text = PTP.read_text()
    assert old in text
    bad.write_text(text.replace(old, new, 1))
    with pytest.raises(CommandError) as error:
        run("import_ncci_ptp", str(bad))
    message = str(error.value)
    assert str(bad) in message
    assert f"line {line}" in message
    assert repr(field) in message
    assert not PtpEdit.objects.exists()
    assert not Release.objects.filter(source__startswith="ncci").exists()


def test_mue_tables_of_all_three_kinds(client, gql, demo_catalog):
    for path in (MUE_PRACTITIONER, MUE_OUTPATIENT, MUE_DME):
        assert "added" in run("import_ncci_mue", str(path))
    mues = {m["service_type"]: m for m in page(client, "cpt", "97550")["mue"]}
    assert mues["practitioner"]["value"] == 1
    assert mues["practitioner"]["adjudication_indicator"]["code"] == "3"
    assert mues["practitioner"]["release"]["effective_date"] == "2026-01-01"
    assert mues["outpatient"]["value"] == 2
    assert mues["outpatient"]["adjudication_indicator"]["code"] == "2"
    body = gql('{ code(system: "cpt", code: "97551") { mue { serviceType value rationale } } }')
    got = {m["serviceType"]: m for m in body["data"]["code"]["mue"]}
    assert got["practitioner"]["value"] == 4
    assert got["practitioner"]["rationale"] == "Clinical: Data"
    assert "dme" in {m["service_type"] for m in page(client, "cpt", "97551")["mue"]}
    assert "nothing changed" in run("import_ncci_mue", str(MUE_PRACTITIONER))


def test_mue_wrong_layout_is_refused(demo_catalog, tmp_path):
    bad = tmp_path / MUE_PRACTITIONER.name
    bad.write_text(MUE_PRACTITIONER.read_text().replace("MUE Values", "Values"))
    with pytest.raises(CommandError, match="header"):
        run("import_ncci_mue", str(bad))
    bad.write_text(MUE_PRACTITIONER.read_text().replace('"3 Date', '"7 Date', 1))
    with pytest.raises(CommandError) as error:
        run("import_ncci_mue", str(bad))
    assert "line 4" in str(error.value)
    assert "'MUE Adjudication Indicator'" in str(error.value)
    assert not Mue.objects.filter(release__source__startswith="ncci").exists()


def test_command_exits_non_zero_on_a_bad_file(tmp_path):
    bad = tmp_path / "ccipra-v311r0-f1.txt"
    bad.write_text(PTP.read_text().replace("\t1\tMisuse", "\t5\tMisuse"))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "import_ncci_ptp", str(bad)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "line 4" in result.stderr
    assert "Modifier indicator" in result.stderr


def test_crosswalk_lookup_needs_exactly_one_code(client, gql, db):
    response = client.get("/api/v1/crosswalks/")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    body = gql("{ crosswalks { icd9Code } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@pytest.fixture(autouse=True)
def unmetered(settings):
    """These tests read many code pages to check imported facts; quotas have their own tests."""
    settings.METERING_ENABLED = False
