"""ICD-10-CM: the CDC tabular list XML and the CMS order file (FORMATS.md sections 2.1, 2.3).

``parse_order_file`` yields the order-file lines; ``parse_tabular`` walks the tabular XML
into codes (chapters, blocks, categories, subcategories, codes, and the 7th-character
codes the XML only describes) and their notes; ``build_release`` merges both, taking the
billable list and titles from the order file when one is given.
"""

from __future__ import annotations

import importlib.util
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET

from catalog.importers.base import ImportFormatError, dotted_icd10, open_binary, open_text

# A tabular note that withholds some 7th characters from some codes of a category, e.g. S06:
# "7th characters D and S do not apply to codes in category S06 with 6th character 7 - ...,
# or 8 - ...". The XML states it only in prose; the order file confirms the exclusion.
_SEVENTH_EXCLUSION = re.compile(
    r"7th characters? ((?:[A-Z](?:, | and | or )?)+) do(?:es)? not apply to codes in category "
    r"([A-Z][0-9][0-9A-Z]) with 6th character ((?:[0-9A-Z][^,]*,? ?(?:or )?)+)"
)

NOTE_KINDS = {
    "inclusionTerm": "inclusion_term",
    "includes": "includes",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional_code",
    "codeAlso": "code_also",
    "notes": "note",
    "sevenChrNote": "seventh_character_note",
}


@dataclass(slots=True)
class CodeRecord:
    code: str
    normalized: str
    level: str
    parent: str | None
    depth: int
    billable: bool
    short: str
    long: str
    sort_key: str


@dataclass(slots=True)
class NoteRecord:
    code: str  # normalized
    kind: str
    position: int
    text: str
    character: str = ""


@dataclass(slots=True)
class OrderLine:
    line: int
    order: int
    code: str
    billable: bool
    short: str
    long: str


@dataclass(slots=True)
class Tabular:
    version: str
    codes: list[CodeRecord] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)


