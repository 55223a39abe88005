"""Side effects of publishing a story, whichever way it was published."""

from wagtail.signals import page_published


def record_update(sender, instance, **kwargs):
    """Republishing a published story is an update: readers see “Updated …”. Wagtail
    sends ``page_published`` from every way of publishing (the editor's Publish button,
    workflow approval, the scheduler, bulk actions, code); the editor's button does not go
    through ``ArticlePage.publish``, so this cannot live there."""
    first, last = instance.first_published_at, instance.last_published_at
    if first and last and last > first and instance.updated_at != last:
        sender.objects.filter(pk=instance.pk).update(updated_at=last)
        instance.updated_at = last


def register_signal_handlers():
    from .models import ArticlePage

    page_published.connect(record_update, sender=ArticlePage)
