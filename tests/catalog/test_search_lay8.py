"""Code search, eighth round of everyday words: chart shorthand with one-letter sides
("sprn l ankle"), a lay phrase with "my" or a side inside it, a level said last ("sugars
running high"), two words the catalog writes as one ("wheel chair"), a BMI value, a relative
who is the patient ("grandma fell"), and symptom-verb phrases (REST and GraphQL alike).
"""

from __future__ import annotations

import pytest

from tests import factories
from tests.catalog.test_search import VIA, codes, search

SPRAIN = "Sprain of unspecified ligament of {} ankle, initial encounter"
BMI = "Body mass index [BMI] {}, adult"
DVT = "Acute embolism and thrombosis of unspecified deep veins of {} lower extremity"


@pytest.fixture
def catalog(demo_catalog):
    icd = {}
    for code, title in [
        ("S93.401A", SPRAIN.format("right")),
        ("S93.402A", SPRAIN.format("left")),
        ("S80.01XA", "Contusion of right knee, initial encounter"),
        ("S80.02XA", "Contusion of left knee, initial encounter"),
        ("S50.811A", "Abrasion of right forearm, initial encounter"),
        ("S50.812A", "Abrasion of left forearm, initial encounter"),
        ("S43.004A", "Unspecified dislocation of right shoulder joint, initial encounter"),
        ("S43.005A", "Unspecified dislocation of left shoulder joint, initial encounter"),
        ("L03.115", "Cellulitis of right lower limb"),
        ("L03.116", "Cellulitis of left lower limb"),
        ("I82.401", DVT.format("right")),
        ("I82.402", DVT.format("left")),
        ("R25.2", "Cramp and spasm"),
        ("N94.6", "Dysmenorrhea, unspecified"),
        ("N91.2", "Amenorrhea, unspecified"),
        ("O02.1", "Missed abortion"),
        ("R73.9", "Hyperglycemia, unspecified"),
        ("E16.2", "Hypoglycemia, unspecified"),
        ("Y93.02", "Activity, running"),
        ("R50.9", "Fever, unspecified"),
        ("Z68.1", BMI.format("19.9 or less")),
        ("Z68.31", BMI.format("31.0-31.9")),
        ("Z68.41", BMI.format("40.0-44.9")),
        ("Z68.42", BMI.format("45.0-49.9")),
        ("E66.9", "Obesity, unspecified"),
        ("W19.XXXA", "Unspecified fall, initial encounter"),
        ("Z82.61", "Family history of arthritis"),
        ("Z82.3", "Family history of stroke"),
        ("I63.9", "Cerebral infarction, unspecified"),
        ("R35.1", "Nocturia"),
        ("R39.16", "Straining to void"),
        ("M65.30", "Trigger finger, unspecified finger"),
        ("J05.0", "Acute obstructive laryngitis [croup]"),
        ("R05.9", "Cough, unspecified"),
        ("S00.83XA", "Contusion of other part of head, initial encounter"),
        ("V97.31XA", "Hit by object falling from aircraft, initial encounter"),
        ("I95.1", "Orthostatic hypotension"),
        ("R42", "Dizziness and giddiness"),
        ("Q66.00", "Congenital talipes equinovarus, unspecified foot"),
        ("Z38.00", "Single liveborn infant, delivered vaginally"),
        ("R87.619", "Unspecified abnormal cytological findings in specimens from cervix uteri"),
        ("Z12.31", "Encounter for screening mammogram for malignant neoplasm of breast"),
        ("Z13.9", "Encounter for screening, unspecified"),
        ("K35.80", "Unspecified acute appendicitis"),
        ("E03.9", "Hypothyroidism, unspecified"),
        ("E06.9", "Thyroiditis, unspecified"),
        ("E55.9", "Vitamin D deficiency, unspecified"),
        ("I82.512", "Chronic embolism and thrombosis of left femoral vein"),
        ("Z34.80", "Encounter for supervision of other normal pregnancy, unspecified trimester"),
        ("Z34.81", "Encounter for supervision of other normal pregnancy, first trimester"),
        ("Z34.83", "Encounter for supervision of other normal pregnancy, third trimester"),
        ("B80", "Enterobiasis"),
        ("L29.0", "Pruritus ani"),
    ]:
        icd[code] = factories.code(
            "icd10cm", code, short_descriptor=title[:60], long_descriptor=title
        )
    for code, title in [
        ("K0001", "Standard wheelchair"),
        ("K0823", "Power wheelchair, group 2 standard, captains chair"),
    ]:
        factories.code("hcpcs", code, short_descriptor=title[:28], long_descriptor=title)
    return icd


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("sprn l ankle", "S93.402A"),
        ("sprn r ankle", "S93.401A"),
        ("cont l knee", "S80.02XA"),
        ("disloc l shoulder", "S43.005A"),
        ("abr l forearm", "S50.812A"),
        ("cellulitis l lower leg", "L03.116"),
    ],
)
def test_chart_shorthand_with_one_letter_sides(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first", [("cramps during her period", "N94.6"), ("blood clot in my left leg", "I82.402")]
)
def test_a_phrase_with_my_or_a_side_inside(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [("sugars running high", "R73.9"), ("sugars low", "E16.2")],
)
def test_a_level_said_last(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
def test_two_words_the_catalog_writes_as_one(client, gql, catalog, via):
    _, results = search(client, gql, via, "standard wheel chair", system="hcpcs")
    assert codes(results)[0] == "K0001", results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [("obese bmi 42", "Z68.41"), ("bmi 47.5", "Z68.42")],
)
def test_a_bmi_value_finds_its_range(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
def test_a_relative_who_fell_is_the_patient(client, gql, catalog, via):
    _, results = search(client, gql, via, "grandma fell at home")
    assert results[0]["code"] == "W19.XXXA", results[:3]
    # a relative's illness is still their family history
    _, results = search(client, gql, via, "grandma had a stroke")
    assert results[0]["code"] == "Z82.3", results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("missed my period", "N91.2"),
        ("getting up to pee all night", "R35.1"),
        ("barking cough", "J05.0"),
        ("dizzy when i stand up", "I95.1"),
        ("appy", "K35.80"),
    ],
)
def test_symptom_verbs_and_everyday_phrases(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("supervision of normal pregnancy 30 weeks", "Z34.83"),
        ("routine prenatal visit 12 weeks", "Z34.81"),
    ],
)
def test_weeks_at_a_prenatal_visit_give_the_trimester(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
def test_itching_at_night_reads_as_pinworms(client, gql, catalog, via):
    _, results = search(client, gql, via, "itchy bottom at night")
    assert results[0]["code"] == "B80", results[:3]
