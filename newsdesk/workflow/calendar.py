"""The editorial calendar: what went out and what is scheduled, by day, per edition and desk."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Revision


@dataclass
class CalendarEntry:
    when: datetime
    page: object
    scheduled: bool


def desk_roots(user) -> list[str]:
    """Tree paths of the desks and editions where this user holds page permissions."""
    paths = GroupPagePermission.objects.filter(group__user=user).values_list(
        "page__path", flat=True
    )
    return sorted(set(paths))


def within(paths) -> Q:
    condition = Q(pk__in=[])
    for root in paths:
        condition |= Q(path__startswith=root)
    return condition


def day_bounds(day: date, days: int = 1) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=days)


def calendar_entries(*, user, start, end, edition=None, desk=None) -> list[CalendarEntry]:
    """Published and scheduled stories between ``start`` and ``end`` that ``user`` works on."""
    from newsdesk.articles.models import ArticlePage

    stories = ArticlePage.objects.select_related("locale")
    if edition:
        stories = stories.filter(locale__language_code=edition)
    if desk is not None:
        stories = stories.descendant_of(desk, inclusive=False)
    if not user.is_superuser:
        stories = stories.filter(within(desk_roots(user)))
    entries = [
        CalendarEntry(when=page.published_at, page=page, scheduled=False)
        for page in stories.live().filter(published_at__gte=start, published_at__lt=end)
    ]
    due = Revision.page_revisions.filter(
        approved_go_live_at__gte=start, approved_go_live_at__lt=end
    )
    when_by_page = {int(r.object_id): r.approved_go_live_at for r in due}
    for page in stories.filter(pk__in=when_by_page):
        entries.append(CalendarEntry(when=when_by_page[page.pk], page=page, scheduled=True))
    return sorted(entries, key=lambda entry: entry.when)


@transaction.atomic
def reschedule_article(*, page, when: datetime, user):
    """Move a story's publication to ``when`` with Wagtail's own scheduling: a new revision
    with that go-live time, published (a time in the past publishes at once)."""
    if not page.permissions_for_user(user).can_publish():
        raise PermissionDenied(_("You may not schedule this story."))
    story = page.get_latest_revision_as_object()
    if story.expire_at and story.expire_at <= when:
        raise ValidationError(
            _("The new time is after the story's expiry: change the expiry first.")
        )
    story.go_live_at = when
    revision = story.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return revision
