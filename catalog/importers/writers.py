"""The Django side of each importer: turn parsed records into catalog rows of one release.

Each ``<format>_import`` function parses its files first (so a bad file fails before any
write), then calls ``release_import`` which writes everything in one transaction.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from typing import IO

from catalog import indicators
from catalog.importers import hcpcs, icd10cm, mpfs
from catalog.importers.base import ImportFormatError, sha256_of
from catalog.importers.loader import ReleaseContext, Summary, release_import
from catalog.models import (
    ApplicableModifier,
    BillingProfile,
    CodeNote,
    CodeStatus,
    CodeSystem,
    FeeSchedule,
    HistoryAction,
)


def icd10cm_import(
    *,
    tabular: str | os.PathLike | None = None,
    order: str | os.PathLike | None = None,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    stdout: IO[str] | None = None,
) -> Summary:
    """ICD-10-CM codes, hierarchy and notes from the tabular XML (+ order file if given).

    Default source: the FY2026 (April 1 2026 update) tabular XML bundled in
    ``simple-icd-10-cm``; its release is ``icd10cm 2026-04`` effective 2026-04-01.
    """
    tabular_path = Path(tabular) if tabular else icd10cm.default_tabular_path()
    data = icd10cm.build_release(tabular_path, order)
    fiscal_year = int(data.version) if data.version.isdigit() else None
    if "April" in tabular_path.name and fiscal_year:
        default_version, default_date = f"{fiscal_year}-04", datetime.date(fiscal_year, 4, 1)
    elif fiscal_year:
        default_version, default_date = f"{fiscal_year}", datetime.date(fiscal_year - 1, 10, 1)
    else:
        default_version, default_date = tabular_path.stem, datetime.date.today()
    system = CodeSystem.objects.get(slug="icd10cm")
    paths = [tabular_path, *([order] if order else [])]

    def write(ctx: ReleaseContext) -> None:
        ids = ctx.sync_codes(
            system,
            [
                {
                    "code": r.code,
                    "normalized": r.normalized,
                    "level": r.level,
                    "parent": r.parent,
                    "depth": r.depth,
                    "billable": r.billable,
                    "short_descriptor": r.short,
                    "long_descriptor": r.long,
                    "sort_key": r.sort_key,
                }
                for r in data.codes
            ],
        )
        ctx.sync_facts(
            CodeNote,
            [
                {
                    "code_id": ids[n.code],
                    "kind": n.kind,
                    "position": n.position,
                    "character": n.character,
                    "text": n.text,
                }
                for n in data.notes
            ],
            key=("code_id", "kind", "position"),
            table="icd10cm notes",
        )

    return release_import(
        source="icd10cm",
        version=version or default_version,
        effective_date=effective_date or default_date,
        system=system,
        title=f"ICD-10-CM tabular list {data.version} ({tabular_path.name})",
        checksum=sha256_of(*paths),
        write=write,
        stdout=stdout,
    )


_HCPCS_NAME = re.compile(r"HCPC(\d{4})_([A-Z]{3})")
_MONTHS = {"JAN": 1, "APR": 4, "JUL": 7, "OCT": 10}


def hcpcs_import(
    *,
    path: str | os.PathLike,
    notes: str | os.PathLike | None = None,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    stdout: IO[str] | None = None,
) -> Summary:
    """HCPCS Level II codes and modifiers with every field of the CMS record.

    History comes from the file's own dates and action codes: added (code added date),
    revised (action B/C/S at the action effective date), reinstated (R), retired
    (termination date). Version and date default from the file name (``HCPC2025_JAN_...``).
    """
    path = Path(path)
    records = list(hcpcs.parse_hcpcs(path))
    note_texts = hcpcs.parse_processing_notes(notes) if notes else {}
    match = _HCPCS_NAME.search(path.name.upper())
    if match and match.group(2) in _MONTHS:
        year, month = int(match.group(1)), _MONTHS[match.group(2)]
        default_version, default_date = (
            f"{year}-{match.group(2).lower()}",
            datetime.date(year, month, 1),
        )
    elif version is None or effective_date is None:
        raise ImportFormatError(
            path,
            None,
            "file name",
            "cannot tell the release: give --release-version and --effective-date",
        )
    else:
        default_version, default_date = version, effective_date
    version = version or default_version
    effective = effective_date or default_date
    hcpcs_system = CodeSystem.objects.get(slug="hcpcs")
    modifier_system = CodeSystem.objects.get(slug="modifier")

    def code_row(r: hcpcs.HcpcsRecord) -> dict:
        retired = r.termination_date is not None and r.termination_date < effective
        return {
            "code": r.code,
            "normalized": r.code,
            "level": "code",
            "billable": True,
            "short_descriptor": r.short_description,
            "long_descriptor": r.long_description,
            "sort_key": r.code,
            "status": CodeStatus.RETIRED if retired else CodeStatus.ACTIVE,
            "effective_date": r.added_date,
            "end_date": r.termination_date,
        }

    def note_list(number: str) -> list[str]:
        if not number:
            return []
        text = note_texts.get(number)
        return [f"{number}: {text}" if text else number]

    def write(ctx: ReleaseContext) -> None:
        ids = {
            False: ctx.sync_codes(
                hcpcs_system, [code_row(r) for r in records if not r.is_modifier], history=False
            ),
            True: ctx.sync_codes(
                modifier_system,
                [code_row(r) for r in records if r.is_modifier],
                table="modifiers",
                history=False,
            ),
        }
        ctx.sync_facts(
            BillingProfile,
            [
                {
                    "code_id": ids[r.is_modifier][r.code],
                    "betos": r.betos,
                    "type_of_service": ",".join(r.types_of_service),
                    "coverage_code": r.coverage_code,
                    "asc_group": r.asc_group,
                    "pricing_indicators": r.pricing_indicators,
                    "action_code": r.action_code,
                    "cross_references": r.cross_references,
                    "processing_notes": note_list(r.processing_note),
                    "multiple_pricing_indicator": r.multiple_pricing_indicator,
                    "coverage_issues_manual": r.coverage_issues_manual,
                    "carriers_manual": r.carriers_manual,
                    "statute": r.statute,
                    "lab_certifications": r.lab_certifications,
                    "asc_group_effective_date": r.asc_group_effective_date,
                    "opps_group": r.opps_group,
                    "opps_indicator": r.opps_indicator,
                    "opps_effective_date": r.opps_effective_date,
                    "anesthesia_base_units": r.anesthesia_base_units,
                    "added_date": r.added_date,
                    "action_effective_date": r.action_effective_date,
                    "termination_date": r.termination_date,
                }
                for r in records
            ],
            key=("code_id",),
            table="hcpcs records",
        )
        events = []
        for r in records:
            code_id = ids[r.is_modifier][r.code]
            if r.added_date:
                events.append((code_id, r.added_date, HistoryAction.ADDED, ""))
            if r.action_code in "BCS" and r.action_effective_date:
                what = {
                    "B": "Administrative data and long descriptor changed",
                    "C": "Long descriptor changed",
                    "S": "Short descriptor changed",
                }
                events.append(
                    (code_id, r.action_effective_date, HistoryAction.REVISED, what[r.action_code])
                )
            if r.action_code == "R" and r.action_effective_date:
                events.append((code_id, r.action_effective_date, HistoryAction.REINSTATED, ""))
            if r.termination_date:
                events.append((code_id, r.termination_date, HistoryAction.RETIRED, ""))
        ctx.add_history({"code_id": c, "date": d, "action": a, "notes": n} for c, d, a, n in events)

    paths = [path, *([notes] if notes else [])]
    return release_import(
        source="hcpcs",
        version=version,
        effective_date=effective,
        system=hcpcs_system,
        title=f"HCPCS Level II {version} ({path.name})",
        checksum=sha256_of(*paths),
        write=write,
        stdout=stdout,
    )


def _procedure_system(code: str) -> str:
    """CPT codes start with a digit (incl. Category II/III ``0001F``); HCPCS II a letter."""
    return "cpt" if code[0].isdigit() else "hcpcs"


def _ensure_codes(
    ctx: ReleaseContext, codes: set[str], descriptions: dict[str, str] | None = None
) -> dict[tuple[str, str], int]:
    """(system slug, code) -> id for referenced procedure codes, creating missing numbers.

    Only codes are created, never descriptors of CPT (AMA) or CDT (ADA, ``D`` codes)
    content; HCPCS Level II descriptions (public domain) are kept when given.
    """
    descriptions = descriptions or {}
    result: dict[tuple[str, str], int] = {}
    for slug in ("cpt", "hcpcs"):
        system = CodeSystem.objects.get(slug=slug)
        wanted = sorted(c for c in codes if _procedure_system(c) == slug)
        rows = [
            {
                "code": c,
                "normalized": c,
                "short_descriptor": descriptions.get(c, "")
                if slug == "hcpcs" and not c.startswith("D")
                else "",
            }
            for c in wanted
        ]
        ids = ctx.sync_codes(system, rows, create_only=True, table="referenced codes")
        result.update({(slug, c): ids[c] for c in wanted})
    return result


def _ensure_modifiers(ctx: ReleaseContext, modifiers: set[str]) -> dict[str, int]:
    system = CodeSystem.objects.get(slug="modifier")
    ids = ctx.sync_codes(
        system,
        [{"code": m, "normalized": m} for m in sorted(modifiers)],
        create_only=True,
        table="referenced modifiers",
    )
    return {m: ids[m] for m in modifiers}


def _derived_modifiers(values: dict) -> list[tuple[str, str]]:
    """Modifiers the RVU indicators make applicable to a code, each with the reason."""
    d = indicators.decode
    result: list[tuple[str, str]] = []

    def why(label: str, table: str) -> str:
        ind = d(table, values.get(table) or "")
        return f"MPFS {label} indicator {ind.code} — {ind.meaning}" if ind else ""

    if values.get("pctc_indicator") == "1":
        reason = why("PC/TC", "pctc_indicator")
        result += [("26", reason), ("TC", reason)]
    if values.get("bilateral_surgery") == "1":
        result.append(
            (
                "50",
                why("bilateral surgery", "bilateral_surgery"),
            )
        )
    if values.get("multiple_procedure") in ("2", "3"):
        result.append(
            (
                "51",
                why("multiple procedure", "multiple_procedure"),
            )
        )
    if values.get("co_surgeons") in ("1", "2"):
        result.append(("62", why("co-surgeons", "co_surgeons")))
    if values.get("team_surgery") in ("1", "2"):
        result.append(("66", why("team surgery", "team_surgery")))
    if values.get("assistant_surgery") == "2":
        reason = why("assistant at surgery", "assistant_surgery")
        result += [("80", reason), ("82", reason)]
    return result


_RVU_NAME = re.compile(r"PPRRVU(\d{4})_([A-Z]{3})", re.IGNORECASE)


def mpfs_import(
    *,
    path: str | os.PathLike,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    year: int | None = None,
    stdout: IO[str] | None = None,
) -> Summary:
    """RVUs and payment indicators per code and modifier, plus the modifiers they imply.

    Descriptions are stored only for HCPCS Level II codes that the catalog does not have
    yet; the CPT (AMA) and CDT (ADA) descriptors of the RVU file are never stored.
    """
    path = Path(path)
    records = list(mpfs.parse_rvu(path))
    match = _RVU_NAME.search(path.name)
    if match:
        file_year = int(match.group(1))
        month = _MONTHS.get(match.group(2).upper(), 1)
        default_version = f"{file_year}-{match.group(2).lower()}"
        default_date = datetime.date(file_year, month, 1)
    elif version and effective_date:
        file_year, default_version, default_date = effective_date.year, version, effective_date
    else:
        raise ImportFormatError(
            path,
            None,
            "file name",
            "cannot tell the release: give --release-version and --effective-date",
        )
    year = year or file_year

    def write(ctx: ReleaseContext) -> None:
        code_ids = _ensure_codes(
            ctx, {r.code for r in records}, {r.code: r.description for r in records}
        )
        derived = {
            (r.code, m): reason
            for r in records
            if r.modifier == ""
            for m, reason in _derived_modifiers(r.values)
        }
        modifier_ids = _ensure_modifiers(ctx, {m for _, m in derived})
        ctx.sync_facts(
            FeeSchedule,
            [
                {
                    "code_id": code_ids[(_procedure_system(r.code), r.code)],
                    "year": year,
                    "modifier": r.modifier,
                    **r.values,
                }
                for r in records
            ],
            key=("code_id", "year", "modifier"),
            table="fee schedule",
        )
        positions: dict[str, int] = {}
        rows = []
        for (code, modifier), reason in derived.items():
            positions[code] = positions.get(code, 100) + 1
            rows.append(
                {
                    "code_id": code_ids[(_procedure_system(code), code)],
                    "modifier_id": modifier_ids[modifier],
                    "position": positions[code],
                    "reason": reason[:300],
                }
            )
        ctx.sync_facts(
            ApplicableModifier, rows, key=("code_id", "modifier_id"), table="derived modifiers"
        )

    return release_import(
        source="mpfs",
        version=version or default_version,
        effective_date=effective_date or default_date,
        system=None,
        title=f"Medicare PFS national RVU file {year} ({path.name})",
        checksum=sha256_of(path),
        write=write,
        stdout=stdout,
    )
