"""``manage.py import_ncci_mue MCR_MUE_PractitionerServices_Eff_01-01-2026.csv``."""

from __future__ import annotations

from catalog.importers.writers import ncci_mue_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Import one NCCI MUE table (practitioner, outpatient hospital or DME supplier CSV)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("path", help="The MUE CSV.")
        parser.add_argument(
            "--add-missing-codes",
            action="store_true",
            help="Create (number only) codes the catalog lacks instead of failing.",
        )

    def run(self, options):
        return ncci_mue_import(
            path=options["path"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            add_missing_codes=options["add_missing_codes"],
            stdout=self.stdout._out,
        )
