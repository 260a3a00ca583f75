"""Context of a condition mention: negated, hypothetical, about the family, or historical.

A ConText-style rule engine (Harkema et al. 2009; Chapman's NegEx): trigger phrases open a
scope forwards or backwards inside the sentence; the scope ends at a termination term
("but", "however", ...), at the sentence end, or after a number of words. Pseudo-triggers
("no increase", "not only", "gram negative") match first and block a trigger they contain.
The trait names follow AWS Comprehend Medical: NEGATION, HYPOTHETICAL, PERTAINS_TO_FAMILY,
HISTORICAL.

The history lexicon follows ConText's (Harkema et al. 2009; the pyConText / medspaCy
default rules): besides "history of", "s/p", "prior", "remote", it places a condition in the
past by an earlier encounter or life event ("during her last admission", "with her first
pregnancy"), a stage of life ("in college", "as a young girl"), a date, month or age right
after it ("DVT 2018", "in March", "at 14"), "years ago", "twice before", "healed" / "cured".
A history scope ends where the text turns to what is current (ConText's history
terminations: presents, reports, states, is found, here with, still, new, current, ongoing,
worsening ...), and a span of days after the condition ("history of cough for 3 days",
"since yesterday") makes it the present illness. "Resolved" is not history: what resolved
during this stay belongs to the present illness (NegEx reads it as a negation).

Beyond trigger scopes, HISTORICAL also comes from a past-history section (up to the next
header, with or without a colon on its own line), from the background of a one-line summary
("a 67-year-old man with diabetes and gout who presents with chest pain": diabetes and
gout), and from what a mention is: a habit (tobacco, alcohol, drugs) or an allergy belongs
to the social / allergy history.
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
_HISTORY_KIND = (
    r"(?:medical|surgical|social|psychiatric|menstrual|obstetric|ob|gynecologic|gyn|sexual|"
    r"smoking|tobacco|alcohol|substance|drug|travel|birth|developmental|immunization|"
    r"transfusion|occupational)"
)
# "Past medical and surgical history:", "Medical/surgical history:" name one section
_HISTORY_KINDS = rf"{_HISTORY_KIND}(?:(?: and | & |\s*/\s*|, ){_HISTORY_KIND})*"
_HISTORY_HEADERS = (
    rf"(?:past |prior |previous )?{_HISTORY_KINDS} (?:history|hx)",
    r"past (?:history|hx)",
    r"(?:pmh|pmhx|psh|pshx|shx|hx)(?:\s*/\s*(?:pmh|pmhx|psh|pshx|shx))?",
    r"(?:past|prior|previous) (?:surgeries|operations|procedures|hospitali[sz]ations|illnesses)",
    r"(?:childhood|previous|prior) (?:illnesses|diseases)",
    r"surgeries",
    r"(?:known |drug |medication )?allergies",
)
_FAMILY_HEADERS = (r"family (?:medical )?(?:history|hx)", r"fh", r"fhx")

# A period of life long past: "in her twenties", "in his early 30s", "in her youth"
_IN_LIFE_PERIOD = (
    r"in (?:his|her|their) (?:(?:early|mid|late) )?(?:teens|twenties|thirties|forties|fifties|"
    r"sixties|seventies|[2-9]0'?s|youth|childhood|adolescence)"
)
# "since she was a child", "since he was 12"
_SINCE_YOUNG = (
    r"since (?:he|she|they) (?:was|were) (?:a (?:child|kid|teenager|baby|boy|girl)|young|"
    r"an? (?:infant|adolescent)|\d+)"
)

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
# a month in the past: "in March", "in May 2019", "in early June"
_IN_MONTH = rf"in (?:early |late |mid-?)?{_MONTH}\.?(?:,? (?:of )?(?:19|20)\d\d)?"
# stages of life and schooling: "in college", "growing up", "during his military service"
_LIFE_STAGE = (
    r"(?:in|during) (?:high school|college|grade school|elementary school|middle school|"
    r"junior high|university|medical school|graduate school|boot camp)"
    r"|growing up|during (?:his|her|their) (?:youth|childhood|adolescence|teens|"
    r"military service|service|deployment|college years)"
    r"|while (?:serving )?in the (?:army|navy|military|marines|air force|service)|while deployed"
)
# an earlier encounter or life event: "during her last admission", "at his previous visit",
# "with her second pregnancy", "after her last delivery" (the preposition is needed: "his
# first admission" is often this one, "in her second pregnancy" is now)
_EARLIER_EVENT = (
    r"(?:during|on|at|with|after|following) (?:(?:his|her|their|the|a|an) )?"
    r"(?:last|previous|prior|earlier|most recent|first|second|third|fourth|older|"
    r"(?:\d+|one|two|three|several|many) (?:years?|months?) (?:ago|earlier))"
    r" (?:(?:clinic|office|hospital|ed|er|emergency|outpatient|inpatient|icu|follow-up|"
    r"clinical) )?(?:admission|admissions|hospitali[sz]ations?|hospital stays?|stays?|visits?|"
    r"encounters?|appointments?|pregnancy|pregnancies|deliver(?:y|ies)|births?|child|baby|c-section|"
    r"cesarean(?: section)?|labou?r|marriage|deployment|surgery|operation)"
    r"|(?:after|following|with|during) the birth of (?:his|her|their) (?:\w+ )?"
    r"(?:son|daughter|child|baby|twins|children)"
)
# how often before: "twice before", "several times in the past"
_TIMES_BEFORE = (
    r"(?:once|twice|three times|\d+ times|several times|many times|multiple times|"
    r"numerous times) (?:before|previously|in the past|prior)"
)
# done and gone: "healed", "cured" (not "resolved": what resolved during this stay is part of
# the present illness, and NegEx already reads it as a negation)
_DONE = r"(?:(?:has|have|had) )?(?:since |now |completely |fully )?(?:healed|cured|eradicated)"
# the last few days or weeks: the present illness, even after a history cue ("history of
# cough for 3 days", "history of headaches since yesterday")
_RECENT_SPAN = (
    r"(?:for|over|x|in|during|within) (?:the )?(?:(?:past|last) )?(?:\d+|one|two|three|four|"
    r"five|six|seven|several|couple of|a couple of|few|a few|a)? ?(?:hours?|days?|nights?|"
    r"weeks?)|since (?:yesterday|last night|this morning|today|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|(?:\d+|one|two|three|four|five|six|a few|several) "
    r"days ago)|(?:started|began|beginning|starting|onset) (?:\d+|one|two|three|four|five|six|"
    r"a few|several)? ?(?:hours?|days?) ago|(?:this|last) (?:morning|night|evening)|"
    r"(?:\d+|one|two|three|four|five|six|a few|several|a couple of) (?:hours?|days?|nights?) ago|"
    r"(?:1|2|one|two|a|a couple of) weeks? ago|"
    # this encounter: "diagnosed with pneumonia in the ED", "on admission", "this stay"
    r"(?:in|at|by) the (?:ed|er|emergency (?:room|department)|urgent care)|"
    r"on (?:admission|arrival|presentation)|"
    r"(?:during |on |at )?this (?:admission|visit|hospitali[sz]ation|stay|encounter)"
)

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
            r"(?:(?:past|prior|previous|surgical|medical|psychiatric|known) )*(?:history|hx) "
            r"(?:is |was )?(?:significant|positive|notable|remarkable|pertinent) for",
            r"(?:(?:past|prior|previous|surgical|medical|psychiatric) )*(?:history|hx) "
            r"(?:includes?|including|consists of)",
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
        # ConText lets these run to the end of the sentence: they often open a long list
        # ("history of diabetes, coronary artery disease status post stenting, ...");
        # termination terms and the turn to what is recent still end them
        40,
        (
            r"history of",
            r"hx of",
            r"h/o",
            r"past medical history",
            r"past history",
            r"pmh",
            r"pmhx",
            r"psh",
            r"pshx",
            r"s/p",
            r"status[- ]post",
        ),
    ),
    (
        HISTORICAL,
        FORWARD,
        8,
        (
            r"hx",
            r"used to have",
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
            r"(?:is|was|were|are|been|gets?|got) admitted (?:quite |very )?(?:frequently|often|"
            r"repeatedly|several times|multiple times|many times|numerous times) (?:for|with)",
            r"(?:frequent|multiple|recurrent|repeated|numerous) (?:admissions|hospitali[sz]ations)"
            r" (?:for|with)",
            r"(?:was|were|had been|has been|being) diagnosed (?:with|as having)",
            r"(?:first|initially|originally|previously) diagnosed (?:with|as having)",
            r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|a few|"
            r"a couple of|couple of|some) (?:years?|months?|decades?) "
            r"(?:ago|prior|before|earlier|back)",
            r"(?:a|an) (?:year|month|decade) (?:ago|prior|before|earlier|back)",
            r"earlier (?:this|that|last) year",
            r"when (?:he|she|they) (?:was|were) (?:a (?:child|kid|teenager|baby|boy|girl)|young|"
            r"an? (?:infant|adolescent)|\d+)",
            _IN_LIFE_PERIOD,
            _SINCE_YOUNG,
            r"recovered from",
            r"(?:treated|operated) (?:in the past|previously|years ago) for",
            r"in (?:19|20)\d\d",
            r"in the (?:19|20)?\d0'?s",
            r"at (?:the )?age (?:of )?\d+",
            r"as an? (?:(?:young|little|small) )?(?:child|kid|teenager|teen|adolescent|infant|baby|"
            r"girl|boy|toddler|young (?:man|woman|adult))",
            r"last (?:year|month|spring|summer|fall|autumn|winter)",
            _IN_MONTH,
            _LIFE_STAGE,
            _EARLIER_EVENT,
            r"(?:last|previously|once|formerly) (?:hospitali[sz]ed|admitted|seen|treated)"
            r" (?:for|with)",
            r"(?:once|previously|formerly) (?:had|suffered|sustained|developed|experienced|"
            r"underwent)",
            r"(?:past|previous|prior) (?:surgical|medical|psychiatric) (?:history|hx)",
            r"(?:surgical|operative) (?:history|hx)",
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
            r"distant",
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
            r"(?:years?|months?|decades?) ago",
            r"(?:[3-9]|\d\d|three|four|five|six|seven|eight|nine|ten|several|many) weeks ago",
            # "a" only before a singular: "hepatitis A decades ago" is not "a decades ago"
            r"(?:a|an) (?:year|month|decade) (?:ago|prior|before|earlier|back)",
            r"(?:a couple of|couple of|some) (?:years?|months?|decades?) ago",
            r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|few) "
            r"(?:years?|months?|decades?) (?:prior|before|earlier|back)",
            r"earlier (?:this|that|last) year",
            r"when (?:he|she|they) (?:was|were) (?:a (?:child|kid|teenager|baby|boy|girl)|young|"
            r"an? (?:infant|adolescent)|\d+)",
            _IN_LIFE_PERIOD,
            _SINCE_YOUNG,
            r"at birth",
            r"until (?:(?:19|20)\d\d|(?:\d+|a|one|two|three|several|many|a few|few) "
            r"(?:years?|months?) ago)",
            r"at (?:the )?age (?:of )?\d+",
            r"in the (?:19|20)?\d0'?s",
            r"(?:was|were|had been|has been) (?:previously|formerly|first|initially|originally) "
            r"(?:diagnosed|treated|noted|repaired|resected|removed)",
            r"(?:was|were|had been|has been) (?:diagnosed|treated|repaired|removed|resected)"
            r" (?:in|at age|years ago|as an? (?:child|teenager|adult))",
            r"(?:the )?last time",
            r"(?:for|over) the (?:past|last) (?:\d+|two|three|four|five|six|several|many|few) "
            r"(?:years|months|decades)",
            r"for (?:(?:\d+|two|three|four|five|six|several|many|a few|a number of|some) )?"
            r"(?:years|decades)",
            r"over the (?:years|decades)",
            r"since (?:childhood|birth|infancy|(?:19|20)\d\d|(?:the )?age (?:of )?\d+|"
            r"(?:his|her) (?:teens|twenties|thirties|youth|childhood))",
            r"in the past",
            r"in (?:19|20)\d\d",
            r"as an? (?:(?:young|little|small) )?(?:child|kid|teenager|teen|adolescent|infant|baby|"
            r"girl|boy|man|woman|adult|toddler)",
            r"last (?:year|month|spring|summer|fall|autumn|winter)",
            r"(?:once|twice|\d+ times|several times|multiple times) in the past",
            r"in childhood",
            r"(?:(?:many|several|some|a few) )?(?:years|decades) ago|(?:a )?long (?:time )?ago",
            r"last (?:hospitali[sz]ed|admitted|seen|treated)",
            r"(?:last|previous|prior) (?:admission|hospitali[sz]ation|visit)",
            _IN_MONTH,
            _LIFE_STAGE,
            _EARLIER_EVENT,
            _TIMES_BEFORE,
            _DONE,
            # "hepatitis C status post treatment": treated and gone. Not a procedure: "hip
            # fracture status post hemiarthroplasty" is most often this stay's operation
            r"(?:s/p|status[- ]post) (?:successful )?(?:treatment|therapy|eradication)",
        ),
    ),
    (
        HISTORICAL,
        BACKWARD,
        # a date after the condition: "MI in 2009", "fracture in May 2019", "DVT 5/2018",
        # "resolved after a course of cephalexin last month",
        # "appendicitis at 14 years old": not a full date ("Jul 20 2007" is most often this
        # episode) nor a comparison ("increased since 2007")
        8,
        (
            r"(?:in|of) (?:\d{1,2}/|"
            rf"{_MONTH}\.? (?:of )?)?(?<!\d\s)(?<!\d,\s)(?:19|20)\d\d",
            rf"(?:\d{{1,2}}/|{_MONTH}\.? (?:of )?)(?<!\d\s)(?<!\d,\s)(?:19|20)\d\d",
            r"at \d{1,2} (?:years?(?: of age| old)?|yo|y/o)",
            r"last (?:year|month|spring|summer|fall|autumn|winter)",
            _IN_MONTH,
        ),
    ),
    (
        HISTORICAL,
        BACKWARD,
        # a bare year right after the condition: "DVT 2018", "CABG (2014)", "MI, 2009"; not
        # a lab value ("WBC 2000" is two words away)
        1,
        (r"\(?(?<!\d\s)(?<!\d,\s)(?:19|20)\d\d\)?(?!\s*(?:mg|mcg|ml|cc|units?|g|kg|cells|/))",),
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
    r"history of (?:the )?present(?:ing)? (?:illness|complaint)",
    r"interval history",  # what happened since the last visit: the present illness
    # a comparison with an earlier date or study: "has increased since 2020"
    r"(?:increased|decreased|enlarged|grown|improved|worsened|changed|unchanged|stable|"
    r"progressed|regressed|smaller|larger|resolved)(?: in size)? (?:since|from|compared)",
    r"since (?:(?:his|her|their|the) )?(?:last|previous|prior|most recent) (?:visit|"
    r"appointment|admission|discharge|encounter|clinic visit|hospitali[sz]ation)",
    r"prior to",  # before this admission, procedure, visit ...: the present illness
    # "prior study", "as previously noted": comparisons within the record, not history
    r"(?:prior|previous|old|earlier) (?:study|studies|exams?|examinations?|films?|images?|"
    r"imaging|radiographs?|x-rays?|ct|cts|mri|mris|scans?|comparisons?|reports?|records?|"
    r"hospitals?|facility|physicians?|doctors?|providers?|notes?|visits?|admission)",
    r"(?:as )?previously (?:noted|described|seen|reported|mentioned|documented|discussed)",
    # the act of taking the history
    r"(?:history|hx) (?:was |is )?(?:obtained|provided|given|taken|limited|unobtainable|"
    r"unavailable|unreliable|per|from)",
    r"(?:poor|limited|unreliable|detailed|brief|careful) (?:history|historian)",
    r"the (?:history|hx) (?:is|was)",
    r"history of (?:the )?chief complaint",
    r"patient history",
    r"history and (?:physical|exam|examination|review)",
    r"history, physical",
    r"history taking",
    r"clinical history",
    r"(?:day|days|week|weeks|hour|hours|month|months)[- ]history",
    r"no further",
    r"if negative",
    r"whether or not",
    r"non[- ]?(?:small|specific|tender|contrast)",
    r"negative predictive",
    # an age is not an "old" lesion: "a 45-year-old man with ..."
    r"(?:years?|months?|weeks?|days?)[- ]old",
    # the last few days or weeks are the present illness, not the history
    r"(?:the )?(?:past|last) (?:(?:few|several|couple of|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twenty-four|24|48|72) )?(?:hours?|days?|nights?|weeks?|evening|night)",
    r"past (?:hour|day|night|week)",
    # the family as an actor, not as the one who has the condition
    r"(?:by|with|to|from) (?:his|her|the|their|patient's) family",
    r"family (?:at (?:the )?bedside|members? (?:at (?:the )?bedside|present)|meeting|"
    r"(?:had|has|was|were|is|are) (?:wanted|requested|asked|concerned|present|notified|updated))",
    r"discussed with (?:the )?(?:family|patient and family)",
    # a relative who tells the story or brings the patient in is not the one who is ill
    r"(?:(?:his|her|their|the|patient's) )?(?:mother|father|parents?|sister|brother|son|"
    r"daughter|family(?: members?)?) (?:reports?|reported|states?|stated|says|said|notes?|"
    r"noted|noticed|called|brought|found|denies|denied|is at|was at|at (?:the )?bedside|"
    r"present|witnessed|observed|gives|gave|provided|requests?|requested)",
    r"(?:per|according to|accompanied by) (?:his|her|their|the|patient's) (?:mother|father|"
    r"parents?|sister|brother|son|daughter|family(?: members?)?)",
)

# Scope ends at these words (ConText "termination" terms).
_TERMINATE = (
    r"but",
    r"however",
    r"although",
    r"though",
    r"yet",
    r"except",
    r"nevertheless",
    r"nonetheless",
    r"whereas",
    r"aside from",
    r"apart from",
    r"which",
    r"who",
    r"whose",
    r"presents? with",
    r"presenting with",
    r"complain(?:s|ed|ing)? of",
    r"p/w",
    r"c/o",
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
# a history placed after the condition reaches over a relative clause: "hepatitis C, which
# was treated in 2010", "a stroke that occurred five years ago"
_BACK_HIST_TERM_RE = re.compile(
    _WORD.format(_alt(t for t in _TERMINATE if t not in ("which", "who", "whose")))
    + r"|[;:]|\.(?!\d)|\n|(?<!\w)\d{1,2}\)\s",
    re.I,
)
_RULE_RES = [(t, d, n, re.compile(_WORD.format(_alt(p)), re.I)) for t, d, n, p in _RULES]
# a history scope also ends where the text turns to what is recent or new
_NOW_TERMS = (
    r"presented|presenting|came|comes|coming|brought|here (?:with|for|today)|"
    r"returns?|returned|returning|arrives?|arrived|referred|transferred|"
    r"(?:is|was) (?:found|seen|noted|evaluated)|found to have|reports?|reported|states?|"
    r"develops|developing|(?:sudden )?onset of|still|until|(?:usual|baseline) (?:state of )?health|"
    r"on (?:admission|arrival|presentation|exam|examination)|at (?:this|the present) time|"
    r"this (?:admission|visit|morning|afternoon|evening)|tonight|yesterday|at present"
)
_HIST_TERM_RE = re.compile(
    _WORD.format(
        rf"recent(?:ly)?|new(?:ly)?|acute|current|ongoing|active|worsening|persistent|"
        rf"{_NOW_TERMS}"
    )
    + r"|,\s*(?:with|and with)\s",
    re.I,
)
# "s/p recent MI": what a patient is status post is past, however recent
_SP_TERM_RE = re.compile(
    _WORD.format(rf"new(?:ly)?|current|ongoing|{_NOW_TERMS}") + r"|,\s*(?:with|and with)\s", re.I
)
# "has increased since 2007", "unchanged from May 2019": a comparison, not a date of onset
_COMPARED_SINCE_RE = re.compile(
    r"(?<![\w/])(?:since|from|compared (?:to|with)|until|through)\W*(?:date\W*)?(?:\w+\.?\W*)?$",
    re.I,
)
# "had appendicitis at 14", "died of a stroke at 60": a bare number after "at" is an age only
# after a past event verb ("hypoxia with saturation at 88" is a value)
_AT_AGE_AFTER_RE = re.compile(r"\s+at \d{1,2}(?!\.\d)(?=\s*(?:[,.;)]|$|and\b))", re.I)
_EVENT_VERB_BEFORE_RE = re.compile(
    r"(?<![\w/])(?:had|suffered|sustained|developed|underwent|died (?:of|from)|diagnosed with)"
    r"\s+(?:(?:an?|the|his|her|their|\w+)\s+){0,2}$",
    re.I,
)
# what follows the condition can say it is recent: "history of cough for 3 days"
_RECENT_AFTER_RE = re.compile(r"\s*" + _WORD.format(_RECENT_SPAN), re.I)
_SP_RE = re.compile(r"s/p|status", re.I)
# a family scope ends where the text turns back to the patient
_FAMILY_TERM_RE = re.compile(
    _WORD.format(r"personal(?: medical)? history|(?:the )?patient(?:'s)? (?:own|himself|herself)"),
    re.I,
)

# The one-line summary that opens a history of present illness: "A 63-year-old man with
# diabetes, COPD and prior stroke who presents with chest pain": what the patient is "with"
# before "who presents" is the background (history); what he presents with is not.
_ONE_LINER_OPEN_RE = re.compile(
    r"(?:(?<![a-z/])(?:years?[- ]old|yo|y/o|y\.o\.)(?![\w/])[^.;:]{0,60}?"
    # without an age: "a pleasant gentleman with COPD who comes in with ..."
    r"|\b(?:man|woman|male|female|gentleman|lady|patient|pt|boy|girl|infant|child|veteran)\s+)"
    r"(?:\bwith\s|\bw/(?!o\b)\s?)",
    re.I,
)
_ONE_LINER_CLOSE_RE = re.compile(
    r"[^.;:]*?(?:\bwho\b|,)\s+(?:\w+\s+){0,3}?(?:presents?|presented|presenting|comes?|came|"
    r"admitted|brought|transferred|arrives?|arrived|returns?|returned|referred|sent|is here|"
    r"is seen|was seen)\b"
    # shorthand: "67 yo M w/ HTN, DM p/w chest pain" (presents with, complains of)
    r"|[^.;:]*?\s(?:p/w|c/o)(?![\w/])",
    re.I,
)
_ONE_LINER_MAX_WORDS = 30

# Habits and allergies belong to the social and allergy history whatever the verb says
# ("Denies alcohol or drugs.", "The patient smokes cigarettes.", "No known drug allergies."):
# ConText annotates them historical. A mention that is only such a habit gets the trait;
# its acute effects ("alcohol withdrawal", "cocaine intoxication") do not.
# Words that name a habit only in a habit context ("vasoactive drugs" are medicines):
# alone, they count when the mention says "use" / "abuse" or the sentence names another
# habit nearby ("Denies alcohol or drugs").
_SUBSTANCE_AMBIGUOUS = r"(?:drugs?|substances?|narcotics?|opioids?|opiates?|beer|wine|liquor)"
_SUBSTANCE = (
    r"(?:cigarettes?|cigars?|tobacco|nicotine|alcohol|etoh|"
    r"(?:illicit|illegal|street|recreational|iv|intravenous|injection) drugs?|"
    r"marijuana|cannabis|cocaine|crack|heroin|methamphetamines?)"
)
_ALLERGEN = (
    r"(?:known|drug|food|medication|medicine|seasonal|environmental|latex|penicillin|sulfa|"
    r"iodine|contrast|peanut|nut|shellfish|egg|milk|pollen|aspirin|nsaid)"
)
_HABIT_USE = r"(?:use|usage|abuse|misuse|smoking|consumption|intake|habit|dependence|addiction)"
_HABIT_RE = re.compile(
    rf"(?:{_SUBSTANCE}(?:,? (?:or|and) {_SUBSTANCE})*(?: {_HABIT_USE})?"
    rf"|{_SUBSTANCE_AMBIGUOUS} {_HABIT_USE}"
    r"|(?:cigarette |tobacco |pipe )?smok(?:ing|er|es|ed)(?: cigarettes| tobacco)?"
    r"|(?:non|ex|former|never|current|heavy|social|occasional)[- ]?(?:smoker|drinker)"
    r"|(?:heavy |social |binge )?drink(?:ing|er|s)(?: alcohol)?|ivdu|ivda|ivdas"
    rf"|(?:{_ALLERGEN} )?allergies|{_ALLERGEN} allergy)",
    re.I,
)
# "allergy" alone is often a reaction ("signs of allergy"); an allergy *to* something, or
# a known / drug / food allergy, is the allergy history
_ALLERGY_RE = re.compile(r"allergy", re.I)
_ALLERGEN_BEFORE_RE = re.compile(rf"(?<![\w/]){_ALLERGEN}\s+$", re.I)
_ALLERGY_TO_RE = re.compile(r"\s+to\s", re.I)
_AMBIGUOUS_RE = re.compile(_SUBSTANCE_AMBIGUOUS, re.I)
_HABIT_NEARBY_RE = re.compile(
    _WORD.format(rf"{_SUBSTANCE}|smok(?:ing|er|es|ed)|drink(?:ing|er|s)"), re.I
)
_HABIT_NEAR_CHARS = 60
_HEADER_RE = re.compile(r"\b[A-Z][A-Z/ ]{2,}:")
_WORDS_RE = re.compile(r"\S+")
_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])|\n\s*\n|\n(?=\s*[-*\d•])")


# A section header: a short capitalised name and a colon at a line start, after a sentence or
# after a run of spaces (flattened notes); the section runs to the next header.
_SECTION_HEAD_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;]\s)|(?<=\s\s))[ \t]*([A-Z][A-Za-z/&() ]{1,48}?)[ \t]*:(?![\d/])"
)
_RELATIVE_RE = re.compile(
    r"(?:(?:maternal|paternal) )?(?:mother|father|mom|dad|sisters?|brothers?|siblings?|sons?|"
    r"daughters?|aunts?|uncles?|cousins?|grand(?:mother|father|parents?)|parents?|children)",
    re.I,
)
_HISTORY_SECTION_RE = re.compile(_alt(_HISTORY_HEADERS), re.I)
_HEADER_JOIN_RE = re.compile(r"\s*/\s*|\s+and\s+", re.I)
_FAMILY_SECTION_RE = re.compile(_alt(_FAMILY_HEADERS), re.I)
SECTION_MAX_CHARS = 3000


# A header alone on its line, without a colon ("PAST MEDICAL HISTORY" over a numbered list):
# only names known as headers, so a bare condition on its own line ("Hypertension") neither
# opens nor ends a section.
_OTHER_HEADERS = (
    r"chief complaints?",
    r"cc",
    r"(?:history of (?:the )?)?present(?:ing)? illness",
    r"hpi",
    r"reason for (?:visit|admission|consultation|referral)",
    r"review of systems",
    r"ros",
    r"(?:physical )?exam(?:ination)?",
    r"vital signs",
    r"vitals",
    r"(?:assessment|impression)(?: and plan)?",
    r"a/p",
    r"a&p",
    r"plan",
    r"(?:admission |admitting |discharge |final |principal |secondary )?diagnos[ie]s",
    r"hospital course",
    r"(?:current |home |admission |discharge )?medications",
    r"labs",
    r"laborator(?:y|ies)(?: data)?",
    r"findings",
    r"indications?",
    r"subjective",
    r"objective",
)
_LINE_HEAD_RE = re.compile(
    r"(?:^|(?<=\n))[ \t]*("
    + _alt((*_HISTORY_HEADERS, *_FAMILY_HEADERS, *_OTHER_HEADERS))
    + r")[ \t]*(?=\r?\n)",
    re.I,
)


def section_traits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, trait) of the past-history and family-history sections of a note:
    a mention inside one has the trait even sentences after the header."""
    heads = sorted(
        [*_SECTION_HEAD_RE.finditer(text), *_LINE_HEAD_RE.finditer(text)], key=lambda m: m.start()
    )
    # "Mother: breast cancer" inside a family history is a line of it, not a new section
    heads = [m for m in heads if _RELATIVE_RE.fullmatch(" ".join(m.group(1).split())) is None]
    out = []
    for i, m in enumerate(heads):
        name = " ".join(m.group(1).split())
        parts = _HEADER_JOIN_RE.split(name)  # "Past medical history/past surgical history"
        if _HISTORY_SECTION_RE.fullmatch(name) or all(
            _HISTORY_SECTION_RE.fullmatch(part) for part in parts
        ):
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
            # a pseudo-trigger blocks a trigger it overlaps, unless the trigger holds it and
            # says more ("prior admission" is a comparison; "during her prior admission" is
            # an earlier encounter)
            if any(
                (s <= m.start() < e or s < m.end() <= e)
                and not (m.start() <= s and e <= m.end() and m.end() - m.start() > e - s)
                for s, e in blocked
            ):
                continue
            found.append(Trigger(trait, direction, max_words, m.start(), m.end()))
    return found


