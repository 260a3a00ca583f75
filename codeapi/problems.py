"""RFC 9457 problem details: the one error format of the REST API.

Every REST error is ``application/problem+json`` with ``type``, ``title``, ``status`` and
``detail``; validation errors add ``errors`` (field -> messages).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from codeapi.errors import DomainError

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_PATH = "/problems/"

# What each problem type means; served at /problems/<type> so every ``type`` URI resolves.
PROBLEM_TYPES = {
    "bad-request": "The request cannot be answered as sent.",
    "invalid-parameters": "A query or body parameter is missing or malformed; see `errors`.",
    "malformed-request": "The request body is not valid JSON.",
    "malformed-code": "The code is not well formed (letters and digits, at most one dot).",
    "not-found": "There is nothing at this address.",
    "unknown-system": "The code system is not one the catalog holds; the detail lists them.",
    "code-not-found": "The code does not exist in the catalog (on the as_of date, if given).",
    "quota-exceeded": "The caller's plan has no code page views (or tool calls) left in its "
    "window. The detail says what to do; Retry-After says when the window resets.",
    "rate-limited": "Too many requests in a short time; retry after Retry-After seconds.",
    "not-authenticated": "Sign in, or send an API key (Authorization: Bearer <key>).",
    "authentication-failed": "The credentials sent could not be verified.",
    "invalid-api-key": "The API key is unknown or revoked; create a new one in your account.",
    "invalid-credentials": "The email address or the password is wrong.",
    "invalid-account": "The account details are not acceptable; see `field`.",
    "email-taken": "An account with this email address already exists.",
    "csrf-failed": "A browser session request lacks the CSRF token (X-CSRFToken header).",
    "forbidden": "The caller may not do this.",
    "method-not-allowed": "This endpoint does not answer this HTTP method.",
    "not-acceptable": "The endpoint cannot produce the requested media type.",
    "unsupported-media-type": "Send JSON (Content-Type: application/json).",
    "payload-too-large": "The text is longer than the endpoint accepts (see the detail).",
    "server-error": "The server failed; the error is logged. Retrying may help.",
}


class Problem(exceptions.APIException):
    """An API error with its own problem type (a stable URI slug) and title."""

    status_code = status.HTTP_400_BAD_REQUEST
    problem_type = "bad-request"
    title = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        status_code: int | None = None,
        problem_type: str | None = None,
        title: str | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(detail)
        if status_code is not None:
            self.status_code = status_code
        if problem_type is not None:
            self.problem_type = problem_type
        if title is not None:
            self.title = title
        self.extra = extra or {}
        self.headers = headers or {}


class NotFoundProblem(Problem):
    status_code = status.HTTP_404_NOT_FOUND
    problem_type = "not-found"
    title = "Not found"


_TYPES = {
    exceptions.ValidationError: ("invalid-parameters", "Invalid parameters"),
    exceptions.ParseError: ("malformed-request", "Malformed request"),
    exceptions.NotAuthenticated: ("not-authenticated", "Authentication required"),
    exceptions.AuthenticationFailed: ("authentication-failed", "Authentication failed"),
    exceptions.PermissionDenied: ("forbidden", "Forbidden"),
    exceptions.NotFound: ("not-found", "Not found"),
    exceptions.MethodNotAllowed: ("method-not-allowed", "Method not allowed"),
    exceptions.NotAcceptable: ("not-acceptable", "Not acceptable"),
    exceptions.UnsupportedMediaType: ("unsupported-media-type", "Unsupported media type"),
    exceptions.Throttled: ("rate-limited", "Too many requests"),
}


def problem_type_uri(request: HttpRequest | None, problem_type: str) -> str:
    path = PROBLEM_PATH + problem_type
    return request.build_absolute_uri(path) if request is not None else path


def problem_body(
    *,
    status_code: int,
    problem_type: str,
    title: str,
    detail: str,
    request: HttpRequest | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body = {
        "type": problem_type_uri(request, problem_type),
        "title": title,
        "status": status_code,
        "detail": detail,
    }
    body.update(extra)
    return body


def problem_response(
    request: HttpRequest | None,
    *,
    status_code: int,
    problem_type: str,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JsonResponse:
    """A plain Django problem+json response, for middleware and non-DRF views."""
    body = problem_body(
        status_code=status_code,
        problem_type=problem_type,
        title=title,
        detail=detail,
        request=request,
        **extra,
    )
    if request is not None:
        body.setdefault("instance", request.path)
    response = JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _flatten(detail: Any) -> str:
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_flatten(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return " ".join(_flatten(item) for item in detail)
    return str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF exception handler that answers every error as problem+json."""
    request = context.get("request")
    if isinstance(exc, DomainError):
        problem = Problem(
            exc.detail,
            status_code=exc.status_code,
            problem_type=exc.problem_type,
            title=exc.title,
            extra=exc.extra,
            headers=exc.headers,
        )
        exc = problem
    elif isinstance(exc, Http404):
        exc = NotFoundProblem(str(exc) or "Not found.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None

    if isinstance(exc, Problem):
        problem_type, title, extra = exc.problem_type, exc.title, dict(exc.extra)
        detail = str(exc.detail)
    else:
        problem_type, title = next(
            (value for cls, value in _TYPES.items() if isinstance(exc, cls)),
            ("error", "Error"),
        )
        extra = {}
        if isinstance(exc, exceptions.ValidationError):
            extra["errors"] = exc.detail
            detail = "The request has invalid parameters: " + _flatten(exc.detail)
        else:
            detail = _flatten(exc.detail)

    body = problem_body(
        status_code=exc.status_code,
        problem_type=problem_type,
        title=title,
        detail=detail,
        request=request,
        **extra,
    )
    if request is not None:
        body.setdefault("instance", request.path)
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    headers.update(getattr(exc, "headers", {}) or {})
    set_rollback()
    response = Response(body, status=exc.status_code, headers=headers)
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_type_view(request: HttpRequest, problem_type: str) -> JsonResponse:
    """What a problem ``type`` URI means."""
    if problem_type not in PROBLEM_TYPES:
        raise Http404(problem_type)
    return JsonResponse(
        {
            "type": problem_type_uri(request, problem_type),
            "description": PROBLEM_TYPES[problem_type],
        }
    )
