import math

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import ArticleBodyBlock, body_text, images_missing_credit
from .forms import ArticlePageForm
from .querysets import ArticlePageManager, attach_sections

WORDS_PER_MINUTE = 220


class UncreditedImageError(ValidationError):
    """A story may not go live while an image it shows has no credit."""

    def __init__(self, titles):
        super().__init__(
            _("Add a credit to these images before publishing: %(titles)s")
            % {"titles": ", ".join(titles)},
            code="uncredited_image",
        )


class SourceRelation(models.TextChoices):
    TRANSLATED = "translated", _("translated from the original article")
    BASED_ON = "based_on", _("based on the original article")
    REPUBLISHED = "republished", _("republished from the original article")


class ArticlePage(Page):
    """A news story: headline, kicker, lede, structured body, byline, and where it came from.

    Articles live in month folders under their section (``/fr/international/2025/03/slug/``)
    so the page tree stays shallow and wide enough for a million stories.
    """

    kicker = models.CharField(
        _("kicker"), max_length=120, blank=True, help_text=_("A few words above the headline.")
    )
    lede = models.TextField(
        _("lede"),
        help_text=_("The standfirst: shown under the headline, in teasers, feeds and meta tags."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    lead_image = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        _("lead image caption"),
        max_length=500,
        blank=True,
        help_text=_("For this story, in its language; defaults to the image's caption."),
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"),
        max_length=400,
        blank=True,
        help_text=_("For this story, in its language; defaults to the image's alt text."),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Shown to readers; defaults to the time of first publication."),
    )
    updated_at = models.DateTimeField(
        _("update time"),
        null=True,
        blank=True,
        help_text=_("Set when a published story is updated."),
    )
    source = models.ForeignKey(
        "ingest.Source",
        verbose_name=_("source outlet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    source_url = models.URLField(_("original article URL"), max_length=1000, blank=True)
    source_relation = models.CharField(
        _("relation to the source"), max_length=20, choices=SourceRelation.choices, blank=True
    )
    tags = ClusterTaggableManager(through="articles.ArticlePageTag", blank=True)

    objects = ArticlePageManager()
    base_form_class = ArticlePageForm

    content_panels = [
        FieldPanel("kicker"),
        FieldPanel("title", classname="title"),
        FieldPanel("lede"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_alt"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("source_url"), FieldPanel("source_relation")],
            heading=_("Source attribution"),
        ),
        FieldRowPanel([FieldPanel("published_at"), FieldPanel("updated_at")], heading=_("Dates")),
    ]

    # Headline above kicker, lede, section, authors and tags, above the body (see
    # newsdesk.search.backends for how each database weighs them). A later entry for a
    # field replaces Page's, so the headline gets our boost.
    search_fields = Page.search_fields + [
        index.SearchField("title", boost=10),
        index.SearchField("kicker", boost=3),
        index.SearchField("lede", boost=3),
        index.SearchField("section_name", boost=2),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name", boost=2)])]
        ),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]
    api_fields = [
        APIField("kicker"),
        APIField("lede"),
        APIField("body"),
        APIField("lead_image"),
        APIField("lead_image_caption"),
        APIField("published_at"),
        APIField("updated_at"),
        APIField("byline"),
        APIField("tags"),
        APIField("attribution"),
        APIField("reading_time"),
    ]

    parent_page_types = ["sections.MonthArchivePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        # Wagtail sets first_published_at just before saving a first publication.
        if self.published_at is None and self.first_published_at is not None:
            self.published_at = self.first_published_at
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.source_url and not self.source_id:
            errors["source"] = _("Name the outlet the original article comes from.")
        if self.source_id and not self.source_relation:
            errors["source_relation"] = _("Say how this story relates to its source.")
        if errors:
            raise ValidationError(errors)

    @property
    def byline(self) -> list[dict]:
        """The credited authors, in byline order, for the API and feeds."""
        return [
            {"name": link.author.name, "slug": link.author.slug}
            for link in self.article_authors.select_related("author")
        ]

    @property
    def attribution(self) -> dict | None:
        """Where the story comes from: outlet, original URL and relation, or None."""
        if self.source is None:
            return None
        return {
            "outlet": self.source.name,
            "outlet_url": self.source.home_url,
            "url": self.source_url,
            "relation": self.source_relation,
        }

    @property
    def display_date(self):
        return self.published_at or self.first_published_at or self.latest_revision_created_at

    @property
    def was_updated(self) -> bool:
        return bool(self.updated_at and self.display_date and self.updated_at > self.display_date)

    @property
    def reading_time(self) -> int:
        """Minutes a reader needs for lede and body, at least one."""
        words = len(f"{self.lede}\n{body_text(self.body)}".split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def lead_caption(self) -> str:
        return self.lead_image_caption or (self.lead_image.caption if self.lead_image else "")

    @property
    def lead_alt(self) -> str:
        return self.lead_image_alt or (self.lead_image.default_alt_text if self.lead_image else "")

    def images_missing_credit(self) -> list[tuple[str, str]]:
        """``(field, title)`` of images shown without a credit; publishing requires none."""
        return images_missing_credit(self.lead_image, self.body)

    def publish(self, revision, *args, **kwargs):
        """Refuse a revision that shows an uncredited image. Workflow approval, the
        scheduler, bulk actions and code publish through here; the editor's Publish button
        runs Wagtail's action directly, and its form checks the same rule first."""
        missing = revision.as_object().images_missing_credit()
        if missing:
            raise UncreditedImageError([title for _field, title in missing])
        return super().publish(revision, *args, **kwargs)

    def section_name(self) -> str:
        """The section's name, for search: "Monde" finds the stories filed under it."""
        section = self.get_section()
        return section.title if section else ""

    def get_section(self):
        if not hasattr(self, "_section"):
            self.attach_sections([self])
        return self._section

    attach_sections = staticmethod(attach_sections)

    def get_context(self, request, *args, **kwargs):
        from newsdesk.editions.credits import reader_note
        from newsdesk.editions.models import HomePage

        context = super().get_context(request, *args, **kwargs)
        others = ArticlePage.objects.live().public().in_edition(self.locale_id).exclude(pk=self.pk)
        home = HomePage.objects.filter(locale_id=self.locale_id).first()
        featured = home.featured_articles(others, 4) if home else []
        latest = list(others.exclude(pk__in=[a.pk for a in featured]).for_listing()[:5])
        self.attach_sections(featured + latest)
        context.update(
            edition_home=home,
            authors=[item.author for item in self.article_authors.select_related("author")],
            breadcrumbs=self.get_ancestors()
            .live()
            .filter(depth__gte=2)
            .not_type(_archive_types())
            .specific(),
            featured=featured,
            latest=latest,
            translation_note=reader_note(self),
            tags=list(self.tags.all()),
        )
        return context


def _archive_types():
    from newsdesk.sections.models import MonthArchivePage, YearArchivePage

    return (YearArchivePage, MonthArchivePage)


class ArticleAuthor(Orderable):
    """One name in an article's byline, in the order the byline prints them."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )

    panels = [FieldPanel("author")]


class NewsTag(TagBase):
    """A keyword on stories. Slugs are ASCII in every language (“Mê Kông” → ``me-kong``),
    so tag URLs stay readable and typeable."""

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def slugify(self, tag, i=None):
        slug = slugify(anyascii(tag)) or "tag"
        return f"{slug}-{i}" if i is not None else slug


class ArticlePageTag(ItemBase):
    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")
