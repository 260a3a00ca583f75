"""The code search ranker: an in-memory index over code titles and their synonyms.

Plain Python (plus numpy), no Django: ``bench/search.py`` and tests drive it directly.

A *document* is one code with its titles (descriptors) and synonyms (inclusion terms,
index terms, HCPCS descriptors). Every title or synonym is a *field*; the index maps each
word stem to the fields that contain it. A query is split into words; each word matches
index stems exactly, by prefix (partial words, and the last word in autocomplete mode), with
one typo (a deletion neighbourhood over the vocabulary), or through a small dictionary of
abbreviations and everyday words. A field scores the idf-weighted share of the query words it
contains plus how much of the field the query covers; a code scores its best field. Then the
defaults a coder applies: a header never leads all of its billable codes that match as many
of the query's words; a query that does not ask otherwise means the initial encounter, the
accidental intent, the unspecified rather than the "other" kind and the condition rather than
its history; "h/o" the history code of the condition and "from <drug>" its adverse effect.
Words that look like codes (``e11.9``, ``E119``, ``j1100``,
``97550``) match codes exactly, and a category matches its subtree (the category first).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import snowballstemmer

from catalog.search.synonyms import ABBREVIATIONS, CONTEXT_WORDS, LAY_WORDS, PHRASES

# Field kinds and their weights: the code's own title counts most.
KIND_WEIGHTS = {
    "title": 1.0,
    "descriptor": 0.97,  # HCPCS long/short descriptor, CPT medium/long
    "inclusion": 0.93,  # ICD-10-CM inclusion term
    "index_main": 1.0,  # an index main term's own code: the default code for it
    "index": 0.9,  # ICD-10-CM alphabetic index (sub-terms) / tables
    "see": 0.95,  # an index term whose see (also) reference leads to this code
}
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "or",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "my",
        "his",
        "her",
        "their",
        "patient",
        "pt",
        "pts",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "from",
        "as",
        "be",
        "been",
        "being",
        "it",
        "its",
    ]
)
EXACT, PREFIX, TYPO, SYNONYM = 1.0, 0.82, 0.72, 0.9
LAY = 0.88  # an everyday word matching a catalog word it stands for (belly -> abdominal)
PHRASE_QUALITY = 0.95  # a lay phrase rewritten in the catalog's words
# Words about the patient or the visit ("55 yo woman presents with") weigh this much.
CONTEXT_WEIGHT = 0.15
LAY_OWN_DF = 50
CODE_SCORE = 10.0
# Billable codes above their headers unless the header clearly matches better.
BILLABLE_BONUS = 0.03
MAX_QUERY_WORDS = 24

_stemmer = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+")
# Query words, keeping clinicians' slash abbreviations (n/v, c/o, s/p) whole.
_QUERY_WORD = re.compile(r"[a-z0-9]+(?:/[a-z0-9]+)*/?")
# "55 yo", "3-year-old", "x3 days", "for 2 weeks": the patient's age or a duration.
_AGE_OR_DURATION = re.compile(
    r"\b(?:x\s*)?\d+\s*(?:yo|y/o|yr|yrs|years?|months?|mos?|weeks?|wks?|days?|d|hours?|hrs?)"
    r"\b(?:\s*old)?|\bx\s*\d+\b"
)
_PHRASE_WORDS = max(len(p.split()) for p in PHRASES)
# Weeks of gestation are not a duration ("pregnant 32 weeks" -> Z3A.32, "contractions at
# 30 weeks" -> preterm labor, "born at 32 weeks" -> P07.3-).
_GESTATION = re.compile(
    r"pregnan|prenatal|antenatal|gestation|\bweeks? along\b|contraction|\blabou?r\b|preterm"
    r"|premature|\bborn\b|\bdeliver|\bmiscarr|\bat \d+\s*(?:weeks?|wks?)\b"
)
# "prenatal visit 12 weeks": the trimester the weeks fall in (supervision codes say it).
_PRENATAL = re.compile(r"\b(?:prenatal|antenatal|ob (?:visit|check)|supervision)")
_LABOR = re.compile(r"contraction|\blabou?r|\bborn\b|\bdeliver|\bwater broke")
_WEEKS = re.compile(r"\b(\d+)\s*(?:weeks?|wks?)\b")
_CODE_LIKE = re.compile(r"^(?:[a-z]\d[0-9a-z]{0,5}|\d{4}[0-9a-z]|\d{5}|[a-z]\d{4}|\d[0-9a-z])$")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` without stopwords (dots inside codes are kept apart)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def _deletes(term: str) -> set[str]:
    return {term[:i] + term[i + 1 :] for i in range(len(term))}


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    if la > lb:
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


@dataclass(frozen=True)
class Document:
    """One code to index. ``titles``: its descriptors; ``synonyms``: ``(text, kind)``."""

    code: str
    system: str
    display: str
    titles: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()
    billable: bool = True
    effective_date: datetime.date | None = None
    end_date: datetime.date | None = None
    retired: bool = False
    sort_key: str = ""


@dataclass(frozen=True)
class Hit:
    code: str
    system: str
    display: str
    matched: str
    score: float


@dataclass
class _Token:
    """One query word: the stems it may match, each with a quality."""

    text: str
    weight: float
    stems: dict[str, float] = field(default_factory=dict)


# A history or status Z code (and I25.2, an old MI); not status epilepticus (G40.909).
HISTORY_TITLE = re.compile(
    r"^(?:personal history|history of|old myocardial|acquired absence|presence of)"
    r"|\bstatus\b(?! (?:epilepticus|migrainosus|asthmaticus))"
)
# What a title says beyond the common case, and the query words that ask for it: without
# them, a generic query ranks the default code first (initial encounter for a closed
# fracture, accidental intent, poisoning rather than adverse effect, the unspecified kind,
# the condition rather than its history), each by its penalty.
NOT_DEFAULT_PENALTY = 0.006
# An external cause with no stated intent is accidental: assault, self-harm and undetermined
# intent are far behind unless asked for ("cut by glass" is W25, not X99.0), however well
# their index terms match ("Assault, cutting or piercing instrument, glass").
INTENT_PENALTY = 0.5
# "Other myocardial infarction type" names a kind the query did not: an unqualified condition
# is the unspecified code (I21.9), whose title says more ("acute", "unspecified") but no kind.
OTHER_PENALTY = 0.01
# A history code ("Old myocardial infarction", "Personal history of ...") is not what a query
# naming the condition alone means, however short its title.
PAST_PENALTY = 0.05
_INTENT_ASKS = frozenset({"intent", "self", "harm", "suicid", "assault", "undetermin"})
NOT_DEFAULT = (
    (
        re.compile(r"subsequent encounter|\bsequela\b"),
        frozenset({"subsequ", "sequela", "late", "heal", "nonunion", "malunion", "delay"}),
        NOT_DEFAULT_PENALTY,
    ),
    (re.compile(r"open fracture"), frozenset({"open", "compound"}), NOT_DEFAULT_PENALTY),
    (
        re.compile(r"intentional self-harm|\bassault\b|\bundetermined\b"),
        _INTENT_ASKS,
        INTENT_PENALTY,
    ),
    (
        re.compile(r"\badverse effect|\bunderdosing"),
        frozenset({"advers", "side", "reaction", "underdos", "underdosag"}),
        NOT_DEFAULT_PENALTY,
    ),
    (re.compile(r"^other\b"), frozenset({"other", "specifi"}), OTHER_PENALTY),
    # a past condition for a query that names the condition alone ("heart attack": not I25.2)
    (
        re.compile(r"^(?:personal history|history of|old )"),
        frozenset({"histori", "old", "past", "previous", "prior"}),
        PAST_PENALTY,
    ),
    # the intent of a drug or toxic substance (T36-T65), set from the code (below): its family
    # is ordered by intent (see INTENTS), the penalty only a tie-break
    (re.compile(r"(?!)"), _INTENT_ASKS, NOT_DEFAULT_PENALTY),
)
_INTENT_BIT, _ADVERSE_BIT, _HISTORY_BIT, _DRUG_INTENT_BIT = 2, 3, 5, 6  # NOT_DEFAULT's
_PENALTIES = np.asarray(
    [sum(p for b, (_, _, p) in enumerate(NOT_DEFAULT) if i >> b & 1) for i in range(256)],
    dtype=np.float32,
)
# Siblings that differ only in the 7th character (encounter) or, for drugs and toxic
# substances (T36-T65), in the 6th (intent) match a query alike; a coder wants the initial
# encounter first, then subsequent, then sequela, and accidental poisoning, then adverse
# effect, self-harm, assault, undetermined, underdosing, unless the query asks otherwise.
# Within such a family the scores its members reached are handed out in that order, so a
# family keeps its place among other codes and only its members' order changes.
ENCOUNTERS = "ADS"
INTENTS = "152346"
_INTENT_FAMILY = re.compile(r"^T(?:3[6-9]|[45]\d|6[0-5])")
ASKS_SEQUELA = frozenset({"sequela", "late"})
ASKS_SUBSEQUENT = frozenset({"subsequ", "heal", "nonunion", "malunion", "delay"})
_FOLLOW_UP = re.compile(r"\bfollow\s*up\b|\bf/u\b|\brecheck")
ASKS_INTENT = (
    ("2", frozenset({"intent", "self", "harm", "suicid"})),
    ("3", frozenset({"assault"})),
    ("4", frozenset({"undetermin"})),
    ("6", frozenset({"underdos", "underdosag"})),
    ("5", frozenset({"advers", "side", "reaction", "allerg"})),
)
# "rash from amoxicillin", "bleeding on warfarin": an effect of a drug taken as prescribed;
# "tylenol overdose", "took too many": a poisoning.
_ADVERSE_CUE = re.compile(r"\b(?:from|after|on|due to|caused by|induced|taking)\b")
_POISONING_CUE = re.compile(r"overdos|\bod\b|poison|too (?:many|much)|ingest|swallow|accident")
# A patient's own history ("h/o DVT", "s/p cholecystectomy") and a relative's ("mom had
# breast cancer", "FHx of diabetes"): the Z codes that say so before the condition's own.
FAMILY_TITLE = re.compile(r"^family history")
ADVERSE_TITLE = re.compile(r"^adverse effect of")
HISTORY, FAMILY, ADVERSE = 1, 2, 3  # the classes of codes a query may ask for
# The words that say "history" (h/o -> personal history) rather than what it is of.
HISTORY_WORDS = frozenset(
    {"personal", "history", "family", "previous", "prior", "status", "post", "hx", "fhx", "fh"}
)
_HISTORY_CUE = re.compile(r"\b(?:h/o|hx|history|s/p|status post|previous|prior)\b")
_FAMILY_CUE = re.compile(
    r"\b(?:family|fhx|fh|mom|mother|dad|father|parents?|sister|brother|siblings?|grandma"
    r"|grandmother|grandpa|grandfather|aunt|uncle|cousin)\b"
)
_RELATIVE = re.compile(
    r"\b(?:mom|mother|dad|father|parents?|sister|brother|siblings?|grandma|grandmother"
    r"|grandpa|grandfather|aunt|uncle|cousin)s?\b(?:\s+(?:had|has|died of|with))?"
)
_NOT_FAMILY_CUE = re.compile(r"\b(?:baby|babys|newborn|infant|fetus|fetal|pregnan|maternal)\b")
# "grandma fell", "dad keeps forgetting things": the relative is the patient (a caregiver
# types it), not a family history; events and care needs have no family-history code.
_RELATIVE_IS_PATIENT = re.compile(
    r"\b(?:mom|mother|dad|father|sister|brother|grandma|grandmother|grandpa|grandfather|aunt"
    r"|uncle)\s+(?:fell|falls|keeps|kept|broke|hit|cut|burned|burnt|fainted|passed|tripped"
    r"|slipped|bumped|twisted|rolled|choked|wanders|wandered|forgets|cant|wont|needs|got)\b"
)
# "r wrist", "l ankle": one-letter sides between other words.
_SIDES = {"r": "right", "l": "left"}
# Words a lay phrase may carry inside it ("blood clot in my left leg"): left out when the
# phrase is looked up, the side kept after the phrase's catalog words.
_FILLERS = frozenset({"my", "his", "her", "their", "your", "our", "the", "a", "an"})
_SIDE_WORDS = frozenset({"left", "right", "bilateral", "both"})
# "vit d low", "sugars running high": a level said after what it is about.
_LEVEL_AFTER = frozenset({"low", "high", "elevated", "up", "down"})
_LEVEL_VERBS = frozenset({"running", "too", "very", "really", "so", "always", "been"})
# "bmi 42": the adult BMI range of the Z68 code that holds the value.
_BMI = re.compile(r"\bbmi\s*(?:of\s*|is\s*|=\s*)?(\d{2})(?:\.\d)?\b")
_BMI_RANGES = ((45, "45 49"), (50, "50 59"), (60, "60 69"), (70, "70 greater"))
HISTORY_BONUS = 0.12  # a code of the class the query asks for (history, adverse effect)
# A history code that names what the query's history is of, however generally ("h/o DVT":
# "History, personal, thrombosis", Z86.718), leads the codes of the condition itself, which
# match the condition's own words ("deep vein") better.
HISTORY_OF_BONUS = 0.3
INHERITED_BONUS = 0.0005
# Room for float32 rounding when a score bound prunes fields.
_SLACK = 1e-4


def _asks(tokens: list[_Token], stems: frozenset[str]) -> bool:
    """Whether the query asks for one of ``stems`` (a typo or a partial word counts)."""
    for t in tokens:
        if stems & t.stems.keys():
            return True
        if len(t.text) >= 4 and any(t.text.startswith(s) or s.startswith(t.text) for s in stems):
            return True
    return False


# Lay words that mean their phrase only as written: "contacts" are lenses, but "contact"
# ("Contact with hot tap-water") and "glass" ("Contact with sharp glass") are not.
AS_WRITTEN = frozenset({"contacts", "glasses"})


@lru_cache(maxsize=1)
def _stemmed_phrases() -> dict[str, str]:
    """``PHRASES`` keyed by their words' stems too: ``kidney stones``, ``red eyes``."""
    out = {
        " ".join(stem(w) for w in p.split()): e for p, e in PHRASES.items() if p not in AS_WRITTEN
    }
    out.update(PHRASES)
    return out


