"""RedactPHI recall pass 3 (issue 7), through REST: each fixed category finds what it should
(positive) and leaves the clinical text around it alone (negative)."""

from __future__ import annotations

import pytest

from tests.clinical.phi_rest import assert_found, assert_kept, covering, entities

# --- names: international lexicon, person verbs, sign-offs, initials, kinship words --------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Radoslav reports less pain since the last visit.", "Radoslav"),
        ("Seen with his sister Jarmila Dvořák, who translated.", "Jarmila Dvořák"),
        ("Tuula Virtanen presents for a dressing change.", "Tuula Virtanen"),
        ("Spoke with Rose about the discharge plan.", "Rose"),
        ("Discussed with Mark by phone; he agrees.", "Mark"),
        ("Left a message for Hope to call back.", "Hope"),
        ("Labs reviewed.\nThanks,\nGrant", "Grant"),
        ("Wound looks clean, will recheck Friday.\n-- JS", "JS"),
        ("Orders co-signed: M.E.", "M.E."),
        ("Daughter hyun-joo translated for the visit.", "hyun-joo"),
        ("Tx plan reviewed with priya at bedside.", "priya"),
        ("Follow up with Dr. Crohn in clinic.", "Crohn"),
    ],
)
def test_names_found_from_lexicon_and_context(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Foley catheter placed; Foley draining clear urine.", "Foley"),
        ("Doppler of the left leg was negative for DVT.", "Doppler"),
        ("COLOR FLOW DOPPLER: trace mitral regurgitation.", "DOPPLER"),
        ("Neurologic:  Alert and oriented times three.", "Neurologic"),
        ("Thrombocytosis: platelets 612, likely reactive.", "Thrombocytosis"),
        ("Type: Echo   Transthoracic Echocardiogram", "Transthoracic Echocardiogram"),
        ("Crohn flare last month, now on Humira.", "Crohn"),
        ("Discussed with Ortho; they will see him today.", "Ortho"),
        ("Daughter tearful at bedside; son involved in care.", "tearful"),
        ("Plan reviewed -- CT negative for bleed.", "CT"),
        ("Rose from the chair without help; Hope is to wean O2.", "Rose"),
        ("Ellis-van Creveld syndrome was ruled out.", "Ellis-van Creveld"),
    ],
)
def test_clinical_words_are_not_names(client, text, kept):
    assert_kept(client, text, kept)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Admitted 2024-03-14T08:30 for observation.", "2024-03-14T08:30"),
        ("Seen on 03-14-2024 in clinic.", "03-14-2024"),
        ("Surgery on March fourteenth went well.", "March fourteenth"),
        ("She was seen on the fifth of May.", "fifth of May"),
        ("She fell on the 3rd and again on the 17th.", "3rd"),
        ("She fell on the 3rd and again on the 17th.", "17th"),
        ("Seen Tue 3/4 at 2pm for a wound check.", "3/4"),
        ("Weaker since Thanksgiving per family.", "Thanksgiving"),
        ("Admitted on Christmas Eve with chest pain.", "Christmas Eve"),
        ("LMP 4/28; UPT negative.", "4/28"),
        ("EDD 11/02 by early ultrasound.", "11/02"),
        ("Last dose of Eliquis the evening of 3/12.", "3/12"),
    ],
)
def test_dates_in_more_formats_are_found(client, text, date):
    assert_found(client, text, date, "DATE")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Received 3rd dose of Shingrix today.", "3rd"),
        ("Transferred to the room on the 3rd floor.", "3rd"),
        ("Third degree burn to the 3rd finger.", "3rd"),
        ("Strength 5/5 throughout; meets 4 of 5 criteria.", "5/5"),
        ("Pain 7/10, took 3/4 of the dose.", "3/4"),
        ("may 5 mg be given if needed", "may 5"),
        ("Take the first of two doses tonight.", "first"),
    ],
)
def test_doses_scores_and_ordinals_are_not_dates(client, text, kept):
    assert_kept(client, text, kept)


def test_a_date_with_dashes_is_a_date_not_a_phone(client, db):
    text = "Seen on 03-14-2024 in clinic."
    hits = covering(entities(client, text), text, "03-14-2024")
    assert [e["type"] for e in hits] == ["DATE"]


# --- places ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Moved here from Flagstaff last year.", "Flagstaff"),
        ("Drove up from Mobile for the visit.", "Mobile"),
        ("Lives in Reading with her son.", "Reading"),
        ("Pt is a Tacoma native, retired machinist.", "Tacoma"),
        ("Found down outside the pharmacy on Rt 9 by bystanders.", "Rt 9"),
        ("MVC on I-95 northbound, restrained driver.", "I-95"),
    ],
)
def test_places_found_with_city_lexicon_and_roads(client, text, place):
    assert_found(client, text, place, "LOCATION")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She was switched from Vicodin to Percocet.", "Vicodin"),
        ("Started in Neurology clinic last week.", "Neurology"),
        ("In Normal sinus rhythm on arrival.", "Normal"),
        ("Patient on US 1 view showed no mass.", "US 1"),
    ],
)
def test_drugs_and_clinical_words_are_not_places(client, text, kept):
    assert_kept(client, text, kept)


