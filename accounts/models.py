"""Accounts: users sign in with their email address (unique, case-insensitive)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower


class AccountManager(UserManager):
    def get_by_natural_key(self, username: str):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A CodeAPI account. ``username`` is the email address, stored as entered and
    compared case-insensitively (the constraints below enforce uniqueness that way)."""

    email = models.EmailField("email address", blank=True)
    plan = models.ForeignKey(
        "metering.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
        help_text="Empty: the default plan for registered accounts.",
    )
    cpt_licensee_since = models.DateField(
        "CPT licence attested on",
        null=True,
        blank=True,
        help_text="Set by staff once the account holder's AMA CPT licence is verified.",
    )

    objects = AccountManager()

    class Meta:
        ordering = ["id"]
        verbose_name = "account"
        constraints = [
            models.UniqueConstraint(Lower("username"), name="account_username_ci_unique"),
            models.UniqueConstraint(
                Lower("email"),
                name="account_email_ci_unique",
                condition=~models.Q(email=""),
            ),
        ]

    def __str__(self) -> str:
        return self.email or self.username


class ApiKey(models.Model):
    """A named key an account's servers use (``Authorization: Bearer <key>``).

    Only a SHA-256 hash of the key is stored (keys are 256-bit random strings, so a fast
    hash is safe), with a short visible ``prefix`` to tell keys apart. The key itself is
    shown once, when created.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    hashed_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = "API key"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"],
                condition=models.Q(revoked_at__isnull=True),
                name="api_key_active_name_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
