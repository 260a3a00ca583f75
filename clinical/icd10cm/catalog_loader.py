"""DetectICD10CM's knowledge from the database catalog (the importers' ICD-10-CM releases).

The engine (``clinical.icd10cm``) stays free of Django: this module reads the catalog rows
the importers wrote (``catalog.models.Code`` / ``CodeNote`` for the tabular list,
``IndexTerm`` for the Alphabetic Index, External Cause Index and the Drug and Neoplasm
tables) and feeds them to the same ``build_knowledge`` the file reader uses, so a catalog
loaded with the official files gives the same knowledge as the files themselves.

The built object is cached like the file-based one (in the process, then as a pickle),
keyed by the catalog's ICD-10-CM releases (id, source, version, checksum) and the builder's
source: a new import or re-import with other data builds it again.

What is used: the newest release (by effective date) of each of ``icd10cm`` (tabular;
required), ``icd10cm-index``, ``icd10cm-eindex``, ``icd10cm-neoplasm`` and
``icd10cm-drug``. ``service_knowledge`` is what the API uses: the catalog's knowledge when
the catalog holds an ICD-10-CM tabular release, else the knowledge from the files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from django.db import connection

from catalog.models import Code, CodeLevel, CodeNote, CodeStatus, IndexTerm, NoteKind, Release
from clinical.icd10cm.knowledge import (
    W_EXTERNAL,
    W_INDEX,
    Knowledge,
    TabularEntry,
    build_knowledge,
    builder_digest,
    cached_knowledge,
    load_knowledge,
)

TABULAR_SOURCE = "icd10cm"
# index kind -> (release source, weight); same trust as the file reader gives each file
INDEXES = {"index": W_INDEX * 0.98, "eindex": W_EXTERNAL}
TABLES = ("neoplasm", "drug")
SOURCES = (TABULAR_SOURCE, *(f"icd10cm-{k}" for k in (*INDEXES, *TABLES)))

# The importer keeps a term's non-essential modifiers in its title, spaced and in
# parentheses ("Anemia (essential) (general)"); the detector's terms leave them out.
_NEMOD = re.compile(r"\s*\([^()]*\)")


def catalog_releases() -> dict[str, Release]:
    """The newest release of each ICD-10-CM source in the catalog ({} without a tabular)."""
    latest: dict[str, Release] = {}
    for release in Release.objects.filter(source__in=SOURCES).order_by(
        "source", "-effective_date", "-id"
    ):
        latest.setdefault(release.source, release)
    return latest if TABULAR_SOURCE in latest else {}


def _strip_nemod(title: str) -> str:
    return " ".join(_NEMOD.sub("", title).split())


def _tabular(release: Release) -> tuple[list[str], list[TabularEntry]]:
    """(valid codes, tabular entries in document order) from the catalog's ICD-10-CM rows."""
    rows = list(
        Code.objects.filter(
            system__slug="icd10cm",
            status=CodeStatus.ACTIVE,
            level__in=[CodeLevel.CATEGORY, CodeLevel.SUBCATEGORY, CodeLevel.CODE],
        )
        .order_by("sort_key", "code")
        .values_list("id", "code", "normalized", "parent_id", "long_descriptor")
    )
    notes: dict[int, dict[str, list[tuple[str, str]]]] = {}
    wanted = [
        NoteKind.INCLUSION_TERM,
        NoteKind.INCLUDES,
        NoteKind.EXCLUDES1,
        NoteKind.SEVENTH_CHARACTER,
    ]
    for code_id, kind, character, text in (
        CodeNote.objects.filter(release=release, kind__in=wanted)
        .order_by("code_id", "kind", "position")
        .values_list("code_id", "kind", "character", "text")
        .iterator(chunk_size=5000)
    ):
        notes.setdefault(code_id, {}).setdefault(kind, []).append((character, text))

    by_id = {pk: (code, normalized) for pk, code, normalized, _, _ in rows}
    ruled: set[int] = set()  # codes with a 7th-character rule, their own or inherited
    derived: set[int] = set()  # 7-character codes the importer made from a rule
    for pk, _code, normalized, parent, _title in rows:
        if parent in ruled:
            ruled.add(pk)
            if len(normalized) == 7:
                derived.add(pk)
        elif NoteKind.SEVENTH_CHARACTER in notes.get(pk, {}):
            ruled.add(pk)
    children: dict[int, list[str]] = {}
    for pk, code, _normalized, parent, _title in rows:
        if parent in by_id and pk not in derived:
            children.setdefault(parent, []).append(code)

    entries = []
    for pk, code, _normalized, _parent, title in rows:
        if pk in derived:
            continue
        own = notes.get(pk, {})
        seventh = own.get(NoteKind.SEVENTH_CHARACTER)
        entries.append(
            TabularEntry(
                code=code,
                title=title,
                inclusions=[t for _, t in own.get(NoteKind.INCLUSION_TERM, [])]
                + [t for _, t in own.get(NoteKind.INCLUDES, [])],
                excludes1=[t for _, t in own.get(NoteKind.EXCLUDES1, [])],
                seventh=None if seventh is None else dict(seventh),
                children=children.get(pk, []),
            )
        )
    return [code for _pk, code, *_ in rows], entries


