"""Sitemaps for search engines: ``/sitemap.xml`` (an index of the edition homes, sections
and articles, each URL with its ``lastmod`` and hreflang alternates), ``/news-sitemap.xml``
(Google News: the last 48 hours) and ``/robots.txt`` naming both.

Django's sitemap framework does the work (pagination, the index, ``Last-Modified``); this
module adds what it does not know: Wagtail's translations as alternates (preloaded for a
whole sitemap page in one query), the site's address from the Wagtail site record, and the
``news:`` elements.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import Paginator
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest, Length, Substr
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Locale, Page

from newsdesk.articles.models import ArticlePage
from newsdesk.core.site import absolute_url
from newsdesk.editions.models import Edition, HomePage
from newsdesk.lib.xml import xml_text
from newsdesk.sections.models import SectionPage

# Django's default is the protocol's ceiling (50,000 URLs). A URL with three alternates and
# an x-default takes about 0.7 KB, so 10,000 stay far below the 50 MB ceiling whatever the
# slugs, the alternates fit one SQL parameter list, and a page renders in about 1.5 s.
SITEMAP_LIMIT = 10_000
NEWS_WINDOW = timedelta(hours=48)  # Google News: articles published in the last two days
NEWS_LIMIT = 1_000  # Google News: at most 1,000 URLs per news sitemap
ARTICLE_DEPTH = 3  # an article sits three levels below its section (year, month, article)


def _to_second(value: datetime | None) -> datetime | None:
    return value.replace(microsecond=0) if value is not None else None


def w3c_datetime(value: datetime, time_zone: str | None = None) -> str:
    """``2025-03-09T07:13:00+07:00``: W3C date-time with its offset, in ``time_zone``."""
    zone = ZoneInfo(time_zone or settings.TIME_ZONE)
    return timezone.localtime(value, zone).replace(microsecond=0).isoformat()


def google_news_language(language_code: str) -> str:
    """The language as Google News wants it: an ISO 639 code (``fr``, ``vi``), except
    ``zh-cn`` and ``zh-tw`` for simplified and traditional Chinese."""
    code = language_code.lower().replace("_", "-")
    if code in ("zh-hans", "zh-cn", "zh-sg"):
        return "zh-cn"
    if code in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
        return "zh-tw"
    return code.split("-")[0]


def article_lastmod_expression():
    """In SQL, an article's ``lastmod`` as :meth:`ArticleSitemap.lastmod` computes it."""
    shown = Coalesce("published_at", "first_published_at", "latest_revision_created_at")
    return Greatest(Coalesce("updated_at", shown), shown)


