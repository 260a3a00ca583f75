"""The code page as plain data: what one request about one code returns.

These frozen dataclasses are the single definition of the page. The selector builds them;
REST renders them (``catalog.api``) and GraphQL exposes the same classes as its types
(``catalog.graphql.types``), so both interfaces carry the same facts by construction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from catalog.indicators import Indicator


@dataclass(frozen=True, slots=True)
class ReleaseRef:
    """Where a fact came from: the imported release and when it took effect."""

    source: str
    version: str
    effective_date: datetime.date


@dataclass(frozen=True, slots=True)
class CodeRef:
    """A short reference to another code (parent, child, add-on, edit partner)."""

    system: str
    code: str
    display: str
    level: str
    status: str
    billable: bool


@dataclass(frozen=True, slots=True)
class Descriptors:
    short: str
    medium: str
    long: str
    plain: str
    plain_copyright: str
    copyright: str
    licensed: bool
    withheld: bool = False
    notice: str = ""


@dataclass(frozen=True, slots=True)
class SectionItemFacts:
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class SectionFacts:
    kind: str
    title: str
    body: str
    items: list[SectionItemFacts]
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class Rvus:
    work: float | None
    non_facility_pe: float | None
    facility_pe: float | None
    malpractice: float | None
    non_facility_total: float | None
    facility_total: float | None
    non_facility_na: bool
    facility_na: bool


@dataclass(frozen=True, slots=True)
class Payment:
    """National payment amounts: total RVUs times the conversion factor (before GPCIs)."""

    non_facility: float | None
    facility: float | None


@dataclass(frozen=True, slots=True)
class FeeScheduleFacts:
    """Medicare Physician Fee Schedule indicators of one code (and modifier) for one year."""

    year: int
    modifier: str
    status: Indicator | None
    global_days: Indicator | None
    pctc_indicator: Indicator | None
    multiple_procedure: Indicator | None
    bilateral_surgery: Indicator | None
    assistant_surgery: Indicator | None
    co_surgeons: Indicator | None
    team_surgery: Indicator | None
    physician_supervision: Indicator | None
    diagnostic_imaging_family: Indicator | None
    endoscopic_base_code: str
    not_used_for_medicare: bool
    rvus: Rvus
    conversion_factor: float | None
    payment: Payment
    effective_date: datetime.date | None
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class HcpcsRecordFacts:
    """HCPCS Level II record fields beyond the billing profile (the file's own dates)."""

    multiple_pricing_indicator: str
    coverage_issues_manual: list[str]
    carriers_manual: list[str]
    statute: str
    lab_certifications: list[str]
    asc_group_effective_date: datetime.date | None
    opps_group: str
    opps_indicator: str
    opps_effective_date: datetime.date | None
    anesthesia_base_units: int | None
    added_date: datetime.date | None
    action_effective_date: datetime.date | None
    termination_date: datetime.date | None


@dataclass(frozen=True, slots=True)
class BillingFacts:
    apc_status_indicator: Indicator | None
    betos: str | None
    telehealth: bool
    type_of_service: str
    coverage_code: str
    asc_group: str
    pricing_indicators: list[str]
    action_code: str
    cross_references: list[str]
    processing_notes: list[str]
    effective_date: datetime.date | None
    release: ReleaseRef
    hcpcs: HcpcsRecordFacts | None = None


@dataclass(frozen=True, slots=True)
class MueFacts:
    service_type: str
    value: int
    adjudication_indicator: Indicator | None
    rationale: str
    effective_date: datetime.date | None
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class AddOnLink:
    """An add-on / primary pair seen from one side; ``code`` is the other side."""

    code: CodeRef | None
    code_text: str
    long_descriptor: str
    mpfs_status: Indicator | None
    apc_status_indicator: Indicator | None
    telehealth: bool
    edit_type: int
    edit_type_meaning: str
    notes: str
    effective_date: datetime.date | None
    end_date: datetime.date | None
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class ModifierFacts:
    code: str
    description: str
    reason: str
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class PtpEditFacts:
    """An NCCI procedure-to-procedure pair; ``role`` says which column this code is."""

    column1: str
    column2: str
    role: str
    setting: str
    modifier_indicator: Indicator | None
    existed_before_1996: bool
    rationale: str
    effective_date: datetime.date | None
    end_date: datetime.date | None
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    date: datetime.date
    action: str
    notes: str
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class NoteFacts:
    """A tabular note; ``inherited_from`` names the ancestor it comes from, if any."""

    kind: str
    text: str
    character: str
    inherited_from: str | None
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class CrosswalkFacts:
    """One GEM row (ICD-9-CM <-> ICD-10-CM); codes as the GEM prints them (no dots).

    Combination rows: one code from each ``choice_list`` of a ``scenario`` together.
    """

    direction: str
    icd9_code: str
    icd10_code: str
    approximate: bool
    no_map: bool
    combination: bool
    scenario: int
    choice_list: int
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class IndexTermFacts:
    """An index or table term that leads to this code (a synonym), with its cross-refs."""

    index: str
    path: str
    column_title: str
    code_text: str
    manifestation: str
    see: str
    see_also: str
    release: ReleaseRef


@dataclass(frozen=True, slots=True)
class CodePage:
    system: str
    system_name: str
    system_uri: str
    code: str
    normalized: str
    level: str
    status: str
    billable: bool
    effective_date: datetime.date | None
    end_date: datetime.date | None
    release: ReleaseRef
    as_of: datetime.date
    descriptors: Descriptors
    sections: list[SectionFacts] = field(default_factory=list)
    mpfs: list[FeeScheduleFacts] = field(default_factory=list)
    billing: BillingFacts | None = None
    mue: list[MueFacts] = field(default_factory=list)
    add_ons: list[AddOnLink] = field(default_factory=list)
    primaries: list[AddOnLink] = field(default_factory=list)
    modifiers: list[ModifierFacts] = field(default_factory=list)
    ncci_edits: list[PtpEditFacts] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    hierarchy: list[CodeRef] = field(default_factory=list)
    parent: CodeRef | None = None
    children: list[CodeRef] = field(default_factory=list)
    notes: list[NoteFacts] = field(default_factory=list)
    crosswalks: list[CrosswalkFacts] = field(default_factory=list)
    index_terms: list[IndexTermFacts] = field(default_factory=list)
