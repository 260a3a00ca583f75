"""Places and other identifiers written the way non-physician staff and letters write them
(issue 7, seventh pass): facility names by their head noun ("Golden Oaks Rehabilitation and
Nursing", "Summit Orthopedics", "Harbor Point Shipyard"), a chain store with its number or its
street ("Walgreens #09122", "the CVS on Fulton St"), form labels ("Employer:", "Pharmacy:"),
the city after a facility ("St. Luke's University Hospital, Bethlehem"), "Fort Lee", "the Pine
Ridge reservation", "Denver PD"; labelled codes with few digits ("transmitter ID 8GM4KX",
"license MD.0049127", "pager 4417", "SSN last four 6620", "tracking 9400 1118 ..."), ISBT 128
blood unit numbers, ages over 89 said as "lived to 102" or "Ruth (97)"; towns from a gazetteer
(GeoNames) after a place word; addresses typed in lower case. The ``drop_*`` functions run on
all findings before they are resolved: they keep the clinical nouns that read like names or
places in these notes ("Hoyer lift", "Morse Fall Scale", "Wound Care Clinic", "from Apria"),
vaccine lot numbers and a state's name alone.

Plain Python, like the engine: ``find(text, add)`` adds ``(start, end, type, score)`` findings.
"""

from __future__ import annotations

import gzip
import re
from functools import cache

from clinical.phi import lexicon as lx


