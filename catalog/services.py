"""Writes to the catalog. Importers, fixtures and the admin call these."""

from __future__ import annotations

import datetime

from catalog.models import CodeSystem, Release


def release_ensure(
    *,
    source: str,
    version: str,
    effective_date: datetime.date,
    system: CodeSystem | None = None,
    title: str = "",
    checksum: str = "",
) -> tuple[Release, bool]:
    """The release ``(source, version)``, created if new; returns ``(release, created)``."""
    return Release.objects.get_or_create(
        source=source,
        version=version,
        defaults={
            "effective_date": effective_date,
            "system": system,
            "title": title,
            "checksum": checksum,
        },
    )


def normalized_code(code: str) -> str:
    return code.upper().replace(".", "")


def catalog_changed() -> None:
    """Tell every process that catalog data changed: now, and again once the current
    transaction commits (so no process keeps a page built from the data before it)."""
    from django.db import transaction

    from catalog.search import index_cache
    from catalog.selectors import page_cache

    for cache in (page_cache, index_cache):
        cache.invalidate()
        transaction.on_commit(cache.invalidate)
