"""Code-view quotas, REST and GraphQL side by side."""

from __future__ import annotations

import datetime
import json
import logging

import pytest
from django.test import Client

from metering.models import Plan, QuotaCounter, UnlockedCode, UsageEvent
from tests import factories

pytestmark = pytest.mark.django_db

GUEST_DETAIL = (
    "Guest accounts are limited to 1 code page view. Register a free account to get 5 more views."
)


def set_plan(slug: str, **fields) -> None:
    """Edit a plan as staff do in the admin (save, so every process sees it)."""
    plan = Plan.objects.get(slug=slug)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()


class Viewer:
    """Views code pages through one interface and says whether the view was granted."""

    def __init__(self, client: Client, interface: str):
        self.client = client
        self.interface = interface
        self.last = None

    def view(self, code: str, system: str = "hcpcs") -> bool:
        if self.interface == "rest":
            self.last = self.client.get(f"/api/v1/codes/{system}/{code}/")
            assert self.last.status_code in (200, 429), self.last.content
            return self.last.status_code == 200
        self.last = self.client.post(
            "/graphql/",
            data=json.dumps(
                {"query": f'{{ code(system: "{system}", code: "{code}") {{ code }} }}'}
            ),
            content_type="application/json",
        )
        body = self.last.json()
        if body["data"]["code"] is not None:
            return True
        assert body["errors"][0]["extensions"]["code"] == "QUOTA_EXCEEDED"
        return False


@pytest.fixture(params=["rest", "graphql"])
def interface(request) -> str:
    return request.param


@pytest.fixture
def codes(db) -> list[str]:
    return [c.code for c in factories.hcpcs_codes(10)]


def test_a_guest_gets_one_code_page_then_a_429_problem(client, codes):
    assert client.get(f"/api/v1/codes/hcpcs/{codes[0]}/").status_code == 200

    response = client.get(f"/api/v1/codes/hcpcs/{codes[1]}/")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"].endswith("/quota-exceeded")
    assert body["title"] == "Code view quota exceeded"
    assert body["detail"] == GUEST_DETAIL
    assert body["violated-policies"] == ["code-views"]
    assert 0 < int(response["Retry-After"]) <= 31 * 24 * 3600
    assert response["RateLimit-Policy"] == '"code-views";q=1;w=2592000'
    assert response["RateLimit"].startswith('"code-views";r=0;t=')


def test_graphql_refuses_the_second_code_with_quota_exceeded(gql, codes):
    assert gql(f'{{ code(system: "hcpcs", code: "{codes[0]}") {{ code }} }}')["data"]["code"]

    result = gql(f'{{ code(system: "hcpcs", code: "{codes[1]}") {{ code }} }}')

    assert result["data"] == {"code": None}
    error = result["errors"][0]
    assert error["message"] == GUEST_DETAIL
    assert error["extensions"]["code"] == "QUOTA_EXCEEDED"
    assert result["_response"]["RateLimit"].startswith('"code-views";r=0;')


def test_viewing_an_unlocked_code_again_is_free(client, interface, codes):
    viewer = Viewer(client, interface)

    assert viewer.view(codes[0])
    assert viewer.view(codes[0])
    assert viewer.view(codes[0].lower())
    assert not viewer.view(codes[1])
    assert UsageEvent.objects.count() == 1


def test_unknown_codes_and_summaries_cost_nothing(client, codes):
    assert client.get("/api/v1/codes/hcpcs/Z9999/").status_code == 404
    assert client.get("/api/v1/codes/?system=hcpcs").status_code == 200
    assert client.get("/api/v1/systems/").status_code == 200

    response = client.get(f"/api/v1/codes/hcpcs/{codes[0]}/")

    assert response.status_code == 200
    assert response["RateLimit"].startswith('"code-views";r=0;')


