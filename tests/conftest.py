"""Shared fixtures: API clients, the demo catalog, a GraphQL helper."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def demo_catalog(db) -> None:
    """The seed page's catalog (CPT 97550, 97551, the eleven modifiers)."""
    from fixtures.services import demo_catalog_load

    demo_catalog_load()


class GraphQL:
    """Posts GraphQL documents through the real HTTP view."""

    def __init__(self, client: Client):
        self.client = client

    def __call__(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> dict[str, Any]:
        response = self.client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        assert response.status_code in (200, 400), response.content
        body = response.json()
        body["_response"] = response
        return body


@pytest.fixture
def gql(client: Client) -> GraphQL:
    return GraphQL(client)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate counters live in the cache (Redis in CI): every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _fresh_unlock_memory():
    """Each test starts with an empty per-process memory of recent re-views."""
    from metering.services import recent_unlocks

    recent_unlocks.clear()
    yield
