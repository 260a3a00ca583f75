"""Time and peak memory of the official-file imports, on SQLite and on PostgreSQL.

    .venv/bin/python bench/import.py [--repeat 3] [--backends sqlite,postgres]

Measures, each in its own subprocess on a freshly migrated database:
  baseline  ``manage.py check`` (Django start-up: the floor every command pays)
  icd10cm   full ICD-10-CM: tabular XML + order file, then the index, external cause
            index, drug and neoplasm tables (``import_icd10cm`` + ``import_icd10cm_index``)
  hcpcs     HCPCS Level II file + processing notes
  no-op     the same ICD-10-CM and HCPCS imports again (nothing to write)
Peak memory is ``ru_maxrss`` of the measured process (``RUSAGE_CHILDREN`` of a wrapper
process per measurement). PostgreSQL uses a scratch database ``codeapi_bench_import``
(created and dropped here). Needs ../shared/data (or CODEAPI_SHARED_DIR). Goals on the
2-core machine: ICD-10-CM <= 60 s, HCPCS <= 10 s, peak memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CODEAPI_SHARED_DIR") or ROOT.parent / "shared") / "data"
ICD = SHARED / "icd10cm"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_DB = "codeapi_bench_import"

STEPS = {
    "baseline": [["check"]],
    "icd10cm": [
        ["import_icd10cm", "--order", str(ICD / "fy2026/icd10cm_order_2026.txt.gz")],
        [
            "import_icd10cm_index",
            str(ICD / "fy2017-index/icd10cm_index_2017.xml.gz"),
            str(ICD / "fy2025-index-tables/icd-10-cm-eindex-2025.xml"),
            str(ICD / "fy2025-index-tables/icd-10-cm-drug-2025.xml"),
            str(ICD / "fy2025-index-tables/icd-10-cm-neoplasm-2025.xml"),
        ],
    ],
    "hcpcs": [
        [
            "import_hcpcs",
            str(SHARED / "hcpcs/2025-jan/HCPC2025_JAN_ANWEB_12172024.txt.gz"),
            "--notes",
            str(SHARED / "hcpcs/2025-jan/proc_notes_JAN2025.txt"),
        ]
    ],
}


def child(commands: list[list[str]], env: dict[str, str]) -> None:
    """Run the commands in ONE Django process; print its wall time and peak RSS."""
    script = (
        "import django, sys, json; django.setup()\n"
        "from django.core.management import call_command\n"
        "import io\n"
        "for argv in json.loads(sys.argv[1]):\n"
        "    call_command(*argv, stdout=io.StringIO())\n"
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", script, json.dumps(commands)], cwd=ROOT, env=env, check=True
    )
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_kb / 1024}))


def measure(commands: list[list[str]], env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(commands)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def manage(env: dict[str, str], *argv: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *argv], cwd=ROOT, env=env, check=True, capture_output=True
    )


def psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def fresh_database(backend: str, folder: Path, n: int) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "codeapi.settings.dev"}
    if backend == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{folder / f'bench-{n}.sqlite3'}"
    else:
        psql(f"DROP DATABASE IF EXISTS {PG_DB}")
        psql(f"CREATE DATABASE {PG_DB}")
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
    manage(env, "migrate", "--no-input")
    return env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(json.loads(args.child), dict(os.environ))
        return
    if not SHARED.exists():
        sys.exit(f"skipped: no official data at {SHARED} (set CODEAPI_SHARED_DIR)")
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="codeapi-bench-") as tmp:
        for backend in args.backends.split(","):
            try:
                for n in range(args.repeat):
                    env = fresh_database(backend, Path(tmp), n)
                    for name in ("baseline", "icd10cm", "hcpcs"):
                        results.setdefault((backend, name), []).append(measure(STEPS[name], env))
                    both = STEPS["icd10cm"] + STEPS["hcpcs"]
                    results.setdefault((backend, "no-op re-import"), []).append(measure(both, env))
                    print(f"  {backend} run {n + 1}/{args.repeat} done", file=sys.stderr)
            finally:
                if backend == "postgres":
                    psql(f"DROP DATABASE IF EXISTS {PG_DB}")
    head = f"{'backend':<10} {'import':<16} {'median s':>9} {'x baseline':>11} {'peak MB':>8}"
    print(head + "  runs (s)")
    for (backend, name), runs in results.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        base = statistics.median(r["seconds"] for r in results[(backend, "baseline")])
        peak = max(r["peak_mb"] for r in runs)
        every = ", ".join(f"{r['seconds']:.1f}" for r in runs)
        ratio = seconds / base
        print(f"{backend:<10} {name:<16} {seconds:>9.1f} {ratio:>11.1f} {peak:>8.0f}  {every}")


if __name__ == "__main__":
    main()
