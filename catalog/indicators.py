"""Official meanings of the Medicare indicator values a code page shows.

Texts follow the CMS RVU file documentation (RVU25D readme, record layout and Attachment A),
the OPPS Addendum D1 status indicators and the NCCI MUE documentation. ``decode`` returns the
value with its meaning; an unknown value is returned with an empty meaning, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    meaning: str


MPFS_STATUS = {
    "A": "Active Code",
    "B": "Bundled Code",
    "C": "Contractors price the code",
    "D": "Deleted Code",
    "E": "Excluded from Physician Fee Schedule by regulation",
    "F": "Deleted/Discontinued Code (not subject to a 90 day grace period)",
    "G": "Not valid for Medicare purposes (subject to a 90 day grace period)",
    "H": "Deleted Modifier",
    "I": "Not valid for Medicare purposes (not subject to a 90 day grace period)",
    "J": "Anesthesia Services",
    "M": "Measurement code, used for reporting purposes only",
    "N": "Non-covered Services",
    "P": "Bundled/Excluded Codes",
    "R": "Restricted Coverage",
    "T": "Injections",
    "X": "Statutory Exclusion",
}

GLOBAL_DAYS = {
    "000": "Endoscopic or minor procedure with related preoperative and postoperative relative "
    "values on the day of the procedure only included in the fee schedule payment amount",
    "010": "Minor procedure with preoperative relative values on the day of the procedure and "
    "postoperative relative values during a 10 day postoperative period included in the fee "
    "schedule amount",
    "090": "Major surgery with a 1-day preoperative period and 90-day postoperative period "
    "included in the fee schedule amount",
    "MMM": "Maternity codes; usual global period does not apply",
    "XXX": "Global Concept Does Not Apply",
    "YYY": "Carrier determines whether the global concept applies and establishes the "
    "postoperative period, if appropriate, at time of pricing",
    "ZZZ": "Code related to another service and always included in the global period of the "
    "other service",
}

PCTC = {
    "0": "Physician Service Code",
    "1": "Diagnostic Tests for Radiology Services",
    "2": "Professional Component Only Code",
    "3": "Technical Component Only Code",
    "4": "Global Test Only Code",
    "5": "Incident To Code",
    "6": "Laboratory Physician Interpretation Code",
    "7": "Physical therapy service, for which payment may not be made",
    "8": "Physician interpretation code",
    "9": "Not Applicable: concept of a professional/technical component does not apply",
}

MULTIPLE_PROCEDURE = {
    "0": "No payment adjustment rules for multiple procedures apply.",
    "1": "Standard payment adjustment rules in effect before January 1, 1995 for multiple "
    "procedures apply.",
    "2": "Standard payment adjustment rules for multiple procedures apply.",
    "3": "Special rules for multiple endoscopic procedures apply if procedure is billed with "
    "another endoscopy in the same family.",
    "4": "Special rules for the technical component (TC) of diagnostic imaging procedures apply "
    "if procedure is billed with another diagnostic imaging procedure in the same family.",
    "5": "Subject to 50% of the practice expense component for certain therapy services.",
    "6": "Subject to 25% reduction of the second highest and subsequent procedures to the TC of "
    "diagnostic cardiovascular services.",
    "7": "Subject to 20% reduction of the second highest and subsequent procedures to the TC of "
    "diagnostic ophthalmology services.",
    "9": "Concept does not apply.",
}

BILATERAL_SURGERY = {
    "0": "150% payment adjustment for bilateral procedures does NOT apply.",
    "1": "150% payment adjustment for bilateral procedures applies.",
    "2": "150% payment adjustment does not apply. RVUs are already based on the procedure being "
    "performed as a bilateral procedure.",
    "3": "The usual payment adjustment for bilateral procedures does not apply; each side is "
    "paid up to 100% of the fee schedule amount.",
    "9": "Concept does not apply.",
}

ASSISTANT_SURGERY = {
    "0": "Payment restriction for assistants at surgery applies to this procedure unless "
    "supporting documentation is submitted to establish medical necessity.",
    "1": "Statutory payment restriction for assistants at surgery applies to this procedure. "
    "Assistant at surgery may not be paid.",
    "2": "Payment restriction for assistants at surgery does not apply to this procedure. "
    "Assistant at surgery may be paid.",
    "9": "Concept does not apply.",
}

CO_SURGEONS = {
    "0": "Co-surgeons not permitted for this procedure.",
    "1": "Co-surgeons could be paid, though supporting documentation is required to establish "
    "the medical necessity of two surgeons for the procedure.",
    "2": "Co-surgeons permitted and no documentation required if the two-specialty requirement "
    "is met.",
    "9": "Concept does not apply.",
}

TEAM_SURGERY = {
    "0": "Team surgeons not permitted for this procedure.",
    "1": "Team surgeons could be paid, though supporting documentation required to establish "
    "medical necessity of a team; pay by report.",
    "2": "Team surgeons permitted; pay by report.",
    "9": "Concept does not apply.",
}

PHYSICIAN_SUPERVISION = {
    "01": "Procedure must be performed under the general supervision of a physician.",
    "02": "Procedure must be performed under the direct supervision of a physician.",
    "03": "Procedure must be performed under the personal supervision of a physician.",
    "04": "Physician supervision policy does not apply when procedure is furnished by a "
    "qualified, independent psychologist or a clinical psychologist; otherwise must be "
    "performed under the general supervision of a physician.",
    "05": "Physician supervision policy does not apply when procedure is furnished by a "
    "qualified audiologist; otherwise must be performed under the general supervision of a "
    "physician.",
    "06": "Procedure must be performed by a physician or a physical therapist (PT) who is "
    "certified by the American Board of Physical Therapy Specialties (ABPTS) as a qualified "
    "electrophysiological clinical specialist.",
    "09": "Concept does not apply.",
    "21": "Procedure may be performed by a technician with certification under general "
    "supervision of a physician; otherwise must be performed under direct supervision of a "
    "physician.",
    "22": "May be performed by a technician with on-line real-time contact with physician.",
    "66": "May be performed by a physician or by a physical therapist with ABPTS certification "
    "and certification in this specific procedure.",
    "6A": "Supervision standards for level 66 apply; in addition, the PT with ABPTS "
    "certification may supervise another PT, but only the PT with ABPTS certification may bill.",
    "77": "Procedure must be performed by a PT with ABPTS certification or by a PT without "
    "certification under direct supervision of a physician, or by a technician with "
    "certification under general supervision of a physician.",
    "7A": "Supervision standards for level 77 apply; in addition, the PT with ABPTS "
    "certification may supervise another PT, but only the PT with ABPTS certification may bill.",
}

DIAGNOSTIC_IMAGING_FAMILY = {
    "01": "Ultrasound (Chest/Abdomen/Pelvis-Non-Obstetrical)",
    "02": "CT and CTA (Chest/Thorax/Abd/Pelvis)",
    "03": "CT and CTA (Head/Brain/Orbit/Maxillofacial/Neck)",
    "04": "MRI and MRA (Chest/Abd/Pelvis)",
    "05": "MRI and MRA (Head/Brain/Neck)",
    "06": "MRI and MRA (Spine)",
    "07": "CT (Spine)",
    "08": "MRI and MRA (Lower Extremities)",
    "09": "CT and CTA (Lower Extremities)",
    "10": "MR and MRI (Upper Extremities and Joints)",
    "11": "CT and CTA (Upper Extremities)",
    "88": "Subject to the reduction of the TC and PC of diagnostic imaging",
    "99": "Concept Does Not Apply",
}

# OPPS payment status indicators (Addendum D1).
APC_STATUS = {
    "A": "Service Paid under Fee Schedule or Payment System other than OPPS",
    "B": "Codes that are not recognized by OPPS when submitted on an outpatient hospital "
    "Part B bill type",
    "C": "Inpatient Procedures",
    "D": "Discontinued Codes",
    "E1": "Items, Codes, and Services Not Covered by Any Medicare Outpatient Benefit Category",
    "E2": "Items and Services for Which Pricing Information and Claims Data Are Not Available",
    "F": "Corneal Tissue Acquisition; Certain CRNA Services and Hepatitis B Vaccines",
    "G": "Pass-Through Drugs and Biologicals",
    "H": "Pass-Through Device Categories",
    "J1": "Hospital Part B Services Paid Through a Comprehensive APC",
    "J2": "Hospital Part B Services That May Be Paid Through a Comprehensive APC",
    "K": "Nonpass-Through Drugs and Nonimplantable Biologicals, Including Therapeutic "
    "Radiopharmaceuticals",
    "L": "Influenza Vaccine; Pneumococcal Pneumonia Vaccine; COVID-19 Vaccine",
    "M": "Items and Services Not Billable to the MAC",
    "N": "Items and Services Packaged into APC Rates",
    "P": "Partial Hospitalization or Intensive Outpatient Program",
    "Q1": "STV-Packaged Codes",
    "Q2": "T-Packaged Codes",
    "Q3": "Codes That May Be Paid Through a Composite APC",
    "Q4": "Conditionally Packaged Laboratory Tests",
    "R": "Blood and Blood Products",
    "S": "Procedure or Service, Not Discounted When Multiple",
    "T": "Procedure or Service, Multiple Procedure Reduction Applies",
    "U": "Brachytherapy Sources",
    "V": "Clinic or Emergency Department Visit",
    "Y": "Non-Implantable Durable Medical Equipment",
}

# NCCI MUE adjudication indicators.
MUE_ADJUDICATION = {
    "1": "Line Edit",
    "2": "Date of Service Edit: Policy",
    "3": "Date of Service Edit: Clinical",
}

# NCCI PTP modifier indicators.
PTP_MODIFIER = {
    "0": "Not allowed: no modifier bypasses this edit.",
    "1": "Allowed: an NCCI-associated modifier may bypass this edit when clinically appropriate.",
    "9": "Not applicable: the edit was deleted on its effective date.",
}

# NCCI add-on code edit types.
ADDON_EDIT_TYPE = {
    1: "Only the listed primary codes are eligible",
    2: "No specific primary codes: the contractor defines eligible primaries",
    3: "Some primary codes are listed; the contractor may allow others",
}

TABLES = {
    "status_code": MPFS_STATUS,
    "global_days": GLOBAL_DAYS,
    "pctc_indicator": PCTC,
    "multiple_procedure": MULTIPLE_PROCEDURE,
    "bilateral_surgery": BILATERAL_SURGERY,
    "assistant_surgery": ASSISTANT_SURGERY,
    "co_surgeons": CO_SURGEONS,
    "team_surgery": TEAM_SURGERY,
    "physician_supervision": PHYSICIAN_SUPERVISION,
    "diagnostic_imaging_family": DIAGNOSTIC_IMAGING_FAMILY,
    "apc_status_indicator": APC_STATUS,
    "mue_adjudication": MUE_ADJUDICATION,
    "ptp_modifier": PTP_MODIFIER,
}


def decode(table: str, value: str | None) -> Indicator | None:
    """The value of ``table`` with its official meaning; ``None`` when there is no value."""
    if value is None or value == "":
        return None
    return Indicator(code=value, meaning=TABLES[table].get(value, ""))
