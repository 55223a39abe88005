"""Every reader page type renders in every edition, in that edition's language."""

import pytest
from bs4 import BeautifulSoup

from .factories import ArticleFactory, AuthorFactory, SectionFactory, feature

LANGUAGES = ["fr", "en", "vi"]


def render(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_root_redirects_to_the_default_edition(client, homes):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders(client, homes, locales, language):
    home = homes[language]
    section = SectionFactory(parent=home, title=f"Section {language}")
    subsection = SectionFactory(parent=section, title=f"Sub {language}")
    author = AuthorFactory(locale=locales[language], name=f"Author {language}")
    article = ArticleFactory(section=subsection, authors=[author], tags=[f"tag-{language}"])
    month = article.get_parent()
    year = month.get_parent()

    pages = {
        "home": home.url,
        "section": section.url,
        "subsection": subsection.url,
        "year": year.url,
        "month": month.url,
        "article": article.url,
        "author": f"/{language}/authors/{author.slug}/",
        "tag": f"/{language}/tags/tag-{language}/",
    }
    for kind, url in pages.items():
        assert url.startswith(f"/{language}/"), kind
        soup = render(client, url)
        assert soup.html["lang"] == language, kind
        assert len(soup.find_all("h1")) == 1, kind
        assert soup.find("main") and soup.find("header") and soup.find("footer"), kind
        assert article.title in soup.get_text(), kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_featured_latest_and_section_rails(client, homes, language):
    home = homes[language]
    section = SectionFactory(parent=home, title=f"Politics {language}")
    chosen = ArticleFactory(section=section, title=f"Chosen story {language}")
    for n in range(6):
        ArticleFactory(section=section, title=f"Story {n} {language}")
    feature(home, chosen)
    soup = render(client, home.url)
    featured = soup.find(id="featured-title").find_parent("section")
    assert featured.select(".teaser__title a")[0].get_text() == f"Chosen story {language}"
    latest = soup.find(id="latest-title").find_parent("section")
    assert f"Story 0 {language}" in latest.get_text()
    rail = soup.find(id=f"rail-{section.pk}").find_parent("section")
    assert rail.h2.a["href"] == section.url
