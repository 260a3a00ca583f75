"""The API root, and error views: API paths answer problem+json, everything else HTML."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views import defaults
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from codeapi.problems import problem_response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(("/api/", "/graphql"))


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return problem_response(
            request,
            status_code=404,
            problem_type="not-found",
            title="Not found",
            detail=f"There is no API endpoint at {request.path}.",
        )
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return problem_response(
            request,
            status_code=500,
            problem_type="server-error",
            title="Internal server error",
            detail="The server failed to answer this request; it has been logged.",
        )
    return defaults.server_error(request)


class ApiRootView(APIView):
    """``GET /api/v1/``: what the API offers, with links, so a client can start from one URL."""

    # Public and unmetered: it names endpoints and carries no catalog content.
    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        def link(name: str, **kwargs: str) -> str:
            return request.build_absolute_uri(reverse(name, kwargs=kwargs or None))

        page = link("code-detail", system="{system}", code="{code}")
        return Response(
            {
                "name": "CodeAPI",
                "version": "v1",
                "documentation": link("api-docs"),
                "openapi": link("schema"),
                "graphql": link("graphql"),
                "endpoints": {
                    "systems": link("system-list"),
                    "codes": link("code-list"),
                    "code_page": page.replace("%7B", "{").replace("%7D", "}"),
                    "search": link("search"),
                    "crosswalks": link("crosswalk-list"),
                    "redact_phi": link("redact-phi"),
                    "detect_icd10cm": link("detect-icd10cm"),
                    "casepilot": link("casepilot"),
                    "usage": link("me-usage"),
                    "me": link("me"),
                    "api_keys": link("api-key-list"),
                    "csrf": link("auth-csrf"),
                    "signup": link("auth-signup"),
                    "login": link("auth-login"),
                    "logout": link("auth-logout"),
                    "password": link("auth-password"),
                },
            }
        )
