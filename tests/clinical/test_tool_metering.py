"""Text tool calls are metered as their own meter, the same in REST and GraphQL."""

from __future__ import annotations

import json

import pytest

from metering.models import UsageEvent

pytestmark = pytest.mark.django_db

TEXT = "Seen by Dr. Mark Ellis on May 5, 2024."


def call_rest(client) -> int:
    return client.post(
        "/api/v1/tools/redact-phi", data=json.dumps({"text": TEXT}), content_type="application/json"
    ).status_code


def call_graphql(gql) -> bool:
    result = gql(f'{{ redactPhi(text: "{TEXT}") {{ text }} }}')
    if result["data"] and result["data"]["redactPhi"]:
        return True
    assert result["errors"][0]["extensions"]["code"] == "QUOTA_EXCEEDED"
    return False


def test_tool_calls_count_against_the_plan_in_both_interfaces(client, gql):
    # The guest plan allows 5 tool calls a month; every call counts, REST or GraphQL.
    results = [call_rest(client), call_graphql(gql), call_rest(client), call_graphql(gql)]
    results += [call_rest(client), call_graphql(gql), call_rest(client)]

    assert results == [200, True, 200, True, 200, False, 429]
    refused = client.post(
        "/api/v1/tools/redact-phi", data=json.dumps({"text": TEXT}), content_type="application/json"
    )
    assert refused.json()["title"] == "Tool call quota exceeded"
    assert int(refused["Retry-After"]) > 0
    usage = client.get("/api/v1/me/usage").json()
    assert usage["tool_calls"]["used"] == 5 and usage["tool_calls"]["remaining"] == 0
    assert usage["code_views"]["used"] == 0  # a separate meter

    events = UsageEvent.objects.filter(meter="tool-calls")
    assert events.count() == 5
    assert set(events.values_list("tool", flat=True)) == {"redact-phi"}
    assert {e.interface for e in events} == {"rest", "graphql"}


def test_invalid_input_costs_nothing(client):
    for _ in range(8):
        response = client.post(
            "/api/v1/tools/redact-phi",
            data=json.dumps({"text": ""}),
            content_type="application/json",
        )
        assert response.status_code == 400
    assert call_rest(client) == 200


def test_detection_is_a_tool_call_too(client, gql):
    for _ in range(5):
        response = client.post(
            "/api/v1/tools/detect-icd10cm",
            data=json.dumps({"text": "Type 2 diabetes.", "redact_first": True}),
            content_type="application/json",
        )
        assert response.status_code == 200

    result = gql('{ detectIcd10cm(text: "Hypertension.") { codes { code } } }')

    assert result["errors"][0]["extensions"]["code"] == "QUOTA_EXCEEDED"
    assert set(UsageEvent.objects.values_list("tool", flat=True)) == {"detect-icd10cm"}
