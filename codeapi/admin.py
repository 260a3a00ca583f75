"""The admin site with its sign-in rate limited (per address and per username)."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from accounts.sessions import TooManyAttempts, sign_in_limit

_login = admin.site.login


def rate_limited_login(request: HttpRequest, extra_context=None) -> HttpResponse:
    if request.method == "POST":
        try:
            sign_in_limit(request, request.POST.get("username", ""))
        except TooManyAttempts as exc:
            response = HttpResponse(exc.detail, status=429, content_type="text/plain")
            response["Retry-After"] = exc.headers["Retry-After"]
            return response
    return _login(request, extra_context)


admin.site.login = rate_limited_login
admin.site.site_header = "CodeAPI staff console"
admin.site.site_title = "CodeAPI admin"
