"""Write bench/data/search_lay_holdout2.jsonl from hand-written queries and gold code patterns.

Run from the repository root with the official files in ../shared/data (or $CODEAPI_SHARED_DIR):
a pattern ending in ``*`` expands to the billable FY2026 codes it matches.
"""

import gzip
import json
import os
import re
from pathlib import Path

SHARED = Path(os.environ.get("CODEAPI_SHARED_DIR", "../shared")) / "data"
ORDER = SHARED / "icd10cm" / "fy2026" / "icd10cm_order_2026.txt.gz"

spec = [
    ("throwing up blood", "K92.0"),
    ("passed out", "R55"),
    ("ringing in my ears", "H93.1*"),
    ("cant catch my breath", "R06.02 R06.00"),
    ("twisted ankle", "S93.40*A S93.49*A"),
    ("torn ACL", "S83.51*A"),
    ("slipped disc lower back", "M51.26 M51.27 M51.16 M51.17 M51.36* M51.37*"),
    ("frozen shoulder", "M75.0*"),
    ("tennis elbow", "M77.1*"),
    ("bunion", "M20.1*"),
    ("cross eyed", "H50.0* H50.9"),
    ("nearsighted", "H52.1*"),
    ("ear wax buildup", "H61.2*"),
    ("outer ear infection", "H60.9* H60.39* H60.0*"),
    ("fever blister", "B00.1"),
    ("vaginal yeast infection", "B37.3*"),
    ("thrush in baby's mouth", "B37.0 P37.5"),
    ("diaper rash", "L22"),
    ("baby not gaining weight", "R62.51 P92.6"),
    ("feeling down all the time", "F32.A F34.1 F32.9"),
    ("cant stop worrying", "F41.1 F41.9"),
    ("hearing voices", "R44.0"),
    ("drinking problem", "F10.20 F10.10 F10.90"),
    ("overdose of tylenol", "T39.1X1A T39.1X2A T39.1X4A"),
    ("bald patches on scalp", "L63.9 L63.8 L65.9 L63.1"),
    ("belly button hernia", "K42.9 K42.0"),
    ("piles", "K64.9 K64.8"),
    ("black tarry stools", "K92.1"),
    ("cant get an erection", "N52.9 F52.21"),
    ("missed periods", "N91.2 N91.1 N91.0"),
    ("hot flashes menopause", "N95.1 R23.2"),
    ("sugar in urine", "R81"),
    ("afib with rvr", "I48.91 I48.0 I48.20 I48.19"),
    ("COPD flare", "J44.1"),
    ("DKA type 1", "E10.10 E10.11"),
    ("ESRD on dialysis", "N18.6 Z99.2"),
    ("CAD s/p CABG", "I25.10 Z95.1 I25.810"),
    ("OA both knees", "M17.0"),
    ("PNA", "J18.9"),
    ("SBO", "K56.609 K56.600 K56.601 K56.699 K56.69*"),
    ("55 yo woman with burning on urination and frequency", "R30.0 N39.0 R35.0 N30.00 N30.90"),
    ("child with fever and ear pain", "H66.9* H92.0* R50.9"),
    ("lump in breast", "N63.0 N63.1* N63.2*"),
    ("skin cancer on nose", "C44.301 C44.311 C44.321 C44.391"),
    ("stops breathing during sleep", "G47.33 G47.30"),
    ("shaky hands", "R25.1 G25.0"),
    ("pins and needles in feet", "R20.2 G62.9"),
    ("having fits", "R56.9 G40.909 G40.919"),
    ("headache after spinal tap", "G97.1"),
    ("wheelchair bound", "Z99.3"),
    ("knocked out after hitting head", "S06.0X1A S06.0X9A S06.0XAA R40.20 S09.90XA"),
    ("fell off a ladder", "W11.XXXA"),
    ("blood clot in lung", "I26.99 I26.90 I26.92 I26.93 I26.94"),
    ("water broke early", "O42.9* O42.0* O42.1*"),
    ("morning sickness", "O21.0 O21.9 O21.8"),
    ("postpartum blues", "O90.6 F53.0"),
]
hcpcs = [
    ("walking stick", ["E0100", "E0105"]),
    ("sugar meter for home", ["E0607", "E2100", "E2101"]),
    ("shower seat", ["E0240"]),
    ("toilet riser", ["E0244"]),
    (
        "support stockings",
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
    ("wig for chemo hair loss", ["A9282"]),
    ("rolling walker", ["E0143", "E0141"]),
    ("bipap", ["E0470", "E0471"]),
]


def main() -> None:
    codes = {}
    with gzip.open(ORDER, "rt") as f:
        for line in f:
            codes[line[6:13].strip()] = line[14] == "1"
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
    out += [{"q": q, "system": "hcpcs", "gold": g} for q, g in hcpcs]
    target = Path(__file__).resolve().parent / "search_lay_holdout2.jsonl"
    with target.open("w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    print(f"{len(out)} queries written to {target}")


if __name__ == "__main__":
    main()
