"""``manage.py import_gems 2018_I9gem.txt 2018_I10gem.txt``."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from catalog.importers.writers import gems_import
from catalog.management.importing import ImportCommand


class Command(ImportCommand):
    help = "Import the ICD-9-CM <-> ICD-10-CM General Equivalence Mappings (GEMs)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "paths", nargs="+", help="yyyy_I9gem.txt (forward) and/or yyyy_I10gem.txt (backward)"
        )

    def run(self, options):
        forward = backward = None
        for raw in options["paths"]:
            name = Path(raw).name.lower()
            if "i9gem" in name:
                forward = raw
            elif "i10gem" in name:
                backward = raw
            else:
                raise CommandError(f"{raw}: expected a *_I9gem.txt or *_I10gem.txt file")
        return gems_import(
            forward=forward,
            backward=backward,
            version=options["release_version"],
            effective_date=options["effective_date"],
            stdout=self.stdout._out,
        )
