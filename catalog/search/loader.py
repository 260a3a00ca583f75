"""Documents for the search engine, read from the catalog database.

One ``Document`` per code: its descriptors as titles; ICD-10-CM inclusion terms, index and
table terms (and index terms whose ``see`` reference leads to the code) as synonyms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from catalog.models import Code, CodeNote, CodeStatus, IndexTerm, NoteKind
from catalog.search.engine import Document

_SPACES = re.compile(r"\s+")
# Nonessential modifiers, "(acute) (double) (lobar)": they would make every index term long
# and so rank below titles that say less.
_PARENS = re.compile(r"\([^()]*\)")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _PARENS.sub(" ", text)).strip()


def _main(title: str) -> str:
    """``Attack, attacks`` -> ``attack``: a main term's first spelling, as ``see`` cites it."""
    return title.split(",")[0].strip().lower()


def _spellings(main: str) -> tuple[str, list[str]]:
    """``Asthma, asthmatic`` -> ``("Asthma", ["asthmatic"])``: a main term's other spellings
    would make each of its terms longer than it reads (``Tamponade, heart`` stays whole)."""
    first, *others = (p.strip() for p in _clean(main).split(","))
    variants = [p for p in others if " " not in p and p[:3].lower() == first[:3].lower()]
    return ", ".join([first, *(p for p in others if p not in variants)]), variants


def _see_key(parts: list[str]) -> str:
    return " > ".join(p.strip().lower() for p in parts)


def index_synonyms() -> dict[int, list[tuple[str, str]]]:
    """Index and table terms per code id, ``see`` references followed one step."""
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    by_path: dict[str, int] = {}
    pending: list[tuple[str, str]] = []
    rows = IndexTerm.objects.order_by("index", "position", "column").values_list(
        "path", "column_title", "code_id", "see", "see_also", "index", "level"
    )
    for path, column_title, code_id, see, see_also, index, level in rows.iterator(
        chunk_size=20_000
    ):
        parts = path.split(" > ")
        main, variants = _spellings(parts[0])
        text = " ".join([main, *parts[1:]])
        if column_title:
            text = f"{text} {column_title}"
        if code_id:
            # A main term's own code is the index's default code for that condition.
            kind = "index_main" if level == 0 and index == "index" else "index"
            out[code_id].append((_clean(text), kind))
            if level == 0:
                out[code_id].extend((v, kind) for v in variants)
            key = _see_key([_main(parts[0]), *parts[1:]])
            by_path.setdefault(key, code_id)
        elif (see or see_also) and index == "index":
            # "Cephalgia - see also Headache": a term without a code of its own leads to
            # the code of the term it refers to.
            pending.append((_clean(text), see or see_also))
    for text, see in pending:
        target = list(see.split(","))
        while target:
            code_id = by_path.get(_see_key(target))
            if code_id:
                out[code_id].append((text, "see"))
                break
            target = target[:-1]
    return out


def documents() -> Iterator[Document]:
    """Every code of the catalog as a search document."""
    synonyms = index_synonyms()
    inclusion: dict[int, list[tuple[str, str]]] = defaultdict(list)
    # Inclusion terms, and "Includes" notes of the code itself (I10: "high blood pressure").
    notes = CodeNote.objects.filter(
        kind__in=[NoteKind.INCLUSION_TERM, NoteKind.INCLUDES]
    ).values_list("code_id", "text")
    for code_id, text in notes.iterator(chunk_size=20_000):
        inclusion[code_id].append((text, "inclusion"))
    rows = Code.objects.values_list(
        "id",
        "system__slug",
        "code",
        "short_descriptor",
        "medium_descriptor",
        "long_descriptor",
        "billable",
        "effective_date",
        "end_date",
        "status",
        "sort_key",
    ).order_by("id")
    for (
        cid,
        system,
        code,
        short,
        medium,
        long,
        billable,
        start,
        end,
        status,
        sort_key,
    ) in rows.iterator(chunk_size=20_000):
        titles = tuple(t for t in (long or short, short, medium) if t)
        yield Document(
            code=code,
            system=system,
            display=short or long[:200],
            titles=titles,
            synonyms=tuple(inclusion.get(cid, ())) + tuple(synonyms.get(cid, ())),
            billable=billable,
            effective_date=start,
            end_date=end,
            retired=status == CodeStatus.RETIRED,
            sort_key=sort_key or code,
        )
