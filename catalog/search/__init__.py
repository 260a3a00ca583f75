"""Ranked code search across every code system: the public entry point.

``search_codes`` validates the query, then asks the in-memory index (``engine``), built
from the catalog by ``loader`` and rebuilt lazily in each process when the catalog changed
(``catalog.services.catalog_changed`` moves the shared version).
"""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass

from codeapi.errors import DomainError
from codeapi.versioned_cache import VersionedCache

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 100


class SearchQueryInvalid(DomainError):
    problem_type = "invalid-search-query"
    title = "Invalid search query"
    graphql_code = "INVALID_SEARCH_QUERY"


@dataclass(frozen=True)
class SearchHit:
    code: str
    system: str
    display: str
    matched: str
    score: float


index_cache = VersionedCache("catalog-search", max_entries=1)
_build_lock = threading.Lock()


def search_index():
    """This process's index of the catalog, rebuilt when the catalog changed."""
    from catalog.search.engine import SearchIndex
    from catalog.search.loader import documents

    index = index_cache.get("index")
    if index is None:
        with _build_lock:
            index = index_cache.get("index")
            if index is None:
                index = SearchIndex(documents())
                index_cache.put("index", index)
    return index


def search_index_rebuild():
    """Build the index now (``build_search_index``); other processes rebuild lazily."""
    index_cache.invalidate()
    return search_index()


def _visible_systems(meter) -> dict[str, bool]:
    from catalog.models import CodeSystem
    from catalog.selectors import licensed_content_visible

    return {
        s.slug: licensed_content_visible(system=s, meter=meter) for s in CodeSystem.objects.all()
    }


def search_codes(
    *,
    q: str,
    system: str | None = None,
    billable: bool | None = None,
    as_of: datetime.date | None = None,
    limit: int = 10,
    autocomplete: bool = False,
    meter=None,
) -> list[SearchHit]:
    """Codes ranked for ``q`` (words, a phrase or a code in any form); summaries only.

    Where the caller may not see a licensed system's descriptors (CPT in attested mode
    without a licence), its hits carry the code only: no display, no matched text.
    """
    if q is None or not q.strip():
        raise SearchQueryInvalid("The query 'q' is empty: type a code or some words.")
    if len(q) > MAX_QUERY_LENGTH:
        raise SearchQueryInvalid(
            f"The query is {len(q)} characters long; at most {MAX_QUERY_LENGTH} are allowed."
        )
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise SearchQueryInvalid(f"'limit' must be between 1 and {MAX_LIMIT}.")
    visible = _visible_systems(meter)
    if system is not None and system not in visible:
        known = ", ".join(sorted(visible))
        raise SearchQueryInvalid(f"There is no code system {system!r}. Known systems: {known}.")
    hits = search_index().search(
        q, system=system, billable=billable, as_of=as_of, limit=limit, autocomplete=autocomplete
    )
    out = []
    for h in hits:
        shown = visible.get(h.system, True)
        out.append(
            SearchHit(
                code=h.code,
                system=h.system,
                display=h.display if shown else "",
                matched=h.matched if shown else h.code,
                score=h.score,
            )
        )
    return out
