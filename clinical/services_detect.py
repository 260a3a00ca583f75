"""DetectICD10CM as a service: input limits, optional PHI redaction first, then detection.

The one entry point both REST and GraphQL call. Text is processed in memory only: nothing
is stored and nothing of the request body is logged.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from clinical.icd10cm import detect
from codeapi.errors import DomainError


class EmptyText(DomainError):
    problem_type = "empty-text"
    title = "Empty text"
    graphql_code = "BAD_REQUEST"


class TextTooLong(DomainError):
    status_code = 413
    problem_type = "text-too-long"
    title = "Text too long"
    graphql_code = "PAYLOAD_TOO_LARGE"


class RedactionUnavailable(DomainError):
    status_code = 501
    problem_type = "redaction-unavailable"
    title = "Redaction unavailable"
    graphql_code = "NOT_IMPLEMENTED"


def _redactor():
    """The RedactPHI engine (``clinical.phi``), or None where it is not installed."""
    try:
        from clinical import phi  # type: ignore[attr-defined]
    except ImportError:
        return None
    return phi


def _redact(text: str) -> tuple[str, Any]:
    phi = _redactor()
    if phi is None:
        raise RedactionUnavailable("redact_first needs the RedactPHI engine, not installed here")
    result = phi.redact(text)
    redacted = result["text"] if isinstance(result, dict) else result.text
    return redacted, result


def icd10cm_detect(*, text: str, redact_first: bool = False) -> dict[str, Any]:
    """ICD-10-CM entities and document codes for ``text``.

    With ``redact_first`` the text is first run through RedactPHI; detection then runs on
    the redacted text (offsets refer to it) and both results are returned.
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyText("text is empty: send the clinical text to code")
    limit = settings.DETECT_MAX_CHARS
    if len(text) > limit:
        raise TextTooLong(
            f"text has {len(text):,} characters; the limit is {limit:,}",
            max_chars=limit,
        )
    if not redact_first:
        return detect(text)
    redacted, redaction = _redact(text)
    result = detect(redacted)
    result["redaction"] = redaction
    return result
