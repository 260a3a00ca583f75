"""Find the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) in English clinical text.

A rule engine: regular expressions for identifiers with a shape (dates, telephone numbers,
e-mail addresses, SSNs, labelled record / plan / account / licence / device numbers, VINs,
URLs, IP addresses, street addresses, ZIP codes, ages over 89), and names and places found
from context (titles, relations, credentials, address cues) and the US Census name lists,
with the clinical vocabulary (eponyms, drugs, doses, lab values, vital signs, scores written
like dates, medical code numbers) kept out. Plain Python: no Django, no model, no download.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from clinical.phi import lexicon as lx
from clinical.phi import names_model as nm
from clinical.phi import places

# Safe Harbor categories, in the order of 45 CFR 164.514(b)(2)(i)(A)-(R).
CATEGORIES: dict[str, str] = {
    "NAME": "(A) names of the individual, relatives, employers, household members, clinicians",
    "LOCATION": "(B) geographic subdivisions smaller than a state: street, city, county, ZIP",
    "DATE": "(C) elements of dates (except year) directly related to an individual",
    "AGE": "(C) ages over 89 and elements of dates indicating such an age",
    "PHONE": "(D) telephone numbers",
    "FAX": "(E) fax numbers",
    "EMAIL": "(F) electronic mail addresses",
    "SSN": "(G) social security numbers",
    "MRN": "(H) medical record numbers",
    "HEALTH_PLAN": "(I) health plan beneficiary numbers",
    "ACCOUNT": "(J) account numbers (including payment card and IBAN numbers)",
    "LICENSE": "(K) certificate / license numbers",
    "VEHICLE": "(L) vehicle identifiers and serial numbers, including license plates",
    "DEVICE": "(M) device identifiers and serial numbers",
    "URL": "(N) web universal resource locators",
    "IP": "(O) internet protocol addresses",
    "BIOMETRIC": "(P) biometric identifiers, including finger and voice prints",
    "PHOTO": "(Q) full-face photographs and comparable images",
    "ID": "(R) any other unique identifying number, characteristic, or code",
}


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    type: str
    score: float

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "type": self.type, "score": self.score}


# Higher wins when two findings overlap.
_PRIORITY = {
    "EMAIL": 9, "URL": 9, "IP": 8, "SSN": 8, "PHONE": 7, "FAX": 7, "MRN": 7,
    "HEALTH_PLAN": 7, "ACCOUNT": 7, "LICENSE": 7, "VEHICLE": 7, "DEVICE": 7, "ID": 4,
    "AGE": 6, "DATE": 6, "LOCATION": 4, "NAME": 3, "BIOMETRIC": 2, "PHOTO": 2,
}  # fmt: skip

IGN = re.IGNORECASE

# --- shapes ---------------------------------------------------------------------------
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|io|co|us|uk|ca|au|de|fr|nl|be|dk|se|no|fi|is|"
    "it|es|pt|pl|cz|hu|ch|at|ie|nz|za|in|jp|cn|br|mx|ru|eu|me|tv|health|care|app|dev"
)
URL_RE = re.compile(
    r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'()]+[^\s<>\"'().,;:!?\]]"
    rf"|(?<![@\w.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{_TLDS})\b"
    r"(?:/[^\s<>\"'()]*[^\s<>\"'().,;:!?\]])?(?![\w@-])",
    IGN,
)
# every URL_RE match holds one of these: a cheap test before the costly pattern
_URL_HINT_RE = re.compile(rf"://|www\.|\.(?:{_TLDS})\b", IGN)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4_RE = re.compile(rf"(?<![\w.]){_OCTET}(?:\.{_OCTET}){{3}}(?!\w|\.\d)")
_H = r"[0-9A-Fa-f]{1,4}"
IPV6_RE = re.compile(
    rf"(?<![\w:])(?:{_H}(?::{_H}){{7}}|(?:{_H}(?::{_H}){{0,6}})?::(?:{_H}(?::{_H}){{0,6}})?)(?![\w:])"
)
SSN_RE = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")
PHONE_RE = re.compile(
    r"(?<![\w/.+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w/-]|\.\d)"
    r"|(?<![\w/.+-])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}\d(?![\w/-]|\.\d)"
    r"|(?<![\w/.+-])(?:00|0)\d{1,4}[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?(?![\w/-]|\.\d)"
    r"|(?<![\w/.+-])\(\d{2,4}\)\s?\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?(?![\w/]|\.\d)"
    r"|(?<![\w/.+-])\d{2}(?:\.\d{2}){4}(?![\w/]|\.\d)",
    IGN,
)
DIGIT_RUN_RE = re.compile(r"(?<![\w.,/-])\d(?:[\d-]*\d)?(?![\w/]|[.,]\d)")
# "699 956 915", "78 651 450": digit groups (the first may have two digits, the rest three+).
SPACED_DIGITS_RE = re.compile(r"(?<![\w.,/-])\d{2,4}(?: \d{3,4}){1,3}(?![\w/]|[.,]\d)")
PHONE_CUE_RE = re.compile(
    r"\b(?:phone|tel|telephone|cell|mobile|call|calls|text|texts|messages?|fax|contact|"
    r"number|ph|reach|dial)\b\W*(?:\w+\W+){0,3}$",
    IGN,
)
CARD_RE = re.compile(r"(?<![\w.,/-])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?(?![\w/]|[.,]\d)")
ALNUM_ID_RE = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]*[A-Za-z0-9]")
VIN_RE = re.compile(
    r"(?<![\w-])(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}\b"
)
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
# Code shapes that are not PHI (ICD-10-CM, HCPCS Level II, NDC, LOINC-ish).
CODE_RE = re.compile(
    r"^(?:[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?|[A-V]\d{4}|\d{4,5}-\d{3,4}-\d{1,2}|\d{1,5}-\d)$"
)

# (a plate written "ABC 1234": a short block of capitals, a space, then the digits)
_ID_PATTERN = (
    r"(?P<id>(?=[\w-]*\d|(?-i:[A-Z0-9]{1,4})\s\d)[A-Za-z0-9](?:[A-Za-z0-9-]|\s(?=\d))*[A-Za-z0-9])"
)
_LABELS: list[tuple[str, str]] = [
    ("MRN", r"mrn|medical\s+record(?:\s+(?:number|no\.?|num|#))?|med\s*rec(?:ord)?|"
     r"patient\s+(?:id|identifier|number|#)|pt\.?\s+(?:id|#)|chart\s*(?:number|no\.?|#)|"
     r"record\s+(?:number|no\.?|#)|hospital\s+(?:number|no\.?|#)|unit\s+(?:number|no\.?)"),
    ("HEALTH_PLAN", r"member\s*(?:id|number|no\.?|#)|subscriber\s*(?:id|number|no\.?|#)|"
     r"beneficiary\s*(?:id|number|no\.?|#)|(?:health\s+)?plan\s+(?:id|number|no\.?|#)|"
     r"policy\s*(?:id|number|no\.?|#)?|insurance\s*(?:id|number|no\.?|#)|"
     r"medicaid\s*(?:id|number|no\.?|#)?|medicare\s*(?:id|number|no\.?|#)|mbi|hicn|"
     r"health\s+plan\s+beneficiary\s+(?:number|id|no\.?|#)"),
    ("ACCOUNT", r"account\s*(?:number|no\.?|num|#)?|acct\.?\s*(?:number|no\.?|#)?|"
     r"encounter\s*(?:id|number|no\.?|#)?|visit\s+(?:id|number|no\.?|#)|fin|"
     r"invoice\s*(?:number|no\.?|#)?|(?:credit|debit)\s+card(?:\s+(?:number|no\.?|#))?|"
     r"card\s*(?:number|no\.?|#)?|iban|claim\s*(?:id|number|no\.?|#)"),
    ("LICENSE", r"licen[cs]e\s*(?:number|no\.?|num|#)?|"
     r"driver'?s\s+licen[cs]e(?:\s+(?:number|no\.?|#))?|"
     r"dl|dea(?:\s*(?:number|no\.?|#))?|npi|certificate\s*(?:number|no\.?|#)?|cert\.?\s*#|"
     r"passport(?:\s+(?:number|no\.?|#))?|registration\s+(?:number|no\.?|#)"),
    ("VEHICLE", r"vin|vehicle\s+identification\s+number|"
     r"(?:licen[cs]e\s+)?plate(?:\s+(?:number|no\.?|#))?|"
     r"tag\s+(?:number|no\.?|#)|(?:car|vehicle|auto|motorcycle)\s+registration"),
    ("DEVICE", r"serial(?:\s*(?:number|no\.?|num|#))?|s/n|sn|device\s*(?:id|identifier|number|#)|"
     r"udi|imei|lot\s*(?:number|no\.?|#)|model\s*(?:number|no\.?|#)"),
    ("SSN", r"ssn|social\s+security(?:\s+(?:number|no\.?|#))?|ss\s*#"),
    ("ID", r"id|identifier|ref(?:erence)?\s*(?:number|no\.?|#)|case\s*(?:number|no\.?|#)|"
     r"specimen\s*(?:id|number|no\.?|#)|accession\s*(?:number|no\.?|#)?|badge\s*(?:number|#)?"),
]  # fmt: skip
LABELLED_RE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _LABELS)
    + r")(?![\w])[\s:#.=-]*(?:(?:is|was|of|number|no\.?|num)\b[\s:#.]*)?"
    + _ID_PATTERN,
    IGN,
)

# --- dates and ages -------------------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:(?:19|20)\d\d|'\d\d)"
_TIME = (
    r"(?:(?:\s*(?:,|at|@|-)?\s*|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:\s*[ap](?:\.m\.|m\b))?(?:\s*(?:Z|[+-]\d\d:?\d\d|[ECMP][SD]T|UTC|GMT))?"
    r"|\s*(?:at|@)?\s*(?:1[0-2]|0?[1-9])\s*[ap](?:\.m\.|m\b)"
    # "6/1 at 1600": a 24-hour time without a colon, after "at"
    r"|\s*(?:at|@)\s*(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:h|hrs|hours)\b)?(?![\d/:]|\.\d))?"
)
_UNIT_AFTER = (
    r"(?!\s*(?:mg|mcg|µg|ug|g|gm|grams?|ml|mL|l|units?|u|iu|meq|mmol|mEq|tabs?|tablets?|"
    r"caps?|capsules?|puffs?|drops?|gtts?|sprays?|patch(?:es)?|doses?|%|times|x\b|hours?|hrs?|"
    r"h\b|days?|d\b|weeks?|wks?|months?|mos?|years?|yrs?|minutes?|mins?|kg|lbs?|cm|mm|"
    r"percent|to\s+\d+|-\s*\d+\s*(?:mg|mcg|ml)|of\s+(?:the|a|an|his|her|their|its|my|\d+))\b)"
)
_MONTH_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", IGN
)
DATE_RES = [
    # 3/14/2024, 03-14-24, 14.03.2024 (+ time)
    re.compile(
        r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})"
        rf"(?![\w/]|[.-]\d){_TIME}",
        IGN,
    ),
    # 2024-03-14 (+ time)
    re.compile(
        rf"(?<![\w/.-])(?:19|20)\d\d([/.-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!(?!T\d)[\w/]){_TIME}"
    ),
    # March 14, 2024 / Mar. 14th / May 5 (+ time)
    re.compile(
        rf"\b{_MONTH}\s*(?:the\s+)?{_DAY}(?![\d/]|:\d)(?:(?:\s*,\s*|\s+){_YEAR}\b)?{_TIME}{_UNIT_AFTER}",
        IGN,
    ),
    # 14 March 2024 / the 5th of May / 5th of May, 2024
    re.compile(
        rf"(?:\bthe\s+)?\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![a-z])(?:,?\s*{_YEAR}\b)?{_TIME}", IGN
    ),
    # 14-Mar-2024, MAR-14-2024
    re.compile(rf"\b{_DAY}[-/ ]{_MONTH}[-/ ](?:\d{{4}}|\d{{2}})\b{_TIME}", IGN),
    re.compile(rf"\b{_MONTH}[-/]{_DAY}[-/](?:\d{{4}}|\d{{2}})\b{_TIME}", IGN),
    # 2024 March 14, 2024 Mar 14th
    re.compile(rf"\b(?:19|20)\d\d\s+{_MONTH}\s+{_DAY}\b(?![\d/:]){_TIME}", IGN),
    # March 2024, Mar '24, June of 2020
    re.compile(rf"\b{_MONTH}\s*,?\s*(?:of\s+)?{_YEAR}\b", IGN),
]
# 09 / 14 / 2023: spaced slashes, only with a four-digit year
SPACED_DATE_RE = re.compile(
    r"(?<![\w/.-])(?:0?[1-9]|1[0-2]) / (?:0?[1-9]|[12]\d|3[01]) / (?:19|20)\d\d(?![\w/]|[.-]\d)"
)
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth"
)
# "March fourteenth", "the fifth of May": a day written as a word.
ORDINAL_DATE_RE = re.compile(
    rf"\b{_MONTH}\s+(?:the\s+)?(?:{_ORDINAL_WORD})\b(?:,?\s*{_YEAR}\b)?"
    rf"|(?:\bthe\s+)?\b(?:{_ORDINAL_WORD})\s+of\s+{_MONTH}(?![a-z])(?:,?\s*{_YEAR}\b)?",
    IGN,
)
# "on the 3rd", "since the 21st,": a day of the month alone, after a date preposition and
# before a pause or another date word (never "on the 3rd floor", "the 2nd dose").
# (The words before "the" are looked for after a match of "the 3rd": a regular expression
# that starts with a literal word is much cheaper than one that starts with many.)
DAY_ALONE_RE = re.compile(
    r"\bthe\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?:"
    + _ORDINAL_WORD
    + r"))(?=\s*(?:[,.;:!?)\u2013-]|$|and\b|or\b|at\b|@|to\b|through\b|when\b|\(|for\s|"
    r"by\s|with\s|via\s|per\s|after\s|before\s|because\s|but\s|so\s|if\s|unless\s|"
    r"in\s+the\s+(?:morning|afternoon|evening)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"of\s+(?:this|next|last|the)\s+month|(?:was|were|is|showed|went)\b))",
    IGN,
)
_DAY_ALONE_BEFORE_RE = re.compile(
    r"\b(?:on|since|by|until|till|before|after|from|through|thru|starting|beginning|"
    r"effective|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|due|seen|admitted|discharged|"
    r"readmitted|delivered|born|died|expired|operated|scheduled|rescheduled|booked|planned|"
    r"(?:re)?started|stopped|held|resumed|(?:(?:is|was|were|are)\s+)?(?:back|in|out)\s+on|"
    r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?,?|around|about|approximately|"
    r"circa|(?:morning|afternoon|evening|night|day|weekend|week)\s+of|for|"
    r"(?:move|moving|moved|change|changing|changed|push|pushing|pushed|postpone|postponed|"
    r"bump|bumped|switch|switched|reschedule|rescheduled)(?:\s+(?:me|it|him|her|us|them|"
    r"(?:the|my|his|her|our)\s+(?:visit|appt|appointment|surgery|procedure)))?\s+to|"
    r"visit|appt|appointment|"
    r"follow-?up|f/u|surgery|procedure|labs|dose)\s+$",
    IGN,
)
# "Her appointment is the 2nd.", "Next visit: the 2nd": only a day in digits ("He was the first")
_DAY_DIGITS_BEFORE_RE = re.compile(r"(?:\b(?:is|was|will\s+be)|:)\s+$", IGN)
_OF_MONTH_RE = re.compile(r"\s+of\s+(?:this|next|last|the)\s+month\b", IGN)
_PAIN_NEAR_RE = re.compile(r"\bpain\b|\d/10\b|\bout\s+of\s+10\b", IGN)
# "15MAR2024", "20240314": dates written without separators.
COMPACT_DATE_RE = re.compile(
    r"(?<![\w-])(?:(?:[12]\d|3[01]|0?[1-9])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
    r"(?:\d{4}|\d{2})|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\w-])",
    IGN,
)
_FULL_SLASH = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})"
# "2/14/24-2/20/24": two dates joined by a dash.
FULL_DATE_RANGE_RE = re.compile(
    rf"(?<![\w/.-]){_FULL_SLASH}\s*[-\u2013]\s*{_FULL_SLASH}(?![\w/]|\.\d)"
)
# "3/2021", "PCI 11/2019": a month and a year (a ratio or a titer is kept).
MONTH_YEAR_RE = re.compile(r"(?<![\w/.:-])(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\w/]|[.,]\d)")
# "06-2023": a month and a year joined by a dash, only with a date word or an event before
DASH_MONTH_YEAR_RE = re.compile(r"(?<![\w/.:-])(?:0?[1-9]|1[0-2])-(?:19|20)\d\d(?![\w/-]|[.,]\d)")
# "1/6-1/9": two short dates joined by a dash (checked for scores and doses like SHORT_DATE_RE).
SHORT_DATE_RANGE_RE = re.compile(
    r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])\s*[-\u2013]\s*"
    rf"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:(?:19|20)\d\d|\d\d))?"
    rf"(?![\w/]|\.\d){_UNIT_AFTER}",
    IGN,
)
# "March 5-7", "Mar 5 - 7": a range of days.
DAY_RANGE_RE = re.compile(
    rf"\b{_MONTH}\s*{_DAY}\s*(?:-|\u2013|to|through|thru)\s*{_DAY}\b(?!\s*(?:mg|mcg|ml|units?|%|"
    r"times|days?|weeks?|hours?|minutes?|years?))",
    IGN,
)
_HOLIDAY_HINT_RE = re.compile(
    r"(?i:thanksg|christmas|xmas|halloween|year)|Easter|Good\sF|Halloween|Day\b|Juneteenth|Fourth\sof|Hanuk|"
    r"Chanuk|Diwali|Passover|Kippur|Hashanah|Kwanzaa|de\sMayo|Gras|Black\sF|Bowl|Ash\sW|Palm\sS|"
    r"Eid\sal"
)
_EIGHT_DIGITS_RE = re.compile(r"\d{8}")
_ORDINAL_HINTS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "teenth",
    "tieth",
)
_DIGIT_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b", IGN)
# "Christmas disease" (haemophilia B) and "Christmas factor" are no dates.
HOLIDAY_RE = re.compile(
    rf"\b(?:{lx.HOLIDAYS_RE_TEXT}|(?i:christmas|xmas|thanksgiving|halloween|new\s+year['\u2019]?s))"
    r"(?![\w'\u2019])(?!\s+(?:disease|factor|tree\s+pattern)\b)"
)
# Month names alone: "in March", "since April" (May only after a date preposition).
MONTH_ALONE_RE = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|"
    r"December|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)(?![\w-])"
    r"|(?i:\b(?:early|mid|late)[- ])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|\b(?:in|since|during|until|till|before|after|through|of|early|late|mid|last|next|"
    r"this|by)\s(?P<may>May)\b(?!\s+(?:be|have|take|need|use|require|cause|help|not|also)\b)"
)
WEEKDAY_RE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", IGN)
# "Tues. 3/4", "Wed, Mar 5": a short weekday right before a date is part of it.
WEEKDAY_ABBR_RE = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?[ \t]+(?=(?:0?[1-9]|1[0-2])/"
    rf"(?:0?[1-9]|[12]\d|3[01])(?![\d/])|(?i:{_MONTH})[ \t]*\d|\d{{1,2}}[ \t]+(?i:{_MONTH})|"
    r"(?:AM|PM|am|pm|a\.m\.|p\.m\.|morning|afternoon|evening|night)\b)"
)
# "3-Mar", "Mar-3": a day and a month joined by a dash, without a year.
DAY_DASH_MONTH_RE = re.compile(
    r"(?<![\w/.-])(?:(?:[12]\d|3[01]|0?[1-9])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)-(?:[12]\d|3[01]|0?[1-9]))(?![\w-])",
    IGN,
)
# 3/14 without a year: a date only after a date word, and never a score or a dose.
SHORT_DATE_RE = re.compile(
    r"(?<![\w/.-])(?:(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])"
    # "seen 14/03": day first when the day cannot be a month
    r"|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/]|\.\d)"
    rf"{_TIME}{_UNIT_AFTER}",
    IGN,
)
SHORT_DATE_CUE_RE = re.compile(
    r"\b(?:on|since|from|until|till|by|dated|date|dob|d\.o\.b\.?|born|seen|admitted|admit|"
    r"discharged|through|thru|to|before|after|last|next|scheduled|starting|started|"
    r"effective|due|visit|appt|appointment|surgery|procedure|collected|drawn|resulted|"
    r"performed|done|expires?|expired|expiring|post|s/p|and|or|of|between|dos|doa|dod|"
    r"received|given|administered|vaccinated|immunized|placed|removed|changed|occurred|"
    r"happened|injured|injury|fell|"
    r"onset|reviewed|signed|called|was|is|for|until|lmp|lnmp|edd|edc|doi|dol|dos|"
    r"morning|evening|afternoon|night|week\s+of|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|approx|approximately|around|circa|roughly)"
    r"\W*$|[-\u2013~(]\s*$",
    IGN,
)
SCORE_BEFORE_RE = re.compile(
    r"\b(?:pain|strength|grade|murmur|vision|visual|acuity|apgar|score|scores|rated|rate|"
    r"ratio|motor|power|reflexes|gcs|nihss|bp|blood\s+pressure|fraction|titers?|titres?|"
    r"dilution|dilutions|\d\s*(?:out\s+)?of|x|(?:motor|strength)\s+(?:is|was|of))\W*$",
    IGN,
)
# "5/5 motor", "4/5 strength in all extremities": a strength grade after the fraction
SCORE_AFTER_RE = re.compile(
    r"\s*(?:motor|strength|power|sensation|in\s+(?:all|both|the\s+)?\s*(?:four\s+)?"
    r"(?:extremities|limbs|ext|bue|ble|upper|lower))\b",
    IGN,
)
AGE_RES = [
    re.compile(
        r"\b(?P<n>\d{2,3})\s*(?:-\s*|\s)?(?:years?|yrs?|y/o|y\.o\.|yo|y)(?:[\s-]*(?:of\s+age|old))?\b",
        IGN,
    ),
    re.compile(r"\b(?:age|aged|ages)\s*(?:is|of|:|=)?\s*(?P<n>\d{2,3})\b", IGN),
    re.compile(r"\b(?P<n>\d{2,3})(?:\s*(?:-|\s)\s*)(?:yo[mf]|[mf])\b", IGN),
    re.compile(r"\bin\s+(?:his|her|their)\s+(?P<n>(?:9|1[01])0)s\b", IGN),
    # without "years": "she is 96 and", "turned 90 last month", "now 101"
    re.compile(
        r"\b(?:(?:he|she|patient|pt|they)\s+(?:is|was)(?:\s+now)?|turn(?:s|ed|ing)|"
        r"will\s+be)\s+(?P<n>\d{2,3})\b(?![.,]\d|\s*(?:%|/|mg|mcg|kg|lbs?|cm|mm|ml|units?|"
        r"percent|degrees|bpm|beats|min|minutes|hours?|days?|weeks?|months?|mm\s*hg))",
        IGN,
    ),
]

_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# Ages over 89 in words: "ninety-two years old", "a hundred and one year old".
AGE_WORDS_RE = re.compile(
    rf"\b(?P<n>ninety(?:[- ]{_UNITS_WORD})?|(?:(?:one|a)\s+)?hundred(?:\s+and)?"
    rf"(?:[- ](?:{_UNITS_WORD}|ten|eleven|twelve))?)[- ](?:years?|yrs?|y/?o)\b"
    # "she is ninety-one and", "turned ninety last week"
    rf"|\b(?:is|was|turned|turns|turning|aged?|now)[ \t]+(?P<m>ninety(?:[- ]{_UNITS_WORD})?|"
    rf"(?:(?:one|a)\s+)?hundred(?:\s+and)?(?:[- ](?:{_UNITS_WORD}|ten|eleven|twelve))?)"
    r"(?![\w-]|\s*(?:percent|%|mg|mcg|kg|pounds|lbs?|degrees|beats|bpm|minutes|mm|ml|cc|units|"
    r"over|/|times|of\b|days?|weeks?|months?|hours?|seconds?))",
    IGN,
)
# A social media handle named as such, or one with a digit or an underscore: "@zeckhardt".
HANDLE_RE = re.compile(
    r"(?<![\w@.])@(?=[\w.]*[A-Za-z])[A-Za-z0-9_][\w.]{1,29}[A-Za-z0-9_](?![\w@])"
)
HANDLE_CUE_RE = re.compile(
    r"\b(?:twitter|instagram|insta|tiktok|facebook|snapchat|threads|bluesky|mastodon|handle|"
    r"username|user\s+name|screen\s+name|x\.com|ig)\b[^.\n]{0,20}$",
    IGN,
)

# --- places ---------------------------------------------------------------------------
_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|"
    r"Pl|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Trl|Route|Rte|Pike|"
    r"Alley|Aly|Crescent|Cres|Close|Row|Plaza|Loop|Path|Walk|Bend|Crossing|Ridge|Heights|"
    r"Turnpike|Expressway|Freeway|Causeway|Green|Gardens|Grove|Park|Point|Pt|Run|View|Vista|"
    r"Fwy|Expy|Cv|Cove|Mews|Wharf|Quay|Strasse|Straße|Str|Gatan|Gata|Vej|Vegen|Veien|Weg|"
    r"Laan|Straat|Rue|Via|Calle|Rua|Avenida|Ulica|Utca|Tie|Katu|Kuja)"
)
_UNIT = r"(?:Apt|Apartment|Unit|Suite|Ste|Room|Rm|Floor|Fl|Bldg|Building|Lot|Trlr|#)"
STREET_RE = re.compile(
    r"\b\d{1,6}[A-Za-z]?(?:-\d{1,4})?\s+(?:(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
    r"(?:(?:[A-Z][\w'\u2019.-]*|\d{1,3}(?:st|nd|rd|th)|[a-z]{1,3}|\d{1,5})\s+){0,4}?"
    rf"{_SUFFIX}\b\.?(?:\s+(?:NE|NW|SE|SW|N|S|E|W)\b\.?)?(?:\s+\d{{1,5}}\b(?![/:]))?"
    rf"(?:,?\s*{_UNIT}\.?\s*#?\s*[\w-]*\d[\w-]*)?"
)
# Continental style: "Harjukuja 54", "Rua Vinte e Cinco de Setembro 1257".
# A cheap first look for STREET_EU_RE: a word before a number, ending like a street.
_WORD_NUMBER_RE = re.compile(r"(\S{3,})[ \t]+\d")
_EU_STREET_ENDINGS = tuple(
    lx.wordlist(
        """
        gatan gata vej vegen veien weg laan straat strasse straße str. katu kuja tie utca ulica
        gade stræde allé plein gasse platz väg vägen gränd torget stien svingen terrasse tanner
        kade dreef singel hof rinne polku raitti
        """
    )
)


def _eu_street_hint(text: str) -> bool:
    return any(
        m.group(1).lower().endswith(_EU_STREET_ENDINGS) for m in _WORD_NUMBER_RE.finditer(text)
    )


STREET_EU_RE = re.compile(
    r"(?<![\w'\u2019-])[^\W\d_][\w'\u2019-]*?"
    r"(?:gatan|gata|vej|vegen|veien|weg|laan|straat|strasse|straße|str\.|katu|kuja|tie|utca|"
    r"ulica|gade|stræde|allé|plein|gasse|platz|väg|vägen|gränd|torget|stien|svingen|"
    r"terrasse|tanner|kade|dreef|singel|hof|rinne|polku|raitti)"
    r"\s+\d{1,5}[A-Za-z]?\b",
    IGN,
)
UNIT_RE = re.compile(
    r"(?<![\w#])(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Bldg)\.?\s*#?\s*\d+[A-Za-z]?\b"
    r"|(?<!\w)#\s?\d{1,5}[A-Za-z]?\b(?=\s*,)"
)
# "postoperative day #1,", "problem #2,": a count, not a unit number
_COUNT_BEFORE_RE = re.compile(r"\b(?:day|pod|no|number|step|cycle|week|item|problem)\s*$", IGN)
POBOX_RE = re.compile(
    r"\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|PO\s*Box|(?:PSC|CMR|Unit)\s+\d+,?\s+Box|"
    r"(?:RR|R\.R\.|Rural\s+Route|HC|Star\s+Route)\s*#?\s*\d+,?\s+Box)\s*#?\s*\d+"
    r"(?:\s*\n?\s*[AFD]PO\s+A[AEP]\s+\d{5})?",
    IGN,
)
MILITARY_RE = re.compile(
    r"\b(?:(?:USNS|USNV|USS|USCGC|USAV)\s+[^\W\d_][\w'.-]*(?:[ \t][^\W\d_][\w'.-]*)?\s*,?\s*)?"
    r"[AFD]PO\s+A[AEP]\s+\d{5}(?:-\d{4})?\b",
    IGN,
)
_STATE_NAMES = "|".join(sorted((n.title() for n in lx.US_STATES), key=len, reverse=True))
_STATE_ABBR = "|".join(sorted(lx.STATE_ABBRS))
# "Tacoma, WA", "Tacoma WA 98402" (the look-behind follows the first capital: a pattern that
# starts with a character class lets `re` skip quickly to the places it can match)
CITY_STATE_RE = re.compile(
    r"(?P<city>[A-Z](?<![\w'\u2019.-][A-Z])[a-zA-ZÀ-ÿ'\u2019.-]+"
    r"(?: (?:[A-Z][a-zA-ZÀ-ÿ'\u2019.-]+|de|la|del|du|of|on|upon)){0,3})"
    rf",?\s+(?P<state>{_STATE_ABBR}|{_STATE_NAMES})\b\.?"
    r"(?P<zip>[\s,]+\d{5}(?:-\d{4})?\b)?"
)
ZIP_RE = re.compile(
    r"(?:\bzip(?:\s*code)?|\bpostal\s+code|\bpostcode)\s*(?:is|:|#|-)?\s*(?P<zip>\d{4,5}(?:-\d{4})?)\b"
    r"|(?<![\w/-])(?P<zip3>\d{5}-\d{4})(?![\w/-])",
    IGN,
)
STATE_ZIP_RE = re.compile(rf"\b(?:{_STATE_ABBR})\s+(?P<zip>\d{{5}}(?:-\d{{4}})?)\b")
_FACILITY_CAPS_HINTS = (
    "HOSPITAL", "CENTER", "CLINIC", "HOME", "HOSPICE", "LIVING", "MANOR", "ELEMENTARY",
    "SCHOOL", "UNIVERSITY", "COLLEGE", "COUNTY",
)  # fmt: skip
_PRACTICE_HINTS = ("Family", "Medical", "Partners", "Pediatrics", "Care", "Internal", "Health")
_COUNTY_WORDS = ("County", "Parish", "Borough", "Township", "Twp")
COUNTY_RE = re.compile(
    r"(?<![\w'.-])(?:[A-Z][a-zA-Z'.-]+\s+){1,3}(?:County|Parish|Borough|Township|Twp)\b"
    r"|\b(?:County|Parish|Township)\s+of\s+[A-Z][a-zA-Z'.-]+(?:\s+[A-Z][a-zA-Z'.-]+)?"
)
_FACILITY_HEADS = (
    r"Hospital|Medical\s+Center|Medical\s+Centre|Health\s+Center|Health\s+System|"
    r"Clinic|Infirmary|Nursing\s+Home|Rehabilitation\s+Center|Rehab|Hospice|"
    r"Memorial|General|Children's|Regional|Community\s+Hospital|Surgery\s+Center|"
    r"Care\s+Center|Assisted\s+Living|Manor|Academy|School|University|College|Elementary|"
    r"Middle\s+School|High\s+School|Park|Library|Cemetery|Airport|Market|Mall|Plaza|YMCA|"
    r"Church|Mosque|Synagogue|Temple|Stadium|Arena|Fire\s+Station|Police\s+Station|Post\s+Office|"
    r"Dialysis|Senior\s+Center|Community\s+Center|Recreation\s+Center|Prison|Jail|"
    r"Correctional\s+(?:Facility|Center|Institution)|Detention\s+Center|Apartments|Estates|"
    r"River|Valley|Creek|Canyon|Reservoir|National\s+Park|State\s+Park|National\s+Forest|"
    r"Campground"
)
FACILITY_RE = re.compile(
    r"(?<![\w'\u2019.-])(?:(?:St\.?|Saint|Mount|Mt\.?)\s+)?(?:[A-Z][a-zA-Z'\u2019.-]+\s+){1,4}?"
    rf"(?:{_FACILITY_HEADS})\b(?!\s+(?:spotted|fever|virus|disease|syndrome|tick))"
    r"|\bSt\.?\s+[A-Z][a-z]+(?:'s|\u2019s)(?:\s+(?:Hospital|Medical\s+Center|Health))?"
)
# Every FACILITY_RE match holds the first word of a head (or "St"): a cheap test first.
_FACILITY_HINT_RE = re.compile(
    "|".join(
        sorted({re.match(r"[A-Z][\w']*", h).group(0) for h in _FACILITY_HEADS.split("|")} | {"St"})
    )
)
# A practice named for a place: "Ridgecrest Family Medicine", "Eastside Pediatrics" (a word that
# is no English word must name it: never "Consult Pediatrics")
PRACTICE_RE = re.compile(
    r"(?<![\w'\u2019.-])(?P<w>(?:[A-Z][a-zA-Z'\u2019-]+[ \t]+){1,3})(?:Family[ \t]+(?:Health|"
    r"Medicine|Practice|Care)|Medical[ \t]+(?:Group|Associates)|Health[ \t]+Partners|"
    r"Pediatrics|Urgent[ \t]+Care|Primary[ \t]+Care|Internal[ \t]+Medicine|Women['\u2019]s[ \t]+"
    r"Health)\b"
)
# The same in capitals: "BOZEMAN DEACONESS HOSPITAL" (its ordinary leading words are dropped).
FACILITY_CAPS_RE = re.compile(
    r"(?<![\w'\u2019.-])(?P<w>(?:[A-Z][A-Z'\u2019.-]+[ \t]+){1,4}?)(?:HOSPITAL|MEDICAL[ \t]+CENTER|"
    r"HEALTH[ \t]+CENTER|CLINIC|NURSING[ \t]+HOME|REHABILITATION[ \t]+CENTER|HOSPICE|"
    r"ASSISTED[ \t]+LIVING|MANOR|ELEMENTARY|HIGH[ \t]+SCHOOL|UNIVERSITY|COLLEGE|COUNTY)\b"
)
# every ADDRESS_CUE_RE match holds one of these (lower-cased)
_ADDRESS_CUE_KEYS = (
    "addr", "liv", "resid", "stay", "located", "ship", "send", "mail", "forward", "corner", "moved"
)  # fmt: skip
ADDRESS_CUE_RE = re.compile(
    r"\b(?:address(?:\s+is)?|addr\.?|(?:i|we|he|she|they|patient|pt)?\s*(?:live|lives|living|"
    r"reside|resides|residing|stay|stays|staying)\s+(?:at|on)|located\s+at|"
    r"(?:ship|send|mail|deliver|forward)\s+(?:it|them|this|the\s+\w+)?\s*to|"
    r"corner\s+of|moved\s+to)\s*[:,-]?\s*",
    IGN,
)
PLACE_CUE_RE = re.compile(
    r"\b(?:lives?|living|lived|resides?|residing|resided|born|raised|grew\s+up|moved|"
    r"relocated|works?|worked|working|employed|travel(?:l?ed)?|visiting|visited|stay(?:ing|ed)?|"
    r"located|transferred|admitted|came|comes|is|was|hometown|city|town|village|suburb|"
    r"neighborhood|county|area|near|outside|nearby|around|downtown|from|to|in|at)"
    r"(?:\s+(?:in|to|from|at|of|near|outside|around|is|was))?\s+$",
    IGN,
)

# --- biometrics and photographs -------------------------------------------------------
BIOMETRIC_RE = re.compile(
    r"\b(?:finger\s*prints?(?:\s+scans?)?|thumb\s*prints?|palm\s*prints?|voice\s*prints?|"
    r"retinal\s+scans?|retina\s+scans?|iris\s+scans?|facial\s+(?:geometry|recognition)(?:\s+scans?)?|"
    r"hand\s+geometry|gait\s+signature|dna\s+(?:profile|fingerprint)|biometric\s+(?:data|scan|template|identifiers?))\b",
    IGN,
)
PHOTO_RE = re.compile(
    r"\b(?:full[\s-]*face\s+(?:photo(?:graph)?s?|images?|pictures?)|face\s+(?:photo(?:graph)?s?|"
    r"pictures?|images?)|facial\s+(?:photo(?:graph)?s?|images?)|(?:head\s*shot|mug\s*shot)s?|"
    r"photo(?:graph)?s?\s+of\s+(?:the\s+)?(?:patient'?s?\s+)?face|selfies?)\b",
    IGN,
)

# --- names ----------------------------------------------------------------------------
WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019-][^\W\d_][^\W_]*)*\.?")
_PARTICLES = frozenset(
    lx.wordlist(
        """
        van von der den de del della di da du la le dos das al el bin ibn ben ter ten af ap
        """
    )
)
_RARE = 10**9
_PLACE_PREPS = frozenset(_w for _w in lx.wordlist("in at near outside inside around downtown"))
_PLACE_VERB_RE = re.compile(
    r"\b(?:moved|moving|move|relocated|relocating|travel(?:l?ed|l?ing)?|flew|drove|drive|"
    r"driving|came|come|comes|immigrated|emigrated|returned|transferred|originally|"
    r"is|was|are|am|hails?)\s+(?:back\s+)?(?:here\s+)?(?:from|to)\s*$",
    IGN,
)
_RELATION_AFTER_RE = re.compile(
    r"(?:,\s*|\s*\(\s*)(?:the\s+|my\s+)?(?:patient'?s|pt'?s|his|her|their)?\s*(?:"
    + "|".join(
        sorted(
            (
                w
                for w in lx.NAME_CUES
                if w not in ("patient", "pt", "pt.", "name", "called", "contact")
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    IGN,
)
# every _LOWER_CREDENTIAL_RE match holds a comma and one of these ("DNP", "APRN" hold them)
_LOWER_CREDENTIAL_KEYS = ("MD", "M.D.", "DO", "NP", "RN", "PA-C", "PhD")
_LOWER_CREDENTIAL_RE = re.compile(
    r"(?<![\w'-])([a-z][a-z'-]+(?:\s[a-z][a-z'-]+){0,2}),\s*(?:MD|M\.D\.|DO|NP|RN|PA-C|PhD|DNP|FNP|APRN)\b"
)
_PART_SPLIT_RE = re.compile(r"[-'\u2019]")
_CREDENTIAL_RE = re.compile(
    r",?\s*(?:"
    + "|".join(re.escape(c) for c in sorted(lx.CREDENTIALS, key=len, reverse=True))
    + r")(?!\w)",
    IGN,
)
_FUNCTION_WORDS = frozenset(
    lx.wordlist(
        """
        a an the and or but nor of on in at to for from with by as is was are were be been
        has have had will would may might can could shall should must do does did not no
        see saw call called per via about after before over under into onto than then
        he she his her him they them their we us our you your it its this that these those
        who whom which what when where why how here there also very just only still again
        """
    )
)
_KIN_CUES = frozenset(
    lx.wordlist(
        """
        wife husband daughter son mother mom father dad brother sister granddaughter grandson
        grandmother grandfather grandma grandpa aunt uncle niece nephew cousin partner spouse
        fiance fiancee boyfriend girlfriend stepson stepdaughter stepmother stepfather
        mother-in-law father-in-law daughter-in-law son-in-law brother-in-law sister-in-law
        """
    )
)
_DOCTOR_TITLES = frozenset(lx.wordlist("dr dr. doctor drs drs. mr mr. mrs mrs. ms ms. prof"))
_SIGNOFF_WORDS = frozenset(lx.wordlist("best thanks regards cheers sincerely warmly love"))
_CONTRACTION_RE = re.compile(r"n['\u2019]t$|['\u2019](?:ll|re|ve|m|d)$")
_NAME_LIKE_WORDS = frozenset(lx.wordlist("will may can see call"))
_SENT_END_RE = re.compile(r"[.!?;:\n•\"(\[]\s*$")
NAME_LIST_CUE_RE = re.compile(
    r"\b(?:name(?:\s+is|\s+was|'s|s)?|named|called|call\s+me|i\s+am|hi|hello|hey|"
    r"named\s+(?:him|her|them)|calls\s+me|goes\s+by|known\s+as|nicknamed|"
    r"(?:my|our|his|her|their)\s+(?:kid|child|baby|grandchild|grandkid)|i'm|this\s+is|"
    r"signed\s+by|dictated\s+by|transcribed\s+by|entered\s+by|reviewed\s+by|seen\s+by|"
    r"examined\s+by|referred\s+by|performed\s+by|attending|resident|by\s+dr|"
    r"user|bot|patient|client|customer|author|directed\s+by|written\s+by|written|"
    r"starring|cast|featuring|(?:letter|note|message|referral|reply|results?)\s+to|to\s*:|"
    r"from\s*:|attn\s*:?|"
    # verbs whose object is a person: "spoke with Rose", "left a message for Hope"
    r"(?:spoke|speaking|talked|talking|discussed|reviewed|met|conferred|updated|notified|"
    r"informed|phoned|texted|e-?mailed|messaged|counsell?ed|reassured|referring|"
    r"left\s+(?:a\s+)?(?:message|vm|voicemail))(?:\s+(?:with|to|for))?|"
    # "accompanied by Evdokia", "brought in by Deshawn": a person brings a patient
    r"(?:accompanied|escorted|picked\s+up|raised|adopted|brought(?:\s+in)?|driven|"
    r"dropped\s+off)\s+by|d/w)\s*[:,-]?\s*$",
    IGN,
)
# Verbs whose object is a person, and the words that follow that person ("Told Wrenna to
# return"): together, a cue for the capitalized word between them ("Advised Nurtec prn" is not).
OBJECT_VERB_RE = re.compile(
    r"\b(?:explained\s+to|asked|told|encouraged|examined|advised|instructed|educated|see|saw|"
    r"seeing|referring|referred|reminded|reassured|thanked|greeted|congratulated|met\s+with|"
    r"pleasure\s+(?:to\s+see|of\s+seeing|seeing|caring\s+for|meeting))\s*$",
    IGN,
)
OBJECT_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:to|that|about|on|and|back|with|in|today|at|regarding|again|once)\b|[.,;])"
)
# "the plan with Wrenna and her mother": a person among their family
WITH_FAMILY_RE = re.compile(
    r"\bwith\s+(?P<n>[A-Z][a-z][\w'\u2019-]*)\s+and\s+(?:her|his|their)\s+(?:"
    r"(?:mother|mom|father|dad|parents?|family|wife|husband|partner|daughter|son|sister|brother|"
    r"grandmother|grandfather|caregiver|aunt|uncle)\b)"
)
WEAK_CUE_RE = re.compile(
    r"(?:\b(?:with|and|&|per|by|for|from|to|or|saw|see|ask|tell|told)|\bw/)\s*$", IGN
)


def find_phi(text: str) -> list[Entity]:
    """Every Safe Harbor identifier found in ``text``, ordered, without overlaps."""
    if not text:
        return []
    found: list[tuple[int, int, str, float]] = []
    add = found.append
    _shapes(text, add)
    _dates(text, add)
    if found and (":" in text or "m" in text or _DIGIT_RE.search(text)):
        _attached_times(text, found)
    _dates_in_context(text, found)
    _places(text, add)
    _more_places(text, add)
    owned = places.find(text, add)
    _names(text, found)
    _context_names(text, found)
    _more_names(text, found)
    _subject_names(text, found)
    _slot_names(text, found)
    _household_names(text, found)
    _spread_names(text, found)
    lowered = text.lower()
    if any(k in lowered for k in ("print", "scan", "geometry", "biometric", "gait", "dna")):
        for m in BIOMETRIC_RE.finditer(text):
            add((m.start(), m.end(), "BIOMETRIC", 0.8))
    if any(k in lowered for k in ("photo", "picture", "image", "shot", "selfie")):
        for m in PHOTO_RE.finditer(text):
            add((m.start(), m.end(), "PHOTO", 0.8))
    # "in Mt." at the end of a line: the abbreviation of a place word names no place
    found = [
        f for f in found if not (f[2] == "LOCATION" and text[f[0] : f[1]] in _BARE_PLACE_ABBRS)
    ]
    found = places.drop_clinical_names(text, places.drop_names_inside(found, owned))
    found = places.drop_service_names(text, places.drop_vaccine_lots(text, found))
    found = places.drop_organisms(text, places.drop_vendors_and_states(text, found))
    return _resolve(found)


_BARE_PLACE_ABBRS = frozenset({"Mt", "Mt.", "St", "St.", "Ft", "Ft.", "MT", "ST", "FT"})


_DIGIT_RE = re.compile(r"\d")


def _lacks(text: str, keys: tuple[str, ...]) -> bool:
    """An ASCII text that holds none of ``keys`` in any case: a case-insensitive pattern that
    needs one of them cannot match there and need not run. Outside ASCII, case folding in a
    pattern differs from ``str.lower`` ("\u212a" is a "k"), so the pattern always runs."""
    if not text.isascii():
        return False
    low = text.lower()
    return not any(k in low for k in keys)


def _shapes(text: str, add) -> None:
    for m in EMAIL_RE.finditer(text) if "@" in text else ():
        add((m.start(), m.end(), "EMAIL", 0.99))
    for m in URL_RE.finditer(text) if _URL_HINT_RE.search(text) else ():
        if "@" in m.group(0):
            continue
        add((m.start(), m.end(), "URL", 0.95))
    digits = _DIGIT_RE.search(text) is not None
    for m in IPV4_RE.finditer(text) if digits else ():
        add((m.start(), m.end(), "IP", 0.95))
    for m in IPV6_RE.finditer(text) if ":" in text else ():
        value = m.group(0)
        groups = [g for g in value.split(":") if g]
        if len(groups) >= 2 and ("::" in value or re.search(r"[A-Fa-f]", value)):
            add((m.start(), m.end(), "IP", 0.9))
    if not digits:  # every other shape holds a digit
        if "@" in text:
            _handles(text, add)
        return
    for m in SSN_RE.finditer(text):
        add((m.start(), m.end(), "SSN", 0.95))
    # a phone number keeps 7 digits and a labelled ID 3 (``str.isdigit`` counts them below; in
    # ASCII text that is the count of "\d"): a text with fewer need not run those patterns
    at_most = len(_DIGIT_RE.findall(text)) if text.isascii() else len(text)
    for m in PHONE_RE.finditer(text) if at_most >= 7 else ():
        digits = sum(c.isdigit() for c in m.group(0))
        if (
            digits < 7
            or digits > 15
            or CODE_RE.match(m.group(0))
            or _DATE_SHAPE_RE.fullmatch(m.group(0))
        ):
            continue
        before = text[max(0, m.start() - 30) : m.start()].lower()
        kind = "FAX" if "fax" in before and "phone" not in before.rsplit("fax", 1)[1] else "PHONE"
        add((m.start(), m.end(), kind, 0.9))
    for m in LABELLED_RE.finditer(text) if at_most >= 3 else ():
        kind = m.lastgroup if m.lastgroup != "id" else None
        kind = next(k for k, _ in _LABELS if m.group(k) is not None)
        value = m.group("id")
        digits = sum(c.isdigit() for c in value)
        if digits < 3 or CODE_RE.match(value) or _looks_like_date(value):
            continue
        if kind == "ID" and digits < 4:
            continue
        if kind == "LICENSE" and "plate" in m.group(0).lower():
            kind = "VEHICLE"
        add((m.start("id"), m.end("id"), kind, 0.9))
    if "@" in text:
        _handles(text, add)
    for m in VIN_RE.finditer(text):
        add((m.start(), m.end(), "VEHICLE", 0.85))
    for m in IBAN_RE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 10:
            add((m.start(), m.end(), "ACCOUNT", 0.85))
    for m in SPACED_DIGITS_RE.finditer(text):
        value = m.group(0)
        if not 7 <= sum(c.isdigit() for c in value) <= 12:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        kind = "PHONE" if PHONE_CUE_RE.search(before) else "ID"
        add((m.start(), m.end(), kind, 0.6))
    for m in CARD_RE.finditer(text):
        if _luhn(m.group(0)):
            add((m.start(), m.end(), "ACCOUNT", 0.9))
    for m in DIGIT_RUN_RE.finditer(text):
        value = m.group(0)
        digits = sum(c.isdigit() for c in value)
        if digits < 7 or CODE_RE.match(value) or _looks_like_date(value):
            continue
        if 13 <= digits <= 19 and _luhn(value):
            add((m.start(), m.end(), "ACCOUNT", 0.9))
        elif digits == 10 and " " not in value.strip():
            add((m.start(), m.end(), "PHONE", 0.7))
        else:
            add((m.start(), m.end(), "ID", 0.7))
    for m in ALNUM_ID_RE.finditer(text):
        value = m.group(0)
        digits = sum(c.isdigit() for c in value)
        if digits < 4 or len(value) < 6 or CODE_RE.match(value):
            continue
        if re.fullmatch(r"\d+(?:-\d+)*-?[A-Za-z]{1,6}", value):  # 500mg, 24-hour, 2x
            continue
        add((m.start(), m.end(), "ID", 0.6))


def _handles(text: str, add) -> None:
    for m in HANDLE_RE.finditer(text):
        value = m.group(0)
        if HANDLE_CUE_RE.search(text, max(0, m.start() - 40), m.start()) or re.search(
            r"[\d_]", value
        ):
            add((m.start(), m.end(), "ID", 0.7))


_DATE_SHAPE_RE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d\d"
    r"|(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])"
)


def _looks_like_date(value: str) -> bool:
    """3/14/2024, 2024-03-14, 14.03.24; not an account number like 7734-22-1190."""
    if not re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}", value):
        return False
    a, b, _ = re.split(r"[-/.]", value)
    if len(a) <= 2:
        return int(a) <= 31 and int(b) <= 31
    return len(a) == 4 and a[:2] in ("19", "20") and int(b) <= 12


def _luhn(value: str) -> bool:
    digits = [int(c) for c in value if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _dates(text: str, add) -> None:
    has_month = _MONTH_WORD_RE.search(text) is not None
    digits = _DIGIT_RE.search(text) is not None  # every date shape but words holds one
    for index, pattern in enumerate(DATE_RES if digits else ()):
        if index >= 2 and not has_month:
            continue
        for m in pattern.finditer(text):
            value = m.group(0)
            # "may 5 ..." in lower case: a date only after a date word, or with a year
            if (
                value[:3] == "may"
                and not _date_before(text, m.start())
                and not re.search(r"\d{4}|'\d\d|\d(?:st|nd|rd|th)", value)
            ):
                continue
            add((m.start(), m.end(), "DATE", 0.9))
    for m in SPACED_DATE_RE.finditer(text) if digits and " / " in text else ():
        add((m.start(), m.end(), "DATE", 0.85))
    for m in MONTH_ALONE_RE.finditer(text) if has_month else ():
        g = "may" if m.group("may") else 0
        add((m.start(g), m.end(g), "DATE", 0.75))
    for m in WEEKDAY_RE.finditer(text) if not _lacks(text, ("day",)) else ():
        add((m.start(), m.end(), "DATE", 0.6))
    for m in DAY_DASH_MONTH_RE.finditer(text) if digits and has_month and "-" in text else ():
        add((m.start(), m.end(), "DATE", 0.75))
    for m in WEEKDAY_ABBR_RE.finditer(text):
        add((m.start(), m.end() - len(m.group(0)) + len(m.group(0).rstrip(" \t,")), "DATE", 0.6))
    lowered = text.lower()
    ordinal_words = any(k in lowered for k in _ORDINAL_HINTS)
    if has_month and ordinal_words:
        for m in ORDINAL_DATE_RE.finditer(text):
            if m.group(0)[:3] == "may" and not _date_before(text, m.start()):
                continue
            add((m.start(), m.end(), "DATE", 0.8))
    if "the " in text and (ordinal_words or _DIGIT_ORDINAL_RE.search(text)):
        for m in DAY_ALONE_RE.finditer(text):
            if _DAY_ALONE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) or (
                m.group("d")[0].isdigit()
                and _DAY_DIGITS_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
            ):
                month = _OF_MONTH_RE.match(text, m.end("d"))  # "the 3rd of next month"
                add((m.start("d"), month.end() if month else m.end("d"), "DATE", 0.7))
    for m in HOLIDAY_RE.finditer(text) if _HOLIDAY_HINT_RE.search(text) else ():
        add((m.start(), m.end(), "DATE", 0.7))
    for m in MONTH_YEAR_RE.finditer(text) if digits and "/" in text else ():
        if not SCORE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
            add((m.start(), m.end(), "DATE", 0.7))
    if has_month and digits:
        for m in DAY_RANGE_RE.finditer(text):
            add((m.start(), m.end(), "DATE", 0.85))
    for m in SHORT_DATE_RE.finditer(text) if digits and "/" in text else ():
        before = text[max(0, m.start() - 40) : m.start()]
        if SCORE_BEFORE_RE.search(before) or SCORE_AFTER_RE.match(text, m.end()):
            continue
        verb = _VALUE_VERB_BEFORE_RE.search(before)
        if verb and verb.group(1).lower() in _VALUE_VERBS:
            continue  # "strength improved to 4/5"
        if m.group(0).split("/", 1)[1][:2] == "10" and _PAIN_NEAR_RE.search(
            text, max(0, m.start() - 60), m.start()
        ):
            continue  # "3/10 pain, improved from 7/10"
        # "3/14: CT head negative": a date heading a line
        heading = (m.start() == 0 or text[m.start() - 1] == "\n") and text.startswith(
            (":", " -", " \u2013"), m.end()
        )
        if (
            not heading
            and not SHORT_DATE_CUE_RE.search(before)
            and not _recent_date(text, m.start())
        ):
            continue
        add((m.start(), m.end(), "DATE", 0.75))
    for m in SHORT_DATE_RANGE_RE.finditer(text) if digits and "/" in text else ():
        before = text[max(0, m.start() - 40) : m.start()]
        if not (SCORE_BEFORE_RE.search(before) or SCORE_AFTER_RE.match(text, m.end())):
            add((m.start(), m.end(), "DATE", 0.75))
    compact = digits and (has_month or _EIGHT_DIGITS_RE.search(text) is not None)
    ranged = "/" in text and ("-" in text or "\u2013" in text)
    for rx, wanted in ((COMPACT_DATE_RE, compact), (FULL_DATE_RANGE_RE, ranged)):
        for m in rx.finditer(text) if wanted else ():
            add((m.start(), m.end(), "DATE", 0.8))
    for pattern in AGE_RES if digits else ():
        for m in pattern.finditer(text):
            if int(m.group("n")) >= 90 and int(m.group("n")) < 130:
                add((m.start("n"), m.end("n"), "AGE", 0.9))
    if "ninet" in text.lower() or "hundred" in text.lower():
        for m in AGE_WORDS_RE.finditer(text):
            g = "n" if m.group("n") else "m"
            add((m.start(g), m.end(g), "AGE", 0.85))


_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap](?:\.m\.|m\b))?|(?:1[0-2]|0?[1-9])\s*[ap](?:\.m\.|m\b)|"
    r"(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:h|hrs|hours)\b)?)"
)
# A time right after a date ("3/5/24 0715", "Sat 3/2 around 2 pm") or right before "on" and
# a date ("last well at 21:40 on 3 January"): part of the date element. Never a dose, a count
# or a range ("1/5 1200 mg", "3/2 2-3 times").
TIME_AFTER_DATE_RE = re.compile(
    rf"[ \t]*(?:,|at|@|around|about|approx\.?|approximately|~)?[ \t]*(?P<t>{_CLOCK})"
    r"(?![\w/:%-]|[.,]\d)(?!\s*(?:mg|mcg|ml|units?|times|x)\b)",
    IGN,
)
TIME_BEFORE_DATE_RE = re.compile(rf"(?<![\w/:.-])(?P<t>{_CLOCK})[ \t]+on[ \t]+$", IGN)


def _attached_times(text: str, found: list) -> None:
    dates = [f for f in found if f[2] == "DATE"]
    for s, e, _, _ in dates:
        m = TIME_AFTER_DATE_RE.match(text, e)
        if m and m.group("t")[0].isdigit():
            found.append((m.start("t"), m.end("t"), "DATE", 0.7))
        m = TIME_BEFORE_DATE_RE.search(text, max(0, s - 16), s)
        if m:
            found.append((m.start("t"), m.end("t"), "DATE", 0.7))


# --- dates read from their sentence (issue 7, seventh pass) ---
# A short date ("9/8", "12/2") is told from a score or a fraction by what surrounds it: a
# clock time right after it, another date earlier in the same sentence, an event verb in the
# past participle right before it ("written 04/10", "paged at 11/3"), or "last/next <event>"
# ("Last BM 9/8"); a verb of change or measurement before it ("improved to 3/5") keeps it a
# value. The same evidence carries a day alone ("from the 9th to the 16th") and a weekday
# written short ("started Sat", "see u thurs").
_SENTENCE_BREAK_RE = re.compile(r"[.!?;\n](?:\s|$)")
_PARTICIPLE_BEFORE_RE = re.compile(
    r"\b(?P<w>[a-z]{3,}(?:ed|en|wn)|sent|held|paid|told|brought|kept|met|left|began|came|went|"
    r"fell)(?:\s+(?:at|on|in))?[ \t]*:?[ \t]*$",
    IGN,
)
_VALUE_VERBS = frozenset(
    lx.wordlist(
        """
        improved decreased increased reduced worsened dropped rated scored graded measured
        estimated calculated titrated tapered weaned dosed diluted mixed divided split
        narrowed widened weakened strengthened lowered raised shortened lengthened
        """
    )
)
_VALUE_VERB_BEFORE_RE = re.compile(r"([a-z]+)[ \t]+(?:(?:to|at|by|from)[ \t]+)?$", IGN)
_EVENT_NOUN_BEFORE_RE = re.compile(
    r"\b(?:last|next|prior|previous|most\s+recent|latest)(?:[ \t]+[A-Za-z][\w/-]*){1,2}"
    r"[ \t]*:?[ \t]*$",
    IGN,
)
# "the 5/14 appointment", "her 6/2 visit": a date before the event it dates
_EVENT_NOUN_AFTER_RE = re.compile(
    r"[ \t]+(?:appointment|appt|visit|surgery|procedure|scan|infusion|admission|discharge|"
    r"labs?|dose|injection|session|consult|clinic|call|follow-?up|f/u|ultrasound|biopsy|"
    r"colonoscopy|delivery|induction|operation|echo|mri|ct|x-?ray)s?\b",
    IGN,
)
_NO_UNIT_AFTER_RE = re.compile(_UNIT_AFTER, IGN)
# "Flu shot 10/3", "Mammogram 4/2": the event a date dates, right before it
_EVENT_BEFORE_RE = re.compile(
    r"\b(?:shot|vaccine|vaccinated|booster|injection|infusion|appointment|appt|visit|surgery|"
    r"scan|mri|ct|cta|echo|ekg|ecg|x-?ray|ultrasound|biopsy|colonoscopy|endoscopy|egd|"
    r"mammogram|mammo|pap|dexa|tdap|ppsv23|pcv20|shingrix|covid|flu)[ \t]*:?[ \t]*$",
    IGN,
)
# "shot on 10-2": a month and a day joined by a dash, right after a date preposition (never a
# range of counts: "on 1-2 occasions", "on 2-3 L")
DASH_SHORT_DATE_RE = re.compile(
    r"\b(?:on|since|dated|dob|born|effective)[ \t]+"
    r"(?P<d>(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01]))"
    r"(?![\w/-]|[.,]\d)(?![ \t]+[A-Za-z]+s\b)",
    IGN,
)
# "LMP about 6/20": a hedge between a date word and the date
_HEDGE_BEFORE_RE = re.compile(
    r"\b(?:about|around|approx\.?|approximately|roughly|circa|maybe|probably|~)[ \t]*$", IGN
)
_GLUED_SHORT_DATE_RE = re.compile(
    r"(?<=[a-z])(?<![a-z]\d)(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)"
)
_GLUED_WORD_RE = re.compile(r"([a-z]{4,})$", IGN)
_JOINED_BEFORE_RE = re.compile(
    r"(?:\b(?:to|and|or|through|thru|until|till|again|then)|[-\u2013,])\s*$", IGN
)
_WEEKDAY_MODIFIER_RE = re.compile(
    r"\b(?:this\s+(?:past|coming)|last|next|this|past|coming|early|late)[ \t]+$", IGN
)
_DAY_PART_AFTER_RE = re.compile(
    r"\.?[ \t]+(?:(?:night|morning|afternoon|evening|overnight)\b|"
    r"(?:(?:at|@|around)[ \t]*)?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?[ \t]*[ap](?:\.m\.|m\b))",
    IGN,
)
# (title case or lower case only, checked against _SHORT_WEEKDAYS: "FRI" in capitals is left to
# WEEKDAY_ABBR_RE; a pattern led by one character class is cheap to scan)
_MONTH_ALONE_WORD_RE = re.compile(
    r"(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_SHORT_MONTHS = ("Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SHORT_MONTH_FIXED_RE = re.compile(
    r"\b(?:(?P<fix>(?i:last|next|this\s+past|this|early|late|mid))[ \t-]+"
    r"|(?i:in|since|until|till|by)[ \t]+)"
    r"(?P<m>Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?![-/]\d|[ \t]*\d)"
)
_WEEKDAY_IN_BRACKETS_RE = re.compile(
    r"[ \t]*\((?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?\)",
    IGN,
)
DAY_SPAN_RE = re.compile(
    r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?P<a>0?[1-9]|[12]\d|3[01])-(?P<b>[12]\d|3[01]|0?[1-9])"
    r"(?![\w/.-]|,\d)"
)
SHORT_WEEKDAY_RE = re.compile(
    r"\b(?P<w>[MTWFSmtwfs](?:on|ues?|eds?|hu(?:rs?)?|ri|at|un))(?P<dot>\.)?(?![\w'\u2019-])"
    r"(?![ \t]*(?:%|:))"
)
_ORDINAL_DAY_AFTER_RE = re.compile(
    r"\.?,?[ \t]+(?:the[ \t]+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    # a pause or a date word after the day ("Weds 6th.", never "Sun 3rd degree burn")
    r"(?=[ \t]*(?:[,.;:!?)\u2013-]|$|\n|(?:and|or|at|for|in|with|to|when|@)\b))"
)
_SHORT_WEEKDAYS = frozenset(lx.wordlist("mon tue tues wed weds thu thur thurs fri sat sun"))
_UNAMBIGUOUS_SHORT_WEEKDAYS = frozenset({"tues", "thurs", "thur", "weds"})
_WEEKDAY_CUE_BEFORE_RE = re.compile(
    r"(?:\b(?:on|since|until|till|by|from|before|after|next|last|this|past|coming|see\s+(?:u|you)|"
    r"and|or|to|thru|through|every)|\b[a-z]{3,}ed)[ \t]+$",
    IGN,
)


def _sentence_start(text: str, pos: int) -> int:
    start = max(0, pos - 120)
    ends = [m.end() for m in _SENTENCE_BREAK_RE.finditer(text, start, pos)]
    return ends[-1] if ends else start


def _dates_in_context(text: str, found: list) -> None:
    dates = sorted((f[0], f[1]) for f in found if f[2] == "DATE")

    def date_earlier(pos: int) -> bool:
        s0 = _sentence_start(text, pos)
        return any(s0 <= e <= pos and pos - e <= 80 for _, e in dates)

    def covered(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in dates)

    def value_context(start: int, end: int, value: str) -> bool:
        before = text[max(0, start - 40) : start]
        if SCORE_BEFORE_RE.search(before) or SCORE_AFTER_RE.match(text, end):
            return True
        if value.split("/", 1)[1][:2] == "10" and (
            _PAIN_NEAR_RE.search(text, max(0, start - 60), start)
            or _PAIN_NEAR_RE.search(text, end, end + 20)
        ):
            return True
        w = _VALUE_VERB_BEFORE_RE.search(before)
        return bool(w and w.group(1).lower() in _VALUE_VERBS)

    def short_date_evidence(start: int, end: int, before: str) -> bool:
        t = TIME_AFTER_DATE_RE.match(text, end)
        if t and t.group("t")[0].isdigit() and not t.group(0).startswith(","):
            return True
        p = _PARTICIPLE_BEFORE_RE.search(before)
        if p and p.group("w").lower() not in _VALUE_VERBS:
            return True
        if _EVENT_NOUN_BEFORE_RE.search(before) or _EVENT_NOUN_AFTER_RE.match(text, end):
            return True
        if _EVENT_BEFORE_RE.search(before):
            return True
        if re.match(r":[ \t]", text[end : end + 2]):
            return True  # "A1c 3/15: 7.2": a date heading what was found that day
        hedge = _HEDGE_BEFORE_RE.search(before)
        if hedge and SHORT_DATE_CUE_RE.search(before, 0, hedge.start()):
            return True
        return date_earlier(start) and bool(_JOINED_BEFORE_RE.search(before) or "," in before)

    new = []
    if "/" in text and _DIGIT_RE.search(text):
        for m in SHORT_DATE_RE.finditer(text):
            s, e = m.start(), m.end()
            if covered(s, e) or m.group("m") is None:
                continue
            value = m.group(0)
            if value_context(s, e, value):
                continue
            before = text[max(0, s - 40) : s]
            if short_date_evidence(s, e, before):
                new.append((s, e, "DATE", 0.7))
        # "admitted12/2": a date glued to the word before it
        for m in _GLUED_SHORT_DATE_RE.finditer(text):
            w = _GLUED_WORD_RE.search(text, max(0, m.start() - 30), m.start())
            if not w or covered(m.start(), m.end()):
                continue
            word = w.group(1)
            if SHORT_DATE_CUE_RE.search(word) or (
                word.lower().endswith(("ed", "en")) and word.lower() not in _VALUE_VERBS
            ):
                new.append((m.start(), m.end(), "DATE", 0.7))
    for m in DASH_SHORT_DATE_RE.finditer(text) if "-" in text else ():
        s, e = m.start("d"), m.end("d")
        if not covered(s, e) and _NO_UNIT_AFTER_RE.match(text, e):
            new.append((s, e, "DATE", 0.65))
    for m in DASH_MONTH_YEAR_RE.finditer(text) if "-" in text else ():
        before = text[max(0, m.start() - 40) : m.start()]
        verb = _VALUE_VERB_BEFORE_RE.search(before)
        if (
            not covered(m.start(), m.end())
            and (SHORT_DATE_CUE_RE.search(before) or _EVENT_NOUN_BEFORE_RE.search(before))
            and not (verb and verb.group(1).lower() in _VALUE_VERBS)
            and _NO_UNIT_AFTER_RE.match(text, m.end())
        ):
            new.append((m.start(), m.end(), "DATE", 0.65))
    # "to the 16th" after "from the 9th": a day alone joined to an earlier date
    if "the " in text and dates:
        for m in DAY_ALONE_RE.finditer(text):
            s, e = m.start("d"), m.end("d")
            if covered(s, e) or not m.group("d")[0].isdigit():
                continue
            if date_earlier(m.start()) and _JOINED_BEFORE_RE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                new.append((s, e, "DATE", 0.65))
    # "see u thurs", "started Sat", "Fri. night"
    for m in SHORT_WEEKDAY_RE.finditer(text):
        s, e = m.start(), m.end("w")
        if covered(s, e):
            continue
        w = m.group("w")
        low = w.lower()
        if low not in _SHORT_WEEKDAYS:
            continue
        after = _DAY_PART_AFTER_RE.match(text, m.end("w")) or _ORDINAL_DAY_AFTER_RE.match(
            text, m.end("w")
        )
        if not after and re.match(r"\.?[ \t]*\d", text[e:]):
            continue  # "Sat 92%", "Sun 2/2" (the latter is WEEKDAY_ABBR_RE's)
        if low in _UNAMBIGUOUS_SHORT_WEEKDAYS and (w.islower() or w.istitle()):
            ok = True
        elif w.islower() and after and after.group(0).strip().isalpha():
            ok = True  # "sat night", "sun morning": a part of the day fixes the day
        elif after and _ORDINAL_DAY_AFTER_RE.match(text, m.end("w")):
            ok = w.istitle() or w.islower()  # "Weds 6th", "sat the 9th"
        elif w.istitle():
            ok = bool(after) or bool(
                _WEEKDAY_CUE_BEFORE_RE.search(text, max(0, s - 20), s)
                and re.match(r"\.?(?:[ \t]*(?:[,;)]|\.(?:\s|$)|$|and\b|or\b|to\b|-))", text[e:])
            )
        else:
            ok = False
        if ok:
            new.append((s, after.end() if after else e + (1 if m.group("dot") else 0), "DATE", 0.6))
    # "this past Sunday", "next Wednesday", "last Oct": the words that fix the day belong to it
    for s, e in dates + [(f[0], f[1]) for f in new]:
        word = text[s:e].rstrip(".")
        if (
            WEEKDAY_RE.fullmatch(text, s, e)
            or _MONTH_ALONE_WORD_RE.fullmatch(text, s, e)
            or word.lower() in _SHORT_WEEKDAYS
        ):
            mod = _WEEKDAY_MODIFIER_RE.search(text, max(0, s - 20), s)
            if mod:  # with the longest date that holds the word ("early March 2021")
                end = max([e] + [b for a, b in dates if a < e and s < b])
                new.append((mod.start(), end, "DATE", 0.65))
        if word.lower() in _SHORT_WEEKDAYS:
            after = _DAY_PART_AFTER_RE.match(text, e - (text[e - 1] == "."))
            if after:  # "Fri. night": a short weekday takes its part of the day
                new.append((s, after.end(), "DATE", 0.65))
        # "3/5 (Wed)": the weekday in brackets after a date belongs to it
        wd = _WEEKDAY_IN_BRACKETS_RE.match(text, e)
        if wd:
            new.append((s, wd.end(), "DATE", 0.65))
    # "last Oct", "since Feb": a short month fixed by the word before it
    for m in SHORT_MONTH_FIXED_RE.finditer(text) if any(k in text for k in _SHORT_MONTHS) else ():
        if not covered(m.start("m"), m.end("m")):
            new.append((m.start("fix" if m.group("fix") else "m"), m.end(), "DATE", 0.65))
    # "3/8-12": a range of days in one month
    for m in DAY_SPAN_RE.finditer(text) if "/" in text and "-" in text else ():
        a, b = int(m.group("a")), int(m.group("b"))
        if b > a and not covered(m.start(), m.end()) and _NO_UNIT_AFTER_RE.match(text, m.end()):
            before = text[max(0, m.start() - 40) : m.start()]
            value = m.group(0)[: m.end("a") - m.start()]
            if not value_context(m.start(), m.end("a"), value) and not SCORE_BEFORE_RE.search(
                before
            ):
                new.append((m.start(), m.end(), "DATE", 0.65))
    for _, e, _, _ in list(new):
        t = TIME_AFTER_DATE_RE.match(text, e)
        if t and t.group("t")[0].isdigit():
            new.append((t.start("t"), t.end("t"), "DATE", 0.65))
    found.extend(new)


def _date_before(text: str, start: int) -> bool:
    return bool(SHORT_DATE_CUE_RE.search(text[max(0, start - 30) : start]))


_FULL_DATE_NEAR_RE = re.compile(r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d)[^.!?\n]*$")


def _recent_date(text: str, start: int) -> bool:
    """A short date right after another date ("3/14 - 3/20", "3/14 and 3/20")."""
    before = text[max(0, start - 20) : start]
    # a full date earlier in the same sentence: "admitted 1/14/2025; extubated 1/16"
    if _FULL_DATE_NEAR_RE.search(text[max(0, start - 80) : start]):
        return True
    return bool(
        re.search(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*(?:-|\u2013|to|and|,|through|thru)\s*$", before)
    )


def _places(text: str, add) -> None:
    digits = _DIGIT_RE.search(text) is not None  # house, box, unit and ZIP numbers
    patterns = [STREET_RE, POBOX_RE, MILITARY_RE, UNIT_RE] if digits else []
    if any(k in text for k in _COUNTY_WORDS):
        patterns.append(COUNTY_RE)
    if digits and _eu_street_hint(text):
        patterns.insert(1, STREET_EU_RE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if (
                pattern is UNIT_RE
                and m.group(0)[0] == "#"
                and _COUNT_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
            ):
                continue
            add((m.start(), m.end(), "LOCATION", 0.85))
            if re.match(r"[ \t,]*\n", text[m.end() : m.end() + 4]):
                _address_block(text, text.index("\n", m.end()), add)
            # "9 Harborview Drive, Baton Rouge." : the city after the street
            city = _CITY_AFTER_STREET_RE.match(text, m.end())
            if city and city.group(1).split()[0].lower() not in lx.CLINICAL_STOP:
                add((city.start(1), city.end(1), "LOCATION", 0.75))
    for m in FACILITY_RE.finditer(text) if _FACILITY_HINT_RE.search(text) else ():
        add((m.start(), m.end(), "LOCATION", 0.6))
    practice = any(k in text for k in _PRACTICE_HINTS)
    for m in PRACTICE_RE.finditer(text) if practice else ():
        kept = []
        for w in reversed(m.group("w").split()):
            low = w.lower()
            if low in _FUNCTION_WORDS or low in lx.TITLES or low in lx.CLINICAL_STOP:
                break
            kept.append(w)
        if kept and any(w.lower() not in lx.english_words() for w in kept):
            start = m.end("w") - len(" ".join(reversed(kept))) - 1
            add((text.index(kept[-1], max(m.start("w"), start)), m.end(), "LOCATION", 0.6))
    caps = any(k in text for k in _FACILITY_CAPS_HINTS)
    for m in FACILITY_CAPS_RE.finditer(text) if caps else ():
        # the words right before the head, back to a function word, a title or a clinical word
        kept = []
        for w in reversed(m.group("w").split()):
            low = w.lower().rstrip(".")
            if low in _FUNCTION_WORDS or low in lx.TITLES or low in lx.CLINICAL_STOP:
                break
            kept.append(w)
        words = lx.english_words()
        if not any(w.lower().rstrip(".") not in words for w in kept):
            continue  # "TRANSFERRED FROM GENERAL HOSPITAL": no proper word
        start = m.end("w") - len(" ".join(reversed(kept))) - 1
        start = text.index(kept[-1], max(m.start("w"), start))
        add((start, m.end(), "LOCATION", 0.6))
    for m in CITY_STATE_RE.finditer(text):
        city = m.group("city")
        state = m.group("state")
        zip_ = m.group("zip")
        # "Smith, MD", "Prior MI": a credential or a word, unless a comma and a ZIP say place
        if not zip_ and (
            "," not in text[m.end("city") : m.start("state")] or state in {"MD", "PA", "DO"}
        ):
            continue
        # "EAR, NOSE, OR THROAT", "REDNESS, SWELLING, OR DRAINAGE": in capitals, an "OR" or
        # "IN" after a word is the conjunction, not Oregon or Indiana
        if (
            not zip_
            and state in _AMBIGUOUS_STATES
            and city.isupper()
            and any(_common(w) for w in city.split())
        ):
            continue
        words = city.split()
        # drop leading words that are ordinary ("Home address Springfield, IL")
        while words and (
            words[0].lower() in lx.CLINICAL_STOP or words[0].lower() in _FUNCTION_WORDS
        ):
            words = words[1:]
        if words:
            c_start = m.end("city") - len(" ".join(words))
            add((c_start, m.end("city"), "LOCATION", 0.8))
        if zip_:
            z = zip_.lstrip(" ,\t\n")
            add((m.end("zip") - len(z), m.end("zip"), "LOCATION", 0.9))
    for m in ZIP_RE.finditer(text) if digits else ():
        g = "zip" if m.group("zip") else "zip3"
        add((m.start(g), m.end(g), "LOCATION", 0.85))
    for m in STATE_ZIP_RE.finditer(text) if digits else ():
        add((m.start("zip"), m.end("zip"), "LOCATION", 0.85))
    for m in ADDRESS_LINE_RE.finditer(text) if digits else ():
        add((m.start(1), m.end(1), "LOCATION", 0.8))
        _address_block(text, m.end(), add)
    for m in ADDRESS_CUE_RE.finditer(text) if not _lacks(text, _ADDRESS_CUE_KEYS) else ():
        end = _address_end(text, m.end(), corner="corner" in m.group(0).lower())
        if end - m.end() >= 3:
            add((m.end(), end, "LOCATION", 0.7))


# A line that is a street address: house number, words, number ("20789 Allika 46").
ADDRESS_LINE_RE = re.compile(
    r"^[ \t>*?#|-]*(\d{1,6}[A-Za-z]?\s+(?:[^\W\d_][\w'\u2019.-]*\s+){1,5}\d{1,5}[A-Za-z]?\.?"
    r"(?:,?\s*(?:Apt|Suite|Unit|Ste)\.?\s*\d+)?)[ \t]*$",
    re.MULTILINE,
)
# The lines after a street address line: unit, city, "Country 12345".
_BLOCK_LINE_RE = re.compile(
    r"\n[ \t>*?#|-]*((?:[^\W\d_][\w'\u2019().-]*|\d{3,6}|\d{3}\s\d{2})"
    r"(?:[ \t,]+(?:[^\W\d_][\w'\u2019().-]*|\d{3,6}|\d{3}\s\d{2})){0,5})[ \t,]*(?=\n|$)"
)


def _address_block(text: str, pos: int, add) -> None:
    """Mark the short lines that follow a street address line (at most four)."""
    for _ in range(4):
        while text.startswith("\n\n", pos) or text.startswith("\n \n", pos):
            pos = text.index("\n", pos + 1)
        m = _BLOCK_LINE_RE.match(text, pos)
        if not m or m.group(1).split()[0].lower() in lx.CLINICAL_STOP:
            return
        add((m.start(1), m.end(1), "LOCATION", 0.7))
        pos = m.end()


_CITY_AFTER_STREET_RE = re.compile(
    r",?\s*\n?\s*([A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+){0,2})(?=\s*(?:[,.;\n]|$))"
)
_AMBIGUOUS_STATES = frozenset({"MD", "PA", "ME", "OR", "IN", "OK", "HI", "CO", "MA"})
_CITY_WORDS = frozenset(
    lx.wordlist(
        """
        new san los las el la fort port mount saint st. st north south east west
        """
    )
)


_ADDRESS_STOP_RE = re.compile(
    r"[.?!;](?=\s|$)|\s(?:and|but|with|since|for|which|who|where|when|because)\s|\n\s*\n"
)
_ABBR_BEFORE_RE = re.compile(r"\b(?:St|Apt|Ave|Rd|Dr|No|Ste|Blvd|Ln|Mt|O|[A-Z])$")


def _address_end(text: str, start: int, *, corner: bool = False) -> int:
    """End of an address written after a cue: up to the sentence end, at most ~140 chars."""
    limit = min(len(text), start + 140)
    if start >= limit or not (text[start].isdigit() or text[start].isupper() or text[start] == "#"):
        return start
    end = limit
    for m in _ADDRESS_STOP_RE.finditer(text, start, limit):
        if corner and m.group(0).strip() == "and":
            continue
        if m.group(0)[0] == "." and _ABBR_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
            continue
        end = m.start()
        break
    while end > start and text[end - 1] in " ,\n\t":
        end -= 1
    return end


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _common(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in lx.english_words() or w in lx.CLINICAL_STOP


_TOKEN_INFO: dict[str, tuple[bool, float]] = {}
# Name-likeness (clinical/phi/names_model.py) a word in no list needs: to count as strong
# evidence when capitalized, to count at all in capitals or in lower case after a cue.
NAME_LIKE_STRONG = 1.0
NAME_LIKE_CAPS = 0.3
NAME_LIKE_LOWER = 0.3


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _unlisted_name_like(low: str, threshold: float) -> bool:
    """A lower-case word in no dictionary whose letters read like a name."""
    return (
        len(low) >= 4
        and low.replace("-", "").replace("'", "").isalpha()
        and not any(p in lx.english_words() or p in lx.CLINICAL_STOP for p in low.split("-"))
        and low not in lx.CREDENTIALS
        and low not in lx.MONTHS
        and low not in lx.WEEKDAYS
        and low not in lx.DRUG_NAMES
        and not lx.medical_word(low)
        and not low.endswith(_DEMONYM_ENDINGS)  # "i am belizian"
        and not low.endswith(_ORGANISM_ENDINGS)  # "Legionella, Chlamydia"
        and nm.name_likeness(low) >= threshold
    )


_LATIN_ENDINGS = ("i", "ae", "us", "is", "um", "es", "ii", "ella", "ium", "ia", "ica", "ans")
_BRACKET_CREDENTIAL_RE = re.compile(
    r"\s*\((?:RN|MD|DO|NP|PA|PA-C|LPN|CNA|PT|OT|RT|SW|LCSW|CM|PharmD|RD|CRNA|APRN|MA)\)"
)
_LAB_CAMEL_RE = re.compile(r"[A-Z][a-z][A-Z][A-Za-z]?")
_NAME_PREFIXES = ("Mc", "De", "La", "Le", "Di", "Da", "Du", "Lu", "Jo", "Ja", "Ke", "Sh", "Ty")
# Lower-case endings that make a compound adjective of a word: no name ends with them.
_HYPHEN_TAILS = frozenset(
    lx.wordlist(
        """
        based related induced associated like type free positive negative dependent sparing
        guided directed centered centred friendly oriented specific shaped sensitive resistant
        """
    )
)


def _token_info(w: str) -> tuple[bool, float]:
    """(looks like a name token, strength of the evidence), for one word as written."""
    hit = _TOKEN_INFO.get(w)
    if hit is not None:
        return hit
    if len(_TOKEN_INFO) > 200_000:  # a long-running process reads unbounded vocabulary
        _TOKEN_INFO.clear()
    first = lx.first_names()
    last = lx.surnames()
    census_first = lx.census_first_names()
    census_last = lx.census_surnames()
    words = lx.english_words()
    core = w.rstrip(".")
    if core.endswith(("'s", "\u2019s")):
        core = core[:-2]
    low = core.lower()
    if (
        not low
        or low in lx.CLINICAL_STOP
        or low in lx.MONTHS
        or low in lx.WEEKDAYS
        or low in lx.TITLES
        or low in _KIN_CUES  # "Son Chase": the kinship word is not part of the name
        or (low in _FUNCTION_WORDS and low not in _NAME_LIKE_WORDS)
        or _CONTRACTION_RE.search(low)
        # "PA-C", "PharmD", "MD": a credential as written, not "Pa" or "Md" as a name
        or (low in lx.CREDENTIALS and core != core.capitalize())
    ):
        _TOKEN_INFO[w] = hit = (False, 0.0)
        return hit
    # "CrCl", "NaCl", "FeNO": a lab or chemistry abbreviation (not "McKay", "DeAnn", "LaToya")
    if _LAB_CAMEL_RE.fullmatch(core) and not core.startswith(_NAME_PREFIXES):
        _TOKEN_INFO[w] = hit = (False, 0.0)
        return hit
    if "-" in core:
        tail = core.rsplit("-", 1)[1]
        if tail.islower() and tail in _HYPHEN_TAILS:  # "Faith-based", "Grace-related"
            _TOKEN_INFO[w] = hit = (False, 0.0)
            return hit
    cap = core[0].isupper()
    allcaps = core.isupper() and len(core) > 1
    parts = _PART_SPLIT_RE.split(low) if not low.isalpha() else (low,)
    in_first = low in first or parts[0] in first
    in_last = (
        low in last
        or any(p in last for p in parts if len(p) > 2)
        or (len(parts) > 1 and "".join(parts) in last)
    )
    common = low in words
    foreign = any(ord(c) > 127 for c in core) and cap
    score = 0.0
    if in_first and not common:
        score = 2.0
    elif in_last and not common:
        score = 1.6 if last.get(low, 99999) < 60000 else 1.2
    elif (in_first or in_last) and common:
        score = 0.4
    elif foreign:
        score = 1.2
    elif cap and not common and len(low) > 1:
        # unknown capitalized word; stronger when its letters read like a name ("Oyindamola")
        score = (
            1.2
            if len(low) >= 4
            and not low.endswith(_ORGANISM_ENDINGS)  # "Bartonella", "Borrelia"
            and nm.name_likeness(low) >= NAME_LIKE_STRONG
            else 0.5
        )
    elif cap and common:
        score = 0.0
    if (
        allcaps
        and len(low) >= 5
        and not (in_first or in_last)
        and not common
        and low.replace("-", "").isalpha()
        and not lx.medical_word(low)
        and nm.name_likeness(low) >= NAME_LIKE_CAPS
    ):
        score = 0.4  # "ABDRAKHMANOVA": reads like a name; a name in capitals only with a cue
    elif allcaps and (len(core) <= 3 or not (in_first or in_last)):
        score = 0.0  # acronyms and headings: COPD, CHF, IP, HISTORY
    elif allcaps and not (low in census_first or low in census_last):
        score = min(score, 0.4)  # "NGOZI": a name in capitals only with a cue
    elif allcaps and common and not in_first and last.get(low, _RARE) > 10000:
        score = 0.0  # "PT SEEN WITH WIFE": an English word that is only a rare surname
    if low in lx.EPONYM_NOUNS or low in lx.DRUG_NAMES:
        score = min(score, 0.3)  # "Foley", "Norco": a name only after a title
    elif score and not (in_first or in_last) and lx.medical_word(low):
        score = 0.0  # "Neurologic:", "Thrombocytosis", "Echocardiogram"
    _TOKEN_INFO[w] = hit = (cap, score)
    return hit


def _names(text: str, found: list) -> None:
    first = lx.first_names()
    last = lx.surnames()
    census_first = lx.census_first_names()
    words = lx.english_words()
    toks = [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(text)]
    n = len(toks)
    if not n:
        return

    def tok(i: int) -> tuple[bool, float]:
        return _token_info(toks[i][2])

    def is_initial(i: int) -> bool:
        w = toks[i][2]
        return len(w.rstrip(".")) == 1 and w[0].isupper() and (w[-1] == "." or w not in "IA")

    def gap(i: int) -> str:
        """Text between token i-1 and token i."""
        return text[toks[i - 1][1] : toks[i][0]] if i > 0 else text[: toks[0][0]]

    def sentence_start(i: int) -> bool:
        if i == 0:
            return True
        g = gap(i)
        prev = toks[i - 1][2]
        return bool(_SENT_END_RE.search(g)) or (
            prev.endswith(".") and prev.lower() not in lx.TITLES and len(prev) > 2
        )

    def run_from(i: int, *, lower_ok: bool) -> int:
        """Extend a name run from token i; return the exclusive end token index."""
        j = i
        while j < n and j - i < 4:
            if j > i:
                g = gap(j)
                if g.strip() or "\n" in g or len(g) > 3:
                    break
            w = toks[j][2]
            low = w.lower().rstrip(".")
            cap, score = tok(j)
            if is_initial(j):
                j += 1
                continue
            if low in _PARTICLES:
                # "de la Cruz", "J. van der Berg": particles, then a capitalized name
                k = j
                while k < n and k - j < 3 and toks[k][2].lower() in _PARTICLES:
                    k += 1
                if (
                    k > j
                    and k < n
                    and tok(k)[0]
                    and tok(k)[1] > 0
                    and all(text[toks[q - 1][1] : toks[q][0]] == " " for q in range(j + 1, k + 1))
                ):
                    j = k
                    continue
            if cap and score > 0:
                j += 1
                continue
            if lower_ok and not cap and (j == i or not toks[i][2][0].isupper()):
                if low in _FUNCTION_WORDS or low in lx.CLINICAL_STOP:
                    break
                # "pt folasade oduwole": a first word in no list whose letters read like a name
                if j == i and _unlisted_name_like(low, NAME_LIKE_LOWER):
                    j += 1
                    continue
                if (low in first or low in last) and (
                    low not in words or first.get(low, _RARE) <= 300 or last.get(low, _RARE) <= 300
                ):
                    j += 1
                    continue
                # "monika žilková": after a lower-case first name, a word in no dictionary
                if (
                    j == i + 1
                    and (
                        toks[i][2].lower() in first
                        or _unlisted_name_like(toks[i][2].lower(), NAME_LIKE_LOWER)
                    )
                    and low not in words
                    and len(low) >= 4
                    and any(c in "aeiouyáéíóúàèìòùäëïöüåæøãõâêîôûąęěůő" for c in low)
                    and not lx.medical_word(low)
                    and low not in lx.CREDENTIALS
                    and low not in lx.MONTHS
                    and low not in lx.WEEKDAYS
                ):
                    j += 1
                    continue
            break
        # don't end on a particle or a bare initial that is a sentence end
        while j > i and toks[j - 1][2].lower() in _PARTICLES:
            j -= 1
        return j

    def eponym_after(j: int) -> bool:
        if j >= n:
            return False
        nxt = toks[j][2].lower().rstrip(".")
        g = gap(j)
        if g.strip() not in ("", "-", "\u2013") or "\n" in g:  # a line break ends the eponym
            return False
        if nxt in lx.EPONYM_HEADS:
            return True
        # "Ann Arbor stage", "Argyll Robertson pupil": a second capitalized word of the
        # eponym that the run left out (it is also a word), then the head
        return (
            j + 1 < n
            and toks[j][2][:1].isupper()
            and not toks[j][2].isupper()
            and gap(j) == " "
            and gap(j + 1) in (" ", "-")
            and toks[j + 1][2].lower().rstrip(".") in lx.EPONYM_HEADS
        )

    def hyphen_eponym(i: int) -> bool:
        w = toks[i][2]
        return "-" in w and any(p.lower() in _PARTICLES for p in w.split("-")[1:])

    def emit(i: int, j: int, score: float) -> None:
        s = toks[i][0]
        e = toks[j - 1][1]
        w = text[s:e]
        if w.endswith(".") and not is_initial(j - 1):
            e -= 1
        if text[e - 2 : e] in ("'s", "\u2019s"):
            e -= 2
        found.append((s, e, "NAME", score))

    i = 0
    while i < n:
        s, _, w = toks[i]
        low = w.lower()
        prev_low = toks[i - 1][2].lower() if i > 0 else ""
        before = text[max(0, s - 40) : s]
        # 0. after a title or a name cue, a capitalized word directly before a known name is
        # part of it even if it is a word or a clinical term: "Pt Candida Ruiz", "Nurse Happy
        # Olorunfemi"; "Dr. Son": a surname that is a kinship word, after a doctor's title
        if (
            i > 0
            and i + 1 < n
            and (prev_low in lx.TITLES or prev_low.rstrip(",:") in lx.NAME_CUES)
            and gap(i).strip() in ("", ".", ":")
            and "\n" not in gap(i)
            and w[0].isupper()
            and not w.isupper()
            and w.isalpha()
            and low not in _FUNCTION_WORDS
            and low not in _KIN_CUES
            and not lx.medical_word(low)
            and gap(i + 1) == " "
            and toks[i + 1][2][0].isupper()
            and tok(i + 1)[1] >= 0.5
        ):
            j = run_from(i + 1, lower_ok=False)
            if not (prev_low == "sister" and eponym_after(max(j, i + 2))):  # Mary Joseph nodule
                emit(i, max(j, i + 2), 0.85)
            i = max(j, i + 2)
            continue
        if (
            i > 0
            and prev_low in _DOCTOR_TITLES
            and gap(i).strip() in ("", ".")
            and "\n" not in gap(i)
            and w[0].isupper()
            and not w.isupper()
            and low in _KIN_CUES
            and (low in first or low in last)
            and not eponym_after(i + 1)
        ):
            emit(i, i + 1, 0.9)
            i += 1
            continue
        # 1. after a title: Dr. Ellis, Mrs. O'Brien, dr smith
        if (
            i > 0
            and prev_low in lx.TITLES
            and gap(i).strip() in ("", ".")
            and "\n" not in gap(i)
            # "MR BRAIN WITH CONTRAST": an imaging study, not Mr. Brain
            and not (
                prev_low in ("mr", "mr.", "ms", "ms.")
                and toks[i - 1][2].isupper()
                and w.isupper()
                and _common(w)
                and i + 1 < n
                and toks[i + 1][2].isupper()
            )
        ):
            j = run_from(i, lower_ok=True)
            # "DR. OYELOWO": in capitals, a word in no dictionary after a doctor's title
            if (
                j == i
                and prev_low in _DOCTOR_TITLES
                and w.isupper()
                and len(w) >= 3
                and w.isalpha()
                and not _common(w)
                and low not in lx.CREDENTIALS
                and not lx.medical_word(low)
            ):
                j = i + 1
            if (
                j > i
                and not (
                    prev_low in ("sister", "brother", "father", "nurse", "pa", "rn", "np", "sr")
                    and not tok(i)[0]
                )
                and not (prev_low == "sister" and eponym_after(j))
            ):  # Sister Mary Joseph nodule
                emit(i, j, 0.9)
                i = j
                continue
        cap, score = tok(i)
        if (cap and score > 0) or is_initial(i):
            j = run_from(i, lower_ok=False)
            if j > i:
                scores = [tok(k)[1] for k in range(i, j) if not is_initial(k)]
                total = sum(scores)
                strong = max(scores, default=0.0)
                length = j - i
                cue = (
                    bool(NAME_LIST_CUE_RE.search(before))
                    or prev_low.rstrip(",:") in lx.NAME_CUES
                    # "Told Wrenna to return", "Examined Wrenna with her mother present"
                    or (
                        bool(OBJECT_AFTER_RE.match(text, toks[j - 1][1]))
                        and bool(OBJECT_VERB_RE.search(before))
                    )
                )
                weak_cue = not cue and bool(WEAK_CUE_RE.search(before))
                after = text[toks[j - 1][1] : toks[j - 1][1] + 14]
                cred = (
                    bool(_CREDENTIAL_RE.match(after))
                    or bool(_RELATION_AFTER_RE.match(text, toks[j - 1][1]))
                    or bool(_BRACKET_CREDENTIAL_RE.match(after))  # "Zephyrine (RN)"
                )
                # "Moss, Dawn" / "Smith, Dmitri": surname, comma, first name
                if (
                    length == 1
                    and j < n
                    and gap(j) == ", "
                    and toks[j][2][0].isupper()
                    and (
                        toks[j][2].lower().rstrip(".") in first
                        or toks[j][2].lower().rstrip(".") not in words
                    )
                    and tok(j)[1] > 0
                    and tok(i)[1] >= 0.4
                    and (
                        toks[i][2].lower().rstrip(".") in last
                        # "Bat-Erdene, Munkhzul": two words in no list that read like names,
                        # not a list of three or more ("Eliquis, Xarelto, Brilinta")
                        or (
                            _unlisted_name_like(toks[i][2].lower(), NAME_LIKE_LOWER)
                            and _unlisted_name_like(toks[j][2].lower().rstrip("."), 0.0)
                            and not re.match(r",\s*\w|\s+(?:and|&|or)\s+[A-Z]", text[toks[j][1] :])
                            and not re.search(r",\s*$", gap(i))
                        )
                    )
                    and toks[i][2].lower() not in _SIGNOFF_WORDS
                ):
                    j = run_from(j, lower_ok=False)
                    length = j - i
                    cred = not re.search(r"\d", gap(i))
                if eponym_after(j) or any(hyphen_eponym(k) for k in range(i, j)):
                    i = j
                    continue
                if length == 1 and is_initial(i):
                    i = j
                    continue
                start_of_sentence = sentence_start(i)
                # "NSTEMI", "PERRLA": a word in capitals in no list counts only after a cue
                caps_unlisted = any(
                    toks[k][2].isupper()
                    and len(toks[k][2]) > 1
                    and toks[k][2].lower().rstrip(".") not in first
                    and toks[k][2].lower().rstrip(".") not in last
                    for k in range(i, j)
                )
                # "John: You saved my life!" - a speaker label at the start of a line
                speaker_label = (
                    length == 1
                    and (i == 0 or "\n" in gap(i) or gap(i).strip() in (">", "-", "*"))
                    and text.startswith(":", toks[i][1])
                )
                ok = False
                if cue or cred:
                    ok = total >= 0.4
                    # "Home Care PT and OT": PT / OT after an ordinary word is a service
                    if ok and not cue and strong < 1.2 and re.match(r"\s*(?:PT|OT|DO|PA)\b", after):
                        ok = False
                elif weak_cue and length == 1:
                    # "AND PORTA LYMPH NODES": a word in capitals among capitals is no name
                    ok = (
                        # "for Usaa Group": the word names an organisation, not a person;
                        # "switch to Vraylar", "Zurzuvae 50 mg": a drug, not a person
                        (
                            strong >= 1.2
                            and not _ORG_AFTER_RE.match(text, toks[j - 1][1])
                            # "with Kischner pins", "Gram and Ziehl stains": an eponym before
                            # the thing it names, for a word that only reads like a name
                            and not (
                                toks[i][2].lower() not in first
                                and toks[i][2].lower() not in last
                                and not toks[i][2].endswith(("'s", "\u2019s"))
                                and j < n
                                and gap(j) == " "
                                and toks[j][2].islower()
                                and toks[j][2].rstrip(".") in words
                                and toks[j][2].rstrip(".") not in _FUNCTION_WORDS
                                and toks[j][2].rstrip(".") not in _AFTER_PERSON_WORDS
                                and not PERSON_VERB_RE.match(text, toks[j - 1][1])
                            )
                            and not _DRUG_CONTEXT_BEFORE_RE.search(before)
                            and not _DOSE_AFTER_RE.match(text, toks[j - 1][1])
                        )
                        # "He and Wrenna live together": then a verb only a person has
                        or (strong >= 0.5 and bool(PERSON_VERB_RE.match(text, toks[j - 1][1])))
                    ) and not (toks[i][2].isupper() and j < n and toks[j][2].isupper())
                elif length >= 2:
                    # "Gwilym ap Dafydd": a particle inside the run is no evidence either way
                    words_only = [
                        k
                        for k in range(i, j)
                        if not is_initial(k) and toks[k][2].lower() not in _PARTICLES
                    ]
                    ok = (
                        (total >= 2.0 and strong >= 1.2 and not caps_unlisted)
                        or _pair(toks[i][2], toks[j - 1][2])
                        # "Hanne I. Kreutzmann": a middle initial between two proper words
                        or (
                            length >= 3
                            and any(is_initial(k) for k in range(i + 1, j - 1))
                            and min(scores, default=0.0) >= 0.4
                        )
                        # "J. Okonkwo": an initial, then a surname or a word in no dictionary
                        # (not a species: "E. Coli", "H. Pylori", "S. Aureus")
                        or (
                            length == 2
                            and is_initial(i)
                            and len(words_only) == 1
                            and tok(j - 1)[1] >= 0.5
                            and (
                                toks[j - 1][2].lower() in last
                                or not toks[j - 1][2].lower().endswith(_LATIN_ENDINGS)
                            )
                        )
                        # "Miklos Hajdu": two or three words that are in no dictionary
                        or (
                            len(words_only) >= 2
                            and min((tok(k)[1] for k in words_only), default=0.0) >= 0.5
                            and not any(toks[k][2].isupper() for k in words_only)
                        )
                    )
                elif speaker_label:
                    ok = strong >= 0.5
                else:
                    ok = (
                        (strong >= 1.6 and not start_of_sentence)
                        or strong >= 2.0
                        or (strong >= 0.5 and bool(PERSON_VERB_RE.match(text, toks[j - 1][1])))
                        # "Faith called", "Rose reports": a first name that is also a word
                        or (
                            length == 1
                            and strong >= 0.4
                            and toks[i][2].lower() in census_first
                            and bool(PERSON_VERB_RE.match(text, toks[j - 1][1]))
                        )
                    )
                # "brought in by Ada County EMS": a place or a service, not a person
                if ok and _PLACE_HEAD_AFTER_RE.match(text, toks[j - 1][1]):
                    ok = False
                # a middle initial or a possessive says person: "from Yuri D. Bulgakov's"
                person_shape = any(is_initial(k) for k in range(i + 1, j)) or toks[j - 1][
                    2
                ].endswith(("'s", "\u2019s"))
                place_prep = (
                    not cue
                    and not caps_unlisted
                    and not gap(i).strip()
                    and not cred
                    and not person_shape
                    and (
                        prev_low in _PLACE_PREPS
                        or (prev_low in ("from", "to") and _PLACE_VERB_RE.search(before))
                        or (prev_low == "from" and toks[i][2].lower() not in first)
                    )
                )
                state = text[toks[i][0] : toks[j - 1][1]].rstrip(".").lower() in lx.US_STATES
                if place_prep and state:
                    pass  # a US state may stay under Safe Harbor
                elif place_prep and all(_proper(toks[k][2]) for k in range(i, j)):
                    s_i, e_j = toks[i][0], toks[j - 1][1]
                    e_j -= text[e_j - 1] == "."
                    found.append((s_i, e_j, "LOCATION", 0.6))
                elif ok:
                    emit(i, j, 0.85 if cue else 0.8 if cred else 0.7)
                i = j
                continue
        # 2. lower-case names after a name cue: "pt john smith", "my son kevin"
        if (
            not cap
            and i > 0
            and gap(i).strip() in ("", ":", ",")
            and low not in _FUNCTION_WORDS
            and (
                (
                    # the cheap look-ups first: the cue regexes only for a word in a name list
                    (low in first or low in last)
                    and (low not in words or first.get(low, _RARE) <= 300)
                    and (prev_low in lx.NAME_CUES or NAME_LIST_CUE_RE.search(before))
                )
                or (low in first and low not in words and WEAK_CUE_RE.search(before))
                # "pt folasade oduwole": after a name cue, a word in no list that reads like one
                or (
                    _unlisted_name_like(low, NAME_LIKE_LOWER)
                    and (prev_low in lx.NAME_CUES or NAME_LIST_CUE_RE.search(before))
                )
            )
        ):
            j = run_from(i, lower_ok=True)
            if j > i:
                emit(i, j, 0.6)
                i = j
                continue
        # 3. after a kinship word, a lower-case word in no dictionary: "daughter hyun-joo"
        if (
            not cap
            and i > 0
            and prev_low in _KIN_CUES
            and gap(i).strip() in ("", ":", ",")
            and len(low) >= 3
            and low.replace("-", "").replace("'", "").isalpha()
            and not any(p in words or p in lx.CLINICAL_STOP for p in [low, *low.split("-")])
        ):
            j = max(run_from(i + 1, lower_ok=True), i + 1) if i + 1 < n else i + 1
            if j > i + 1 and gap(i + 1).strip():
                j = i + 1
            emit(i, j, 0.6)
            i = j
            continue
        i += 1
    lower_credential = "," in text and any(k in text for k in _LOWER_CREDENTIAL_KEYS)
    for m in _LOWER_CREDENTIAL_RE.finditer(text) if lower_credential else ():
        parts = m.group(1).split()
        if not any(p in _FUNCTION_WORDS or p in words for p in parts):
            found.append((m.start(1), m.end(1), "NAME", 0.8))


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _proper(word: str) -> bool:
    """Capitalized and in no dictionary: a proper noun (a place after "in", "at")."""
    core = word.rstrip(".")
    low = core.lower()
    return (
        core[:1].isupper()
        and len(core) > 1
        and low not in lx.english_words()
        and low not in lx.CLINICAL_STOP
        and low not in lx.MONTHS
        and low not in lx.WEEKDAYS
        and not lx.medical_word(low)
        and not (core.isupper() and len(core) <= 3)
    )


def _pair(first_word: str, last_word: str) -> bool:
    """A first name then a surname ("John Smith", "Will Long"), even if both are words."""
    a = first_word.lower().rstrip(".")
    b = re.sub(r"['\u2019]s$", "", last_word.lower().rstrip("."))
    if a in lx.CLINICAL_STOP or b in lx.CLINICAL_STOP or (first_word.isupper() and len(a) <= 3):
        return False
    if last_word.isupper() and b not in lx.surnames():
        return False  # "ORAL MUCOSA": in capitals, a word in no list pairs only after a cue
    return a in lx.first_names() and (b in lx.surnames() or b not in lx.english_words())


def _rank(f: tuple[int, int, str, float]) -> int:
    """Priority of a finding: a name after a title or cue beats a guessed place."""
    return _PRIORITY[f[2]] + (2 if f[2] == "NAME" and f[3] >= 0.85 else 0)


def _resolve(found: list[tuple[int, int, str, float]]) -> list[Entity]:
    """Keep the strongest finding where findings overlap (priority, then length)."""
    found.sort(key=lambda f: (-_rank(f), -(f[1] - f[0]), f[0]))
    starts: list[int] = []
    taken: list[tuple[int, int, str, float]] = []
    for f in found:
        s, e = f[0], f[1]
        if s >= e:
            continue
        k = bisect.bisect_right(starts, s)
        if k > 0 and taken[k - 1][1] > s:
            continue
        if k < len(taken) and taken[k][0] < e:
            continue
        starts.insert(k, s)
        taken.insert(k, f)
    return [Entity(s, e, t, round(sc, 2)) for s, e, t, sc in taken]


# --- second pass (issue 7): places after place words, names spread through a document ---
_CAPWORD = r"[^\W\d_a-z][\w'\u2019.-]*"
# A place word then capitalized words: "in KURZENKIRCHEN", "flew to Leppen", "near Lake
# Tahoe", "home city Assen", "Where: Mill Village".
PLACE_AFTER_RE = re.compile(
    r"(?i:(?<![\w-])(?:in|near|outside(?:\s+of)?|based\s+in|lives?\s+in|living\s+in|"
    r"(?:grew\s+up|raised|born|resides?|residing|settled|stationed|located|vacation(?:ing|ed)?|"
    r"(?:years?|months?|weeks?))\s+in|"
    r"(?:moved|moving|relocated|flew|drove|driving|travel(?:l?ed)?|returned|went|going|"
    r"trip|transferred|came|comes|originally|immigrated|emigrated)(?:\s+(?:back|here|home))?"
    r"\s+(?:to|from)|arrived\s+(?:at|in)|from|city(?:\s+of)?|town(?:\s+of)?|village(?:\s+of)?)"
    r"|(?<![\w-])where\s*:)\s+"
    # "in the Yakima Valley", "in north Tulsa"
    r"(?:the[ \t]+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"rural|suburban|upstate|downtown|greater)[ \t]+)?"
    rf"(?P<place>{_CAPWORD}(?:(?<!\w\w\w\.)[ \t]+{_CAPWORD}){{0,2}})"
)
# Capitalized words that name a kind of place when they end (or start) a proper name.
_PLACE_HEADS = frozenset(
    lx.wordlist(
        """
        falls springs village city town heights beach valley hills hill lake lakes mount
        mountain port fort harbor harbour creek bay grove junction landing island islands
        park ridge rapids bluffs crossing station mills center centre point shores woods
        """
    )
)
# "our Wauwatosa office", "the Elmhurst clinic": a proper word before a site noun.
SITE_RE = re.compile(
    r"(?<![\w-])(?:our|the|their|his|her|your)\s+(?P<place>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)"
    r"\s+(?:office|clinic|campus|location|site|branch|facility|practice|post\s+office|YMCA|"
    r"library|church|mosque|synagogue|temple|mall|fire\s+station|police\s+station|"
    r"high\s+school|middle\s+school|elementary|plant|factory|warehouse|depot|Walmart|Target|"
    r"Costco|Kroger|Safeway|Home\s+Depot|Walgreens|CVS|Rite\s+Aid|gym|rec\s+center|"
    r"community\s+center|senior\s+center|pool|farmers\s+market|bus\s+station|train\s+station|"
    r"apartments|apartment\s+complex|trailer\s+park|mobile\s+home\s+park|shelter|motel|hotel|"
    r"campground|food\s+bank|food\s+pantry|soup\s+kitchen)\b"
)
# "on Larkspur Court", "off Birch Lane": a street without a house number.
BARE_STREET_RE = re.compile(
    r"(?<![\w-])(?:on|off|at|along|of|near)\s+(?P<place>(?:[A-Z][\w'\u2019-]+\s+){1,3}"
    r"(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court|Place|Terrace|Circle|Highway|Parkway|"
    r"Trail|Crescent|Alley|Way|St|Ave|Rd|Blvd|Ln|Hwy|Pkwy)\b\.?)"
)
# "Lake Chelan", "Mount Rainier": a lake or a mountain named by a word in no dictionary.
LAKE_MOUNT_RE = re.compile(
    r"\b(?:Lake|Mount)[ \t]+(?P<n>[A-Z][a-z]{2,})\b"
    r"(?![ \t]+(?:score|scores|scoring|criteria|consensus|questionnaire))"
)
_RESIDENCE_HINTS = ("live", "grew", "raised", "born", "resid", "moved", "relocat")
_BUSINESS_BEFORE_RE = re.compile(
    r"\bthe[ \t]+(?P<biz>[A-Z][\w'&\u2019-]+(?:[ \t][A-Z][\w'&\u2019-]+)?)[ \t]+(?:on|off|at)[ \t]+"
    r"(?:the[ \t]+)?$"
)
# A lower-case word after a residence cue: "my friend lives in harburg".
_LOWER_PLACE_RE = re.compile(
    r"\b(?:lives?|living|lived|grew\s+up|raised|born|resides?|residing|moved|relocated)\s+"
    r"(?:in|to|near)\s+(?P<place>[a-z\u00df-\u024f][a-z\u00df-\u024f'-]{2,})\b"
)
# "on Rt 9", "off Route 66", "along I-95", "near Hwy 101": a road named by number.
ROUTE_RE = re.compile(
    r"(?<![\w-])(?i:on|off|along|near|at|by|down|up|via|from|to|exit\s+\d+\s+(?:on|off))\s+"
    r"(?:the\s+)?(?P<place>(?:Rt|Rte|Route|Hwy|Highway|State\s+Route|State\s+Road|"
    r"County\s+Road|County\s+Rd|Interstate)\.?[ -]?\d{1,4}[A-Z]?|I-\d{1,3})\b"
)
# "a Phoenix native", "Tacoma resident": a known city before a word for who lives there.
CITY_NATIVE_RE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+(?:native|resident|transplant)s?\b"
)
# Verbs a person (not a drug or a disease) is the subject of, after a one-word name.
PERSON_VERB_RE = re.compile(
    r"\s+(?:reports|reported|states|stated|denies|denied|endorses|endorsed|says|said|lives|"
    r"lived|spent|shouted|began|told|asked|wants|wanted|complains|presents|presented|arrived|"
    r"returned|prefers|declined|refused|agrees|agreed|called|walked|drove|translated|"
    r"had\s+given|is\s+from|was\s+born|works\s+(?:at|for|as)|worked\s+(?:at|for|as)|"
    # what a relative or a patient does: "Rusty brings groceries", "Okafor visits daily"
    r"visits|visited|brings|brought|checks\s+on|cares\s+for|stays\s+with|phoned|texted|"
    r"e-?mailed|verbalized|verbalizes|voiced|understands|understood|consented|"
    # what only a patient is: "Wrenna was febrile overnight", "Isidro tolerated a diet"
    r"(?:is|was|remains|remained)\s+(?:febrile|afebrile|ambulating|breastfeeding|tearful|"
    r"intubated|extubated|admitted|readmitted|discharged|transferred|seen|examined|"
    r"accompanied|counsell?ed|alert|awake|asleep|confused|oriented|"
    r"an?\s+\d{1,3}(?:\s*-?\s*(?:y(?:ears?|rs?|o|/o|\.o\.?)?|months?|mos?|weeks?|wks?|days?|"
    r"d)(?![\w/])|\s*[MFmf]\b)|"
    r"a\s+G\d\w*|here\s+(?:for|with|today))|"
    r"underwent|sustained|tolerated|tolerates|is\s+tolerating|feels|felt|ambulated|"
    r"complained|c/o|endorsed|"
    r"continues\s+to\s+(?:refuse|improve|decline|complain|deny|report|ambulate|do\s+well)|"
    r"has\s+been\s+(?:taking|eating|sleeping|walking|drinking|smoking|refusing|feeling|"
    r"having|compliant|adherent|nonadherent|non-adherent)|"
    r"has\s+not\s+(?:eaten|slept|voided|been\s+taking)|"
    # what a drug or a device never does: "Wrenna fell at school", "Wrenna smokes 1 ppd"
    r"fell|vomited|vomits|slept|sleeps|ate|eats|drank|drinks|smokes|smoked|vapes|vaped|"
    r"attends|attended|weighs|weighed|missed|cried|cries|coughed|urinated|voided|napped|"
    r"crawls|babbles|talks|speaks|plays|developed|would\s+like|got\s+(?:his|her|their)|"
    r"passed\s+(?:his|her|their)|takes\s+(?:his|her|their|no|all)|"
    r"lost\s+\d+\s*(?:lbs?|pounds|kg)|required\s+\d+\s*(?:L|liters?|lpm)|"
    r"needs\s+(?:a\s+)?(?:refills?|help|assistance|a\s+ride|transportation|a\s+note)|"
    r"has\s+(?:a|an)\s+(?:fever|cough|rash|sore|headache|history|hx|h/o|low-grade|runny|"
    r"earache|stomach\s*ache)|"
    r"live\s+(?:together|with|alone)|(?:has\s+)?had\s+(?:a|an)\s+(?:seizure|fall|fever|rash|"
    r"stroke|bowel\s+movement|bm|good|rough|bad|"
    r"restless|difficult|episode)|"
    r"(?:is|was|has\s+been)\s+doing\s+(?:well|better|worse|poorly|ok|okay|fine|great)|"
    r"looks\s+(?:well|tired|comfortable|unwell|pale|sick|better|worse|jaundiced)|"
    r"(?:is|was|remains|remained|has\s+been|seems|seemed)\s+(?:crying|sleeping|eating|"
    r"vomiting|coughing|walking|playing|talking|smiling|agitated|combative|anxious|depressed|"
    r"calm|cooperative|pleasant|tired|fatigued|sad|upset|happy|nauseated|dizzy|fussy|"
    r"irritable|lethargic|somnolent|drowsy)|"
    r"(?:is|was)\s+(?:now\s+)?\d{1,3}\s*(?:(?:-\s*)?(?:months?|years?|weeks?|days?)(?:\s*-?\s*old)?|"
    r"yo|y/o|mo)(?![\w/])|"
    r"(?:is|was|will\s+be)\s+(?:the|her|his|their|our)\s+(?:main\s+|primary\s+|designated\s+|"
    r"medical\s+)?(?:decision[- ]maker|poa|proxy|health\s*care\s+proxy|caregiver|surrogate|"
    r"guardian|contact|driver)|"
    # a person among their family, a person's next step: "Sukhbaatar and his wife were
    # updated", "Uzoamaka to return in 2 weeks" (a drug is "to continue", never "to return")
    r"(?:and|with)\s+(?:(?:his|her|their)\s+)?(?:wife|husband|partner|mother|father|parents?|"
    r"daughter|son|sister|brother|family|children|kids|aunt|uncle|grandmother|grandfather)|"
    r"to\s+(?:return|follow\s+up|come\s+back|call\s+back|call\s+us)|"
    # what a person is or has, never a drug: "Mahlet is allergic to penicillin"
    r"(?:is|was)\s+allergic|has\s+(?:no\s+)?(?:known\s+)?(?:drug\s+)?allergies|"
    r"needs\s+a\s+(?:work|school)\s+note|has\s+not\s+had\s+a\s+(?:bowel\s+movement|bm))\b"
)


_COMMON_DESTINATIONS = frozenset(
    lx.wordlist(
        """
        home church work school college rehab bed bathroom restroom floor surgery hospice jail
        step stepdown telemetry tele snf ltac ltach inpatient outpatient observation obs icu
        micu sicu ccu cvicu nicu picu pacu medicine psych psychiatry detox labor delivery
        prison shelter court daycare camp town bed heaven lunch dinner breakfast sleep
        """
    )
)


_SPAN_WORDS = frozenset(lx.wordlist("year years month months week weeks"))
_INITIAL_AFTER_RE = re.compile(r"[ \t]+[A-Z]\.[ \t]+[A-Z]")


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _place_word_ok(word: str) -> bool:
    core = word.rstrip(".")
    low = core.lower()
    if not core[:1].isupper() or len(core) < 2:
        return False
    if (
        low in lx.CLINICAL_STOP
        or low in lx.MONTHS
        or low in lx.WEEKDAYS
        or low in lx.TITLES
        or low in lx.EPONYM_NOUNS
    ):
        return False
    if low not in lx.US_CITIES and lx.medical_word(low):
        return False  # "switched from Vicodin", "in Neurology"
    return not (low in lx.US_STATES or low in _FUNCTION_WORDS)


def _more_places(text: str, add) -> None:
    words = lx.english_words()
    for m in PLACE_AFTER_RE.finditer(text):
        parts = m.group("place").split()
        spans = []
        pos = m.start("place")
        for p in parts:
            s = text.index(p, pos)
            spans.append((s, s + len(p), p))
            pos = s + len(p)
        keep = []
        for s, e, p in spans:
            if not _place_word_ok(p):
                break
            keep.append((s, e, p))
        if not keep:
            continue
        if any(p.endswith(("'s", "\u2019s")) for _, _, p in keep) or _INITIAL_AFTER_RE.match(
            text, keep[-1][1]
        ):
            continue  # a person: "the verses from Yuri Bulgakov's", "from Faina D. Yefremova"
        lows = [p.rstrip(".").lower() for _, _, p in keep]
        # an all-capitals word after a bare "in"/"from" is more often an acronym ("in NSTEMI")
        cue = text[m.start() : m.start("place")].strip().lower()
        bare = cue in ("in", "near", "from") or cue.split()[0] in _SPAN_WORDS
        # after a bare "in" an all-capitals word is a place only if it is not English
        # ("in ÖSTERSKÄR"); "in NSTEMI", "in ATRIAL FIBRILLATION" are not places
        upper = [
            p.rstrip(".").isupper() and (len(p) < 5 or (bare and p.isascii())) for _, _, p in keep
        ]
        # a known city, even one that is also a word: "from Mobile", "in Flagstaff today"
        city = next((k for k in range(len(keep), 0, -1) if " ".join(lows[:k]) in lx.US_CITIES), 0)
        if city and not (bare and all(upper[:city])):
            add((keep[0][0], keep[city - 1][1] - keep[city - 1][2].endswith("."), "LOCATION", 0.7))
            continue
        # "Step-Down": a hyphenated pair of words is a word
        proper = [
            lo not in words and not u and not ("-" in lo and all(p in words for p in lo.split("-")))
            for lo, u in zip(lows, upper, strict=True)
        ]
        # after a travel verb a capitalized word is a place even when it is also a word
        # ("flew to Phoenix"), unless it is a place every patient goes to
        if cue.endswith((" to", " at")) and not any(proper):
            if lows[0] in _COMMON_DESTINATIONS:
                continue  # "transferred to Step Down", "went to Home Health"
            proper = [
                lo not in _COMMON_DESTINATIONS and not u for lo, u in zip(lows, upper, strict=True)
            ]
        # trim trailing ordinary words that are no place head ("in Boise today")
        while len(keep) > 1 and not proper[-1] and lows[-1] not in _PLACE_HEADS:
            keep.pop(), lows.pop(), proper.pop()
        if not any(proper) and not (
            len(keep) >= 2 and (lows[-1] in _PLACE_HEADS or lows[0] in _PLACE_HEADS)
        ):
            continue
        e = keep[-1][1] - keep[-1][2].endswith(".")
        after = re.match(r"[ \t]+([A-Za-z]+)", text[e : e + 20])
        if after and after.group(1).lower() in lx.EPONYM_HEADS:
            continue  # "in Trendelenburg position"
        add((keep[0][0], e, "LOCATION", 0.6))
    lowered = text.lower()
    lower_place = any(k in lowered for k in _RESIDENCE_HINTS)
    for m in _LOWER_PLACE_RE.finditer(text) if lower_place else ():
        low = m.group("place")
        if low not in words and _place_word_ok(low.capitalize()) and low not in lx.first_names():
            add((m.start("place"), m.end("place"), "LOCATION", 0.55))
    roads = any(
        k in text
        for k in ("Rt", "Route", "Hwy", "Highway", "Interstate", "I-", "County R", "State R")
    )
    for m in ROUTE_RE.finditer(text) if roads else ():
        # "the Walgreens on Rt 9": the store on that road is the place
        biz = _BUSINESS_BEFORE_RE.search(text, max(0, m.start() - 40), m.start("place"))
        start = (
            biz.start("biz")
            if biz and biz.group("biz").lower() not in _FUNCTION_WORDS
            else m.start("place")
        )
        add((start, m.end("place"), "LOCATION", 0.6))
    natives = "native" in lowered or "resident" in lowered or "transplant" in lowered
    for m in CITY_NATIVE_RE.finditer(text) if natives else ():
        if m.group("place").lower() in lx.US_CITIES:
            add((m.start("place"), m.end("place"), "LOCATION", 0.6))
    for m in LAKE_MOUNT_RE.finditer(text) if "Lake" in text or "Mount" in text else ():
        name = m.group("n").lower()
        if name not in words or " ".join(m.group(0).lower().split()) in lx.US_CITIES:
            add((m.start(), m.end(), "LOCATION", 0.6))
    for rx in (SITE_RE, BARE_STREET_RE):
        for m in rx.finditer(text):
            first = m.group("place").split()[0].lower()
            if first in lx.CLINICAL_STOP or (first in words and rx is SITE_RE):
                continue
            add((m.start("place"), m.end("place"), "LOCATION", 0.6))


# "the Okonjo twins", "O'Shaughnessy family at bedside": a surname before a household word.
FAMILY_NAME_RE = re.compile(
    r"(?:\b[Tt]he\s+|^|(?<=[.!?;:]\s))(?P<n>[A-Z][a-z]*(?:['\u2019][A-Z])?[a-z'\u2019-]+)"
    r"\s+(?:family|families|twins|triplets|household|kids|children|boys|girls|residence)\b",
    re.MULTILINE,
)
_ORG_AFTER_RE = re.compile(
    r"[ \t]+(?:Group|Inc\b\.?|LLC|Ltd\b\.?|Corp\b\.?|Corporation|Company|Foundation|Bank|"
    r"Partners|Holdings|Industries|Technologies|Systems|Solutions|Insurance|Pharmacy|"
    r"Pharmaceuticals|Labs|Laboratories|Enterprises)\b"
)
_PLACE_HEAD_AFTER_RE = re.compile(
    r"[ \t]+(?:County|Parish|Borough|Township|Hospital|Medical\s+Center|EMS|Fire|Police|"
    r"Ambulance|Transport|Transit)\b"
)
_DRUG_CONTEXT_BEFORE_RE = re.compile(
    r"\b(?:switch(?:ed|ing)?|chang(?:e|ed|ing)|transition(?:ed|ing)?|titrat\w*|increas\w*|"
    r"decreas\w*|escalat\w*|convert(?:ed|ing)?|start(?:ed|ing)?|restart\w*|treat(?:ed|ing)|"
    r"controlled|managed|respond(?:ed|ing|s)|prior\s+auth(?:orization)?|refills?|coverage|"
    r"covered|prescri\w*|trial|dose|allergic|allergy|intoleran\w*|reaction|add(?:ed)?|"
    r"bridge(?:d)?|instead|improved|better|worse|failed|tried)\s+(?:to|with|for|on|of|from)\s*$",
    IGN,
)
_DOSE_AFTER_RE = re.compile(
    r"[ \t]+(?:\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|units?|u|ml|%)\b|(?:daily|weekly|monthly|bid|tid|"
    r"qid|qd|qhs|prn|injections?|infusions?|tablets?|tabs?|pens?|patch(?:es)?|samples?|"
    r"copay|coupon)\b)",
    IGN,
)
# Latin endings of genera and clinical terms: "Legionella", "Borrelia", "Clostridium"
_ORGANISM_ENDINGS = ("ella", "ia", "ium", "us", "um", "ae", "ii", "osis", "itis", "ecia")
_AFTER_PERSON_WORDS = frozenset(
    lx.wordlist("today yesterday tonight again back regarding re about who whose at once directly")
)
_DEMONYM_ENDINGS = ("an", "ese", "ish", "ani", "ali", "aqi", "ite", "ic")
# "Ottoline's fever resolved": a word in no dictionary before 's and what only a person has.
POSSESSIVE_PERSON_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<n>[A-Z][a-z][\w\u2019-]*)['\u2019]s\s+(?:appointment|medications?|meds|"
    r"labs|vitals|chart|insurance|temperature|weight|wound|fever|rash|cough|pain|surgery|visit|"
    r"discharge|admission|blood\s+pressure|blood\s+sugars?|glucose|home|room|bed|family|"
    r"caregivers?|consent|birthday)\b"
)
# "Baby Girl Anand", "Baby Boy Tremblay": a newborn named by the family name.
BABY_NAME_RE = re.compile(r"\b(?:Baby|BABY)\s+(?:Girl|Boy|GIRL|BOY)\s+(?P<n>[A-Z][\w'\u2019-]+)")
# "w/ sunita (wife)": a lower-case word in no dictionary before a relation in brackets.
LOWER_BEFORE_RELATION_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<n>[a-z][a-z'\u2019-]{2,})\s*\(\s*(?:the\s+)?(?:patient'?s\s+|pt'?s\s+|"
    r"his\s+|her\s+|their\s+)?(?:wife|husband|daughter|son|mother|mom|father|dad|brother|"
    r"sister|grand(?:daughter|son|mother|father)|aunt|uncle|niece|nephew|cousin|partner|spouse|"
    r"friend|neighbou?r|caregiver|guardian|boyfriend|girlfriend|fianc[eé]e?)\b"
)
# "HPI: obafemi nwachukwu is a 44 yo M": lower-case words in no dictionary opening a sentence,
# before a verb only a person is the subject of (checked with PERSON_VERB_RE)
_LOWER_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[.!?:;])|(?<=[.!?:;][ \t]))[ \t]*(?P<n>[a-z][a-z'\u2019-]{2,}"
    r"(?:[ \t][a-z][a-z'\u2019-]{2,}){0,2})(?=[ \t])",
    re.MULTILINE,
)
# "EZRA KOLODNY DENIES": in capitals, a word in no dictionary after a first name found alone.
_ALLCAPS_NEXT_RE = re.compile(r"[ \t]+(?P<n>[A-Z][A-Z'\u2019-]{2,})\b")


def _household_names(text: str, found: list) -> None:
    words = lx.english_words()
    last = lx.surnames()
    if any(
        k in text
        for k in (
            "family",
            "famil",
            "twins",
            "triplets",
            "household",
            "kids",
            "children",
            "boys",
            "girls",
            "residence",
        )
    ):
        for m in FAMILY_NAME_RE.finditer(text):
            w = m.group("n")
            low = w.lower()
            if not _subject_word_ok(w) or low in lx.EPONYM_NOUNS or low.endswith(("'s", "\u2019s")):
                continue  # "Pt's children": a possessive, not a family name
            if low in words or (low.endswith(_DEMONYM_ENDINGS) and low not in last):
                continue  # "the Foster family", "the Guatemalan family"
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    if "'s " in text or "\u2019s " in text:
        for m in POSSESSIVE_PERSON_RE.finditer(text):
            w = m.group("n")
            if w.lower() in words or not _subject_word_ok(w):
                continue
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    for m in WITH_FAMILY_RE.finditer(text) if "with" in text else ():
        w = m.group("n")
        if w.lower() not in words and _subject_word_ok(w):
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    for m in BABY_NAME_RE.finditer(text) if "aby" in text or "ABY" in text else ():
        if _subject_word_ok(m.group("n")) or m.group("n").isupper():
            found.append((m.start(), m.end(), "NAME", 0.7))
    if "(" in text:
        for m in LOWER_BEFORE_RELATION_RE.finditer(text):
            low = m.group("n")
            if low in words or not _subject_word_ok(low) or low in lx.CREDENTIALS:
                continue
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    for m in _LOWER_SUBJECT_RE.finditer(text):
        parts = m.group("n").split()
        end = m.end("n")
        while parts and not PERSON_VERB_RE.match(text, end):
            end -= len(parts.pop()) + 1  # "obafemi nwachukwu is": try the shorter run
        if not parts:
            continue
        if any(p in words or not _subject_word_ok(p) or p in lx.CREDENTIALS for p in parts):
            continue
        if len(parts) == 1 and parts[0] not in lx.first_names():
            continue  # one lower-case word: a name only when it is a known first name
        found.append((m.start("n"), end, "NAME", 0.55))
    census_first = lx.census_first_names()
    for f in list(found):
        if f[2] != "NAME":
            continue
        word = text[f[0] : f[1]]
        if not (word.isupper() and word.isalpha() and word.lower() in census_first):
            continue
        m = _ALLCAPS_NEXT_RE.match(text, f[1])
        if not m:
            continue
        low = m.group("n").lower()
        if (
            low in words
            or low in lx.CLINICAL_STOP
            or low in lx.CREDENTIALS
            or low in lx.TITLES
            or low in _SERVICE_ACRONYMS
            or lx.medical_word(low)
            or low.upper() in lx.STATE_ABBRS
        ):
            continue
        found.append((f[0], m.end("n"), "NAME", f[3]))


def _context_names(text: str, found: list) -> None:
    """Names that only their surroundings give away: a possessive before a kinship word,
    the speaker after a quote, a sign-off, initials that sign a note."""
    words = lx.english_words()
    lowered = text.lower()
    signoff = any(k in lowered for k in _SIGNOFF_HINTS)
    for rx in (POSSESSIVE_KIN_RE, SAYS_RE, SIGNOFF_RE) if signoff else (POSSESSIVE_KIN_RE, SAYS_RE):
        for m in rx.finditer(text):
            parts = m.group("n").split()
            if all(_list_name_ok(p, words, common_ok=True) for p in parts):
                found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    # "Thanks Kemi!", "-- Bex": a sign-off without its comma, a name signing after a dash
    # (only a word that is no English word, or a listed name that is no common word)
    bare = [SIGNOFF_BARE_RE] if signoff else []
    if "-" in text or "\u2014" in text or "\u2013" in text or "~" in text:
        bare.append(DASH_SIGNATURE_RE)
    for rx in bare:
        for m in rx.finditer(text):
            parts = m.group("n").split()
            if all(_list_name_ok(p, words, common_ok=False) for p in parts) and not any(
                lx.medical_word(p.lower()) or p.lower() in lx.DRUG_NAMES for p in parts
            ):
                found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    if "-" in text or "/s/" in text or "\u2014" in text or "igned" in text or "nitial" in text:
        for m in INITIALS_SIGNATURE_RE.finditer(text):
            low = m.group("n").lower()
            if low in lx.CLINICAL_STOP or low in lx.CREDENTIALS or low in _SERVICE_ACRONYMS:
                continue  # "-- ICU", "Signed: RN"
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))


_SERVICE_ACRONYMS = frozenset(
    lx.wordlist(
        """
        icu micu sicu ccu cvicu nicu picu pacu ed er or pt ot st slp rt sw cm ir gi ent ob
        gyn uro np pa rn lpn cna md do dds np cnm crna ems ems ems ncm mft ssw hha snf ltc
        pcp bmp cbc ekg ecg ct mri us cxr ua abg tte tee eeg emg cta
        """
    )
)
_SIGNOFF_HINTS = (
    "thank",
    "regards",
    "best",
    "sincerely",
    "yours",
    "respectfully",
    "cordially",
    "cheers",
    "warmly",
)
# A sign-off then a name on its own: "Thanks, Mark", "Regards,\nGrant".
SIGNOFF_RE = re.compile(
    r"(?i:\b(?:thanks|thank\s+you|many\s+thanks|regards|best\s+regards|kind\s+regards|"
    r"warm\s+regards|best\s+wishes|best|sincerely|yours\s+truly|respectfully|cordially|"
    r"cheers|warmly))\s*,\s*\n?[ \t]*"
    r"(?P<n>[A-Z][a-z'\u2019-]+(?:[ \t][A-Z]\.?)?(?:[ \t][A-Z][a-z'\u2019-]+)?)"
    r"(?=[ \t]*(?:[.!]?[ \t]*$|\n|,))",
    re.MULTILINE,
)
SIGNOFF_BARE_RE = re.compile(
    r"(?i:\b(?:thanks|thank\s+you|thx|ty|cheers))[ \t]+"
    r"(?P<n>[A-Z][a-z'\u2019-]+(?:[ \t][A-Z][a-z'\u2019-]+)?)(?=[ \t]*(?:[.!]+[ \t]*)?(?:$|\n))",
    re.MULTILINE,
)
DASH_SIGNATURE_RE = re.compile(
    r"(?:^|(?<=\s))(?:--|\u2014|\u2013|~)[ \t]*"
    r"(?P<n>[A-Z][a-z'\u2019-]+(?:[ \t][A-Z][a-z'\u2019-]+)?)(?=[ \t]*(?:$|\n))",
    re.MULTILINE,
)
# Initials that sign a note: "-- JS" at a line end, "Signed: J.S.", "/s/ MRE".
INITIALS_SIGNATURE_RE = re.compile(
    r"(?:(?<!\S)(?:--|\u2014|\u2013|~)[ \t]*"
    r"|(?i:\b(?:co-?signed|signed|initials)\b)[ \t]*:?[ \t]*|/s/[ \t]*)"
    r"(?P<n>[A-Z]{2,3}|[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?=[ \t]*(?:$|\n|[,;]))",
    re.MULTILINE,
)


# Lower-case "first last" (with an optional middle initial): "eva kleist", "emidio p lombardo".
_LOWER_PAIR_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<a>[a-z\u00df-\u024f][a-z\u00df-\u024f'-]{2,})"
    r"(?:[ \t](?P<i>[a-z])\.?)?[ \t](?P<b>[a-z\u00df-\u024f][a-z\u00df-\u024f'-]{2,})(?![\w-])"
)
# Cues after which the next word is a name whatever its case: "my name is vitoria".
_CALL_BACK_WORDS = frozenset(
    lx.wordlist("back later tomorrow asap again soon anytime now tonight today first right")
)
_STRONG_NAME_CUE_RE = re.compile(
    r"(?i:\b(?:name\s+is|name's|named|call\s+me|calls\s+me|called\s+me|goes\s+by|"
    r"known\s+as|nicknamed))[ \t]+[\"'\u201c\u2018]?"
    r"(?P<n>[^\W\d_][\w'\u2019-]*(?:[ \t][^\W\d_][\w'\u2019-]*)?)(?P<q>[\"'\u201d\u2019])?"
)
# A name called out: "Don't go to town, Mark!", "Remember me, Mary?", "Kuba, can I ...".
_VOCATIVE_RE = re.compile(
    r",[ \t]+(?P<n>[A-Z][^\W\d_]+)[ \t]*[!?](?=\s|$)"
    r"|(?:^|[.!?][ \t]+)(?P<m>[A-Z][^\W\d_]+),[ \t]+(?i:can|could|would|will|please|do|did|are|"
    r"have)[ \t]+(?i:i|you|we)\b",
    re.MULTILINE,
)
# A person who is given, told or shown something of theirs: "Scott had given Belle his address".
_GIVEN_RE = re.compile(
    r"\b(?i:gave|given|give|gives|giving|told|tell|asked|ask|sent|send|showed|show|shown|handed|"
    r"offered|paid|thanked|reminded|promised)[ \t]+(?P<n>[A-Z][^\W\d_]+)[ \t]+"
    r"(?i:his|her|their|my|our|your)\b"
)
# "WOJCIK, IGNATIUS" heading a line (then the end, a wide gap, DOB, MRN or a number).
_ALLCAPS_NAME_LINE_RE = re.compile(
    r"^[ \t]*(?P<s>[A-Z][A-Z'\u2019-]+),[ \t]*(?P<g>[A-Z][A-Z'\u2019-]+)(?P<n>(?:[ \t][A-Z]\.?)?)"
    r"(?=[ \t]*$|[ \t]{2,}|[ \t]+(?:DOB|MRN|\d))",
    re.MULTILINE,
)
# A name after a name label, in any case: "NAME: OKSANA PYLYPENKO   DOB: ...".
_NAME_LABEL_RE = re.compile(
    r"(?i:\bname)[ \t]*:[ \t]*(?P<n>[^\W\d_][\w'\u2019-]*(?:,?[ \t][^\W\d_][\w'\u2019.-]*){0,3})"
)
_LABEL_STOPS = frozenset(lx.wordlist("dob mrn age sex dos id ssn date gender room bed acct"))
# Initials after a kinship word: "spoke to pt's grandson, AJ".
_KIN_INITIALS_RE = re.compile(
    r"(?i:\b(?:wife|husband|daughter|son|mother|mom|father|dad|brother|sister|granddaughter|"
    r"grandson|grandmother|grandfather|aunt|uncle|niece|nephew|cousin|partner|spouse|"
    r"boyfriend|girlfriend|friend|neighbou?r|caregiver))[ \t]*,?[ \t]+"
    r"(?P<n>[A-Z]{2,3}|[A-Z]\.[ \t]?[A-Z]\.)(?!\w|\.\w)"
)
# Substrings one of which every match of _KIN_INITIALS_RE holds (a cheap test before it).
_KIN_HINTS = (
    "wife", "husband", "daughter", "son", "mother", "mom", "father", "dad", "brother",
    "sister", "grand", "aunt", "uncle", "niece", "nephew", "cousin", "partner", "spouse",
    "friend", "neighb", "caregiver",
)  # fmt: skip
_GIVE_HINTS = (
    "gave",
    "given",
    "give",
    "told",
    "tell",
    "ask",
    "sent",
    "send",
    "show",
    "hand",
    "offer",
    "paid",
    "thank",
    "remind",
    "promise",
)
# A speaker label at the start of a line: "Destiny: Remember me".
_SPEAKER_RE = re.compile(r"^[ \t>*-]*(?P<n>[A-Z][^\W\d_]+)[ \t]*:[ \t]*(?=\S)", re.MULTILINE)


def _more_names(text: str, found: list) -> None:
    """Names in lower-case text, after strong cues, called out, given things, speaking."""
    words = lx.english_words()
    first = lx.first_names()
    last = lx.surnames()

    def plain(low: str) -> bool:
        return not (
            low in lx.CLINICAL_STOP
            or low in _FUNCTION_WORDS
            or low in lx.TITLES
            or low in lx.MONTHS
            or low in lx.WEEKDAYS
            or low in lx.EPONYM_NOUNS
            or lx.medical_word(low)
        )

    def person_word(word: str) -> bool:
        """A capitalized word that can be a name here: in a name list, or in no dictionary."""
        low = word.lower()
        return plain(low) and (low in first or low in last or low not in words)

    lowered = text.lower()
    if text.islower():  # lower-case text: "eva kleist lives at ..."
        # (pairs overlap: "call w kalena mahoe" is tried again from "kalena")
        pos = 0
        while m := _LOWER_PAIR_RE.search(text, pos):
            a, b = m.group("a"), m.group("b")
            if (
                # a listed first name, or a word in no list that reads strongly like a name
                # before a listed surname ("kalena mahoe")
                (
                    a in first
                    or (
                        _unlisted_name_like(a, NAME_LIKE_STRONG)
                        and (b in last or _unlisted_name_like(b, NAME_LIKE_STRONG))
                    )
                )
                and a not in words
                and plain(a)
                and plain(b)
                and b not in words
                and (b in last or not b.isascii() or len(b) >= 4)
            ):
                found.append((m.start(), m.end(), "NAME", 0.55))
                pos = m.end()
            else:
                pos = m.start("i") if m.group("i") else m.start("b")
    strong = any(k in lowered for k in ("name", "call", "goes by", "known as"))
    for m in _STRONG_NAME_CUE_RE.finditer(text) if strong else ():
        if m.group("q") and m.group("n")[0].isupper():  # a nickname in quotes: "Buddy"
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
            continue
        parts = m.group("n").split()
        keep = []
        for p in parts:
            low = p.lower()
            if not plain(low) or (low in words and low not in first and low not in last):
                break
            if low in _CALL_BACK_WORDS:
                break  # "please call me back", "call me later"
            keep.append(p)
        if keep:
            start = m.start("n")
            found.append((start, start + len(" ".join(keep)), "NAME", 0.6))
    vocative = "!" in text or "?" in text or " you" in lowered or " i " in lowered
    for m in _VOCATIVE_RE.finditer(text) if vocative else ():
        g = "n" if m.group("n") else "m"
        word = m.group(g)
        low = word.lower()
        if (g == "n" and low in first and plain(low)) or (g == "m" and person_word(word)):
            if g == "m" and low in words and low not in first:
                continue
            found.append((m.start(g), m.end(g), "NAME", 0.6))
    given = any(k in lowered for k in _GIVE_HINTS)
    for m in _GIVEN_RE.finditer(text) if given else ():
        low = m.group("n").lower()
        if plain(low) and (low in first or (low not in words and low in last)):
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    for m in _NAME_LABEL_RE.finditer(text) if "name" in lowered else ():
        keep = []
        for p in m.group("n").split():
            core = p.strip(",.")
            low = core.lower()
            if (
                low in _LABEL_STOPS
                or not plain(low)
                or low in lx.CREDENTIALS
                or (low in words and low not in first and low not in last)
            ):
                break
            keep.append(p)
            if p.endswith(".") and len(core) > 1:
                break
        if keep:
            start = m.start("n")
            end = start + len(" ".join(keep))
            end -= len(text[start:end]) - len(text[start:end].rstrip(",."))
            found.append((start, end, "NAME", 0.6))
    if "," in text and _ALLCAPS_NAME_LINE_RE.search(text):
        for m in _ALLCAPS_NAME_LINE_RE.finditer(text):
            sur, given = m.group("s").lower(), m.group("g").lower()
            if given in first and plain(sur) and plain(given) and sur not in lx.US_STATES:
                found.append((m.start("s"), m.end("n"), "NAME", 0.6))
    kin = any(k in lowered for k in _KIN_HINTS)
    for m in _KIN_INITIALS_RE.finditer(text) if kin else ():
        low = m.group("n").lower().replace(".", "")
        if not (low in lx.CREDENTIALS or low in lx.CLINICAL_STOP or low in _SERVICE_ACRONYMS):
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    if text.count(":") < 2:
        return
    labels = [m for m in _SPEAKER_RE.finditer(text) if m.group("n").lower() in first]
    labels = [m for m in labels if plain(m.group("n").lower())]
    if len({m.group("n") for m in labels}) >= 2:  # a dialogue, not section headings
        for m in labels:
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))


_NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _spread_names(text: str, found: list) -> None:
    """A word found as a name is a name wherever else it stands in the same text; a name's
    neighbours in a list ("Monjeau, Graves and Reed") are names too."""
    words = lx.english_words()
    census_last = lx.census_surnames()
    names = [f for f in found if f[2] == "NAME"]
    if not names:
        return
    seen: set[str] = set()
    # names found with a cue, a title or a credential spread, and so do names of two words
    # or more ("Faina D. Yefremova ... early Yefremova"); a lower-case name spreads in lower
    # case when it is a listed name or reads like one ("cormac had given cormac")
    for s, e, _, sc in names:
        multi = len(text[s:e].split()) >= 2
        if sc < 0.8 and not (multi and sc >= 0.6):
            continue
        for t in _NAME_TOKEN_RE.findall(text[s:e]):
            t = re.sub(r"['\u2019]s$", "", t)
            low = t.lower()
            if (
                t.islower()
                and len(t) >= 4
                and low not in words
                and low not in lx.CLINICAL_STOP
                and low not in lx.DRUG_NAMES
                and not lx.medical_word(low)
                and (
                    low in lx.first_names()
                    or low in lx.surnames()
                    or _unlisted_name_like(low, NAME_LIKE_LOWER)
                )
            ):
                seen.add(t)
                continue
            if (
                len(t) >= 3
                and t[0].isupper()
                and not t.isupper()
                and low not in words
                and low not in lx.CLINICAL_STOP
                and low not in lx.TITLES
                and low not in lx.CREDENTIALS
                and (t[1:] == t[1:].lower() or "-" in t)  # not "IgG"
            ):
                seen.add(t)
    # every other stand-alone occurrence (a scan, not a regular expression compiled per text)
    for name in seen:
        k = text.find(name)
        while k >= 0:
            e = k + len(name)
            before = text[k - 1] if k else " "
            after = text[e] if e < len(text) else " "
            if not (before.isalnum() or before in "_'\u2019-") and not (
                after.isalnum() or after in "_-"
            ):
                nxt = _NEXT_WORD_RE.match(text, e)
                # "Wilson's disease", "Glasgow score"
                if not (nxt and nxt.group(1).lower() in lx.EPONYM_HEADS):
                    found.append((k, e, "NAME", 0.6))
            k = text.find(name, e)
    # coordination: "<name>, X and Y", "X and <name>"
    spans = sorted((f[0], f[1]) for f in found if f[2] == "NAME")
    for s, e in spans:
        before = text[max(0, s - 80) : s]
        if before.rfind("(") > before.rfind(")"):
            continue  # "(Tobradex, Alcon-Cusi, Barcelona, Spain)": a maker's list, not people
        listed = False  # a comma list is under way: "Monjeau, Graves and Reed"
        for m in _LIST_AFTER_RE.finditer(text, e):
            if m.start() != e:
                break
            w = m.group("w")
            comma = m.group(0).startswith(",")
            # a lone "and" joins a name to a company ("Thomas and Sons") as often as to a
            # person: there the neighbour must be in no dictionary
            # "Mann and Park": after a lone "and", a census name that is also a word, unless
            # a capitalized word follows ("Smith and Park Avenue")
            census = (
                not comma
                and not listed
                and w.lower() in census_last
                and w.lower() not in _FUNCTION_WORDS
                and w.lower() not in _KIN_CUES
                and not re.match(r"\s+[A-Z]", text[m.end("w") : m.end("w") + 2])
            )
            if not _list_name_ok(w, words, common_ok=comma or listed or census):
                break
            listed = listed or comma
            found.append((m.start("w"), m.end("w"), "NAME", 0.55))
            e = m.end()
        if text[s:e].islower():  # "they had 3: silvana, adam and kristina"
            for m in _LOWER_LIST_AFTER_RE.finditer(text, e):
                low = m.group("w").lower()
                if m.start() != e or low in words or low in lx.CLINICAL_STOP:
                    break
                if low not in lx.first_names() and low not in lx.surnames():
                    break
                found.append((m.start("w"), m.end("w"), "NAME", 0.55))
                e = m.end()
        m = _LIST_BEFORE_RE.search(text, max(0, s - 40), s)
        if m and m.end() == s and _list_name_ok(m.group("w"), words, common_ok=False):
            found.append((m.start("w"), m.end("w"), "NAME", 0.55))


_LIST_AFTER_RE = re.compile(r"(?:,\s|\s(?:and|&)\s|,\sand\s)(?P<w>[A-Z][\w'\u2019-]+)")
_NEXT_WORD_RE = re.compile(r"(?:['\u2019]s)?[ \t]+([A-Za-z]+)")
_COMPANY_WORDS = frozenset(
    lx.wordlist("ltd inc llc corp co gmbh ag sa plc bv srl spa kg limited company group")
)
_LOWER_LIST_AFTER_RE = re.compile(r"(?:,\s|\s(?:and|&)\s|,\sand\s)(?P<w>[a-z][\w'\u2019-]+)")
# "Franciska's kid", "Oduya's wife": a possessive before a kinship word is a person.
POSSESSIVE_KIN_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<n>[A-Z][\w\u2019-]+)['\u2019]s\s+(?:kids?|child|children|son|sons|"
    r"daughters?|wife|husband|mother|mom|father|dad|parents|brothers?|sisters?|boyfriend|"
    r"girlfriend|partner|fianc[eé]e?|grandson|granddaughter|grandchildren|nephew|niece|cousin|"
    r"aunt|uncle|widow|widower|caregiver|address|phone\s+number|killers?)\b"
)
# Attribution after a quote: '..." says Hartvigsson.'
SAYS_RE = re.compile(
    r"\b(?:says|said|asks|asked|replied|adds|added|explains|explained|recalls|recalled)\s+"
    r"(?P<n>[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?)(?=\s*(?:[.!?,;]|$))"
)
_LIST_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])(?P<w>[A-Z][\w'\u2019-]+)(?:,\s|\s(?:and|&)\s)$")


def _list_name_ok(word: str, words, *, common_ok: bool) -> bool:
    core = re.sub(r"['\u2019]s$", "", word)
    low = core.lower()
    return (
        not core.isupper()
        and low not in lx.CLINICAL_STOP
        and low not in lx.MONTHS
        and low not in lx.WEEKDAYS
        and low not in lx.TITLES
        and low not in lx.CREDENTIALS
        and low not in lx.US_STATES
        and low not in _COMPANY_WORDS
        and low not in _CITY_WORDS
        and (low not in words or (common_ok and (low in lx.first_names() or low in lx.surnames())))
    )


# --- fourth pass (issue 7): names with no lexicon hit and no cue, by the shape of the sentence
_NAME_WORD = r"[A-Z][^\W\d_]*(?:['\u2019-][A-Za-z][^\W\d_]*)*"
# "Park and Mann were precision engineers": two capitalized words joined by "and", opening a
# sentence, before a verb a person is the subject of
PAIR_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[.!?:;,\n\"])\s*|(?<=[.!?,]\s))(?P<a>{_NAME_WORD})\s+(?:and|&)\s+(?P<b>{_NAME_WORD})"
    r"\s+(?P<v>were|are|have|had|met|agreed|agree|came|visited|called|said|told|arrived|left|"
    r"both|will|discussed|spoke|helped|wrote|signed|live|lived|work|worked)\b"
    r"(?:\s+(?P<next>[A-Za-z]+))?",
    re.MULTILINE,
)
# "Shovda is very reliable": one unknown capitalized word opening a sentence, before a trait
# that only a person has
PERSON_TRAIT_RE = re.compile(
    rf"(?:^|(?<=[.!?:;\n\"])\s*|(?<=[.!?]\s))(?P<n>{_NAME_WORD})\s+(?:is|was|seems|seemed)\s+"
    r"(?:(?:very|so|always|quite|really|extremely|usually|never|not|a\s+very|such\s+a)\s+)?"
    r"(?:reliable|unreliable|dependable|trustworthy|impulsive|kind|friendly|pleasant|rude|"
    r"helpful|supportive|polite|shy|talkative|funny|honest|caring|generous|lovely|"
    r"wonderful|sweet|loyal|punctual|responsible|hardworking|hard-working|married|divorced|"
    r"widowed|single|pregnant|retired|employed|unemployed|homeless|adopted|engaged|"
    r"right-handed|left-handed|a\s+(?:good|great|nice|kind|wonderful|lovely)\s+(?:person|"
    r"man|woman|friend|guy|girl|boy|kid|mother|father|neighbo(?:u)?r))\b",
    re.MULTILINE,
)
# "Zuleika, 34, G3P2, presents in labor": a name opening a sentence, then the age.
NAME_AGE_RE = re.compile(
    rf"(?:^|(?<=[.!?:;\n\"])\s*|(?<=[.!?:;]\s))(?P<n>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}}),\s*"
    r"(?:(?:age\s+)?\d{1,3}(?:\s*-?\s*(?:yo|y/o|y\.o\.|years?\s+old|year-old|yr|[MFmf]))?\s*[,;(]"
    # "Wrenna, a 34-year-old woman, ..."
    r"|an?\s+\d{1,3}(?:[- ](?:years?|months?|weeks?|days?)[- ]old\b"
    # "Ebere, a 33 yo woman, ...", "Ebere, a 33 y/o F"
    r"|\s*-?\s*(?:yo|y/o|y\.o\.|yr[- ]old|mo[- ]old)(?![\w/])))",
    re.MULTILINE,
)
# "they had 3: silvana, adam and kristina": a lower-case list of first names
LOWER_NAME_LIST_RE = re.compile(
    r"(?<![\w'-])(?P<l>[a-z]{3,}(?:,\s[a-z]{3,}){1,}(?:,?\s(?:and|&)\s[a-z]{3,}))(?![\w'-])"
)


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _subject_word_ok(word: str) -> bool:
    low = word.lower()
    return (
        len(low) > 1
        and not word.isupper()
        and low not in lx.CLINICAL_STOP
        and low not in lx.MONTHS
        and low not in lx.WEEKDAYS
        and low not in lx.TITLES
        and low not in _KIN_CUES
        and low not in _FUNCTION_WORDS
        and low not in lx.US_STATES
        and low not in _COMPANY_WORDS
        and low not in _CITY_WORDS
        and low not in lx.EPONYM_NOUNS
        and low not in lx.DRUG_NAMES
        and not lx.medical_word(low)
    )


def _subject_names(text: str, found: list) -> None:
    words = lx.english_words()
    first = lx.first_names()
    last = lx.surnames()
    if " and " in text or " & " in text:
        for m in PAIR_SUBJECT_RE.finditer(text):
            a, b = m.group("a"), m.group("b")
            nxt = (m.group("next") or "").lower()
            if (
                m.group("v") in ("were", "are", "have", "had", "will", "both")
                and nxt not in ("present", "here", "there", "at", "with")
                and (nxt.endswith("ed") or nxt in lx.CLINICAL_STOP or lx.medical_word(nxt))
            ):
                continue  # "Lasix and Coreg were held", "Na and K are normal"
            if not (_subject_word_ok(a) and _subject_word_ok(b)):
                continue
            known = [w for w in (a, b) if w.lower() in first or w.lower() in last]
            unknown = [w for w in (a, b) if w.lower() not in words]
            # each is a known name or in no dictionary ("Dale and White": both in the lists)
            if len(set(known) | set(unknown)) < 2 or not (unknown or len(known) == 2):
                continue
            found.append((m.start("a"), m.end("a"), "NAME", 0.6))
            found.append((m.start("b"), m.end("b"), "NAME", 0.6))
    for m in NAME_AGE_RE.finditer(text) if ", " in text else ():
        parts = m.group("n").split()
        if not all(_subject_word_ok(p) for p in parts):
            continue
        if all(p.lower() in words and p.lower() not in first for p in parts):
            continue  # "Overall, 3, ...": ordinary words
        found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    if " is " in text or " was " in text or " seem" in text:
        for m in PERSON_TRAIT_RE.finditer(text):
            w = m.group("n")
            low = w.lower()
            if not _subject_word_ok(w):
                continue
            if low in words and not (low in first or low in last):
                continue  # "Everything is fine", "Pain is very severe"
            found.append((m.start("n"), m.end("n"), "NAME", 0.6))
    if ", " in text:
        for m in LOWER_NAME_LIST_RE.finditer(text):
            items = re.split(r",?\s(?:and|&)\s|,\s", m.group("l"))
            if len(items) < 3:
                continue
            # every item a first name, or (a third at most) a word in no dictionary:
            # "leonti, terrence, pamela and brian"
            if any(it in lx.CLINICAL_STOP or it in _FUNCTION_WORDS for it in items):
                continue
            known = sum(it in first for it in items)
            if known * 3 < len(items) * 2 or any(
                it not in first and (it in words or lx.medical_word(it)) for it in items
            ):
                continue
            if sum(it in words for it in items) * 2 > len(items):
                continue  # "grace, hope and joy" in a prayer
            pos = m.start("l")
            for it in items:
                k = text.index(it, pos)
                found.append((k, k + len(it), "NAME", 0.55))
                pos = k + len(it)


# --- names by the slot they fill (issue 7, seventh pass) ---
# A name is told by where it stands, not by a list: the words in the subject slot of a verb
# only a person is the subject of ("Honeysuckle Parris reports", "Obadiah Finch is a
# 66-year-old"), "LAST, FIRST" at the head of a line or after a label, the words before a
# relation in brackets ("Kestrel (patient's stepdaughter)"), and the writer of a typed
# message naming themselves ("its deshawn again", "kayleigh here"). Each word of the slot
# must be no clinical, drug, eponym, calendar or function word; one of them must carry some
# evidence of a name (a name list, or letters that read like a name).
_SLOT_WORD = r"[^\W\d_][\w'\u2019.-]*"
# a sentence start: after a sentence end or a line break (the text's start is checked apart)
_LOWER_SUBJECT_VERB_RE = re.compile(
    r"(?:['\u2019]s)?[ \t]+(?:will|is|was|has|had|says|said|wants|needs|cant|can't|won't|wont|"
    r"keeps|still|just|also|never|always|did|does|didnt|doesnt|didn't|doesn't|and[ \t]+[a-z]+"
    r"[ \t]+(?:both|are|have|were|will))\b"
)
SUBJECT_START_RE = re.compile(rf"[.!?;:\n][ \t]*(?={_SLOT_WORD})")
_TEXT_START_RE = re.compile(rf"[ \t]*(?={_SLOT_WORD})")
_SLOT_TOKEN_RE = re.compile(rf"{_SLOT_WORD}")
_CAPS_AGE_AFTER_RE = re.compile(
    r"[ \t]*[-\u2013,][ \t]*\d{1,3}[ \t]*(?:YO|Y/O|Y\.O\.|YR|YEAR|yo|y/o|y\.o\.|year)", IGN
)
LAST_FIRST_SLOT_RE = re.compile(
    r"[\n:][ \t]*"
    r"(?P<n>(?P<last>[^\W\d_][\w'\u2019-]+),[ \t]*(?P<first>[^\W\d_][\w'\u2019-]+)"
    r"(?:[ \t][^\W\d_][\w'\u2019-]*\.?){0,2})"
    r"(?=[ \t]*(?:$|\n|[ \t]{2}|[-\u2013(]|(?:DOB|D\.O\.B|MRN|Age|Sex|seen|was|is|presents|"
    r"returns|here|for)\b))",
    re.MULTILINE,
)
# "Mbali and I discussed", "me and Mbali went": a person beside the writer
WITH_WRITER_RE = re.compile(
    r"[ \t]and[ \t]+(?:(?P<w>I|me|myself)\b(?![\w'\u2019-])"
    r"|(?P<m>[^\W\d_][\w'\u2019-]+)(?![\w'\u2019-]))"
)
_WORD_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])(?P<n>[^\W\d_][\w'\u2019-]+)[ \t]*$")
_WRITER_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])(?:I|me)[ \t]*$")
# "per Dawn at the front desk", "with Hope from billing": a first name placed by where the
# person works (a first name that is also a word needs the place to be a person's)
STAFF_NAME_RE = re.compile(
    r"\b(?i:per|with|from|by|to|called|asked|told|spoke\s+to|spoke\s+with)[ \t]+"
    r"(?P<n>[A-Z][a-z][\w'\u2019-]*)[ \t]+(?:at|in|from|on|with)[ \t]+(?:the[ \t]+)?"
    r"(?:front[ \t]+desk|desk|reception|registration|scheduling|billing|pharmacy|radiology|"
    r"lab|laboratory|triage|admitting|case[ \t]+management|social[ \t]+work|home[ \t]+health|"
    r"hospice|dietary|nutrition|rehab|PT|OT|the[ \t]+office|our[ \t]+office|his[ \t]+office|"
    r"her[ \t]+office|IT|records|medical[ \t]+records|the[ \t]+unit|nursing)\b"
)
_STAFF_PLACE_HINTS = (
    "desk", "reception", "registration", "scheduling", "billing", "pharmacy", "radiology",
    "lab", "triage", "admitting", "management", "social work", "home health", "hospice",
    "dietary", "nutrition", "rehab", "office", "records", "unit", "nursing",
)  # fmt: skip
RELATION_BRACKET_RE = re.compile(
    r"\([ \t]*(?:the[ \t]+)?(?:patient'?s|pt'?s|his|her|their|my)?[ \t]*(?P<rel>[a-z-]+)\b", IGN
)
_WORDS_BEFORE_RE = re.compile(rf"(?P<n>{_SLOT_WORD}(?:[ \t]{_SLOT_WORD}){{0,2}})[ \t]*$")
LOWER_POSSESSIVE_KIN_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<n>[a-z][a-z-]+)['\u2019]s[ \t]+(?:wife|husband|son|daughter|mother|mom|"
    r"father|dad|sister|brother|kids?|child|partner|girlfriend|boyfriend|grandson|granddaughter)\b"
)
LOWER_VOCATIVE_END_RE = re.compile(r",[ \t]*(?P<n>[a-z][a-z-]+)[ \t]*[.!]*[ \t]*$")
# (led by a literal "it" / "here"; what stands before is checked after a match)
SELF_NAMED_RE = re.compile(
    r"\b[Ii][Tt](?:'s|\u2019s|s|S|[ \t]+[Ii][Ss])[ \t]+"
    r"(?P<n>[^\W\d_][\w'-]+)(?=[ \t]*(?:,|(?i:again|here|from)\b|\.|!|$))"
    r"|[Hh](?:ere|ERE)\b(?=[ \t]*(?:[-,:.!]|(?i:again)\b|$))"
)
_SELF_NAMED_BEFORE_RE = re.compile(r"(?:^|[.!?\n])[ \t]*(?:(?i:hi|hello|hey),?[ \t]+)?$")
_HERE_NAME_BEFORE_RE = re.compile(r"(?:^|\n)(?P<h>[^\W\d_][\w'-]+)[ \t]+$")


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _slot_word(word: str, *, caps: bool) -> bool:
    core = word.rstrip(".")
    low = core.lower()
    if caps and core.isupper() and len(core) > 1:
        core = core.capitalize()
    return (
        len(low) > 1
        and _subject_word_ok(core)
        and low not in lx.CREDENTIALS
        and low not in lx.NAME_CUES
        and not _CONTRACTION_RE.search(low)
        and not low.endswith(("ing", "ly"))
    )


@lru_cache(maxsize=65_536)  # a pure test of one word: cached
def _name_evidence(word: str, *, unknown_ok: bool = False) -> float:
    """How much one word of a slot reads like a name: list membership or its letters (or,
    with ``unknown_ok``, being in no dictionary at all: a capitalized word in a person's slot)."""
    core = word.rstrip(".")
    low = core.lower()
    if core.endswith(("'s", "\u2019s")):
        low = low[:-2]
    if not low:
        return 0.0
    first, last, words = lx.first_names(), lx.surnames(), lx.english_words()
    parts = [p for p in _PART_SPLIT_RE.split(low) if p]
    listed = any(p in first or p in last for p in parts)
    common = all(p in words for p in parts)
    if listed and not common:
        return 1.0
    if not common and nm.name_likeness(low) >= NAME_LIKE_CAPS:
        return 0.8
    if listed:
        return 0.4
    if unknown_ok and not common and len(low) >= 4 and not lx.medical_word(low):
        return 0.8
    return 0.0


def _replace_names(found: list, s: int, e: int, score: float) -> None:
    """Add a name span in place of the shorter name findings inside it (keeping their score)."""
    names = [f for f in found if f[2] == "NAME"]
    if any(f[0] <= s and e <= f[1] for f in names):
        return
    inside = [f for f in names if s <= f[0] and f[1] <= e]
    found[:] = [f for f in found if f not in inside]
    found.append((s, e, "NAME", max([score] + [f[3] for f in inside])))


def _same_style(a: str, b: str) -> bool:
    return (a.isupper(), a.islower()) == (b.isupper(), b.islower())


def _subject_slot_ok(text: str, parts: list[str], end: int) -> bool:
    if parts[-1].endswith("."):
        return False
    styles = {"caps" if p.isupper() else "lower" if p.islower() else "title" for p in parts}
    if len(styles) != 1 or parts[0].lower() in _PARTICLES:
        return False
    style = styles.pop()
    if style == "caps" and not _CAPS_AGE_AFTER_RE.match(text, end):
        return False  # a heading in capitals before "reports" is rarely a name
    if not all(_slot_word(p, caps=style == "caps") for p in parts):
        return False
    evidence = [_name_evidence(p, unknown_ok=style == "title") for p in parts]
    if style == "lower":
        # "hazel mcquarrie was discharged": every word a name, one in no dictionary
        return min(evidence) >= 0.4 and max(evidence) >= 1.0
    return max(evidence) >= 0.8


def _slot_names(text: str, found: list) -> None:
    # the subject slot of a person's verb: two to four words, each no clinical word
    starts = [m.end() for m in SUBJECT_START_RE.finditer(text)]
    head = _TEXT_START_RE.match(text)
    if head:
        starts.insert(0, head.end())
    for pos in starts:
        toks = []
        while len(toks) < 4:
            t = _SLOT_TOKEN_RE.match(text, pos)
            if not t:
                break
            toks.append((t.start(), t.end(), t.group(0)))
            if t.group(0).endswith(".") or not text.startswith((" ", "\t"), t.end()):
                break
            pos = t.end() + 1
            if pos < len(text) and text[pos] in " \t":
                break
        # "Roommate Keziah Oduya brought her": a role word heads the slot, not the name
        while toks and (
            toks[0][2].rstrip(".").lower() in lx.NAME_CUES
            or toks[0][2].rstrip(".").lower() in lx.TITLES
        ):
            toks.pop(0)
        # "bertie is still throwing up": one lower-case word, a listed name that is no
        # English word, opening a sentence of a typed message before a verb
        if toks and toks[0][2].islower() and not toks[0][2].endswith("."):
            w, end = toks[0][2], toks[0][1]
            ev = _name_evidence(w) if _slot_word(w, caps=False) else 0.0
            if (ev >= 1.0 and _LOWER_SUBJECT_VERB_RE.match(text, end)) or (
                ev >= 0.8 and PERSON_VERB_RE.match(text, end)
            ):
                _replace_names(found, toks[0][0], end, 0.65)
                continue
        # most sentences start with a word no name is ("The", "She", "Patient"): a slot needs
        # two words of one style that may be names before the verb is looked for
        if len(toks) < 2 or not all(
            _same_style(toks[0][2], toks[q][2]) and _slot_word(toks[q][2], caps=True)
            for q in (0, 1)
        ):
            continue
        for k in range(len(toks), 1, -1):
            end = toks[k - 1][1]
            if PERSON_VERB_RE.match(text, end) or _CAPS_AGE_AFTER_RE.match(text, end):
                if _subject_slot_ok(text, [t[2] for t in toks[:k]], end):
                    _replace_names(found, toks[0][0], end, 0.7)
                break
    # "LAST, FIRST" at the head of a line or after a label
    if "," in text:
        # (a line break or a colon leads the pattern; the text's start is tried with a "\n")
        heads = [LAST_FIRST_SLOT_RE.match("\n" + text)]
        heads = [(m.start("n") - 1, m.end("n") - 1, m.group("n")) for m in heads if m] + [
            (m.start("n"), m.end("n"), m.group("n")) for m in LAST_FIRST_SLOT_RE.finditer(text)
        ]
        for ns, ne, name in heads:
            parts = name.replace(",", " ").split()
            styles = {
                "caps" if p.isupper() else "title" if p[:1].isupper() else "lower" for p in parts
            }
            if "lower" in styles or len(styles) != 1:
                continue
            words = [p for p in parts if len(p.rstrip(".")) > 1]
            caps = styles == {"caps"}
            if not all(_slot_word(p, caps=caps) for p in words):
                continue
            evidence = [_name_evidence(p) for p in words]
            english = lx.english_words()
            if max(evidence) < 0.8 or any(
                ev < 0.4 and p.rstrip(".").lower() in english
                for ev, p in zip(evidence, words, strict=True)
            ):
                continue
            _replace_names(found, ns, ne, 0.75)
    # "Kestrel (patient's stepdaughter)"
    if "(" in text:
        for m in RELATION_BRACKET_RE.finditer(text):
            if m.group("rel").lower() not in _KIN_CUES and m.group("rel").lower() not in (
                lx.NAME_CUES
            ):
                continue
            b = _WORDS_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
            if not b:
                continue
            parts = b.group("n").split()
            # the name is the last capitalized words before the bracket
            keep = []
            for p in reversed(parts):
                if not p[:1].isupper() or not _slot_word(p, caps=False) or p.isupper():
                    break
                keep.append(p)
            if not keep:
                continue
            start = b.end("n") - len(" ".join(reversed(keep)))
            if text[start : b.end("n")] != " ".join(reversed(keep)):
                continue
            _replace_names(found, start, b.end("n"), 0.7)
    lowered = text.lower()
    staff = any(k in lowered for k in _STAFF_PLACE_HINTS) or any(
        k in text for k in (" PT", " OT", " IT")
    )
    for m in STAFF_NAME_RE.finditer(text) if staff else ():
        w = m.group("n")
        if w.lower() in lx.census_first_names() and _slot_word(w, caps=False):
            _replace_names(found, m.start("n"), m.end("n"), 0.7)
    if " and " in text:
        for m in WITH_WRITER_RE.finditer(text):
            if m.group("w"):
                b = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
                if not b:
                    continue
                ws, we, w = b.start("n"), b.end("n"), b.group("n")
            elif _WRITER_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
                ws, we, w = m.start("m"), m.end("m"), m.group("m")
            else:
                continue
            if w.isupper() or not _slot_word(w, caps=False) or _name_evidence(w) < 0.4:
                continue
            if w.islower() and _name_evidence(w) < 0.8:
                continue
            _replace_names(found, ws, we, 0.7)
    # "joao's wife", "..., yolanda" at the end of a message: lower-case names
    if text.islower() or text[:1].islower():
        for rx in (LOWER_POSSESSIVE_KIN_RE, LOWER_VOCATIVE_END_RE):
            for m in rx.finditer(text):
                w = m.group("n")
                # a vocative is a first name ("..., yolanda"; never "..., portugal")
                if (
                    _slot_word(w, caps=False)
                    and _name_evidence(w) >= 1.0
                    and (rx is LOWER_POSSESSIVE_KIN_RE or w in lx.first_names())
                ):
                    _replace_names(found, m.start("n"), m.end("n"), 0.65)
    # "its deshawn again", "kayleigh here -"
    low_text = text[:200].lower()
    if "it" in low_text or " here" in low_text:
        for m in SELF_NAMED_RE.finditer(text):
            if m.group("n"):
                if not _SELF_NAMED_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                    continue
                ws, we, w = m.start("n"), m.end("n"), m.group("n")
            else:
                h = _HERE_NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
                if not h:
                    continue
                ws, we, w = h.start("h"), h.end("h"), h.group("h")
            if not _slot_word(w, caps=False) or _name_evidence(w) < 0.8:
                continue
            _replace_names(found, ws, we, 0.7)
