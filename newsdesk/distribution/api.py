"""Wagtail's read API v2 at ``/api/v2/``: live, public pages, and the images and documents
they show.

``/api/v2/pages/`` takes Wagtail's own parameters (``type``, ``fields``, ``child_of``,
``descendant_of``, ``locale``, ``search``, ``order``, ``limit``/``offset``…) and these
for articles, each alone or combined:

- ``edition=fr``: the stories of one edition (the same as Wagtail's ``locale=fr``);
- ``section=12`` or ``section=international`` (a slug path under the edition home,
  ``international/asie``, or with the edition first, ``fr/international``): stories filed
  anywhere below that section;
- ``author=<slug>``, ``tag=<slug>``: stories with that author in the byline, or that tag;
- ``published_after=`` / ``published_before=``: an ISO date (``2025-03-09``, midnight in
  the newsroom's time zone) or date-time with its offset (``2025-03-09T07:13:00+07:00``);
  ``published_after`` is inclusive and ``published_before`` exclusive, so
  ``published_after=2025-03-09&published_before=2025-03-10`` is that day's stories.

Any of the article filters restricts the listing to articles (``type`` may be omitted),
newest first unless ``order`` says otherwise. A malformed value is a 400 naming the
parameter; an edition, section, author or tag that does not exist is a 404; both have a
JSON body ``{"message": …}``, as has any unknown path under ``/api/v2/``.

Drafts, unpublished and private (view-restricted) pages never appear: the pages endpoint
starts from Wagtail's live, public pages, and the images and documents endpoints list only
what a live, public page or an author profile shows, so a draft's photo and caption stay
in the newsroom until the story is published.
"""

import re
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import Cast
from django.http import Http404, JsonResponse
from django.urls import re_path
from django.utils import timezone
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.blocks import StreamValue
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, ReferenceIndex

from newsdesk.articles.models import ArticleAuthor, ArticlePage, ArticlePageTag, NewsTag
from newsdesk.authors.models import Author
from newsdesk.sections.models import SectionPage

ARTICLE_FILTERS = ("section", "author", "tag", "published_after", "published_before")
SLUG = re.compile(r"[-\w]+", re.ASCII)
SLUG_PATH = re.compile(r"/?[-\w]+(?:/[-\w]+)*/?", re.ASCII)
MAX_PARAMETER_LENGTH = 255
MAX_ID = 2**31 - 1  # the largest primary key every database takes: beyond it, a 404


class WithoutEditionPrefix:
    """A URLconf with no language-prefixed patterns. Django's LocaleMiddleware answers a 404
    on a path without a language by redirecting to ``/fr/<path>`` when that path resolves,
    and the editions' page catch-all resolves any path; a 404 of the API names this URLconf
    as ``request.urlconf`` so that it reaches the client as the 404 it is."""

    urlpatterns = []


def not_found_as_is(request, response):
    """``response``, kept as it is when it is a 404 (see ``WithoutEditionPrefix``)."""
    if response.status_code == 404:
        request.urlconf = WithoutEditionPrefix
    return response


def article_preloads() -> list:
    """What an article's API fields read besides its own row, fetched once per listing."""
    return [
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("author__locale"),
        ),
        Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
    ]


def parameter(request, name: str, *, pattern=None, example: str = "") -> str | None:
    """The value of query parameter ``name`` (None when absent), or ``BadRequestError``
    naming it when it is empty, too long, holds a null character or misses ``pattern``."""
    if name not in request.GET:
        return None
    value = request.GET[name].strip()
    if (
        not value
        or len(value) > MAX_PARAMETER_LENGTH
        or "\x00" in value
        or (pattern is not None and not pattern.fullmatch(value))
    ):
        hint = f", e.g. {name}={example}" if example else ""
        raise BadRequestError(f"{name}: {value[:60]!r} is not a valid value{hint}")
    return value


# Filters ------------------------------------------------------------------------------


class EditionFilter(BaseFilterBackend):
    """``?edition=fr``: pages of one edition, by its language code (Wagtail's ``locale``)."""

    def filter_queryset(self, request, queryset, view):
        code = parameter(request, "edition", example="fr")
        if code is None:
            return queryset
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            codes = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
            raise Http404(f"edition: no edition {code!r} (editions: {codes})")
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if child_of is not None:
            queryset._filtered_by_child_of = child_of
        return queryset


