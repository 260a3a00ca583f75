"""Shared helpers for the benchmarks: a scratch database, timing, a gunicorn service."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/{db}")


def setup_django(database_url: str | None = None, **env: str) -> None:
    """Configure Django in this process (development settings, DEBUG off)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeapi.settings.dev")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("CODEAPI_DATA_DIR", tempfile.mkdtemp(prefix="codeapi-bench-"))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.update(env)
    import django

    django.setup()


def prepare_database() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_catalog", verbosity=0)


def postgres_scratch(name: str) -> str:
    """A fresh, empty PostgreSQL database for a benchmark; returns its URL."""
    admin = PG_URL.format(db="postgres")
    subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    assert admin
    return PG_URL.format(db=name)


def median_ms(fn: Callable[[], object], *, repeat: int, warmup: int = 20) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1e6


def interleaved_medians(
    fns: dict[str, Callable[[], object]], *, rounds: int, per_round: int
) -> dict[str, float]:
    """Medians of several functions measured in alternation, so drift hits them equally."""
    samples: dict[str, list[int]] = {name: [] for name in fns}
    for fn in fns.values():
        for _ in range(20):
            fn()
    for _ in range(rounds):
        for name, fn in fns.items():
            for _ in range(per_round):
                start = time.perf_counter_ns()
                fn()
                samples[name].append(time.perf_counter_ns() - start)
    return {name: statistics.median(values) / 1e6 for name, values in samples.items()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int = 4):
    """Run the service under gunicorn on a free loopback port; yields its base URL."""
    port = free_port()
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "codeapi.settings.dev",
        "DEBUG": "0",
        **env,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "codeapi.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=full_env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
