import logging
import signal
import threading

from django.core.management.base import BaseCommand

from newsdesk.distribution.webhooks import retry_due
from newsdesk.ingest.sources.feed import poll_due_sources
from newsdesk.workflow.scheduling import publish_due

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the publishing scheduler every --interval seconds until stopped (SIGTERM/Ctrl-C); "
        "each pass also polls the feed sources that are due and sends the webhook "
        "deliveries that are due."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between passes")

    def handle(self, *args, interval, **options):
        if interval < 1:
            self.stderr.write("--interval must be at least 1 second.")
            raise SystemExit(2)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.stdout.write(
            f"Scheduler: publishing what is due, polling due feeds and sending due webhooks "
            f"every {interval} s."
        )
        try:
            while not stop.is_set():
                report = publish_due()
                if report.published or report.unpublished or report.failed:
                    self.stdout.write(str(report))
                self.poll_feeds()
                self.deliver_webhooks()
                stop.wait(interval)
        except KeyboardInterrupt:
            pass

    def poll_feeds(self) -> None:
        """Poll the due feeds; a failure is logged and the scheduler goes on."""
        try:
            summary = poll_due_sources()
        except Exception:  # noqa: BLE001 — publishing must go on whatever a feed does
            logger.exception("Polling the feed sources failed")
            return
        for failed in (s for s in summary.sources if s["result"] == "failed"):
            logger.warning("Feed %s: %s", failed["name"], failed["error"])
        if summary.sources:
            self.stdout.write(str(summary))

    def deliver_webhooks(self) -> None:
        """Send the webhook attempts that are due; a failure is logged and the scheduler
        goes on."""
        try:
            report = retry_due()
        except Exception:  # noqa: BLE001 — publishing must go on whatever a partner does
            logger.exception("Delivering webhooks failed")
            return
        if report.counts:
            self.stdout.write(str(report))
