"""Metering middleware: identify the subject and plan of every API request, enforce the
request-rate limits, and write the IETF RateLimit fields on every API response.

It runs after authentication (session and API key), so the subject is the account when
there is one. It charges nothing itself: the code-view charge happens once, in the
selector that returns a full code page (``metering.services.charge_code_view``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_ratelimit.core import get_usage

from codeapi.problems import problem_response
from metering import identity
from metering.models import Meter
from metering.services import MeterContext, meter_usage

logger = logging.getLogger(__name__)

API_PREFIXES = ("/api/v1/", "/graphql")


def _rate_key(group: str, request: HttpRequest) -> str:
    return request.meter.subject if group.endswith("subject") else request.meter_address


def _subject_rate(group: str, request: HttpRequest) -> str:
    per_minute = request.meter.plan.requests_per_minute
    return f"{per_minute}/m" if per_minute else settings.RATE_LIMIT_PER_SUBJECT


def _address_rate(group: str, request: HttpRequest) -> str:
    return settings.RATE_LIMIT_PER_ADDRESS


def rate_limit_check(
    request: HttpRequest, *, group: str, key: Callable, rate: Callable | str
) -> int | None:
    """Count one request against a rate limit; seconds to wait when over it, else ``None``.

    The counters live in the shared cache (Redis when configured). If the cache is down,
    requests go through and a warning is logged: rate limits protect the service, they are
    not a billing meter (quotas live in the database and keep working).
    """
    try:
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    except Exception as exc:
        logger.warning("rate limiting skipped: the shared cache is unavailable (%s)", exc)
        return None
    if usage and usage["should_limit"]:
        return max(1, usage["time_left"])
    return None


def rate_limited_response(request: HttpRequest, retry_after: int, what: str) -> HttpResponse:
    return problem_response(
        request,
        status_code=429,
        problem_type="rate-limited",
        title="Too many requests",
        detail=f"Too many requests {what}. Retry after {retry_after} seconds.",
        headers={"Retry-After": str(retry_after)},
        **{"violated-policies": ["requests"]},
    )


class MeteringMiddleware:
    """Attach ``request.meter`` (subject, plan, interface) to API requests; rate-limit them;
    add ``RateLimit-Policy`` / ``RateLimit`` fields for the code-view quota."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIXES):
            return self.get_response(request)

        address = identity.client_address(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ctx = MeterContext(
                subject=f"user:{user.pk}",
                plan=identity.plan_for_user(user),
                user_id=user.pk,
                content_licensed=user.cpt_licensee_since is not None,
            )
        else:
            ctx = MeterContext(subject=identity.guest_subject(address), plan=identity.guest_plan())
        ctx.interface = "graphql" if request.path.startswith("/graphql") else "rest"
        ctx.enabled = settings.METERING_ENABLED
        ctx.session = getattr(request, "session", None)
        request.meter = ctx
        request.meter_address = identity.guest_subject(address)

        for group, rate, what in (
            ("api-subject", _subject_rate, "from this account" if ctx.user_id else "from you"),
            ("api-address", _address_rate, "from this address"),
        ):
            retry_after = rate_limit_check(request, group=group, key=_rate_key, rate=rate)
            if retry_after is not None:
                response = rate_limited_response(request, retry_after, what)
                self._quota_headers(request, response)
                return response

        response = self.get_response(request)
        self._quota_headers(request, response)
        return response

    @staticmethod
    def _quota_headers(request: HttpRequest, response: HttpResponse) -> None:
        ctx: MeterContext = request.meter
        if not ctx.enabled or ctx.plan.code_view_limit is None:
            return
        usage = meter_usage(ctx=ctx, meter=Meter.CODE_VIEWS, used=ctx.code_views_used)
        policy = f'"code-views";q={usage.limit}'
        if usage.window_seconds:
            policy += f";w={usage.window_seconds}"
        response["RateLimit-Policy"] = policy
        fields = f'"code-views";r={usage.remaining}'
        if usage.reset_seconds is not None:
            fields += f";t={usage.reset_seconds}"
        response["RateLimit"] = fields
