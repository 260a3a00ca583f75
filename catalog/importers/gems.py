"""CMS General Equivalence Mappings, ICD-9-CM <-> ICD-10-CM (FORMATS.md section 6).

One mapping per line: source code, target code (``NoDx`` = no map), five flag digits
(approximate, no map, combination, scenario, choice list); codes without dots.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from catalog.importers.base import ImportFormatError, open_text

_LINE = re.compile(r"^(\S+)\s+(\S+)\s+([01][01][01][0-9][0-9])$")


@dataclass(slots=True)
class GemRecord:
    line: int
    source: str
    target: str  # "" when no map
    approximate: bool
    no_map: bool
    combination: bool
    scenario: int
    choice_list: int


def parse_gem(path: str | os.PathLike) -> Iterator[GemRecord]:
    count = 0
    with open_text(path, encoding="ascii") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line:
                continue
            match = _LINE.match(line)
            if not match:
                parts = line.split()
                field = "flags" if len(parts) == 3 else "record"
                raise ImportFormatError(
                    path, number, field, f"{line!r} is not 'source target flags(5 digits)'"
                )
            source, target, flags = match.groups()
            if not source.isalnum() or len(source) > 7:
                raise ImportFormatError(path, number, "source code", f"{source!r}")
            no_map = flags[1] == "1"
            if no_map != (target == "NoDx"):
                raise ImportFormatError(
                    path, number, "flags", f"no-map flag {flags[1]} does not match {target!r}"
                )
            count += 1
            yield GemRecord(
                number,
                source,
                "" if no_map else target,
                flags[0] == "1",
                no_map,
                flags[2] == "1",
                int(flags[3]),
                int(flags[4]),
            )
    if count == 0:
        raise ImportFormatError(path, None, "file", "no GEM rows")
