"""RedactPHI seventh pass (issue 7), through REST: dates read from their sentence (a short
date after an event verb, after "last <event>", after another date, glued to a word or
followed by a clock time; a day alone joined to an earlier date; short weekdays and the words
that fix a weekday) and the scores, fractions and words that must stay."""

from __future__ import annotations

import pytest

from tests.clinical.phi_rest import assert_found, assert_kept, entities


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a past participle of an event right before the date
        ("Prescription mailed 03/21 to the home address.", "03/21"),
        ("Wound culture taken 8/17 grew MSSA.", "8/17"),
        # "last/next <event>"
        ("Last void 7/30 per the bladder diary.", "7/30"),
        ("Next infusion 11/6; premedicate with diphenhydramine.", "11/6"),
        # another date earlier in the same sentence
        ("Dressing changed 2/3, then again 2/6 by home health.", "2/6"),
        ("Biopsy booked for 12/10 2:30 pm with Dr. Quist.", "12/10"),
        # a clock time right after a short date
        ("Troponin peaked 5/19 0340 and then trended down.", "5/19"),
        ("Rapid response called at 6/2 23:15 for hypotension.", "6/2"),
        # glued to the word before it
        ("readmitted9/14 with the same cellulitis", "9/14"),
        # a day alone after an earlier date in the sentence
        ("Schedule moved from the 4th to the 11th.", "11th"),
        # short weekdays
        ("can i move my appt to thurs?", "thurs"),
        ("Headache started Wed and was worse by Fri.", "Wed"),
        ("Pt last felt well Mon. night before bed.", "Mon. night"),
        ("Tele shows AF since Sun 11pm.", "Sun 11pm"),
        ("she started feeling sick sat night and it got worse", "sat night"),
        # a day alone after a verb that moves a visit; a month and day joined by a dash
        ("pls move me to the 15th, thx", "15th"),
        ("Can we reschedule the surgery to the 22nd?", "22nd"),
        ("Had my flu shot on 10-2 at work.", "10-2"),
        # a holiday in lower case
        ("been coughing since xmas, worse at night", "xmas"),
        # a short weekday with the day of the month, or fixed by the words before it
        ("Pt was seen on Weds 6th for the same complaint.", "Weds 6th"),
        ("Surgery is this coming Tues, NPO after midnight.", "this coming Tues"),
        # the words that fix a weekday
        ("His wife noticed the slurred speech this past Thursday.", "this past Thursday"),
        ("Stitches out next Friday in clinic.", "next Friday"),
        # a date before the event it dates, a hedge after a date word
        ("She cannot make the 5/14 appointment because of work.", "5/14"),
        ("LMP roughly 6/20, cycles irregular.", "6/20"),
        # the event right before the date, a date heading a finding
        ("Shingrix 10/3 at the pharmacy, second dose due in 2 months.", "10/3"),
        ("Mammogram 4/22 BI-RADS 2.", "4/22"),
        ("Potassium 3/15: 5.9, repeat pending.", "3/15"),
        # a month and a year joined by a dash; a day alone before "was"
        ("Last eye exam 06-2023 with the optometrist.", "06-2023"),
        ("Labs on the 2nd were normal.", "2nd"),
        # irregular participles, a range of days in a month, a month fixed by a word, the
        # weekday in brackets after a date
        ("Referral sent 07/04 to the sleep clinic.", "07/04"),
        ("Out of the office 3/8-12 for vacation.", "3/8-12"),
        ("Shingles vaccine given last Oct at the pharmacy.", "last Oct"),
        ("Called 3/5 (Wed) with the biopsy results.", "3/5 (Wed)"),
        # a pause after the day of "Nov 26:"
        ("CT abdomen Sept 4: no abscess.", "Sept 4"),
    ],
)
def test_dates_read_from_their_sentence(client, text, date):
    assert_found(client, text, date, "DATE")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Grip strength improved to 4/5 on the left.", "4/5"),
        ("Tremor rated 3/4 on the scale today.", "3/4"),
        ("Pain decreased to 2/10 with ice.", "2/10"),
        ("Blood cultures positive in 2/3 bottles.", "2/3"),
        ("Dose tapered by 1/2 each week.", "1/2"),
        ("O2 Sat 91% on room air, improved with 2 L.", "Sat"),
        ("Sun protection and hats advised after the Mohs procedure.", "Sun"),
        ("Sat up in the chair for an hour with PT.", "Sat"),
        ("Sun 3rd degree burn on the forearm was debrided.", "Sun"),
        ("Admitted to the 4th floor telemetry unit.", "4th"),
        ("Admitted to the 4th. Moved to the 3rd floor.", "4th"),
        ("Seen on 1-2 occasions for the same complaint.", "1-2"),
        ("Placed on 2-3 L nasal cannula.", "2-3"),
        ("sat up at night because of orthopnea", "sat"),
        ("Factor IX deficiency (christmas disease) in the family.", "christmas"),
        ("Last week she walked 2 miles; last A1c 7.2.", "7.2"),
        ("Nodes 0/12 positive; 2/3 bottles grew staph.", "2/3"),
        ("About 3/4 of meals eaten today.", "3/4"),
        ("He told us 1/2 of the pills were missing.", "1/2"),
        ("Felt 6/10 pain after walking, 2/10 at rest.", "6/10"),
        ("Take 1/2-1 tab at bedtime as needed.", "1/2-1"),
        ("Grade 2/6-3 holosystolic murmur.", "2/6-3"),
        ("Strength 4/5: unchanged from admission.", "4/5"),
        ("Tray 11-2019 was sent to sterile processing.", "11-2019"),
        ("Scored 11-2023 on the scale; last weights 3-2019 kg.", "11-2023"),
    ],
)
def test_scores_fractions_and_words_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the subject slot of a verb only a person is the subject of, words that are also
        # English words included
        ("Marigold Featherstonehaugh complains of low back pain.", "Marigold Featherstonehaugh"),
        ("Clemency Abernethy-Osei presents with a swollen left calf.", "Clemency Abernethy-Osei"),
        ("Tansy Oyewumi reports worsening shortness of breath.", "Tansy Oyewumi"),
        ("Sparrow Redfeather reports no changes since the last visit.", "Sparrow Redfeather"),
        ("Bracken Ilunga presents with a painful red eye.", "Bracken Ilunga"),
        ("Sorrel Ibekwe is a 45 yo woman with migraines.", "Sorrel Ibekwe"),
        ("Tahnee Red Hawk reports two weeks of night sweats.", "Tahnee Red Hawk"),
        # in lower case, every word a name
        ("lark ogunleye was discharged home with her mother", "lark ogunleye"),
        # an apposition giving the age
        ("Chinenye, a 33 yo woman, presents with fever and rash.", "Chinenye"),
        # in capitals before an age
        ("BAYARMAA TSOGTBAATAR - 58 YO F - CHEST PAIN", "BAYARMAA TSOGTBAATAR"),
        ("MONGKUT SRISAWAT - 72 YO M - SYNCOPE", "MONGKUT SRISAWAT"),
        # "LAST, FIRST" at the head of a line or after a label
        ("PATIENT: LAMBERT-OYELARAN, TITILAYO   MRN: 5521873", "LAMBERT-OYELARAN, TITILAYO"),
        ("Tuiasosopo, Malia seen today for a cough.", "Tuiasosopo, Malia"),
        # a relation in brackets after the name
        ("Thistle (patient's granddaughter) will bring the walker.", "Thistle"),
        # a person beside the writer
        ("Mbali and I discussed hospice at length today.", "Mbali"),
        ("me and thandeka went to the pharmacy but they were closed", "thandeka"),
        # a first name placed by where the person works
        ("Spoke with Hope from billing about the copay.", "Hope"),
        ("Per Faith at the office, the forms were faxed.", "Faith"),
        # a sign-off without its comma, a name signing after a dash
        ("Got the refill, thanks Olufunke!", "Olufunke"),
        ("Will bring the forms tomorrow.\n--Bex", "Bex"),
        # lower-case names in typed messages: a subject, a possessive, a vocative
        ("bertie is still throwing up, should i bring him in", "bertie"),
        ("jamal and keisha both have pink eye", "jamal"),
        ("hi this is lucia, joao's wife, he still has the cough", "joao"),
        ("please call me back at the number on file, yolanda", "yolanda"),
        ("siobhan here again, still waiting on the biopsy results", "siobhan"),
        # lower-case pairs are tried again from each word ("call w ...")
        ("f/u call w anela kahananui re: the echo results", "anela kahananui"),
        ("told the daughter to follow up with tobias j lindqvist soon", "tobias j lindqvist"),
        # the writer of a message naming themselves
        ("hi its tavita, can i get a refill on my inhaler", "tavita"),
        ("Tavita here - the rash on my arm is worse", "Tavita"),
    ],
)
def test_names_by_the_slot_they_fill(client, text, name):
    assert_found(client, text, name, "NAME")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Emergency Medicine reports a bed is available.", "Emergency Medicine"),
        ("Infectious Disease states the cultures are negative.", "Infectious Disease"),
        ("Wound Care Nurse reports improvement in the heel ulcer.", "Wound Care"),
        ("Physical Therapy notes good progress with the walker.", "Physical Therapy"),
        ("Social Work states the family is coping.", "Social Work"),
        ("The Patient presents with chest pain.", "Patient"),
        ("CHEST PAIN, 45 YO MALE", "CHEST PAIN"),
        ("Overall, a 3 yo would not tolerate this dose.", "Overall"),
        ("Diabetes, Type 2 - uncontrolled on metformin.", "Diabetes"),
        ("Lisinopril, Metoprolol   held for hypotension", "Metoprolol"),
        ("Vancomycin (patient's home med) continued.", "Vancomycin"),
        ("its me again, the rash is worse", "me"),
        ("Pharmacy and I agreed to hold the statin.", "Pharmacy"),
        ("Per Protocol at the front desk, no visitors after 8 pm.", "Protocol"),
        ("Thanks Team! Great work on the discharge.", "Team"),
        ("Continue antibiotics for 7 days -- Infectious Disease", "Infectious"),
        ("PT SEEN WITH WIFE AT BEDSIDE, GAVE CONSENT.", "SEEN"),
        ("Per Policy in pharmacy, no early refills.", "Policy"),
        ("Oncology and I discussed the scan with her.", "Oncology"),
        ("Sorry here is the photo of the wound", "Sorry"),
        ("insulin glargine was restarted at 10 units", "glargine"),
        ("metformin is making me sick to my stomach", "metformin"),
        ("pt on amlodipine valsartan and furosemide, hctz held", "amlodipine"),
        ("sugar was 300 this morning, what should i do", "sugar"),
        ("please call me back when you can, thanks", "back"),
        ("can you check the dose for me, portugal", "portugal"),
    ],
)
def test_slots_filled_by_no_person_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
def test_a_name_of_two_words_spreads_to_its_surname_alone(client):
    text = "Letter copied to Ilkka J. Vahtera and to the PCP; thanks to Vahtera for the referral."
    found = [e for e in entities(client, text) if e["type"] == "NAME"]
    second = text.rindex("Vahtera")
    assert any(e["start"] <= second < e["end"] for e in found), found


