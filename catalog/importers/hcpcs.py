"""HCPCS Level II: the CMS fixed-width file (320-character records) and processing notes.

Layout: FORMATS.md section 1 / ``HCPC20xx_recordlayout.txt``. Procedure codes are RIC 3
(continuations 4), modifiers RIC 7 (continuations 8); continuation lines only extend the
long description. ``parse_hcpcs`` yields one ``HcpcsRecord`` per code or modifier.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from catalog.importers.base import ImportFormatError, open_text, parse_yyyymmdd

RECORD_LENGTH = 320
ACTION_CODES = set("ABCDFNPRST")
COVERAGE_CODES = set("CDIMS")


@dataclass(slots=True)
class HcpcsRecord:
    line: int
    code: str
    is_modifier: bool
    long_description: str
    short_description: str
    pricing_indicators: list[str]
    multiple_pricing_indicator: str
    coverage_issues_manual: list[str]
    carriers_manual: list[str]
    statute: str
    lab_certifications: list[str]
    cross_references: list[str]
    coverage_code: str
    asc_group: str
    asc_group_effective_date: datetime.date | None
    opps_group: str
    opps_indicator: str
    opps_effective_date: datetime.date | None
    processing_note: str
    betos: str
    types_of_service: list[str]
    anesthesia_base_units: int | None
    added_date: datetime.date | None
    action_effective_date: datetime.date | None
    termination_date: datetime.date | None
    action_code: str
    continuation: list[str] = field(default_factory=list)


def _chunks(text: str, width: int) -> list[str]:
    return [text[i : i + width].strip() for i in range(0, len(text), width)]


def _nonblank(values: list[str]) -> list[str]:
    return [v for v in values if v]


def parse_hcpcs(path: str | os.PathLike) -> Iterator[HcpcsRecord]:
    """Records of the HCPCS file with continuation lines joined into the long description."""
    current: HcpcsRecord | None = None
    count = 0
    with open_text(path, encoding="ascii") as handle:
        try:
            lines = list(enumerate(handle, start=1))
        except UnicodeDecodeError as exc:
            raise ImportFormatError(path, None, "record", f"not ASCII ({exc})") from None
    for number, raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if len(line) != RECORD_LENGTH:
            raise ImportFormatError(
                path, number, "record", f"{len(line)} characters, expected {RECORD_LENGTH}"
            )
        code, ric = line[0:5].strip(), line[10]
        segment = line[11:91].rstrip()
        if ric in "48":
            if current is None or current.code != code:
                raise ImportFormatError(
                    path, number, "record id", f"continuation of {code} without its first line"
                )
            current.continuation.append(segment)
            continue
        if ric not in "37":
            raise ImportFormatError(path, number, "record id", f"{ric!r} is not 3, 4, 7 or 8")
        if current is not None:
            yield _finish(current)
            count += 1
        is_modifier = ric == "7"
        if is_modifier and not re.fullmatch(r"[A-Z0-9]{2}", code):
            raise ImportFormatError(path, number, "HCPCS code", f"{code!r} is not a modifier")
        if not is_modifier and not re.fullmatch(r"[A-Z][0-9]{4}", code):
            raise ImportFormatError(path, number, "HCPCS code", f"{code!r} is not a HCPCS code")
        action = line[292].strip()
        if action and action not in ACTION_CODES:
            raise ImportFormatError(path, number, "action code", f"{action!r} is unknown")
        coverage = line[229].strip()
        if coverage and coverage not in COVERAGE_CODES:
            raise ImportFormatError(path, number, "coverage code", f"{coverage!r} is unknown")
        units = line[265:268].strip()
        if units and not units.isdigit():
            raise ImportFormatError(path, number, "anesthesia base units", f"{units!r}")

        def date(
            start: int, end: int, name: str, number: int = number, line: str = line
        ) -> datetime.date | None:
            return parse_yyyymmdd(line[start - 1 : end], file=path, line=number, field=name)

        current = HcpcsRecord(
            line=number,
            code=code,
            is_modifier=is_modifier,
            long_description="",
            short_description=line[91:119].strip(),
            pricing_indicators=_nonblank(_chunks(line[119:127], 2)),
            multiple_pricing_indicator=line[127].strip(),
            coverage_issues_manual=_nonblank(_chunks(line[128:146], 6)),
            carriers_manual=_nonblank(_chunks(line[146:170], 8)),
            statute=line[170:180].strip(),
            lab_certifications=_nonblank(_chunks(line[180:204], 3)),
            cross_references=_nonblank(_chunks(line[204:229], 5)),
            coverage_code=coverage,
            asc_group=line[230:232].strip(),
            asc_group_effective_date=date(233, 240, "ASC group effective date"),
            opps_group=line[240:243].strip(),
            opps_indicator=line[243].strip(),
            opps_effective_date=date(245, 252, "MOG effective date"),
            processing_note=line[252:256].strip(),
            betos=line[256:259].strip(),
            types_of_service=[c for c in line[260:265] if c.strip()],
            anesthesia_base_units=int(units) if units else None,
            added_date=date(269, 276, "code added date"),
            action_effective_date=date(277, 284, "action effective date"),
            termination_date=date(285, 292, "termination date"),
            action_code=action,
            continuation=[segment],
        )
    if current is not None:
        yield _finish(current)
        count += 1
    if count == 0:
        raise ImportFormatError(path, None, "file", "no HCPCS records")


def _finish(record: HcpcsRecord) -> HcpcsRecord:
    record.long_description = " ".join(s.strip() for s in record.continuation if s.strip())
    record.continuation = []
    return record


_NOTE_START = re.compile(r"^\s*(\d{4})--(.*?)\s*\*?\s*$")


def parse_processing_notes(path: str | os.PathLike) -> dict[str, str]:
    """``proc_notes`` file: note number -> text (continuation lines joined)."""
    notes: dict[str, list[str]] = {}
    current: str | None = None
    with open_text(path, encoding="latin-1") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            match = _NOTE_START.match(line)
            if match:
                current = match.group(1)
                notes[current] = [match.group(2).strip()]
                continue
            text = line.rstrip().rstrip("*").strip()
            if current and text and not text.startswith("_"):
                notes[current].append(text)
            elif not text:
                current = None if current and not notes[current] else current
    return {number: " ".join(parts) for number, parts in notes.items()}
