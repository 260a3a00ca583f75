"""Catalog queries: ``systems``, ``codes(filters, pagination)`` and ``code(system, code)``."""

from __future__ import annotations

import datetime

import strawberry
import strawberry_django
from strawberry.types import Info
from strawberry_django.pagination import OffsetPaginated

from catalog import selectors
from catalog.graphql.types import (
    CodeFilter,
    CodePageType,
    CodeSummaryType,
    CrosswalkType,
    SearchHitType,
    SystemType,
)
from catalog.search import search_codes


@strawberry.type
class Query:
    @strawberry.field(description="Code systems with their releases and counts.")
    def systems(self) -> list[SystemType]:
        return selectors.system_list()

    @strawberry_django.offset_paginated(
        OffsetPaginated[CodeSummaryType], description="Code summaries (never full pages)."
    )
    def codes(self, filters: CodeFilter | None = None) -> list[CodeSummaryType]:
        f = filters or CodeFilter()
        return selectors.code_list(
            system=f.system, q=f.q, prefix=f.prefix, billable=f.billable, as_of=f.as_of
        )

    @strawberry.field(description="The full code page of one code (ICD-10-CM: E11.9 or E119).")
    def code(
        self, info: Info, system: str, code: str, as_of: datetime.date | None = None
    ) -> CodePageType | None:
        meter = info.context.request.meter
        return selectors.code_page_get(system=system, code=code, meter=meter, as_of=as_of)

    @strawberry.field(description="GEM rows for an ICD-9-CM (icd9) or ICD-10-CM (icd10) code.")
    def crosswalks(
        self,
        icd9: str | None = None,
        icd10: str | None = None,
        as_of: datetime.date | None = None,
    ) -> list[CrosswalkType]:
        return selectors.crosswalk_list(icd9=icd9, icd10=icd10, as_of=as_of)

    @strawberry.field(
        description="Ranked codes for a code in any form, words, a phrase or a short case; "
        "autocomplete treats the last word as a prefix. Summaries: not metered."
    )
    def search(
        self,
        info: Info,
        q: str,
        system: str | None = None,
        billable: bool | None = None,
        as_of: datetime.date | None = None,
        limit: int = 10,
        autocomplete: bool = False,
    ) -> list[SearchHitType]:
        return search_codes(
            q=q,
            system=system,
            billable=billable,
            as_of=as_of,
            limit=limit,
            autocomplete=autocomplete,
            meter=info.context.request.meter,
        )