def _sign_up(client: Client, email: str = "coder@example.org") -> None:
    response = client.post(
        "/api/v1/auth/signup",
        data={"email": email, "password": "correct horse battery"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content


def test_a_registered_account_gets_exactly_six(client, interface, codes):
    _sign_up(client)
    viewer = Viewer(client, interface)

    granted = [viewer.view(code) for code in codes]

    assert granted == [True] * 6 + [False] * 4
    usage = client.get("/api/v1/me/usage").json()
    assert usage["code_views"]["used"] == 6
    assert usage["code_views"]["remaining"] == 0
    assert usage["plan"] == "free"
    assert viewer.last["RateLimit-Policy"] == '"code-views";q=6;w=2592000'
    if interface == "rest":
        assert "Upgrade" in viewer.last.json()["detail"]


def test_sign_up_carries_the_guest_view_over(client, interface, codes):
    viewer = Viewer(client, interface)
    assert viewer.view(codes[0])

    _sign_up(client)

    usage = client.get("/api/v1/me/usage").json()
    assert usage["code_views"]["used"] == 1
    assert usage["code_views"]["remaining"] == 5
    assert [u["code"] for u in usage["unlocked_codes"]] == [codes[0]]
    assert viewer.view(codes[0])  # still unlocked, still free
    assert [viewer.view(code) for code in codes[1:7]] == [True] * 5 + [False]


def test_aliases_fragments_and_repeats_cannot_exceed_the_quota(gql, codes):
    query = f"""
      fragment page on CodePage {{ code }}
      {{
        a: code(system: "hcpcs", code: "{codes[0]}") {{ ...page }}
        b: code(system: "hcpcs", code: "{codes[1]}") {{ ...page }}
        c: code(system: "hcpcs", code: "{codes[2]}") {{ code }}
        d: code(system: "hcpcs", code: "{codes[0]}") {{ code }}
      }}"""

    result = gql(query)

    data = result["data"]
    assert data["a"] == {"code": codes[0]}
    assert data["d"] == {"code": codes[0]}
    assert data["b"] is None and data["c"] is None
    assert {e["path"][0] for e in result["errors"]} == {"b", "c"}
    assert {e["extensions"]["code"] for e in result["errors"]} == {"QUOTA_EXCEEDED"}
    assert UnlockedCode.objects.count() == 1


def test_three_codes_with_one_view_left_return_the_first(client, gql, codes):
    _sign_up(client)
    for code in codes[:5]:
        assert client.get(f"/api/v1/codes/hcpcs/{code}/").status_code == 200

    result = gql(
        " ".join(
            ["{"]
            + [
                f'c{i}: code(system: "hcpcs", code: "{c}") {{ code }}'
                for i, c in enumerate(codes[5:8])
            ]
            + ["}"]
        )
    )

    assert result["data"] == {"c0": {"code": codes[5]}, "c1": None, "c2": None}
    assert [e["extensions"]["code"] for e in result["errors"]] == ["QUOTA_EXCEEDED"] * 2


def test_a_new_window_restores_the_quota(client, interface, codes, monkeypatch):
    viewer = Viewer(client, interface)
    assert viewer.view(codes[0])
    assert not viewer.view(codes[1])

    from django.utils import timezone

    next_month = timezone.now().replace(day=1) + datetime.timedelta(days=32)
    monkeypatch.setattr("metering.services.timezone.now", lambda: next_month)

    assert viewer.view(codes[1])
    assert not viewer.view(codes[2])


def test_staff_can_reset_a_subjects_window(client, codes):
    assert client.get(f"/api/v1/codes/hcpcs/{codes[0]}/").status_code == 200
    assert client.get(f"/api/v1/codes/hcpcs/{codes[1]}/").status_code == 429
    admin = factories_admin()
    staff = Client()
    staff.force_login(admin)
    counter = QuotaCounter.objects.get()

    response = staff.post(
        "/admin/metering/quotacounter/",
        {"action": "reset_window", "_selected_action": [counter.pk]},
    )

    assert response.status_code == 302
    assert client.get(f"/api/v1/codes/hcpcs/{codes[1]}/").status_code == 200
    assert UsageEvent.objects.count() == 2  # the ledger keeps the history


def factories_admin():
    from accounts.models import User

    return User.objects.create_superuser(username="staff@example.org", password="x" * 12)


def test_plans_are_data_a_changed_limit_applies_at_once(client, interface, codes):
    set_plan("guest", code_view_limit=3)
    viewer = Viewer(client, interface)

    assert [viewer.view(code) for code in codes[:4]] == [True, True, True, False]


def test_day_and_lifetime_windows(client, codes):
    set_plan("guest", window="day")
    response = client.get(f"/api/v1/codes/hcpcs/{codes[0]}/")
    assert response["RateLimit-Policy"] == '"code-views";q=1;w=86400'
    assert int(response["RateLimit"].rsplit("t=", 1)[1]) <= 86400

    set_plan("guest", window="lifetime")
    response = client.get(f"/api/v1/codes/hcpcs/{codes[1]}/")
    assert response["RateLimit-Policy"] == '"code-views";q=1'
    refused = client.get(f"/api/v1/codes/hcpcs/{codes[2]}/")
    assert refused.status_code == 429
    assert "Retry-After" not in refused


def test_every_api_response_carries_the_ratelimit_fields(client, gql, codes):
    for path in ("/api/v1/systems/", "/api/v1/codes/", "/api/v1/me/usage"):
        response = client.get(path)
        assert response["RateLimit-Policy"] == '"code-views";q=1;w=2592000', path
        assert response["RateLimit"].startswith('"code-views";r=1;t='), path
    result = gql("{ systems { slug } }")
    assert result["_response"]["RateLimit"].startswith('"code-views";r=1;t=')


def test_usage_over_rest_and_graphql(client, gql, codes):
    client.get(f"/api/v1/codes/hcpcs/{codes[0]}/")

    rest = client.get("/api/v1/me/usage").json()
    graph = gql(
        "{ me { account { email } usage { plan codeViews { limit used remaining resetsAt } "
        "unlockedCodes { system code } } } }"
    )["data"]["me"]

    assert rest["plan"] == graph["usage"]["plan"] == "guest"
    assert rest["subject_kind"] == "guest"
    assert graph["account"] is None
    assert rest["code_views"]["used"] == graph["usage"]["codeViews"]["used"] == 1
    assert rest["code_views"]["resets_at"] == graph["usage"]["codeViews"]["resetsAt"]
    assert graph["usage"]["unlockedCodes"] == [{"system": "hcpcs", "code": codes[0]}]


def test_ipv6_guests_are_grouped_by_64(codes):
    a = Client(REMOTE_ADDR="2001:db8:1:2::10")
    b = Client(REMOTE_ADDR="2001:db8:1:2:ffff::1")
    c = Client(REMOTE_ADDR="2001:db8:1:3::1")

    assert a.get(f"/api/v1/codes/hcpcs/{codes[0]}/").status_code == 200
    assert b.get(f"/api/v1/codes/hcpcs/{codes[1]}/").status_code == 429
    assert c.get(f"/api/v1/codes/hcpcs/{codes[1]}/").status_code == 200


def test_forwarded_for_is_honoured_only_through_trusted_proxies(codes, settings):
    spoofed = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    first = Client(REMOTE_ADDR="10.0.0.1")
    assert first.get(f"/api/v1/codes/hcpcs/{codes[0]}/", **spoofed).status_code == 200
    # Without trusted proxies the header is ignored: same REMOTE_ADDR, same guest.
    assert (
        first.get(
            f"/api/v1/codes/hcpcs/{codes[1]}/", **{"HTTP_X_FORWARDED_FOR": "1.2.3.4"}
        ).status_code
        == 429
    )

    settings.TRUSTED_PROXY_COUNT = 1
    proxied = Client(REMOTE_ADDR="10.0.0.1")
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.5, 198.51.100.7"}
    assert proxied.get(f"/api/v1/codes/hcpcs/{codes[2]}/", **forged).status_code == 200
    # The client can prepend anything; only the proxy-appended address counts.
    again = {"HTTP_X_FORWARDED_FOR": "192.0.2.99, 198.51.100.7"}
    assert proxied.get(f"/api/v1/codes/hcpcs/{codes[3]}/", **again).status_code == 429


def test_request_rate_limit_answers_429_with_retry_after(client, codes):
    set_plan("guest", requests_per_minute=3)

    statuses = [client.get("/api/v1/systems/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/codes/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("/rate-limited")
    assert 0 < int(response["Retry-After"]) <= 60


def test_rate_limiting_fails_open_when_the_cache_is_down(client, codes, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    set_plan("guest", requests_per_minute=1)

    with caplog.at_level(logging.WARNING, logger="metering.middleware"):
        statuses = [client.get(f"/api/v1/codes/hcpcs/{codes[0]}/").status_code for _ in range(3)]
        refused = client.get(f"/api/v1/codes/hcpcs/{codes[1]}/")

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429  # the quota (in the database) still holds
    assert "shared cache is unavailable" in caplog.text


def test_the_ledger_records_interface_and_never_a_body(client, gql, codes):
    client.get(f"/api/v1/codes/hcpcs/{codes[0]}/")
    _sign_up(client)
    gql(f'{{ code(system: "hcpcs", code: "{codes[1]}") {{ code }} }}')

    events = list(UsageEvent.objects.order_by("id").values("subject", "code", "interface", "meter"))

    assert [(e["code"], e["interface"]) for e in events] == [
        (codes[0], "rest"),
        (codes[1], "graphql"),
    ]
    assert events[0]["subject"].startswith("guest:")
    assert events[1]["subject"].startswith("user:")


def test_a_quick_re_view_is_answered_without_the_database(
    client, codes, django_assert_num_queries, settings
):
    settings.METERING_UNLOCK_MEMORY_SECONDS = 60
    assert client.get(f"/api/v1/codes/hcpcs/{codes[0]}/").status_code == 200  # charged
    assert client.get(f"/api/v1/codes/hcpcs/{codes[0]}/").status_code == 200  # checked: free
    client.cookies.clear()  # a server client: no browser session to load

    with django_assert_num_queries(0):
        response = client.get(f"/api/v1/codes/hcpcs/{codes[0]}/")

    assert response.status_code == 200
    assert response["RateLimit"].startswith('"code-views";r=0;')
    assert client.get(f"/api/v1/codes/hcpcs/{codes[1]}/").status_code == 429  # counting is exact
