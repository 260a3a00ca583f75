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
from catalog.importers import gems, hcpcs, icd10cm, icd10cm_index, mpfs, ncci
from catalog.importers.base import ImportFormatError, sha256_of
from catalog.importers.loader import ReleaseContext, Summary, release_import
from catalog.models import (
    AddOnEdit,
    ApplicableModifier,
    BillingProfile,
    CodeNote,
    CodeStatus,
    CodeSystem,
    FeeSchedule,
    GemMapping,
    HistoryAction,
    IndexTerm,
    Mue,
    PtpEdit,
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
                hcpcs_system, [code_row(r) for r in records if not r.is_modifier]
            ),
            True: ctx.sync_codes(
                modifier_system,
                [code_row(r) for r in records if r.is_modifier],
                table="modifiers",
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


def _referenced_codes(
    ctx: ReleaseContext, wanted: dict[str, tuple[os.PathLike | str, int, str]], add_missing: bool
) -> dict[str, int]:
    """code -> id of CPT/HCPCS codes an edit file names; unknown codes are an error that
    names the first one's file, line and field (unless ``add_missing``)."""
    ids: dict[str, int] = {}
    for slug in ("cpt", "hcpcs"):
        system = CodeSystem.objects.get(slug=slug)
        ids.update(ctx.code_map(system))
    missing = sorted(c for c in wanted if c not in ids)
    if missing and not add_missing:
        path, line, field = wanted[missing[0]]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise ImportFormatError(
            path,
            line,
            field,
            f"unknown code {missing[0]}{more}: import the HCPCS and RVU files first, or pass "
            "--add-missing-codes",
        )
    if missing:
        created = _ensure_codes(ctx, set(missing))
        ids.update({c: pk for (_, c), pk in created.items()})
    return ids


_AOC_NAME = re.compile(r"AOC_V(\d{4})Q([1-4])", re.IGNORECASE)
_PTP_NAME = re.compile(r"v(\d{2})(\d)r(\d)", re.IGNORECASE)
_MUE_NAME = re.compile(r"Eff_(\d{2})-(\d{2})-(\d{4})", re.IGNORECASE)


def _release_of(
    path: Path, match: re.Match | None, version: str | None, date: datetime.date | None, make
) -> tuple[str, datetime.date]:
    if match:
        default_version, default_date = make(match)
        return version or default_version, date or default_date
    if version and date:
        return version, date
    raise ImportFormatError(
        path,
        None,
        "file name",
        "cannot tell the release: give --release-version and --effective-date",
    )


def ncci_aoc_import(
    *,
    path: str | os.PathLike,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    add_missing_codes: bool = False,
    stdout: IO[str] | None = None,
) -> Summary:
    """NCCI add-on code edits: add-on <-> primary pairs with edit type and dates."""
    path = Path(path)
    # A pair listed twice (an edit deleted, then added again) keeps its current row.
    by_pair: dict[tuple[str, str], ncci.AocRecord] = {}
    for r in ncci.parse_aoc(path):
        kept = by_pair.get((r.addon, r.primary))
        rank = (r.deleted is None, r.deleted or datetime.date.min, r.effective or datetime.date.min)
        if kept is None or rank > (
            kept.deleted is None,
            kept.deleted or datetime.date.min,
            kept.effective or datetime.date.min,
        ):
            by_pair[(r.addon, r.primary)] = r
    records = list(by_pair.values())
    version, effective = _release_of(
        path,
        _AOC_NAME.search(path.name),
        version,
        effective_date,
        lambda m: (
            f"{m.group(1)}Q{m.group(2)}",
            datetime.date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1),
        ),
    )

    def write(ctx: ReleaseContext) -> None:
        wanted: dict[str, tuple] = {}
        for r in records:
            wanted.setdefault(r.addon, (path, r.line, "Add-On_Code"))
            if r.primary != "CCCCC":
                wanted.setdefault(r.primary, (path, r.line, "Primary_Code"))
        ids = _referenced_codes(ctx, wanted, add_missing_codes)
        ctx.sync_facts(
            AddOnEdit,
            [
                {
                    "addon_id": ids[r.addon],
                    "primary_id": ids.get(r.primary) if r.primary != "CCCCC" else None,
                    "primary_code": r.primary,
                    "edit_type": r.edit_type,
                    "notes": r.notes[:300],
                    "effective_date": r.effective,
                    "end_date": r.deleted,
                }
                for r in records
            ],
            key=("addon_id", "primary_code"),
            table="add-on code edits",
            close_older=False,
        )

    return release_import(
        source="ncci-aoc",
        version=version,
        effective_date=effective,
        system=None,
        title=f"NCCI add-on code edits {version} ({path.name})",
        checksum=sha256_of(path),
        write=write,
        stdout=stdout,
    )


BYPASS_MODIFIERS = ("59", "XE", "XP", "XS", "XU")


