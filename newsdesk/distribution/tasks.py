"""Background tasks of partner webhooks: thin, taking ids; the work is in ``webhooks``."""

from django_tasks import task

from . import webhooks


@task()
def announce_page_event(page_id: int, event: str) -> int:
    """Queue a story's publication or update for the webhooks. Returns how many."""
    return len(webhooks.announce_publication(page_id=page_id, event=event))


@task()
def deliver_webhook(delivery_id: int) -> str | None:
    """Make one delivery attempt. Returns its outcome, or None when it was not due."""
    delivery = webhooks.deliver(delivery_id)
    return delivery.status if delivery else None
