"""Writes with rules for articles, shared by the admin, commands and ingest."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from newsdesk.sections.models import MonthArchivePage, SectionPage, YearArchivePage


@transaction.atomic
def get_month_folder(*, section: SectionPage, when: datetime | None = None) -> MonthArchivePage:
    """The month folder under ``section`` for ``when`` (now by default), created if missing.

    Folders are published at once: they hold no content of their own, and their archive
    listings show only the published articles below them.
    """
    when = timezone.localtime(when or timezone.now())
    year_slug, month_slug = f"{when.year:04d}", f"{when.month:02d}"
    year = YearArchivePage.objects.child_of(section).filter(slug=year_slug).first()
    if year is None:
        year = section.add_child(
            instance=YearArchivePage(title=year_slug, slug=year_slug, locale_id=section.locale_id)
        )
    month = MonthArchivePage.objects.child_of(year).filter(slug=month_slug).first()
    if month is None:
        month = year.add_child(
            instance=MonthArchivePage(
                title=f"{month_slug}/{year_slug}", slug=month_slug, locale_id=section.locale_id
            )
        )
    return month