@pytest.mark.django_db
def test_a_lower_case_name_spreads_in_lower_case(client):
    text = "kalinda mcgillicuddy was seen in triage; kalinda said the pain started at work"
    found = [e for e in entities(client, text) if e["type"] == "NAME"]
    second = text.rindex("kalinda")
    assert any(e["start"] <= second < e["end"] for e in found), found


@pytest.mark.django_db
def test_a_lower_case_word_never_spreads_from_a_name(client):
    # "grace" is a listed first name and an English word: it names no one in the prayer
    text = "grace okonjo-mbeki was seen in triage; she asked for grace before her meal"
    found = entities(client, text)
    second = text.rindex("grace")
    assert not [e for e in found if e["start"] <= second < e["end"]], found


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Records requested from Kaimuki Pediatrics last week.", "Kaimuki Pediatrics"),
        ("PCP: Dr. Ames at Brookhollow Family Medicine.", "Brookhollow Family Medicine"),
    ],
)
def test_a_practice_named_for_a_place(client, text, place):
    assert_found(client, text, place, "LOCATION")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Consult Pediatrics for the newborn exam.", "Pediatrics"),
        ("Follow up with Family Medicine in 2 weeks.", "Family Medicine"),
    ],
)
def test_a_department_is_no_practice(client, text, kept):
    assert_kept(client, text, kept)
