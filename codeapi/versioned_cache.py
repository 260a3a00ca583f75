"""A small in-process cache whose entries expire when a version in the shared cache moves.

Catalog pages and plans change rarely (imports, admin edits) and are read on every
request. Each process keeps what it built; writers bump a version number in the shared
cache (Redis in production), which every process checks before using an entry. If the
shared cache is unreachable, nothing is cached (reads go to the database).
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from typing import Any

from django.core.cache import cache

logger = logging.getLogger(__name__)


class VersionedCache:
    def __init__(self, name: str, max_entries: int = 4096):
        self.version_key = f"codeapi:version:{name}"
        self.max_entries = max_entries
        self._entries: OrderedDict[Any, Any] = OrderedDict()
        self._version: int | None = None
        self._lock = threading.Lock()

    def _current_version(self) -> int | None:
        try:
            version = cache.get(self.version_key)
            if version is None:
                version = secrets.randbelow(2**31)
                if not cache.add(self.version_key, version, timeout=None):
                    version = cache.get(self.version_key)
            return version
        except Exception as exc:
            logger.warning("shared cache unavailable, not caching (%s)", exc)
            return None

    def get(self, key: Any) -> Any | None:
        version = self._current_version()
        if version is None:
            return None
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
                return None
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            if self._version is None:
                return
            self._entries[key] = value
            if len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def invalidate(self) -> None:
        """Every process drops its entries (call after any write to the source data)."""
        with self._lock:
            self._entries.clear()
            self._version = None
        try:
            cache.set(self.version_key, secrets.randbelow(2**31), timeout=None)
        except Exception as exc:
            logger.warning(
                "could not invalidate %s in the shared cache (%s)", self.version_key, exc
            )
