"""The public address of the site, for every absolute URL a page prints."""

from django.conf import settings
from wagtail.models import Site


def absolute_url(request, path: str) -> str:
    """``path`` on the site's public address (the Wagtail site record), so canonical URLs,
    copy-link, share links and structured data agree whatever host the request came on."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return root + path
