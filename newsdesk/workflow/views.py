from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages as django_messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseGone
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from newsdesk.sections.models import SectionPage

from .calendar import calendar_entries, day_bounds, reschedule_article
from .previews import create_preview_link, find_preview


@require_POST
def share_preview(request, page_id: int):
    """Admin: make a preview link for the page's latest revision and show it."""
    page = get_object_or_404(Page, pk=page_id).specific
    link = create_preview_link(page=page, user=request.user)
    url = request.build_absolute_uri(reverse("preview_link", args=(link.token,)))
    messages.success(
        request,
        _("Preview link, valid until %(time)s: %(url)s")
        % {"time": link.expires_at.strftime("%Y-%m-%d %H:%M UTC"), "url": url},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))


@never_cache
def preview_link(request, token: str):
    """Public: the shared revision, rendered as readers will see it; never indexed."""
    link = find_preview(token)
    if link is None:
        # 410 Gone: the address is dead for good (and no language redirect is tried).
        return HttpResponseGone(_("This preview link does not exist or has expired."))
    page = link.revision.as_object()
    response = page.make_preview_request(request, page.default_preview_mode)
    response["X-Robots-Tag"] = "noindex, nofollow"
    django_messages.get_messages(request).used = True
    return response


class CalendarView(WagtailAdminTemplateMixin, TemplateView):
    """Admin: a day or a week of published and scheduled stories, per edition and desk."""

    template_name = "workflow/calendar.html"
    page_title = gettext_lazy("Editorial calendar")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        mode = "day" if params.get("view") == "day" else "week"
        try:
            day = date.fromisoformat(params.get("date", ""))
        except ValueError:
            day = timezone.localdate()
        first = day if mode == "day" else day - timedelta(days=day.weekday())
        length = 1 if mode == "day" else 7
        start, end = day_bounds(first, length)
        edition = params.get("edition") if params.get("edition") in dict(settings.LANGUAGES) else ""
        desks = SectionPage.objects.filter(depth=3).select_related("locale").order_by("path")
        desk = (
            desks.filter(pk=params.get("desk")).first()
            if params.get("desk", "").isdigit()
            else None
        )
        entries = calendar_entries(
            user=self.request.user, start=start, end=end, edition=edition or None, desk=desk
        )
        days = [first + timedelta(days=n) for n in range(length)]
        by_day = {d: [] for d in days}
        for entry in entries:
            by_day.setdefault(timezone.localtime(entry.when).date(), []).append(entry)
        step = timedelta(days=length)
        context.update(
            mode=mode,
            days=[(d, by_day.get(d, [])) for d in days],
            previous=(first - step).isoformat(),
            next=(first + step).isoformat(),
            today=timezone.localdate().isoformat(),
            current_date=first.isoformat(),
            editions=settings.LANGUAGES,
            edition=edition,
            desks=desks,
            desk=desk,
        )
        return context


@require_POST
def reschedule(request, page_id: int):
    """Admin: move a story's publication time from the calendar."""
    page = get_object_or_404(Page, pk=page_id).specific
    back = request.POST.get("next") or reverse("newsdesk_calendar")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("newsdesk_calendar")
    raw = request.POST.get("go_live_at", "")
    when = parse_datetime(raw)
    if when is None:
        messages.error(request, _("“%(value)s” is not a date and time.") % {"value": raw})
        return redirect(back)
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    try:
        reschedule_article(page=page, when=when, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(
        request, _("“%(title)s” rescheduled.") % {"title": page.get_admin_display_title()}
    )
    return redirect(back)
