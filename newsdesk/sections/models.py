from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

# Paths the edition claims for itself (``/fr/authors/…``); no section may take them.
RESERVED_SLUGS = frozenset({"authors", "tags", "search", "feed", "atom", "api", "admin"})


class ListingMixin:
    """A page that lists the published articles below it, newest first, paginated."""

    def get_listing(self, request):
        from newsdesk.articles.models import ArticlePage

        articles = ArticlePage.objects.live().public().descendant_of(self)
        return articles.listing_page(request.GET.get("page"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_listing(request)
        return context


class SectionPage(ListingMixin, Page):
    """A desk of the paper (“International”, “Sport”); sections may nest one level or more.

    Articles are filed below their section in year and month folders, so no page ever
    collects more than a few thousand children, even with a million articles.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["editions.HomePage", "sections.SectionPage"]
    subpage_types = ["sections.SectionPage", "sections.YearArchivePage"]

    class Meta:
        verbose_name = _("section")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is reserved for the edition's own pages.")
                    % {"slug": self.slug}
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = SectionPage.objects.child_of(self).live().public()
        return context


class ArchiveMixin(ListingMixin):
    """A date folder: its listing is titled with its section and its period. Folders hold
    no text of their own, so they add nothing to search or the API beyond Page's fields."""

    FOLDER_LEVELS = 1  # how far below its section the folder sits

    @cached_property
    def section(self):
        return SectionPage.objects.filter(
            path=self.path[: -self.FOLDER_LEVELS * Page.steplen]
        ).first()


class YearArchivePage(ArchiveMixin, Page):
    """A year's folder inside a section (``/fr/international/2025/``). Created on demand."""

    parent_page_types = ["sections.SectionPage"]
    subpage_types = ["sections.MonthArchivePage"]
    template = "sections/archive_page.html"

    class Meta:
        verbose_name = _("year folder")

    @property
    def period(self) -> str:
        return self.slug


class MonthArchivePage(ArchiveMixin, Page):
    """A month's folder inside a year (``/fr/international/2025/03/``); articles live here."""

    parent_page_types = ["sections.YearArchivePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "sections/archive_page.html"

    FOLDER_LEVELS = 2

    class Meta:
        verbose_name = _("month folder")

    @property
    def period(self) -> str:
        """“juin 2025”, “June 2025”, “tháng 6/2025”: in the active language."""
        year = int(self.url_path.rstrip("/").split("/")[-2])  # …/<yyyy>/<mm>/
        return date_format(date(year, int(self.slug), 1), "YEAR_MONTH_FORMAT")
