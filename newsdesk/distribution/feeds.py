"""RSS 2.0 and Atom feeds of an edition, a section, an author and a tag.

``/<lang>/feed/`` and ``/<lang>/<section path>/feed/`` (sections may nest), with
``/<lang>/authors/<slug>/feed/`` and ``/<lang>/tags/<slug>/feed/``; the Atom version of
each is the same address followed by ``atom/``. Each lists the 50 newest published,
public stories of the edition in that scope: lede as description, lead image (Media RSS
``media:content``; an ``enclosure`` link in Atom), section and tags as categories, every
author, the source outlet, dates in the edition's time zone.

A feed costs the same few queries whatever the number of stories, and a reader that
already has it gets a 304 from one cheap query (the newest stories' ids and publication
times make its ETag and Last-Modified).
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.translation import gettext
from django.views.decorators.http import condition, require_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Locale

from newsdesk.articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    NewsTag,
    SourceRelation,
)
from newsdesk.articles.querysets import attach_sections
from newsdesk.authors.models import Author
from newsdesk.core.site import absolute_url
from newsdesk.editions.models import HomePage
from newsdesk.lib.xml import xml_text
from newsdesk.sections.models import SectionPage

FEED_SIZE = 50
FEED_MAX_AGE = 300  # seconds a reader or a CDN may keep a feed before asking again
IMAGE_SPEC = "fill-1200x675"  # the rendition structured data uses too
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class CleanFeedMixin:
    """Feed generators that accept any text: whatever a story holds (pasted control
    characters, a broken surrogate from an import), the feed stays well-formed XML.
    ``]]>``, ``<`` and ``&`` need nothing: the XML writer escapes them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_text(args), **xml_text(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_text(args), **xml_text(kwargs))


class NewsRssFeed(CleanFeedMixin, Rss201rev2Feed):
    """RSS 2.0 with a ``dc:creator`` per author, a Media RSS image and the source outlet."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        image = item["image"]
        if image is not None:
            handler.startElement(
                "media:content",
                {
                    "url": image["url"],
                    "type": image["type"],
                    "medium": "image",
                    "width": str(image["width"]),
                    "height": str(image["height"]),
                },
            )
            if image["caption"]:
                handler.addQuickElement("media:description", image["caption"], {"type": "plain"})
            if image["credit"]:
                handler.addQuickElement("media:credit", image["credit"])
            handler.endElement("media:content")
        source = item["source"]
        if source is not None:
            if source["feed_url"]:
                # RSS 2.0's <source>: the outlet, with the address of its own feed or site.
                handler.addQuickElement("source", source["name"], {"url": source["feed_url"]})
            if source["url"]:
                handler.addQuickElement("dc:source", source["url"])


class NewsAtomFeed(CleanFeedMixin, Atom1Feed):
    """Atom with an ``<author>`` per author, the image as an enclosure link, and the
    source outlet (``<source>``, and the original article as a ``via`` link)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        image = item["image"]
        if image is not None:
            attrs = {"rel": "enclosure", "href": image["url"], "type": image["type"]}
            handler.addQuickElement("link", "", attrs)
        source = item["source"]
        if source is not None:
            if source["url"]:
                handler.addQuickElement("link", "", {"rel": "via", "href": source["url"]})
            handler.startElement("source", {})
            if source["home_url"]:
                handler.addQuickElement("id", source["home_url"])
                handler.addQuickElement(
                    "link", "", {"rel": "alternate", "href": source["home_url"]}
                )
            handler.addQuickElement("title", source["name"])
            handler.endElement("source")


FEED_TYPES = {"rss": NewsRssFeed, "atom": NewsAtomFeed}


@dataclass
class EditionInfo:
    locale: Locale
    home: HomePage
    name: str
    attribution_wording: str = ""

    @property
    def language(self) -> str:
        return self.locale.language_code

    def articles(self) -> QuerySet:
        return ArticlePage.objects.live().public().in_edition(self.locale)


