"""What metering costs on the code page.

1. In process (SQLite by default): median latency of the REST code page with metering on
   and off, interleaved in the same run (goal: ratio <= 1.3).
2. Under load: requests per second of the code page served by gunicorn (4 workers) on
   PostgreSQL, driven by wrk on loopback, metered vs unmetered (goal: ratio >= 0.8).

    .venv/bin/python bench/metering_overhead.py [--rounds 30] [--seconds 10] [--skip-load]

The metered caller is an account on the unlimited internal plan re-viewing an unlocked code
through an API key: every request identifies the key, checks the quota in the database,
and writes the RateLimit fields. wrk comes from Debian (`apt-get install wrk`); without it
the load part uses a Python thread pool (and says so).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (
    gunicorn,
    interleaved_medians,
    postgres_scratch,
    prepare_database,
    setup_django,
)


def internal_key(email: str) -> str:
    from accounts.services import account_create, api_key_create
    from metering.models import Plan

    user = account_create(email=email, password="bench password long enough")
    user.plan = Plan.objects.get(slug="internal")
    user.save()
    return api_key_create(user=user, name="bench").secret


def in_process(rounds: int, per_round: int) -> None:
    from django.conf import settings
    from django.test import Client

    key = internal_key("overhead@example.org")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")

    def page():
        response = client.get("/api/v1/codes/cpt/97550/")
        assert response.status_code == 200

    def metered():
        settings.METERING_ENABLED = True
        page()

    def unmetered():
        settings.METERING_ENABLED = False
        page()

    medians = interleaved_medians(
        {"metering off": unmetered, "metering on": metered}, rounds=rounds, per_round=per_round
    )
    ratio = medians["metering on"] / medians["metering off"]
    print("In process (SQLite), REST code page, median of", rounds * per_round, "requests each:")
    for name, value in medians.items():
        print(f"  {name:13s} {value:7.3f} ms")
    print(f"  ratio on/off  {ratio:7.2f}   (goal <= 1.3: {'met' if ratio <= 1.3 else 'NOT met'})")


def load(base: str, key: str, seconds: int) -> float:
    url = f"{base}/api/v1/codes/cpt/97550/"
    if shutil.which("wrk"):
        out = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{seconds}s", "-H", f"Authorization: Bearer {key}", url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if non_2xx:
            raise SystemExit(f"wrk saw {non_2xx.group(1)} failed responses:\n{out}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})

    def worker(_: int) -> int:
        done = 0
        while time.monotonic() < deadline:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
            done += 1
        return done

    with ThreadPoolExecutor(16) as pool:
        return sum(pool.map(worker, range(16))) / seconds


def under_load(seconds: int) -> None:
    from metering.models import Plan

    env = under_load.env

    Plan.objects.filter(slug="internal").update(requests_per_minute=None)
    key = internal_key("load@example.org")
    generator = "wrk -t2 -c16" if shutil.which("wrk") else "Python threads (16)"
    results = {}
    for name, enabled in (
        ("unmetered", "0"),
        ("metered", "1"),
        ("unmetered", "0"),
        ("metered", "1"),
    ):
        with gunicorn({**env, "METERING_ENABLED": enabled}, workers=4) as base:
            load(base, key, 2)  # warm up
            results.setdefault(name, []).append(load(base, key, seconds))
    print(f"Under load: gunicorn 4 workers + PostgreSQL, {generator}, {seconds} s per run:")
    for name, values in results.items():
        print(f"  {name:10s} " + "  ".join(f"{v:8.1f} req/s" for v in values))
    best = {name: max(values) for name, values in results.items()}
    ratio = best["metered"] / best["unmetered"]
    print(
        f"  ratio metered/unmetered (best of 2 each) {ratio:.2f}"
        f"   (goal >= 0.8: {'met' if ratio >= 0.8 else 'NOT met'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--per-round", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--part", choices=["in-process", "load"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    limits = {"RATE_LIMIT_PER_SUBJECT": "10000000/m", "RATE_LIMIT_PER_ADDRESS": "10000000/m"}

    if args.part == "in-process":
        setup_django(None, ALLOWED_HOSTS="testserver", **limits)
        prepare_database()
        in_process(args.rounds, args.per_round)
    elif args.part == "load":
        url = postgres_scratch("codeapi_bench_overhead")
        under_load.env = {"DATABASE_URL": url, "ALLOWED_HOSTS": "127.0.0.1", **limits}
        setup_django(url, **under_load.env)
        prepare_database()
        under_load(args.seconds)
    else:  # each part in its own process, so each configures Django once
        common = ["--rounds", str(args.rounds), "--per-round", str(args.per_round)]
        common += ["--seconds", str(args.seconds)]
        parts = ["in-process"] + ([] if args.skip_load else ["load"])
        for part in parts:
            subprocess.run([sys.executable, __file__, "--part", part, *common], check=True)


if __name__ == "__main__":
    main()
