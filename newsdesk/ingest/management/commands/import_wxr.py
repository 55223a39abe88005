import sys
from contextlib import nullcontext

from django.core.management.base import CommandError
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from newsdesk.ingest.sources.base import IngestError
from newsdesk.ingest.sources.wxr import import_wxr

from ._output import ImportCommand


class Command(ImportCommand):
    help = (
        "Import a WordPress export (WXR file) into an edition: posts and pages as articles "
        "(published or draft as they were), categories as sections, tags, authors, "
        "attachments (with --download-media), and a redirect from every old address. "
        "Running it again updates what changed and creates nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the WXR file WordPress exported (Tools › Export)")
        parser.add_argument(
            "--edition", required=True, help="the edition's language code: fr, en or vi"
        )
        parser.add_argument(
            "--download-media",
            action="store_true",
            help="bring attachments and the images posts show into the image library",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="report what would be done, and write nothing",
        )
        super().add_arguments(parser)

    def handle(self, *args, file, edition, download_media, dry_run, json, **options):
        # A progress bar on a terminal only; log lines are printed above it.
        interactive = self.stdout.isatty() and not json
        bar = tqdm(total=0, unit="object", file=sys.stderr, leave=False, disable=not interactive)
        try:
            with logging_redirect_tqdm() if interactive else nullcontext():
                summary = import_wxr(
                    file,
                    edition=edition,
                    download_media=download_media,
                    dry_run=dry_run,
                    progress=bar.update,
                    on_start=lambda total: bar.reset(total=total),
                )
        except IngestError as error:
            raise CommandError(f"{file}: {error}") from None
        finally:
            bar.close()
        self.report(summary, as_json=json)

    def report(self, summary, *, as_json: bool) -> None:
        """The summary per type (created, updated, skipped, rejected with reasons); exit
        with status 1 when something was rejected."""
        self.stdout.write(summary.to_json() if as_json else str(summary))
        if summary.rejected:
            raise SystemExit(1)
