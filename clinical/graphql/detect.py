"""GraphQL ``detectIcd10cm(text:, redactFirst:)``: the same result as the REST endpoint."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from clinical.services_detect import icd10cm_detect


@strawberry.type
class Icd10cmTrait:
    name: str
    score: float


@strawberry.type
class Icd10cmConcept:
    code: str
    description: str
    score: float
    flags: list[str]


@strawberry.type
class Icd10cmEntity:
    begin_offset: int
    end_offset: int
    text: str
    score: float
    category: str
    type: str
    traits: list[Icd10cmTrait]
    icd10cm_concepts: list[Icd10cmConcept]


@strawberry.type
class Icd10cmDocumentCode:
    code: str
    description: str
    score: float
    billable: bool
    flags: list[str]


@strawberry.type
class DetectIcd10cmResult:
    entities: list[Icd10cmEntity]
    codes: list[Icd10cmDocumentCode]
    redaction: JSON | None = None


def _concept(c: dict[str, Any]) -> Icd10cmConcept:
    return Icd10cmConcept(
        code=c["code"], description=c["description"], score=c["score"], flags=c.get("flags", [])
    )


def _result(r: dict[str, Any]) -> DetectIcd10cmResult:
    return DetectIcd10cmResult(
        entities=[
            Icd10cmEntity(
                begin_offset=e["beginOffset"],
                end_offset=e["endOffset"],
                text=e["text"],
                score=e["score"],
                category=e["category"],
                type=e["type"],
                traits=[Icd10cmTrait(name=t["name"], score=t["score"]) for t in e["traits"]],
                icd10cm_concepts=[_concept(c) for c in e["icd10cmConcepts"]],
            )
            for e in r["entities"]
        ],
        codes=[
            Icd10cmDocumentCode(
                code=c["code"],
                description=c["description"],
                score=c["score"],
                billable=c["billable"],
                flags=c.get("flags", []),
            )
            for c in r["codes"]
        ],
        redaction=r.get("redaction"),
    )


@strawberry.type
class DetectQuery:
    @strawberry.field(
        description="ICD-10-CM entities and document codes for clinical text (not stored)."
    )
    def detect_icd10cm(
        self, info: Info, text: str, redact_first: bool = False
    ) -> DetectIcd10cmResult:
        meter = info.context.request.meter
        return _result(icd10cm_detect(text=text, redact_first=redact_first, meter=meter))
