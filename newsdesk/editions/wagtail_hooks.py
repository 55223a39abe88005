from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Edition


class EditionViewSet(SnippetViewSet):
    """Settings > Editions: masthead, time zone, date style, attribution wording per edition."""

    model = Edition
    icon = "site"
    add_to_settings_menu = True
    list_display = ["locale", "name", "time_zone", "date_style"]


register_snippet(EditionViewSet)
