"""RedactPHI through REST: the assertions the recall tests share."""

from __future__ import annotations

import json

URL = "/api/v1/tools/redact-phi"


def entities(client, text: str) -> list[dict]:
    response = client.post(URL, data=json.dumps({"text": text}), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["entities"]


def covering(found: list[dict], text: str, fragment: str) -> list[dict]:
    start = text.index(fragment)
    end = start + len(fragment)
    return [e for e in found if e["start"] < end and start < e["end"]]


def assert_found(client, text: str, fragment: str, kind: str) -> None:
    found = entities(client, text)
    hits = covering(found, text, fragment)
    start = text.index(fragment)
    covered = sum(min(e["end"], start + len(fragment)) - max(e["start"], start) for e in hits)
    assert covered * 2 >= len(fragment), f"{fragment!r} not found in {text!r}: {found}"
    assert kind in {e["type"] for e in hits}, f"{fragment!r} in {text!r}: {found}"


def assert_kept(client, text: str, fragment: str) -> None:
    found = entities(client, text)
    assert not covering(found, text, fragment), f"{fragment!r} redacted in {text!r}: {found}"
