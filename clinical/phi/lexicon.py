"""Word lists the PHI engine decides with, loaded once per process.

- Person names: the US Census 1990 name frequency files shipped by the ``names`` package on
  PyPI (5,494 first names, 88,799 surnames; public-domain Census data), and the first names
  and surnames that Faker (MIT) ships for its Latin-script locales (Europe, the Americas,
  Africa, South and Southeast Asia: about 21,000 of each), read from its modules. The
  international names rank after every Census name, so a name that is also an English word
  still needs a cue, and they never make an all-capitals heading a name.
- Ordinary English words: the lower-case entries of SCOWL's ``american-english`` list
  (``data/english_words.txt.gz``, see ``data/SCOWL-LICENSE.txt``). A name that is also a
  common word (``Mark``, ``Hope``, ``Will``, ``May``) needs more evidence than one that is not.
- Hand-written clinical vocabulary: eponym heads (``syndrome``, ``disease``, ``sign``) and
  clinical words that must never be taken for names or places.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources
from pathlib import Path

DATA = Path(__file__).with_name("data")


def wordlist(text: str) -> list[str]:
    return text.split()


TITLES = frozenset(
    wordlist(
        """
        dr dr. drs drs. doctor mr mr. mrs mrs. ms ms. miss mx prof professor nurse rn np pa sr
        sister
        brother father fr fr. rev rev. reverend pastor rabbi deacon judge attorney officer
        capt capt. prof. sgt sgt.
        """
    )
)
# Words after which a name (not a clinical term) follows.
NAME_CUES = frozenset(
    wordlist(
        """
        patient pt pt. name wife husband daughter son mother mom mum father dad brother sister
        granddaughter grandson grandmother grandfather grandma grandpa aunt uncle niece nephew
        cousin partner spouse fiance fiancee boyfriend girlfriend friend neighbor neighbour
        caregiver guardian roommate attention attn dear sincerely regards cc signed contact
        called spoke surrogate poa proxy witness interpreter chaplain resident attending intern
        fellow therapist pharmacist coordinator manager technician tech author
        oldest youngest eldest firstborn
        medic paramedic emt babysitter nanny sitter landlord landlady tenant housemate
        coworker co-worker colleague boss supervisor employer foreman teacher coach tutor
        housekeeper aide doula midwife sponsor counselor counsellor caseworker mentor classmate
        children kids sons daughters parents siblings grandchildren grandkids stepson
        stepdaughter mother-in-law father-in-law daughter-in-law son-in-law brother-in-law
        sister-in-law
        """
    )
)
# Words a name often follows but that also precede ordinary words: the next words must look
# like names on their own (in the name lists, capitalized) to count.
WEAK_NAME_CUES = frozenset(
    wordlist(
        """
        by with per from to for and or seen saw this is am as via see ask asked tell told
        """
    )
)
# Credentials written after a clinician's name.
CREDENTIALS = frozenset(
    wordlist(
        """
        md m.d. do d.o. rn np pa pa-c phd ph.d. dds dmd od dpm pharmd rph lcsw msw lpn cnp crna
        aprn fnp dnp mph facp facs ccc-slp pt dpt ot otr
        """
    )
)
# A capitalized word followed by one of these is an eponym, not a person.
EPONYM_HEADS = frozenset(
    wordlist(
        """
        syndrome syndromes disease diseases disorder sign signs phenomenon palsy lymphoma
        sarcoma procedure procedures maneuver manoeuvre catheter catheters test tests score
        scores scale criteria classification esophagus oesophagus thyroiditis fundoplication
        monitor tube line reflex reflexes law laws point triad ulcer ulcers fracture fractures
        tumor tumour node nodes cell cells body bodies effect staging stage method position
        operation repair anastomosis incision fixation splint brace bandage cyst cysts duct
        ducts gland glands space foramen canal dementia ataxia anemia anaemia chorea dystrophy
        encephalopathy neuroma nodule nodules murmur hernia hernias disease's variant equation
        formula rule rules index solution block shunt valve reaction reactions classification
        grading grade needle forceps retractor approach drain drains tear tears
        lesion lesions angina respirations breathing pouch diverticulum gait spots spot
        spotted fever virus level curve exam examination maneuvers manoeuvres clamp clamps
        boot boots stockings traction paralysis pupil pupils lines nails pentad tetrad crcl
        croup scissors cannula
        """
    )
)
# Clinical and administrative words that are in the census name lists or are capitalized
# in notes, and are never a person on their own.
CLINICAL_STOP = frozenset(
    wordlist(
        """
        patient patients pt history hx assessment plan diagnosis dx impression labs lab vitals
        exam physical general heent neck chest heart lungs abdomen extremities neuro skin psych
        medications meds allergies allergy social family surgical past present illness chief
        complaint review systems ros hpi pmh psh fh sh subjective objective discharge admission
        e-mail
        admitted date time dob mrn ssn fax phone email tel cell home work address street city
        state zip county insurance medicare medicaid tricare aetna cigna humana kaiser anthem
        blue cross shield united healthcare walgreens cvs walmart rite aid emergency department
        clinic hospital center unit icu er ed or pacu floor ward room bed cardiology neurology
        oncology radiology pathology pediatrics surgery medicine nursing pharmacy therapy
        service services team follow up return precautions signed electronically note notes
        letter referral consult consultation order orders result results procedure imaging
        ultrasound echo ekg ecg mri ct xray x-ray x-rays xrays cxr type mellitus hypertension
        diabetes cancer
        tumor fever pain nausea vomiting aspirin tylenol advil motrin lasix coumadin warfarin
        heparin insulin metformin lisinopril eliquis xarelto plavix lipitor zocor norvasc
        prednisone keflex zofran mon tue tues wed thu thur thurs fri sat sun bid tid qid qhs prn
        po iv im sq sc am pm noon midnight tomorrow today yesterday tonight morning evening
        night male female man woman boy girl infant child baby he she his her they them mg mcg
        ml kg lb cm mm units unit tablet tablets tab tabs capsule capsules normal negative
        positive stable alert oriented denies reports states left right bilateral anterior
        posterior lateral medial gcs apgar mmse nihss bmi bp hr rr spo2 temp
        apt suite ste unit bldg
        na k cl hco3 bun cr ca mg phos alt ast alp tsh inr ptt hgb hct wbc plt ldl hdl
        english spanish french german italian portuguese polish russian ukrainian chinese
        mandarin cantonese vietnamese korean japanese tagalog filipino hindi urdu punjabi
        bengali arabic farsi persian somali amharic swahili haitian creole hmong navajo
        american african asian hispanic latino latina caucasian european mexican
        ortho pulm nephro cards heme onc hemonc uro gyn obgyn ent neurosurg gi id ir ctsurg
        hospitalist hospitalists sx tx rx fx bx px cx
        candida aspergillus klebsiella pseudomonas serratia proteus enterobacter
        """
    )
)
# Eponyms and trade names used as plain clinical nouns, with no head word after them
# ("Foley draining", "Doppler negative", "Gram stain" is covered by the head): never a person.
EPONYM_NOUNS = frozenset(
    wordlist(
        """
        foley doppler dopplers holter hickman broviac groshong penrose hemovac jp pleurx
        mallampati trendelenburg valsalva heimlich epley romberg babinski kernig brudzinski
        tinel phalen lachman mcmurray spurling apgar snellen coombs mantoux westergren giemsa
        gram papanicolaou bovie yankauer dobhoff venturi ganz swan-ganz parkinson parkinson's
        parkinsonism alzheimer alzheimer's hodgkin hodgkin's crohn crohn's cushing cushing's
        cushingoid addison addison's hashimoto hashimoto's raynaud raynaud's kaposi lyme
        tourette tourette's asperger asperger's guillain barre barré wernicke korsakoff charcot
        marfan marfanoid ehlers danlos sjogren sjögren behcet behçet kawasaki whipple nissen
        roux billroth hartmann kocher pfannenstiel hasson ochsner kussmaul cheyne stokes
        korotkoff glasgow ranson gleason breslow karnofsky braden ottawa wells centor
        framingham mcburney rovsing homans murphy's levine bruce lown gerd gerd's tegaderm
        xeroform kerlix coban dermabond steri-strips kling ambu bipap cpap picc
        """
    )
)
# Drugs by brand and generic name (hand-written, the ones notes name most): never a person
# or a place on their own ("switched from Vicodin to Percocet").
DRUG_NAMES = frozenset(
    wordlist(
        """
        vicodin percocet norco dilaudid oxycontin roxicodone lortab tramadol ultram toradol
        lyrica neurontin gabapentin pregabalin xanax ativan klonopin valium restoril ambien
        zoloft prozac lexapro celexa paxil effexor cymbalta wellbutrin trazodone remeron
        seroquel zyprexa risperdal abilify haldol geodon latuda depakote lamictal tegretol
        keppra dilantin topamax trileptal vimpat lithobid imitrex flexeril robaxin skelaxin
        zanaflex baclofen zofran reglan phenergan compazine protonix nexium prilosec pepcid
        zantac carafate bumex torsemide aldactone coreg toprol lopressor metoprolol carvedilol
        norvasc amlodipine cardizem diltiazem verapamil hydralazine clonidine losartan cozaar
        diovan valsartan entresto benicar micardis atenolol tenormin crestor rosuvastatin
        atorvastatin simvastatin pravastatin zetia brilinta effient clopidogrel pradaxa
        apixaban rivaroxaban dabigatran lovenox enoxaparin januvia jardiance farxiga invokana
        ozempic wegovy mounjaro trulicity victoza byetta lantus levemir humalog novolog tresiba
        toujeo basaglar glipizide glyburide glimepiride actos synthroid levoxyl levothyroxine
        cytomel methimazole flomax tamsulosin proscar finasteride cialis viagra detrol
        oxybutynin myrbetriq singulair montelukast advair symbicort spiriva breo trelegy
        proair ventolin albuterol xopenex flovent pulmicort duoneb atrovent ipratropium
        augmentin amoxicillin zithromax azithromycin levaquin levofloxacin cipro ciprofloxacin
        bactrim doxycycline cephalexin flagyl metronidazole vancomycin zosyn cefepime
        ceftriaxone rocephin meropenem diflucan fluconazole valtrex valacyclovir acyclovir
        tamiflu paxlovid remdesivir humira enbrel remicade stelara dupixent keytruda opdivo
        herceptin avastin rituxan suboxone subutex narcan naloxone methadone buprenorphine
        oxycodone hydrocodone morphine fentanyl duragesic hydromorphone motrin ibuprofen aleve
        naproxen celebrex meloxicam mobic benadryl claritin zyrtec allegra flonase sudafed
        mucinex colace senokot miralax dulcolax imodium lomotil solumedrol medrol decadron
        dexamethasone methylprednisolone hydrocortisone plaquenil methotrexate tylenol
        acetaminophen klor-con lipitor zocor plavix coumadin lasix xarelto eliquis metformin
        lisinopril keflex prednisone insulin aspirin heparin warfarin
        """
    )
)
# Endings of clinical words and drug stems: a capitalized word of seven letters or more
# with one of them, in no name list, is neither a person nor a place ("Neurologic:",
# "Thrombocytosis", "Echocardiogram").
MEDICAL_SUFFIXES = tuple(
    wordlist(
        """
        ology ologic ological ologist osis oses itis ation ations ectomy ectomies otomy ostomy
        plasty emia aemia algia pathy scopy graphy gram penia cytosis uria plegia trophy iasis
        skeletal vascular intestinal urinary cardiac ogenic ectasis megaly lysis rrhea rrhoea
        ocele pnea ptysis ular etic atic otic ical ative gestive pril olol sartan statin mab
        nib azole cillin mycin floxacin cycline tidine prazole dipine thiazide parin oxetine
        triptan afil zepam zolam barbital profen vudine navir lukast terol sonide olone asone
        glitazone gliptin gliflozin glutide caine
        """
    )
)


def medical_word(low: str) -> bool:
    """A lower-case word that looks like a clinical term or a drug."""
    return low in DRUG_NAMES or (len(low) >= 7 and low.endswith(MEDICAL_SUFFIXES))


# Holidays name a date ("since Thanksgiving", "on Christmas Eve"): a date element.
HOLIDAYS_RE_TEXT = (
    r"Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Eve|Day))?|Xmas|New\s+Year['\u2019]?s(?:\s+(?:Eve|Day))?|"
    r"Easter(?:\s+Sunday)?|Good\s+Friday|Halloween|Memorial\s+Day|Labor\s+Day|Labour\s+Day|"
    r"Independence\s+Day|Veterans\s+Day|Valentine['\u2019]?s\s+Day|Mother['\u2019]?s\s+Day|"
    r"Father['\u2019]?s\s+Day|Juneteenth|Martin\s+Luther\s+King\s+(?:Jr\.?\s+)?Day|MLK\s+Day|"
    r"Presidents['\u2019]?\s+Day|Columbus\s+Day|St\.?\s+Patrick['\u2019]?s\s+Day|Boxing\s+Day|"
    r"Fourth\s+of\s+July|Hanukkah|Chanukah|Diwali|Passover|Yom\s+Kippur|Rosh\s+Hashanah|"
    r"Kwanzaa|(?:Lunar|Chinese)\s+New\s+Year|Cinco\s+de\s+Mayo|Mardi\s+Gras|Black\s+Friday|"
    r"Super\s+Bowl\s+Sunday|Ash\s+Wednesday|Palm\s+Sunday|Eid\s+al[- ](?:Fitr|Adha)"
)
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = frozenset(wordlist("monday tuesday wednesday thursday friday saturday sunday"))
US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS",
    "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC",
    "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
    "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI",
    "wyoming": "WY", "district of columbia": "DC", "puerto rico": "PR", "guam": "GU",
}  # fmt: skip
STATE_ABBRS = frozenset(US_STATES.values())
# US cities and towns a note may name, hand-written (larger cities, state capitals, and
# places whose names are also English words or names: "Mobile", "Phoenix", "Reading",
# "Flagstaff"). After a place word ("in", "from", "moved to") one of these is a place even
# when the word is in the dictionary.
US_CITIES = frozenset(
    line.strip().lower()
    for line in """
    New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas
    San Jose|Austin|Jacksonville|Fort Worth|Columbus|Charlotte|San Francisco|Indianapolis
    Seattle|Denver|Washington|Boston|El Paso|Nashville|Detroit|Oklahoma City|Portland
    Las Vegas|Memphis|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Mesa
    Sacramento|Atlanta|Kansas City|Colorado Springs|Omaha|Raleigh|Miami|Long Beach
    Virginia Beach|Oakland|Minneapolis|Tulsa|Tampa|Arlington|New Orleans|Wichita
    Bakersfield|Cleveland|Aurora|Anaheim|Honolulu|Santa Ana|Riverside|Corpus Christi
    Lexington|Henderson|Stockton|Saint Paul|St. Paul|Cincinnati|St. Louis|Saint Louis
    Pittsburgh|Greensboro|Lincoln|Anchorage|Plano|Orlando|Irvine|Newark|Durham|Chula Vista
    Toledo|Fort Wayne|St. Petersburg|Laredo|Jersey City|Chandler|Madison|Lubbock
    Scottsdale|Reno|Buffalo|Gilbert|Glendale|North Las Vegas|Winston-Salem|Chesapeake
    Norfolk|Fremont|Garland|Irving|Hialeah|Richmond|Boise|Spokane|Baton Rouge|Tacoma
    San Bernardino|Modesto|Fontana|Des Moines|Moreno Valley|Santa Clarita|Fayetteville
    Birmingham|Oxnard|Rochester|Port St. Lucie|Grand Rapids|Huntsville|Salt Lake City
    Frisco|Yonkers|Amarillo|Glendale|Huntington Beach|McKinney|Montgomery|Augusta
    Columbus|Akron|Little Rock|Tempe|Overland Park|Grand Prairie|Tallahassee|Cape Coral
    Mobile|Knoxville|Shreveport|Worcester|Ontario|Vancouver|Sioux Falls|Chattanooga
    Brownsville|Fort Lauderdale|Providence|Newport News|Rancho Cucamonga|Santa Rosa
    Peoria|Oceanside|Elk Grove|Salem|Pembroke Pines|Eugene|Garden Grove|Cary|Fort Collins
    Corona|Springfield|Jackson|Alexandria|Hayward|Clarksville|Lakewood|Lancaster|Salinas
    Palmdale|Hollywood|Springfield|Macon|Kansas City|Sunnyvale|Pomona|Killeen|Escondido
    Pasadena|Naperville|Bellevue|Joliet|Murfreesboro|Midland|Rockford|Paterson|Savannah
    Bridgeport|Torrance|McAllen|Syracuse|Surprise|Denton|Roseville|Thornton|Miramar
    Mesquite|Olathe|Dayton|Carrollton|Waco|Orange|Fullerton|Charleston|West Valley City
    Visalia|Hampton|Gainesville|Warren|Coral Springs|Cedar Rapids|Round Rock|Sterling Heights
    Kent|Columbia|Santa Clara|New Haven|Stamford|Concord|Elizabeth|Athens|Thousand Oaks
    Lafayette|Simi Valley|Topeka|Norman|Fargo|Wilmington|Abilene|Odessa|Pearland|Victorville
    Hartford|Vallejo|Allentown|Berkeley|Richardson|Arvada|Ann Arbor|Cambridge|Sugar Land
    Lansing|Evansville|College Station|Fairfield|Clearwater|Beaumont|Independence|Provo
    West Jordan|Murrieta|Palm Bay|El Monte|Carlsbad|Charleston|Temecula|Clovis|Meridian
    Westminster|Costa Mesa|High Point|Manchester|Pueblo|Lakeland|Pompano Beach|West Palm Beach
    Antioch|Everett|Downey|Lowell|Centennial|Elgin|Broken Arrow|Miami Gardens|Billings
    Jurupa Valley|Sandy Springs|Gresham|Lewisville|Hillsboro|Ventura|Greeley|Inglewood
    Waterbury|League City|Santa Maria|Tyler|Davie|Daly City|Boulder|Allen|West Covina
    Sparks|Wichita Falls|Green Bay|San Mateo|Norwalk|Rialto|Las Cruces|Chico|El Cajon
    Burbank|South Bend|Renton|Vista|Davenport|Edinburg|Tuscaloosa|Carmel|Spokane Valley
    San Angelo|Vacaville|Clinton|Bend|Woodbridge|Lynn|Quincy|Erie|Scranton|Harrisburg
    Trenton|Camden|Albany|Utica|Ithaca|Binghamton|Schenectady|Poughkeepsie|Brooklyn|Bronx
    Queens|Staten Island|Manhattan|Harlem|Long Island|Hoboken|Atlantic City|Annapolis
    Rockville|Bethesda|Silver Spring|Frederick|Hagerstown|Roanoke|Charlottesville
    Lynchburg|Asheville|Greenville|Spartanburg|Myrtle Beach|Hilton Head|Wilmington
    Jacksonville|Pensacola|Sarasota|Naples|Fort Myers|Daytona Beach|Key West|Ocala
    Tallahassee|Biloxi|Gulfport|Hattiesburg|Tupelo|Dothan|Auburn|Florence|Decatur
    Bowling Green|Owensboro|Paducah|Frankfort|Ashland|Huntington|Morgantown|Wheeling
    Youngstown|Canton|Lorain|Mansfield|Sandusky|Zanesville|Kalamazoo|Flint|Saginaw
    Traverse City|Marquette|Duluth|Bemidji|Mankato|Eau Claire|La Crosse|Oshkosh|Appleton
    Kenosha|Racine|Waukesha|Dubuque|Sioux City|Council Bluffs|Ames|Iowa City|Bismarck
    Minot|Grand Forks|Rapid City|Pierre|Cheyenne|Casper|Laramie|Missoula|Bozeman|Helena
    Great Falls|Butte|Pocatello|Idaho Falls|Twin Falls|Coeur d'Alene|Ogden|St. George
    Flagstaff|Prescott|Sedona|Yuma|Santa Fe|Las Cruces|Roswell|Farmington|Durango
    Grand Junction|Loveland|Pueblo|Harlingen|Galveston|Texarkana|Longview|Temple
    San Marcos|New Braunfels|Del Rio|Eagle Pass|Nacogdoches|Lawton|Stillwater|Muskogee
    Enid|Joplin|Columbia|Jefferson City|Cape Girardeau|Hutchinson|Salina|Manhattan
    Lawrence|Emporia|Dodge City|Garden City|Kearney|Grand Island|North Platte|Scottsbluff
    Juneau|Fairbanks|Ketchikan|Hilo|Kailua|Kahului|Lihue|Yakima|Olympia|Bellingham
    Wenatchee|Walla Walla|Medford|Bend|Corvallis|Redding|Chico|Eureka|Santa Barbara
    San Luis Obispo|Monterey|Santa Cruz|Palm Springs|Indio|Barstow|Bishop|Carson City
    Elko|Las Vegas|Burlington|Montpelier|Rutland|Bangor|Lewiston|Augusta|Nashua|Dover
    Portsmouth|Concord|Pawtucket|Warwick|Newport|New London|Danbury|Worcester|Fall River
    New Bedford|Brockton|Pittsfield|Dorchester|Roxbury|Somerville|Chelsea|Framingham
    Plymouth|Barnstable|Hyannis|Nantucket|Provincetown|Reading|Lebanon|Hershey|York
    Lancaster|Altoona|State College|Williamsport|Wilkes-Barre|Bethlehem|Easton|Chester
    """.replace("\n", "|").split("|")
    if line.strip()
)
# Three-digit ZIP prefixes whose areas hold 20,000 people or fewer (2000 Census, as listed
# by HHS): under Safe Harbor these must become 000; any other prefix may stay.
RESTRICTED_ZIP3 = frozenset(
    wordlist(
        """
        036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893
        """
    )
)


def _census(name: str) -> dict[str, int]:
    """Name -> frequency rank (1 = most common) from a ``names`` package data file."""
    ranks: dict[str, int] = {}
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    for rank, line in enumerate(text.splitlines(), start=1):
        word = line.split(" ", 1)[0].lower()
        if word:
            ranks.setdefault(word, rank)
    return ranks


@cache
def census_first_names() -> dict[str, int]:
    ranks = _census("dist.male.first")
    for word, rank in _census("dist.female.first").items():
        ranks[word] = min(rank, ranks.get(word, rank))
    return ranks


@cache
def census_surnames() -> dict[str, int]:
    return _census("dist.all.last")


# Faker's person providers in Latin script (the others would never match English text).
_FAKER_LOCALES = wordlist(
    """
    az_AZ cs_CZ da_DK de_AT de_CH de_DE de_LI de_LU en en_GB en_IE en_IN en_KE en_NG en_NZ
    en_PK en_US es es_AR es_CA es_CL es_CO es_ES es_MX et_EE fi_FI fr_BE fr_CA fr_CH fr_DZ
    fr_FR fr_QC ga_IE ha_NG hr_HR hu_HU id_ID ig_NG is_IS it_IT lt_LT lv_LV nl_BE nl_NL
    no_NO pl_PL pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE sw tr_TR tw_GH uz_UZ vi_VN yo_NG zu_ZA
    """
)
_INTL_RANK_FIRST = 10_000  # after every Census first name (5,494)
_INTL_RANK_LAST = 50_000


@cache
def _international_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) from Faker's locale data, lower-case, one word each."""
    import importlib
    import sys

    # Faker is a runtime dependency: without it the engine would silently miss names
    importlib.import_module("faker")
    firsts: set[str] = set()
    lasts: set[str] = set()
    loaded_any = False
    for locale in _FAKER_LOCALES:
        name = f"faker.providers.person.{locale}"
        loaded = name in sys.modules
        try:
            provider = importlib.import_module(name).Provider
        except (ImportError, AttributeError):  # pragma: no cover - a locale Faker dropped
            continue
        loaded_any = True
        if not loaded:  # keep only the words: the module's lists are freed with it
            del sys.modules[name]
            parent = sys.modules.get("faker.providers.person")
            if parent is not None and hasattr(parent, locale):
                delattr(parent, locale)
        for attrs, out in (
            (("first_names", "first_names_male", "first_names_female"), firsts),
            (("last_names", "last_names_male", "last_names_female"), lasts),
        ):
            for attr in attrs:
                values = provider.__dict__.get(attr)
                if isinstance(values, (list, tuple, dict, set, frozenset)):
                    out.update(v.lower() for v in values if isinstance(v, str))

    if not loaded_any:  # pragma: no cover - a Faker without the person locales
        raise RuntimeError("Faker has none of the person-name locales RedactPHI reads")

    def keep(word: str) -> bool:
        return (
            len(word) > 2
            and " " not in word
            and word.replace("-", "").replace("'", "").isalpha()
            and word not in CLINICAL_STOP
            and word not in EPONYM_NOUNS
            and word not in MONTHS
            and word not in TITLES
        )

    return frozenset(filter(keep, firsts)), frozenset(filter(keep, lasts))


@cache
def first_names() -> dict[str, int]:
    """Census first names by frequency rank, then the international ones."""
    ranks = dict(census_first_names())
    for word in _international_names()[0]:
        ranks.setdefault(word, _INTL_RANK_FIRST)
    return ranks


@cache
def surnames() -> dict[str, int]:
    """Census surnames by frequency rank, then the international ones."""
    ranks = dict(census_surnames())
    for word in _international_names()[1]:
        ranks.setdefault(word, _INTL_RANK_LAST)
    return ranks


@cache
def english_words() -> frozenset[str]:
    with gzip.open(DATA / "english_words.txt.gz", "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


def load() -> None:
    """Load every list now (the first request would otherwise pay for it)."""
    from clinical.phi import names_model

    first_names()
    surnames()
    english_words()
    names_model.load()