class PageSitemap(Sitemap):
    """The live, public pages of one type, each with its published translations.

    Pages are listed in creation order (primary key): a new page lands on the last page of
    the sitemap, and the earlier pages keep their content (until a page is unpublished or
    deleted, which shifts the ones after it).
    """

    limit = SITEMAP_LIMIT
    model = Page
    fields = ("id", "path", "url_path", "translation_key", "locale_id")

    def __init__(self, request=None):
        self.request = request

    def queryset(self):
        return self.model.objects.all()

    @cached_property
    def live_pages(self):
        # Built once: ``public()`` reads the view restrictions when it is called.
        return self.queryset().live().public()

    def items(self):
        return self.live_pages.only(*self.fields).order_by("pk")

    @cached_property
    def paginator(self):
        # Django builds a new paginator (and counts again) at every use; once is enough.
        return Paginator(self._items(), self.limit)

    def lastmod(self, page) -> datetime | None:
        return _to_second(page.last_published_at or page.first_published_at)

    def get_latest_lastmod(self) -> datetime | None:
        newest = self.live_pages.aggregate(
            newest=Max(Coalesce("last_published_at", "first_published_at"))
        )["newest"]
        return _to_second(newest)

    def _urls(self, page, protocol, domain):
        """One page of the sitemap: two queries, however many URLs and translations."""
        paginator_page = self.paginator.page(page)
        items = list(paginator_page.object_list)
        versions = self.translations(paginator_page.object_list)
        urls = []
        for item in items:
            alternates = versions.get(item.translation_key, [])
            location = next((v["location"] for v in alternates if v["page_id"] == item.pk), None)
            if location is None:  # not routable, or unpublished since the page was read
                continue
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def translations(self, pages) -> dict:
        """The live, public versions of ``pages`` in every edition, by translation key:
        ``[{"page_id", "lang_code", "location"}]`` in the editions' order, then ``x-default``
        (the default edition's version) when there is one. Every version of a key gets the
        same list, so alternates are always reciprocal."""
        versions = (
            self.live_pages.filter(translation_key__in=pages.values("translation_key"))
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code")
        )
        order = {code: n for n, (code, _name) in enumerate(settings.LANGUAGES)}
        by_key = {}
        for version in versions:
            location = version.get_full_url(self.request)
            if location is not None:
                by_key.setdefault(version.translation_key, []).append(
                    {
                        "page_id": version.pk,
                        "lang_code": version.locale.language_code,
                        "location": location,
                    }
                )
        for alternates in by_key.values():
            alternates.sort(key=lambda v: order.get(v["lang_code"], len(order)))
            default = [v for v in alternates if v["lang_code"] == settings.LANGUAGE_CODE]
            if default and len(alternates) > 1:
                alternates.append({**default[0], "lang_code": "x-default", "page_id": None})
        return by_key


class ListingSitemap(PageSitemap):
    """The edition homes and their sections. A listing changes whenever a story below it
    does, so its ``lastmod`` is its own publication or the newest story below it, whichever
    is later. (Year and month folders are left out: they only list the stories the article
    sitemap already names, and there are a dozen of them per section and year.)"""

    fields = PageSitemap.fields + ("last_published_at", "first_published_at")

    def queryset(self):
        return Page.objects.type(HomePage, SectionPage)

    @cached_property
    def newest_story_below(self) -> dict[str, datetime]:
        """The newest story's ``lastmod`` below every page with stories, by page path: one
        query grouping the stories by section, then each section's ancestors in Python."""
        steplen = Page.steplen
        rows = (
            ArticlePage.objects.live()
            .public()
            .annotate(section_path=Substr("path", 1, Length("path") - ARTICLE_DEPTH * steplen))
            .order_by()
            .values("section_path")
            .annotate(newest=Max(article_lastmod_expression()))
        )
        newest = {}
        for row in rows:
            if row["newest"] is None:
                continue
            path = row["section_path"]
            for end in range(steplen, len(path) + 1, steplen):
                if newest.get(path[:end]) is None or newest[path[:end]] < row["newest"]:
                    newest[path[:end]] = row["newest"]
        return newest

    def lastmod(self, page) -> datetime | None:
        dates = [d for d in (super().lastmod(page), self.newest_story_below.get(page.path)) if d]
        return _to_second(max(dates)) if dates else None

    def get_latest_lastmod(self) -> datetime | None:
        dates = [super().get_latest_lastmod(), *self.newest_story_below.values()]
        dates = [d for d in dates if d is not None]
        return _to_second(max(dates)) if dates else None


class ArticleSitemap(PageSitemap):
    """Every published story, in every edition."""

    model = ArticlePage
    fields = PageSitemap.fields + (
        "published_at",
        "updated_at",
        "first_published_at",
        "latest_revision_created_at",
    )

    def lastmod(self, article) -> datetime | None:
        """When readers last saw it change, as the article's JSON-LD ``dateModified`` says."""
        return _to_second(article.updated_at if article.was_updated else article.display_date)

    def get_latest_lastmod(self) -> datetime | None:
        return _to_second(
            self.live_pages.aggregate(newest=Max(article_lastmod_expression()))["newest"]
        )


