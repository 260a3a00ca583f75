"""Code search ranks what a coder means among near-identical codes: the initial encounter
before the subsequent one and the sequela, accidental poisoning (or, for a drug taken as
prescribed, its adverse effect) before the other intents, the history Z code for "h/o" and
"s/p" (even when its title words differ from the condition's), the family-history one for a
relative's illness, the unspecified code for an unqualified condition, accidental intent for
an external cause, the adverse effect of a drug a reaction came from, and a billable code
before its header (REST and GraphQL alike).
"""

from __future__ import annotations

import pytest

from catalog.models import IndexTerm
from tests import factories
from tests.catalog.test_search import VIA, codes, note, search

TOE = "Sprain of metatarsophalangeal joint of right great toe"
BENZO = "benzodiazepines"


@pytest.fixture
def catalog(demo_catalog):
    icd = {}
    for code, title in [
        ("S93.521A", f"{TOE}, initial encounter"),
        ("S93.521D", f"{TOE}, subsequent encounter"),
        ("S93.521S", f"{TOE}, sequela"),
        ("T42.4X1A", f"Poisoning by {BENZO}, accidental (unintentional), initial encounter"),
        ("T42.4X2A", f"Poisoning by {BENZO}, intentional self-harm, initial encounter"),
        ("T42.4X3A", f"Poisoning by {BENZO}, assault, initial encounter"),
        ("T42.4X4A", f"Poisoning by {BENZO}, undetermined, initial encounter"),
        ("T42.4X5A", f"Adverse effect of {BENZO}, initial encounter"),
        ("T42.4X6A", f"Underdosing of {BENZO}, initial encounter"),
        ("C50.919", "Malignant neoplasm of unspecified site of unspecified female breast"),
        ("Z85.3", "Personal history of malignant neoplasm of breast"),
        ("Z80.3", "Family history of malignant neoplasm of breast"),
        ("I10", "Essential (primary) hypertension"),
        ("Z91.81", "History of falling"),
        ("O60.03", "Preterm labor without delivery, third trimester"),
        ("O62.0", "Primary inadequate contractions"),
        ("X11.1XXA", "Contact with running hot water, initial encounter"),
        ("Z97.3", "Presence of spectacles and contact lenses"),
    ]:
        icd[code] = factories.code(
            "icd10cm", code, short_descriptor=title[:60], long_descriptor=title
        )
    return icd


