"""REST endpoints of the text tools, under /api/v1/tools/."""

from django.urls import path

from clinical.api.casepilot import CasePilotView
from clinical.api.detect import DetectIcd10cmView
from clinical.api.phi import RedactPhiView

urlpatterns = [
    path("redact-phi", RedactPhiView.as_view(), name="redact-phi"),
    path("detect-icd10cm", DetectIcd10cmView.as_view(), name="detect-icd10cm"),
    path("casepilot", CasePilotView.as_view(), name="casepilot"),
]
