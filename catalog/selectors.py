"""Reads of the catalog. REST views and GraphQL resolvers call these and nothing else.

``code_page_get`` is the one place a full code page is assembled (and, once metering is
on, charged); its query count does not grow with the number of modifiers, edits or history
rows.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from catalog import indicators
from catalog.models import (
    AddOnEdit,
    ApplicableModifier,
    BillingProfile,
    Code,
    CodeHistory,
    CodeNote,
    CodeStatus,
    CodeSystem,
    ContentSection,
    FeeSchedule,
    GemMapping,
    IndexTerm,
    Mue,
    PtpEdit,
    Release,
    SectionKind,
)
from catalog.pages import (
    AddOnLink,
    BillingFacts,
    CodePage,
    CodeRef,
    CrosswalkFacts,
    Descriptors,
    FeeScheduleFacts,
    HcpcsRecordFacts,
    HistoryEntry,
    IndexTermFacts,
    ModifierFacts,
    MueFacts,
    NoteFacts,
    Payment,
    PtpEditFacts,
    ReleaseRef,
    Rvus,
    SectionFacts,
    SectionItemFacts,
)
from codeapi.errors import DomainError
from codeapi.versioned_cache import VersionedCache
from metering.services import MeterContext, charge_code_view


class UnknownSystem(DomainError):
    status_code = 404
    problem_type = "unknown-system"
    title = "Unknown code system"
    graphql_code = "NOT_FOUND"

    def __init__(self, system: str):
        known = ", ".join(CodeSystem.objects.order_by("slug").values_list("slug", flat=True))
        super().__init__(f"There is no code system {system!r}. Known systems: {known}.")


class InvalidCode(DomainError):
    problem_type = "malformed-code"
    title = "Malformed code"
    graphql_code = "BAD_REQUEST"

    def __init__(self, code: str):
        super().__init__(
            f"{code!r} is not a well-formed code: use letters and digits, optionally with one dot."
        )


class CodeNotFound(DomainError):
    status_code = 404
    problem_type = "code-not-found"
    title = "Code not found"
    graphql_code = "NOT_FOUND"

    def __init__(self, system: str, code: str, as_of: datetime.date | None = None):
        when = f" in effect on {as_of.isoformat()}" if as_of else ""
        super().__init__(f"There is no {system} code {code!r}{when}.")


_CODE_RE = re.compile(r"^[A-Z0-9]{1,4}(?:\.?[A-Z0-9]{1,4})?$")
# Deep enough for the longest ICD-10-CM chain: chapter > block > category > 3 subcategories.
_PARENT_CHAIN = "__".join(["parent"] * 7)


def normalize_code(raw: str) -> str:
    """``e11.9`` -> ``E119``; raises ``InvalidCode`` for anything that cannot be a code."""
    value = (raw or "").strip().upper()
    if not _CODE_RE.match(value):
        raise InvalidCode(raw)
    return value.replace(".", "")


def today() -> datetime.date:
    return timezone.now().date()


def in_effect(as_of: datetime.date, prefix: str = "") -> Q:
    """Facts whose effective period contains ``as_of`` (open ends included)."""
    return (
        Q(**{f"{prefix}effective_date__isnull": True})
        | Q(**{f"{prefix}effective_date__lte": as_of})
    ) & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": as_of}))


def system_get(*, slug: str) -> CodeSystem:
    try:
        return CodeSystem.objects.get(slug=slug)
    except CodeSystem.DoesNotExist:
        raise UnknownSystem(slug) from None


@dataclass(frozen=True, slots=True)
class ReleaseSummary:
    source: str
    version: str
    effective_date: datetime.date
    title: str
    imported_at: datetime.datetime


@dataclass(frozen=True, slots=True)
class SystemSummary:
    slug: str
    name: str
    kind: str
    uri: str
    publisher: str
    copyright: str
    code_count: int
    active_count: int
    billable_count: int
    releases: list[ReleaseSummary]


def system_list() -> list[SystemSummary]:
    """Code systems with their releases and code counts (two queries)."""
    systems = CodeSystem.objects.annotate(
        code_count=Count("codes"),
        active_count=Count("codes", filter=Q(codes__status=CodeStatus.ACTIVE)),
        billable_count=Count(
            "codes", filter=Q(codes__status=CodeStatus.ACTIVE, codes__billable=True)
        ),
    ).prefetch_related(Prefetch("releases", queryset=Release.objects.order_by("-effective_date")))
    return [
        SystemSummary(
            slug=s.slug,
            name=s.name,
            kind=s.kind,
            uri=s.uri,
            publisher=s.publisher,
            copyright=s.copyright,
            code_count=s.code_count,
            active_count=s.active_count,
            billable_count=s.billable_count,
            releases=[
                ReleaseSummary(r.source, r.version, r.effective_date, r.title, r.imported_at)
                for r in s.releases.all()
            ],
        )
        for s in systems
    ]


def code_list(
    *,
    system: str | None = None,
    q: str | None = None,
    prefix: str | None = None,
    billable: bool | None = None,
    as_of: datetime.date | None = None,
) -> QuerySet[Code]:
    """Summaries of codes in effect on ``as_of``: filter by system, words and code prefix."""
    as_of = as_of or today()
    qs = Code.objects.select_related("system").only(
        "code",
        "normalized",
        "status",
        "billable",
        "level",
        "short_descriptor",
        "long_descriptor",
        "system__slug",
        "system__licensed_content",
    )
    if system:
        qs = qs.filter(system=system_get(slug=system))
    qs = qs.filter(in_effect(as_of))
    if prefix:
        qs = qs.filter(normalized__startswith=normalize_code(prefix))
    if billable is not None:
        qs = qs.filter(billable=billable)
    if q:
        for word in q.split():
            qs = qs.filter(
                Q(short_descriptor__icontains=word)
                | Q(long_descriptor__icontains=word)
                | Q(normalized__startswith=word.upper().replace(".", ""))
                # index terms are synonyms: "sugar diabetes" finds E11.9 through the index
                | Q(id__in=IndexTerm.objects.filter(path__icontains=word).values("code_id"))
            )
    return qs.order_by("system__slug", "sort_key", "code")


def code_summary_display(*, code: Code, meter: MeterContext | None) -> str:
    """The short descriptor a summary shows (empty where licensed content is withheld)."""
    if not licensed_content_visible(system=code.system, meter=meter):
        return ""
    return code.short_descriptor or code.long_descriptor[:200]


def _release(release: Release) -> ReleaseRef:
    return ReleaseRef(release.source, release.version, release.effective_date)


def _ref(code: Code, system_slug: str, visible: bool = True) -> CodeRef:
    return CodeRef(
        system=system_slug,
        code=code.code,
        display=(code.short_descriptor or code.long_descriptor) if visible else "",
        level=code.level,
        status=code.status,
        billable=code.billable,
    )


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _payment(total: Decimal | None, cf: Decimal | None) -> float | None:
    if total is None or cf is None:
        return None
    return float((total * cf).quantize(Decimal("0.01")))


def _fee_schedule(fs: FeeSchedule) -> FeeScheduleFacts:
    d = indicators.decode
    return FeeScheduleFacts(
        year=fs.year,
        modifier=fs.modifier,
        status=d("status_code", fs.status_code),
        global_days=d("global_days", fs.global_days),
        pctc_indicator=d("pctc_indicator", fs.pctc_indicator),
        multiple_procedure=d("multiple_procedure", fs.multiple_procedure),
        bilateral_surgery=d("bilateral_surgery", fs.bilateral_surgery),
        assistant_surgery=d("assistant_surgery", fs.assistant_surgery),
        co_surgeons=d("co_surgeons", fs.co_surgeons),
        team_surgery=d("team_surgery", fs.team_surgery),
        physician_supervision=d("physician_supervision", fs.physician_supervision),
        diagnostic_imaging_family=d("diagnostic_imaging_family", fs.diagnostic_imaging_family),
        endoscopic_base_code=fs.endoscopic_base_code,
        not_used_for_medicare=fs.not_used_for_medicare,
        rvus=Rvus(
            work=_num(fs.work_rvu),
            non_facility_pe=_num(fs.non_facility_pe_rvu),
            facility_pe=_num(fs.facility_pe_rvu),
            malpractice=_num(fs.malpractice_rvu),
            non_facility_total=_num(fs.non_facility_total_rvu),
            facility_total=_num(fs.facility_total_rvu),
            non_facility_na=fs.non_facility_na,
            facility_na=fs.facility_na,
        ),
        conversion_factor=_num(fs.conversion_factor),
        payment=Payment(
            non_facility=None
            if fs.non_facility_na
            else _payment(fs.non_facility_total_rvu, fs.conversion_factor),
            facility=None
            if fs.facility_na
            else _payment(fs.facility_total_rvu, fs.conversion_factor),
        ),
        effective_date=fs.effective_date,
        release=_release(fs.release),
    )


def _latest_fee_schedules(rows: Iterable[FeeSchedule]) -> dict[int, list[FeeSchedule]]:
    """Per code: the rows of the newest year present (rows come newest year first), one per
    modifier: when two releases give the same year (seed page and RVU file), the first
    row wins, so callers order newer releases first."""
    by_code: dict[int, list[FeeSchedule]] = {}
    for row in rows:
        current = by_code.setdefault(row.code_id, [])
        if any(r.modifier == row.modifier for r in current):
            continue
        if not current or current[0].year == row.year:
            current.append(row)
    return by_code


def _hcpcs_record(b: BillingProfile) -> HcpcsRecordFacts | None:
    """The HCPCS record fields, when the profile came from a HCPCS file."""
    if not (b.added_date or b.termination_date or b.multiple_pricing_indicator):
        return None
    return HcpcsRecordFacts(
        multiple_pricing_indicator=b.multiple_pricing_indicator,
        coverage_issues_manual=list(b.coverage_issues_manual),
        carriers_manual=list(b.carriers_manual),
        statute=b.statute,
        lab_certifications=list(b.lab_certifications),
        asc_group_effective_date=b.asc_group_effective_date,
        opps_group=b.opps_group,
        opps_indicator=b.opps_indicator,
        opps_effective_date=b.opps_effective_date,
        anesthesia_base_units=b.anesthesia_base_units,
        added_date=b.added_date,
        action_effective_date=b.action_effective_date,
        termination_date=b.termination_date,
    )


def _crosswalk(g: GemMapping) -> CrosswalkFacts:
    return CrosswalkFacts(
        direction=g.direction,
        icd9_code=g.icd9_code,
        icd10_code=g.icd10_code,
        approximate=g.approximate,
        no_map=g.no_map,
        combination=g.combination,
        scenario=g.scenario,
        choice_list=g.choice_list,
        release=_release(g.release),
    )


class CrosswalkQueryInvalid(DomainError):
    problem_type = "invalid-crosswalk-query"
    title = "Invalid crosswalk query"
    graphql_code = "BAD_REQUEST"


_ICD9_RE = re.compile(r"^[EV]?[0-9]{1,4}(?:\.?[0-9]{0,2})?$")


def crosswalk_list(
    *, icd9: str | None = None, icd10: str | None = None, as_of: datetime.date | None = None
) -> list[CrosswalkFacts]:
    """GEM rows for an ICD-9-CM code (``250.00`` or ``25000``) or an ICD-10-CM code."""
    if bool(icd9) == bool(icd10):
        raise CrosswalkQueryInvalid("Give exactly one of icd9 or icd10.")
    qs = GemMapping.objects.filter(in_effect(as_of or today())).select_related("release")
    if icd9:
        value = icd9.strip().upper()
        if not _ICD9_RE.match(value):
            raise CrosswalkQueryInvalid(f"{icd9!r} is not an ICD-9-CM diagnosis code.")
        qs = qs.filter(icd9_code=value.replace(".", ""))
    else:
        qs = qs.filter(icd10_code=normalize_code(icd10 or ""))
    return [
        _crosswalk(g)
        for g in qs.order_by("direction", "scenario", "choice_list", "icd9_code", "icd10_code")
    ]


WITHHELD_NOTICE = (
    "CPT® descriptors are licensed content of the American Medical Association and are shown "
    "only to accounts with an attested CPT licence. The code and every CMS fact are shown."
)


def licensed_content_visible(*, system: CodeSystem, meter: MeterContext | None) -> bool:
    """May this caller see the system's descriptors? (CPT in ``attested`` mode: licensees only.)"""
    if not system.licensed_content or settings.CPT_CONTENT_MODE == "public":
        return True
    return meter is None or meter.content_licensed


