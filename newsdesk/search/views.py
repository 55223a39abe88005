"""Readers' search of their edition (``/<lang>/search/?q=``): published stories only."""

import re

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.querysets import LISTING_PAGE_SIZE, attach_sections

# A longer query adds nothing a reader needs and only costs the database.
MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+(?:['’-]\w+)*")
OPERATORS = {"NEAR", "AND", "OR", "NOT"}


def clean_query(raw: str) -> str:
    """The query as the search backend gets it: spaces collapsed, control characters
    dropped, at most ``MAX_QUERY_LENGTH`` characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> str:
    """The words of a query, without what the full-text engines read as syntax (quotes,
    ``*``, brackets, ``field:``, upper-case ``NEAR``/``AND``/``OR``/``NOT``): readers'
    punctuation must never become an operator or a syntax error."""
    words = WORD.findall(query)
    return " ".join(word.lower() if word in OPERATORS else word for word in words)


def search(request):
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results = ArticlePage.objects.none()
    if terms:
        stories = ArticlePage.objects.live().public().in_edition(Locale.get_active())
        results = stories.search(terms, operator="and")
    try:
        with transaction.atomic():  # a failed query must not spoil the rest of the request
            page = Paginator(results, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
            articles = list(page.object_list)
    except DatabaseError:  # whatever the engine still cannot read: no results, not a 500
        page = Paginator([], LISTING_PAGE_SIZE).get_page(1)
        articles = []
    attach_sections(articles)
    context = {"query": query, "articles": page, "results": articles, "alternates": _alternates()}
    return TemplateResponse(request, "search/search.html", context)


def _alternates() -> list[dict]:
    alternates = []
    for locale in Locale.objects.all():
        with translation.override(locale.language_code):
            alternates.append({"code": locale.language_code, "url": reverse("search")})
    return alternates
