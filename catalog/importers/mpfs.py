"""Medicare Physician Fee Schedule national RVU file (PPRRVUyyyy), CSV or fixed-width TXT.

Layout: FORMATS.md section 5 / ``RVUyyX.pdf``. ``parse_rvu`` yields one ``RvuRecord`` per
(HCPCS, modifier) row, with numbers as ``Decimal`` and indicators as printed.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from catalog.importers.base import ImportFormatError, open_text

COLUMNS = [
    "HCPCS",
    "MOD",
    "DESCRIPTION",
    "STATUS CODE",
    "NOT USED FOR MEDICARE PAYMENT",
    "WORK RVU",
    "NON-FAC PE RVU",
    "NON-FAC NA INDICATOR",
    "FACILITY PE RVU",
    "FACILITY NA INDICATOR",
    "MP RVU",
    "NON-FACILITY TOTAL",
    "FACILITY TOTAL",
    "PCTC IND",
    "GLOB DAYS",
    "PRE OP",
    "INTRA OP",
    "POST OP",
    "MULT PROC",
    "BILAT SURG",
    "ASST SURG",
    "CO-SURG",
    "TEAM SURG",
    "ENDO BASE",
    "CONV FACTOR",
    "PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES",
    "CALCULATION FLAG",
    "DIAGNOSTIC IMAGING FAMILY INDICATOR",
    "NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT",
    "FACILITY PE USED FOR OPPS PAYMENT AMOUNT",
    "MP USED FOR OPPS PAYMENT AMOUNT",
]
# 1-based inclusive positions of the fixed-width TXT (FORMATS.md 5.2), same order as COLUMNS.
POSITIONS = [
    (1, 5), (6, 7), (8, 57), (58, 58), (59, 59), (60, 65), (67, 72), (73, 74), (76, 81),
    (82, 83), (85, 89), (91, 96), (97, 102), (103, 103), (104, 106), (107, 109), (110, 112),
    (113, 115), (116, 116), (117, 117), (118, 118), (119, 119), (120, 120), (128, 132),
    (133, 140), (142, 143), (144, 144), (146, 147), (152, 157), (159, 164), (166, 171),
]  # fmt: skip
STATUS_CODES = set("ABCDEFGHIJMNPRTX")
_CODE = re.compile(r"^[A-Z0-9]{5}$")
_NUMERIC = {
    "WORK RVU": "work_rvu",
    "NON-FAC PE RVU": "non_facility_pe_rvu",
    "FACILITY PE RVU": "facility_pe_rvu",
    "MP RVU": "malpractice_rvu",
    "NON-FACILITY TOTAL": "non_facility_total_rvu",
    "FACILITY TOTAL": "facility_total_rvu",
    "PRE OP": "pre_op",
    "INTRA OP": "intra_op",
    "POST OP": "post_op",
    "CONV FACTOR": "conversion_factor",
}
_INDICATORS = {
    "PCTC IND": ("pctc_indicator", set("0123456789")),
    "MULT PROC": ("multiple_procedure", set("0123456789")),
    "BILAT SURG": ("bilateral_surgery", set("01239")),
    "ASST SURG": ("assistant_surgery", set("0129")),
    "CO-SURG": ("co_surgeons", set("0129")),
    "TEAM SURG": ("team_surgery", set("0129")),
}


@dataclass(slots=True)
class RvuRecord:
    line: int
    code: str
    modifier: str
    description: str
    values: dict  # FeeSchedule field name -> value


def _record(path, number: int, cells: list[str]) -> RvuRecord:
    row = dict(zip(COLUMNS, (c.strip() for c in cells), strict=True))
    code = row["HCPCS"]
    if not _CODE.match(code):
        raise ImportFormatError(path, number, "HCPCS", f"{code!r} is not a 5-character code")
    status = row["STATUS CODE"]
    if status not in STATUS_CODES:
        raise ImportFormatError(path, number, "STATUS CODE", f"{status!r} is not a status code")
    values: dict = {
        "status_code": status,
        "not_used_for_medicare": bool(row["NOT USED FOR MEDICARE PAYMENT"]),
        "global_days": row["GLOB DAYS"],
        "endoscopic_base_code": row["ENDO BASE"],
        "physician_supervision": row["PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES"],
        "diagnostic_imaging_family": row["DIAGNOSTIC IMAGING FAMILY INDICATOR"],
        "calculation_flag": row["CALCULATION FLAG"],
        "non_facility_na": row["NON-FAC NA INDICATOR"] == "NA",
        "facility_na": row["FACILITY NA INDICATOR"] == "NA",
    }
    for column, (name, allowed) in _INDICATORS.items():
        value = row[column]
        if value and value not in allowed:
            raise ImportFormatError(path, number, column, f"{value!r} is not a valid indicator")
        values[name] = value
    for column, name in _NUMERIC.items():
        value = row[column]
        if not value:
            values[name] = None
            continue
        try:
            values[name] = Decimal(value)
        except InvalidOperation:
            raise ImportFormatError(path, number, column, f"{value!r} is not a number") from None
    return RvuRecord(number, code, row["MOD"], row["DESCRIPTION"], values)


def parse_rvu(path: str | os.PathLike) -> Iterator[RvuRecord]:
    """Rows of a PPRRVU CSV (banner, then the ``HCPCS,MOD,...`` header) or TXT file."""
    path = Path(path)
    count = 0
    with open_text(path, encoding="latin-1") as handle:
        if path.name.lower().removesuffix(".gz").endswith(".csv"):
            reader = csv.reader(handle)
            header_seen = False
            for row in reader:
                number = reader.line_num
                if not header_seen:
                    header_seen = bool(row) and row[0].strip().upper() == "HCPCS"
                    continue
                if not any(c.strip() for c in row):
                    continue
                if len(row) != len(COLUMNS):
                    raise ImportFormatError(
                        path, number, "record", f"{len(row)} columns, expected {len(COLUMNS)}"
                    )
                count += 1
                yield _record(path, number, row)
            if not header_seen:
                raise ImportFormatError(path, None, "header", "no 'HCPCS,MOD,...' header row")
        else:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\r\n")
                if not line.strip() or line.startswith("HDR"):
                    continue
                if len(line) < 171:
                    raise ImportFormatError(
                        path, number, "record", f"{len(line)} characters, expected 171"
                    )
                count += 1
                yield _record(path, number, [line[a - 1 : b] for a, b in POSITIONS])
    if count == 0:
        raise ImportFormatError(path, None, "file", "no RVU records")
