"""NCCI edits: add-on code edits (AOC workbook), PTP edits (tab-delimited TXT), MUE tables
(CSV). Layouts: FORMATS.md section 4 and the CMS NCCI file readmes.
"""

from __future__ import annotations

import csv
import datetime
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from catalog.importers.base import (
    ImportFormatError,
    open_binary,
    open_text,
    parse_iso_or_us_date,
    parse_julian,
)

_CODE = re.compile(r"^[A-Z0-9]{5}$")
AOC_HEADER = [
    "AOC_Edit_Type",
    "Add-On_Code",
    "AOC_DelDT",
    "Primary_Code",
    "Primary_Code_DelDT",
    "AOC_Edit_EffDT",
    "AOC_Edit_DelDT",
    "Special_Instruction_Notes",
]


def _code(value: str, *, path, line: int, field: str, allow: tuple[str, ...] = ()) -> str:
    value = (value or "").strip().upper()
    if value in allow:
        return value
    if not _CODE.match(value):
        raise ImportFormatError(path, line, field, f"{value!r} is not a HCPCS/CPT code")
    return value


@dataclass(slots=True)
class AocRecord:
    line: int
    edit_type: int
    addon: str
    addon_deleted: datetime.date | None
    primary: str
    primary_deleted: datetime.date | None
    effective: datetime.date | None
    deleted: datetime.date | None
    notes: str


def parse_aoc(path: str | os.PathLike) -> Iterator[AocRecord]:
    """Rows of the AOC workbook (row 1 AMA notice, then the header, then data)."""
    import openpyxl

    try:
        with open_binary(path) as handle:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            rows = list(book.worksheets[0].iter_rows(values_only=True))
    except ImportFormatError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ImportFormatError(path, None, "workbook", f"not a readable .xlsx ({exc})") from None

    def cells(row) -> list[str]:
        return ["" if c is None else str(c).strip() for c in row]

    header_at = next(
        (i for i, row in enumerate(rows[:10]) if cells(row)[:2] == AOC_HEADER[:2]), None
    )
    if header_at is None:
        raise ImportFormatError(path, None, "header", f"no header row {AOC_HEADER}")
    header = cells(rows[header_at])[: len(AOC_HEADER)]
    if header != AOC_HEADER:
        raise ImportFormatError(path, header_at + 1, "header", f"{header} != {AOC_HEADER}")
    count = 0
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        values = cells(row) + [""] * len(AOC_HEADER)
        if not any(values):
            continue
        edit_type = values[0]
        if edit_type not in ("1", "2", "3"):
            raise ImportFormatError(path, index, "AOC_Edit_Type", f"{edit_type!r} is not 1/2/3")

        def julian(i: int, index: int = index, values: list[str] = values):
            return parse_julian(values[i], file=path, line=index, field=AOC_HEADER[i])

        count += 1
        yield AocRecord(
            line=index,
            edit_type=int(edit_type),
            addon=_code(values[1], path=path, line=index, field="Add-On_Code"),
            addon_deleted=julian(2),
            primary=_code(values[3], path=path, line=index, field="Primary_Code", allow=("CCCCC",)),
            primary_deleted=julian(4),
            effective=julian(5),
            deleted=julian(6),
            notes=values[7],
        )
    if count == 0:
        raise ImportFormatError(path, None, "file", "no add-on code edits")


@dataclass(slots=True)
class PtpRecord:
    line: int
    column1: str
    column2: str
    existed_before_1996: bool
    effective: datetime.date | None
    deleted: datetime.date | None
    modifier_indicator: str
    rationale: str


