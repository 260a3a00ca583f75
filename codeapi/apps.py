from django.apps import AppConfig


class CodeapiConfig(AppConfig):
    name = "codeapi"
    verbose_name = "CodeAPI"
