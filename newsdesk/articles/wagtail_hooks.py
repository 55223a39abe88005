from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from newsdesk.sections.models import SectionPage

from . import views


@hooks.register("register_admin_urls")
def register_article_admin_urls():
    return [
        path(
            "articles/new-in-section/<int:section_id>/",
            views.add_article_to_section,
            name="articles_add_to_section",
        )
    ]


def _add_article_button(page, priority):
    if page.specific_class is SectionPage:
        yield Button(
            _("Add article"),
            reverse("articles_add_to_section", args=(page.pk,)),
            icon_name="doc-full-inverse",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def section_header_add_article(page, user, view_name, next_url=None):
    yield from _add_article_button(page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def section_listing_add_article(page, user, next_url=None):
    yield from _add_article_button(page, priority=5)
