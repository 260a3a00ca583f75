"""CasePilot as a service: input checks, optional PHI redaction first, one tool-call charge.

The one entry point REST and GraphQL call. The question (and conversation) is processed in
memory only: nothing is stored and nothing of it is logged. Code pages are read unmetered;
the call is charged once as a tool call, and the CPT licence rule is applied to the
caller's meter (descriptors withheld where the caller may not see them).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings

from catalog.models import CodeSystem
from catalog.selectors import licensed_content_visible, today
from clinical.casepilot import answer
from clinical.phi import redact
from codeapi.errors import DomainError
from metering.services import MeterContext, charge_tool_call


class EmptyQuestion(DomainError):
    problem_type = "empty-question"
    title = "Empty question"
    graphql_code = "BAD_REQUEST"


class QuestionTooLong(DomainError):
    status_code = 413
    problem_type = "question-too-long"
    title = "Question too long"
    graphql_code = "PAYLOAD_TOO_LARGE"


class InvalidConversation(DomainError):
    problem_type = "invalid-conversation"
    title = "Invalid conversation"
    graphql_code = "BAD_REQUEST"


MAX_TURNS = 20


def _visible_for(meter: MeterContext | None):
    systems = {s.slug: s for s in CodeSystem.objects.all()}

    def visible(slug: str) -> bool:
        system = systems.get(slug)
        return system is None or licensed_content_visible(system=system, meter=meter)

    return visible


def _check_conversation(conversation: Any) -> list[dict[str, Any]]:
    if conversation in (None, ""):
        return []
    if not isinstance(conversation, list) or not all(isinstance(t, dict) for t in conversation):
        raise InvalidConversation(
            "conversation is a list of earlier turns, each an object with 'question' and/or "
            "'answer' and 'codes'"
        )
    return conversation[-MAX_TURNS:]


def _size(conversation: list[dict[str, Any]]) -> int:
    total = 0
    for turn in conversation:
        for value in turn.values():
            total += len(value) if isinstance(value, str) else len(str(value))
    return total


def casepilot_answer(
    *,
    question: str,
    as_of: datetime.date | None = None,
    conversation: Any = None,
    redact_first: bool = False,
    meter: MeterContext | None,
) -> dict[str, Any]:
    """The assistant's answer to ``question`` from the catalog as in effect on ``as_of``.

    With ``redact_first`` the question and the conversation's text are run through
    RedactPHI (masking) before anything else sees them. One call is one tool call charged to
    ``meter`` (``None`` only for local use: benches, commands).
    """
    if not isinstance(question, str) or not question.strip():
        raise EmptyQuestion("question is empty: ask about a code, an edit or a case")
    turns = _check_conversation(conversation)
    limit = settings.CASEPILOT_MAX_CHARS
    size = len(question) + _size(turns)
    if size > limit:
        raise QuestionTooLong(
            f"question and conversation have {size:,} characters; the limit is {limit:,}",
            max_chars=limit,
        )
    if meter is not None:
        charge_tool_call(ctx=meter, tool="casepilot")
    redacted = False
    if redact_first:
        question = redact(question).as_dict()["text"]
        turns = [
            {k: (redact(v).as_dict()["text"] if isinstance(v, str) else v) for k, v in t.items()}
            for t in turns
        ]
        redacted = True
    result = answer(
        question=question,
        as_of=as_of or today(),
        conversation=turns,
        visible=_visible_for(meter),
    )
    result["redacted"] = redacted
    return result
