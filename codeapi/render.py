"""Plain data from the domain's frozen dataclasses, fast (no serializer machinery).

REST responses for code pages are built here; the OpenAPI schema describes the same
dataclasses through ``rest_framework_dataclasses``.
"""

from __future__ import annotations

import dataclasses
import datetime
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
