"""Create the first staff account if there is none.

The password comes from ``CODEAPI_ADMIN_PASSWORD`` or is generated and printed once; the
email from ``CODEAPI_ADMIN_EMAIL`` (default ``admin@localhost``).
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin account (password printed once, or from CODEAPI_ADMIN_PASSWORD)."

    def handle(self, *args, **options) -> None:
        user_model = get_user_model()
        email = os.environ.get("CODEAPI_ADMIN_EMAIL", "admin@localhost")
        if user_model.objects.filter(username__iexact=email).exists():
            self.stdout.write(f"Admin account {email} already exists; password unchanged.")
            return
        password = os.environ.get("CODEAPI_ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=email, email=email, password=password)
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Created admin account {email} with password: {password}\n"
                    "This is shown only once. Sign in at "
                    f"http://{os.environ.get('CODEAPI_ADDR', '127.0.0.1:8000')}/admin/"
                )
            )
        else:
            self.stdout.write(f"Created admin account {email} (password from the environment).")
