from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Source


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "globe"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "home_url"]
    search_fields = ["name"]


register_snippet(SourceViewSet)
