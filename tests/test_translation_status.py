"""The translation status table: each story's state in each edition."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from newsdesk.articles.models import ArticlePage

from .factories import ArticleFactory, SectionFactory


@pytest.fixture
def story(homes):
    return ArticleFactory(
        section=SectionFactory(parent=homes["fr"], title="Monde"), title="Accord sur le Mékong"
    )


def statuses(client):
    soup = BeautifulSoup(client.get(reverse("newsdesk_translations")).content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if "Accord sur le Mékong" in tr.get_text())
    return {cell["data-language"]: cell["data-status"] for cell in row.select("td[data-status]")}


def translate_strings(source, locale, kind):
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}", "translation_type": kind},
        )


def test_the_table_follows_a_translation_from_missing_to_published(admin_client, story, locales):
    assert statuses(admin_client) == {"fr": "original", "en": "missing", "vi": "missing"}

    source, _ = TranslationSource.get_or_create_from_instance(story)
    Translation.objects.create(source=source, target_locale=locales["en"]).save_target(
        publish=False
    )
    assert statuses(admin_client)["en"] == "draft"

    translate_strings(source, locales["en"], StringTranslation.TRANSLATION_TYPE_MACHINE)
    assert statuses(admin_client)["en"] == "machine-only"

    translate_strings(source, locales["en"], StringTranslation.TRANSLATION_TYPE_MANUAL)
    assert statuses(admin_client)["en"] == "reviewed"

    english = ArticlePage.objects.get(translation_key=story.translation_key, locale=locales["en"])
    english.save_revision().publish()
    assert statuses(admin_client)["en"] == "published"

    french = ArticlePage.objects.get(pk=story.pk)
    french.lede = "Un nouveau paragraphe d'introduction."
    french.save_revision()
    assert statuses(admin_client)["en"] == "published"  # a draft of the source changes nothing
    french.get_latest_revision().publish()
    assert statuses(admin_client) == {"fr": "original", "en": "out of date", "vi": "missing"}

    source.update_from_db()  # the translator syncs: the new lede has no translation yet
    assert statuses(admin_client)["en"] == "draft"
    translate_strings(source, locales["en"], StringTranslation.TRANSLATION_TYPE_MACHINE)
    assert statuses(admin_client)["en"] == "machine-only"


def test_a_translator_finds_the_out_of_date_stories_of_an_edition_and_syncs_them(
    admin_client, story, homes, locales
):
    other = ArticleFactory(section=SectionFactory(parent=homes["fr"], title="Sport"), title="But")
    for page in (story, other):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        for code in ("en", "vi"):
            Translation.objects.create(source=source, target_locale=locales[code]).save_target()
    story.lede = "Un nouveau paragraphe d'introduction."
    story.save_revision().publish()

    url = reverse("newsdesk_translations")
    soup = BeautifulSoup(
        admin_client.get(url, {"edition": "vi", "out_of_date": "1"}).content, "html.parser"
    )
    rows = soup.select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Accord sur le Mékong"]
    assert [td["data-language"] for td in rows[0].select("td[data-status]")] == ["vi"]
    assert rows[0].select_one("td[data-status]")["data-status"] == "out of date"

    sync = rows[0].select_one("a[data-action=sync]")["href"]
    assert admin_client.get(sync).status_code == 200
    response = admin_client.post(sync, {"publish_translations": ""})
    assert response.status_code == 302
    soup = BeautifulSoup(admin_client.get(url, {"out_of_date": "1"}).content, "html.parser")
    assert not soup.select("tbody tr td[data-status]")


def test_a_missing_translation_links_to_the_translate_form_for_that_edition(
    admin_client, story, locales
):
    soup = BeautifulSoup(admin_client.get(reverse("newsdesk_translations")).content, "html.parser")
    link = soup.select_one('td[data-language="vi"] a')["href"]
    form = BeautifulSoup(admin_client.get(link).content, "html.parser")
    assert form.select_one('input[name="locales"][checked]')["value"] == str(locales["vi"].pk)
