"""GraphQL ``casepilot(question:, asOf:, conversation:, redactFirst:)``: the REST result."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from clinical.services_casepilot import casepilot_answer


@strawberry.type
class CasePilotCitation:
    source: str
    release: str
    ref: str


@strawberry.type
class CasePilotCode:
    system: str
    code: str
    display: str


@strawberry.type(description="An answer composed from catalog facts, each with its citation.")
class CasePilotAnswer:
    answer: str
    intent: str
    codes: list[CasePilotCode]
    citations: list[CasePilotCitation]
    follow_ups: list[str]
    phrased_by_model: bool
    redacted: bool


def _result(r: dict[str, Any]) -> CasePilotAnswer:
    return CasePilotAnswer(
        answer=r["answer"],
        intent=r["intent"],
        codes=[CasePilotCode(**c) for c in r["codes"]],
        citations=[CasePilotCitation(**c) for c in r["citations"]],
        follow_ups=r["follow_ups"],
        phrased_by_model=r["phrased_by_model"],
        redacted=r["redacted"],
    )


@strawberry.type
class CasePilotQuery:
    @strawberry.field(
        description="Answer a coding question from the catalog with citations (not stored). "
        "conversation: earlier turns [{question, answer, codes}] for follow-ups."
    )
    def casepilot(
        self,
        info: Info,
        question: str,
        as_of: datetime.date | None = None,
        conversation: JSON | None = None,
        redact_first: bool = False,
    ) -> CasePilotAnswer:
        return _result(
            casepilot_answer(
                question=question,
                as_of=as_of,
                conversation=conversation,
                redact_first=redact_first,
                meter=info.context.request.meter,
            )
        )