def ncci_ptp_import(
    *,
    paths: list[str | os.PathLike],
    setting: str = "practitioner",
    version: str | None = None,
    effective_date: datetime.date | None = None,
    add_missing_codes: bool = False,
    stdout: IO[str] | None = None,
) -> Summary:
    """NCCI PTP edits (all parts of one release), and the bypass modifiers they allow.

    Where an active pair has modifier indicator 1, the column 2 code gets 59 and
    X{EPSU} as applicable modifiers, with the pair named in the reason.
    """
    paths = [Path(p) for p in paths]
    located = [(p, r) for p in paths for r in ncci.parse_ptp(p)]
    records = [r for _, r in located]
    version, effective = _release_of(
        paths[0],
        _PTP_NAME.search(paths[0].name),
        version,
        effective_date,
        lambda m: (
            f"v{m.group(1)}{m.group(2)}r{m.group(3)}",
            datetime.date(1994 + int(m.group(1)), 3 * int(m.group(2)) - 2, 1),
        ),
    )

    def write(ctx: ReleaseContext) -> None:
        wanted: dict[str, tuple] = {}
        for p, r in located:
            wanted.setdefault(r.column1, (p, r.line, "Column 1"))
            wanted.setdefault(r.column2, (p, r.line, "Column 2"))
        ids = _referenced_codes(ctx, wanted, add_missing_codes)
        ctx.sync_facts(
            PtpEdit,
            [
                {
                    "column1_id": ids[r.column1],
                    "column2_id": ids[r.column2],
                    "setting": setting,
                    "existed_before_1996": r.existed_before_1996,
                    "modifier_indicator": r.modifier_indicator,
                    "rationale": r.rationale[:200],
                    "effective_date": r.effective,
                    "end_date": r.deleted,
                }
                for r in records
            ],
            key=("column1_id", "column2_id", "setting"),
            table="PTP edits",
            scope={"setting": setting},
            close_older=False,
        )
        bypass: dict[str, list[str]] = {}
        for r in records:
            if r.modifier_indicator == "1" and (r.deleted is None or r.deleted >= effective):
                bypass.setdefault(r.column2, []).append(r.column1)
        modifier_ids = _ensure_modifiers(ctx, set(BYPASS_MODIFIERS))
        rows = []
        for code, column1 in bypass.items():
            shown = ", ".join(sorted(column1)[:5]) + (" ..." if len(column1) > 5 else "")
            reason = (
                f"NCCI {setting} PTP edit with column 1 {shown}: modifier indicator 1 — a "
                "modifier may bypass the edit when the services are distinct"
            )
            for position, modifier in enumerate(BYPASS_MODIFIERS, start=200):
                rows.append(
                    {
                        "code_id": ids[code],
                        "modifier_id": modifier_ids[modifier],
                        "position": position,
                        "reason": reason[:300],
                    }
                )
        ctx.sync_facts(
            ApplicableModifier, rows, key=("code_id", "modifier_id"), table="bypass modifiers"
        )

    return release_import(
        source=f"ncci-ptp-{setting}",
        version=version,
        effective_date=effective,
        system=None,
        title=f"NCCI {setting} PTP edits {version}",
        checksum=sha256_of(*paths),
        write=write,
        stdout=stdout,
    )


def ncci_mue_import(
    *,
    path: str | os.PathLike,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    add_missing_codes: bool = False,
    stdout: IO[str] | None = None,
) -> Summary:
    """One NCCI MUE table (practitioner, outpatient hospital or DME supplier)."""
    path = Path(path)
    kind, rows = ncci.parse_mue(path)
    records = list(rows)
    version, effective = _release_of(
        path,
        _MUE_NAME.search(path.name),
        version,
        effective_date,
        lambda m: (
            f"{m.group(3)}-{m.group(1)}-{m.group(2)}",
            datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2))),
        ),
    )

    def write(ctx: ReleaseContext) -> None:
        wanted = {r.code: (path, r.line, "HCPCS/CPT Code") for r in reversed(records)}
        ids = _referenced_codes(ctx, wanted, add_missing_codes)
        ctx.sync_facts(
            Mue,
            [
                {
                    "code_id": ids[r.code],
                    "service_type": kind,
                    "value": r.value,
                    "adjudication_indicator": r.adjudication_indicator,
                    "rationale": r.rationale[:200],
                }
                for r in records
            ],
            key=("code_id", "service_type"),
            table=f"MUE ({kind})",
            scope={"service_type": kind},
        )

    return release_import(
        source=f"ncci-mue-{kind}",
        version=version,
        effective_date=effective,
        system=None,
        title=f"NCCI {kind} MUE table {version} ({path.name})",
        checksum=sha256_of(path),
        write=write,
        stdout=stdout,
    )


