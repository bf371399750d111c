"""Settings from environment variables with safe defaults.

Embedded defaults: SQLite and local files under LOA_DATA_DIR. Scale-out:
DATABASE_URL (PostgreSQL), REDIS_URL (cache and stats), several workers.
"""
from __future__ import annotations

import atexit
import os
import secrets
import shutil
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("LOA_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def load_secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in DATA_DIR."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return key


SECRET_KEY = load_secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "loa.pages",
    "loa.ads",
    "loa.readaloud",
    "loa.stats",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # --- hook: loa.stats middleware goes here (before the page cache, so cached hits are counted too) ---
    "loa.stats.middleware.StatsEndpointMiddleware",
    "loa.site.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
            ],
        },
    },
]
# --- hook: loa.stats context processor, active as soon as the module exists ---
# Until then base.html draws the "THỐNG KÊ TRUY CẬP" box with zeros
# (see loa/pages/templatetags/pages_tags.py: visitor_widget).
if find_spec("loa.stats.context_processors") is not None:
    TEMPLATES[0]["OPTIONS"]["context_processors"].append("loa.stats.context_processors.visitor_stats")

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
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "loa",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }
# Whole-page cache for anonymous visitors (loa/site/cache.py); 0 turns it off.
LOA_PAGE_CACHE_SECONDS = int(os.environ.get("LOA_PAGE_CACHE_SECONDS", "60"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Completes Wagtail's partial Vietnamese catalogue (loa/site/locale; gaps: loa.site.i18n_harvest).
LOCALE_PATHS = [PACKAGE_DIR / "site" / "locale"]
LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Django serves MEDIA_ROOT itself unless a front web server does (LOA_SERVE_MEDIA=0).
LOA_SERVE_MEDIA = env_bool("LOA_SERVE_MEDIA", True)
# The page editor posts one field per block value; a long article has thousands.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("LOA_SITE_NAME", "Hội đồng nhân dân tỉnh")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Articles also store a diacritic-free copy of their text (ArticlePage.search_text) and
# queries are folded the same way; "simple" keeps PostgreSQL from English stemming.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar look-ups at gravatar.com: editors' e-mail hashes stay on this server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
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
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if env_bool("HTTPS", False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)  # usually the proxy redirects
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))

# Under pytest: no collectstatic manifest needed, no page cache unless a test turns
# it on, uploads in a throw-away directory, fast password hashing.
TESTING = "pytest" in sys.modules
if TESTING:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    LOA_PAGE_CACHE_SECONDS = int(os.environ.get("LOA_TEST_PAGE_CACHE_SECONDS", "0"))
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="loa-test-media-"))
    atexit.register(shutil.rmtree, MEDIA_ROOT, True)
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request otherwise

# --- visitor statistics ---
# Defaults and meaning: loa/stats/conf.py. Embedded backend unless REDIS_URL (or STATS_REDIS_URL) is set.
STATS_REDIS_URL = os.environ.get("STATS_REDIS_URL", REDIS_URL)
STATS_BACKEND = os.environ.get("STATS_BACKEND", "redis" if STATS_REDIS_URL else "memory")
STATS_REDIS_PREFIX = os.environ.get("STATS_REDIS_PREFIX", "loa:stats:")
STATS_FLUSH_SECONDS = float(os.environ.get("STATS_FLUSH_SECONDS", "2"))
STATS_MAX_HITS_PER_MINUTE = int(os.environ.get("STATS_MAX_HITS_PER_MINUTE", "60"))
STATS_SUMMARY_CACHE_SECONDS = int(os.environ.get("STATS_SUMMARY_CACHE_SECONDS", "30"))
STATS_RETENTION_DAYS = int(os.environ.get("STATS_RETENTION_DAYS", "2"))
# Proxies (addresses or networks) whose X-Forwarded-For is believed; empty: use REMOTE_ADDR.
STATS_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
if TESTING:
    # No background flush thread inside the test process: tests flush explicitly, and
    # computing the summary flushes this process's counts anyway.
    STATS_FLUSH_SECONDS = float(os.environ.get("STATS_TEST_FLUSH_SECONDS", "0"))
# --- end of visitor statistics ---

# --- read-aloud ---
# Audio files: MEDIA_ROOT/readaloud/<content hash>.mp3; sentence cache: READALOUD_CACHE_DIR.
READALOUD_DEFAULT_VOICE = os.environ.get("READALOUD_DEFAULT_VOICE", "vi-south-male")
READALOUD_CACHE_DIR = Path(os.environ.get("READALOUD_CACHE_DIR", DATA_DIR / "readaloud-cache"))
READALOUD_SPEECH_MAX_CHARS = int(os.environ.get("READALOUD_SPEECH_MAX_CHARS", "20000"))
READALOUD_SPEECH_RATE_LIMIT = int(os.environ.get("READALOUD_SPEECH_RATE_LIMIT", "30"))  # requests per client IP
READALOUD_SPEECH_RATE_WINDOW = int(os.environ.get("READALOUD_SPEECH_RATE_WINDOW", "60"))  # ... per this many seconds
READALOUD_RETRY_DELAYS = [5, 60]  # seconds before the 2nd and 3rd attempt; then "failed"
READALOUD_STALE_AFTER = 60  # seconds without a heartbeat before a running generation counts as abandoned
if TESTING:
    READALOUD_CACHE_DIR = Path(tempfile.mkdtemp(prefix="loa-test-readaloud-"))
    atexit.register(shutil.rmtree, READALOUD_CACHE_DIR, True)
# The audio files are answered before sessions, CSRF, auth and the page cache (Range requests are many).
MIDDLEWARE.insert(MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
                  "loa.readaloud.audio_serving.AudioFileMiddleware")
# --- end of read-aloud ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
