"""``manage.py import_ncci_aoc AOC_V2026Q2-MCR.xlsx``."""

from __future__ import annotations

from catalog.importers.writers import ncci_aoc_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Import the NCCI add-on code edit workbook (add-on <-> primary pairs)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("path", help="AOC_VyyyyQn-MCR.xlsx")
        parser.add_argument(
            "--add-missing-codes",
            action="store_true",
            help="Create (number only) codes the catalog lacks instead of failing.",
        )

    def run(self, options):
        return ncci_aoc_import(
            path=options["path"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            add_missing_codes=options["add_missing_codes"],
            stdout=self.stdout._out,
        )
