"""Small builders for catalog rows the tests need beyond the demo catalog."""

from __future__ import annotations

import datetime
import itertools

from catalog.models import Code, CodeSystem, Release

_seq = itertools.count(1)


def release(source: str = "test", version: str | None = None, **fields) -> Release:
    obj, _ = Release.objects.get_or_create(
        source=source,
        version=version or "v1",
        defaults={"effective_date": datetime.date(2020, 1, 1), **fields},
    )
    return obj


def code(system: str, value: str, *, rel: Release | None = None, **fields) -> Code:
    fields.setdefault("short_descriptor", f"TEST CODE {value}")
    return Code.objects.create(
        system=CodeSystem.objects.get(slug=system),
        code=value,
        normalized=value.upper().replace(".", ""),
        sort_key=value,
        release=rel or release(),
        **fields,
    )


def hcpcs_codes(count: int) -> list[Code]:
    """``count`` distinct HCPCS codes (A9001, A9002, ...)."""
    rel = release()
    return [code("hcpcs", f"A9{i:03d}", rel=rel) for i in range(1, count + 1)]
