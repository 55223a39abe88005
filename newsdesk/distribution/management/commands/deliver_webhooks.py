from django.core.management.base import BaseCommand

from newsdesk.distribution.webhooks import retry_due


class Command(BaseCommand):
    help = (
        "Send the webhook delivery attempts that are due (retries after a failure, attempts "
        "whose task was lost); the scheduler runs this on every pass."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--budget", type=float, default=300.0, help="stop after this many seconds"
        )

    def handle(self, *args, budget, **options):
        self.stdout.write(str(retry_due(budget=budget)))
