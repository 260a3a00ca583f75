"""Quota exactness under a real race: the service under gunicorn (4 worker processes) on
PostgreSQL, 50 parallel requests for 50 different codes from one subject, 20 times.

    .venv/bin/python bench/quota_race.py [--runs 20] [--parallel 50]

Each run uses a fresh guest (a new client address through one trusted proxy) and a fresh
registered account (a new API key), so every run starts with a full quota. Prints the
views granted per run and the number of runs that granted more than the plan allows
(over-grants; goal 0 of 20).
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import gunicorn, postgres_scratch, prepare_database, setup_django


def fire(base: str, codes: list[str], headers: dict[str, str]) -> int:
    def get(code: str) -> int:
        request = urllib.request.Request(f"{base}/api/v1/codes/hcpcs/{code}/", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=len(codes)) as pool:
        statuses = list(pool.map(get, codes))
    unexpected = [s for s in statuses if s not in (200, 429)]
    if unexpected:
        raise SystemExit(f"unexpected statuses: {unexpected[:5]}")
    return statuses.count(200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--parallel", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    url = postgres_scratch("codeapi_bench_race")
    env = {
        "DATABASE_URL": url,
        "TRUSTED_PROXY_COUNT": "1",
        "RATE_LIMIT_PER_SUBJECT": "100000/m",
        "RATE_LIMIT_PER_ADDRESS": "100000/m",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    setup_django(url, **env)
    prepare_database()
    from accounts.services import account_create, api_key_create
    from catalog.models import Code, CodeSystem, Release
    from metering.models import Plan

    Plan.objects.filter(slug__in=["guest", "free"]).update(requests_per_minute=None)
    release = Release.objects.create(source="bench", version="race", effective_date="2020-01-01")
    hcpcs = CodeSystem.objects.get(slug="hcpcs")
    Code.objects.bulk_create(
        Code(
            system=hcpcs,
            code=f"B{i:04d}",
            normalized=f"B{i:04d}",
            sort_key=f"B{i:04d}",
            short_descriptor=f"BENCH {i}",
            release=release,
        )
        for i in range(args.parallel)
    )
    codes = [f"B{i:04d}" for i in range(args.parallel)]
    keys = [
        api_key_create(
            user=account_create(email=f"race{run}@example.org", password="race password long"),
            name="race",
        ).secret
        for run in range(args.runs)
    ]

    guest_over = account_over = 0
    with gunicorn(env, workers=args.workers) as base:
        print(f"gunicorn with {args.workers} workers on PostgreSQL at {base}")
        print("run  guest granted (limit 1)  account granted (limit 6)")
        for run in range(args.runs):
            guest = fire(base, codes, {"X-Forwarded-For": f"198.51.100.{run + 1}"})
            account = fire(base, codes, {"Authorization": f"Bearer {keys[run]}"})
            guest_over += guest > 1
            account_over += account > 6
            print(f"{run + 1:3d}  {guest:22d}  {account:25d}")
    print(
        f"over-grants: guest {guest_over} of {args.runs} runs, "
        f"account {account_over} of {args.runs} runs"
    )


if __name__ == "__main__":
    main()
