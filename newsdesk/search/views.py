"""Readers' search of their edition (``/<lang>/search/?q=``): published stories only."""

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from newsdesk.articles.querysets import LISTING_PAGE_SIZE, attach_sections

from .analysis import base_language
from .forms import ReaderSearchForm
from .services import clean_query, highlight, search_articles

LEDE_WORDS = 60
# Results a reader can page through (50 pages). Counting further, for a word in a third of
# the archive, would cost more than the search itself; more is said as "1,000 or more".
MAX_RESULTS = 1000


def search(request):
    locale = Locale.get_active()
    query = clean_query(request.GET.get("q", ""))
    form = ReaderSearchForm(request.GET, locale=locale)
    filters = form.filters()
    results = search_articles(query, locale=locale, **filters)[:MAX_RESULTS]
    try:
        with transaction.atomic():  # a failed query must not spoil the rest of the request
            page = Paginator(results, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
            articles = list(page.object_list)
    except DatabaseError:  # whatever the engine still cannot read: no results, not a 500
        page = Paginator([], LISTING_PAGE_SIZE).get_page(1)
        articles = []
    attach_sections(articles)
    language = base_language(locale.language_code)
    for article in articles:
        article.highlighted_title = highlight(article.title, query, language)
        lede = article.lede.split()
        shown = " ".join(lede[:LEDE_WORDS]) + ("…" if len(lede) > LEDE_WORDS else "")
        article.highlighted_lede = highlight(shown, query, language)
    context = {
        "query": query,
        "form": form,
        "filtered": any(value for name, value in filters.items() if name != "sort"),
        "sort": filters["sort"],
        "more_than_shown": page.paginator.count >= MAX_RESULTS,
        "max_results": MAX_RESULTS,
        "articles": page,
        "results": articles,
        "alternates": _alternates(),
    }
    return TemplateResponse(request, "search/search.html", context)


def _alternates() -> list[dict]:
    alternates = []
    for locale in Locale.objects.all():
        with translation.override(locale.language_code):
            alternates.append({"code": locale.language_code, "url": reverse("search")})
    return alternates
