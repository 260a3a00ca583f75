"""Plans, quota counters, unlocked codes and the usage ledger.

A *subject* is who is metered: ``user:<id>`` for an account (session or API key) or
``guest:<address>`` for a guest (IPv4 address, or the IPv6 /64 network). Counts live in the
database and are changed only by ``metering.services`` with conditional updates, so they are
exact under any number of processes (cache counters are never a billing meter).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Window(models.TextChoices):
    MONTH = "month", "Calendar month (UTC)"
    DAY = "day", "Day (UTC)"
    LIFETIME = "lifetime", "Lifetime"


class Meter(models.TextChoices):
    CODE_VIEWS = "code-views", "Code page views"
    TOOL_CALLS = "tool-calls", "Text tool calls"


class Plan(models.Model):
    """What a subject may do: code-view and tool-call quotas per window, request rates.

    An empty limit means unlimited. Exactly one plan is the guest plan and one the default
    for new accounts (``is_guest_default`` / ``is_registered_default``).
    """

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    code_view_limit = models.PositiveIntegerField(
        null=True, blank=True, help_text="Distinct code pages per window; empty = unlimited."
    )
    tool_call_limit = models.PositiveIntegerField(
        null=True, blank=True, help_text="Text tool calls per window; empty = unlimited."
    )
    window = models.CharField(max_length=16, choices=Window.choices, default=Window.MONTH)
    requests_per_minute = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="API requests per minute per subject; empty = the default in settings.",
    )
    quota_exceeded_detail = models.TextField(
        blank=True,
        help_text="What a caller over the code-view quota is told to do. {limit} and {plan} "
        "are replaced.",
    )
    is_guest_default = models.BooleanField(default=False)
    is_registered_default = models.BooleanField(default=False)

    class Meta:
        ordering = ["code_view_limit", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_guest_default"],
                condition=Q(is_guest_default=True),
                name="plan_one_guest_default",
            ),
            models.UniqueConstraint(
                fields=["is_registered_default"],
                condition=Q(is_registered_default=True),
                name="plan_one_registered_default",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class QuotaCounter(models.Model):
    """How much of one meter a subject used in one window."""

    subject = models.CharField(max_length=80)
    meter = models.CharField(max_length=16, choices=Meter.choices)
    window_start = models.DateTimeField()
    used = models.PositiveIntegerField(default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quota_counters",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-window_start", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "meter", "window_start"], name="quota_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.meter} {self.window_start:%Y-%m-%d}: {self.used}"


class UnlockedCode(models.Model):
    """A code page a subject has paid for in a window; viewing it again is free."""

    subject = models.CharField(max_length=80)
    window_start = models.DateTimeField()
    system = models.CharField(max_length=32)
    code = models.CharField(max_length=16)
    unlocked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unlocked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "window_start", "system", "code"], name="unlocked_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.system}:{self.code}"


class UsageEvent(models.Model):
    """The ledger: one row per charged code view or tool call. Never holds request bodies."""

    subject = models.CharField(max_length=80, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="usage_events",
    )
    plan = models.ForeignKey(Plan, on_delete=models.SET_NULL, null=True, related_name="+")
    meter = models.CharField(max_length=16, choices=Meter.choices)
    system = models.CharField(max_length=32, blank=True)
    code = models.CharField(max_length=16, blank=True)
    tool = models.CharField(max_length=40, blank=True)
    interface = models.CharField(max_length=16)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "usage event"

    def __str__(self) -> str:
        what = f"{self.system}:{self.code}" if self.code else self.tool
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.subject} {what}"
