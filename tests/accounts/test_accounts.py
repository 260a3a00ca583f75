"""Accounts, sessions and API keys through REST and GraphQL."""

from __future__ import annotations

import datetime
import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client

from accounts.models import ApiKey, User

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def post(client: Client, path: str, data: dict | None = None, **extra):
    return client.post(path, data=json.dumps(data or {}), content_type="application/json", **extra)


def graphql(client: Client, query: str, **extra) -> dict:
    response = post(client, "/graphql/", {"query": query}, **extra)
    body = response.json() if response["Content-Type"].startswith("application/") else {}
    body["_status"] = response.status_code
    return body


def test_sign_up_sign_in_key_calls_and_revoke_end_to_end(demo_catalog, caplog):
    caplog.set_level(logging.DEBUG)
    browser = Client()
    assert (
        post(
            browser, "/api/v1/auth/signup", {"email": "Coder@Example.org", "password": PASSWORD}
        ).status_code
        == 201
    )
    post(browser, "/api/v1/auth/logout")
    assert browser.get("/api/v1/me").status_code in (401, 403)

    signed_in = post(
        browser, "/api/v1/auth/login", {"email": "coder@example.org", "password": PASSWORD}
    )
    assert signed_in.status_code == 200
    assert signed_in.json()["plan"] == "free"
    created = post(browser, "/api/v1/me/api-keys", {"name": "EHR production"})
    assert created.status_code == 201
    secret = created.json()["key"]
    assert secret.startswith("cak_")

    server = Client()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    api_key = {"HTTP_AUTHORIZATION": f"Api-Key {secret}"}
    me_rest = server.get("/api/v1/me", **bearer).json()
    me_graphql = graphql(server, "{ me { account { id email plan } } }", **api_key)
    assert me_rest["email"] == "Coder@Example.org"
    assert me_graphql["data"]["me"]["account"] == {
        "id": me_rest["id"],
        "email": me_rest["email"],
        "plan": "free",
    }

    # Same identity, same quota: a view over REST shows in GraphQL usage and vice versa.
    assert server.get("/api/v1/codes/cpt/97550/", **bearer).status_code == 200
    result = graphql(
        server,
        '{ code(system: "cpt", code: "97551") { code } me { usage { codeViews { used } } } }',
        **api_key,
    )
    assert result["data"]["code"] == {"code": "97551"}
    assert result["data"]["me"]["usage"]["codeViews"]["used"] == 2
    assert browser.get("/api/v1/me/usage").json()["code_views"]["used"] == 2
    key = ApiKey.objects.get()
    assert key.last_used_at is not None

    listed = browser.get("/api/v1/me/api-keys").json()
    assert [(k["name"], k["prefix"]) for k in listed] == [("EHR production", key.prefix)]
    assert "key" not in listed[0] and "hashed_key" not in listed[0]

    assert browser.delete(f"/api/v1/me/api-keys/{key.pk}").status_code == 200
    refused = server.get("/api/v1/codes/cpt/97550/", **bearer)
    assert refused.status_code == 401
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Invalid API key"
    refused_graphql = graphql(server, "{ systems { slug } }", **api_key)
    assert refused_graphql["_status"] == 401
    assert refused_graphql["title"] == "Invalid API key"

    assert secret not in caplog.text


