"""CasePilot on a written question set: fact coverage, wrong codes, latency.

    .venv/bin/python bench/casepilot.py [--database-url URL] [--skip-import] [--show-misses]

Builds a scratch SQLite catalog (demo catalog, the small NCCI MUE/PTP files of
tests/catalog/data, and from ../shared/data: ICD-10-CM with its order file, HCPCS with
notes, MPFS RVU, NCCI add-on edits, GEMs and the ICD-10-CM Official Guidelines), then asks
every question of bench/data/casepilot_questions.jsonl (written before tuning; each with
the facts a correct answer must contain) through the engine, in process, without a
language model. Printed per question kind and overall:

- the share of answers containing every required fact (case-insensitive substrings),
- the share naming any wrong code: a code-like token the catalog lacks on as_of, or one of
  the question's ``wrong_codes`` (goal 0),
- the median latency (goal <= 200 ms).

Baseline, measured in the same run on the same catalog: "lookup only", i.e. the engine
with every question treated as a code lookup (what a plain code-page search gives).
"""

from __future__ import annotations

import argparse
import atexit
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import setup_django  # noqa: E402

QUESTIONS = ROOT / "bench/data/casepilot_questions.jsonl"


def shared() -> Path:
    return Path(os.environ.get("CODEAPI_SHARED_DIR") or ROOT.parent / "shared") / "data"


def build_catalog() -> None:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_catalog", verbosity=0, stdout=out)
    data = ROOT / "tests/catalog/data"
    for f in sorted(data.glob("MCR_MUE_*.csv")):
        call_command("import_ncci_mue", str(f), stdout=out)
    call_command("import_ncci_ptp", str(data / "ccipra-v311r0-f1.txt"), stdout=out)
    d = shared()
    steps = [
        (
            "ICD-10-CM",
            ["import_icd10cm", "--order", d / "icd10cm/fy2026/icd10cm_order_2026.txt.gz"],
        ),
        (
            "HCPCS",
            [
                "import_hcpcs",
                d / "hcpcs/2025-jan/HCPC2025_JAN_ANWEB_12172024.txt.gz",
                "--notes",
                d / "hcpcs/2025-jan/proc_notes_JAN2025.txt",
            ],
        ),
        ("MPFS", ["import_mpfs", d / "mpfs/rvu25d/PPRRVU2025_Oct.csv"]),
        (
            "AOC",
            ["import_ncci_aoc", d / "ncci/aoc-2026q2/AOC_V2026Q2-MCR.xlsx", "--add-missing-codes"],
        ),
        ("GEMs", ["import_gems", d / "gems/2018/2018_I9gem.txt", d / "gems/2018/2018_I10gem.txt"]),
        (
            "guidelines",
            [
                "import_icd10cm_guidelines",
                d / "icd10cm/fy2026/ICD-10-CM-October-2025-Guidelines.pdf",
            ],
        ),
    ]
    for name, args in steps:
        files = [a for a in args[1:] if isinstance(a, Path)]
        if not all(f.exists() for f in files):
            print(f"  (skipped {name}: files not found under {d})")
            if name == "ICD-10-CM":
                call_command("import_icd10cm", stdout=out)
            continue
        start = time.perf_counter()
        call_command(*map(str, args), stdout=out)
        print(f"  imported {name} in {time.perf_counter() - start:.1f} s")


def wrong_codes(answer: str, q: dict, as_of) -> list[str]:
    from clinical.casepilot import retrieval
    from clinical.casepilot.intent import ANSWER_CODE_TOKEN

    named = {m.group(1) for m in ANSWER_CODE_TOKEN.finditer(answer)}
    known = {f.code for f in retrieval.resolve_codes(sorted(named), as_of=as_of)}
    wrong = (named - known) | (named & set(q.get("wrong_codes", [])))
    return sorted(wrong)


