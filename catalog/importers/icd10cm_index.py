"""ICD-10-CM Alphabetic Index, External Cause Index, Table of Drugs and Chemicals and Table
of Neoplasms (FORMATS.md sections 2.4, 2.5): one ``TermRecord`` per (term, code).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from catalog.importers.base import ImportFormatError, open_binary


@dataclass(slots=True)
class TermRecord:
    position: int
    column: int
    column_title: str
    level: int
    title: str
    path: str
    code: str  # as printed, with dot, maybe ending in "-"
    manifestation: str
    see: str
    see_also: str


def _title(elem: Element | None) -> str:
    return " ".join("".join(elem.itertext()).split()) if elem is not None else ""


def _term_title(elem: Element | None) -> str:
    """A term title with its non-essential modifiers spaced: ``Accident (to) NEC``."""
    if elem is None:
        return ""
    parts = [elem.text or ""]
    for child in elem:
        parts += [" ", "".join(child.itertext()), " ", child.tail or ""]
    return " ".join("".join(parts).split())


def index_kind(root: Element) -> str:
    """index / eindex / drug / neoplasm, from the document's title and headings."""
    heads = [_title(h).lower() for h in root.iter("head")]
    if heads:
        return "neoplasm" if any("malignant" in h for h in heads) else "drug"
    title = _title(root.find("title")).lower()
    return "eindex" if "external" in title else "index"


def parse_index(path: str | os.PathLike) -> tuple[str, str, Iterator[TermRecord]]:
    """``(kind, version, terms)`` of an index or table XML file."""
    try:
        with open_binary(path) as handle:
            root = SafeET.parse(handle).getroot()
    except SafeET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ImportFormatError(path, line, "xml", f"not well-formed XML ({exc})") from None
    except (OSError, EOFError, DefusedXmlException) as exc:
        raise ImportFormatError(path, None, "file", f"cannot be read ({exc})") from None
    if root.tag != "ICD10CM.index":
        raise ImportFormatError(path, 1, "root", f"<{root.tag}> is not <ICD10CM.index>")
    kind = index_kind(root)
    version = _title(root.find("version"))
    columns = {
        int(h.get("col", "0")): _title(h) for h in root.iter("head") if h.get("col", "").isdigit()
    }

    def terms() -> Iterator[TermRecord]:
        position = 0

        def walk(elem: Element, level: int, trail: list[str]) -> Iterator[TermRecord]:
            nonlocal position
            title = _term_title(elem.find("title"))
            if not title:
                raise ImportFormatError(path, None, "title", f"a term under {trail} has no title")
            here = [*trail, title]
            position += 1
            base = {
                "position": position,
                "level": level,
                "title": title[:500],
                "path": " > ".join(here),
                "see": _title(elem.find("see"))[:500],
                "see_also": _title(elem.find("seeAlso"))[:500],
            }
            manif = _title(elem.find("manif"))
            links: list[tuple[int, str]] = []
            for code in elem.findall("code"):
                links.append((0, _title(code)))
            for tag in ("seecat", "subcat"):
                for code in elem.findall(tag):
                    links.append((0, _title(code)))
            for cell in elem.findall("cell"):
                value = _title(cell)
                if value and value != "--":
                    col = cell.get("col", "")
                    if not col.isdigit():
                        raise ImportFormatError(path, None, "cell@col", f"{here}: {col!r}")
                    links.append((int(col), value))
            seen_columns: set[int] = set()
            for column, code in links:
                if column in seen_columns:  # a second code in the same place: next column slot
                    column = max(seen_columns) + 100
                seen_columns.add(column)
                yield TermRecord(
                    column=column,
                    column_title=columns.get(column, "")[:100],
                    code=code[:16],
                    manifestation=manif[:16],
                    **base,
                )
            if not links:
                yield TermRecord(
                    column=0, column_title="", code="", manifestation=manif[:16], **base
                )
            for child in elem.findall("term"):
                yield from walk(child, level + 1, here)

        count = 0
        for letter in root.findall("letter"):
            for main in letter.findall("mainTerm"):
                for record in walk(main, 0, []):
                    count += 1
                    yield record
        if count == 0:
            raise ImportFormatError(path, None, "mainTerm", "no index terms")

    return kind, version, terms()
