"""Plain data from the domain's frozen dataclasses, fast (no serializer machinery).

REST responses for code pages are built here; the OpenAPI schema describes the same
dataclasses through ``rest_framework_dataclasses``.
"""

from __future__ import annotations

import dataclasses
import datetime
import threading
from functools import cache
from typing import Any


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_data(value: Any) -> Any:
    """Dataclasses -> dicts, lists -> lists, dates -> ISO strings; everything else as is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_data(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def to_json(value: Any) -> bytes:
    """The JSON bytes DRF's JSONRenderer would write for ``to_data(value)``."""
    from rest_framework.renderers import JSONRenderer

    return JSONRenderer().render(to_data(value))


class RenderMemo:
    """Remembers ``to_data`` of shared immutable objects (cached code pages), so a page
    built once is also rendered once. Holds the objects themselves, so an ``id`` is never
    reused while its entry lives; callers must not mutate what they get."""

    def __init__(self, render: Any = None, max_entries: int = 4096):
        self.render = render or to_data
        self.max_entries = max_entries
        self._entries: dict[int, tuple[Any, Any]] = {}
        self._lock = threading.Lock()

    def __call__(self, value: Any) -> Any:
        entry = self._entries.get(id(value))
        if entry is not None and entry[0] is value:
            return entry[1]
        data = self.render(value)
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()
            self._entries[id(value)] = (value, data)
        return data


render_page = RenderMemo()
render_page_json = RenderMemo(to_json)