@cache
def gazetteer() -> frozenset[str]:
    """US places of 1,000 people or more and the world's large cities, in lower case
    (GeoNames, CC BY 4.0; written by data/make_places.py)."""
    with gzip.open(lx.DATA / "us_places.txt.gz", "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


# --- facilities by head noun ------------------------------------------------------------
# Heads a facility, a practice, an employer or a school ends with (Title case; the capitals
# form is derived). Longer heads first so that "Family Medicine" wins over "Medicine".
_HEADS = [
    r"Hospitals?(?:\s+(?:&|and)\s+Clinics)?",
    r"Medical\s+(?:Center|Centre|Group|Associates|Foundation|Clinic|Plaza|Pavilion|Partners)",
    r"Health\s*(?:care|Care|System|Services|Partners|Network|Center|Centre|Clinic|Alliance)",
    # "Denver Health", "Sanford Health": only after a city or a word in no dictionary
    r"Health",
    r"Digestive\s+Health|Women's\s+Health|Behavioral\s+Health|Family\s+Health",
    r"Family\s+(?:Medicine|Practice|Care|Clinic|Physicians|Dentistry)",
    r"Internal\s+Medicine|Primary\s+Care|Urgent\s+Care|Immediate\s+Care|Express\s+Care",
    r"Pulmonary\s+Associates|Surgical\s+(?:Associates|Specialists|Center|Hospital)",
    r"Orthopa?edics|Cardiology|Dermatology|Urology|Oncology|Gastroenterology|Neurology|"
    r"Ophthalmology|Pediatrics|Podiatry|Chiropractic|Physical\s+Therapy",
    r"Associates|Partners|Physicians|Specialists|Institute",
    r"Eye\s+(?:Care|Center|Associates|Clinic|Institute)",
    r"Dental(?:\s+(?:Care|Group|Associates|Center|Clinic))?|Dentistry",
    r"Surgery\s+Center|Imaging\s+Center",
    r"Dialysis(?:\s+(?:Center|Unit|Clinic))?|Pharmacy|Pharmacies|Apothecary",
    r"(?:Skilled\s+)?Nursing\s+(?:Home|Center|Facility|(?:and|&)\s+Rehab(?:ilitation)?"
    r"(?:\s+Center)?)",
    r"Rehabilitation\s+(?:(?:and|&)\s+Nursing(?:\s+Center)?|Center|Hospital|Institute)",
    r"Health\s+(?:and|&)\s+Rehab(?:ilitation)?(?:\s+Center)?|Care\s+Center",
    r"Senior\s+(?:Living|Care|Center|Residences?)|Assisted\s+Living|Memory\s+Care",
    r"Retirement\s+(?:Community|Home|Village|Center)|Adult\s+Day\s+(?:Center|Care|Program)",
    r"Home\s+(?:Care|Health(?:\s*[Cc]are)?)|Hospice(?:\s+Care)?|Ambulance(?:\s+Service)?",
    r"Fire\s+Department|Police\s+Department|Sheriff's\s+Office|Infirmary|Station",
]
# employers and schools: in Title case only (in capitals "SULFA DRUGS", "WITHOUT HARDWARE")
_OTHER_HEADS = [
    r"Shipyards?|Mills?|Factory|Plant|Foundry|Warehouse|Fulfillment\s+Center|"
    r"Distribution\s+Center|Paving|Construction|Roofing|Plumbing|Trucking|Logistics|"
    r"Farms?|Dairy|Foods|Bakery|Restaurant|Diner|Motors|Lumber|Hardware|Steel|Manufacturing|"
    r"Industries|Bank|Credit\s+Union|Railroad|Railway|"
    r"Airlines?|Casino|Hotel|Motel|Resort|Depot|Quarry|Landscaping",
    # where people live: "Sunny Acres Mobile Home Park", "Riverside Towers"
    r"Mobile\s+Home\s+(?:Park|Estates|Community)|Trailer\s+(?:Park|Court)|RV\s+Park|Towers|"
    r"Commons|Apartments|Apts\.?|Homes|Housing|Shelter|Mission|Inn|Lodge",
    # schools
    r"Elementary(?:\s+School)?|Middle\s+School|High\s+School|Junior\s+High|Academy|Prep|"
    r"Preparatory(?:\s+School)?|Charter\s+School|Montessori|Preschool|Daycare|"
    r"Child\s*[Cc]are(?:\s+Center)?|Learning\s+Center|Community\s+College|College|University|"
    r"Elem\.",
]
_CARE_HEAD = "|".join(_HEADS)
_OTHER_HEAD_RE = re.compile("(?:" + "|".join(_OTHER_HEADS) + r")(?:\s|$)")
_HEAD = "|".join(_HEADS + _OTHER_HEADS)
_TITLE_WORD = r"(?:[A-Z][\w'\u2019.-]*|St\.|Mt\.)"
FACILITY_RE = re.compile(
    rf"(?<![\w'\u2019.-])(?P<lead>{_TITLE_WORD}(?:[ \t](?:&[ \t]|of[ \t]|the[ \t])?"
    rf"{_TITLE_WORD}){{0,4}}?)[ \t](?P<head>(?:{_HEAD})(?:[ \t](?:{_HEAD}))?)(?![\w'\u2019-])"
)
_CAPS_HEAD = _CARE_HEAD.replace(r"\s+", r"[ \t]+")
FACILITY_CAPS_RE = re.compile(  # the look-behind after the first capital: see CAPWORDS_RE
    r"(?P<lead>[A-Z](?<![\w'\u2019.-][A-Z])[A-Z'\u2019.-]+"
    r"(?:[ \t](?:&[ \t])?[A-Z][A-Z'\u2019.-]+){0,4}?)"
    rf"[ \t](?P<head>(?i:{_CAPS_HEAD})(?:[ \t](?i:{_CAPS_HEAD}))?)(?![\w'\u2019-])"
)
# "University of Iowa Hospitals & Clinics", "University of Utah Health"
UNIVERSITY_OF_RE = re.compile(
    r"\b(?:University|College|Hospital)\s+of\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}"
    r"(?:\s+(?:Hospitals?(?:\s+(?:&|and)\s+Clinics)?|Health(?:\s*[Cc]are)?|Medical\s+Center|"
    r"Medicine))?"
)
# Capitalized words that do not make a facility's name proper: "Physical Therapy", "the Main
# Pharmacy", "Pediatric Cardiology", "Outpatient Dialysis".
_GENERIC = frozenset(
    lx.wordlist(
        """
        main central retail specialty mail order local outpatient inpatient community state
        national general regional memorial university children's women's veterans va family
        internal urgent primary pediatric behavioral mental home public occupational employee
        student adult senior day medical health dental physical speech sports pain sleep wound
        cancer heart vascular spine eye kidney skin infusion surgical surgery care nursing
        skilled assisted living memory rehab rehabilitation hospice the of and our your their
        my his her this that new old pt patient patients hospital clinic center dialysis
        pharmacy school high middle elementary junior college academy institute station fire
        police ambulance nurse nurses nurse's nursing doctor doctors doctor's physician
        physicians private group associates partners south north east west northern southern
        eastern western diabetes diabetic cardiac pulmonary lung breast bone joint foot hand
        womens childrens mens men's transplant trauma burn stroke neuro ortho cardio onc
        outside anesthesia anesthesiology blood food reference crisis tumor board hospitalist
        please call called consult consulted seen see refer referred follow followed contact
        discussed notified transferred transfer discharged discharge admitted admit per
        from to at in with by for on via pending approved denied sent faxed
        """
    )
)
_FUNCTION = frozenset(
    lx.wordlist("a an the and or but of on in at to for from with by as is was are were be")
)


def _lead_ok(lead: str, start: int, text: str, *, caps: bool) -> tuple[int, bool, bool]:
    """Where the facility's name starts, and whether it is proper. The lead words are read
    from the head back to a function word or a title; leading generic words are dropped
    ("Called Summit Orthopedics", "Outpatient Pharmacy"); what is left must hold a proper word:
    one in no dictionary, or (in Title case, away from a sentence start) any capitalized word
    that is not generic or clinical ("Maple Grove Senior Living"). The third value says the
    name is strong: a word in no dictionary, a listed city, or two proper words."""
    words_set = lx.english_words()
    kept: list[str] = []
    for w in reversed(lead.split()):
        low = w.lower().rstrip(".")
        if (low in _FUNCTION and low not in ("of", "&")) or (caps and low in _CAPS_STOPS):
            break
        if low in lx.TITLES or low in lx.MONTHS or low in lx.WEEKDAYS or low in ("pt", "dr"):
            break
        kept.append(w)
    kept.reverse()

    def generic(w: str) -> bool:
        low = w.lower().rstrip(".")
        core = low.removesuffix("'s").removesuffix("\u2019s")
        return (
            low in _GENERIC
            or low in lx.CLINICAL_STOP
            or core in lx.DRUG_NAMES
            or lx.medical_word(core)
            or low in ("of", "&", "the")
        )

    while kept and generic(kept[0]):
        kept.pop(0)
    if not kept:
        return start, False, False
    offset = lead.rfind(" ".join(kept))
    s = start + offset if offset >= 0 else text.find(kept[0], start)
    at_start = _sentence_start(text, s)
    # "Attends Queens Adult Day Center": a dictionary word opening a sentence is not the name
    if at_start and len(kept) > 1 and kept[0].lower() in words_set and not caps:
        s = text.find(kept[1], s + len(kept[0]))
        kept.pop(0)
        at_start = False
    proper = strong = False
    count = 0
    for w in kept:
        if generic(w):
            continue
        core = w.lower().rstrip(".").removesuffix("'s").removesuffix("\u2019s")
        if core not in words_set or core in lx.US_CITIES or (not caps and not at_start):
            proper = True
            count += 1
            strong = strong or core not in words_set or core in lx.US_CITIES
    return s, proper, strong or count >= 2


_CAPS_STOPS = frozenset(
    lx.wordlist(
        """
        without with include includes including no not from into per via status post pt
        history hx diagnosis impression plan right left bilateral s/p
        """
    )
)


# (after a label's colon the value starts: "To: Summit Orthopedics" is not a sentence start)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?;>\n]\s*)$")


def _sentence_start(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START_RE.search(text, max(0, pos - 3), pos))


def _facilities(text: str, add) -> list[tuple[int, int]]:
    spans = []
    for rx, caps in ((FACILITY_RE, False), (FACILITY_CAPS_RE, True)):
        if caps and not re.search(r"[A-Z]{4}", text):
            continue
        for m in rx.finditer(text):
            head = m.group("head")
            if caps and (not head.isupper() or not m.group("lead").isupper()):
                continue
            s, ok, strong = _lead_ok(m.group("lead"), m.start("lead"), text, caps=caps)
            # "Chicken Plant", "Food Bank": one dictionary word before an employer's or a
            # home's head is a kind, not a name
            if not ok or (not strong and (_OTHER_HEAD_RE.match(head) or head == "Health")):
                continue
            after = text[m.end() : m.end() + 24].lower()
            if re.match(r"[ \t]+(?:scale|score|criteria|syndrome|disease|classification)\b", after):
                continue
            end = m.end() - head.endswith(".")
            add((s, end, "LOCATION", 0.7))
            spans.append((s, end))
    for m in UNIVERSITY_OF_RE.finditer(text) if "of " in text else ():
        add((m.start(), m.end(), "LOCATION", 0.7))
        spans.append((m.start(), m.end()))
    return spans


# --- chain stores, labels ---------------------------------------------------------------
_CHAINS = (
    r"Walgreens|CVS(?:\s+Pharmacy)?|Rite\s+Aid|Walmart(?:\s+Pharmacy)?|Wal-Mart|Target|Costco|"
    r"Kroger|Safeway|Publix|H-E-B|HEB|Meijer|Albertsons|Giant\s+Eagle|Hy-Vee|Wegmans|"
    r"Sam's\s+Club|Duane\s+Reade|Amazon|Home\s+Depot|Lowe's|McDonald's|Starbucks|UPS|FedEx|"
    r"Tyson|Dollar\s+General|Family\s+Dollar|Menards|Tractor\s+Supply|Whole\s+Foods|Aldi"
)
_CHAIN_NAME_RE = re.compile(_CHAINS)
CHAIN_RE = re.compile(
    rf"\b(?P<c>{_CHAINS})(?:(?P<num>(?:[ \t]+Pharmacy)?[ \t]*(?:#|No\.?|store)[ \t]*\d{{2,6}})"
    r"|(?P<site>[ \t]+(?:store|pharmacy|warehouse|fulfillment\s+center|distribution\s+center|"
    r"plant|location|branch|DC)\b)|(?=[ \t]+(?:on|at|in|off|near|by)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z0-9])))"
)
# "Employer: Tri-County Paving", "works as a welder at Harbor Point Shipyard", "Pharmacy: ..."
LABEL_RE = re.compile(
    r"(?i:\b(?:employer|employed\s+(?:at|by)|place\s+of\s+employment|"
    r"(?:preferred\s+)?pharmacy|school|facility|agency|hometown|birthplace|place\s+of\s+birth|"
    r"city|town|county|neighbou?rhood)\b)[ \t]*[:=-]?[ \t]*(?:the[ \t]+)?"
    r"(?P<v>[A-Z][\w'\u2019&.-]*(?:[ \t](?:&[ \t]|of[ \t]|and[ \t])?[A-Z][\w'\u2019&.-]*){0,4})"
)


# "Pt works at Boeing", "her husband works as a welder at Kiewit": where a third person works
# (the organisation a person works for stays, as the sixth pass decided: "works for Oyakama
# Group")
WORKS_AT_RE = re.compile(
    r"(?i:\b(?:pt|patient|he|she|husband|wife|son|daughter|mother|father|mom|dad|partner|"
    r"spouse|boyfriend|girlfriend)[ \t]+(?:works|worked|is[ \t]+employed|was[ \t]+employed|"
    r"is[ \t]+working|has[ \t]+worked)(?:[ \t]+(?:full|part)[ \t-]time)?"
    r"(?:[ \t]+as[ \t]+an?[ \t]+[a-z]+(?:[ \t][a-z]+)?)?[ \t]+at[ \t]+(?:the[ \t]+)?)"
    r"(?P<v>[A-Z][\w'\u2019&.-]*(?:[ \t](?:&[ \t]|of[ \t])?[A-Z][\w'\u2019&.-]*){0,3})"
)
_LABEL_HINTS = (
    "employ", "pharmacy", "school", "facility", "agency", "hometown", "birth", "city", "town",
    "county", "neighbo",
)  # fmt: skip


def _labels(text: str, add) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    if not any(k in lowered for k in _LABEL_HINTS) and "work" not in lowered:
        return spans
    words = lx.english_words()
    for m in WORKS_AT_RE.finditer(text) if "work" in lowered else ():
        value = m.group("v").rstrip(".,")
        chain = _CHAIN_NAME_RE.match(value)
        if chain:  # "works at Home Depot part time"
            value = chain.group(0)
        else:
            parts = value.split()
            while parts and parts[-1].lower() in lx.CLINICAL_STOP:
                parts.pop()  # "works at Mercy Hospital" is found by its head
            low0 = parts[0].lower() if parts else ""
            if (
                not parts
                or low0 in _GENERIC
                or low0 in lx.CLINICAL_STOP
                or low0 in lx.MONTHS
                or low0 in lx.WEEKDAYS
                or low0 in _FUNCTION
            ):
                continue
            value = " ".join(parts)
        add((m.start("v"), m.start("v") + len(value), "LOCATION", 0.6))
        spans.append((m.start("v"), m.start("v") + len(value)))
    for m in LABEL_RE.finditer(text):
        value = m.group("v").rstrip(".")
        parts = value.split()
        low0 = parts[0].lower().rstrip(".,")
        if (
            low0 in _GENERIC
            or low0 in lx.CLINICAL_STOP
            or low0 in lx.TITLES
            or low0 in lx.MONTHS
            or low0 in lx.WEEKDAYS
            or low0 in lx.US_STATES
            or low0 in _FUNCTION
            or (lx.medical_word(low0) and low0 in words)
        ):
            continue
        while len(parts) > 1 and parts[-1].lower().rstrip(".,") in lx.CLINICAL_STOP:
            parts.pop()  # "City: Lawrenceville State: GA"
        value = " ".join(parts)
        label = m.group(0)[: m.start("v") - m.start()].lower()
        if label.strip(" :=-\t").endswith(("city", "town", "county")) and ":" not in label:
            continue  # "city hospital", "county jail" : only the form label
        if label.lstrip().startswith("school") and ":" not in label:
            continue
        add((m.start("v"), m.start("v") + len(value), "LOCATION", 0.65))
        spans.append((m.start("v"), m.start("v") + len(value)))
    return spans


# --- cities and other places by context ---------------------------------------------------
# "Fort Lee", "Ft. Bragg", "Camp Lejeune", "Port Huron"
FORT_RE = re.compile(r"\b(?:Fort|Ft\.|Camp|Port)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?\b")
# "the Pine Ridge reservation", "Navajo Nation", "Laguna Pueblo"
RESERVATION_RE = re.compile(
    r"\b(?P<p>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]+(?:Indian[ \t]+)?"
    r"(?:[Rr]eservation|Rez|Pueblo|Rancheria|Nation)\b"
)
# "Denver PD", "Westbury County EMS", "Tulsa Police"
AGENCY_RE = re.compile(
    r"\b(?P<p>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]+(?:PD|P\.D\.|Police|Sheriff|FD|"
    r"Fire(?:[ \t]+(?:Department|Dept\.?|Rescue))?|EMS)\b"
)
# "(Salt Lake City office)", "Chinatown clinic", "the Oak Park office"
SITE_AFTER_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<p>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})[ \t]+"
    r"(?:office|clinic|campus|location|branch|site)\b"
)
# "India (Chennai)", "Mexico (Oaxaca)": a city in brackets after a country
COUNTRY_CITY_RE = re.compile(
    r"\b[A-Z][a-z]+[ \t]*\((?P<p>[A-Z][a-z]+(?:[ \t-](?:[a-z]{2,3}-)?[A-Z][a-z]+)?)\)"
)
# "HARLINGEN TX", "Ames IA": a listed city right before a state abbreviation
_STATE_ABBR = "|".join(sorted(lx.STATE_ABBRS))
CITY_ABBR_RE = re.compile(
    rf"(?<![\w'\u2019.-])(?P<p>[A-Z][A-Za-z'.-]+(?:[ \t][A-Z][A-Za-z'.-]+){{0,2}})[ \t]+"
    rf"(?:{_STATE_ABBR})\b(?![\w'-])"
)
# "Tuba City", "Palm Springs", "Jackson Heights": a word (even a clinical one) before a place
# head that names a town; "Pier 39"
TOWN_HEAD_RE = re.compile(
    r"(?<![\w'\u2019.-])(?P<p>(?:[A-Z][a-z]+[ \t]){1,2}(?:City|Springs|Falls|Heights|Beach)"
    r"|(?:[A-Z]+[ \t]){1,2}(?:CITY|SPRINGS|FALLS|HEIGHTS|BEACH)|Pier[ \t]\d{1,3})\b"
)
# "knox county", "PS 321": a county typed in lower case, a numbered public school
LOWER_COUNTY_RE = re.compile(r"\b(?P<p>[a-z][a-z'-]{2,})[ \t]+(?:county|parish)\b")
PUBLIC_SCHOOL_RE = re.compile(
    r"\b(?:PS|P\.S\.|IS|I\.S\.|MS|JHS)[ \t]\d{1,3}\b(?![ \t]*(?:mg|%|mm))"
)
_STATE_ABBR_HINT_RE = re.compile(rf"\b(?:{_STATE_ABBR})\b")
# "saint joe's", "st. luke's" in lower case (speech recognition, typing)
LOWER_SAINT_RE = re.compile(r"\b(?:saint|st\.?)[ \t]+[a-z]+'s\b(?![ \t]+wort)")
_CITY_AFTER_FACILITY_RE = re.compile(
    r",[ \t]*(?P<p>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?=[ \t]*(?:[.;)]|,[ \t]*[A-Z]{2}\b|$))"
)
_PLACE_HEAD_WORDS = frozenset(
    lx.wordlist(
        """
        falls springs village city town heights beach valley hills hill lake lakes mount
        port fort harbor harbour creek bay grove junction landing island park ridge rapids
        bluffs crossing mills point shores woods
        """
    )
)


