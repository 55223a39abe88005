from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea

from .admin_views import StorySearchView


@hooks.register("register_admin_urls")
def story_search_urls():
    return [
        path("stories/search/", StorySearchView.as_view(), name="story_search"),
        path(
            "stories/search/results/",
            StorySearchView.as_view(results_only=True),
            name="story_search_results",
        ),
    ]


class NewsroomOnly:
    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


class StorySearchMenuItem(NewsroomOnly, MenuItem):
    pass


class StorySearchArea(NewsroomOnly, SearchArea):
    pass


@hooks.register("register_admin_menu_item")
def story_search_menu_item():
    return StorySearchMenuItem(
        _("Story search"), reverse("story_search"), icon_name="search", order=290
    )


@hooks.register("register_admin_search_area")
def story_search_area():
    return StorySearchArea(
        _("Stories (full text)"), reverse("story_search"), icon_name="search", order=50
    )
