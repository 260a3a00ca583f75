"""``manage.py import_ncci_ptp ccipra-v321r0-f1.txt [... -f4.txt] --setting practitioner``."""

from __future__ import annotations

from catalog.importers.writers import ncci_ptp_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Import NCCI procedure-to-procedure edits (tab-delimited TXT, all parts of a release)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("paths", nargs="+", help="The TXT parts of one release.")
        parser.add_argument(
            "--setting", choices=["practitioner", "hospital"], default="practitioner"
        )
        parser.add_argument(
            "--add-missing-codes",
            action="store_true",
            help="Create (number only) codes the catalog lacks instead of failing.",
        )

    def run(self, options):
        return ncci_ptp_import(
            paths=options["paths"],
            setting=options["setting"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            add_missing_codes=options["add_missing_codes"],
            stdout=self.stdout._out,
        )
