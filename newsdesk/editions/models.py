from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index


class HomePage(Page):
    """The front page of one edition (``/fr/``, ``/en/``, ``/vi/``).

    Each edition is a Wagtail locale with its own home page tree; the home pages are
    translations of one another. Editors curate the featured stories here; the rest of the
    page (latest, one rail per section) fills itself.
    """

    tagline = models.CharField(_("tagline"), max_length=255, blank=True)

    search_fields = Page.search_fields + [index.SearchField("tagline")]
    api_fields = [APIField("tagline"), APIField("featured_items")]
    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        InlinePanel("featured_items", label=_("Featured stories"), max_num=8),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage"]
    max_count_per_parent = 3

    FEATURED_COUNT = 4
    LATEST_COUNT = 8
    RAIL_COUNT = 4

    class Meta:
        verbose_name = _("edition home page")

    def featured_articles(self, articles, count: int) -> list:
        """The editor's chosen stories among ``articles``, in their order, completed with
        the newest others up to ``count``."""
        chosen_ids = list(self.featured_items.values_list("article_id", flat=True))
        chosen = {a.pk: a for a in articles.filter(pk__in=chosen_ids).for_listing()}
        featured = [chosen[pk] for pk in chosen_ids if pk in chosen][:count]
        if len(featured) < count:
            newest = articles.exclude(pk__in=[a.pk for a in featured]).for_listing()
            featured += list(newest[: count - len(featured)])
        return featured

    def get_context(self, request, *args, **kwargs):
        from newsdesk.articles.models import ArticlePage
        from newsdesk.sections.models import SectionPage

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().in_edition(self.locale_id)
        featured = self.featured_articles(articles, self.FEATURED_COUNT)
        latest = list(
            articles.exclude(pk__in=[a.pk for a in featured]).for_listing()[: self.LATEST_COUNT]
        )
        rails = []
        for section in SectionPage.objects.child_of(self).live().public():
            items = list(articles.descendant_of(section).for_listing()[: self.RAIL_COUNT])
            if items:
                rails.append((section, items))
        ArticlePage.attach_sections(featured + latest + [a for _, items in rails for a in items])
        context.update(featured=featured, latest=latest, rails=rails)
        return context


class FeaturedItem(Orderable):
    """One editor-chosen story in the home page's “featured” block, in the chosen order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]
    api_fields = [APIField("article")]


def validate_time_zone(value):
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Asia/Ho_Chi_Minh.") % {"value": value}
        ) from None


class Edition(models.Model):
    """What differs between editions beyond their language: masthead name and logo, the
    time zone dates are printed in, how long dates are, and how a source is credited."""

    class DateStyle(models.TextChoices):
        LONG = "long", _("Long (9 mars 2025 à 07:13)")
        SHORT = "short", _("Short (09/03/2025 07:13)")

    locale = models.OneToOneField(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="edition",
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("Masthead; defaults to the home page's title."),
    )
    logo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Dates on this edition's pages; empty: the newsroom's (NEWSDESK_TIME_ZONE)."),
    )
    date_style = models.CharField(
        _("date style"), max_length=10, choices=DateStyle.choices, default=DateStyle.LONG
    )
    attribution_wording = models.CharField(
        _("source attribution wording"),
        max_length=60,
        blank=True,
        help_text=_(
            "Words before the outlet's name, e.g. “D'après”; empty: “Selon”/“According to”/“Theo”."
        ),
    )

    panels = [
        FieldPanel("locale"),
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("time_zone"),
        FieldPanel("date_style"),
        FieldPanel("attribution_wording"),
    ]

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return self.name or self.locale.get_display_name()

    @property
    def datetime_format(self) -> str:
        return (
            "SHORT_DATETIME_FORMAT"
            if self.date_style == self.DateStyle.SHORT
            else "DATETIME_FORMAT"
        )


class TranslationCredit(models.Model):
    """The credit line under one edition's version of a story: the machine translator that
    drafted it and the people who then reviewed its segments, recorded as wagtail-localize
    saves segment translations (``credits.py``) because a reviewed segment no longer says
    it was once machine output; or the editor's own wording, which replaces the automatic
    "Traduit automatiquement, relu par …"."""

    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    machine_translator = models.CharField(_("machine translator"), max_length=100, blank=True)
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewers"), blank=True, related_name="+"
    )
    note = models.CharField(
        _("note to readers"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown under this translation. Leave empty for the automatic note naming the "
            "machine translation and the people who reviewed it."
        ),
    )

    class Meta:
        verbose_name = _("translation credit")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="one_credit_per_translation"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale})"