@dataclass
class FeedScope:
    """What one feed lists: the edition's public stories, narrowed to a section, an
    author or a tag; with its title and the address of the page it mirrors."""

    request: object
    edition: EditionInfo
    title: str
    link: str
    description: str
    articles: QuerySet

    @cached_property
    def newest(self) -> list[tuple]:
        """The listed stories' ids and times, newest first: one query on an indexed order."""
        rows = self.articles.order_by("-published_at", "-pk").values_list(
            "pk", "published_at", "last_published_at", "updated_at"
        )
        return list(rows[:FEED_SIZE])

    def etag(self) -> str:
        """Changes when a story enters or leaves the feed, is republished, or the feed's
        own title changes."""
        state = repr((self.edition.language, self.title, self.newest))
        return hashlib.sha256(state.encode("utf-8", "replace")).hexdigest()[:32]

    def last_modified(self) -> datetime | None:
        """The newest publication among the listed stories (the display date only for
        stories published without a revision), never later than now: an editor's
        future display date must not freeze If-Modified-Since."""
        times = [last or shown for _pk, shown, last, _updated in self.newest if last or shown]
        return min(max(times), timezone.now()) if times else None

    def items(self) -> list[ArticlePage]:
        articles = list(
            self.articles.for_listing()
            .select_related("source")
            .prefetch_related(
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
                ),
                # In the order they were given, so that a feed's bytes (and ETag) stay the
                # same from one query plan to the next.
                Prefetch(
                    "tagged_items",
                    queryset=ArticlePageTag.objects.select_related("tag").order_by("pk"),
                ),
            )[:FEED_SIZE]
        )
        attach_sections(articles)
        for article in articles:
            article.locale = self.edition.locale  # in_edition(): the same for every story
        return articles


class ArticleFeed(Feed):
    """Django's syndication feed, filled from a ``FeedScope``."""

    def __init__(self, scope: FeedScope, feed_type):
        self.scope = scope
        self.request = scope.request
        self.feed_type = feed_type
        self.language = scope.edition.language

    def get_object(self, request, *args, **kwargs):
        return self.scope

    def title(self, scope):
        return scope.title

    def link(self, scope):
        return scope.link

    def description(self, scope):
        return scope.description or scope.title

    def feed_url(self, scope):
        return absolute_url(self.request, self.request.path)

    def author_name(self, scope):
        return scope.edition.name

    def items(self, scope):
        return scope.items()

    def item_title(self, item):
        # Plain text in both formats (Django escapes titles once more by default, which
        # Atom readers then show as “&amp;”).
        return item.title

    def item_description(self, item):
        """The lede, then the source line (“Selon vietnamnet.vn (…)”) as the article
        page prints it, the outlet linked to the original article."""
        lede = format_html("<p>{}</p>", item.lede)
        if item.source is None:
            return lede
        outlet = (
            format_html('<a href="{}">{}</a>', item.source_url, item.source.name)
            if item.source_url
            else escape(item.source.name)
        )
        wording = self.scope.edition.attribution_wording
        if wording:
            credit = format_html("{} {}", wording, outlet)
        else:
            credit = escape(gettext("According to %(source)s")) % {"source": outlet}
        if item.source_relation:
            credit += format_html(" ({})", SourceRelation(item.source_relation).label)
        return f"{lede}<p>{credit}</p>"

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return _local(item.display_date)

    def item_updateddate(self, item):
        return _local(item.updated_at if item.was_updated else item.display_date)

    def item_categories(self, item):
        section = item.get_section()
        names = [section.title] if section is not None else []
        return names + [tagged.tag.name for tagged in item.tagged_items.all()]

    def item_extra_kwargs(self, item):
        language = self.scope.edition.language
        authors = [
            {
                "name": link.author.name,
                "url": absolute_url(self.request, link.author.get_url(language)),
            }
            for link in item.article_authors.all()
        ]
        source = None
        if item.source is not None:
            source = {
                "name": item.source.name,
                "home_url": item.source.home_url,
                "feed_url": item.source.feed_url or item.source.home_url or item.source_url,
                "url": item.source_url,
            }
        return {"authors": authors, "image": self.image(item), "source": source}

    def image(self, item) -> dict | None:
        if item.lead_image is None:
            return None
        try:
            rendition = item.lead_image.get_rendition(IMAGE_SPEC)
        except SourceImageIOError:
            return None  # the original file is missing: no picture rather than no feed
        url = rendition.url
        if url.startswith("/"):
            url = absolute_url(self.request, url)
        return {
            "url": url,
            "type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            "width": rendition.width,
            "height": rendition.height,
            "caption": item.lead_caption,
            "credit": item.lead_image.credit,
        }


