"""OpenAPI description of API-key authentication (``Authorization: Bearer <key>``)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key created in your account: `Authorization: Bearer <key>` "
            "(or `Api-Key <key>`).",
        }
