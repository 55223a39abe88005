from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

LISTING_PAGE_SIZE = 20


def attach_sections(articles) -> None:
    """Give each article its section in one query (articles sit three levels below it)."""
    from newsdesk.sections.models import SectionPage

    articles = [a for a in articles if a.path]
    depth = 3 * Page.steplen
    paths = {a.path[:-depth] for a in articles}
    by_path = {s.path: s for s in SectionPage.objects.filter(path__in=paths)} if paths else {}
    for article in articles:
        article._section = by_path.get(article.path[:-depth])


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
        """Stories of one edition; ``locale`` is a Locale or its primary key."""
        return self.filter(locale=locale)

    def by_author(self, author):
        """Stories bylined by ``author`` or by any edition's version of their profile (a
        byline may name the profile of the edition it was first written in)."""
        from .models import ArticleAuthor

        bylines = ArticleAuthor.objects.filter(author__translation_key=author.translation_key)
        return self.filter(id__in=bylines.values("page_id"))

    def listing_page(self, number, per_page: int = LISTING_PAGE_SIZE) -> PaginatorPage:
        """One page of a listing, teasers ready to render. A malformed number (not a whole
        number, or below 1) gives the first page; one past the end gives the last page."""
        try:
            number = max(1, int(number))
        except (TypeError, ValueError):
            number = 1
        page = Paginator(self.for_listing(), per_page).get_page(number)
        attach_sections(page.object_list)
        return page


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
