from django.db.models import Prefetch
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class ArticlePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Newest first, with what a teaser shows preloaded: no query per article."""
        from newsdesk.images.models import NewsRendition

        return (
            self.select_related("lead_image")
            .prefetch_related(
                Prefetch("lead_image__renditions", queryset=NewsRendition.objects.all())
            )
            .order_by("-published_at", "-pk")
        )

    def in_edition(self, locale):
        return self.filter(locale=locale)


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
