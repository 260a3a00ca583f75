"""Code search for drug names and everyday phrasings (REST and GraphQL alike): brand names
stand for their generic and class names ("xanax", "rocephin"), "on <drug>" asks for the
long-term drug therapy code, and phrase families say what the catalog calls a complaint
("X around the lung", "mom had X", "sex is painful", "high calcium").

A small catalog built with the factories, with a near miss for each query; ``bench/search.py``
measures lay recall on the full catalog.
"""

from __future__ import annotations

import pytest

from catalog.models import IndexTerm
from tests import factories
from tests.catalog.test_search import VIA, search

ICD = [
    ("Z79.01", "Long term (current) use of anticoagulants"),
    ("Z79.84", "Long term (current) use of oral hypoglycemic drugs"),
    ("T45.511A", "Poisoning by anticoagulants, accidental (unintentional), initial encounter"),
    ("T38.3X1A", "Poisoning by insulin and oral hypoglycemic drugs, accidental, initial"),
    ("T42.4X1A", "Poisoning by benzodiazepines, accidental (unintentional), initial encounter"),
    ("T39.1X1A", "Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial"),
    ("F41.9", "Anxiety disorder, unspecified"),
    ("J90", "Pleural effusion, not elsewhere classified"),
    ("J81.1", "Chronic pulmonary edema"),
    ("I31.39", "Other pericardial effusion (noninflammatory)"),
    ("Z80.3", "Family history of malignant neoplasm of breast"),
    ("Z85.3", "Personal history of malignant neoplasm of breast"),
    ("C50.919", "Malignant neoplasm of unspecified site of unspecified female breast"),
    ("N94.10", "Unspecified dyspareunia"),
    ("R52", "Pain, unspecified"),
    ("E83.52", "Hypercalcemia"),
    ("E83.51", "Hypocalcemia"),
    ("E83.50", "Unspecified disorder of calcium metabolism"),
    ("M25.361", "Other instability, right knee"),
    ("M25.561", "Pain in right knee"),
    ("S39.012A", "Strain of muscle, fascia and tendon of lower back, initial encounter"),
    ("M54.50", "Low back pain, unspecified"),
    ("N52.9", "Male erectile dysfunction, unspecified"),
    ("R26.2", "Difficulty in walking, not elsewhere classified"),
    ("R13.10", "Dysphagia, unspecified"),
    ("R07.1", "Chest pain on breathing"),
    ("R06.00", "Dyspnea, unspecified"),
    ("M54.2", "Cervicalgia"),
    ("Z93.3", "Colostomy status"),
    ("K63.89", "Other specified diseases of intestine"),
    ("M77.30", "Calcaneal spur, unspecified foot"),
    ("M79.671", "Pain in right foot"),
    ("Z01.818", "Encounter for other preprocedural examination"),
    ("Z02.1", "Encounter for pre-employment examination"),
    ("Z20.822", "Contact with and (suspected) exposure to COVID-19"),
    ("U07.1", "COVID-19"),
    ("Z86.73", "Personal history of transient ischemic attack (TIA), and cerebral infarction"),
    ("Z82.3", "Family history of stroke"),
    ("I63.9", "Cerebral infarction, unspecified"),
    ("O48.0", "Post-term pregnancy"),
    ("R45.851", "Suicidal ideations"),
    ("X71.9XXA", "Intentional self-harm by drowning and submersion, unspecified, initial"),
    ("R56.00", "Simple febrile convulsions"),
    ("R56.9", "Unspecified convulsions"),
]
HCPCS = [
    ("J0696", "Injection, ceftriaxone sodium, per 250 mg"),
    ("J1885", "Injection, ketorolac tromethamine, per 15 mg"),
    ("J1050", "Injection, medroxyprogesterone acetate, 1 mg"),
    ("J1000", "Injection, depo-estradiol cypionate, up to 5 mg"),
    ("A4554", "Disposable underpads, all sizes"),
    ("A4520", "Incontinence garment, any type, (e.g. brief, diaper), each"),
    ("A7037", "Tubing used with positive airway pressure device"),
    ("A4616", "Tubing (oxygen), per foot"),
    ("A5051", "Ostomy pouch, closed; with barrier attached (1 piece), each"),
    ("A4351", "Intermittent urinary catheter; straight tip, with or without coating, each"),
    ("A4338", "Indwelling catheter; foley type, two-way latex with coating, each"),
]


