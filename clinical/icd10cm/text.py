"""Text normalisation shared by the knowledge builder and the detector.

Both sides of a match go through the same steps, so "Kidneys" in a note meets "kidney" in
the index: lower-case word tokens, a light plural stemmer, a small synonym map that folds
adjective/noun pairs clinicians use interchangeably (renal/kidney, cardiac/heart, ...), and
abbreviation expansion (CHF, T2DM, s/p, ...). Stop words carry no meaning for matching and
are dropped from term keys.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """
    a an the of in on at to for by from or and as is are was were be been being with
    nos nec other unspecified specified site due its it this that these those
    than into onto upon via both which who whom whose has have had not classified
    elsewhere condition conditions type code codes additional any all part region
    """.split()  # noqa: SIM905
) - {"type"}

# Words that matter for specificity but which a lone occurrence never makes a diagnosis.
WEAK_ANCHORS = frozenset(
    """
    left right bilateral acute chronic primary secondary unilateral upper lower initial
    subsequent encounter sequela severe mild moderate stage type
    """.split()  # noqa: SIM905
)

# Words that never make a mention on their own: common words that say what kind of thing a
# note talks about (an age, a drug, a posture, a history, a status, a finding) but name no
# condition. A catalogue term made only of these (and of WEAK_ANCHORS) is never matched:
# "at age 12" is not R41.81 "age-related cognitive decline", "vasoactive drugs" is not F19.90
# "drug use", "long-standing" is not X50.1, "personal history" alone is no history code. They
# still count inside longer terms ("drug abuse", "age-related cognitive decline").
GENERIC_WORDS = frozenset(
    """
    age aged drug medication medicine substance alcohol tobacco cocaine opioid cannabis
    standing sitting kneeling reaching twisting posture activity exposure accident
    history personal family past status state
    symptom sign appearance behavior complication finding problem
    newborn donor plus may pre old transient axis scale gas dye noise reflex
    nerve nervous malignant toxic ischemic allergic
    """.split()  # noqa: SIM905
)

_SYNONYMS = {
    "kidney": "renal",
    "abdominal": "abdomen",
    "kidneys": "renal",
    "nephric": "renal",
    "cardiac": "heart",
    "hepatic": "liver",
    "pulmonary": "lung",
    "lungs": "lung",
    "gastric": "stomach",
    "cerebral": "brain",
    "ocular": "eye",
    "aural": "ear",
    "dermal": "skin",
    "cutaneous": "skin",
    "osseous": "bone",
    "vesical": "bladder",
    "uterine": "uterus",
    "ovarian": "ovary",
    "splenic": "spleen",
    "pancreatic": "pancreas",
    "thyroidal": "thyroid",
    "vertebral": "vertebra",
    "tumour": "tumor",
    "tumors": "tumor",
    "tumours": "tumor",
    "haemorrhage": "hemorrhage",
    "hemorrhagic": "hemorrhage",
    "haematuria": "hematuria",
    "anaemia": "anemia",
    "oedema": "edema",
    "ischaemic": "ischemic",
    "oesophagus": "esophagus",
    "oesophageal": "esophagus",
    "esophageal": "esophagus",
    "diarrhoea": "diarrhea",
    "febrile": "fever",
    "feverish": "fever",
    "pyrexia": "fever",
    "diabetic": "diabetes",
    "hypertensive": "hypertension",
    "asthmatic": "asthma",
    "obese": "obesity",
    "fractured": "fracture",
    "fractures": "fracture",
    "infected": "infection",
    "painful": "pain",
    "pains": "pain",
    "neoplastic": "neoplasm",
    "malignancy": "malignant",
    "carcinomas": "carcinoma",
    "cancerous": "cancer",
    "metastases": "metastasis",
    "metastatic": "metastasis",
    "ii": "2",
    "two": "2",
    "i": "1",
    "one": "1",
    "vomit": "vomiting",
    "vomited": "vomiting",
    "nauseous": "nausea",
    "dyspneic": "dyspnea",
    "coughing": "cough",
    "bleeding": "hemorrhage",
    "bleed": "hemorrhage",
    "haemorrhagic": "hemorrhage",
    "swollen": "swelling",
    "inflamed": "inflammation",
    "ulcers": "ulcer",
    "ulcerated": "ulcer",
    "thrombus": "thrombosis",
    "thrombotic": "thrombosis",
    "embolus": "embolism",
    "emboli": "embolism",
    "stenotic": "stenosis",
    "anemic": "anemia",
    "septic": "sepsis",
    "cirrhotic": "cirrhosis",
    "hypothyroid": "hypothyroidism",
    "hyperthyroid": "hyperthyroidism",
    "lt": "left",
    "rt": "right",
}

# Abbreviations clinicians write; expanded to words the index uses.
ABBREVIATIONS = {
    "w/o": "without",
    "chf": "congestive heart failure",
    "copd": "chronic obstructive pulmonary disease",
    "t2dm": "type 2 diabetes mellitus",
    "t1dm": "type 1 diabetes mellitus",
    "dm2": "type 2 diabetes mellitus",
    "dm1": "type 1 diabetes mellitus",
    "dm": "diabetes mellitus",
    "iddm": "type 1 diabetes mellitus",
    "niddm": "type 2 diabetes mellitus",
    "htn": "hypertension",
    "hf": "heart failure",
    "cad": "coronary artery disease",
    "mi": "myocardial infarction",
    "ami": "acute myocardial infarction",
    "stemi": "st elevation myocardial infarction",
    "nstemi": "non st elevation myocardial infarction",
    "afib": "atrial fibrillation",
    "af": "atrial fibrillation",
    "ckd": "chronic kidney disease",
    "esrd": "end stage renal disease",
    "aki": "acute kidney failure",
    "arf": "acute kidney failure",
    "uti": "urinary tract infection",
    "urti": "upper respiratory infection",
    "uri": "upper respiratory infection",
    "dvt": "deep vein thrombosis",
    "pe": "pulmonary embolism",
    "cva": "cerebral infarction",
    "tia": "transient ischemic attack",
    "gerd": "gastro-esophageal reflux disease",
    "ibs": "irritable bowel syndrome",
    "ibd": "inflammatory bowel disease",
    "ra": "rheumatoid arthritis",
    "oa": "osteoarthritis",
    "sle": "systemic lupus erythematosus",
    "hiv": "human immunodeficiency virus disease",
    "aids": "human immunodeficiency virus disease",
    "tb": "tuberculosis",
    "osa": "obstructive sleep apnea",
    "bph": "benign prostatic hyperplasia",
    "ards": "acute respiratory distress syndrome",
    "sob": "shortness of breath",
    "cp": "chest pain",
    "loc": "loss of consciousness",
    "ptsd": "post-traumatic stress disorder",
    "adhd": "attention-deficit hyperactivity disorder",
    "hcc": "hepatocellular carcinoma",
    "nsclc": "non-small cell lung cancer",
    "sclc": "small cell lung cancer",
    "all": "",  # never expand the common English word
    "aml": "acute myeloid leukemia",
    "cll": "chronic lymphocytic leukemia",
    "cml": "chronic myeloid leukemia",
    "ms": "multiple sclerosis",
    "hcv": "hepatitis c",
    "hbv": "hepatitis b",
    "pid": "pelvic inflammatory disease",
    "gi": "gastrointestinal",
    "hld": "hyperlipidemia",
    "hyperlipemia": "hyperlipidemia",
    "pvd": "peripheral vascular disease",
    "pad": "peripheral arterial disease",
    "sah": "subarachnoid hemorrhage",
    "ich": "intracerebral hemorrhage",
    "sdh": "subdural hemorrhage",
    "tbi": "traumatic brain injury",
    "ckd3": "chronic kidney disease stage 3",
    "lbp": "low back pain",
    "n/v": "nausea vomiting",
    "cmv": "cytomegaloviral disease",
    "hsv": "herpesviral infection",
    "vzv": "zoster",
    "rsv": "respiratory syncytial virus infection",
    "sirs": "systemic inflammatory response syndrome",
    "dka": "diabetic ketoacidosis",
    "ugib": "upper gastrointestinal hemorrhage",
    "lgib": "lower gastrointestinal hemorrhage",
    "hypokalaemia": "hypokalemia",
}

# A few hyphen/spelling variants glued in the index and split in notes (or vice versa).
_SPLITS = {"gastroesophageal": ["gastro", "esophagus"]}

_PLURAL_MARK = re.compile(r"\((?:s|es)\)")
_PLURAL_KEEP = ("ss", "us", "is", "ys", "os")


def stem(word: str) -> str:
    """Fold one lower-case token to its matching form."""
    word = _SYNONYMS.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(_PLURAL_KEEP):
        word = word[:-1]
    return _SYNONYMS.get(word, word)


def words(text: str) -> list[str]:
    """Lower-case word tokens of a catalogue term, hyphens split. Abbreviations are not
    expanded here (catalogue terms spell words out); the detector expands them in notes."""
    out: list[str] = []
    text = _PLURAL_MARK.sub("", text.lower().replace("'s", ""))
    for raw in re.findall(r"[a-z0-9]+", text):
        if raw in _SPLITS:
            out.extend(_SPLITS[raw])
            continue
        out.append(stem(raw))
    return out


def term_key(text: str) -> tuple[str, ...]:
    """The order-free key of a term: its sorted distinct content tokens."""
    return tuple(sorted({w for w in words(text) if w not in STOPWORDS}))


# Phrasing clinicians use that the index words differently (or sends to a vaguer code).
# Each maps to a code; the builder validates it against the FY2026 code set.
CLINICAL_PHRASES = {
    "smoker": "F17.210",
    "cigarette smoker": "F17.210",
    "active smoker": "F17.210",
    "smoking": "F17.210",
    # a substance word alone is not its use (GENERIC_WORDS): these name the use
    "illicit drugs": "F19.90",
    "recreational drugs": "F19.90",
    "drug use": "F19.90",
    "drug user": "F19.90",
    "alcohol use": "F10.90",
    "drinks alcohol": "F10.90",
    "tobacco use": "Z72.0",
    "cocaine use": "F14.90",
    "cannabis use": "F12.90",
    "opioid use": "F11.90",
    "ex-smoker": "Z87.891",
    "former smoker": "Z87.891",
    "hyperbilirubinemia": "E80.7",
    "elevated bilirubin": "E80.7",
    "hypertransaminasemia": "R74.01",
    "elevated transaminases": "R74.01",
    "transaminase elevation": "R74.01",
    "adenopathy": "R59.9",
    "adenopathies": "R59.9",
    "lymphadenopathy": "R59.9",
    "localized lymphadenopathy": "R59.0",
    "febrile syndrome": "R50.9",
    "febricula": "R50.9",
    "trauma": "T14.90",
    "polytrauma": "T07",
    "skin necrosis": "I96",
    "necrosis": "I96",
    "arterial hypertension": "I10",
    "high blood pressure": "I10",
    "heart attack": "I21.9",
    "stroke": "I63.9",
    "kidney stone": "N20.0",
    "renal colic": "N23",
    "pallor": "R23.1",
    "paleness": "R23.1",
    "cutaneous mucosal pallor": "R23.1",
    "weight loss": "R63.4",
    "asthenia": "R53.1",
    "general malaise": "R53.81",
    "malaise": "R53.81",
    "dyspnea": "R06.00",
    "shortness of breath": "R06.02",
    "hemodynamic instability": "R57.9",
}
