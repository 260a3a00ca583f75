"""DetectICD10CM as a service: input limits, optional PHI redaction first, then detection.

The one entry point both REST and GraphQL call. Text is processed in memory only: nothing
is stored and nothing of the request body is logged.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from clinical.icd10cm import detect
from clinical.icd10cm.catalog_loader import service_knowledge
from clinical.phi import redact
from codeapi.errors import DomainError
from metering.services import MeterContext, charge_tool_call


class EmptyText(DomainError):
    problem_type = "empty-text"
    title = "Empty text"
    graphql_code = "BAD_REQUEST"


class TextTooLong(DomainError):
    status_code = 413
    problem_type = "text-too-long"
    title = "Text too long"
    graphql_code = "PAYLOAD_TOO_LARGE"


def icd10cm_detect(
    *, text: str, redact_first: bool = False, meter: MeterContext | None
) -> dict[str, Any]:
    """ICD-10-CM entities and document codes for ``text``.

    With ``redact_first`` the text is first run through RedactPHI (masking); detection then
    runs on the redacted text (offsets refer to it) and both results are returned. One call
    is one tool call, charged to ``meter`` (``None`` only for local use: benches, commands).
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyText("text is empty: send the clinical text to code")
    limit = settings.DETECT_MAX_CHARS
    if len(text) > limit:
        raise TextTooLong(
            f"text has {len(text):,} characters; the limit is {limit:,}",
            max_chars=limit,
        )
    if meter is not None:
        charge_tool_call(ctx=meter, tool="detect-icd10cm")
    kb = service_knowledge()  # the catalog's ICD-10-CM release, else the official files
    if not redact_first:
        return detect(text, kb)
    redaction = redact(text).as_dict()
    result = detect(redaction["text"], kb)
    result["redaction"] = redaction
    return result
