"""Learn DetectICD10CM's mention suppressions from the CodiEsp *training* split only.

    .venv/bin/python bench/tune_detect.py [--min-count 3] [--max-precision 0.2]

For every affirmed entity's best code in each training document, count whether the code is
among the document's gold codes. A (mention words, code) pair that is predicted in at least
``--min-count`` documents with precision below ``--max-precision`` is written to
``clinical/icd10cm/tuning.json``: such mentions are still reported as entities but no longer
put their code in the document-level ``codes`` ("under general anesthesia" is not R20.0
"Anesthesia of skin"; "examination" is not Z00.00). Only derived counts are stored, never
the documents. Report figures on the dev split (bench/detect.py), never on train.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clinical.icd10cm import detector  # noqa: E402
from clinical.icd10cm.knowledge import load_knowledge, shared_dir  # noqa: E402
from clinical.icd10cm.text import term_key  # noqa: E402


def _matches_gold(code: str, gold: set[str]) -> bool:
    """Gold is coded with the 2018 edition: R51 then is R51.9 now, so a code counts as
    right when it equals a gold code or extends one (the 2018 code became a header)."""
    c = code.replace(".", "")
    return any(c.startswith(g) for g in gold)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--max-precision", type=float, default=0.2)
    args = ap.parse_args()
    path = shared_dir() / "dev-eval" / "codiesp_en_train.jsonl"
    docs = [json.loads(line) for line in path.open()]
    kb = load_knowledge()
    detector.SUPPRESSED.clear()
    hit: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for d in docs:
        gold = {c.upper().replace(".", "") for c in d["codes"]}
        pairs = set()
        for ent in detector.detect(d["text"], kb)["entities"]:
            if any(t["name"] in detector.EXCLUDED_TRAITS for t in ent["traits"]):
                continue
            code = ent["icd10cmConcepts"][0]["code"]
            pairs.add((" ".join(term_key(ent["text"])), code))
        for mention, code in pairs:
            seen[(mention, code)] += 1
            hit[(mention, code)] += _matches_gold(code, gold)
    out = sorted(
        [m, c]
        for (m, c), n in seen.items()
        if n >= args.min_count and hit[(m, c)] / n < args.max_precision
    )
    target = ROOT / "clinical" / "icd10cm" / "tuning.json"
    target.write_text(
        json.dumps(
            {
                "about": "Mentions whose code is not put in document codes; learned by "
                "bench/tune_detect.py from CodiEsp train (CC BY 4.0, Miranda-Escalada et "
                f"al.), min_count={args.min_count}, max_precision={args.max_precision}.",
                "suppress": out,
            },
            indent=0,
        )
        + "\n"
    )
    print(f"{len(out)} suppressed (mention, code) pairs -> {target}")


if __name__ == "__main__":
    main()
