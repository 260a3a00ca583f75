"""Root URLs: the REST API under /api/v1/ (its root lists the endpoints), its schema and
docs, GraphQL, the admin."""

from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from codeapi.graphql import GraphQLView
from codeapi.problems import problem_type_view
from codeapi.views import ApiRootView


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("api/v1/", ApiRootView.as_view(), name="api-root"),
    path("api/v1/", include("catalog.api.urls")),
    path("api/v1/tools/", include("clinical.api.urls")),
    path("api/v1/", include("accounts.api.urls")),
    path("api/v1/", include("metering.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("graphql/", GraphQLView.as_view(), name="graphql"),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("problems/<slug:problem_type>", problem_type_view, name="problem-type"),
]

handler404 = "codeapi.views.not_found"
handler500 = "codeapi.views.server_error"
