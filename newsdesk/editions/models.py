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