def _place_ok(value: str, *, need_city: bool = False) -> bool:
    words = lx.english_words()
    parts = value.split()
    lows = [p.lower() for p in parts]
    if " ".join(lows) in lx.US_CITIES:
        return True
    if need_city:
        return False
    if any(
        lo in _GENERIC
        or lo in lx.CLINICAL_STOP
        or lo in lx.TITLES
        or lo in lx.MONTHS
        or lo in lx.WEEKDAYS
        or lo in lx.DRUG_NAMES
        or lo in lx.EPONYM_NOUNS
        or (lx.medical_word(lo) and lo in words)
        for lo in lows
    ):
        return False
    if any(lo not in words for lo in lows):
        return True
    return len(parts) >= 2 and (lows[-1] in _PLACE_HEAD_WORDS or lows[0] in _PLACE_HEAD_WORDS)


def _context_places(text: str, add, facilities: list[tuple[int, int]]) -> None:
    forts = any(k in text for k in ("Fort", "Ft.", "Camp", "Port"))
    for m in FORT_RE.finditer(text) if forts else ():
        tail = m.group(0).split()[1].lower()
        if tail in lx.CLINICAL_STOP or tail in lx.MONTHS or lx.medical_word(tail):
            continue
        add((m.start(), m.end(), "LOCATION", 0.65))
    if "eservation" in text or "Rez" in text or "Pueblo" in text or "Nation" in text:
        for m in RESERVATION_RE.finditer(text):
            named = _place_ok(m.group("p")) or m.group(0).split()[-1].lower() in (
                "reservation",
                "rez",
            )
            if named and m.group("p").split()[0].lower() not in _FUNCTION:
                add((m.start("p"), m.end("p"), "LOCATION", 0.65))
    if any(k in text for k in ("PD", "P.D.", "Police", "Sheriff", "FD", "Fire", "EMS")):
        for m in AGENCY_RE.finditer(text):
            if _place_ok(m.group("p")):
                add((m.start("p"), m.end("p"), "LOCATION", 0.65))
                facilities.append((m.start("p"), m.end("p")))  # "by Tacoma PD"
    sites = any(k in text for k in ("office", "clinic", "campus", "location", "branch", "site"))
    for m in SITE_AFTER_RE.finditer(text) if sites else ():
        p = m.group("p")
        if _place_ok(p):
            add((m.start("p"), m.end("p"), "LOCATION", 0.6))
    for m in COUNTRY_CITY_RE.finditer(text) if "(" in text else ():
        country = text[m.start() : text.index("(", m.start())].strip().lower()
        if country in _COUNTRIES and _place_ok(m.group("p")):
            add((m.start("p"), m.end("p"), "LOCATION", 0.65))
    for m in CITY_ABBR_RE.finditer(text) if _STATE_ABBR_HINT_RE.search(text) else ():
        p = m.group("p")
        words = p.split()
        for k in range(len(words)):  # the longest listed tail: "PH 956 HARLINGEN TX"
            tail = " ".join(words[k:])
            if tail.lower() in lx.US_CITIES:
                add((m.end("p") - len(tail), m.end("p"), "LOCATION", 0.7))
                break
    towns = any(k in text for k in ("City", "Spring", "Falls", "Heights", "Beach", "Pier", "CITY"))
    for m in TOWN_HEAD_RE.finditer(text) if towns or "SPRINGS" in text or "FALLS" in text else ():
        first = m.group("p").split()[0].lower()
        if first in _FUNCTION or first in lx.CLINICAL_STOP or first in _CAPS_STOPS:
            continue
        add((m.start("p"), m.end("p"), "LOCATION", 0.65))
    for m in LOWER_COUNTY_RE.finditer(text) if ("county" in text or "parish" in text) else ():
        low = m.group("p")
        if low not in lx.english_words() and low not in _NOT_STREET_WORDS:
            add((m.start("p"), m.end("p"), "LOCATION", 0.6))
    schools = any(k in text for k in ("PS ", "P.S.", "IS ", "I.S.", "MS ", "JHS "))
    for m in PUBLIC_SCHOOL_RE.finditer(text) if schools else ():
        before = text[max(0, m.start() - 30) : m.start()].lower()
        if any(k in before for k in ("school", "attends", "grade", "student", "at ", "class")):
            add((m.start(), m.end(), "LOCATION", 0.6))
    for m in LOWER_SAINT_RE.finditer(text) if "'s" in text else ():
        add((m.start(), m.end(), "LOCATION", 0.6))
    for _, e in facilities:
        m = _CITY_AFTER_FACILITY_RE.match(text, e)
        if m and _place_ok(m.group("p")):
            add((m.start("p"), m.end("p"), "LOCATION", 0.65))


