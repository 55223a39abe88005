"""What search engines, aggregators and social networks read from a page: schema.org data
(JSON-LD) and the OpenGraph and Twitter card tags, for articles and edition homes."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from newsdesk.core.site import absolute_url

SCHEMA = "https://schema.org"
# Google asks for images in 16:9, 4:3 and 1:1, at least 1,200 pixels wide.
IMAGE_RATIOS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
LOGO = "height-60"


def publisher(edition, request) -> dict:
    """The edition as a ``NewsMediaOrganization``: its name, home and logo (the edition's
    logo when it has one, else the site's icon)."""
    home_url = edition.home.get_full_url(request) if edition.home else absolute_url(request, "/")
    if edition.logo is not None:
        rendition = edition.logo.get_rendition(LOGO)
        logo = {
            "@type": "ImageObject",
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    else:
        logo = {
            "@type": "ImageObject",
            "url": absolute_url(request, static("newsdesk/favicon.svg")),
        }
    return {"@type": "NewsMediaOrganization", "name": edition.name, "url": home_url, "logo": logo}


def article_images(page, request) -> list[dict]:
    """The lead image in the three ratios, one query for all."""
    if not page.lead_image:
        return []
    renditions = page.lead_image.get_renditions(*IMAGE_RATIOS)
    return [
        {
            "@type": "ImageObject",
            "url": absolute_url(request, renditions[spec].url),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for spec in IMAGE_RATIOS
    ]


def article_json_ld(page, request, *, authors, tags, breadcrumbs, edition, images) -> list[dict]:
    """A ``NewsArticle`` and its ``BreadcrumbList``."""
    url = page.get_full_url(request)
    article = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lede,
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(request, author.get_url(page.locale.language_code)),
            }
            for author in authors
        ],
        "publisher": publisher(edition, request),
    }
    if images:
        article["image"] = images
    if page.display_date:
        article["datePublished"] = page.display_date.isoformat()
        article["dateModified"] = (
            page.updated_at if page.was_updated else page.display_date
        ).isoformat()
    section = page.get_section()
    if section is not None:
        article["articleSection"] = section.title
    if tags:
        article["keywords"] = [tag.name for tag in tags]
    if page.source_url:
        article["isBasedOn"] = page.source_url
    original = translated_from(page)
    if original is not None:
        article["translationOfWork"] = {
            "@type": "NewsArticle",
            "url": original.get_full_url(request),
            "inLanguage": original.locale.language_code,
        }
    if page.source:
        article["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": page.source.name}
        if page.source.home_url:
            article["sourceOrganization"]["url"] = page.source.home_url
    return [article, breadcrumb_list(page, request, breadcrumbs)]


def breadcrumb_list(page, request, breadcrumbs) -> dict:
    """Home, the sections above the story, then the story, each with its address."""
    with translation.override(page.locale.language_code):
        home_label = translation.gettext("Home")
    crumbs = [
        (home_label if crumb.depth == 2 else crumb.title, crumb.get_full_url(request))
        for crumb in breadcrumbs
    ] + [(page.title, page.get_full_url(request))]
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": item_url}
            for n, (name, item_url) in enumerate(crumbs, start=1)
        ],
    }


def home_json_ld(home, request, *, edition) -> list[dict]:
    """The edition's home: a ``WebSite`` readers can search, and its publisher."""
    url = home.get_full_url(request)
    with translation.override(home.locale.language_code):
        search = absolute_url(request, reverse("search")) if _has_search() else ""
    website = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": edition.name,
        "url": url,
        "inLanguage": home.locale.language_code,
    }
    if search:
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        }
    return [website, {"@context": SCHEMA, **publisher(edition, request)}]


def _has_search() -> bool:
    from django.urls import NoReverseMatch

    try:
        reverse("search")
    except NoReverseMatch:
        return False
    return True


def translated_from(page):
    """The published story this page was translated from in the newsroom (wagtail-localize
    records which edition a translation was made from), or None."""
    from newsdesk.editions.credits import translation_record

    made = translation_record(page)
    if made is None:
        return None
    original = page.get_translation_or_none(made.source.locale)
    return original if original is not None and original.live else None
