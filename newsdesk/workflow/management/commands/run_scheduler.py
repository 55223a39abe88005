import signal
import threading

from django.core.management.base import BaseCommand

from newsdesk.workflow.scheduling import publish_due


class Command(BaseCommand):
    help = "Run the publishing scheduler every --interval seconds until stopped (SIGTERM/Ctrl-C)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between passes")

    def handle(self, *args, interval, **options):
        if interval < 1:
            self.stderr.write("--interval must be at least 1 second.")
            raise SystemExit(2)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.stdout.write(f"Scheduler: publishing what is due every {interval} s.")
        try:
            while not stop.is_set():
                report = publish_due()
                if report.published or report.unpublished or report.failed:
                    self.stdout.write(str(report))
                stop.wait(interval)
        except KeyboardInterrupt:
            pass
