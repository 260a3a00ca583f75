"""Median in-process latency of the REST code page, the GraphQL code query and a bare
Django JsonResponse view, measured in the same run through the full middleware stack.

    .venv/bin/python bench/code_page.py [--rounds 30] [--database-url URL]

The caller is an account on the unlimited internal plan using an API key (re-viewing a
code is free, so every request does the full metering work: identify, check, headers).
Goal: REST code page within 3x the bare view.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import interleaved_medians, prepare_database, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--per-round", type=int, default=20)
    parser.add_argument("--database-url", default=None, help="default: a scratch SQLite file")
    args = parser.parse_args()

    setup_django(
        args.database_url,
        ALLOWED_HOSTS="testserver",
        RATE_LIMIT_PER_SUBJECT="10000000/m",
        RATE_LIMIT_PER_ADDRESS="10000000/m",
    )
    prepare_database()
    from django.http import JsonResponse
    from django.test import Client
    from django.urls import path

    import codeapi.urls
    from accounts.services import account_create, api_key_create
    from metering.models import Plan

    codeapi.urls.urlpatterns.append(
        path("bench/bare", lambda request: JsonResponse({"code": "97550", "status": "active"}))
    )
    user = account_create(email="bench@example.org", password="bench password long enough")
    user.plan = Plan.objects.get(slug="internal")
    user.save()
    key = api_key_create(user=user, name="bench").secret
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    query = json.dumps(
        {
            "query": '{ code(system: "cpt", code: "97550") { code descriptors { short medium long '
            "plain } sections { kind body items { title text } } mpfs { year status { code "
            "meaning } globalDays { code meaning } pctcIndicator { code meaning } } mue { value } "
            "addOns { code { code } longDescriptor } modifiers { code description reason } "
            "history { date action notes } } }"
        }
    )

    def rest():
        r = client.get("/api/v1/codes/cpt/97550/")
        assert r.status_code == 200, r.content

    def graphql():
        r = client.post("/graphql/", data=query, content_type="application/json")
        assert r.status_code == 200 and b'"errors"' not in r.content, r.content

    def bare():
        r = client.get("/bench/bare")
        assert r.status_code == 200

    medians = interleaved_medians(
        {"bare JsonResponse view": bare, "REST code page": rest, "GraphQL code query": graphql},
        rounds=args.rounds,
        per_round=args.per_round,
    )
    from django.db import connection

    base = medians["bare JsonResponse view"]
    print(f"database: {connection.vendor}; samples per endpoint: {args.rounds * args.per_round}")
    for name, value in medians.items():
        print(f"{name:24s} median {value:7.3f} ms   ratio to bare {value / base:5.2f}x")
    ok = medians["REST code page"] / base <= 3.0
    print(f"goal REST <= 3x bare: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
