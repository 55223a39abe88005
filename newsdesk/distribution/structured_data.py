"""schema.org data for an article page (JSON-LD)."""

from newsdesk.core.site import absolute_url


def article_json_ld(page, request, authors) -> dict:
    """A ``NewsArticle`` with byline, dates, section, image and source attribution."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lede,
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": url,
        "url": url,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(request, author.get_url(page.locale.language_code)),
            }
            for author in authors
        ],
    }
    if page.display_date:
        data["datePublished"] = page.display_date.isoformat()
        data["dateModified"] = (
            page.updated_at if page.was_updated else page.display_date
        ).isoformat()
    section = page.get_section()
    if section is not None:
        data["articleSection"] = section.title
    if page.lead_image:
        rendition = page.lead_image.get_rendition("fill-1200x675")
        data["image"] = [absolute_url(request, rendition.url)]
    if page.source_url:
        data["isBasedOn"] = page.source_url
    original = translated_from(page)
    if original is not None:
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "url": original.get_full_url(request),
            "inLanguage": original.locale.language_code,
        }
    if page.source:
        data["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": page.source.name}
        if page.source.home_url:
            data["sourceOrganization"]["url"] = page.source.home_url
    return data


def translated_from(page):
    """The published story this page was translated from in the newsroom (wagtail-localize
    records which edition a translation was made from), or None."""
    from newsdesk.editions.credits import translation_record

    made = translation_record(page)
    if made is None:
        return None
    original = page.get_translation_or_none(made.source.locale)
    return original if original is not None and original.live else None
