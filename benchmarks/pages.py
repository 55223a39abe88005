"""Render time and query count of the reader pages, uncached, in-process.

Run against a database with the demo loaded (``make demo``):

    .venv/bin/python benchmarks/pages.py [REQUESTS_PER_PAGE]

Prints, per page, the number of SQL queries and the p50/p95/mean render time over the
requests (after one warm-up request that creates image renditions). No page cache is
involved: this is the cost of building each page from the database.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")  # no request log line in the figures

import django  # noqa: E402

django.setup()

from django.core.signals import request_finished  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from newsdesk.articles.models import ArticlePage  # noqa: E402
from newsdesk.sections.models import SectionPage  # noqa: E402


def measure(client, url, requests):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)  # read now: the next request clears Django's query log
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return count, len(response.content), timings


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    article = ArticlePage.objects.live().filter(locale__language_code="fr").first()
    section = SectionPage.objects.live().filter(locale__language_code="fr", depth=3).first()
    if article is None or section is None:
        sys.exit("No demo content: run `make demo` first.")
    pages = {
        "home /fr/": "/fr/",
        "section": section.url,
        "article": article.url,
        "author": f"/fr/authors/{article.article_authors.first().author.slug}/",
    }
    # Keep one connection, as a server with persistent connections does (and so queries count).
    request_finished.disconnect(close_old_connections)
    client = Client()
    print(f"{'page':<12} {'queries':>7} {'KB':>6} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
    for name, url in pages.items():
        count, size, t = measure(client, url, requests)
        p95 = t[int(len(t) * 0.95) - 1]
        print(
            f"{name:<12} {count:>7} {size / 1024:>6.1f} {statistics.median(t):>8.1f}"
            f" {p95:>8.1f} {statistics.fmean(t):>8.1f}"
        )


if __name__ == "__main__":
    main()
