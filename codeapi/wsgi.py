"""WSGI entry point for gunicorn: ``gunicorn codeapi.wsgi`` (production settings by default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeapi.settings.production")

application = get_wsgi_application()