def _terms(release: Release, kind: str) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(position, level, title, column, code_text, see) of an index release, in order."""
    yield from (
        IndexTerm.objects.filter(release=release, index=kind)
        .order_by("position", "column")
        .values_list("position", "level", "title", "column", "code_text", "see")
        .iterator(chunk_size=5000)
    )


def _index_nodes(release: Release, kind: str) -> Iterator[tuple[list[str], str, str]]:
    """(title path, first code, see) per index term, as ``knowledge.index_nodes_xml``."""
    trail: list[str] = []
    last = None
    for position, level, title, _column, code, see in _terms(release, kind):
        if position == last:  # further codes of the same term: the file reader reads one
            continue
        last = position
        trail = [*trail[:level], _strip_nemod(title)]
        yield list(trail), code, see


def _table_rows(release: Release, kind: str) -> Iterator[tuple[list[str], dict[str, str]]]:
    """(title path, {column: code}) per table term, as ``knowledge.table_rows``."""
    trail: list[str] = []
    current: tuple[list[str], dict[str, str]] | None = None
    last = None
    for position, level, title, column, code, _see in _terms(release, kind):
        if position != last:
            if current is not None:
                yield current
            last = position
            trail = [*trail[:level], _strip_nemod(title)]
            current = (list(trail), {})
        if code and current is not None:
            current[1].setdefault(str(column), code)
    if current is not None:
        yield current


def _digest(releases: dict[str, Release]) -> str:
    h = builder_digest(Path(__file__))
    h.update(str(connection.settings_dict.get("NAME")).encode())
    for source in sorted(releases):
        r = releases[source]
        h.update(f"{source}={r.pk}:{r.version}:{r.effective_date}:{r.checksum};".encode())
    return h.hexdigest()[:20]


def knowledge_from_catalog(*, use_cache: bool = True, rebuild: bool = False) -> Knowledge:
    """The detector's knowledge from the catalog's ICD-10-CM releases (cached, see above).

    Raises ``LookupError`` when the catalog holds no ICD-10-CM tabular release.
    """
    releases = catalog_releases()
    if not releases:
        raise LookupError("the catalog holds no ICD-10-CM release (run import_icd10cm)")

    def build() -> Knowledge:
        tabular = releases[TABULAR_SOURCE]
        codes, entries = _tabular(tabular)
        indexes = [
            (kind, _index_nodes(releases[f"icd10cm-{kind}"], kind), weight)
            for kind, weight in INDEXES.items()
            if f"icd10cm-{kind}" in releases
        ]
        tables = [
            (kind, _table_rows(releases[f"icd10cm-{kind}"], kind))
            for kind in TABLES
            if f"icd10cm-{kind}" in releases
        ]
        names = [f"catalog:{r.source} {r.version}" for _, r in sorted(releases.items())]
        kb = build_knowledge(
            codes=codes,
            tabular=entries,
            indexes=indexes,
            tables=tables,
            version=f"FY{tabular.version[:4]}" if tabular.version[:4].isdigit() else "",
            sources=["catalog"],
        )
        kb.sources = [*names, *kb.sources[1:]]
        return kb

    return cached_knowledge(
        _digest(releases), build, kind="catalog", use_cache=use_cache, rebuild=rebuild
    )


def service_knowledge() -> Knowledge:
    """What the API detects with: the catalog's knowledge when it holds an ICD-10-CM
    tabular release and the Alphabetic Index, else the knowledge from the official files.

    A catalog with the tabular alone (the quick start imports only that) would give the
    detector far fewer terms than the files, so it waits for the index to be imported.
    """
    if f"{TABULAR_SOURCE}-index" in catalog_releases():
        return knowledge_from_catalog()
    return load_knowledge()
