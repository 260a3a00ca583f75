"""The base of the ``import_*`` management commands: options, errors and the summary."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from catalog.importers.base import ImportFormatError


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a YYYY-MM-DD date") from None


class ImportCommand(BaseCommand):
    """Runs ``run(options)`` and prints its ``Summary``; a bad file exits non-zero."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--release-version", help="Release name to record (default: taken from the file)."
        )
        parser.add_argument(
            "--effective-date", type=_date, help="Date the release took effect (YYYY-MM-DD)."
        )

    def run(self, options):  # pragma: no cover - abstract
        raise NotImplementedError

    def handle(self, *args, **options):
        try:
            summary = self.run(options)
        except ImportFormatError as exc:
            raise CommandError(f"Import failed, nothing was changed: {exc}") from exc
        if summary is not None:
            for line in summary.lines():
                self.stdout.write(line)