_COUNTRIES = frozenset(
    lx.wordlist(
        """
        india mexico china philippines vietnam nigeria ghana kenya ethiopia somalia haiti
        guatemala honduras salvador colombia venezuela peru brazil ecuador cuba jamaica
        pakistan bangladesh nepal iran iraq syria afghanistan egypt morocco italy germany
        france spain poland ukraine russia japan korea thailand cambodia laos burma myanmar
        canada ireland england scotland greece turkey israel lebanon jordan yemen sudan
        norway sweden denmark finland iceland belgium netherlands holland switzerland austria
        portugal hungary romania bulgaria serbia croatia slovenia slovakia czechia estonia
        latvia lithuania belarus moldova albania cyprus malta luxembourg georgia armenia
        azerbaijan kazakhstan uzbekistan mongolia taiwan indonesia malaysia singapore
        australia zealand chile argentina bolivia paraguay uruguay panama nicaragua
        dominica trinidad tunisia algeria libya senegal cameroon uganda tanzania rwanda
        zambia zimbabwe angola mozambique congo eritrea liberia guinea greenland
        greek roman latin dutch swiss irish welsh scottish british french german polish
        russian english spanish italian african american indian asian arab
        """
    )
)


# Capitalized words in a row (a place's name may hold "de", "of", "on" and a hyphen). The
# look-behind follows the first capital ("[A-Z](?<![...][A-Z])" is "(?<![...])[A-Z]"): a pattern
# that starts with a character class lets `re` skip quickly to the places it can match.
CAPWORDS_RE = re.compile(
    r"[A-Z](?<![\w'\u2019.-][A-Z])[\w'\u2019.-]*(?:[ \t](?:(?:de|del|la|of|on|upon)[ \t])?"
    r"[A-Z][\w'\u2019.-]*){0,3}"
)
_GAZ_CUE_RE = re.compile(
    r"(?i:\b(?:in|from|to|near|outside(?:[ \t]+of)?|out[ \t]+of|at|of|around|visiting|"
    r"moved|lives|living|born|raised)[ \t]+(?:the[ \t]+)?)$|,[ \t]*$|\([ \t]*$"
)
# a single word needs a place word right before it ("in Dubuque", "moved to Ypsilanti")
_GAZ_STRONG_CUE_RE = re.compile(
    r"(?i:\b(?:in|from|near|outside(?:[ \t]+of)?|out[ \t]+of|around|visiting|"
    r"(?:moved|relocated|drove|flew)[ \t]+(?:here[ \t]+)?(?:to|from))[ \t]+)$"
)
# a listed town that is also a word needs a residence word before it ("lives in Mystic")
_GAZ_HOME_CUE_RE = re.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|grew[ \t]+up|raised|born|moved|relocated|"
    r"(?:is|are|was|comes?|came)[ \t]+(?:originally[ \t]+)?from|hometown(?:[ \t]+(?:is|of))?|"
    r"(?:based[ \t]+)?out[ \t]+of)"
    r"(?:[ \t]+(?:in|to|near|from|outside(?:[ \t]+of)?))?[ \t]+)$"
)
_DOSE_AFTER_RE = re.compile(r"[ \t]*(?:\d|#\d|\(|tabs?\b|mg\b)", re.IGNORECASE)
_TOWN_HEADS = frozenset(
    lx.wordlist("city falls springs heights beach park ridge hills valley grove harbor creek")
)


@cache
def _gazetteer_first_words() -> frozenset[str]:
    return frozenset(name.split()[0].rstrip(".,") for name in gazetteer())


def _gaz_word_ok(word: str, words) -> bool:
    low = word.lower().rstrip(".")
    core = low.removesuffix("'s").removesuffix("\u2019s")
    return not (
        core != low
        or low in lx.CLINICAL_STOP
        or low in lx.EPONYM_NOUNS
        or low in lx.DRUG_NAMES
        or low in lx.TITLES
        or low in lx.MONTHS
        or low in lx.WEEKDAYS
        or low in lx.US_STATES
        or low in _GENERIC
        or low in _FUNCTION
        or low in _COUNTRIES
        or low in _PRODUCT_WORDS
        or lx.medical_word(low)
    )


