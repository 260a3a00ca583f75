"""Project-wide middleware. Each class says why it exists; MIDDLEWARE in settings orders them."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    """Send ``Content-Security-Policy`` on every response.

    Hospitals run strict CSP and air-gapped networks: every script and style the admin,
    the API docs and the GraphiQL explorer load comes from our own origin (Django 5.2 has
    no CSP support of its own; the policy is one setting, so a library would add nothing).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
