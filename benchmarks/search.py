"""Search speed at scale: p50 and p95 of 200 mixed reader queries over 100,000 stories.

    .venv/bin/python benchmarks/search.py [--articles 100000] [--database-url URL]

Works in a PostgreSQL database of its own (``newsdesk_bench_search`` on 127.0.0.1 by
default), created and migrated if missing (the migrations create the three editions).
When it holds fewer stories than ``--articles``, ``generate_articles`` adds the missing
ones (a run reuses what earlier runs wrote) and the figures of that generation are printed.
Then ``ANALYZE``, a warm-up, and 200 queries through ``search_articles`` as the public
search page runs them: the count and the first page of 20 stories. Queries mix the three
editions, one to three words, quoted phrases, common and rare words, a few that match
nothing, and filters (section, author, dates) or newest-first sorting.

Prints p50, p95, p99 and max, the five slowest queries, and whether p95 meets the target
of 100 ms. Nothing is written to the project: the figures are printed.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsdesk_bench_search"
TARGET_P95_MS = 100
QUERIES = 200
WARM_UP = 30
PAGE_SIZE = 20


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="stories to search")
    parser.add_argument("--database-url", default=DEFAULT_URL, help="a PostgreSQL database")
    parser.add_argument("--queries", type=int, default=QUERIES, help="queries to time")
    parser.add_argument("--seed", type=int, default=2025, help="the query mix's seed")
    return parser.parse_args()


def create_database(url: str) -> None:
    """Create the database of ``url`` on its server when it does not exist."""
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(url)
    if "postgresql" not in settings["ENGINE"]:
        sys.exit(f"{url}: the search benchmark needs PostgreSQL.")
    server = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        name = settings["NAME"]
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def main():
    args = arguments()
    create_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
    os.environ.setdefault("DEBUG", "false")

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection

    from newsdesk.articles.models import ArticlePage

    call_command("migrate", verbosity=0)
    have = ArticlePage.objects.count()
    if have < args.articles:
        missing = args.articles - have
        print(f"{have:,} articles in the database; generating {missing:,} more…", flush=True)
        out = StringIO()
        call_command("generate_articles", missing, "--seed", have, "--json", stdout=out)
        made = json.loads(out.getvalue())
        print(
            f"generated {made['created']:,} articles in {made['seconds']:.0f} s "
            f"({made['rate']:,.0f} articles/s), of which search indexing "
            f"{made['indexing_seconds']:.0f} s"
        )
    else:
        print(f"{have:,} articles in the database: nothing to generate")
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"ANALYZE: {time.perf_counter() - start:.1f} s")

    run(args, total=ArticlePage.objects.count())


def run(args, *, total: int) -> None:
    rng = random.Random(args.seed)
    queries = mixed_queries(rng, args.queries + WARM_UP)
    for query in queries[:WARM_UP]:
        timed(query)
    timings = sorted(((timed(query), query) for query in queries[WARM_UP:]), key=lambda t: t[0])
    ms = [t[0][0] for t in timings]
    print(
        f"\n{len(ms)} queries over {total:,} articles (count and first {PAGE_SIZE} results, "
        f"after {WARM_UP} warm-up queries):"
    )
    p50, p95, p99 = (percentile(ms, p) for p in (50, 95, 99))
    print(
        f"p50 {p50:.1f} ms   p95 {p95:.1f} ms   p99 {p99:.1f} ms   max {ms[-1]:.1f} ms   "
        f"mean {statistics.fmean(ms):.1f} ms"
    )
    print("slowest:")
    for (elapsed, found), query in reversed(timings[-5:]):
        print(f"  {elapsed:7.1f} ms  {found:>6,} found  {describe(query)}")
    verdict = "met" if p95 <= TARGET_P95_MS else "not met"
    print(f"target p95 ≤ {TARGET_P95_MS} ms: {verdict} ({p95:.1f} ms)")


def percentile(sorted_values, p) -> float:
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, round(p / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def timed(query) -> tuple[float, int]:
    """Milliseconds to run ``query`` as the search page does, and the number found."""
    from django.core.paginator import Paginator

    from newsdesk.articles.querysets import attach_sections
    from newsdesk.search.services import search_articles
    from newsdesk.search.views import MAX_RESULTS

    start = time.perf_counter()
    results = search_articles(query["text"], locale=query["locale"], **query["filters"])
    results = results[:MAX_RESULTS]
    page = Paginator(results, PAGE_SIZE).get_page(1)
    articles = list(page.object_list)
    attach_sections(articles)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, page.paginator.count


def describe(query) -> str:
    filters = {
        name: getattr(value, "slug", value)
        for name, value in query["filters"].items()
        if value and value != "relevance"
    }
    extra = "  " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else ""
    return f"{query['locale'].language_code}  {query['text']}{extra}"


# ---------------------------------------------------------------------------------------
# The query mix, from the generator's own phrase lists (so words have their real
# frequencies in the stories: common ones at the head of the lists, rare ones in "rare").
# ---------------------------------------------------------------------------------------

SHORT = 3  # words this short (le, the, of) are left out of word queries, except in Vietnamese


def mixed_queries(rng: random.Random, count: int) -> list[dict]:
    from django.utils import timezone
    from wagtail.models import Locale

    from newsdesk.articles.generate import LANGUAGE_WORDS
    from newsdesk.authors.models import Author
    from newsdesk.sections.models import SectionPage

    now = timezone.localdate()
    editions = []
    for locale in Locale.objects.filter(language_code__in=LANGUAGE_WORDS):
        words = LANGUAGE_WORDS[locale.language_code]
        editions.append(
            {
                "locale": locale,
                "common": terms(words["things"][:25] + words["subjects"][:10], locale),
                "all": terms(words["things"] + words["subjects"], locale),
                "rare": terms(words["rare"], locale),
                "phrases": [strip_article(p) for p in words["things"] if " " in strip_article(p)],
                "sections": list(SectionPage.objects.live().filter(locale=locale)),
                "authors": list(Author.objects.filter(locale=locale)),
            }
        )
    kinds = [
        ("common word", 30),
        ("two words", 25),
        ("three words", 10),
        ("rare word", 15),
        ("rare and common", 5),
        ("phrase", 15),
        ("phrase and word", 5),
        ("no match", 3),
    ]
    queries = []
    for n in range(count):
        edition = editions[n % len(editions)]
        kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        text = query_text(rng, kind, edition)
        filters = {"sort": "relevance"}
        roll = rng.random()
        if roll < 0.15:
            filters["sort"] = "date"
        elif roll < 0.25:
            filters["date_from"] = now - timedelta(days=365)
        elif roll < 0.32 and edition["sections"]:
            filters["section"] = rng.choice(edition["sections"])
        elif roll < 0.37 and edition["authors"]:
            filters["author"] = rng.choice(edition["authors"])
        elif roll < 0.42:
            filters.update(date_from=now - timedelta(days=90), sort="date")
        queries.append({"locale": edition["locale"], "text": text, "filters": filters})
    return queries


def query_text(rng, kind, edition) -> str:
    common, every, rare = edition["common"], edition["all"], edition["rare"]
    if kind == "common word":
        return rng.choice(common)
    if kind == "two words":
        return " ".join(rng.sample(every, 2))
    if kind == "three words":
        return " ".join(rng.sample(every, 3))
    if kind == "rare word":
        return rng.choice(rare)
    if kind == "rare and common":
        return f"{rng.choice(rare)} {rng.choice(common)}"
    if kind == "phrase":
        return f'"{rng.choice(edition["phrases"])}"'
    if kind == "phrase and word":
        return f'"{rng.choice(edition["phrases"])}" {rng.choice(every)}'
    return rng.choice(["zqxjvw", "blorptang", "xylofrinque"])


def terms(phrases, locale) -> list[str]:
    """Query terms found in ``phrases``: words (in Vietnamese, which writes a word as
    separate syllables, a phrase's first two syllables: ``ô nhiễm``, ``lạm phát``)."""
    found = []
    for phrase in phrases:
        parts = re.findall(r"\w+", strip_article(phrase))
        if locale.language_code == "vi":
            found.append(" ".join(parts[:2]))
        else:
            found += [part for part in parts if len(part) > SHORT]
    return list(dict.fromkeys(found))


def strip_article(phrase: str) -> str:
    return re.sub(r"^(le |la |les |l'|un |une |the |a )", "", phrase, flags=re.IGNORECASE)


if __name__ == "__main__":
    main()