_PHRASE_STARTS = frozenset(p.split()[0] for p in (*PHRASES, *_stemmed_phrases()) if p.split())


_LONG_TERM = "long term current use"
_REACTION_AFTER = frozenset({"after", "from", "since", "by"})


def _phrase(ws: list[str]) -> str | None:
    """The catalog words for a lay phrase, as written or inflected (``cold sores``)."""
    return PHRASES.get(" ".join(ws)) or _stemmed_phrases().get(" ".join(stem(w) for w in ws))


def _union(postings: list[np.ndarray], size: int) -> np.ndarray:
    """The sorted field ids in any of ``postings`` (each sorted, ids below ``size``)."""
    if len(postings) == 1:
        return postings[0]
    if sum(p.size for p in postings) * 32 < size:  # few fields: cheaper than a scan
        ids = np.sort(np.concatenate(postings))
        return ids[np.concatenate(([True], ids[1:] != ids[:-1]))]
    seen = np.zeros(size, dtype=bool)
    for p in postings:
        seen[p] = True
    return np.flatnonzero(seen)


def normalize_code(text: str) -> str:
    return text.upper().replace(".", "").replace(" ", "")


def _bmi_words(text: str) -> str:
    """``bmi 42`` -> the words of its Z68 range (``bmi 40 44 adult``)."""
    bmi = _BMI.search(text)
    if not bmi:
        return text
    n = int(bmi.group(1))
    span = "19 9 less" if n < 20 else str(n) if n < 40 else "40 44"
    for low, words_ in _BMI_RANGES:
        if n >= low:
            span = words_
    return f"{text[: bmi.start()]} bmi {span} adult {text[bmi.end() :]}"