def _descriptors(code: Code, system: CodeSystem, visible: bool) -> Descriptors:
    if not visible:
        return Descriptors(
            short="",
            medium="",
            long="",
            plain="",
            plain_copyright="",
            copyright=system.copyright,
            licensed=True,
            withheld=True,
            notice=WITHHELD_NOTICE,
        )
    return Descriptors(
        short=code.short_descriptor,
        medium=code.medium_descriptor,
        long=code.long_descriptor,
        plain=code.plain_description,
        plain_copyright=code.plain_description_copyright,
        copyright=system.copyright,
        licensed=system.licensed_content,
    )


def code_get(*, system: str, code: str) -> Code:
    """The code row (with its system, release and ancestors), or ``CodeNotFound``."""
    code_system = system_get(slug=system)
    normalized = normalize_code(code)
    try:
        return Code.objects.select_related("system", "release", f"{_PARENT_CHAIN}").get(
            system=code_system, normalized=normalized
        )
    except Code.DoesNotExist:
        raise CodeNotFound(system, code) from None


# Assembled code pages, per process, dropped whenever the catalog changes (see
# catalog.signals and catalog.services.catalog_changed).
page_cache = VersionedCache("catalog-pages")


def code_page_get(
    *,
    system: str,
    code: str,
    meter: MeterContext | None,
    as_of: datetime.date | None = None,
) -> CodePage:
    """Everything a coder needs about one code, as in effect on ``as_of`` (default today).

    This is the one selector that returns full code detail, so it is where a code view is
    charged: ``meter`` is the caller's metering context (``None`` only for internal,
    unmetered use such as benchmarks). Unknown codes cost nothing.
    """
    as_of = as_of or today()
    licensed = meter is None or meter.content_licensed
    key = (system, normalize_code(code), as_of, settings.CPT_CONTENT_MODE, licensed)
    page = page_cache.get(key)
    if page is None:
        row = code_get(system=system, code=code)
        if row.effective_date and row.effective_date > as_of:
            raise CodeNotFound(system, code, as_of)
        page = _assemble_page(row, as_of, meter)
        page_cache.put(key, page)
    if meter is not None:
        charge_code_view(ctx=meter, system=page.system, code=page.code)
    return page