def _local(moment: datetime | None) -> datetime | None:
    """In the edition's time zone (EditionMiddleware activates it), to the second."""
    return timezone.localtime(moment).replace(microsecond=0) if moment else None


# Views ------------------------------------------------------------------------------


def _edition(request) -> EditionInfo:
    """The edition of the address (``/fr/…``): its locale, live home page and name."""
    settings_row = getattr(request, "edition", None)
    if settings_row is not None:
        locale = settings_row.locale
    else:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            raise Http404 from None
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        raise Http404
    name = settings_row.name if settings_row is not None and settings_row.name else home.title
    wording = settings_row.attribution_wording if settings_row is not None else ""
    return EditionInfo(locale=locale, home=home, name=name, attribution_wording=wording)


def _title(edition: EditionInfo, name: str) -> str:
    return f"{edition.name} — {name}"


@require_safe
def edition_feed(request, feed_format: str):
    edition = _edition(request)
    scope = FeedScope(
        request=request,
        edition=edition,
        title=edition.name,
        link=edition.home.get_full_url(request),
        description=edition.home.tagline or edition.name,
        articles=edition.articles(),
    )
    return serve_feed(request, scope=scope, feed_format=feed_format)


@require_safe
def section_feed(request, section_path: str, feed_format: str):
    edition = _edition(request)
    section = (
        SectionPage.objects.live()
        .public()
        .filter(locale=edition.locale, url_path=edition.home.url_path + section_path)
        .first()
    )
    if section is None:
        raise Http404
    scope = FeedScope(
        request=request,
        edition=edition,
        title=_title(edition, section.title),
        link=section.get_full_url(request),
        description=section.search_description or section.introduction,
        articles=edition.articles().descendant_of(section),
    )
    return serve_feed(request, scope=scope, feed_format=feed_format)


@require_safe
def author_feed(request, slug: str, feed_format: str):
    """Like the author page: a slug from another edition redirects to this edition's
    version of the person, or lists their stories here under the other profile."""
    edition = _edition(request)
    authors = Author.objects.all()
    author = authors.filter(slug=slug, locale=edition.locale).first()
    if author is None:
        other = authors.filter(slug=slug).first()
        if other is None:
            raise Http404
        translated = other.get_translation_or_none(edition.locale)
        if translated is not None:
            name = "author_feed_atom" if feed_format == "atom" else "author_feed"
            return redirect(reverse(name, kwargs={"slug": translated.slug}), permanent=True)
        author = other
    scope = FeedScope(
        request=request,
        edition=edition,
        title=_title(edition, author.name),
        link=absolute_url(request, author.get_url(edition.language)),
        description=author.job_title,
        articles=edition.articles().by_author(author),
    )
    return serve_feed(request, scope=scope, feed_format=feed_format)


@require_safe
def tag_feed(request, slug: str, feed_format: str):
    edition = _edition(request)
    tag = get_object_or_404(NewsTag, slug=slug)
    scope = FeedScope(
        request=request,
        edition=edition,
        title=_title(edition, tag.name),
        link=absolute_url(request, reverse("tag", kwargs={"slug": tag.slug})),
        description="",
        articles=edition.articles().filter(tagged_items__tag=tag),
    )
    return serve_feed(request, scope=scope, feed_format=feed_format)


def serve_feed(request, *, scope: FeedScope, feed_format: str):
    response = _conditional_feed(request, scope=scope, feed_format=feed_format)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@condition(
    etag_func=lambda request, scope, feed_format: f"{feed_format}-{scope.etag()}",
    last_modified_func=lambda request, scope, feed_format: scope.last_modified(),
)
def _conditional_feed(request, *, scope: FeedScope, feed_format: str):
    response = ArticleFeed(scope, FEED_TYPES[feed_format])(request)
    # Django stamps the newest item date; the conditional check uses the newest
    # publication instead, and the two must agree for If-Modified-Since to work.
    del response.headers["Last-Modified"]
    return response
