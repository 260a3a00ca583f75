"""Error views: API paths answer problem+json, everything else the usual HTML pages."""

from django.http import HttpRequest, HttpResponse
from django.views import defaults

from codeapi.problems import problem_response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(("/api/", "/graphql"))


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return problem_response(
            request,
            status_code=404,
            problem_type="not-found",
            title="Not found",
            detail=f"There is no API endpoint at {request.path}.",
        )
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return problem_response(
            request,
            status_code=500,
            problem_type="server-error",
            title="Internal server error",
            detail="The server failed to answer this request; it has been logged.",
        )
    return defaults.server_error(request)
