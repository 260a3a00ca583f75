"""Write bench/data/search_lay_holdout3.jsonl from hand-written queries and gold code patterns.

Written by the lead on 2026-11-30 before the search engine's latency work of that session and
never shown to anyone tuning the search vocabulary; queries that any earlier query set already
holds were dropped. Run from the repository root with the official files in ../shared/data (or
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
    ("lazy eye", "H53.00* H53.01* H53.02*"),
    ("floaters in my vision", "H43.39* H43.8*"),
    ("swimmers ear", "H60.33* H60.9*"),
    ("canker sore", "K12.0"),
    ("stomach bug", "A08.4 K52.9 A09"),
    ("kidney stones", "N20.0 N20.9 N20.2 N20.1"),
    ("peeing a lot at night", "R35.1"),
    ("leaking urine when i cough", "N39.3 R32"),
    ("enlarged prostate", "N40.0 N40.1"),
    ("chickenpox", "B01.9 B01.*"),
    ("ringworm", "B35.4 B35.9 B35.*"),
    ("athletes foot", "B35.3"),
    ("head lice", "B85.0"),
    ("bed bug bites", "W57.X*A T14.8*"),
    ("bee sting allergy", "T63.441A T63.444A T78.40XA"),
    ("hives", "L50.9 L50.*"),
    ("plantar wart", "B07.0"),
    ("heel spur", "M77.3*"),
    ("carpal tunnel", "G56.0*"),
    ("sciatica", "M54.3* M54.4*"),
    ("dislocated shoulder", "S43.00*A S43.01*A S43.02*A S43.03*A S43.08*A"),
    ("pulled hamstring", "S76.30*A S76.31*A S76.39*A"),
    ("shin splints", "M76.8* S86.89*A"),
    ("gout flare big toe", "M10.07* M10.9 M10.*"),
    ("low thyroid", "E03.9 E03.8"),
    ("borderline diabetes", "R73.03 R73.09"),
    ("low blood sugar", "E16.2 E16.1 E16.0"),
    ("low iron", "E61.1 D50.9 E83.10"),
    ("water in the lungs", "J81.0 J81.1 J81.* J90"),
    ("collapsed lung", "J93.9 J93.*"),
    ("whooping cough", "A37.90 A37.*"),
    ("bed wetting", "N39.44 R32 F98.0"),
    ("tongue tie", "Q38.1"),
    ("cleft lip", "Q36.9 Q36.*"),
    ("club foot", "Q66.89 Q66.0*"),
    ("hole in the heart", "Q21.0 Q21.1* Q21.9"),
    ("baby born early", "P07.3* P07.*"),
    ("jaundice in newborn", "P59.9 P59.*"),
    ("tubal pregnancy", "O00.1* O00.9*"),
    ("trouble falling asleep", "G47.00 F51.01 F51.0*"),
    ("sleepwalking", "F51.3"),
    ("hoarding", "F42.3"),
    ("eating disorder binge", "F50.81 F50.8*"),
    ("ADHD", "F90.9 F90.*"),
    ("autism", "F84.0"),
    ("memory loss old age", "R41.81 R41.3 G30.9 F03.90"),
    ("HLD", "E78.5"),
    ("BPH with LUTS", "N40.1"),
    ("MDD recurrent severe", "F33.2"),
    ("h/o breast cancer", "Z85.3"),
    ("long term use of blood thinners", "Z79.01"),
    ("eye infection with crusty discharge", "H10.0* H10.3* H10.9"),
    ("blood coming from my nose", "R04.0"),
    ("sore throat with white spots", "J02.0 J02.9 J03.90 J03.00"),
    ("burning in chest after eating", "R12 K21.9"),
    ("painful rash on one side of the chest", "B02.9 B02.8 B02.7 R21"),
    ("stones in gallbladder with pain", "K80.20 K80.21 K80.00 K80.01 K80.10 K80.11"),
    ("thyroid too active", "E05.90 E05.9*"),
    ("bad cholesterol high", "E78.00 E78.01 E78.5"),
    ("kidney function stage three", "N18.30 N18.31 N18.32"),
    ("sugar diabetes numb feet", "E11.40 E11.42 E11.9"),
    ("chest pain from heart attack", "I21.9 I21.*"),
    ("wrist fracture from a fall", "S62.10*A S52.5*A S52.9*A S62.9*A S62.1*A S52.6*A"),
    ("urine infection", "N39.0"),
    ("high blood pressure pills", "I10 Z79.899"),
    ("head cold", "J00 J06.9"),
    ("water pills for swelling", "R60.0 R60.9 Z79.899"),
    ("stroke symptoms that went away", "G45.9 I63.9 Z86.73"),
    ("stomach flu vomiting diarrhea", "A08.4 K52.9 A09 R11.2 R19.7"),
    ("dizzy when standing up", "I95.1 R42"),
    ("bad breath", "R19.6"),
    ("teeth grinding", "F45.8 G47.63"),
    ("jaw pain clicking", "M26.60* M26.62* M26.63* M26.69"),
    ("hair falling out in clumps", "L63.9 L65.9 L63.*"),
    ("excessive sweating", "R61 L74.5*"),
    ("hiccups that wont stop", "R06.6"),
    ("coughing up phlegm", "R05.9 R09.3 R05.*"),
    ("wheezing", "R06.2"),
    ("yellow skin and eyes", "R17"),
    ("blood in pee", "R31.9 R31.*"),
    ("constipated for a week", "K59.00 K59.09 K59.0*"),
    ("itchy bottom", "L29.0"),
    ("lower back pain", "M54.50 M54.5*"),
    ("rotator cuff tear", "M75.1* S46.01*A"),
    ("trigger finger", "M65.3*"),
    ("tailbone pain", "M53.3"),
    ("pneumonia in both lungs", "J18.9 J18.*"),
]

hcpcs = [
    (
        "hospital bed for home",
        [
            "E0250",
            "E0251",
            "E0255",
            "E0256",
            "E0260",
            "E0261",
            "E0290",
            "E0291",
            "E0292",
            "E0293",
            "E0294",
            "E0295",
            "E0296",
            "E0297",
            "E0301",
            "E0302",
            "E0303",
            "E0304",
        ],
    ),
    ("nebulizer machine", ["E0570", "E0565", "E0572", "E0574", "E0575", "E0580", "E0585"]),
    ("ambulance transport basic life support emergency", ["A0429"]),
    (
        "walking sticks for underarm",
        ["E0110", "E0111", "E0112", "E0113", "E0114", "E0116", "E0117"],
    ),
    ("glucose meter strips", ["A4253"]),
    ("raised toilet seat", ["E0244"]),
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
    target = Path(__file__).resolve().parent / "search_lay_holdout3.jsonl"
    with target.open("w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    print(f"{len(out)} queries written to {target}")


if __name__ == "__main__":
    main()
