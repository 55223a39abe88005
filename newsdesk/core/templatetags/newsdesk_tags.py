"""Template tags shared by every public page: the edition chrome, translations, teasers."""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from newsdesk.core.site import absolute_url
from newsdesk.lib.html import json_ld as render_json_ld

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass
class Edition:
    language_code: str
    home: Page | None
    sections: list = field(default_factory=list)
    settings: object = None  # the edition's settings row (editions.Edition), if any

    @property
    def name(self) -> str:
        if self.settings is not None and self.settings.name:
            return self.settings.name
        return self.home.title if self.home else settings.WAGTAIL_SITE_NAME

    @property
    def logo(self):
        return self.settings.logo if self.settings is not None else None

    @property
    def datetime_format(self) -> str:
        return self.settings.datetime_format if self.settings is not None else "DATETIME_FORMAT"

    @property
    def attribution_wording(self) -> str:
        return self.settings.attribution_wording if self.settings is not None else ""


def _active_locale(page):
    if page is not None and getattr(page, "locale_id", None):
        return page.locale
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


@register.simple_tag(takes_context=True)
def edition(context, page=None):
    """The edition a page belongs to: its home page and top-level sections (two queries, once)."""
    from newsdesk.editions.models import HomePage
    from newsdesk.sections.models import SectionPage

    request = context.get("request")
    cached = getattr(request, "_newsdesk_edition", None)
    if cached is not None:
        return cached
    locale = _active_locale(page)
    language = locale.language_code if locale else translation.get_language()
    home = HomePage.objects.filter(locale=locale).first() if locale else None
    sections = list(SectionPage.objects.child_of(home).live().public()) if home else []
    result = Edition(
        language_code=language,
        home=home,
        sections=sections,
        settings=getattr(request, "edition", None),
    )
    if request is not None:
        request._newsdesk_edition = result
    return result


@register.simple_tag(takes_context=True)
def translations(context, page=None):
    """The editions this page exists in, published, each with its URL: for the language
    switcher and hreflang alternates. Pages list their live translations; other views pass
    ``alternates`` (``[{"code", "url"}]``) for the editions where they have content."""
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        versions = page.get_translations(inclusive=True).live().public().select_related("locale")
        items = [
            {"code": version.locale.language_code, "url": version.get_url(request)}
            for version in versions
        ]
    else:
        items = [dict(item) for item in context.get("alternates", [])]
    current = translation.get_language()
    order = [code for code, _ in settings.LANGUAGES]
    items.sort(key=lambda item: order.index(item["code"]) if item["code"] in order else 99)
    for item in items:
        item["full_url"] = absolute_url(request, item["url"])
        item["name"] = LANGUAGE_NAMES.get(item["code"], item["code"])
        item["current"] = item["code"] == current
    return items


@register.simple_tag(takes_context=True)
def full_url(context, path):
    return absolute_url(context.get("request"), path)


@register.simple_tag
def json_ld(data):
    return render_json_ld(data)


@register.inclusion_tag("core/includes/teaser.html", takes_context=True)
def teaser(context, article, size="small", heading_level=3):
    edition_info = getattr(context.get("request"), "_newsdesk_edition", None)
    return {
        "request": context.get("request"),
        "datetime_format": edition_info.datetime_format if edition_info else "DATETIME_FORMAT",
        "article": article,
        "size": size,
        "heading_level": heading_level,
    }


@register.inclusion_tag("core/includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    return {"request": context.get("request"), "page_obj": page_obj}


@register.filter
def is_within(page, ancestor) -> bool:
    """True when ``page`` is ``ancestor`` or sits below it in the page tree."""
    path = getattr(page, "path", None)
    return bool(path and ancestor is not None and path.startswith(ancestor.path))