class NewsSitemap(Sitemap):
    """Google News: the stories of every edition published in the last 48 hours, newest
    first, at most 1,000. No ``Last-Modified``: the list also changes when stories age out
    of the window, which no story's date records."""

    limit = NEWS_LIMIT

    def __init__(self, request=None):
        self.request = request

    def items(self):
        now = timezone.now()
        return (
            ArticlePage.objects.live()
            .public()
            .filter(published_at__gt=now - NEWS_WINDOW, published_at__lte=now)
            .only("id", "url_path", "title", "locale_id", "published_at")
            .order_by("-published_at", "-pk")[: self.limit]
        )

    @cached_property
    def paginator(self):
        return Paginator(self._items(), self.limit)

    def publications(self) -> dict[int, dict]:
        """Each edition's name and Google News language, by locale id (three queries)."""
        homes = {home.locale_id: home for home in HomePage.objects.only("title", "locale_id")}
        editions = {edition.locale_id: edition for edition in Edition.objects.all()}
        publications = {}
        for locale_id, language_code in Locale.objects.values_list("pk", "language_code"):
            edition, home = editions.get(locale_id), homes.get(locale_id)
            name = (
                (edition.name if edition is not None else "")
                or (home.title if home is not None else "")
                or settings.WAGTAIL_SITE_NAME
            )
            publications[locale_id] = {
                "name": xml_text(name),
                "language": google_news_language(language_code),
                "time_zone": edition.time_zone if edition is not None else "",
            }
        return publications

    def _urls(self, page, protocol, domain):
        publications = self.publications()
        urls = []
        for article in self.paginator.page(page).object_list:
            location = article.get_full_url(self.request)
            publication = publications.get(article.locale_id)
            if location is None or publication is None:
                continue
            urls.append(
                {
                    "item": article,
                    "location": location,
                    "publication": publication,
                    "publication_date": w3c_datetime(
                        article.published_at, publication["time_zone"]
                    ),
                    "title": xml_text(article.title),
                }
            )
        return urls


SITEMAPS = {"sections": ListingSitemap, "articles": ArticleSitemap}


def _sitemaps(request) -> dict[str, PageSitemap]:
    """The sitemaps with at least one URL: an empty ``<urlset>`` is invalid."""
    sitemaps = {name: cls(request) for name, cls in SITEMAPS.items()}
    return {name: sitemap for name, sitemap in sitemaps.items() if sitemap.paginator.count}


def sitemap_index(request):
    """``/sitemap.xml``: the index of every page of every sitemap, with its ``lastmod``."""
    response = sitemap_views.index(request, _sitemaps(request), sitemap_url_name="sitemap_section")
    # Django writes the request's host; every address we print is on the site's own.
    request_root = f"{request.scheme}://{get_current_site(request).domain}"
    for item in response.context_data["sitemaps"]:
        item.location = absolute_url(request, item.location.removeprefix(request_root))
    return response


def sitemap_section(request, section: str):
    """``/sitemap-<section>.xml?p=N``: one page of one sitemap."""
    if section not in SITEMAPS:
        raise Http404(f"No sitemap for {section!r}.")
    sitemap = SITEMAPS[section](request)
    if not sitemap.paginator.count:
        raise Http404(f"The {section!r} sitemap is empty.")
    return sitemap_views.sitemap(
        request, {section: sitemap}, section=section, template_name="distribution/sitemap.xml"
    )


def news_sitemap(request):
    """``/news-sitemap.xml``: the Google News sitemap."""
    return sitemap_views.sitemap(
        request, {"news": NewsSitemap(request)}, template_name="distribution/news_sitemap.xml"
    )


def robots_txt(request):
    """``/robots.txt``: keep crawlers out of the newsroom and preview links, and name the
    sitemaps on the site's address."""
    context = {
        "sitemaps": [
            absolute_url(request, reverse("sitemap_index")),
            absolute_url(request, reverse("news_sitemap")),
        ]
    }
    return TemplateResponse(
        request, "distribution/robots.txt", context, content_type="text/plain; charset=utf-8"
    )
