"""Clinical text tools: the one place each tool call goes through (REST, GraphQL, CLI).

Text sent to these tools may hold PHI: nothing here logs, caches or stores it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from clinical.phi import STRATEGIES, redact
from codeapi.errors import DomainError
from metering.services import MeterContext, charge_tool_call


class PhiTextInvalid(DomainError):
    problem_type = "invalid-text"
    title = "Invalid text"
    graphql_code = "BAD_REQUEST"


class PhiTextTooLarge(DomainError):
    status_code = 413
    problem_type = "payload-too-large"
    title = "Text too large"
    graphql_code = "PAYLOAD_TOO_LARGE"

    def __init__(self, limit: int):
        super().__init__(
            f"The text is longer than {limit:,} characters; split it into smaller requests.",
            max_chars=limit,
        )


class PhiStrategyUnknown(DomainError):
    problem_type = "unknown-strategy"
    title = "Unknown redaction strategy"
    graphql_code = "BAD_REQUEST"

    def __init__(self):
        super().__init__(f"strategy must be one of: {', '.join(STRATEGIES)}.")


def phi_redact(*, text: Any, strategy: Any = "mask", meter: MeterContext | None) -> dict[str, Any]:
    """Find the Safe Harbor identifiers in ``text`` and redact them by ``strategy``.

    Returns ``{"entities": [{"start", "end", "type", "score"}], "text": str}``. Raises
    ``PhiTextInvalid`` (empty or not a string), ``PhiTextTooLarge`` (over
    ``settings.PHI_MAX_CHARS``), ``PhiStrategyUnknown`` or ``QuotaExceeded``. ``meter`` is
    the caller's metering context (``None`` only for local use: the command line, benches).
    """
    if not isinstance(text, str):
        raise PhiTextInvalid("text must be a string of clinical text.")
    if not text.strip():
        raise PhiTextInvalid("text is empty.")
    if len(text) > settings.PHI_MAX_CHARS:
        raise PhiTextTooLarge(settings.PHI_MAX_CHARS)
    if strategy is None:
        strategy = "mask"
    if strategy not in STRATEGIES:
        raise PhiStrategyUnknown()
    if meter is not None:
        charge_tool_call(ctx=meter, tool="redact-phi")
    return redact(text, strategy).as_dict()
