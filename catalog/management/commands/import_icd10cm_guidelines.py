"""``manage.py import_icd10cm_guidelines ICD-10-CM-October-2025-Guidelines.pdf``."""

from __future__ import annotations

from catalog.importers.writers import icd10cm_guidelines_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import the ICD-10-CM Official Guidelines for Coding and Reporting (CMS/NCHS PDF) as "
        "passages, one per numbered section, for the coding assistant to quote."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("pdf", help="The guidelines PDF.")

    def run(self, options):
        return icd10cm_guidelines_import(
            path=options["pdf"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            stdout=self.stdout._out,
        )
