"""One Content-Security-Policy for readers' pages and another for the newsroom's admin.

Readers' pages carry our own scripts and styles only. Wagtail's admin is Wagtail's: its
pages are held to ``NEWSDESK_ADMIN_CSP``, which admits only what the admin itself needs
(see the setting's comment). django-csp applies one policy to every path, so this
middleware picks the admin's for ``/admin/``.
"""

import functools

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


class EditionCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and _is_admin(request):
            parts.config = settings.NEWSDESK_ADMIN_CSP
        return parts


def _is_admin(request) -> bool:
    return request.path_info.startswith(_admin_prefix())


@functools.cache
def _admin_prefix() -> str:
    """``/admin/``, looked up once rather than on every response."""
    return reverse("wagtailadmin_home")
