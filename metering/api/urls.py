from django.urls import path

from metering.api.views import UsageView

urlpatterns = [path("me/usage", UsageView.as_view(), name="me-usage")]