def default_tabular_path() -> Path:
    """The FY2026 tabular XML bundled in the ``simple-icd-10-cm`` package (April 2026)."""
    # Located without importing the package: importing it parses the whole XML.
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        raise ImportFormatError("simple_icd_10_cm", None, "package", "not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    matches = sorted(folder.glob("*tabular*.xml"))
    if not matches:
        raise ImportFormatError(folder, None, "file", "no tabular XML in simple-icd-10-cm")
    return matches[-1]


def parse_order_file(path: str | os.PathLike) -> Iterator[OrderLine]:
    """Lines of an ICD-10-CM (or PCS) order file, validated field by field."""
    seen: set[str] = set()
    with open_text(path, encoding="ascii") as handle:
        number = 0
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            if len(line) < 78:
                raise ImportFormatError(
                    path, number, "record", f"line has {len(line)} characters, expected ≥ 78"
                )
            order, code, flag = line[0:5], line[6:13].strip(), line[14]
            if not order.isdigit():
                raise ImportFormatError(path, number, "order number", f"{order!r} is not a number")
            if not code or not code.isalnum():
                raise ImportFormatError(path, number, "code", f"{code!r} is not a code")
            if flag not in "01":
                raise ImportFormatError(path, number, "billable flag", f"{flag!r} is not 0 or 1")
            if code in seen:
                raise ImportFormatError(path, number, "code", f"{code} appears twice")
            seen.add(code)
            yield OrderLine(
                number, int(order), code, flag == "1", line[16:76].strip(), line[77:].strip()
            )
        if number == 0:
            raise ImportFormatError(path, None, "file", "the file is empty")


def _text(elem: ET.Element | None) -> str:
    return " ".join("".join(elem.itertext()).split()) if elem is not None else ""


def parse_tabular(path: str | os.PathLike) -> Tabular:
    """Codes and notes of the tabular list, in document order (parents before children)."""
    try:
        with open_binary(path) as handle:
            root = SafeET.parse(handle).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ImportFormatError(path, line, "xml", f"not well-formed XML ({exc})") from None
    except (OSError, EOFError) as exc:
        raise ImportFormatError(path, None, "file", f"cannot be read ({exc})") from None
    if root.tag != "ICD10CM.tabular":
        raise ImportFormatError(path, 1, "root", f"<{root.tag}> is not <ICD10CM.tabular>")
    tabular = Tabular(version=_text(root.find("version")))
    counter = 0

    def sort_key() -> str:
        nonlocal counter
        counter += 1
        return f"{counter:07d}"

    def add_notes(elem: ET.Element, owner: str) -> None:
        positions: dict[str, int] = {}
        for child in elem:
            kind = NOTE_KINDS.get(child.tag)
            if kind is None:
                continue
            for note in child.findall("note"):
                text = _text(note)
                if not text:
                    continue
                position = positions.get(kind, 0)
                positions[kind] = position + 1
                tabular.notes.append(NoteRecord(owner, kind, position, text))
        definition = elem.find("sevenChrDef")
        if definition is not None:
            for position, ext in enumerate(definition.findall("extension")):
                char = (ext.get("char") or "").strip()
                if len(char) != 1:
                    raise ImportFormatError(
                        path, None, "sevenChrDef/extension@char", f"{owner}: bad {char!r}"
                    )
                tabular.notes.append(
                    NoteRecord(owner, "seventh_character", position, _text(ext), char)
                )

    def seventh(elem: ET.Element) -> list[tuple[str, str]] | None:
        definition = elem.find("sevenChrDef")
        if definition is None:
            return None
        return [(e.get("char", ""), _text(e)) for e in definition.findall("extension")]

    exclusions: dict[str, dict[str, set[str]]] = {}
    for note in root.iter("note"):
        match = _SEVENTH_EXCLUSION.search(_text(note))
        if match:
            chars = set(re.findall(r"[A-Z]", match.group(1)))
            sixths = re.findall(r"(?:^|or |, )([0-9A-Z]) -", match.group(3))
            for sixth in sixths:
                exclusions.setdefault(match.group(2), {}).setdefault(sixth, set()).update(chars)

    def walk_diag(
        elem: ET.Element, parent: str, depth: int, rule: list[tuple[str, str]] | None
    ) -> None:
        name = _text(elem.find("name"))
        desc = _text(elem.find("desc"))
        if not name:
            raise ImportFormatError(path, None, "diag/name", f"a <diag> under {parent} has no name")
        normalized = name.replace(".", "").upper()
        rule = seventh(elem) or rule
        children = elem.findall("diag")
        level = "category" if len(normalized) == 3 else "subcategory"
        leaf = not children
        billable = leaf and rule is None
        record = CodeRecord(
            code=name,
            normalized=normalized,
            level="code" if billable else level,
            parent=parent,
            depth=depth,
            billable=billable,
            short="",
            long=desc,
            sort_key=sort_key(),
        )
        tabular.codes.append(record)
        add_notes(elem, normalized)
        for child in children:
            walk_diag(child, normalized, depth + 1, rule)
        if leaf and rule is not None:
            stem = normalized.ljust(6, "X")
            withheld = exclusions.get(normalized[:3], {}).get(stem[5], set())
            for char, meaning in rule:
                if char in withheld:
                    continue
                code = stem + char
                tabular.codes.append(
                    CodeRecord(
                        code=dotted_icd10(code),
                        normalized=code,
                        level="code",
                        parent=normalized,
                        depth=depth + 1,
                        billable=True,
                        short="",
                        long=f"{desc}, {meaning}",
                        sort_key=sort_key(),
                    )
                )

    chapters = root.findall("chapter")
    if not chapters:
        raise ImportFormatError(path, None, "chapter", "no <chapter> elements")
    for chapter in chapters:
        number = _text(chapter.find("name"))
        if not number:
            raise ImportFormatError(path, None, "chapter/name", "a chapter has no name")
        tabular.codes.append(
            CodeRecord(
                code=number,
                normalized=number,
                level="chapter",
                parent=None,
                depth=0,
                billable=False,
                short="",
                long=_text(chapter.find("desc")),
                sort_key=sort_key(),
            )
        )
        add_notes(chapter, number)
        for section in chapter.findall("section"):
            block = (section.get("id") or "").upper()
            if not block:
                raise ImportFormatError(path, None, "section@id", f"chapter {number}: no id")
            if "-" not in block:  # a one-category block (B10) must not collide with B10 itself
                block = f"{block}-{block}"
            tabular.codes.append(
                CodeRecord(
                    code=block,
                    normalized=block,
                    level="block",
                    parent=number,
                    depth=1,
                    billable=False,
                    short="",
                    long=_text(section.find("desc")),
                    sort_key=sort_key(),
                )
            )
            add_notes(section, block)
            for diag in section.findall("diag"):
                walk_diag(diag, block, 2, None)
    return tabular


def build_release(
    tabular_path: str | os.PathLike, order_path: str | os.PathLike | None = None
) -> Tabular:
    """The tabular codes, with billable flags and titles from the order file if given.

    With an order file, its lines are the authoritative code list: a derived code the order
    file lacks is dropped, an order-file code the XML lacks is added under its longest
    prefix present. Every code of the order file must fit the hierarchy.
    """
    tabular = parse_tabular(tabular_path)
    if order_path is None:
        return tabular
    order = {line.code: line for line in parse_order_file(order_path)}
    kept: list[CodeRecord] = []
    by_code: dict[str, CodeRecord] = {}
    for record in tabular.codes:
        if record.level in ("chapter", "block"):
            kept.append(record)
            by_code[record.normalized] = record
            continue
        line = order.get(record.normalized)
        if line is None:
            continue
        record.billable = line.billable
        record.short = line.short
        record.long = line.long
        if record.billable:
            record.level = "code"
        elif record.level == "code":
            record.level = "subcategory"
        kept.append(record)
        by_code[record.normalized] = record
    for code, line in order.items():
        if code in by_code:
            continue
        parent = next((code[:n] for n in range(len(code) - 1, 2, -1) if code[:n] in by_code), None)
        if parent is None:
            raise ImportFormatError(
                order_path, line.line, "code", f"{code} has no parent in the tabular list"
            )
        record = CodeRecord(
            code=dotted_icd10(code),
            normalized=code,
            level="code" if line.billable else "subcategory",
            parent=parent,
            depth=by_code[parent].depth + 1,
            billable=line.billable,
            short=line.short,
            long=line.long,
            sort_key=by_code[parent].sort_key + f".{line.order:05d}",
        )
        kept.append(record)
        by_code[code] = record
    kept_codes = set(by_code)
    tabular.codes = kept
    tabular.notes = [n for n in tabular.notes if n.code in kept_codes]
    return tabular
