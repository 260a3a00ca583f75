"""Context of a condition mention: negated, hypothetical, about the family, or historical.

A ConText-style rule engine (Harkema et al. 2009; Chapman's NegEx): trigger phrases open a
scope forwards or backwards inside the sentence; the scope ends at a termination term
("but", "however", ...), at the sentence end, or after a number of words. Pseudo-triggers
("no increase", "not only", "gram negative") match first and block a trigger they contain.
The trait names follow AWS Comprehend Medical: NEGATION, HYPOTHETICAL, PERTAINS_TO_FAMILY,
HISTORICAL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEGATION = "NEGATION"
HYPOTHETICAL = "HYPOTHETICAL"
FAMILY = "PERTAINS_TO_FAMILY"
HISTORICAL = "HISTORICAL"

FORWARD, BACKWARD, BOTH = "forward", "backward", "both"

# Section headers whose whole section is history / about the family.
_HISTORY_HEADERS = (
    r"(?:past |prior )?(?:medical|surgical|social|psychiatric|menstrual|obstetric|ob|"
    r"gynecologic|gyn|sexual|smoking|tobacco|alcohol|substance|drug|travel|birth|"
    r"developmental|immunization|transfusion|occupational) (?:history|hx)",
    r"past (?:history|hx)",
    r"(?:pmh|pmhx|psh)",
)
_FAMILY_HEADERS = (r"family (?:medical )?(?:history|hx)", r"fh", r"fhx")

# (trait, direction, phrases). Phrases are regex fragments matched on word boundaries.
_RULES: list[tuple[str, str, int, tuple[str, ...]]] = [
    (
        HISTORICAL,
        FORWARD,
        200,
        (*(rf"{h}\s*:" for h in _HISTORY_HEADERS),),
    ),
    (
        HISTORICAL,
        FORWARD,
        30,
        (
            r"(?:past )?medical history (?:is )?(?:significant|positive|notable|remarkable) for",
            r"(?:past )?medical history (?:includes?|of)",
        ),
    ),
    (FAMILY, FORWARD, 200, tuple(rf"{h}\s*:" for h in _FAMILY_HEADERS)),
    (
        NEGATION,
        FORWARD,
        8,
        (
            r"-ve for",
            r"none",
            r"not consistent with",
            r"low (?:suspicion|probability|likelihood) (?:for|of)",
            r"no further",
            r"no",
            r"not",
            r"non",
            r"nor",
            r"neither",
            r"never",
            r"without",
            r"w/o",
            r"denie[sd]",
            r"denying",
            r"deny",
            r"absence of",
            r"absent",
            r"negative for",
            r"free of",
            r"ruled out",
            r"(?:did|does|do) not (?:have|show|reveal|demonstrate|exhibit|complain of)",
            r"(?:fails?|failed) to (?:reveal|show|demonstrate)",
            r"no (?:evidence|signs?|symptoms?|history|complaints?|findings?|suggestion) of",
            r"not (?:demonstrate|show|reveal|appear|see|seen|have|had|feel)",
            r"resolution of",
            r"(?:is|was|are|were) not",
            r"unremarkable for",
            r"cannot see",
            r"(?:ruled|rules) him out for",
            r"ruled her out for",
            r"test(?:ed)? negative for",
            r"with no",
            r"clear of",
            r"excluded",
        ),
    ),
    (
        NEGATION,
        BACKWARD,
        4,
        (
            r"(?:is|was|are|were|been|be|has been|have been) ruled out",
            r"(?:is|was|are|were|been) (?:negative|absent|excluded|unlikely)",
            r"unlikely",
            r"(?:was|were|is|are) not (?:seen|present|found|identified|noted|detected)",
            r"not (?:seen|present|found|identified|detected)",
            r"resolved",
            r"free",
            r"negative",
            r"absent",
            r"excluded",
            r"none",
            r"has resolved",
            r"have resolved",
        ),
    ),
    (
        HYPOTHETICAL,
        FORWARD,
        8,
        (
            r"rule out",
            r"r/o",
            r"if",
            r"in case",
            r"should",
            r"return if",
            r"evaluate for",
            r"to exclude",
            r"assess(?:ment)? for",
            r"concern for",
            r"risk of",
            r"at risk for",
            r"watch for",
            r"monitor for",
            r"prevent",
            r"prophylaxis",
            r"could",
            r"might",
            r"in the event of",
            r"call (?:if|for)",
        ),
    ),
    (
        HISTORICAL,
        FORWARD,
        8,
        (
            r"history of",
            r"hx of",
            r"hx",
            r"long[- ]?standing",
            r"used to have",
            r"h/o",
            r"past medical history",
            r"past history",
            r"pmh",
            r"pmhx",
            r"in the past",
            r"since childhood",
            r"past",
            r"childhood",
            r"history",
        ),
    ),
    (
        HISTORICAL,
        FORWARD,
        12,
        (
            r"s/p",
            r"status post",
            r"(?:is|was|were|are|been|gets?|got) admitted (?:quite |very )?(?:frequently|often|"
            r"repeatedly|several times|multiple times|many times|numerous times) (?:for|with)",
            r"(?:frequent|multiple|recurrent|repeated|numerous) (?:admissions|hospitali[sz]ations)"
            r" (?:for|with)",
            r"(?:was|were|had been|has been|being) diagnosed (?:with|as having)",
            r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|a few) "
            r"(?:years?|months?|decades?) ago",
        ),
    ),
    (
        HISTORICAL,
        FORWARD,
        3,
        (
            r"previous",
            r"previously",
            r"prior",
            r"remote",
            r"former",
            r"formerly",
            r"healed",
            r"old",
            r"known(?: to have)?",
            r"sequela[e]? of",
        ),
    ),
    (
        HISTORICAL,
        BACKWARD,
        4,
        (
            r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|few) "
            r"(?:years?|months?|weeks?|decades?) ago",
            r"(?:the )?last time",
            r"(?:for|over) the (?:past|last) (?:\d+|two|three|four|five|six|several|many|few) "
            r"(?:years|months|decades)",
            r"for (?:\d+|two|three|four|five|six|several|many) (?:years|decades)",
            r"since (?:childhood|(?:19|20)\d\d)",
            r"in the past",
            r"in (?:19|20)\d\d",
            r"as an? (?:child|kid|teenager|teen|adolescent|infant|baby|young (?:man|woman|adult))",
            r"last (?:year|month|spring|summer|fall|autumn|winter)",
            r"(?:once|twice|\d+ times|several times|multiple times) in the past",
            r"in childhood",
        ),
    ),
    (
        FAMILY,
        FORWARD,
        10,
        (
            r"family history of",
            r"family history",
            r"fh of",
            r"fhx?",
            r"(?:his|her|their|patient's) (?:mother|father|sister|brother|aunt|uncle|son|daughter|"
            r"grandmother|grandfather|cousin|sibling|parents?|family)",
            r"mother|father|sister|brother|aunt|uncle|grandmother|grandfather|cousin|sibling|"
            r"parents|maternal|paternal",
        ),
    ),
]

_PSEUDO = (
    r"no increase",
    r"no change",
    r"no significant change",
    r"no interval change",
    r"no suspicious change",
    r"not only",
    r"not necessarily",
    r"not certain (?:if|whether)",
    r"not rule out",
    r"not ruled out",
    r"not been ruled out",
    r"without difficulty",
    r"gram[- ]negative",
    r"not drain",
    r"not extend",
    r"not cause",
    r"history of present illness",
    r"prior to (?:admission|presentation|arrival|discharge|this admission)",
    r"patient history",
    r"history and physical",
    r"history taking",
    r"clinical history",
    r"(?:day|days|week|weeks|hour|hours|month|months)[- ]history",
    r"no further",
    r"if negative",
    r"whether or not",
    r"non[- ]?(?:small|specific|tender|contrast)",
    r"negative predictive",
)

# Scope ends at these words (ConText "termination" terms).
_TERMINATE = (
    r"but",
    r"however",
    r"although",
    r"though",
    r"yet",
    r"except",
    r"aside from",
    r"apart from",
    r"which",
    r"who",
    r"whose",
    r"presents? with",
    r"presenting with",
    r"complain(?:s|ed|ing)? of",
    r"secondary to",
    r"due to",
    r"cause of",
    r"etiology of",
    r"reason for",
    r"consistent with",
    r"positive for",
    r"now",
    r"currently",
    r"presently",
    r"today",
    r"admitted",
    r"\bpresents\b",
    r"she has|he has|patient has",
)


def _alt(phrases) -> str:
    # notes are full of double spaces and line breaks inside phrases
    return "|".join(p.replace(" ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_WORD = r"(?<![\w/])(?:{})(?![\w/])"
_PSEUDO_RE = re.compile(_WORD.format(_alt(_PSEUDO)), re.I)
# ... as does a numbered list item ("2) Large hiatal hernia", "3. Gastritis")
_TERM_RE = re.compile(
    _WORD.format(_alt(_TERMINATE)) + r"|[;:]|\.(?!\d)|\n|(?<!\w)\d{1,2}\)\s", re.I
)
_RULE_RES = [(t, d, n, re.compile(_WORD.format(_alt(p)), re.I)) for t, d, n, p in _RULES]
# a history scope also ends where the text turns to what is recent or new
_HIST_TERM_RE = re.compile(
    _WORD.format(r"recent(?:ly)?|new(?:ly)?|acute") + r"|,\s*(?:with|and with)\s", re.I
)
_SP_RE = re.compile(r"s/p|status", re.I)
_HEADER_RE = re.compile(r"\b[A-Z][A-Z/ ]{2,}:")
_WORDS_RE = re.compile(r"\S+")
_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])|\n\s*\n|\n(?=\s*[-*\d•])")


# A section header: a short capitalised name and a colon at a line start, after a sentence or
# after a run of spaces (flattened notes); the section runs to the next header.
_SECTION_HEAD_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;]\s)|(?<=\s\s))[ \t]*([A-Z][A-Za-z/&() ]{1,48}?)[ \t]*:(?![\d/])"
)
_HISTORY_SECTION_RE = re.compile(_alt(_HISTORY_HEADERS), re.I)
_FAMILY_SECTION_RE = re.compile(_alt(_FAMILY_HEADERS), re.I)
SECTION_MAX_CHARS = 3000


def section_traits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, trait) of the past-history and family-history sections of a note:
    a mention inside one has the trait even sentences after the header."""
    heads = list(_SECTION_HEAD_RE.finditer(text))
    out = []
    for i, m in enumerate(heads):
        name = " ".join(m.group(1).split())
        if _HISTORY_SECTION_RE.fullmatch(name):
            trait = HISTORICAL
        elif _FAMILY_SECTION_RE.fullmatch(name):
            trait = FAMILY
        else:
            continue
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append((m.end(), min(end, m.end() + SECTION_MAX_CHARS), trait))
    return out


