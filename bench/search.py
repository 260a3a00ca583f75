"""Code search: latency and recall of the ranker against a plain SQLite FTS5 bm25 baseline.

    .venv/bin/python bench/search.py [-v]      (-v: list the misses)

Runs on ``$DATABASE_URL`` or a SQLite file in the temp directory; imports the full catalog
there first when it has no ICD-10-CM (ICD-10-CM with the index and tables, HCPCS, from
../shared/data or $CODEAPI_SHARED_DIR; a few minutes, once). Measures, in this process: the
time to read the documents and build the index; p50 / p95 latency over the mixed query set;
recall@1 / recall@10 per query set in ``bench/data/search_*.jsonl`` (written before tuning):
``lay`` hand-written lay and clinical phrasings (also reported for the subset whose words
are not in the gold code's title), ``lay_holdout`` more of them written after the first
tuning (since tuned on too), ``lay2`` and ``lay3`` more lay, clinical-shorthand and case-
description phrasings across medicine (tuning sets: ``lay3`` was written after the first
round of the lay vocabulary, before its misses were seen; ``lay4`` written later still,
first run on the code of the second round, then tuned on too; ``lay5`` written last, its
misses never read and never tuned on: first run on the code of the third round; ``lay6``
162 phrasings across every ICD-10-CM chapter and HCPCS, written before the sixth round of
the vocabulary, then tuned on; ``lay7`` 154 more across every chapter and HCPCS, with
history-of, family-history, adverse-effect, injury-encounter and pregnancy phrasings, written
before the seventh (ranking) round; ``lay8`` 150 more patient, nurse and coder phrasings
(slang, misspellings, fx/lac/sprn shorthand with sides, quadrants, DME and supplies), written
before the eighth round),
``lay_holdout2`` 64 ICD-10-CM and HCPCS phrasings written by someone other than the tuner
before the third round and never shown to the tuner, ``lay_holdout3`` 93 more written by the
lead before the fourth (latency-only) round, likewise never shown, ``lay_holdout4`` 91 more
written by the lead during the eighth round, likewise never shown, ``typo``
titles with one typo, ``dropped`` titles with dropped words in shuffled order, ``codes``
codes in every format. The baseline is an in-memory SQLite FTS5 table over code, normalized
code and titles, ranked by bm25, with the query's words OR-ed; tantivy (bench extra) over
the same titles and synonyms, plain and with one edit per word. Goals: p95 <= 10 ms,
recall@10 >= 0.85 on lay queries whose words are not in the title, recall@1 = 1.0 for codes,
recall@1 >= 0.85 on titles with one typo.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.harness import setup_django  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SETS = [
    "lay",
    "lay_holdout",
    "lay2",
    "lay3",
    "lay4",
    "lay5",
    "lay6",
    "lay7",
    "lay8",
    "lay_holdout2",
    "lay_holdout3",
    "lay_holdout4",
    "typo",
    "dropped",
    "codes",
]
SHARED = Path(os.environ.get("CODEAPI_SHARED_DIR") or ROOT.parent / "shared") / "data"
DEFAULT_DB = Path(tempfile.gettempdir()) / "codeapi-bench-search.sqlite3"


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


class TantivyBaseline:
    """The same titles and synonyms in tantivy (official Python bindings), one document per
    code, English stemming, bm25; ``fuzzy`` also allows one edit per word."""

    def __init__(self, docs, fuzzy: bool = False):
        import tantivy

        self.tantivy = tantivy
        self.fuzzy = fuzzy
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("code", stored=True, tokenizer_name="raw")
        sb.add_text_field("norm", tokenizer_name="raw")
        sb.add_text_field("system", tokenizer_name="raw")
        sb.add_text_field("text", tokenizer_name="en_stem")
        self.schema = sb.build()
        self.index = tantivy.Index(self.schema)
        writer = self.index.writer(heap_size=200_000_000, num_threads=1)
        for d in docs:
            if d.retired or d.end_date is not None:
                continue
            texts = [*d.titles, *(t for t, _ in d.synonyms)]
            writer.add_document(
                tantivy.Document(code=d.code, norm=norm(d.code), system=d.system, text=texts)
            )
        writer.commit()
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, q: str, system: str | None, limit: int = 10) -> list[str]:
        t = self.tantivy
        ws = re.findall(r"[A-Za-z0-9]+", q.lower())
        if not ws:
            return []
        codes = {re.sub(r"[^A-Z0-9]", "", norm(w)) for w in q.split()} - {""}
        text = " ".join(ws) + "".join(f' norm:"{c}"' for c in codes)
        query = self.index.parse_query(
            text,
            ["text", "norm"],
            fuzzy_fields={"text": (False, 1, True)} if self.fuzzy else None,
        )
        if system:
            query = t.Query.boolean_query(
                [
                    (t.Occur.Must, query),
                    (t.Occur.Must, t.Query.term_query(self.schema, "system", system)),
                ]
            )
        hits = self.searcher.search(query, limit).hits
        return [self.searcher.doc(addr)["code"][0] for _score, addr in hits]


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"search_{name}.jsonl").read_text().splitlines()]


def pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def prepare() -> None:
    """Import the full catalog into the bench database unless it is there already."""
    from django.core.management import call_command

    from catalog.models import Release

    call_command("migrate", verbosity=0, interactive=False)
    if Release.objects.filter(source="icd10cm").exists():
        return
    icd = SHARED / "icd10cm"
    print("importing the catalog (once) ...", flush=True)
    call_command("load_demo_catalog", verbosity=0)
    call_command("import_icd10cm", "--order", str(icd / "fy2026/icd10cm_order_2026.txt.gz"))
    call_command(
        "import_icd10cm_index",
        str(icd / "fy2017-index/icd10cm_index_2017.xml.gz"),
        str(icd / "fy2025-index-tables/icd-10-cm-eindex-2025.xml"),
        str(icd / "fy2025-index-tables/icd-10-cm-drug-2025.xml"),
        str(icd / "fy2025-index-tables/icd-10-cm-neoplasm-2025.xml"),
    )
    hcpcs = SHARED / "hcpcs/2025-jan"
    call_command(
        "import_hcpcs",
        str(hcpcs / "HCPC2025_JAN_ANWEB_12172024.txt.gz"),
        "--notes",
        str(hcpcs / "proc_notes_JAN2025.txt"),
    )


def main() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT_DB}"
    setup_django()
    prepare()
    from catalog.search.engine import SearchIndex, words
    from catalog.search.loader import documents

    t0 = time.perf_counter()
    docs = list(documents())
    t1 = time.perf_counter()
    index = SearchIndex(docs)
    t2 = time.perf_counter()
    baseline = Fts5Baseline(docs)
    t3 = time.perf_counter()
    others = {"fts5": baseline}
    tantivy_build = ""
    try:
        others["tantivy"] = TantivyBaseline(docs)
        t4 = time.perf_counter()
        others["tantivy~1"] = TantivyBaseline(docs, fuzzy=True)
        tantivy_build = f", tantivy {t4 - t3:.2f} s"
    except ImportError:
        print("tantivy not installed: pip install -e '.[bench]' to compare with it")
    print(f"catalog: {len(docs)} codes, {len(index.field_doc)} titles and synonyms")
    print(
        f"build: read documents {t1 - t0:.2f} s, ranker index {t2 - t1:.2f} s, "
        f"FTS5 baseline {t3 - t2:.2f} s{tantivy_build}"
    )
    titles = {(d.system, norm(d.code)): " ".join(d.titles).lower() for d in docs}

    def engine(q, system):
        return [h.code for h in index.search(q, system=system, limit=10)]

    def fts(q, system):
        return baseline.search(q, system, 10)

    systems = {"engine": engine, "fts5": fts}
    for key, other in others.items():
        if key != "fts5":
            systems[key] = lambda q, system, other=other: other.search(q, system, 10)
    latencies: dict[str, list[float]] = {k: [] for k in systems}
    rows = []
    for name in SETS:
        queries = load(name)
        subsets = {name: queries}
        if name.startswith("lay"):
            subsets[f"{name}, words not in title"] = [
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
    header = f"{'recall@1 / recall@10':28} {'n':>4}" + "".join(f"  {k:>15}" for k in systems)
    print(header)
    for label, n, *figures in rows:
        cells = "".join(
            f"  {figures[i]:>7.3f} {figures[i + 1]:>7.3f}" for i in range(0, len(figures), 2)
        )
        print(f"{label:28} {n:>4}{cells}")
    print()
    print(f"latency over {len(latencies['engine'])} mixed queries (ms, in-process):")
    for key, lat in latencies.items():
        print(
            f"  {key:9} p50 {statistics.median(lat):6.2f}  p95 {pct(lat, 95):6.2f}  "
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