def _person_word(word: str) -> bool:
    low = word.lower().rstrip(".,")
    return low in lx.first_names() or low in lx.surnames()


def _gazetteer_places(text: str, add) -> None:
    """Capitalized words that name a listed town or city: one word in no dictionary
    ("Chennai", "Dubuque", "HARLINGEN"), or several words ("Tuba City", "Fort Lee") that are not
    all dictionary words unless a place word comes before or a town word ends them."""
    gaz = gazetteer()
    firsts = _gazetteer_first_words()
    words = lx.english_words()
    for m in CAPWORDS_RE.finditer(text):
        parts = m.group(0).split()
        if not any(p.lower().rstrip(".,") in firsts for p in parts):
            continue
        n = len(parts)
        done = False
        for k in range(n, 0, -1):  # longest first, from the left
            for i in range(0, n - k + 1):
                sub = parts[i : i + k]
                name = " ".join(sub).rstrip(".,").lower()
                if name not in gaz:
                    continue
                if not all(_gaz_word_ok(w, words) for w in sub if w not in ("de", "of", "on")):
                    continue
                start = m.start() + len(" ".join(parts[:i])) + (1 if i else 0)
                start = text.index(sub[0], start)
                end = start + len(" ".join(sub).rstrip(".,"))
                after = re.match(r"[ \t]+([A-Za-z]+)", text[end : end + 24])
                if after and after.group(1).lower() in lx.EPONYM_HEADS:
                    continue  # "Murphy sign"
                upper = name.upper() == " ".join(sub).rstrip(".,")
                unlisted = [w.lower().rstrip(".,") not in words for w in sub]
                cue = bool(_GAZ_CUE_RE.search(text, max(0, start - 24), start))
                if (k == 1 and _person_word(sub[0])) or (
                    k > 1
                    and sub[0].lower() in lx.first_names()
                    and sub[-1].lower().rstrip(".,") in lx.surnames()
                ):
                    continue  # "Hughes", "Anna", "Victor Hugo": a person's name
                if k == 1 and not unlisted[0] and not upper and len(name) >= 4:
                    home = _GAZ_HOME_CUE_RE.search(text, max(0, start - 30), start)
                    if home and not _DOSE_AFTER_RE.match(text, end):
                        add((start, end, "LOCATION", 0.55))
                        break
                if k == 1:
                    ok = unlisted[0] and len(name) >= (5 if upper else 4)
                    # a hand-listed city after any place word ("east side of Detroit")
                    cue_re = _GAZ_CUE_RE if name in lx.US_CITIES else _GAZ_STRONG_CUE_RE
                    ok = ok and bool(cue_re.search(text, max(0, start - 24), start))
                    ok = ok and not _DOSE_AFTER_RE.match(text, end)  # "from Norco 5/325"
                else:
                    ok = any(unlisted) and (cue or name.split()[-1] in _TOWN_HEADS)
                if ok:
                    add((start, end, "LOCATION", 0.6))
                    done = True
                    break
            if done:
                break


# --- addresses typed in lower case ------------------------------------------------------
_LOWER_SUFFIX = (
    r"(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|ct|court|way|pl|place|"
    r"ter|terrace|cir|circle|hwy|highway|pkwy|parkway|trl|trail)"
)
# "19 dove st", "55 harbor view dr, unit 12", "901 e 5th st apt 3"
LOWER_STREET_RE = re.compile(
    r"(?<![\w/.-])\d{1,6}[ \t]+(?:[nsew]\.?[ \t]+)?(?P<w>(?:[a-z0-9][a-z0-9'-]*[ \t]+){1,3})"
    rf"{_LOWER_SUFFIX}\b\.?"
    r"(?:,?[ \t]*(?:apt|unit|suite|ste|#)\.?[ \t]*#?[ \t]*[a-z0-9-]+)?"
)
_NOT_STREET_WORDS = frozenset(
    lx.wordlist(
        """
        a an the and or of on in at to for from with by as per ago is was are were be
        weeks week days day months month years year hours hour times time tabs tab mg mcg
        ml units puffs doses pills minutes mins hrs yrs wks mos his her their my your our pt
        patient seen see saw call called f/u follow up return back
        """
    )
)
_LOWER_STATES = "|".join(sorted(a.lower() for a in lx.STATE_ABBRS))
# "albany ny 12210", "portsmouth, nh 03801": a city, a state and a ZIP code in lower case
LOWER_CITY_ZIP_RE = re.compile(
    r"(?<![\w'-])(?P<city>[a-z][a-z'.-]+(?:[ \t][a-z][a-z'.-]+){0,2}),?[ \t]+"
    rf"(?P<st>{_LOWER_STATES})[ \t]+(?P<zip>\d{{5}}(?:-\d{{4}})?)\b"
)
# state abbreviations that are words: after a comma only ("I now live in 94472")
_WORD_STATES = frozenset(lx.wordlist("in or me hi ok oh de la ma al pa co id mo md ga wa"))


_DIGIT_RE = re.compile(r"\d")
_FIVE_DIGITS_RE = re.compile(r"(?<!\d)\d{5}(?!\d)")


# "at mercy hospital", "went to st joes er": a facility typed in lower case after a place word
LOWER_FACILITY_RE = re.compile(
    r"\b(?:at|to|from|in|into)[ \t]+(?:the[ \t]+)?"
    r"(?P<p>(?P<saint>(?:st\.?|saint)[ \t]+(?P<s>[a-z]+)'?s\b)"
    r"|(?P<lead>[a-z][a-z'-]+(?:[ \t][a-z][a-z'-]+)?)[ \t]+(?:hospital|medical[ \t]+center|clinic|"
    r"nursing[ \t]+home|rehab|urgent[ \t]+care|senior[ \t]+living|assisted[ \t]+living|"
    r"elementary|high[ \t]+school|middle[ \t]+school|pharmacy)\b)"
)


_LOWER_FACILITY_HINTS = (
    "hospital", "medical center", "clinic", "nursing home", "rehab", "urgent care", "living",
    "elementary", "school", "pharmacy", "st ", "st. ", "saint ",
)  # fmt: skip


_LOWER_NOT_NAMES = frozenset(
    lx.wordlist(
        """
        previous prior other same last first second third next new nearest closest nearby
        receiving sending referring current another this that each any different original
        old big small little psych psychiatric teaching walk-in free school
        """
    )
)


def _lower_facilities(text: str, add) -> None:
    words = lx.english_words()
    for m in LOWER_FACILITY_RE.finditer(text):
        if m.group("saint"):
            # "st joes", "st marys"; not "st johns" (wort), a saint whose name is a word
            if m.group("s") in words and m.group("s") not in ("joe", "luke"):
                continue
        elif any(
            w in _GENERIC
            or w in lx.CLINICAL_STOP
            or w in _FUNCTION
            or w in _NOT_STREET_WORDS
            or w in _LOWER_NOT_NAMES
            or lx.medical_word(w)
            for w in m.group("lead").split()
        ):
            continue
        add((m.start("p"), m.end("p"), "LOCATION", 0.6))


