"""The newsroom's story search (``/admin/stories/search/``): full text across every
edition, drafts included, with the readers' language handling, for finding a story to
link, update or follow up. The admin's own page search (headlines, by prefix) and the
page chooser use the same accent-folded index."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.querysets import attach_sections

from .services import clean_query, search_articles

STATUSES = [("live", _("Live")), ("draft", _("Not live (draft or unpublished)"))]


class StoryFilterSet(WagtailFilterSet):
    # WagtailFilterSet adds the edition (locale) filter itself.
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUSES, method="filter_status", empty_label=_("Any")
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(live=(value == "live")) if value else queryset


class SectionColumn(Column):
    def get_value(self, instance):
        section = instance.get_section()
        return section.title if section else ""


class StorySearchView(BaseListingView):
    model = ArticlePage
    is_searchable = True
    filterset_class = StoryFilterSet
    paginate_by = 30
    page_title = _("Story search")
    header_icon = "search"
    index_url_name = "story_search"
    index_results_url_name = "story_search_results"
    columns = [
        TitleColumn("title", label=_("Headline"), url_name="wagtailadmin_pages:edit"),
        LocaleColumn(label=_("Edition")),
        SectionColumn("section", label=_("Section")),
        PageStatusColumn("status", label=_("Status")),
        DateColumn("published_at", label=_("Published")),
        DateColumn("latest_revision_created_at", label=_("Last edited")),
    ]

    def get_base_queryset(self):
        """Stories this user may see in the explorer; most recently edited first until a
        search asks for the best matches."""
        explorable = PagePermissionPolicy().explorable_instances(self.request.user)
        return (
            ArticlePage.objects.filter(pk__in=explorable.values("pk"))
            .select_related("locale")
            .order_by("-latest_revision_created_at", "-id")
        )

    @property
    def search_query(self):
        return clean_query(super().search_query or "")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_articles(
            self.search_query, published_only=False, locale=self._edition(), queryset=queryset
        )

    def _edition(self):
        """The edition filtered on, so the query is read in its language; else None."""
        filters = self.filters
        code = filters.form.cleaned_data.get("locale") if filters and filters.is_valid() else None
        return Locale.objects.filter(language_code=code).first() if code else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_sections(context["object_list"])
        return context
