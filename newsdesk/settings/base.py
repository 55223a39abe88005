"""Settings shared by every environment. Values that differ come from the environment."""

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsdesk.lib.env import env_bool, env_choice, env_int, env_list, env_str

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
    "newsdesk.ops",
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
    "django_guid",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # A request id (the X-Request-ID nginx sends, or a new one) on every log line and response.
    "django_guid.middleware.guid_middleware",
    "newsdesk.ops.metrics.MetricsMiddleware",
    "newsdesk.ops.routers.ReplicaRoutingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsdesk.core.csp.EditionCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsdesk.editions.middleware.EditionLocaleMiddleware",
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
# A read replica: readers' page views read from it, the newsroom and every write use the
# primary (newsdesk.ops.routers).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=600, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["newsdesk.ops.routers.ReplicaRouter"]
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # A server that does not answer fails a request in seconds instead of holding it.
        _database.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL names a Redis server. While Redis is away the site
# serves without a cache (newsdesk.ops.cache); short timeouts keep a lost server from
# stalling requests.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsdesk.ops.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsdesk",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "newsdesk.ops.cache.CountingLocMemCache"}}

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
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
NEWSDESK_SERVE_MEDIA = env_bool("NEWSDESK_SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content-Security-Policy: readers' pages run our own scripts and styles only, no inline code;
# embeds need frame-src https:. The admin (Wagtail's) has its own policy, NEWSDESK_ADMIN_CSP.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"],
    "frame-src": ["https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": ["'self'"], "style-src": ["'self'"]},
}
# Wagtail's admin still writes inline scripts and style attributes (it has no nonces), shows
# local previews of images being uploaded (blob:), previews pages in a same-origin frame and
# asks releases.wagtail.org whether a newer Wagtail exists.
NEWSDESK_ADMIN_CSP = {
    **_CSP_COMMON,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "connect-src": ["'self'", "https://releases.wagtail.org"],
    "frame-src": ["'self'", "https:"],
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
# A task RUNNING for longer than this is taken for lost (its worker died) and runs again.
NEWSDESK_TASK_LOST_AFTER = env_int("NEWSDESK_TASK_LOST_AFTER", 3600)

# Wagtail.
WAGTAIL_SITE_NAME = env_str("NEWSDESK_SITE_NAME", "Newsdesk")
WAGTAILADMIN_BASE_URL = env_str("NEWSDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.NewsImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "newsdesk.search.backends"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Operations: /metrics answers only with this bearer token (404 while it is unset).
NEWSDESK_METRICS_TOKEN = env_str("NEWSDESK_METRICS_TOKEN", "")
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": False,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": True,
    "INTEGRATIONS": [],
    "IGNORE_URLS": [],
    "UUID_LENGTH": 32,
}

# Logs: one JSON object per line (LOG_FORMAT=json, production's default) or plain text, each
# with the request id of the request that wrote it.
LOG_FORMAT = env_choice("LOG_FORMAT", ("text", "json"), "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "django_guid.log_filters.CorrelationId"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(correlation_id)s",
            "timestamp": "time",  # ISO 8601, UTC
            "rename_fields": {
                "levelname": "level",
                "name": "logger",
                "correlation_id": "request_id",
            },
        },
        "text": {"format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # One line per background task is noise on a laptop; failures still show.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # One line per request without an X-Request-ID header is noise.
        "django_guid": {"level": "WARNING"},
    },
}
