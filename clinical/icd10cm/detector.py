"""Find conditions in clinical text and link them to FY2026 ICD-10-CM codes.

Pipeline, per sentence:
1. tokens with character offsets, folded by ``clinical.icd10cm.text`` (abbreviations
   expanded, plurals and adjective forms folded);
2. term lookup: every catalogue term (title, inclusion term, index path, table row) is an
   order-free set of content words, filed under its rarest word; a term matches when all its
   words occur within a compact window of the sentence, so "pain in the right renal fossa"
   and "right renal pain" meet the same index path;
3. specificity: a match whose words are a strict subset of another match's words is dropped
   (the combination "type 2 diabetes ... chronic kidney disease" beats "diabetes" alone);
4. context traits (``clinical.icd10cm.context``) for each remaining mention;
5. codes: a header code descends to its unspecified billable leaf; a code that needs a 7th
   character gets it only when the text states the encounter (initial / subsequent /
   sequela), else it is returned flagged; Excludes1 conflicts among the returned codes are
   flagged on both codes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from clinical.icd10cm.context import (
    FAMILY,
    HYPOTHETICAL,
    NEGATION,
    section_traits,
    sentence_bounds,
    traits_in_sentence,
    triggers,
    with_sections,
)
from clinical.icd10cm.knowledge import Knowledge, load_knowledge, parent_code
from clinical.icd10cm.text import (
    ABBREVIATIONS,
    GENERIC_WORDS,
    STOPWORDS,
    WEAK_ANCHORS,
    stem,
    term_key,
)

EXCLUDED_TRAITS = frozenset({NEGATION, HYPOTHETICAL, FAMILY})
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:/[A-Za-z0-9]+)?")
# abbreviations expanded only when written in capitals (they are common English words)
_CASE_SENSITIVE = frozenset(
    {"all", "ms", "pe", "cp", "af", "ra", "hf", "mi", "loc", "pad", "sob", "gi", "tb", "ami"}
)
# "a 29-year-old woman": "old" is an age, not "old myocardial infarction"
_AGE_RE = re.compile(r"\b(?:years?|months?|weeks?|days?)[- ](old)\b", re.I)
_ENCOUNTER = [
    ("S", re.compile(r"\bsequela[e]?\b|\blate effects?\b", re.I)),
    (
        "D",
        re.compile(
            r"\bsubsequent (?:encounter|visit)\b|\bfollow[- ]up (?:visit|encounter)\b", re.I
        ),
    ),
    ("A", re.compile(r"\binitial (?:encounter|visit)\b|\bfirst (?:encounter|visit)\b", re.I)),
]

MAX_CONCEPTS = 5


def _load_suppressed() -> set[tuple[str, str]]:
    path = Path(__file__).with_name("tuning.json")
    if not path.is_file():
        return set()
    return {(m, c) for m, c in json.loads(path.read_text())["suppress"]}


# (mention words, code) pairs that do not make a document code (see bench/tune_detect.py)
SUPPRESSED: set[tuple[str, str]] = _load_suppressed()


@dataclass
class _Match:
    key: tuple[str, ...]
    positions: frozenset[int]
    begin: int
    end: int
    compact: float


def _tokens(sentence: str, offset: int) -> list[tuple[str, int, int]]:
    """(folded word, begin, end) for each content word; abbreviations expand in place."""
    out: list[tuple[str, int, int]] = []
    skip = {m.start(1) for m in _AGE_RE.finditer(sentence)}
    for m in _TOKEN_RE.finditer(sentence):
        if m.start() in skip:
            continue
        raw = m.group(0)
        low = raw.lower()
        b, e = m.start() + offset, m.end() + offset
        exp = ABBREVIATIONS.get(low)
        if exp is not None and (low not in _CASE_SENSITIVE or raw.isupper()):
            for w in re.findall(r"[a-z0-9]+", exp):
                w = stem(w)
                if w not in STOPWORDS:
                    out.append((w, b, e))
            continue
        if "/" in low:
            parts = low.split("/")
            start = b
            for p in parts:
                w = stem(p)
                if w not in STOPWORDS:
                    out.append((w, start, start + len(p)))
                start += len(p) + 1
            continue
        w = stem(low)
        if w not in STOPWORDS:
            out.append((w, b, e))
            noun = _BONE_NOUNS.get(low)
            if noun:  # "femoral neck": the index says "femur, neck"
                out.append((stem(noun), b, e))
    return out


# bone adjectives notes use where the index names the bone ("femoral neck fracture")
_BONE_NOUNS = {
    "femoral": "femur",
    "humeral": "humerus",
    "tibial": "tibia",
    "fibular": "fibula",
    "clavicular": "clavicle",
    "scapular": "scapula",
    "patellar": "patella",
    "calcaneal": "calcaneus",
    "vertebral": "vertebra",
    "metacarpal": "metacarpal bone",
    "metatarsal": "metatarsal bone",
}


def _matches(
    kb: Knowledge, toks: list[tuple[str, int, int]], text: str | None = None
) -> list[_Match]:
    where: dict[str, list[int]] = {}
    for i, (w, _, _) in enumerate(toks):
        where.setdefault(w, []).append(i)
    # the words one abbreviation expands to share its offsets ("T2DM" -> type 2 diabetes ...)
    expansion: dict[tuple[int, int], list[int]] = {}
    for i, (_, b, e) in enumerate(toks):
        expansion.setdefault((b, e), []).append(i)
    found: dict[frozenset[int], list[_Match]] = {}
    for word, places in where.items():
        for key in kb.anchors.get(word, ()):
            if any(k not in where for k in key):
                continue
            slack = 1 + len(key) // 2
            for p in places:
                pos = {p}
                for k in key:
                    if k == word:
                        continue
                    pos.add(min(where[k], key=lambda q, p=p: abs(q - p)))
                lo, hi = min(pos), max(pos)
                width = hi - lo + 1
                if width > len(key) + slack:
                    continue
                fz = frozenset(pos)
                if not _coherent(toks, fz, expansion):
                    continue
                m = _Match(key, fz, toks[lo][1], toks[hi][2], len(key) / width)
                found.setdefault(fz, []).append(m)
    out = [m for ms in found.values() for m in ms]
    if text is not None:
        out = _within_one_clause(text, toks, out)
        out = _within_one_condition(kb, text, toks, out)
    # specificity: drop a match whose positions are a strict subset of another's
    sets = sorted({m.positions for m in out}, key=len, reverse=True)
    keep = []
    for m in out:
        if any(len(s) > len(m.positions) and m.positions < s for s in sets):
            continue
        keep.append(m)
    return keep


def _coherent(
    toks: list[tuple[str, int, int]],
    pos: frozenset[int],
    expansion: dict[tuple[int, int], list[int]],
) -> bool:
    """False for a match that reads words against the text: a number that qualifies none of
    the match's words ("T2DM with CKD stage 3b" is no CKD stage 2: the 2 is the diabetes
    type), or parts of two abbreviations ("GERD, OSA" is no esophageal obstruction)."""
    for p in pos:
        numeric = any(ch.isdigit() for ch in toks[p][0])
        if numeric and len(pos) > 1 and not ({p - 1, p + 1} & pos):
            return False
    partial = set()
    for p in pos:
        group = expansion[(toks[p][1], toks[p][2])]
        if len(group) > 1 and not pos.issuperset(group):
            partial.add(group[0])
    return len(partial) < 2


# a relative clause or a presenting verb starts another statement: "a lady with gout who
# presents with ankle swelling" names no gout of the ankle
_CLAUSE_GAP_RE = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)
_CLAUSE_WORD_RE = re.compile(r"(?:present|complain|report)(?:s|ed|ing)?", re.I)


def _within_one_clause(
    text: str, toks: list[tuple[str, int, int]], ms: list[_Match]
) -> list[_Match]:
    """Drop a match whose words lie in two clauses."""
    clause = [0] * len(toks)
    for i in range(1, len(toks)):
        gap = text[toks[i - 1][2] : toks[i][1]]
        word = text[toks[i][1] : toks[i][2]]
        boundary = _CLAUSE_GAP_RE.search(gap) or _CLAUSE_WORD_RE.fullmatch(word)
        clause[i] = clause[i - 1] + (1 if boundary else 0)
    if not clause or clause[-1] == 0:
        return ms
    return [m for m in ms if len({clause[p] for p in m.positions}) == 1]


# words that join two conditions in a list ("colon cancer and a history of polyps")
_COORDINATION_RE = re.compile(r"\b(?:and|or|nor|but|as well as|plus)\b|[;]", re.I)


def _categories(kb: Knowledge, m: _Match) -> frozenset[str]:
    return frozenset(code[:3] for code, _ in kb.terms[m.key])


def _names_a_condition(kb: Knowledge, words: set[str]) -> bool:
    """True when some of ``words`` make a catalogue term on their own ("cancer"; not a
    bare site such as "bone" or "ocular")."""
    words = {w for w in words if w not in GENERIC_WORDS and w not in WEAK_ANCHORS}
    if not words or len(words) > 6:
        return bool(words)
    items = sorted(words)
    for n in range(1, len(items) + 1):
        for sub in combinations(items, n):
            if sub in kb.terms:
                return True
    return False


def _only_qualifiers(words: set[str]) -> bool:
    return all(w in GENERIC_WORDS or w in WEAK_ANCHORS for w in words)


def _within_one_condition(
    kb: Knowledge, text: str, toks: list[tuple[str, int, int]], ms: list[_Match]
) -> list[_Match]:
    """Drop a match that takes its words from two different conditions joined by "and" /
    "or": "colon cancer and a personal history of adenomatous polyps" is no history of
    colon polyps, since "colon" belongs to "colon cancer". A match crossing a coordination
    is dropped when, on one side, the words it takes are part of another mention there
    whose words left out of the match name a condition of their own ("cancer") and which
    shares no code category with the match; and when the words it takes on one side are
    only qualifiers ("a personal history of") of a condition named there. "Nausea and
    vomiting" (R11.2), "diabetes and CKD" (E11.22) and a shared head ("liver and bone
    metastases") stay."""
    # the coordination segment of each token
    seg = [0] * len(toks)
    for i in range(1, len(toks)):
        gap = text[toks[i - 1][2] : toks[i][1]]
        seg[i] = seg[i - 1] + (1 if _COORDINATION_RE.search(gap) else 0)
    if seg and seg[-1] == 0:
        return ms
    local: dict[int, list[_Match]] = {}
    for m in ms:
        segs = {seg[p] for p in m.positions}
        if len(segs) == 1:
            local.setdefault(next(iter(segs)), []).append(m)
    keep = []
    for m in ms:
        segs = {seg[p] for p in m.positions}
        if len(segs) > 1:
            cats = _categories(kb, m)
            if any(
                other.positions & m.positions
                and not (_categories(kb, other) & cats)
                and _names_a_condition(kb, {toks[p][0] for p in other.positions - m.positions})
                for s in segs
                for other in local.get(s, ())
            ) or any(
                _only_qualifiers({toks[p][0] for p in m.positions if seg[p] == s})
                and any(not (other.positions & m.positions) for other in local.get(s, ()))
                for s in segs
            ):
                continue
        keep.append(m)
    return keep


