import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found as django_page_not_found
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# What a lost or refused database connection raises (also while PostgreSQL restarts).
DB_UNAVAILABLE = (OperationalError, InterfaceError)


def default_edition(request):
    """``/`` opens the default edition (``/fr/``), except for an old address kept as a
    redirect (``/?p=123`` of an imported WordPress blog), which goes where it points."""
    if request.META.get("QUERY_STRING"):
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path)
        if redirect is not None and redirect.link:
            response_class = (
                HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
            )
            return response_class(redirect.link)
    return HttpResponseRedirect(f"/{settings.LANGUAGE_CODE}/")


@never_cache
def healthz(request):
    """Liveness: the process answers, without touching the database or the cache."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    """The 404 page, in the language of the edition the reader was in."""
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    """The 500 page in the edition's language, rendered without touching the database.

    When the database itself is unreachable, readers get a 503 saying the page is back in a
    moment, with Retry-After, so that nginx serves its cached copy where it has one and
    crawlers come back later instead of dropping the page."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    unavailable = isinstance(sys.exc_info()[1], DB_UNAVAILABLE)
    template = "503.html" if unavailable else "500.html"
    with translation.override(language):
        body = loader.get_template(template).render({"LANGUAGE_CODE": language})
    if not unavailable:
        return HttpResponse(body, status=500)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "60"
    return response
