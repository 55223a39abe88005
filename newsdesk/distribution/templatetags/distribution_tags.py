"""The head of a page for machines: JSON-LD, OpenGraph and Twitter cards."""

from django import template

from newsdesk.core.site import absolute_url
from newsdesk.core.templatetags.newsdesk_tags import edition as current_edition
from newsdesk.lib.html import json_ld

from ..structured_data import IMAGE_RATIOS, article_images, article_json_ld, home_json_ld

register = template.Library()

OG_LOCALES = {"fr": "fr_FR", "en": "en_US", "vi": "vi_VN"}


@register.inclusion_tag("distribution/article_head.html", takes_context=True)
def article_head(context, page):
    """Everything an article tells machines in its ``<head>``; the lead image's renditions
    are looked up once for JSON-LD and the cards."""
    request = context["request"]
    edition = current_edition(context, page)
    images = article_images(page, request)
    tags = context.get("tags", [])
    authors = context.get("authors", [])
    language = page.locale.language_code
    data = article_json_ld(
        page,
        request,
        authors=authors,
        tags=tags,
        breadcrumbs=context.get("breadcrumbs", []),
        edition=edition,
        images=images,
    )
    published = page.display_date.isoformat() if page.display_date else ""
    modified = (page.updated_at if page.was_updated else page.display_date) if published else None
    section = page.get_section()
    return {
        "json_ld": [json_ld(item) for item in data],
        "page": page,
        "site_name": edition.name,
        "og_locale": OG_LOCALES.get(language, language),
        "url": page.get_full_url(request),
        "image": images[0] if images else None,
        "published": published,
        "modified": modified.isoformat() if modified else "",
        "section": section.title if section else "",
        "tags": tags,
        "author_urls": [absolute_url(request, a.get_url(language)) for a in authors],
        "image_ratios": IMAGE_RATIOS,
    }


@register.inclusion_tag("distribution/page_social.html", takes_context=True)
def page_social(context, title, description, page=None):
    """Cards for the other pages; the edition home also gets its ``WebSite`` data."""
    from newsdesk.editions.models import HomePage

    request = context.get("request")
    edition = current_edition(context, page)
    language = edition.language_code
    url = page.get_full_url(request) if page is not None and getattr(page, "pk", None) else ""
    data = []
    if isinstance(page, HomePage):
        data = [json_ld(item) for item in home_json_ld(page, request, edition=edition)]
    return {
        "site_name": edition.name,
        "og_locale": OG_LOCALES.get(language, language),
        "title": title,
        "description": description,
        "url": url,
        "json_ld": data,
    }
