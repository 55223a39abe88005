"""Each edition prints dates in its own language and the paper's time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from .factories import ArticleFactory, SectionFactory

# 00:13 UTC is 07:13 in Hanoi: the page must print the newsroom's local time.
PUBLISHED = datetime(2025, 3, 9, 0, 13, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "9 mars 2025 à 07:13"),
        ("en", "March 9, 2025 at 07:13"),
        ("vi", "9 tháng 3 năm 2025 lúc 07:13"),
    ],
)
def test_article_date_is_printed_in_the_edition_language(client, homes, language, expected):
    section = SectionFactory(parent=homes[language], title=f"World {language}")
    article = ArticleFactory(section=section, published_at=PUBLISHED)
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    time = soup.select_one("article time.published")
    assert time.get_text() == expected
    assert time["datetime"].startswith("2025-03-09T07:13:00+07:00")


def test_teasers_print_dates_in_the_edition_language(client, homes):
    section = SectionFactory(parent=homes["fr"], title="Économie")
    ArticleFactory(section=section, published_at=PUBLISHED)
    soup = BeautifulSoup(client.get(section.url).content, "html.parser")
    assert soup.select_one(".teaser__meta time").get_text() == "9 mars 2025 à 07:13"
