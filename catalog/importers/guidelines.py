"""Parse the ICD-10-CM Official Guidelines for Coding and Reporting (CMS/NCHS PDF).

The PDF's text (extracted with pypdf) is split at its numbered headings into passages:
``Section I.`` > ``C.`` > ``4.`` > ``a.`` > ``1)`` > ``(a)``. A line is taken as a heading
only when its label is the next one expected at its level (``b.`` after ``a.``) or the first
one of a new child level (``a.`` under ``4.``), so numbered lists inside the text rarely
open false sections. The table of contents (pages with dotted leaders) is skipped.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from catalog.importers.base import ImportFormatError

_PAGE_HEADER = re.compile(
    r"^\s*(ICD-10-CM Official Guidelines for Coding and Reporting|FY \d{4}|Page \d+ of \d+)\s*$"
)
_TOC_LINE = re.compile(r"\.{6,}\s*\d+\s*$")
_FY = re.compile(r"FY\s*(\d{4})")

# (level, regex); the label is group 1, the title group 2.
_HEADINGS = [
    (0, re.compile(r"^Section (I|II|III|IV)\.\s+(\S.*)$")),
    (1, re.compile(r"^([A-Z])\.\s+(\S.*)$")),
    (2, re.compile(r"^(\d{1,2})\.\s+(\S.*)$")),
    (3, re.compile(r"^([a-z])\.\s+(\S.*)$")),
    (4, re.compile(r"^\(?(\d{1,2})\)\s+(\S.*)$")),
    (5, re.compile(r"^\(?([a-z])\)\s+(\S.*)$")),
]
_FIRST = {0: "I", 1: "A", 2: "1", 3: "a", 4: "1", 5: "a"}
_ROMAN = ["I", "II", "III", "IV"]


@dataclass(frozen=True, slots=True)
class Passage:
    position: int
    ref: str
    level: int
    title: str
    path: str
    text: str
    page: int


def _next_label(level: int, label: str) -> str:
    if level == 0:
        i = _ROMAN.index(label)
        return _ROMAN[i + 1] if i + 1 < len(_ROMAN) else ""
    if label.isdigit():
        return str(int(label) + 1)
    return chr(ord(label) + 1)


def _clean(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    # words the PDF splits with a stray space before a hyphen ("ICD -10-CM")
    text = re.sub(r"(\w) -(\d)", r"\1-\2", text)
    return re.sub(r"\n{2,}", "\n", text).strip()


def _lines(pages: list[str]) -> Iterator[tuple[int, str]]:
    for number, page in enumerate(pages, start=1):
        body = [line for line in page.splitlines() if not _PAGE_HEADER.match(line)]
        if sum(1 for line in body if _TOC_LINE.search(line)) >= 5:
            continue  # a table-of-contents page
        for line in body:
            yield number, line.rstrip()


def parse_pages(pages: list[str]) -> list[Passage]:
    """Passages of the guidelines from the text of each page (page 1 first)."""
    passages: list[Passage] = []
    # stack of (level, label, title); the expected next label per open level
    stack: list[tuple[int, str, str]] = []
    current: dict | None = {
        "ref": "intro",
        "level": 0,
        "title": "Introduction",
        "path": "Introduction",
        "page": 1,
        "lines": [],
    }

    def close() -> None:
        if current is not None:
            text = _clean("\n".join(current["lines"]))
            passages.append(
                Passage(
                    position=len(passages),
                    ref=current["ref"],
                    level=current["level"],
                    title=current["title"][:300],
                    path=current["path"],
                    text=text,
                    page=current["page"],
                )
            )

    def accepts(level: int, label: str) -> bool:
        if level == 0:
            prev = next((s for s in reversed(stack) if s[0] == 0), None)
            return label == (_next_label(0, prev[1]) if prev else "I")
        if not stack:
            return False
        # a sibling of an open level: the next label there
        for lvl, lab, _ in reversed(stack):
            if lvl == level:
                return label == _next_label(level, lab)
            if lvl < level:
                break
        # a first child of the deepest open level
        return stack[-1][0] == level - 1 and label == _FIRST[level]

    for page, line in _lines(pages):
        stripped = line.strip()
        matched = None
        for level, pattern in _HEADINGS:
            m = pattern.match(stripped)
            if m and accepts(level, m.group(1)):
                matched = (level, m.group(1), m.group(2).strip())
                break
        if matched is None:
            if current is not None:
                current["lines"].append(stripped)
            continue
        level, label, title = matched
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, label, title))
        close()
        labels = [lab for _, lab, _ in stack]
        current = {
            "ref": ".".join(labels[:1] + labels[1:]),
            "level": level,
            "title": title,
            "path": " > ".join(
                (f"Section {lab}. {t}" if lvl == 0 else f"{lab}. {t}") for lvl, lab, t in stack
            ),
            "page": page,
            "lines": [],
        }
    close()
    return [p for p in passages if p.text or p.level < 3]


def parse_pdf(path: str | os.PathLike) -> tuple[str, datetime.date, list[Passage]]:
    """``(version, effective date, passages)`` of a guidelines PDF."""
    from pypdf import PdfReader

    path = Path(path)
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise ImportFormatError(path, None, "pdf", f"cannot read the PDF: {exc}") from exc
    if not pages or "Official Guidelines for Coding and Reporting" not in pages[0]:
        raise ImportFormatError(
            path, None, "title", "not the ICD-10-CM Official Guidelines for Coding and Reporting"
        )
    fy = _FY.search(pages[0])
    if not fy:
        raise ImportFormatError(path, None, "version", "no 'FY yyyy' on the first page")
    year = int(fy.group(1))
    passages = parse_pages(pages)
    if len(passages) < 20:
        raise ImportFormatError(path, None, "headings", f"only {len(passages)} sections found")
    return f"FY{year}", datetime.date(year - 1, 10, 1), passages
