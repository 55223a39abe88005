from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Max
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .translation_status import status_rows

ROWS_PER_PAGE = 50


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Admin: every story's state in every edition, newest first."""

    template_name = "editions/translation_status.html"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        from newsdesk.articles.models import ArticlePage

        context = super().get_context_data(**kwargs)
        # One row per story (translation key), the most recently edited first.
        stories = (
            ArticlePage.objects.values("translation_key")
            .annotate(edited=Max("latest_revision_created_at"))
            .order_by("-edited", "translation_key")
        )
        page = Paginator(stories, ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        keys = [story["translation_key"] for story in page.object_list]
        context.update(rows=status_rows(keys), page_obj=page, languages=settings.LANGUAGES)
        return context
