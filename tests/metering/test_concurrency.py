"""Quota counting under real concurrency: parallel requests on separate connections."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.services import account_create, api_key_create
from tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the concurrency test needs a real PostgreSQL (set DATABASE_URL)")


def _fire(url: str, paths: list[str], headers: dict[str, str]) -> list[int]:
    def get(path: str) -> int:
        request = urllib.request.Request(url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        return list(pool.map(get, paths))


def test_fifty_parallel_guest_requests_grant_exactly_one(live_server):
    codes = [c.code for c in factories.hcpcs_codes(50)]

    statuses = _fire(live_server.url, [f"/api/v1/codes/hcpcs/{c}/" for c in codes], {})

    assert sorted(set(statuses)) == [200, 429]
    assert statuses.count(200) == 1


def test_fifty_parallel_requests_of_an_account_grant_exactly_six(live_server):
    codes = [c.code for c in factories.hcpcs_codes(50)]
    user = account_create(email="ehr@example.org", password="correct horse battery")
    key = api_key_create(user=user, name="ehr").secret

    statuses = _fire(
        live_server.url,
        [f"/api/v1/codes/hcpcs/{c}/" for c in codes],
        {"Authorization": f"Bearer {key}"},
    )

    assert statuses.count(200) == 6
    assert statuses.count(429) == 44


def test_parallel_graphql_batches_cannot_exceed_the_quota(live_server):
    codes = [c.code for c in factories.hcpcs_codes(40)]
    user = account_create(email="analyst@example.org", password="correct horse battery")
    key = api_key_create(user=user, name="explorer").secret
    body = [
        json.dumps(
            {
                "query": "{ "
                + " ".join(
                    f'c{i}: code(system: "hcpcs", code: "{c}") {{ code }}'
                    for i, c in enumerate(codes[j : j + 4])
                )
                + " }"
            }
        ).encode()
        for j in range(0, 40, 4)
    ]

    def post(data: bytes) -> int:
        request = urllib.request.Request(
            live_server.url + "/graphql/",
            data=data,
            headers={"Authorization": f"Api-Key {key}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            result = json.loads(response.read())
        return sum(1 for v in result["data"].values() if v is not None)

    with ThreadPoolExecutor(max_workers=10) as pool:
        granted = sum(pool.map(post, body))

    assert granted == 6