def _resolve(kb: Knowledge, code: str, near: frozenset[str]) -> str:
    """A header code -> the subdivision the nearby words name (laterality, site, type),
    else its unspecified billable leaf (when the tabular has one)."""
    for _ in range(4):
        if code in kb.billable:
            break
        default = kb.default_child.get(code)
        best, best_n = default, 0
        for child in kb.children.get(code, ()):
            words = _title_words(kb, child)
            n = len(words & near)
            # a child must name something the text says and nothing it does not ask for
            if n > best_n and child != default:
                best, best_n = child, n
        if best is None:
            break
        if best != default and default is not None:
            base_n = len(_title_words(kb, default) & near)
            if best_n <= base_n:
                best = default
        code = best
    return code


_TITLE_WORDS: dict[tuple[int, str], frozenset[str]] = {}


def _title_words(kb: Knowledge, code: str) -> frozenset[str]:
    key = (id(kb), code)
    got = _TITLE_WORDS.get(key)
    if got is None:
        got = frozenset(term_key(kb.titles.get(code, ""))) - {"unspecified"}
        _TITLE_WORDS[key] = got
    return got


_WITH_PART = re.compile(r"\bwith\b(?!out)(.*?)(?:\bwithout\b|$)")


def _denied_words(toks: list[tuple[str, int, int]], lo: int, hi: int) -> frozenset[str]:
    """The words a mention says its condition is *without* ("diabetes without
    complications", "asthma w/o status asthmaticus")."""
    for i in range(lo, hi + 1):
        if toks[i][0] == "without":
            return frozenset(w for w, _, _ in toks[i + 1 : hi + 1])
    return frozenset()


