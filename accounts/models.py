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
