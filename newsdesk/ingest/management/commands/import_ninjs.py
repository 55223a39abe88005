import json as json_module

from django.core.management.base import CommandError

from newsdesk.ingest.models import Source
from newsdesk.ingest.sources.ninjs import check_files, import_files

from ._output import ImportCommand


class Command(ImportCommand):
    help = (
        "Read wire items in IPTC ninjs 2.x or 3.x (FILEs, or folders of .json files) into the "
        "ingest inbox, each checked against IPTC's schema. With --validate, only check them."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--source", metavar="NAME", help="the source (agency) the files came through"
        )
        parser.add_argument(
            "--validate",
            action="store_true",
            help="only check each file against IPTC's schema: store nothing, exit with "
            "status 0 only when every file is valid",
        )
        super().add_arguments(parser)

    def handle(self, *args, files, source, validate, json, **options):
        if validate:
            self.report_validation(*check_files(files), as_json=json)
            return
        via = None
        if source:
            via = Source.objects.filter(name__iexact=source.strip()).first()
            if via is None:
                raise CommandError(f"There is no source named “{source}”: add it under Sources.")
        self.report(import_files(files, via=via), as_json=json)

    def report_validation(self, valid: list[dict], invalid: list[dict], *, as_json: bool):
        """Print which files are valid (with their ninjs version) and why the others are
        not; exit with status 1 when one is not."""
        if as_json:
            counts = {"valid": len(valid), "invalid": len(invalid)}
            data = {"valid": valid, "invalid": invalid, "counts": counts}
            self.stdout.write(json_module.dumps(data, ensure_ascii=False, indent=2))
        else:
            for entry in valid:
                self.stdout.write(f"valid (ninjs {entry['version']}): {entry['item']}")
            for entry in invalid:
                self.stdout.write(f"invalid: {entry['item']}: {entry['reason']}")
            self.stdout.write(f"valid: {len(valid)}, invalid: {len(invalid)}")
        if invalid:
            raise SystemExit(1)
