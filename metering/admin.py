"""Metering in the admin: plans (data, not code), usage per subject, the ledger."""

from django.contrib import admin, messages

from metering.models import Plan, QuotaCounter, UnlockedCode, UsageEvent
from metering.services import window_reset


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = [
        "slug",
        "name",
        "code_view_limit",
        "tool_call_limit",
        "window",
        "requests_per_minute",
        "is_guest_default",
        "is_registered_default",
    ]
    search_fields = ["slug", "name"]


@admin.register(QuotaCounter)
class QuotaCounterAdmin(admin.ModelAdmin):
    """Usage per subject and window; staff can reset a subject's window."""

    list_display = ["subject", "user", "meter", "window_start", "used", "updated_at"]
    list_filter = ["meter", "window_start"]
    search_fields = ["subject", "user__username"]
    readonly_fields = ["subject", "user", "meter", "window_start", "used", "updated_at"]
    actions = ["reset_window"]

    @admin.action(description="Reset the selected subjects' quota windows")
    def reset_window(self, request, queryset):
        subjects = set(queryset.values_list("subject", flat=True))
        for subject in subjects:
            window_reset(subject=subject)
        self.message_user(request, f"Reset {len(subjects)} subject(s).", messages.SUCCESS)

    def has_add_permission(self, request):
        return False


@admin.register(UnlockedCode)
class UnlockedCodeAdmin(admin.ModelAdmin):
    list_display = ["subject", "system", "code", "window_start", "unlocked_at"]
    search_fields = ["subject", "code"]
    list_filter = ["system"]

    def has_add_permission(self, request):
        return False


@admin.register(UsageEvent)
class UsageEventAdmin(admin.ModelAdmin):
    """The ledger, for billing and support (read-only; it never holds request bodies)."""

    list_display = [
        "created_at",
        "subject",
        "user",
        "plan",
        "meter",
        "system",
        "code",
        "tool",
        "interface",
    ]
    list_filter = ["meter", "interface", "plan"]
    search_fields = ["subject", "user__username", "code", "tool"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
