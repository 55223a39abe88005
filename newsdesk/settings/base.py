"""Settings shared by every environment. Values that differ come from the environment."""

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsdesk.lib.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    "newsdesk.core",
    "newsdesk.users",
    "newsdesk.images",
    "newsdesk.authors",
    "newsdesk.ingest",
    "newsdesk.editions",
    "newsdesk.sections",
    "newsdesk.articles",
    "newsdesk.distribution",
    "newsdesk.search",
    "newsdesk.workflow",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "newsdesk.editions.middleware.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "newsdesk.editions.middleware.TranslationProviderErrorMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL names a Redis server.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editions and time.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("vi", "Tiếng Việt")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["newsdesk.lib.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("NEWSDESK_TIME_ZONE", "Asia/Ho_Chi_Minh")
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(
        f"NEWSDESK_TIME_ZONE must be an IANA time zone such as Asia/Ho_Chi_Minh, not {TIME_ZONE!r}."
    ) from None

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
NEWSDESK_SERVE_MEDIA = env_bool("NEWSDESK_SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content-Security-Policy for reader pages: our own scripts and styles only, no inline code.
# (The admin is Wagtail's and keeps its own rules; embeds need frame-src https:.)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "frame-src": ["https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Machine translation (wagtail-localize): DeepL or a LibreTranslate server. Keys come from
# the environment only, never from the database.
NEWSDESK_MT_PROVIDER = env_str("NEWSDESK_MT_PROVIDER", "").strip().lower()
_MT_TIMEOUT = env_int("NEWSDESK_MT_TIMEOUT", 20)
if NEWSDESK_MT_PROVIDER == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "newsdesk.editions.translators.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env_str("DEEPL_AUTH_KEY"),
            "API_URL": env_str("DEEPL_API_URL", ""),
            "TIMEOUT": _MT_TIMEOUT,
        },
    }
elif NEWSDESK_MT_PROVIDER == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "newsdesk.editions.translators.LibreTranslateTranslator",
        "OPTIONS": {
            "URL": env_str("LIBRETRANSLATE_URL"),
            "API_KEY": env_str("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": _MT_TIMEOUT,
        },
    }
elif NEWSDESK_MT_PROVIDER:
    raise ImproperlyConfigured(
        "NEWSDESK_MT_PROVIDER must be deepl, libretranslate or empty, "
        f"not {NEWSDESK_MT_PROVIDER!r}."
    )

# Ingest: every fetch from outside (feeds, pages, images, WordPress media) goes through one
# safe client with these limits. NEWSDESK_FETCH_ALLOW_PRIVATE lets it reach loopback and
# private addresses: for a local test server only, never in production.
NEWSDESK_FETCH_TIMEOUT = env_int("NEWSDESK_FETCH_TIMEOUT", 15)
NEWSDESK_FETCH_MAX_BYTES = env_int("NEWSDESK_FETCH_MAX_BYTES", 20 * 1024 * 1024)
NEWSDESK_FETCH_MAX_REDIRECTS = env_int("NEWSDESK_FETCH_MAX_REDIRECTS", 5)
NEWSDESK_FETCH_ALLOW_PRIVATE = env_bool("NEWSDESK_FETCH_ALLOW_PRIVATE", False)
# A feed longer than this is cut: its newest items are taken, and the summary says so.
NEWSDESK_FEED_MAX_ITEMS = env_int("NEWSDESK_FEED_MAX_ITEMS", 500)
# Largest image (in pixels) an import accepts; bigger ones are refused as decompression bombs.
NEWSDESK_IMAGE_MAX_PIXELS = env_int("NEWSDESK_IMAGE_MAX_PIXELS", 50_000_000)

# Background tasks: Wagtail's own tasks and ours go through django-tasks' database backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail.
WAGTAIL_SITE_NAME = env_str("NEWSDESK_SITE_NAME", "Newsdesk")
WAGTAILADMIN_BASE_URL = env_str("NEWSDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.NewsImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "newsdesk.search.backends"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # One line per background task is noise on a laptop; failures still show.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
