"""The Django side of each importer: turn parsed records into catalog rows of one release.

Each ``<format>_import`` function parses its files first (so a bad file fails before any
write), then calls ``release_import`` which writes everything in one transaction.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import IO

from catalog.importers import icd10cm
from catalog.importers.base import sha256_of
from catalog.importers.loader import ReleaseContext, Summary, release_import
from catalog.models import CodeNote, CodeSystem


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
