"""RedactPHI seventh pass (issue 7, places and identifiers), through REST: facilities by
their head noun, chain stores, form labels, towns by context and by the gazetteer, labelled
codes with few digits, ages over 89 said in passing; and the service names, scales, genes,
eponyms and vaccine lots that must stay."""

from __future__ import annotations

import pytest

from tests.clinical.phi_rest import assert_found, assert_kept, covering, entities


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a facility by its head noun, the words before it proper
        ("Her mother moved into Birchwood Senior Living last spring.", "Birchwood Senior Living"),
        (
            "Discharged to: Elm Terrace Rehabilitation and Nursing Center.",
            "Elm Terrace Rehabilitation and Nursing Center",
        ),
        ("Records requested from Lakeport Orthopedics.", "Lakeport Orthopedics"),
        ("He welds at Copper Bend Shipyard.", "Copper Bend Shipyard"),
        ("FOLLOWED BY TALLGRASS PULMONARY ASSOCIATES", "TALLGRASS PULMONARY ASSOCIATES"),
        # a name the name rules take inside a facility's name is the facility
        ("From: Westgate Family Clinic", "Westgate Family Clinic"),
        # a chain store with its number, a site noun or a street
        ("Prescription sent to Walgreens #4471.", "Walgreens #4471"),
        ("Refill at the CVS on Birch Street.", "CVS"),
        ("He works at the Costco warehouse in Tigard.", "Costco warehouse"),
        # a form label, a third person's employer
        ("Employer: Redstone Masonry", "Redstone Masonry"),
        ("Her husband works as a welder at Kiewit.", "Kiewit"),
        ("Pt works at Home Depot part time.", "Home Depot"),
        # where people live, schools by number, a county in lower case
        ("Pt lives at Sunny Acres Mobile Home Park, lot 14.", "Sunny Acres Mobile Home Park"),
        ("She moved into Riverside Towers in June.", "Riverside Towers"),
        ("Son attends PS 321 in Brooklyn, 3rd grade.", "PS 321"),
        ("lives in knox county with her daughter", "knox"),
        # towns by context
        ("Admitted to Saint Agnes Medical Center, Ridgewood.", "Ridgewood"),
        ("Retired, lives near Fort Bragg.", "Fort Bragg"),
        ("She lives on the Wind River reservation.", "Wind River"),
        ("Brought in by Tacoma PD.", "Tacoma"),
        ("Moved care to the Kenosha clinic.", "Kenosha"),
        ("Returned from Mexico (Oaxaca) last week.", "Oaxaca"),
        ("HERNANDEZ, ROSA / BROWNSVILLE TX", "BROWNSVILLE"),
        ("Grandson drove her in from Kiowa Falls.", "Kiowa Falls"),
        ("she was admitted at saint vincent's last year", "saint vincent's"),
        # towns from the gazetteer
        ("Her son lives in Ypsilanti.", "Ypsilanti"),
        ("He lives in Mystic with his wife.", "Mystic"),
        ("Pt lives on the east side of Detroit.", "Detroit"),
        ("Pt receives care at the VA in Palo Alto.", "Palo Alto"),
        ("Denver Health transferred the patient.", "Denver Health"),
        # addresses typed in lower case
        ("intake: addr 19 dove st, albany ny 12210, cell on file", "19 dove st"),
        ("intake: addr 19 dove st, albany ny 12210, cell on file", "albany"),
        ("intake: addr 19 dove st, albany ny 12210, cell on file", "12210"),
        ("my new address is 55 harbor view dr, unit 12, pls update", "55 harbor view dr, unit 12"),
        # facilities typed in lower case
        ("pt was at mercy hospital last week", "mercy hospital"),
        ("went to st joes er last night", "st joes"),
    ],
)
def test_places_as_staff_write_them(client, text, place):
    assert_found(client, text, place, "LOCATION")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Dexcom transmitter 7HK2QM replaced.", "7HK2QM", "DEVICE"),
        ("Nurse Okoro, state license RN.0771234, witnessed the waste.", "RN.0771234", "LICENSE"),
        ("Please page the resident at pager 5512.", "5512", "PHONE"),
        ("Paged at 34417, no callback yet.", "34417", "PHONE"),
        ("cb# 412 5550199 after 5 pm", "412 5550199", "PHONE"),
        ("ph 412/555-0199 (home)", "412/555-0199", "PHONE"),
        ("Verified identity with SSN last four 8834.", "8834", "SSN"),
        ("Sharps kit mailed, tracking 9405 5118 9956 0012 3456 78.", "9405 5118 9956", "ID"),
        ("Platelets given, unit # W1234 25 654321 7.", "W1234 25 654321 7", "ID"),
        ("Unknown male, trauma alias TRAUMA-ECHO-7, to CT.", "TRAUMA-ECHO-7", "ID"),
        ("Portal reset, confirmation code KX7Q2M.", "KX7Q2M", "ID"),
        ("His father lived to 104.", "104", "AGE"),
        ("Edna (93) lives with her niece.", "93", "AGE"),
        ("Mr. Oyelowo, 92, walks daily.", "92", "AGE"),
        ("Pt's husband, 95, is his main support.", "95", "AGE"),
        ("93F admitted with a hip fracture.", "93", "AGE"),
        ("She is in her late 90s and still gardens.", "late 90s", "AGE"),
        ("He is in his mid-nineties.", "mid-nineties", "AGE"),
        ("Celebrated her 96th birthday on the unit.", "96th", "AGE"),
        ("Order # 99812 placed for the walker.", "99812", "ID"),
        ("Auth # 77123A approved by the plan.", "77123A", "ID"),
        ("Enc #: 44812 closed.", "44812", "ID"),
    ],
)
def test_labelled_codes_and_ages(client, text, value, kind):
    assert_found(client, text, value, kind)


