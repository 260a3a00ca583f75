"""The plans every deployment starts with. They are data: staff edit them in the admin."""

from django.db import migrations

PLANS = [
    {
        "slug": "guest",
        "name": "Guest",
        "code_view_limit": 1,
        "tool_call_limit": 5,
        "window": "month",
        "requests_per_minute": 60,
        "quota_exceeded_detail": "Guest accounts are limited to {limit} code page view. "
        "Register a free account to get 5 more views.",
        "is_guest_default": True,
    },
    {
        "slug": "free",
        "name": "Free",
        "code_view_limit": 6,
        "tool_call_limit": 50,
        "window": "month",
        "requests_per_minute": 120,
        "quota_exceeded_detail": "Free accounts are limited to {limit} code page views a month. "
        "Upgrade to a paid plan (Professional: 10,000 views a month) for more.",
        "is_registered_default": True,
    },
    {
        "slug": "pro",
        "name": "Professional",
        "code_view_limit": 10000,
        "tool_call_limit": 10000,
        "window": "month",
        "requests_per_minute": 600,
        "quota_exceeded_detail": "Your plan ({plan}) includes {limit} code page views a month. "
        "Contact us to raise your limit.",
    },
    {
        "slug": "internal",
        "name": "Internal (unlimited)",
        "code_view_limit": None,
        "tool_call_limit": None,
        "window": "month",
        "requests_per_minute": 6000,
        "quota_exceeded_detail": "",
    },
]


def create_plans(apps, schema_editor):
    Plan = apps.get_model("metering", "Plan")
    for fields in PLANS:
        Plan.objects.get_or_create(slug=fields["slug"], defaults=fields)


def delete_plans(apps, schema_editor):
    Plan = apps.get_model("metering", "Plan")
    Plan.objects.filter(slug__in=[p["slug"] for p in PLANS]).delete()


class Migration(migrations.Migration):
    dependencies = [("metering", "0001_initial")]

    operations = [migrations.RunPython(create_plans, delete_plans)]
