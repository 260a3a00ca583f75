"""Code search: latency and recall of the ranker against a plain SQLite FTS5 bm25 baseline.

    DATABASE_URL=sqlite:////path/catalog.sqlite3 .venv/bin/python bench/search.py

Needs a database with the full catalog imported (ICD-10-CM with the index and tables,
HCPCS; see ``import_icd10cm``, ``import_icd10cm_index``, ``import_hcpcs``). Measures, in this
process: the time to read the documents and build the index; p50 / p95 latency over the
mixed query set; recall@1 / recall@10 per query set in ``bench/data/search_*.jsonl`` (written
before tuning): ``lay`` hand-written lay and clinical phrasings (also reported for the subset
whose words are not in the gold code's title), ``typo`` titles with one typo, ``dropped``
titles with dropped words in shuffled order, ``codes`` codes in every format. The baseline is
an in-memory SQLite FTS5 table over code, normalized code and titles, ranked by bm25, with
the query's words OR-ed. Goals: p95 <= 10 ms, recall@10 >= 0.85 on lay queries whose words
are not in the title, recall@1 = 1.0 for codes, recall@1 >= 0.85 on titles with one typo.
"""

from __future__ import annotations

import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import setup_django

DATA = Path(__file__).resolve().parent / "data"
SETS = ["lay", "typo", "dropped", "codes"]


def norm(code: str) -> str:
    return code.upper().replace(".", "").strip()


class Fts5Baseline:
    def __init__(self, docs):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE t USING fts5(code, norm, system UNINDEXED, title, "
            "tokenize='unicode61')"
        )
        self.db.executemany(
            "INSERT INTO t VALUES (?, ?, ?, ?)",
            (
                (d.code, norm(d.code), d.system, " ".join(d.titles))
                for d in docs
                if not d.retired and d.end_date is None
            ),
        )

    def search(self, q: str, system: str | None, limit: int = 10) -> list[str]:
        words = re.findall(r"[A-Za-z0-9.]+", q)
        terms = [f'"{w}"' for w in words] + [f'"{norm(w)}"' for w in words if "." in w]
        if not terms:
            return []
        sql = "SELECT code FROM t WHERE t MATCH ?"
        args: list = [" OR ".join(terms)]
        if system:
            sql += " AND system = ?"
            args.append(system)
        sql += " ORDER BY bm25(t) LIMIT ?"
        args.append(limit)
        return [r[0] for r in self.db.execute(sql, args)]


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"search_{name}.jsonl").read_text().splitlines()]


def pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def main() -> None:
    setup_django()
    from catalog.search.engine import SearchIndex, words
    from catalog.search.loader import documents

    t0 = time.perf_counter()
    docs = list(documents())
    t1 = time.perf_counter()
    index = SearchIndex(docs)
    t2 = time.perf_counter()
    baseline = Fts5Baseline(docs)
    t3 = time.perf_counter()
    print(f"catalog: {len(docs)} codes, {len(index.field_doc)} titles and synonyms")
    print(
        f"build: read documents {t1 - t0:.2f} s, ranker index {t2 - t1:.2f} s, "
        f"FTS5 baseline {t3 - t2:.2f} s"
    )
    titles = {(d.system, norm(d.code)): " ".join(d.titles).lower() for d in docs}

    def engine(q, system):
        return [h.code for h in index.search(q, system=system, limit=10)]

    def fts(q, system):
        return baseline.search(q, system, 10)

    systems = {"engine": engine, "fts5": fts}
    latencies: dict[str, list[float]] = {k: [] for k in systems}
    rows = []
    for name in SETS:
        queries = load(name)
        subsets = {name: queries}
        if name == "lay":
            subsets["lay, words not in title"] = [
                r
                for r in queries
                if not any(
                    set(words(r["q"])) <= set(words(titles.get((r["system"], norm(g)), "")))
                    for g in r["gold"]
                )
            ]
        results: dict[str, list[tuple[bool, bool]]] = {k: [] for k in systems}
        per_query: dict[str, dict[str, tuple[bool, bool]]] = {k: {} for k in systems}
        for r in queries:
            gold = {norm(g) for g in r["gold"]}
            for key, fn in systems.items():
                start = time.perf_counter_ns()
                got = fn(r["q"], r.get("system"))
                latencies[key].append((time.perf_counter_ns() - start) / 1e6)
                got = [norm(c) for c in got]
                res = (bool(got[:1]) and got[0] in gold, bool(gold & set(got[:10])))
                results[key].append(res)
                per_query[key][r["q"]] = res
        for label, subset in subsets.items():
            line = [label, len(subset)]
            for key in systems:
                res = [per_query[key][r["q"]] for r in subset]
                line += [sum(a for a, _ in res) / len(res), sum(b for _, b in res) / len(res)]
            rows.append(line)
    print()
    print(f"{'query set':28} {'n':>4}  {'engine r@1':>10} {'r@10':>6}  {'fts5 r@1':>8} {'r@10':>6}")
    for label, n, e1, e10, f1, f10 in rows:
        print(f"{label:28} {n:>4}  {e1:>10.3f} {e10:>6.3f}  {f1:>8.3f} {f10:>6.3f}")
    print()
    print(f"latency over {len(latencies['engine'])} mixed queries (ms, in-process):")
    for key, lat in latencies.items():
        print(
            f"  {key:7} p50 {statistics.median(lat):6.2f}  p95 {pct(lat, 95):6.2f}  "
            f"max {max(lat):6.2f}"
        )
    ratio = statistics.median(latencies["engine"]) / statistics.median(latencies["fts5"])
    print(f"  engine / fts5 median latency ratio: {ratio:.2f}")
    if "-v" in sys.argv:
        for name in SETS:
            for r in load(name):
                got = [h.code for h in index.search(r["q"], system=r.get("system"), limit=10)]
                if not {norm(g) for g in r["gold"]} & {norm(c) for c in got[:10]}:
                    print("MISS", name, repr(r["q"]), r["gold"], got[:5])


if __name__ == "__main__":
    main()
