"""Unknown editions, sections and articles get the edition's 404 page; bad ?page= the first page."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from .factories import ArticleFactory, SectionFactory


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [
        ("/fr/no-such-section/", "fr", "Page introuvable"),
        ("/vi/no-such-section/no-such-story/", "vi", "Không tìm thấy trang"),
        ("/en/authors/nobody/", "en", "Page not found"),
        ("/fr/tags/no-such-tag/", "fr", "Page introuvable"),
    ],
)
def test_unknown_pages_get_the_edition_404_in_its_language(client, homes, url, language, title):
    response = client.get(url)
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == title


def test_unknown_edition_is_a_404_not_a_500(client, homes):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404


def test_unknown_article_in_a_real_section_is_a_404(client, homes):
    section = SectionFactory(parent=homes["fr"], title="Monde")
    article = ArticleFactory(section=section)
    assert client.get(article.url.replace(article.slug, "missing")).status_code == 404


def test_draft_article_is_not_public(client, homes):
    section = SectionFactory(parent=homes["fr"], title="Monde")
    draft = ArticleFactory(section=section, live=False, title="Brouillon secret")
    response = client.get(section.url)
    assert "Brouillon secret" not in response.content.decode()
    assert client.get(draft.url or "/fr/monde/missing/").status_code == 404


@pytest.fixture
def two_pages_of_stories(homes):
    """21 stories: the newest 20 on page 1, the oldest alone on page 2."""
    section = SectionFactory(parent=homes["fr"], title="Monde")
    start = timezone.now() - timedelta(days=30)
    stories = [
        ArticleFactory(
            section=section, title=f"Histoire {n}", published_at=start + timedelta(hours=n)
        )
        for n in range(21)
    ]
    return section, stories


def listed_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".listing .teaser__title a")]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "%00", "", "1e3"])
def test_malformed_page_numbers_show_the_first_page(client, two_pages_of_stories, page):
    section, stories = two_pages_of_stories
    response = client.get(section.url, {"page": page})
    assert response.status_code == 200
    assert listed_titles(response)[0] == "Histoire 20"


def test_page_past_the_end_shows_the_last_page(client, two_pages_of_stories):
    section, _ = two_pages_of_stories
    response = client.get(section.url, {"page": "99999"})
    assert listed_titles(response) == ["Histoire 0"]
    canonical = BeautifulSoup(response.content, "html.parser").find("link", rel="canonical")
    assert canonical["href"].endswith(f"{section.url}?page=2")


@pytest.mark.parametrize("language", ["fr", "en", "vi"])
def test_server_error_page_speaks_the_edition_language(rf, language):
    from django.utils import translation

    from newsdesk.core.views import server_error

    response = server_error(rf.get(f"/{language}/monde/"))
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    with translation.override(language):
        assert soup.h1.get_text() == translation.gettext("Something went wrong")
    if language != "en":
        assert soup.h1.get_text() != "Something went wrong"


def test_liveness_probe_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
