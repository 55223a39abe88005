from zoneinfo import ZoneInfo

from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin import messages

from .models import Edition
from .translators import TranslationProviderError


class TranslationProviderErrorMiddleware:
    """A machine-translation failure is the translator's news, not a server error: say what
    happened and send them back to the translation editor, where they can try again.
    (wagtail-localize saves nothing before the provider has answered.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, TranslationProviderError):
            return None
        messages.error(request, str(exception))
        back = request.GET.get("next") or request.headers.get("Referer") or "/admin/"
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/admin/"
        return redirect(back)


class EditionMiddleware:
    """Reader pages take their edition's settings: the edition (``request.edition``) and its
    time zone, active for the whole response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.edition = None
        # Only edition pages (/fr/…, /en/…, /vi/…): the admin, the API, files and the
        # liveness probe never touch the database for this.
        language = translation.get_language_from_path(request.path_info)
        if language:
            request.edition = (
                Edition.objects.select_related("logo", "locale")
                .filter(locale__language_code=language)
                .first()
            )
        if request.edition is not None and request.edition.time_zone:
            timezone.activate(ZoneInfo(request.edition.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class EditionLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except for addresses outside the editions (the APIs, the
    admin, files, the probes and /metrics): one that is not found stays a plain 404 instead
    of being redirected into the default edition (``/api/nothing`` → ``/fr/api/nothing``)."""

    OUTSIDE_EDITIONS = (
        "/api/",
        "/admin/",
        "/documents/",
        "/preview/",
        "/static/",
        "/media/",
        "/healthz",
        "/readyz",
        "/metrics",
    )

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.OUTSIDE_EDITIONS):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
