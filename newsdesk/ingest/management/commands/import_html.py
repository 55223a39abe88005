from newsdesk.ingest.sources.web import import_file

from ._output import ImportCommand


class Command(ImportCommand):
    help = (
        "Read the article in a saved web page (FILE) into the ingest inbox, as served from --url."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--url", required=True, help="the address the page was served from")
        super().add_arguments(parser)

    def handle(self, *args, file, url, json, **options):
        self.report(import_file(file, url=url), as_json=json)