@pytest.fixture
def catalog(demo_catalog):
    codes = {}
    for system, rows in (("icd10cm", ICD), ("hcpcs", HCPCS)):
        for code, title in rows:
            codes[code] = factories.code(
                system, code, short_descriptor=title[:60], long_descriptor=title
            )
    # The Table of Drugs names the generic ("Acetaminophen", column "Poisoning, Accidental");
    # the index says "Strain, low back".
    for index, path, column_title, code in [
        ("drug", "Acetaminophen", "Poisoning Accidental (unintentional)", "T39.1X1A"),
        ("index", "Strain > low back", "", "S39.012A"),
    ]:
        IndexTerm.objects.create(
            index=index,
            position=1,
            title=path.split(" > ")[-1],
            path=path,
            level=path.count(" > "),
            column=1 if column_title else 0,
            column_title=column_title,
            code=codes[code],
            code_text=code,
            release=factories.release(),
        )


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("xanax overdose", "T42.4X1A"),  # a brand name: the generic's class in the title
        ("took too much tylenol", "T39.1X1A"),  # brand and "took too much": poisoning
        ("on eliquis", "Z79.01"),  # "on <drug>": long-term use of its class
        ("takes metformin", "Z79.84"),
        ("on coumadin", "Z79.01"),
        ("eliquis overdose", "T45.511A"),  # the same drug, poisoning asked for
    ],
)
def test_drug_names_find_their_class_and_long_term_use(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q, system="icd10cm")
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("rocephin shot", "J0696"),
        ("toradol injection", "J1885"),
        ("depo provera shot", "J1050"),  # a brand of several words
        ("chux", "A4554"),  # a supply's everyday name
        ("cpap hose", "A7037"),  # the catalog says "tubing", "pouch"
        ("ostomy bags", "A5051"),
        ("straight cath", "A4351"),
    ],
)
def test_brand_and_everyday_names_of_hcpcs_drugs_and_supplies(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q, system="hcpcs")
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("fluid around the lung", "J90"),  # "around the <organ>": its lining
        ("fluid around the heart", "I31.39"),
        ("mom had breast cancer", "Z80.3"),  # a relative had it: family history
        ("sex is painful", "N94.10"),
        ("high calcium level", "E83.52"),  # "high / low <substance>": hyper- / hypo-
        ("low calcium", "E83.51"),
        ("right knee keeps giving out", "M25.361"),
        ("threw my back out", "S39.012A"),
        ("cant get it up", "N52.9"),
        ("can't walk", "R26.2"),  # "can't X": the function lost
        ("hurts to swallow", "R13.10"),  # "hurts to / when X"
        ("hurts when I breathe", "R07.1"),
        ("crick in my neck", "M54.2"),  # "X in my Y"
        ("has a colostomy bag", "Z93.3"),  # a device the patient has: its status code
        ("heel spur", "M77.30"),
        ("pre op exam", "Z01.818"),  # why the patient came: the encounter code
        ("exposed to covid", "Z20.822"),
        ("hx of stroke", "Z86.73"),  # "hx": the patient's own history
        ("family hx of stroke", "Z82.3"),
        ("past due date", "O48.0"),
        ("thinking about killing myself", "R45.851"),  # mood in the patient's words
        ("seizure from fever", "R56.00"),
    ],
)
def test_everyday_phrase_families(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q, system="icd10cm")
    assert results[0]["code"] == first, results[:3]
