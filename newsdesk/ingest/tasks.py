"""Background tasks of the ingest inbox: thin, taking ids; the work is in ``sources``."""

from django_tasks import task

from .models import Source
from .sources import feed


@task()
def poll_source(source_id: int) -> dict:
    """Poll one feed source now, due or not. Returns the counts of what it did."""
    source = Source.objects.filter(pk=source_id, kind=Source.Kind.FEED).first()
    if source is None or not source.feed_url:
        return {"created": 0, "updated": 0, "skipped": 0, "rejected": 0}
    return feed.poll_source(source).as_dict()["counts"]


@task()
def poll_due_sources() -> dict:
    """Poll every feed source that is due. Returns the counts of what it did."""
    return feed.poll_due_sources().as_dict()["counts"]
