from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation

from . import views
from .models import Edition


class EditionViewSet(SnippetViewSet):
    """Settings > Editions: masthead, time zone, date style, attribution wording per edition."""

    model = Edition
    icon = "site"
    add_to_settings_menu = True
    list_display = ["locale", "name", "time_zone", "date_style"]


register_snippet(EditionViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path("translations/", views.TranslationStatusView.as_view(), name="newsdesk_translations"),
        path(
            "translations/<int:translation_id>/note/",
            views.TranslationNoteView.as_view(),
            name="newsdesk_translation_note",
        ),
        path(
            "translations/<int:translation_id>/submit/",
            views.submit_translation_for_review,
            name="newsdesk_submit_translation",
        ),
        # Answers at wagtail-localize's own address (this hook runs first), so its
        # "Sync translated pages" buttons open Newsdesk's sync.
        path(
            "localize/update/<int:translation_source_id>/",
            views.SyncTranslationsView.as_view(),
            name="newsdesk_sync_translations",
        ),
    ]


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Translations"), reverse("newsdesk_translations"), icon_name="globe", order=260
    )


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def translation_buttons(page, user, next_url=None, view_name=None):
    """ "Note to readers" on a translated story, beside wagtail-localize's own buttons."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .only("pk")
        .first()
    )
    if translation is None or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        gettext_lazy("Note to readers"),
        reverse("newsdesk_translation_note", args=[translation.pk]),
        icon_name="comment",
        priority=62,
    )
