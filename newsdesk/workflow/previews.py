"""Shareable preview links: create one for a draft's latest revision; serve it until it expires."""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .models import PreviewLink

PREVIEW_LIFETIME = timedelta(hours=48)


def create_preview_link(*, page, user, lifetime: timedelta = PREVIEW_LIFETIME) -> PreviewLink:
    """A link to the page's latest revision, for people who may publish the page."""
    if not page.permissions_for_user(user).can_publish():
        raise PermissionDenied("Only those who may publish a story may share its preview.")
    revision = page.get_latest_revision() or page.save_revision(user=user)
    return PreviewLink.objects.create(
        token=secrets.token_urlsafe(32),
        page=page,
        revision=revision,
        created_by=user,
        expires_at=timezone.now() + lifetime,
    )


def find_preview(token: str) -> PreviewLink | None:
    """The link, if it exists and has not expired."""
    link = PreviewLink.objects.select_related("revision").filter(token=token).first()
    if link is None or link.expires_at <= timezone.now():
        return None
    return link