def _lower_addresses(text: str, add) -> None:
    for m in LOWER_STREET_RE.finditer(text):
        words = m.group("w").split()
        if any(w in _NOT_STREET_WORDS for w in words):
            continue
        if m.group(0).rstrip(".").endswith(" dr") and not re.match(
            r"\.?[ \t]*(?:[,;]|$|\n|(?:apt|unit|#))", text[m.end() :]
        ):
            continue  # "2 weeks with dr smith"
        add((m.start(), m.end(), "LOCATION", 0.7))
    for m in LOWER_CITY_ZIP_RE.finditer(text) if _FIVE_DIGITS_RE.search(text) else ():
        if m.group("st") in _WORD_STATES and "," not in text[m.end("city") : m.start("st")]:
            continue
        words = m.group("city").split()
        while words and (words[0] in _FUNCTION or words[0] in _NOT_STREET_WORDS):
            words.pop(0)
        if words:
            add((m.end("city") - len(" ".join(words)), m.end("city"), "LOCATION", 0.7))
        add((m.start("zip"), m.end("zip"), "LOCATION", 0.8))


# --- identifiers with few digits, ages ------------------------------------------------------
_CODE = r"(?=[A-Z0-9.-]*\d)(?=[A-Z0-9.-]*[A-Z])[A-Z0-9][A-Z0-9.-]{3,}[A-Z0-9]"
LABELLED_CODE_RE = re.compile(
    r"(?i:\b(?P<kind>(?:transmitter|sensor|receiver|pump|serial|implant)"
    r"(?:[ \t]+(?:id|#|no\.?|sn))?|lic(?:ense|\.)?(?:[ \t]+(?:number|no\.?|#))?|key|alias|"
    r"confirmation(?:[ \t]+(?:code|number|#))?"
    r"|ticket(?:[ \t]+(?:number|no\.?))?|username|user[ \t]+name|login))"
    rf"[ \t]*[:#]?[ \t]*(?P<v>(?-i:{_CODE}))(?![\w-])"
)
TRACKING_RE = re.compile(
    r"(?i:\btracking(?:[ \t]+(?:number|no\.?|#))?)[ \t]*[:#]?[ \t]*"
    r"(?P<v>\d{2,6}(?:[ \t]\d{2,6}){2,7}|[A-Z0-9]{10,34})\b"
)
PAGER_RE = re.compile(
    r"(?i:\b(?:pager|pgr|beeper|paged?(?:[ \t]+(?:at|to))?))[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t]*"
    r"(?P<v>\d(?:-?\d){3,6})\b(?![ \t]*(?:mg|mcg|ml|units?|times|x)\b)"
)
# "412 5550199", "(412)5550199", "412/555-0199": an area code and a number written together
PHONE_MORE_RE = re.compile(
    r"(?<![\w/.+-])(?:\(\d{3}\)[ \t]?|\d{3}[ \t])\d{7}(?![\w/-]|\.\d)"
    r"|(?<![\w/.+-])\d{3}/\d{3}-\d{4}(?![\w/-]|\.\d)"
)
SSN_LAST4_RE = re.compile(
    r"(?i:\b(?:ssn|social[ \t]+security(?:[ \t]+(?:number|no\.?|#))?|ss#)[^.\n\d]{0,20}?"
    r"(?:last[ \t]+(?:four|4)(?:[ \t]+digits)?|ending(?:[ \t]+in)?|ends[ \t]+in)"
    r"|(?:last[ \t]+(?:four|4)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?:ssn|social(?:[ \t]+security)?)))"
    r"[ \t]*(?:is|:|#|=)?[ \t]*(?P<v>\d{4})\b"
)
# "Order # 99812", "Auth # 77123A", "Enc #: 44812": a record's label, a number sign, a code
HASH_LABEL_RE = re.compile(
    r"(?i:\b(?:order|auth(?:orization)?|pa|enc|encounter|referral|req(?:uisition)?|job|doc|"
    r"dictation|incident|report|ticket|case|ref(?:erence)?|confirmation|receipt|appeal|"
    r"intake|episode|admission|adm|har|csn|fin|prescription|rx|script|voucher|transaction)"
    r"[ \t]*(?:#|no\.|num(?:ber)?\b)[ \t]*:?[ \t]*)"
    r"(?P<v>(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])\b"
)
# ISBT 128 donation identification number: "W0425 26 118273 K"
ISBT_RE = re.compile(r"\b[A-Z]\d{4}[ \t]?\d{2}[ \t]?\d{6}(?:[ \t]?[A-Z0-9])?\b")
ALIAS_RE = re.compile(r"(?i:\balias)[ \t]*:?[ \t]*(?P<v>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b")
AGE_LIVED_RE = re.compile(
    r"(?i:\b(?:lived|lives|living)[ \t]+(?:to|until)(?:[ \t]+(?:be|age))?|"
    r"(?:died|passed(?:[ \t]+away)?|deceased)[ \t]+at(?:[ \t]+(?:age|the[ \t]+age[ \t]+of))?)"
    r"[ \t]+(?P<n>\d{2,3})\b(?![.,]\d|[ \t]*(?:%|mg|kg|lbs?|percent|degrees|days?|weeks?|months?))"
)
# "Ruth (97) lives with her son", "Ms. Carter, 96, lives alone": an age in brackets or
# between commas right after a capitalized word
AGE_BRACKET_RE = re.compile(
    r"\b(?:[A-Z][a-z]+|wife|husband|mother|mom|father|dad|sister|brother|aunt|uncle|"
    r"grandmother|grandfather|spouse|partner)(?:[ \t]*\((?P<n>\d{2,3})\)(?=[ \t]*(?:[a-z,;]|$))"
    r"|,[ \t](?P<m>\d{2,3}),[ \t]+(?=[a-z]))"
)


_CODE_HINTS = (
    "transmitter", "sensor", "receiver", "pump", "serial", "implant", "lic", "key", "alias",
    "confirmation", "ticket", "user", "login",
)  # fmt: skip


# "93F with CHF", "in her late 90s", "her 95th birthday": more ways to say an age over 89
AGE_MORE_RE = re.compile(
    r"(?<![\w.,/-])(?P<a>9\d|1[01]\d)[MF](?![\w°])"
    r"|(?i:\bin[ \t]+(?:his|her|their)[ \t]+)(?P<b>(?i:(?:early|mid|late)[ \t-]*)?(?:90s|100s|"
    r"nineties))\b"
    r"|\b(?P<c>(?:9\d|1[01]\d)(?:st|nd|rd|th))[ \t]+birthday\b"
)
# an age over 89 in digits or words: the cheap first look for the age patterns
_AGE_HINT_RE = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)|[Nn]inet")
_TEMP_BEFORE_RE = re.compile(r"(?i:\b(?:t|temp|temperature|tmax|°))[ \t:]*$")


