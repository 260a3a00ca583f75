"""CasePilot's window on the catalog: codes, code pages, crosswalks and guideline passages.

This is the one module of the assistant that reads the database (through catalog
selectors); the rest of ``clinical.casepilot`` works on the plain data it returns. Every
code it hands out exists in the catalog and is in effect on ``as_of``.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from dataclasses import dataclass

from catalog.models import Code, GuidelinePassage
from catalog.pages import CodePage, CrosswalkFacts
from catalog.search import SearchQueryInvalid, search_codes
from catalog.selectors import (
    CodeNotFound,
    InvalidCode,
    code_page_get,
    crosswalk_list,
    in_effect,
    page_cache,
)
from clinical.icd10cm import detect

SYSTEM_ORDER = {"icd10cm": 0, "cpt": 1, "hcpcs": 2, "modifier": 3}


@dataclass(frozen=True, slots=True)
class FoundCode:
    """A code in the catalog: system, printed code, short display and billable flag."""

    system: str
    code: str
    display: str
    billable: bool


@dataclass(frozen=True, slots=True)
class Passage:
    ref: str
    title: str
    path: str
    text: str
    page: int
    source: str
    release: str


def _found(row: Code) -> FoundCode:
    return FoundCode(
        system=row.system.slug,
        code=row.code,
        display=row.short_descriptor or row.long_descriptor[:200],
        billable=row.billable,
    )


def resolve_codes(
    tokens: list[str], *, as_of: datetime.date, hint: str | None = None
) -> list[FoundCode]:
    """The catalog codes in effect on ``as_of`` that ``tokens`` name, in the tokens' order.

    A token that several systems share resolves to the hinted system, else to the system
    its spelling suggests (a dot: ICD-10-CM). Tokens that are no code are dropped.
    """
    wanted = {t.upper().replace(".", ""): t for t in tokens}
    if not wanted:
        return []
    rows = (
        Code.objects.filter(in_effect(as_of), normalized__in=list(wanted))
        .exclude(system__slug="modifier")
        .select_related("system")
    )
    by_norm: dict[str, list[Code]] = {}
    for row in rows:
        by_norm.setdefault(row.normalized, []).append(row)
    out: list[FoundCode] = []
    for norm, token in wanted.items():
        candidates = by_norm.get(norm)
        if not candidates:
            continue

        def rank(row: Code, token: str = token) -> tuple[int, int]:
            hinted = 0 if hint and row.system.slug == hint else 1
            dotted = 0 if ("." in token) == row.system.dotted else 1
            return (hinted, dotted, SYSTEM_ORDER.get(row.system.slug, 9))

        out.append(_found(min(candidates, key=rank)))
    return out


def resolve_modifiers(tokens: list[str], *, as_of: datetime.date) -> list[FoundCode]:
    rows = Code.objects.filter(
        in_effect(as_of), system__slug="modifier", normalized__in=[t.upper() for t in tokens]
    ).select_related("system")
    found = {r.normalized: _found(r) for r in rows}
    return [found[t.upper()] for t in tokens if t.upper() in found]


def page(found: FoundCode, *, as_of: datetime.date) -> CodePage | None:
    """The code page, unmetered (CasePilot is charged as one tool call instead)."""
    try:
        return code_page_get(system=found.system, code=found.code, meter=None, as_of=as_of)
    except (CodeNotFound, InvalidCode):  # InvalidCode: chapters and blocks (A00-B99)
        return None


def crosswalks(*, icd9: str | None = None, icd10: str | None = None, as_of: datetime.date):
    return crosswalk_list(icd9=icd9, icd10=icd10, as_of=as_of)


def gem_targets(rows: list[CrosswalkFacts], *, as_of: datetime.date) -> dict[str, FoundCode]:
    """Catalog codes of the ICD-10-CM side of GEM rows, by GEM spelling (no dot)."""
    norms = {r.icd10_code for r in rows if r.icd10_code and not r.no_map}
    found = Code.objects.filter(
        in_effect(as_of), system__slug="icd10cm", normalized__in=list(norms)
    ).select_related("system")
    return {c.normalized: _found(c) for c in found}


_WORD = re.compile(r"[a-z0-9]+")
_FUNCTION_WORD_TEXT = (
    "a an and are as at be by do does for from how i in is it of on or the to what when "
    "which with code codes coding guideline guidelines should"
)
_FUNCTION_WORDS = set(_FUNCTION_WORD_TEXT.split())


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _FUNCTION_WORDS and len(w) > 1]


class _GuidelineIndex:
    """BM25 over guideline passages (titles count three times)."""

    def __init__(self, passages: list[Passage]):
        self.passages = passages
        self.docs = [Counter(_words(f"{p.title} {p.title} {p.title} {p.text}")) for p in passages]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        df: Counter[str] = Counter()
        for d in self.docs:
            df.update(d.keys())
        n = len(passages)
        self.idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in df.items()}

    def search(self, query: str, limit: int) -> list[tuple[float, Passage]]:
        terms = set(_words(query))
        scored = []
        for i, doc in enumerate(self.docs):
            score = 0.0
            for t in terms:
                tf = doc.get(t)
                if tf:
                    norm = tf + 1.2 * (0.25 + 0.75 * self.lengths[i] / self.avg)
                    score += self.idf[t] * tf * 2.2 / norm
            if score > 0:
                title = set(_words(self.passages[i].title))
                if terms and terms <= title:
                    score *= 1.5  # the section is about exactly this
                scored.append((score, self.passages[i]))
        scored.sort(key=lambda s: -s[0])
        return scored[:limit]

    def best_possible(self, query: str) -> float:
        return sum(self.idf.get(t, 0.0) for t in set(_words(query)))


def coverage(query: str, passage: Passage) -> float:
    """The share of the query's words (single letters such as the E and M of "E/M"
    included) that the passage contains."""
    terms = {w for w in _WORD.findall(query.lower()) if w not in _FUNCTION_WORDS}
    if not terms:
        return 0.0
    words = set(_WORD.findall(f"{passage.title} {passage.text}".lower()))
    return len(terms & words) / len(terms)


def _guideline_index(as_of: datetime.date) -> _GuidelineIndex:
    key = ("casepilot-guidelines", as_of)
    index = page_cache.get(key)
    if index is None:
        rows = (
            GuidelinePassage.objects.filter(in_effect(as_of))
            .select_related("release")
            .order_by("document", "-release__effective_date", "position")
        )
        newest: dict[str, int] = {}
        passages = []
        for r in rows:
            if newest.setdefault(r.document, r.release_id) != r.release_id:
                continue  # an older release of the same document
            passages.append(
                Passage(
                    ref=r.ref,
                    title=r.title,
                    path=r.path,
                    text=r.text,
                    page=r.page,
                    source=r.release.source,
                    release=r.release.version,
                )
            )
        index = _GuidelineIndex(passages)
        page_cache.put(key, index)
    return index


def guidelines(query: str, *, as_of: datetime.date, limit: int = 3) -> list[tuple[float, Passage]]:
    """The guideline passages that best match ``query``, with a relative score in 0..1.

    The score is the BM25 score over what the query's words could score at most, so
    callers can tell a real match from a passing mention.
    """
    index = _guideline_index(as_of)
    best = index.best_possible(query) or 1.0
    return [(score / (best * 2.2), p) for score, p in index.search(query, limit)]


def find_codes(
    q: str, *, system: str | None = None, limit: int = 10, as_of: datetime.date | None = None
) -> list[FoundCode]:
    """Codes that answer a free-text description (``q``), best first.

    CasePilot's ONLY code-finding call: DetectICD10CM first for clinical phrases (ICD-10-CM),
    then the Case2Code ranker (``catalog.search.search_codes``: synonyms, index terms,
    inflections, typos, lay phrases). Headers are kept out (a chapter or block is no page).
    """
    as_of = as_of or datetime.date.today()
    out: list[FoundCode] = []
    seen: set[tuple[str, str]] = set()

    def add(found: FoundCode) -> None:
        key = (found.system, found.code)
        if key not in seen and len(out) < limit:
            seen.add(key)
            out.append(found)

    if system in (None, "icd10cm"):
        detected = [c["code"] for c in detect(q)["codes"]]
        for found in resolve_codes(detected, as_of=as_of, hint="icd10cm"):
            add(found)
    if len(out) >= limit or not q.strip():
        return out
    try:
        hits = search_codes(q=q[:200], system=system, as_of=as_of, limit=min(100, limit * 3))
    except SearchQueryInvalid:
        return out
    rows = {
        (r.system.slug, r.code): r
        for r in Code.objects.filter(
            in_effect(as_of), normalized__in=[h.code.replace(".", "") for h in hits]
        ).select_related("system")
    }
    for hit in hits:
        row = rows.get((hit.system, hit.code))
        if row is not None and row.level not in ("chapter", "block"):
            add(_found(row))
    return out
