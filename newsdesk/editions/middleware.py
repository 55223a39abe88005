from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin import messages

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
