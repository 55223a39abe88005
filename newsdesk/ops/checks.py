"""Deployment checks (``manage.py check --deploy``): what would make a production site slow,
silent or unreachable, said before the first reader notices."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def cache_is_shared(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The cache is each process's own memory: pages are rendered again in every "
                "gunicorn worker and a publication purges only one of them.",
                hint="Set REDIS_URL, e.g. redis://127.0.0.1:6379/0.",
                id="newsdesk.W001",
            )
        ]
    return []


@register(deploy=True)
def mail_is_sent(app_configs, **kwargs):
    if settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend")):
        return [
            Warning(
                "Mail is written to the log, not sent: the newsroom gets no workflow "
                "notification and nobody can reset a password.",
                hint="Set EMAIL_URL, e.g. smtp+tls://user:password@mail.example.com:587.",
                id="newsdesk.W002",
            )
        ]
    return []


@register(deploy=True)
def base_url_is_public(app_configs, **kwargs):
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if url.scheme != "https" or url.hostname in {"127.0.0.1", "localhost", "::1"}:
        return [
            Warning(
                f"NEWSDESK_BASE_URL is {settings.WAGTAILADMIN_BASE_URL}: links in "
                "notification mails, feeds and preview links would point there.",
                hint="Set NEWSDESK_BASE_URL to the site's public https:// address.",
                id="newsdesk.W003",
            )
        ]
    return []


@register(deploy=True)
def metrics_token_is_strong(app_configs, **kwargs):
    token = settings.NEWSDESK_METRICS_TOKEN
    if token and len(token) < 32:
        return [
            Warning(
                "NEWSDESK_METRICS_TOKEN is shorter than 32 characters.",
                hint='Make one with: python3 -c "import secrets; print(secrets.token_hex(32))"',
                id="newsdesk.W004",
            )
        ]
    return []
