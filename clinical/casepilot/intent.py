"""What a question asks, by rules (plain Python, no Django).

``classify`` reads the question once: the intent, the code-like tokens it names (CPT,
HCPCS, ICD-10-CM, ICD-9-CM and modifiers), a system hint ("CPT", "ICD-10") and, for
"code this case", the case text. ``resolve_follow_up`` puts the previous turn's codes in
place of "it" / "that code" when the question names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# A code-like token: ICD-10-CM (E11.9, E11, S72.001A), CPT (99213, 0591T, 1111F) or
# HCPCS Level II (J3490). Only the catalog decides whether it is a code.
CODE_TOKEN = re.compile(
    r"\b([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{4}[0-9A-Z]|[A-Z]\d{4})\b", re.IGNORECASE
)
# The same in answers: upper case only (answers print codes as the catalog does).
ANSWER_CODE_TOKEN = re.compile(
    r"(?<![\w.-])([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{4}[0-9A-Z]|[A-Z]\d{4})(?![\w-])"
)
ICD9_TOKEN = re.compile(r"\b(V\d{2}(?:\.\d{1,2})?|E\d{3}(?:\.\d)?|\d{3}(?:\.\d{1,2})?)\b", re.I)
MODIFIER_TOKEN = re.compile(
    r"\bmodifiers?\s+-?([0-9A-Z]{2})\b|(?<=\d{5})-([0-9A-Z]{2})\b|\B-([0-9A-Z]{2})\b", re.I
)
_MODIFIER_SHAPE = re.compile(r"^(?:\d{2}|[A-Z][0-9A-Z]|\d[A-Z])$", re.I)

_FOLLOW_UP = re.compile(
    r"\b(it|its|it's|that code|this code|that one|this one|the code|the same code|them|"
    r"those codes|these codes|that|this)\b",
    re.I,
)

_CASE = re.compile(
    r"^\s*(?:please\s+)?(?:code|coding)\s+(?:this|the following|for this|the)\s+"
    r"(?:case|note|encounter|visit|scenario|patient)\s*[:\-,]?\s*(.*)$|"
    r"^\s*(?:what|which)\s+(?:icd-?10(?:-cm)?\s+)?(?:diagnosis\s+)?codes?\s+"
    r"(?:should i use|apply|do i use)\s+(?:for|to)\s+(?:this\s+)?(?:case|note|patient)"
    r"\s*[:\-]\s*(.*)$",
    re.I | re.S,
)

KINDS = (
    "code_lookup",
    "modifier_lookup",
    "modifiers",
    "billable",
    "mue",
    "pair",
    "add_on",
    "payment",
    "coverage",
    "notes",
    "crosswalk",
    "guidelines",
    "search",
    "code_case",
    "unknown",
)


@dataclass
class Question:
    """A classified question."""

    text: str
    intent: str
    tokens: list[str] = field(default_factory=list)
    icd9: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)
    system_hint: str | None = None
    case_text: str = ""
    topic: str = ""
    follow_up: bool = False


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.I) is not None


def system_hint(text: str) -> str | None:
    if _has(r"\bicd-?10(?:-?cm)?\b|\bdiagnos", text):
        return "icd10cm"
    if _has(r"\bhcpcs\b|\blevel ii\b", text):
        return "hcpcs"
    if _has(r"\bcpt\b", text):
        return "cpt"
    return None


def code_tokens(text: str) -> list[str]:
    seen: list[str] = []
    for m in CODE_TOKEN.finditer(text):
        token = m.group(1).upper()
        if token not in seen:
            seen.append(token)
    return seen


def modifier_tokens(text: str) -> list[str]:
    found: list[str] = []
    for m in MODIFIER_TOKEN.finditer(text):
        token = next(g for g in m.groups() if g).upper()
        if _MODIFIER_SHAPE.match(token) and token not in found:
            found.append(token)
    return found


_STOP_WORDS = """a an and are as at be by can code codes coding cpt do does for from how
    i icd icd-10 icd-10-cm icd10 in is it me of on or please should tell the this to what
    when which with hcpcs about under use used using find guideline guidelines rule rules
    official"""
_STOP = set(_STOP_WORDS.split())


def topic_words(text: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z0-9/'-]*", text)
    return " ".join(w for w in words if w.lower() not in _STOP)


def classify(text: str) -> Question:
    """The intent of ``text`` and the codes it names."""
    q = Question(text=text, intent="unknown", system_hint=system_hint(text))
    case = _CASE.match(text)
    if case:
        q.intent = "code_case"
        q.case_text = next((g for g in case.groups() if g), "").strip()
        return q
    q.modifiers = modifier_tokens(text) if _has(r"modifier|-[0-9A-Z]{2}\b", text) else []
    icd9_context = _has(r"\bicd-?9(?:-?cm)?\b", text)
    if icd9_context:
        stripped = re.sub(r"\bicd-?(?:9|10)(?:-?cm)?\b", " ", text, flags=re.I)
        q.icd9 = [m.group(1) for m in ICD9_TOKEN.finditer(stripped)]
        q.tokens = [t for t in code_tokens(stripped) if t not in q.icd9]
    else:
        q.tokens = code_tokens(text)
    q.topic = topic_words(text)

    if icd9_context or _has(r"\bcrosswalk|\bgems?\b|equivalen|\bmaps? to\b|\bconvert", text):
        q.intent = "crosswalk"
    elif _has(
        r"\bmues?\b|medically unlikely|how many units|units? (?:per|a) day|max(?:imum)? units", text
    ):
        q.intent = "mue"
    elif (
        len(q.tokens) >= 2
        and _has(
            r"together|same (?:day|date|session|claim)|bundl|\bptp\b|\bncci\b|\bwith\b|column",
            text,
        )
    ) or (not q.tokens and _has(r"together|same (?:day|date|session|claim)", text)):
        q.intent = "pair"
    elif _has(r"\bmodifiers?\b", text) and (q.tokens or not q.modifiers):
        q.intent = "modifiers"
    elif q.modifiers and not q.tokens:
        q.intent = "modifier_lookup"
    elif _has(r"add-?on|primary (?:code|procedure|service)s?", text):
        q.intent = "add_on"
    elif _has(
        r"billable|valid (?:for|on) (?:billing|claims?)|header code|specific enough|"
        r"can (?:i|we) (?:bill|report|use) (?:it|this|that|[A-Z]\d)",
        text,
    ):
        q.intent = "billable"
    elif _has(
        r"\brvus?\b|payment|\bpays?\b|\bfee\b|reimburs|global (?:days|period)|"
        r"conversion factor|pc/tc|bilateral|assistant at surgery|co-?surgeon|"
        r"status (?:code|indicator)|how much",
        text,
    ):
        q.intent = "payment"
    elif _has(r"\bcover(?:ed|age)?\b|telehealth|medicare (?:pay|allow)|noncovered", text):
        q.intent = "coverage"
    elif _has(
        r"excludes ?[12]?|code first|use additional|code also|includes notes?|"
        r"\bnotes?\b|7th character|seventh character",
        text,
    ) and (q.tokens or not _has(r"guideline", text)):
        q.intent = "notes"
    elif _has(
        r"guideline|guidance|how (?:do|should) (?:i|we|you) (?:code|sequence|report)|"
        r"sequenc|principal diagnosis|first-listed|conventions?|rules? for",
        text,
    ):
        q.intent = "guidelines"
    elif q.tokens:
        q.intent = "code_lookup"
    elif _has(
        r"(?:what|which)(?: is| are)? (?:the )?(?:\w+[- ])?codes? (?:for|of)|"
        r"\bcode for\b|how (?:do|to) (?:i )?code",
        text,
    ):
        q.intent = "search"
    return q


NOTE_KIND_WORDS = [
    ("excludes1", r"excludes ?1"),
    ("excludes2", r"excludes ?2"),
    ("code_first", r"code first"),
    ("use_additional_code", r"use additional"),
    ("code_also", r"code also"),
    ("seventh_character", r"7th character|seventh character"),
    ("includes", r"includes"),
]


def note_kinds(text: str) -> set[str]:
    """The tabular note kinds a question names (empty: all)."""
    kinds = {kind for kind, pattern in NOTE_KIND_WORDS if _has(pattern, text)}
    if not kinds and _has(r"\bexcludes\b", text):
        kinds = {"excludes1", "excludes2"}
    return kinds


def _turn_codes(turn: dict[str, Any]) -> list[str]:
    codes = turn.get("codes") or []
    out: list[str] = []
    for c in codes:
        value = c.get("code") if isinstance(c, dict) else c
        if isinstance(value, str) and value:
            out.append(value.upper())
    if not out:
        for key in ("question", "answer", "content"):
            value = turn.get(key)
            if isinstance(value, str):
                out.extend(code_tokens(value))
            if out:
                break
    return out


def resolve_follow_up(q: Question, conversation: list[dict[str, Any]] | None) -> Question:
    """Fill in the previous turn's codes when the question says "it" / "that code"."""
    if not conversation or q.tokens or q.intent == "code_case":
        return q
    if not _FOLLOW_UP.search(q.text) and q.intent in {"search", "guidelines"}:
        return q
    for turn in reversed(conversation):
        if not isinstance(turn, dict):
            continue
        codes = _turn_codes(turn)
        if codes:
            q.tokens = codes[:1] if q.intent != "pair" else codes[:2]
            q.follow_up = True
            if q.intent in {"unknown", "search"}:
                q.intent = "code_lookup"
            return q
    return q