def run(questions: list[dict], ask) -> dict:
    import datetime

    by_kind: dict[str, list] = defaultdict(list)
    misses = []
    for q in questions:
        as_of = datetime.date.fromisoformat(q["as_of"]) if q.get("as_of") else datetime.date.today()
        start = time.perf_counter()
        result = ask(q, as_of)
        ms = (time.perf_counter() - start) * 1000
        text = result["answer"].lower()
        ok = all(f.lower() in text for f in q["facts"])
        wrong = wrong_codes(result["answer"], q, as_of)
        by_kind[q["kind"]].append((ok, bool(wrong), ms))
        if not ok or wrong:
            misses.append((q, result, wrong))
    return {"by_kind": by_kind, "misses": misses}


def summary(rows) -> tuple[float, float, float]:
    n = len(rows)
    return (
        sum(r[0] for r in rows) / n,
        sum(r[1] for r in rows) / n,
        statistics.median(r[2] for r in rows),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=None, help="default: a scratch SQLite file")
    parser.add_argument("--skip-import", action="store_true", help="the database is loaded")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    os.environ.pop("CASEPILOT_LLM_URL", None)  # no language model in this bench
    scratch = None
    if not args.database_url and "CODEAPI_DATA_DIR" not in os.environ:
        scratch = tempfile.mkdtemp(prefix="codeapi-bench-casepilot-")
        os.environ["CODEAPI_DATA_DIR"] = scratch
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)  # ~80 MB of catalog
    setup_django(args.database_url)
    if not args.skip_import:
        print("building the catalog:")
        build_catalog()

    from clinical.casepilot import engine
    from clinical.casepilot.intent import classify

    questions = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]

    def casepilot(q, as_of):
        return engine.answer(
            question=q["question"], as_of=as_of, conversation=q.get("conversation")
        )

    def lookup_only(q, as_of):
        real = engine.classify

        def forced(text):
            question = classify(text)
            if question.intent != "code_case":
                question.intent = "code_lookup" if question.tokens else "unknown"
            return question

        engine.classify = forced
        try:
            return casepilot(q, as_of)
        finally:
            engine.classify = real

    # warm the process caches (detector knowledge, code pages) the same way for both; the
    # first pass is timed too (empty page cache; the detector's knowledge loads on the first
    # clinical question and is left out of that median)
    import datetime

    engine.answer(question="Code this case: hypertension", as_of=datetime.date.today())
    cold = []
    for q in questions:
        start = time.perf_counter()
        casepilot(q, datetime.date.today())
        cold.append((time.perf_counter() - start) * 1000)
    results = {
        "baseline (lookup only)": run(questions, lookup_only),
        "CasePilot": run(questions, casepilot),
    }

    print(f"\n{len(questions)} questions ({QUESTIONS.relative_to(ROOT)}), no language model")
    header = f"{'kind':<16}{'n':>4}  {'all facts':>10}  {'wrong code':>10}  {'median ms':>10}"
    for name, res in results.items():
        print(f"\n{name}\n{header}")
        all_rows = []
        for kind in sorted(res["by_kind"]):
            rows = res["by_kind"][kind]
            all_rows += rows
            facts, wrong, ms = summary(rows)
            print(f"{kind:<16}{len(rows):>4}  {facts:>10.1%}  {wrong:>10.1%}  {ms:>10.1f}")
        facts, wrong, ms = summary(all_rows)
        print(f"{'ALL':<16}{len(all_rows):>4}  {facts:>10.1%}  {wrong:>10.1%}  {ms:>10.1f}")
    base = summary(
        [r for rows in results["baseline (lookup only)"]["by_kind"].values() for r in rows]
    )
    cp = summary([r for rows in results["CasePilot"]["by_kind"].values() for r in rows])
    print(
        f"\nCasePilot vs baseline: all-facts share {cp[0]:.1%} vs {base[0]:.1%}; median latency "
        f"{cp[2]:.1f} ms vs {base[2]:.1f} ms (ratio {cp[2] / base[2]:.2f})"
    )
    print(
        f"first pass (code pages not yet cached): median {statistics.median(cold):.1f} ms, "
        f"max {max(cold):.1f} ms"
    )
    if args.show_misses:
        print("\nmisses (CasePilot):")
        for q, result, wrong in results["CasePilot"]["misses"]:
            print(f"- [{q['id']}] {q['question']}\n  facts: {q['facts']} wrong: {wrong}")
            print("  " + result["answer"].replace("\n", "\n  ")[:600])


if __name__ == "__main__":
    main()