def gems_import(
    *,
    forward: str | os.PathLike | None = None,
    backward: str | os.PathLike | None = None,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    stdout: IO[str] | None = None,
) -> Summary:
    """The GEMs (``2018_I9gem.txt`` forward, ``2018_I10gem.txt`` backward) as one release."""
    files = [(p, d) for p, d in ((forward, "icd9_to_icd10"), (backward, "icd10_to_icd9")) if p]
    if not files:
        raise ImportFormatError("(none)", None, "file", "give a forward and/or backward GEM")
    parsed = [(d, list(gems.parse_gem(p))) for p, d in files]
    match = re.search(r"(\d{4})_I", Path(files[0][0]).name)
    year = int(match.group(1)) if match else None
    version = version or (str(year) if year else None)
    effective = effective_date or (datetime.date(year - 1, 10, 1) if year else None)
    if not version or not effective:
        raise ImportFormatError(
            files[0][0], None, "file name", "give --release-version and --effective-date"
        )

    def write(ctx: ReleaseContext) -> None:
        rows = []
        for direction, records in parsed:
            forward_dir = direction == "icd9_to_icd10"
            for r in records:
                rows.append(
                    {
                        "direction": direction,
                        "icd9_code": r.source if forward_dir else r.target,
                        "icd10_code": r.target if forward_dir else r.source,
                        "approximate": r.approximate,
                        "no_map": r.no_map,
                        "combination": r.combination,
                        "scenario": r.scenario,
                        "choice_list": r.choice_list,
                    }
                )
        ctx.sync_facts(
            GemMapping,
            rows,
            key=("direction", "icd9_code", "icd10_code", "scenario"),
            table="GEM mappings",
        )

    return release_import(
        source="gems",
        version=version,
        effective_date=effective,
        system=None,
        title=f"ICD-9-CM <-> ICD-10-CM General Equivalence Mappings {version}",
        checksum=sha256_of(*[p for p, _ in files]),
        write=write,
        stdout=stdout,
    )


def icd10cm_index_import(
    *,
    path: str | os.PathLike,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    stdout: IO[str] | None = None,
) -> Summary:
    """One index or table XML: its terms become synonyms linked to ICD-10-CM codes.

    A term's code is linked when the catalog has it (trailing ``-`` = incomplete code,
    linked to the header); codes the catalog lacks (e.g. from an older index) keep their
    printed form only.
    """
    path = Path(path)
    kind, file_version, terms = icd10cm_index.parse_index(path)
    records = list(terms)
    year = int(file_version) if file_version.isdigit() else None
    version = version or file_version
    effective = effective_date or (datetime.date(year - 1, 10, 1) if year else None)
    if not version or not effective:
        raise ImportFormatError(path, None, "version", "give --release-version/--effective-date")
    system = CodeSystem.objects.get(slug="icd10cm")

    def write(ctx: ReleaseContext) -> None:
        ids = ctx.code_map(system)
        rows = []
        for r in records:
            normalized = r.code.rstrip("-").replace(".", "").upper()
            rows.append(
                {
                    "index": kind,
                    "position": r.position,
                    "column": r.column,
                    "column_title": r.column_title,
                    "level": r.level,
                    "title": r.title,
                    "path": r.path,
                    "code_text": r.code,
                    "code_id": ids.get(normalized) if normalized else None,
                    "manifestation": r.manifestation,
                    "see": r.see,
                    "see_also": r.see_also,
                }
            )
        ctx.sync_facts(
            IndexTerm, rows, key=("index", "position", "column"), table=f"index terms ({kind})"
        )

    return release_import(
        source=f"icd10cm-{kind}",
        version=version,
        effective_date=effective,
        system=system,
        title=f"ICD-10-CM {kind} {version} ({path.name})",
        checksum=sha256_of(path),
        write=write,
        stdout=stdout,
    )


def icd10cm_guidelines_import(
    *,
    path: str | os.PathLike,
    version: str | None = None,
    effective_date: datetime.date | None = None,
    stdout: IO[str] | None = None,
) -> Summary:
    """The ICD-10-CM Official Guidelines PDF: one passage per numbered section."""
    from catalog.importers import guidelines
    from catalog.models import GuidelinePassage

    file_version, file_effective, passages = guidelines.parse_pdf(path)
    version = version or file_version
    effective = effective_date or file_effective

    def write(ctx: ReleaseContext) -> None:
        rows = [
            {
                "document": "icd10cm-guidelines",
                "position": p.position,
                "ref": p.ref,
                "level": p.level,
                "title": p.title,
                "path": p.path,
                "text": p.text,
                "page": p.page,
            }
            for p in passages
        ]
        ctx.sync_facts(
            GuidelinePassage, rows, key=("document", "position"), table="guideline passages"
        )

    return release_import(
        source="icd10cm-guidelines",
        version=version,
        effective_date=effective,
        system=CodeSystem.objects.get(slug="icd10cm"),
        title=f"ICD-10-CM Official Guidelines for Coding and Reporting {version}",
        checksum=sha256_of(path),
        write=write,
        stdout=stdout,
    )
