"""Build (or check) the DetectICD10CM knowledge cache, so the first request does not pay it.

Builds what the API uses: the knowledge from the catalog when it holds an ICD-10-CM
release (after ``import_icd10cm`` / ``import_icd10cm_index``), else from the official files.

python manage.py icd10cm_knowledge [--rebuild]
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from clinical.icd10cm.catalog_loader import catalog_releases, knowledge_from_catalog
from clinical.icd10cm.knowledge import cache_dir, default_inputs, load_knowledge


class Command(BaseCommand):
    help = (
        "Build the DetectICD10CM knowledge cache from the catalog's ICD-10-CM releases, or "
        "from the official ICD-10-CM files when the catalog holds none."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Ignore an existing cache file.")

    def handle(self, *args, rebuild: bool = False, **options):
        started = time.perf_counter()
        if catalog_releases():
            kb = knowledge_from_catalog(rebuild=rebuild)
        else:
            kb = load_knowledge(default_inputs(), use_cache=True, rebuild=rebuild)
        took = time.perf_counter() - started
        self.stdout.write(
            f"{len(kb.valid):,} codes ({len(kb.billable):,} billable), {len(kb.terms):,} terms "
            f"from {', '.join(kb.sources)}; cache in {cache_dir()}; {took:.1f} s"
        )
