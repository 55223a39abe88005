"""A server: every secret, host and service from the environment, no insecure default.

The variables are listed in README.md (Configuration) and deploy/newsdesk.env.example.
"""

import environ

from newsdesk.lib.env import env_bool, env_choice, env_int, env_list, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(  # noqa: F405
        "The environment variable ALLOWED_HOSTS is required: the site's host names, "
        "separated by commas (e.g. www.example.com,example.com)."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# HTTPS everywhere: nginx (or the CDN) terminates TLS and says so in X-Forwarded-Proto.
# NEWSDESK_HTTPS=false is for trying the production stack on a machine without TLS
# (`make prod`): plain HTTP, cookies without the Secure flag, no HSTS.
NEWSDESK_HTTPS = env_bool("NEWSDESK_HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", NEWSDESK_HTTPS)
# Probes and the metrics scraper talk to gunicorn directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SESSION_COOKIE_SECURE = NEWSDESK_HTTPS
CSRF_COOKIE_SECURE = NEWSDESK_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if NEWSDESK_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Media: a folder on this server (MEDIA_ROOT, served by nginx) or an S3-compatible bucket.
NEWSDESK_MEDIA_S3_BUCKET = env_str("NEWSDESK_MEDIA_S3_BUCKET", "")
if NEWSDESK_MEDIA_S3_BUCKET:
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role).
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NEWSDESK_MEDIA_S3_BUCKET,
            "endpoint_url": env_str("NEWSDESK_MEDIA_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("NEWSDESK_MEDIA_S3_REGION", "") or None,
            "custom_domain": env_str("NEWSDESK_MEDIA_S3_CUSTOM_DOMAIN", "") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Mail (workflow notifications, password resets): EMAIL_URL such as
# smtp+tls://user:password@mail.example.com:587; unset, mail is written to the log.
EMAIL_URL = env_str("EMAIL_URL", "")
globals().update(environ.Env.email_url_config(EMAIL_URL or "consolemail://"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"Newsdesk <noreply@{ALLOWED_HOSTS[0]}>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# One JSON object per log line, for journald or a log shipper.
LOGGING["handlers"]["console"]["formatter"] = env_choice("LOG_FORMAT", ("text", "json"), "json")  # noqa: F405

# Errors to Sentry (or a compatible service such as GlitchTip) when SENTRY_DSN is set.
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    from importlib.metadata import version

    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=f"newsdesk@{version('newsdesk')}",
        traces_sample_rate=float(env_int("SENTRY_TRACES_PERCENT", 0)) / 100,
        send_default_pii=False,
    )
