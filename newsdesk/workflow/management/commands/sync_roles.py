from django.core.management.base import BaseCommand

from newsdesk.workflow.services import sync_roles


class Command(BaseCommand):
    help = "Create or update the newsroom's roles, desk groups and review workflow (idempotent)."

    def handle(self, *args, **options):
        counts = sync_roles()
        self.stdout.write(", ".join(f"{name}: {number}" for name, number in counts.items()))
