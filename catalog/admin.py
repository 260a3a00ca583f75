"""The catalog in the admin: search by code and words, filter by system and status, and
edit a code page's parts inline."""

from django.contrib import admin

from catalog.models import (
    AddOnEdit,
    ApplicableModifier,
    BillingProfile,
    Code,
    CodeHistory,
    CodeNote,
    CodeSystem,
    ContentSection,
    FeeSchedule,
    Mue,
    PtpEdit,
    Release,
    SectionItem,
)


@admin.register(CodeSystem)
class CodeSystemAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "kind", "uri", "licensed_content"]
    search_fields = ["slug", "name"]


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    list_display = ["source", "version", "system", "effective_date", "imported_at"]
    list_filter = ["source", "system"]
    search_fields = ["source", "version", "title"]
    date_hierarchy = "effective_date"


class SourcedInline(admin.TabularInline):
    extra = 0
    show_change_link = True
    autocomplete_fields = ["release"]


class ContentSectionInline(SourcedInline):
    model = ContentSection
    fields = ["kind", "position", "body", "release", "effective_date", "end_date"]


class FeeScheduleInline(SourcedInline):
    model = FeeSchedule
    fields = [
        "year",
        "modifier",
        "status_code",
        "global_days",
        "pctc_indicator",
        "multiple_procedure",
        "bilateral_surgery",
        "assistant_surgery",
        "co_surgeons",
        "team_surgery",
        "physician_supervision",
        "diagnostic_imaging_family",
        "work_rvu",
        "conversion_factor",
        "release",
    ]


class BillingProfileInline(SourcedInline):
    model = BillingProfile
    fields = ["apc_status_indicator", "betos", "telehealth", "release", "effective_date"]


class MueInline(SourcedInline):
    model = Mue
    fields = ["service_type", "value", "adjudication_indicator", "rationale", "release"]


class AddOnInline(SourcedInline):
    model = AddOnEdit
    fk_name = "primary"
    verbose_name = "add-on code"
    verbose_name_plural = "add-on codes of this primary"
    fields = ["addon", "primary_code", "edit_type", "effective_date", "end_date", "release"]
    autocomplete_fields = ["addon", "release"]


class PrimaryInline(SourcedInline):
    model = AddOnEdit
    fk_name = "addon"
    verbose_name = "primary code"
    verbose_name_plural = "primary codes of this add-on"
    fields = ["primary", "primary_code", "edit_type", "effective_date", "end_date", "release"]
    autocomplete_fields = ["primary", "release"]


class ModifierInline(SourcedInline):
    model = ApplicableModifier
    fk_name = "code"
    fields = ["position", "modifier", "reason", "release"]
    autocomplete_fields = ["modifier", "release"]


class HistoryInline(SourcedInline):
    model = CodeHistory
    fields = ["date", "action", "notes", "release"]


class NoteInline(SourcedInline):
    model = CodeNote
    fields = ["kind", "position", "character", "text", "release"]


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin):
    list_display = ["code", "system", "short_descriptor", "status", "billable", "level"]
    list_filter = ["system", "status", "billable", "level"]
    search_fields = ["code", "normalized", "short_descriptor", "long_descriptor"]
    list_select_related = ["system"]
    autocomplete_fields = ["parent", "release"]
    readonly_fields = ["normalized"]
    show_full_result_count = False
    inlines = [
        ContentSectionInline,
        FeeScheduleInline,
        BillingProfileInline,
        MueInline,
        AddOnInline,
        PrimaryInline,
        ModifierInline,
        HistoryInline,
        NoteInline,
    ]
    fieldsets = [
        (
            None,
            {"fields": ["system", "code", "normalized", "level", "parent", "status", "billable"]},
        ),
        (
            "Descriptors",
            {
                "fields": [
                    "short_descriptor",
                    "medium_descriptor",
                    "long_descriptor",
                    "plain_description",
                    "plain_description_copyright",
                ]
            },
        ),
        ("Provenance", {"fields": ["release", "effective_date", "end_date", "sort_key"]}),
    ]

    def save_model(self, request, obj, form, change):
        obj.normalized = obj.code.upper().replace(".", "")
        super().save_model(request, obj, form, change)


class SectionItemInline(admin.TabularInline):
    model = SectionItem
    extra = 0


@admin.register(ContentSection)
class ContentSectionAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "position"]
    list_filter = ["kind"]
    search_fields = ["code__code"]
    autocomplete_fields = ["code", "release"]
    inlines = [SectionItemInline]


@admin.register(PtpEdit)
class PtpEditAdmin(admin.ModelAdmin):
    list_display = ["column1", "column2", "setting", "modifier_indicator", "effective_date"]
    list_filter = ["setting", "modifier_indicator"]
    search_fields = ["column1__code", "column2__code"]
    autocomplete_fields = ["column1", "column2", "release"]


@admin.register(AddOnEdit)
class AddOnEditAdmin(admin.ModelAdmin):
    list_display = ["addon", "primary_code", "edit_type", "effective_date", "end_date"]
    list_filter = ["edit_type"]
    search_fields = ["addon__code", "primary_code"]
    autocomplete_fields = ["addon", "primary", "release"]
