"""Drop cached code pages whenever a catalog row is saved or deleted (admin, fixtures,
services). Bulk writers (the importers) call ``catalog.services.catalog_changed`` instead."""

from django.db.models.signals import post_delete, post_save

from catalog import models


def _changed(sender, **kwargs) -> None:
    from catalog.services import catalog_changed

    catalog_changed()


def connect() -> None:
    for model in (
        models.CodeSystem,
        models.Release,
        models.Code,
        models.ContentSection,
        models.SectionItem,
        models.FeeSchedule,
        models.BillingProfile,
        models.Mue,
        models.AddOnEdit,
        models.PtpEdit,
        models.ApplicableModifier,
        models.CodeHistory,
        models.CodeNote,
        models.IndexTerm,  # the search index reads index terms as synonyms
    ):
        post_save.connect(_changed, sender=model, dispatch_uid=f"catalog-changed-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"catalog-deleted-{model.__name__}"
        )
