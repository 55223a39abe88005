"""Side effects of publishing a story, whichever way it was published."""

from wagtail.models import PageLogEntry
from wagtail.signals import page_published


def record_update(sender, instance, revision=None, **kwargs):
    """Republishing a published story is an update: readers see “Updated …”. Wagtail
    sends ``page_published`` from every way of publishing (the editor's Publish button,
    workflow approval, the scheduler, bulk actions, code); the editor's button does not go
    through ``ArticlePage.publish``, so this cannot live there. A story was published
    before when an earlier publication is on record, or its first publication is older
    than this one."""
    first, last = instance.first_published_at, instance.last_published_at
    if last is None or instance.updated_at == last:
        return
    earlier = PageLogEntry.objects.filter(page_id=instance.pk, action="wagtail.publish")
    if revision is not None:
        earlier = earlier.exclude(revision_id=revision.pk)
    if (first and last > first) or earlier.exists():
        sender.objects.filter(pk=instance.pk).update(updated_at=last)
        instance.updated_at = last


def register_signal_handlers():
    from .models import ArticlePage

    page_published.connect(record_update, sender=ArticlePage)
