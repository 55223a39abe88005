"""The language switcher and hreflang list only editions where the page has content."""

import pytest
from bs4 import BeautifulSoup

from .factories import ArticleFactory, AuthorFactory, SectionFactory


def switcher(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in soup.select("nav.languages a")}
    alternates = {
        link["hreflang"] for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    return links, alternates


def test_tag_page_links_only_editions_with_stories_under_the_tag(client, homes):
    ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Monde"), tags=["Mê Kông"])
    ArticleFactory(section=SectionFactory(parent=homes["vi"], title="Thế giới"), tags=["Mê Kông"])
    links, alternates = switcher(client, "/fr/tags/me-kong/")
    assert links == {"fr": "/fr/tags/me-kong/", "vi": "/vi/tags/me-kong/"}
    assert alternates == {"fr", "vi", "x-default"}


def test_author_page_links_the_author_profile_in_each_edition(client, homes, locales):
    french = AuthorFactory(name="Nguyễn Việt Dũng", locale=locales["fr"])
    assert french.slug == "nguyen-viet-dung"
    english = french.copy_for_translation(locales["en"])
    english.job_title = "Reporter"
    english.save()
    links, _ = switcher(client, "/fr/authors/nguyen-viet-dung/")
    assert links == {"fr": "/fr/authors/nguyen-viet-dung/", "en": "/en/authors/nguyen-viet-dung/"}


def test_not_found_page_offers_no_alternates(client, homes):
    links, alternates = switcher(client, "/en/no-such-page/")
    assert links == {} and alternates == set()


@pytest.mark.parametrize(("language", "period"), [("fr", "mars 2025"), ("vi", "tháng 3/2025")])
def test_month_archive_is_titled_in_the_edition_language(client, homes, language, period):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    section = SectionFactory(parent=homes[language], title="Monde")
    article = ArticleFactory(
        section=section,
        published_at=datetime(2025, 3, 9, 7, 13, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
    )
    soup = BeautifulSoup(client.get(article.get_parent().url).content, "html.parser")
    assert period in soup.h1.get_text()
    assert soup.select_one(".page-header .kicker a")["href"] == section.url