# --- later additions: particles, nicknames, ages in words, handles, month/year, ranges ----------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "fragment", "kind"),
    [
        ("Dr. de la Cruz (ortho) recommends PT.", "de la Cruz", "NAME"),
        ("J. van der Berg, RN", "J. van der Berg", "NAME"),
        ('Pt goes by "Buddy" on the unit.', "Buddy", "NAME"),
        ("Faith called re: refill.", "Faith", "NAME"),
        ("my name is vitoria and i need a refill", "vitoria", "NAME"),
        ("eva kleist lives at home with her dog", "eva kleist", "NAME"),
        ("Don't forget your cane, Mark!", "Mark", "NAME"),
        ("Pt is ninety-two years old.", "ninety-two", "AGE"),
        ("Pt posts updates on twitter @zeckhardt.", "@zeckhardt", "ID"),
        ("s/p CABG 2019, PCI 3/2021.", "3/2021", "DATE"),
        ("March 5-7 admission for CHF.", "March 5-7", "DATE"),
        ("Follow-up planned Thursday the 7th.", "7th", "DATE"),
        ("Dr. Burke grew up in KNIVSTA, Sweden.", "KNIVSTA", "LOCATION"),
    ],
)
def test_more_identifier_shapes_are_found(client, text, fragment, kind):
    assert_found(client, text, fragment, kind)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Reviewed Holter results; rare PVCs.", "Holter"),
        ("Transferred to Step Down unit from MICU.", "Step Down"),
        ("Note reviewed.\n-- ICU", "ICU"),
        ("Reports 3/10 pain, improved from 7/10.", "7/10"),
        ("ANA titer 1/2048, speckled pattern.", "1/2048"),
        ("Lisinopril daily; May 5 to 10 days of rest.", "May 5"),
        ("Ninety percent stenosis of the LAD.", "Ninety"),
        ("Meet the team @ 0830 in the lobby.", "@ 0830"),
        ("Sx began around mid-morning.", "Sx"),
    ],
)
def test_later_rules_leave_clinical_text_alone(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "fragment", "kind"),
    [
        ("Surgery 15MAR2024, uneventful.", "15MAR2024", "DATE"),
        ("Date: 20240314", "20240314", "DATE"),
        ("Admitted 2/14/24-2/20/24 for CHF.", "2/14/24-2/20/24", "DATE"),
        ("3/14: CT head negative.", "3/14", "DATE"),
        ("Hospital day 3 (3/16), afebrile.", "3/16", "DATE"),
        ("Mid-Jan she fell at home.", "Mid-Jan", "DATE"),
        ("She came in the morning of the 14th.", "14th", "DATE"),
        ("RR 2 Box 118, Hazard, KY", "RR 2 Box 118", "LOCATION"),
    ],
)
def test_compact_dates_ranges_and_rural_routes_are_found(client, text, fragment, kind):
    assert_found(client, text, fragment, kind)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Took 1/2 tab (1/2 of 10 mg) at bedtime.", "1/2"),
        ("Seen for the first time in clinic.", "first"),
        ("Fracture of the 5th metatarsal, nondisplaced.", "5th"),
        ("Strength (5/5) bilaterally.", "5/5"),
    ],
)
def test_fractions_and_ordinals_in_clinical_text_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("WOJCIK, IGNATIUS\nAdmitted for CHF exacerbation.", "WOJCIK, IGNATIUS"),
        ("GARCIA, MARIA L   DOB 3/4/1950", "GARCIA, MARIA L"),
        ("Spoke to pt's grandson, AJ.", "AJ"),
    ],
)
def test_capitalised_headings_and_initials_after_kin_are_names(client, text, fragment):
    assert_found(client, text, fragment, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("HISTORY, PHYSICAL\nNo acute distress.", "HISTORY, PHYSICAL"),
        ("Wife, RN, at bedside.", "RN"),
        ("Son ED visit yesterday for a fall.", "ED"),
    ],
)
def test_headings_and_credentials_after_kin_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
def test_a_store_on_a_numbered_road_is_one_place(client):
    text = "Found down outside the Walgreens on Rt 9 by bystanders."
    assert_found(client, text, "Walgreens on Rt 9", "LOCATION")


@pytest.mark.django_db
def test_a_name_in_capitals_after_a_referral_cue(client):
    text = "Dear Dr. Hale, thank you for referring NGOZI O'BRIEN to our clinic."
    assert_found(client, text, "NGOZI O'BRIEN", "NAME")


@pytest.mark.django_db
def test_organisms_in_capitals_are_not_names(client):
    assert_kept(client, "CANDIDA URINARY TRACT INFECTION.", "CANDIDA")