def _with_words(kb: Knowledge, code: str) -> frozenset[str]:
    m = _WITH_PART.search(kb.titles.get(code, "").lower())
    return frozenset(term_key(m.group(1))) if m else frozenset()


def _without(kb: Knowledge, code: str, denied: frozenset[str]) -> str | None:
    """``code`` unless its title says "with" what the text says the condition is without;
    then the sibling without it (the "uncomplicated" / "without ..." code), or None."""
    if not (_with_words(kb, code) & denied):
        return code
    parent = parent_code(code)
    for sibling in kb.children.get(parent, ()):
        if sibling in kb.billable and not (_with_words(kb, sibling) & denied):
            title = kb.titles.get(sibling, "").lower()
            if "without" in title or "uncomplicated" in title:
                return sibling
    default = kb.default_child.get(parent)
    if default and default != code and not (_with_words(kb, default) & denied):
        return default
    return None


def _encounter(text: str) -> str | None:
    for char, rx in _ENCOUNTER:
        if rx.search(text):
            return char
    return None


def _complete_7th(kb: Knowledge, code: str, char: str | None) -> tuple[str, list[str]]:
    """(code, flags): add the 7th character the text states, or flag that one is needed."""
    if kb.seventh_rule(code) is None or len(code.replace(".", "")) >= 7:
        return code, []
    if char is None:
        return code, ["SEVENTH_CHARACTER_REQUIRED"]
    base = code.replace(".", "")
    full = base.ljust(6, "X") + char
    full = f"{full[:3]}.{full[3:]}"
    if full in kb.valid:
        return full, []
    return code, ["SEVENTH_CHARACTER_REQUIRED"]


