"""Public pages cost the same number of queries with 10 or 200 stories in the database."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory


@pytest.fixture
def newsroom(homes):
    home = homes["fr"]
    sections = [SectionFactory(parent=home, title=t) for t in ("Monde", "Sport")]
    photo = ImageFactory()
    author = AuthorFactory()
    start = timezone.now() - timedelta(days=400)

    def add(count):
        for n in range(count):
            ArticleFactory(
                section=sections[n % 2],
                published_at=start + timedelta(hours=len(added) * 7),
                lead_image=photo,
                authors=[author],
                tags=["ukraine"],
                quick=True,
            )
            added.append(n)

    added = []
    add(10)
    return home, sections, add


def count_queries(client, url):
    client.get(url)  # warm: renditions and Wagtail's site cache, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_articles(
    client, newsroom, django_assert_num_queries
):
    home, sections, add = newsroom
    from newsdesk.articles.models import ArticlePage

    article = ArticlePage.objects.live().order_by("published_at").first()
    urls = [
        home.url,
        sections[0].url,
        sections[0].url + "?page=1",
        article.url,
        "/fr/tags/ukraine/",
    ]
    urls.append(f"/fr/authors/{article.article_authors.first().author.slug}/")
    with_ten = {url: count_queries(client, url) for url in urls}

    add(190)

    for url in urls:
        client.get(url)
        with django_assert_num_queries(with_ten[url]):
            client.get(url)