def test_unknown_keys_are_refused_never_downgraded_to_guest(demo_catalog):
    client = Client()
    for header in ("Bearer cak_nope_nope", "Api-Key not-a-key"):
        response = client.get("/api/v1/codes/cpt/97550/", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_keys_are_stored_only_as_hashes(client):
    user = User.objects.create_user(
        username="a@example.org", email="a@example.org", password=PASSWORD
    )
    client.force_login(user)

    secrets = [
        post(client, "/api/v1/me/api-keys", {"name": f"k{i}"}).json()["key"] for i in range(3)
    ]

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apikey")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    for secret in secrets:
        assert secret not in stored
        assert secret.split("_", 2)[2] not in stored
    assert len({k.prefix for k in ApiKey.objects.all()}) == 3


def test_graphql_key_mutations(client):
    user = User.objects.create_user(
        username="b@example.org", email="b@example.org", password=PASSWORD
    )
    client.force_login(user)

    created = graphql(
        client, 'mutation { createApiKey(name: "lab") { key apiKey { id name prefix } } }'
    )
    key_id = created["data"]["createApiKey"]["apiKey"]["id"]
    listed = graphql(client, "{ me { apiKeys { id name revokedAt } } }")
    revoked = graphql(client, f"mutation {{ revokeApiKey(id: {key_id}) {{ revokedAt }} }}")

    assert created["data"]["createApiKey"]["key"].startswith("cak_")
    assert listed["data"]["me"]["apiKeys"] == [{"id": key_id, "name": "lab", "revokedAt": None}]
    assert revoked["data"]["revokeApiKey"]["revokedAt"]
    anonymous = graphql(Client(), 'mutation { createApiKey(name: "x") { key } }')
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_graphql_sign_up_and_sign_in():
    client = Client()
    signed_up = graphql(
        client,
        f'mutation {{ signUp(email: "g@example.org", password: "{PASSWORD}") {{ email plan }} }}',
    )
    assert signed_up["data"]["signUp"] == {"email": "g@example.org", "plan": "free"}
    graphql(client, "mutation { signOut }")
    assert graphql(client, "{ me { account { email } } }")["data"]["me"]["account"] is None

    wrong = graphql(
        client, 'mutation { signIn(email: "g@example.org", password: "nope") { email } }'
    )
    assert wrong["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    right = graphql(
        client, f'mutation {{ signIn(email: "G@EXAMPLE.ORG", password: "{PASSWORD}") {{ email }} }}'
    )
    assert right["data"]["signIn"]["email"] == "g@example.org"


def test_email_is_unique_case_insensitively_and_passwords_are_validated():
    client = Client()
    assert (
        post(
            client, "/api/v1/auth/signup", {"email": "dup@example.org", "password": PASSWORD}
        ).status_code
        == 201
    )

    taken = post(
        Client(), "/api/v1/auth/signup", {"email": "DUP@example.org", "password": PASSWORD}
    )
    weak = post(
        Client(), "/api/v1/auth/signup", {"email": "new@example.org", "password": "12345678"}
    )
    bad_email = post(
        Client(), "/api/v1/auth/signup", {"email": "not-an-email", "password": PASSWORD}
    )

    assert taken.status_code == 409 and taken.json()["title"] == "Email already registered"
    assert weak.status_code == 400 and "password" in weak.json()["detail"].lower()
    assert bad_email.status_code == 400
    assert weak["Content-Type"] == "application/problem+json"


def test_password_change(client):
    post(client, "/api/v1/auth/signup", {"email": "p@example.org", "password": PASSWORD})

    wrong = post(
        client,
        "/api/v1/auth/password",
        {"old_password": "x", "new_password": "another long phrase"},
    )
    changed = post(
        client,
        "/api/v1/auth/password",
        {"old_password": PASSWORD, "new_password": "another long phrase"},
    )

    assert wrong.status_code == 401
    assert changed.status_code == 204
    assert client.get("/api/v1/me").status_code == 200  # the session survives
    fresh = Client()
    assert (
        post(
            fresh,
            "/api/v1/auth/login",
            {"email": "p@example.org", "password": "another long phrase"},
        ).status_code
        == 200
    )


def test_password_guessing_is_rate_limited(settings):
    settings.SIGN_IN_RATE_PER_USERNAME = "5/5m"
    User.objects.create_user(username="v@example.org", email="v@example.org", password=PASSWORD)
    client = Client()

    statuses = [
        post(
            client, "/api/v1/auth/login", {"email": "v@example.org", "password": f"guess{i}"}
        ).status_code
        for i in range(6)
    ]
    blocked = post(client, "/api/v1/auth/login", {"email": "v@example.org", "password": PASSWORD})

    assert statuses == [401] * 5 + [429]
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    other_address = Client(REMOTE_ADDR="192.0.2.10")
    graph = graphql(
        other_address, 'mutation { signIn(email: "v@example.org", password: "x") { email } }'
    )
    assert graph["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def test_admin_sign_in_is_rate_limited(settings):
    settings.SIGN_IN_RATE_PER_ADDRESS = "3/5m"
    client = Client()

    statuses = [
        client.post("/admin/login/", {"username": "x@example.org", "password": "nope"}).status_code
        for _ in range(4)
    ]

    assert statuses == [200, 200, 200, 429]


def test_session_writes_need_the_csrf_token(demo_catalog):
    browser = Client(enforce_csrf_checks=True)
    refused = post(browser, "/api/v1/auth/signup", {"email": "c@example.org", "password": PASSWORD})
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"

    token = browser.get("/api/v1/auth/csrf").json()["csrf_token"]
    ok = post(
        browser,
        "/api/v1/auth/signup",
        {"email": "c@example.org", "password": PASSWORD},
        HTTP_X_CSRFTOKEN=token,
    )
    assert ok.status_code == 201

    # A session-authenticated GraphQL POST without the token is refused...
    no_token = graphql(browser, 'mutation { createApiKey(name: "x") { key } }')
    assert no_token["_status"] == 403
    token = browser.cookies["csrftoken"].value
    with_token = graphql(
        browser, 'mutation { createApiKey(name: "x") { key } }', HTTP_X_CSRFTOKEN=token
    )
    assert with_token["data"]["createApiKey"]["key"]
    # ...while a server with an API key needs none.
    server = Client(enforce_csrf_checks=True)
    key = with_token["data"]["createApiKey"]["key"]
    assert (
        graphql(server, "{ systems { slug } }", HTTP_AUTHORIZATION=f"Bearer {key}")["_status"]
        == 200
    )
    assert graphql(server, "{ systems { slug } }")["_status"] == 200  # guests need none either


def test_attested_mode_hides_cpt_descriptors_from_non_licensees(settings, demo_catalog):
    settings.CPT_CONTENT_MODE = "attested"
    settings.METERING_ENABLED = False
    licensee = User.objects.create_user(
        username="l@example.org", email="l@example.org", password=PASSWORD
    )
    licensee.cpt_licensee_since = datetime.date(2026, 1, 5)
    licensee.save()
    other = User.objects.create_user(
        username="o@example.org", email="o@example.org", password=PASSWORD
    )
    query = (
        '{ code(system: "cpt", code: "97550") { descriptors { short long plain withheld notice } '
        "mpfs { globalDays { code } } addOns { longDescriptor } } "
        'codes(filters: {system: "cpt"}) { results { code display } } }'
    )

    for user, visible in ((None, False), (other, False), (licensee, True)):
        client = Client()
        if user:
            client.force_login(user)
        rest = client.get("/api/v1/codes/cpt/97550/").json()
        summary = client.get("/api/v1/codes/?system=cpt").json()["results"][0]
        graph = graphql(client, query)["data"]
        d = graph["code"]["descriptors"]

        assert rest["descriptors"]["withheld"] is (not visible)
        assert d["withheld"] is (not visible)
        assert bool(rest["descriptors"]["long"]) is visible
        assert (
            bool(d["long"]) is visible
            and bool(d["short"]) is visible
            and bool(d["plain"]) is visible
        )
        assert bool(summary["display"]) is visible
        assert bool(graph["codes"]["results"][0]["display"]) is visible
        assert bool(rest["add_ons"][0]["long_descriptor"]) is visible
        assert bool(graph["code"]["addOns"][0]["longDescriptor"]) is visible
        # CMS facts are always shown.
        assert rest["mpfs"][0]["global_days"]["code"] == "XXX"
        assert graph["code"]["mpfs"][0]["globalDays"]["code"] == "XXX"
        if not visible:
            assert "licence" in rest["descriptors"]["notice"]
            assert "licence" in d["notice"]

    settings.CPT_CONTENT_MODE = "public"
    public = Client().get("/api/v1/codes/cpt/97550/").json()["descriptors"]
    assert public["short"] and "American Medical Association" in public["copyright"]


def test_production_settings_pass_check_deploy(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "codeapi.settings.production",
        "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-only-0123456789",
        "ALLOWED_HOSTS": "api.example.org",
        "CODEAPI_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "codeapi.settings.production",
        "ALLOWED_HOSTS": "api.example.org",
        "CODEAPI_DATA_DIR": str(tmp_path),
    }
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_cors_allows_only_the_configured_origins(settings, demo_catalog):
    settings.CORS_ALLOWED_ORIGINS = ["https://ehr.example.org"]
    client = Client()

    allowed = client.options(
        "/api/v1/systems/",
        HTTP_ORIGIN="https://ehr.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    denied = client.get("/api/v1/systems/", HTTP_ORIGIN="https://evil.example.com")

    assert allowed["Access-Control-Allow-Origin"] == "https://ehr.example.org"
    assert "Access-Control-Allow-Origin" not in denied
