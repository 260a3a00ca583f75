"""Shared by the ``make_search_lay_holdout*.py`` generators: expand hand-written gold code
patterns against the official files and write a query set.

Run the generators from the repository root with the official files in ../shared/data (or
``$CODEAPI_SHARED_DIR``). An ICD-10-CM pattern ending in ``*`` expands to the billable FY2026
codes it matches (to any code when none is billable); every HCPCS gold code must be in the
HCPCS Level II file.
"""

import gzip
import json
import os
import re
from pathlib import Path

SHARED = Path(os.environ.get("CODEAPI_SHARED_DIR", "../shared")) / "data"
ORDER = SHARED / "icd10cm" / "fy2026" / "icd10cm_order_2026.txt.gz"
HCPCS = SHARED / "hcpcs" / "2025-jan" / "HCPC2025_JAN_ANWEB_12172024.txt.gz"


def write(name: str, spec: list[tuple[str, str]], hcpcs: list[tuple[str, list[str]]]) -> None:
    """Write ``bench/data/<name>.jsonl``: the ICD-10-CM queries of ``spec`` (query, space-
    separated patterns), then the HCPCS queries of ``hcpcs`` (query, codes)."""
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
    with gzip.open(HCPCS, "rt", encoding="latin-1") as f:
        hcpcs_codes = {line[:5] for line in f}
    for q, gold in hcpcs:
        missing = [c for c in gold if c not in hcpcs_codes]
        if missing:
            raise SystemExit(f"{q!r}: {missing} not in the HCPCS file")
    out += [{"q": q, "system": "hcpcs", "gold": g} for q, g in hcpcs]
    target = Path(__file__).resolve().parent / f"{name}.jsonl"
    with target.open("w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    print(f"{len(out)} queries written to {target}")
