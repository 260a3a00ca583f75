"""CasePilot: answers coding questions from catalog facts, each fact with its citation.

``answer(question=..., as_of=..., conversation=..., visible=...)`` classifies the question
(``intent``), retrieves facts (``retrieval``), and composes the answer sentence by sentence;
every sentence that states a fact carries a citation ``[n]`` to the release it came from.
Before it returns, every code-like token in the answer is checked against the catalog for
``as_of``: a sentence naming a code the catalog lacks is dropped, so no answer names a code
that does not exist. The optional language model (``llm``) may only rephrase the composed
answer, under the same check.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from catalog.pages import CodePage, ReleaseRef
from clinical.casepilot import llm, retrieval
from clinical.casepilot.intent import (
    ANSWER_CODE_TOKEN,
    Question,
    classify,
    note_kinds,
    resolve_follow_up,
)
from clinical.casepilot.retrieval import FoundCode

CAN_ANSWER = [
    "What is CPT code 97550?",
    "Is E11.9 billable?",
    "Which modifiers apply to 97550?",
    "Can 97550 and 97551 be billed together?",
    "What is the MUE for 97550?",
    "ICD-9 250.00 in ICD-10-CM?",
    "What are the RVUs for 97550?",
    "ICD-10-CM guidelines for sepsis",
    "Code this case: type 2 diabetes with stage 3 chronic kidney disease",
]

WITHHELD = (
    "descriptor withheld: CPT descriptors are AMA licensed content, shown only to accounts "
    "with an attested CPT licence"
)
HCPCS_COVERAGE = {
    "C": "Carrier judgment",
    "D": "Special coverage instructions apply",
    "I": "Not payable by Medicare",
    "M": "Non-covered by Medicare",
    "S": "Non-covered by Medicare statute",
}
GUIDELINE_MIN_SCORE = 0.3
GUIDELINE_MIN_COVERAGE = 0.6
EXCERPT_CHARS = 600


@dataclass
class Composer:
    """Collects sentences, their citations and the codes they name."""

    as_of: datetime.date
    visible: Callable[[str], bool]
    lines: list[str] = field(default_factory=list)
    citations: list[dict[str, str]] = field(default_factory=list)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    follow_ups: list[str] = field(default_factory=list)

    def cite(self, release: ReleaseRef | tuple[str, str], ref: str) -> str:
        source, version = (
            (release.source, release.version) if isinstance(release, ReleaseRef) else release
        )
        entry = {"source": source, "release": version, "ref": ref}
        if entry not in self.citations:
            self.citations.append(entry)
        return f" [{self.citations.index(entry) + 1}]"

    def say(self, text: str, release: ReleaseRef | tuple[str, str] | None = None, ref: str = ""):
        self.lines.append(text + (self.cite(release, ref) if release is not None else ""))

    def code(self, system: str, code: str, display: str) -> str:
        shown = display if self.visible(system) else ""
        self.codes.setdefault(code, {"system": system, "code": code, "display": shown})
        return code

    def found(self, f: FoundCode) -> str:
        return self.code(f.system, f.code, f.display)

    def descriptor(self, page: CodePage) -> str:
        if not self.visible(page.system):
            return f"({WITHHELD})"
        d = page.descriptors
        return d.long or d.medium or d.short or "(no descriptor in the catalog)"

    def page_code(self, page: CodePage) -> str:
        d = page.descriptors
        return self.code(page.system, page.code, d.short or d.long[:200])


# -- intents -------------------------------------------------------------------------------


def _pages(c: Composer, codes: list[FoundCode]) -> list[CodePage]:
    out = []
    for f in codes:
        p = retrieval.page(f, as_of=c.as_of)
        if p is not None:
            out.append(p)
    return out


def _not_found(c: Composer, q: Question) -> None:
    # the unknown token is not repeated: no answer names a code the catalog lacks
    c.say(
        f"The catalog has no code by that name in effect on {c.as_of.isoformat()}, so I "
        "cannot answer about it."
    )


def _lookup(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        status = "active" if p.status == "active" else "retired"
        kind = "billable" if p.billable else f"not billable ({p.level}: use a more specific code)"
        c.say(
            f"{p.system_name} {code}: {c.descriptor(p)}. It is {status} and {kind} as of "
            f"{p.as_of.isoformat()}.",
            p.release,
            f"{p.system} {p.code}",
        )
        if p.mpfs:
            fs = p.mpfs[0]
            if fs.status:
                c.say(
                    f"Medicare Physician Fee Schedule {fs.year} status {fs.status.code}: "
                    f"{fs.status.meaning}.",
                    fs.release,
                    f"MPFS {fs.year} {p.code} status",
                )
        if p.add_ons or p.primaries:
            c.follow_ups.append(f"Which add-on codes go with {code}?")
        c.follow_ups.append(f"Which modifiers apply to {code}?")


def _billable(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        if p.billable:
            c.say(
                f"Yes: {code} is billable (a valid code for claims) as of {p.as_of.isoformat()}: "
                f"{c.descriptor(p)}.",
                p.release,
                f"{p.system} {p.code}",
            )
            continue
        children = [ch for ch in p.children if ch.billable][:8]
        more = ""
        if children:
            listed = ", ".join(c.code(p.system, ch.code, ch.display) for ch in children)
            more = f" Billable codes under it include {listed}."
        c.say(
            f"No: {code} is a {p.level} (header), not billable; report a more specific code."
            + more,
            p.release,
            f"{p.system} {p.code}",
        )


def _modifiers(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        if not p.modifiers:
            c.say(f"The catalog lists no applicable modifiers for {code}.")
            continue
        c.say(f"Modifiers that apply to {code}:")
        for m in p.modifiers:
            reason = f" ({m.reason.rstrip('.')})" if m.reason else ""
            c.say(f"- {m.code}: {m.description}{reason}.", m.release, f"{p.code} modifier {m.code}")
        for e in p.ncci_edits:
            if e.modifier_indicator and e.modifier_indicator.code == "1":
                other = e.column2 if e.role == "column1" else e.column1
                c.say(
                    f"With {other}, an NCCI-associated modifier (such as 59 or XE, XP, XS, XU) "
                    "may bypass the NCCI edit when clinically appropriate.",
                    e.release,
                    f"PTP {e.column1}/{e.column2}",
                )


def _modifier_lookup(c: Composer, q: Question) -> None:
    found = retrieval.resolve_modifiers(q.modifiers, as_of=c.as_of)
    if not found:
        c.say(f"The catalog has no modifier {', '.join(q.modifiers)}.")
        return
    for f in found:
        p = retrieval.page(f, as_of=c.as_of)
        if p is None:
            continue
        d = p.descriptors
        text = d.long or d.short
        if not text:
            c.say(
                f"The catalog lists modifier {p.code} (from {p.release.source}) but holds no "
                "description of it (CPT modifier descriptors are AMA content)."
            )
            continue
        c.say(
            f"Modifier {p.code}: {text}.",
            p.release,
            f"modifier {p.code}",
        )


def _mue(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        rows = p.mue
        ncci = [m for m in rows if m.release.source.startswith("ncci-mue")]
        rows = ncci or rows
        if not rows:
            c.say(
                f"The catalog holds no MUE (Medically Unlikely Edit) for {code} as of "
                f"{c.as_of.isoformat()}, so I cannot give one."
            )
            continue
        best: dict[str, Any] = {}
        for m in rows:
            cur = best.get(m.service_type)
            if cur is None or m.release.effective_date > cur.release.effective_date:
                best[m.service_type] = m
        for m in best.values():
            adj = (
                f", adjudication indicator {m.adjudication_indicator.code} "
                f"({m.adjudication_indicator.meaning})"
                if m.adjudication_indicator
                else ""
            )
            why = f", rationale: {m.rationale}" if m.rationale else ""
            c.say(
                f"MUE for {code}, {m.service_type} services: {m.value} unit(s) per day{adj}{why}.",
                m.release,
                f"MUE {m.service_type} {p.code}",
            )


def _add_on(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        if p.primaries:
            listed = list(
                dict.fromkeys(
                    c.code(a.code.system, a.code.code, a.code.display) if a.code else a.code_text
                    for a in p.primaries
                )
            )
            e = p.primaries[0]
            c.say(
                f"{code} is an add-on code (NCCI edit type {e.edit_type}: "
                f"{e.edit_type_meaning}). Report it with a primary code: "
                f"{', '.join(listed[:15])}{' and others' if len(listed) > 15 else ''}.",
                e.release,
                f"AOC {p.code}",
            )
        if p.add_ons:
            listed = list(
                dict.fromkeys(
                    c.code(a.code.system, a.code.code, a.code.display) if a.code else a.code_text
                    for a in p.add_ons
                )
            )
            c.say(
                f"Add-on codes reported with {code} as primary: {', '.join(listed[:15])}.",
                p.add_ons[0].release,
                f"AOC primary {p.code}",
            )
        if not p.primaries and not p.add_ons:
            c.say(f"The catalog has no NCCI add-on edit naming {code}.")


def _pair(c: Composer, pages: list[CodePage]) -> None:
    if len(pages) < 2:
        _add_on(c, pages)
        return
    a, b = pages[0], pages[1]
    ca, cb = c.page_code(a), c.page_code(b)
    said = False
    for x, y in ((a, b), (b, a)):
        for link in x.add_ons:
            if link.code and link.code.code == y.code and not said:
                c.say(
                    f"{y.code} is an add-on code of {x.code}: report {y.code} in addition to "
                    f"{x.code} (NCCI add-on edit type {link.edit_type}: "
                    f"{link.edit_type_meaning}).",
                    link.release,
                    f"AOC {y.code} with {x.code}",
                )
                said = True
    for e in a.ncci_edits:
        if {e.column1, e.column2} != {a.code, b.code}:
            continue
        if e.end_date and e.end_date < c.as_of:
            continue
        ind = e.modifier_indicator
        rule = (
            f"modifier indicator {ind.code}: {ind.meaning}"
            if ind
            else "no modifier indicator recorded"
        )
        c.say(
            f"NCCI PTP edit ({e.setting}): column 1 {e.column1}, column 2 {e.column2}; the "
            f"column 2 code is not paid with the column 1 code unless the edit allows it "
            f"({rule}). Rationale: {e.rationale or 'not given'}.",
            e.release,
            f"PTP {e.column1}/{e.column2}",
        )
        said = True
    if not said:
        c.say(
            f"The catalog has no NCCI procedure-to-procedure or add-on edit between {ca} and "
            f"{cb} in effect on {c.as_of.isoformat()}."
        )


def _payment(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        rows = [fs for fs in p.mpfs if not fs.modifier] or p.mpfs
        if not rows:
            c.say(f"The catalog has no Medicare Physician Fee Schedule record for {code}.")
            continue
        fs = rows[0]
        r = fs.rvus
        parts = [f"work RVU {r.work}" if r.work is not None else ""]
        if r.non_facility_total is not None and not r.non_facility_na:
            parts.append(f"non-facility total RVU {r.non_facility_total}")
        if r.facility_total is not None and not r.facility_na:
            parts.append(f"facility total RVU {r.facility_total}")
        ref = f"MPFS {fs.year} {p.code}"
        parts = [x for x in parts if x]
        if parts:
            c.say(f"{code}, MPFS {fs.year}: " + ", ".join(parts) + ".", fs.release, ref)
        else:
            c.say(f"The catalog's MPFS {fs.year} record for {code} gives no RVUs.")
        if fs.payment.non_facility is not None or fs.payment.facility is not None:
            c.say(
                f"National payment at conversion factor {fs.conversion_factor}: "
                f"non-facility ${fs.payment.non_facility}, facility ${fs.payment.facility} "
                "(before geographic adjustment).",
                fs.release,
                ref,
            )
        if fs.status:
            c.say(f"Status {fs.status.code}: {fs.status.meaning}.", fs.release, ref)
        if fs.global_days:
            c.say(f"Global days {fs.global_days.code}: {fs.global_days.meaning}.", fs.release, ref)


def _coverage(c: Composer, pages: list[CodePage]) -> None:
    for p in pages:
        code = c.page_code(p)
        said = False
        b = p.billing
        if b and b.coverage_code:
            meaning = HCPCS_COVERAGE.get(b.coverage_code, "see the HCPCS record layout")
            c.say(
                f"HCPCS coverage code for {code}: {b.coverage_code} ({meaning}).",
                b.release,
                f"HCPCS {p.code} coverage",
            )
            said = True
        if b:
            for note in b.processing_notes[:2]:
                c.say(f"Processing note: {note}", b.release, f"HCPCS {p.code} notes")
            c.say(
                f"{code} is {'on' if b.telehealth else 'not on'} the Medicare telehealth "
                "services list in the catalog.",
                b.release,
                f"{p.code} telehealth",
            )
            said = True
        if p.mpfs and p.mpfs[0].status:
            fs = p.mpfs[0]
            c.say(
                f"MPFS {fs.year} status {fs.status.code}: {fs.status.meaning}.",
                fs.release,
                f"MPFS {fs.year} {p.code} status",
            )
            said = True
        if not said:
            c.say(f"The catalog holds no Medicare coverage facts for {code}.")


_NOTE_KINDS = {
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
    "includes": "Includes",
    "note": "Note",
    "seventh_character": "7th character",
}


def _notes(c: Composer, pages: list[CodePage], only: set[str] | None = None) -> None:
    for p in pages:
        code = c.page_code(p)
        notes = [n for n in p.notes if n.kind in _NOTE_KINDS and (not only or n.kind in only)]
        notes.reverse()  # the code's own notes first, then its ancestors' (nearest first)
        seventh = p.normalized[6:7] if len(p.normalized) == 7 else ""
        if seventh:  # a code with its 7th character: that character's meaning only
            notes = [n for n in notes if n.kind != "seventh_character" or n.character == seventh]
        if not notes:
            c.say(f"The catalog holds no tabular notes of those kinds for {code}.")
            continue
        for n in notes[:12]:
            where = f" (from {n.inherited_from})" if n.inherited_from else ""
            char = f"{n.character} = " if n.character else ""
            c.say(
                f"{_NOTE_KINDS[n.kind]}{where} for {code}: {char}{n.text}",
                n.release,
                f"{p.code} {n.kind}",
            )


def _crosswalk(c: Composer, q: Question) -> None:
    if q.icd9:
        for token in q.icd9[:2]:
            try:
                rows = retrieval.crosswalks(icd9=token, as_of=c.as_of)
            except Exception:  # malformed ICD-9 token
                rows = []
            forward = [r for r in rows if r.direction == "icd9_to_icd10"]
            if not forward:
                c.say(f"The catalog's GEMs have no mapping for ICD-9-CM {token}.")
                continue
            targets = retrieval.gem_targets(forward, as_of=c.as_of)
            for r in forward:
                if r.no_map:
                    c.say(
                        f"ICD-9-CM {token} has no ICD-10-CM equivalent in the GEMs.",
                        r.release,
                        f"GEM {r.icd9_code}",
                    )
                    continue
                t = targets.get(r.icd10_code)
                if t is None:
                    continue  # not a catalog code on as_of: never named
                kind = "approximate" if r.approximate else "exact"
                combo = (
                    f", combination scenario {r.scenario} choice list {r.choice_list}"
                    if r.combination
                    else ""
                )
                c.say(
                    f"ICD-9-CM {token} maps to ICD-10-CM {c.found(t)} ({t.display}); "
                    f"{kind} match{combo}.",
                    r.release,
                    f"GEM {r.icd9_code} -> {r.icd10_code}",
                )
        return
    found = retrieval.resolve_codes(q.tokens, as_of=c.as_of, hint="icd10cm")
    icd10 = [f for f in found if f.system == "icd10cm"]
    if not icd10:
        c.say('Name an ICD-9-CM code ("ICD-9 250.00") or an ICD-10-CM code to crosswalk.')
        return
    for f in icd10[:2]:
        rows = [
            r
            for r in retrieval.crosswalks(icd10=f.code, as_of=c.as_of)
            if r.direction == "icd10_to_icd9"
        ]
        if not rows:
            c.say(f"The catalog's GEMs have no ICD-9-CM mapping for {c.found(f)}.")
        for r in rows:
            c.say(
                f"ICD-10-CM {c.found(f)} maps back to ICD-9-CM {r.icd9_code}"
                f"{' (approximate)' if r.approximate else ''}.",
                r.release,
                f"GEM {r.icd10_code} -> {r.icd9_code}",
            )


def _excerpt(text: str, words: set[str], limit: int = EXCERPT_CHARS) -> str:
    sentences = re.split(r"(?<=[.;:])\s+", text.replace("\n", " "))
    if not words:
        chosen = sentences
    else:
        chosen = [s for s in sentences if words & set(re.findall(r"[a-z0-9]+", s.lower()))]
        chosen = chosen or sentences
    out = ""
    for s in chosen:
        if len(out) + len(s) > limit:
            break
        out += (" " if out else "") + s
    return out or text[:limit]


_CPT_TOPIC = re.compile(r"\bcpt\b|\be/m\b|evaluation and management|critical care", re.I)


def _guidelines(c: Composer, topic: str, *, required: bool = True) -> bool:
    # the catalog's guideline text is the ICD-10-CM Official Guidelines only
    hits = [] if _CPT_TOPIC.search(topic) else _guideline_hits(c, topic)
    return _say_guidelines(c, topic, hits, required=required)


def _guideline_hits(c: Composer, topic: str) -> list:
    return [
        (s, p)
        for s, p in retrieval.guidelines(topic, as_of=c.as_of, limit=4)
        if s >= GUIDELINE_MIN_SCORE
        and len(p.text) >= 80
        and retrieval.coverage(topic, p) >= GUIDELINE_MIN_COVERAGE
    ]


def _say_guidelines(c: Composer, topic: str, hits: list, *, required: bool) -> bool:
    if not hits:
        if required:
            c.say(
                f'The catalog holds no guideline text that answers "{topic}". It holds the '
                "ICD-10-CM Official Guidelines (when imported); CPT guidelines (such as E/M) "
                "are AMA content and are not in the catalog."
            )
        return False
    words = set(re.findall(r"[a-z0-9]+", topic.lower()))
    for _, p in hits[:2]:
        c.say(
            f"ICD-10-CM Official Guidelines, Section {p.ref} ({p.title}): "
            f'"{_excerpt(p.text, words)}"',
            (p.source, p.release),
            f"Section {p.ref}, page {p.page}",
        )
    return True


def _search(c: Composer, q: Question) -> None:
    topic = re.sub(
        r"(?i)\b(what|which|is|are|the|codes?|for|of|icd-?10(-cm)?|cpt|hcpcs|how|do|i)\b",
        " ",
        q.text,
    )
    topic = re.sub(r"[?]", " ", topic).strip()
    found = retrieval.find_codes(topic, system=q.system_hint, as_of=c.as_of, limit=5)
    if not found:
        c.say(f'I found no code in the catalog for "{topic}".')
        return
    c.say(f'Codes in the catalog for "{topic}", best first:')
    for f in found:
        p = retrieval.page(f, as_of=c.as_of)
        if p is None:
            continue
        kind = "billable" if p.billable else "not billable"
        c.say(f"- {c.page_code(p)}: {c.descriptor(p)} ({kind}).", p.release, f"{p.system} {p.code}")


def _code_case(c: Composer, q: Question) -> None:
    from clinical.icd10cm import detect

    text = q.case_text or q.text
    result = detect(text)
    candidates = []
    for e in result["entities"]:
        traits = {t["name"] for t in e["traits"]}
        if traits & {"NEGATION", "HYPOTHETICAL", "PERTAINS_TO_FAMILY"} or not e["icd10cmConcepts"]:
            continue
        candidates.append((e["score"], e))
    candidates.sort(key=lambda x: -x[0])
    accepted: list[tuple[dict, str]] = []
    for _, e in candidates:
        code = e["icd10cmConcepts"][0]["code"]
        clash = False
        for other, other_code in accepted:
            overlap = (
                e["beginOffset"] < other["endOffset"] and other["beginOffset"] < e["endOffset"]
            )
            if overlap and (other_code[:3] == code[:3]):
                clash = True
        if not clash and code not in [x[1] for x in accepted]:
            accepted.append((e, code))
    accepted.sort(key=lambda x: x[0]["beginOffset"])
    found = {
        f.code: f
        for f in retrieval.resolve_codes([a[1] for a in accepted], as_of=c.as_of, hint="icd10cm")
    }
    pages = {}
    for e, code in accepted:
        if code in found:
            p = retrieval.page(found[code], as_of=c.as_of)
            if p is not None:
                pages[code] = (e, p)
    if not pages:
        c.say(
            "I found no condition in this case that I can code from the catalog. Describe the "
            'diagnoses (for example "type 2 diabetes with stage 3 chronic kidney disease").'
        )
        return
    c.say("Suggested ICD-10-CM codes (confirm against the record):")
    chosen = list(pages)
    for code, (e, p) in pages.items():
        c.say(
            f'- {c.page_code(p)}: {c.descriptor(p)}; supported by "{e["text"]}".',
            p.release,
            f"icd10cm {p.code}",
        )
        for n in p.notes:
            if n.kind in {"code_first", "use_additional_code", "code_also"}:
                c.say(
                    f"  {_NOTE_KINDS[n.kind]} (note at {n.inherited_from or p.code}): {n.text}",
                    n.release,
                    f"{p.code} {n.kind}",
                )
            elif n.kind == "excludes1":
                clashes = [
                    x
                    for x in chosen
                    if x != code
                    and any(
                        x.startswith(t.rstrip("-").rstrip("."))
                        for t in re.findall(r"\b[A-Z]\d[0-9A-Z](?:\.[0-9A-Z-]{1,4})?", n.text)
                    )
                ]
                if clashes:
                    c.say(
                        f"  Excludes1 at {n.inherited_from or p.code}: {n.text} — check "
                        f"{', '.join(clashes)}: Excludes1 codes are not reported together.",
                        n.release,
                        f"{p.code} excludes1",
                    )
    topic = " ".join(e["text"] for e, _ in pages.values())
    _guidelines(c, topic, required=False)


# -- the answer ------------------------------------------------------------------------------


def _strip_unknown_codes(c: Composer) -> None:
    """Drop sentences that name a code-like token the catalog lacks on ``as_of``."""
    tokens: set[str] = set()
    for line in c.lines:
        tokens.update(m.group(1) for m in ANSWER_CODE_TOKEN.finditer(line))
    unknown = tokens - set(c.codes)
    if not unknown:
        return
    found = {f.code for f in retrieval.resolve_codes(sorted(unknown), as_of=c.as_of)}
    missing = unknown - found
    for f in retrieval.resolve_codes(sorted(found), as_of=c.as_of):
        c.code(f.system, f.code, f.display)
    if missing:
        c.lines = [
            line
            for line in c.lines
            if not ({m.group(1) for m in ANSWER_CODE_TOKEN.finditer(line)} & missing)
        ]


def answer(
    *,
    question: str,
    as_of: datetime.date,
    conversation: list[dict[str, Any]] | None = None,
    visible: Callable[[str], bool] = lambda system: True,
) -> dict[str, Any]:
    """The answer to ``question`` from the catalog as in effect on ``as_of``.

    ``visible(system)`` says whether the caller may see that system's descriptors (the CPT
    licence rule). Returns ``{answer, intent, codes, citations, follow_ups}``.
    """
    q = resolve_follow_up(classify(question), conversation)
    c = Composer(as_of=as_of, visible=visible)
    code_intents = {
        "code_lookup": _lookup,
        "billable": _billable,
        "modifiers": _modifiers,
        "mue": _mue,
        "add_on": _add_on,
        "pair": _pair,
        "payment": _payment,
        "coverage": _coverage,
        "notes": lambda c, pages: _notes(c, pages, note_kinds(q.text) or None),
    }
    if q.intent in code_intents and q.tokens:
        found = retrieval.resolve_codes(q.tokens, as_of=as_of, hint=q.system_hint)
        pages = _pages(c, found[:3])
        if not pages:
            _not_found(c, q)
        else:
            code_intents[q.intent](c, pages)
    elif q.intent in code_intents and q.topic and q.intent in {"notes", "code_lookup"}:
        _search(c, q)
    elif q.intent == "modifier_lookup":
        _modifier_lookup(c, q)
    elif q.intent == "crosswalk":
        _crosswalk(c, q)
    elif q.intent == "guidelines":
        _guidelines(c, q.topic or q.text)
    elif q.intent == "search":
        _search(c, q)
    elif q.intent == "code_case":
        _code_case(c, q)
    _strip_unknown_codes(c)
    answerable = bool(c.citations)
    if not c.lines or not answerable:
        if not c.lines:
            c.say("I cannot answer that from the catalog.")
        c.say("I can answer questions such as: " + "; ".join(CAN_ANSWER[:5]) + ".")
        c.follow_ups = CAN_ANSWER[:3] + c.follow_ups
    text = "\n".join(c.lines)
    phrased = (
        llm.phrase(question=question, answer=text, codes=list(c.codes)) if answerable else None
    )
    return {
        "answer": phrased or text,
        "intent": q.intent if answerable else ("unknown" if q.intent == "unknown" else q.intent),
        "codes": list(c.codes.values()),
        "citations": c.citations,
        "follow_ups": list(dict.fromkeys(c.follow_ups))[:5],
        "phrased_by_model": phrased is not None,
    }
