"""The staff console: accounts (plan, CPT licence attestation, active) and API keys."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils import timezone

from accounts.models import ApiKey, User
from metering.models import QuotaCounter


class ApiKeyInline(admin.TabularInline):
    model = ApiKey
    extra = 0
    fields = ["name", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["name", "prefix", "created_at", "last_used_at", "revoked_at"]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class QuotaCounterInline(admin.TabularInline):
    model = QuotaCounter
    extra = 0
    fields = ["meter", "window_start", "used", "updated_at"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "usage per window"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class AccountAdmin(UserAdmin):
    list_display = [
        "username",
        "plan",
        "cpt_licensee_since",
        "is_active",
        "is_staff",
        "date_joined",
    ]
    list_filter = [
        "plan",
        "is_active",
        "is_staff",
        ("cpt_licensee_since", admin.EmptyFieldListFilter),
    ]
    search_fields = ["username", "email", "first_name", "last_name"]
    list_select_related = ["plan"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Plan and licences", {"fields": ["plan", "cpt_licensee_since"]}),
    ]
    inlines = [ApiKeyInline, QuotaCounterInline]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["user", "prefix", "created_at", "last_used_at", "revoked_at"]
    fields = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # keys are created by their owners, who see the key once

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} key(s).", messages.SUCCESS)
