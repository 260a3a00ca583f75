"""``manage.py import_mpfs PPRRVU2025_Oct.csv`` (or the ``.txt``)."""

from __future__ import annotations

from catalog.importers.writers import mpfs_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import the Medicare Physician Fee Schedule national RVU file (CSV or TXT): "
        "indicators, RVUs, conversion factor, and the modifiers the indicators imply."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("path", help="PPRRVUyyyy_Mmm.csv or .txt")
        parser.add_argument("--year", type=int, help="Fee schedule year (default: from name).")

    def run(self, options):
        return mpfs_import(
            path=options["path"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            year=options["year"],
            stdout=self.stdout._out,
        )