def parse_ptp(path: str | os.PathLike) -> Iterator[PtpRecord]:
    """Practitioner/hospital PTP edits: tab-delimited, title and header lines first.

    Columns: column 1, column 2, ``*`` if in existence before 1996, effective date,
    deletion date (``*`` = none), modifier indicator 0/1/9, PTP edit rationale.
    """
    count = 0
    with open_text(path, encoding="latin-1") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            fields = [f.strip() for f in line.split("\t")]
            if not _CODE.match(fields[0].upper()) or (len(fields) > 1 and not fields[1]):
                if count:  # a non-data line after the data began
                    raise ImportFormatError(
                        path, number, "Column 1", f"{fields[0]!r} is not a code"
                    )
                continue  # title / header lines
            if len(fields) < 6:
                raise ImportFormatError(
                    path, number, "record", f"{len(fields)} tab-separated fields, expected 7"
                )
            fields += [""] * (7 - len(fields))
            flag = fields[2]
            if flag not in ("", "*", "Y", "N", "1", "0"):
                raise ImportFormatError(path, number, "Prior to 1996 flag", f"{flag!r}")
            indicator = fields[5]
            if indicator not in ("0", "1", "9"):
                raise ImportFormatError(path, number, "Modifier indicator", f"{indicator!r}")
            deleted = None if fields[4] in ("", "*") else fields[4]
            count += 1
            yield PtpRecord(
                line=number,
                column1=_code(fields[0], path=path, line=number, field="Column 1"),
                column2=_code(fields[1], path=path, line=number, field="Column 2"),
                existed_before_1996=flag in ("*", "Y", "1"),
                effective=parse_iso_or_us_date(
                    fields[3], file=path, line=number, field="Effective Date"
                ),
                deleted=parse_iso_or_us_date(
                    deleted or "", file=path, line=number, field="Deletion Date"
                ),
                modifier_indicator=indicator,
                rationale=fields[6],
            )
    if count == 0:
        raise ImportFormatError(path, None, "file", "no PTP edits")


@dataclass(slots=True)
class MueRecord:
    line: int
    code: str
    value: int
    adjudication_indicator: str
    rationale: str


MUE_KINDS = {
    "practitioner": "practitioner",
    "outpatient hospital": "outpatient",
    "facility outpatient hospital": "outpatient",
    "dme supplier": "dme",
    "dme": "dme",
}


def parse_mue(path: str | os.PathLike) -> tuple[str, Iterator[MueRecord]]:
    """``(service type, records)`` of an MUE CSV: banner lines, then the header
    ``HCPCS/CPT Code, <kind> MUE Values, MUE Adjudication Indicator, MUE Rationale``."""
    with open_text(path, encoding="utf-8-sig") as handle:
        rows = list(enumerate(csv.reader(handle), start=1))
    header_at = next(
        (i for i, (_, row) in enumerate(rows) if row and row[0].strip() == "HCPCS/CPT Code"),
        None,
    )
    if header_at is None:
        raise ImportFormatError(path, None, "header", "no 'HCPCS/CPT Code' header row")
    number, header = rows[header_at]
    match = re.match(
        r"(.*?)\s*(services)?\s*MUE Values", header[1] if len(header) > 1 else "", re.I
    )
    kind = MUE_KINDS.get(match.group(1).strip().lower()) if match else None
    if kind is None or len(header) < 4:
        raise ImportFormatError(
            path, number, "header", f"expected '<kind> MUE Values' in column 2, got {header}"
        )

    def records() -> Iterator[MueRecord]:
        count = 0
        for line, row in rows[header_at + 1 :]:
            if not any(c.strip() for c in row):
                continue
            if len(row) < 4:
                raise ImportFormatError(path, line, "record", f"{len(row)} columns, expected 4")
            value = row[1].strip()
            if not value.isdigit():
                raise ImportFormatError(path, line, header[1], f"{value!r} is not a number")
            indicator = row[2].strip()[:1]
            if indicator not in ("1", "2", "3"):
                raise ImportFormatError(path, line, "MUE Adjudication Indicator", f"{row[2]!r}")
            count += 1
            yield MueRecord(
                line=line,
                code=_code(row[0], path=path, line=line, field="HCPCS/CPT Code"),
                value=int(value),
                adjudication_indicator=indicator,
                rationale=row[3].strip(),
            )
        if count == 0:
            raise ImportFormatError(path, None, "file", "no MUE rows")

    return kind, records()
