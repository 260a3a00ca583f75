"""Accounts over REST: sign-up, sign-in, sign-out, password change, API keys."""

from __future__ import annotations

from django.middleware.csrf import get_token
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import sessions
from accounts.api.serializers import (
    AccountSerializer,
    ApiKeyCreateSerializer,
    ApiKeySerializer,
    CredentialsSerializer,
    NewApiKeySerializer,
    PasswordChangeSerializer,
)
from accounts.services import api_key_create, api_key_revoke


class CsrfView(APIView):
    """The CSRF token (also set as the ``csrftoken`` cookie) for browser clients."""

    @extend_schema(responses=inline_serializer("Csrf", {"csrf_token": serializers.CharField()}))
    def get(self, request: Request) -> Response:
        return Response({"csrf_token": get_token(request._request)})


class SignUpView(APIView):
    """Create an account (email + password) on the free plan and sign in."""

    @extend_schema(request=CredentialsSerializer, responses={201: AccountSerializer})
    def post(self, request: Request) -> Response:
        data = CredentialsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = sessions.session_sign_up(request._request, **data.validated_data)
        return Response(AccountSerializer(user).data, status=status.HTTP_201_CREATED)


class SignInView(APIView):
    """Sign in with email and password (starts a session)."""

    @extend_schema(request=CredentialsSerializer, responses=AccountSerializer)
    def post(self, request: Request) -> Response:
        data = CredentialsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = sessions.session_sign_in(request._request, **data.validated_data)
        return Response(AccountSerializer(user).data)


class SignOutView(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        sessions.session_sign_out(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=PasswordChangeSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        data = PasswordChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sessions.session_password_change(request._request, user=request.user, **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    """The signed-in account."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=AccountSerializer)
    def get(self, request: Request) -> Response:
        return Response(AccountSerializer(request.user).data)


class ApiKeyListView(APIView):
    """The account's API keys (never the keys themselves), and creating one."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=ApiKeySerializer(many=True))
    def get(self, request: Request) -> Response:
        keys = request.user.api_keys.all()
        return Response(ApiKeySerializer(keys, many=True).data)

    @extend_schema(request=ApiKeyCreateSerializer, responses={201: NewApiKeySerializer})
    def post(self, request: Request) -> Response:
        data = ApiKeyCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        new = api_key_create(user=request.user, name=data.validated_data["name"])
        body = ApiKeySerializer(new.key).data | {"key": new.secret}
        return Response(body, status=status.HTTP_201_CREATED)


class ApiKeyDetailView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=ApiKeySerializer)
    def delete(self, request: Request, key_id: int) -> Response:
        key = api_key_revoke(user=request.user, key_id=key_id)
        return Response(ApiKeySerializer(key).data)
