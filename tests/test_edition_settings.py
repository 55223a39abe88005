"""Each edition has its own masthead, time zone, date style and attribution wording."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from newsdesk.editions.models import Edition, HomePage

from .factories import ArticleFactory, SectionFactory, SourceFactory

PUBLISHED = datetime(2025, 3, 9, 0, 13, tzinfo=ZoneInfo("UTC"))  # 07:13 in Hanoi


@pytest.fixture
def story(homes):
    section = SectionFactory(parent=homes["fr"], title="Monde")
    return ArticleFactory(
        section=section,
        published_at=PUBLISHED,
        source=SourceFactory(name="vietnamnet.vn"),
        source_url="https://vietnamnet.vn/a.html",
        source_relation="translated",
    )


def page(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_every_edition_has_its_settings(homes):
    assert set(Edition.objects.values_list("locale__language_code", flat=True)) == {
        "fr",
        "en",
        "vi",
    }


def test_defaults_follow_the_newsroom(client, story):
    soup = page(client, story.url)
    assert soup.select_one("time.published").get_text() == "9 mars 2025 à 07:13"
    assert (
        soup.select_one(".attribution__line")
        .get_text(" ", strip=True)
        .startswith("Selon vietnamnet.vn")
    )


def test_an_edition_prints_dates_in_its_own_time_zone_and_style(client, story):
    Edition.objects.filter(locale__language_code="fr").update(time_zone="Europe/Paris")
    soup = page(client, story.url)
    time = soup.select_one("time.published")
    assert time.get_text() == "9 mars 2025 à 01:13"
    assert time["datetime"].startswith("2025-03-09T01:13:00+01:00")
    Edition.objects.filter(locale__language_code="fr").update(date_style="short")
    assert page(client, story.url).select_one("time.published").get_text() == "09/03/2025 01:13"
    teaser_time = page(client, story.get_section().url).select_one(".teaser__meta time")
    assert teaser_time.get_text() == "09/03/2025 01:13"
    # Other editions keep the newsroom's zone.
    english = ArticleFactory(
        section=SectionFactory(
            parent=HomePage.objects.get(locale__language_code="en"), title="World"
        ),
        published_at=PUBLISHED,
    )
    assert (
        page(client, english.url).select_one("time.published").get_text()
        == "March 9, 2025 at 07:13"
    )


def test_masthead_and_attribution_wording(client, story):
    Edition.objects.filter(locale__language_code="fr").update(
        name="Le Courrier du Mékong", attribution_wording="D'après"
    )
    soup = page(client, story.url)
    assert soup.select_one(".masthead__brand").get_text(strip=True) == "Le Courrier du Mékong"
    assert (
        soup.select_one(".attribution__line")
        .get_text(" ", strip=True)
        .startswith("D'après vietnamnet.vn")
    )


def test_an_unknown_time_zone_is_refused(homes):
    edition = Edition.objects.get(locale__language_code="fr")
    edition.time_zone = "Mars/Olympus_Mons"
    with pytest.raises(ValidationError, match="Mars/Olympus_Mons"):
        edition.full_clean()
