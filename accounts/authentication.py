"""API-key authentication, done once for every interface.

``ApiKeyMiddleware`` resolves ``Authorization: Bearer <key>`` (or ``Api-Key <key>``) on API
paths before metering identifies the subject; ``ApiKeyAuthentication`` hands the same result
to DRF (and so to the GraphQL view, which runs DRF's authentication classes).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from rest_framework.authentication import BaseAuthentication

from accounts.services import InvalidApiKey, api_key_authenticate

SCHEMES = ("bearer", "api-key")
API_PREFIXES = ("/api/v1/", "/graphql")


def key_from_header(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() in SCHEMES and value.strip():
        return value.strip()
    return None


class ApiKeyMiddleware:
    """Authenticate API keys on API paths; a bad key is a 401, never a silent guest."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.api_key = None
        if request.path.startswith(API_PREFIXES):
            secret = key_from_header(request)
            if secret is not None:
                try:
                    key = api_key_authenticate(secret=secret)
                except InvalidApiKey as exc:
                    from codeapi.problems import problem_response  # DRF settings import us

                    return problem_response(
                        request,
                        status_code=401,
                        problem_type=exc.problem_type,
                        title=exc.title,
                        detail=exc.detail,
                        headers={"WWW-Authenticate": 'Bearer realm="codeapi"'},
                    )
                request.api_key = key
                request.user = key.user
        return self.get_response(request)


class ApiKeyAuthentication(BaseAuthentication):
    """DRF side of the API key: the middleware already checked it."""

    def authenticate(self, request):
        key = getattr(request._request, "api_key", None)
        if key is None:
            return None
        return (key.user, key)

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="codeapi"'
