"""Write bench/data/search_lay_holdout4.jsonl from hand-written queries and gold code patterns.

Written by the lead on 2026-11-30 while the eighth search round was being tuned (after the
seventh), never shown to anyone tuning the search; queries that any earlier query set already
held were dropped. Run from the repository root with the official files in ../shared/data (or
$CODEAPI_SHARED_DIR): a pattern ending in ``*`` expands to the billable FY2026 codes it matches;
HCPCS gold codes are checked against the HCPCS Level II file.
"""

import gzip
import json
import os
import re
from pathlib import Path

SHARED = Path(os.environ.get("CODEAPI_SHARED_DIR", "../shared")) / "data"
ORDER = SHARED / "icd10cm" / "fy2026" / "icd10cm_order_2026.txt.gz"
HCPCS = SHARED / "hcpcs" / "2025-jan" / "HCPC2025_JAN_ANWEB_12172024.txt.gz"

spec = [
    ("my throat is swollen and i cant swallow", "R13.10 R13.19 J02.9 R22.1 J39.2"),
    (
        "poked myself in the eye",
        "S05.00XA S05.01XA S05.02XA S05.10XA S05.11XA S05.12XA S05.90XA S05.91XA S05.92XA",
    ),
    ("something stuck in my ear", "T16.1XXA T16.2XXA T16.9XXA"),
    ("frostbite toes", "T33.83*A T34.83*A T33.82*A"),
    ("dog bit my leg", "S81.85*A W54.0XXA S71.15*A S81.8*A"),
    ("car accident neck pain", "M54.2 S13.4XXA V89.2XXA"),
    ("concussion from football", "S06.0X0A S06.0X9A S06.0X1A S06.0XAA"),
    ("broken nose", "S02.2*A"),
    ("pulled muscle in back", "S39.012A S29.012A"),
    ("knee gives out", "M25.36* R26.89 M23.8*"),
    ("water on the knee", "M25.46*"),
    ("achilles tendon rupture", "S86.01*A M66.3*"),
    ("flat feet", "M21.4* Q66.5*"),
    ("hammer toe", "M20.4* M20.5X*"),
    ("osteoporosis with broken hip", "M80.05*A"),
    ("pain in both hands joints morning stiffness", "M25.54* M25.64* M06.9 M19.04*"),
    ("fibro", "M79.7"),
    ("lupus", "M32.9 M32.*"),
    ("pink itchy patches with silver scales", "L40.0 L40.9"),
    ("pimples on face", "L70.0 L70.9"),
    ("mole that changed color", "D48.5 D22.9 D22.* L81.4 C43.9"),
    ("skin tags", "L91.8"),
    ("warts on hands", "B07.8 B07.9"),
    ("cellulitis leg", "L03.11* L03.90"),
    ("abscess armpit", "L02.41*"),
    ("pilonidal cyst", "L05.91 L05.92 L05.01 L05.02"),
    ("toenail fungus", "B35.1"),
    ("cataracts", "H26.9 H25.9 H25.1*"),
    ("glaucoma", "H40.9 H40.10*"),
    ("seeing flashing lights", "H53.19 H53.14*"),
    ("ear infection in child", "H66.9* H65.9*"),
    ("hearing loss from noise", "H83.3*"),
    ("dizzy spinning room", "R42 H81.1* H81.39*"),
    ("stuffy nose allergies", "J30.9 J30.2 J31.0 R09.81"),
    ("deviated septum", "J34.2"),
    ("snoring stops breathing at night", "G47.33 R06.83"),
    ("croup", "J05.0"),
    ("flu with fever", "J11.1 J10.1 J11.89"),
    ("coughing blood", "R04.2"),
    ("chest tightness", "R07.89 R07.9"),
    ("varicose veins", "I83.9* I83.90"),
    ("high blood pressure in pregnancy", "O13.* O16.* O10.*"),
    ("leaking fluid pregnant", "O42.9* O42.0* O42.1*"),
    ("bleeding in early pregnancy", "O20.9 O20.0 O20.8"),
    ("painful periods", "N94.6 N94.4 N94.5"),
    ("polycystic ovaries", "E28.2"),
    ("endometriosis", "N80.9"),
    ("testicle pain", "N50.81* N50.82"),
    ("chlamydia", "A56.* A74.9"),
    ("genital herpes", "A60.0* A60.9"),
    ("vasectomy", "Z30.2 Z98.52"),
    ("cant hold my bowels", "R15.9 R15.*"),
    ("bloated stomach gas", "R14.0 R14.*"),
    ("colitis", "K52.9 K51.9*"),
    ("irritable bowel", "K58.9 K58.*"),
    ("pancreatitis", "K85.90 K85.9*"),
    ("ulcer in stomach", "K25.9 K25.*"),
    ("diverticulitis", "K57.92 K57.32 K57.20"),
    ("anal fissure", "K60.2 K60.0 K60.1"),
    ("worms in stool", "B82.0 B80 B77.9"),
    ("weight loss without trying", "R63.4"),
    ("always tired", "R53.83 R53.8*"),
    ("obese", "E66.9 E66.*"),
    ("vitamin d low", "E55.9"),
    ("b12 deficiency", "E53.8 D51.9 D51.*"),
    ("sickle cell", "D57.1 D57.00 D57.3"),
    ("bruise easily", "R23.3 D69.9"),
    ("swollen lymph node armpit", "R59.0"),
    ("seizures", "R56.9 G40.909"),
    ("headache every day", "R51.9 G44.2*"),
    ("tingling in fingers", "R20.2"),
    ("facial drooping one side", "R29.810 G51.0"),
    ("dementia", "F03.90 F03.*"),
    ("ptsd", "F43.10 F43.1*"),
    ("bipolar", "F31.9"),
    ("smoker", "F17.210 F17.200 Z72.0"),
    ("vaping", "F17.290 Z72.0"),
    ("well child check", "Z00.129 Z00.121"),
    ("physical for sports", "Z02.5"),
    ("needs tetanus shot", "Z23"),
    ("allergic to penicillin", "Z88.0"),
    ("family history of colon cancer", "Z80.0"),
    ("pacemaker in place", "Z95.0"),
    ("on chemo", "Z51.11 Z79.63*"),
    ("kidney transplant", "Z94.0 T86.1*"),
    ("amputee below knee", "Z89.51*"),
    ("homeless", "Z59.0*"),
]

