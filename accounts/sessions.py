"""Session sign-in shared by REST and GraphQL: CSRF, rate limits, carry-over of guest use."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware

from accounts.models import User
from accounts.services import InvalidCredentials, account_create, password_change
from codeapi.errors import DomainError
from metering import identity
from metering.middleware import rate_limit_check
from metering.services import GUEST_SESSION_KEY, guest_usage_carry_over


class CsrfFailed(DomainError):
    status_code = 403
    problem_type = "csrf-failed"
    title = "CSRF check failed"
    graphql_code = "FORBIDDEN"


class TooManyAttempts(DomainError):
    status_code = 429
    problem_type = "rate-limited"
    title = "Too many sign-in attempts"
    graphql_code = "RATE_LIMITED"

    def __init__(self, retry_after: int):
        super().__init__(
            f"Too many sign-in attempts. Retry after {retry_after} seconds.",
            **{"violated-policies": ["sign-in"]},
        )
        self.headers["Retry-After"] = str(retry_after)


def csrf_enforce(request: HttpRequest) -> None:
    """Require the CSRF token: these calls start or change a browser session."""
    reason = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
    if reason is not None:
        raise CsrfFailed(
            "This request needs the CSRF token: read it from GET /api/v1/auth/csrf and send it "
            "in the X-CSRFToken header."
        )


def _address_key(group: str, request: HttpRequest) -> str:
    return identity.guest_subject(identity.client_address(request))


def sign_in_limit(request: HttpRequest, email: str) -> None:
    """Against password guessing: per client address and per username."""
    username = (email or "").strip().lower()
    checks = (
        ("sign-in-address", _address_key, settings.SIGN_IN_RATE_PER_ADDRESS),
        ("sign-in-username", lambda g, r: username, settings.SIGN_IN_RATE_PER_USERNAME),
    )
    for group, key, rate in checks:
        retry_after = rate_limit_check(request, group=group, key=key, rate=rate)
        if retry_after is not None:
            raise TooManyAttempts(retry_after)


def session_sign_up(request: HttpRequest, *, email: str, password: str) -> User:
    csrf_enforce(request)
    sign_in_limit(request, email)
    guest_subject = request.session.get(GUEST_SESSION_KEY)
    user = account_create(email=email, password=password)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if guest_subject:
        guest_usage_carry_over(
            guest_subject=guest_subject,
            guest_plan=identity.guest_plan(),
            user_id=user.pk,
            plan=identity.plan_for_user(user),
        )
    return user


def session_sign_in(request: HttpRequest, *, email: str, password: str) -> User:
    csrf_enforce(request)
    sign_in_limit(request, email)
    user = authenticate(request, username=(email or "").strip(), password=password or "")
    if user is None:
        raise InvalidCredentials("The email address or the password is wrong.")
    login(request, user)
    return user


def session_sign_out(request: HttpRequest) -> None:
    logout(request)


def session_password_change(
    request: HttpRequest, *, user: User, old_password: str, new_password: str
) -> None:
    password_change(user=user, old_password=old_password, new_password=new_password)
    if request.session.session_key:
        update_session_auth_hash(request, user)
