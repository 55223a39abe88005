"""Scheduled publishing and expiry: Wagtail's ``publish_scheduled``, made safe to run from
several processes and tolerant of a failing item."""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision

from .models import SchedulerLock

logger = logging.getLogger(__name__)

LOCK_NAME = "publish-scheduled"
LEASE = timedelta(minutes=5)
# Due items still waiting this long after their time are shown as overdue on the dashboard.
OVERDUE_AFTER = timedelta(minutes=2)


@dataclass
class SchedulerReport:
    ran: bool = True
    published: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self):
        if not self.ran:
            return "Another scheduler is running: nothing done."
        lines = [
            f"published: {len(self.published)}, unpublished: {len(self.unpublished)}, "
            f"failed: {len(self.failed)}"
        ]
        lines += [f"  failed: {title}: {error}" for title, error in self.failed]
        return "\n".join(lines)


def _acquire(token: str, now) -> bool:
    SchedulerLock.objects.get_or_create(name=LOCK_NAME)
    free = Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    taken = SchedulerLock.objects.filter(free, name=LOCK_NAME).update(
        holder=token, locked_until=now + LEASE
    )
    return taken == 1


def _release(token: str) -> None:
    SchedulerLock.objects.filter(name=LOCK_NAME, holder=token).update(holder="", locked_until=None)


def publish_due() -> SchedulerReport:
    """Unpublish what has expired and publish what is due, each item on its own: one
    failing item is logged and reported, and the others still go out. (Wagtail compares
    go-live times with the clock, so this takes no other "now".)"""
    now = timezone.now()
    token = uuid.uuid4().hex
    if not _acquire(token, now):
        return SchedulerReport(ran=False)
    report = SchedulerReport()
    try:
        for page in Page.objects.filter(live=True, expire_at__lt=now).order_by("expire_at"):
            try:
                with transaction.atomic():
                    page.specific.unpublish(
                        set_expired=True, log_action="wagtail.unpublish.scheduled"
                    )
                report.unpublished.append(page.title)
            except Exception as error:  # noqa: BLE001 — isolate each item, report it
                logger.exception("Scheduled unpublishing of page %s failed", page.pk)
                report.failed.append((page.title, str(error)))
        due = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
        for revision_id in list(due.values_list("pk", flat=True)):
            try:
                with transaction.atomic():
                    # Re-read under the lease: another runner whose lease ran out may have
                    # published it meanwhile, and Wagtail clears the time once it has.
                    revision = (
                        Revision.objects.select_for_update()
                        .filter(pk=revision_id, approved_go_live_at__lt=now)
                        .first()
                    )
                    if revision is None:
                        continue
                    revision.publish(log_action="wagtail.publish.scheduled")
                    revision.refresh_from_db(fields=["approved_go_live_at"])
                if revision.approved_go_live_at is None:  # not moved to a later time
                    report.published.append(revision.object_str)
            except Exception as error:  # noqa: BLE001 — isolate each item, report it
                logger.exception("Scheduled publishing of revision %s failed", revision_id)
                report.failed.append((Revision.objects.get(pk=revision_id).object_str, str(error)))
    finally:
        _release(token)
    return report


def overdue(*, now=None):
    """Revisions whose publication time has passed without the scheduler publishing them."""
    now = now or timezone.now()
    return Revision.page_revisions.filter(approved_go_live_at__lt=now - OVERDUE_AFTER).order_by(
        "approved_go_live_at"
    )
