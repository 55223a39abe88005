"""Tell partners' webhooks when a story is published, updated or unpublished.

Nothing here may stop a story from being published or unpublished: the work is done after
commit, and a failure is logged."""

import logging
from functools import partial

from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from .models import Event, Webhook

logger = logging.getLogger(__name__)


def announce_published(sender, instance, **kwargs):
    if not instance.live:
        return  # scheduled for later: the signal comes again when the story goes live
    from .tasks import announce_page_event
    from .webhooks import publish_event

    event = publish_event(instance)
    if Webhook.objects.for_event(event, locale_id=instance.locale_id).exists():
        # The document is built by the task, from the story as it is live then.
        enqueue = partial(announce_page_event.enqueue, instance.pk, event)
        transaction.on_commit(enqueue, robust=True)


def announce_unpublished(sender, instance, **kwargs):
    from .webhooks import announce, canceled_document

    if not Webhook.objects.for_event(Event.UNPUBLISH, locale_id=instance.locale_id).exists():
        return
    try:
        # Built now: the story may be on its way to deletion (Wagtail unpublishes it first).
        payload = canceled_document(instance)
    except Exception:  # noqa: BLE001 — unpublishing goes on whatever the webhooks need
        logger.exception("No webhook document for unpublished page %s", instance.pk)
        return
    queue = partial(
        announce,
        page_id=instance.pk,
        locale_id=instance.locale_id,
        title=instance.title,
        event=Event.UNPUBLISH,
        payload=payload,
    )
    transaction.on_commit(queue, robust=True)


def register():
    from newsdesk.articles.models import ArticlePage

    page_published.connect(announce_published, sender=ArticlePage)
    page_unpublished.connect(announce_unpublished, sender=ArticlePage)
