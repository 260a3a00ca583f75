"""Train RedactPHI's name-likeness model: character n-gram naive Bayes, names versus words.

Names (the positive class): every person name Faker ships in Latin letters, in every locale
(romanized lists included), and the US Census first names and surnames. Words (the negative
class): the SCOWL English word list the engine ships, its clinical stop words, eponym words and
drug names. A word found in both is left out of both. Each word is read as ``^word$`` and cut
into character n-grams of 2 to 4 letters; the model keeps the smoothed log-ratio of each n-gram
that occurs at least ``--min-count`` times and whose log-ratio is at least ``--min-weight``
away from 0, written to ``clinical/phi/data/name_ngrams.tsv.gz`` (n-gram TAB weight).

A word's score is the mean of its n-grams' weights (an n-gram the file lacks counts 0): above
0 it reads more like a name than like an English or clinical word. One word in ten (by a
stable hash) is held out of training; the held-out accuracy and the share of held-out names
and words above each threshold are printed.

    .venv/bin/python bench/train_name_model.py
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import math
import pkgutil
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clinical.phi import lexicon as lx  # noqa: E402
from clinical.phi.names_model import OUT, grams, score_with  # noqa: E402

LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzáàâäãåæçéèêëíìîïñóòôöõøœúùûüýÿßčćďěğłńňőřśšşťůűźżžđ\u0131'-"
)


def _clean(word: str) -> str | None:
    w = word.strip().lower()
    if len(w) < 3 or not set(w) <= LETTERS or not w[0].isalpha():
        return None
    return w


def faker_names() -> set[str]:
    import faker.providers.person as person

    out: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        for attr, values in vars(provider).items():
            if not (attr.startswith(("first_", "last_")) and "name" in attr):
                continue
            if isinstance(values, dict):
                values = list(values)
            if not isinstance(values, (list, tuple, set, frozenset)):
                continue
            for v in values:
                if isinstance(v, str):
                    for part in v.replace(" ", "-").split("-"):
                        c = _clean(part)
                        if c:
                            out.add(c)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-weight", type=float, default=0.25)
    args = ap.parse_args()

    names = faker_names() | set(lx.census_first_names()) | set(lx.census_surnames())
    names = {c for c in map(_clean, names) if c}
    words = {c for c in map(_clean, lx.english_words()) if c}
    words |= {c for c in map(_clean, lx.CLINICAL_STOP | lx.EPONYM_NOUNS | lx.DRUG_NAMES) if c}
    both = names & words
    names -= both
    words -= both

    def held(w: str) -> bool:
        return zlib.crc32(w.encode()) % 10 == 0

    counts = (Counter(), Counter())
    for label, pool in ((0, words), (1, names)):
        for w in pool:
            if not held(w):
                counts[label].update(grams(w))
    total = [sum(c.values()) for c in counts]
    vocab = set(counts[0]) | set(counts[1])
    weights: dict[str, float] = {}
    for g in vocab:
        n0, n1 = counts[0][g], counts[1][g]
        if n0 + n1 < args.min_count:
            continue
        w = math.log((n1 + 1) / (total[1] + len(vocab))) - math.log(
            (n0 + 1) / (total[0] + len(vocab))
        )
        if abs(w) >= args.min_weight:
            weights[g] = round(w, 2)
    print(f"names {len(names):,}, words {len(words):,} (overlap left out: {len(both):,})")
    print(f"n-grams kept: {len(weights):,}")
    test_names = [w for w in names if held(w)]
    test_words = [w for w in words if held(w)]
    for t in (0.0, 0.5, 1.0, 1.5):
        tp = sum(score_with(weights, w) > t for w in test_names) / len(test_names)
        fp = sum(score_with(weights, w) > t for w in test_words) / len(test_words)
        print(
            f"held out, score > {t}: names {tp:.3f} of {len(test_names):,}, "
            f"words {fp:.3f} of {len(test_words):,}"
        )
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        for g in sorted(weights):
            fh.write(f"{g}\t{weights[g]}\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
