from django.core.management.base import BaseCommand

from newsdesk.workflow.scheduling import publish_due


class Command(BaseCommand):
    help = "Publish what is scheduled and unpublish what has expired (one pass, single runner)."

    def handle(self, *args, **options):
        self.stdout.write(str(publish_due()))
