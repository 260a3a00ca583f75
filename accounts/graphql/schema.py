"""Accounts in GraphQL: ``me`` (account, usage, API keys) and the account mutations.

The mutations call the same functions as the REST views (``accounts.sessions`` and
``accounts.services``); session-starting mutations require the CSRF token like REST.
"""

from __future__ import annotations

import datetime

import strawberry
from strawberry.types import Info

from accounts import sessions
from accounts.models import ApiKey, User
from accounts.services import api_key_create, api_key_revoke
from codeapi.errors import DomainError
from metering.graphql.types import UsageType
from metering.identity import plan_for_user
from metering.services import usage_get


class NotSignedIn(DomainError):
    status_code = 401
    problem_type = "not-authenticated"
    title = "Authentication required"
    graphql_code = "UNAUTHENTICATED"


@strawberry.type(name="Account")
class AccountType:
    id: int
    email: str
    plan: str
    cpt_licensed: bool
    cpt_licensee_since: datetime.date | None
    date_joined: datetime.datetime

    @classmethod
    def of(cls, user: User) -> AccountType:
        return cls(
            id=user.pk,
            email=user.email or user.username,
            plan=plan_for_user(user).slug,
            cpt_licensed=user.cpt_licensee_since is not None,
            cpt_licensee_since=user.cpt_licensee_since,
            date_joined=user.date_joined,
        )


@strawberry.type(name="ApiKey")
class ApiKeyType:
    id: int
    name: str
    prefix: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None

    @classmethod
    def of(cls, key: ApiKey) -> ApiKeyType:
        return cls(
            id=key.pk,
            name=key.name,
            prefix=key.prefix,
            created_at=key.created_at,
            last_used_at=key.last_used_at,
            revoked_at=key.revoked_at,
        )


@strawberry.type(name="NewApiKey")
class NewApiKeyType:
    api_key: ApiKeyType
    key: str = strawberry.field(description="The full key, shown only this once.")


def _user(info: Info) -> User | None:
    user = info.context.request.user
    return user if user.is_authenticated else None


def _require_user(info: Info) -> User:
    user = _user(info)
    if user is None:
        raise NotSignedIn("Sign in, or send an API key, to use this field.")
    return user


@strawberry.type(name="Me")
class MeType:
    @strawberry.field(description="The signed-in account; null for guests.")
    def account(self, info: Info) -> AccountType | None:
        user = _user(info)
        return AccountType.of(user) if user else None

    @strawberry.field(description="Quota use in the current window (guests too).")
    def usage(self, info: Info) -> UsageType:
        return usage_get(ctx=info.context.request.meter)

    @strawberry.field(description="The account's API keys (never the keys themselves).")
    def api_keys(self, info: Info) -> list[ApiKeyType]:
        return [ApiKeyType.of(k) for k in _require_user(info).api_keys.all()]


@strawberry.type
class Query:
    @strawberry.field(description="The caller: account, usage and API keys.")
    def me(self) -> MeType:
        return MeType()


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create an account on the free plan and sign in.")
    def sign_up(self, info: Info, email: str, password: str) -> AccountType:
        request = info.context.request
        return AccountType.of(sessions.session_sign_up(request, email=email, password=password))

    @strawberry.mutation(description="Sign in with email and password (starts a session).")
    def sign_in(self, info: Info, email: str, password: str) -> AccountType:
        request = info.context.request
        return AccountType.of(sessions.session_sign_in(request, email=email, password=password))

    @strawberry.mutation
    def sign_out(self, info: Info) -> bool:
        sessions.session_sign_out(info.context.request)
        return True

    @strawberry.mutation
    def change_password(self, info: Info, old_password: str, new_password: str) -> bool:
        sessions.session_password_change(
            info.context.request,
            user=_require_user(info),
            old_password=old_password,
            new_password=new_password,
        )
        return True

    @strawberry.mutation(description="Create a named API key; the key is shown only once.")
    def create_api_key(self, info: Info, name: str) -> NewApiKeyType:
        new = api_key_create(user=_require_user(info), name=name)
        return NewApiKeyType(api_key=ApiKeyType.of(new.key), key=new.secret)

    @strawberry.mutation
    def revoke_api_key(self, info: Info, id: int) -> ApiKeyType:
        return ApiKeyType.of(api_key_revoke(user=_require_user(info), key_id=id))
