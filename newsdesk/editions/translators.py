"""Machine translation for wagtail-localize: DeepL and any LibreTranslate server, over HTTP.

Both share one base class: one request per batch of segments, with a time-out; every
failure becomes a ``TranslationProviderError`` whose message tells the translator what
happened and whether trying again may help; a segment whose markup comes back changed is
left untranslated rather than saved broken. Keys come from the environment only.
"""

import abc
import logging

import requests
from django.utils.translation import gettext as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from newsdesk.lib.markup import same_markup

logger = logging.getLogger(__name__)


class TranslationProviderError(Exception):
    """The provider could not translate. ``retryable``: trying again later may work."""

    def __init__(self, message: str, *, retryable: bool):
        super().__init__(message)
        self.retryable = retryable


class HTTPMachineTranslator(BaseMachineTranslator, abc.ABC):
    """What DeepL and LibreTranslate have in common: a JSON HTTP API and its failures."""

    display_name = "HTTP"

    @abc.abstractmethod
    def request(self, source_locale, target_locale, texts: list[str]) -> requests.Response:
        """Send the texts; each provider builds its own request."""

    @abc.abstractmethod
    def parse(self, response: requests.Response) -> list[str]:
        """The translated texts, in order; each provider reads its own answer."""

    @staticmethod
    def language(code: str) -> str:
        return code.split("-")[0].lower()

    def can_translate(self, source_locale, target_locale):
        return self.language(source_locale.language_code) != self.language(
            target_locale.language_code
        )

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            response = self.request(source_locale, target_locale, [s.data for s in strings])
        except requests.Timeout:
            raise TranslationProviderError(
                _("%(name)s did not answer in time. Try again in a moment.")
                % {"name": self.display_name},
                retryable=True,
            ) from None
        except requests.RequestException as error:
            raise TranslationProviderError(
                _("%(name)s cannot be reached (%(error)s). Try again later.")
                % {"name": self.display_name, "error": type(error).__name__},
                retryable=True,
            ) from None
        self.check_status(response)
        try:
            texts = self.parse(response)
        except (ValueError, KeyError, TypeError):
            texts = None
        if not isinstance(texts, list) or len(texts) != len(strings):
            raise TranslationProviderError(
                _("%(name)s sent an answer Newsdesk does not understand.")
                % {"name": self.display_name},
                retryable=False,
            )
        translations = {}
        for string, text in zip(strings, texts, strict=True):
            if same_markup(string.data, text):
                translations[string] = StringValue(text)
            else:  # refused for this segment: a person translates it
                logger.warning("%s changed the markup of a segment: %r", self.display_name, text)
        return translations

    def check_status(self, response: requests.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        name = self.display_name
        if status in (401, 403):
            message = _("%(name)s refused the key (HTTP %(status)s): check its setting.")
            retryable = False
        elif status == 429:
            wait = response.headers.get("Retry-After", "60")
            message = _("%(name)s has had too many requests: try again in %(wait)s seconds.") % {
                "name": name,
                "wait": wait,
                "status": status,
            }
            raise TranslationProviderError(message, retryable=True)
        elif status == 456:
            message = _("%(name)s's quota is used up (HTTP %(status)s).")
            retryable = False
        elif status >= 500:
            message = _("%(name)s failed (HTTP %(status)s). Try again later.")
            retryable = True
        else:
            message = _("%(name)s refused the request (HTTP %(status)s).")
            retryable = False
        raise TranslationProviderError(
            message % {"name": name, "status": status}, retryable=retryable
        )


class DeepLTranslator(HTTPMachineTranslator):
    """DeepL's API v2 (``/v2/translate``); free keys (ending ``:fx``) use DeepL's free host."""

    display_name = "DeepL"

    def endpoint(self) -> str:
        if url := self.options.get("API_URL"):
            return url.rstrip("/") + "/v2/translate"
        host = "api-free.deepl.com" if self.options["AUTH_KEY"].endswith(":fx") else "api.deepl.com"
        return f"https://{host}/v2/translate"

    def target(self, code: str) -> str:
        # DeepL wants a variant for English targets.
        return "EN-GB" if self.language(code) == "en" else self.language(code).upper()

    def request(self, source_locale, target_locale, texts):
        return requests.post(
            self.endpoint(),
            json={
                "text": texts,
                "source_lang": self.language(source_locale.language_code).upper(),
                "target_lang": self.target(target_locale.language_code),
                "tag_handling": "html",
            },
            headers={"Authorization": f"DeepL-Auth-Key {self.options['AUTH_KEY']}"},
            timeout=self.options.get("TIMEOUT", 20),
        )

    def parse(self, response):
        return [item["text"] for item in response.json()["translations"]]


class LibreTranslateTranslator(HTTPMachineTranslator):
    """Any server speaking LibreTranslate's API (``POST /translate``), a newsroom's own too."""

    display_name = "LibreTranslate"

    def request(self, source_locale, target_locale, texts):
        payload = {
            "q": texts,
            "source": self.language(source_locale.language_code),
            "target": self.language(target_locale.language_code),
            "format": "html",
        }
        if key := self.options.get("API_KEY"):
            payload["api_key"] = key
        return requests.post(
            self.options["URL"].rstrip("/") + "/translate",
            json=payload,
            timeout=self.options.get("TIMEOUT", 20),
        )

    def parse(self, response):
        return response.json()["translatedText"]