def _identifiers(text: str, add) -> list[tuple[int, int]]:
    """Add the codes above; return the spans of the long ones (a phone number or an ID found
    inside a tracking or blood unit number is part of it)."""
    long_codes: list[tuple[int, int]] = []
    aged = _AGE_HINT_RE.search(text) is not None
    for m in AGE_MORE_RE.finditer(text) if aged else ():
        g = "a" if m.group("a") else "b" if m.group("b") else "c"
        if g == "a" and _TEMP_BEFORE_RE.search(text, max(0, m.start() - 14), m.start()):
            continue
        add((m.start(g), m.end(g), "AGE", 0.75))
    if _DIGIT_RE.search(text) is None:
        return long_codes
    lowered = text.lower()
    coded = any(k in lowered for k in _CODE_HINTS)
    for m in LABELLED_CODE_RE.finditer(text) if coded else ():
        v = m.group("v").rstrip(".")
        kind = m.group("kind").lower()
        digits = sum(c.isdigit() for c in v)
        if digits < 1 or len(v) < 5:
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", v):
            continue
        if kind.startswith(("transmitter", "sensor", "receiver", "pump", "serial", "implant")):
            t = "DEVICE"
        elif kind.startswith("lic"):
            t = "LICENSE"
        else:
            t = "ID"
        add((m.start("v"), m.start("v") + len(v), t, 0.8))
    hashed = "#" in text or "no." in lowered or "num" in lowered
    for m in HASH_LABEL_RE.finditer(text) if hashed else ():
        add((m.start("v"), m.end("v"), "ID", 0.75))
    for m in TRACKING_RE.finditer(text) if "racking" in text else ():
        add((m.start("v"), m.end("v"), "ID", 0.8))
        long_codes.append((m.start("v"), m.end("v")))
    for m in (
        PAGER_RE.finditer(text)
        if ("pag" in lowered or "pgr" in lowered or "beep" in lowered)
        else ()
    ):
        add((m.start("v"), m.end("v"), "PHONE", 0.8))
    for m in PHONE_MORE_RE.finditer(text):
        add((m.start(), m.end(), "PHONE", 0.75))
    for m in SSN_LAST4_RE.finditer(text) if ("ss" in lowered or "social" in lowered) else ():
        add((m.start("v"), m.end("v"), "SSN", 0.8))
    for m in ISBT_RE.finditer(text):
        add((m.start(), m.end(), "ID", 0.8))
        long_codes.append((m.start(), m.end()))
    for m in ALIAS_RE.finditer(text) if "lias" in text else ():
        add((m.start("v"), m.end("v"), "ID", 0.8))
    for rx in (AGE_LIVED_RE, AGE_BRACKET_RE) if aged else ():
        for m in rx.finditer(text):
            g = "n" if m.group("n") else "m"
            if 90 <= int(m.group(g)) < 130:
                add((m.start(g), m.end(g), "AGE", 0.8))
    return long_codes


