import logging
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from newsdesk.distribution.webhooks import retry_due
from newsdesk.ingest.sources.feed import poll_due_sources
from newsdesk.ops import tasks_recovery
from newsdesk.workflow.scheduling import publish_due

logger = logging.getLogger(__name__)


PRUNE_EVERY = 24 * 3600  # seconds


class Command(BaseCommand):
    pruned_at = -PRUNE_EVERY

    help = (
        "Run the publishing scheduler every --interval seconds until stopped (SIGTERM/Ctrl-C); "
        "each pass also polls the feed sources that are due, sends the webhook deliveries "
        "that are due and queues again the background tasks a dead worker left running."
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
                try:
                    self.run_pass()
                except DatabaseError as error:
                    # PostgreSQL restarting or unreachable: nothing was half-done (each
                    # publication is its own transaction); the next pass catches up.
                    logger.warning(
                        "The database is unavailable (%s): next pass in %s s", error, interval
                    )
                finally:
                    close_old_connections()
                stop.wait(interval)
        except KeyboardInterrupt:
            pass

    def run_pass(self) -> None:
        report = publish_due()
        if report.published or report.unpublished or report.failed:
            self.stdout.write(str(report))
        self.poll_feeds()
        self.deliver_webhooks()
        self.requeue_lost_tasks()
        self.prune_task_results()

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

    def requeue_lost_tasks(self) -> None:
        """Put back the background tasks whose worker died (see ``tasks_recovery``)."""
        try:
            tasks_recovery.requeue_lost_tasks()
        except Exception:  # noqa: BLE001 — publishing must go on
            logger.exception("Looking for lost background tasks failed")

    def prune_task_results(self) -> None:
        """Once a day, forget finished background tasks: successful ones after 14 days,
        failed ones after 30 (the queue's table would otherwise grow for ever)."""
        if time.monotonic() - self.pruned_at < PRUNE_EVERY or not isinstance(
            task_backends["default"], DatabaseBackend
        ):
            return
        self.pruned_at = time.monotonic()
        try:
            call_command(
                "prune_db_task_results", min_age_days=14, failed_min_age_days=30, verbosity=0
            )
        except Exception:  # noqa: BLE001 — publishing must go on
            logger.exception("Pruning old background task results failed")
