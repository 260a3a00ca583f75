"""How much a word in no dictionary reads like a person's name, from its letters alone.

A character n-gram naive Bayes model (2 to 4 letters of ``^word$``), trained by
``bench/train_name_model.py`` on Faker's person names in every locale and the US Census names
against the shipped English word list and clinical vocabulary. Its weights
(``data/name_ngrams.tsv.gz``) are loaded once. ``name_likeness`` is the mean log-ratio of the
word's n-grams: above 0 the letters read more like a name than a word ("Oyindamola",
"Tserendash"), below it like an English or clinical word. Eponyms and many drug brands read
like names too ("Kawasaki", "Mounjaro"), so the engine asks for position evidence as well and
uses the score only to strengthen a word that is in no list.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from pathlib import Path

OUT = Path(__file__).with_name("data") / "name_ngrams.tsv.gz"


def grams(word: str) -> list[str]:
    w = f"^{word}$"
    return [w[i : i + n] for n in (2, 3, 4) for i in range(len(w) - n + 1)]


def score_with(weights: dict[str, float], word: str) -> float:
    gs = grams(word)
    return sum(weights.get(g, 0.0) for g in gs) / len(gs) if gs else 0.0


@cache
def _weights() -> dict[str, float]:
    with gzip.open(OUT, "rt", encoding="utf-8") as fh:
        return {g: float(w) for g, w in (line.rstrip("\n").split("\t") for line in fh)}


@lru_cache(maxsize=65_536)
def name_likeness(low: str) -> float:
    """Name-likeness of one lower-case word; a hyphenated word scores the mean of its parts."""
    parts = [p for p in low.split("-") if p]
    if len(parts) > 1:
        return sum(score_with(_weights(), p) for p in parts) / len(parts)
    return score_with(_weights(), low)


def load() -> None:
    _weights()