class SectionFilter(BaseFilterBackend):
    """``?section=12`` or ``?section=international``: articles anywhere below the section
    (in its year and month folders, and in its sub-sections)."""

    def filter_queryset(self, request, queryset, view):
        value = parameter(request, "section", pattern=SLUG_PATH, example="international")
        if value is None:
            return queryset
        sections = self.sections(view, value.strip("/"))
        if not sections:
            raise Http404(f"section: no published section {value!r}")
        below = Q()
        for section in sections:
            below |= Q(path__startswith=section.path, depth__gt=section.depth)
        return queryset.filter(below)

    @staticmethod
    def sections(view, value: str) -> list:
        public = SectionPage.objects.filter(
            pk__in=view.get_base_queryset().values_list("pk", flat=True)
        )
        if value.isdigit():
            return list(public.filter(pk=int(value)))
        # A slug path below an edition home (“international/asie”), or from the edition
        # home down (“fr/international/asie”): url_path is “/<home>/<section>/…/”.
        candidates = public.filter(url_path__endswith=f"/{value}/").only(
            "path", "depth", "url_path"
        )
        return [
            section
            for section in candidates
            if value in (section.url_path.strip("/"), section.url_path.strip("/").partition("/")[2])
        ]


class AuthorFilter(BaseFilterBackend):
    """``?author=<slug>``: articles with that author in their byline."""

    def filter_queryset(self, request, queryset, view):
        slug = parameter(request, "author", pattern=SLUG, example="viet-dung")
        if slug is None:
            return queryset
        if not Author.objects.filter(slug=slug).exists():
            raise Http404(f"author: no author {slug!r}")
        bylines = ArticleAuthor.objects.filter(author__slug=slug).values("page_id")
        return queryset.filter(id__in=bylines)


class TagFilter(BaseFilterBackend):
    """``?tag=<slug>``: articles with that tag (Wagtail's ``tags=`` takes a tag's name)."""

    def filter_queryset(self, request, queryset, view):
        slug = parameter(request, "tag", pattern=SLUG, example="me-kong")
        if slug is None:
            return queryset
        if not NewsTag.objects.filter(slug=slug).exists():
            raise Http404(f"tag: no tag {slug!r}")
        tagged = ArticlePageTag.objects.filter(tag__slug=slug).values("content_object_id")
        return queryset.filter(id__in=tagged)


