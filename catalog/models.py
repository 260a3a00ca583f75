"""The catalog: code systems, releases, codes and every fact a code page shows.

Every fact records the release it came from and the date it took effect (``Sourced``), so
later imports can add a new release beside an old one and keep history.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class SystemKind(models.TextChoices):
    PROCEDURE = "procedure", "Procedure codes"
    DIAGNOSIS = "diagnosis", "Diagnosis codes"
    MODIFIER = "modifier", "Modifiers"
    OTHER = "other", "Other"


class CodeSystem(models.Model):
    """A code system (CPT, HCPCS Level II, ICD-10-CM, modifiers) with its FHIR canonical URI."""

    slug = models.SlugField(max_length=32, unique=True, help_text="Short name used in URLs.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=SystemKind.choices)
    uri = models.URLField("FHIR canonical URI", max_length=200, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    copyright = models.TextField(
        blank=True, help_text="Notice shown wherever this system's descriptors are shown."
    )
    licensed_content = models.BooleanField(
        default=False,
        help_text="Descriptors are licensed content (CPT): shown only as the licence mode allows.",
    )
    dotted = models.BooleanField(
        default=False, help_text="Codes are printed with a dot after the third character."
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = "code system"

    def __str__(self) -> str:
        return self.name


class Release(models.Model):
    """One import of one source file set: what it is, which version, when it took effect."""

    source = models.SlugField(
        max_length=40, help_text="What was imported, e.g. cpt-demo, hcpcs, icd10cm, mpfs-rvu."
    )
    system = models.ForeignKey(
        CodeSystem, on_delete=models.PROTECT, null=True, blank=True, related_name="releases"
    )
    version = models.CharField(max_length=40, help_text="The publisher's release name.")
    effective_date = models.DateField()
    title = models.CharField(max_length=300, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    checksum = models.CharField(max_length=64, blank=True, help_text="sha256 of the input files.")

    class Meta:
        ordering = ["source", "-effective_date"]
        constraints = [
            models.UniqueConstraint(fields=["source", "version"], name="release_source_version")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.version}"


class Sourced(models.Model):
    """A fact with its provenance: the release it came from and when it took effect."""

    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="+")
    effective_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day in effect; empty while in effect."
    )

    class Meta:
        abstract = True


class CodeLevel(models.TextChoices):
    CHAPTER = "chapter", "Chapter"
    BLOCK = "block", "Block"
    CATEGORY = "category", "Category"
    SUBCATEGORY = "subcategory", "Subcategory"
    CODE = "code", "Code"


class CodeStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    RETIRED = "retired", "Retired"


class Code(Sourced):
    """One code of one system: its descriptors, status and place in the hierarchy.

    ``code`` is printed form (``E11.9``); ``normalized`` is upper case without dots
    (``E119``) so both spellings find the code.
    """

    system = models.ForeignKey(CodeSystem, on_delete=models.PROTECT, related_name="codes")
    code = models.CharField(max_length=16)
    normalized = models.CharField(max_length=16, db_index=True)
    level = models.CharField(max_length=16, choices=CodeLevel.choices, default=CodeLevel.CODE)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    status = models.CharField(max_length=16, choices=CodeStatus.choices, default=CodeStatus.ACTIVE)
    billable = models.BooleanField(
        default=True, help_text="Valid for claims (ICD-10-CM: a leaf code, not a header)."
    )
    short_descriptor = models.CharField(max_length=200, blank=True)
    medium_descriptor = models.CharField(max_length=300, blank=True)
    long_descriptor = models.TextField(blank=True)
    plain_description = models.TextField(
        blank=True, help_text="Common-language description for patients and new coders."
    )
    plain_description_copyright = models.CharField(max_length=300, blank=True)
    sort_key = models.CharField(max_length=32, blank=True, db_index=True)

    class Meta:
        ordering = ["system", "sort_key", "code"]
        constraints = [
            models.UniqueConstraint(fields=["system", "code"], name="code_system_code"),
            models.UniqueConstraint(fields=["system", "normalized"], name="code_system_normalized"),
        ]

    def __str__(self) -> str:
        return f"{self.system_id}:{self.code}"


class SectionKind(models.TextChoices):
    INDICATIONS = "indications", "Indications"
    PROCEDURE = "procedure", "Procedure"
    POST_PROCEDURE = "post_procedure", "Post-procedure"


class ContentSection(Sourced):
    """A prose section of a code page (indications, procedure, post-procedure)."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20, choices=SectionKind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    body = models.TextField(blank=True, help_text="The prose before (or instead of) the list.")

    class Meta:
        ordering = ["code", "position"]
        constraints = [models.UniqueConstraint(fields=["code", "kind"], name="section_code_kind")]

    def __str__(self) -> str:
        return f"{self.code} {self.kind}"


