"""Settings from environment variables with safe defaults.

Embedded defaults: SQLite and local files under LOA_DATA_DIR. Scale-out:
DATABASE_URL (PostgreSQL), REDIS_URL (cache and stats), several workers.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from loa.core.cache_params import DEFAULT_QUERY_PARAMS
from loa.core.conf import DEFAULTS as CORE
from loa.core.datadir import data_dir, read_secret_key
from loa.documents.conf import DEFAULTS as DOCUMENTS
from loa.participation.conf import DEFAULTS as PARTICIPATION
from loa.readaloud.conf import DEFAULTS as READALOUD
from loa.stats.conf import DEFAULTS as STATS

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
CSRF_COOKIE_HTTPONLY = False
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

# --- visitor statistics ---
# Defaults and meaning: loa/stats/conf.py. Embedded backend unless REDIS_URL (or STATS_REDIS_URL) is set.
STATS_REDIS_URL = os.environ.get("STATS_REDIS_URL", REDIS_URL)
STATS_BACKEND = os.environ.get("STATS_BACKEND", "redis" if STATS_REDIS_URL else "memory")
STATS_REDIS_PREFIX = os.environ.get("STATS_REDIS_PREFIX", STATS["STATS_REDIS_PREFIX"])
STATS_FLUSH_SECONDS = float(os.environ.get("STATS_FLUSH_SECONDS", STATS["STATS_FLUSH_SECONDS"]))
STATS_MAX_HITS_PER_MINUTE = int(os.environ.get("STATS_MAX_HITS_PER_MINUTE", STATS["STATS_MAX_HITS_PER_MINUTE"]))
STATS_SUMMARY_CACHE_SECONDS = int(os.environ.get("STATS_SUMMARY_CACHE_SECONDS", STATS["STATS_SUMMARY_CACHE_SECONDS"]))
STATS_RETENTION_DAYS = int(os.environ.get("STATS_RETENTION_DAYS", STATS["STATS_RETENTION_DAYS"]))
STATS_MAX_NEW_VISITORS_PER_MINUTE = int(os.environ.get("STATS_MAX_NEW_VISITORS_PER_MINUTE",
                                                       STATS["STATS_MAX_NEW_VISITORS_PER_MINUTE"]))
STATS_ONLY_LIVE_PAGES = env_bool("STATS_ONLY_LIVE_PAGES", bool(STATS["STATS_ONLY_LIVE_PAGES"]))
STATS_KEEP_PAGES_PER_DAY = int(os.environ.get("STATS_KEEP_PAGES_PER_DAY", STATS["STATS_KEEP_PAGES_PER_DAY"]))
STATS_KEEP_REFERRERS_PER_DAY = int(os.environ.get("STATS_KEEP_REFERRERS_PER_DAY", STATS["STATS_KEEP_REFERRERS_PER_DAY"]))
# --- end of visitor statistics ---

# --- read-aloud ---
# Defaults and meaning: loa/readaloud/conf.py. Audio files: MEDIA_ROOT/readaloud/<content hash>.mp3.
READALOUD_DEFAULT_VOICE = os.environ.get("READALOUD_DEFAULT_VOICE", READALOUD["READALOUD_DEFAULT_VOICE"])
READALOUD_CACHE_DIR = os.environ.get("READALOUD_CACHE_DIR", READALOUD["READALOUD_CACHE_DIR"])
READALOUD_SPEECH_MAX_CHARS = int(os.environ.get("READALOUD_SPEECH_MAX_CHARS", READALOUD["READALOUD_SPEECH_MAX_CHARS"]))
READALOUD_SPEECH_RATE_LIMIT = int(os.environ.get("READALOUD_SPEECH_RATE_LIMIT", READALOUD["READALOUD_SPEECH_RATE_LIMIT"]))
READALOUD_SPEECH_RATE_WINDOW = int(os.environ.get("READALOUD_SPEECH_RATE_WINDOW", READALOUD["READALOUD_SPEECH_RATE_WINDOW"]))
READALOUD_VOICES_DIR = os.environ.get("READALOUD_VOICES_DIR", READALOUD["READALOUD_VOICES_DIR"])
LOA_TTS_JOBS = int(os.environ.get("LOA_TTS_JOBS", READALOUD["LOA_TTS_JOBS"]))
READALOUD_STREAMS_PER_PROCESS = int(os.environ.get("READALOUD_STREAMS_PER_PROCESS",
                                                   READALOUD["READALOUD_STREAMS_PER_PROCESS"]))
READALOUD_SPEECH_NEURAL_MAX_CHARS = int(os.environ.get("READALOUD_SPEECH_NEURAL_MAX_CHARS",
                                                       READALOUD["READALOUD_SPEECH_NEURAL_MAX_CHARS"]))
READALOUD_SPEECH_CHAR_BUDGET = int(os.environ.get("READALOUD_SPEECH_CHAR_BUDGET", READALOUD["READALOUD_SPEECH_CHAR_BUDGET"]))
READALOUD_SPEECH_CHAR_WINDOW = int(os.environ.get("READALOUD_SPEECH_CHAR_WINDOW", READALOUD["READALOUD_SPEECH_CHAR_WINDOW"]))
READALOUD_SPEECH_CONCURRENCY = int(os.environ.get("READALOUD_SPEECH_CONCURRENCY", READALOUD["READALOUD_SPEECH_CONCURRENCY"]))
READALOUD_SPEECH_CONCURRENCY_PER_PROCESS = int(os.environ.get("READALOUD_SPEECH_CONCURRENCY_PER_PROCESS", READALOUD["READALOUD_SPEECH_CONCURRENCY_PER_PROCESS"]))
READALOUD_SPEECH_SLOT_LEASE = int(os.environ.get("READALOUD_SPEECH_SLOT_LEASE", READALOUD["READALOUD_SPEECH_SLOT_LEASE"]))
READALOUD_SPEECH_BUSY_RETRY_AFTER = int(os.environ.get("READALOUD_SPEECH_BUSY_RETRY_AFTER", READALOUD["READALOUD_SPEECH_BUSY_RETRY_AFTER"]))
# The audio files are answered before sessions, CSRF, auth and the page cache (Range requests are many).
MIDDLEWARE.insert(MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
                  "loa.readaloud.audio_serving.AudioFileMiddleware")
# --- end of read-aloud ---

# --- citizens' participation (questions, consultations, schedule, operator settings) ---
# Defaults and meaning: loa/participation/conf.py. Contact details are erased
# PARTICIPATION_CONTACT_RETENTION_DAYS after a question is closed or a draft's deadline.
PARTICIPATION_MIN_FILL_SECONDS = int(os.environ.get("PARTICIPATION_MIN_FILL_SECONDS", PARTICIPATION["PARTICIPATION_MIN_FILL_SECONDS"]))
PARTICIPATION_FORM_MAX_AGE = int(os.environ.get("PARTICIPATION_FORM_MAX_AGE", PARTICIPATION["PARTICIPATION_FORM_MAX_AGE"]))
PARTICIPATION_RATE_LIMIT = int(os.environ.get("PARTICIPATION_RATE_LIMIT", PARTICIPATION["PARTICIPATION_RATE_LIMIT"]))
PARTICIPATION_RATE_WINDOW = int(os.environ.get("PARTICIPATION_RATE_WINDOW", PARTICIPATION["PARTICIPATION_RATE_WINDOW"]))
PARTICIPATION_CONTACT_RETENTION_DAYS = int(os.environ.get("PARTICIPATION_CONTACT_RETENTION_DAYS",
                                                          PARTICIPATION["PARTICIPATION_CONTACT_RETENTION_DAYS"]))
# The EMC script's origin goes into the CSP of cached pages too (loa/operator/middleware.py).
MIDDLEWARE.insert(MIDDLEWARE.index("loa.core.cache.PageCacheMiddleware"),
                  "loa.operator.middleware.ScriptOriginMiddleware")
# --- end of citizens' participation ---
# --- document library (loa.documents) ---
# Defaults and meaning: loa/documents/conf.py. Text of attached PDF/DOCX files is extracted in a
# child process capped in memory and time; only the first DOCUMENTS_EXTRACT_MAX_PAGES pages are read.
DOCUMENTS_EXTRACT_MAX_PAGES = int(os.environ.get("DOCUMENTS_EXTRACT_MAX_PAGES", DOCUMENTS["DOCUMENTS_EXTRACT_MAX_PAGES"]))
DOCUMENTS_EXTRACT_MAX_CHARS = int(os.environ.get("DOCUMENTS_EXTRACT_MAX_CHARS", DOCUMENTS["DOCUMENTS_EXTRACT_MAX_CHARS"]))
DOCUMENTS_EXTRACT_MAX_MB = int(os.environ.get("DOCUMENTS_EXTRACT_MAX_MB", DOCUMENTS["DOCUMENTS_EXTRACT_MAX_MB"]))
DOCUMENTS_EXTRACT_MEMORY_MB = int(os.environ.get("DOCUMENTS_EXTRACT_MEMORY_MB", DOCUMENTS["DOCUMENTS_EXTRACT_MEMORY_MB"]))
DOCUMENTS_EXTRACT_TIMEOUT = int(os.environ.get("DOCUMENTS_EXTRACT_TIMEOUT", DOCUMENTS["DOCUMENTS_EXTRACT_TIMEOUT"]))
DOCUMENTS_PER_PAGE = int(os.environ.get("DOCUMENTS_PER_PAGE", DOCUMENTS["DOCUMENTS_PER_PAGE"]))
DOCUMENTS_DOWNLOAD_WINDOW = int(os.environ.get("DOCUMENTS_DOWNLOAD_WINDOW", DOCUMENTS["DOCUMENTS_DOWNLOAD_WINDOW"]))
# --- end of document library ---
# --- operations (health check, backups; deploy/README.md) ---
# Defaults and meaning: loa/core/conf.py. /healthz answers 503 below this much free disk or
# when no task worker has reported for this long.
LOA_HEALTH_MIN_FREE_MB = int(os.environ.get("LOA_HEALTH_MIN_FREE_MB", CORE["LOA_HEALTH_MIN_FREE_MB"]))
LOA_HEALTH_WORKER_STALE_SECONDS = int(os.environ.get("LOA_HEALTH_WORKER_STALE_SECONDS",
                                                     CORE["LOA_HEALTH_WORKER_STALE_SECONDS"]))
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a monitor on loopback speaks plain HTTP
# --- end of operations ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
