"""GraphQL types of the catalog.

The code page types are the domain dataclasses of ``catalog.pages`` registered as strawberry
types, so GraphQL and REST return the same facts by construction. Code summaries are a
strawberry-django type over the model, so list queries go through the optimizer.
"""

from __future__ import annotations

import datetime

import strawberry
import strawberry_django
from strawberry import auto
from strawberry.types import Info

from catalog import pages
from catalog.indicators import Indicator
from catalog.models import Code
from catalog.search import SearchHit
from catalog.selectors import ReleaseSummary, SystemSummary, code_summary_display

SearchHitType = strawberry.type(
    SearchHit, name="SearchHit", description="A ranked code summary and the term that matched."
)
IndicatorType = strawberry.type(
    Indicator, name="Indicator", description="A value with its official meaning."
)
ReleaseRefType = strawberry.type(pages.ReleaseRef, name="ReleaseRef")
CodeRefType = strawberry.type(pages.CodeRef, name="CodeRef")
DescriptorsType = strawberry.type(pages.Descriptors, name="Descriptors")
SectionItemType = strawberry.type(pages.SectionItemFacts, name="SectionItem")
SectionType = strawberry.type(pages.SectionFacts, name="Section")
RvusType = strawberry.type(pages.Rvus, name="Rvus")
PaymentType = strawberry.type(pages.Payment, name="Payment")
FeeScheduleType = strawberry.type(pages.FeeScheduleFacts, name="FeeSchedule")
HcpcsRecordType = strawberry.type(pages.HcpcsRecordFacts, name="HcpcsRecord")
BillingType = strawberry.type(pages.BillingFacts, name="Billing")
MueType = strawberry.type(pages.MueFacts, name="Mue")
AddOnLinkType = strawberry.type(pages.AddOnLink, name="AddOnLink")
ModifierType = strawberry.type(pages.ModifierFacts, name="ApplicableModifier")
PtpEditType = strawberry.type(pages.PtpEditFacts, name="PtpEdit")
HistoryEntryType = strawberry.type(pages.HistoryEntry, name="HistoryEntry")
NoteType = strawberry.type(pages.NoteFacts, name="Note")
CrosswalkType = strawberry.type(
    pages.CrosswalkFacts, name="Crosswalk", description="A GEM row (ICD-9-CM <-> ICD-10-CM)."
)
IndexTermType = strawberry.type(
    pages.IndexTermFacts, name="IndexTerm", description="An index term leading to a code."
)
CodePageType = strawberry.type(
    pages.CodePage, name="CodePage", description="Everything the catalog holds about one code."
)
ReleaseSummaryType = strawberry.type(ReleaseSummary, name="Release")
SystemType = strawberry.type(SystemSummary, name="CodeSystem")


@strawberry_django.type(Code, name="CodeSummary", description="A code without its page.")
class CodeSummaryType:
    code: auto
    status: str
    billable: auto
    level: str

    @strawberry_django.field(
        select_related=["system"],
        only=["short_descriptor", "long_descriptor", "system__licensed_content"],
    )
    def display(self, info: Info) -> str:
        return code_summary_display(code=self, meter=info.context.request.meter)

    @strawberry_django.field(select_related=["system"], only=["system__slug"])
    def system(self) -> str:
        return self.system.slug


@strawberry.input(description="Filters of the code list; all are optional.")
class CodeFilter:
    system: str | None = None
    q: str | None = None
    prefix: str | None = None
    billable: bool | None = None
    as_of: datetime.date | None = None
