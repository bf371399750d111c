"""Settings from environment variables with safe defaults.

Embedded defaults: SQLite and local files under LOA_DATA_DIR. Scale-out:
DATABASE_URL (PostgreSQL), REDIS_URL (cache and stats), several workers.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from loa.compliance.conf import DEFAULTS as COMPLIANCE
from loa.core.cache_params import DEFAULT_QUERY_PARAMS
from loa.core.conf import DEFAULTS as CORE
from loa.core.datadir import data_dir, read_secret_key
from loa.documents.conf import DEFAULTS as DOCUMENTS
from loa.importer.conf import DEFAULTS as IMPORTER
from loa.opendata.conf import DEFAULTS as OPENDATA
from loa.participation.conf import DEFAULTS as PARTICIPATION
from loa.petitions.conf import DEFAULTS as PETITIONS
from loa.readaloud.conf import DEFAULTS as READALOUD
from loa.stats.conf import DEFAULTS as STATS
from loa.widget.conf import DEFAULTS as WIDGET

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_setting(name: str, default: Any) -> Any:
    """The environment variable `name` as the type of its `default` (a list or tuple: comma-separated);
    unset or empty, the default."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if isinstance(default, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(default, (list, tuple)):
        kind = type(default[0]) if default else str
        return type(default)(kind(item.strip()) for item in raw.split(",") if item.strip())
    return type(default)(raw)


# The data directory and its secret key are created by loa.core.datadir.prepare() (the `loa`
# command and the WSGI module call it); importing the settings creates no file.
DATA_DIR = LOA_DATA_DIR = data_dir()
SECRET_KEY = read_secret_key(DATA_DIR)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "loa.core",
    "loa.pages",
    "loa.ads",
    "loa.readaloud",
    "loa.stats",
    "loa.participation",
    "loa.questions",
    "loa.consultations",
    "loa.schedule",
    "loa.operator",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "loa.documents",
    "loa.delegates",
    "loa.council_sessions",
    "loa.infopages",
    "loa.widget",
    "loa.petitions",
    "loa.interpellations",
    "loa.importer",
    "loa.opendata",
    "loa.compliance",
    "loa.languages",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "loa.core.head.HeadWithoutBodyMiddleware",  # outermost: HEAD keeps GET's headers, sends no body
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the page cache, so cached pages' beacons are counted too.
    "loa.stats.middleware.StatsEndpointMiddleware",
    "loa.core.cache.PageCacheMiddleware",
    # Inside the page cache: a cached copy keeps the policy it was rendered with (see "security headers").
    "loa.core.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "loa.importer.middleware.QueryRedirectMiddleware",
    # Last, as django-axes asks: turns its lockout into the 429 page (see "login throttling" below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "loa.site.urls"
WSGI_APPLICATION = "loa.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "loa.stats.context_processors.visitor_stats",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'loa.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the task worker proceed while one process writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# "limits" holds the request limiters' counters (loa/core/ratelimit.py): shared by every
# process (Redis, else a database table created by loa.core's migration) and never
# evicted by page caching.
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "limits": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                   "KEY_PREFIX": "limits"},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "loa",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "loa_limits",
            "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 4},
        },
    }
# Whole-page cache for anonymous visitors (loa/core/cache.py); 0 turns it off.
LOA_PAGE_CACHE_SECONDS = int(os.environ.get("LOA_PAGE_CACHE_SECONDS", "60"))
# The query parameters that cached pages read; the cache key ignores any other (a view that
# reads a new parameter must be listed here, or it would be served another page's copy).
# The list with what each app reads is in loa/core/cache.py (DEFAULT_QUERY_PARAMS).
LOA_PAGE_CACHE_QUERY_PARAMS = env_list("LOA_PAGE_CACHE_QUERY_PARAMS", ",".join(DEFAULT_QUERY_PARAMS))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- login throttling (django-axes) ---
# 5 failed logins for one user name from one client (hashed IPv4 / IPv6 /64) within 15 minutes
# lock that pair out for 15 minutes with a 429 page in Vietnamese, whether the user exists or
# not. Counted in the shared "limits" cache (every process sees it); axes' tables stay empty.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "limits"
AXES_FAILURE_LIMIT = int(os.environ.get("LOA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOA_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "loa.core.login_throttle.client_for_axes"
AXES_LOCKOUT_CALLABLE = "loa.core.login_throttle.lockout_response"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lock ends 15 minutes after the last counted failure
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # log lines name neither the user name nor the client
# --- end of login throttling ---

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Completes Wagtail's partial Vietnamese catalogue (loa/site/locale; gaps: loa.site.i18n_harvest).
LOCALE_PATHS = [PACKAGE_DIR / "site" / "locale"]
# Public pages in Vietnamese (at the root) and English (/en/, loa.languages); the admin stays Vietnamese.
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "loa.core.static_storage.MinifiedStaticFilesStorage"},  # WhiteNoise's, own scripts minified
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Django serves MEDIA_ROOT itself unless a front web server does (LOA_SERVE_MEDIA=0).
LOA_SERVE_MEDIA = env_bool("LOA_SERVE_MEDIA", True)
# The page editor posts one field per block value; a long article has thousands.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("LOA_SITE_NAME", "Hội đồng nhân dân tỉnh")
# Articles also store a diacritic-free copy of their text (ArticlePage.search_text) and
# queries are folded the same way; "simple" keeps PostgreSQL from English stemming.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar look-ups at gravatar.com: editors' e-mail hashes stay on this server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
# Links in mail (password reset, workflow notices) are built on this address, never on the Host header.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").rstrip("/")
# Password reset mails a link with a token: only offered with a real mail server (else 404),
# and then only with the public address of the site to put in the link.
WAGTAIL_PASSWORD_RESET_ENABLED = bool(EMAIL_HOST)
if EMAIL_HOST and not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "EMAIL_HOST is set: set WAGTAILADMIN_BASE_URL too (e.g. https://hdnd.example.gov.vn), "
        "the address that password-reset and notification mails link to."
    )
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL or "http://127.0.0.1:8000"
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # Workflow notifications ("có tin bài chờ duyệt") go to the server log until SMTP is configured.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "loa@localhost")