def _n_words(s: str) -> int:
    return len(_WORDS_RE.findall(s))


def traits_in_sentence(sentence: str, start: int, end: int, found=None) -> list[str]:
    """Traits of the mention ``sentence[start:end]``, given the sentence's triggers."""
    found = triggers(sentence) if found is None else found
    out: list[str] = []
    if (
        _is_history_by_kind(sentence, start, end)
        or _in_one_liner(sentence, start, end)
        or (
            _AT_AGE_AFTER_RE.match(sentence, end) and _EVENT_VERB_BEFORE_RE.search(sentence[:start])
        )
    ):
        out.append(HISTORICAL)
    for t in found:
        if t.trait in out:
            continue
        if t.start < end and t.end > start:  # trigger inside the mention ("no" in a name)
            continue
        if t.direction in (FORWARD, BOTH) and t.end <= start:
            gap = sentence[t.end : start]
            if t.max_words >= 200:  # a section header covers its section, up to the next one
                ok = not any(
                    _RELATIVE_RE.fullmatch(h.group().rstrip(": \t")) is None
                    for h in _HEADER_RE.finditer(gap)
                )
                ok = ok and _LINE_HEAD_RE.search(gap) is None
            else:
                ok = _TERM_RE.search(gap) is None and _n_words(gap) <= t.max_words
                if ok and t.trait == FAMILY:
                    ok = _FAMILY_TERM_RE.search(gap) is None
                if ok and t.trait == HISTORICAL:
                    sp = _SP_RE.match(sentence, t.start)
                    ok = (_SP_TERM_RE if sp else _HIST_TERM_RE).search(gap) is None
                    ok = ok and (sp or _RECENT_AFTER_RE.match(sentence, end) is None)
            if ok:
                out.append(t.trait)
                continue
        if t.direction in (BACKWARD, BOTH) and t.start >= end:
            gap = sentence[end : t.start]
            term = _BACK_HIST_TERM_RE if t.trait == HISTORICAL else _TERM_RE
            if (
                term.search(gap) is None
                and _n_words(gap) <= t.max_words
                and not (t.trait == HISTORICAL and _COMPARED_SINCE_RE.search(gap))
            ):
                out.append(t.trait)
    return out


