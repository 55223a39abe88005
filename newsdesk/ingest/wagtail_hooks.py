from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import IngestItem, Source
from .views import CreateDraftView, ImportURLView, InboxIndexView, InboxInspectView


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "globe"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "home_url", "active", "last_polled_at"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]


class InboxViewSet(ModelViewSet):
    """The ingest inbox: every story that arrived from a feed, a wire or a web page."""

    model = IngestItem
    name = "ingest_inbox"
    url_prefix = "inbox"
    icon = "download"
    menu_label = _("Inbox")
    menu_order = 305
    add_to_admin_menu = True
    index_view_class = InboxIndexView
    inspect_view_class = InboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["headline", "source", "language", "status", "published_at", "received_at"]
    list_filter = ["status", "origin", "source", "language"]
    search_fields = ["headline", "lede", "body_text"]
    search_backend_name = None  # plain database lookups: the inbox is not in the site search
    form_fields = ["status"]
    inspect_view_fields = [
        "headline", "status", "duplicate_of", "source", "via", "original_url", "fetched_url",
        "language", "authors", "published_at", "modified_at", "tags", "images", "lede",
        "received_at",
    ]  # fmt: skip

    def get_urlpatterns(self):
        patterns = [p for p in super().get_urlpatterns() if p.name != "add"]
        return patterns + [
            path("new/", ImportURLView.as_view(), name="add"),
            path("draft/<int:pk>/", CreateDraftView.as_view(), name="draft"),
        ]


register_snippet(SourceViewSet)


@hooks.register("register_admin_viewset")
def register_inbox():
    return InboxViewSet()
