"""Account and API-key writes. REST views, GraphQL mutations and the admin call these."""

from __future__ import annotations

import datetime
import functools
import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from accounts.models import ApiKey, User
from codeapi.errors import DomainError

KEY_PREFIX = "cak_"  # CodeAPI key
LAST_USED_RESOLUTION = datetime.timedelta(seconds=60)


class AccountError(DomainError):
    problem_type = "invalid-account"
    title = "Invalid account details"
    graphql_code = "BAD_USER_INPUT"


class EmailTaken(AccountError):
    status_code = 409
    problem_type = "email-taken"
    title = "Email already registered"
    graphql_code = "CONFLICT"


class InvalidCredentials(DomainError):
    status_code = 401
    problem_type = "invalid-credentials"
    title = "Invalid email or password"
    graphql_code = "UNAUTHENTICATED"


class InvalidApiKey(DomainError):
    status_code = 401
    problem_type = "invalid-api-key"
    title = "Invalid API key"
    graphql_code = "UNAUTHENTICATED"


class NotFound(DomainError):
    status_code = 404
    problem_type = "not-found"
    title = "Not found"
    graphql_code = "NOT_FOUND"


def _messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


def account_create(*, email: str, password: str) -> User:
    """A new account on the default registered plan; email is unique, case-insensitively."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise AccountError(f"{email!r} is not a valid email address.", field="email") from None
    if User.objects.filter(username__iexact=email).exists():
        raise EmailTaken("An account with this email address already exists.", field="email")
    user = User(username=email, email=email)
    try:
        password_validation.validate_password(password or "", user)
    except ValidationError as exc:
        raise AccountError(
            "The password is not acceptable: " + " ".join(_messages(exc)), field="password"
        ) from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise EmailTaken(
            "An account with this email address already exists.", field="email"
        ) from None
    return user


def password_change(*, user: User, old_password: str, new_password: str) -> None:
    if not user.check_password(old_password or ""):
        raise InvalidCredentials("The current password is wrong.")
    try:
        password_validation.validate_password(new_password or "", user)
    except ValidationError as exc:
        raise AccountError(
            "The new password is not acceptable: " + " ".join(_messages(exc)),
            field="new_password",
        ) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class NewApiKey:
    key: ApiKey
    secret: str


def api_key_create(*, user: User, name: str) -> NewApiKey:
    """Create a key; the returned ``secret`` is the only time the full key exists."""
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise AccountError("A key needs a name of 1 to 100 characters.", field="name")
    if user.api_keys.filter(name=name, revoked_at__isnull=True).exists():
        raise AccountError(f"You already have an active key named {name!r}.", field="name")
    prefix = secrets.token_hex(4)
    secret = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey.objects.create(user=user, name=name, prefix=prefix, hashed_key=_hash(secret))
    return NewApiKey(key=key, secret=secret)


def api_key_revoke(*, user: User, key_id: int) -> ApiKey:
    key = user.api_keys.filter(pk=key_id).first()
    if key is None:
        raise NotFound(f"You have no API key with id {key_id}.")
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


@functools.cache
def _key_query() -> tuple[str, list, list, list]:
    """The SQL and the per-column converters of ``_key_with_user``, built once per process."""
    key_fields = list(ApiKey._meta.concrete_fields)
    user_fields = list(User._meta.concrete_fields)
    quote = connection.ops.quote_name
    columns = [f"k.{quote(f.column)}" for f in key_fields]
    columns += [f"u.{quote(f.column)}" for f in user_fields]
    # Only column and table names from model metadata are interpolated; the key is a parameter.
    sql = (
        f"SELECT {', '.join(columns)} FROM {ApiKey._meta.db_table} k "  # noqa: S608
        f"JOIN {User._meta.db_table} u ON u.id = k.user_id WHERE k.hashed_key = %s"
    )
    converters = []
    for field in key_fields + user_fields:
        col = field.get_col(field.model._meta.db_table)
        converters.append(
            [(c, col) for c in connection.ops.get_db_converters(col)]
            + [(c, col) for c in field.get_db_converters(connection)]
        )
    return sql, key_fields, user_fields, converters


def _key_with_user(hashed: str) -> ApiKey | None:
    """The key and its user in one query (plain SQL: this runs on every keyed request and
    the ORM took longer to compile the join than the database took to answer it)."""
    sql, key_fields, user_fields, converters = _key_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [hashed])
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for value, field_converters in zip(row, converters, strict=True):
        for converter, col in field_converters:
            value = converter(value, col, connection)
        values.append(value)
    n = len(key_fields)
    key = ApiKey.from_db("default", [f.attname for f in key_fields], values[:n])
    key.user = User.from_db("default", [f.attname for f in user_fields], values[n:])
    return key


def api_key_authenticate(*, secret: str) -> ApiKey:
    """The active key for ``secret`` (its ``last_used_at`` refreshed at most once a minute),
    or ``InvalidApiKey``: an unknown or revoked key is an error, never a guest."""
    key = _key_with_user(_hash(secret.strip()))
    if key is None or key.revoked_at is not None or not key.user.is_active:
        raise InvalidApiKey(
            "The API key is unknown or has been revoked. Create a new key in your account."
        )
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key
