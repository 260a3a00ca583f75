"""Read bench/data/phi_clinical_holdout.txt (PHI marked ``[[TYPE:text]]``) as records."""

from __future__ import annotations

import re
from pathlib import Path

MARK = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]")


def load(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos : m.start()]
            spans.append(
                {"start": len(text), "end": len(text) + len(m.group(2)), "type": m.group(1)}
            )
            text += m.group(2)
            pos = m.end()
        text += line[pos:]
        records.append({"id": f"holdout-{number:03d}", "text": text, "phi": spans})
    return records
