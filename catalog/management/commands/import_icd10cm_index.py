"""``manage.py import_icd10cm_index icd10cm_index_2017.xml.gz eindex.xml drug.xml ...``."""

from __future__ import annotations

from catalog.importers.writers import icd10cm_index_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import the ICD-10-CM Alphabetic Index, External Cause Index, Table of Drugs and "
        "Chemicals and/or Table of Neoplasms (XML): terms become synonyms linked to codes."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("paths", nargs="+", help="Index or table XML files (.xml[.gz]).")

    def run(self, options):
        for path in options["paths"]:
            summary = icd10cm_index_import(
                path=path,
                version=options["release_version"],
                effective_date=options["effective_date"],
                stdout=self.stdout._out,
            )
            for line in summary.lines():
                self.stdout.write(line)
        return None
