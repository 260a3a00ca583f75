"""REST endpoints of the text tools, under /api/v1/tools/."""

from django.urls import path

from clinical.api.phi import RedactPhiView

urlpatterns = [
    path("redact-phi", RedactPhiView.as_view(), name="redact-phi"),
]
