from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.models import Locale

from newsdesk.articles.models import ArticlePage

from .models import Author


def author_page(request, slug: str):
    """An author's profile and their stories in this edition, newest first.

    A byline slug from another edition redirects to this edition's profile of the same
    person when there is one, and shows the other edition's profile otherwise.
    """
    locale = Locale.get_active()
    authors = Author.objects.select_related("photo", "locale")
    author = authors.filter(slug=slug, locale=locale).first()
    if author is None:
        other = authors.filter(slug=slug).first()
        if other is None:
            raise Http404
        translated = other.get_translation_or_none(locale)
        if translated is not None:
            return redirect(translated.get_url(locale.language_code), permanent=True)
        author = other
    page = (
        ArticlePage.objects.live()
        .public()
        .in_edition(locale)
        .by_author(author)
        .listing_page(request.GET.get("page"))
    )
    alternates = [
        {"code": version.locale.language_code, "url": version.get_url()}
        for version in author.get_translations(inclusive=True).select_related("locale")
    ]
    context = {"author": author, "articles": page, "alternates": alternates}
    return TemplateResponse(request, "authors/author_page.html", context)