# --- the entry point ---------------------------------------------------------------------------
def find(text: str, add) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Add the places and identifiers above; return the spans of the facilities (a name inside
    one is part of the facility's name: "Henry Ford Hospital") and of the long codes."""
    facilities = _facilities(text, add)
    for m in CHAIN_RE.finditer(text):
        end = m.end("num") if m.group("num") else m.end("site") if m.group("site") else m.end("c")
        add((m.start("c"), end, "LOCATION", 0.7))
        facilities.append((m.start("c"), end))
    facilities += _labels(text, add)
    _context_places(text, add, facilities)
    _gazetteer_places(text, add)
    if _DIGIT_RE.search(text) is not None:
        _lower_addresses(text, add)
    if any(k in text for k in _LOWER_FACILITY_HINTS):
        _lower_facilities(text, add)
    return facilities, _identifiers(text, add)


def drop_names_inside(found: list, owned: tuple[list, list]) -> list:
    """A name found inside a facility's name, or running into its start, is the facility
    ("Henry Ford Hospital", "From: Eastside Family Clinic", "to: Golden Oaks Rehabilitation
    and Nursing" where the name took "Golden Oaks"); a shorter number inside a tracking or
    blood unit number is part of it."""
    facilities, codes = owned
    if not facilities and not codes:
        return found
    kept = []
    for f in found:
        if f[2] in ("PHONE", "ID", "FAX") and any(
            s <= f[0] and f[1] <= e and (e - s) > (f[1] - f[0]) for s, e in codes
        ):
            continue
        if f[2] == "NAME":
            inside = next((x for x in facilities if x[0] <= f[1] - 1 and f[0] < x[1]), None)
            if inside and f[1] <= inside[1]:
                if f[0] < inside[0]:
                    kept.append((f[0], inside[1], "LOCATION", 0.7))
                continue
        kept.append(f)
    return kept


# --- clinical nouns that read like names ------------------------------------------------
# A word after which a capitalized word is an eponym or a product, not a person ("Hoyer lift",
# "Fleischner Society guidelines", "Morse Fall Scale").
_EPONYM_AFTER = frozenset(
    lx.wordlist(
        """
        lift lifts society guidelines guideline inventory questionnaire protocol scale scales
        mattress belt sling pump injector classification criteria pad pads collar deformity
        """
    )
)
# Scales named after a person, written with their score: "HAM-D (Hamilton) 18"
_SCALE_EPONYMS = frozenset(
    lx.wordlist(
        """
        hamilton beck morse norton braden folstein zung yesavage montgomery asberg cornell
        barthel katz lawton karnofsky glasgow ranson apache
        """
    )
)
# Genes and products named in results and orders ("KRAS G12D", "Neulasta Onpro")
_PRODUCT_WORDS = frozenset(
    lx.wordlist(
        """
        kras nras braf egfr alk ros1 her2 brca1 brca2 tp53 pik3ca idh1 idh2 jak2 flt3 npm1
        mlh1 msh2 msh6 pms2 ret met kit pdgfra neulasta onpro udenyca fulphila ziextenzo
        """
    )
)
# Section words a line opens with ("Micro: Staph aureus", "Ophtho: retinal scan")
_HEADER_WORDS = frozenset(
    lx.wordlist(
        """
        micro path rads cards pulm renal heme onc gu gi cv resp neuro endo psych ortho derm
        ophtho optho televisit telehealth prescriber interpreter aide sitter disch
        """
    )
)
# Vendors, payers and systems a chart names, never a person or a place of the patient's
_VENDORS = frozenset(
    lx.wordlist(
        """
        mychart epic cerner meditech athenahealth allscripts pyxis omnicell lincare apria
        numotion adapthealth rotech coram optum optumrx caremark sedgwick goodrx covermymeds
        surescripts teladoc amwell doximity zoom dexcom medtronic abbott tandem omnipod
        insulet resmed cologuard logisticare modivcare uber lyft humira availity navinet
        evicore carelon magellan gainwell change healthcare comcast verizon lifealert
        permanente
        """
    )
)
# Faiths and the roles a department's name ends with: "Pt is Muslim", "House Supervisor"
_FAITHS = frozenset(
    lx.wordlist(
        """
        muslim christian catholic jewish hindu buddhist sikh baptist methodist lutheran
        mormon amish mennonite pentecostal orthodox protestant adventist episcopalian
        presbyterian evangelical
        """
    )
)
_ROLE_AFTER = frozenset(
    lx.wordlist(
        """
        supervisor coordinator manager director team desk office line services service
        department dept liaison navigator advocate staff
        """
    )
)
_RARE_SURNAME = 10**9
_TITLE_BEFORE_RE = re.compile(r"\b(?:dr|mr|mrs|ms|miss|mx)\.?[ \t]+$", re.IGNORECASE)
# "Circle of Willis", "sphincter of Oddi", "tetralogy of Fallot": anatomy named for a person
_ANATOMY_OF_RE = re.compile(
    r"\b(?:circle|loop|ligament|islets?|canal|sphincter|ampulla|pouch|bundle|tetralogy|"
    r"pentalogy|organ|crypts?|space|triangle|foramen|duct|node|nodes|pyramids?|column)[ \t]+"
    r"of[ \t]+$",
    re.IGNORECASE,
)
_MUTATION_AFTER_RE = re.compile(r"[ \t]+[A-Z]\d{1,4}(?:[A-Z*]|fs|del|ins|dup)\b")
_LINE_HEADER_RE = re.compile(r"[ \t]*:")


def drop_vendors_and_states(text: str, found: list) -> list:
    """A vendor's or a system's name ("from Apria", "in MyChart"), and a US state's name alone
    (Safe Harbor lets a state stay: "Blue Shield of Texas"), is not found."""
    kept = []
    for f in found:
        if f[2] in ("NAME", "LOCATION"):
            low = text[f[0] : f[1]].lower().strip(".,")
            if low in _VENDORS or (low in lx.US_STATES and f[2] == "LOCATION"):
                continue
            if low in lx.US_STATES and re.search(
                r"\b(?:of|in)[ \t]+$", text[max(0, f[0] - 4) : f[0]]
            ):
                continue
        kept.append(f)
    return kept


# Genera of the organisms cultures name ("Mycobacterium Avium complex", "Clostridioides
# Difficile"): neither the genus nor its species word is a person
_GENERA = frozenset(
    lx.wordlist(
        """
        mycobacterium staphylococcus staph streptococcus strep enterococcus escherichia
        klebsiella pseudomonas acinetobacter enterobacter serratia proteus citrobacter
        morganella providencia haemophilus neisseria moraxella listeria salmonella shigella
        campylobacter helicobacter clostridium clostridioides bacteroides fusobacterium
        prevotella peptostreptococcus actinomyces nocardia corynebacterium legionella
        bordetella borrelia treponema leptospira chlamydia chlamydophila mycoplasma
        ureaplasma rickettsia ehrlichia anaplasma bartonella brucella francisella yersinia
        vibrio stenotrophomonas burkholderia achromobacter aspergillus cryptococcus
        histoplasma blastomyces coccidioides pneumocystis mucor rhizopus toxoplasma
        plasmodium giardia trichomonas cryptosporidium entamoeba strongyloides
        cutibacterium propionibacterium gardnerella lactobacillus eikenella kingella
        cardiobacterium aggregatibacter capnocytophaga pasteurella
        """
    )
)


def drop_organisms(text: str, found: list) -> list:
    """A NAME that is an organism's genus, or the species word right after one, is not
    found: "Mycobacterium Avium", "Staph Aureus" (the genus alone or with its species)."""
    if not any(f[2] == "NAME" for f in found):
        return found
    kept = []
    for f in found:
        if f[2] == "NAME":
            lows = [w.lower().strip(".,()") for w in text[f[0] : f[1]].split()]
            before = text[max(0, f[0] - 40) : f[0]].split()
            prev = before[-1].lower().strip(".,()") if before else ""
            titled = _TITLE_BEFORE_RE.search(text[max(0, f[0] - 6) : f[0]])
            if not titled and (lows[0] in _GENERA or (prev in _GENERA and len(lows) == 1)):
                continue
        kept.append(f)
    return kept


def drop_clinical_names(text: str, found: list) -> list:
    """Names that are clinical nouns in these notes (a minimal change to name findings):
    an eponym before a device or a guideline word, a scale's eponym with its score, a gene
    before its variant, a product word, a section word opening a line."""
    if not any(f[2] == "NAME" for f in found):
        return found
    words = lx.english_words()
    kept = []
    for f in found:
        if f[2] != "NAME":
            kept.append(f)
            continue
        value = text[f[0] : f[1]]
        lows = [w.lower().strip(".,()") for w in value.split()]
        nxt = re.match(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?", text[f[1] : f[1] + 40])
        nxt_low = nxt.group(1).lower() if nxt else ""
        # the second word counts only inside a capitalized term ("Morse Fall Scale")
        titled = nxt and nxt.group(2) and nxt.group(1)[0].isupper() and nxt.group(2)[0].isupper()
        nxt2_low = nxt.group(2).lower() if titled else ""
        # "Hoyer lift", "Morse Fall Scale": an eponym before (or two words before) its noun
        if lows and (
            lows[-1] in _EPONYM_AFTER or nxt_low in _EPONYM_AFTER or nxt2_low in _EPONYM_AFTER
        ):
            continue
        if all(lo in _FAITHS for lo in lows) or (
            len(lows) == 1 and _ANATOMY_OF_RE.search(text, max(0, f[0] - 16), f[0])
        ):
            continue
        # "Notified House Supervisor", "Charity Care": dictionary words before a role or a
        # service word name a department
        if all(lo in words and lo not in lx.first_names() for lo in lows) and (
            nxt_low in _ROLE_AFTER or lows[-1] in _SERVICE_WORDS
        ):
            continue
        if len(lows) == 1 and lows[0] in _SCALE_EPONYMS and re.match(r"\)?[ \t]*\d", text[f[1] :]):
            continue
        if any(lo in _PRODUCT_WORDS for lo in lows) or (
            value.isupper() and _MUTATION_AFTER_RE.match(text, f[1])
        ):
            continue
        # "PT WORKS AT HOME", "PT RESIDES WITH SPOUSE": in capitals, a word that is no name
        if (
            len(lows) == 1
            and value.isupper()
            and len(value) >= 3
            and lows[0] in words
            and lows[0] not in lx.first_names()
            and lx.surnames().get(lows[0], _RARE_SURNAME) > 5000
            and not _TITLE_BEFORE_RE.search(text, max(0, f[0] - 6), f[0])
        ):
            continue
        line_start = f[0] == 0 or text[f[0] - 1] == "\n"
        if (
            len(lows) == 1
            and line_start
            and _LINE_HEADER_RE.match(text, f[1])
            and (lows[0] in _HEADER_WORDS or (lows[0] in words and lows[0] not in lx.first_names()))
        ):
            continue
        kept.append(f)
    return kept


_LOT_BEFORE_RE = re.compile(r"\blot[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t]*$", re.IGNORECASE)
_VACCINE_RE = re.compile(
    r"\b(?:vaccines?|vaccinated|immuniz\w*|booster|tdap|dtap|mmr|hpv|flu|influenza|covid|"
    r"pneumo\w*|shingrix|hep(?:atitis)?\s*[ab]|varicella|ppd|tb\s+test|fluzone|moderna|pfizer|"
    r"novavax|gardasil|prevnar|pneumovax|boostrix|adacel|vis\b)",
    re.IGNORECASE,
)


def drop_vaccine_lots(text: str, found: list) -> list:
    """A vaccine's lot number names a batch, not a person ("Tdap 0.5 mL IM, lot U7702AA")."""
    if "lot" not in text.lower() or not _VACCINE_RE.search(text):
        return found
    return [
        f
        for f in found
        if not (f[2] == "ID" and _LOT_BEFORE_RE.search(text, max(0, f[0] - 12), f[0]))
    ]


# Words that name a hospital service, not a place of its own ("Wound Care Clinic", "Cardiac
# Rehab", "Urgent Care", "Sleep Lab"): a "place" made only of these (and clinical words) is
# the service.
_SERVICE_WORDS = frozenset(
    lx.wordlist(
        """
        wound care cardiac rehab rehabilitation pulmonary clinic clinics center centre unit
        services service program lab labs laboratory urgent primary infusion sleep pain heart
        vascular family medicine internal physical occupational speech therapy behavioral
        health mental dialysis home hospice surgery surgical outpatient inpatient day adult
        senior nursing memory pediatric pediatrics oncology cancer diabetes endocrine kidney
        transplant women's womens breast imaging radiology cardiology neurology urology
        orthopedics orthopaedics dermatology gastroenterology digestive eye dental sports
        spine joint bone anticoagulation coumadin fracture resident residents teaching
        walk-in express immediate same the and of & phase outside anesthesia anesthesiology
        blood food reference community mental crisis tumor board hospitalist specialty
        hospital hospitals medical
        """
    )
)


def drop_service_names(text: str, found: list) -> list:
    """A place found that is only a hospital service's name stays ("Wound Care Clinic")."""
    kept = []
    for f in found:
        if f[2] == "LOCATION" and not any(c.isdigit() for c in text[f[0] : f[1]]):
            words = re.findall(r"[A-Za-z][\w'\u2019-]*", text[f[0] : f[1]])
            if words and all(
                w.lower() in _SERVICE_WORDS or lx.medical_word(w.lower()) for w in words
            ):
                continue
        kept.append(f)
    return kept
