"""Plain HTML pages for people: sign up, sign in, sign out, and the account page (usage,
API keys). They call the same services as the REST API and GraphQL."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from accounts import sessions
from accounts.forms import ApiKeyForm, CredentialsForm
from accounts.services import api_key_create, api_key_revoke
from codeapi.errors import DomainError
from metering import identity
from metering.services import MeterContext, usage_get


def _next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _credentials_page(request: HttpRequest, *, action, template: str) -> HttpResponse:
    form = CredentialsForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            action(request, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
            status = exc.status_code
        else:
            return redirect(_next(request, "/accounts/"))
    return render(request, template, {"form": form, "next": _next(request, "")}, status=status)


@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    return _credentials_page(
        request, action=sessions.session_sign_up, template="accounts/signup.html"
    )


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    return _credentials_page(
        request, action=sessions.session_sign_in, template="accounts/login.html"
    )


@require_http_methods(["POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    sessions.session_sign_out(request)
    return redirect("/accounts/login/")


@login_required(login_url="/accounts/login/")
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ApiKeyForm(request.POST or None)
    new_key = None
    if request.method == "POST" and "revoke" in request.POST:
        api_key_revoke(user=user, key_id=int(request.POST["revoke"]))
        return redirect("/accounts/")
    if request.method == "POST" and form.is_valid():
        try:
            new_key = api_key_create(user=user, name=form.cleaned_data["name"]).secret
        except DomainError as exc:
            form.add_error("name", exc.detail)
    ctx = MeterContext(
        subject=f"user:{user.pk}", plan=identity.plan_for_user(user), user_id=user.pk
    )
    return render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "new_key": new_key,
            "keys": user.api_keys.all(),
            "usage": usage_get(ctx=ctx),
        },
    )
