from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import Edition


class EditionViewSet(SnippetViewSet):
    """Settings > Editions: masthead, time zone, date style, attribution wording per edition."""

    model = Edition
    icon = "site"
    add_to_settings_menu = True
    list_display = ["locale", "name", "time_zone", "date_style"]


register_snippet(EditionViewSet)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("translations/", views.TranslationStatusView.as_view(), name="newsdesk_translations")
    ]


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Translations"), reverse("newsdesk_translations"), icon_name="globe", order=260
    )