def _asks_family_history(text: str) -> bool:
    """A relative who had the condition ("sister has ovarian cancer"), not a relative who is
    the patient ("grandma fell")."""
    return bool(
        _FAMILY_CUE.search(text)
        and not _NOT_FAMILY_CUE.search(text)
        and not _RELATIVE_IS_PATIENT.search(text)
    )


def _plainness(title: str, code: str) -> tuple[int, int]:
    """How plainly a title names its category's condition, lower first: "Type 2 diabetes
    mellitus without complications" (E11.9) and "Heart failure, unspecified" (I50.9) before
    "... with unspecified complications" (E11.8) or "Left ventricular failure, unspecified"
    (I50.1); an ICD-10-CM code ending in 9 breaks ties (the classification's unspecified
    place), and an "Other ..." title comes late."""
    plain = "without" in title or "uncomplicated" in title or title.endswith("unspecified")
    if plain and not re.search(r"\bwith\b", title):  # not "with retinopathy without edema"
        rank = 0
    elif title.startswith("unspecified "):
        rank = 1
    elif code.endswith("9") and not title.startswith("other "):
        rank = 2
    elif not title.startswith("other "):
        rank = 3
    else:
        rank = 4
    return rank, 0 if code.endswith("9") else 1


class SearchIndex:
    def __init__(self, documents: Iterable[Document]):
        self.docs: list[Document] = []
        field_doc: list[int] = []
        field_kind: list[float] = []
        field_stems: list[set[str]] = []
        self.field_text: list[str] = []
        postings: dict[str, list[int]] = defaultdict(list)
        self.by_code: dict[str, list[int]] = defaultdict(list)
        self.doc_norm: list[str] = []
        not_default: list[int] = []
        unspecified: list[int] = []
        plain: list[tuple[int, int]] = []
        long_titles: list[str] = []  # the long title says what the short one abbreviates
        for doc in documents:
            d = len(self.docs)
            title = (doc.titles[0] if doc.titles else doc.display).lower()
            long_titles.append(title)
            bits = sum(1 << i for i, (rx, _, _) in enumerate(NOT_DEFAULT) if rx.search(title))
            if bits >> _INTENT_BIT & 1 and _INTENT_FAMILY.match(normalize_code(doc.code)):
                bits ^= 1 << _INTENT_BIT | 1 << _DRUG_INTENT_BIT
            not_default.append(bits)
            unspecified.append(title.count("unspecified"))
            plain.append(_plainness(title, normalize_code(doc.code)))
            # keep what results show; the texts live on as fields
            self.docs.append(dataclasses.replace(doc, titles=(), synonyms=()))
            self.by_code[normalize_code(doc.code)].append(d)
            self.doc_norm.append(normalize_code(doc.code))
            seen: set[str] = set()
            texts = [(t, "title" if i == 0 else "descriptor") for i, t in enumerate(doc.titles)]
            for text, kind in [*texts, *doc.synonyms]:
                key = text.lower()
                if not text or key in seen:
                    continue
                seen.add(key)
                stems = {stem(w) for w in words(text)}
                if not stems:
                    continue
                f = len(field_doc)
                field_doc.append(d)
                field_kind.append(KIND_WEIGHTS.get(kind, 0.85))
                field_stems.append(stems)
                self.field_text.append(text)
                for s in stems:
                    postings[s].append(f)
        n = max(len(field_doc), 1)
        self.postings = {s: np.asarray(p, dtype=np.int32) for s, p in postings.items()}
        self.idf = {s: math.log(1 + n / len(p)) for s, p in postings.items()}
        self.field_doc = np.asarray(field_doc, dtype=np.int32)
        self.field_kind = np.asarray(field_kind, dtype=np.float32)
        # A field's length is the idf mass of its words: leaving out "encounter" or
        # "unspecified" costs a title little, leaving out "neonatal" costs it much.
        self.field_len = np.asarray(
            [sum(self.idf[s] for s in stems) for stems in field_stems], dtype=np.float32
        )
        del field_stems
        self.field_inv_len = (1 / self.field_len).astype(np.float32)
        self.vocab = sorted(self.postings)
        self.deletes: dict[str, list[str]] = defaultdict(list)
        for s in self.vocab:
            if len(s) >= 4:
                for d in _deletes(s):
                    self.deletes[d].append(s)
        self.codes_sorted = sorted(self.by_code)
        self.doc_billable = np.asarray([d.billable for d in self.docs], dtype=bool)
        self.doc_system = np.asarray([d.system for d in self.docs])
        self.doc_start = np.asarray(
            [(d.effective_date or datetime.date.min).toordinal() for d in self.docs], np.int64
        )
        self.doc_end = np.asarray(
            [(d.end_date or datetime.date.max).toordinal() for d in self.docs], np.int64
        )
        self.doc_retired = np.asarray([d.retired for d in self.docs], dtype=bool)
        self.doc_not_default = np.asarray(not_default, dtype=np.uint8)
        self.field_bonus = (BILLABLE_BONUS * self.doc_billable[self.field_doc]).astype(np.float32)
        self.default_child = self._default_children(unspecified, plain)
        self.family: dict[int, tuple[str, str, str]] = {}  # doc: key, intent, encounter
        self.family_docs: dict[str, list[int]] = defaultdict(list)
        history: list[int] = []
        family: list[int] = []
        adverse: list[int] = []
        for d, doc in enumerate(self.docs):
            if doc.system != "icd10cm":
                continue
            title = long_titles[d]  # "Personal history of ...", not "Prsnl hx of ..."
            if FAMILY_TITLE.search(title):
                family.append(d)
            elif HISTORY_TITLE.search(title):
                history.append(d)
            elif ADVERSE_TITLE.search(title):
                adverse.append(d)
            c = normalize_code(doc.code)
            if len(c) != 7 or c[6] not in ENCOUNTERS or not doc.billable:
                continue
            at = 4 if c[5] == "X" else 5  # T42.71XA: the intent before the placeholder
            intent = c[at] if _INTENT_FAMILY.match(c) and c[at] in INTENTS else ""
            key = c[:at] + "?" + c[at + 1 : 6] if intent else c[:6]
            self.family[d] = (key, intent, c[6])
            self.family_docs[key].append(d)
        first = np.searchsorted(self.field_doc, np.arange(len(self.docs)))
        self.doc_field = np.minimum(first, max(len(field_doc) - 1, 0)).astype(np.int32)
        in_class = np.zeros(len(self.docs), dtype=np.uint8)
        in_class[history] = HISTORY
        in_class[family] = FAMILY
        in_class[adverse] = ADVERSE
        self.field_class = in_class[self.field_doc]
        self.systems = frozenset(d.system for d in self.docs)
        self._masks: dict[tuple, np.ndarray] = {}
        self.field_not_default = self.doc_not_default[self.field_doc]
        self._penalties: dict[int, np.ndarray] = {}
        self._expanded: dict[tuple, dict[str, float]] = {}

    def _default_children(
        self, unspecified: list[int], plain: list[tuple[int, int]]
    ) -> dict[int, int]:
        """Each header's default billable code: the one a generic query means (``S13.4``
        -> ``S13.4XXA``, ``I50.2`` -> ``I50.20``): the common case, the most unspecified, first."""
        out: dict[int, int] = {}
        for i, norm in enumerate(self.codes_sorted):
            heads = [d for d in self.by_code[norm] if not self.docs[d].billable]
            if not heads:
                continue
            for h in heads:
                system = self.docs[h].system
                best: tuple | None = None
                j = i + 1
                while j < len(self.codes_sorted) and self.codes_sorted[j].startswith(norm):
                    for d in self.by_code[self.codes_sorted[j]]:
                        doc = self.docs[d]
                        if doc.system != system or not doc.billable or doc.retired:
                            continue
                        key = (
                            int(self.doc_not_default[d]).bit_count(),
                            plain[d],
                            -unspecified[d],
                            len(doc.code),
                            doc.sort_key,
                            doc.code,
                        )
                        if best is None or key < best[0]:
                            best = (key, d)
                    j += 1
                if best is not None:
                    out[h] = best[1]
        return out

    # -- query parsing -------------------------------------------------------------------

    def _expand(self, word: str, *, last: bool, autocomplete: bool) -> dict[str, float]:
        key = (word, last and autocomplete)
        out = self._expanded.get(key)
        if out is None:
            if len(self._expanded) > 50_000:
                self._expanded.clear()
            out = self._expanded[key] = self._expand_word(
                word, last=last, autocomplete=autocomplete
            )
        return dict(out)

    def _expand_word(self, word: str, *, last: bool, autocomplete: bool) -> dict[str, float]:
        s = stem(word)
        out: dict[str, float] = {}
        if s in self.postings:
            out[s] = EXACT
        if word in self.postings:
            out[word] = EXACT
        prefix_wanted = (autocomplete and last) or not out
        if prefix_wanted and len(word) >= (1 if autocomplete and last else 3):
            quality = 0.97 if autocomplete and last else PREFIX
            i = bisect.bisect_left(self.vocab, word)
            found = []
            while i < len(self.vocab) and self.vocab[i].startswith(word):
                found.append(self.vocab[i])
                i += 1
            if len(found) > 64:  # keep the most frequent completions
                found.sort(key=lambda t: -len(self.postings[t]))
                found = found[:64]
            for t in found:
                out.setdefault(t, quality)
        if not out and len(s) >= 4:
            cands: set[str] = set()
            for d in (*_deletes(s), s):
                cands.update(self.deletes.get(d, ()))
            for d in _deletes(s):
                if d in self.postings:
                    cands.add(d)
            for t in cands:
                if _within_one_edit(s, t):
                    out.setdefault(t, TYPO)
        return out

    @staticmethod
    def _query_words(q: str) -> list[str]:
        """The query's words: apostrophes dropped (``can't`` -> ``cant``), ages and durations
        left out, slash abbreviations kept whole when known (``n/v``), split otherwise."""
        text = q.lower().replace("'", "").replace("\u2019", "").replace("-", " ")
        text = _bmi_words(text)
        if _asks_family_history(text):
            # "sister has ovarian cancer": the family history of it
            text = _RELATIVE.sub(" family history ", text)
        if not _GESTATION.search(text):
            text = _AGE_OR_DURATION.sub(" ", text)
        elif _LABOR.search(text):
            # labor or birth before 37 weeks is preterm ("contractions at 30 weeks")
            weeks = _WEEKS.search(text)
            if weeks and 20 <= int(weeks.group(1)) < 37:
                text += " preterm"
        elif _PRENATAL.search(text) and (weeks := _WEEKS.search(text)):
            n = int(weeks.group(1))
            text += " first" if n < 14 else " second" if n < 28 else " third"
            text += " trimester"
        out: list[str] = []
        for w in _QUERY_WORD.findall(text):
            if "/" not in w or w in ABBREVIATIONS or w in CONTEXT_WORDS:
                out.append(w)
            elif w == "w/":
                out.append("with")
            elif w == "w/o":
                out.append("without")
            else:
                out.extend(p for p in w.split("/") if p)
        if len(out) > 1:
            out = [_SIDES.get(w, w) for w in out]
        return out

    @staticmethod
    def _rewrite(ws: list[str]) -> tuple[list[str], int]:
        """``ws`` with its everyday phrases in the catalog's words, and how many words the
        phrases took."""
        out: list[str] = []
        found = i = 0
        while i < len(ws):  # the longest phrase first, left to right
            starts = ws[i] in _PHRASE_STARTS or stem(ws[i]) in _PHRASE_STARTS
            for n in range(min(_PHRASE_WORDS, len(ws) - i) if starts else 0, 0, -1):
                expansion = _phrase(ws[i : i + n])
                if (
                    expansion is not None
                    and expansion.startswith(_LONG_TERM)
                    and i > 0
                    and ws[i - 1] in _REACTION_AFTER
                ):
                    # "dizzy after taking metformin" is the drug's adverse effect, not its
                    # long-term use ("type 2 on insulin" still is)
                    expansion = None
                if expansion is not None:
                    out.append(expansion)
                    found += n
                    i += n
                    break
            else:
                out.append(ws[i])
                i += 1
        return out, found

    def _joined(self, ws: list[str]) -> list[str]:
        """Two words the catalog writes as one ("wheel chair", "club foot", "tooth ache")."""
        out: list[str] = []
        for w in ws:
            prev = out[-1] if out else ""
            if (
                len(prev) >= 3
                and len(w) >= 3
                and prev.isalpha()
                and w.isalpha()
                and not {prev, w} & (STOPWORDS | _FILLERS)
            ):
                # only when the catalog writes it as one word more often than it writes
                # the rarer half ("wheelchair", not "longterm" for "long term")
                one = self.postings.get(prev + w)
                if one is None:
                    one = self.postings.get(stem(prev + w))
                halves = [len(self.postings.get(stem(x), ())) for x in (prev, w)]
                if one is not None and len(one) >= min(halves):
                    out[-1] = prev + w
                    continue
            out.append(w)
        return out

    def _variants(self, q: str) -> list[tuple[str, float]]:
        """The query as typed, and with everyday phrases in the catalog's words."""
        ws = self._query_words(q)
        out, found = self._rewrite(ws)
        if len(ws) > found:
            # a phrase with "my" or a side inside it ("blood clot in my left leg"), or a
            # level said last ("vit d low", "sugars running high"): taken when it reads more
            # of the query as phrases
            bare = [w for w in ws if w not in _FILLERS and w not in _SIDE_WORDS]
            if len(bare) > 1 and bare[-1] in _LEVEL_AFTER:
                head = bare[:-1]
                while head and head[-1] in _LEVEL_VERBS:
                    head.pop()
                bare = [bare[-1], *head]
            if bare != ws:
                again, more = self._rewrite(bare)
                if more > found:
                    out = again + [w for w in ws if w in _SIDE_WORDS]
        out = self._joined(" ".join(out).split())
        typed, text = " ".join(ws), " ".join(out)
        return [(typed, 1.0)] if text == typed else [(typed, 1.0), (text, PHRASE_QUALITY)]

    def _tokens(self, text: str, q: str, autocomplete: bool) -> list[_Token]:
        raw = [w for w in text.split() if w not in STOPWORDS][:MAX_QUERY_WORDS]
        tokens: list[_Token] = []
        for i, w in enumerate(raw):
            last = i == len(raw) - 1 and autocomplete and not q[-1:].isspace()
            expansion = ABBREVIATIONS.get(w)
            if expansion:
                for j, ew in enumerate(expansion.split()):
                    tok = _Token(ew, 1.0, self._expand(ew, last=False, autocomplete=False))
                    if j == 0 and w in self.postings:
                        tok.stems.setdefault(w, SYNONYM)
                    tokens.append(tok)
                continue
            tok = _Token(w, 1.0)
            lay = LAY_WORDS.get(w)
            if lay and not last:
                s = stem(w)
                if s in self.postings:
                    tok.stems[s] = EXACT
                for alt in lay:
                    tok.stems.setdefault(stem(alt), LAY)
                tok.stems = {s: q for s, q in tok.stems.items() if s in self.postings}
            if not tok.stems:
                tok.stems = self._expand(w, last=last, autocomplete=autocomplete)
            tokens.append(tok)
        for t in tokens:
            df = [len(self.postings[s]) for s in t.stems if s in self.postings]
            n = min(df) if df else 0
            if t.text in LAY_WORDS and df:
                # an everyday word the catalog barely uses weighs what its commonest
                # catalog word weighs ("fell" is rare in the catalog, "fall" is not)
                own = len(self.postings.get(stem(t.text), ()))
                n = own if own >= LAY_OWN_DF else max(df)
            t.weight = math.log(1 + len(self.field_doc) / n) if n else 1.0
        if any(t.text not in CONTEXT_WORDS for t in tokens if t.stems):
            for t in tokens:
                if t.text in CONTEXT_WORDS:
                    t.weight *= CONTEXT_WEIGHT
        return tokens

    # -- search --------------------------------------------------------------------------

    def _doc_mask(self, system, billable, as_of) -> np.ndarray:
        """Which codes may be returned (in effect, not retired unless ``as_of``, filters)."""
        key = (system, billable, as_of, as_of or datetime.date.today())
        mask = self._masks.get(key)
        if mask is None:
            day = key[-1].toordinal()
            mask = (self.doc_start <= day) & (self.doc_end >= day)
            if as_of is None:
                mask &= ~self.doc_retired
            if system is not None:
                mask &= self.doc_system == system
            if billable is not None:
                mask &= self.doc_billable == billable
            if len(self._masks) > 64:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def _code_hits(self, q: str, mask: np.ndarray, limit: int) -> list[tuple[int, float, str]]:
        """Documents whose code the query spells (exactly, or as a subtree prefix)."""
        parts = q.strip().split()
        if len(parts) != 1 or not _CODE_LIKE.match(parts[0].lower().replace(".", "")):
            return []
        norm = normalize_code(parts[0])
        out: list[tuple[int, float, str]] = []
        exact = [d for d in self.by_code.get(norm, ()) if mask[d]]
        typed = parts[0].upper()
        for d in exact:
            # "j1100" is HCPCS J1100 as printed before ICD-10-CM J11.00 without its dot
            printed = self.docs[d].code.upper() == typed
            out.append((d, CODE_SCORE + (1.5 if printed else 1), self.docs[d].code))
        # A code's subtree (E11 -> E11.0 ...) is in its own system; without an exact code,
        # the prefix completes codes of any system (as-you-type input).
        systems = {self.docs[d].system for d in exact}
        i = bisect.bisect_left(self.codes_sorted, norm)
        sub: list[int] = []
        while i < len(self.codes_sorted) and self.codes_sorted[i].startswith(norm):
            if self.codes_sorted[i] != norm:
                sub.extend(
                    d
                    for d in self.by_code[self.codes_sorted[i]]
                    if mask[d] and (not systems or self.docs[d].system in systems)
                )
            i += 1
            if len(sub) > 20 * limit:
                break
        sub.sort(key=lambda d: (len(self.docs[d].code), self.docs[d].sort_key, self.docs[d].code))
        for rank, d in enumerate(sub):
            out.append((d, CODE_SCORE - min(rank, 999) / 1000, self.docs[d].code))
        return out

    def search(
        self,
        q: str,
        *,
        system: str | None = None,
        billable: bool | None = None,
        as_of: datetime.date | None = None,
        limit: int = 10,
        autocomplete: bool = False,
    ) -> list[Hit]:
        mask = self._doc_mask(system, billable, as_of)
        results: dict[int, tuple[float, str]] = {}
        for d, score, matched in self._code_hits(q, mask, limit):
            if d not in results:
                results[d] = (score, matched)
        if len(results) < limit:
            for d, score, matched in self._text_hits(q, mask, limit, autocomplete):
                if d not in results:
                    results[d] = (score, matched)
        ranked = heapq.nsmallest(
            limit,
            results.items(),
            key=lambda kv: (-kv[1][0], self.docs[kv[0]].sort_key, self.docs[kv[0]].code),
        )
        return [
            Hit(self.docs[d].code, self.docs[d].system, self.docs[d].display, m, round(s, 4))
            for d, (s, m) in ranked
        ]

    def _text_hits(self, q, mask, limit, autocomplete) -> list[tuple[int, float, str]]:
        variants = self._variants(q)
        text = _bmi_words(q.lower())
        wanted = 0  # the class of codes the query asks for: HISTORY, FAMILY or ADVERSE
        if _asks_family_history(text):
            wanted = FAMILY
        elif _HISTORY_CUE.search(text):
            wanted = HISTORY
        parsed = []
        order_tokens: list[_Token] = []
        for text, quality in variants:
            all_tokens = self._tokens(text, q, autocomplete)
            tokens = [t for t in all_tokens if t.stems]
            order_tokens += tokens
            parsed.append((all_tokens, tokens, quality))
        order = self._family_order(order_tokens, text)
        cued = 0
        if order[1][0] == "5":  # "rash from amoxicillin": the drug's adverse effect first
            cued = 1 << _ADVERSE_BIT
            wanted = wanted or ADVERSE
        if wanted == HISTORY:
            cued |= 1 << _HISTORY_BIT
        asked_all = 0  # what the query asks for beyond the default code
        found = []
        for all_tokens, tokens, quality in parsed:
            asked = sum(1 << i for i, (_, asks, _) in enumerate(NOT_DEFAULT) if _asks(tokens, asks))
            asked_all |= asked
            # With a lay phrase rewritten, words the catalog does not know count against
            # the variant that leaves them unmatched ("annual physical": "annual").
            unknown = len(all_tokens) - len(tokens) if len(variants) > 1 else 0
            active = ((1 << len(NOT_DEFAULT)) - 1) & ~(asked | cued)
            found.append(
                (*self._variant_hits(tokens, mask, limit, unknown, active, wanted), quality)
            )
        # Each variant's limit-th best score is a floor for the limit-th best code; a hit
        # further below than two inherited bonuses can neither make the results nor lift a
        # default code into them.
        floor = -math.inf
        for _, scores, _, quality in found:
            if scores.size >= limit:
                floor = max(floor, float(scores[limit - 1]) * quality - 2 * INHERITED_BONUS)
        best: dict[int, tuple[float, int]] = {}
        for docs, scores, fields, quality in found:
            n = int(np.count_nonzero(scores >= floor / quality - 1e-6))  # best first
            for d, s, f in zip(
                docs[:n].tolist(), scores[:n].tolist(), fields[:n].tolist(), strict=True
            ):
                s *= quality
                if s < floor:
                    break
                if d not in best or s > best[d][0]:
                    best[d] = (s, f)
        # A header's match is its default code's too ("whiplash" is an inclusion term of
        # S13.4; S13.4XXA is what gets billed): the billable code just above its header, unless
        # the query asks for what that code does not say ("subsequent encounter"; T39.1X2A,
        # self-harm, is the default code of T39.1X2 for "suicide attempt with tylenol").
        for d, (s, f) in list(best.items()):
            c = self.default_child.get(d)
            if c is None or not mask[c] or asked_all & ~self._says(c):
                continue
            if c not in best or best[c][0] < s:
                best[c] = (s + INHERITED_BONUS, f)
        self._order_families(best, mask, order)
        self._children_before_headers(best, order_tokens)
        return [(d, s, self.field_text[f]) for d, (s, f) in best.items()]

    def _says(self, d: int) -> int:
        """What code ``d`` says beyond the default, as NOT_DEFAULT bits: a drug's intent is an
        intent, and the drug-intent bit is never missing (the intent bit decides)."""
        bits = int(self.doc_not_default[d])
        if bits >> _DRUG_INTENT_BIT & 1:
            bits |= 1 << _INTENT_BIT
        return bits | 1 << _DRUG_INTENT_BIT

    def _words_said(self, f: int, tokens: list[_Token]) -> int:
        """How many of the query's words field ``f`` matches."""
        stems = {stem(w) for w in words(self.field_text[f])}
        return len({t.text for t in tokens if not stems.isdisjoint(t.stems)})

    def _children_before_headers(self, best: dict, tokens: list[_Token]) -> None:
        """A header never leads all of its own billable codes that match at least as many of
        the query's words (its shorter title matches a little better, but what gets billed is
        a code below it): the one of them that matches the most words goes just above it."""
        heads = {self.doc_norm[d]: d for d in best if not self.doc_billable[d]}
        if not heads:
            return
        children: dict[int, list[int]] = defaultdict(list)
        for d in best:
            if self.doc_billable[d]:
                code = self.doc_norm[d]
                for n in range(3, len(code)):
                    h = heads.get(code[:n])
                    if h is not None and self.docs[h].system == self.docs[d].system:
                        children[h].append(d)
        for h, kids in children.items():
            sh, fh = best[h]
            least = self._words_said(fh, tokens)
            said = [(self._words_said(best[d][1], tokens), best[d][0], d) for d in kids]
            said = [x for x in said if x[0] >= least]
            if said and max(s for _, s, _ in said) < sh:
                _, _, d = max(said)
                best[d] = (sh + INHERITED_BONUS, best[d][1])

    @staticmethod
    def _family_order(tokens: list[_Token], text: str) -> tuple[str, str]:
        """The encounters and intents in the order the query wants them."""
        encounters = ENCOUNTERS
        if _asks(tokens, ASKS_SEQUELA):
            encounters = "SAD"
        elif _asks(tokens, ASKS_SUBSEQUENT) or _FOLLOW_UP.search(text):
            encounters = "DAS"
        intents = INTENTS
        asked = [intent for intent, stems in ASKS_INTENT if _asks(tokens, stems)]
        if asked:
            intent = asked[0]
        else:
            poisoning = _POISONING_CUE.search(text)
            intent = "5" if _ADVERSE_CUE.search(text) and not poisoning else ""
        if intent:
            intents = intent + intents.replace(intent, "")
        return encounters, intents

    def _order_families(self, best: dict, mask: np.ndarray, order: tuple[str, str]) -> None:
        """Hand each family's scores to its members in the wanted order (see ENCOUNTERS)."""
        encounters, intents = order
        groups: dict[str, list[int]] = defaultdict(list)
        for d in best:
            fam = self.family.get(d)
            if fam is not None:
                groups[fam[0]].append(d)
        for key, present in groups.items():
            members = [d for d in self.family_docs[key] if mask[d]]
            if len(members) < 2:
                continue
            members.sort(
                key=lambda d: (
                    encounters.index(self.family[d][2]),
                    intents.index(self.family[d][1]) if self.family[d][1] else 0,
                )
            )
            held = {d: best.pop(d) for d in present}
            scores = sorted((s for s, _ in held.values()), reverse=True)
            for d, s in zip(members, scores, strict=False):
                # the member's own matched field, else the one that matched for the family
                f = held[d][1] if d in held else max(held.values())[1]
                if d not in held and self.field_doc[f] in held:
                    f = int(self.doc_field[d])
                best[d] = (s, f)

    def _variant_hits(
        self, tokens, mask, limit, unknown=0, active=0, wanted=0
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Codes, scores and fields: each code's best field among the top fields for one
        query variant, best first.

        Every field's share of the query words matched (and their weight) is summed over the
        postings, in float32 and token order. A field scores at most that share plus the
        coverage term (0.2) and the billable bonus (kind <= 1, penalties >= 0), or, worth
        computing for every field when the postings are many, its score before penalties;
        only the fields whose bound reaches a k-th best score found among
        the best-bounded fields can make the top k, and only those are scored in full (the
        same operations on the same values: the same top k as scoring every field).
        """
        none = (np.empty(0, np.int32), np.empty(0, np.float32), np.empty(0, np.int32))
        if not tokens:
            return none
        nf = len(self.field_doc)
        total_weight = sum(t.weight for t in tokens) + unknown * math.log(1 + nf)
        score = np.zeros(nf, dtype=np.float32)
        matched = np.zeros(nf, dtype=np.float32)
        posted = 0
        # in a history query, the weight of the words about what the history is of
        said = np.zeros(nf, dtype=np.float32) if wanted in (HISTORY, FAMILY) else None
        lift = None
        for t in tokens:
            share = t.weight / total_weight
            if len(t.stems) == 1:
                [(s, quality)] = t.stems.items()
                hit = self.postings[s]  # unique field ids: += is safe
                score[hit] += quality * share
                matched[hit] += t.weight
                if said is not None and t.text not in HISTORY_WORDS:
                    said[hit] += t.weight
                posted += hit.size
                continue
            tok = np.zeros(nf, dtype=np.float32)
            posts = []
            for s, quality in sorted(t.stems.items(), key=lambda kv: kv[1]):
                posts.append(self.postings[s])
                tok[posts[-1]] = quality  # ascending quality: the best stem wins
            hit = _union(posts, nf)
            score[hit] += tok[hit] * share
            matched[hit] += t.weight
            if said is not None and t.text not in HISTORY_WORDS:
                said[hit] += t.weight
            posted += hit.size
        if wanted:  # "h/o DVT", "rash from amoxicillin": the class's fields ahead of others
            ids = np.flatnonzero((self.field_class == wanted) & (score > 0))
            score[ids] += HISTORY_BONUS
            if said is not None:
                # after the field kind: an index term and a title of history codes keep
                # their order ("s/p stent": Z95.5 with implant before Z98.61), and the more
                # of what it is of a code names, the more it leads ("h/o stroke": Z86.73,
                # "cerebral infarction", before I25.2, "myocardial infarction")
                lift = np.zeros(nf, dtype=np.float32)
                of = said[ids]
                if of.size and of.max() > 0:
                    lift[ids] = HISTORY_OF_BONUS * of / of.max()
        k = max(50 * limit, 400)
        # A bound on each field's score: its share matched plus what coverage, the billable
        # bonus and a field kind up to 1 can add; with many postings, the coverage, kind and
        # bonus are worth computing over every field for a tighter bound.
        if posted * 8 > nf:
            bound = matched * self.field_inv_len
            np.minimum(bound, 1.0, out=bound)
            bound *= 0.2
            bound += score
            bound *= self.field_kind
            bound += self.field_bonus
            if active:  # what a code says that the query did not ask for (INTENT_PENALTY)
                bound -= self._field_penalties(active)
            margin = _SLACK
        else:
            bound, margin = score, 0.2 + BILLABLE_BONUS + _SLACK
        if lift is not None:
            bound = bound + lift
        # A k-th best score among the fields bounded by at least half the best bound (or a
        # quarter ...), enough of them in the filters; only the fields whose bound reaches
        # that score can make the top k.
        level = float(bound.max()) / 2
        while True:
            while level > _SLACK and np.count_nonzero(bound >= level) < k:
                level /= 4
            cand = np.flatnonzero(bound >= level) if level > _SLACK else np.flatnonzero(score > 0)
            cand = cand[mask[self.field_doc[cand]]]
            if cand.size >= k or level <= _SLACK:
                break
            level /= 4
        if level > _SLACK:
            # a k-th best score among at most about 4k of them is a floor for the top k
            sub = cand[:: max(1, cand.size // (4 * k))]
            fs = self._field_scores(sub, score, matched, active, lift)
            floor = float(np.partition(fs, sub.size - k)[sub.size - k]) - margin
            if floor < level:
                cand = (
                    np.flatnonzero(bound >= floor) if floor > _SLACK else np.flatnonzero(score > 0)
                )
                cand = cand[mask[self.field_doc[cand]]]
            else:
                cand = cand[bound[cand] >= floor]
        if cand.size == 0:
            return none
        fs = self._field_scores(cand, score, matched, active, lift)
        if cand.size > k:
            kth = np.partition(fs, cand.size - k)[cand.size - k]
            top = np.flatnonzero(fs >= kth)  # ties at the boundary all stay
        else:
            top = np.arange(cand.size)
        top = top[np.argsort(-fs[top], kind="stable")]  # ties: field order
        _, first = np.unique(self.field_doc[cand[top]], return_index=True)
        top = top[np.sort(first)]  # each code's best field, best first
        return self.field_doc[cand[top]], fs[top], cand[top]

    def _field_penalties(self, active: int) -> np.ndarray:
        """Each field's NOT_DEFAULT penalty when the query leaves ``active`` unasked."""
        out = self._penalties.get(active)
        if out is None:
            if len(self._penalties) > 16:
                self._penalties.clear()
            out = self._penalties[active] = _PENALTIES[self.field_not_default & active]
        return out

    def _field_scores(self, cand, score, matched, active, lift=None) -> np.ndarray:
        """The scores of fields ``cand`` from the query words' share and weight matched."""
        coverage = np.minimum(matched[cand] / self.field_len[cand], 1.0)
        fs = (score[cand] + 0.2 * coverage) * self.field_kind[cand]
        cand_doc = self.field_doc[cand]
        fs += self.field_bonus[cand]
        if active:
            fs -= _PENALTIES[self.doc_not_default[cand_doc] & active]
        if lift is not None:
            fs += lift[cand]
        return fs
