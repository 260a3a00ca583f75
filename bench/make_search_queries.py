"""Write the generated search query sets (fixed seed) from an imported catalog database.

    DATABASE_URL=sqlite:////path/to/catalog.sqlite3 .venv/bin/python bench/make_search_queries.py

Writes ``bench/data/search_typo.jsonl`` (a billable title with one typo in one word),
``search_dropped.jsonl`` (a title with about a third of its words dropped, in shuffled order),
and ``search_codes.jsonl`` (codes printed, without dots, lower case, ...). The hand-written
lay and clinical phrasings are ``search_lay.jsonl``. These were written before tuning.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import setup_django

OUT = Path(__file__).resolve().parent / "data"
SEED = 20261128


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.choice("dist")
    letters = "abcdefghijklmnopqrstuvwxyz"
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "i":
        return word[:i] + rng.choice(letters) + word[i:]
    if op == "s":
        return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def main() -> None:
    setup_django()
    from catalog.models import Code

    rng = random.Random(SEED)
    rows = list(
        Code.objects.filter(system__slug__in=["icd10cm", "hcpcs"], billable=True, status="active")
        .order_by("system__slug", "normalized")
        .values_list("system__slug", "code", "short_descriptor", "long_descriptor")
    )
    sample = rng.sample(rows, 400)
    typos, dropped, codes = [], [], []
    for system, code, short, long in sample[:200]:
        title = long or short
        ws = title.split()
        cands = [i for i, w in enumerate(ws) if len(w) >= 5 and w.isalpha()]
        if not cands:
            continue
        i = rng.choice(cands)
        ws[i] = typo(ws[i], rng)
        typos.append({"q": " ".join(ws), "system": system, "gold": [code]})
    for system, code, short, long in sample[200:300]:
        ws = (long or short).split()
        if len(ws) < 4:
            continue
        keep = [w for w in ws if rng.random() > 0.33]
        rng.shuffle(keep)
        dropped.append({"q": " ".join(keep), "system": system, "gold": [code]})
    forms = [
        lambda c: c,
        lambda c: c.replace(".", ""),
        lambda c: c.lower(),
        lambda c: c.lower().replace(".", ""),
        lambda c: " " + c + " ",
    ]
    for n, (_system, code, _s, _l) in enumerate(sample[300:400]):
        codes.append({"q": forms[n % len(forms)](code), "gold": [code]})
    codes.append({"q": "97550", "gold": ["97550"]})
    for name, rows_ in [("typo", typos), ("dropped", dropped), ("codes", codes)]:
        path = OUT / f"search_{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows_))
        print(f"{path}: {len(rows_)} queries")


if __name__ == "__main__":
    main()
