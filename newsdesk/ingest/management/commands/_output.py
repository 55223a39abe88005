"""How every import command reports: a line per outcome, or the summary as JSON."""

from django.core.management.base import BaseCommand


class ImportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", help="print the summary (and the items) as JSON"
        )

    def report(self, summary, *, as_json: bool) -> None:
        """Print ``summary``; exit with status 1 when something was rejected."""
        if as_json:
            self.stdout.write(summary.to_json())
        else:
            for item in summary.items:
                self.stdout.write(f"{item['status']}: {item['headline']} (#{item['id']})")
            self.stdout.write(str(summary))
        if summary.rejected:
            raise SystemExit(1)