def _is_history_by_kind(sentence: str, start: int, end: int) -> bool:
    """A habit (tobacco, alcohol, drugs) or an allergy: social / allergy history."""
    mention = " ".join(sentence[start:end].split())
    if _HABIT_RE.fullmatch(mention):
        return True
    if _ALLERGY_RE.fullmatch(mention):
        return bool(
            _ALLERGEN_BEFORE_RE.search(sentence, max(0, start - 30), start)
            or _ALLERGY_TO_RE.match(sentence, end)
        )
    if _AMBIGUOUS_RE.fullmatch(mention):  # "drugs": only next to another habit
        lo, hi = max(0, start - _HABIT_NEAR_CHARS), end + _HABIT_NEAR_CHARS
        near = sentence[lo:start] + " " + sentence[end:hi]
        return _HABIT_NEARBY_RE.search(near) is not None
    return False


def _in_one_liner(sentence: str, start: int, end: int) -> bool:
    """The mention is in the "with ..." background of a "N-year-old ... with X who presents
    with Y" summary: after the "with", before the "who presents"."""
    for m in _ONE_LINER_OPEN_RE.finditer(sentence, 0, start):
        gap = sentence[m.end() : start]
        if (
            _n_words(gap) <= _ONE_LINER_MAX_WORDS
            and _TERM_RE.search(gap) is None
            and _HIST_TERM_RE.search(gap) is None
            and _PSEUDO_RE.search(gap) is None
            and _HIST_TERM_RE.search(sentence, start, end) is None
            and _ONE_LINER_CLOSE_RE.match(sentence, end)
        ):
            return True
    return False


def context_traits(text: str, begin: int, end: int) -> list[str]:
    """Traits of the mention ``text[begin:end]`` from the sentence around it."""
    for s, e in sentence_bounds(text):
        if s <= begin < max(e, s + 1):
            names = traits_in_sentence(text[s:e], begin - s, end - s)
            return with_sections(names, begin, end, section_traits(text))
    return []
