"""``manage.py build_search_index``: rebuild the code search index now.

Imports rebuild it lazily (each process, on its next search after the catalog changed);
run this after an import to pay the build once, up front, and to see how long it takes.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from catalog.search import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the in-memory code search index from the catalog and report its size."

    def handle(self, *args, **options):
        start = time.perf_counter()
        index = search_index_rebuild()
        self.stdout.write(
            f"search index: {len(index.docs)} codes, {len(index.field_doc)} titles and "
            f"synonyms, {len(index.vocab)} words, built in {time.perf_counter() - start:.2f} s"
        )
