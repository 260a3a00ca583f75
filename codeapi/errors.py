"""Domain errors carry their own HTTP status, problem type and GraphQL code.

Selectors and services raise these; the REST exception handler turns them into
problem+json and the GraphQL error formatter into ``extensions.code``, so both interfaces
report the same failure the same way.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    status_code = 400
    problem_type = "bad-request"
    title = "Bad request"
    graphql_code = "BAD_REQUEST"

    def __init__(self, detail: str, **extra: Any):
        super().__init__(detail)
        self.detail = detail
        self.extra = extra
        self.headers: dict[str, str] = {}