class SectionItem(models.Model):
    """One bullet of a content section, in order."""

    section = models.ForeignKey(ContentSection, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["section", "position"]
        constraints = [
            models.UniqueConstraint(fields=["section", "position"], name="item_section_position")
        ]

    def __str__(self) -> str:
        return self.title or self.text[:40]


class FeeSchedule(Sourced):
    """Medicare Physician Fee Schedule indicators and RVUs of a code for one year.

    Indicator values are stored as CMS prints them; ``catalog.indicators`` decodes each to
    its official meaning. ``modifier`` is blank for the global service, ``26``, ``TC``
    or ``53`` for components.
    """

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="fee_schedules")
    year = models.PositiveSmallIntegerField()
    modifier = models.CharField(max_length=2, blank=True)
    status_code = models.CharField(max_length=1)
    not_used_for_medicare = models.BooleanField(default=False)
    global_days = models.CharField(max_length=3, blank=True)
    pctc_indicator = models.CharField("PC/TC indicator", max_length=1, blank=True)
    multiple_procedure = models.CharField(max_length=1, blank=True)
    bilateral_surgery = models.CharField(max_length=1, blank=True)
    assistant_surgery = models.CharField(max_length=1, blank=True)
    co_surgeons = models.CharField(max_length=1, blank=True)
    team_surgery = models.CharField(max_length=1, blank=True)
    physician_supervision = models.CharField(max_length=2, blank=True)
    diagnostic_imaging_family = models.CharField(max_length=2, blank=True)
    endoscopic_base_code = models.CharField(max_length=5, blank=True)
    calculation_flag = models.CharField(max_length=1, blank=True)
    work_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    non_facility_pe_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    non_facility_na = models.BooleanField(default=False)
    facility_pe_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    facility_na = models.BooleanField(default=False)
    malpractice_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    non_facility_total_rvu = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True
    )
    facility_total_rvu = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    pre_op = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    intra_op = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    post_op = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    conversion_factor = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ["code", "-year", "modifier"]
        verbose_name = "fee schedule record"
        constraints = [
            models.UniqueConstraint(
                fields=["code", "year", "modifier", "release"], name="fee_schedule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.year} {self.modifier}".strip()


class BillingProfile(Sourced):
    """Claim-level classifications of a code: OPPS status, BETOS, telehealth and HCPCS fields."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="billing_profiles")
    apc_status_indicator = models.CharField("APC status indicator", max_length=2, blank=True)
    betos = models.CharField("BETOS", max_length=3, blank=True, help_text="Empty: none assigned.")
    telehealth = models.BooleanField(
        default=False, help_text="On the Medicare telehealth services list."
    )
    type_of_service = models.CharField(max_length=20, blank=True)
    coverage_code = models.CharField(max_length=1, blank=True)
    asc_group = models.CharField("ASC group", max_length=2, blank=True)
    pricing_indicators = models.JSONField(default=list, blank=True)
    action_code = models.CharField(max_length=1, blank=True)
    cross_references = models.JSONField(default=list, blank=True)
    processing_notes = models.JSONField(default=list, blank=True)
    # HCPCS Level II record fields (the file's own dates: added, last action, terminated).
    multiple_pricing_indicator = models.CharField(max_length=1, blank=True)
    coverage_issues_manual = models.JSONField(default=list, blank=True)
    carriers_manual = models.JSONField(default=list, blank=True)
    statute = models.CharField(max_length=10, blank=True)
    lab_certifications = models.JSONField(default=list, blank=True)
    asc_group_effective_date = models.DateField(null=True, blank=True)
    opps_group = models.CharField("OPPS (MOG) payment group", max_length=3, blank=True)
    opps_indicator = models.CharField("OPPS (MOG) policy indicator", max_length=1, blank=True)
    opps_effective_date = models.DateField(null=True, blank=True)
    anesthesia_base_units = models.PositiveSmallIntegerField(null=True, blank=True)
    added_date = models.DateField(null=True, blank=True)
    action_effective_date = models.DateField(null=True, blank=True)
    termination_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["code", "-effective_date"]
        constraints = [
            models.UniqueConstraint(fields=["code", "release"], name="billing_profile_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.release})"


class MueServiceType(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner services"
    OUTPATIENT = "outpatient", "Outpatient hospital services"
    DME = "dme", "DME supplier services"


class Mue(Sourced):
    """A Medically Unlikely Edit: the most units of a code per beneficiary per day."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="mues")
    service_type = models.CharField(max_length=16, choices=MueServiceType.choices)
    value = models.PositiveIntegerField()
    adjudication_indicator = models.CharField(max_length=1, blank=True)
    rationale = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["code", "service_type"]
        verbose_name = "MUE"
        constraints = [
            models.UniqueConstraint(fields=["code", "service_type", "release"], name="mue_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.service_type}={self.value}"


class AddOnEdit(Sourced):
    """An NCCI add-on code edit: ``addon`` may be reported with ``primary``.

    Edit type 1: closed list of primaries; 2: contractor-defined primaries (``primary`` is
    empty and ``primary_code`` is ``CCCCC``); 3: listed primaries, contractor may allow others.
    ``effective_date`` / ``end_date`` are the edit's own dates.
    """

    addon = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="primary_edits")
    primary = models.ForeignKey(
        Code, on_delete=models.CASCADE, null=True, blank=True, related_name="addon_edits"
    )
    primary_code = models.CharField(max_length=16)
    edit_type = models.PositiveSmallIntegerField(choices=[(1, "1"), (2, "2"), (3, "3")])
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["addon", "primary_code"]
        verbose_name = "add-on code edit"
        constraints = [
            models.UniqueConstraint(
                fields=["addon", "primary_code", "release"], name="addon_edit_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.addon} + {self.primary_code}"


class PtpEdit(Sourced):
    """An NCCI procedure-to-procedure edit: column 2 is not paid with column 1.

    ``modifier_indicator`` 0: never allowed together; 1: a modifier (59, X{EPSU}, ...) may
    bypass the edit; 9: the edit does not apply.
    """

    column1 = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="ptp_as_column1")
    column2 = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="ptp_as_column2")
    setting = models.CharField(
        max_length=16, choices=[("practitioner", "Practitioner"), ("hospital", "Hospital")]
    )
    existed_before_1996 = models.BooleanField(default=False)
    modifier_indicator = models.CharField(max_length=1)
    rationale = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["column1", "column2"]
        verbose_name = "NCCI PTP edit"
        constraints = [
            models.UniqueConstraint(
                fields=["column1", "column2", "setting", "release"], name="ptp_edit_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.column1} / {self.column2}"


class ApplicableModifier(Sourced):
    """A modifier that applies to a code, and why (curated, or derived from the data)."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="applicable_modifiers")
    modifier = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="applies_to")
    position = models.PositiveSmallIntegerField(default=0)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["code", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "modifier", "release"], name="applicable_modifier_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} -{self.modifier.code}"


class HistoryAction(models.TextChoices):
    ADDED = "added", "Added"
    REVISED = "revised", "Revised"
    RETIRED = "retired", "Retired"
    REINSTATED = "reinstated", "Reinstated"


class CodeHistory(Sourced):
    """A dated event in a code's life (added, revised, retired), with notes."""

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="history")
    date = models.DateField()
    action = models.CharField(max_length=16, choices=HistoryAction.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["code", "-date", "id"]
        verbose_name = "code history entry"
        verbose_name_plural = "code history"
        constraints = [
            models.UniqueConstraint(
                fields=["code", "date", "action", "release"], name="code_history_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.date} {self.action}"


class NoteKind(models.TextChoices):
    INCLUSION_TERM = "inclusion_term", "Inclusion term"
    INCLUDES = "includes", "Includes"
    EXCLUDES1 = "excludes1", "Excludes1"
    EXCLUDES2 = "excludes2", "Excludes2"
    CODE_FIRST = "code_first", "Code first"
    USE_ADDITIONAL_CODE = "use_additional_code", "Use additional code"
    CODE_ALSO = "code_also", "Code also"
    NOTE = "note", "Note"
    SEVENTH_CHARACTER_NOTE = "seventh_character_note", "7th character note"
    SEVENTH_CHARACTER = "seventh_character", "7th character"


class CodeNote(Sourced):
    """A tabular note of an ICD-10-CM code or header; descendants inherit it.

    For ``seventh_character`` notes, ``character`` is the character and ``text`` its meaning.
    """

    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=32, choices=NoteKind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    character = models.CharField(max_length=1, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["code", "kind", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "kind", "position", "release"], name="code_note_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind="seventh_character") | Q(character=""),
                name="code_note_character_only_for_7th",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.kind}: {self.text[:40]}"


class IndexKind(models.TextChoices):
    INDEX = "index", "Alphabetic Index to Diseases and Injuries"
    EXTERNAL_CAUSE = "eindex", "External Cause of Injuries Index"
    DRUG = "drug", "Table of Drugs and Chemicals"
    NEOPLASM = "neoplasm", "Table of Neoplasms"


class IndexTerm(Sourced):
    """A term of the ICD-10-CM index or tables, with the code it leads to (a synonym).

    One row per (term, code): a table term yields one row per non-empty column. ``path`` is
    the main term and sub-terms joined with `` > ``; ``code_text`` is the code as printed (a
    trailing ``-`` means incomplete), ``code`` the catalog row when it exists. Terms that only
    point elsewhere keep ``see`` / ``see_also`` and have no code.
    """

    index = models.CharField(max_length=16, choices=IndexKind.choices)
    position = models.PositiveIntegerField(help_text="Document order within the index.")
    column = models.PositiveSmallIntegerField(default=0, help_text="Table column; 0 in indexes.")
    column_title = models.CharField(max_length=100, blank=True)
    level = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=500)
    path = models.TextField()
    code_text = models.CharField(max_length=16, blank=True)
    code = models.ForeignKey(
        Code, on_delete=models.SET_NULL, null=True, blank=True, related_name="index_terms"
    )
    manifestation = models.CharField(max_length=16, blank=True)
    see = models.CharField(max_length=500, blank=True)
    see_also = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["index", "position", "column"]
        verbose_name = "index term"
        constraints = [
            models.UniqueConstraint(
                fields=["release", "index", "position", "column"], name="index_term_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.path} -> {self.code_text or self.see or self.see_also}"


class GemDirection(models.TextChoices):
    FORWARD = "icd9_to_icd10", "ICD-9-CM to ICD-10-CM"
    BACKWARD = "icd10_to_icd9", "ICD-10-CM to ICD-9-CM"


class GemMapping(Sourced):
    """One row of the CMS General Equivalence Mappings (ICD-9-CM <-> ICD-10-CM).

    Codes are stored without dots, as the GEM files print them; ``icd10_code`` matches
    ``Code.normalized``. Combination rows (``combination``) belong to a ``scenario``; one
    code of each ``choice_list`` of a scenario must be used together.
    """

    direction = models.CharField(max_length=16, choices=GemDirection.choices)
    icd9_code = models.CharField(max_length=8, db_index=True, blank=True)
    icd10_code = models.CharField(max_length=8, db_index=True, blank=True)
    approximate = models.BooleanField(default=False)
    no_map = models.BooleanField(default=False)
    combination = models.BooleanField(default=False)
    scenario = models.PositiveSmallIntegerField(default=0)
    choice_list = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["direction", "icd9_code", "icd10_code"]
        verbose_name = "GEM mapping"
        constraints = [
            models.UniqueConstraint(
                fields=["release", "direction", "icd9_code", "icd10_code", "scenario"],
                name="gem_mapping_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.icd9_code} {self.icd10_code}"


class GuidelinePassage(Sourced):
    """One section of an official coding guidelines document, as retrievable text.

    The ICD-10-CM Official Guidelines for Coding and Reporting are split at their numbered
    headings; ``ref`` is the guideline's own reference (``I.C.4.a`` = Section I, C, 4, a),
    ``path`` the headings from the section down joined with `` > ``, ``page`` the PDF page
    the heading is on. The coding assistant quotes these passages with their release.
    """

    document = models.SlugField(max_length=40, help_text="Which document, e.g. icd10cm-guidelines.")
    position = models.PositiveIntegerField(help_text="Document order.")
    ref = models.CharField(max_length=40, help_text="Section reference, e.g. I.C.4.a.")
    level = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    path = models.TextField(blank=True)
    text = models.TextField(blank=True)
    page = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["document", "position"]
        verbose_name = "guideline passage"
        constraints = [
            models.UniqueConstraint(
                fields=["release", "document", "position"], name="guideline_passage_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} {self.ref} {self.title[:40]}"
