from django.contrib import messages as django_messages
from django.http import HttpResponseGone
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page

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
