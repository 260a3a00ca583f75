"""``manage.py import_icd10cm [--tabular X.xml[.gz]] [--order order.txt[.gz]]``."""

from __future__ import annotations

from catalog.importers.writers import icd10cm_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = (
        "Import ICD-10-CM codes, hierarchy and notes from the CDC tabular XML (default: the "
        "FY2026 file bundled in simple-icd-10-cm) and, if given, the CMS order file."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--tabular", help="Tabular list XML (.xml or .xml.gz).")
        parser.add_argument("--order", help="Order file (icd10cm_order_YYYY.txt[.gz]).")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing if an ICD-10-CM release is already imported.",
        )

    def run(self, options):
        if options["if_missing"]:
            from catalog.models import Release

            if Release.objects.filter(source="icd10cm").exists():
                self.stdout.write("ICD-10-CM already imported; nothing to do.")
                return None
        return icd10cm_import(
            tabular=options["tabular"],
            order=options["order"],
            version=options["release_version"],
            effective_date=options["effective_date"],
            stdout=self.stdout._out,
        )
