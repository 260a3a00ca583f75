"""RedactPHI fourth pass (issue 7), through REST: names on unseen text, and clinical prose in
capitals that is no place, name or date."""

from __future__ import annotations

import pytest

from tests.clinical.phi_rest import assert_found, assert_kept

# --- clinical prose in capitals and counts: no place, name or date --------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("ENT:  Denies any EAR, NOSE, OR THROAT PAIN.", "NOSE"),
        ("Increased REDNESS, SWELLING, OR DRAINAGE at the site.", "SWELLING"),
        ("No thrombus in the COMMON FEMORAL, SUPERFICIAL FEMORAL, OR POPLITEAL VEINS.", "FEMORAL"),
        ("EXAMINATION PERFORMED:  MR BRAIN WITH AND WITHOUT CONTRAST", "BRAIN"),
        ("SMALL GASTROHEPATIC AND PORTA HEPATIS LYMPH NODES.", "PORTA"),
        ("No evidence of varices, ulcers, or Mallory-Weiss tear.", "Mallory-Weiss"),
        ("On postoperative day #1, she complained of nausea.", "#1"),
        ("Following commands in four extremities and 5/5 motor and sensation.", "5/5"),
        ("MOTOR IS 5/5 IN ALL EXTREMITIES.", "5/5"),
        ("X-rays do confirm a left acetabular fracture.", "X-rays"),
        ("It was recommended to have Home Care PT and OT visit.", "Care"),
        ("Brought in by ambulance today from the nursing home in Mt.", "Mt"),
    ],
)
def test_capitalised_clinical_prose_stays(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "fragment", "kind"),
    [
        ("Moved here from SALEM, OR last spring.", "SALEM", "LOCATION"),
        ("MR SMITH was seen in clinic.", "SMITH", "NAME"),
        ("Lives at 12 Oak St #4, Salem.", "#4", "LOCATION"),
        ("Seen on 5/5 for follow-up.", "5/5", "DATE"),
    ],
)
def test_the_same_shapes_still_found_where_they_are_phi(client, text, fragment, kind):
    assert_found(client, text, fragment, kind)


# --- names: a word or clinical term before a known name, a doctor named like a kinship word,
# pairs of names opening a sentence, a person's trait, lower-case lists of first names -------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pt Candida Ruiz seen today for follow-up.", "Candida Ruiz"),
        ("Nurse Happy Olorunfemi gave the 0900 meds.", "Happy Olorunfemi"),
        ("Seen by Dr. Son in clinic.", "Son"),
        ("Drs. Park and Mann agree with the plan.", "Park"),
        ("Park and Mann were at the family meeting.", "Park"),
        ("Brightwater and Oyelaran were present for the discussion.", "Brightwater"),
        ("Brightwater and Oyelaran were present for the discussion.", "Oyelaran"),
        ("Shovda is very reliable and brings her medication list.", "Shovda"),
        ("Children at home: silvana, adam, kristina and caleb.", "silvana"),
        ("Children at home: silvana, adam, kristina and caleb.", "caleb"),
    ],
)
def test_names_without_a_lexicon_hit_or_a_cue(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Lasix and Coreg were held overnight.", "Coreg"),
        ("Heme and Onc were consulted.", "Onc"),
        ("Nausea and Vomiting have improved.", "Vomiting"),
        ("Pain is very severe at night.", "Pain"),
        ("Everything is fine today.", "Everything"),
        ("Pt Candida esophagitis on fluconazole.", "Candida"),
        ("Dr. Smith reviewed the Graves disease workup.", "Graves"),
        ("Strengths: grace, hope and joy in her faith.", "grace"),
        ("Foley placed; Murphy sign negative; Baker cyst; Ottawa rules; s/p Whipple.", "Murphy"),
    ],
)
def test_the_new_name_shapes_leave_clinical_text_alone(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chaplain visit by Rev. Okonkwo this morning.", "Okonkwo"),
        ("Seen by Pastor Dunmore after the meeting.", "Dunmore"),
        ("Discussed with Mann and Park from nephrology.", "Park"),
        ("Per Dr. Hart's note, Stark and Bloom were in agreement.", "Bloom"),
    ],
)
def test_clergy_titles_and_surnames_that_are_words_in_pairs(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Seen by Dr. Smith and Park Avenue staff.", "Park"),
        ("Seen by Pastor Dunmore after the meeting.", "Pastor"),
    ],
)
def test_a_pair_stops_before_a_place_and_the_title_stays(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Children: leonti, terrence, pamela and brian live nearby.", "leonti"),
        ("Children: leonti, terrence, pamela and brian live nearby.", "brian"),
    ],
)
def test_lower_case_lists_with_an_unknown_name(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Allergies: penicillin, sulfa, codeine and latex.", "codeine"),
        ("Symptoms: nausea, fatigue, dyspnea and myalgia.", "myalgia"),
    ],
)
def test_lower_case_clinical_lists_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quillabet visits daily and brings meals.", "Quillabet"),
        ("Vanterpool checks on her every evening.", "Vanterpool"),
    ],
)
def test_an_unknown_word_before_what_a_person_does(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Zyrtec brought relief overnight.", "Zyrtec"),
        ("Hospice visits twice weekly.", "Hospice"),
        ("Spanish understood by the patient.", "Spanish"),
    ],
)
def test_drugs_and_services_before_those_verbs_stay(client, text, kept):
    assert_kept(client, text, kept)
