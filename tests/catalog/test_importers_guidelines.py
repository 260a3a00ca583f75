"""import_icd10cm_guidelines on the official PDF (skipped when ../shared/data is absent)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from catalog.models import GuidelinePassage, Release

pytestmark = pytest.mark.django_db

ROOT = Path(os.environ.get("CODEAPI_SHARED_DIR") or settings.BASE_DIR.parent / "shared")
PDF = ROOT / "data/icd10cm/fy2026/ICD-10-CM-October-2025-Guidelines.pdf"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.skipif(not PDF.exists(), reason=f"{PDF} not found (set CODEAPI_SHARED_DIR)")
def test_guidelines_are_split_at_their_numbered_sections():
    first = run("import_icd10cm_guidelines", str(PDF))
    assert "Release icd10cm-guidelines FY2026: new" in first
    release = Release.objects.get(source="icd10cm-guidelines")
    assert release.effective_date.isoformat() == "2025-10-01"
    refs = dict(GuidelinePassage.objects.values_list("ref", "title"))
    assert refs["I.A.12.a"] == "Excludes1"
    assert refs["I.C.4.a"] == "Diabetes mellitus"
    assert refs["II"].startswith("Selection of Principal Diagnosis")
    assert refs["IV.A"].startswith("Selection of first-listed condition")
    sepsis = GuidelinePassage.objects.get(ref="I.C.1.d.4")
    assert "R65.2" in sepsis.text and sepsis.page == 24
    assert len(refs) == GuidelinePassage.objects.count()  # refs are unique
    again = run("import_icd10cm_guidelines", str(PDF))
    assert "already known" in again and "nothing changed" in again


def test_a_file_that_is_not_the_guidelines_is_refused(tmp_path):
    bad = tmp_path / "not.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing here")
    with pytest.raises(CommandError, match="nothing was changed"):
        run("import_icd10cm_guidelines", str(bad))
    assert not GuidelinePassage.objects.exists()
