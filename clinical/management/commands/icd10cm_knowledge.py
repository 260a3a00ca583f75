"""Build (or check) the DetectICD10CM knowledge cache, so the first request does not pay it.

python manage.py icd10cm_knowledge [--rebuild]
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from clinical.icd10cm.knowledge import cache_dir, default_inputs, load_knowledge


class Command(BaseCommand):
    help = "Build the DetectICD10CM knowledge cache from the official ICD-10-CM files."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Ignore an existing cache file.")

    def handle(self, *args, rebuild: bool = False, **options):
        inputs = default_inputs()
        started = time.perf_counter()
        kb = load_knowledge(inputs, use_cache=True, rebuild=rebuild)
        took = time.perf_counter() - started
        self.stdout.write(
            f"{len(kb.valid):,} codes ({len(kb.billable):,} billable), {len(kb.terms):,} terms "
            f"from {', '.join(kb.sources)}; cache in {cache_dir()}; {took:.1f} s"
        )