hcpcs = [
    (
        "compression stockings",
        [
            "A6530",
            "A6531",
            "A6532",
            "A6533",
            "A6534",
            "A6535",
            "A6536",
            "A6537",
            "A6538",
            "A6539",
            "A6540",
            "A6541",
            "A6544",
            "A6545",
            "A6549",
        ],
    ),
    ("oxygen tank portable", ["E0431", "E0433", "E0434", "E0443", "E1392"]),
    ("cpap mask", ["A7030", "A7034", "A7031", "A7032", "A7033", "A7027", "A7028", "A7029"]),
    ("insulin syringes", ["A4206", "A4207", "A4208", "A4209", "A4210"]),
]


def main() -> None:
    codes = {}
    with gzip.open(ORDER, "rt") as f:
        for line in f:
            codes[line[6:13].strip()] = line[14] == "1"
    with gzip.open(HCPCS, "rt", encoding="latin-1") as f:
        hcpcs_codes = {line[:5] for line in f}
    out = []
    for q, gold in spec:
        found = []
        for tok in gold.split():
            pat = re.compile("^" + re.escape(tok.replace(".", "")).replace(r"\*", ".*") + "$")
            hit = [c for c in codes if pat.match(c) and codes[c]] or [
                c for c in codes if pat.match(c)
            ]
            if not hit:
                raise SystemExit(f"{q!r}: {tok} matches no code")
            found += hit
        gold_codes = [c if len(c) <= 3 else f"{c[:3]}.{c[3:]}" for c in dict.fromkeys(found)]
        out.append({"q": q, "system": "icd10cm", "gold": gold_codes})
    for q, gold in hcpcs:
        missing = [c for c in gold if c not in hcpcs_codes]
        if missing:
            raise SystemExit(f"{q!r}: {missing} not in the HCPCS file")
        out.append({"q": q, "system": "hcpcs", "gold": gold})
    target = Path(__file__).resolve().parent / "search_lay_holdout4.jsonl"
    with target.open("w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    print(f"{len(out)} queries written to {target}")


if __name__ == "__main__":
    main()
