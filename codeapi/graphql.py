"""The root GraphQL schema (each app contributes its ``Query``) and its HTTP view.

- The view authenticates with the same DRF authentication classes as the REST API
  ("authenticate once"): a session, and later an API key, mean the same in both. CSRF is
  enforced exactly when a session cookie authenticates (DRF's rule), so server-to-server
  clients can POST without a token and browsers cannot be tricked.
- Depth, alias and token limits protect the server from abusive documents; the
  strawberry-django optimizer keeps list queries free of N+1.
- Domain errors carry ``extensions.code``; unexpected errors are masked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import strawberry
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphql import GraphQLError
from rest_framework import exceptions
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.settings import api_settings
from strawberry.django.views import GraphQLView as StrawberryView
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry_django.optimizer import DjangoOptimizerExtension

from accounts.graphql.schema import Mutation as AccountsMutation
from accounts.graphql.schema import Query as AccountsQuery
from catalog.graphql.schema import Query as CatalogQuery
from clinical.graphql.schema import Query as ClinicalQuery
from codeapi.errors import DomainError
from codeapi.problems import problem_response


class DomainErrorExtension(SchemaExtension):
    """Give every error ``extensions.code``: the domain error's own code, or a generic one."""

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None) or []
        for error in errors:
            original = error.original_error
            if isinstance(original, DomainError):
                error.extensions = {
                    "code": original.graphql_code,
                    "title": original.title,
                    **original.extra,
                }
            elif error.extensions is None or "code" not in (error.extensions or {}):
                error.extensions = {
                    **(error.extensions or {}),
                    "code": "BAD_REQUEST" if original is None else "INTERNAL_SERVER_ERROR",
                }


def _mask(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, DomainError)


@strawberry.type
class Query(CatalogQuery, AccountsQuery, ClinicalQuery):
    pass


@strawberry.type
class Mutation(AccountsMutation):
    pass


logger = logging.getLogger("strawberry.execution")


class Schema(strawberry.Schema):
    """Logs errors without the document or variables (clinical text tools take PHI).

    Strawberry's default logs ``str(error)``, which quotes the failing part of the query, so
    a syntax error in a document that inlines a note would write the note to the log.
    Client errors (bad documents, domain errors) are answered, not logged; unexpected
    errors are logged by exception type and traceback only.
    """

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        for error in errors:
            original = error.original_error
            if original is None or isinstance(original, DomainError):
                continue
            logger.error("GraphQL resolver error: %s", type(original).__name__, exc_info=original)


schema = Schema(
    query=Query,
    mutation=Mutation,
    extensions=[
        lambda: ParserCache(maxsize=1024),
        lambda: ValidationCache(maxsize=1024),
        lambda: QueryDepthLimiter(max_depth=settings.GRAPHQL_MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=settings.GRAPHQL_MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
        DjangoOptimizerExtension,
        DomainErrorExtension,
        lambda: MaskErrors(should_mask_error=_mask),
    ],
)


class _LeaveBodyAlone(BaseParser):
    """Lets DRF authenticate (and check CSRF) without consuming the body strawberry reads."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return {}


@method_decorator(csrf_exempt, name="dispatch")
class GraphQLView(StrawberryView):
    """GraphQL over HTTP, with GraphiQL served from our own static files."""

    schema = schema

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("schema", schema)
        super().__init__(**kwargs)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        drf_request = Request(
            request,
            parsers=[_LeaveBodyAlone()],
            authenticators=[cls() for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES],
        )
        try:
            request.user = drf_request.user
            request.auth = drf_request.auth
        except exceptions.APIException as exc:
            status = exc.status_code
            if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
                status = 401
            return problem_response(
                request,
                status_code=status,
                problem_type="authentication-failed" if status == 401 else "forbidden",
                title="Authentication failed" if status == 401 else "Forbidden",
                detail=str(exc.detail),
            )
        return super().dispatch(request, *args, **kwargs)

    def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        get_token(request)  # GraphiQL sends the CSRF cookie back for session users
        return HttpResponse(render_to_string("graphql/graphiql.html", request=request))