def _score(weight: float, m: _Match) -> float:
    length = len(m.key)
    base = 0.55 + 0.12 * min(length, 4)
    return round(min(0.99, weight * base * (0.7 + 0.3 * m.compact)), 4)


def detect(text: str, kb: Knowledge | None = None) -> dict[str, Any]:
    """Entities (AWS InferICD10CM-like) and the document's ranked ``codes``."""
    kb = kb or load_knowledge()
    encounter = _encounter(text)
    sections = section_traits(text)
    entities: list[dict[str, Any]] = []
    for s_begin, s_end in sentence_bounds(text):
        sentence = text[s_begin:s_end]
        toks = _tokens(sentence, s_begin)
        if not toks:
            continue
        ms = _matches(kb, toks, text)
        if not ms:
            continue
        trig = triggers(sentence)
        by_span: dict[tuple[int, int], list[_Match]] = {}
        for m in ms:
            by_span.setdefault((m.begin, m.end), []).append(m)
        for (b, e), group in sorted(by_span.items()):
            concepts: dict[str, dict[str, Any]] = {}
            lo = min(min(m.positions) for m in group)
            hi = max(max(m.positions) for m in group)
            near = frozenset(w for w, _, _ in toks[max(0, lo - 3) : hi + 4])
            denied = _denied_words(toks, lo, hi)
            for m in group:
                for code, weight in kb.terms[m.key]:
                    code = _resolve(kb, code, near)
                    if denied:
                        code = _without(kb, code, denied)
                        if code is None:
                            continue
                    code, flags = _complete_7th(kb, code, encounter)
                    score = _score(weight, m)
                    have = concepts.get(code)
                    if have is None or have["score"] < score:
                        concepts[code] = {
                            "code": code,
                            "description": kb.title(code),
                            "score": score,
                            **({"flags": flags} if flags else {}),
                        }
            if not concepts:
                continue
            ranked = sorted(concepts.values(), key=lambda c: (-c["score"], c["code"]))
            ranked = ranked[:MAX_CONCEPTS]
            names = traits_in_sentence(sentence, b - s_begin, e - s_begin, trig)
            names = with_sections(names, b, e, sections)
            entities.append(
                {
                    "beginOffset": b,
                    "endOffset": e,
                    "text": text[b:e],
                    "score": ranked[0]["score"],
                    "category": "MEDICAL_CONDITION",
                    "type": "DX_NAME",
                    "traits": [{"name": n, "score": 0.9} for n in names],
                    "icd10cmConcepts": ranked,
                }
            )
    codes = document_codes(kb, entities)
    _bmi(kb, text, entities, codes)
    return {"entities": entities, "codes": codes}


_BMI_RE = re.compile(
    r"\b(?:BMI|body mass index)\s*(?:of|is|was|=|:|at)?\s*(?:about\s+|approx\.?\s+)?"
    r"(\d{2}(?:\.\d+)?)(?!\s*(?:%|percentile|th\b|st\b|nd\b|rd\b))",
    re.I,
)
_CHILD_RE = re.compile(r"\b(?:percentile|pediatric|child|boy|girl|infant|toddler)\b", re.I)
# a BMI code is reported only with the weight diagnosis it supports (Official Guidelines
# I.B.14 and I.C.21.c.3): obesity and overweight, underweight, malnutrition
_WEIGHT_DX = ("E66", "R63.6", "E40", "E41", "E42", "E43", "E44", "E45", "E46", "R62.7")
_BMI_BANDS = [  # (upper bound exclusive, adult code)
    (20.0, "Z68.1"),
    *((float(n + 1), f"Z68.{n}") for n in range(20, 40)),
    (45.0, "Z68.41"),
    (50.0, "Z68.42"),
    (60.0, "Z68.43"),
    (70.0, "Z68.44"),
    (1000.0, "Z68.45"),
]


