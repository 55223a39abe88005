from datetime import timedelta

from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page, Revision

from .calendar import desk_roots, within
from .scheduling import overdue


def _publishable_by(user, revisions):
    """The revisions whose page this user may publish (what they can act on)."""
    if user.is_superuser:
        return list(revisions)
    pages = Page.objects.in_bulk([int(r.object_id) for r in revisions])
    return [
        r
        for r in revisions
        if int(r.object_id) in pages
        and pages[int(r.object_id)].permissions_for_user(user).can_publish()
    ]


def revision_rows(revisions):
    return [
        {"page_id": r.object_id, "title": r.object_str, "when": r.approved_go_live_at}
        for r in revisions
    ]


def page_rows(pages, when):
    return [
        {"page_id": p.pk, "title": p.get_admin_display_title(), "when": getattr(p, when)}
        for p in pages
    ]


class StoriesPanel(Component):
    """Dashboard tables of stories, one panel per list that has something in it."""

    template_name = "workflow/panels/stories.html"

    def get_panels(self, user) -> list[tuple[str, str, list[dict]]]:
        """``(panel id, heading, rows)`` for each list; subclasses say what they show."""
        return []

    def get_context_data(self, parent_context):
        return {"panels": self.get_panels(parent_context["request"].user)}


class SchedulePanel(StoriesPanel):
    """Stories due in the next 24 hours, and overdue ones the scheduler has not published
    (their publication failed: the scheduler's log says why)."""

    name = "newsdesk_schedule"
    order = 90

    def get_panels(self, user):
        now = timezone.now()
        upcoming = Revision.page_revisions.filter(
            approved_go_live_at__gte=now, approved_go_live_at__lt=now + timedelta(hours=24)
        ).order_by("approved_go_live_at")[:50]
        return [
            (
                "newsdesk-overdue",
                _("Overdue: scheduled but not published"),
                revision_rows(_publishable_by(user, overdue(now=now)[:50])),
            ),
            (
                "newsdesk-upcoming",
                _("Scheduled in the next 24 hours"),
                revision_rows(_publishable_by(user, upcoming)),
            ),
        ]


class NewsroomPanel(StoriesPanel):
    """My drafts, and what went out in my desks in the last two days."""

    name = "newsdesk_newsroom"
    order = 95

    def get_panels(self, user):
        from newsdesk.articles.models import ArticlePage

        drafts = (
            ArticlePage.objects.filter(owner=user)
            .filter(Q(live=False) | Q(has_unpublished_changes=True))
            .order_by("-latest_revision_created_at")[:20]
        )
        published = ArticlePage.objects.live().filter(
            last_published_at__gte=timezone.now() - timedelta(hours=48)
        )
        if not user.is_superuser:
            published = published.filter(within(desk_roots(user)))
        published = published.order_by("-last_published_at")[:20]
        return [
            ("newsdesk-my-drafts", _("My drafts"), page_rows(drafts, "latest_revision_created_at")),
            (
                "newsdesk-desk-published",
                _("Published in my desks, last 48 hours"),
                page_rows(published, "last_published_at"),
            ),
        ]


@hooks.register("register_admin_urls")
def register_preview_admin_urls():
    from . import views

    return [
        path("pages/<int:page_id>/share-preview/", views.share_preview, name="share_preview"),
        path("calendar/", views.CalendarView.as_view(), name="newsdesk_calendar"),
        path(
            "calendar/reschedule/<int:page_id>/",
            views.reschedule,
            name="newsdesk_calendar_reschedule",
        ),
    ]


@hooks.register("register_admin_menu_item")
def calendar_menu_item():
    return MenuItem(
        gettext_lazy("Calendar"), reverse("newsdesk_calendar"), icon_name="date", order=250
    )


@hooks.register("register_page_header_buttons")
def share_preview_button(page, user, view_name, next_url=None):
    if view_name == "edit" and page.permissions_for_user(user).can_publish():
        url = reverse("share_preview", args=(page.pk,))
        yield Button(
            _("Share preview link"),
            url,
            icon_name="link",
            attrs={
                "data-controller": "w-action",
                "data-action": "click->w-action#post",
                "data-w-action-url-value": url,
            },
            priority=40,
        )


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    panels.append(SchedulePanel())
    panels.append(NewsroomPanel())


def edited_stale_revision(request, page) -> bool:
    """Did this edit form start from an older revision than the page's latest? (Wagtail's
    own rule, which it applies to autosave only: see ``EditView.is_out_of_date``.)"""
    latest = page.latest_revision
    if latest is None:
        return False
    if overwrite := request.POST.get("overwrite_revision_id"):
        return overwrite != str(latest.pk)
    loaded = request.POST.get("loaded_revision_id")
    if not loaded:
        return False
    return loaded != str(latest.pk) or (
        request.POST.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
    )


@hooks.register("before_edit_page")
def refuse_saving_over_a_newer_revision(request, page):
    """Two people edit one story: the second save must not silently erase the first."""
    if request.method != "POST" or "application/json" in request.headers.get("Accept", ""):
        return None  # Wagtail refuses stale autosaves itself
    if not edited_stale_revision(request, page):
        return None
    loaded = request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=(page.pk, loaded, page.latest_revision_id)
    )
    messages.error(
        request,
        _(
            "Someone saved a newer version of “%(title)s” while you were editing it. Your "
            "changes were not saved: compare the two versions, then edit the newest one."
        )
        % {"title": page.get_admin_display_title()},
        buttons=[messages.button(compare, _("Compare versions"))],
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
