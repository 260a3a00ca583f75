from django.apps import AppConfig


def _plans_changed(sender, **kwargs) -> None:
    """Every process drops its cached plans when staff save one (now and on commit)."""
    from django.db import transaction

    from metering.identity import plan_cache

    plan_cache.invalidate()
    transaction.on_commit(plan_cache.invalidate)


class MeteringConfig(AppConfig):
    name = "metering"
    verbose_name = "Metering"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from metering.models import Plan

        post_save.connect(_plans_changed, sender=Plan, dispatch_uid="plans-changed")
        post_delete.connect(_plans_changed, sender=Plan, dispatch_uid="plans-deleted")
