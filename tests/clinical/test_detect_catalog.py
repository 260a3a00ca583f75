"""DetectICD10CM's knowledge from the catalog: what the importers loaded is what it knows.

A tiny tabular list and index, imported with the management commands, hold a condition
("zorblax wasting syndrome", "frobnitz disease") the official files do not: the engine fed
from the catalog detects it, and the API uses the catalog as soon as it holds an ICD-10-CM
release (falling back to the official files on a fresh database). The real FY2026 tabular,
imported the same way, gives the same tabular knowledge as the file reader.
"""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from clinical.icd10cm import detect
from clinical.icd10cm.catalog_loader import knowledge_from_catalog, service_knowledge
from clinical.icd10cm.knowledge import (
    _LOADED,
    build_knowledge,
    codelist_codes,
    default_inputs,
    load_knowledge,
    tabular_entries,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/tools/detect-icd10cm"

TABULAR = """<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2026</version>
  <chapter>
    <name>18</name>
    <desc>Symptoms, signs and abnormal clinical and laboratory findings (R00-R99)</desc>
    <section id="R50-R69">
      <desc>General symptoms and signs (R50-R69)</desc>
      <diag>
        <name>R68</name>
        <desc>Other general symptoms and signs</desc>
        <diag>
          <name>R68.8</name>
          <desc>Other general symptoms and signs</desc>
          <diag><name>R68.81</name><desc>Early satiety</desc></diag>
          <diag>
            <name>R68.89</name>
            <desc>Other general symptoms and signs</desc>
            <inclusionTerm><note>Zorblax wasting syndrome</note></inclusionTerm>
          </diag>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>
"""

INDEX = """<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.index>
  <version>2026</version>
  <title>ICD-10-CM INDEX TO DISEASES and INJURIES</title>
  <letter>
    <title>F</title>
    <mainTerm><title>Frobnitz disease <nemod>(chronic)</nemod></title><code>R68.89</code></mainTerm>
  </letter>
  <letter>
    <title>Q</title>
    <mainTerm><title>Quux palsy</title><see>Frobnitz disease</see></mainTerm>
  </letter>
</ICD10CM.index>
"""


@pytest.fixture
def tiny_catalog(tmp_path, monkeypatch):
    load_knowledge()  # the files' knowledge, from the usual cache, before moving the cache
    known = set(_LOADED)
    monkeypatch.setenv("CODEAPI_DATA_DIR", str(tmp_path / "cache"))
    (tmp_path / "tabular.xml").write_text(TABULAR)
    (tmp_path / "index.xml").write_text(INDEX)
    call_command("import_icd10cm", "--tabular", str(tmp_path / "tabular.xml"), stdout=None)
    call_command("import_icd10cm_index", str(tmp_path / "index.xml"))
    yield
    for key in set(_LOADED) - known:  # forget the tiny catalog's knowledge
        del _LOADED[key]


def codes(result: dict) -> list[str]:
    return [c["code"] for c in result["codes"]]


TEXTS = {
    "inclusion term": "Seen today for zorblax wasting syndrome.",
    "index term": "Known frobnitz disease, stable.",
    "see reference": "She has quux palsy.",
}


@pytest.mark.parametrize("source", TEXTS)
def test_a_term_only_the_catalog_holds_is_detected(tiny_catalog, source):
    text = TEXTS[source]
    assert "R68.89" not in codes(detect(text))  # the official files do not know it
    kb = knowledge_from_catalog()
    assert kb.sources[0].startswith("catalog:icd10cm")
    assert codes(detect(text, kb)) == ["R68.89"]


def test_the_api_detects_with_the_catalog_when_it_holds_icd10cm(tiny_catalog, client):
    response = client.post(
        URL,
        data=json.dumps({"text": "Frobnitz disease. Denies quux palsy. Chest pain."}),
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert codes(body) == ["R68.89"]  # the tiny catalog knows no chest pain code
    negated = [e for e in body["entities"] if "quux" in e["text"].lower()]
    assert negated and {t["name"] for t in negated[0]["traits"]} == {"NEGATION"}


@pytest.mark.skipif(
    "index_csv" not in default_inputs() and "index_xml" not in default_inputs(),
    reason="shared ICD-10-CM index files absent (../shared/data/icd10cm): 'chest pain' is an "
    "index term",
)
def test_a_fresh_catalog_falls_back_to_the_official_files(client):
    assert not service_knowledge().sources[0].startswith("catalog")
    response = client.post(
        URL, data=json.dumps({"text": "Chest pain."}), content_type="application/json"
    )
    assert codes(response.json()) == ["R07.9"]


def test_a_new_import_rebuilds_the_catalog_knowledge(tiny_catalog, tmp_path):
    before = knowledge_from_catalog()
    assert knowledge_from_catalog() is before  # cached
    (tmp_path / "index2.xml").write_text(
        INDEX.replace("<version>2026</version>", "<version>2027</version>").replace(
            "Quux palsy", "Blorft palsy"
        )
    )
    call_command("import_icd10cm_index", str(tmp_path / "index2.xml"))
    after = knowledge_from_catalog()
    assert after is not before
    assert codes(detect("Blorft palsy.", after)) == ["R68.89"]
    assert codes(detect("Blorft palsy.", before)) == []


def test_the_imported_fy2026_tabular_gives_the_file_readers_knowledge(tmp_path, monkeypatch):
    """The real FY2026 tabular through ``import_icd10cm`` == the same file read directly."""
    monkeypatch.setenv("CODEAPI_DATA_DIR", str(tmp_path))
    call_command("import_icd10cm")
    inputs = default_inputs()
    files = build_knowledge(
        codes=codelist_codes(inputs["codelist"]), tabular=tabular_entries(inputs["tabular"])
    )
    catalog = knowledge_from_catalog(use_cache=False)
    for name in ("titles", "valid", "billable", "default_child", "children", "seventh"):
        assert getattr(catalog, name) == getattr(files, name), name
    assert catalog.excludes1 == files.excludes1
    assert catalog.terms == files.terms


def test_a_catalog_without_the_index_still_detects_with_the_files(client, tmp_path):
    """The quick start imports the tabular only: the files' richer knowledge is used then."""
    (tmp_path / "tab.xml").write_text(TABULAR)
    call_command("import_icd10cm", "--tabular", str(tmp_path / "tab.xml"))

    assert not service_knowledge().sources[0].startswith("catalog")
