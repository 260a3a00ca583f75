"""Settings shared by every deployment, read from the environment.

Configuration (all optional in development; see the README for production):

``DATABASE_URL``   database URL (default: a SQLite file outside the source tree, in
                   ``$CODEAPI_DATA_DIR`` or ``~/.local/share/codeapi``)
``REDIS_URL``      shared cache for rate limiting (default: local memory, one process only)
``SECRET_KEY``     required when ``DEBUG`` is off
``DEBUG``          ``1``/``0``
``ALLOWED_HOSTS``  comma-separated host names
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


DATA_DIR = Path(env("CODEAPI_DATA_DIR") or Path.home() / ".local" / "share" / "codeapi")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Browser clients on other origins (an EHR's web app) that may call the API: an allow-list.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api/v1|graphql)/.*$"
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "x-csrftoken"]
CORS_EXPOSE_HEADERS = ["RateLimit", "RateLimit-Policy", "Retry-After"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "strawberry_django",
    "codeapi",
    "accounts",
    "catalog",
    "metering",
    "fixtures",
    "clinical",
]

# Order matters and is deliberate (each class's docstring says why it exists): security
# headers first, CORS answers preflights, static files before anything touches the session,
# then sessions / CSRF / authentication (session, then API key), and only then the metering
# identity, which needs to know who is calling.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "codeapi.middleware.ContentSecurityPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.authentication.ApiKeyMiddleware",
    "metering.middleware.MeteringMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "codeapi.urls"
WSGI_APPLICATION = "codeapi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "codeapi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_SQLITE = f"sqlite:///{DATA_DIR / 'codeapi.sqlite3'}"
if not env("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default's home, on first use
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", DEFAULT_SQLITE), conn_max_age=env_int("CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE makes a write transaction take
    # the write lock up front, so two requests charging a quota never deadlock on upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LOGIN_URL = "/accounts/login/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or DATA_DIR / "static")
# Front-end packages (GraphiQL, React) installed by npm from codeapi/frontend/package-lock.json;
# served from our own origin, never from a CDN.
FRONTEND_NODE_MODULES = BASE_DIR / "codeapi" / "frontend" / "node_modules"
STATICFILES_DIRS = [BASE_DIR / "codeapi" / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "codeapi.staticfinders.VendorFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "codeapi.pagination.CodePagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "codeapi.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "CodeAPI",
    "DESCRIPTION": "US medical codes (CPT, HCPCS Level II, ICD-10-CM, modifiers) over REST.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

STRAWBERRY_DJANGO = {
    "FIELD_DESCRIPTION_FROM_HELP_TEXT": True,
    "TYPE_DESCRIPTION_FROM_MODEL_DOCSTRING": True,
}

# Metering: code-view and tool-call quotas live in the database (metering.services);
# request rates in the shared cache (django-ratelimit).
METERING_ENABLED = env_bool("METERING_ENABLED", True)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# How long a process remembers that a subject re-viewed an unlocked code (skipping the
# database for the next re-views; counting never uses it). 0 turns it off.
METERING_UNLOCK_MEMORY_SECONDS = env_int("METERING_UNLOCK_MEMORY_SECONDS", 2)
RATE_LIMIT_PER_SUBJECT = env("RATE_LIMIT_PER_SUBJECT", "120/m")
RATE_LIMIT_PER_ADDRESS = env("RATE_LIMIT_PER_ADDRESS", "600/m")
RATELIMIT_USE_CACHE = "default"

# GraphQL limits: how deep, how many aliases and how many tokens one document may have.
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 10)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 15)
GRAPHQL_MAX_TOKENS = env_int("GRAPHQL_MAX_TOKENS", 2000)

# Text tools: the longest text (in characters) each accepts in one request; longer texts get
# 413 problem+json.
PHI_MAX_CHARS = env_int("PHI_MAX_CHARS", 100_000)
DETECT_MAX_CHARS = env_int("DETECT_MAX_CHARS", 100_000)
# CasePilot: question plus conversation. The optional language model that phrases answers
# is set by CASEPILOT_LLM_URL / CASEPILOT_LLM_KEY / CASEPILOT_LLM_MODEL (read at call time,
# off when the URL is empty).
CASEPILOT_MAX_CHARS = env_int("CASEPILOT_MAX_CHARS", 20_000)

# Content-Security-Policy sent on every response: scripts, styles and everything else from
# our own origin only (hospitals run strict CSP and air-gapped networks).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Never log request bodies (they may hold PHI); Django's request logger only logs
        # the path and status of failed requests.
        "django.request": {"level": "ERROR", "propagate": True},
    },
}

# Sign-in attempts (REST, GraphQL and the admin), against password guessing.
SIGN_IN_RATE_PER_ADDRESS = env("SIGN_IN_RATE_PER_ADDRESS", "30/5m")
SIGN_IN_RATE_PER_USERNAME = env("SIGN_IN_RATE_PER_USERNAME", "10/5m")

# Licensed CPT content: "public" (the operator holds a distribution licence: everyone sees
# descriptors, with the AMA notice) or "attested" (only accounts staff marked as CPT
# licensees see them).
CPT_CONTENT_MODE = env("CPT_CONTENT_MODE", "public")
if CPT_CONTENT_MODE not in {"public", "attested"}:
    raise ImproperlyConfigured("CPT_CONTENT_MODE must be 'public' or 'attested'")