def _bmi(kb: Knowledge, text: str, entities: list, codes: list) -> None:
    """An adult BMI value beside a weight diagnosis gets its Z68 code ("Morbid obesity,
    BMI 42" -> E66.01 and Z68.41); a child's BMI is a percentile, not coded from a value."""
    if _CHILD_RE.search(text) or not any(c["code"].startswith(_WEIGHT_DX) for c in codes):
        return
    m = _BMI_RE.search(text)
    if not m:
        return
    value = float(m.group(1))
    if not 10 <= value < 100:
        return
    code = next(c for hi, c in _BMI_BANDS if value < hi)
    if code not in kb.valid or any(c["code"] == code for c in codes):
        return
    concept = {"code": code, "description": kb.title(code), "score": 0.9}
    entities.append(
        {
            "beginOffset": m.start(),
            "endOffset": m.end(),
            "text": m.group(0),
            "score": 0.9,
            "category": "MEDICAL_CONDITION",
            "type": "DX_NAME",
            "traits": [],
            "icd10cmConcepts": [concept],
        }
    )
    entities.sort(key=lambda e: e["beginOffset"])
    codes.append({**concept, "billable": code in kb.billable})


_VAGUE_WORDS = frozenset(
    {"unspecified", "without", "complication", "complications", "uncomplicated"}
)


def _said_by(kb: Knowledge, a: str, b: str) -> bool:
    """True when ``a`` is a vague code (its title "unspecified" / "without complications")
    whose other words ``b``'s title all says: "Osteoarthritis of knee, unspecified" (M17.9)
    beside M17.12, "Type 2 diabetes mellitus without complications" (E11.9) beside E11.65;
    not "... with diabetic neuropathy, unspecified" (E11.40) beside E11.65, a second
    complication."""
    title_a = kb.title(a).lower()
    if not any(w in title_a for w in ("unspecified", "without complications", "uncomplicated")):
        return False
    words_a = set(term_key(title_a)) - {term_key(w)[0] for w in _VAGUE_WORDS if term_key(w)}
    words_b = set(term_key(kb.title(b)))
    return words_a < words_b


def document_codes(kb: Knowledge, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ranked, de-duplicated codes the affirmed mentions support."""
    best: dict[str, dict[str, Any]] = {}
    mentions: Counter[str] = Counter()
    for ent in entities:
        names = {t["name"] for t in ent["traits"]}
        if FAMILY in names and not names & {NEGATION, HYPOTHETICAL}:
            # a relative's condition is coded as the family history it is (Z80-Z84)
            z = kb.family_history_code(ent["icd10cmConcepts"][0]["code"])
            if z:
                score = round(ent["icd10cmConcepts"][0]["score"] * 0.95, 4)
                if z not in best or best[z]["score"] < score:
                    best[z] = {"code": z, "description": kb.title(z), "score": score}
                mentions[z] += 1
        if names & EXCLUDED_TRAITS:
            continue
        top = ent["icd10cmConcepts"][0]["score"]
        mention = " ".join(term_key(ent["text"])) if SUPPRESSED else ""
        for c in ent["icd10cmConcepts"]:
            if c["score"] < top:  # only the entity's best-supported codes
                break
            if (mention, c["code"]) in SUPPRESSED:
                continue
            mentions[c["code"]] += 1
            if c["code"] not in best or best[c["code"]]["score"] < c["score"]:
                best[c["code"]] = dict(c)
    codes = list(best)
    # prefer the most specific code: drop a code whose descendant is also returned, and an
    # "unspecified" code when a sibling in the same category is returned
    drop = set()
    for a in codes:
        na = a.replace(".", "")
        for b in codes:
            nb = b.replace(".", "")
            if a == b:
                continue
            if nb.startswith(na) or (na[:3] == nb[:3] and _said_by(kb, a, b)):
                drop.add(a)
                break
    out = []
    for code in codes:
        if code in drop:
            continue
        c = best[code]
        c["score"] = round(min(0.99, c["score"] + 0.03 * (mentions[code] - 1)), 4)
        c["billable"] = code in kb.billable
        out.append(c)
    for a in out:
        for b in out:
            if a is not b and kb.excludes1_conflict(a["code"], b["code"]):
                for x, y in ((a, b), (b, a)):
                    flags = x.setdefault("flags", [])
                    note = f"EXCLUDES1:{y['code']}"
                    if note not in flags:
                        flags.append(note)
    out.sort(key=lambda c: (-c["score"], c["code"]))
    return out
