"""GraphQL field ``redactPhi(text, strategy)``: the same service and result as REST."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from clinical import services


@strawberry.type(description="One identifier found in the input.")
class PhiEntity:
    start: int = strawberry.field(description="Offset of the first character in the input.")
    end: int = strawberry.field(description="Offset after the last character.")
    type: str = strawberry.field(description="Safe Harbor category (NAME, DATE, ...).")
    score: float


@strawberry.type(description="Found identifiers and the redacted text.")
class PhiRedaction:
    entities: list[PhiEntity]
    text: str


@strawberry.type
class PhiQuery:
    @strawberry.field(
        description="Find the HIPAA Safe Harbor identifiers in clinical text and redact them "
        "(strategy: mask, remove, hash or surrogate)."
    )
    def redact_phi(self, info: Info, text: str, strategy: str = "mask") -> PhiRedaction:
        result = services.phi_redact(text=text, strategy=strategy, meter=info.context.request.meter)
        return PhiRedaction(
            entities=[PhiEntity(**e) for e in result["entities"]], text=result["text"]
        )
