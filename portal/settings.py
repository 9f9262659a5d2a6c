"""Settings for Staying Connected, read from the environment (see .env.example)."""

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.env import database_config, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)
# The test suite runs under pytest; it needs no secret key and no collectstatic.
TESTING = env_bool("DJANGO_TESTING", default="pytest" in sys.modules)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=true (see .env.example)."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"  # noqa: S105

# == Production mode ==
# Any run that is neither development (DJANGO_DEBUG=true) nor the test suite is
# production: secure cookies, HSTS, HTTPS only, and every deployment setting required.
PRODUCTION = not DEBUG and not TESTING

if PRODUCTION and "DJANGO_ALLOWED_HOSTS" not in os.environ:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is required in production: the site's host names, comma separated."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "crispy_forms",
    "crispy_forms_gds",
    "portal",
    "mail",
    "funds",
    "phones",
    "visits",
]

MIDDLEWARE = [
    # First, so that its process_exception runs last and sees a lost database on any page.
    "portal.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which sends its own compressed files; above the rest, so what
    # they write is compressed. Kept pages arrive already compressed (portal/cache.py).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: answers a locked-out admin login.
    "axes.middleware.AxesMiddleware",
]

# ---- Staff admin: history, CSV import/export, preview by date ----
# The admin runs the staff site (portal/admin_base.py), which adds the freshness page.
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = "portal.apps.StaffAdminConfig"
INSTALLED_APPS += ["simple_history", "import_export"]
# Record who made each change (history); let staff preview the site on a later day
# (`?preview_date=`). Both need the logged-in user, so they come after authentication.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "simple_history.middleware.HistoryRequestMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("simple_history.middleware.HistoryRequestMiddleware") + 1,
    "portal.preview.PreviewDateMiddleware",
)
# A fact not checked for this many days is listed on the admin's freshness page.
REVIEW_AFTER_DAYS = env_int("REVIEW_AFTER_DAYS", 180)
# CSV import: all rows or none; importing needs the "change" permission, export "view".
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Under pytest only: a sample rule model the admin tests use like any app's rule.
if TESTING:
    INSTALLED_APPS += ["tests.admin.testapp"]
    # A test signs staff in hundreds of times: a slow hash there tests nothing.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# ---- end staff admin ----

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "portal.context_processors.site",
            ],
        },
    },
]

# PostgreSQL through DATABASE_URL; SQLite in the project folder otherwise.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": database_config(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / env_str("SQLITE_NAME", "db.sqlite3"),
        }
    }
# The person lookup and the people search as prepared statements on PostgreSQL
# (portal/compiled.py). Off behind a pooler that shares sessions between clients
# (PgBouncer in transaction mode), where a prepared statement may not be there.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Chicago"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files in production; the plain storage in development and
    # tests, so neither needs collectstatic.
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not (DEBUG or TESTING)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# A strict policy: nothing inline, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# == Production hardening ==
# TLS ends at the load balancer, which must set X-Forwarded-Proto (and strip any
# such header the client sent). Plain HTTP is redirected to HTTPS.
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# The health check answers the load balancer over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# == Staff sessions ==
# Only staff sign in (families never do). A session ends when the browser closes,
# and after an hour without activity (each request renews it).
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True

# == Admin lock-out (django-axes) ==
# Repeated failed admin sign-ins lock out the address and the user name for a while.
# Every attempt is stored (AccessAttempt, AccessLog: who, when, from where; never
# the password) and visible in the admin.
# Off under tests (so `client.login()` works); the lock-out tests turn it on.
AXES_ENABLED = env_bool("AXES_ENABLED", default=not TESTING)
AUTHENTICATION_BACKENDS = [
    *(["axes.backends.AxesStandaloneBackend"] if AXES_ENABLED else []),
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
# Either one alone locks: an attacker cannot dodge it by trying many names from one
# address, nor one name from many addresses.
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"

# == Mail ==
# Mail the site sends to staff. SMTP in production; printed in development.
# No error reports by mail: they would carry the query strings families typed.
_MAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend"
)
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        "OPTIONS": (
            {
                "host": env_str("DJANGO_EMAIL_HOST", "localhost"),
                "port": env_int("DJANGO_EMAIL_PORT", 587),
                "username": env_str("DJANGO_EMAIL_HOST_USER"),
                "password": env_str("DJANGO_EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", default=True),
                "timeout": 10,
            }
            if _MAIL_BACKEND.endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL") or "webmaster@localhost"
SERVER_EMAIL = env_str("DJANGO_SERVER_EMAIL") or DEFAULT_FROM_EMAIL

# == Rate limits ==
# Per client address, on the people search and person pages together, as
# (requests, seconds) windows. Off under tests, which turn it on where they need it.
RATE_LIMIT_ENABLED = env_bool("RATE_LIMIT_ENABLED", default=not TESTING)
RATE_LIMITS = {
    "people": [
        (env_int("RATE_LIMIT_PEOPLE_PER_MINUTE", 60), 60),
        (env_int("RATE_LIMIT_PEOPLE_PER_HOUR", 1000), 60 * 60),
    ],
}
# How many proxies (load balancers) stand in front of the app servers and append to
# X-Forwarded-For. 0: the client connects directly and REMOTE_ADDR is its address.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# The agency whose rules the portal shows when a page names none.
DEFAULT_AGENCY_SLUG = env_str("DEFAULT_AGENCY_SLUG", "missouri-doc")
# How many results a people search shows at most.
PEOPLE_SEARCH_LIMIT = env_int("PEOPLE_SEARCH_LIMIT", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    # Request logs carry query strings, which can hold what a family typed.
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Admin sign-in failures and lock-outs (name and address masked; never a password).
        "axes": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # ...but not its start-up banner on every command.
        "axes.apps": {"level": "WARNING"},
        "portal.database": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# == Cache ==
# Rate-limit counters and whole cached pages (portal/cache.py). A page is cached
# under a content version that any save replaces, so staff edits show on the next
# request. The version must be shared by every server process: with REDIS_URL it
# lives in Redis (one Redis for all servers); otherwise pages are kept in each
# process's memory and the version in a small file (CACHE_DIR), which is right for
# one server with several processes.

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sc",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.locmem_cache.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 2000)},
        }
    }
PAGE_CACHE = "default"
# Empty: the version is kept in the page cache (Redis, or a test run's one process).
CONTENT_VERSION_FILE = (
    ""
    if REDIS_URL or TESTING
    else str(
        Path(env_str("CACHE_DIR") or Path(tempfile.gettempdir()) / "staying-connected")
        / "content-version"
    )
)
# How long a cached page may be kept at most; 0 turns page caching off. Off in
# tests, whose database rolls back without telling the cache (tests/perf turns it on).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if TESTING else 3600)
