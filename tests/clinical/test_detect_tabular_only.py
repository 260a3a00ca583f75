"""DetectICD10CM with the FY2026 tabular alone (the quick start's knowledge on a machine
without the official index files): common conditions named plainly still get their codes.

The tabular names most conditions with a qualifier ("Pneumonia, unspecified organism",
"Hypertension (arterial) (benign) ..." as an inclusion term), and "Other ..." headers share
their key with the bare word; these tests hold the plain reading. Runs with or without
``../shared``: the shared directory is pointed at an empty one.
"""

from __future__ import annotations

import json

import pytest

from clinical.icd10cm.knowledge import _LOADED

URL = "/api/v1/tools/detect-icd10cm"


@pytest.fixture
def tabular_only(tmp_path, monkeypatch):
    known = set(_LOADED)
    monkeypatch.setenv("CODEAPI_SHARED_DIR", str(tmp_path / "no-shared"))
    monkeypatch.setenv("CODEAPI_DATA_DIR", str(tmp_path / "cache"))
    yield
    for key in set(_LOADED) - known:
        del _LOADED[key]


def rest_codes(client, text: str) -> list[str]:
    response = client.post(URL, data=json.dumps({"text": text}), content_type="application/json")
    assert response.status_code == 200, response.content
    return [c["code"] for c in response.json()["codes"]]


@pytest.mark.django_db
def test_plain_condition_names_get_their_default_codes(client, tabular_only):
    got = rest_codes(
        client,
        "He has pneumonia. Also asthma and hypertension. Acute myocardial infarction in 2019.",
    )
    assert "J18.9" in got, got  # not J18.8 "Other pneumonia, unspecified organism"
    assert "J45.909" in got, got  # not J45.991 cough variant asthma
    assert "I10" in got, got  # not I1A.0 resistant hypertension
    assert "I21.9" in got, got
    assert not {"J18.8", "J45.991", "J45.998", "I1A.0"} & set(got), got


@pytest.mark.django_db
def test_without_complications_on_the_tabular_alone(client, tabular_only):
    assert rest_codes(client, "Type 2 diabetes mellitus without complications.") == ["E11.9"]


@pytest.mark.django_db
def test_a_new_knowledge_file_replaces_stale_ones(client, tabular_only, tmp_path):
    """The newest builds of a kind stay (three in all), older ones and files named before
    kinds go, another kind's files stay."""
    import os

    cache = tmp_path / "cache"
    cache.mkdir()
    builds = [cache / f"icd10cm-knowledge-files-{n:020d}.pickle" for n in range(4)]
    for age, path in enumerate(builds):  # builds[0] the newest
        path.write_bytes(b"stale")
        os.utime(path, (1_700_000_000 - age * 3600,) * 2)
    legacy = cache / "icd10cm-knowledge-0123456789abcdef0123.pickle"  # named before kinds
    other_kind = cache / "icd10cm-knowledge-catalog-0123456789abcdef0123.pickle"
    for path in (legacy, other_kind):
        path.write_bytes(b"stale")
    assert rest_codes(client, "He has pneumonia.") == ["J18.9"]
    left = {p.name for p in cache.glob("icd10cm-knowledge-*.pickle")}
    assert len(left) == 4, left  # the new build, the two newest stale ones, the catalog's
    assert {builds[0].name, builds[1].name, other_kind.name} <= left
    assert not {builds[2].name, builds[3].name, legacy.name} & left
