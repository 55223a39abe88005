from datetime import timedelta

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision

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


class SchedulePanel(Component):
    """Dashboard: stories due in the next 24 hours, and overdue ones the scheduler has not
    published (their publication failed: the scheduler's log says why)."""

    name = "newsdesk_schedule"
    template_name = "workflow/panels/schedule.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        upcoming = Revision.page_revisions.filter(
            approved_go_live_at__gte=now, approved_go_live_at__lt=now + timedelta(hours=24)
        ).order_by("approved_go_live_at")[:50]
        return {
            "overdue": _publishable_by(request.user, overdue(now=now)[:50]),
            "upcoming": _publishable_by(request.user, upcoming),
        }


@hooks.register("construct_homepage_panels")
def add_schedule_panel(request, panels):
    panels.append(SchedulePanel())
