"""The code systems every deployment has (their codes arrive through fixtures and importers)."""

from django.db import migrations

SYSTEMS = [
    {
        "slug": "cpt",
        "name": "CPT (Current Procedural Terminology)",
        "kind": "procedure",
        "uri": "http://www.ama-assn.org/go/cpt",
        "publisher": "American Medical Association",
        "copyright": "CPT® is a registered trademark of the American Medical Association. "
        "CPT descriptors © Copyright 2025 American Medical Association. All rights reserved.",
        "licensed_content": True,
        "dotted": False,
    },
    {
        "slug": "hcpcs",
        "name": "HCPCS Level II",
        "kind": "procedure",
        "uri": "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
        "publisher": "Centers for Medicare & Medicaid Services",
        "copyright": "",
        "licensed_content": False,
        "dotted": False,
    },
    {
        "slug": "icd10cm",
        "name": "ICD-10-CM",
        "kind": "diagnosis",
        "uri": "http://hl7.org/fhir/sid/icd-10-cm",
        "publisher": "National Center for Health Statistics (CDC)",
        "copyright": "",
        "licensed_content": False,
        "dotted": True,
    },
    {
        "slug": "modifier",
        "name": "CPT and HCPCS modifiers",
        "kind": "modifier",
        "uri": "",
        "publisher": "American Medical Association and Centers for Medicare & Medicaid Services",
        "copyright": "",
        "licensed_content": False,
        "dotted": False,
    },
]


def create_systems(apps, schema_editor):
    CodeSystem = apps.get_model("catalog", "CodeSystem")
    for fields in SYSTEMS:
        CodeSystem.objects.update_or_create(slug=fields["slug"], defaults=fields)


def delete_systems(apps, schema_editor):
    CodeSystem = apps.get_model("catalog", "CodeSystem")
    CodeSystem.objects.filter(slug__in=[s["slug"] for s in SYSTEMS], codes__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(create_systems, delete_systems)]
