from newsdesk.ingest.sources.web import import_url

from ._output import ImportCommand


class Command(ImportCommand):
    help = "Read the article at URL into the ingest inbox, with its attribution."

    def add_arguments(self, parser):
        parser.add_argument("url")
        super().add_arguments(parser)

    def handle(self, *args, url, json, **options):
        self.report(import_url(url), as_json=json)