def _ancestors(row: Code) -> list[Code]:
    chain = []
    node = row.parent
    while node is not None:
        chain.append(node)
        node = node.parent if "parent" in node._state.fields_cache else None
    chain.reverse()
    return chain


def _assemble_page(row: Code, as_of: datetime.date, meter: MeterContext | None) -> CodePage:
    system = row.system
    slug = system.slug
    effective = in_effect(as_of)
    visible = licensed_content_visible(system=system, meter=meter)

    sections = [
        SectionFacts(
            kind=s.kind,
            title=SectionKind(s.kind).label,
            body=s.body,
            items=[SectionItemFacts(i.title, i.text) for i in s.items.all()],
            release=_release(s.release),
        )
        for s in ContentSection.objects.filter(effective, code=row)
        .select_related("release")
        .prefetch_related("items")
    ]

    fee_rows = (
        FeeSchedule.objects.filter(effective, code=row, year__lte=as_of.year)
        .select_related("release")
        .order_by("-year", "modifier", "-release__effective_date", "-id")
    )
    mpfs = [_fee_schedule(fs) for fs in _latest_fee_schedules(fee_rows).get(row.id, [])]

    billing_row = (
        BillingProfile.objects.filter(effective, code=row)
        .select_related("release")
        .order_by("-effective_date", "-id")
        .first()
    )
    billing = (
        BillingFacts(
            apc_status_indicator=indicators.decode(
                "apc_status_indicator", billing_row.apc_status_indicator
            ),
            betos=billing_row.betos or None,
            telehealth=billing_row.telehealth,
            type_of_service=billing_row.type_of_service,
            coverage_code=billing_row.coverage_code,
            asc_group=billing_row.asc_group,
            pricing_indicators=list(billing_row.pricing_indicators),
            action_code=billing_row.action_code,
            cross_references=list(billing_row.cross_references),
            processing_notes=list(billing_row.processing_notes),
            effective_date=billing_row.effective_date,
            release=_release(billing_row.release),
            hcpcs=_hcpcs_record(billing_row),
        )
        if billing_row
        else None
    )

    mue = [
        MueFacts(
            service_type=m.service_type,
            value=m.value,
            adjudication_indicator=indicators.decode("mue_adjudication", m.adjudication_indicator),
            rationale=m.rationale,
            effective_date=m.effective_date,
            release=_release(m.release),
        )
        for m in Mue.objects.filter(effective, code=row).select_related("release")
    ]

    edits = list(
        AddOnEdit.objects.filter(effective)
        .filter(Q(primary=row) | Q(addon=row))
        .select_related("release", "addon", "primary", "addon__system", "primary__system")
    )
    linked_ids = {e.addon_id for e in edits if e.primary_id == row.id} | {
        e.primary_id for e in edits if e.addon_id == row.id and e.primary_id
    }
    linked_fees = (
        _latest_fee_schedules(
            FeeSchedule.objects.filter(
                effective, code_id__in=linked_ids, modifier="", year__lte=as_of.year
            ).order_by("-year", "-release__effective_date", "-id")
        )
        if linked_ids
        else {}
    )
    linked_billing: dict[int, BillingProfile] = {}
    if linked_ids:
        for b in BillingProfile.objects.filter(effective, code_id__in=linked_ids).order_by(
            "effective_date", "id"
        ):
            linked_billing[b.code_id] = b

    def other_visible(other: Code) -> bool:
        return licensed_content_visible(system=other.system, meter=meter)

    def link(edit: AddOnEdit, other: Code | None, other_text: str) -> AddOnLink:
        fee = linked_fees.get(other.id, [None])[0] if other else None
        bill = linked_billing.get(other.id) if other else None
        return AddOnLink(
            code=_ref(other, other.system.slug, other_visible(other)) if other else None,
            code_text=other_text,
            long_descriptor=other.long_descriptor if other and other_visible(other) else "",
            mpfs_status=indicators.decode("status_code", fee.status_code) if fee else None,
            apc_status_indicator=indicators.decode(
                "apc_status_indicator", bill.apc_status_indicator
            )
            if bill
            else None,
            telehealth=bool(bill and bill.telehealth),
            edit_type=edit.edit_type,
            edit_type_meaning=indicators.ADDON_EDIT_TYPE.get(edit.edit_type, ""),
            notes=edit.notes,
            effective_date=edit.effective_date,
            end_date=edit.end_date,
            release=_release(edit.release),
        )

    add_ons = [link(e, e.addon, e.addon.code) for e in edits if e.primary_id == row.id]
    primaries = [link(e, e.primary, e.primary_code) for e in edits if e.addon_id == row.id]
    add_ons.sort(key=lambda a: a.code_text)
    primaries.sort(key=lambda a: a.code_text)

    modifiers = [
        ModifierFacts(
            code=m.modifier.code,
            description=m.modifier.long_descriptor or m.modifier.short_descriptor,
            reason=m.reason,
            release=_release(m.release),
        )
        for m in ApplicableModifier.objects.filter(effective, code=row).select_related(
            "modifier", "release"
        )
    ]

    ncci_edits = [
        PtpEditFacts(
            column1=p.column1.code,
            column2=p.column2.code,
            role="column1" if p.column1_id == row.id else "column2",
            setting=p.setting,
            modifier_indicator=indicators.decode("ptp_modifier", p.modifier_indicator),
            existed_before_1996=p.existed_before_1996,
            rationale=p.rationale,
            effective_date=p.effective_date,
            end_date=p.end_date,
            release=_release(p.release),
        )
        for p in PtpEdit.objects.filter(effective)
        .filter(Q(column1=row) | Q(column2=row))
        .select_related("column1", "column2", "release")
        .order_by("column1__code", "column2__code")
    ]

    history = [
        HistoryEntry(
            date=h.date, action=h.get_action_display(), notes=h.notes, release=_release(h.release)
        )
        for h in CodeHistory.objects.filter(code=row).select_related("release")
    ]

    ancestors = _ancestors(row)
    notes: list[NoteFacts] = []
    if system.kind == "diagnosis":
        by_id = {a.id: a for a in ancestors}
        owners = [*by_id, row.id]
        note_rows = (
            CodeNote.objects.filter(effective, code_id__in=owners)
            .select_related("release")
            .order_by("code_id", "kind", "position")
        )
        depth = {owner: i for i, owner in enumerate(owners)}
        for n in sorted(note_rows, key=lambda n: (depth[n.code_id], n.kind, n.position)):
            notes.append(
                NoteFacts(
                    kind=n.kind,
                    text=n.text,
                    character=n.character,
                    inherited_from=by_id[n.code_id].code if n.code_id in by_id else None,
                    release=_release(n.release),
                )
            )

    children = [
        _ref(c, slug, visible)
        for c in Code.objects.filter(effective, parent=row)
        .only("code", "short_descriptor", "long_descriptor", "level", "status", "billable")
        .order_by("sort_key", "code")
    ]

    crosswalks: list[CrosswalkFacts] = []
    index_terms: list[IndexTermFacts] = []
    if slug == "icd10cm":
        crosswalks = [
            _crosswalk(g)
            for g in GemMapping.objects.filter(effective, icd10_code=row.normalized)
            .select_related("release")
            .order_by("direction", "scenario", "choice_list", "icd9_code")
        ]
        index_terms = [
            IndexTermFacts(
                index=t.index,
                path=t.path,
                column_title=t.column_title,
                code_text=t.code_text,
                manifestation=t.manifestation,
                see=t.see,
                see_also=t.see_also,
                release=_release(t.release),
            )
            for t in IndexTerm.objects.filter(effective, code=row)
            .select_related("release")
            .order_by("index", "position", "column")
        ]

    status = row.status
    if row.end_date and row.end_date < as_of:
        status = CodeStatus.RETIRED
    elif row.end_date and status == CodeStatus.RETIRED:
        status = CodeStatus.ACTIVE  # retired since, but still in effect on as_of

    return CodePage(
        system=slug,
        system_name=system.name,
        system_uri=system.uri,
        code=row.code,
        normalized=row.normalized,
        level=row.level,
        status=status,
        billable=row.billable,
        effective_date=row.effective_date,
        end_date=row.end_date,
        release=_release(row.release),
        as_of=as_of,
        descriptors=_descriptors(row, system, visible),
        sections=sections,
        mpfs=mpfs,
        billing=billing,
        mue=mue,
        add_ons=add_ons,
        primaries=primaries,
        modifiers=modifiers,
        ncci_edits=ncci_edits,
        history=history,
        hierarchy=[_ref(a, slug, visible) for a in ancestors],
        parent=_ref(row.parent, slug, visible) if row.parent else None,
        children=children,
        notes=notes,
        crosswalks=crosswalks,
        index_terms=index_terms,
    )