class PublishedDateFilter(BaseFilterBackend):
    """``?published_after=`` (inclusive) and ``?published_before=`` (exclusive), on the
    publication time readers see (``published_at``)."""

    def filter_queryset(self, request, queryset, view):
        after = self.moment(request, "published_after")
        before = self.moment(request, "published_before")
        if after is not None:
            queryset = queryset.filter(published_at__gte=after)
        if before is not None:
            queryset = queryset.filter(published_at__lt=before)
        return queryset

    @staticmethod
    def moment(request, name: str) -> datetime | None:
        value = parameter(request, name, example="2025-03-09")
        if value is None:
            return None
        # An offset sent unencoded (“…07:13:00+07:00”) arrives with a space for its “+”.
        value = re.sub(r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (\d\d:?\d\d)$", r"\1+\2", value)
        try:
            parsed = (
                datetime.fromisoformat(value)
                if "T" in value.upper() or " " in value
                else date.fromisoformat(value)
            )
        except ValueError:
            raise BadRequestError(
                f"{name}: {value[:60]!r} is not an ISO 8601 date or date-time, e.g. "
                f"{name}=2025-03-09 or {name}=2025-03-09T07:13:00+07:00"
            ) from None
        if not isinstance(parsed, datetime):
            parsed = datetime.combine(parsed, time.min)
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed


# Serialising articles without a query per article ---------------------------------


class BylineField(Field):
    """``[{"name": …, "slug": …}]`` in byline order, from the prefetched byline."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [{"name": link.author.name, "slug": link.author.slug} for link in _byline(page)]


class ArticleTagsField(Field):
    """``[{"name": …, "slug": …}]`` by name; the slug is what ``?tag=`` takes."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if "tagged_items" in getattr(page, "_prefetched_objects_cache", {}):
            tags = [item.tag for item in page.tagged_items.all()]
        else:
            tags = list(page.tags.all())
        return [{"name": tag.name, "slug": tag.slug} for tag in sorted(tags, key=_by_name)]


def preload_streams(streams) -> None:
    """Convert the blocks of several StreamField values at once, one ``bulk_to_python`` per
    block type for them all (one query for every image of a listing's bodies, not one per
    article): what Wagtail's ``StreamValue._prefetch_blocks`` does for a single stream."""
    pending = {}  # block type => [(stream, index)]
    for stream in streams:
        for index, raw in enumerate(stream._raw_data):
            if stream._bound_blocks[index] is None:
                pending.setdefault(raw["type"], []).append((stream, index))
    for type_name, places in pending.items():
        child_block = places[0][0].stream_block.child_blocks.get(type_name)
        if child_block is None:
            continue  # a block type the model no longer has: Wagtail skips it too
        values = child_block.bulk_to_python([s._raw_data[i]["value"] for s, i in places])
        for (stream, index), value in zip(places, values, strict=True):
            stream._bound_blocks[index] = StreamValue.StreamChild(
                child_block, value, id=stream._raw_data[index].get("id")
            )


def _byline(page):
    if "article_authors" in getattr(page, "_prefetched_objects_cache", {}):
        return page.article_authors.all()
    return page.article_authors.select_related("author")


def _by_name(tag):
    return (tag.name.casefold(), tag.pk)


# Endpoints ----------------------------------------------------------------------------


class JSONNotFoundMixin:
    """An unknown id is a JSON 404 (Wagtail's), never a redirect to an edition page."""

    def dispatch(self, request, *args, **kwargs):
        return not_found_as_is(request, super().dispatch(request, *args, **kwargs))

    def get_object(self):
        if int(self.kwargs.get("pk", 0)) > MAX_ID:
            raise Http404("not found")
        return super().get_object()


class NewsPagesAPIViewSet(JSONNotFoundMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint with the newsroom's filters, articles newest first and
    their byline, tags, lead image and source read in a fixed number of queries."""

    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        EditionFilter,
        SectionFilter,
        AuthorFilter,
        TagFilter,
        PublishedDateFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["edition", *ARTICLE_FILTERS]
    )

    def get_base_queryset(self):
        """Wagtail's live, public pages, worked out once per request (it is asked for by
        the listing, its filters and its serialiser, and each time reads the view
        restrictions and the site's translations)."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()

    def filters_articles(self) -> bool:
        return any(name in self.request.GET for name in ARTICLE_FILTERS)

    def get_queryset(self):
        if self.filters_articles():
            type_name = self.request.GET.get("type")
            if type_name:
                try:
                    models = page_models_from_string(type_name)
                except (LookupError, ValueError) as error:
                    raise BadRequestError("type doesn't exist") from error
                if models != (ArticlePage,):
                    raise BadRequestError(
                        f"{', '.join(n for n in ARTICLE_FILTERS if n in self.request.GET)}: "
                        "these filters select articles; use them with type=articles.ArticlePage "
                        "or without type"
                    )
            queryset = ArticlePage.objects.filter(
                pk__in=self.get_base_queryset().values_list("pk", flat=True)
            )
        else:
            queryset = super().get_queryset()
        if issubclass(queryset.model, ArticlePage):
            queryset = queryset.select_related("locale", "lead_image", "source").prefetch_related(
                *article_preloads()
            )
            if "order" not in self.request.GET:
                queryset = queryset.order_by("-published_at", "-id")
            return queryset
        return queryset.select_related("locale")

    def paginate_queryset(self, queryset):
        pages = super().paginate_queryset(queryset)
        if "body" in self.get_serializer_class().Meta.fields:
            preload_streams([page.body for page in pages if isinstance(page, ArticlePage)])
        return pages

    def get_object(self):
        page = super().get_object()
        if isinstance(page, ArticlePage):
            prefetch_related_objects([page], *article_preloads())
        return page

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        if issubclass(model, ArticlePage):
            overrides.setdefault("byline", BylineField(read_only=True))
            overrides.setdefault("tags", ArticleTagsField(read_only=True))
        return overrides


class ShownByPublishedContentMixin:
    """Only files a live, public page (or an author's public profile) shows, as Wagtail's
    reference index records them: a draft's photo and its caption are not published."""

    def get_queryset(self):
        if not hasattr(self, "_shown"):  # once per request: it reads the view restrictions
            self._shown = self.shown(super().get_queryset())
        return self._shown.all()

    def shown(self, queryset):
        shown = ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(queryset.model),
        ).filter(
            Q(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=get_public_pages_queryset(self.request)
                .annotate(key_text=Cast("pk", CharField()))
                .values("key_text"),
            )
            | Q(base_content_type=ContentType.objects.get_for_model(Author))
        )
        return queryset.annotate(key_text=Cast("pk", CharField())).filter(
            key_text__in=shown.values("to_object_id")
        )


class PublishedImagesAPIViewSet(JSONNotFoundMixin, ShownByPublishedContentMixin, ImagesAPIViewSet):
    pass


class PublishedDocumentsAPIViewSet(
    JSONNotFoundMixin, ShownByPublishedContentMixin, DocumentsAPIViewSet
):
    pass


def api_not_found(request, *args, **kwargs):
    message = "not found: the endpoints are pages/, images/ and documents/"
    return not_found_as_is(request, JsonResponse({"message": message}, status=404))


class NewsAPIRouter(WagtailAPIRouter):
    """Wagtail's router, answering any other path below it with a JSON 404."""

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), re_path(r"", api_not_found)]


api_router = NewsAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsPagesAPIViewSet)
api_router.register_endpoint("images", PublishedImagesAPIViewSet)
api_router.register_endpoint("documents", PublishedDocumentsAPIViewSet)
