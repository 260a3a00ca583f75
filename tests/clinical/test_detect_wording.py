"""DetectICD10CM: how clinicians word a condition, and the code it gets.

A condition stated *without* a feature gets the code without it: "Type 2 diabetes mellitus
without complications" is E11.9 word for word, yet "with other specified complication"
(E11.69) shares every content word with it; "COPD without exacerbation" is no J44.1. No code
is built across a relative clause; pain in a named joint is joint pain. Through REST, on the
official files' knowledge (skips without them, like ``test_detect.py``).
"""

from __future__ import annotations

import json

import pytest

from clinical.icd10cm.knowledge import default_inputs

URL = "/api/v1/tools/detect-icd10cm"
HAS_INDEX = "index_csv" in default_inputs() or "index_xml" in default_inputs()

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not HAS_INDEX, reason="shared ICD-10-CM index files absent (../shared/data/icd10cm)"
    ),
]


def rest_codes(client, text: str) -> list[str]:
    response = client.post(URL, data=json.dumps({"text": text}), content_type="application/json")
    assert response.status_code == 200, response.content
    return [c["code"] for c in response.json()["codes"]]


@pytest.mark.parametrize(
    "text, want, not_want",
    [
        ("Type 2 diabetes mellitus without complications.", "E11.9", {"E11.69", "E11.8"}),
        ("DM2 w/o complications, diet controlled.", "E11.9", {"E11.69", "E11.8"}),
        ("COPD without exacerbation, stable on tiotropium.", "J44.9", {"J44.1"}),
        ("Asthma without status asthmaticus.", "J45.909", {"J45.902"}),
        ("Hypertensive heart disease without heart failure.", "I11.9", {"I11.0"}),
    ],
)
def test_without_a_feature_gives_the_code_without_it(client, text, want, not_want):
    got = rest_codes(client, text)
    assert got[0] == want, got
    assert not (set(got) & not_want), got


@pytest.mark.parametrize(
    "text, want",
    [
        ("Type 2 diabetes mellitus with diabetic chronic kidney disease.", "E11.22"),
        ("COPD with acute exacerbation.", "J44.1"),
        ("Hypertensive heart disease with heart failure.", "I11.0"),
    ],
)
def test_with_the_feature_keeps_the_combination_code(client, text, want):
    assert want in rest_codes(client, text)


def test_a_code_is_not_built_across_a_relative_clause(client):
    """'gout who presents with ankle swelling' is gout (M10.9) and ankle swelling, not gout
    of the ankle due to renal impairment (M10.37-)."""
    got = rest_codes(client, "A 54-year-old woman with gout who presents with ankle swelling.")
    assert "M10.9" in got, got
    assert "M25.473" in got, got
    assert not [c for c in got if c.startswith("M10.3")], got


@pytest.mark.parametrize(
    "text, want",
    [
        ("Pain in left ankle since the fall.", "M25.572"),
        ("Right knee pain, worse on stairs.", "M25.561"),
    ],
)
def test_pain_in_a_named_joint_is_joint_pain(client, text, want):
    got = rest_codes(client, text)
    assert want in got, got
    assert "R52" not in got, got


@pytest.mark.parametrize(
    "text, want, not_want",
    [
        # the 2 of T2DM is the diabetes type, not a CKD stage
        ("T2DM with diabetic CKD stage 3b.", {"E11.22", "N18.32"}, {"N18.2"}),
        # GERD's "esophageal" and OSA's "obstructive" make no esophageal obstruction
        ("PMH: HTN, HLD, GERD, OSA on CPAP.", {"I10", "E78.5", "K21.9", "G47.33"}, {"K22.2"}),
        # the tabular title's "(congestive)" is a non-essential word
        ("Also noted acute on chronic diastolic heart failure.", {"I50.33"}, {"I50.31", "I50.32"}),
    ],
)
def test_words_are_read_as_the_text_says(client, text, want, not_want):
    got = set(rest_codes(client, text))
    assert want <= got, got
    assert not (got & not_want), got


@pytest.mark.parametrize(
    "text, want",
    [
        # the index files fractures under "Fracture, traumatic"; notes say "distal radius"
        ("Closed fracture of left distal radius, initial encounter.", "S52.502A"),
        # "femoral neck" is the femur's neck, not the neck (S12.-)
        ("Fracture of the right femoral neck, subsequent encounter.", "S72.001D"),
    ],
)
def test_fractures_worded_as_notes_word_them(client, text, want):
    got = rest_codes(client, text)
    assert want in got, got
    assert not [c for c in got if c.startswith(("S12", "T14"))], got


def test_a_vague_code_gives_way_only_to_a_code_that_says_more_of_the_same(client):
    got = rest_codes(
        client,
        "Type 2 diabetes mellitus without complications. Type 2 DM with hyperglycemia. "
        "Diabetic peripheral neuropathy. Osteoarthritis of knee. Primary osteoarthritis of "
        "left knee. Nicotine dependence. Nicotine dependence, cigarettes.",
    )
    # E11.40 is a second complication beside E11.65, not a vaguer E11.65
    assert {"E11.65", "E11.40", "M17.12", "F17.210"} <= set(got), got
    assert not {"E11.9", "M17.9", "F17.200"} & set(got), got


@pytest.mark.parametrize(
    "text, want",
    [
        ("Family history of colon cancer in her father.", ["Z80.0"]),
        ("Her brother has type 1 diabetes.", ["Z83.3"]),
        ("Father had an MI at 60.", ["Z82.49"]),
        ("No family history of colon cancer.", []),
    ],
)
def test_a_relatives_condition_is_coded_as_family_history(client, text, want):
    """Z80-Z84 by their 'Conditions classifiable to' notes; never the condition itself."""
    assert rest_codes(client, text) == want


def test_excludes1_ranges_are_read_as_ranges(client):
    """I10's Excludes1 names 'hypertension complicating pregnancy (O10-O11, O13-O16)': O14
    lies inside the range, not at either end, and was missed when 'O13-O16' read as two
    codes."""
    response = client.post(
        URL,
        data=json.dumps({"text": "Essential hypertension. Pre-eclampsia."}),
        content_type="application/json",
    )
    flags = {c["code"]: c.get("flags", []) for c in response.json()["codes"]}
    assert "EXCLUDES1:O14.90" in flags["I10"], flags


@pytest.mark.parametrize(
    "text, want",
    [
        ("Morbid obesity, BMI 42.", ["E66.01", "Z68.41"]),
        ("Severe protein-calorie malnutrition, BMI 16.2.", ["E43", "Z68.1"]),
        ("BMI 42, no other problems.", []),  # no weight diagnosis: no BMI code
        ("Overweight child, BMI 85th percentile.", ["E66.3"]),  # a child's BMI is a percentile
    ],
)
def test_an_adult_bmi_is_coded_beside_its_weight_diagnosis(client, text, want):
    assert rest_codes(client, text) == want
