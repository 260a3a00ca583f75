"""RedactPHI sixth pass (issue 7), through REST: a name-likeness score from character n-grams
for words in no list (lower case after a cue, capitals after a label, "Last, First", a subject
with a person's context), times attached to a date, "June of 2020" and spaced slashes; and the
clinical words, capitals, drug lists and doses that must stay."""

from __future__ import annotations

import pytest

from tests.clinical.phi_rest import assert_found, assert_kept


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # lower case after a name cue: both words are in no list
        ("pt ngozika abanobi came in for labs.", "ngozika abanobi"),
        # capitals after a label, surname first
        ("PATIENT: TAUFA, LOSAKIMA", "TAUFA"),
        # "Last, First" with both words in no list
        ("Dashdorj-Erdene, Oyunchimeg seen for follow-up of her goiter.", "Dashdorj-Erdene"),
        # a subject with what only a person has or does
        ("Tserenbat and her husband were updated at the bedside.", "Tserenbat"),
        ("Ifeyinwa to return in 3 weeks for a wound check.", "Ifeyinwa"),
        ("Tsiyon is allergic to sulfa drugs.", "Tsiyon"),
        ("Brought in by Tamatea after a fall at home.", "Tamatea"),
        ("Discharge instructions given to Tavake and wife.", "Tavake"),
        ("She lives with Oyunbileg's mother in town.", "Oyunbileg"),
    ],
)
def test_unlisted_names_that_read_like_names(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The ORAL MUCOSA IS MOIST WITH NO LESIONS.", "MUCOSA"),
        ("Eliquis, Xarelto and Brilinta were discussed.", "Xarelto"),
        ("Farxiga, Jardiance: both denied by insurance.", "Jardiance"),
        ("Metformin to continue at the same dose.", "Metformin"),
        ("Kawasaki disease excluded; echo normal.", "Kawasaki"),
        ("pt albuterol neb given at bedside.", "albuterol"),
        ("Pt is bruneian and speaks Malay.", "bruneian"),
        ("Eyes: PERRLA, EOMI. TIMI STEMI risk score 4.", "PERRLA"),
        ("Transferred in STEMI to the cath lab.", "STEMI"),
        ("Consistent with a LOW-GRADE, B-CELL lymphoma.", "LOW-GRADE"),
        ("She works for Oyakama Group as a cashier.", "Oyakama"),
        ("Plan to switch to Vraylar next week.", "Vraylar"),
        ("Fixation was performed with Kischner pins.", "Kischner"),
        ("Serology (Borrelia, Brucella, toxoplasma) negative.", "Borrelia"),
        ("Seropositive to Bartonella henselae.", "Bartonella"),
        ("Prior auth for Zurzuvae 50 mg submitted.", "Zurzuvae"),
        ("Brought in by ambulance; lisinopril and wife's meds reviewed.", "lisinopril"),
    ],
)
def test_clinical_words_and_drug_lists_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Admitted 4/9/2024 2215 via the ED.", "2215"),
        ("Found down on 5/3 around 6 am by her son.", "6 am"),
        ("Last known well at 19:20 on 8 March.", "19:20"),
        ("Mammogram May of 2019 benign.", "May of 2019"),
        ("Echo 03 / 22 / 2024 normal.", "03 / 22 / 2024"),
        ("Labs 2023 October 9 were normal.", "2023"),
        ("Inpatient 5/20-5/24/2023 for cellulitis.", "5/20-5/24/2023"),
        ("Seen Weds 4/17 in clinic.", "4/17"),
        ("Last seen 23/04 by her GP.", "23/04"),
    ],
)
def test_times_attached_to_dates_and_more_date_shapes(client, text, date):
    assert_found(client, text, date, "DATE")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Started 4/9/2024 1200 mg daily.", "1200"),
        ("Seen 3/2/2024, 3 times a day dosing reviewed.", "3 times"),
        ("Ratio 1:1 with saline; grade 2 / 6 murmur.", "2 / 6"),
        ("Lactate 4.1 at 0230, repeat pending.", "0230"),
        ("GCS 13/15 on arrival; PEEP 15/5.", "13/15"),
        ("Took 1/2-3/4 tablet at night.", "1/2-3/4"),
    ],
)
def test_doses_counts_and_bare_times_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
def test_a_county_after_a_person_cue_stays_a_place(client):
    text = "Brought in by Kittitas County EMS after a fall."
    assert_found(client, text, "Kittitas County", "LOCATION")