@pytest.mark.django_db
def test_a_tracking_number_is_one_identifier(client):
    text = "Sharps kit mailed, tracking 9405 5118 9956 0012 3456 78."
    hits = covering(entities(client, text), text, "9405 5118 9956 0012 3456 78")
    assert [h["type"] for h in hits] == ["ID"], hits


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # hospital services, not places
        ("Follow up in the Wound Care Clinic next week.", "Wound Care Clinic"),
        ("Referred to Cardiac Rehab Phase II.", "Cardiac Rehab"),
        ("Specialty Pharmacy called about the copay card.", "Specialty Pharmacy"),
        ("Pt seen in Urgent Care yesterday.", "Urgent Care"),
        ("ALLERGIES INCLUDE PENICILLIN AND SULFA DRUGS.", "SULFA DRUGS"),
        ("MILD ENHANCEMENT AT THE PONTINE MEDULLARY JUNCTION.", "MEDULLARY JUNCTION"),
        # scales, eponyms, genes, section words
        ("Morse Fall Scale 45, bed alarm on.", "Morse"),
        ("Hoyer lift used for transfer.", "Hoyer"),
        ("Nodule 5 mm; per Fleischner Society guidelines no follow-up.", "Fleischner"),
        ("Tumor KRAS G12C mutated.", "KRAS"),
        ("HAM-D (Hamilton) 21.", "Hamilton"),
        ("Micro: E. coli, pansensitive.", "Micro"),
        ("Murphy sign negative.", "Murphy"),
        ("Circle of Willis is patent.", "Willis"),
        ("Hill-Sachs deformity on the humeral head.", "Hill-Sachs"),
        # a town's name that is a drug before its dose; a vaccine's lot number
        ("Switched from Norco 5/325 to tramadol.", "Norco"),
        ("Tdap 0.5 mL given, lot K9921AB.", "K9921AB"),
        ("Temp 93F rectal, warming blanket on.", "93F"),
        ("Problem #2: anemia, on iron.", "#2"),
        ("Pt in MS clinic for relapse.", "MS"),
        ("she was switched to lovenox at the previous hospital", "previous hospital"),
        ("seen at walk in clinic for a sore throat", "walk in clinic"),
        ("takes st johns wort daily", "st johns"),
        ("Pt works at night as a security guard.", "night"),
        ("Population Health team reviewed the gaps in care.", "Population Health"),
        ("Type and screen sent to Blood Bank.", "Blood Bank"),
        ("Meals from Food Bank arranged.", "Food Bank"),
        ("Records from Outside Hospital reviewed.", "Outside Hospital"),
        ("Pt reports working at a Chicken Plant for 20 years.", "Chicken Plant"),
        ("pt moved here from this county last year", "this county"),
        ("Pt lives in her own home.", "own home"),
        # counts typed in lower case are no street
        ("pt walks 2 blocks on flat ground then rests", "2 blocks"),
        ("f/u in 2 weeks with dr as planned", "2 weeks with dr"),
        # capitals: a word that is no name after "PT"
        ("PT WORKS AT HOME AS A BOOKKEEPER.", "WORKS"),
        ("PT RESIDES WITH SPOUSE.", "RESIDES"),
        # vendors and systems, a state alone
        ("CPAP supplies from Apria.", "Apria"),
        ("Pt enrolled in MyChart today.", "MyChart"),
        ("Notified House Supervisor of bed need.", "House"),
        ("Pt is Muslim, requests halal meals.", "Muslim"),
        ("Pt called Comcast about the phone line.", "Comcast"),
        ("Insurance: Blue Cross Blue Shield of Texas.", "Texas"),
    ],
)
def test_services_scales_and_lots_stay(client, text, kept):
    assert_kept(client, text, kept)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # in capitals a surname that is also a word stays a name
        ("PATIENT SEEN BY DR. WHITE TODAY.", "WHITE"),
        ("PT NAME: HOPE GREEN", "GREEN"),
    ],
)
def test_capital_names_that_are_words_stay_names(client, text, name):
    assert_found(client, text, name, "NAME")