@VIA
@pytest.mark.parametrize(
    "q, order",
    [
        ("sprain great toe joint", ["S93.521A", "S93.521D", "S93.521S"]),
        ("sprain great toe joint sequela", ["S93.521S"]),
        ("follow up sprain great toe joint", ["S93.521D"]),
    ],
)
def test_the_initial_encounter_first_unless_asked(client, gql, catalog, via, q, order):
    # the sequela's title is the shortest, yet a generic query means the initial encounter
    _, results = search(client, gql, via, q)
    assert codes(results)[: len(order)] == order, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("benzodiazepine overdose", "T42.4X1A"),  # accidental before assault, undetermined
        ("took too many benzodiazepines", "T42.4X1A"),
        ("drowsy from benzodiazepines", "T42.4X5A"),  # a drug taken as prescribed
        ("benzodiazepines assault", "T42.4X3A"),
        ("underdosing of benzodiazepines", "T42.4X6A"),
    ],
)
def test_the_intent_a_drug_query_means(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("h/o breast cancer", "Z85.3"),
        ("history of breast cancer", "Z85.3"),
        ("mom had breast cancer", "Z80.3"),
        ("sister with breast cancer", "Z80.3"),
        ("my aunt has breast cancer", "Z80.3"),
    ],
)
def test_history_and_family_history(client, gql, catalog, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
def test_pmh_means_the_condition_not_a_history_of_falls(client, gql, catalog, via):
    _, results = search(client, gql, via, "pmh of htn")
    assert results[0]["code"] == "I10", results[:3]
    assert "Z91.81" not in codes(results)


@VIA
def test_weeks_in_a_labor_query_are_the_gestation(client, gql, catalog, via):
    _, results = search(client, gql, via, "contractions at 30 weeks")
    assert results[0]["code"] == "O60.03", results[:3]


@VIA
def test_contact_alone_is_not_a_contact_lens(client, gql, catalog, via):
    _, results = search(client, gql, via, "contact with hot water")
    assert results[0]["code"] == "X11.1XXA", results[:3]
    assert results[0]["matched"].startswith("Contact with"), results[:3]
    _, results = search(client, gql, via, "wears contacts")
    assert results[0]["code"] == "Z97.3", results[:3]


# -- defaults a coder applies (issue 6 follow-up) ---------------------------------------------


DEEP = "embolism and thrombosis of unspecified deep veins of lower extremity"
PENICILLINS = "Poisoning by penicillins"
AMINO = "Poisoning by 4-Aminophenol derivatives"
NO_FB, NO_NAIL = "without foreign body", "without damage to nail"


def _icd(code, title, billable=True):
    return factories.code(
        "icd10cm", code, billable=billable, short_descriptor=title[:60], long_descriptor=title
    )


def _term(code, index, position, path, column_title=""):
    IndexTerm.objects.create(
        index=index,
        position=position,
        column=1 if column_title else 0,
        column_title=column_title,
        title=path.split(" > ")[-1],
        path=path,
        level=path.count(" > "),
        code=code,
        code_text=code.code,
        release=factories.release(),
    )


@pytest.fixture
def defaults(demo_catalog):
    """Near-identical codes where one is the default a coder picks."""
    icd = {}
    rows = [
        # a personal history whose title says "thrombosis", not "deep vein"
        ("Z86.718", "Personal history of other venous thrombosis and embolism", True),
        ("Z86.73", "Personal history of transient ischemic attack and cerebral infarction", True),
        ("Z87.891", "Personal history of nicotine dependence", True),
        ("O87.1", "Deep phlebothrombosis in the puerperium", True),
        (
            "I82.409",
            "Acute embolism and thrombosis of unspecified deep veins of lower extremity",
            True,
        ),
        (
            "I82.509",
            "Chronic embolism and thrombosis of unspecified deep veins of lower extremity",
            True,
        ),
        # an unqualified heart attack
        ("I21", "Acute myocardial infarction", False),
        ("I21.9", "Acute myocardial infarction, unspecified", True),
        ("I21.A1", "Myocardial infarction type 2", True),
        ("I21.A9", "Other myocardial infarction type", True),
        ("I25.2", "Old myocardial infarction", True),
        # a drug reaction
        ("Z16.11", "Resistance to penicillins", True),
        ("T36.0X1", "Poisoning by penicillins, accidental (unintentional)", False),
        (
            "T36.0X1A",
            "Poisoning by penicillins, accidental (unintentional), initial encounter",
            True,
        ),
        ("T36.0X5", "Adverse effect of penicillins", False),
        ("T36.0X5A", "Adverse effect of penicillins, initial encounter", True),
        # an external cause without a stated intent
        ("W25", "Contact with sharp glass", False),
        ("W25.XXXA", "Contact with sharp glass, initial encounter", True),
        ("X99.0", "Assault by sharp glass", False),
        ("X99.0XXA", "Assault by sharp glass, initial encounter", True),
        ("X78.0", "Intentional self-harm by sharp glass", False),
        ("X78.0XXA", "Intentional self-harm by sharp glass, initial encounter", True),
        # a suicide attempt by a stated means
        ("T14.91", "Suicide attempt", False),
        ("T14.91XA", "Suicide attempt, initial encounter", True),
        ("T39.1X1", f"{AMINO}, accidental (unintentional)", False),
        ("T39.1X1A", f"{AMINO}, accidental (unintentional), initial encounter", True),
        ("T39.1X2", f"{AMINO}, intentional self-harm", False),
        ("T39.1X2A", f"{AMINO}, intentional self-harm, initial encounter", True),
        # the injury a cut by glass is
        (
            "S61.219A",
            f"Laceration {NO_FB} of unspecified finger {NO_NAIL}, initial encounter",
            True,
        ),
        ("S61.412A", f"Laceration {NO_FB} of left hand, initial encounter", True),
        ("S81.812A", f"Laceration {NO_FB}, left lower leg, initial encounter", True),
        # a header matched by its own inclusion term
        ("S13.4", "Sprain of ligaments of cervical spine", False),
        ("S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter", True),
        ("S13.4XXD", "Sprain of ligaments of cervical spine, subsequent encounter", True),
        ("S13.4XXS", "Sprain of ligaments of cervical spine, sequela", True),
    ]
    for code, title, billable in rows:
        icd[code] = _icd(code, title, billable)
    note(icd["O87.1"], "Deep vein thrombosis, postpartum")
    note(icd["I21.9"], "Myocardial infarction (acute) NOS")
    note(icd["Z16.11"], "Resistance to amoxicillin")
    note(icd["S13.4"], "Whiplash injury of cervical spine")
    _term(icd["Z86.718"], "index", 1, "History > personal (of) > thrombosis (venous)")
    _term(icd["Z86.718"], "index", 2, "Thrombosis > history")
    _term(icd["W25"], "eindex", 3, "Contact (accidental) > with > glass (sharp) (broken)")
    _term(icd["X99.0"], "eindex", 4, "Assault (homicidal) > cutting or piercing instrument > glass")
    _term(icd["X78.0"], "eindex", 5, "Suicide > cutting or piercing instrument > glass")
    for position, (header, column) in enumerate(
        [("T36.0X1", "Poisoning Accidental"), ("T36.0X5", "Adverse effect")], start=6
    ):
        _term(icd[header], "drug", position, "Amoxicillin", column)
    for position, (header, column) in enumerate(
        [("T39.1X1", "Poisoning Accidental"), ("T39.1X2", "Poisoning Intentional self-harm")],
        start=8,
    ):
        _term(icd[header], "drug", position, "Acetaminophen", column)
    return icd


@VIA
@pytest.mark.parametrize("q", ["h/o dvt", "history of dvt", "h/o deep vein thrombosis"])
def test_personal_history_reaches_the_history_code_in_other_words(client, gql, defaults, via, q):
    # the history code says "thrombosis"; the condition's own codes say "deep vein" too
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == "Z86.718", results[:3]


@VIA
def test_the_condition_itself_without_a_history_cue(client, gql, defaults, via):
    _, results = search(client, gql, via, "dvt")
    assert results[0]["code"] in {"I82.409", "I82.509", "O87.1"}, results[:3]
    assert "Z86.718" not in codes(results)[:3]


@VIA
@pytest.mark.parametrize("q", ["heart attack", "myocardial infarction", "mi"])
def test_an_unqualified_condition_is_the_unspecified_code(client, gql, defaults, via, q):
    # not "Other myocardial infarction type", not the old one, not the header
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == "I21.9", results[:3]


@VIA
@pytest.mark.parametrize(
    "q, first", [("other myocardial infarction", "I21.A9"), ("old heart attack", "I25.2")]
)
def test_the_other_and_old_codes_when_asked(client, gql, defaults, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize("q", ["rash from amoxicillin", "hives after amoxicillin"])
def test_a_reaction_from_a_drug_is_its_adverse_effect(client, gql, defaults, via, q):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == "T36.0X5A", results[:3]
    assert codes(results).index("T36.0X5A") < codes(results).index("Z16.11")


@VIA
def test_resistance_when_asked(client, gql, defaults, via):
    _, results = search(client, gql, via, "amoxicillin resistance")
    assert results[0]["code"] == "Z16.11", results[:3]


@VIA
@pytest.mark.parametrize("q", ["cut by glass", "cut on broken glass"])
def test_an_external_cause_without_intent_is_accidental(client, gql, defaults, via, q):
    # (the laceration the cut is comes with it; of the external causes, the accidental one)
    _, results = search(client, gql, via, q)
    causes = [c for c in codes(results) if c[0] in "WX"]
    assert causes[0] == "W25.XXXA", results
    assert causes.index("W25") < causes.index("X99.0XXA"), results
    assert causes.index("W25") < causes.index("X78.0XXA"), results


@VIA
@pytest.mark.parametrize(
    "q, first", [("assault with glass", "X99.0XXA"), ("self-harm with glass", "X78.0XXA")]
)
def test_a_stated_intent_is_kept(client, gql, defaults, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@VIA
@pytest.mark.parametrize("q", ["suicide attempt with tylenol", "attempted suicide acetaminophen"])
def test_a_suicide_attempt_by_a_drug_is_self_harm_poisoning_by_it(client, gql, defaults, via, q):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == "T39.1X2A", results[:3]
    assert codes(results).index("T39.1X2A") < codes(results).index("T39.1X2")


@VIA
@pytest.mark.parametrize(
    "q, first, header",
    [
        # the header's title is shorter, its code says as many of the query's words
        ("suicide attempt", "T14.91XA", "T14.91"),
        ("whiplash", "S13.4XXA", "S13.4"),  # its inclusion term: the default code below
        ("whiplash subsequent encounter", "S13.4XXD", "S13.4"),
    ],
)
def test_a_billable_code_before_its_header(client, gql, defaults, via, q, first, header):
    _, results = search(client, gql, via, q)
    found = codes(results)
    assert found[0] == first, results[:3]
    assert found.index(first) < found.index(header)


@pytest.fixture
def families(demo_catalog):
    """Headers whose children include the plain code a coder bills and more specific or
    'Other' ones that match the header's words as well."""
    for code, title, billable in [
        ("I50", "Heart failure", False),
        ("I50.1", "Left ventricular failure, unspecified", True),
        ("I50.9", "Heart failure, unspecified", True),
        ("E11", "Type 2 diabetes mellitus", False),
        ("E11.8", "Type 2 diabetes mellitus with unspecified complications", True),
        ("E11.9", "Type 2 diabetes mellitus without complications", True),
        (
            "E11.319",
            "Type 2 diabetes mellitus with unspecified diabetic retinopathy without macular edema",
            True,
        ),
        ("J18", "Pneumonia, unspecified organism", False),
        ("J18.0", "Bronchopneumonia, unspecified organism", True),
        ("J18.9", "Pneumonia, unspecified organism", True),
    ]:
        _icd(code, title, billable)


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("heart failure", "I50.9"),  # not I50.1, whose title ends in "unspecified" too
        ("diabetes type 2", "E11.9"),  # not "with unspecified complications"
        ("pneumonia", "J18.9"),  # not bronchopneumonia, unspecified organism
        ("left ventricular failure", "I50.1"),  # asked for
    ],
)
def test_a_header_gives_its_match_to_the_code_a_coder_bills(client, gql, families, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]


@pytest.fixture
def metformin(demo_catalog):
    """Metformin's long-term use and its adverse effect, reached through the drug table."""
    z = _icd("Z79.84", "Long term (current) use of oral hypoglycemic drugs")
    t = _icd("T38.3X5A", "Adverse effect of insulin and oral hypoglycemic drugs, initial encounter")
    _icd("R42", "Dizziness and giddiness")
    _term(t, "drug", 1, "Metformin", column_title="Adverse effect")
    return z, t


@VIA
@pytest.mark.parametrize(
    "q, first",
    [
        ("taking metformin", "Z79.84"),
        ("type 2 diabetes taking metformin", "Z79.84"),  # a condition on its drug: long-term use
        ("dizzy after taking metformin", "T38.3X5A"),  # a reaction after it: adverse effect
        ("rash from taking metformin", "T38.3X5A"),
    ],
)
def test_a_reaction_after_taking_a_drug_is_no_long_term_use(client, gql, metformin, via, q, first):
    _, results = search(client, gql, via, q)
    assert results[0]["code"] == first, results[:3]
