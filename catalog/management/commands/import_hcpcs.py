"""``manage.py import_hcpcs HCPC2025_JAN_ANWEB.txt[.gz] [--notes proc_notes_JAN2025.txt]``."""

from __future__ import annotations

from catalog.importers.writers import hcpcs_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Import HCPCS Level II codes and modifiers from the CMS fixed-width file."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("path", help="The HCPCS file (HCPC20xx_MMM_ANWEB_*.txt[.gz]).")
        parser.add_argument("--notes", help="The processing notes file (proc_notes_*.txt).")

    def run(self, options):
        return hcpcs_import(
            path=options["path"],
            notes=options["notes"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            stdout=self.stdout._out,
        )
