import logging

from django.core.management.base import BaseCommand

from newsdesk.editions.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo editions, sections, authors and stories (idempotent)."

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Wagtail logs every page it creates and publishes; -v 2 shows them.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        counts = load_demo()
        self.stdout.write(", ".join(f"{name}: {number}" for name, number in counts.items()))
