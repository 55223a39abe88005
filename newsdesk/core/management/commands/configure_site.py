"""Point the default site record at NEWSDESK_BASE_URL (canonical URLs, copy link, share)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = "Set the default site's host name and port from NEWSDESK_BASE_URL (idempotent)."

    def handle(self, *args, **options):
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        if base.scheme not in ("http", "https") or not base.hostname:
            raise CommandError(
                f"NEWSDESK_BASE_URL must look like https://news.example, "
                f"not {settings.WAGTAILADMIN_BASE_URL!r}."
            )
        port = base.port or (443 if base.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site: run `manage.py migrate` first.")
        if (site.hostname, site.port) != (base.hostname, port):
            site.hostname, site.port = base.hostname, port
            site.save()
        self.stdout.write(f"Site address: {site.root_url}/")
