from django.core.management.base import CommandError

from newsdesk.ingest.models import Source
from newsdesk.ingest.sources.feed import FeedSummary, poll_due_sources, poll_source

from ._output import ImportCommand


class Command(ImportCommand):
    help = (
        "Poll the RSS/Atom feed sources that are due (or --source NAME, or --all) and put "
        "their new entries in the ingest inbox."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--source", metavar="NAME", help="poll this source now, due or not")
        which.add_argument("--all", action="store_true", help="poll every active feed now")
        super().add_arguments(parser)

    def handle(self, *args, source, json, **options):
        if source:
            summary = poll_source(self._source(source))
        elif options["all"]:
            summary = FeedSummary()
            feeds = Source.objects.filter(active=True, kind=Source.Kind.FEED).exclude(feed_url="")
            for feed in feeds:
                summary.merge(poll_source(feed))
        else:
            summary = poll_due_sources()
        if not summary.sources and not json:
            self.stdout.write("No feed source is due.")
        self.report(summary, as_json=json)

    def _source(self, name: str) -> Source:
        found = Source.objects.filter(name__iexact=name.strip()).first()
        if found is None:
            raise CommandError(f"No source is called {name!r}.")
        if found.kind != Source.Kind.FEED or not found.feed_url:
            raise CommandError(f"{found.name} is not a feed source with a feed URL.")
        return found
