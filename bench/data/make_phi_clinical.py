"""Generate bench/data/phi_clinical.jsonl: the clinical PHI test set of bench/phi.py.

Written before the engine was tuned, and committed with its output: the sentences are
hand-written clinical templates (notes, letters, referral text, portal messages, queries)
filled from small hand-written value lists with a fixed seed, so the file is reproducible
and its gold spans exact. About a third of the records hold no PHI at all; they carry the
traps a redactor must leave alone (eponyms, drug names, doses, lab values, vital signs,
scores written like dates, ICD-10-CM / CPT / HCPCS / NDC codes, bare years, young ages).

Span conventions: a name span covers the name without its title ("Dr."); a date span covers
the whole date expression with any attached time and year; an address is split into street,
city and ZIP spans (the state stays); an ID span covers the number, not its label.

    python bench/data/make_phi_clinical.py > bench/data/phi_clinical.jsonl
"""

from __future__ import annotations

import json
import random
import re

FIRST = [
    "Mark",
    "Maria",
    "James",
    "Linda",
    "Dwayne",
    "Keisha",
    "Oluwaseun",
    "Siobhan",
    "Xochitl",
    "Tomasz",
    "Priya",
    "Wei",
    "Fatima",
    "Jorge",
    "Aaliyah",
    "Bartholomew",
    "Ngozi",
    "Henrik",
    "Marisol",
    "Tran",
    "Grace",
    "Hope",
    "Will",
    "Frank",
    "Rose",
    "Dawn",
    "Bill",
    "Penny",
    "Elif",
    "Kwame",
    "Anneliese",
    "Rajesh",
    "Yuki",
    "Delphine",
    "Shaquille",
    "Bridget",
    "Esperanza",
    "Dmitri",
    "Aroha",
    "Cormac",
    "Imani",
    "Lakshmi",
    "Thaddeus",
    "Zeynep",
    "Mei-Ling",
    "Jean-Pierre",
    "Eleanor",
    "Robert",
    "Patricia",
    "Michael",
]
LAST = [
    "Ellis",
    "Garcia",
    "Nguyen",
    "O'Brien",
    "Okafor",
    "Kowalczyk",
    "Hernandez-Ruiz",
    "Patel",
    "Smith",
    "Johnson",
    "Adeyemi",
    "Fitzgerald",
    "Van der Berg",
    "Lindqvist",
    "Mbeki",
    "Castellanos",
    "Haddad",
    "Nakamura",
    "Petrov",
    "Whitehorse",
    "McAllister",
    "Dubois",
    "Brown",
    "Washington",
    "Young",
    "King",
    "Parkinson",
    "Graves",
    "Bell",
    "Crohn",
    "Moss",
    "Wojciechowski",
    "Abernathy",
    "Tshabalala",
    "Quispe",
    "Szabo",
    "Oyelaran-Ogunleye",
    "Rosenbaum",
    "DeLuca",
    "Featherstonehaugh",
    "Iyer",
    "Chukwu",
    "Bjornstad",
    "Fairweather",
    "Lamb",
    "Hale",
    "Stone",
    "Rivers",
    "Park",
    "Long",
]
STREET = [
    "1423 Maple Avenue",
    "77 W. Jefferson St",
    "9 Harborview Drive",
    "2201 County Road 14",
    "450 Elm St Apt 3B",
    "31 Oak Lane",
    "1600 Pennsylvania Ave NW",
    "88 Riverside Blvd Unit 12",
    "5120 N. Lincoln Way",
    "12 Bayberry Court",
    "PO Box 4471",
    "301 East 7th Street",
]
CITY = [
    "Springfield",
    "Boise",
    "Dayton",
    "Tacoma",
    "Lubbock",
    "Burlington",
    "Rochester",
    "Fresno",
    "Asheville",
    "Green Bay",
    "Santa Fe",
    "Ann Arbor",
    "Baton Rouge",
    "Provo",
]
STATE = ["IL", "ID", "OH", "WA", "TX", "VT", "NY", "CA", "NC", "WI", "NM", "MI", "LA", "UT"]
COUNTY = ["Cook County", "Hennepin County", "Travis County", "Maricopa County", "Kings County"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MON3 = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HOSP = ["Mercy General", "St. Luke's", "Riverside Medical Center", "Lakeview Clinic"]


def r_first(g):
    return g.choice(FIRST)


def r_last(g):
    return g.choice(LAST)


def r_full(g):
    form = g.random()
    if form < 0.6:
        return f"{r_first(g)} {r_last(g)}"
    if form < 0.75:
        return f"{r_first(g)} {g.choice('ABCDEJKLMRST')}. {r_last(g)}"
    if form < 0.85:
        return f"{r_last(g)}, {r_first(g)}"
    if form < 0.93:
        return f"{r_first(g)} {r_last(g)}".lower()
    return f"{r_first(g)} {r_last(g)}".upper()


def r_date(g):
    m = g.randrange(1, 13)
    d = g.randrange(1, 29)
    y = g.randrange(1998, 2026)
    mn = MONTHS[m - 1]
    forms = [
        f"{m}/{d}/{y}",
        f"{m:02d}/{d:02d}/{y}",
        f"{m}/{d}/{y % 100:02d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{mn} {d}, {y}",
        f"{mn} {d}",
        f"{d} {mn} {y}",
        f"{g.choice(MON3)} {d}, {y}",
        f"{g.choice(MON3)}. {d}",
        f"{m}/{d}",
        f"{m}-{d}-{y}",
        f"the {d}{_th(d)} of {mn}",
        f"{mn} {d}{_th(d)}",
        f"{mn} {y}",
        f"{m}/{d}/{y} at {g.randrange(1, 13)}:{g.randrange(60):02d} {g.choice(['AM', 'PM', 'am', 'pm'])}",
        f"{y}-{m:02d}-{d:02d} {g.randrange(24):02d}:{g.randrange(60):02d}",
        f"{g.choice(MON3).upper()}-{d:02d}-{y}",
        f"{d}-{g.choice(MON3)}-{y}",
    ]
    return g.choice(forms)


def _th(d):
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def r_phone(g):
    a, b, c = g.randrange(201, 989), g.randrange(200, 999), g.randrange(10000)
    return g.choice(
        [
            f"({a}) {b}-{c:04d}",
            f"{a}-{b}-{c:04d}",
            f"{a}.{b}.{c:04d}",
            f"+1 {a} {b} {c:04d}",
            f"1-{a}-{b}-{c:04d}",
            f"{a}{b}{c:04d}",
        ]
    )


def r_ssn(g):
    a, b, c = g.randrange(100, 899), g.randrange(10, 99), g.randrange(1000, 9999)
    return g.choice([f"{a}-{b}-{c}", f"{a}{b}{c}", f"{a} {b} {c}"])


def r_mrn(g):
    return g.choice(
        [
            str(g.randrange(1000000, 99999999)),
            f"MR{g.randrange(100000, 9999999)}",
            f"{g.randrange(100, 999)}-{g.randrange(100, 999)}-{g.randrange(100, 999)}",
            f"A{g.randrange(10000000, 99999999)}",
        ]
    )


def r_plan(g):
    return g.choice(
        [
            f"{g.choice(['XJH', 'BCX', 'UHC', 'W'])}{g.randrange(100000000, 999999999)}",
            f"1EG4-TE5-MK{g.randrange(10, 99)}",
            f"{g.randrange(100000000, 999999999)}A",
        ]
    )


def r_acct(g):
    return g.choice([str(g.randrange(10**9, 10**11)), f"ACCT-{g.randrange(100000, 999999)}"])


def r_email(g):
    return f"{r_first(g).lower().replace(' ', '')}.{r_last(g).lower().replace(' ', '').replace(chr(39), '')}{g.randrange(1, 99)}@{g.choice(['gmail.com', 'yahoo.com', 'mercyhealth.org', 'outlook.com'])}"


def r_url(g):
    return g.choice(
        [
            f"https://www.facebook.com/{r_first(g).lower()}.{g.randrange(100, 999)}",
            f"http://portal.mercyhealth.org/patients/{g.randrange(10000, 99999)}",
            f"www.{r_last(g).lower().replace(' ', '').replace(chr(39), '')}family.net",
        ]
    )


def r_ip(g):
    return g.choice(
        [
            f"{g.randrange(11, 223)}.{g.randrange(256)}.{g.randrange(256)}.{g.randrange(1, 255)}",
            f"2001:db8:{g.randrange(4096):x}::{g.randrange(4096):x}",
        ]
    )


def r_vin(g):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return "".join(g.choice(chars) for _ in range(17))


def r_plate(g):
    return g.choice(
        [
            f"{g.choice('ABCDEFGHJK')}{g.choice('LMNPRST')}{g.choice('UVWXYZ')}-{g.randrange(1000, 9999)}",
            f"{g.randrange(1, 9)}{g.choice('ABCDEF')}{g.choice('GHJKLM')}{g.choice('NPRST')}{g.randrange(100, 999)}",
        ]
    )


def r_serial(g):
    return g.choice(
        [
            f"SN{g.randrange(10**7, 10**8)}",
            f"PJN{g.randrange(100000, 999999)}H",
            f"{g.randrange(10**5, 10**6)}-{g.choice('ABCDEFG')}{g.randrange(1000, 9999)}",
        ]
    )


def r_license(g):
    return g.choice(
        [
            f"{g.choice('ABCDFGM')}{g.randrange(1000000, 9999999)}",
            f"MD{g.randrange(10000, 99999)}",
            f"{g.choice(STATE)}-{g.randrange(100000, 999999)}",
        ]
    )


def r_zip(g):
    return g.choice(
        [f"{g.randrange(10000, 99999)}", f"{g.randrange(10000, 99999)}-{g.randrange(1000, 9999)}"]
    )


def r_age(g):
    return str(g.randrange(90, 107))


def r_young(g):
    return str(g.randrange(18, 89))


GEN = {
    "FIRST": ("NAME", r_first),
    "LAST": ("NAME", r_last),
    "FULL": ("NAME", r_full),
    "DATE": ("DATE", r_date),
    "PHONE": ("PHONE", r_phone),
    "FAX": ("FAX", r_phone),
    "SSN": ("SSN", r_ssn),
    "MRN": ("MRN", r_mrn),
    "PLAN": ("HEALTH_PLAN", r_plan),
    "ACCT": ("ACCOUNT", r_acct),
    "EMAIL": ("EMAIL", r_email),
    "URL": ("URL", r_url),
    "IP": ("IP", r_ip),
    "VIN": ("VEHICLE", r_vin),
    "PLATE": ("VEHICLE", r_plate),
    "SERIAL": ("DEVICE", r_serial),
    "LICENSE": ("LICENSE", r_license),
    "STREET": ("LOCATION", lambda g: g.choice(STREET)),
    "CITY": ("LOCATION", lambda g: g.choice(CITY)),
    "COUNTY": ("LOCATION", lambda g: g.choice(COUNTY)),
    "ZIP": ("LOCATION", r_zip),
    "AGE": ("AGE", r_age),
    "HOSP": ("LOCATION", lambda g: g.choice(HOSP)),
}
# Fillers that are not PHI (rendered inline, no span).
PLAIN = {
    "state": lambda g: g.choice(STATE),
    "young": r_young,
    "year": lambda g: str(g.randrange(1990, 2026)),
}

PHI_TEMPLATES = [
    "Patient {FULL} was seen in clinic today for follow-up of type 2 diabetes.",
    "Dr. {FULL} reviewed the imaging and agrees with the plan.",
    "Seen with Dr. {LAST}; plan discussed with the patient and her daughter {FIRST}.",
    "{FIRST} {LAST} is a {young}-year-old male with a history of CHF and COPD.",
    "Pt {FULL} presents with chest pain radiating to the left arm since {DATE}.",
    "Referred by {FULL}, MD, for evaluation of Ellis-van Creveld syndrome.",
    "The patient's wife, {FIRST}, reports that he fell at home on {DATE}.",
    "Mr. {LAST} denies fever, chills or night sweats.",
    "Mrs. {LAST} was admitted on {DATE} and discharged on {DATE}.",
    "Ms. {FULL} called the nurse line asking about her lisinopril refill.",
    "Admission date: {DATE}. Discharge date: {DATE}.",
    "DOB: {DATE}",
    "Date of birth {DATE}; MRN {MRN}.",
    "MRN: {MRN}  Acct #: {ACCT}",
    "Medical record number {MRN} was verified with two identifiers.",
    "Home address: {STREET}, {CITY}, {state} {ZIP}.",
    "She lives alone at {STREET} in {CITY}, {state}.",
    "Patient moved to {CITY} last year and now lives in {COUNTY}.",
    "Transferred from {HOSP} on {DATE} for a higher level of care.",
    "Call back number {PHONE}; okay to leave a message.",
    "Contact daughter {FULL} at {PHONE} with any questions.",
    "Please fax the records to {FAX} attention {FULL}.",
    "Fax: {FAX}  Phone: {PHONE}",
    "Her email is {EMAIL} and she prefers portal messages.",
    "Patient emailed from {EMAIL} on {DATE} regarding lab results.",
    "SSN {SSN} on file.",
    "Social Security number: {SSN}",
    "Insurance: Medicare, member ID {PLAN}.",
    "Health plan beneficiary number {PLAN}, group 00412.",
    "Billing account number {ACCT} is past due.",
    "Driver's license {LICENSE} was copied for the chart.",
    "Attending physician license no. {LICENSE}.",
    "He was the driver of a sedan, VIN {VIN}, in a rear-end collision.",
    "Vehicle plate {PLATE} was noted by EMS at the scene.",
    "Pacemaker serial number {SERIAL} interrogated; normal function.",
    "Insulin pump serial no. {SERIAL} was replaced under warranty.",
    "Patient portal: {URL}",
    "She posts updates about her recovery at {URL}.",
    "Login from IP address {IP} flagged by security.",
    "Telehealth session connected from {IP}.",
    "{AGE}-year-old woman with hip fracture after a fall.",
    "The patient is {AGE} years old and lives in assisted living.",
    "Age: {AGE}",
    "A {AGE} yo male with dementia, accompanied by his son {FIRST}.",
    "Fingerprint scan and retinal scan were used for identity verification.",
    "Full-face photograph taken on {DATE} and stored in the chart.",
    "Seen on {DATE} at 14:30 by {FULL}, NP.",
    "Follow up on {DATE} with Dr. {LAST} in cardiology.",
    "Last colonoscopy {DATE}, no polyps.",
    "Surgery scheduled for {DATE}.",
    "Collected {DATE} 08:15, resulted {DATE}.",
    "Patient {FIRST} prefers to be called by her middle name.",
    "I spoke with {FULL} (patient's brother) by phone at {PHONE}.",
    "Letter to: {FULL}, {STREET}, {CITY}, {state} {ZIP}",
    "Dear Dr. {LAST}, thank you for referring {FULL} to our clinic.",
    "Sincerely, {FULL}, MD",
    "Electronically signed by {FULL} on {DATE}.",
    "cc: Dr. {FULL}",
    "Emergency contact: {FULL} (husband) {PHONE}",
    "Pharmacy: Walgreens, {STREET}, {CITY}. Phone {PHONE}.",
    "Patient ID {MRN} / Encounter {ACCT}",
    "He works as a mechanic in {CITY} and smokes half a pack per day.",
    "Per {FIRST}, the patient's granddaughter, he has been more confused since {DATE}.",
    "Spoke with {LAST} from the lab about the hemolyzed sample.",
    "{FULL} was given discharge instructions and verbalized understanding.",
    "Patient name: {FULL}  Sex: F  DOB: {DATE}",
    "Name: {FULL}\nDOB: {DATE}\nMRN: {MRN}",
    "Her sister {FIRST} {LAST} has breast cancer at age 44.",
    "ZIP code {ZIP} per registration.",
    "Born {DATE} in {CITY}.",
    "Tx plan reviewed with {first_lower} at bedside.",
    "Nurse {FIRST} hung the second liter of normal saline at 02:00.",
    "Per Dr {LAST}'s note from {DATE}, the INR goal is 2-3.",
    "Hi, this is {FIRST}, my mom {FULL} needs a refill of metformin 500 mg.",
    "what dose of amoxicillin for my son {FIRST}, he is {young} kg?",
    "Does Dr. {LAST} take Aetna? My member number is {PLAN}.",
    "Certificate number {LICENSE} (DEA) on the prescription.",
    "Hearing aid serial {SERIAL}, right ear.",
    "Voiceprint enrollment completed for phone refills.",
    "Photo ID and face photo uploaded to the portal on {DATE}.",
]

FREE_TEMPLATES = [
    "History of Parkinson disease, on carbidopa-levodopa 25/100 mg three times daily.",
    "Assessment: Ellis-van Creveld syndrome with postaxial polydactyly.",
    "May take acetaminophen 500 mg every 6 hours as needed; may 5 mg dose be repeated once.",
    "Hodgkin lymphoma in remission after ABVD chemotherapy.",
    "Crohn's disease flare; started prednisone 40 mg daily with taper.",
    "Alzheimer dementia, moderate; MMSE 18/30.",
    "Blood pressure 132/84, heart rate 78, temperature 98.6 F, SpO2 96% on room air.",
    "BP 118/72 mmHg, HR 64 bpm, RR 16, T 37.1 C.",
    "Strength 5/5 in all extremities; reflexes 2+ and symmetric.",
    "Grade 2/6 systolic murmur at the left sternal border.",
    "Pain 7/10, sharp, worse with movement.",
    "Labs: Na 138, K 4.1, Cl 101, HCO3 24, BUN 18, Cr 1.1, glucose 142.",
    "HbA1c 7.8% (previously 8.4%); eGFR 54 mL/min/1.73m2.",
    "Diagnosis: E11.9 type 2 diabetes mellitus without complications; I10 essential hypertension.",
    "CPT 99214 and 93000 billed; HCPCS J1885 ketorolac injection.",
    "NDC 0002-8215-01 insulin lispro 100 units/mL.",
    "Diagnosed with hypertension in 2015 and diabetes in 2018.",
    "A {young}-year-old woman with migraine without aura.",
    "Bell's palsy on the right; started valacyclovir and prednisone.",
    "Graves disease treated with methimazole 10 mg daily.",
    "Cushing syndrome ruled out by dexamethasone suppression test.",
    "Addison disease on hydrocortisone 15 mg AM and 5 mg PM.",
    "Guillain-Barré syndrome, status post IVIG.",
    "Sjögren syndrome with dry eyes; Schirmer test 3 mm.",
    "Hashimoto thyroiditis; TSH 6.2, free T4 0.9.",
    "Murphy sign positive; RUQ ultrasound ordered.",
    "Babinski sign absent bilaterally; Romberg negative.",
    "Foley catheter removed; voiding without difficulty.",
    "Whipple procedure planned for pancreatic head mass.",
    "Epley maneuver performed for benign paroxysmal positional vertigo.",
    "Apgar scores 8 and 9 at 1 and 5 minutes.",
    "GCS 15, alert and oriented x3.",
    "Will follow up in 2 weeks; return precautions given.",
    "Frank blood noted in the stool; GI consulted.",
    "Dawn phenomenon suspected; adjust basal insulin.",
    "Take 1/2 tablet of metoprolol 25 mg twice daily.",
    "Warfarin 5 mg on Mon/Wed/Fri and 2.5 mg other days; INR 2.4.",
    "Ejection fraction 35-40% on echocardiogram.",
    "Hemoglobin 9.8 g/dL, platelets 212 K/uL, WBC 11.2.",
    "Lisinopril 20 mg daily, atorvastatin 40 mg nightly, aspirin 81 mg.",
    "Eliquis 5 mg BID for atrial fibrillation, CHA2DS2-VASc 4.",
    "Down syndrome with atrioventricular septal defect repaired in infancy.",
    "Marfan syndrome; aortic root 4.6 cm.",
    "Raynaud phenomenon; started nifedipine ER 30 mg.",
    "Kaposi sarcoma lesions on the lower extremities.",
    "Barrett esophagus without dysplasia on EGD.",
    "Wilson disease on penicillamine; ceruloplasmin low.",
    "Tourette syndrome with motor tics.",
    "Patient denies chest pain, shortness of breath or palpitations.",
    "Bill insurance for the extended visit; prior authorization pending.",
    "Rose spots noted on the abdomen, concerning for typhoid.",
    "Will discuss with the team and grace the schedule accordingly.",
    "Hope to wean oxygen to 2 L by tomorrow.",
    "Mark the surgical site before the procedure.",
    "Glucose 3.4 mmol/L at 03:00; treated with 15 g oral glucose.",
    "Lumbar puncture: opening pressure 22 cm H2O, protein 45 mg/dL.",
    "Chest X-ray: no acute cardiopulmonary process.",
    "Vaccines: Tdap 2019, influenza this season, PCV20.",
    "Swan-Ganz catheter: PCWP 18 mmHg, CI 2.1.",
    "Heparin drip at 18 units/kg/hr per protocol.",
    "ICD-10-CM Z79.4 long-term use of insulin; M54.5 low back pain.",
    "Dose 0.5 mg/kg, max 40 mg; repeat in 4-6 hours.",
    "Vision 20/40 OD and 20/25 OS.",
    "Prior MI in 2009, CABG x3 in 2011.",
    "Hepatitis B surface antigen negative; HIV 1/2 antibody nonreactive.",
    "Continue levothyroxine 88 mcg; recheck TSH in 6-8 weeks.",
    "Morse fall risk 45; bed alarm on.",
    "Nissen fundoplication in the past for reflux.",
    "Homans sign negative; no calf tenderness.",
    "Holter monitor for 48 hours.",
]
TRAP_TEMPLATES_EXTRA = [
    "Patient is a {young} y/o male with gout.",
    "Total of 3/4 of the dose given before the reaction.",
]
FREE_TEMPLATES += TRAP_TEMPLATES_EXTRA

FIELD = re.compile(r"\{(\w+)\}")


def render(template: str, g: random.Random) -> tuple[str, list[dict]]:
    out, spans, pos = [], [], 0
    length = 0
    for m in FIELD.finditer(template):
        lit = template[pos : m.start()]
        out.append(lit)
        length += len(lit)
        key = m.group(1)
        if key in GEN:
            kind, fn = GEN[key]
            value = fn(g)
            spans.append({"start": length, "end": length + len(value), "type": kind})
        elif key == "first_lower":
            value = r_first(g).lower()
            spans.append({"start": length, "end": length + len(value), "type": "NAME"})
        else:
            value = PLAIN[key](g)
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def main() -> None:
    g = random.Random(20261128)
    records = []
    # Every PHI template at least twice, then mixed notes.
    n = 0
    for rounds in range(2):
        for t in PHI_TEMPLATES:
            parts = [t]
            if rounds == 1:
                parts.insert(g.randrange(2), g.choice(FREE_TEMPLATES))
            records.append(_note(parts, g, n))
            n += 1
    for _ in range(60):
        parts = [*g.sample(PHI_TEMPLATES, 2), g.choice(FREE_TEMPLATES)]
        g.shuffle(parts)
        records.append(_note(parts, g, n))
        n += 1
    for t in FREE_TEMPLATES:
        records.append(_note([t], g, n))
        n += 1
    for _ in range(40):
        records.append(_note(g.sample(FREE_TEMPLATES, 3), g, n))
        n += 1
    for r in records:
        print(json.dumps(r, ensure_ascii=False))


def _note(parts: list[str], g: random.Random, n: int) -> dict:
    text, spans = "", []
    for i, part in enumerate(parts):
        sep = "" if i == 0 else g.choice([" ", "\n", "\n\n", "  "])
        piece, pspans = render(part, g)
        offset = len(text) + len(sep)
        text += sep + piece
        spans += [{**s, "start": s["start"] + offset, "end": s["end"] + offset} for s in pspans]
    # Templates that name biometrics / photographs without a placeholder: mark the phrase.
    for phrase, kind in (
        ("Fingerprint scan", "BIOMETRIC"),
        ("retinal scan", "BIOMETRIC"),
        ("Voiceprint", "BIOMETRIC"),
        ("Full-face photograph", "PHOTO"),
        ("face photo", "PHOTO"),
    ):
        for m in re.finditer(re.escape(phrase), text):
            spans.append({"start": m.start(), "end": m.end(), "type": kind})
    spans.sort(key=lambda s: s["start"])
    return {"id": f"clin-{n:04d}", "text": text, "phi": spans}


if __name__ == "__main__":
    main()