def with_sections(
    names: list[str], begin: int, end: int, sections: list[tuple[int, int, str]]
) -> list[str]:
    """``names`` plus the trait of a section that holds the mention ``begin:end``."""
    for s, e, trait in sections:
        if s <= begin and end <= e and trait not in names:
            names = [*names, trait]
    return names


@dataclass(frozen=True)
class Trigger:
    trait: str
    direction: str
    max_words: int
    start: int
    end: int


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence-like unit."""
    out, start = [], 0
    for m in _SENT_RE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def triggers(sentence: str) -> list[Trigger]:
    """Context triggers in one sentence, pseudo-triggers removed."""
    blocked = [(m.start(), m.end()) for m in _PSEUDO_RE.finditer(sentence)]
    found: list[Trigger] = []
    for trait, direction, max_words, rx in _RULE_RES:
        for m in rx.finditer(sentence):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in blocked):
                continue
            found.append(Trigger(trait, direction, max_words, m.start(), m.end()))
    return found


def _n_words(s: str) -> int:
    return len(_WORDS_RE.findall(s))


def traits_in_sentence(sentence: str, start: int, end: int, found=None) -> list[str]:
    """Traits of the mention ``sentence[start:end]``, given the sentence's triggers."""
    found = triggers(sentence) if found is None else found
    out: list[str] = []
    for t in found:
        if t.trait in out:
            continue
        if t.start < end and t.end > start:  # trigger inside the mention ("no" in a name)
            continue
        if t.direction in (FORWARD, BOTH) and t.end <= start:
            gap = sentence[t.end : start]
            if t.max_words >= 200:  # a section header covers its section, up to the next one
                ok = _HEADER_RE.search(gap) is None
            else:
                ok = _TERM_RE.search(gap) is None and _n_words(gap) <= t.max_words
                if ok and t.trait == HISTORICAL and not _SP_RE.match(sentence, t.start):
                    ok = _HIST_TERM_RE.search(gap) is None  # ("s/p recent X" is still past)
            if ok:
                out.append(t.trait)
                continue
        if t.direction in (BACKWARD, BOTH) and t.start >= end:
            gap = sentence[end : t.start]
            if _TERM_RE.search(gap) is None and _n_words(gap) <= t.max_words:
                out.append(t.trait)
    return out


def context_traits(text: str, begin: int, end: int) -> list[str]:
    """Traits of the mention ``text[begin:end]`` from the sentence around it."""
    for s, e in sentence_bounds(text):
        if s <= begin < max(e, s + 1):
            names = traits_in_sentence(text[s:e], begin - s, end - s)
            return with_sections(names, begin, end, section_traits(text))
    return []