SESSION_COOKIE_HTTPONLY = True
# No script of Loa or of Wagtail's admin reads the cookie (forms carry the token; the admin gets it
# from wagtailConfig), so it is HttpOnly too, as scanners (wapiti) expect.
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "loa.core.csrf.csrf_failure"  # Vietnamese, and gives back what was typed
X_FRAME_OPTIONS = "SAMEORIGIN"
# Proxies (addresses or networks) whose X-Forwarded-For is believed; empty: use REMOTE_ADDR.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if env_bool("HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)  # usually the proxy redirects
    # Browsers then refuse plain http for a year; SECURE_HSTS_SECONDS=0 turns it off.
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))

# --- security headers (Content-Security-Policy; HSTS is above, with HTTPS) ---
# Public pages run only scripts, styles and fonts from this site: no inline script, event
# handler or style attribute in any template. loa/core/csp.py adds the origins a page asks
# for (request.csp_extra_script_src) and `frame-ancestors` for views meant to be embedded.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# The Wagtail admin still has inline scripts in some widgets (date pickers, inline panels).
LOA_CSP_ADMIN_PREFIXES = ["/admin/"]
LOA_CSP_ADMIN_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Who may put the pages meant to be embedded (views with @xframe_options_exempt) in a frame:
# "*" (anyone, the default) or a list of origins, e.g. "https://a.gov.vn,https://b.gov.vn".
LOA_CSP_EMBED_FRAME_ANCESTORS = env_list("LOA_EMBED_FRAME_ANCESTORS", "*")
# --- end of security headers ---

# --- the apps' own settings ---
# Each app's settings, their defaults and meaning are in its conf.py (loa/<app>/conf.py); every one
# of them can be set by an environment variable of the same name (empty = unset).
for _defaults in (CORE, STATS, READALOUD, PARTICIPATION, DOCUMENTS, WIDGET, PETITIONS, IMPORTER, OPENDATA,
                  COMPLIANCE):
    for _name, _default in _defaults.items():
        globals()[_name] = env_setting(_name, _default)
# Statistics: the embedded backend unless REDIS_URL (or STATS_REDIS_URL) is set.
STATS_REDIS_URL = env_setting("STATS_REDIS_URL", REDIS_URL)
STATS_BACKEND = env_setting("STATS_BACKEND", "redis" if STATS_REDIS_URL else "memory")
# --- end of the apps' own settings ---

# --- read-aloud ---
# The audio files (MEDIA_ROOT/readaloud/<content hash>.mp3) are answered before sessions, CSRF, auth
# and the page cache (Range requests are many).
MIDDLEWARE.insert(MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
                  "loa.readaloud.listening.audio_serving.AudioFileMiddleware")
# --- end of read-aloud ---

# --- citizens' participation (questions, consultations, schedule, operator settings) ---
# Contact details are erased PARTICIPATION_CONTACT_RETENTION_DAYS after a question is closed or a
# draft's deadline.
# The EMC script's origin goes into the CSP of cached pages too (loa/operator/middleware.py).
MIDDLEWARE.insert(MIDDLEWARE.index("loa.core.cache.PageCacheMiddleware"),
                  "loa.operator.middleware.ScriptOriginMiddleware")
# --- end of citizens' participation ---
# --- operations (health check, backups; deploy/README.md) ---
# /healthz answers 503 below LOA_HEALTH_MIN_FREE_MB of free disk or when no task worker has
# reported for LOA_HEALTH_WORKER_STALE_SECONDS (loa/core/conf.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a monitor on loopback speaks plain HTTP
# --- end of operations ---


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
