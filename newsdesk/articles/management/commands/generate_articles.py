import json
import logging
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from newsdesk.articles.generate import EditionNotFound, generate_articles


class Command(BaseCommand):
    help = (
        "Create N synthetic published articles (400 to 1,200 words in each edition's "
        "language, sections, authors, tags, dates over several years), in bulk, indexed "
        "for search: for benchmarks and scale tests, never for a real site."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many articles to create")
        parser.add_argument(
            "--edition",
            action="append",
            dest="editions",
            metavar="LANG",
            help="an edition's language code (fr, en, vi); repeat for several; all by default",
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="the same seed writes the same stories"
        )
        parser.add_argument(
            "--batch", type=int, default=1000, help="articles per transaction (default 1000)"
        )
        parser.add_argument(
            "--years", type=int, default=5, help="publication dates over so many past years"
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="leave the search index alone (run `update_index` afterwards)",
        )
        parser.add_argument(
            "--json", action="store_true", help='print {"created", "seconds", "rate", …}'
        )

    def handle(self, *args, count, editions, seed, batch, years, no_index, json, **options):
        if count < 1 or batch < 1 or years < 1:
            raise CommandError("N, --batch and --years must be at least 1.")
        interactive = self.stdout.isatty() and not json
        bar = tqdm(total=count, unit="article", file=sys.stderr, disable=not interactive)
        # No log line for each section and date folder created on the way.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        try:
            result = generate_articles(
                count=count,
                languages=editions,
                seed=seed,
                batch_size=batch,
                index=not no_index,
                years=years,
                progress=bar.update,
            )
        except EditionNotFound as error:
            raise CommandError(str(error)) from None
        finally:
            wagtail_log.setLevel(level)
            bar.close()
        self.report(result, as_json=json, indexed=not no_index)

    def report(self, result, *, as_json: bool, indexed: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(result.as_dict()))
            return
        per_language = ", ".join(f"{n} {code}" for code, n in sorted(result.languages.items()))
        indexing = (
            f"search indexing {result.indexing_seconds:.1f} s of it"
            if indexed
            else "not indexed: run `manage.py update_index`"
        )
        self.stdout.write(
            f"Created {result.created} articles ({per_language}) in {result.seconds:.1f} s: "
            f"{result.rate:,.0f} articles/s ({indexing})."
        )
