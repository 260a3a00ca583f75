"""Shared pieces of the format parsers: the error type, file opening, dates, progress.

Plain Python: nothing here imports Django, so a parser can be driven from a script.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import io
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")


class ImportFormatError(Exception):
    """A file does not follow its official layout: names the file, line and field."""

    def __init__(self, file: str | os.PathLike, line: int | None, field: str, message: str):
        self.file = str(file)
        self.line = line
        self.field = field
        self.message = message
        where = f"{self.file}, line {line}" if line is not None else self.file
        super().__init__(f"{where}, field {field!r}: {message}")


def open_text(path: str | os.PathLike, encoding: str = "utf-8") -> IO[str]:
    """Open a text file, transparently decompressing ``.gz``; keeps line ends as they are."""
    path = Path(path)
    if not path.exists():
        raise ImportFormatError(path, None, "file", "no such file")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
    return open(path, encoding=encoding, newline="")


def open_binary(path: str | os.PathLike) -> IO[bytes]:
    path = Path(path)
    if not path.exists():
        raise ImportFormatError(path, None, "file", "no such file")
    if path.suffix == ".gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


def sha256_of(*paths: str | os.PathLike) -> str:
    """sha256 over the bytes of the given files, in order (compressed files as stored)."""
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def parse_yyyymmdd(
    value: str, *, file: str | os.PathLike, line: int | None, field: str
) -> datetime.date | None:
    """``20250101`` -> date; blank -> None; anything else is an ``ImportFormatError``."""
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) != 8 or not value.isdigit():
            raise ValueError
        return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise ImportFormatError(file, line, field, f"{value!r} is not a YYYYMMDD date") from None


def parse_julian(
    value: str, *, file: str | os.PathLike, line: int | None, field: str
) -> datetime.date | None:
    """NCCI Julian ``YYYYDDD`` (``2026091`` = 2026-04-01); blank or ``*`` -> None."""
    value = value.strip()
    if not value or value == "*":
        return None
    try:
        if len(value) != 7 or not value.isdigit():
            raise ValueError
        year, day = int(value[:4]), int(value[4:])
        start = datetime.date(year, 1, 1)
        result = start + datetime.timedelta(days=day - 1)
        if day < 1 or result.year != year:
            raise ValueError
        return result
    except ValueError:
        raise ImportFormatError(file, line, field, f"{value!r} is not a YYYYDDD date") from None


def parse_iso_or_us_date(
    value: str, *, file: str | os.PathLike, line: int | None, field: str
) -> datetime.date | None:
    """``YYYYMMDD``, ``YYYY-MM-DD`` or ``MM/DD/YYYY``; blank -> None."""
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y%m%d", "%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ImportFormatError(file, line, field, f"{value!r} is not a date")


def dotted_icd10(code: str) -> str:
    """``E119`` -> ``E11.9``; codes of three characters or fewer are unchanged."""
    code = code.strip().upper()
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


class Progress:
    """A one-line progress bar on a terminal; silent when the stream is not a TTY."""

    def __init__(self, label: str, total: int | None = None, stream: IO[str] | None = None):
        self.label = label
        self.total = total
        self.stream = stream or sys.stdout
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.count = 0
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        self.count += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1:
            return
        self._last = now
        self._draw()

    def _draw(self) -> None:
        if self.total:
            share = min(1.0, self.count / self.total)
            filled = int(share * 30)
            bar = "#" * filled + "-" * (30 - filled)
            text = f"\r{self.label:<24} [{bar}] {self.count:>7}/{self.total} "
        else:
            text = f"\r{self.label:<24} {self.count:>7} "
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        try:
            for item in items:
                self.advance()
                yield item
        finally:
            self.close()
