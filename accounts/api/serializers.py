from __future__ import annotations

from rest_framework import serializers

from accounts.models import ApiKey, User


class CredentialsSerializer(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    password = serializers.CharField(max_length=256, trim_whitespace=False)


class PasswordChangeSerializer(serializers.Serializer):
    old_password = serializers.CharField(max_length=256, trim_whitespace=False)
    new_password = serializers.CharField(max_length=256, trim_whitespace=False)


class AccountSerializer(serializers.ModelSerializer):
    plan = serializers.SerializerMethodField()
    cpt_licensed = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "plan", "cpt_licensed", "cpt_licensee_since", "date_joined"]

    def get_plan(self, user: User) -> str:
        from metering.identity import plan_for_user

        return plan_for_user(user).slug

    def get_cpt_licensed(self, user: User) -> bool:
        return user.cpt_licensee_since is not None


class ApiKeySerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiKey
        fields = ["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"]


class ApiKeyCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)


class NewApiKeySerializer(ApiKeySerializer):
    key = serializers.CharField(help_text="The full key. Shown only this once: store it now.")

    class Meta(ApiKeySerializer.Meta):
        fields = [*ApiKeySerializer.Meta.fields, "key"]
